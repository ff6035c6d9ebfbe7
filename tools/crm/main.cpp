// crm: the command line over the policy and fact documents. Each subcommand answers one
// question; docs/cli.md describes them, their options and their exit codes:
//   0 allow or warn, 3 needs approval, 4 block, 2 bad input (the Error on stderr),
//   1 internal failure.

#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/check.hpp>
#include <crm/io/csv.hpp>
#include <crm/io/json.hpp>
#include <crm/io/response.hpp>
#include <crm/money/money.hpp>
#include <crm/policy/policy_set.hpp>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

enum class Format { text, json, csv };

struct Common {
    std::string lang = "zh";
    std::string format = "text";
    std::string output = "-";
};

constexpr int exit_ok = 0;
constexpr int exit_internal = 1;
constexpr int exit_bad_input = 2;
constexpr int exit_needs_approval = 3;
constexpr int exit_block = 4;

crm::Lang lang_of(const Common& c) { return c.lang == "en" ? crm::Lang::en : crm::Lang::zh; }
Format format_of(const Common& c) {
    if (c.format == "json") return Format::json;
    if (c.format == "csv") return Format::csv;
    return Format::text;
}
bool zh(const Common& c) { return lang_of(c) == crm::Lang::zh; }

/// The whole of a file, or of standard input for "-". `option` names it in errors.
std::string slurp(const std::string& path, const std::string& option) {
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        return s.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw crm::Error(crm::ErrorCode::not_found, option, "cannot open the file '" + path + "'");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string file_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

/// The answer could not be written (a full disk, a missing folder): not the input's fault, so
/// it leaves with the internal-failure exit code.
struct OutputFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Writes `text` to standard output, or to `path` through a temporary file in the same folder
/// renamed over it, so that a reader never sees a half-written file.
void emit(const std::string& text, const std::string& path) {
    if (path == "-") {
        std::cout << text;
        std::cout.flush();
        if (!std::cout) throw OutputFailure("cannot write the answer to standard output");
        return;
    }
    const std::filesystem::path target(path);
    std::filesystem::path tmp = target;
    tmp += ".tmp." + std::to_string(::getpid());
    std::error_code ec;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw OutputFailure("cannot create '" + tmp.string() + "'");
        out << text;
        out.flush();
        if (!out) {
            out.close();
            std::filesystem::remove(tmp, ec);
            throw OutputFailure("writing '" + tmp.string() + "' failed");
        }
    }
    std::filesystem::rename(tmp, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        throw OutputFailure("cannot replace '" + path + "': " + ec.message());
    }
}

crm::Date as_of_date(const std::string& text) { return crm::Date::parse(text, "--as-of"); }

int exit_code_of(crm::Outcome o) {
    switch (o) {
    case crm::Outcome::allow:
    case crm::Outcome::warn: return exit_ok;
    case crm::Outcome::needs_approval: return exit_needs_approval;
    case crm::Outcome::block: return exit_block;
    }
    return exit_internal;
}

// ---- crm validate ------------------------------------------------------------------------------

int run_validate(const Common& c, const std::string& policy_path) {
    const auto set = crm::io::read_policy_set(slurp(policy_path, "policy"), file_name(policy_path));
    const auto findings = set.validate();
    const crm::Lang lang = lang_of(c);
    std::string out;
    if (format_of(c) == Format::json) {
        out = crm::io::write_validation(set, findings, lang);
    } else {
        out = zh(c) ? "政策集有效：" + std::to_string(set.versions.size()) + " 个版本\n"
                    : "valid policy set: " + std::to_string(set.versions.size()) + " version(s)\n";
        for (const auto& v : set.versions)
            out +=
                "  " + v.id + (zh(c) ? " 生效日 " : " effective from ") + v.effective_from.to_string() + "\n";
        for (const auto& f : findings)
            out += (zh(c) ? "提示 " : "note ") + f.field + ": " + crm::explain(f.reason, lang) + "\n";
    }
    emit(out, c.output);
    return exit_ok;
}

// ---- crm check-order ---------------------------------------------------------------------------

