#pragma once
/// \file
/// Regular visits (定期拜访): each tier has a cadence; from the last visit the next one falls
/// due, and on any day the overdue list says who has not been visited in time. Domain:
/// docs/domain.md section 1 ("Visits"). Proven by tests/account/visit_test.cpp.
///
/// ```cpp
/// using namespace crm::account;
/// const VisitPolicy policy{};                 // A monthly, B every two months, C quarterly
/// next_visit_due(policy, account);            // last visit 2024-01-31, tier A: 2024-02-29
/// overdue_visits(policy, accounts, crm::Date(2024, 6, 30));
/// ```
///
/// Months are calendar months with the day clamped (crm::add_months): a visit on 2024-01-31
/// with a monthly cadence is next due 2024-02-29. An account never visited counts from its
/// creation date. A visit is overdue on the days after its due date.

#include <crm/account/account.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::account {

/// One tier's visit cadence: a visit every `every_months` calendar months (at least 1).
struct CRM_EXPORT VisitCadence {
    std::string tier;      ///< the tier the cadence is for (e.g. `A`); not empty, once per policy
    int every_months = 1;  ///< months between visits (拜访周期), 1 to 120; default 1 (monthly)

    /// Memberwise equality.
    friend bool operator==(const VisitCadence&, const VisitCadence&) = default;
};

/// The visit policy. Defaults from domain.md section 1: A monthly, B every two months, C
/// quarterly; lost accounts are not expected to be visited.
struct CRM_EXPORT VisitPolicy {
    /// The cadence per tier; default A monthly, B every two months, C quarterly.
    std::vector<VisitCadence> tiers{
        VisitCadence{.tier = "A", .every_months = 1},
        VisitCadence{.tier = "B", .every_months = 2},
        VisitCadence{.tier = "C", .every_months = 3},
    };
    /// Leave accounts with Status::lost out of the overdue list. Default yes.
    bool skip_lost = true;

    /// Throws crm::Error naming the field: no tiers (`policy.tiers`), an empty tier
    /// (`policy.tiers[i].tier`), a tier listed twice (duplicate), a cadence outside 1..120
    /// months (`policy.tiers[i].every_months`).
    void validate() const;
    /// The tier's cadence, or nullptr when the policy does not know the tier.
    [[nodiscard]] const VisitCadence* find(std::string_view tier) const noexcept;

    /// Memberwise equality.
    friend bool operator==(const VisitPolicy&, const VisitPolicy&) = default;
};

/// The day the next visit falls due: the last visit (or, never visited, the creation date) plus
/// the tier's cadence. Throws crm::Error: an invalid policy, an unknown tier (not_found,
/// `account.tier`).
[[nodiscard]] CRM_EXPORT Date next_visit_due(const VisitPolicy& policy, const Account& account);

/// An account whose visit is overdue on the as-of date.
struct CRM_EXPORT OverdueVisit {
    std::size_t index = 0;          ///< position in the span given to overdue_visits
    AccountId account;              ///< the account to visit
    std::optional<PersonId> owner;  ///< who should have visited; none for a pool account
    /// Its last visit (最近拜访); none when never visited (the cadence then counts from its creation).
    std::optional<Date> last_visit;
    Date due;      ///< the day the visit fell due
    Days overdue;  ///< as_of - due, at least 1

    /// Memberwise equality.
    friend bool operator==(const OverdueVisit&, const OverdueVisit&) = default;
};
/// Prints `<account> owner <owner or (pool)> last visit <date or never> due <date> overdue <n> days`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const OverdueVisit& v);

/// The accounts whose next visit was due before `as_of`, in input order (lost accounts left out
/// when the policy says so). Throws as next_visit_due, naming `accounts[i].tier`.
[[nodiscard]] CRM_EXPORT std::vector<OverdueVisit> overdue_visits(const VisitPolicy& policy,
                                                                  std::span<const Account> accounts,
                                                                  Date as_of);

/// The reason behind an overdue visit, bilingual: `account.visit_overdue` (warn) with figures
/// account, due, last_visit (omitted for an account never visited, which has its own text)
/// and overdue (days). Proven by tests/account/explain_test.cpp.
[[nodiscard]] CRM_EXPORT Reason visit_reason(const OverdueVisit& visit);

}  // namespace crm::account
