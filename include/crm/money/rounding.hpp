#pragma once
/// \file
/// Rounding modes. Every rounding in crmrules names one of these explicitly; examples show
/// rounding to a whole number (tests/money/decimal_test.cpp proves each row).
///
/// | mode       |  2.5 |  3.5 | -2.5 |  2.1 | -2.1 |
/// |------------|------|------|------|------|------|
/// | half_even  |    2 |    4 |   -2 |    2 |   -2 |
/// | half_up    |    3 |    4 |   -3 |    2 |   -2 |
/// | half_down  |    2 |    3 |   -2 |    2 |   -2 |
/// | up         |    3 |    4 |   -3 |    3 |   -3 |
/// | down       |    2 |    3 |   -2 |    2 |   -2 |
/// | ceiling    |    3 |    4 |   -2 |    3 |   -2 |
/// | floor      |    2 |    3 |   -3 |    2 |   -3 |

#include <crm/export.hpp>

#include <iosfwd>
#include <string_view>

namespace crm {

/// How a rounding treats the digits it drops (see the table above).
enum class RoundingMode {
    half_even,  ///< to nearest, ties to the even digit (banker's rounding)
    half_up,    ///< to nearest, ties away from zero (the usual commercial rule, 四舍五入)
    half_down,  ///< to nearest, ties toward zero
    up,         ///< away from zero
    down,       ///< toward zero (truncate)
    ceiling,    ///< toward +infinity
    floor,      ///< toward -infinity
};

/// True for the seven modes above; a number cast to RoundingMode (from JSON, C or Python)
/// may be none of them.
[[nodiscard]] constexpr bool is_valid(RoundingMode mode) noexcept {
    return static_cast<unsigned>(mode) <= static_cast<unsigned>(RoundingMode::floor);
}

namespace detail {
/// Throws crm::Error(invalid_argument) naming `field`; out of line so that callers stay small.
[[noreturn]] CRM_EXPORT void throw_invalid_rounding(RoundingMode mode, std::string_view field);
}  // namespace detail

/// Checks a mode where it enters: throws crm::Error(invalid_argument) naming `field` unless
/// `is_valid(mode)`. Every function of crm/money that takes a mode calls it, so a value
/// outside the enumeration is an error, never a silent truncation.
inline void require_valid(RoundingMode mode, std::string_view field) {
    if (!is_valid(mode)) detail::throw_invalid_rounding(mode, field);
}

/// The enumerator's name ("half_even"), or "unknown" for a value outside the enumeration.
[[nodiscard]] CRM_EXPORT std::string_view to_string(RoundingMode mode) noexcept;
/// Prints `to_string(mode)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, RoundingMode mode);

}  // namespace crm