int run_check_order(const Common& c, const std::string& policy_path, const std::string& account_path,
                    const std::string& order_path, const std::string& as_of_text) {
    const int from_stdin = (policy_path == "-") + (account_path == "-") + (order_path == "-");
    if (from_stdin > 1)
        throw crm::Error(crm::ErrorCode::invalid_argument, "-", "standard input can feed one document only");
    const crm::Date as_of = as_of_date(as_of_text);
    const auto set = crm::io::read_policy_set(slurp(policy_path, "--policy"), file_name(policy_path));
    const auto account =
        crm::io::read_credit_account(slurp(account_path, "--account"), file_name(account_path));
    const auto order = crm::io::read_order(slurp(order_path, "--order"), file_name(order_path));
    const crm::io::CreditCheck check = crm::io::check_order(set, account, order, as_of);
    const crm::Decision& d = check.decision;

    const crm::Lang lang = lang_of(c);
    std::string out;
    if (format_of(c) == Format::json) {
        out = crm::io::write_credit_check(check, lang);
    } else {
        out = crm::explain(d, lang) + "\n";
    }
    emit(out, c.output);
    return exit_code_of(d.outcome());
}

// ---- crm aging ---------------------------------------------------------------------------------

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (const char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

/// How a CSV ledger is read: `--encoding`, `--currency` and `--column member=header`.
struct CsvChoice {
    std::string encoding = "utf8";
    std::string currency;
    std::vector<std::string> columns;
};

crm::io::ReceivablesLedger read_ledger(const std::string& path, const CsvChoice& csv) {
    const std::string bytes = slurp(path, "receivables");
    if (!path.ends_with(".csv") && !path.ends_with(".CSV"))
        return crm::io::read_receivables(bytes, file_name(path));
    crm::io::CsvOptions options;
    options.encoding = csv.encoding == "gbk" ? crm::io::CsvEncoding::gbk : crm::io::CsvEncoding::utf8;
    if (!csv.currency.empty()) options.currency = crm::Currency{csv.currency, "--currency"};
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
            throw crm::Error(crm::ErrorCode::invalid_argument, "--column",
                             "'" + spec +
                                 "' is not <member>=<header> with member one of invoice, account, "
                                 "invoiced_on, due_on, open_amount, currency");
        *target = header;
    }
    crm::io::ReceivablesLedger ledger;
    ledger.receivables = crm::io::read_receivables_csv(bytes, file_name(path), options);
    ledger.currency = options.currency;
    return ledger;
}

int run_aging(const Common& c, const std::string& ledger_path, const std::string& as_of_text,
              const std::string& policy_path, const std::string& basis_text, const std::string& by,
              const CsvChoice& csv) {
    if (ledger_path == "-" && policy_path == "-")
        throw crm::Error(crm::ErrorCode::invalid_argument, "-", "standard input can feed one document only");
    const crm::Date as_of = as_of_date(as_of_text);
    const auto ledger = read_ledger(ledger_path, csv);
    crm::credit::AgingBuckets buckets;
    if (!policy_path.empty()) {
        const auto set = crm::io::read_policy_set(slurp(policy_path, "--policy"), file_name(policy_path));
        buckets = crm::policy::aging_buckets(set.in_force(as_of));
    }
    const auto basis = basis_text == "days_since_invoice" ? crm::credit::AgingBasis::days_since_invoice
                                                          : crm::credit::AgingBasis::days_past_due;
    const auto scope = by == "account"  ? crm::io::AgingScope::account
                       : by == "region" ? crm::io::AgingScope::region
                                        : crm::io::AgingScope::total;
    const crm::io::AgingTable table = crm::io::aging_table(ledger, as_of, buckets, basis, scope, lang_of(c));
    const auto& lines = table.lines;
    const auto& total = table.total();

    const auto labels = total.buckets.buckets();
    std::string out;
    const Format f = format_of(c);
    if (f == Format::json) {
        out = crm::io::write_aging(table);
    } else if (f == Format::csv) {
        out = by == "region"    ? (zh(c) ? "区域" : "region")
              : by == "account" ? (zh(c) ? "客户" : "account")
                                : "";
        if (out.empty()) out = zh(c) ? "范围" : "scope";
        for (const auto& b : labels) out += "," + csv_field(b.label);
        out += zh(c) ? ",合计,币种\n" : ",total,currency\n";
        for (const auto& l : lines) {
            out += csv_field(l.key);
            for (const auto& m : l.report.amounts) out += "," + m.amount().to_plain_string();
            out += "," + l.report.total.amount().to_plain_string() + "," +
                   std::string(total.currency().code()) + "\n";
        }
    } else {
        out = (zh(c) ? "账龄分析 截至 " : "aging at ") + as_of.to_string() + " (" +
              std::string(crm::credit::to_string(total.basis)) + ")\n";
        for (const auto& l : lines) {
            out += l.key + "\n";
            for (std::size_t i = 0; i < labels.size(); ++i)
                out += "  " + labels[i].label + "  " + crm::format(l.report.amounts[i]) + "  (" +
                       std::to_string(l.report.items[i]) + ")\n";
            out += "  " + std::string(zh(c) ? "合计" : "total") + "  " + crm::format(l.report.total) + "\n";
        }
    }
    emit(out, c.output);
    return exit_ok;
}

