// The KPI card's trend criteria: expense plan kept and turnover days shortened against the
// previous period.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"

using crm::Decimal;
using crm::Money;
using crm::Percent;
using namespace crm::scoring;

namespace {

Money cny(const char* s) { return Money{s, "CNY"}; }

}  // namespace

TEST_SUITE("scoring.kpi_trend") {
    TEST_CASE("the trend criteria join the card and the base weights keep their proportions") {
        const Scorecard card = kpi_scorecard(KpiPolicy{}, KpiTrendPolicy{});
        REQUIRE(card.criteria.size() == 10);
        // 25% x 90% = 22.5%; 5% x 90% = 4.5%; then 5% and 5%
        CHECK(card.criteria[0].weight == Percent{"22.5"});
        CHECK(card.criteria[5].weight == Percent{"4.5"});
        CHECK(card.criteria[8].id == "expense_plan_kept");
        CHECK(card.criteria[9].id == "turnover_days_shortened");
    }

    TEST_CASE("expense kept and turnover shortened are scored from the figures") {
        const CompiledScorecard card{kpi_scorecard(KpiPolicy{}, KpiTrendPolicy{})};
        const KpiFigures base{.sales_plan = cny("1000"),
                              .sales_actual = cny("1000"),
                              .collection_plan = cny("1000"),
                              .collection_actual = cny("1000"),
                              .receivables = cny("100"),
                              .receivable_cap = cny("100"),
                              .turnover_days = Decimal{40},
                              .target_turnover_days = Decimal{40},
                              .sales_expense = cny("30"),
                              .satisfaction = Score{80},
                              .visits_planned = 10,
                              .visits_made = 10,
                              .new_product_revenue = cny("0")};
        // expense 33 of a 30 budget: 1.1 -> (1.2 - 1.1) / 0.2 x 100 = 50.00; turnover 40 after 45:
        // shortened by 5 -> (5 + 10) / 20 x 100 = 75.00
        const KpiTrendFigures trends{.expense_plan = cny("30"),
                                     .sales_expense = cny("33"),
                                     .turnover_days = Decimal{40},
                                     .previous_turnover_days = Decimal{45}};
        const ScoreResult r = evaluate(card, kpi_facts(base, trends));
        REQUIRE(r.find("expense_plan_kept") != nullptr);
        CHECK(r.find("expense_plan_kept")->score == Score{50});
        CHECK(r.find("turnover_days_shortened")->score == Score{75});
        // nothing is excluded, so nothing is re-weighted: 50 x 5% = 2.5 and 75 x 5% = 3.75
        CHECK(r.find("turnover_days_shortened")->contribution == Score{Decimal{"3.75"}});
        // without the previous period the criterion is excluded, not an error
        const ScoreResult without = evaluate(
            card, kpi_facts(base, KpiTrendFigures{.expense_plan = cny("30"), .sales_expense = cny("30")}));
        CHECK(without.find("turnover_days_shortened")->status == CriterionStatus::missing_excluded);
        crm::test::check_error([&] { return kpi_facts(base, KpiTrendFigures{.expense_plan = cny("-1")}); },
                               crm::ErrorCode::invalid_argument, "trends.expense_plan");
    }
}
