// evaluate: totals, grades and breakdowns (worked examples with the arithmetic), missing data,
// the named and dense forms, and bad facts named by field.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../support/errors.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using crm::RoundingMode;
using namespace crm::scoring;

namespace {

using crm::test::check_error;

// revenue 50% (0 -> 0, 10,000,000 -> 100), payment days 30% (30 -> 100, 120 -> 0), fit 20%.
Scorecard demo(MissingData days_missing = MissingData::exclude,
               MissingData fit_missing = MissingData::score_zero) {
    return Scorecard{
        .name = "demo",
        .criteria = {{.id = "revenue",
                      .weight = Percent{"50"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{10'000'000}}},
                     {.id = "days",
                      .weight = Percent{"30"},
                      .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}},
                      .missing = days_missing},
                     {.id = "fit",
                      .weight = Percent{"20"},
                      .function = Lookup{.categories = {{"strategic", Score{100}},
                                                        {"key", Score{70}},
                                                        {"normal", Score{40}}}},
                      .missing = fit_missing}},
        .bands = {{"A", Score{80}, Score{100}},
                  {"B", Score{60}, Score{80}},
                  {"C", Score{40}, Score{60}},
                  {"D", Score{0}, Score{40}}},
    };
}

std::string text(const Score& s) { return s.points().to_string(); }

Score sum_of_contributions(const ScoreResult& r) {
    Score sum;
    for (const CriterionScore& c : r.criteria) sum += c.contribution;
    return sum;
}

}  // namespace

