#pragma once
/// \file
/// Collection (回款, docs/domain.md section 4): the collection plan per account and month
/// against what was actually collected, and the collection rate (回款率 = actual / planned).
/// Proven by tests/credit/collection_test.cpp.
///
/// ```cpp
/// auto rate = crm::credit::collection_rate(crm::Money{"955000", "CNY"}, crm::Money{"1000000", "CNY"});
/// // 95.50%
/// ```

#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>
#include <crm/time/period.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crm::credit {

/// The collection rate actual / planned as a Percent with `decimals` places (2: 95.50%).
/// A zero plan has no rate (std::nullopt): nothing was asked for, so no share of it was met.
/// Over-collection gives more than 100%. Throws crm::Error naming `actual` or `planned`
/// (negative, invalid_argument) or currency_mismatch.
[[nodiscard]] CRM_EXPORT std::optional<Percent> collection_rate(const Money& actual, const Money& planned,
                                                                int decimals = 2,
                                                                RoundingMode mode = RoundingMode::half_up);

/// The amount planned to be collected from an account in a month (回款计划). Invariants
/// (collection_report): a month, planned >= 0. Proven by tests/credit/collection_test.cpp.
struct CRM_EXPORT CollectionPlan {
    AccountId account;  ///< the account the plan is for
    Period month;       ///< a month (PeriodKind::month)
    Money planned;      ///< the amount planned to be collected in that month, >= 0
    /// Memberwise equality.
    friend bool operator==(const CollectionPlan&, const CollectionPlan&) = default;
};

/// A payment received from an account (实际回款, a bank receipt 银行回单). Invariant
/// (collection_report): amount >= 0; apply_collections (application.hpp) wants it > 0 and a
/// whole number of minor units. Under ApplicationMethod::by_reference the receipt pays the
/// invoice it names (its instalments oldest due first, or only the named instalment); a
/// receipt that names nothing is an unapplied credit (预收款). Proven by
/// tests/credit/collection_test.cpp and tests/credit/application_test.cpp.
struct CRM_EXPORT Receipt {
    AccountId account;       ///< the paying account
    Date received_on;        ///< the day the money arrived (it counts in that calendar month)
    Money amount;            ///< the amount received, >= 0 (> 0 for apply_collections)
    std::string id;          ///< the receipt's own number ("HD-0001"), shown for unapplied credit
    InvoiceId invoice;       ///< the invoice the payer named (by_reference); empty: none
    std::string instalment;  ///< the instalment the payer named; empty: any of the invoice
    /// Memberwise equality.
    friend bool operator==(const Receipt&, const Receipt&) = default;
};

/// Planned against actual for one account and month, or for a total.
/// Invariant: variance = actual - planned; rate = collection_rate(actual, planned).
/// Proven by tests/credit/collection_test.cpp.
struct CRM_EXPORT CollectionLine {
    AccountId account;  ///< empty in the report's total
    Period month;       ///< the calendar month (the report total carries the first month)
    Money planned;      ///< the amount planned (计划回款)
    Money actual;       ///< the amount received (实际回款)
    Money variance;     ///< actual - planned: negative when behind plan
    /// The collection rate (回款率) actual / planned; none when nothing was planned.
    std::optional<Percent> rate;
    /// Memberwise equality.
    friend bool operator==(const CollectionLine&, const CollectionLine&) = default;
};
/// `A-1 2024-03 planned CNY 100.00 actual CNY 95.00 (95.00%)`; `(no plan)` instead of the rate
/// when nothing was planned; the total line has no account and month.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const CollectionLine& l);

/// Every (account, month) that has a plan or a receipt, ordered by account then month, with
/// the overall total. Invariant: the lines' planned and actual amounts sum exactly to the
/// total's. Proven by tests/credit/collection_test.cpp.
struct CRM_EXPORT CollectionReport {
    /// One line per (account, month) with a plan or a receipt, by account then month.
    std::vector<CollectionLine> lines;
    CollectionLine total;  ///< the sum over every line (account empty)
    /// Memberwise equality.
    friend bool operator==(const CollectionReport&, const CollectionReport&) = default;
};

/// Joins plans and receipts per account and calendar month (a receipt counts in the month of
/// its date). All amounts in one currency. Throws crm::Error naming the field: a plan for a
/// period that is not a month (`plans[i].month`), a negative amount (`plans[i].planned`,
/// `receipts[i].amount`), the same account and month planned twice (duplicate,
/// `plans[i].month`), amounts in different currencies (currency_mismatch).
[[nodiscard]] CRM_EXPORT CollectionReport collection_report(std::span<const CollectionPlan> plans,
                                                            std::span<const Receipt> receipts,
                                                            int decimals = 2,
                                                            RoundingMode mode = RoundingMode::half_up);

}  // namespace crm::credit
