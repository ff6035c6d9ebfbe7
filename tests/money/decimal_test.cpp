// crm::Decimal: worked examples, bad input, and properties over generated numbers.
// The specification's own cases run in tests/dectest (crm_dectest).

#include <crm/core/error.hpp>
#include <crm/money/decimal.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Decimal;
using crm::DecimalContext;
using crm::ErrorCode;
using crm::RoundingMode;

namespace {
Decimal D(const char* s) { return Decimal(std::string_view(s)); }
}  // namespace

TEST_SUITE("money.decimal") {
    TEST_CASE("a decimal keeps its exponent: 1.50 equals 1.5 but prints as written") {
        CHECK(D("1.50") == D("1.5"));
        CHECK_FALSE(same_representation(D("1.50"), D("1.5")));
        CHECK(D("1.50").to_string() == "1.50");
        CHECK(D("1.50").exponent() == -2);
        CHECK(D("1.50").scale() == 2);
        CHECK(D("1.50").digits() == 3);
        CHECK(D("-0").to_string() == "-0");
        CHECK(D("-0") == Decimal{});
        CHECK(Decimal{}.to_string() == "0");
    }

    TEST_CASE("text forms follow the specification's to-scientific-string") {
        // adjusted exponent = exponent + digits - 1; plain form while exponent <= 0 and adjusted >= -6
        CHECK(D("123.45").to_string() == "123.45");
        CHECK(D("0.000001").to_string() == "0.000001");  // adjusted -6: still plain
        CHECK(D("0.0000001").to_string() == "1E-7");     // adjusted -7
        CHECK(D("1E+3").to_string() == "1E+3");          // positive exponent: scientific
        CHECK(D("1000").to_string() == "1000");
        CHECK(D("-12.5e3").to_string() == "-1.25E+4");
        CHECK(D(".5").to_string() == "0.5");
        CHECK(D("+7.").to_string() == "7");
        CHECK(D("0.00").to_string() == "0.00");
        CHECK(D("0E+2").to_string() == "0E+2");
        CHECK(D("1E+3").to_plain_string() == "1000");
        CHECK(D("1E-7").to_plain_string() == "0.0000001");
        CHECK(D("-12.5e3").to_plain_string() == "-12500");
    }

    TEST_CASE("thousands separators are read only when asked - in groups of three") {
        const crm::ParseOptions grouped{.allow_grouping = true};
        CHECK(Decimal::parse("1,234,567.89", grouped) == D("1234567.89"));
        CHECK(Decimal::parse("999", grouped) == D("999"));
        CHECK(Decimal::parse("-12,345", grouped) == D("-12345"));
        CHECK_THROWS_AS((void)Decimal::parse("1,234.50"), crm::Error);
        CHECK_THROWS_AS((void)Decimal::parse("12,34", grouped), crm::Error);
        CHECK_THROWS_AS((void)Decimal::parse("1,2345", grouped), crm::Error);
        CHECK_THROWS_AS((void)Decimal::parse("1234,567", grouped), crm::Error);
        CHECK_THROWS_AS((void)Decimal::parse(",123", grouped), crm::Error);
        CHECK_THROWS_AS((void)Decimal::parse("1.234,5", grouped), crm::Error);
    }

    TEST_CASE("integers convert exactly - including the extremes of int64") {
        CHECK(Decimal(std::int64_t{-9'223'372'036'854'775'807} - 1).to_string() == "-9223372036854775808");
        CHECK(Decimal(std::uint64_t{18'446'744'073'709'551'615u}).to_string() == "18446744073709551615");
        CHECK(Decimal(-5).to_int64() == -5);
        CHECK(D("1.2E+3").to_int64() == 1200);
        CHECK(D("12.00").to_int64() == 12);
        CHECK(D("-9223372036854775808").to_int64() == std::int64_t{-9'223'372'036'854'775'807} - 1);
        CHECK(Decimal::scaled(12345, -2) == D("123.45"));
        CHECK(Decimal::scaled(12345, -2).to_string() == "123.45");
    }

    TEST_CASE("exact arithmetic keeps the smaller exponent and multiplies exponents out") {
        CHECK((D("1.5") + D("1.25")).to_string() == "2.75");
        CHECK((D("1.50") + D("1")).to_string() == "2.50");
        CHECK((D("1.5") * D("1.5")).to_string() == "2.25");
        CHECK((D("100.00") * D("0.13")).to_string() == "13.0000");  // 10000 x 13 = 130000, exponent -4
        CHECK((D("0.1") + D("0.2")).to_string() == "0.3");          // no binary floating point
        CHECK((D("5") - D("5")).to_string() == "0");
        CHECK((D("-5") - D("-5")).is_signed() == false);  // an exact zero is positive
        CHECK((-D("0")).is_signed() == false);
        // 38 nines plus one: 10^38 needs 39 digits but drops only a zero: 1.000...E+38, exact
        const Decimal nines = D("99999999999999999999999999999999999999");
        CHECK((nines + Decimal(1)).to_string() == "1.0000000000000000000000000000000000000E+38");
    }

    TEST_CASE("each rounding mode rounds as its table says") {
        struct Row {
            RoundingMode mode;
            std::array<const char*, 5> expected;  // for 2.5, 3.5, -2.5, 2.1, -2.1
        };
        const std::array<const char*, 5> inputs{"2.5", "3.5", "-2.5", "2.1", "-2.1"};
        const Row rows[] = {
            {RoundingMode::half_even, {"2", "4", "-2", "2", "-2"}},
            {RoundingMode::half_up, {"3", "4", "-3", "2", "-2"}},
            {RoundingMode::half_down, {"2", "3", "-2", "2", "-2"}},
            {RoundingMode::up, {"3", "4", "-3", "3", "-3"}},
            {RoundingMode::down, {"2", "3", "-2", "2", "-2"}},
            {RoundingMode::ceiling, {"3", "4", "-2", "3", "-2"}},
            {RoundingMode::floor, {"2", "3", "-3", "2", "-3"}},
        };
        for (const Row& row : rows) {
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                CAPTURE(row.mode);
                CAPTURE(inputs[i]);
                CHECK(round_to_scale(D(inputs[i]), 0, row.mode).to_string() == row.expected[i]);
                CHECK(to_integral(D(inputs[i]), row.mode).to_string() == row.expected[i]);
            }
        }
    }

    TEST_CASE("rounding to a scale pads - rounds and keeps the sign") {
        CHECK(round_to_scale(D("2.345"), 2, RoundingMode::half_up).to_string() == "2.35");
        CHECK(round_to_scale(D("2.345"), 2, RoundingMode::half_even).to_string() == "2.34");
        CHECK(round_to_scale(D("2"), 2, RoundingMode::half_even).to_string() == "2.00");
        CHECK(round_to_scale(D("-0.004"), 2, RoundingMode::half_up).to_string() == "-0.00");
        CHECK(round_to_scale(D("99.995"), 2, RoundingMode::half_up).to_string() == "100.00");
        CHECK(round_to_scale(D("99.995"), 2, RoundingMode::down).to_string() == "99.99");
        CHECK(round_to_scale(D("1234.5"), -2, RoundingMode::half_up).to_string() == "1.2E+3");
        CHECK(round_significant(D("123456"), 3, RoundingMode::half_even).to_string() == "1.23E+5");
        CHECK(round_significant(D("0.0012345"), 2, RoundingMode::half_up).to_string() == "0.0012");
        CHECK(round_significant(D("12"), 5, RoundingMode::half_up).to_string() == "12");
        CHECK(reduce(D("1.500")).to_string() == "1.5");
        CHECK(reduce(D("100")).to_string() == "1E+2");
        CHECK(reduce(D("0.00")).to_string() == "0");
    }

    TEST_CASE("division needs a scale or a precision") {
        // 10 / 3 = 3.333...: to 2 places 3.33 (half_up), up gives 3.34
        CHECK(divide(D("10"), D("3"), 2, RoundingMode::half_up).to_string() == "3.33");
        CHECK(divide(D("10"), D("3"), 2, RoundingMode::up).to_string() == "3.34");
        CHECK(divide(D("-10"), D("3"), 2, RoundingMode::floor).to_string() == "-3.34");
        CHECK(divide(D("1"), D("8"), 2, RoundingMode::half_even).to_string() ==
              "0.12");  // 0.125 ties to even
        CHECK(divide(D("1"), D("8"), 2, RoundingMode::half_up).to_string() == "0.13");
        CHECK(divide(D("1"), D("3"), DecimalContext{.precision = 5}).to_string() == "0.33333");
        CHECK(divide(D("2.40"), D("2"), DecimalContext{}).to_string() == "1.20");  // exact: ideal exponent -2
        CHECK(divide(D("1000"), D("10"), DecimalContext{}).to_string() == "100");
        CHECK(divide(D("1"), D("3"), DecimalContext{}).to_string() ==
              "0.33333333333333333333333333333333333333");
    }

    TEST_CASE("the named operations round to their context") {
        const DecimalContext p9{.precision = 9, .rounding = RoundingMode::half_up};
        CHECK(add(D("0.4444444444"), D("0.5555555555"), p9).to_string() == "1.00000000");
        CHECK(add(D("70000"), D("10000e+9"), p9).to_string() == "1.00000001E+13");
        CHECK(subtract(D("1"), D("1e-40"), p9).to_string() == "1.00000000");
        CHECK(subtract(D("1"), D("1e-40"), DecimalContext{.precision = 9, .rounding = RoundingMode::down})
                  .to_string() == "0.999999999");
        CHECK(multiply(D("1.23456789"), D("1.00000001"), p9).to_string() == "1.23456790");
        CHECK(plus(D("-0"), p9).to_string() == "0");
        CHECK(minus(D("0"), p9).to_string() == "0");
        CHECK(abs(D("-1.50"), p9).to_string() == "1.50");
        CHECK(max(D("1.0"), D("1"), p9).to_string() == "1");
        CHECK(min(D("1.0"), D("1"), p9).to_string() == "1.0");
        CHECK(quantize(D("1.0600"), -5, p9).to_string() == "1.06000");
        CHECK(compare(D("1.0"), D("1")) == 0);
        CHECK(compare(D("-2"), D("1")) == -1);
    }

    TEST_CASE("bad input is a crm::Error with a code and a field") {
        for (const char* text : {"", "abc", "1.2.3", "1e", "1e+", "--1", " 1", "1 ", "NaN", "Infinity",
                                 "1,234", "0x10", "1e5.5", "+", "."}) {
            CAPTURE(text);
            CHECK_THROWS_AS((void)Decimal::parse(text), crm::Error);
            CHECK(crm::test::error_code_of([&] { (void)Decimal::parse(text); }) == ErrorCode::parse_error);
        }
        try {
            (void)Decimal::parse("x", {}, "order.amount");
            FAIL("parse accepted x");
        } catch (const crm::Error& e) {
            CHECK(e.field() == "order.amount");
        }
        // 39 significant digits, and exponents beyond the range
        CHECK(crm::test::error_code_of([] { (void)D("123456789012345678901234567890123456789"); }) ==
              ErrorCode::overflow);
        CHECK(crm::test::error_code_of([] { (void)D("1E+1000000000"); }) == ErrorCode::overflow);
        CHECK(crm::test::error_code_of([] { (void)D("1E-1000000000"); }) == ErrorCode::overflow);
        // leading zeros are not significant
        CHECK(D("000000000000000000000000000000000000000001").to_string() == "1");

        CHECK(crm::test::error_code_of([] { (void)divide(D("1"), D("0"), 2, RoundingMode::half_up); }) ==
              ErrorCode::division_by_zero);
        CHECK(crm::test::error_code_of([] { (void)divide(D("0"), D("0.0"), DecimalContext{}); }) ==
              ErrorCode::invalid_operation);
        CHECK(crm::test::error_code_of([] { (void)(D("1e30") + D("1e-30")); }) == ErrorCode::inexact);
        CHECK(crm::test::error_code_of([] {
                  (void)(D("99999999999999999999") * D("99999999999999999999"));
              }) == ErrorCode::inexact);
        CHECK(crm::test::error_code_of([] { (void)(D("1E+999999999") * Decimal(10)); }) ==
              ErrorCode::overflow);
        CHECK(crm::test::error_code_of([] { (void)round_to_scale(D("1E+37"), 2, RoundingMode::half_up); }) ==
              ErrorCode::invalid_operation);
        CHECK(crm::test::error_code_of([] { (void)round_significant(D("1"), 0, RoundingMode::half_up); }) ==
              ErrorCode::invalid_argument);
        CHECK(crm::test::error_code_of([] { (void)add(D("1"), D("1"), DecimalContext{.precision = 0}); }) ==
              ErrorCode::invalid_argument);
        CHECK(crm::test::error_code_of([] { (void)add(D("1"), D("1"), DecimalContext{.precision = 39}); }) ==
              ErrorCode::invalid_argument);
        CHECK(crm::test::error_code_of([] { (void)D("1.5").to_int64(); }) == ErrorCode::invalid_operation);
        CHECK(crm::test::error_code_of([] { (void)D("1E+19").to_int64(); }) == ErrorCode::overflow);
        CHECK(crm::test::error_code_of([] { (void)D("9223372036854775808").to_int64(); }) ==
              ErrorCode::overflow);
    }

    TEST_CASE("property: exact addition and subtraction undo each other") {
        crm::test::Rng rng(20261127);
        for (int i = 0; i < 5000; ++i) {
            const Decimal a = crm::test::decimal(rng);
            const Decimal b = crm::test::decimal(rng);
            CAPTURE(a);
            CAPTURE(b);
            CHECK(a + b - b == a);
            CHECK(same_representation(a + b, b + a));
            CHECK(same_representation(a * b, b * a));
            CHECK(compare(a, b) == (a - b).signum());
            CHECK((a < b) == (compare(a, b) < 0));
        }
    }

    TEST_CASE("property: text round-trips to the same representation") {
        crm::test::Rng rng(7);
        for (int i = 0; i < 5000; ++i) {
            const Decimal a = crm::test::decimal(rng);
            CAPTURE(a);
            CHECK(same_representation(Decimal::parse(a.to_string()), a));
            // the plain form writes out positive exponents as zeros: equal value, exponent 0
            const Decimal plain = Decimal::parse(a.to_plain_string());
            CHECK(plain == a);
            CHECK(plain.exponent() == std::min(a.exponent(), 0));
        }
    }

    TEST_CASE("property: rounding to a scale is idempotent - bounded and directed") {
        crm::test::Rng rng(99);
        const RoundingMode modes[] = {RoundingMode::half_even, RoundingMode::half_up, RoundingMode::half_down,
                                      RoundingMode::up,        RoundingMode::down,    RoundingMode::ceiling,
                                      RoundingMode::floor};
        for (int i = 0; i < 3000; ++i) {
            const Decimal x = crm::test::decimal(rng);
            const int scale = static_cast<int>(rng.below(5));
            const Decimal unit = Decimal::scaled(1, -scale);
            for (RoundingMode mode : modes) {
                CAPTURE(x);
                CAPTURE(scale);
                CAPTURE(mode);
                const Decimal r = round_to_scale(x, scale, mode);
                CHECK(r.exponent() == -scale);
                CHECK(same_representation(round_to_scale(r, scale, mode), r));
                CHECK(abs(r - x) < unit);
                if (mode == RoundingMode::floor) CHECK(r <= x);
                if (mode == RoundingMode::ceiling) CHECK(r >= x);
                if (mode == RoundingMode::down) CHECK(abs(r) <= abs(x));
                if (mode == RoundingMode::up) CHECK(abs(r) >= abs(x));
                if (mode == RoundingMode::half_even || mode == RoundingMode::half_up ||
                    mode == RoundingMode::half_down)
                    CHECK(abs(r - x) * Decimal(2) <= unit);
            }
        }
    }

    TEST_CASE("property: a quotient rounded down brackets the dividend") {
        crm::test::Rng rng(3);
        for (int i = 0; i < 3000; ++i) {
            const Decimal a = abs(crm::test::decimal(rng));
            Decimal b = abs(crm::test::decimal(rng));
            if (b.is_zero()) b = Decimal(1);
            const int scale = static_cast<int>(rng.below(6));
            CAPTURE(a);
            CAPTURE(b);
            CAPTURE(scale);
            const Decimal q = divide(a, b, scale, RoundingMode::down);
            const Decimal unit = Decimal::scaled(1, -scale);
            CHECK(q * b <= a);
            CHECK(a < (q + unit) * b);
            // an exact product divides back exactly
            CHECK(divide(a * b, b, DecimalContext{}) == a);
        }
    }

    TEST_CASE("property: equal values hash equally whatever their exponent") {
        crm::test::Rng rng(11);
        std::unordered_set<Decimal> seen;
        for (int i = 0; i < 2000; ++i) {
            const Decimal x = crm::test::decimal(rng);
            const Decimal padded = round_to_scale(x, x.scale() + 3, RoundingMode::half_even);
            CAPTURE(x);
            CHECK(x == padded);
            CHECK(std::hash<Decimal>{}(x) == std::hash<Decimal>{}(padded));
            seen.insert(x);
            CHECK(seen.count(padded) == 1);
        }
    }

}  // TEST_SUITE
