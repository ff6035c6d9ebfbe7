#pragma once
/// \file
/// crm::Decimal: an exact decimal number with at least 38 significant digits whose exponent
/// is kept (1.50 and 1.5 compare equal and print differently), as the General Decimal
/// Arithmetic specification (IBM, Cowlishaw) describes. Finite values only: there is no NaN
/// and no infinity; whatever would produce one throws crm::Error instead.
///
/// Two ways to compute:
/// - the operators `+ - *` are exact: a result that would need rounding (more than 38
///   digits) throws ErrorCode::inexact, one beyond the exponent range throws overflow;
/// - the named operations take a DecimalContext (precision, rounding, exponent range) and
///   round as the specification says; division always needs one (or a scale), since a
///   quotient is rarely exact.
/// Conformance: tests/dectest runs the decTest suite against the named operations; the unit
/// tests are tests/money/decimal_test.cpp.

#include <crm/money/rounding.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace crm {

/// The arithmetic context of the named operations (the specification's "context").
struct DecimalContext {
    int precision = 38;                               ///< significant digits kept, 1..38
    RoundingMode rounding = RoundingMode::half_even;  ///< how discarded digits round
    int emax = 999'999'999;                           ///< largest adjusted exponent
    int emin = -999'999'999;                          ///< smallest adjusted exponent of a non-zero result
    bool exact = false;                               ///< throw ErrorCode::inexact instead of rounding
};

/// How `Decimal::parse` reads text.
struct ParseOptions {
    bool allow_grouping = false;  ///< accept `1,234,567.89` (groups of three, integer part only)
    char group_separator = ',';
};

class Decimal {
public:
    static constexpr int max_digits = 38;              ///< the coefficient holds at most this many digits
    static constexpr int max_exponent = 999'999'999;   ///< largest adjusted exponent of any value
    static constexpr int min_exponent = -999'999'999;  ///< smallest adjusted exponent of a non-zero value

    /// Zero, exponent 0.
    constexpr Decimal() noexcept = default;

    /// An integer, exactly (exponent 0).
    // (clang-format 14 would move `noexcept` of a constrained constructor to a line of its own)
    // clang-format off
    template <std::integral I>
        requires(!std::same_as<I, bool> && !std::same_as<I, char>)
    Decimal(I value) noexcept {  // NOLINT(google-explicit-constructor): lossless
        // clang-format on
        if constexpr (std::signed_integral<I>) {
            negative_ = value < 0;
            // magnitude without overflow for the most negative value
            coefficient_ = negative_ ? Coefficient(static_cast<std::uintmax_t>(-(value + 1))) + 1u
                                     : Coefficient(static_cast<std::uintmax_t>(value));
        } else {
            coefficient_ = Coefficient(static_cast<std::uintmax_t>(value));
        }
    }

    /// Parses `text` (see `parse`); throws crm::Error (parse_error, overflow).
    explicit Decimal(std::string_view text);

    /// Reads the specification's numeric-string syntax: an optional sign, digits with an
    /// optional point, an optional exponent (`-12.50`, `.5`, `1E+3`, `2.5e-7`). Leading zeros
    /// are not significant; more than 38 significant digits, or an exponent out of range,
    /// throws ErrorCode::overflow; anything else malformed (including NaN, Infinity, empty
    /// text, stray spaces) throws ErrorCode::parse_error. `field` names the input in errors.
    [[nodiscard]] static Decimal parse(std::string_view text, ParseOptions options = {},
                                       std::string_view field = "decimal");

    /// `coefficient x 10^exponent`, e.g. `scaled(12345, -2)` is 123.45. Throws overflow when
    /// the exponent is outside the range.
    [[nodiscard]] static Decimal scaled(std::int64_t coefficient, int exponent);

