#pragma once
/// \file
/// Credit exposure (信用敞口) and the receivables position behind an order credit check
/// (docs/domain.md section 4). Proven by tests/credit/exposure_test.cpp.
///
/// ```cpp
/// crm::credit::Exposure e = crm::credit::exposure(policy, profile, snapshot, order);
/// std::cout << e;  // open receivables CNY 600,000.00 + open orders CNY 150,000.00 + ... = CNY 900,000.00
/// ```

#include <crm/credit/policy.hpp>
#include <crm/credit/profile.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>

namespace crm::credit {

/// An account's exposure, each component and the total, in the profile's currency.
///
/// Every component is always stated (so a report can show what was left out); `counted` says
/// which of them are in `total`, as the policy's ExposureComponents said. Invariant: `total`
/// is exactly the sum of the counted components; amounts in other currencies were converted
/// item by item with the snapshot's rates and the policy's conversion_rounding.
/// Proven by tests/credit/exposure_test.cpp.
struct CRM_EXPORT Exposure {
    Money open_receivables;      ///< sum of the receivables' open amounts
    Money open_orders;           ///< sum of the open orders (the checked order's earlier version replaced)
    Money shipped_not_invoiced;  ///< sum of shipped, not yet invoiced goods
    Money order;                 ///< the order being checked
    ExposureComponents counted;  ///< which components are in `total`
    Money total;                 ///< the exposure the limit is compared with

    /// Memberwise equality.
    friend bool operator==(const Exposure&, const Exposure&) = default;
};
/// Explains itself: `open receivables CNY 800.00 + open orders CNY 100.00 + shipped not
/// invoiced CNY 50.00 (not counted) + order CNY 50.00 = CNY 950.00`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Exposure& e);

/// The overdue side of the receivables at an as-of date, in the profile's currency.
///
/// - `open`: the sum of the open amounts;
/// - `overdue`: the open amount of items more than `policy.overdue.grace` days past due;
/// - `oldest_days_past_due`: the most days past due of any item with an open amount (0 when
///   none is past due), whatever the grace;
/// - `oldest_index`: that item's index in the snapshot (the first such item on a tie), not
///   given when no item is past due.
/// A later as-of date (and nothing paid) never lowers `overdue` or `oldest_days_past_due`.
/// Proven by tests/credit/exposure_test.cpp.
struct CRM_EXPORT ReceivablesPosition {
    Money open;                    ///< the sum of the open amounts, in the profile's currency
    Money overdue;                 ///< the open amount beyond the grace days, as described above
    Days oldest_days_past_due{0};  ///< the most days past due of any open item; 0 when none is past due
    /// The index of that item in the snapshot; none when no item is past due.
    std::optional<std::size_t> oldest_index;

    /// Memberwise equality.
    friend bool operator==(const ReceivablesPosition&, const ReceivablesPosition&) = default;
};
/// `open CNY 800.00, overdue CNY 300.00, oldest 45 days past due (item 2)`; the item index only
/// when some item is past due.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const ReceivablesPosition& p);

/// The exposure if `order` were accepted. Validates as check_order does (policy, profile,
/// rates, every item) and throws crm::Error naming the field: a negative amount
/// (`order.amount`, `snapshot.open_orders[i].amount`), a bad receivable
/// (`snapshot.receivables[i].due_on`), a policy amount in another currency
/// (`policy.tolerance.amount`), a missing rate (`snapshot.rates.USD`).
[[nodiscard]] CRM_EXPORT Exposure exposure(const Policy& policy, const CreditProfile& profile,
                                           const CreditSnapshot& snapshot, const Order& order);

/// The receivables' open and overdue amounts and the oldest days past due at `as_of`.
/// Throws as `exposure` does.
[[nodiscard]] CRM_EXPORT ReceivablesPosition receivables_position(const Policy& policy,
                                                                  const CreditProfile& profile,
                                                                  const CreditSnapshot& snapshot, Date as_of);

namespace detail {
/// Exposure and position from one pass over the snapshot (the hot path of check_order).
struct CreditScan {
    Exposure exposure;
    ReceivablesPosition position;
};
/// Validates everything check_order reads, then scans the snapshot once.
[[nodiscard]] CRM_EXPORT CreditScan scan(const Policy& policy, const CreditProfile& profile,
                                         const CreditSnapshot& snapshot, const Order& order, Date as_of);
}  // namespace detail

}  // namespace crm::credit
