// crm_dectest: runs IBM's General Decimal Arithmetic test cases (decTest 2.59) against
// crm::Decimal's named operations. The files are read where Debian's
// libpython3.11-testsuite installs them; they are never copied into this repository.
//
// Usage: crm_dectest <decimaltestdata folder> [file ...]   (default: the files below)
// Every case is either run (pass or fail) or skipped with a counted reason; a line that
// cannot be parsed is a failure. Exit status is non-zero on any failure or missing file.

#include <crm/core/error.hpp>
#include <crm/money/decimal.hpp>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

const std::vector<std::string> kDefaultFiles = {
    "add",       "subtract",     "multiply",    "divide",     "quantize",   "rescale",  "rounding",
    "compare",   "tointegral",   "tointegralx", "min",        "max",        "abs",      "minus",
    "plus",      "randoms",      "dqAdd",       "dqSubtract", "dqMultiply", "dqDivide", "dqQuantize",
    "dqCompare", "dqToIntegral", "dqMin",       "dqMax",      "dqAbs",      "dqMinus",  "dqPlus",
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Splits a line into tokens: whitespace separated, '...' and "..." quoted (a doubled quote
// inside stands for one), `--` outside quotes starts a comment. Returns nullopt on an
// unterminated quote.
std::optional<std::vector<std::string>> tokenize(const std::string& line) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') break;
        if (c == '\'' || c == '"') {
            std::string tok;
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == c) {
                    if (i + 1 < line.size() && line[i + 1] == c) {
                        tok += c;
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                tok += line[i++];
            }
            if (!closed) return std::nullopt;
            tokens.push_back(tok);
            continue;
        }
        std::string tok;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') tok += line[i++];
        tokens.push_back(tok);
    }
    return tokens;
}

struct Context {
    int precision = 9;
    std::string rounding = "half_up";
    std::int64_t emax = 999;
    std::int64_t emin = -999;
};

std::optional<crm::RoundingMode> rounding_mode(const std::string& name) {
    using crm::RoundingMode;
    if (name == "half_even") return RoundingMode::half_even;
    if (name == "half_up") return RoundingMode::half_up;
    if (name == "half_down") return RoundingMode::half_down;
    if (name == "up") return RoundingMode::up;
    if (name == "down") return RoundingMode::down;
    if (name == "ceiling") return RoundingMode::ceiling;
    if (name == "floor") return RoundingMode::floor;
    return std::nullopt;
}

bool is_special(const std::string& token) {
    const std::string t = lower(token);
    return t.find("nan") != std::string::npos || t.find("inf") != std::string::npos;
}

// The crm::ErrorCode an expected condition demands, if any.
std::optional<crm::ErrorCode> expected_error(const std::vector<std::string>& conditions) {
    for (const auto& c : conditions) {
        const std::string l = lower(c);
        if (l == "conversion_syntax") return crm::ErrorCode::parse_error;
        if (l == "invalid_operation" || l == "division_undefined") return crm::ErrorCode::invalid_operation;
        if (l == "division_by_zero") return crm::ErrorCode::division_by_zero;
        if (l == "overflow") return crm::ErrorCode::overflow;
    }
    return std::nullopt;
}

struct Tally {
    long passed = 0;
    long failed = 0;
    std::map<std::string, long> skipped;
    long skipped_total() const {
        long n = 0;
        for (const auto& [_, k] : skipped) n += k;
        return n;
    }
};

int arity(const std::string& op) {
    static const std::map<std::string, int> table = {
        {"add", 2},         {"subtract", 2}, {"multiply", 2}, {"divide", 2}, {"quantize", 2},
        {"rescale", 2},     {"compare", 2},  {"min", 2},      {"max", 2},    {"tointegral", 1},
        {"tointegralx", 1}, {"abs", 1},      {"minus", 1},    {"plus", 1},   {"apply", 1},
    };
    const auto it = table.find(op);
    return it == table.end() ? 0 : it->second;
}

