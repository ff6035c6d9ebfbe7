#pragma once
/// \file
/// Fulfilment of an agreement (协议执行情况, domain.md section 3): at any date, actual revenue
/// against the pro-rata commitment per product group and quarter, the rebate accrued so far,
/// and the projected year-end revenue at the current run rate. Proven by
/// tests/contract/fulfilment_test.cpp (worked examples and properties).
///
/// Formulas (amounts rounded half_up to the currency's minor unit, once each):
/// - a quarter's pro-rata commitment = committed x elapsed days of the quarter / its days
///   (elapsed counts `first`..min(as_of, last), both inclusive);
/// - a group's pro-rata = the sum of its quarters' pro-rata;
/// - run-rate projection = actual x term days / elapsed days of the term;
/// - projected gap = projected - committed (negative: a shortfall, positive: an excess);
/// - rebate accrued = pricing::accrue_rebate over the sales from `starts` to min(as_of, ends).

#include <crm/contract/agreement.hpp>
#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/pricing/rebate.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace crm::contract {

/// One sale (or, negative, a return) of a product group: its date and net amount.
struct CRM_EXPORT Sale {
    /// The invoice date; sales outside the agreement's validity or after the as-of date are ignored.
    Date date;
    ProductGroupId group;  ///< the committed product group it counts towards
    Money amount;          ///< the net amount, in the agreement's currency; negative for a return
    /// Memberwise equality.
    friend bool operator==(const Sale&, const Sale&) = default;
};

/// Actual against commitment over one span (a quarter, a group's year, the whole agreement).
struct CRM_EXPORT Progress {
    Money committed;  ///< the commitment of the whole span
    Money pro_rata;   ///< the part of it due by the as-of date
    Money actual;     ///< the sales of the span up to the as-of date
    Money gap;        ///< actual - pro_rata (negative: behind)
    /// Memberwise equality.
    friend bool operator==(const Progress&, const Progress&) = default;
};

/// Per product group: the year and its four quarters.
struct CRM_EXPORT GroupFulfilment {
    ProductGroupId group;              ///< the product group
    Progress year;                     ///< its progress over the agreement year
    std::array<Progress, 4> quarters;  ///< its progress per quarter of the agreement year (quarter_of)
    /// Memberwise equality.
    friend bool operator==(const GroupFulfilment&, const GroupFulfilment&) = default;
};

/// The fulfilment report.
struct CRM_EXPORT Fulfilment {
    Date as_of;                           ///< the date the report is made at
    Days elapsed;                         ///< days of validity elapsed, as_of included (at most the term)
    std::vector<GroupFulfilment> groups;  ///< in commitment order
    Progress total;                       ///< all groups
    Money projected;                      ///< year-end revenue at the current run rate
    Money projected_gap;                  ///< projected - committed
    std::optional<pricing::RebateAccrual> rebate;  ///< to date; none without a scheme
    std::optional<std::size_t> projected_tier;     ///< tier reached by `projected`
    /// Memberwise equality.
    friend bool operator==(const Fulfilment&, const Fulfilment&) = default;
};

/// The fulfilment at `as_of`. Sales after min(as_of, ends) or before `starts` are ignored.
/// Throws crm::Error: whatever validate() throws; `as_of` invalid_argument when before
/// `starts`; `actual_sales[i].amount` currency_mismatch; `actual_sales[i].group` not_found for a
/// product group the agreement does not commit; and accrue_rebate's errors.
[[nodiscard]] CRM_EXPORT Fulfilment fulfilment(const Agreement& agreement, std::span<const Sale> actual_sales,
                                               Date as_of);

/// The fulfilment in words, bilingual: per product group in commitment order
/// `contract.fulfilment_on_track` (allow) or `contract.fulfilment_behind` (warning, with the
/// shortfall = pro_rata - actual), figures group, actual, pro_rata; then, when the run-rate
/// projection falls short, `contract.fulfilment_projected_short` (warning) with projected,
/// committed and shortfall. Proven by tests/contract/fulfilment_test.cpp.
[[nodiscard]] CRM_EXPORT Decision fulfilment_reasons(const Fulfilment& f);

}  // namespace crm::contract