    [[nodiscard]] bool is_zero() const noexcept { return coefficient_ == 0u; }
    /// True for negative numbers and for negative zero (which only the named operations make).
    [[nodiscard]] bool is_signed() const noexcept { return negative_; }
    /// -1, 0 or +1 (zero of either sign gives 0).
    [[nodiscard]] int signum() const noexcept { return is_zero() ? 0 : (negative_ ? -1 : 1); }
    /// The power of ten of the last digit: 12.50 has exponent -2.
    [[nodiscard]] int exponent() const noexcept { return exponent_; }
    /// Decimal places shown: `-exponent()`.
    [[nodiscard]] int scale() const noexcept { return -exponent_; }
    /// Digits in the coefficient (1 for zero).
    [[nodiscard]] int digits() const noexcept;
    /// Exponent of the leading digit: `exponent() + digits() - 1`.
    [[nodiscard]] int adjusted_exponent() const noexcept { return exponent_ + digits() - 1; }
    /// True when the value is a whole number (whatever its exponent).
    [[nodiscard]] bool is_integral() const noexcept;
    /// The value as an int64 when it is a whole number in range; throws invalid_operation
    /// (not whole) or overflow (out of range).
    [[nodiscard]] std::int64_t to_int64() const;
    /// The coefficient's decimal digits (no sign, no point), e.g. "1250" for 12.50.
    [[nodiscard]] std::string coefficient_digits() const;

    /// The specification's to-scientific-string: `123.45`, `1.2E+5`, `0.000001`, `1E-7`, `-0`.
    [[nodiscard]] std::string to_string() const;
    /// Always positional, never an exponent: `120000`, `0.0000001`.
    [[nodiscard]] std::string to_plain_string() const;

    /// Numeric comparison: 1.50 == 1.5, -0 == 0.
    friend bool operator==(const Decimal& a, const Decimal& b) noexcept;
    friend std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept;
    /// Same coefficient, exponent and sign: `1.50` and `1.5` are equal but not the same.
    [[nodiscard]] friend bool same_representation(const Decimal& a, const Decimal& b) noexcept {
        return a.negative_ == b.negative_ && a.exponent_ == b.exponent_ && a.coefficient_ == b.coefficient_;
    }

    /// Negation; zero stays positive zero.
    [[nodiscard]] Decimal operator-() const noexcept;
    [[nodiscard]] Decimal operator+() const noexcept { return *this; }

    /// Exact arithmetic: throws ErrorCode::inexact when the result needs more than 38 digits,
    /// overflow when it leaves the exponent range. The result keeps the smaller exponent
    /// (1.5 + 1.25 = 2.75; 1.50 + 1 = 2.50) and the product adds exponents (1.5 * 1.5 = 2.25).
    friend Decimal operator+(const Decimal& a, const Decimal& b) {
        if (a.exponent_ == b.exponent_ && a.negative_ == b.negative_) {  // same scale, same sign: no rounding
            Decimal r = a;
            r.coefficient_ += b.coefficient_;  // both below 10^38: no wrap in 128 bits
            if (r.coefficient_ < coefficient_limit()) return r;
        }
        return add_exact(a, b, false);
    }
    friend Decimal operator-(const Decimal& a, const Decimal& b) {
        if (a.exponent_ == b.exponent_ && a.negative_ == b.negative_ && a.coefficient_ >= b.coefficient_) {
            Decimal r = a;
            r.coefficient_ -= b.coefficient_;
            if (r.coefficient_ == 0u) r.negative_ = false;
            return r;
        }
        return add_exact(a, b, true);
    }
    friend Decimal operator*(const Decimal& a, const Decimal& b) {
        // both factors below 10^19: the product is below 10^38, exact
        if (a.coefficient_ < small_limit() && b.coefficient_ < small_limit()) {
            const std::int64_t exponent = std::int64_t{a.exponent_} + b.exponent_;
            if (exponent > -900'000'000 && exponent < 900'000'000) {
                Decimal r;
                r.coefficient_ = a.coefficient_ * b.coefficient_;
                r.exponent_ = static_cast<std::int32_t>(exponent);
                r.negative_ = a.negative_ != b.negative_ && r.coefficient_ != 0u;
                return r;
            }
        }
        return multiply_exact(a, b);
    }
    Decimal& operator+=(const Decimal& b) {
        if (exponent_ == b.exponent_ && negative_ == b.negative_) {  // in place: only the coefficient changes
            Coefficient sum = coefficient_ + b.coefficient_;
            if (sum < coefficient_limit()) {
                coefficient_ = sum;
                return *this;
            }
        }
        // The slow path works on a copy, so that a running total's address never escapes
        // and the compiler can keep it in registers.
        const Decimal self = *this;
        return *this = add_exact(self, b, false);
    }
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
    Decimal& operator*=(const Decimal& b) { return *this = *this * b; }

