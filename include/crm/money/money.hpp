#pragma once
/// \file
/// crm::Money: an exact Decimal amount in a Currency. Amounts of different currencies never
/// mix (ErrorCode::currency_mismatch); converting needs an explicit rate and rounding.
/// Arithmetic is exact; rounding to the currency's minor unit is always asked for by name.
/// Proven by tests/money/money_test.cpp.

#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>

#include <compare>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

/// An amount of money (金额): an exact Decimal in one Currency, as described in the file comment. The default
/// is zero CNY; the amount keeps the scale it was given (CNY 1.5 and CNY 1.50 are equal and print alike to
/// the minor unit). Regular and cheap to copy; nothing here rounds unless asked. Proven by
/// tests/money/money_test.cpp.
class CRM_EXPORT Money {
public:
    /// Zero CNY.
    Money() noexcept = default;
    /// `amount` in `currency`, as given (not rounded to the minor unit).
    Money(Decimal amount, Currency currency) noexcept : amount_(amount), currency_(currency) {}
    /// `Money{"1234.50", "CNY"}`; throws parse_error / unknown_currency.
    Money(std::string_view amount, std::string_view currency_code);
    /// Zero of a currency at its minor unit (CNY 0.00), e.g. the start of a sum: amounts of
    /// the same scale then add on the fast path from the first addition.
    [[nodiscard]] static Money zero(Currency currency) noexcept {
        return Money{Decimal::from_parts_unchecked(false, 0u, -currency.minor_units()), currency};
    }

    /// The amount, with the scale it carries.
    [[nodiscard]] const Decimal& amount() const noexcept { return amount_; }
    /// The currency.
    [[nodiscard]] const Currency& currency() const noexcept { return currency_; }
    /// True for an amount of zero (of any scale).
    [[nodiscard]] bool is_zero() const noexcept { return amount_.is_zero(); }
    /// -1, 0 or 1 as the amount is negative, zero or positive.
    [[nodiscard]] int signum() const noexcept { return amount_.signum(); }

    /// Equal amounts in the same currency (1.5 CNY == 1.50 CNY); different currencies are
    /// unequal. Ordering across currencies throws currency_mismatch.
    friend bool operator==(const Money& a, const Money& b) noexcept {
        return a.currency_ == b.currency_ && a.amount_ == b.amount_;
    }
    /// Orders amounts of the same currency numerically; throws currency_mismatch across currencies.
    friend CRM_EXPORT std::weak_ordering operator<=>(const Money& a, const Money& b);

    /// The negated amount, same currency.
    [[nodiscard]] Money operator-() const noexcept { return Money{-amount_, currency_}; }
    /// Exact; throws currency_mismatch across currencies.
    friend Money operator+(const Money& a, const Money& b) {
        if (a.currency_ != b.currency_) throw_currency_mismatch(a.currency_, b.currency_, "add");
        return Money{a.amount_ + b.amount_, a.currency_};
    }
    /// Exact; throws currency_mismatch across currencies.
    friend Money operator-(const Money& a, const Money& b) {
        if (a.currency_ != b.currency_) throw_currency_mismatch(a.currency_, b.currency_, "subtract");
        return Money{a.amount_ - b.amount_, a.currency_};
    }
    /// Adds `b` in place, exactly; throws currency_mismatch across currencies.
    Money& operator+=(const Money& b) {
        if (currency_ != b.currency_) throw_currency_mismatch(currency_, b.currency_, "add");
        amount_ += b.amount_;
        return *this;
    }
    /// Subtracts `b` in place, exactly; throws currency_mismatch across currencies.
    Money& operator-=(const Money& b) {
        if (currency_ != b.currency_) throw_currency_mismatch(currency_, b.currency_, "subtract");
        amount_ -= b.amount_;
        return *this;
    }
    /// Scaling is exact (round afterwards with crm::round): 100.00 * 0.13 = 13.0000.
    friend Money operator*(const Money& m, const Decimal& k) { return Money{m.amount_ * k, m.currency_}; }
    /// As `m * k`: exact scaling.
    friend Money operator*(const Decimal& k, const Money& m) { return m * k; }
    /// Scales by a rate (a fraction: 0.13 is 13%), exactly: CNY 100.00 x 0.13 = CNY 13.0000.
    friend Money operator*(const Money& m, const Rate& r) {
        return Money{m.amount_ * r.value(), m.currency_};
    }
    /// As `m * r`.
    friend Money operator*(const Rate& r, const Money& m) { return m * r; }
    /// Scales by a percent, exactly: CNY 100.00 x 13% = CNY 13.0000.
    friend Money operator*(const Money& m, const Percent& p) { return m * p.rate(); }
    /// As `m * p`.
    friend Money operator*(const Percent& p, const Money& m) { return m * p.rate(); }

