// Printing a valid Money never throws and never allocates without bound.

#include <crm/core/error.hpp>
#include <crm/money/money.hpp>

#include <doctest/doctest.h>

#include <iostream>
#include <sstream>
#include <string>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::Money;
using crm::MoneyStyle;

TEST_SUITE("money.money") {
    TEST_CASE("a huge amount prints positionally with its minor unit and does not throw") {
        // The reproducer: padding 1E+36 to two places through quantize needed 39 digits.
        std::ostringstream out;
        out << Money{"1E+36", "CNY"};
        CHECK(out.str() == "CNY 1,000,000,000,000,000,000,000,000,000,000,000,000.00");
        CHECK_NOTHROW(std::cout << Money{"1E+36", "CNY"} << '\n');
        CHECK(format(Money{"1E+36", "CNY"}, MoneyStyle::plain) == "1000000000000000000000000000000000000.00");
        CHECK(format(Money{"-1.5E+3", "JPY"}) == "-JPY 1,500");
    }

    TEST_CASE("an amount with a far exponent prints in scientific notation - bounded") {
        // The reproducer: the positional form of 139E-935359191 has 935 million characters.
        CHECK(format(Money{"139E-935359191", "CNY"}) == "CNY 1.39E-935359189");
        CHECK(format(Money{"-139E-935359191", "CNY"}, MoneyStyle::symbol) == "-¥1.39E-935359189");
        CHECK(format(Money{"1E+999999999", "USD"}, MoneyStyle::plain) == "1E+999999999");
        CHECK(format(Money{"0E-999999999", "CNY"}) == "CNY 0.00");
        CHECK(format(Money{"0E+999999999", "CNY"}) == "CNY 0.00");
        // At the edge: 78 digits before the point and two after is 80, still positional.
        CHECK(format(Money{"1E+77", "CNY"}, MoneyStyle::plain).size() == 78 + 1 + 2);
        CHECK(format(Money{"1E+78", "CNY"}, MoneyStyle::plain) == "1E+78");
    }

    TEST_CASE("printing any valid amount is bounded and round-trips") {
        crm::test::Rng rng(12);
        for (int i = 0; i < 5000; ++i) {
            const Decimal d = i % 2 == 0 ? crm::test::decimal(rng, 18, -999'999'990, 999'999'900)
                                         : crm::test::decimal(rng, 18, -90, 70);
            CAPTURE(d);
            const Money m{d, crm::Currency("CNY")};
            const std::string plain = format(m, MoneyStyle::plain);
            CHECK(plain.size() <= 90);
            // nothing rounded away: the scientific form reads back; the positional form holds
            // the coefficient's digits followed only by zeros
            if (plain.find('E') != std::string::npos) {
                CHECK(Decimal(std::string_view(plain)) == d);
            } else {
                std::string digits;
                for (char ch : plain)
                    if (ch >= '0' && ch <= '9') digits += ch;
                const std::string want = reduce(abs(d)).coefficient_digits();
                const auto first = digits.find_first_not_of('0');
                const std::string significant = first == std::string::npos ? "0" : digits.substr(first);
                CHECK(significant.substr(0, want.size()) == want);
                CHECK(significant.find_first_not_of('0', want.size()) == std::string::npos);
            }
        }
    }
}  // TEST_SUITE
