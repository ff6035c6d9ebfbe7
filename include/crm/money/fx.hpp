#pragma once
/// \file
/// Exchange rates and conversion of an amount into the currency of a computation (the
/// profile's currency for a credit check, the report currency for aging). A missing rate is
/// never guessed: it is a crm::Error naming the rate list. Proven by tests/credit/receivable_test.cpp
/// (the credit area re-exports these names as crm::credit::FxRate, validate_rates, in_currency).

#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>

#include <span>
#include <string_view>

namespace crm {

/// An exchange rate into the currency of a computation: one unit of `from` is worth `rate`
/// units of it. `FxRate{Currency{"USD"}, Decimal{"7.10"}}` says USD 1 = CNY 7.10 when converting
/// to CNY. Invariant (validate_rates): `rate` > 0; a currency appears at most once in a rate
/// list; a rate for the target currency itself, if given, must be exactly 1.
struct CRM_EXPORT FxRate {
    Currency from;  ///< the currency converted from; at most once per rate list
    Decimal rate;   ///< units of the target currency per unit of `from` (汇率), > 0

    /// Memberwise equality.
    friend bool operator==(const FxRate&, const FxRate&) = default;
};

/// Checks a rate list for conversion into `to`; throws crm::Error naming `<field>[i].rate`
/// (invalid_argument: not positive; inconsistent: a rate other than 1 for `to` itself) or
/// `<field>[i].from` (duplicate).
CRM_EXPORT void validate_rates(std::span<const FxRate> rates, Currency to, std::string_view field = "rates");

/// `m` in currency `to`: unchanged when already in `to`; otherwise `m x rate`, rounded to
/// `to`'s minor unit with `mode`. A currency without a rate throws crm::Error(not_found)
/// naming `<field>.<code>`, e.g. `rates.USD`. USD 100.00 at 7.1234 into CNY, half_up: 712.34.
[[nodiscard]] CRM_EXPORT Money in_currency(const Money& m, Currency to, std::span<const FxRate> rates,
                                           RoundingMode mode, std::string_view field = "rates");

}  // namespace crm