    // Adding a dimensionless quantity to an amount is a unit error, not a conversion.
    friend Money operator+(const Money&, const Percent&) = delete;
    friend Money operator+(const Money&, const Rate&) = delete;
    friend Money operator+(const Money&, const Decimal&) = delete;
    friend Money operator-(const Money&, const Percent&) = delete;
    friend Money operator-(const Money&, const Rate&) = delete;

private:
    // The currencies by value: an operand whose address reached this call could not stay in
    // registers, and a running total (`total += m` in a loop) would go through memory.
    [[noreturn]] static void throw_currency_mismatch(Currency a, Currency b, const char* operation);

    Decimal amount_;
    Currency currency_;
};

/// The amount rounded to the currency's minor unit: round(CNY 2.345, half_up) is CNY 2.35,
/// round(JPY 12.5, half_even) is JPY 12.
[[nodiscard]] inline Money round(const Money& m, RoundingMode mode) {
    return Money{round_to_scale(m.amount(), m.currency().minor_units(), mode), m.currency()};
}
/// The amount rounded to `scale` decimal places (for unit prices kept to 4 places, say).
[[nodiscard]] CRM_EXPORT Money round(const Money& m, int scale, RoundingMode mode);
/// `m / divisor` rounded to the currency's minor unit. Throws division_by_zero.
[[nodiscard]] CRM_EXPORT Money divide(const Money& m, const Decimal& divisor, RoundingMode mode);
/// `a / b` as a Rate rounded to `scale` places (utilisation = exposure / limit). Throws
/// currency_mismatch and division_by_zero.
[[nodiscard]] CRM_EXPORT Rate ratio(const Money& a, const Money& b, int scale, RoundingMode mode);
/// Converts with an explicit rate (units of `to` per unit of `m`'s currency), rounded to the
/// target currency's minor unit.
[[nodiscard]] CRM_EXPORT Money convert(const Money& m, Currency to, const Decimal& rate, RoundingMode mode);
/// Sum of amounts, all in `currency` (an empty span sums to zero); throws currency_mismatch.
[[nodiscard]] CRM_EXPORT Money sum(std::span<const Money> amounts, Currency currency);

/// How format() writes an amount.
enum class MoneyStyle {
    code,    ///< `CNY 1,234.50`, `-CNY 1,234.50`
    symbol,  ///< `¥1,234.50`, `-¥1,234.50` (the code where the currency has no symbol)
    plain,   ///< `1234.50` (no grouping, no currency)
};
/// Shows at least the currency's minor-unit places and more if the amount carries them:
/// nothing is rounded away for display. Zero never shows a minus sign. An amount whose
/// positional form would need more than 80 digits (far beyond any real amount) is shown in
/// scientific notation without grouping (`CNY 1.39E-935359189`): printing a valid Money
/// never throws and its length is bounded.
[[nodiscard]] CRM_EXPORT std::string format(const Money& m, MoneyStyle style = MoneyStyle::code);
/// As `format(m, MoneyStyle::code)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Money& m);

/// Splits `total` into parts proportional to `weights` (non-negative, not all zero), each
/// part a whole number of minor units, summing exactly to `total` (which must itself be a
/// whole number of minor units). Largest remainder method: every part first gets the floor of
/// its exact share; the units left over go one each to the parts with the largest
/// remainders; equal remainders go to the earlier part (lower index). A negative total is
/// split as its magnitude and negated. Throws invalid_argument naming `weights[i]`.
[[nodiscard]] CRM_EXPORT std::vector<Money> allocate(const Money& total, std::span<const Decimal> weights);

}  // namespace crm
