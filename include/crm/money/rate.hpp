#pragma once
/// \file
/// Dimensionless quantities. A Rate is a fraction (0.13 is thirteen per cent); a Percent is
/// a number of per cent (13 is thirteen per cent). They convert explicitly, compare, add
/// among themselves, and scale Money; neither can be added to Money (that does not compile).
/// Proven by tests/money/rate_test.cpp.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace crm {

class Percent;

/// A fraction: 1 is the whole, 0.9 is ninety per cent.
class CRM_EXPORT Rate {
public:
    constexpr Rate() noexcept = default;
    /// The fraction `fraction` (0.13 for 13%), exact.
    explicit Rate(Decimal fraction) noexcept : value_(fraction) {}
    /// `Rate{"0.13"}`; throws crm::Error(parse_error) naming `rate`.
    explicit Rate(std::string_view fraction) : value_(Decimal::parse(fraction, {}, "rate")) {}

    /// The fraction as a Decimal, its scale kept.
    [[nodiscard]] const Decimal& value() const noexcept { return value_; }
    /// The same quantity as a Percent (exact: the exponent moves by two).
    [[nodiscard]] Percent percent() const;

    /// Memberwise equality.
    friend bool operator==(const Rate&, const Rate&) noexcept = default;
    /// Numeric order of the fractions.
    friend std::weak_ordering operator<=>(const Rate& a, const Rate& b) noexcept {
        return a.value_ <=> b.value_;
    }
    /// Exact sum of two fractions.
    friend Rate operator+(const Rate& a, const Rate& b) { return Rate{a.value_ + b.value_}; }
    /// Exact difference of two fractions.
    friend Rate operator-(const Rate& a, const Rate& b) { return Rate{a.value_ - b.value_}; }
    /// Compounding two fractions: (1 - 0.1) * (1 - 0.05).
    friend Rate operator*(const Rate& a, const Rate& b) { return Rate{a.value_ * b.value_}; }

private:
    Decimal value_;
};

/// A number of per cent: 90 is ninety per cent, 99.995 is not 100.
class CRM_EXPORT Percent {
public:
    constexpr Percent() noexcept = default;
    /// `points` per cent (13 for 13%), exact.
    explicit Percent(Decimal points) noexcept : value_(points) {}
    /// `Percent{"13"}`; throws crm::Error(parse_error) naming `percent`.
    explicit Percent(std::string_view points) : value_(Decimal::parse(points, {}, "percent")) {}

    /// The number of per cent as a Decimal (13 for 13%), its scale kept.
    [[nodiscard]] const Decimal& value() const noexcept { return value_; }
    /// The same quantity as a fraction (exact).
    [[nodiscard]] Rate rate() const;

    /// Memberwise equality.
    friend bool operator==(const Percent&, const Percent&) noexcept = default;
    /// Numeric order of the percentages.
    friend std::weak_ordering operator<=>(const Percent& a, const Percent& b) noexcept {
        return a.value_ <=> b.value_;
    }
    /// Exact sum, in percentage points (10% + 5% = 15%).
    friend Percent operator+(const Percent& a, const Percent& b) { return Percent{a.value_ + b.value_}; }
    /// Exact difference, in percentage points.
    friend Percent operator-(const Percent& a, const Percent& b) { return Percent{a.value_ - b.value_}; }

private:
    Decimal value_;
};

/// `13%`, `0.13` : value followed by `%` for Percent, plain decimal for Rate.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Percent& p);
/// Prints to_string(r): the plain fraction, `0.13`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Rate& r);
/// The points in plain notation followed by `%`: `13%`, `12.50%`.
[[nodiscard]] CRM_EXPORT std::string to_string(const Percent& p);
/// The fraction in plain notation: `0.13`.
[[nodiscard]] CRM_EXPORT std::string to_string(const Rate& r);

}  // namespace crm
