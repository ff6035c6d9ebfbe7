// crm::Money: exact amounts in one currency, explicit rounding, formatting.

#include <crm/core/error.hpp>
#include <crm/money/money.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include "../support/generators.hpp"

using crm::Currency;
using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using crm::MoneyStyle;
using crm::Percent;
using crm::Rate;
using crm::RoundingMode;

namespace {
Money cny(const char* amount) { return Money{amount, "CNY"}; }
Decimal D(const char* s) { return Decimal(std::string_view(s)); }
}  // namespace

// Mixing a dimensionless quantity with money is a unit error that does not compile.
template <class A, class B>
concept addable = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept subtractable = requires(A a, B b) {
    a - b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
    a* b;
};
static_assert(!addable<Money, Percent>);
static_assert(!addable<Money, Rate>);
static_assert(!addable<Money, Decimal>);
static_assert(!subtractable<Money, Rate>);
static_assert(!subtractable<Money, Percent>);
static_assert(!multipliable<Money, Money>);
static_assert(addable<Money, Money>);
static_assert(multipliable<Money, Percent>);
static_assert(multipliable<Rate, Money>);

TEST_SUITE("money.money") {
    TEST_CASE("a discount is computed exactly and rounded once - by name") {
        // list CNY 1,234.50 less 12.5%: 1234.50 x 0.875 = 1080.1875 exactly; half_up to cents 1080.19
        const Money list = cny("1234.50");
        const Money net = list * (Rate{"1"} - Percent{"12.5"}.rate());
        CHECK(net.amount().to_string() == "1080.18750");  // 123450 x 875 = 108018750, exponent -2 - 3
        CHECK(round(net, RoundingMode::half_up) == cny("1080.19"));
        CHECK(round(net, RoundingMode::down) == cny("1080.18"));
    }

    TEST_CASE("a tax-inclusive price splits into net and VAT that add back exactly") {
        // 含税 CNY 113.00 at 13%: net = 113.00 / 1.13 = 100.00, VAT = 113.00 - 100.00 = 13.00
        const Money gross = cny("113.00");
        const Money net = divide(gross, D("1.13"), RoundingMode::half_up);
        CHECK(net == cny("100.00"));
        CHECK(gross - net == cny("13.00"));
        // CNY 100.00 at 13% VAT on top: 100.00 x 1.13 = 113.0000 -> 113.00
        CHECK(round(cny("100.00") * D("1.13"), RoundingMode::half_up).amount().to_string() == "113.00");
    }

    TEST_CASE("rounding goes to the currency's minor unit") {
        CHECK(round(cny("2.345"), RoundingMode::half_up).amount().to_string() == "2.35");
        CHECK(round(cny("2.345"), RoundingMode::half_even).amount().to_string() == "2.34");
        CHECK(round(Money{"12.5", "JPY"}, RoundingMode::half_even).amount().to_string() == "12");
        CHECK(round(Money{"1.2345", "KWD"}, RoundingMode::half_up).amount().to_string() == "1.235");
        CHECK(round(cny("2.34567"), 4, RoundingMode::half_up).amount().to_string() == "2.3457");
        CHECK(round(cny("7"), RoundingMode::half_up).amount().to_string() == "7.00");
    }

    TEST_CASE("amounts of two currencies never mix") {
        const Money a = cny("1.00");
        const Money b{"1.00", "USD"};
        CHECK_FALSE(a == b);
        CHECK_THROWS_AS((void)(a + b), crm::Error);
        CHECK_THROWS_AS((void)(a - b), crm::Error);
        CHECK_THROWS_AS((void)(a < b), crm::Error);
        CHECK_THROWS_AS((void)ratio(a, b, 2, RoundingMode::half_up), crm::Error);
        try {
            (void)(a + b);
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::currency_mismatch);
        }
        const std::vector<Money> mixed{a, b};
        CHECK_THROWS_AS((void)sum(mixed, Currency("CNY")), crm::Error);
    }

    TEST_CASE("money formats with grouping - a code or a symbol - and never rounds for display") {
        CHECK(format(cny("1234.5")) == "CNY 1,234.50");
        CHECK(format(cny("1234.5"), MoneyStyle::symbol) == "¥1,234.50");
        CHECK(format(cny("-1234567.891")) == "-CNY 1,234,567.891");
        CHECK(format(cny("-0.00")) == "CNY 0.00");
        CHECK(format(cny("0")) == "CNY 0.00");
        CHECK(format(cny("999")) == "CNY 999.00");
        CHECK(format(cny("1000")) == "CNY 1,000.00");
        CHECK(format(Money{"1234", "JPY"}) == "JPY 1,234");
        CHECK(format(Money{"1.5", "KWD"}) == "KWD 1.500");
        CHECK(format(Money{"10", "USD"}, MoneyStyle::symbol) == "$10.00");
        CHECK(format(cny("1234.5"), MoneyStyle::plain) == "1234.50");
        std::ostringstream os;
        os << cny("5");
        CHECK(os.str() == "CNY 5.00");
    }

    TEST_CASE("conversion - ratio and sum need explicit inputs") {
        // USD 100.00 at 7.1234 CNY per USD = 712.3400 -> CNY 712.34
        CHECK(convert(Money{"100.00", "USD"}, Currency("CNY"), D("7.1234"), RoundingMode::half_up) ==
              cny("712.34"));
        // utilisation 950,000 / 1,000,000 = 0.95
        CHECK(ratio(cny("950000"), cny("1000000"), 4, RoundingMode::half_up).value().to_string() == "0.9500");
        const std::vector<Money> parts{cny("1.10"), cny("2.205"), cny("-0.305")};
        CHECK(sum(parts, Currency("CNY")).amount().to_string() == "3.000");
        CHECK(sum({}, Currency("USD")) == Money{"0", "USD"});
        CHECK_THROWS_AS((void)convert(cny("1"), Currency("USD"), D("0"), RoundingMode::half_up), crm::Error);
        CHECK_THROWS_AS((void)divide(cny("1"), D("0"), RoundingMode::half_up), crm::Error);
        CHECK_THROWS_AS((void)Money("1.00", "XYZ"), crm::Error);
        CHECK_THROWS_AS((void)Money("one", "CNY"), crm::Error);
    }

    TEST_CASE("property: money addition is exact and rounding is idempotent") {
        crm::test::Rng rng(42);
        const Currency c("CNY");
        for (int i = 0; i < 3000; ++i) {
            const Money a{crm::test::decimal(rng, 12, -4, 2), c};
            const Money b{crm::test::decimal(rng, 12, -4, 2), c};
            CAPTURE(a);
            CAPTURE(b);
            CHECK(a + b - b == a);
            const Money r = round(a, RoundingMode::half_even);
            CHECK(round(r, RoundingMode::half_even).amount().to_string() == r.amount().to_string());
            CHECK(r.amount().scale() == 2);
        }
    }

}  // TEST_SUITE

TEST_SUITE("money.rate") {
    TEST_CASE("a percent and a rate are the same quantity in two units") {
        CHECK(Percent{"13"}.rate() == Rate{"0.13"});
        CHECK(Rate{"0.9"}.percent() == Percent{"90"});
        CHECK(to_string(Percent{"90"}) == "90%");
        CHECK(to_string(Percent{"99.995"}) == "99.995%");  // never shown as 100%
        CHECK(Percent{"99.995"} < Percent{"100"});
        CHECK(to_string(Percent{"12.5"}.rate()) == "0.125");
        CHECK(Percent{"10"} + Percent{"5"} == Percent{"15"});
        // compounding: (1 - 10%) x (1 - 5%) = 0.9 x 0.95 = 0.855
        CHECK((Rate{"0.9"} * Rate{"0.95"}) == Rate{"0.855"});
        // CNY 200.00 x 15% = 30.0000
        CHECK(Money{"200.00", "CNY"} * Percent{"15"} == Money{"30", "CNY"});
        CHECK_THROWS_AS((void)Percent{"ten"}, crm::Error);
    }

}  // TEST_SUITE
