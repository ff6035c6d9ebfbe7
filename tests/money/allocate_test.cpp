// crm::allocate: splitting an amount by weights into parts that sum exactly.

#include <crm/core/error.hpp>
#include <crm/money/money.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Currency;
using crm::Decimal;
using crm::Money;

namespace {
Money cny(const char* amount) { return Money{amount, "CNY"}; }
std::vector<Decimal> weights(std::initializer_list<const char*> ws) {
    std::vector<Decimal> out;
    for (const char* w : ws) out.emplace_back(std::string_view(w));
    return out;
}
std::vector<std::string> texts(const std::vector<Money>& parts) {
    std::vector<std::string> out;
    for (const Money& m : parts) out.push_back(m.amount().to_string());
    return out;
}
}  // namespace

TEST_SUITE("money.allocate") {
    TEST_CASE("a total splits by weights - the leftover cent to the largest remainder") {
        // 1000.00 by 5:3:2 -> 500.00, 300.00, 200.00 exactly
        CHECK(texts(allocate(cny("1000.00"), weights({"5", "3", "2"}))) ==
              std::vector<std::string>{"500.00", "300.00", "200.00"});
        // 1.00 by 1:2 -> 100 cents: 33.33.. and 66.66..; floors 33 + 66 = 99; remainders 1/3 and 2/3:
        // the leftover cent goes to the second part -> 0.33, 0.67
        CHECK(texts(allocate(cny("1.00"), weights({"1", "2"}))) == std::vector<std::string>{"0.33", "0.67"});
        // 10.00 by 0.3:0.7 -> 3.00, 7.00
        CHECK(texts(allocate(cny("10"), weights({"0.3", "0.7"}))) ==
              std::vector<std::string>{"3.00", "7.00"});
        // JPY has no minor unit: 100 by 1:1:1 -> 34, 33, 33
        CHECK(texts(allocate(Money{"100", "JPY"}, weights({"1", "1", "1"}))) ==
              std::vector<std::string>{"34", "33", "33"});
    }

    TEST_CASE("equal remainders go to the earlier part") {
        // 100.00 by 1:1:1: 10000 cents / 3 = 3333 rem 1 each; the one leftover cent goes to part 0
        CHECK(texts(allocate(cny("100.00"), weights({"1", "1", "1"}))) ==
              std::vector<std::string>{"33.34", "33.33", "33.33"});
        // 0.05 over six equal parts: five leftover cents to the first five
        CHECK(texts(allocate(cny("0.05"), weights({"1", "1", "1", "1", "1", "1"}))) ==
              std::vector<std::string>{"0.01", "0.01", "0.01", "0.01", "0.01", "0.00"});
    }

    TEST_CASE("a negative total splits as its magnitude and a zero weight gets zero") {
        CHECK(texts(allocate(cny("-100.00"), weights({"1", "1", "1"}))) ==
              std::vector<std::string>{"-33.34", "-33.33", "-33.33"});
        CHECK(texts(allocate(cny("10.00"), weights({"0", "1"}))) ==
              std::vector<std::string>{"0.00", "10.00"});
    }

    TEST_CASE("bad weights or a total below the minor unit are errors naming the field") {
        CHECK_THROWS_AS((void)allocate(cny("1.00"), {}), crm::Error);
        CHECK_THROWS_AS((void)allocate(cny("1.00"), weights({"0", "0"})), crm::Error);
        CHECK_THROWS_AS((void)allocate(cny("1.005"), weights({"1"})), crm::Error);
        try {
            (void)allocate(cny("1.00"), weights({"1", "-1"}));
            FAIL("a negative weight was accepted");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::invalid_argument);
            CHECK(e.field() == "weights[1]");
        }
    }

    TEST_CASE("arithmetic that fails on a weight names that weight not the operation") {
        // reproducer: 1E+30 + 1E-30 needs 61 digits; the error said field `add`
        crm::test::check_error(
            [] {
                return allocate(cny("1.00"), weights({"1E+30", "1E-30"}));
            },
            crm::ErrorCode::inexact, "weights[1]");
    }

    TEST_CASE("property: parts sum exactly - stay within a unit of their share and follow the weights") {
        crm::test::Rng rng(2024);
        const Currency c("CNY");
        const Decimal cent = Decimal::scaled(1, -2);
        for (int i = 0; i < 3000; ++i) {
            const Money total{Decimal::scaled(rng.between(-10'000'000, 10'000'000), -2), c};
            std::vector<Decimal> ws;
            const auto n = static_cast<std::size_t>(rng.between(1, 12));
            for (std::size_t k = 0; k < n; ++k)
                ws.push_back(Decimal::scaled(rng.between(0, 1000), -static_cast<int>(rng.below(3))));
            if (rng.below(4) == 0) ws[0] = ws[n - 1];  // equal weights come up often
            Decimal weight_sum;
            for (const Decimal& w : ws) weight_sum += w;
            if (weight_sum.is_zero()) continue;
            CAPTURE(total);
            const std::vector<Money> parts = allocate(total, ws);
            REQUIRE(parts.size() == n);
            CHECK(sum(parts, c) == total);
            for (std::size_t k = 0; k < n; ++k) {
                // |part - total * w / W| < one cent, i.e. |part * W - total * w| < cent * W
                const Decimal gap = abs(parts[k].amount() * weight_sum - total.amount() * ws[k]);
                CHECK(gap < cent * weight_sum);
                CHECK(parts[k].amount().scale() == 2);
                for (std::size_t j = 0; j < n; ++j)
                    if (ws[k] > ws[j]) CHECK(abs(parts[k].amount()) >= abs(parts[j].amount()));
            }
        }
    }

}  // TEST_SUITE
