#pragma once
/// \file
/// The monthly report rendered for people: plain text, Markdown or one HTML page, in Chinese or English, from
/// the report value alone (so HTML and spreadsheets can render the same value). Chinese
/// renderings name regions, roles, states and request kinds by their display names, never by
/// an identifier. Proven by tests/report/render_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/money/rounding.hpp>
#include <crm/money/wan.hpp>
#include <crm/report/monthly.hpp>

#include <string>
#include <string_view>

namespace crm::report {

/// How a report is laid out.
enum class Format {
    text,      ///< headings underlined, tables as columns separated by " | "
    markdown,  ///< `##` headings and pipe tables
    /// One self-contained HTML page: UTF-8, inline CSS, inline SVG bar charts (plan against
    /// actual, aging stacked by bucket, turnover days, KPI ranking), no script, no external resource.
    html,
};

/// The unit amounts are shown in.
enum class Unit {
    yuan,  ///< the exact amount with its currency: `CNY 1,234,567.89` (the default)
    wan,   ///< 万元 (ten thousand yuan), rounded: `123.46万元`; CNY reports only
};

/// How amounts are shown. The defaults render exactly what `render(report, lang, format)`
/// renders: exact amounts in yuan. `places`, `rounding`, `totals` and `grouping` apply to 万元
/// only, but every field is checked whatever the unit.
///
/// In 万元, a table whose total row (the company) equals the sum of the rows above it (the
/// regions) shows every column of amounts through crm::wan_column, so each column either adds
/// up (`WanTotals::allocate`: the total is the exact total rounded, and the rounding is moved
/// to the parts of largest remainder, one last-place unit each, ties to the earlier region) or
/// is marked (`WanTotals::mark`: each figure rounded on its own, and a total its rounded parts
/// miss carries `*` and a note under the table stating the parts' sum and the difference). This
/// holds for sales, collection and expense against plan, the aging columns and the open balance,
/// the caps, and each month of the rolling forecast. A total that is not the sum of its rows
/// (the company's cap headroom when a region is over its cap; a company forecast that is its own
/// forecast, not the regions' sum) is rounded on its own, like every figure outside such a
/// column (accounts over cap, measures, the expense review). Columns are settled one by one:
/// in the aging table a row's buckets may miss its open balance by the rounding. Figures inside
/// the sentences of findings keep their exact amounts.
struct CRM_EXPORT RenderOptions {
    Unit unit = Unit::yuan;                         ///< yuan (exact, the default) or 万元
    int places = 2;                                 ///< places of a 万元 figure, 0..8
    RoundingMode rounding = RoundingMode::half_up;  ///< how a 万元 figure is rounded (四舍五入)
    WanTotals totals = WanTotals::allocate;         ///< how a 万元 column meets its total
    bool grouping = false;                          ///< `12,345.68万元` instead of `12345.68万元`
    /// Memberwise equality.
    friend constexpr bool operator==(const RenderOptions&, const RenderOptions&) noexcept = default;
};

/// Throws crm::Error (invalid_argument) naming `options.unit`, `options.places` (outside 0..8),
/// `options.rounding` or `options.totals` (a value outside its enum).
CRM_EXPORT void validate(const RenderOptions& options);

/// The whole report: title, plan against actual, receivables and aging, turnover and caps,
/// accounts over cap or overdue, approvals, complaints, visits, KPI, rolling forecast,
/// expense, findings and measures. A section without facts says so ("本月无投诉" / "no open
/// complaints"). Throws crm::Error (invalid_argument, `format` / `lang`) for a value outside
/// the enums.
[[nodiscard]] CRM_EXPORT std::string render(const MonthlyKeyAccountReport& report, Lang lang, Format format);

/// The report with its amounts shown as `options` says (see RenderOptions). A line under the
/// title states the unit, places and rounding in 万元 mode. Throws as render() and validate(),
/// and currency_mismatch naming `report.currency` for 万元 of a report not in CNY.
[[nodiscard]] CRM_EXPORT std::string render(const MonthlyKeyAccountReport& report, Lang lang, Format format,
                                            const RenderOptions& options);

/// The severity in words: en allow -> "good", warn -> "attention", needs_approval -> "needs
/// approval", block -> "serious"; zh 良好, 关注, 需审批, 严重.
[[nodiscard]] CRM_EXPORT std::string_view severity_name(Outcome outcome, Lang lang) noexcept;

}  // namespace crm::report
