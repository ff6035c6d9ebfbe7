// crm::Decimal: coefficient (an unsigned 128-bit magnitude below 10^38), exponent and sign.
// The coefficient is the compiler's unsigned __int128; the named operations compute an exact
// intermediate in 256 bits (Boost.Multiprecision, used only here, never in a public header)
// or fold the digits that cannot matter into one sticky digit, and then round once, in
// `finish`.

#include <crm/core/error.hpp>
#include <crm/money/decimal.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <utility>

namespace crm {

namespace {

using U128 = Decimal::Coefficient;
using U256 = boost::multiprecision::uint256_t;

constexpr std::uint64_t kLow64 = ~std::uint64_t{0};

// Between the native 128-bit coefficient and Boost's 256-bit intermediates, limb by limb.
U256 wide(U128 v) {
    U256 r = static_cast<std::uint64_t>(v >> 64);
    r <<= 64;
    r |= static_cast<std::uint64_t>(v);
    return r;
}
U128 narrow(const U256& v) {  // v < 2^128
    const auto low = static_cast<std::uint64_t>(v & kLow64);
    const auto high = static_cast<std::uint64_t>((v >> 64) & kLow64);
    return (U128{high} << 64) | low;
}

constexpr int kMaxDigits = Decimal::max_digits;
constexpr int kWideDigits = 77;  // every value below 10^77 fits in 256 bits

template <class U, std::size_t N>
constexpr std::array<U, N> make_powers_of_ten() {
    std::array<U, N> table{};
    table[0] = 1u;
    for (std::size_t i = 1; i < N; ++i) table[i] = table[i - 1] * 10u;
    return table;
}
constexpr auto kPow10 = make_powers_of_ten<U256, kWideDigits + 1>();
constexpr auto kPow10Narrow = make_powers_of_ten<U128, kMaxDigits + 1>();

// Number of decimal digits of a non-negative value (1 for zero). The bit length gives the
// digit count within one; a single comparison settles it.
int digits_of(U128 v) {
    if (v == 0u) return 1;
    const auto high = static_cast<std::uint64_t>(v >> 64);
    const int bits =
        high != 0 ? 128 - __builtin_clzll(high) : 64 - __builtin_clzll(static_cast<std::uint64_t>(v));
    const int guess = (bits * 1233) >> 12;  // floor(bits * log10(2)), exact for bits <= 256
    return guess + (v >= kPow10Narrow[static_cast<std::size_t>(guess)] ? 1 : 0);
}
int digits_of(const U256& v) {
    if (v == 0u) return 1;
    const auto bits = static_cast<int>(boost::multiprecision::msb(v)) + 1;
    const int guess = (bits * 1233) >> 12;
    return guess + (v >= kPow10[static_cast<std::size_t>(guess)] ? 1 : 0);
}

[[noreturn]] void fail(ErrorCode code, std::string_view field, std::string message) {
    throw Error(code, std::string(field), std::move(message));
}

// Where a discarded part lies relative to half a unit of the last kept digit.
enum class Tail { zero, below_half, half, above_half };

Tail classify(const U256& remainder, const U256& unit) {
    if (remainder == 0u) return Tail::zero;
    const U256 twice = remainder * 2u;  // remainder < unit <= 10^77: no overflow
    if (twice < unit) return Tail::below_half;
    return twice == unit ? Tail::half : Tail::above_half;
}

bool rounds_away(RoundingMode mode, bool negative, Tail tail, bool last_digit_odd) {
    if (tail == Tail::zero) return false;
    switch (mode) {
    case RoundingMode::down: return false;
    case RoundingMode::up: return true;
    case RoundingMode::ceiling: return !negative;
    case RoundingMode::floor: return negative;
    case RoundingMode::half_up: return tail != Tail::below_half;
    case RoundingMode::half_down: return tail == Tail::above_half;
    case RoundingMode::half_even: return tail == Tail::above_half || (tail == Tail::half && last_digit_odd);
    }
    return false;
}

struct Finished {
    Decimal value;
    bool inexact;
};

Decimal make(bool negative, const U256& coefficient, std::int64_t exponent) {
    return Decimal::from_parts_unchecked(negative, narrow(coefficient), static_cast<int>(exponent));
}

// Rounds an exact (sign, coefficient, exponent) to the context: at most ctx.precision digits,
// then checks the exponent range. The coefficient may carry a final sticky digit.
Finished finish(bool negative, U256 coefficient, std::int64_t exponent, const DecimalContext& ctx,
                std::string_view operation) {
    const int precision = ctx.precision;
    bool inexact = false;
    const int n = digits_of(coefficient);
    if (n > precision) {
        const auto drop = static_cast<std::size_t>(n - precision);
        U256 quotient;
        U256 remainder;
        boost::multiprecision::divide_qr(coefficient, kPow10[drop], quotient, remainder);
        const Tail tail = classify(remainder, kPow10[drop]);
        if (tail != Tail::zero) {
            if (ctx.exact)
                fail(ErrorCode::inexact, operation,
                     "the exact result needs more than " + std::to_string(precision) + " digits");
            inexact = true;
            if (rounds_away(ctx.rounding, negative, tail, boost::multiprecision::bit_test(quotient, 0)))
                ++quotient;
        }
        exponent += static_cast<std::int64_t>(drop);
        if (quotient == kPow10[static_cast<std::size_t>(precision)]) {  // 999.. rounded up to 1000..
            quotient /= 10u;
            ++exponent;
        }
        coefficient = quotient;
    }
    if (coefficient == 0u) {
        // A zero has no magnitude to overflow: its exponent is clamped into the range.
        const std::int64_t lowest = std::int64_t{ctx.emin} - (precision - 1);
        exponent = std::clamp<std::int64_t>(exponent, lowest, ctx.emax);
        return {make(negative, coefficient, exponent), inexact};
    }
    const std::int64_t adjusted = exponent + digits_of(coefficient) - 1;
    if (adjusted > ctx.emax)
        fail(ErrorCode::overflow, operation, "the result's exponent exceeds " + std::to_string(ctx.emax));
    if (adjusted < ctx.emin)
        fail(ErrorCode::underflow, operation, "the result's exponent is below " + std::to_string(ctx.emin));
    return {make(negative, coefficient, exponent), inexact};
}

void check_context(const DecimalContext& ctx) {
    require_valid(ctx.rounding, "context.rounding");
    if (ctx.precision < 1 || ctx.precision > kMaxDigits)
        fail(ErrorCode::invalid_argument, "context.precision", "precision must be within 1..38");
    if (ctx.emax > Decimal::max_exponent || ctx.emin < Decimal::min_exponent || ctx.emin > ctx.emax)
        fail(ErrorCode::invalid_argument, "context.emax", "exponent limits outside the library's range");
}

const DecimalContext kExact{.exact = true};

struct Operand {
    bool negative;
    U128 coefficient;
    std::int64_t exponent;
};

Decimal add_signed(const Operand& x, const Operand& y, const DecimalContext& ctx,
                   std::string_view operation) {
    // Fast path: same exponent, result fits without rounding.
    if (x.exponent == y.exponent) {
        U256 c;
        bool negative = x.negative;
        if (x.negative == y.negative) {
            c = wide(x.coefficient) + wide(y.coefficient);
        } else if (x.coefficient >= y.coefficient) {
            c = wide(x.coefficient - y.coefficient);
        } else {
            c = wide(y.coefficient - x.coefficient);
            negative = y.negative;
        }
        if (c == 0u)
            negative = (x.negative && y.negative) ||
                       (x.negative != y.negative && ctx.rounding == RoundingMode::floor);
        return finish(negative, c, x.exponent, ctx, operation).value;
    }
    const Operand& hi = x.exponent > y.exponent ? x : y;  // the larger exponent
    const Operand& lo = x.exponent > y.exponent ? y : x;
    const std::int64_t shift = hi.exponent - lo.exponent;
    const int hi_digits = digits_of(hi.coefficient);
    U256 ch;
    U256 cl;
    std::int64_t exponent = lo.exponent;
    if (hi.coefficient == 0u) {
        cl = wide(lo.coefficient);
    } else if (hi_digits + shift <= kWideDigits) {
        ch = wide(hi.coefficient) * kPow10[static_cast<std::size_t>(shift)];
        cl = wide(lo.coefficient);
    } else if (lo.coefficient == 0u) {
        // Adding a zero far below: pad `hi` with as many zeros as the precision allows.
        const std::int64_t pad = std::min<std::int64_t>(shift, std::max(ctx.precision - hi_digits, 0));
        ch = wide(hi.coefficient) * kPow10[static_cast<std::size_t>(pad)];
        exponent = hi.exponent - pad;
    } else {
        // `lo` lies wholly below the rounding digit: it only decides the direction of
        // rounding, so one unit two places below the guard digit stands in for it.
        const int k = std::max(ctx.precision + 1 - hi_digits, 0);
        ch = wide(hi.coefficient) * kPow10[static_cast<std::size_t>(k + 1)];
        cl = 1u;
        exponent = hi.exponent - k - 1;
    }
    U256 c;
    bool negative = hi.negative;
    if (hi.negative == lo.negative) {
        c = ch + cl;
    } else if (ch >= cl) {
        c = ch - cl;
    } else {
        c = cl - ch;
        negative = lo.negative;
    }
    if (c == 0u)
        negative = (hi.negative && lo.negative) ||
                   (hi.negative != lo.negative && ctx.rounding == RoundingMode::floor);
    return finish(negative, c, exponent, ctx, operation).value;
}

Decimal multiply_impl(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    const bool negative = a.is_signed() != b.is_signed();
    const std::int64_t exponent = std::int64_t{a.exponent()} + b.exponent();
    const U128 x = a.coefficient();
    const U128 y = b.coefficient();
    // Both in 64 bits: the product is exact in 128 bits; otherwise 256-bit intermediates.
    const U256 product = (x >> 64) == 0u && (y >> 64) == 0u
                             ? wide(U128{static_cast<std::uint64_t>(x)} * static_cast<std::uint64_t>(y))
                             : wide(x) * wide(y);
    return finish(negative, product, exponent, ctx, "multiply").value;
}

// Rounds q (with the discarded part described by `tail`) and returns the result coefficient.
U256 round_quotient(U256 q, Tail tail, RoundingMode mode, bool negative) {
    if (rounds_away(mode, negative, tail, boost::multiprecision::bit_test(q, 0))) ++q;
    return q;
}

// `a` moved to exponent `target` (>= a.exponent()): the dropped digits are rounded.
U256 shift_right_rounded(const Decimal& a, std::int64_t target, RoundingMode mode, bool& inexact) {
    const std::int64_t drop = target - a.exponent();
    U256 q;
    Tail tail = Tail::zero;
    if (drop > kWideDigits) {
        tail = a.is_zero() ? Tail::zero : Tail::below_half;  // the whole coefficient is below half a unit
    } else {
        U256 r;
        boost::multiprecision::divide_qr(wide(a.coefficient()), kPow10[static_cast<std::size_t>(drop)], q, r);
        tail = classify(r, kPow10[static_cast<std::size_t>(drop)]);
    }
    inexact = tail != Tail::zero;
    return round_quotient(q, tail, mode, a.is_signed());
}

std::string coefficient_string(U128 c) {
    if (c == 0u) return "0";
    // Base-10^19 chunks: at most 38 digits, so at most two full chunks and a top.
    const std::uint64_t chunk = detail::pow10_19;
    std::uint64_t parts[3] = {};
    U128 rest = c;
    int count = 0;
    while (rest != 0u) {
        parts[count++] = static_cast<std::uint64_t>(rest % chunk);
        rest /= chunk;
    }
    std::string out = std::to_string(parts[count - 1]);
    for (int i = count - 2; i >= 0; --i) {
        std::string piece = std::to_string(parts[i]);
        out.append(19 - piece.size(), '0');
        out += piece;
    }
    return out;
}

int compare_magnitude(const Decimal& a, const Decimal& b) noexcept {
    if (a.is_zero() || b.is_zero()) return a.is_zero() ? (b.is_zero() ? 0 : -1) : 1;
    if (a.exponent() == b.exponent())
        return a.coefficient() < b.coefficient() ? -1 : (a.coefficient() == b.coefficient() ? 0 : 1);
    const int adj_a = a.adjusted_exponent();
    const int adj_b = b.adjusted_exponent();
    if (adj_a != adj_b) return adj_a < adj_b ? -1 : 1;
    // Same leading position: exponents differ by less than 38, so aligning fits in 128 bits.
    if (a.exponent() > b.exponent()) {
        const U128 scaled =
            a.coefficient() * kPow10Narrow[static_cast<std::size_t>(a.exponent() - b.exponent())];
        return scaled < b.coefficient() ? -1 : (scaled == b.coefficient() ? 0 : 1);
    }
    const U128 scaled = b.coefficient() * kPow10Narrow[static_cast<std::size_t>(b.exponent() - a.exponent())];
    return a.coefficient() < scaled ? -1 : (a.coefficient() == scaled ? 0 : 1);
}

}  // namespace

std::string_view to_string(RoundingMode mode) noexcept {
    switch (mode) {
    case RoundingMode::half_even: return "half_even";
    case RoundingMode::half_up: return "half_up";
    case RoundingMode::half_down: return "half_down";
    case RoundingMode::up: return "up";
    case RoundingMode::down: return "down";
    case RoundingMode::ceiling: return "ceiling";
    case RoundingMode::floor: return "floor";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, RoundingMode mode) { return os << to_string(mode); }

void detail::throw_invalid_rounding(RoundingMode mode, std::string_view field) {
    fail(ErrorCode::invalid_argument, field,
         "rounding mode " + std::to_string(static_cast<long long>(mode)) +
             " is none of half_even, half_up, half_down, up, down, ceiling, floor");
}

// ---- construction and parsing ----

Decimal::Decimal(std::string_view text) : Decimal(parse(text)) {}

Decimal Decimal::parse(std::string_view text, ParseOptions options, std::string_view field) {
    const auto syntax = [&](std::string_view what) -> Error {
        std::string shown(text.substr(0, 40));
        if (text.size() > 40) shown += "...";
        return Error(ErrorCode::parse_error, std::string(field), std::string(what) + " in \"" + shown + "\"");
    };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

    U128 coefficient = 0u;
    int significant = 0;      // digits after leading zeros
    int integer_digits = 0;   // digits before the point (any)
    int fraction_digits = 0;  // digits after the point
    bool seen_point = false;
    bool seen_digit = false;
    int group_run = -1;  // digits since the last separator (-1: no separator yet)
    for (; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch >= '0' && ch <= '9') {
            seen_digit = true;
            if (seen_point)
                ++fraction_digits;
            else
                ++integer_digits;
            if (group_run >= 0) ++group_run;
            if (significant > 0 || ch != '0') {
                if (++significant > kMaxDigits)
                    fail(ErrorCode::overflow, field, "more than 38 significant digits");
                coefficient = coefficient * 10u + static_cast<unsigned>(ch - '0');
            }
        } else if (ch == '.' && !seen_point) {
            if (group_run >= 0 && group_run != 3) throw syntax("digit groups must have three digits");
            seen_point = true;
            group_run = -1;
        } else if (options.allow_grouping && ch == options.group_separator && !seen_point) {
            const bool first_group_ok = group_run < 0 && integer_digits >= 1 && integer_digits <= 3;
            if (!(first_group_ok || group_run == 3)) throw syntax("digit groups must have three digits");
            group_run = 0;
        } else {
            break;
        }
    }
    if (!seen_digit) throw syntax("not a number");
    if (group_run >= 0 && group_run != 3) throw syntax("digit groups must have three digits");

    std::int64_t exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
        if (i == text.size()) throw syntax("an exponent needs digits");
        bool huge = false;
        for (; i < text.size(); ++i) {
            const char ch = text[i];
            if (ch < '0' || ch > '9') throw syntax("unexpected character");
            if (exponent > 100'000'000'000)
                huge = true;
            else
                exponent = exponent * 10 + (ch - '0');
        }
        if (huge) fail(ErrorCode::overflow, field, "exponent out of range");
        if (exp_negative) exponent = -exponent;
    }
    if (i != text.size()) throw syntax("unexpected character");

    exponent -= fraction_digits;
    const std::int64_t adjusted = exponent + std::max(significant, 1) - 1;
    if (coefficient == 0u) {
        if (exponent > max_exponent || exponent < std::int64_t{min_exponent} - (kMaxDigits - 1))
            fail(ErrorCode::overflow, field, "exponent out of range");
    } else if (adjusted > max_exponent || adjusted < min_exponent) {
        fail(ErrorCode::overflow, field, "exponent out of range");
    }
    return from_parts_unchecked(negative, coefficient, static_cast<int>(exponent));
}

Decimal Decimal::scaled(std::int64_t coefficient, int exponent) {
    const Decimal d(coefficient);
    if (!d.is_zero() && (std::int64_t{exponent} + d.digits() - 1 > max_exponent || exponent < min_exponent))
        fail(ErrorCode::overflow, "exponent", "exponent out of range");
    return from_parts_unchecked(d.is_signed(), d.coefficient(), exponent);
}

int Decimal::digits() const noexcept { return digits_of(coefficient()); }

bool Decimal::is_integral() const noexcept {
    const int e = exponent();
    if (e >= 0 || is_zero()) return true;
    if (-e > kMaxDigits) return false;
    return coefficient() % kPow10Narrow[static_cast<std::size_t>(-e)] == 0u;
}

std::int64_t Decimal::to_int64() const {
    if (!is_integral()) fail(ErrorCode::invalid_operation, "decimal", "not a whole number");
    U256 magnitude;
    const int e = exponent();
    if (e >= 0) {
        if (!is_zero() && digits() + e > 20) fail(ErrorCode::overflow, "decimal", "beyond the int64 range");
        magnitude = is_zero() ? U256(0u) : wide(coefficient()) * kPow10[static_cast<std::size_t>(e)];
    } else {
        magnitude = is_zero() ? U256(0u) : wide(coefficient() / kPow10Narrow[static_cast<std::size_t>(-e)]);
    }
    const bool negative = is_signed();
    const U256 max_positive = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (magnitude > max_positive + (negative ? 1u : 0u))
        fail(ErrorCode::overflow, "decimal", "beyond the int64 range");
    const auto low = static_cast<std::uint64_t>(magnitude);
    if (!negative) return static_cast<std::int64_t>(low);
    return low == 0 ? 0 : -static_cast<std::int64_t>(low - 1) - 1;
}

std::string Decimal::coefficient_digits() const { return coefficient_string(coefficient()); }

std::string Decimal::to_string() const {
    const std::int64_t e = exponent();
    const bool negative = is_signed();
    std::string digits = coefficient_string(coefficient());
    const auto length = static_cast<std::int64_t>(digits.size());
    const std::int64_t adjusted = e + length - 1;
    std::string out = negative ? "-" : "";
    if (e <= 0 && adjusted >= -6) {
        if (e == 0) return out + digits;
        const std::int64_t point = length + e;  // digits before the point
        if (point > 0) {
            out += digits.substr(0, static_cast<std::size_t>(point));
            out += '.';
            out += digits.substr(static_cast<std::size_t>(point));
        } else {
            out += "0.";
            out.append(static_cast<std::size_t>(-point), '0');
            out += digits;
        }
        return out;
    }
    out += digits[0];
    if (length > 1) {
        out += '.';
        out += digits.substr(1);
    }
    out += adjusted >= 0 ? "E+" : "E-";
    out += std::to_string(adjusted >= 0 ? adjusted : -adjusted);
    return out;
}

std::string Decimal::to_plain_string() const {
    const std::int64_t e = exponent();
    const bool negative = is_signed();
    std::string digits = coefficient_string(coefficient());
    std::string out = negative ? "-" : "";
    if (e >= 0) {
        out += digits;
        if (!is_zero()) out.append(static_cast<std::size_t>(e), '0');
        return out;
    }
    const std::int64_t point = static_cast<std::int64_t>(digits.size()) + e;
    if (point > 0) {
        out += digits.substr(0, static_cast<std::size_t>(point));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(point));
    } else {
        out += "0.";
        out.append(static_cast<std::size_t>(-point), '0');
        out += digits;
    }
    return out;
}

