#pragma once
/// \file
/// The annual summary (年度工作总结): the year month by month (the trend of sales, collection and
/// expense against plan, per region and in total), the year to date, the accounts whose tier
/// changed, and findings stated from the numbers. Built from the same Snapshot as the monthly
/// report by calling planning::plan_vs_actual once per month, so each month's figures equal
/// that call at the month's end. Proven by tests/report/annual_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <span>
#include <string>
#include <vector>

namespace crm::report {

/// An account's tier at the start of the year (the archive holds the tier now).
struct CRM_EXPORT TierRecord {
    AccountId account{};
    std::string tier{};
    friend bool operator==(const TierRecord&, const TierRecord&) = default;
};

/// An account whose tier changed during the year.
struct CRM_EXPORT TierChange {
    AccountId account{};
    std::string from{};
    std::string to{};
    friend bool operator==(const TierChange&, const TierChange&) = default;
};

/// One month of the trend: planning::plan_vs_actual at the month's last day (the as-of month:
/// at the as-of date); `progress.regions` and `progress.total` hold that month's figures.
struct CRM_EXPORT MonthTrend {
    int month = 0;
    planning::MonthlyPlanActual progress{};
    friend bool operator==(const MonthTrend&, const MonthTrend&) = default;
};

/// The annual summary.
struct CRM_EXPORT AnnualSummary {
    int year = 0;
    Date as_of{};
    std::vector<MonthTrend> months{};        ///< January .. the as-of month
    std::vector<TierChange> tier_changes{};  ///< in archive order
    /// Per region in plan order, for sales then collection: allow `report.year_on_plan` when the
    /// year to date reaches the plan to date, warn `report.year_behind_plan` otherwise (region,
    /// measure, measure_zh, actual, plan, achievement); then `report.tier_changed` (allow) per
    /// tier change (account, from, to).
    std::vector<Finding> findings{};
    friend bool operator==(const AnnualSummary&, const AnnualSummary&) = default;
};

/// The summary of the snapshot's year up to its as-of date. Throws crm::Error as
/// planning::plan_vs_actual does (naming `accounts[i].region`, `actuals.sales[i].account` ...),
/// and not_found naming `tiers[i].account` for an account not in the archive.
[[nodiscard]] CRM_EXPORT AnnualSummary annual_summary(const Snapshot& snapshot,
                                                      std::span<const TierRecord> tiers);

/// The summary as text or Markdown, in Chinese or English (see render()).
[[nodiscard]] CRM_EXPORT std::string render(const AnnualSummary& summary, Lang lang, Format format);

}  // namespace crm::report
