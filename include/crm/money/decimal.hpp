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

#include <crm/export.hpp>
#include <crm/money/rounding.hpp>

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#if !defined(__SIZEOF_INT128__)
#error "crmrules needs the compiler's unsigned __int128 (GCC or Clang on a 64-bit target)"
#endif

namespace crm {

/// The arithmetic context of the named operations (the specification's "context").
struct CRM_EXPORT DecimalContext {
    int precision = 38;                               ///< significant digits kept, 1..38
    RoundingMode rounding = RoundingMode::half_even;  ///< how discarded digits round
    int emax = 999'999'999;                           ///< largest adjusted exponent
    int emin = -999'999'999;                          ///< smallest adjusted exponent of a non-zero result
    bool exact = false;                               ///< throw ErrorCode::inexact instead of rounding
};

/// How `Decimal::parse` reads text.
struct CRM_EXPORT ParseOptions {
    bool allow_grouping = false;  ///< accept `1,234,567.89` (groups of three, integer part only)
    /// The grouping character `allow_grouping` accepts; default `,` (one character, e.g. `'` or a space for
    /// other conventions).
    char group_separator = ',';
};

namespace detail {
/// The compiler's unsigned 128-bit integer (GCC and Clang): two registers, add and multiply
/// in a few instructions. The coefficient of a Decimal is one of these.
__extension__ typedef unsigned __int128 uint128;

/// 10^19, the largest power of ten in 64 bits.
inline constexpr std::uint64_t pow10_19 = 10'000'000'000'000'000'000ULL;
/// 10^38: every coefficient is below it.
inline constexpr uint128 pow10_38 = uint128{pow10_19} * pow10_19;
}  // namespace detail

/// An exact decimal number: a coefficient below 10^38, an exponent and a sign (see the file
/// comment). Default: zero with exponent 0. Regular: copyable, hashable, totally ordered by
/// value (1.50 == 1.5; `same_representation` tells them apart).
class CRM_EXPORT Decimal {
public:
    static constexpr int max_digits = 38;              ///< the coefficient holds at most this many digits
    static constexpr int max_exponent = 999'999'999;   ///< largest adjusted exponent of any value
    static constexpr int min_exponent = -999'999'999;  ///< smallest adjusted exponent of a non-zero value

    /// The coefficient's type: an unsigned 128-bit magnitude, always below 10^38.
    using Coefficient = detail::uint128;

    /// Zero, exponent 0.
    constexpr Decimal() noexcept = default;

