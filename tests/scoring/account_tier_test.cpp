// The ready-made account tier scorecard (value and potential -> tier).

#include <crm/core/error.hpp>
#include <crm/scoring/account_tier.hpp>
#include <crm/scoring/evaluate.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::Percent;
using namespace crm::scoring;

namespace {
std::string text(const Score& s) { return s.points().to_string(); }
}  // namespace

TEST_SUITE("scoring.account_tier") {
    TEST_CASE("a strong account is tiered A with the arithmetic shown") {
        const CompiledScorecard tier{account_tier_scorecard()};
        const ScoreResult r = evaluate(tier, Facts{{"revenue", Decimal{8'000'000}},
                                                   {"growth", Decimal{"0.22"}},
                                                   {"gross_margin", Decimal{"0.26"}},
                                                   {"payment_days", Decimal{48}},
                                                   {"strategic_fit", "strategic"},
                                                   {"satisfaction", Decimal{88}}});
        // revenue       8,000,000 / 10,000,000          = 80.00 x 25% = 20.0000
        // growth        (0.22 + 0.10) / 0.40            = 80.00 x 15% = 12.0000
        // gross margin  (0.26 - 0.05) / 0.30            = 70.00 x 15% = 10.5000
        // payment days  100 - (48 - 30) x 100 / 90      = 80.00 x 20% = 16.0000
        // strategic fit strategic                       = 100   x 10% = 10.0000
        // satisfaction  (88 - 60) / 35                  = 80.00 x 15% = 12.0000
        // total 80.5000 -> A (80..100)
        CHECK(text(r.total) == "80.5000");
        CHECK(r.grade == "A");
        CHECK(text(r.find("gross_margin")->contribution) == "10.5000");
    }

    TEST_CASE("a new account without history is tiered on what is known") {
        const ScoreResult r = evaluate(account_tier_scorecard(), Facts{{"revenue", Decimal{3'000'000}},
                                                                       {"gross_margin", Decimal{"0.20"}},
                                                                       {"strategic_fit", "key"}});
        // growth, payment days and satisfaction are excluded: present weights 25 + 15 + 10 = 50%
        // revenue 30.00 x 25% = 7.5, margin 50.00 x 15% = 7.5, fit 70 x 10% = 7; 22 / 0.5 = 44.0000 -> C
        CHECK(text(r.total) == "44.0000");
        CHECK(r.grade == "C");
        CHECK(text(r.find("revenue")->contribution) == "15.0000");
        CHECK(text(r.find("strategic_fit")->contribution) == "14.0000");
        CHECK(r.find("growth")->status == CriterionStatus::missing_excluded);
    }

    TEST_CASE("the policy is data the user can change and a broken change is refused") {
        AccountTierPolicy policy;
        policy.revenue.weight = Percent{"30"};
        policy.growth.weight = Percent{"10"};
        policy.tiers = {{"strategic", Score{85}, Score{100}},
                        {"key", Score{60}, Score{85}},
                        {"normal", Score{0}, Score{60}}};
        const Scorecard card = account_tier_scorecard(policy);
        CHECK(find_criterion(card, "revenue")->weight == Percent{"30"});
        CHECK(card.bands.size() == 3);
        policy.growth.weight = Percent{"5"};  // 95% in all
        try {
            (void)account_tier_scorecard(policy);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::inconsistent);
            CHECK(e.field() == "scorecard.criteria[*].weight");
        }
        policy.growth.weight = Percent{"10"};
        policy.tiers[1].from = Score{65};  // a gap 60..65
        CHECK_THROWS_AS((void)account_tier_scorecard(policy), crm::Error);
    }

    TEST_CASE("more revenue never lowers an account's total or tier") {
        const CompiledScorecard tier{account_tier_scorecard()};
        const auto rank_of = [](const std::string& t) {
            return t == "A" ? 4 : t == "B" ? 3 : t == "C" ? 2 : 1;
        };
        crm::test::Rng rng(5);
        static const char* fits[] = {"strategic", "key", "normal", "low"};
        for (int i = 0; i < 1000; ++i) {
            Facts f{{"growth", Decimal::scaled(rng.between(-30, 60), -2)},
                    {"gross_margin", Decimal::scaled(rng.between(0, 50), -2)},
                    {"payment_days", Decimal{rng.between(0, 200)}},
                    {"strategic_fit", std::string{fits[rng.below(4)]}}};
            const Decimal low = Decimal::scaled(rng.between(0, 1'200'000'000), -2);
            const Decimal high = low + Decimal::scaled(rng.between(0, 300'000'000), -2);
            Facts a = f;
            a.push_back({"revenue", low});
            Facts b = f;
            b.push_back({"revenue", high});
            const ScoreResult ra = evaluate(tier, a);
            const ScoreResult rb = evaluate(tier, b);
            CAPTURE(i);
            CHECK(rb.total >= ra.total);
            CHECK(rank_of(rb.grade) >= rank_of(ra.grade));
        }
    }

}  // TEST_SUITE
