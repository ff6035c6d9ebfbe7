// The ledger vocabulary: conversion with caller-given rates, rate lists, item invariants.

#include <crm/core/error.hpp>
#include <crm/credit/receivable.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../support/errors.hpp"

using crm::Currency;
using crm::Date;
using crm::Decimal;
using crm::Money;
using crm::credit::FxRate;
using crm::credit::Receivable;

namespace {

static_assert(std::regular<Receivable>);
static_assert(std::regular<FxRate>);

using crm::test::check_error;

}  // namespace

TEST_SUITE("credit.receivable") {
    TEST_CASE("an amount is converted at the rate given and rounded once") {
        const std::vector<FxRate> rates{{Currency{"USD"}, Decimal{"7.1234"}},
                                        {Currency{"JPY"}, Decimal{"0.0482"}}};
        // USD 100.00 x 7.1234 = 712.340000 -> CNY 712.34
        CHECK(crm::credit::in_currency(Money{"100.00", "USD"}, Currency{"CNY"}, rates,
                                       crm::RoundingMode::half_up) == Money{"712.34", "CNY"});
        // JPY 12345 x 0.0482 = 595.0290 -> CNY 595.03 half_up, 595.02 down
        CHECK(crm::credit::in_currency(Money{"12345", "JPY"}, Currency{"CNY"}, rates,
                                       crm::RoundingMode::half_up) == Money{"595.03", "CNY"});
        CHECK(crm::credit::in_currency(Money{"12345", "JPY"}, Currency{"CNY"}, rates,
                                       crm::RoundingMode::down) == Money{"595.02", "CNY"});
        // the target currency itself is never converted (nor rounded)
        CHECK(same_representation(crm::credit::in_currency(Money{"1.005", "CNY"}, Currency{"CNY"}, rates,
                                                           crm::RoundingMode::half_up)
                                      .amount(),
                                  Decimal{"1.005"}));
        check_error(
            [&] {
                return crm::credit::in_currency(Money{"1", "EUR"}, Currency{"CNY"}, rates,
                                                crm::RoundingMode::half_up);
            },
            crm::ErrorCode::not_found, "rates.EUR");
    }

    TEST_CASE("a rate list is checked for positive rates and one rate per currency") {
        const Currency cny{"CNY"};
        CHECK_NOTHROW(
            crm::credit::validate_rates(std::vector<FxRate>{{Currency{"CNY"}, Decimal{"1.00"}}}, cny));
        check_error(
            [&] {
                crm::credit::validate_rates(std::vector<FxRate>{{Currency{"USD"}, Decimal{"-7"}}}, cny);
                return 0;
            },
            crm::ErrorCode::invalid_argument, "rates[0].rate");
        check_error(
            [&] {
                crm::credit::validate_rates(std::vector<FxRate>{{Currency{"CNY"}, Decimal{"2"}}}, cny);
                return 0;
            },
            crm::ErrorCode::inconsistent, "rates[0].rate");
        check_error(
            [&] {
                crm::credit::validate_rates(std::vector<FxRate>{{Currency{"USD"}, Decimal{"7"}},
                                                                {Currency{"EUR"}, Decimal{"8"}},
                                                                {Currency{"USD"}, Decimal{"7"}}},
                                            cny, "options.rates");
                return 0;
            },
            crm::ErrorCode::duplicate, "options.rates[2].from");
    }

    TEST_CASE("a receivable prints as its ledger line") {
        const Receivable r{crm::InvoiceId{"INV-1"}, crm::AccountId{"A-1"}, Date(2024, 1, 15),
                           Date(2024, 2, 14), Money{"1000.00", "CNY"}};
        std::ostringstream os;
        os << r;
        CHECK(os.str() == "INV-1 (A-1) 2024-01-15 due 2024-02-14 open CNY 1,000.00");
    }

    TEST_CASE("whole minor units are told apart from fractions of a fen") {
        using crm::credit::detail::whole_minor_units;
        CHECK(whole_minor_units(Money{"1.00", "CNY"}));
        CHECK(whole_minor_units(Money{"1.000", "CNY"}));  // trailing zero: still whole fen
        CHECK(whole_minor_units(Money{"100", "JPY"}));
        CHECK_FALSE(whole_minor_units(Money{"1.001", "CNY"}));
        CHECK_FALSE(whole_minor_units(Money{"1.5", "JPY"}));
    }

}  // TEST_SUITE
