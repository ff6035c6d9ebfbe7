// Receivable turnover, turnover days and DSO: worked examples (arithmetic in comments), the
// defined answers for zero revenue and zero balances, bad input, and a property.

#include <crm/core/error.hpp>
#include <crm/credit/turnover.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string_view>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Days;
using crm::Decimal;
using crm::Money;
using crm::Period;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }

using crm::test::check_error;

bool same(const std::optional<Decimal>& a, const char* b) {
    return a.has_value() && same_representation(*a, Decimal{b});
}

}  // namespace

TEST_SUITE("credit.turnover") {
    TEST_CASE("turnover and turnover days from the average of opening and closing") {
        // average (1,000,000 + 1,400,000) / 2 = 1,200,000; turnover 7,200,000 / 1,200,000 = 6.00
        const AverageBalance avg = average_of_opening_and_closing(cny("1000000"), cny("1400000"));
        CHECK(avg.value() == cny("1200000.00"));
        CHECK(same(receivable_turnover(cny("7200000"), avg), "6.00"));
        // 2024 has 366 days: 366 / 6 = 61.00
        CHECK(same(turnover_days(Period::year(2024), cny("7200000"), avg), "61.00"));
        // 2023 has 365: 365 x 2,400,000 / (2 x 7,200,000) = 60.8333... -> 60.83
        CHECK(same(turnover_days(Period::year(2023), cny("7200000"), avg), "60.83"));
        // a quotient that does not terminate is divided once: average 350,000, revenue 1,000,000:
        // turnover 1,000,000 x 2 / 700,000 = 2.857142... -> 2.86; days 366 x 700,000 / 2,000,000 = 128.10
        const AverageBalance small = average_of_opening_and_closing(cny("300000"), cny("400000"));
        CHECK(same(receivable_turnover(cny("1000000"), small), "2.86"));
        CHECK(same(turnover_days(Period::year(2024), cny("1000000"), small), "128.10"));
        CHECK(same(receivable_turnover(cny("1000000"), small, 4, crm::RoundingMode::down), "2.8571"));
    }

    TEST_CASE("turnover days from the mean of month-end balances") {
        // month ends 100,000 .. 1,200,000: sum 7,800,000 over 12 = 650,000; revenue 3,900,000: 6.00 times
        std::vector<Money> month_ends;
        for (int m = 1; m <= 12; ++m) month_ends.emplace_back(Decimal{m * 100000}, crm::Currency{});
        const AverageBalance avg = average_of_month_ends(month_ends);
        CHECK(avg.count == 12);
        CHECK(avg.value() == cny("650000.00"));
        CHECK(same(receivable_turnover(cny("3900000"), avg), "6.00"));
        CHECK(same(turnover_days(Period::year(2024), cny("3900000"), avg), "61.00"));
        // a quarter: 91 days of 2024-Q1
        CHECK(same(turnover_days(Period::quarter(2024, 1), cny("3900000"), avg),
                   "15.17"));  // 91 / 6 = 15.1666...
    }

    TEST_CASE("zero revenue and zero balances give the documented answers") {
        const AverageBalance none = average_of_opening_and_closing(cny("0"), cny("0"));
        const AverageBalance some = average_of_opening_and_closing(cny("100"), cny("300"));
        // nothing outstanding: turnover without bound (not given), turnover days 0
        CHECK_FALSE(receivable_turnover(cny("5000"), none).has_value());
        CHECK(same(turnover_days(Period::year(2024), cny("5000"), none), "0.00"));
        CHECK(same(turnover_days(Period::year(2024), cny("0"), none), "0.00"));
        // no revenue on a balance: turnover 0, turnover days not given (it never turns over)
        CHECK(same(receivable_turnover(cny("0"), some), "0.00"));
        CHECK_FALSE(turnover_days(Period::year(2024), cny("0"), some).has_value());
        CHECK_FALSE(dso_simple(cny("100"), cny("0"), Days{30}).has_value());
        CHECK(same(dso_simple(cny("0"), cny("0"), Days{30}), "0.00"));
    }

    TEST_CASE("simple DSO is closing receivables over revenue times days") {
        // 1,500,000 x 91 / 4,550,000 = 30.00
        CHECK(same(dso_simple(cny("1500000"), cny("4550000"), Days{91}), "30.00"));
        // 1,000,000 x 30 / 2,900,000 = 10.3448... -> 10.34
        CHECK(same(dso_simple(cny("1000000"), cny("2900000"), Days{30}), "10.34"));
    }

    TEST_CASE("count-back DSO walks back month by month") {
        const std::vector<MonthlyRevenue> months{{Period::month(2024, 10), cny("90000")},
                                                 {Period::month(2024, 11), cny("120000")},
                                                 {Period::month(2024, 12), cny("100000")}};
        // 250,000: December 100,000 (31 days), November 120,000 (30 days), 30,000 of October's 90,000:
        // 31 + 30 + 30,000 / 90,000 x 31 = 61 + 10.333... = 71.33
        CHECK(same(dso_count_back(cny("250000"), months), "71.33"));
        // 220,000 covers December and November exactly: 61.00
        CHECK(same(dso_count_back(cny("220000"), months), "61.00"));
        // 50,000: half of December's revenue, 15.5 days
        CHECK(same(dso_count_back(cny("50000"), months), "15.50"));
        CHECK(same(dso_count_back(cny("0"), months), "0.00"));
        // more than all the revenue given: the history is too short
        CHECK_FALSE(dso_count_back(cny("310000.01"), months).has_value());
        CHECK(same(dso_count_back(cny("310000"), months), "92.00"));  // exactly all of it: 31 + 30 + 31
        // a month without revenue counts all its days: 31 + 100,000 / 200,000 x 30 = 46.00
        const std::vector<MonthlyRevenue> quiet{{Period::month(2024, 11), cny("200000")},
                                                {Period::month(2024, 12), cny("0")}};
        CHECK(same(dso_count_back(cny("100000"), quiet), "46.00"));
    }

    TEST_CASE("bad turnover input is an error naming the field") {
        using crm::ErrorCode;
        check_error([] { return average_of_opening_and_closing(cny("-1"), cny("1")); },
                    ErrorCode::invalid_argument, "opening");
        check_error(
            [] {
                return average_of_opening_and_closing(cny("1"), Money{"1", "USD"});
            },
            ErrorCode::currency_mismatch, "closing");
        check_error([] { return average_of_month_ends(std::vector<Money>{}); }, ErrorCode::invalid_argument,
                    "month_ends");
        check_error(
            [] {
                return average_of_month_ends(std::vector<Money>{cny("1"), cny("-1")});
            },
            ErrorCode::invalid_argument, "month_ends[1]");
        const AverageBalance avg = average_of_opening_and_closing(cny("1"), cny("1"));
        check_error([&] { return receivable_turnover(cny("-5"), avg); }, ErrorCode::invalid_argument,
                    "revenue");
        check_error(
            [&] {
                return receivable_turnover(cny("5"), AverageBalance{cny("1"), 0});
            },
            ErrorCode::invalid_argument, "average.count");
        check_error([&] { return turnover_days(Days{-1}, cny("5"), avg); }, ErrorCode::invalid_argument,
                    "days");
        check_error([&] { return dso_simple(cny("-1"), cny("5"), Days{30}); }, ErrorCode::invalid_argument,
                    "closing");
        check_error([] { return dso_count_back(cny("1"), std::vector<MonthlyRevenue>{}); },
                    ErrorCode::invalid_argument, "months");
        check_error(
            [] {
                return dso_count_back(cny("1"),
                                      std::vector<MonthlyRevenue>{{Period::month(2024, 10), cny("1")},
                                                                  {Period::month(2024, 12), cny("1")}});
            },
            ErrorCode::inconsistent, "months[1].month");
        check_error(
            [] {
                return dso_count_back(cny("1"),
                                      std::vector<MonthlyRevenue>{{Period::quarter(2024, 4), cny("1")}});
            },
            ErrorCode::invalid_argument, "months[0].month");
        check_error(
            [] {
                return dso_count_back(cny("1"),
                                      std::vector<MonthlyRevenue>{{Period::month(2024, 12), cny("-1")}});
            },
            ErrorCode::invalid_argument, "months[0].revenue");
    }

    TEST_CASE("turnover days are days over turnover and shorten as revenue grows") {
        crm::test::Rng rng(61);
        for (int i = 0; i < 2000; ++i) {
            CAPTURE(i);
            const AverageBalance avg = average_of_opening_and_closing(
                Money{Decimal::scaled(rng.between(1, 99'999'999), -2), crm::Currency{}},
                Money{Decimal::scaled(rng.between(0, 99'999'999), -2), crm::Currency{}});
            const Money revenue{Decimal::scaled(rng.between(100'000, 999'999'999), -2),
                                crm::Currency{}};  // >= 1,000.00
            const Money more =
                revenue + Money{Decimal::scaled(rng.between(0, 99'999'999), -2), crm::Currency{}};
            const auto days = turnover_days(Days{365}, revenue, avg, 6, crm::RoundingMode::half_even);
            const auto fewer = turnover_days(Days{365}, more, avg, 6, crm::RoundingMode::half_even);
            REQUIRE(days.has_value());
            REQUIRE(fewer.has_value());
            CHECK(*fewer <= *days);
            // turnover x turnover days = days in the period (365), up to the rounding of each
            const auto times = receivable_turnover(revenue, avg, 10, crm::RoundingMode::half_even);
            REQUIRE(times.has_value());
            const Decimal product = *times * *days;
            CHECK(crm::abs(product - Decimal{365}) < Decimal{"0.01"} * (Decimal{1} + *times));
        }
    }

}  // TEST_SUITE
