#pragma once
/// \file
/// Ownership and the public pool (公海): who may claim an account, which owned accounts fall
/// back to the pool, and when a transfer between reps needs approval. Domain: docs/domain.md
/// section 1 ("Ownership and the public pool"). Proven by tests/account/pool_test.cpp.
///
/// ```cpp
/// using namespace crm::account;
/// const PoolPolicy policy{};  // A exempt; B 30 days without follow-up / 180 without a deal; C 15 / 90
/// for (const Release& r : due_for_release(policy, accounts, crm::Date(2024, 6, 30)))
///     std::cout << explain(r, crm::Lang::zh) << '\n';
/// crm::Decision d = claim(policy, account, crm::PersonId{"chen"}, 12, history, crm::Date(2024, 7, 1));
/// ```
///
/// The pool clocks. For the follow-up rule the clock starts at the latest of `created`,
/// `owned_since` and `last_follow_up`; for the deal rule at the latest of `created`,
/// `owned_since` and `last_deal`. With a limit of N days the last allowed day (the deadline)
/// is start + N; the account is due back in the pool on any day after it: started 2024-03-01,
/// N = 30, deadline 2024-03-31, due from 2024-04-01. That is the reading of "超过30天未跟进"
/// (PoolPolicy::release_after exclusive, the default); "30天以上未跟进" (inclusive) releases on
/// the 30th day itself: deadline 2024-03-30, due from 2024-03-31.

#include <crm/account/account.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::account {

/// How one tier's accounts return to the pool. A tier is either `exempt` (never released
/// automatically; strategic accounts usually are) or has at least one of the two limits.
struct CRM_EXPORT TierPoolRule {
    std::string tier;  ///< the tier the rule is for (e.g. `B`); not empty, once per policy
    /// Released after more than this many days without a follow-up (跟进); none: no such rule.
    std::optional<Days> follow_up_within;
    /// Released after more than this many days without a deal (成交); none: no such rule.
    std::optional<Days> deal_within;
    bool exempt = false;  ///< never released automatically; then neither limit may be given

    /// Memberwise equality.
    friend bool operator==(const TierPoolRule&, const TierPoolRule&) = default;
};

/// The public-pool policy. domain.md section 1 names the rules (N days without follow-up, M
/// days without a deal, per tier, some exempt; at most K accounts per rep; no reclaim for D
/// days; transfers need approval) but no numbers: the defaults below are common settings of
/// Chinese CRMs, to be replaced by the host's own.
struct CRM_EXPORT PoolPolicy {
    /// A exempt; B 30 days without follow-up or 180 without a deal; C 15 and 90.
    std::vector<TierPoolRule> tiers{
        TierPoolRule{
            .tier = "A", .follow_up_within = std::nullopt, .deal_within = std::nullopt, .exempt = true},
        TierPoolRule{.tier = "B", .follow_up_within = Days{30}, .deal_within = Days{180}, .exempt = false},
        TierPoolRule{.tier = "C", .follow_up_within = Days{15}, .deal_within = Days{90}, .exempt = false},
    };
    /// At most this many accounts per rep (K); none: no cap. Default 100.
    std::optional<std::int64_t> max_accounts_per_rep = 100;
    /// A rep who released an account may not reclaim it for this many days (D). Default 30.
    Days reclaim_cooldown{30};
    /// Whether every transfer between reps needs an approval. Default yes.
    bool transfer_needs_approval = true;
    /// Which side of a limit of N days its own day falls on. Exclusive (the default, the
    /// wording "超过N天未跟进"): released once more than N days have passed, so the last allowed
    /// day is start + N. Inclusive ("N天以上未跟进"): released once N days have passed, so the
    /// last allowed day is start + N - 1. The reasons say 超过 or 以上 accordingly.
    Boundary release_after = Boundary::exclusive;

    /// Throws crm::Error naming the field: no tiers (`policy.tiers`, invalid_argument), an
    /// empty tier name (`policy.tiers[i].tier`), a tier listed twice (duplicate, same field), a
    /// limit below one day (`policy.tiers[i].follow_up_within` / `.deal_within`), an exempt tier
    /// with a limit or a non-exempt tier with none (inconsistent, `policy.tiers[i].exempt`), a
    /// cap below 1 (`policy.max_accounts_per_rep`), a negative cool-down
    /// (`policy.reclaim_cooldown`), a `release_after` outside the enum (`policy.release_after`).
    void validate() const;
    /// The tier's rule, or nullptr when the policy does not know the tier.
    [[nodiscard]] const TierPoolRule* find(std::string_view tier) const noexcept;

    /// Memberwise equality.
    friend bool operator==(const PoolPolicy&, const PoolPolicy&) = default;
};

/// A past release of an account by a rep (the claim history the cool-down reads).
struct CRM_EXPORT ReleaseEvent {
    AccountId account;  ///< the account released
    PersonId rep;       ///< the rep who released it (who may not reclaim it during the cool-down)
    Date released_on;   ///< the day it was released

    /// Memberwise equality.
    friend bool operator==(const ReleaseEvent&, const ReleaseEvent&) = default;
};
/// `ACC-7 released by wang on 2024-06-01`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const ReleaseEvent& e);

/// Which pool rule fired.
enum class ReleaseRule {
    no_follow_up,  ///< too long without a follow-up (跟进)
    no_deal,       ///< too long without a deal (成交)
};
/// The stable name: `no_follow_up` or `no_deal` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ReleaseRule rule) noexcept;
/// Prints to_string(rule).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ReleaseRule rule);

