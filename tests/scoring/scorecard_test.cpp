// Scoring functions (worked examples with the arithmetic) and scorecard validation (bad input
// named by field). Properties over generated scorecards are in properties_test.cpp.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "../support/errors.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using crm::RoundingMode;
using namespace crm::scoring;

namespace {

const std::vector<Band> kOneBand{{"all", Score{0}, Score{100}}};

Scorecard one_criterion(ScoringFunction f, int places = 2, RoundingMode mode = RoundingMode::half_up) {
    return Scorecard{.name = "one",
                     .criteria = {{.id = "x", .weight = Percent{"100"}, .function = std::move(f)}},
                     .bands = kOneBand,
                     .score_places = places,
                     .rounding = mode};
}

// The score of raw value `raw` under function f.
std::string score(const ScoringFunction& f, const char* raw, int places = 2,
                  RoundingMode mode = RoundingMode::half_up) {
    const CompiledScorecard card{one_criterion(f, places, mode)};
    return score_criterion(card, 0, FactValue{Decimal{raw}}).points().to_string();
}

using crm::test::check_error;

Scorecard two_criteria() {
    return Scorecard{
        .name = "two",
        .criteria =
            {{.id = "a", .weight = Percent{"60"}, .function = Linear{.lo = Decimal{0}, .hi = Decimal{10}}},
             {.id = "b", .weight = Percent{"40"}, .function = Linear{.lo = Decimal{0}, .hi = Decimal{10}}}},
        .bands = {{"A", Score{80}, Score{100}}, {"B", Score{50}, Score{80}}, {"C", Score{0}, Score{50}}},
    };
}

}  // namespace