TEST_SUITE("scoring.evaluate") {
    TEST_CASE("a worked example shows each raw value and score and weight and contribution") {
        const ScoreResult r =
            evaluate(demo(), Facts{{"revenue", Decimal{"7500000"}}, {"days", Decimal{48}}, {"fit", "key"}});
        // revenue 7,500,000 / 10,000,000 x 100 = 75.00, x 50% = 37.5000
        // days    100 - (48 - 30) x 100 / 90 = 80.00,   x 30% = 24.0000
        // fit     key = 70,                             x 20% = 14.0000
        // total   37.5 + 24 + 14 = 75.5000 -> B (60..80)
        REQUIRE(r.criteria.size() == 3);
        CHECK(text(r.criteria[0].score) == "75.00");
        CHECK(text(r.criteria[0].contribution) == "37.5000");
        CHECK(r.criteria[0].raw == std::optional<FactValue>{Decimal{"7500000"}});
        CHECK(r.criteria[0].weight == Percent{"50"});
        CHECK(text(r.criteria[1].score) == "80.00");
        CHECK(text(r.criteria[1].contribution) == "24.0000");
        CHECK(text(r.criteria[2].score) == "70.00");
        CHECK(r.criteria[2].raw == std::optional<FactValue>{std::string{"key"}});
        CHECK(text(r.total) == "75.5000");
        CHECK(r.grade == "B");
        CHECK(sum_of_contributions(r) == r.total);
        CHECK(r.find("days") == &r.criteria[1]);
        CHECK(r.find("zz") == nullptr);
        std::ostringstream os;
        os << r;
        CHECK(os.str() ==
              "75.5000 B [revenue 75.00 x 50% = 37.5000, days 80.00 x 30% = 24.0000, fit 70.00 x 20% = "
              "14.0000]");
    }

    TEST_CASE("facts may come in any order and the compiled form gives the same answer") {
        const Facts facts{
            {"fit", "strategic"}, {"days", Decimal{"100.5"}}, {"revenue", Decimal{"1234567.89"}}};
        const CompiledScorecard card{demo()};
        const ScoreResult named = evaluate(card, facts);
        // revenue 12.3456789 -> 12.35; days 100 - 70.5 x 100 / 90 = 21.666.. -> 21.67; fit 100
        // total 12.35 x 0.5 + 21.67 x 0.3 + 100 x 0.2 = 6.1750 + 6.5010 + 20 = 32.6760 -> D
        CHECK(text(named.total) == "32.6760");
        CHECK(named.grade == "D");
        const std::vector<Decimal> row{Decimal{"1234567.89"}, Decimal{"100.5"},
                                       card.category_code(2, "strategic")};
        const Summary dense = evaluate(card, row);
        CHECK(dense.total == named.total);
        CHECK(card.scorecard().bands[dense.grade].label == "D");
        CHECK(evaluate(demo(), facts) == named);
        CHECK(card.index_of("days") == std::optional<std::size_t>{1});
        CHECK_FALSE(card.index_of("nope").has_value());
        CHECK(card.total_places() == 4);  // 2 score places + 0 weight places + 2
    }

    TEST_CASE("grades follow the bands at their exact edges") {
        const CompiledScorecard card{demo()};
        // revenue alone decides when days and fit are 0: total = revenue score x 0.5
        const auto grade_at = [&](const char* revenue) {
            return evaluate(card,
                            Facts{{"revenue", Decimal{revenue}}, {"days", Decimal{500}}, {"fit", "normal"}});
        };
        // fit normal contributes 40 x 0.2 = 8; revenue 10,000,000 -> 100 x 0.5 = 50; total 58 -> C
        CHECK(grade_at("10000000").grade == "C");
        // days best: 100 x 0.3 = 30, fit strategic 20, revenue 60% -> 30: total 80.0000 -> A (80 is in A)
        const ScoreResult eighty = evaluate(
            card, Facts{{"revenue", Decimal{6'000'000}}, {"days", Decimal{1}}, {"fit", "strategic"}});
        CHECK(text(eighty.total) == "80.0000");
        CHECK(eighty.grade == "A");
        // revenue 5,999,999 -> 59.99999 -> 60.00 half up: still 80; 5,999,900 -> 59.999 -> 60.00; 5,999,000
        // -> 59.99
        const ScoreResult below = evaluate(
            card, Facts{{"revenue", Decimal{5'999'000}}, {"days", Decimal{1}}, {"fit", "strategic"}});
        CHECK(text(below.total) == "79.9950");  // 59.99 x 0.5 + 30 + 20
        CHECK(below.grade == "B");
        const ScoreResult top = evaluate(
            card, Facts{{"revenue", Decimal{20'000'000}}, {"days", Decimal{1}}, {"fit", "strategic"}});
        CHECK(text(top.total) == "100.0000");
        CHECK(top.grade == "A");  // 100 belongs to the band ending at 100
        const ScoreResult zero =
            evaluate(card, Facts{{"revenue", Decimal{0}}, {"days", Decimal{999}}, {"fit", "normal"}});
        CHECK(text(zero.total) == "8.0000");
        CHECK(zero.grade == "D");
    }

    TEST_CASE(
        "a missing fact scores zero or is excluded and re-weighted or is an error as its criterion says") {
        const CompiledScorecard card{demo()};
        // fit missing, score_zero: 37.5 + 24 + 0 = 61.5000 -> B
        const ScoreResult zero =
            evaluate(card, Facts{{"revenue", Decimal{7'500'000}}, {"days", Decimal{48}}});
        CHECK(text(zero.total) == "61.5000");
        CHECK(zero.criteria[2].status == CriterionStatus::missing_scored_zero);
        CHECK_FALSE(zero.criteria[2].raw.has_value());
        // days missing, excluded: (37.5 + 14) / 0.7 = 73.571428.. -> 73.5714 (half up) -> B;
        // contributions 37.5 / 0.7 = 53.5714|28.., 14 / 0.7 = 20.0000: they sum to 73.5714
        const ScoreResult excluded = evaluate(card, Facts{{"revenue", Decimal{7'500'000}}, {"fit", "key"}});
        CHECK(text(excluded.total) == "73.5714");
        CHECK(excluded.grade == "B");
        CHECK(excluded.criteria[1].status == CriterionStatus::missing_excluded);
        CHECK(text(excluded.criteria[0].contribution) == "53.5714");
        CHECK(text(excluded.criteria[1].contribution) == "0.0000");
        CHECK(text(excluded.criteria[2].contribution) == "20.0000");
        CHECK(sum_of_contributions(excluded) == excluded.total);
        // revenue has MissingData::error
        check_error(
            [&] {
                (void)evaluate(card, Facts{{"days", Decimal{48}}});
            },
            ErrorCode::not_found, "facts.revenue");
        // the dense form with optional values gives the same totals
        const std::vector<std::optional<Decimal>> row{Decimal{7'500'000}, std::nullopt,
                                                      card.category_code(2, "key")};
        CHECK(evaluate(card, row).total == excluded.total);
    }

    TEST_CASE("re-weighted contributions give leftover units to the largest remainders") {
        const Scorecard card{
            .name = "thirds",
            .criteria =
                {{.id = "a", .weight = Percent{"40"}, .function = Linear{.lo = Decimal{0}, .hi = Decimal{1}}},
                 {.id = "b", .weight = Percent{"30"}, .function = Linear{.lo = Decimal{0}, .hi = Decimal{1}}},
                 {.id = "c",
                  .weight = Percent{"30"},
                  .function = Linear{.lo = Decimal{0}, .hi = Decimal{1}},
                  .missing = MissingData::exclude}},
            .bands = {{"all", Score{0}, Score{100}}},
        };
        const ScoreResult r = evaluate(card, Facts{{"a", Decimal{1}}, {"b", Decimal{"0.5"}}});
        // a 100 x 40% = 40, b 50 x 30% = 15; present weight 70%: total 55 / 0.7 = 78.571428.. -> 78.5714
        // shares 40 / 0.7 = 57.1428|57.., 15 / 0.7 = 21.4285|71..: floors sum to 78.5713, the unit left
        // over goes to b (remainder .71 > .57): 57.1428 + 21.4286 = 78.5714
        CHECK(text(r.total) == "78.5714");
        CHECK(text(r.criteria[0].contribution) == "57.1428");
        CHECK(text(r.criteria[1].contribution) == "21.4286");
        CHECK(sum_of_contributions(r) == r.total);
    }

    TEST_CASE("when every criterion is excluded there is nothing to score") {
        const Scorecard card{
            .name = "optional",
            .criteria = {{.id = "a",
                          .weight = Percent{"100"},
                          .function = Linear{.lo = Decimal{0}, .hi = Decimal{1}},
                          .missing = MissingData::exclude}},
            .bands = {{"all", Score{0}, Score{100}}},
        };
        check_error([&] { (void)evaluate(card, Facts{}); }, ErrorCode::invalid_argument, "facts");
    }

    TEST_CASE("a fact naming no criterion or given twice or of the wrong kind is an error naming it") {
        const CompiledScorecard card{demo()};
        check_error(
            [&] {
                (void)evaluate(card, Facts{{"revenue", Decimal{1}}, {"colour", "red"}});
            },
            ErrorCode::not_found, "facts.colour");
        check_error(
            [&] {
                (void)evaluate(card, Facts{{"revenue", Decimal{1}}, {"revenue", Decimal{2}}});
            },
            ErrorCode::duplicate, "facts.revenue");
        check_error(
            [&] {
                (void)evaluate(card, Facts{{"revenue", "a lot"}});
            },
            ErrorCode::invalid_argument, "facts.revenue");
        check_error(
            [&] {
                (void)evaluate(card, Facts{{"revenue", Decimal{1}}, {"fit", Decimal{2}}});
            },
            ErrorCode::invalid_argument, "facts.fit");
        check_error(
            [&] {
                (void)evaluate(card, Facts{{"revenue", Decimal{1}}, {"fit", "vip"}});
            },
            ErrorCode::not_found, "facts.fit");
    }

    TEST_CASE("a dense row must have one value per criterion") {
        const CompiledScorecard card{demo()};
        check_error(
            [&] {
                (void)evaluate(card, std::vector<Decimal>{Decimal{1}, Decimal{2}});
            },
            ErrorCode::invalid_argument, "values");
        check_error([&] { (void)evaluate(card, std::vector<std::optional<Decimal>>{Decimal{1}}); },
                    ErrorCode::invalid_argument, "values");
        check_error(
            [&] {
                (void)evaluate(card,
                               std::vector<std::optional<Decimal>>{std::nullopt, Decimal{1}, Decimal{0}});
            },
            ErrorCode::not_found, "values[0]");  // revenue is required
        check_error([&] { (void)card.category_code(0, "key"); }, ErrorCode::invalid_argument,
                    "facts.revenue");
        check_error([&] { (void)card.category_code(9, "key"); }, ErrorCode::invalid_argument, "criterion");
        check_error([&] { (void)score_criterion(card, 9, FactValue{Decimal{1}}); },
                    ErrorCode::invalid_argument, "criterion");
    }

    TEST_CASE("weights with decimals give contributions and totals with more places") {
        const Scorecard card{
            .name = "thirds",
            .criteria = {{.id = "a",
                          .weight = Percent{"33.33"},
                          .function = Linear{.lo = Decimal{0}, .hi = Decimal{3}}},
                         {.id = "b",
                          .weight = Percent{"33.33"},
                          .function = Linear{.lo = Decimal{0}, .hi = Decimal{3}}},
                         {.id = "c",
                          .weight = Percent{"33.34"},
                          .function = Linear{.lo = Decimal{0}, .hi = Decimal{3}}}},
            .bands = {{"all", Score{0}, Score{100}}},
            .score_places = 1,
            .rounding = RoundingMode::half_even,
        };
        const CompiledScorecard compiled{card};
        CHECK(compiled.total_places() == 5);  // 1 + 2 + 2
        // each 1 of 3 -> 33.3; 33.3 x (0.3333 + 0.3333 + 0.3334) = 33.30000
        const ScoreResult r =
            evaluate(compiled, Facts{{"a", Decimal{1}}, {"b", Decimal{1}}, {"c", Decimal{1}}});
        CHECK(text(r.criteria[0].contribution) == "11.09889");  // 33.3 x 0.3333
        CHECK(text(r.criteria[2].contribution) == "11.10222");  // 33.3 x 0.3334
        CHECK(text(r.total) == "33.30000");
    }

}  // TEST_SUITE
