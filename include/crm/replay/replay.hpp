#pragma once
/// \file
/// What-if replay (策略回放): a policy change tried against past orders before it goes live.
/// Every order of the history is checked twice, under the policy version of the old set and of
/// the new set in force on the day it was placed: its credit check (credit::check_order with
/// the credit policy row of the account's tier and segment), its approval route
/// (approval::route of an order request, and of a discount request when the order carried a
/// discount) and, when its lines are given, its price (pricing::price_document with the
/// version's rule book, and pricing::authority_needed per line). Every pool run of the history
/// (the accounts as they stood on a day) is run twice through account::due_for_release. The
/// result lists the orders and the accounts whose answer differs, and counts them, with the
/// orders' amounts, in total, per region and per reason. Layer 3: it composes the credit,
/// approval, pricing and account rules and re-implements none. Proven by
/// tests/replay/replay_test.cpp.
///
/// ```cpp
/// const crm::replay::ReplayResult r = crm::replay::replay(old_set, new_set, history);
/// // r.total.tighter: orders the new policies would have stopped (held for approval or
/// // blocked) that the old let through, or blocked where the old asked for approval
/// ```
///
/// **Tighter and looser.** An order's credit outcome under each set is one of allow < warn <
/// needs_approval < block. It is *tighter* when the new outcome is needs_approval or block and
/// more severe than the old, *looser* when the old one was and the new one is less severe
/// (a move between allow and warn is neither: both let the order through). Its approval is
/// *tighter* when the new route needs approval and the old did not, or reaches a higher rank;
/// *looser* the other way round. Its price is tighter when the price decision moves the way a
/// credit outcome would (a line newly below its floor or beyond every role's authority), or,
/// the decision not moving, when it needs a higher-ranked role to grant; looser the other way
/// round. A price that only changes (another rule applies) is counted as priced higher or
/// lower, with the difference. An account of a pool run is tighter when only the new set
/// releases it to the pool, looser when only the old one does.

#include <crm/account/account.hpp>
#include <crm/account/pool.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/credit/profile.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/pricing/model.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace crm::replay {

/// One past order with what the rules read about its account on the day it was placed.
struct CRM_EXPORT HistoricalOrder {
    credit::Order order{};  ///< the order (id, amount) as it was checked
    Date placed{};          ///< the day it was placed: picks each set's policy version
    AccountId account{};    ///< the ordering account
    std::string tier{};     ///< the account's tier then (the credit policy row, e.g. `A`); not empty
    std::string segment{};  ///< the account's segment then (the credit row and the approval conditions)
    RegionId region{};      ///< the account's region (approval conditions and the per-region counts)
    PersonId requester{};   ///< who placed it (the approval route's requester); on the org chart
    /// The account's credit profile then (limit, hold, rating, limit review date).
    credit::CreditProfile profile{};
    std::vector<credit::Receivable> receivables{};      ///< the account's open items then
    std::vector<credit::Order> open_orders{};           ///< its other accepted orders not yet invoiced
    std::vector<credit::Order> shipped_not_invoiced{};  ///< its goods shipped, not yet invoiced
    std::vector<FxRate> rates{};  ///< rates into the profile's currency for other currencies
    /// The discount off list the order carried (折扣), routed as a discount request; none: none.
    std::optional<Percent> discount{};
    /// The order's lines (订单行), repriced under each set in the order's currency; empty: the
    /// order's price is not replayed.
    std::vector<pricing::QuoteLine> lines{};
    /// What was left that day of the budget-limited promotions (the pricing context's budgets).
    std::vector<pricing::PromotionBudget> budgets{};

    /// Memberwise equality.
    friend bool operator==(const HistoricalOrder&, const HistoricalOrder&) = default;
};

/// One pool run (公海回收) of the history: the accounts as they stood on a day, with their
/// owners, tiers and last follow-ups and deals.
struct CRM_EXPORT PoolRun {
    Date as_of{};                              ///< the day of the run: picks each set's version
    std::vector<account::Account> accounts{};  ///< the archive that day, as due_for_release reads it

    /// Memberwise equality.
    friend bool operator==(const PoolRun&, const PoolRun&) = default;
};

