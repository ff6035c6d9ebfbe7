// A score in words: total, grade and each criterion's line, in both languages.

#include <crm/core/error.hpp>
#include <crm/scoring/explain.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"

using crm::Decimal;
using crm::Lang;
using crm::Percent;
using namespace crm::scoring;

TEST_SUITE("scoring.explain") {
    TEST_CASE("a score explains its total and every criterion") {
        const Scorecard card{
            .name = "大客户评分卡",
            .criteria = {{.id = "revenue",
                          .name = "销售额",
                          .weight = Percent{"60"},
                          .function = Linear{.lo = Decimal{0}, .hi = Decimal{1000}}},
                         {.id = "days",
                          .name = "周转天数",
                          .weight = Percent{"40"},
                          .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}},
                          .missing = MissingData::score_zero}},
            .bands = {{"A", Score{80}, Score{100}}, {"B", Score{0}, Score{80}}},
        };
        // revenue 750 -> 75.00 x 60% = 45.0000; days missing -> 0 x 40%; total 45.0000, grade B
        const ScoreResult r = evaluate(card, Facts{{"revenue", Decimal{750}}});
        const auto reasons = score_reasons(card, r, "华东机电");
        REQUIRE(reasons.size() == 3);
        CHECK(explain(reasons[0], Lang::zh) == "华东机电 按大客户评分卡评分 45.0000 分，等级 B");
        CHECK(explain(reasons[1], Lang::zh) == "销售额：实际值 750，得分 75.00 × 权重 60% = 45.0000 分");
        CHECK(explain(reasons[1], Lang::en) == "销售额: 750 scores 75.00 x weight 60% = 45.0000 points");
        CHECK(explain(reasons[2], Lang::zh) == "周转天数：缺少数据，按 0 分计（权重 40%）");
        CHECK(reasons[2].code() == "scoring.criterion_missing_zero");
        ScoreResult wrong = r;
        wrong.criteria.pop_back();
        crm::test::check_error([&] { return score_reasons(card, wrong, "x"); }, crm::ErrorCode::inconsistent,
                               "result.criteria");
    }
}
