#pragma once
// What the subcommands of the crm program share: the options every subcommand has, reading
// documents from files or standard input, writing the answer atomically, and the exit codes
// (docs/cli.md). Each subcommand lives in its own source (cmd_<name>.cpp) and registers itself
// through one add_<name>() function called from main.cpp.

#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>
#include <crm/time/date.hpp>

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm::cli {

/// The exit codes a script can branch on.
inline constexpr int exit_ok = 0;              ///< allow or warn, or a question answered
inline constexpr int exit_internal = 1;        ///< an internal failure (the answer could not be written)
inline constexpr int exit_bad_input = 2;       ///< bad input: the crm::Error is on standard error
inline constexpr int exit_needs_approval = 3;  ///< the decision needs approval
inline constexpr int exit_block = 4;           ///< the decision blocks

/// The answer's formats; a subcommand offers those that fit it.
enum class Format { text, json, csv, md, html, xlsx };

/// The options every subcommand has: `--lang`, `--format`, `-o/--output`.
struct Common {
    std::string lang = "zh";
    std::string format = "text";
    std::string output = "-";

    [[nodiscard]] Lang language() const noexcept { return lang == "en" ? Lang::en : Lang::zh; }
    [[nodiscard]] bool zh() const noexcept { return language() == Lang::zh; }
    [[nodiscard]] Format format_choice() const;
};

/// Adds `--lang`, `--format` (one of `formats`, the first the default) and `-o/--output` to `sub`.
void add_common(CLI::App& sub, Common& c, std::initializer_list<std::string> formats = {"text", "json"});

/// The whole of a file, or of standard input for "-". `option` names it in errors.
[[nodiscard]] std::string slurp(const std::string& path, const std::string& option);
/// The name a document is given in error messages: the path, or `<stdin>` for "-".
[[nodiscard]] std::string file_name(const std::string& path);
/// Refuses more than one of `paths` being "-" (standard input feeds one document only).
void one_stdin(std::initializer_list<const std::string*> paths);
/// See above, for a number of documents known only at run time (repeated options).
void one_stdin(std::span<const std::string* const> paths);

/// The answer could not be written (a full disk, a missing folder): not the input's fault, so
/// it leaves with the internal-failure exit code.
struct OutputFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Writes `text` to standard output, or to `path` through a temporary file in the same folder
/// renamed over it, so that a reader never sees a half-written file.
void emit(const std::string& text, const std::string& path);

/// The columns a text takes on a terminal: Chinese (and other wide) characters take two, so a
/// table with Chinese headings or labels still lines up. Counted from the UTF-8 lead bytes;
/// every code point from U+2E80 (CJK radicals onwards) is taken as wide.
[[nodiscard]] std::size_t columns(std::string_view s);
/// `rows` as a text table: each cell padded to the widest of its column (in columns()), two
/// spaces apart, each line after `indent`, no trailing spaces. The first `left` columns are
/// flush left, the others flush right (amounts); by default every column is flush left.
[[nodiscard]] std::string table(const std::vector<std::vector<std::string>>& rows,
                                std::string_view indent = "",
                                std::size_t left = static_cast<std::size_t>(-1));

/// `--as-of` as a date (an error names `--as-of`).
[[nodiscard]] Date as_of_date(const std::string& text);
/// `e` with `file:line:column: ` before its message, the position of its field (a JSON Pointer)
/// in the document `text`: for errors found after reading, when the values are checked together.
[[nodiscard]] Error located(const Error& e, std::string_view text, const std::string& file);
/// A progress reporter for long work: when standard error is a terminal, a bar redrawn in
/// place (`replay 42% (4200/10000)`) and ended by a line break at the end; otherwise empty
/// (nothing is written: logs and pipes stay clean).
[[nodiscard]] std::function<void(std::size_t done, std::size_t total)> progress_bar(const std::string& label);
/// The exit code of a decision's outcome.
[[nodiscard]] int exit_code_of(Outcome o) noexcept;
/// A field for a CSV line, quoted when it needs to be.
[[nodiscard]] std::string csv_field(const std::string& s);

/// The subcommands registered, each with what runs it when chosen.
using Commands = std::vector<std::pair<CLI::App*, std::function<int()>>>;

// One per subcommand (cmd_<name>.cpp): adds it to `app` and its runner to `commands`.
void add_validate(CLI::App& app, Commands& commands);
void add_check_order(CLI::App& app, Commands& commands);
void add_aging(CLI::App& app, Commands& commands);
void add_route(CLI::App& app, Commands& commands);
void add_verify(CLI::App& app, Commands& commands);
void add_lint(CLI::App& app, Commands& commands);
void add_price(CLI::App& app, Commands& commands);
void add_report(CLI::App& app, Commands& commands);
/// `crm report annual`, added under the `report` group by add_report.
void add_report_annual(CLI::App& report, Commands& commands);
void add_replay(CLI::App& app, Commands& commands);
void add_score(CLI::App& app, Commands& commands);
void add_sla(CLI::App& app, Commands& commands);
void add_pool(CLI::App& app, Commands& commands);
void add_visits(CLI::App& app, Commands& commands);
void add_plan(CLI::App& app, Commands& commands);

}  // namespace crm::cli

// ---- CSV ledgers (crm aging, crm report monthly) ----

namespace crm {
class Currency;
namespace io {
struct ReceivablesLedger;
}
namespace planning {
struct Actuals;
}
}  // namespace crm

namespace crm::cli {

/// How CSV ledgers are read: `--encoding`, `--currency` and `--column [ledger.]member=header`.
struct CsvChoice {
    std::string encoding = "utf8";
    std::string currency;
    std::vector<std::string> columns;
};
/// Adds `--encoding`, `--currency` and `--column` to `sub`; `column_example` shows a mapping.
void add_csv_options(CLI::App& sub, CsvChoice& csv, const std::string& column_example);
/// The receivables ledger at `path`: a document, or a CSV ledger when the name ends in `.csv`.
[[nodiscard]] io::ReceivablesLedger read_ledger(const std::string& path, const CsvChoice& csv);

/// The month's ledgers as CSV files (`crm report monthly --sales/--collections/--expenses`),
/// each replacing its list of the request's actuals.
struct ActualsCsv {
    std::string sales, collections, expenses;  ///< the paths; empty: the request's list stands
    CsvChoice csv;
};
/// Adds `--sales`, `--collections`, `--expenses` and the CSV options to `sub`.
void add_actuals_csv(CLI::App& sub, ActualsCsv& files);

/// The CSV ledgers read into the actuals, kept to name the errors found in them later.
class ActualsFromCsv {
public:
    /// Reads the files `files` gives into the lists of `actuals` they replace; a file without a
    /// currency column takes `--currency`, else `plan_currency`.
    ActualsFromCsv(const ActualsCsv& files, const Currency& plan_currency, planning::Actuals& actuals);
    /// Throws `e` named at its row and column in the CSV file of its list when its field is a
    /// JSON Pointer into a list read from one (`/actuals/sales/3/account`); returns otherwise.
    void rethrow_in_csv(const Error& e) const;

private:
    struct Ledger {
        std::string list, path, bytes;
        bool gbk = false;
        std::vector<std::pair<std::string, std::string>> headers;  // member -> header name
    };
    std::vector<Ledger> ledgers_;
};

}  // namespace crm::cli
