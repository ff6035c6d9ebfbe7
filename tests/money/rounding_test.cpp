// A RoundingMode is validated where it enters: a number cast to the enumeration that is none
// of its seven modes is an Error naming the input, never a silent truncation.

#include <crm/core/error.hpp>
#include <crm/money/money.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"

using crm::Decimal;
using crm::DecimalContext;
using crm::ErrorCode;
using crm::Money;
using crm::RoundingMode;

TEST_SUITE("money.rounding") {
    TEST_CASE("a rounding mode outside the enumeration is an error - not a truncation") {
        // The reproducer: 1.55 to one place under mode 99 used to give 1.5 without a word.
        crm::test::check_error([] { return round_to_scale(Decimal{"1.55"}, 1, RoundingMode(99)); },
                               ErrorCode::invalid_argument, "rounding");
        const auto bad = static_cast<RoundingMode>(7);
        const auto negative = static_cast<RoundingMode>(-1);
        crm::test::check_error([&] { return round_to_scale(Decimal{"1.5"}, 3, bad); },
                               ErrorCode::invalid_argument,
                               "rounding");  // the padding path
        crm::test::check_error([&] { return round_to_scale(Decimal{"1.50"}, 2, negative); },
                               ErrorCode::invalid_argument, "rounding");  // already at the scale
        crm::test::check_error([&] { return round_significant(Decimal{"1.55"}, 2, bad); },
                               ErrorCode::invalid_argument, "rounding");
        crm::test::check_error([&] { return to_integral(Decimal{"1.5"}, bad); }, ErrorCode::invalid_argument,
                               "rounding");
        crm::test::check_error([&] { return divide(Decimal{10}, Decimal{3}, 2, bad); },
                               ErrorCode::invalid_argument, "rounding");
        crm::test::check_error(
            [&] { return add(Decimal{"1.55"}, Decimal{1}, DecimalContext{.rounding = bad}); },
            ErrorCode::invalid_argument, "context.rounding");
        crm::test::check_error([&] { return quantize(Decimal{"1.55"}, -1, DecimalContext{.rounding = bad}); },
                               ErrorCode::invalid_argument, "context.rounding");
        crm::test::check_error(
            [&] {
                return round(Money{"1.555", "CNY"}, bad);
            },
            ErrorCode::invalid_argument, "rounding");
        crm::test::check_error(
            [&] {
                return divide(Money{"1.00", "CNY"}, Decimal{3}, bad);
            },
            ErrorCode::invalid_argument, "rounding");
        CHECK(to_string(bad) == "unknown");
    }

    TEST_CASE("every mode of the enumeration is valid and rounds as its table says") {
        // 1.55 to one place: the tie goes to the even 1.6 (half_even), away (half_up: 1.6),
        // toward zero (half_down: 1.5); up 1.6, down 1.5, ceiling 1.6, floor 1.5.
        const char* expected[] = {"1.6", "1.6", "1.5", "1.6", "1.5", "1.6", "1.5"};
        for (int m = 0; m < 7; ++m) {
            CAPTURE(m);
            const auto mode = static_cast<RoundingMode>(m);
            CHECK(crm::is_valid(mode));
            CHECK(round_to_scale(Decimal{"1.55"}, 1, mode).to_string() == expected[m]);
        }
        CHECK_FALSE(crm::is_valid(static_cast<RoundingMode>(7)));
        CHECK_FALSE(crm::is_valid(static_cast<RoundingMode>(-1)));
    }
}  // TEST_SUITE
