// The ready-made key-account manager / region KPI scorecard and its facts from plan and actuals.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/rank.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using namespace crm::scoring;

namespace {
std::string text(const Score& s) { return s.points().to_string(); }
Money cny(const char* amount) { return Money{amount, "CNY"}; }

KpiFigures typical() {
    return KpiFigures{
        .sales_plan = cny("10000000"),
        .sales_actual = cny("10000000"),
        .collection_plan = cny("9000000"),
        .collection_actual = cny("8550000"),
        .receivables = cny("4600000"),
        .receivable_cap = cny("4000000"),
        .turnover_days = Decimal{57},
        .target_turnover_days = Decimal{45},
        .sales_expense = cny("500000"),
        .satisfaction = Score{80},
        .visits_planned = 30,
        .visits_made = 27,
        .new_product_revenue = cny("500000"),
    };
}
}  // namespace

TEST_SUITE("scoring.kpi") {
    TEST_CASE("a manager's figures give the eight KPI facts and a graded total") {
        const Facts facts = kpi_facts(typical());
        REQUIRE(facts.size() == 8);
        const ScoreResult r = evaluate(kpi_scorecard(), facts);
        // sales       10,000,000 / 10,000,000 = 1.0000: 50 + 0.40 x 50 / 0.60 = 83.33 x 25% = 20.8325
        // collection  8,550,000 / 9,000,000 = 0.9500: 60 + 0.35 x 40 / 0.40 = 95.00 x 20% = 19.0000
        // receivables 4,600,000 / 4,000,000 = 1.1500: 100 - 0.15 / 0.30 x 100 = 50.00 x 10% = 5.0000
        // turnover    57 - 45 = 12 days over: 100 - 12 / 30 x 100 = 60.00 x 15% = 9.0000
        // expense     500,000 / 10,000,000 = 0.0500: 100 - 0.02 / 0.05 x 100 = 60.00 x 10% = 6.0000
        // satisfaction 80: (80 - 60) / 35 = 57.142.. -> 57.14 x 5% = 2.8570
        // visits      27 / 30 = 0.9000: 50 + 0.4 x 50 / 0.5 = 90.00 x 5% = 4.5000
        // new product 500,000 / 10,000,000 = 0.0500: 25.00 x 10% = 2.5000
        // total 69.6895 -> C (60..75)
        CHECK(text(r.find("sales_achievement")->score) == "83.33");
        CHECK(text(r.find("satisfaction")->contribution) == "2.8570");
        CHECK(text(r.total) == "69.6895");
        CHECK(r.grade == "C");
    }

    TEST_CASE("undefined ratios are left to each criterion's missing-data policy") {
        KpiFigures f = typical();
        f.visits_planned = 0;
        f.visits_made = 0;
        f.satisfaction.reset();
        f.turnover_days.reset();
        const Facts facts = kpi_facts(f);
        CHECK(facts.size() == 5);
        // turnover days are required by default
        try {
            (void)evaluate(kpi_scorecard(), facts);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::not_found);
            CHECK(e.field() == "facts.turnover_days_over_target");
        }
        KpiPolicy lenient;
        lenient.turnover_days_over_target.missing = MissingData::exclude;
        const ScoreResult r = evaluate(kpi_scorecard(lenient), facts);
        // present: 20.8325 + 19 + 5 + 6 + 2.5 = 53.3325 over 25 + 20 + 10 + 10 + 10 = 75%: 71.1100
        CHECK(text(r.total) == "71.1100");
        f = typical();
        f.sales_plan = cny("0");
        try {
            (void)evaluate(kpi_scorecard(), kpi_facts(f));
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.field() == "facts.sales_achievement");
        }
    }

    TEST_CASE("bad figures are refused naming the field") {
        KpiFigures f = typical();
        f.sales_plan = cny("-1");
        try {
            (void)kpi_facts(f);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::invalid_argument);
            CHECK(e.field() == "figures.sales_plan");
        }
        f = typical();
        f.visits_made = -2;
        CHECK_THROWS_AS((void)kpi_facts(f), crm::Error);
        f = typical();
        f.collection_actual = Money{"8550000", "USD"};
        try {
            (void)kpi_facts(f);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::currency_mismatch);
            CHECK(e.field() == "figures.collection_achievement");
        }
        CHECK_THROWS_AS((void)kpi_facts(typical(), 13), crm::Error);
    }

    TEST_CASE("three managers are ranked with sales achievement breaking a tie") {
        const CompiledScorecard kpi{kpi_scorecard()};
        KpiFigures wang = typical();
        KpiFigures li = typical();
        li.sales_actual = cny("11000000");  // more sales, more expense: the same ratio
        li.sales_expense = cny("550000");
        li.new_product_revenue = cny("550000");
        li.collection_actual = cny("8100000");  // 90%: 90.00 x 20% = 18, one point less
        KpiFigures zhao = typical();
        zhao.collection_actual = cny("8550000");
        const std::vector<ScoreResult> results{evaluate(kpi, kpi_facts(wang)), evaluate(kpi, kpi_facts(li)),
                                               evaluate(kpi, kpi_facts(zhao))};
        // li: sales 1.1 -> 91.67 x 25% = 22.9175 (+2.085), collection 18 (-1): 69.6895 + 1.085 = 70.7745
        CHECK(text(results[1].total) == "70.7745");
        CHECK(results[0].total == results[2].total);  // wang and zhao tie
        const std::vector<Ranked> order = rank(results, TieRule{.tie_break = {"sales_achievement"}});
        CHECK(order[0] == Ranked{1, 1});
        CHECK(order[1] == Ranked{0, 2});  // still tied on sales: shared, input order
        CHECK(order[2] == Ranked{2, 2});
    }

    TEST_CASE("improving any one KPI never lowers the total") {
        const CompiledScorecard kpi{kpi_scorecard()};
        crm::test::Rng rng(23);
        for (int i = 0; i < 1000; ++i) {
            Facts f{{"sales_achievement", Decimal::scaled(rng.between(0, 16000), -4)},
                    {"collection_achievement", Decimal::scaled(rng.between(0, 13000), -4)},
                    {"receivables_vs_cap", Decimal::scaled(rng.between(5000, 16000), -4)},
                    {"turnover_days_over_target", Decimal{rng.between(-20, 60)}},
                    {"sales_expense_ratio", Decimal::scaled(rng.between(0, 1200), -4)},
                    {"satisfaction", Decimal::scaled(rng.between(4000, 10000), -2)},
                    {"visit_plan_kept", Decimal::scaled(rng.between(0, 12000), -4)},
                    {"new_product_share", Decimal::scaled(rng.between(0, 3000), -4)}};
            const auto k = static_cast<std::size_t>(rng.below(8));
            Facts better = f;
            const Decimal step = Decimal::scaled(rng.between(0, 2000), -4);
            Decimal& v = std::get<Decimal>(better[k].value);
            const bool lower_is_better = k == 2 || k == 3 || k == 4;
            v = lower_is_better ? v - step * Decimal{k == 3 ? 100 : 1} : v + step;
            CAPTURE(i);
            CAPTURE(k);
            CHECK(evaluate(kpi, better).total >= evaluate(kpi, f).total);
        }
    }

}  // TEST_SUITE
