#pragma once
/// \file
/// What-if replay (策略回放): a policy change tried against past orders before it goes live.
/// Every order of the history is checked twice, under the policy version of the old set and of
/// the new set in force on the day it was placed: its credit check (credit::check_order with
/// the credit policy row of the account's tier and segment) and its approval route
/// (approval::route of an order request, and of a discount request when the order carried a
/// discount). The result lists the orders whose answer differs, and counts them, with their
/// amounts, in total, per region and per reason. Layer 3: it composes the credit and approval
/// rules and re-implements neither. Proven by tests/replay/replay_test.cpp.
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
/// *looser* the other way round.

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

    /// Memberwise equality.
    friend bool operator==(const HistoricalOrder&, const HistoricalOrder&) = default;
};

/// The history replayed: the orders and the people who placed and approve them (the org chart
/// is built on each version's role ladder).
struct CRM_EXPORT History {
    std::vector<HistoricalOrder> orders{};  ///< in any order; answered in this order
    std::vector<Person> people{};           ///< the organisation (requesters, managers)

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
    /// The code of the reason that decides the new credit outcome when it is tighter (the most
    /// severe reason, e.g. `credit.over_limit`); of the old one when it is looser; empty when
    /// the credit outcome did not move.
    std::string reason{};

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

    /// Memberwise equality.
    friend bool operator==(const Counts&, const Counts&) = default;
};

/// The replay's answer.
struct CRM_EXPORT ReplayResult {
    Currency currency{};            ///< the currency the tallies are in (that of the orders)
    Counts total{};                 ///< every order
    std::vector<Counts> regions{};  ///< per region, in the order regions first appear
    std::vector<Counts> reasons{};  ///< per deciding reason of the moved credit outcomes, by first appearance
    std::vector<Case> cases{};      ///< the orders whose answer differs, in history order
    bool stopped = false;           ///< the stop token ended the run: the figures cover only part

    /// Memberwise equality.
    friend bool operator==(const ReplayResult&, const ReplayResult&) = default;
};

/// How the replay runs.
struct CRM_EXPORT ReplayOptions {
    int threads = 1;  ///< at most this many threads (0: the hardware's); the answer is the same for any count
    /// Called on the calling thread with (orders done, orders in all), never concurrently, the
    /// done count never decreasing; empty: no reports.
    std::function<void(std::size_t done, std::size_t total)> progress{};
    std::stop_token stop{};  ///< when stop is requested, the replay ends early (ReplayResult::stopped)
};

/// Replays `history` under `before` and `after`. Throws crm::Error naming the input before any
/// result exists: an order of another currency than the first (`orders[i].order.amount`,
/// currency_mismatch), an empty tier (`orders[i].tier`), a day no version of a set covers
/// (`orders[i].placed`, not_found, the message naming the set), what policy::credit_policy,
/// credit::check_order, the org chart and approval::route throw, named under `orders[i]`
/// (`orders[i].profile.limit`, `orders[i].requester`); `threads` negative (`options.threads`).
[[nodiscard]] CRM_EXPORT ReplayResult replay(const policy::PolicySet& before, const policy::PolicySet& after,
                                             const History& history, const ReplayOptions& options = {});

}  // namespace crm::replay
