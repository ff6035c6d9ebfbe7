// Amounts in 万元, and columns whose rounded parts add up to the rounded total.

#include <crm/core/error.hpp>
#include <crm/money/wan.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using crm::RoundingMode;
using crm::WanColumn;
using crm::WanOptions;
using crm::WanTotals;

namespace {
Money cny(const char* amount) { return Money{amount, "CNY"}; }
std::vector<std::string> texts(const std::vector<Decimal>& ds) {
    std::vector<std::string> out;
    for (const Decimal& d : ds) out.push_back(d.to_string());
    return out;
}
}  // namespace

TEST_SUITE("money.wan") {
    TEST_CASE("an amount in 万元 half-up to two places by default") {
        // 1,234,567.89 / 10,000 = 123.456789 -> 123.46
        CHECK(to_wan(cny("1234567.89")).to_string() == "123.46");
        CHECK(format_wan(cny("1234567.89")) == "123.46万元");
        // 12,345.00 -> 1.2345: half-up 1.23, ceiling 1.24, one place 1.2
        CHECK(to_wan(cny("12345.00")).to_string() == "1.23");
        CHECK(to_wan(cny("12345.00"), {.rounding = RoundingMode::ceiling}).to_string() == "1.24");
        CHECK(to_wan(cny("12345.00"), {.decimals = 1}).to_string() == "1.2");
        // 125.00 -> 0.0125: half-up 0.01 at two places; 50.00 -> 0.005: half-up 0.01, half-even 0.00
        CHECK(to_wan(cny("50.00")).to_string() == "0.01");
        CHECK(to_wan(cny("50.00"), {.rounding = RoundingMode::half_even}).to_string() == "0.00");
        CHECK(format_wan(cny("-5000")) == "-0.50万元");
        CHECK(format_wan(cny("-1.00")) == "0.00万元");  // rounds to zero: no minus sign
        CHECK(format_wan(cny("123456789000"), {.grouping = true}) == "12,345,678.90万元");
        CHECK(format_wan(cny("123456789000"), {.decimals = 0}) == "12345679万元");
        CHECK(format_wan(Decimal("3.5")) == "3.50万元");  // padded, never rounded
        CHECK(format_wan(Decimal("3.555")) == "3.555万元");
    }

    TEST_CASE("a column allocates its rounding so the parts add up to the total") {
        // three amounts of 3,333.33 = 0.333333 万 each -> 0.33 each, sum 0.99;
        // total 9,999.99 = 0.999999 -> 1.00: one unit short; the remainders tie (0.003333 each):
        // the first part takes it
        const std::vector<Money> thirds{cny("3333.33"), cny("3333.33"), cny("3333.33")};
        const WanColumn c = wan_column(thirds);
        CHECK(texts(c.parts) == std::vector<std::string>{"0.34", "0.33", "0.33"});
        CHECK(c.total.to_string() == "1.00");
        CHECK(c.difference.is_zero());
        CHECK(c.moved == std::vector<std::int64_t>{1, 0, 0});

        // marking instead: parts stay as rounded, the difference is reported
        const WanColumn m = wan_column(thirds, {}, WanTotals::mark);
        CHECK(texts(m.parts) == std::vector<std::string>{"0.33", "0.33", "0.33"});
        CHECK(m.total.to_string() == "1.00");
        CHECK(m.difference.to_string() == "0.01");
        CHECK(m.moved == std::vector<std::int64_t>{0, 0, 0});

        // too much: 0.0050 + 0.0050 + 0.0050 (50.00 each) -> 0.01 each half-up, sum 0.03; total
        // 150.00 = 0.015 -> 0.02: one unit over; all rounded up equally: the first gives it back
        const std::vector<Money> halves{cny("50"), cny("50"), cny("50")};
        const WanColumn h = wan_column(halves);
        CHECK(texts(h.parts) == std::vector<std::string>{"0.00", "0.01", "0.01"});
        CHECK(h.total.to_string() == "0.02");
        CHECK(h.moved == std::vector<std::int64_t>{-1, 0, 0});

        // the part rounded furthest down takes the unit: 0.334 (down 0.004) and 0.3349 (down 0.0049)
        const std::vector<Money> uneven{cny("3340"), cny("3349"), cny("3330")};
        // exact 0.334 + 0.3349 + 0.333 = 1.0019 -> 1.00; rounded 0.33 + 0.33 + 0.33 = 0.99
        const WanColumn u = wan_column(uneven);
        CHECK(texts(u.parts) == std::vector<std::string>{"0.33", "0.34", "0.33"});
        CHECK(wan_column(std::vector<Money>{}).total.is_zero());
    }

    TEST_CASE("bad options and mixed currencies are refused naming the input") {
        using crm::test::check_error;
        check_error([] { return to_wan(cny("1"), {.decimals = 9}); }, ErrorCode::invalid_argument,
                    "options.decimals");
        check_error([] { return to_wan(cny("1"), {.decimals = -1}); }, ErrorCode::invalid_argument,
                    "options.decimals");
        check_error([] { return to_wan(cny("1"), {.rounding = static_cast<RoundingMode>(99)}); },
                    ErrorCode::invalid_argument, "options.rounding");
        check_error([] { return format_wan(Money{"1", "USD"}); }, ErrorCode::currency_mismatch, "amount");
        const std::vector<Money> mixed{cny("1"), Money{"1", "USD"}};
        check_error([&] { return wan_column(mixed); }, ErrorCode::currency_mismatch, "amounts[1]");
        check_error([] { return wan_column({}, {}, static_cast<WanTotals>(7)); }, ErrorCode::invalid_argument,
                    "totals");
        const std::vector<Money> huge{cny("1"), Money{"1E+40", "CNY"}};
        CHECK(crm::test::caught_error([&] { return wan_column(huge); }).field == "amounts[1]");
    }

    TEST_CASE("property: allocated parts sum to the rounded total each within one unit") {
        crm::test::Rng rng(1001);
        const RoundingMode modes[] = {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::half_down,
                                      RoundingMode::up,      RoundingMode::down,      RoundingMode::ceiling,
                                      RoundingMode::floor};
        for (int i = 0; i < 1500; ++i) {
            const auto n = static_cast<std::size_t>(rng.between(1, 12));
            std::vector<Money> amounts;
            for (std::size_t k = 0; k < n; ++k)
                amounts.emplace_back(Decimal::scaled(rng.between(-200'000'000, 900'000'000), -2),
                                     crm::Currency{});
            const WanOptions o{.decimals = static_cast<int>(rng.between(0, 4)),
                               .rounding = modes[rng.below(7)]};
            CAPTURE(i);
            CAPTURE(o.decimals);
            const WanColumn c = wan_column(amounts, o);
            Decimal exact;
            Decimal sum;
            for (std::size_t k = 0; k < n; ++k) {
                sum += c.parts[k];
                const Decimal exact_part = amounts[k].amount() * Decimal::scaled(1, -4);
                exact += exact_part;
                CHECK(abs(exact_part - c.parts[k]) < Decimal::scaled(1, -o.decimals));
                CHECK(c.parts[k].scale() == o.decimals);
            }
            CHECK(sum == c.total);
            CHECK(c.total == round_to_scale(exact, o.decimals, o.rounding));
            CHECK(c.difference.is_zero());
            // marking keeps every part rounded alone and reports exactly what allocation moved
            const WanColumn m = wan_column(amounts, o, WanTotals::mark);
            Decimal marked;
            std::int64_t moved = 0;
            for (std::size_t k = 0; k < n; ++k) {
                CHECK(m.parts[k] == to_wan(amounts[k], o));
                marked += m.parts[k];
                moved += c.moved[k];
            }
            CHECK(m.total - marked == m.difference);
            CHECK(m.difference == Decimal::scaled(moved, -o.decimals));
        }
    }
}
