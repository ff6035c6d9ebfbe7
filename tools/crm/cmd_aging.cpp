// crm aging LEDGER: the aging of a receivables ledger (a document or a CSV export) at a date.

#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/io/json.hpp>
#include <crm/io/response.hpp>
#include <crm/money/money.hpp>
#include <crm/policy/policy_set.hpp>

#include <memory>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string ledger, as_of, policy, basis = "days_past_due", by = "total";
    CsvChoice csv;
};

int run(const Options& o) {
    const Common& c = o.common;
    const std::string& ledger_path = o.ledger;
    const std::string& policy_path = o.policy;
    const std::string& by = o.by;
    one_stdin({&ledger_path, &policy_path});
    const Date as_of = as_of_date(o.as_of);
    const auto ledger = read_ledger(ledger_path, o.csv);
    credit::AgingBuckets buckets;
    if (!policy_path.empty()) {
        const auto set = io::read_policy_set(slurp(policy_path, "--policy"), file_name(policy_path));
        buckets = policy::aging_buckets(set.in_force(as_of));
    }
    const auto basis = o.basis == "days_since_invoice" ? credit::AgingBasis::days_since_invoice
                                                       : credit::AgingBasis::days_past_due;
    const auto scope = by == "account"  ? io::AgingScope::account
                       : by == "region" ? io::AgingScope::region
                                        : io::AgingScope::total;
    const io::AgingTable table = io::aging_table(ledger, as_of, buckets, basis, scope, c.language());
    const auto& lines = table.lines;
    const auto& total = table.total();

    const auto labels = total.buckets.buckets();
    std::string out;
    const Format f = c.format_choice();
    if (f == Format::json) {
        out = io::write_aging(table);
    } else if (f == Format::csv) {
        out = by == "region"    ? (c.zh() ? "区域" : "region")
              : by == "account" ? (c.zh() ? "客户" : "account")
                                : "";
        if (out.empty()) out = c.zh() ? "范围" : "scope";
        for (const auto& b : labels) out += "," + csv_field(b.label);
        out += c.zh() ? ",合计,币种\n" : ",total,currency\n";
        for (const auto& l : lines) {
            out += csv_field(l.key);
            for (const auto& m : l.report.amounts) out += "," + m.amount().to_plain_string();
            out += "," + l.report.total.amount().to_plain_string() + "," +
                   std::string(total.currency().code()) + "\n";
        }
    } else {
        out = (c.zh() ? "账龄分析 截至 " : "aging at ") + as_of.to_string() + " (" +
              std::string(credit::to_string(total.basis)) + ")\n";
        for (const auto& l : lines) {
            out += l.key + "\n";
            for (std::size_t i = 0; i < labels.size(); ++i)
                out += "  " + labels[i].label + "  " + format(l.report.amounts[i]) + "  (" +
                       std::to_string(l.report.items[i]) + ")\n";
            out += "  " + std::string(c.zh() ? "合计" : "total") + "  " + format(l.report.total) + "\n";
        }
    }
    emit(out, c.output);
    return exit_ok;
}

}  // namespace

void add_aging(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("aging", "aging of a receivables ledger at a date");
    sub->add_option("receivables", o->ledger,
                    "the receivables document, or a .csv ledger (- for standard input)")
        ->required();
    add_csv_options(*sub, o->csv, "open_amount=未收金额");
    sub->add_option("--as-of", o->as_of, "the date to age at, YYYY-MM-DD")->required();
    sub->add_option("--policy", o->policy, "take the aging buckets from the policy version in force");
    sub->add_option("--basis", o->basis, "days_past_due (default) or days_since_invoice")
        ->check(CLI::IsMember({"days_past_due", "days_since_invoice"}));
    sub->add_option("--by", o->by, "total (default), account or region")
        ->check(CLI::IsMember({"total", "account", "region"}));
    add_common(*sub, o->common, {"text", "json", "csv"});
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