std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.to_string(); }

// ---- comparison ----

int compare(const Decimal& a, const Decimal& b) noexcept {
    const int sa = a.signum();
    const int sb = b.signum();
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    const int m = compare_magnitude(a, b);
    return sa > 0 ? m : -m;
}

bool operator==(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) == 0; }

std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept {
    const int c = compare(a, b);
    return c < 0 ? std::weak_ordering::less
                 : (c == 0 ? std::weak_ordering::equivalent : std::weak_ordering::greater);
}

std::size_t Decimal::hash() const noexcept {
    if (is_zero()) return 0x9e3779b97f4a7c15ULL;
    const Decimal r = reduce(*this);
    std::uint64_t h = r.lo_ * 0x9e3779b97f4a7c15ULL;
    h ^= (r.hi_ + 0x7f4a7c159e3779b9ULL + (h << 6) + (h >> 2));
    h ^= static_cast<std::uint64_t>(static_cast<std::int64_t>(r.exponent())) * 0xff51afd7ed558ccdULL;
    h ^= r.is_signed() ? 0xc4ceb9fe1a85ec53ULL : 0u;
    return static_cast<std::size_t>(h);
}

// ---- exact operators ----

Decimal Decimal::add_exact(const Decimal& a, const Decimal& b, bool subtract) {
    return add_signed({a.is_signed(), a.coefficient(), a.exponent()},
                      {b.is_signed() != subtract, b.coefficient(), b.exponent()}, kExact,
                      subtract ? "subtract" : "add");
}