    [[nodiscard]] std::size_t hash() const noexcept;

    /// The implementation's view; not part of the public interface.
    using Coefficient = boost::multiprecision::uint128_t;
    [[nodiscard]] static Decimal from_parts_unchecked(bool negative, const Coefficient& c,
                                                      int exponent) noexcept {
        Decimal d;
        d.negative_ = negative;
        d.coefficient_ = c;
        d.exponent_ = exponent;
        return d;
    }
    [[nodiscard]] const Coefficient& coefficient() const noexcept { return coefficient_; }

private:
    static constexpr Coefficient ten_to(int n) {
        Coefficient c = 1u;
        for (int i = 0; i < n; ++i) c *= 10u;
        return c;
    }
    static const Coefficient& coefficient_limit() noexcept {
        static constexpr Coefficient limit = ten_to(max_digits);
        return limit;
    }
    static const Coefficient& small_limit() noexcept {
        static constexpr Coefficient limit = ten_to(19);
        return limit;
    }
    // The slow paths of the exact operators (alignment, 256-bit intermediates, errors).
    static Decimal add_exact(const Decimal& a, const Decimal& b, bool subtract);
    static Decimal multiply_exact(const Decimal& a, const Decimal& b);

    Coefficient coefficient_{0u};  // magnitude, always < 10^38
    std::int32_t exponent_ = 0;
    bool negative_ = false;
};

std::ostream& operator<<(std::ostream& os, const Decimal& d);

// ---- the named operations of the General Decimal Arithmetic specification ----
// Each rounds its exact result to ctx.precision digits with ctx.rounding, throws overflow
// (adjusted exponent above ctx.emax) or underflow (non-zero, below ctx.emin), and with
// ctx.exact throws inexact instead of rounding away a non-zero digit.

