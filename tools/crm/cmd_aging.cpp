// crm aging LEDGER: the aging of a receivables ledger (a document or a CSV export) at a date.

#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/io/csv.hpp>
#include <crm/io/json.hpp>
#include <crm/io/response.hpp>
#include <crm/money/money.hpp>
#include <crm/policy/policy_set.hpp>

#include <memory>

#include "cli.hpp"

namespace crm::cli {

namespace {

/// How a CSV ledger is read: `--encoding`, `--currency` and `--column member=header`.
struct CsvChoice {
    std::string encoding = "utf8";
    std::string currency;
    std::vector<std::string> columns;
};

io::ReceivablesLedger read_ledger(const std::string& path, const CsvChoice& csv) {
    const std::string bytes = slurp(path, "receivables");
    if (!path.ends_with(".csv") && !path.ends_with(".CSV"))
        return io::read_receivables(bytes, file_name(path));
    io::CsvOptions options;
    options.encoding = csv.encoding == "gbk" ? io::CsvEncoding::gbk : io::CsvEncoding::utf8;
    if (!csv.currency.empty()) options.currency = Currency{csv.currency, "--currency"};
    for (const auto& spec : csv.columns) {
        const auto eq = spec.find('=');
        const std::string member = spec.substr(0, eq);
        const std::string header = eq == std::string::npos ? std::string() : spec.substr(eq + 1);
        auto& cols = options.columns;
        std::string* target = member == "invoice"       ? &cols.invoice
                              : member == "account"     ? &cols.account
                              : member == "invoiced_on" ? &cols.invoiced_on
                              : member == "due_on"      ? &cols.due_on
                              : member == "open_amount" ? &cols.open_amount
                              : member == "currency"    ? &cols.currency
                                                        : nullptr;
        if (target == nullptr || header.empty())
            throw Error(ErrorCode::invalid_argument, "--column",
                        "'" + spec +
                            "' is not <member>=<header> with member one of invoice, account, "
                            "invoiced_on, due_on, open_amount, currency");
        *target = header;
    }
    io::ReceivablesLedger ledger;
    ledger.receivables = io::read_receivables_csv(bytes, file_name(path), options);
    ledger.currency = options.currency;
    return ledger;
}

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
    sub->add_option("--encoding", o->csv.encoding, "of a .csv ledger: utf8 (default, BOM or not) or gbk")
        ->check(CLI::IsMember({"utf8", "gbk"}));
    sub->add_option("--currency", o->csv.currency, "of a .csv ledger without a currency column (ISO 4217)");
    sub->add_option("--column", o->csv.columns,
                    "of a .csv ledger: member=header, e.g. open_amount=未收金额 (repeatable)");
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