Decimal Decimal::multiply_exact(const Decimal& a, const Decimal& b) { return multiply_impl(a, b, kExact); }

// ---- named operations ----

Decimal add(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    check_context(ctx);
    return add_signed({a.is_signed(), a.coefficient(), a.exponent()},
                      {b.is_signed(), b.coefficient(), b.exponent()}, ctx, "add");
}

Decimal subtract(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    check_context(ctx);
    return add_signed({a.is_signed(), a.coefficient(), a.exponent()},
                      {!b.is_signed(), b.coefficient(), b.exponent()}, ctx, "subtract");
}

Decimal multiply(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    check_context(ctx);
    return multiply_impl(a, b, ctx);
}

Decimal divide(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    check_context(ctx);
    if (b.is_zero()) {
        if (a.is_zero()) fail(ErrorCode::invalid_operation, "divisor", "zero divided by zero is undefined");
        fail(ErrorCode::division_by_zero, "divisor", "division by zero");
    }
    const bool negative = a.is_signed() != b.is_signed();
    const std::int64_t ideal = std::int64_t{a.exponent()} - b.exponent();
    if (a.is_zero()) return finish(negative, 0u, ideal, ctx, "divide").value;

    // Scale the dividend so that the quotient has at least precision + 1 digits.
    const int p = ctx.precision;
    const int shift = std::max(p + digits_of(b.coefficient()) - a.digits() + 1, 0);
    U256 q;
    U256 r;
    boost::multiprecision::divide_qr(wide(a.coefficient()) * kPow10[static_cast<std::size_t>(shift)],
                                     wide(b.coefficient()), q, r);
    // A final sticky digit records a non-zero remainder for rounding.
    const U256 c = q * 10u + (r == 0u ? 0u : 1u);
    Finished f = finish(negative, c, ideal - shift - 1, ctx, "divide");
    if (r != 0u || f.inexact) return f.value;
    // Exact: remove trailing zeros down to the ideal exponent.
    U128 coefficient = f.value.coefficient();
    std::int64_t exponent = f.value.exponent();
    while (exponent < ideal && coefficient != 0u && coefficient % 10u == 0u) {
        coefficient /= 10u;
        ++exponent;
    }
    if (coefficient == 0u) exponent = std::min(ideal, std::int64_t{ctx.emax});
    return Decimal::from_parts_unchecked(negative, coefficient, static_cast<int>(exponent));
}

