// crm report monthly: the monthly key-account report (大客户月报) of a report request under the
// policy version in force, as text, Markdown, one self-contained HTML page or a workbook
// (exit 0; 2 for bad input). `report` groups the reports; `annual` is in cmd_report_annual.cpp.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/report.hpp>
#include <crm/io/xlsx.hpp>
#include <crm/report/render.hpp>

#include <memory>
#include <optional>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct MonthlyOptions {
    Common common;
    std::string policy, facts, as_of;
    bool wan = false;
    ActualsCsv ledgers;
};

int run_monthly(const MonthlyOptions& o) {
    const Common& c = o.common;
    one_stdin({&o.policy, &o.facts, &o.ledgers.sales, &o.ledgers.collections, &o.ledgers.expenses});
    std::optional<Date> as_of;
    if (!o.as_of.empty()) as_of = as_of_date(o.as_of);
    const Format format = c.format_choice();
    if (format == Format::xlsx && (c.output.empty() || c.output == "-"))
        throw Error(ErrorCode::invalid_argument, "--output",
                    "a workbook is written to a file: give -o FILE.xlsx with --format xlsx");
    const std::string policy_text = slurp(o.policy, "--policy");
    const std::string facts_text = slurp(o.facts, "--facts");
    const auto set = io::read_policy_set(policy_text, file_name(o.policy));
    auto request = io::read_monthly_report_request(facts_text, file_name(o.facts));
    const ActualsFromCsv csv(o.ledgers, request.facts.plan.currency, request.facts.actuals);
    const report::MonthlyKeyAccountReport r = [&] {
        try {
            return io::monthly_report(set, request, as_of);
        } catch (const Error& e) {  // checked together: say where, in the document it names
            if (e.field().starts_with("/versions")) throw located(e, policy_text, file_name(o.policy));
            csv.rethrow_in_csv(e);
            throw located(e, facts_text, file_name(o.facts));
        }
    }();
    const Lang lang = c.language();
    if (format == Format::xlsx) {
        io::write_report_xlsx(r, lang, c.output);
        return exit_ok;
    }
    report::RenderOptions options;
    if (o.wan) options.unit = report::Unit::wan;
    const report::Format f = format == Format::md     ? report::Format::markdown
                             : format == Format::html ? report::Format::html
                                                      : report::Format::text;
    emit(report::render(r, lang, f, options), c.output);
    return exit_ok;
}

}  // namespace

void add_report(CLI::App& app, Commands& commands) {
    auto* report = app.add_subcommand(
        "report", "the reports: `crm report monthly` (大客户月报), `crm report annual` (年度工作总结)");
    report->require_subcommand(1);
    auto o = std::make_shared<MonthlyOptions>();
    auto* monthly = report->add_subcommand(
        "monthly", "the monthly key-account report of a report request under the policy in force (exit 0)");
    monthly->add_option("--policy", o->policy, "the policy set document")->required();
    monthly->add_option("--facts", o->facts, "the monthly report request: the facts of the month")
        ->required();
    monthly->add_option("--as-of", o->as_of, "the report date, YYYY-MM-DD (default: the request's as_of)");
    monthly->add_flag("--wan", o->wan, "amounts in 万元 (ten thousand yuan), each column adding up");
    add_actuals_csv(*monthly, o->ledgers);
    add_common(*monthly, o->common, {"text", "md", "html", "xlsx"});
    commands.emplace_back(monthly, [o] { return run_monthly(*o); });
    add_report_annual(*report, commands);
}

}  // namespace crm::cli
