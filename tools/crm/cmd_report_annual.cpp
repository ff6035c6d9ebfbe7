// crm report annual: the annual summary (年度工作总结) of a year's report request under the
// policy version in force at its as-of day, with the aging and KPI trend from the monthly
// report requests given with --month, each reported under the version in force at its own day
// (exit 0; 2 for bad input).

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/report.hpp>
#include <crm/report/annual.hpp>
#include <crm/report/render.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct AnnualOptions {
    Common common;
    std::string policy, facts, as_of;
    std::vector<std::string> months;
    bool wan = false;
};

/// `f()`, an error located in the document `text` it names.
template <class F>
auto located_in(const std::string& text, const std::string& file, F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const Error& e) {
        if (e.field().starts_with("/")) throw located(e, text, file);
        throw;
    }
}

int run_annual(const AnnualOptions& o) {
    const Common& c = o.common;
    std::vector<const std::string*> paths{&o.policy, &o.facts};
    for (const std::string& m : o.months) paths.push_back(&m);
    one_stdin(paths);
    std::optional<Date> as_of;
    if (!o.as_of.empty()) as_of = as_of_date(o.as_of);
    const std::string policy_text = slurp(o.policy, "--policy");
    const auto set = io::read_policy_set(policy_text, file_name(o.policy));
    // the year's monthly reports as they were issued: each month's request under its own version
    std::vector<report::MonthlyKeyAccountReport> reports;
    for (const std::string& path : o.months) {
        const std::string text = slurp(path, "--month");
        const auto request = io::read_monthly_report_request(text, file_name(path));
        reports.push_back(
            located_in(text, file_name(path), [&] { return io::monthly_report(set, request); }));
    }
    const std::string facts_text = slurp(o.facts, "--facts");
    const auto request = io::read_annual_report_request(facts_text, file_name(o.facts));
    const report::AnnualSummary summary = [&] {
        try {
            return io::annual_summary(set, request, reports, as_of);
        } catch (const Error& e) {
            if (e.field().starts_with("reports[")) {  // reports[i].month: the i-th --month
                const std::size_t i = std::stoul(e.field().substr(8));
                throw Error(e.code(), "--month",
                            file_name(o.months.at(i)) + " (the report of --month number " +
                                std::to_string(i + 1) + "): " + e.message());
            }
            if (e.field().starts_with("/versions")) throw located(e, policy_text, file_name(o.policy));
            throw located(e, facts_text, file_name(o.facts));
        }
    }();
    report::RenderOptions options;
    if (o.wan) options.unit = report::Unit::wan;
    const report::Format f =
        c.format_choice() == Format::md ? report::Format::markdown : report::Format::text;
    emit(report::render(summary, c.language(), f, options), c.output);
    return exit_ok;
}

}  // namespace

void add_report_annual(CLI::App& report, Commands& commands) {
    auto o = std::make_shared<AnnualOptions>();
    auto* annual = report.add_subcommand(
        "annual",
        "the annual summary (年度工作总结) of a year's report request under the policy in force (exit 0)");
    annual->add_option("--policy", o->policy, "the policy set document")->required();
    annual
        ->add_option("--facts", o->facts,
                     "the annual summary request: the year's facts and the tiers it began with")
        ->required();
    annual->add_option(
        "--month", o->months,
        "a monthly report request of the year, as issued (repeat, in month order): the aging and KPI trend");
    annual->add_option("--as-of", o->as_of, "the summary date, YYYY-MM-DD (default: the request's as_of)");
    annual->add_flag("--wan", o->wan, "amounts in 万元 (ten thousand yuan)");
    add_common(*annual, o->common, {"text", "md"});
    commands.emplace_back(annual, [o] { return run_annual(*o); });
}

}  // namespace crm::cli
