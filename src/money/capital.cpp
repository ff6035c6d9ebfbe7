#include <crm/core/error.hpp>
#include <crm/money/capital.hpp>

#include <array>
#include <cstdint>
#include <string>

namespace crm {

namespace {

constexpr std::array<std::string_view, 10> digit_chars = {"零", "壹", "贰", "叁", "肆",
                                                          "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<std::string_view, 4> place_chars = {"", "拾", "佰", "仟"};
constexpr std::string_view ling = "零";
constexpr int max_integer_digits = 16;  // up to 9999万9999亿9999万9999

const Currency& cny() {
    static const Currency c{"CNY"};
    return c;
}

// The integer digits (least significant first), 角 and 分 of a whole number of fen.
struct Digits {
    std::array<int, max_integer_digits> integer{};
    int top = -1;  // index of the highest non-zero integer digit, -1 when the integer part is 0
    int jiao = 0;
    int fen = 0;
};

Digits digits_of(std::uint64_t fen) {
    Digits d;
    d.fen = static_cast<int>(fen % 10);
    d.jiao = static_cast<int>(fen / 10 % 10);
    std::uint64_t yuan = fen / 100;
    for (int p = 0; yuan != 0; ++p, yuan /= 10) {
        d.integer[static_cast<std::size_t>(p)] = static_cast<int>(yuan % 10);
        if (yuan % 10 != 0) d.top = p;
    }
    return d;
}

bool group_nonzero(const Digits& d, int from) {
    for (int p = from; p < from + 4 && p < max_integer_digits; ++p)
        if (d.integer[static_cast<std::size_t>(p)] != 0) return true;
    return false;
}

std::string render(const Digits& d, bool negative, const CapitalOptions& o) {
    std::string out;
    if (o.renminbi_prefix) out += "人民币";
    if (negative) out += "负";
    if (d.top < 0 && d.jiao == 0 && d.fen == 0) return out + "零元整";

    bool pending_zero = false;  // a run of zeros waits for the next non-zero digit
    int group_unit_at = -1;     // the place of the 万 or 亿 written last, -1 once a digit follows it
    for (int p = d.top; p >= 0; --p) {
        const int digit = d.integer[static_cast<std::size_t>(p)];
        if (digit != 0) {
            // optional 零: right after the 万/亿 of the place just above, before a 仟 digit
            const bool optional = group_unit_at == p + 1 && p % 4 == 3;
            if (pending_zero && (!optional || o.zero_at_group_place)) out += ling;
            pending_zero = false;
            out += digit_chars[static_cast<std::size_t>(digit)];
            out += place_chars[static_cast<std::size_t>(p % 4)];
            group_unit_at = -1;
        } else {
            pending_zero = true;
        }
        if (p == 8) {  // 亿 multiplies everything above it, so it is written whenever that is not zero
            out += "亿";
            group_unit_at = p;
        } else if ((p == 4 || p == 12) && group_nonzero(d, p)) {
            out += "万";
            group_unit_at = p;
        }
    }
    const bool has_yuan = d.top >= 0;
    if (has_yuan) out += "元";
    if (d.jiao != 0) {
        if (has_yuan && d.integer[0] == 0 && o.zero_at_yuan_place) out += ling;
        out += digit_chars[static_cast<std::size_t>(d.jiao)];
        out += "角";
    }
    if (d.fen != 0) {
        if (has_yuan && d.jiao == 0) out += ling;
        out += digit_chars[static_cast<std::size_t>(d.fen)];
        out += "分";
    } else if (d.jiao == 0 || o.zheng_after_jiao) {
        out += "整";
    }
    return out;
}

// ---- reading -------------------------------------------------------------------------------------

[[noreturn]] void refuse(std::string_view field, const std::string& message) {
    throw Error(ErrorCode::parse_error, std::string(field), message);
}

int digit_value(std::string_view c) {
    for (std::size_t i = 0; i < digit_chars.size(); ++i)
        if (digit_chars[i] == c) return static_cast<int>(i);
    return -1;
}

// The next UTF-8 character of `text` from `at` (one to four bytes; malformed bytes count as one).
std::string_view next_char(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t n = 1;
    if (lead >= 0xF0)
        n = 4;
    else if (lead >= 0xE0)
        n = 3;
    else if (lead >= 0xC0)
        n = 2;
    return text.substr(at, n);
}

struct Reading {
    std::uint64_t fen = 0;
    bool negative = false;
    bool prefix = false;
    std::string normal;  // the text with 圆 as 元 and 正 as 整
};

// Reads the value the characters denote, with only the checks that keep the arithmetic bounded;
// whether the text is written by the rules is decided afterwards by writing the value again.
Reading read_value(std::string_view text, std::string_view field) {
    if (text.size() > 200) refuse(field, "too long for an amount in capital numerals");
    Reading r;
    std::size_t at = 0;
    constexpr std::string_view renminbi = "人民币";
    if (text.starts_with(renminbi)) {
        r.prefix = true;
        r.normal += renminbi;
        at = renminbi.size();
    }
    if (text.substr(at).starts_with("负")) {
        r.negative = true;
        r.normal += "负";
        at += std::string_view("负").size();
    }
    std::uint64_t yi = 0;       // the part counted in 亿
    std::uint64_t wan = 0;      // the 万 part below 亿
    std::uint64_t section = 0;  // below 万
    int number = -1;            // the digit waiting for its unit
    bool seen_yi = false, seen_wan = false, seen_yuan = false, seen_jiao = false, seen_fen = false,
         seen_zheng = false, seen_any = false;
    std::uint64_t jiao = 0, fen = 0;
    const auto take_number = [&]() -> std::uint64_t {
        const std::uint64_t n = number < 0 ? 0 : static_cast<std::uint64_t>(number);
        number = -1;
        return n;
    };
    while (at < text.size()) {
        std::string_view c = next_char(text, at);
        const std::size_t position = at;
        at += c.size();
        if (c == "圆") c = "元";
        if (c == "正") c = "整";
        r.normal += c;
        const auto unexpected = [&] {
            refuse(field, "unexpected " + std::string(c) + " at byte " + std::to_string(position));
        };
        if (seen_zheng || (seen_fen && c != "整")) unexpected();  // 整 after 分 is read, then refused
        seen_any = true;
        if (const int v = digit_value(c); v >= 0) {
            if (v == 0) continue;  // a zero only separates; its place is checked by writing again
            if (number >= 0) unexpected();
            number = v;
        } else if (c == "拾" || c == "佰" || c == "仟") {
            if (seen_yuan) unexpected();
            if (number < 0 && c != "拾") unexpected();
            if (number < 0)
                number = 1;  // a bare 拾 (spoken form) is read, then refused with the written form
            section += take_number() * (c == "拾" ? 10u : c == "佰" ? 100u : 1000u);
        } else if (c == "万") {
            if (seen_yuan || seen_wan) unexpected();
            wan = (section + take_number()) * 10'000u;
            section = 0;
            seen_wan = true;
        } else if (c == "亿") {
            if (seen_yuan || seen_yi) unexpected();
            yi = wan + section + take_number();
            wan = section = 0;
            seen_yi = true;
            seen_wan = false;
        } else if (c == "元") {
            if (seen_yuan) unexpected();
            section += take_number();
            seen_yuan = true;
        } else if (c == "角") {
            if (number < 0 || seen_jiao) unexpected();
            jiao = take_number();
            seen_jiao = true;
        } else if (c == "分") {
            if (number < 0) unexpected();
            fen = take_number();
            seen_fen = true;
        } else if (c == "整") {
            seen_zheng = true;
        } else {
            unexpected();
        }
    }
    if (!seen_any) refuse(field, "empty amount");
    if (number >= 0) refuse(field, "a digit without its unit at the end");
    // each part is bounded by the length of the text (at most 200 bytes): no overflow below
    const std::uint64_t integer_part = yi * 100'000'000u + wan + section;
    if (yi >= 100'000'000u || integer_part >= 10'000'000'000'000'000u)
        refuse(field, "beyond the largest amount with a capital form");
    r.fen = integer_part * 100u + jiao * 10u + fen;
    return r;
}

}  // namespace

Money max_capital_amount() { return Money{Decimal::parse("9999999999999999.99"), cny()}; }

std::string to_capital(const Money& amount, const CapitalOptions& options, std::string_view field) {
    if (amount.currency() != cny())
        throw Error(
            ErrorCode::currency_mismatch, std::string(field),
            "capital numerals are written for CNY amounts, not " + std::string(amount.currency().code()));
    if (amount.signum() < 0 && !options.allow_negative)
        throw Error(ErrorCode::invalid_argument, std::string(field),
                    "a negative amount has no capital form unless allow_negative is set (负)");
    const Decimal magnitude = abs(amount.amount());
    if (magnitude > max_capital_amount().amount())
        throw Error(ErrorCode::out_of_range, std::string(field),
                    "capital numerals are defined up to 9,999,999,999,999,999.99 (below 1亿亿)");
    const Decimal fen = round_to_scale(magnitude, 2, RoundingMode::down);
    if (fen != magnitude)
        throw Error(ErrorCode::invalid_argument, std::string(field),
                    "the amount is not a whole number of fen; round it to 2 places first");
    const std::int64_t count = (fen * Decimal(100)).to_int64();
    return render(digits_of(static_cast<std::uint64_t>(count)), amount.signum() < 0, options);
}

Money parse_capital(std::string_view text, std::string_view field) {
    const Reading r = read_value(text, field);
    const Digits digits = digits_of(r.fen);
    const bool negative = r.negative && r.fen != 0;
    std::string canonical;
    for (unsigned bits = 0; bits < 8; ++bits) {
        const CapitalOptions o{
            .zero_at_group_place = (bits & 1u) != 0,
            .zero_at_yuan_place = (bits & 2u) != 0,
            .zheng_after_jiao = (bits & 4u) != 0,
            .renminbi_prefix = r.prefix,
            .allow_negative = true,
        };
        const std::string written = render(digits, negative, o);
        if (written == r.normal) {
            const auto count = static_cast<std::int64_t>(r.fen);
            return Money{Decimal::scaled(negative ? -count : count, -2), cny()};
        }
        if (o == CapitalOptions{.renminbi_prefix = r.prefix, .allow_negative = true}) canonical = written;
    }
    refuse(field, "not written as the capital-numeral rules write it; they give " + canonical);
}

}  // namespace crm
