// The ready-made customer satisfaction index from survey answers.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/satisfaction.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::Percent;
using namespace crm::scoring;

namespace {
std::string text(const Score& s) { return s.points().to_string(); }
Facts answers(int quality, int delivery, int service, int price, int manager, int recommend) {
    return Facts{{"product_quality", Decimal{quality}},  {"delivery", Decimal{delivery}},
                 {"service_response", Decimal{service}}, {"price_value", Decimal{price}},
                 {"account_manager", Decimal{manager}},  {"recommend", Decimal{recommend}}};
}
}  // namespace

TEST_SUITE("scoring.satisfaction") {
    TEST_CASE("survey answers on 1 to 5 and 1 to 10 scales give a weighted index") {
        const ScoreResult r = evaluate(satisfaction_scorecard(), answers(4, 5, 3, 4, 5, 8));
        // quality 4 of 5: (4-1)/4 = 75.00 x 25% = 18.7500
        // delivery 5: 100 x 20% = 20; service 3: 50 x 20% = 10; price 4: 75 x 15% = 11.25
        // manager 5: 100 x 10% = 10; recommend 8 of 10: 700/9 = 77.777.. -> 77.78 x 10% = 7.778
        // index 18.75 + 20 + 10 + 11.25 + 10 + 7.778 = 77.7780 -> satisfied (70..85)
        CHECK(text(r.find("recommend")->score) == "77.78");
        CHECK(text(r.total) == "77.7780");
        CHECK(r.grade == "satisfied");
        CHECK(text(evaluate(satisfaction_scorecard(), answers(5, 5, 5, 5, 5, 10)).total) == "100.0000");
        CHECK(text(evaluate(satisfaction_scorecard(), answers(1, 1, 1, 1, 1, 1)).total) == "0.0000");
    }

    TEST_CASE("an unanswered question is left out and the others re-weighted") {
        Facts f = answers(4, 5, 3, 4, 5, 8);
        f.pop_back();  // no answer to "recommend"
        const ScoreResult r = evaluate(satisfaction_scorecard(), f);
        // 18.75 + 20 + 10 + 11.25 + 10 = 70 over 90% = 77.777.. -> 77.7778
        CHECK(text(r.total) == "77.7778");
        CHECK(r.find("recommend")->status == CriterionStatus::missing_excluded);
    }

    TEST_CASE("an answer outside its scale or a scale below two points is refused") {
        const CompiledScorecard card{satisfaction_scorecard()};
        for (int bad : {0, 6, -3}) {
            CAPTURE(bad);
            try {
                (void)evaluate(card, answers(4, bad, 3, 4, 5, 8));
                FAIL("no error");
            } catch (const crm::Error& e) {
                CHECK(e.code() == crm::ErrorCode::invalid_argument);
                CHECK(e.field() == "facts.delivery");
            }
        }
        CHECK_THROWS_AS((void)evaluate(card, answers(4, 5, 3, 4, 5, 11)), crm::Error);
        SatisfactionPolicy policy;
        policy.questions[2].scale_max = 1;
        try {
            (void)satisfaction_scorecard(policy);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.field() == "policy.questions[2].scale_max");
        }
        policy = SatisfactionPolicy{};
        policy.questions[0].weight = Percent{"30"};  // 105% in all
        CHECK_THROWS_AS((void)satisfaction_scorecard(policy), crm::Error);
    }

    TEST_CASE("a better answer never lowers the index and the index stays within 0 to 100") {
        const CompiledScorecard card{satisfaction_scorecard()};
        crm::test::Rng rng(3);
        const std::vector<int> scale{5, 5, 5, 5, 5, 10};
        for (int i = 0; i < 1000; ++i) {
            std::vector<int> a;
            for (int s : scale) a.push_back(static_cast<int>(rng.between(1, s)));
            std::vector<int> b = a;
            const auto q = static_cast<std::size_t>(rng.below(6));
            b[q] = static_cast<int>(rng.between(a[q], scale[q]));
            const ScoreResult ra = evaluate(card, answers(a[0], a[1], a[2], a[3], a[4], a[5]));
            const ScoreResult rb = evaluate(card, answers(b[0], b[1], b[2], b[3], b[4], b[5]));
            CAPTURE(i);
            CHECK(rb.total >= ra.total);
            CHECK(ra.total >= Score{0});
            CHECK(ra.total <= Score{100});
        }
    }

}  // TEST_SUITE
