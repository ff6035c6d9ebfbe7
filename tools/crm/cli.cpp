// What the subcommands share (cli.hpp).

#include "cli.hpp"

#include <crm/core/error.hpp>
#include <crm/io/csv.hpp>
#include <crm/io/json.hpp>
#include <crm/planning/actuals.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <span>
#include <sstream>
#include <unistd.h>

namespace crm::cli {

Format Common::format_choice() const {
    if (format == "json") return Format::json;
    if (format == "csv") return Format::csv;
    if (format == "md") return Format::md;
    if (format == "html") return Format::html;
    if (format == "xlsx") return Format::xlsx;
    return Format::text;
}

void add_common(CLI::App& sub, Common& c, std::initializer_list<std::string> formats) {
    sub.add_option("--lang", c.lang, "language of the answer: zh (default) or en")
        ->check(CLI::IsMember({"zh", "en"}));
    const std::vector<std::string> names(formats);
    std::string help;
    for (std::size_t i = 0; i < names.size(); ++i)
        help += (i == 0                  ? ""
                 : i + 1 == names.size() ? " or "
                                         : ", ") +
                names[i] + (i == 0 ? " (default)" : "");
    c.format = names.empty() ? "text" : names.front();
    sub.add_option("--format", c.format, help)->check(CLI::IsMember(names));
    sub.add_option("-o,--output", c.output,
                   "write the answer to this file (atomically) instead of standard output");
}

std::string slurp(const std::string& path, const std::string& option) {
    if (path == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        return s.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::not_found, option, "cannot open the file '" + path + "'");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string file_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

void one_stdin(std::initializer_list<const std::string*> paths) {
    one_stdin(std::span<const std::string* const>(paths.begin(), paths.size()));
}

void one_stdin(std::span<const std::string* const> paths) {
    int n = 0;
    for (const std::string* p : paths) n += *p == "-" ? 1 : 0;
    if (n > 1) throw Error(ErrorCode::invalid_argument, "-", "standard input can feed one document only");
}

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

Date as_of_date(const std::string& text) { return Date::parse(text, "--as-of"); }

int exit_code_of(Outcome o) noexcept {
    switch (o) {
    case Outcome::allow:
    case Outcome::warn: return exit_ok;
    case Outcome::needs_approval: return exit_needs_approval;
    case Outcome::block: return exit_block;
    }
    return exit_internal;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (const char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

Error located(const Error& e, std::string_view text, const std::string& file) {
    const io::TextPosition at = io::position_of(text, io::locate(text, e.field()));
    return Error(e.code(), e.field(),
                 file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + e.message());
}

std::function<void(std::size_t, std::size_t)> progress_bar(const std::string& label) {
    if (isatty(STDERR_FILENO) == 0) return {};
    return [label, shown = std::size_t{101}](std::size_t done, std::size_t total) mutable {
        const std::size_t percent = total == 0 ? 100 : done * 100 / total;
        if (percent == shown) return;  // redraw only when the figure changes
        shown = percent;
        const std::size_t width = 30, filled = percent * width / 100;
        std::cerr << '\r' << label << " [" << std::string(filled, '#') << std::string(width - filled, ' ')
                  << "] " << percent << "% (" << done << "/" << total << ")" << (done == total ? "\n" : "")
                  << std::flush;
    };
}

std::size_t columns(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        n += cp >= 0x2E80 ? 2 : 1;
        i += len;
    }
    return n;
}

std::string table(const std::vector<std::vector<std::string>>& rows, std::string_view indent,
                  std::size_t left) {
    std::vector<std::size_t> width;
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (width.size() <= i) width.push_back(0);
            width[i] = std::max(width[i], columns(r[i]));
        }
    std::string out;
    for (const auto& r : rows) {
        std::string line(indent);
        for (std::size_t i = 0; i < r.size(); ++i) {
            const std::string pad(width[i] - columns(r[i]), ' ');
            line += i < left ? r[i] + pad : pad + r[i];
            if (i + 1 < r.size()) line += "  ";
        }
        while (line.size() > indent.size() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

}  // namespace crm::cli

// ---- CSV ledgers ----

namespace crm::cli {

namespace {

/// The columns of one ledger as `--column` names them.
struct LedgerColumns {
    std::string_view ledger;                                 // receivables, sales, ...
    std::function<bool(std::string_view, std::string)> set;  // the columns' set()
    std::string members;                                     // the columns' members()
};

/// Applies each `[ledger.]member=header` of `specs` to the ledgers it names (without a prefix:
/// to every ledger with that member); one that names no member of them is an error.
void set_columns(const std::vector<std::string>& specs, std::initializer_list<LedgerColumns> ledgers) {
    for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        std::string member = spec.substr(0, eq);
        const std::string header = eq == std::string::npos ? std::string() : spec.substr(eq + 1);
        std::string only;
        if (const auto dot = member.find('.'); dot != std::string::npos) {
            only = member.substr(0, dot);
            member.erase(0, dot + 1);
        }
        bool set = false;
        for (const auto& l : ledgers)
            if (!header.empty() && (only.empty() || only == l.ledger)) set = l.set(member, header) || set;
        if (set) continue;
        std::string known;
        for (const auto& l : ledgers)
            known += (known.empty() ? "" : "; ") + std::string(l.ledger) + ": " + l.members;
        throw Error(
            ErrorCode::invalid_argument, "--column",
            "'" + spec + "' is not [<ledger>.]<member>=<header> with a member of the ledger (" + known + ")");
    }
}

io::CsvEncoding encoding_of(const CsvChoice& csv) {
    return csv.encoding == "gbk" ? io::CsvEncoding::gbk : io::CsvEncoding::utf8;
}

}  // namespace

void add_csv_options(CLI::App& sub, CsvChoice& csv, const std::string& column_example) {
    sub.add_option("--encoding", csv.encoding, "of a .csv ledger: utf8 (default, BOM or not) or gbk")
        ->check(CLI::IsMember({"utf8", "gbk"}));
    sub.add_option("--currency", csv.currency, "of a .csv ledger without a currency column (ISO 4217)");
    sub.add_option("--column", csv.columns,
                   "of a .csv ledger: member=header, e.g. " + column_example + " (repeatable)");
}

io::ReceivablesLedger read_ledger(const std::string& path, const CsvChoice& csv) {
    const std::string bytes = slurp(path, "receivables");
    if (!path.ends_with(".csv") && !path.ends_with(".CSV"))
        return io::read_receivables(bytes, file_name(path));
    io::CsvOptions options;
    options.encoding = encoding_of(csv);
    if (!csv.currency.empty()) options.currency = Currency{csv.currency, "--currency"};
    set_columns(csv.columns,
                {{"receivables",
                  [&](std::string_view m, std::string h) { return options.columns.set(m, std::move(h)); },
                  io::ReceivablesColumns::members()}});
    io::ReceivablesLedger ledger;
    ledger.receivables = io::read_receivables_csv(bytes, file_name(path), options);
    ledger.currency = options.currency;
    return ledger;
}

void add_actuals_csv(CLI::App& sub, ActualsCsv& files) {
    sub.add_option("--sales", files.sales,
                   "the month's sales ledger as a .csv file, replacing actuals.sales");
    sub.add_option("--collections", files.collections,
                   "the collections ledger as a .csv file, replacing actuals.collections");
    sub.add_option("--expenses", files.expenses,
                   "the expenses ledger as a .csv file, replacing actuals.expenses");
    add_csv_options(sub, files.csv, "amount=金额 or sales.date=开票日期");
}

ActualsFromCsv::ActualsFromCsv(const ActualsCsv& files, const Currency& plan_currency,
                               planning::Actuals& actuals) {
    io::CsvOptions options;
    options.encoding = encoding_of(files.csv);
    options.currency =
        files.csv.currency.empty() ? plan_currency : Currency{files.csv.currency, "--currency"};
    set_columns(
        files.csv.columns,
        {{"sales", [&](std::string_view m, std::string h) { return options.sales.set(m, std::move(h)); },
          io::SalesColumns::members()},
         {"collections",
          [&](std::string_view m, std::string h) { return options.collections.set(m, std::move(h)); },
          io::CollectionColumns::members()},
         {"expenses",
          [&](std::string_view m, std::string h) { return options.expenses.set(m, std::move(h)); },
          io::ExpenseColumns::members()}});
    const bool gbk = options.encoding == io::CsvEncoding::gbk;
    const auto read = [&](const std::string& path, const char* list, const char* option,
                          std::vector<std::pair<std::string, std::string>> headers, const auto& reader,
                          auto& target) {
        if (path.empty()) return;
        Ledger l{.list = list,
                 .path = path,
                 .bytes = slurp(path, option),
                 .gbk = gbk,
                 .headers = std::move(headers)};
        target = reader(l.bytes, file_name(path), options);
        ledgers_.push_back(std::move(l));
    };
    const auto& s = options.sales;
    read(files.sales, "sales", "--sales", {{"account", s.account}, {"date", s.date}, {"amount", s.amount}},
         io::read_sales_csv, actuals.sales);
    const auto& c = options.collections;
    read(files.collections, "collections", "--collections",
         {{"account", c.account}, {"received_on", c.received_on}, {"amount", c.amount}},
         io::read_collections_csv, actuals.collections);
    const auto& e = options.expenses;
    read(files.expenses, "expenses", "--expenses",
         {{"region", e.region}, {"date", e.date}, {"amount", e.amount}}, io::read_expenses_csv,
         actuals.expenses);
}

void ActualsFromCsv::rethrow_in_csv(const Error& e) const {
    for (const Ledger& l : ledgers_) {
        const std::string prefix = "/actuals/" + l.list + "/";
        if (!e.field().starts_with(prefix)) continue;
        const std::string rest = e.field().substr(prefix.size());
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), index);
        if (ec != std::errc{}) return;
        const std::string member = *end == '/' ? std::string(end + 1) : std::string();
        std::string header;
        for (const auto& [m, h] : l.headers)
            if (m == member) header = h;
        const std::string file = file_name(l.path);
        const io::CsvPosition at = io::csv_position(
            l.bytes, file, l.gbk ? io::CsvEncoding::gbk : io::CsvEncoding::utf8, index, header);
        throw Error(e.code(), "rows[" + std::to_string(at.row) + "]" + (member.empty() ? "" : "." + member),
                    file + ":" + std::to_string(at.row) + (at.column ? ":" + std::to_string(at.column) : "") +
                        ": " + e.message());
    }
}

}  // namespace crm::cli