/// The history replayed: the orders, the people who placed and approve them (the org chart
/// is built on each version's role ladder) and the pool runs.
struct CRM_EXPORT History {
    std::vector<HistoricalOrder> orders{};  ///< in any order; answered in this order
    std::vector<Person> people{};           ///< the organisation (requesters, managers)
    std::vector<PoolRun> pool{};            ///< in any order; answered in this order

    /// Memberwise equality.
    friend bool operator==(const History&, const History&) = default;
};

/// One order's answers under one policy set.
struct CRM_EXPORT Answer {
    std::string policy_version{};  ///< the id of the set's version in force on the order's day
    Decision credit{};             ///< credit::check_order
    /// The order's approval route, with the discount request's steps after the order's when the
    /// order carried a discount; empty: no approval needed.
    std::vector<approval::Step> approval{};
    int approval_rank = 0;  ///< the highest rank the route reaches (0: none)
    /// The lines' net total (不含税金额) under the version's rule book; none when the order has no lines.
    std::optional<Money> net_total{};
    /// The price's decision: the floors (`pricing.floor_clamped` warn, `pricing.below_floor`
    /// block), then, when the version has a price-authority table, each line's authority
    /// (`pricing.within_authority` allow, `pricing.beyond_authority` block); allow without lines.
    Decision price{};
    /// The highest rank of the roles the lines' prices need (0: no lines, no authority table, or
    /// no role may grant them, which the decision blocks).
    int price_rank = 0;

    /// Memberwise equality.
    friend bool operator==(const Answer&, const Answer&) = default;
};

/// How an order's answer moved from the old set to the new.
enum class Shift {
    same,     ///< the same outcome and the same need for approval
    tighter,  ///< the new set holds or blocks what the old let through, or asks more (see the file comment)
    looser,   ///< the other way round
};
/// The stable name: `same`, `tighter` or `looser` ("unknown" outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Shift s) noexcept;

/// An order whose answer differs between the sets.
struct CRM_EXPORT Case {
    std::size_t index = 0;         ///< its place in History::orders
    OrderId order{};               ///< the order's id
    AccountId account{};           ///< its account
    RegionId region{};             ///< its account's region
    Date placed{};                 ///< the day it was placed
    Money amount{};                ///< its amount
    Answer before{};               ///< under the old set
    Answer after{};                ///< under the new set
    Shift credit = Shift::same;    ///< how the credit outcome moved
    Shift approval = Shift::same;  ///< how the approval route moved
    Shift price = Shift::same;     ///< how the price's decision or the authority it needs moved
    /// The code of the reason that decides the new credit outcome when it is tighter (the most
    /// severe reason, e.g. `credit.over_limit`); of the old one when it is looser; empty when
    /// the credit outcome did not move.
    std::string reason{};
    /// The same for the price's decision (`pricing.below_floor`); empty when it did not move.
    std::string price_reason{};
    /// The new net total less the old (negative: the new set prices lower); zero without lines.
    Money price_change{};

    /// Memberwise equality.
    friend bool operator==(const Case&, const Case&) = default;
};

/// A count of orders and their amount.
struct CRM_EXPORT Tally {
    std::size_t orders = 0;  ///< how many
    Money amount{};          ///< their amounts summed, in the history's currency

    /// Memberwise equality.
    friend bool operator==(const Tally&, const Tally&) = default;
};

/// The counts of one scope (the total, a region or a reason).
struct CRM_EXPORT Counts {
    std::string key{};  ///< the region id or the reason code; empty for the total
    /// Every order of the scope (of a reason: the orders whose credit outcome it moved).
    Tally orders{};
    Tally credit_tighter{};    ///< held for approval or blocked under the new set, not the old
    Tally credit_looser{};     ///< let through under the new set, held or blocked under the old
    Tally newly_blocked{};     ///< of credit_tighter, those the new set blocks
    Tally approval_tighter{};  ///< routed for approval (or higher) under the new set only
    Tally approval_looser{};   ///< the other way round
    Tally price_tighter{};     ///< priced below a floor, beyond authority or for a higher role, new set only
    Tally price_looser{};      ///< the other way round
    /// The orders the new set prices higher; the amount is the rise of their net totals summed.
    Tally priced_higher{};
    /// The orders the new set prices lower; the amount is the fall of their net totals summed (positive).
    Tally priced_lower{};

    /// Memberwise equality.
    friend bool operator==(const Counts&, const Counts&) = default;
};

