#pragma once
/// \file
/// The annual summary (年度工作总结): the year month by month (the trend of sales, collection and
/// expense against plan, per region and in total), the year to date, the accounts whose tier
/// changed, and findings stated from the numbers. Built from the same Snapshot as the monthly
/// report by calling planning::plan_vs_actual once per month, so each month's figures equal
/// that call at the month's end. Proven by tests/report/annual_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/credit/aging.hpp>
#include <crm/export.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>
#include <crm/scoring/evaluate.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crm::report {

/// An account's tier at the start of the year (the archive holds the tier now).
struct CRM_EXPORT TierRecord {
    AccountId account{};  ///< an account of the archive (Snapshot::accounts)
    std::string tier{};   ///< its tier (客户等级, e.g. `A`) then; compared exactly with the archive's
    /// Memberwise equality.
    friend bool operator==(const TierRecord&, const TierRecord&) = default;
};

/// An account whose tier changed during the year.
struct CRM_EXPORT TierChange {
    AccountId account{};  ///< the account
    std::string from{};   ///< its tier at the start of the year (TierRecord::tier)
    std::string to{};     ///< its tier now, in the archive
    /// Memberwise equality.
    friend bool operator==(const TierChange&, const TierChange&) = default;
};

/// One month of the trend: planning::plan_vs_actual at the month's last day (the as-of month:
/// at the as-of date); `progress.regions` and `progress.total` hold that month's figures.
struct CRM_EXPORT MonthTrend {
    int month = 0;                           ///< 1..12
    planning::MonthlyPlanActual progress{};  ///< sales, collection and expense against plan, to that day
    /// Memberwise equality.
    friend bool operator==(const MonthTrend&, const MonthTrend&) = default;
};

/// A region's (or the company's) receivables, turnover and KPI in one month, as that month's
/// report stated them.
struct CRM_EXPORT ReportedFigures {
    std::optional<RegionId> region{};           ///< none for the company
    std::string name{};                         ///< the region's display name; empty for the company
    credit::AgingReport aging{};                ///< Section::aging
    Money past_due{};                           ///< aging.total less the current bucket (未逾期)
    std::optional<Decimal> turnover_days{};     ///< Section::turnover_days; none when that report had none
    std::optional<scoring::ScoreResult> kpi{};  ///< Section::kpi; none when that report could not score
    std::optional<std::size_t> kpi_rank{};      ///< Section::kpi_rank, from 1; none without a score
    /// Memberwise equality.
    friend bool operator==(const ReportedFigures&, const ReportedFigures&) = default;
};

/// One month of the aging and KPI trend: the figures of that month's report.
struct CRM_EXPORT ReportedMonth {
    int month = 0;                           ///< the report's month, 1..12
    Date as_of{};                            ///< the report's as-of date
    std::vector<ReportedFigures> regions{};  ///< in plan order
    ReportedFigures total{};                 ///< the company (MonthlyKeyAccountReport::total)
    /// Memberwise equality.
    friend bool operator==(const ReportedMonth&, const ReportedMonth&) = default;
};

/// The annual summary.
struct CRM_EXPORT AnnualSummary {
    int year = 0;                            ///< the plan's year
    Date as_of{};                            ///< Snapshot::as_of: the summary runs to this day
    std::vector<MonthTrend> months{};        ///< January .. the as-of month
    std::vector<TierChange> tier_changes{};  ///< in archive order
    /// The aging and KPI trend, from the monthly reports given (empty without them).
    std::vector<ReportedMonth> reported{};
    /// Per region in plan order, for sales then collection: allow `report.year_on_plan` when the
    /// year to date reaches the plan to date, warn `report.year_behind_plan` otherwise (region,
    /// measure, measure_zh, actual, plan, achievement); then `report.tier_changed` (allow) per
    /// tier change (account, from, to); then, with two or more reported months, per region in
    /// plan order and the company last, comparing the first reported month with the last:
    /// `report.past_due_fell` (allow) or `report.past_due_rose` (warn) when the receivables past
    /// due changed (region, from, to, first, last), and `report.kpi_rose` (allow) or
    /// `report.kpi_fell` (warn) when both months have a KPI score and it changed (region, from,
    /// to, first, last).
    std::vector<Finding> findings{};
    /// Memberwise equality.
    friend bool operator==(const AnnualSummary&, const AnnualSummary&) = default;
};

/// The summary of the snapshot's year up to its as-of date. Throws crm::Error as
/// planning::plan_vs_actual does (naming `accounts[i].region`, `actuals.sales[i].account` ...),
/// and not_found naming `tiers[i].account` for an account not in the archive.
[[nodiscard]] CRM_EXPORT AnnualSummary annual_summary(const Snapshot& snapshot,
                                                      std::span<const TierRecord> tiers);

/// The summary with the aging and KPI trend month by month, from the year's monthly reports (each
/// the report of that month's own snapshot, as it was issued: receivables are facts of their day,
/// so the aging of an earlier month cannot be recomputed from today's open amounts). Throws as
/// above, and crm::Error naming `reports[i].year` (not the plan year, invalid_argument),
/// `reports[i].month` (not after the report before it, or after the as-of month: inconsistent),
/// `reports[i].currency` (not the plan's: currency_mismatch), `reports[i].regions` (not the
/// plan's regions in order: inconsistent).
[[nodiscard]] CRM_EXPORT AnnualSummary annual_summary(const Snapshot& snapshot,
                                                      std::span<const TierRecord> tiers,
                                                      std::span<const MonthlyKeyAccountReport> reports);

/// The summary as text or Markdown, in Chinese or English (see render()).
[[nodiscard]] CRM_EXPORT std::string render(const AnnualSummary& summary, Lang lang, Format format);

/// The summary with its amounts as `options` say (see RenderOptions): in 万元, each month's open
/// and past-due columns of the trend add up to the company's as the monthly report's do; the
/// month-by-month plan table has no total row, so its figures are rounded on their own. Throws
/// as render() and validate(), and currency_mismatch naming `summary.currency` for 万元 of a
/// summary not in CNY.
[[nodiscard]] CRM_EXPORT std::string render(const AnnualSummary& summary, Lang lang, Format format,
                                            const RenderOptions& options);

}  // namespace crm::report
