// Plan against actual on 2026-06-15 for the company of company.hpp, worked by hand, with the
// consistency of achievements and variances as a property.

#include <crm/core/error.hpp>
#include <crm/credit/collection.hpp>
#include <crm/planning/actuals.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "company.hpp"

using crm::ErrorCode;
using crm::Lang;
using crm::Percent;
using crm::test::company_accounts;
using crm::test::company_actuals;
using crm::test::company_as_of;
using crm::test::company_plan;
using crm::test::yuan;
using namespace crm::planning;

TEST_SUITE("planning.actuals") {
    TEST_CASE("mid June against plan by region key account and total") {
        const MonthlyPlanActual p =
            plan_vs_actual(company_plan(), company_accounts(), company_actuals(), company_as_of);
        CHECK(p.month == 6);
        REQUIRE(p.regions.size() == 3);
        // east sales: June plan 100,000, actual 10,000 + 40,000 = 50,000 (50.00%); year to date plan
        // 600,000, actual 5 x 100,000 + 50,000 = 550,000 (91.67%); expected to June 15 = 100,000 x
        // 15 / 30 = 50,000, so on pace (variance to date 0)
        const Progress& es = p.regions[0].of(Measure::sales);
        CHECK(es.plan == yuan("100000"));
        CHECK(es.actual == yuan("50000"));
        CHECK(es.variance == yuan("-50000"));
        CHECK(es.achievement == Percent{"50.00"});
        CHECK(es.ytd_plan == yuan("600000"));
        CHECK(es.ytd_actual == yuan("550000"));
        CHECK(es.ytd_achievement == Percent{"91.67"});
        CHECK(es.expected_to_date == yuan("50000"));
        CHECK(es.variance_to_date == yuan("0"));
        // north sales: 20,000 of 60,000 (33.33%); ytd 270,000 of 360,000 (75.00%)
        const Progress& ns = p.regions[1].of(Measure::sales);
        CHECK(ns.achievement == Percent{"33.33"});
        CHECK(ns.ytd_achievement == Percent{"75.00"});
        // east expense to date 5 x 5,000 + 4,000 = 29,000; the S1 sale and the south expense of
        // June 20 are after the as-of date and do not count: south sales 225,000, expense 5,500
        CHECK(p.regions[0].of(Measure::expense).ytd_actual == yuan("29000"));
        CHECK(p.regions[2].of(Measure::sales).ytd_actual == yuan("225000"));
        CHECK(p.regions[2].of(Measure::expense).ytd_actual == yuan("5500"));
        // collection's achievement is the credit area's collection rate: south 10,000 of 40,000
        const Progress& sc = p.regions[2].of(Measure::collection);
        CHECK(sc.achievement == crm::credit::collection_rate(yuan("10000"), yuan("40000")));
        CHECK(sc.achievement == Percent{"25.00"});
        // K1 (listed apart): sales 10,000 of 30,000; ytd 160,000 of 180,000
        REQUIRE(p.key_accounts.size() == 1);
        CHECK(p.key_accounts[0].of(Measure::sales).ytd_actual == yuan("160000"));
        CHECK(p.key_accounts[0].of(Measure::collection).actual == yuan("0"));
        // the total is the sum of the regions: June sales 50,000 + 20,000 + 25,000 = 95,000
        CHECK(p.total.of(Measure::sales).actual == yuan("95000"));
        CHECK(p.total.of(Measure::sales).ytd_actual == yuan("1045000"));
        CHECK(p.total.of(Measure::sales).plan == yuan("200000"));

        // Flags, to date (earlier months whole, June half):
        //   east expense 29,000 against 25,000 + 2,500 = 27,500: over by 1,500
        //   north sales 270,000 against 300,000 + 30,000: behind by 60,000; collection 225,000
        //   against 250,000 + 25,000: behind by 50,000; expense 26,000 against 22,000: over by 4,000
        //   south collection 210,000 against 220,000: behind by 10,000 (sales 225,000 >= 220,000
        //   and expense 5,500 == 5,500 are on plan)
        //   K1 sales 160,000 against 165,000: behind by 5,000; collection 135,000 against 148,500:
        //   behind by 13,500
        const auto reasons = p.flags.reasons();
        REQUIRE(reasons.size() == 7);
        CHECK(p.flags.outcome() == crm::Outcome::warn);
        CHECK(explain(reasons[0], Lang::zh) ==
              "华东区：销售费用累计 CNY 29,000.00，超过按进度的预算 CNY 27,500.00，超出 CNY 1,500.00");
        CHECK(explain(reasons[1], Lang::zh) ==
              "华北区：销售额累计 CNY 270,000.00，低于按进度应完成的 CNY 330,000.00，差额 CNY 60,000.00");
        CHECK(explain(reasons[1], Lang::en) ==
              "华北区: sales to date CNY 270,000.00 is CNY 60,000.00 behind the plan to date CNY 330,000.00");
        CHECK(reasons[2].code() == "planning.behind_plan");
        CHECK(reasons[3].code() == "planning.expense_over_plan");
        CHECK(explain(reasons[4], Lang::zh) ==
              "华南区：回款累计 CNY 210,000.00，低于按进度应完成的 CNY 220,000.00，差额 CNY 10,000.00");
        CHECK(explain(reasons[6], Lang::zh) ==
              "K1：回款累计 CNY 135,000.00，低于按进度应完成的 CNY 148,500.00，差额 CNY 13,500.00");
    }

    TEST_CASE("achievements and variances are consistent at every day of the year") {
        for (int day = 0; day < 365; day += 5) {
            const crm::Date as_of = crm::Date(2026, 1, 1) + crm::Days{day};
            CAPTURE(as_of);
            const MonthlyPlanActual p =
                plan_vs_actual(company_plan(), company_accounts(), company_actuals(), as_of);
            std::array<crm::Money, 3> sum{yuan("0"), yuan("0"), yuan("0")};
            for (const PlanActual& line : p.regions)
                for (const Progress& g : line.measures) {
                    CHECK(g.variance == g.actual - g.plan);
                    CHECK(g.ytd_variance == g.ytd_actual - g.ytd_plan);
                    CHECK(g.variance_to_date == g.actual - g.expected_to_date);
                    CHECK(g.achievement == achievement(g.actual, g.plan));
                    CHECK(g.expected_to_date <= g.plan);
                    sum[static_cast<std::size_t>(g.measure)] += g.ytd_actual;
                }
            for (const Progress& g : p.total.measures)
                CHECK(g.ytd_actual == sum[static_cast<std::size_t>(g.measure)]);
        }
    }

    TEST_CASE("facts naming what the plan does not know are errors naming the fact") {
        using crm::test::check_error;
        const auto plan = company_plan();
        const auto accounts = company_accounts();
        Actuals a = company_actuals();
        a.sales[3].account = crm::AccountId{"X9"};
        check_error([&] { return plan_vs_actual(plan, accounts, a, company_as_of); }, ErrorCode::not_found,
                    "actuals.sales[3].account");
        a = company_actuals();
        a.expenses[1].region = crm::RegionId{"west"};
        check_error([&] { return plan_vs_actual(plan, accounts, a, company_as_of); }, ErrorCode::not_found,
                    "actuals.expenses[1].region");
        a = company_actuals();
        a.collections[2].amount = crm::Money{"1", "USD"};
        check_error([&] { return plan_vs_actual(plan, accounts, a, company_as_of); },
                    ErrorCode::currency_mismatch, "actuals.collections[2].amount");
        check_error([&] { return plan_vs_actual(plan, accounts, company_actuals(), crm::Date(2027, 1, 5)); },
                    ErrorCode::invalid_argument, "as_of");
        auto bad_accounts = accounts;
        bad_accounts[2].region = crm::RegionId{"west"};
        check_error([&] { return plan_vs_actual(plan, bad_accounts, company_actuals(), company_as_of); },
                    ErrorCode::not_found, "accounts[2].region");
        bad_accounts = accounts;
        bad_accounts.erase(bad_accounts.begin());  // K1, a key account of the plan
        check_error([&] { return plan_vs_actual(plan, bad_accounts, Actuals{}, company_as_of); },
                    ErrorCode::not_found, "plan.key_accounts[0].account");
        // no facts at all is not an error: every actual is zero and everything is behind
        const MonthlyPlanActual empty = plan_vs_actual(plan, accounts, Actuals{}, company_as_of);
        CHECK(empty.total.of(Measure::sales).ytd_actual == yuan("0"));
    }
}
