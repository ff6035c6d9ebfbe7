// What the subcommands share (cli.hpp).

#include "cli.hpp"

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>

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

}  // namespace crm::cli