Decimal divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode) {
    require_valid(mode, "rounding");
    if (b.is_zero()) {
        if (a.is_zero()) fail(ErrorCode::invalid_operation, "divisor", "zero divided by zero is undefined");
        fail(ErrorCode::division_by_zero, "divisor", "division by zero");
    }
    const bool negative = a.is_signed() != b.is_signed();
    const std::int64_t target = -std::int64_t{scale};
    if (target > Decimal::max_exponent || target < std::int64_t{Decimal::min_exponent} - (kMaxDigits - 1))
        fail(ErrorCode::invalid_argument, "scale", "scale out of range");
    // quotient = a.c * 10^shift / b.c, with the result's last digit at 10^target
    const std::int64_t shift = std::int64_t{a.exponent()} - b.exponent() - target;
    U256 q;
    Tail tail = Tail::zero;
    if (a.is_zero()) {
        q = 0u;
    } else if (shift >= 0) {
        if (a.digits() + shift > kWideDigits)
            fail(ErrorCode::overflow, "divide", "the quotient needs more than 38 digits");
        U256 r;
        const U256 den = wide(b.coefficient());
        boost::multiprecision::divide_qr(wide(a.coefficient()) * kPow10[static_cast<std::size_t>(shift)], den,
                                         q, r);
        tail = classify(r, den);
    } else if (digits_of(b.coefficient()) - shift <= kWideDigits) {
        U256 r;
        const U256 den = wide(b.coefficient()) * kPow10[static_cast<std::size_t>(-shift)];
        boost::multiprecision::divide_qr(wide(a.coefficient()), den, q, r);
        tail = classify(r, den);
    } else {
        tail = Tail::below_half;  // the dividend is far below one unit of the result
    }
    q = round_quotient(q, tail, mode, negative);
    if (digits_of(q) > kMaxDigits)
        fail(ErrorCode::overflow, "divide", "the quotient needs more than 38 digits");
    if (q != 0u && target + digits_of(q) - 1 > Decimal::max_exponent)
        fail(ErrorCode::overflow, "divide", "exponent out of range");
    return make(negative, q, target);
}