TEST_SUITE("scoring.functions") {
    TEST_CASE("linear scores between two points and clamps outside them") {
        const Linear revenue{.lo = Decimal{0}, .hi = Decimal{10'000'000}};
        CHECK(score(revenue, "2500000") == "25.00");    // 2,500,000 / 10,000,000 x 100 = 25
        CHECK(score(revenue, "3333333") == "33.33");    // 33.33333 -> 33.33
        CHECK(score(revenue, "12345678") == "100.00");  // above hi: at_hi, shown at the scorecard's places
        CHECK(score(revenue, "-5") == "0.00");          // below lo: at_lo
        CHECK(score(revenue, "0") == "0.00");
        // from 40 points at 1 to 90 at 11: 6 scores 40 + (6 - 1) x 50 / 10 = 65
        CHECK(score(Linear{.lo = Decimal{1}, .hi = Decimal{11}, .at_lo = Score{40}, .at_hi = Score{90}},
                    "6") == "65.00");
    }

    TEST_CASE("a linear score is rounded once from the exact value with the named mode") {
        const Linear thirds{.lo = Decimal{0}, .hi = Decimal{3}};
        CHECK(score(thirds, "1") == "33.33");  // 33.333..
        CHECK(score(thirds, "2") == "66.67");  // 66.666.. half up
        CHECK(score(thirds, "2", 2, RoundingMode::down) == "66.66");
        CHECK(score(thirds, "1", 2, RoundingMode::up) == "33.34");
        CHECK(score(thirds, "1", 0) == "33");
        // eighths on whole points: 1 -> 12.5 and 3 -> 37.5 are ties
        const Linear eighths{.lo = Decimal{0}, .hi = Decimal{8}};
        CHECK(score(eighths, "1", 0, RoundingMode::half_even) == "12");
        CHECK(score(eighths, "3", 0, RoundingMode::half_even) == "38");
        CHECK(score(eighths, "1", 0, RoundingMode::half_up) == "13");
        CHECK(score(eighths, "1", 0, RoundingMode::half_down) == "12");
        CHECK(score(eighths, "1", 0, RoundingMode::ceiling) == "13");
        CHECK(score(eighths, "1", 0, RoundingMode::floor) == "12");
        // a falling line rounds the value, not the drop: 100 - 12.5 = 87.5 -> 88 half up
        CHECK(score(Linear{.lo = Decimal{0}, .hi = Decimal{8}, .at_lo = Score{100}, .at_hi = Score{0}}, "1",
                    0) == "88");
    }

    TEST_CASE("raw values with many decimals or far out of range score exactly too") {
        const Linear ratio{.lo = Decimal{"0.6"}, .hi = Decimal{"1.2"}};
        // (0.9000000000000000000001 - 0.6) / 0.6 x 100 = 50.0000...0167 -> 50.00
        CHECK(score(ratio, "0.9000000000000000000001") == "50.00");
        CHECK(score(ratio, "0.9000000000000000000001", 2, RoundingMode::up) == "50.01");
        CHECK(score(ratio, "1E+30") == "100.00");
        CHECK(score(ratio, "-1E+30") == "0.00");
        // points far apart: 0 .. 10^30, 2.5 x 10^29 scores 25
        CHECK(score(Linear{.lo = Decimal{0}, .hi = Decimal{"1E+30"}}, "2.5E+29") == "25.00");
    }

    TEST_CASE("lower is better scores turnover days from best to worst") {
        const LowerIsBetter days{.best = Decimal{30}, .worst = Decimal{120}};
        CHECK(score(days, "75") == "50.00");  // 100 - (75 - 30) x 100 / 90 = 50
        CHECK(score(days, "60") == "66.67");  // 100 - 30 x 100 / 90 = 66.666..
        CHECK(score(days, "30") == "100.00");
        CHECK(score(days, "12") == "100.00");  // better than best
        CHECK(score(days, "120") == "0.00");
        CHECK(score(days, "365") == "0.00");
        // expense ratio: 3% -> 100, 8% -> 0; 5.5% scores 100 - 2.5 / 5 x 100 = 50
        CHECK(score(LowerIsBetter{.best = Decimal{"0.03"}, .worst = Decimal{"0.08"}}, "0.055") == "50.00");
    }

    TEST_CASE("achievement is zero below the floor and capped at the cap") {
        const Achievement a{};  // 0 below 60%; 50 at 60% rising to 100 at 120%: 100 x ratio / 1.2
        CHECK(score(a, "0.5999") == "0.00");
        CHECK(score(a, "0.60") == "50.00");
        CHECK(score(a, "0.90") == "75.00");  // 50 + 0.30 x 50 / 0.60 = 75
        CHECK(score(a, "1.00") == "83.33");  // 50 + 0.40 x 50 / 0.60 = 83.333..
        CHECK(score(a, "1.20") == "100.00");
        CHECK(score(a, "1.75") == "100.00");
        // the classic collection rate: 0 below 60%, 100 x ratio up to 100%
        const Achievement c{
            .floor = Decimal{"0.6"}, .cap = Decimal{1}, .at_floor = Score{60}, .at_cap = Score{100}};
        CHECK(score(c, "0.95") == "95.00");
        CHECK(score(c, "0.59") == "0.00");
    }

    TEST_CASE("step thresholds start a step by default and can end one instead") {
        const Steps years{
            .below = Score{20},
            .steps = {{Decimal{1}, Score{50}}, {Decimal{3}, Score{80}}, {Decimal{5}, Score{100}}}};
        CHECK(score(years, "0.5") == "20.00");
        CHECK(score(years, "1") == "50.00");
        CHECK(score(years, "2.99") == "50.00");
        CHECK(score(years, "3") == "80.00");
        CHECK(score(years, "40") == "100.00");
        // days: up to 30 -> 100, up to 60 -> 70, up to 90 -> 40, beyond -> 0 (the threshold ends a step)
        const Steps days{
            .below = Score{100},
            .steps = {{Decimal{30}, Score{70}}, {Decimal{60}, Score{40}}, {Decimal{90}, Score{0}}},
            .edge = StepEdge::threshold_ends_step};
        CHECK(score(days, "30") == "100.00");
        CHECK(score(days, "30.01") == "70.00");
        CHECK(score(days, "60") == "70.00");
        CHECK(score(days, "90") == "40.00");
        CHECK(score(days, "91") == "0.00");
        // a threshold with more decimals than the compiled units still compares exactly
        CHECK(score(years, "0.99999999999999999999999") == "20.00");
    }

    TEST_CASE("a lookup table scores categories and an unknown label is an error unless otherwise is given") {
        const Lookup fit{
            .categories = {{"strategic", Score{100}}, {"key", Score{70}}, {"normal", Score{40}}}};
        const CompiledScorecard card{one_criterion(fit)};
        CHECK(score_criterion(card, 0, FactValue{"key"}) == Score{70});
        check_error([&] { (void)score_criterion(card, 0, FactValue{"vip"}); }, ErrorCode::not_found,
                    "facts.x");
        check_error([&] { (void)score_criterion(card, 0, FactValue{Decimal{1}}); },
                    ErrorCode::invalid_argument, "facts.x");
        Lookup with_other = fit;
        with_other.otherwise = Score{10};
        const CompiledScorecard other{one_criterion(with_other)};
        CHECK(score_criterion(other, 0, FactValue{"vip"}) == Score{10});
        // in a dense row a category is its code: its place in the table, or the table's size for `otherwise`
        CHECK(card.category_code(0, "normal") == Decimal{2});
        CHECK(other.category_code(0, "vip") == Decimal{3});
        CHECK(evaluate(other, std::vector<Decimal>{Decimal{3}}).total == Score{10});
        CHECK(evaluate(card, std::vector<Decimal>{Decimal{"1.00"}}).total == Score{70});  // 1.00 is code 1
        check_error([&] { (void)evaluate(card, std::vector<Decimal>{Decimal{3}}); }, ErrorCode::not_found,
                    "values[0]");
        check_error([&] { (void)evaluate(card, std::vector<Decimal>{Decimal{"0.5"}}); }, ErrorCode::not_found,
                    "values[0]");
    }

    TEST_CASE("a rejecting linear function refuses values outside its points") {
        const Linear answer{.lo = Decimal{1}, .hi = Decimal{5}, .out_of_range = OutOfRange::reject};
        CHECK(score(answer, "4") == "75.00");  // (4 - 1) / 4 x 100
        CHECK(score(answer, "5") == "100.00");
        const CompiledScorecard card{one_criterion(answer)};
        check_error([&] { (void)score_criterion(card, 0, FactValue{Decimal{7}}); },
                    ErrorCode::invalid_argument, "facts.x");
        check_error([&] { (void)score_criterion(card, 0, FactValue{Decimal{"0.999999999999999999999999"}}); },
                    ErrorCode::invalid_argument, "facts.x");
    }

}  // TEST_SUITE

