#pragma once
/// \file
/// The monthly report rendered for people: plain text or Markdown, in Chinese or English, from
/// the report value alone (so HTML and spreadsheets can render the same value). Chinese
/// renderings name regions, roles, states and request kinds by their display names, never by
/// an identifier. Proven by tests/report/render_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/report/monthly.hpp>

#include <string>
#include <string_view>

namespace crm::report {

/// How a report is laid out.
enum class Format {
    text,      ///< headings underlined, tables as columns separated by " | "
    markdown,  ///< `##` headings and pipe tables
};

/// The whole report: title, plan against actual, receivables and aging, turnover and caps,
/// accounts over cap or overdue, approvals, complaints, visits, KPI, rolling forecast,
/// expense, findings and measures. A section without facts says so ("本月无投诉" / "no open
/// complaints"). Throws crm::Error (invalid_argument, `format` / `lang`) for a value outside
/// the enums.
[[nodiscard]] CRM_EXPORT std::string render(const MonthlyKeyAccountReport& report, Lang lang, Format format);

/// The severity in words: en allow -> "good", warn -> "attention", needs_approval -> "needs
/// approval", block -> "serious"; zh 良好, 关注, 需审批, 严重.
[[nodiscard]] CRM_EXPORT std::string_view severity_name(Outcome outcome, Lang lang) noexcept;

}  // namespace crm::report
