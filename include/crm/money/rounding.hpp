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

#include <iosfwd>
#include <string_view>

namespace crm {

enum class RoundingMode {
    half_even,  ///< to nearest, ties to the even digit (banker's rounding)
    half_up,    ///< to nearest, ties away from zero (the usual commercial rule, 四舍五入)
    half_down,  ///< to nearest, ties toward zero
    up,         ///< away from zero
    down,       ///< toward zero (truncate)
    ceiling,    ///< toward +infinity
    floor,      ///< toward -infinity
};

[[nodiscard]] std::string_view to_string(RoundingMode mode) noexcept;
std::ostream& operator<<(std::ostream& os, RoundingMode mode);

}  // namespace crm