TEST_SUITE("scoring.validate") {
    TEST_CASE("weights must sum to exactly 100 percent") {
        Scorecard card = two_criteria();
        CHECK_NOTHROW(validate(card));
        card.criteria[1].weight = Percent{"39.99"};
        check_error([&] { validate(card); }, ErrorCode::inconsistent, "scorecard.criteria[*].weight");
        card.criteria[1].weight = Percent{"40.000"};  // 100.000% is 100%
        CHECK_NOTHROW(validate(card));
    }

    TEST_CASE("a weight must be positive with at most eight decimals") {
        Scorecard card = two_criteria();
        card.criteria[0].weight = Percent{"0"};
        card.criteria[1].weight = Percent{"100"};
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.criteria[0].weight");
        card.criteria[0].weight = Percent{"-10"};
        card.criteria[1].weight = Percent{"110"};
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.criteria[0].weight");
        card.criteria[0].weight = Percent{"59.999999999"};
        card.criteria[1].weight = Percent{"40.000000001"};
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.criteria[0].weight");
    }

    TEST_CASE("criterion ids must be present and unique and a scorecard needs criteria") {
        Scorecard card = two_criteria();
        card.criteria[1].id = "a";
        check_error([&] { validate(card); }, ErrorCode::duplicate, "scorecard.criteria[1].id");
        card.criteria[1].id = "";
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.criteria[1].id");
        card.criteria.clear();
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.criteria");
        card = two_criteria();
        card.score_places = 7;
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.score_places");
        card.score_places = -1;
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.score_places");
    }

    TEST_CASE("a function's points must be in order and its scores within 0 to 100") {
        const auto field = [](ScoringFunction f, int places = 2) {
            return [f = std::move(f), places] { validate(one_criterion(f, places)); };
        };
        check_error(field(Linear{.lo = Decimal{5}, .hi = Decimal{5}}), ErrorCode::inconsistent,
                    "scorecard.criteria[0].function.hi");
        check_error(field(Linear{.lo = Decimal{0}, .hi = Decimal{5}, .at_hi = Score{101}}),
                    ErrorCode::invalid_argument, "scorecard.criteria[0].function.at_hi");
        check_error(field(Linear{.lo = Decimal{0}, .hi = Decimal{5}, .at_lo = Score{-1}}),
                    ErrorCode::invalid_argument, "scorecard.criteria[0].function.at_lo");
        check_error(field(Linear{.lo = Decimal{0}, .hi = Decimal{5}, .at_hi = Score{"99.995"}}),
                    ErrorCode::invalid_argument,
                    "scorecard.criteria[0].function.at_hi");  // three decimals with score_places 2
        CHECK_NOTHROW(field(Linear{.lo = Decimal{0}, .hi = Decimal{5}, .at_hi = Score{"99.990"}})());
        check_error(field(LowerIsBetter{.best = Decimal{90}, .worst = Decimal{30}}), ErrorCode::inconsistent,
                    "scorecard.criteria[0].function.worst");
        check_error(
            field(LowerIsBetter{
                .best = Decimal{30}, .worst = Decimal{90}, .at_best = Score{10}, .at_worst = Score{20}}),
            ErrorCode::inconsistent, "scorecard.criteria[0].function.at_worst");
        check_error(field(Achievement{.floor = Decimal{"1.2"}, .cap = Decimal{"0.6"}}),
                    ErrorCode::inconsistent, "scorecard.criteria[0].function.cap");
        check_error(field(Achievement{.at_floor = Score{90}, .at_cap = Score{80}}), ErrorCode::inconsistent,
                    "scorecard.criteria[0].function.at_cap");
        check_error(field(Achievement{.below_floor = Score{60}, .at_floor = Score{50}}),
                    ErrorCode::inconsistent, "scorecard.criteria[0].function.at_floor");
    }

    TEST_CASE("step thresholds must increase and step scores must be monotone") {
        const auto check_steps = [](Steps s, ErrorCode code, const std::string& field) {
            check_error([&] { validate(one_criterion(s)); }, code, field);
        };
        check_steps(
            Steps{.steps = {{Decimal{1}, Score{50}}, {Decimal{3}, Score{80}}, {Decimal{2}, Score{90}}}},
            ErrorCode::inconsistent, "scorecard.criteria[0].function.steps[2].from");
        check_steps(Steps{.steps = {{Decimal{1}, Score{50}}, {Decimal{"1.0"}, Score{80}}}},
                    ErrorCode::inconsistent,
                    "scorecard.criteria[0].function.steps[1].from");  // equal is not increasing
        check_steps(Steps{.below = Score{20}, .steps = {{Decimal{1}, Score{50}}, {Decimal{3}, Score{40}}}},
                    ErrorCode::inconsistent, "scorecard.criteria[0].function.steps[1].score");
        check_steps(Steps{.below = Score{20}}, ErrorCode::invalid_argument,
                    "scorecard.criteria[0].function.steps");
        check_steps(Steps{.steps = {{Decimal{1}, Score{500}}}}, ErrorCode::invalid_argument,
                    "scorecard.criteria[0].function.steps[0].score");
        // flat then falling is monotone
        CHECK_NOTHROW(validate(one_criterion(
            Steps{.below = Score{100}, .steps = {{Decimal{1}, Score{100}}, {Decimal{2}, Score{0}}}})));
    }

    TEST_CASE("a lookup table needs unique non-empty labels") {
        const auto check_lookup = [](Lookup l, ErrorCode code, const std::string& field) {
            check_error([&] { validate(one_criterion(l)); }, code, field);
        };
        check_lookup(Lookup{}, ErrorCode::invalid_argument, "scorecard.criteria[0].function.categories");
        check_lookup(Lookup{.categories = {{"a", Score{1}}, {"a", Score{2}}}}, ErrorCode::duplicate,
                     "scorecard.criteria[0].function.categories[1].label");
        check_lookup(Lookup{.categories = {{"", Score{1}}}}, ErrorCode::invalid_argument,
                     "scorecard.criteria[0].function.categories[0].label");
        check_lookup(Lookup{.categories = {{"a", Score{1}}}, .otherwise = Score{-2}},
                     ErrorCode::invalid_argument, "scorecard.criteria[0].function.otherwise");
    }

    TEST_CASE("grade bands must cover 0 to 100 without gaps or overlaps") {
        Scorecard card = two_criteria();  // A 80..100, B 50..80, C 0..50
        card.bands[1].from = Score{55};   // B 55..80 leaves 50..55 uncovered
        check_error([&] { validate(card); }, ErrorCode::inconsistent, "scorecard.bands[1].from");
        card.bands[1].from = Score{45};  // B 45..80 overlaps C 0..50
        check_error([&] { validate(card); }, ErrorCode::inconsistent, "scorecard.bands[1].from");
        card = two_criteria();
        card.bands[2].from = Score{10};
        check_error([&] { validate(card); }, ErrorCode::inconsistent,
                    "scorecard.bands[2].from");  // not from 0
        card = two_criteria();
        card.bands[0].to = Score{"99.99"};
        check_error([&] { validate(card); }, ErrorCode::inconsistent, "scorecard.bands[0].to");  // not to 100
        card = two_criteria();
        card.bands[0].to = Score{101};
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.bands[0].to");
        card = two_criteria();
        card.bands[1].label = "A";
        check_error([&] { validate(card); }, ErrorCode::duplicate, "scorecard.bands[1].label");
        card = two_criteria();
        card.bands[1] = Band{"B", Score{80}, Score{80}};
        check_error([&] { validate(card); }, ErrorCode::inconsistent, "scorecard.bands[1].to");
        card.bands.clear();
        check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.bands");
        // any order is fine, and so is one band
        card = two_criteria();
        std::swap(card.bands[0], card.bands[2]);
        CHECK_NOTHROW(validate(card));
        card.bands = kOneBand;
        CHECK_NOTHROW(validate(card));
    }

    TEST_CASE("a compiled scorecard validates and a named criterion can be changed") {
        Scorecard card = two_criteria();
        criterion(card, "b").weight = Percent{"30"};
        check_error([&] { (void)CompiledScorecard{card}; }, ErrorCode::inconsistent,
                    "scorecard.criteria[*].weight");
        check_error([&] { (void)criterion(card, "zz"); }, ErrorCode::not_found, "scorecard.criteria.zz");
        CHECK(find_criterion(card, "a") == &card.criteria[0]);
        CHECK(find_criterion(card, "zz") == nullptr);
    }

}  // TEST_SUITE