    /// An integer, exactly (exponent 0).
    // (clang-format 14 would move `noexcept` of a constrained constructor to a line of its own)
    // clang-format off
    template <std::integral I>
        requires(!std::same_as<I, bool> && !std::same_as<I, char> && sizeof(I) <= sizeof(std::uint64_t))
    Decimal(I value) noexcept {  // NOLINT(google-explicit-constructor): lossless
        // clang-format on
        if constexpr (std::signed_integral<I>) {
            // magnitude without overflow for the most negative value
            const bool negative = value < 0;
            lo_ =
                negative ? static_cast<std::uint64_t>(-(value + 1)) + 1u : static_cast<std::uint64_t>(value);
            meta_ = negative ? sign_bit : 0u;
        } else {
            lo_ = static_cast<std::uint64_t>(value);
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

    /// True for zero of any exponent and either sign.
    [[nodiscard]] bool is_zero() const noexcept { return (lo_ | hi_) == 0u; }
    /// True for negative numbers and for negative zero (which only the named operations make).
    [[nodiscard]] bool is_signed() const noexcept { return (meta_ & sign_bit) != 0u; }
    /// -1, 0 or +1 (zero of either sign gives 0).
    [[nodiscard]] int signum() const noexcept { return is_zero() ? 0 : (is_signed() ? -1 : 1); }
    /// The power of ten of the last digit: 12.50 has exponent -2.
    [[nodiscard]] int exponent() const noexcept {
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(meta_));
    }
    /// Decimal places shown: `-exponent()`.
    [[nodiscard]] int scale() const noexcept { return -exponent(); }
    /// Digits in the coefficient (1 for zero).
    [[nodiscard]] int digits() const noexcept;
    /// Exponent of the leading digit: `exponent() + digits() - 1`.
    [[nodiscard]] int adjusted_exponent() const noexcept { return exponent() + digits() - 1; }
    /// True when the value is a whole number (whatever its exponent).
    [[nodiscard]] bool is_integral() const noexcept;
    /// The value as an int64 when it is a whole number in range; throws invalid_operation
    /// (not whole) or overflow (out of range).
    [[nodiscard]] std::int64_t to_int64() const;
    /// The coefficient's decimal digits (no sign, no point), e.g. "1250" for 12.50.
    [[nodiscard]] std::string coefficient_digits() const;

    /// The specification's to-scientific-string: `123.45`, `1.2E+5`, `0.000001`, `1E-7`, `-0`.
    [[nodiscard]] std::string to_string() const;
    /// Always positional, never an exponent: `120000`, `0.0000001`. Its length grows with the
    /// exponent (1E+100 is 101 characters); `to_string` is the bounded form.
    [[nodiscard]] std::string to_plain_string() const;

    /// Numeric comparison: 1.50 == 1.5, -0 == 0.
    friend CRM_EXPORT bool operator==(const Decimal& a, const Decimal& b) noexcept;
    /// Numeric order: 1.5 < 1.51, and 1.50 is equivalent to 1.5.
    friend CRM_EXPORT std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept;
    /// Same coefficient, exponent and sign: `1.50` and `1.5` are equal but not the same.
    [[nodiscard]] friend bool same_representation(const Decimal& a, const Decimal& b) noexcept {
        return a.meta_ == b.meta_ && a.lo_ == b.lo_ && a.hi_ == b.hi_;
    }

    /// Negation; zero stays positive zero.
    [[nodiscard]] Decimal operator-() const noexcept {
        return Decimal{coefficient(), is_zero() ? meta_ & ~sign_bit : meta_ ^ sign_bit};
    }
    /// Unary plus: the value unchanged.
    [[nodiscard]] Decimal operator+() const noexcept { return *this; }

    /// Exact arithmetic: throws ErrorCode::inexact when the result needs more than 38 digits,
    /// overflow when it leaves the exponent range. The result keeps the smaller exponent
    /// (1.5 + 1.25 = 2.75; 1.50 + 1 = 2.50) and the product adds exponents (1.5 * 1.5 = 2.25).
    friend Decimal operator+(const Decimal& a, const Decimal& b) {
        // Same exponent and sign (the exponent and the sign are one word): no alignment, no rounding.
        if (a.meta_ == b.meta_) {
            const Coefficient sum = a.coefficient() + b.coefficient();  // both below 10^38: no wrap
            if (sum < detail::pow10_38) return Decimal{sum, a.meta_};
        }
        return add_exact(a, b, false);
    }
    /// Exact subtraction, as `+` (the result keeps the smaller exponent).
    friend Decimal operator-(const Decimal& a, const Decimal& b) {
        if (a.meta_ == b.meta_) {
            const Coefficient x = a.coefficient();
            const Coefficient y = b.coefficient();
            if (x >= y) return Decimal{x - y, x == y ? a.meta_ & ~sign_bit : a.meta_};
        }
        return add_exact(a, b, true);
    }
    /// Exact multiplication, as `+`: the exponents add (1.5 * 1.5 = 2.25).
    friend Decimal operator*(const Decimal& a, const Decimal& b) {
        // Both coefficients in 64 bits: one multiply instruction, exact in 128 bits.
        if ((a.hi_ | b.hi_) == 0u) {
            const std::int64_t exponent = std::int64_t{a.exponent()} + b.exponent();
            const Coefficient product = Coefficient{a.lo_} * b.lo_;
            if (product < detail::pow10_38 && exponent > -900'000'000 && exponent < 900'000'000) {
                const std::uint64_t sign = product == 0u ? 0u : (a.meta_ ^ b.meta_) & sign_bit;
                return Decimal{product, sign | static_cast<std::uint32_t>(exponent)};
            }
        }
        return multiply_exact(a, b);
    }
    /// Adds `b` in place, exactly, as `+`.
    Decimal& operator+=(const Decimal& b) {
        if (meta_ == b.meta_) {  // in place: only the coefficient changes
            const Coefficient sum = coefficient() + b.coefficient();
            if (sum < detail::pow10_38) {
                set_coefficient(sum);
                return *this;
            }
        }
        // The slow path works on a copy, so that a running total's address never escapes
        // and the compiler can keep it in registers.
        const Decimal self = *this;
        return *this = add_exact(self, b, false);
    }
    /// Subtracts `b` in place, exactly, as `-`.
    Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
    /// Multiplies by `b` in place, exactly, as `*`.
    Decimal& operator*=(const Decimal& b) { return *this = *this * b; }

    /// A hash consistent with `==`: numerically equal values (1.5, 1.50; 0 and -0) hash alike.
    [[nodiscard]] std::size_t hash() const noexcept;

    /// A value from its parts, unchecked: `c` must be below 10^38 and the exponent in range.
    /// The implementation's view (and the columnar kernels'); not for everyday use.
    [[nodiscard]] static Decimal from_parts_unchecked(bool negative, Coefficient c, int exponent) noexcept {
        return Decimal{c, (negative ? sign_bit : 0u) | static_cast<std::uint32_t>(exponent)};
    }
    /// The coefficient, a magnitude below 10^38.
    [[nodiscard]] Coefficient coefficient() const noexcept { return (Coefficient{hi_} << 64) | lo_; }

private:
    static constexpr std::uint64_t sign_bit = std::uint64_t{1} << 32;

    constexpr Decimal(Coefficient c, std::uint64_t meta) noexcept
        : lo_(static_cast<std::uint64_t>(c)), hi_(static_cast<std::uint64_t>(c >> 64)), meta_(meta) {}
    void set_coefficient(Coefficient c) noexcept {
        lo_ = static_cast<std::uint64_t>(c);
        hi_ = static_cast<std::uint64_t>(c >> 64);
    }

    // The slow paths of the exact operators (alignment, 256-bit intermediates, errors).
    static Decimal add_exact(const Decimal& a, const Decimal& b, bool subtract);
    static Decimal multiply_exact(const Decimal& a, const Decimal& b);

    // The coefficient as two 64-bit halves (8-byte alignment keeps a Decimal at 24 bytes and
    // a Money at 32), then the exponent and the sign packed in one word: bits 0..31 hold the
    // exponent (two's complement), bit 32 the sign. The fast paths compare and write that
    // word whole, so a running total never mixes a piecewise store with a whole-word load.
    std::uint64_t lo_ = 0;
    std::uint64_t hi_ = 0;
    std::uint64_t meta_ = 0;
};

/// Prints `to_string()`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Decimal& d);

// ---- the named operations of the General Decimal Arithmetic specification ----
// Each rounds its exact result to ctx.precision digits with ctx.rounding, throws overflow
// (adjusted exponent above ctx.emax) or underflow (non-zero, below ctx.emin), and with
// ctx.exact throws inexact instead of rounding away a non-zero digit.

/// `a + b` rounded to the context.
[[nodiscard]] CRM_EXPORT Decimal add(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// `a - b` rounded to the context.
[[nodiscard]] CRM_EXPORT Decimal subtract(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// `a x b` rounded to the context.
[[nodiscard]] CRM_EXPORT Decimal multiply(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// Quotient rounded to ctx.precision digits; an exact quotient takes the exponent closest to
/// `a.exponent() - b.exponent()`. Throws division_by_zero (x/0) or invalid_operation (0/0).
[[nodiscard]] CRM_EXPORT Decimal divide(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// Quotient with exactly `scale` decimal places: divide(10, 3, 2, half_up) is 3.33.
[[nodiscard]] CRM_EXPORT Decimal divide(const Decimal& a, const Decimal& b, int scale, RoundingMode mode);
/// `0 + a`, `0 - a`, `|a|`, each rounded to the context.
[[nodiscard]] CRM_EXPORT Decimal plus(const Decimal& a, const DecimalContext& ctx);
/// `0 - a` rounded to the context.
[[nodiscard]] CRM_EXPORT Decimal minus(const Decimal& a, const DecimalContext& ctx);
/// `|a|` rounded to the context.
[[nodiscard]] CRM_EXPORT Decimal abs(const Decimal& a, const DecimalContext& ctx);
/// |a|, exact.
[[nodiscard]] CRM_EXPORT Decimal abs(const Decimal& a) noexcept;
/// The larger (smaller) of two numbers; numerically equal values are ordered as the
/// specification's max/min do (positive before negative zero, then by exponent).
[[nodiscard]] CRM_EXPORT Decimal max(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// The smaller of two numbers, ordered as max() orders them.
[[nodiscard]] CRM_EXPORT Decimal min(const Decimal& a, const Decimal& b, const DecimalContext& ctx);
/// -1, 0 or +1.
[[nodiscard]] CRM_EXPORT int compare(const Decimal& a, const Decimal& b) noexcept;

/// `a` with exponent exactly `exponent`, rounding with ctx.rounding; throws invalid_operation
/// when the result would need more than ctx.precision digits or the exponent is out of range.
[[nodiscard]] CRM_EXPORT Decimal quantize(const Decimal& a, int exponent, const DecimalContext& ctx);
namespace detail {
/// The general path of round_to_scale (padding, long coefficients, range errors).
[[nodiscard]] CRM_EXPORT Decimal round_to_scale_general(const Decimal& a, int scale, RoundingMode mode);

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
/// round_to_scale(2, 2, ...) is 2.00. Throws invalid_operation past 38 digits, and
/// invalid_argument naming `rounding` for a mode outside the enumeration.
/// (Inline for the everyday case, rounding a 64-bit coefficient to a currency's minor unit.)
[[nodiscard]] inline Decimal round_to_scale(const Decimal& a, int scale, RoundingMode mode) {
    require_valid(mode, "rounding");
    const std::int64_t drop = -std::int64_t{scale} - a.exponent();
    const Decimal::Coefficient c = a.coefficient();
    if (drop > 0 && drop < 20 && a.exponent() < 900'000'000 && (c >> 64) == 0u) {
        const auto low = static_cast<std::uint64_t>(c);
        const std::uint64_t unit = detail::pow10_u64[drop];
        std::uint64_t q = low / unit;
        const std::uint64_t r = low % unit;
        if (r != 0 && detail::rounds_away(mode, a.is_signed(), r, unit, (q & 1u) != 0)) ++q;
        return Decimal::from_parts_unchecked(a.is_signed(), q, -scale);
    }
    if (drop == 0) return a;
    return detail::round_to_scale_general(a, scale, mode);
}
/// `a` rounded to at most `digits` significant digits (1..38): (123456, 3, half_even) is 1.23E+5.
[[nodiscard]] CRM_EXPORT Decimal round_significant(const Decimal& a, int digits, RoundingMode mode);
/// `a` rounded to a whole number; an exponent already >= 0 is kept (1E+3 stays 1E+3).
[[nodiscard]] CRM_EXPORT Decimal to_integral(const Decimal& a, RoundingMode mode);
/// `a` with trailing zeros removed (1.500 -> 1.5, 100 -> 1E+2, 0.00 -> 0).
[[nodiscard]] CRM_EXPORT Decimal reduce(const Decimal& a);

}  // namespace crm

template <>
/// Hashes crm::Decimal with Decimal::hash, so it can key an unordered container; equal values hash alike.
struct std::hash<crm::Decimal> {
    /// Decimal::hash of `d`.
    std::size_t operator()(const crm::Decimal& d) const noexcept { return d.hash(); }
};
