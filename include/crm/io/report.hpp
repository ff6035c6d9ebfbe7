#pragma once
/// \file
/// The monthly key-account report (大客户月报) from documents: a report request holds the facts
/// of the month (the plan, the accounts, the people, sales, collections and expenses booked, open
/// orders, receivables, pending approvals, complaints ...) and the report's own parameters; the
/// policies come from the policy set, from the version in force at the as-of date (aging buckets,
/// visit cadence, complaint SLA, KPI, receivable caps, the approval matrix and role ladder, the
/// named calendars). `monthly_report` builds the report::Snapshot and calls
/// report::monthly_report, so the report equals the one a host builds in C++ from the same
/// values. The readers keep the rules of crm/io/json.hpp. See docs/documents.md ("Monthly report
/// request"). Proven by tests/io/report_request_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/report/annual.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>
#include <crm/time/date.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// A monthly report request. Its members are those of report::Snapshot that are facts or the
/// report's parameters, under the same names (`plan`, `accounts`, `actuals` with `sales`,
/// `collections` and `expenses`, `orders`, `receivables`, `collection_history`, `balances`,
/// `approvals`, `complaints`, `delegations`, `overdue_limit_days`, `approval_age_limit_days`,
/// `target_turnover_days`, `working_hours`, `forecast`, `expense`), plus `as_of`, `people` (the
/// org chart, on the role ladder of the policy version), `calendar`, `lang` and `format`.
struct CRM_EXPORT MonthlyReportRequest {
    /// `as_of`: the report date; left out, the caller gives it (the command line's `--as-of`).
    std::optional<Date> as_of{};
    /// The facts and parameters read, as the Snapshot carries them; its policy members (aging
    /// buckets, visits, SLA, KPI, caps, matrix, calendar) and `org` are filled by
    /// monthly_snapshot from the policy version in force.
    report::Snapshot facts{};
    std::vector<Person> people{};  ///< `people`: the organisation (id, name, role, manager, regions)
    /// `calendar`: the name of a calendar of the policy version for the SLA clocks; left out or
    /// null, mainland China's official calendar (crm::china_mainland_calendar()).
    std::optional<std::string> calendar{};
    Lang lang = Lang::zh;  ///< `lang`: of the rendered report when the caller does not choose
    /// `format`: `text` (the default), `md` or `html`, the rendering the C ABI's entry point
    /// `monthly_report` returns; the command line's `--format` decides there.
    report::Format format = report::Format::text;
};

/// Reads a monthly report request; `file` names the text in error messages. Throws crm::Error
/// naming the JSON Pointer (`/receivables/3/open_amount`: a JSON number; `/accounts/0/segment`:
/// not a segment) with `file:line:column`.
[[nodiscard]] CRM_EXPORT MonthlyReportRequest
read_monthly_report_request(std::string_view text, std::string_view file = "<request>");

/// The Snapshot of `request` under the policy version of `set` in force at the as-of date
/// (`as_of` when given, else the request's): the request's facts, its people on the version's
/// role ladder, and the version's aging buckets, visit policy, SLA, KPI, receivable caps,
/// approval matrix (none when the version has no rows) and the named calendar. Throws
/// crm::Error: `/as_of` not_found when neither gives a date or no version is in force then;
/// `/calendar` not_found for a name the version does not have; the org chart's errors at
/// `/people/...`.
[[nodiscard]] CRM_EXPORT report::Snapshot monthly_snapshot(const policy::PolicySet& set,
                                                           const MonthlyReportRequest& request,
                                                           std::optional<Date> as_of = std::nullopt);

/// The report as the C ABI returns it: `{"as_of", "format", "lang", "month", "policy_version",
/// "report" (the rendering, in `lang` and `format`), "year"}`.
[[nodiscard]] CRM_EXPORT std::string write_monthly_report(const report::MonthlyKeyAccountReport& report,
                                                          const std::string& policy_version, Lang lang,
                                                          report::Format format);

/// report::monthly_report of monthly_snapshot(set, request, as_of). An error of the facts is
/// named at the request's JSON Pointer (`/approvals/0/submitted`, `/people/2/manager`); an
/// error of a policy at the policy set's (`/versions/1/credit/region_caps/0/region`), its
/// message saying it is in the policy set.
[[nodiscard]] CRM_EXPORT report::MonthlyKeyAccountReport monthly_report(
    const policy::PolicySet& set, const MonthlyReportRequest& request,
    std::optional<Date> as_of = std::nullopt);

/// An annual summary request (年度工作总结): the members of a monthly report request, its facts
/// running from January to the as-of day (the plan, the year's sales, collections and expenses,
/// the archive with each account's tier now ...), plus `tiers`: `[{"account", "tier"}]`, each
/// account's tier at the start of the year, compared with the archive's for the tier changes.
struct CRM_EXPORT AnnualReportRequest {
    MonthlyReportRequest year{};              ///< the year to the as-of day, as a monthly request reads it
    std::vector<report::TierRecord> tiers{};  ///< `tiers`: the tiers at the start of the year
};

/// Reads an annual summary request; `file` names the text in error messages. Throws as
/// read_monthly_report_request, and for `/tiers/i/account` or `/tiers/i/tier`.
[[nodiscard]] CRM_EXPORT AnnualReportRequest read_annual_report_request(std::string_view text,
                                                                        std::string_view file = "<request>");

/// report::annual_summary of monthly_snapshot(set, request.year, as_of), with the aging and KPI
/// trend from `reports` (the year's monthly reports as they were issued, in month order; none:
/// no trend). Errors are named as monthly_report names them (`/tiers/0/account` for an account
/// not in the archive); an error of `reports[i]` keeps that field (the caller knows where each
/// report came from).
[[nodiscard]] CRM_EXPORT report::AnnualSummary annual_summary(
    const policy::PolicySet& set, const AnnualReportRequest& request,
    std::span<const report::MonthlyKeyAccountReport> reports = {}, std::optional<Date> as_of = std::nullopt);

}  // namespace crm::io