Decimal plus(const Decimal& a, const DecimalContext& ctx) {
    return add(Decimal::from_parts_unchecked(false, 0u, a.exponent()), a, ctx);
}

Decimal minus(const Decimal& a, const DecimalContext& ctx) {
    return subtract(Decimal::from_parts_unchecked(false, 0u, a.exponent()), a, ctx);
}

Decimal abs(const Decimal& a, const DecimalContext& ctx) {
    return a.is_signed() ? minus(a, ctx) : plus(a, ctx);
}

Decimal abs(const Decimal& a) noexcept {
    return Decimal::from_parts_unchecked(false, a.coefficient(), a.exponent());
}

namespace {
// The specification's choice among numerically equal operands: +1 when `a` is the larger.
int tie_order(const Decimal& a, const Decimal& b) noexcept {
    if (a.is_signed() != b.is_signed()) return a.is_signed() ? -1 : 1;
    if (a.exponent() == b.exponent()) return 0;
    const int by_exponent = a.exponent() > b.exponent() ? 1 : -1;
    return a.is_signed() ? -by_exponent : by_exponent;
}
}  // namespace

Decimal max(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    check_context(ctx);
    int c = compare(a, b);
    if (c == 0) c = tie_order(a, b);
    const Decimal& chosen = c >= 0 ? a : b;
    return finish(chosen.is_signed(), wide(chosen.coefficient()), chosen.exponent(), ctx, "max").value;
}