/// An account of a pool run that one set releases to the pool and the other does not.
struct CRM_EXPORT PoolCase {
    std::size_t run = 0;                       ///< the run's place in History::pool
    std::size_t index = 0;                     ///< the account's place in the run's accounts
    Date as_of{};                              ///< the run's day
    AccountId account{};                       ///< the account
    RegionId region{};                         ///< its region
    std::string tier{};                        ///< its tier
    PersonId owner{};                          ///< who owns it (and loses it where it is released)
    std::string before_version{};              ///< the id of the old set's version in force that day
    std::string after_version{};               ///< the id of the new set's
    std::optional<account::Release> before{};  ///< its release under the old set; none: kept
    std::optional<account::Release> after{};   ///< its release under the new set; none: kept
    Shift shift = Shift::same;  ///< tighter: released under the new set only; looser: the old only

    /// Memberwise equality.
    friend bool operator==(const PoolCase&, const PoolCase&) = default;
};

/// The pool runs' counts of one scope (the total or a region), in accounts.
struct CRM_EXPORT PoolCounts {
    std::string key{};                ///< the region id; empty for the total
    std::size_t accounts = 0;         ///< the accounts of the runs (an account counted once per run)
    std::size_t released_before = 0;  ///< released under the old set
    std::size_t released_after = 0;   ///< released under the new set
    std::size_t tighter = 0;          ///< released under the new set only
    std::size_t looser = 0;           ///< released under the old set only

    /// Memberwise equality.
    friend bool operator==(const PoolCounts&, const PoolCounts&) = default;
};

/// The replay's answer.
struct CRM_EXPORT ReplayResult {
    Currency currency{};            ///< the currency the tallies are in (that of the orders)
    Counts total{};                 ///< every order
    std::vector<Counts> regions{};  ///< per region, in the order regions first appear
    /// Per deciding reason of the moved credit outcomes and price decisions, by first appearance.
    std::vector<Counts> reasons{};
    /// The orders whose answer differs (credit, approval, price decision or net total), in history order.
    std::vector<Case> cases{};
    PoolCounts pool{};                       ///< every account of every pool run
    std::vector<PoolCounts> pool_regions{};  ///< per region, in the order regions first appear
    std::vector<PoolCase> pool_cases{};      ///< the accounts released by one set only, run by run
    /// The stop token ended the run: the order figures cover only part, the pool runs none.
    bool stopped = false;

    /// Memberwise equality.
    friend bool operator==(const ReplayResult&, const ReplayResult&) = default;
};

/// How the replay runs.
struct CRM_EXPORT ReplayOptions {
    int threads = 1;  ///< at most this many threads (0: the hardware's); the answer is the same for any count
    /// Called on the calling thread with (orders done, orders in all), never concurrently, the
    /// done count never decreasing; empty: no reports. The pool runs, one pass over accounts
    /// each, run after the orders and are not reported.
    std::function<void(std::size_t done, std::size_t total)> progress{};
    std::stop_token stop{};  ///< when stop is requested, the replay ends early (ReplayResult::stopped)
};

/// Replays `history` under `before` and `after`. Throws crm::Error naming the input before any
/// result exists: an order of another currency than the first (`orders[i].order.amount`,
/// currency_mismatch) or a line of another currency than its order's
/// (`orders[i].lines[j].currency`), an empty tier (`orders[i].tier`), a day no version of a set
/// covers (`orders[i].placed`, `pool[k].as_of`: not_found, the message naming the set), what
/// policy::credit_policy, credit::check_order, the org chart, approval::route,
/// pricing::price_document and authority_needed throw, named under `orders[i]`
/// (`orders[i].profile.limit`, `orders[i].requester`, `orders[i].lines[j].product`; a day
/// without a price-list entry is `orders[i].placed`), what a version's rule book or pool policy
/// throws (`new_set.versions[v].pricing.book.rules[2].id`, `old_set.versions[v].account.pool.tiers`),
/// what due_for_release throws about an account (`pool[k].accounts[i].tier`); `threads`
/// negative (`options.threads`).
[[nodiscard]] CRM_EXPORT ReplayResult replay(const policy::PolicySet& before, const policy::PolicySet& after,
                                             const History& history, const ReplayOptions& options = {});

}  // namespace crm::replay