crm::Decimal run(const std::string& op, const std::vector<crm::Decimal>& x, const crm::DecimalContext& ctx) {
    if (op == "add") return crm::add(x[0], x[1], ctx);
    if (op == "subtract") return crm::subtract(x[0], x[1], ctx);
    if (op == "multiply") return crm::multiply(x[0], x[1], ctx);
    if (op == "divide") return crm::divide(x[0], x[1], ctx);
    if (op == "quantize") return crm::quantize(x[0], x[1].exponent(), ctx);
    if (op == "rescale") {
        if (!x[1].is_integral())
            throw crm::Error(crm::ErrorCode::invalid_operation, "rescale",
                             "the exponent must be a whole number");
        const std::int64_t e = x[1].to_int64();
        if (e > crm::Decimal::max_exponent || e < crm::Decimal::min_exponent - 40)
            throw crm::Error(crm::ErrorCode::invalid_operation, "rescale", "exponent out of range");
        return crm::quantize(x[0], static_cast<int>(e), ctx);
    }
    if (op == "compare") return crm::Decimal(crm::compare(x[0], x[1]));
    if (op == "min") return crm::min(x[0], x[1], ctx);
    if (op == "max") return crm::max(x[0], x[1], ctx);
    if (op == "tointegral" || op == "tointegralx") return crm::to_integral(x[0], ctx.rounding);
    if (op == "abs") return crm::abs(x[0], ctx);
    if (op == "minus") return crm::minus(x[0], ctx);
    if (op == "plus") return crm::plus(x[0], ctx);
    // apply: the operand rounded to the context, sign kept (max of a value with itself).
    return crm::max(x[0], x[0], ctx);
}

struct FileResult {
    Tally tally;
    bool opened = false;
};