[[nodiscard]] Decimal add(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
[[nodiscard]] Decimal subtract(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
[[nodiscard]] Decimal multiply(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// Quotient rounded to ctx.precision digits; an exact quotient takes the exponent closest to
/// `a.exponent() - b.exponent()`. Throws division_by_zero (x/0) or invalid_operation (0/0).
[[nodiscard]] Decimal divide(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// Quotient with exactly `scale` decimal places: divide(10, 3, 2, half_up) is 3.33.
[[nodiscard]] Decimal divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode);
/// `0 + a`, `0 - a`, `|a|`, each rounded to the context.
[[nodiscard]] Decimal plus(const Decimal& a, const DecimalContext& ctx);
[[nodiscard]] Decimal minus(const Decimal& a, const DecimalContext& ctx);
[[nodiscard]] Decimal abs(const Decimal& a, const DecimalContext& ctx);
/// |a|, exact.
[[nodiscard]] Decimal abs(const Decimal& a) noexcept;
/// The larger (smaller) of two numbers; numerically equal values are ordered as the
/// specification's max/min do (positive before negative zero, then by exponent).
[[nodiscard]] Decimal max(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
[[nodiscard]] Decimal min(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// -1, 0 or +1.
[[nodiscard]] int compare(const Decimal& a, const Decimal& b) noexcept;

/// `a` with exponent exactly `exponent`, rounding with ctx.rounding; throws invalid_operation
/// when the result would need more than ctx.precision digits or the exponent is out of range.
[[nodiscard]] Decimal quantize(const Decimal& a, int exponent, const DecimalContext& ctx);
namespace detail {
/// The general path of round_to_scale (padding, long coefficients, range errors).
[[nodiscard]] Decimal round_to_scale_general(const Decimal& a, int scale, RoundingMode mode);

inline constexpr std::uint64_t pow10_u64[20] = {
    1ULL,
    10ULL,
    100ULL,
    1'000ULL,
    10'000ULL,
    100'000ULL,
    1'000'000ULL,
    10'000'000ULL,
    100'000'000ULL,
    1'000'000'000ULL,
    10'000'000'000ULL,
    100'000'000'000ULL,
    1'000'000'000'000ULL,
    10'000'000'000'000ULL,
    100'000'000'000'000ULL,
    1'000'000'000'000'000ULL,
    10'000'000'000'000'000ULL,
    100'000'000'000'000'000ULL,
    1'000'000'000'000'000'000ULL,
    10'000'000'000'000'000'000ULL,
};

/// Whether dropping a non-zero remainder `r` of a unit `unit` rounds the kept part away from zero.
constexpr bool rounds_away(RoundingMode mode, bool negative, std::uint64_t r, std::uint64_t unit,
                           bool odd) noexcept {
    const std::uint64_t other = unit - r;  // compare r with unit / 2 without overflow
    switch (mode) {
    case RoundingMode::down: return false;
    case RoundingMode::up: return true;
    case RoundingMode::ceiling: return !negative;
    case RoundingMode::floor: return negative;
    case RoundingMode::half_up: return r >= other;
    case RoundingMode::half_down: return r > other;
    case RoundingMode::half_even: return r > other || (r == other && odd);
    }
    return false;
}
}  // namespace detail

/// `a` rounded to `scale` decimal places: round_to_scale(2.345, 2, half_up) is 2.35 and
/// round_to_scale(2, 2, ...) is 2.00. Throws invalid_operation past 38 digits.
/// (Inline for the everyday case, rounding a 64-bit coefficient to a currency's minor unit.)
[[nodiscard]] inline Decimal round_to_scale(const Decimal& a, int scale, RoundingMode mode) {
    const std::int64_t drop = -std::int64_t{scale} - a.exponent();
    if (drop > 0 && drop < 20 && a.exponent() < 900'000'000 &&
        a.coefficient() <= Decimal::Coefficient(~std::uint64_t{0})) {
        const auto c = static_cast<std::uint64_t>(a.coefficient());
        const std::uint64_t unit = detail::pow10_u64[drop];
        std::uint64_t q = c / unit;
        const std::uint64_t r = c % unit;
        if (r != 0 && detail::rounds_away(mode, a.is_signed(), r, unit, (q & 1u) != 0)) ++q;
        return Decimal::from_parts_unchecked(a.is_signed(), q, -scale);
    }
    return detail::round_to_scale_general(a, scale, mode);
}
/// `a` rounded to at most `digits` significant digits (1..38): (123456, 3, half_even) is 1.23E+5.
[[nodiscard]] Decimal round_significant(const Decimal& a, int digits, RoundingMode mode);
/// `a` rounded to a whole number; an exponent already >= 0 is kept (1E+3 stays 1E+3).
[[nodiscard]] Decimal to_integral(const Decimal& a, RoundingMode mode);
/// `a` with trailing zeros removed (1.500 -> 1.5, 100 -> 1E+2, 0.00 -> 0).
[[nodiscard]] Decimal reduce(const Decimal& a);

}  // namespace crm

template <>
struct std::hash<crm::Decimal> {
    std::size_t operator()(const crm::Decimal& d) const noexcept { return d.hash(); }
};