void add_common(CLI::App& sub, Common& c, bool csv) {
    sub.add_option("--lang", c.lang, "language of the answer: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    if (csv)
        sub.add_option("--format", c.format, "text (default), json or csv")
            ->check(CLI::IsMember({"text", "json", "csv"}));
    else
        sub.add_option("--format", c.format, "text (default) or json")
            ->check(CLI::IsMember({"text", "json"}));
    sub.add_option("-o,--output", c.output,
                   "write the answer to this file (atomically) instead of standard output");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"crm: key-account business rules over policy and fact documents (docs/cli.md)"};
    app.require_subcommand(1);
    Common common;

    std::string policy_path, account_path, order_path, ledger_path, as_of, basis = "days_past_due",
                                                                           by = "total";

    auto* validate =
        app.add_subcommand("validate", "check a policy set document and report what the lints find");
    validate->add_option("policy", policy_path, "the policy set document (- for standard input)")->required();
    add_common(*validate, common, false);

    auto* check = app.add_subcommand("check-order",
                                     "credit check of one order (exit 0 allow/warn, 3 approval, 4 block)");
    check->add_option("--policy", policy_path, "the policy set document")->required();
    check->add_option("--account", account_path, "the credit account document")->required();
    check->add_option("--order", order_path, "the order document")->required();
    check->add_option("--as-of", as_of, "the date of the check, YYYY-MM-DD")->required();
    add_common(*check, common, false);

    auto* aging = app.add_subcommand("aging", "aging of a receivables ledger at a date");
    CsvChoice csv;
    aging
        ->add_option("receivables", ledger_path,
                     "the receivables document, or a .csv ledger (- for standard input)")
        ->required();
    aging->add_option("--encoding", csv.encoding, "of a .csv ledger: utf8 (default, BOM or not) or gbk")
        ->check(CLI::IsMember({"utf8", "gbk"}));
    aging->add_option("--currency", csv.currency, "of a .csv ledger without a currency column (ISO 4217)");
    aging->add_option("--column", csv.columns,
                      "of a .csv ledger: member=header, e.g. open_amount=未收金额 (repeatable)");
    aging->add_option("--as-of", as_of, "the date to age at, YYYY-MM-DD")->required();
    aging->add_option("--policy", policy_path, "take the aging buckets from the policy version in force");
    aging->add_option("--basis", basis, "days_past_due (default) or days_since_invoice")
        ->check(CLI::IsMember({"days_past_due", "days_since_invoice"}));
    aging->add_option("--by", by, "total (default), account or region")
        ->check(CLI::IsMember({"total", "account", "region"}));
    add_common(*aging, common, true);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_bad_input;
    }

    try {
        if (*validate) return run_validate(common, policy_path);
        if (*check) return run_check_order(common, policy_path, account_path, order_path, as_of);
        if (*aging) return run_aging(common, ledger_path, as_of, policy_path, basis, by, csv);
        return exit_bad_input;
    } catch (const crm::Error& e) {
        std::cerr << "crm: error [" << crm::to_string(e.code()) << "]";
        if (!e.field().empty()) std::cerr << " at " << e.field();
        std::cerr << ": " << e.message() << "\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "crm: internal failure: " << e.what() << "\n";
        return exit_internal;
    } catch (...) {
        std::cerr << "crm: internal failure\n";
        return exit_internal;
    }
}
