// The exact operators' inline paths (native 128-bit coefficient, exponent and sign in one
// word) against the named operations of the specification, which take the general path.

#include <crm/core/error.hpp>
#include <crm/money/decimal.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Decimal;
using crm::DecimalContext;
using crm::ErrorCode;
using crm::RoundingMode;

namespace {
Decimal D(const char* s) { return Decimal(std::string_view(s)); }
const DecimalContext kExact{.exact = true};

// A decimal whose coefficient may use all 38 digits (so the 128-bit carry is exercised).
Decimal wide_decimal(crm::test::Rng& rng, int min_exp, int max_exp) {
    const int digits = static_cast<int>(rng.between(1, 38));
    std::string text = rng.coin() ? "-" : "";
    for (int i = 0; i < digits; ++i) text += static_cast<char>('0' + rng.below(10));
    text += "E" + std::to_string(rng.between(min_exp, max_exp));
    return Decimal(std::string_view(text));
}
}  // namespace

TEST_SUITE("money.decimal") {
    TEST_CASE("a decimal is three words and a money amount stays small") {
        CHECK(sizeof(Decimal) == 24);
        CHECK(alignof(Decimal) == 8);
    }

    TEST_CASE("sums that carry into the high word are exact") {
        // 2^64 = 18446744073709551616: the low words 2^64 - 1 and 1 carry into the high word.
        const Decimal a = D("18446744073709551615");
        CHECK((a + Decimal(1)).to_string() == "18446744073709551616");
        CHECK((D("18446744073709551616") - Decimal(1)).to_string() == "18446744073709551615");
        // 10^19 * 10^19 = 10^38: 39 digits, but exactly 1E+38 (38 digits, the last zero dropped)
        const Decimal e19 = D("10000000000000000000");
        CHECK((e19 * e19) == D("1E38"));
        CHECK((e19 * e19).digits() == 38);
        // (2^64 - 1)^2 = 340282366920938463426481119284349108225, 39 digits ending in 5: inexact
        crm::test::check_error([&] { return a * a; }, ErrorCode::inexact, "multiply");
        // 99999999999999999999999999999999999999 + 2 is 10^38 + 1, 39 digits: inexact
        crm::test::check_error([&] { return D("99999999999999999999999999999999999999") + Decimal(2); },
                               ErrorCode::inexact, "add");
        CHECK((D("-5.00") + D("5.00")).to_string() == "0.00");
        CHECK(!(D("5.00") - D("5.00")).is_signed());
    }

    TEST_CASE("the exact operators agree with the named operations on generated numbers") {
        crm::test::Rng rng(20261201);
        for (int i = 0; i < 20000; ++i) {
            const bool wide = i % 2 == 0;
            const Decimal a = wide ? wide_decimal(rng, -20, 5) : crm::test::decimal(rng, 18, -4, 2);
            const Decimal b = wide ? wide_decimal(rng, -20, 5) : crm::test::decimal(rng, 18, -4, 2);
            CAPTURE(a);
            CAPTURE(b);
            const auto check = [&](auto exact_op, auto named_op) {
                bool op_threw = false;
                Decimal got;
                try {
                    got = exact_op();
                } catch (const crm::Error&) {
                    op_threw = true;
                }
                bool named_threw = false;
                Decimal want;
                try {
                    want = named_op();
                } catch (const crm::Error&) {
                    named_threw = true;
                }
                CHECK(op_threw == named_threw);
                if (!op_threw && !named_threw) {
                    CHECK(got == want);
                    CHECK(got.exponent() == want.exponent());
                    if (!want.is_zero()) CHECK(same_representation(got, want));
                }
            };
            check([&] { return a + b; }, [&] { return add(a, b, kExact); });
            check([&] { return a - b; }, [&] { return subtract(a, b, kExact); });
            check([&] { return a * b; }, [&] { return multiply(a, b, kExact); });
            check(
                [&] {
                    Decimal t = a;
                    t += b;
                    return t;
                },
                [&] { return add(a, b, kExact); });
            const int scale = static_cast<int>(rng.between(-2, 8));
            const auto mode = static_cast<RoundingMode>(rng.below(7));
            check([&] { return round_to_scale(a, scale, mode); },
                  [&] { return quantize(a, -scale, DecimalContext{.rounding = mode}); });
        }
    }

    TEST_CASE("a running total of cents stays exact over many additions") {
        // 100000 additions of 0.01 .. 1000.00: the sum equals the integer sum of the cents.
        crm::test::Rng rng(7);
        Decimal total = Decimal::scaled(0, -2);
        std::int64_t cents = 0;
        for (int i = 0; i < 100000; ++i) {
            const auto c = static_cast<std::int64_t>(rng.below(100000)) + 1;
            total += Decimal::scaled(c, -2);
            cents += c;
        }
        CHECK(same_representation(total, Decimal::scaled(cents, -2)));
    }
}  // TEST_SUITE
