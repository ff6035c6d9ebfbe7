// The ready-made credit rating and the credit limit it recommends.

#include <crm/core/error.hpp>
#include <crm/scoring/credit_rating.hpp>
#include <crm/scoring/evaluate.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using namespace crm::scoring;

namespace {
std::string text(const Score& s) { return s.points().to_string(); }
Money cny(const char* amount) { return Money{amount, "CNY"}; }
ScoreResult rated(const char* grade) { return ScoreResult{.total = Score{50}, .grade = grade}; }

using crm::test::check_error;
}  // namespace

TEST_SUITE("scoring.credit_rating") {
    TEST_CASE("a rating from payment figures gives a limit of so many months of revenue") {
        const ScoreResult rating =
            evaluate(credit_rating_scorecard(), Facts{{"days_past_due", Decimal{6}},
                                                      {"turnover_days", Decimal{48}},
                                                      {"relationship_years", Decimal{4}},
                                                      {"annual_revenue", Decimal{9'000'000}},
                                                      {"debt_ratio", Decimal{"0.50"}}});
        // days past due 100 - 6 x 100 / 60 = 90.00 x 30% = 27.0000
        // turnover      100 - 18 x 100 / 90 = 80.00 x 20% = 16.0000
        // relationship  4 years: the step from 3 = 80 x 15% = 12.0000
        // revenue       9,000,000 / 20,000,000 = 45.00 x 15% = 6.7500
        // debt ratio    100 - 0.10 / 0.40 x 100 = 75.00 x 20% = 15.0000
        // total 76.7500 -> A (70..80)
        CHECK(text(rating.total) == "76.7500");
        CHECK(rating.grade == "A");
        // A: 2 months x CNY 750,000.00 = 1,500,000.00, a multiple of 10,000, inside [0, 5,000,000]
        const CreditLimitRecommendation r = recommend_credit_limit(rating, cny("750000.00"));
        CHECK(r.multiple == Decimal{2});
        CHECK(r.recommended == cny("1500000.00"));
        CHECK(r.bound == LimitBound::none);
        CHECK(r.rating == "A");
        CHECK(r.rating_total == rating.total);
    }

    TEST_CASE("the limit is rounded down to the granularity and kept inside the bounds") {
        // AA 2.5 x 812,345.67 = 2,030,864.175 -> 203 granules of 10,000 = 2,030,000.00
        const CreditLimitRecommendation aa = recommend_credit_limit(rated("AA"), cny("812345.67"));
        CHECK(aa.computed == cny("2030000"));
        CHECK(aa.recommended == cny("2030000.00"));
        CHECK(format(aa.recommended) == "CNY 2,030,000.00");
        // AAA 3 x 2,000,000 = 6,000,000 -> capped at 5,000,000
        const CreditLimitRecommendation aaa = recommend_credit_limit(rated("AAA"), cny("2000000"));
        CHECK(aaa.computed == cny("6000000"));
        CHECK(aaa.recommended == cny("5000000"));
        CHECK(aaa.bound == LimitBound::capped_at_maximum);
        // C: no credit, unless the policy keeps a minimum
        CHECK(recommend_credit_limit(rated("C"), cny("900000")).recommended == cny("0"));
        CreditLimitPolicy policy;
        policy.minimum = cny("100000");
        const CreditLimitRecommendation c = recommend_credit_limit(rated("C"), cny("900000"), policy);
        CHECK(c.recommended == cny("100000"));
        CHECK(c.bound == LimitBound::raised_to_minimum);
    }

    TEST_CASE("a malformed credit limit policy or input is refused naming the field") {
        check_error([] { (void)recommend_credit_limit(rated("A"), cny("-1")); }, ErrorCode::invalid_argument,
                    "average_monthly_revenue");
        check_error([] { (void)recommend_credit_limit(rated("BBB"), cny("1")); }, ErrorCode::not_found,
                    "policy.multiples");
        CreditLimitPolicy p;
        p.multiples.push_back({"A", Decimal{1}});
        check_error([&] { (void)recommend_credit_limit(rated("A"), cny("1"), p); }, ErrorCode::duplicate,
                    "policy.multiples[5].rating");
        p = CreditLimitPolicy{};
        p.multiples[1].months = Decimal{-1};
        check_error([&] { (void)recommend_credit_limit(rated("A"), cny("1"), p); },
                    ErrorCode::invalid_argument, "policy.multiples[1].months");
        p = CreditLimitPolicy{};
        p.granularity = Decimal{0};
        check_error([&] { (void)recommend_credit_limit(rated("A"), cny("1"), p); },
                    ErrorCode::invalid_argument, "policy.granularity");
        p = CreditLimitPolicy{};
        p.minimum = cny("6000000");
        check_error([&] { (void)recommend_credit_limit(rated("A"), cny("1"), p); }, ErrorCode::inconsistent,
                    "policy.minimum");
        p.minimum = cny("-5");
        check_error([&] { (void)recommend_credit_limit(rated("A"), cny("1"), p); },
                    ErrorCode::invalid_argument, "policy.minimum");
        CHECK_THROWS_AS((void)recommend_credit_limit(rated("A"), Money{"1000", "USD"}),
                        crm::Error);  // currency mismatch
    }

    TEST_CASE("the recommended limit stays inside the bounds and grows with revenue and rating") {
        crm::test::Rng rng(17);
        const char* ratings[] = {"C", "B", "A", "AA", "AAA"};  // worst to best
        const CreditLimitPolicy policy{.minimum = cny("50000"), .maximum = cny("3000000")};
        for (int i = 0; i < 2000; ++i) {
            const auto r = static_cast<std::size_t>(rng.below(5));
            const Money low{Decimal::scaled(rng.between(0, 300'000'000), -2), crm::Currency{"CNY"}};
            const Money high =
                low + Money{Decimal::scaled(rng.between(0, 50'000'000), -2), crm::Currency{"CNY"}};
            const Money a = recommend_credit_limit(rated(ratings[r]), low, policy).recommended;
            const Money b = recommend_credit_limit(rated(ratings[r]), high, policy).recommended;
            const Money better =
                recommend_credit_limit(rated(ratings[std::min<std::size_t>(r + 1, 4)]), low, policy)
                    .recommended;
            CAPTURE(i);
            CHECK(a >= policy.minimum);
            CHECK(a <= policy.maximum);
            CHECK(b >= a);
            CHECK(better >= a);
        }
    }

}  // TEST_SUITE
