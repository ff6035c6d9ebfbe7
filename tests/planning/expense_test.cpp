// Expense effectiveness and the suggested reallocation on 2026-06-15 (company.hpp), worked by hand.

#include <crm/core/error.hpp>
#include <crm/planning/expense.hpp>

#include <doctest/doctest.h>

#include <random>

#include "../support/errors.hpp"
#include "company.hpp"

using crm::Lang;
using crm::Percent;
using crm::RegionId;
using crm::test::company_accounts;
using crm::test::company_actuals;
using crm::test::company_as_of;
using crm::test::company_plan;
using crm::test::yuan;
using namespace crm::planning;

namespace {

ExpensePolicy standards() {
    return ExpensePolicy{.default_standard = Percent{"5"},
                         .standards = {{RegionId{"north"}, Percent{"6"}}, {RegionId{"south"}, Percent{"3"}}}};
}

}  // namespace

TEST_SUITE("planning.expense") {
    TEST_CASE("expense ratios against standards and a reallocation that sums to zero") {
        const auto plan = company_plan();
        const MonthlyPlanActual p =
            plan_vs_actual(plan, company_accounts(), company_actuals(), company_as_of);
        const ExpenseReview r = expense_review(plan, p, standards());
        REQUIRE(r.regions.size() == 3);
        // ratios to date: east 29,000 / 550,000 = 5.27% > 5%; north 26,000 / 270,000 = 9.63% > 6%;
        // south 5,500 / 225,000 = 2.44% within 3%
        CHECK(r.regions[0].ratio == Percent{"5.27"});
        CHECK(r.regions[0].over_standard);
        CHECK(r.regions[1].ratio == Percent{"9.63"});
        CHECK(r.regions[2].ratio == Percent{"2.44"});
        CHECK_FALSE(r.regions[2].over_standard);
        // remaining budgets: east 60,000 - 29,000 = 31,000; north 48,000 - 26,000 = 22,000; south
        // 12,000 - 5,500 = 6,500; pool 59,500
        CHECK(r.regions[0].remaining_budget == yuan("31000"));
        CHECK(r.pool == yuan("59500"));
        // weights = sales left x standard: east 650,000 x 5 = 3,250,000; north 450,000 x 6 =
        // 2,700,000; south 255,000 x 3 = 765,000 (sum 6,715,000). In fen: east 5,950,000 x
        // 3,250,000 / 6,715,000 = 2,879,746.835, north 2,392,405.063, south 677,848.101; floors sum
        // to 5,949,999, the one fen left goes to east (largest remainder .835):
        // east 28,797.47, north 23,924.05, south 6,778.48
        CHECK(r.regions[0].suggested_budget == yuan("28797.47"));
        CHECK(r.regions[1].suggested_budget == yuan("23924.05"));
        CHECK(r.regions[2].suggested_budget == yuan("6778.48"));
        // moves: east -2,202.53, north +1,924.05, south +278.48: zero in sum
        CHECK(r.regions[0].move == yuan("-2202.53"));
        CHECK(r.regions[1].move == yuan("1924.05"));
        CHECK(r.regions[2].move == yuan("278.48"));
        const auto reasons = r.findings.reasons();
        REQUIRE(reasons.size() == 5);
        CHECK(explain(reasons[0], Lang::zh) ==
              "华东区：销售费用率 5.27%（费用 CNY 29,000.00，销售额 CNY 550,000.00），超过标准 5%");
        CHECK(explain(reasons[2], Lang::zh) == "华东区：建议调出剩余费用预算 CNY 2,202.53");
        CHECK(explain(reasons[3], Lang::en) == "华北区: move CNY 1,924.05 of remaining expense budget in");
    }

    TEST_CASE("a ratio equal to the standard is over only when the policy says 以上") {
        auto plan = company_plan();
        const MonthlyPlanActual p =
            plan_vs_actual(plan, company_accounts(), company_actuals(), company_as_of);
        ExpensePolicy policy = standards();
        policy.standards[1].standard = Percent{"2.44"};  // south exactly at its ratio
        CHECK_FALSE(expense_review(plan, p, policy).regions[2].over_standard);
        policy.over = crm::Boundary::inclusive;
        CHECK(expense_review(plan, p, policy).regions[2].over_standard);
    }

    TEST_CASE("the moves sum exactly to zero for generated budgets") {
        std::mt19937 rng(7);
        for (int trial = 0; trial < 300; ++trial) {
            CAPTURE(trial);
            auto plan = company_plan();
            for (auto& r : plan.regions)
                for (auto& m : r.months) {
                    m.expense =
                        crm::Money{crm::Decimal::scaled(static_cast<std::int64_t>(rng() % 1'000'000), -2),
                                   crm::Currency{"CNY"}};
                    m.sales =
                        crm::Money{crm::Decimal::scaled(static_cast<std::int64_t>(rng() % 100'000'000), -2),
                                   crm::Currency{"CNY"}};
                }
            plan.company.clear();
            plan.key_accounts.clear();
            const MonthlyPlanActual p =
                plan_vs_actual(plan, company_accounts(), company_actuals(), company_as_of);
            const ExpenseReview r = expense_review(plan, p, standards());
            crm::Money moves = yuan("0");
            crm::Money suggested = yuan("0");
            for (const RegionExpense& e : r.regions) {
                moves += e.move;
                suggested += e.suggested_budget;
                CHECK(e.suggested_budget.signum() >= 0);
            }
            CHECK(moves == yuan("0"));
            CHECK(suggested == r.pool);
        }
    }

    TEST_CASE("bad expense standards are errors naming the field") {
        const auto plan = company_plan();
        const MonthlyPlanActual p =
            plan_vs_actual(plan, company_accounts(), company_actuals(), company_as_of);
        ExpensePolicy policy = standards();
        policy.standards[0].region = RegionId{"west"};
        crm::test::check_error([&] { return expense_review(plan, p, policy); }, crm::ErrorCode::not_found,
                               "policy.standards[0].region");
        policy = standards();
        policy.standards[1].standard = Percent{"-1"};
        crm::test::check_error([&] { return expense_review(plan, p, policy); },
                               crm::ErrorCode::invalid_argument, "policy.standards[1].standard");
    }
}