FileResult run_file(const std::string& path, int& failures_shown) {
    FileResult result;
    std::ifstream in(path);
    if (!in) return result;
    result.opened = true;
    Tally& t = result.tally;
    Context ctx;
    std::string line;
    int line_no = 0;
    const auto fail = [&](const std::string& what) {
        ++t.failed;
        if (failures_shown++ < 40) std::cout << "  FAIL " << path << ":" << line_no << ": " << what << "\n";
    };
    while (std::getline(in, line)) {
        ++line_no;
        const auto tokens_opt = tokenize(line);
        if (!tokens_opt) {
            fail("unterminated quote: " + line);
            continue;
        }
        const auto& tokens = *tokens_opt;
        if (tokens.empty()) continue;
        // Directive: `keyword: value` (the colon may be glued to either side).
        const auto colon = tokens[0].find(':');
        if (colon != std::string::npos) {
            const std::string key = lower(tokens[0].substr(0, colon));
            std::string value = tokens[0].substr(colon + 1);
            if (value.empty() && tokens.size() > 1) value = tokens[1];
            try {
                if (key == "precision")
                    ctx.precision = std::stoi(value);
                else if (key == "rounding")
                    ctx.rounding = lower(value);
                else if (key == "maxexponent")
                    ctx.emax = std::stoll(value);
                else if (key == "minexponent")
                    ctx.emin = std::stoll(value);
                else if (key == "version" || key == "extended" || key == "clamp") {
                } else
                    fail("unknown directive: " + line);
            } catch (const std::exception&) {
                fail("bad directive value: " + line);
            }
            continue;
        }
        // Test: id operation operands... -> result conditions...
        std::size_t arrow = 0;
        while (arrow < tokens.size() && tokens[arrow] != "->") ++arrow;
        if (tokens.size() < 4 || arrow == tokens.size() || arrow + 1 >= tokens.size()) {
            fail("unparseable line: " + line);
            continue;
        }
        const std::string id = tokens[0];
        const std::string op = lower(tokens[1]);
        const std::vector<std::string> operands(tokens.begin() + 2,
                                                tokens.begin() + static_cast<long>(arrow));
        const std::string expected = tokens[arrow + 1];
        const std::vector<std::string> conditions(tokens.begin() + static_cast<long>(arrow) + 2,
                                                  tokens.end());

        const int n = arity(op);
        if (n == 0) {
            ++t.skipped["unsupported operation"];
            continue;
        }
        if (static_cast<int>(operands.size()) != n) {
            fail(id + ": wrong operand count");
            continue;
        }
        bool null_operand = false;
        bool special = is_special(expected);
        for (const auto& o : operands) {
            if (o == "#") null_operand = true;
            if (is_special(o)) special = true;
        }
        const auto error = expected_error(conditions);
        if (null_operand) {
            ++t.skipped["null operand"];
            continue;
        }
        // `64#...`, `128#...`: an operand in a given interchange format (bits), not a number.
        if (std::any_of(operands.begin(), operands.end(),
                        [](const std::string& o) { return o.find('#') != std::string::npos; })) {
            ++t.skipped["interchange-format operand"];
            continue;
        }
        if (special && !(error && !std::any_of(operands.begin(), operands.end(), is_special))) {
            ++t.skipped["nan/inf"];
            continue;
        }
        bool tiny = false;
        for (const auto& c : conditions) {
            const std::string l = lower(c);
            if (l == "subnormal" || l == "underflow" || l == "clamped") tiny = true;
        }
        if (tiny) {
            ++t.skipped["subnormal/underflow/clamped"];
            continue;
        }
        const auto mode = rounding_mode(ctx.rounding);
        if (!mode) {
            ++t.skipped["rounding " + ctx.rounding];
            continue;
        }
        if (ctx.precision > crm::Decimal::max_digits) {
            ++t.skipped["precision > 38"];
            continue;
        }
        if (ctx.emax > crm::Decimal::max_exponent || ctx.emin < crm::Decimal::min_exponent) {
            ++t.skipped["exponent range"];
            continue;
        }

        // Operands: a conversion error is the expected result only for Conversion_syntax.
        std::vector<crm::Decimal> x;
        bool out_of_range = false;
        bool parsed = true;
        for (const auto& o : operands) {
            try {
                x.push_back(crm::Decimal::parse(o));
            } catch (const crm::Error& e) {
                if (e.code() == crm::ErrorCode::overflow)
                    out_of_range = true;
                else if (error == crm::ErrorCode::parse_error) {
                    ++t.passed;
                    parsed = false;
                    break;
                } else {
                    fail(id + ": operand " + o + " rejected: " + e.what());
                    parsed = false;
                    break;
                }
            }
        }
        if (!parsed) continue;
        if (out_of_range) {
            ++t.skipped["operand beyond 38 digits or the exponent range"];
            continue;
        }
        if (error == crm::ErrorCode::parse_error) {
            fail(id + ": parsed what should not parse");
            continue;
        }

        const crm::DecimalContext dctx{.precision = ctx.precision,
                                       .rounding = *mode,
                                       .emax = static_cast<int>(ctx.emax),
                                       .emin = static_cast<int>(ctx.emin)};
        try {
            const crm::Decimal got = run(op, x, dctx);
            if (error) {
                fail(id + ": expected " + std::string(crm::to_string(*error)) + ", got " + got.to_string());
                continue;
            }
            if (got.to_string() == expected)
                ++t.passed;
            else
                fail(id + ": " + line + "  => got " + got.to_string());
        } catch (const crm::Error& e) {
            if (error && e.code() == *error)
                ++t.passed;
            else
                fail(id + ": " + line + "  => threw " + e.what());
        }
    }
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: crm_dectest <decimaltestdata folder> [file ...]\n";
        return 2;
    }
    const std::string dir = argv[1];
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) files.emplace_back(argv[i]);
    if (files.empty()) files = kDefaultFiles;

    Tally total;
    int failures_shown = 0;
    bool missing = false;
    for (const auto& name : files) {
        const std::string path = dir + "/" + name + ".decTest";
        const FileResult r = run_file(path, failures_shown);
        if (!r.opened) {
            std::cout << name << ".decTest: MISSING (" << path << ")\n";
            missing = true;
            continue;
        }
        std::cout << name << ".decTest: " << r.tally.passed << " passed, " << r.tally.failed << " failed, "
                  << r.tally.skipped_total() << " skipped\n";
        total.passed += r.tally.passed;
        total.failed += r.tally.failed;
        for (const auto& [reason, count] : r.tally.skipped) total.skipped[reason] += count;
    }
    std::ostringstream reasons;
    bool first = true;
    for (const auto& [reason, count] : total.skipped) {
        reasons << (first ? "" : ", ") << reason << " " << count;
        first = false;
    }
    std::cout << "dectest: " << total.passed << " passed, " << total.failed << " failed, "
              << total.skipped_total() << " skipped (" << reasons.str() << ")\n";
    return (total.failed == 0 && !missing && total.passed > 0) ? 0 : 1;
}