Decimal min(const Decimal& a, const Decimal& b, const DecimalContext& ctx) {
    check_context(ctx);
    int c = compare(a, b);
    if (c == 0) c = tie_order(a, b);
    const Decimal& chosen = c <= 0 ? a : b;
    return finish(chosen.is_signed(), wide(chosen.coefficient()), chosen.exponent(), ctx, "min").value;
}

Decimal quantize(const Decimal& a, int exponent, const DecimalContext& ctx) {
    check_context(ctx);
    const std::int64_t target = exponent;
    if (target > ctx.emax || target < std::int64_t{ctx.emin} - (ctx.precision - 1))
        fail(ErrorCode::invalid_operation, "quantize", "the requested exponent is outside the range");
    U256 c;
    if (target >= a.exponent() && target - a.exponent() <= kMaxDigits) {
        // The common case (rounding money to its minor unit) stays in 128 bits.
        const auto drop = static_cast<std::size_t>(target - a.exponent());
        const U128 c128 = a.coefficient();
        U128 q = c128 / kPow10Narrow[drop];
        const U128 r = c128 % kPow10Narrow[drop];
        if (r != 0u) {
            if (ctx.exact) fail(ErrorCode::inexact, "quantize", "rounding would change the value");
            const U128 twice = r * 2u;  // r < 10^38: twice fits in 128 bits
            const U128& unit = kPow10Narrow[drop];
            const Tail tail =
                twice < unit ? Tail::below_half : (twice == unit ? Tail::half : Tail::above_half);
            if (rounds_away(ctx.rounding, a.is_signed(), tail, (q & 1u) != 0u)) ++q;
        }
        if (ctx.precision < kMaxDigits && digits_of(q) > ctx.precision)
            fail(ErrorCode::invalid_operation, "quantize",
                 "the result needs more than " + std::to_string(ctx.precision) + " digits");
        if (q != 0u && target > std::int64_t{ctx.emax} - kMaxDigits && target + digits_of(q) - 1 > ctx.emax)
            fail(ErrorCode::invalid_operation, "quantize", "the result's exponent exceeds the range");
        return Decimal::from_parts_unchecked(a.is_signed(), q, exponent);
    }
    if (target >= a.exponent()) {
        bool inexact = false;
        c = shift_right_rounded(a, target, ctx.rounding, inexact);
        if (inexact && ctx.exact) fail(ErrorCode::inexact, "quantize", "rounding would change the value");
    } else if (!a.is_zero()) {
        const std::int64_t pad = a.exponent() - target;
        if (a.digits() + pad > ctx.precision)
            fail(ErrorCode::invalid_operation, "quantize",
                 "the result needs more than " + std::to_string(ctx.precision) + " digits");
        c = wide(a.coefficient()) * kPow10[static_cast<std::size_t>(pad)];
    }
    if (digits_of(c) > ctx.precision)
        fail(ErrorCode::invalid_operation, "quantize",
             "the result needs more than " + std::to_string(ctx.precision) + " digits");
    if (c != 0u && target + digits_of(c) - 1 > ctx.emax)
        fail(ErrorCode::invalid_operation, "quantize", "the result's exponent exceeds the range");
    return make(a.is_signed(), c, target);
}

