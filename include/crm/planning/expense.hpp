#pragma once
/// \file
/// Expense effectiveness (销售费用率 = expense / revenue) per region against its standard, and
/// a suggested reallocation of the remaining budget (适当调整费用分配标准) whose moves sum
/// exactly to zero. Proven by tests/planning/expense_test.cpp.
///
/// **The reallocation rule.** A region's remaining budget is its annual expense plan less its
/// expense to date (zero when spent). The pool of remaining budgets is redistributed in
/// proportion to (remaining sales plan x the region's standard ratio), the remaining sales
/// plan being the annual sales plan less the sales to date (zero when exceeded): the budget
/// follows the sales still to be made, at the rate each region is allowed to spend. The split
/// is crm::allocate (largest remainder, ties to the earlier region), so the suggestions sum
/// exactly to the pool and the moves (suggested - remaining) exactly to zero. When no region
/// has sales left to make, nothing moves.

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/planning/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace crm::planning {

/// One region's expense standard (费用标准): its allowed expense / revenue.
struct CRM_EXPORT ExpenseStandard {
    RegionId region{};   ///< the region the standard is for; once per policy
    Percent standard{};  ///< the allowed sales expense ratio (销售费用率 = expense / revenue), 0% to 100%
    /// Memberwise equality.
    friend bool operator==(const ExpenseStandard&, const ExpenseStandard&) = default;
};

/// The expense standards.
struct CRM_EXPORT ExpensePolicy {
    /// The standard of a region not listed. Default 5%.
    Percent default_standard{Decimal{5}};
    /// The regions with their own standard; others take `default_standard`.
    std::vector<ExpenseStandard> standards{};
    /// A ratio equal to the standard: exclusive (the default, "超过标准") is within it;
    /// inclusive ("达到标准以上") is over.
    Boundary over = Boundary::exclusive;
    /// Throws crm::Error naming the field: a standard outside 0..100%
    /// (`policy.default_standard`, `policy.standards[i].standard`), a region listed twice
    /// (`policy.standards[i].region`, duplicate), `policy.over` outside the enum.
    void validate() const;
    /// The standard of `region`.
    [[nodiscard]] Percent standard_of(const RegionId& region) const noexcept;
    /// Memberwise equality.
    friend bool operator==(const ExpensePolicy&, const ExpensePolicy&) = default;
};

/// One region's expense effectiveness and its suggested budget.
struct CRM_EXPORT RegionExpense {
    RegionId region{};               ///< the region
    std::string name{};              ///< its display name (华东区); empty when the plan gives none
    Money revenue{};                 ///< sales to date (year to date)
    Money expense{};                 ///< expense to date
    std::optional<Percent> ratio{};  ///< expense / revenue, half-up to 2 places; none with no revenue
    Percent standard{};              ///< the region's expense standard applied
    /// Whether the ratio is over the standard (on the side `ExpensePolicy::over` declares).
    bool over_standard = false;
    Money remaining_budget{};  ///< annual expense plan - expense to date, at least zero
    Money suggested_budget{};  ///< the pool split by the rule of the file comment
    Money move{};              ///< suggested - remaining: positive in, negative out
    /// Memberwise equality.
    friend bool operator==(const RegionExpense&, const RegionExpense&) = default;
};

/// Every region's expense and the suggested reallocation.
struct CRM_EXPORT ExpenseReview {
    std::vector<RegionExpense> regions{};  ///< in the plan's order
    Money pool{};                          ///< the sum of the remaining budgets
    /// warn `planning.expense_ratio_over` per region over its standard (region, ratio,
    /// standard, expense, revenue); allow `planning.expense_move_in` / `planning.expense_move_out`
    /// per region whose budget moves (region, amount); allow `planning.expense_within` when no
    /// region is over and nothing moves.
    Decision findings{};
    /// Memberwise equality.
    friend bool operator==(const ExpenseReview&, const ExpenseReview&) = default;
};

/// The expense review from the plan against actual of the as-of month (its year-to-date sales
/// and expense per region). Throws crm::Error: an invalid plan or policy;
/// `policy.standards[i].region` not in the plan (not_found); `progress.regions` not the
/// plan's regions in order (inconsistent).
[[nodiscard]] CRM_EXPORT ExpenseReview expense_review(const AnnualPlan& plan,
                                                      const MonthlyPlanActual& progress,
                                                      const ExpensePolicy& policy = {});

}  // namespace crm::planning