/// The dates behind one fired rule: the clock started `since`, the limit was `limit` days on
/// side `side`, the last allowed day was `deadline` (since + limit when exclusive, since +
/// limit - 1 when inclusive), and `elapsed` days had passed on the release date (more than
/// `limit` when exclusive, at least `limit` when inclusive).
struct CRM_EXPORT ReleaseTrigger {
    ReleaseRule rule = ReleaseRule::no_follow_up;  ///< which rule fired; default no_follow_up
    /// The day its clock started: the last follow-up or deal, never before the owner took the account.
    Date since;
    Days limit;     ///< the rule's limit in days
    Date deadline;  ///< the last day the account was allowed to stay with its owner
    Days elapsed;   ///< days from `since` to the release date
    /// The side of `limit` the policy declared; default exclusive (超过).
    Boundary side = Boundary::exclusive;

    /// Memberwise equality.
    friend bool operator==(const ReleaseTrigger&, const ReleaseTrigger&) = default;
};
/// `no_follow_up since 2024-03-01 limit 15 deadline 2024-03-16 elapsed 16`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const ReleaseTrigger& t);

/// An account that returns to the pool: where it is in the input, who owned it, and every rule
/// that fired (both when both did: an account appears once, never twice).
struct CRM_EXPORT Release {
    std::size_t index = 0;  ///< position in the span given to due_for_release
    AccountId account;      ///< the account released
    PersonId owner;         ///< the owner who loses it (the rep of the ReleaseEvent the host records)
    std::string tier;       ///< its tier when released
    Date released_on;       ///< the as-of date of the run
    /// The follow-up rule's trigger, when it fired; none otherwise.
    std::optional<ReleaseTrigger> no_follow_up;
    std::optional<ReleaseTrigger> no_deal;  ///< the deal rule's trigger, when it fired; none otherwise

    /// Memberwise equality.
    friend bool operator==(const Release&, const Release&) = default;
};
/// For diagnostics: `ACC-7 (owner wang, tier C) no_follow_up since 2024-03-01 limit 15 ...`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Release& r);

/// The reasons behind a release, follow-up first: `account.release_no_follow_up`,
/// `account.release_no_deal`, each with figures account, tier, since, limit, deadline, elapsed,
/// and severity warn (the account changes hands; nobody is refused anything).
[[nodiscard]] CRM_EXPORT std::vector<Reason> release_reasons(const Release& r);
/// The reasons rendered, one per line.
[[nodiscard]] CRM_EXPORT std::string explain(const Release& r, Lang lang);

/// Whether `rep` may claim `account` from the pool on `as_of`. Reasons, all that apply:
/// - block `account.owned_by_other` when someone else owns it (no poaching);
/// - block `account.at_max` when `owned_count` (the rep's accounts now) has reached the cap;
/// - block `account.cooldown` when `history` holds a release of this account by this rep less
///   than the cool-down ago (released 2024-06-01, cool-down 30: blocked through 2024-06-30,
///   claimable from 2024-07-01);
/// - allow `account.already_owner` when the rep owns it already (nothing to do), otherwise
///   allow `account.claimable`.
/// Throws crm::Error: an invalid policy (as PoolPolicy::validate), a tier the policy does not
/// know (not_found, `account.tier`), an empty rep (invalid_argument, `rep`), a negative count
/// (invalid_argument, `owned_count`), a release after `as_of` (inconsistent,
/// `history[i].released_on`).
[[nodiscard]] CRM_EXPORT Decision claim(const PoolPolicy& policy, const Account& account, const PersonId& rep,
                                        std::int64_t owned_count, std::span<const ReleaseEvent> history,
                                        Date as_of);

/// The owned accounts that return to the pool on `as_of`, in input order, each at most once
/// with every rule that fired. Never an account without an owner (already in the pool) nor one
/// of an exempt tier. Cost: one pass over the accounts comparing date serials; the tiers are
/// resolved once (short tier names as integer keys); allocation only for the result.
/// Throws crm::Error: an invalid policy, a tier the policy does not know (not_found,
/// `accounts[i].tier`), two released accounts with the same id (duplicate, `accounts[i].id`,
/// the later one; run validate_archive() for the full check of an archive).
[[nodiscard]] CRM_EXPORT std::vector<Release> due_for_release(const PoolPolicy& policy,
                                                              std::span<const Account> accounts, Date as_of);

/// Whether `account` may pass from `from` to `to`. Reasons, all that apply:
/// - block `account.transfer_not_owner` when `from` does not own it (or nobody does);
/// - block `account.transfer_same_owner` when `from == to`;
/// - block `account.at_max` when `to_owned_count` has reached the cap;
/// - when nothing blocks: needs_approval `account.transfer_needs_approval` when the policy says
///   so, with the nearest manager above both (`common_manager`, "none" when they share no
///   line), otherwise allow `account.transfer_allowed`.
/// Throws crm::Error: an invalid policy, an unknown tier (`account.tier`), `from`, `to` or the
/// account's owner not in the org chart (not_found, `from` / `to` / `account.owner`), a
/// negative `to_owned_count` (invalid_argument).
[[nodiscard]] CRM_EXPORT Decision transfer(const PoolPolicy& policy, const Account& account,
                                           const PersonId& from, const PersonId& to,
                                           std::int64_t to_owned_count, const OrgChart& org);

}  // namespace crm::account