Decimal detail::round_to_scale_general(const Decimal& a, int scale, RoundingMode mode) {
    if (scale < -Decimal::max_exponent || scale > -Decimal::min_exponent)
        fail(ErrorCode::invalid_argument, "scale", "scale out of range");
    return quantize(a, -scale, DecimalContext{.rounding = mode});
}

Decimal round_significant(const Decimal& a, int digits, RoundingMode mode) {
    require_valid(mode, "rounding");
    if (digits < 1 || digits > kMaxDigits)
        fail(ErrorCode::invalid_argument, "digits", "digits must be within 1..38");
    return finish(a.is_signed(), wide(a.coefficient()), a.exponent(),
                  DecimalContext{.precision = digits, .rounding = mode}, "round_significant")
        .value;
}

Decimal to_integral(const Decimal& a, RoundingMode mode) {
    require_valid(mode, "rounding");
    if (a.exponent() >= 0) return a;
    bool inexact = false;
    return make(a.is_signed(), shift_right_rounded(a, 0, mode, inexact), 0);
}

Decimal reduce(const Decimal& a) {
    if (a.is_zero()) return Decimal::from_parts_unchecked(a.is_signed(), 0u, 0);
    U128 c = a.coefficient();
    std::int64_t e = a.exponent();
    while (c % 10u == 0u && e < Decimal::max_exponent) {
        c /= 10u;
        ++e;
    }
    return Decimal::from_parts_unchecked(a.is_signed(), c, static_cast<int>(e));
}

}  // namespace crm
