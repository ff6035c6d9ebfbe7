#pragma once
/// \file
/// Spreadsheets (.xlsx) of the monthly report and of an aging table, with libxlsxwriter
/// (Debian libxlsxwriter-dev): key-account departments live in Excel. A build without the
/// library still has these functions; they throw crm::Error (invalid_operation) saying so.
///
/// Amounts are written as numbers with the number format `#,##0.00`. A spreadsheet stores a
/// number as an IEEE double, so this is the one place a double appears: the exact decimal text
/// of the amount (Decimal::to_string) is what is converted (strtod), never a computed double, and
/// an amount of up to 15 significant digits reads back as the same decimal. With
/// XlsxOptions::exact_text each amount is followed by a cell holding its exact text.
/// The file is written to a temporary file beside `path` and renamed: nothing half-written.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/io/response.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <string>

namespace crm::io {

/// How a workbook is written.
struct CRM_EXPORT XlsxOptions {
    /// Next to each amount, a text cell with its exact decimal (for amounts beyond 15 digits).
    bool exact_text = false;
};

/// Whether this build can write spreadsheets (it was built with libxlsxwriter).
[[nodiscard]] CRM_EXPORT bool xlsx_supported() noexcept;

/// The report as a workbook, one sheet per section: plan vs actual, aging, turnover and caps,
/// approvals, complaints, KPI, forecast, expense, findings; labels in `lang`. Throws crm::Error
/// (invalid_operation, `path`) when the file cannot be written or the build has no xlsx support,
/// and as report::render does for `lang`.
CRM_EXPORT void write_report_xlsx(const report::MonthlyKeyAccountReport& report, Lang lang,
                                  const std::string& path, const XlsxOptions& options = {});

/// An aging table as a one-sheet workbook: a row per line (key, total, each bucket). Throws as
/// write_report_xlsx.
CRM_EXPORT void write_aging_xlsx(const AgingTable& table, Lang lang, const std::string& path,
                                 const XlsxOptions& options = {});

}  // namespace crm::io
