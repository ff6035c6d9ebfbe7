// The annual plan: validation naming the field, and the regional balance (区域平衡).

#include <crm/core/error.hpp>
#include <crm/planning/plan.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "company.hpp"

using crm::ErrorCode;
using crm::Lang;
using crm::Outcome;
using crm::test::check_error;
using crm::test::company_plan;
using crm::test::yuan;
using namespace crm::planning;

TEST_SUITE("planning.plan") {
    TEST_CASE("a plan whose regions sum to the company balances") {
        const AnnualPlan plan = company_plan();
        const crm::Decision d = balance(plan);
        REQUIRE(d.reasons().size() == 1);
        CHECK(d.outcome() == Outcome::allow);
        CHECK(d.reasons()[0].code() == "planning.balanced");
        // targets by month and year to date: east sales 100,000 a month, 600,000 to June
        CHECK(target(plan.regions[0].months, 6, Measure::sales, plan.currency) == yuan("100000"));
        CHECK(year_to_date(plan.regions[0].months, 6, Measure::sales, plan.currency) == yuan("600000"));
        CHECK(company_target(plan, 3, Measure::expense) == yuan("10000"));
    }

    TEST_CASE("an unbalanced month and key accounts above their region are blocked with the figures") {
        AnnualPlan plan = company_plan();
        // March company sales 200,000 but the regions 100,000 + 60,000 + 45,000 = 205,000: +5,000
        plan.regions[2].months[2].sales = yuan("45000");
        // K1's April collection 95,000 is above east's 90,000 by 5,000
        plan.key_accounts[0].months[3].collection = yuan("95000");
        const crm::Decision d = balance(plan);
        CHECK(d.outcome() == Outcome::block);
        REQUIRE(d.reasons().size() == 2);
        CHECK(explain(d.reasons()[0], Lang::zh) ==
              "3 月销售额计划：各区域合计 CNY 205,000.00，公司计划 CNY 200,000.00，差额 CNY 5,000.00");
        CHECK(explain(d.reasons()[1], Lang::zh) ==
              "华东区：4 月大客户回款计划合计 CNY 95,000.00，超过区域计划 CNY 90,000.00，超出 CNY 5,000.00");
        CHECK(
            explain(d.reasons()[1], Lang::en) ==
            "华东区: the key accounts' collection plan for month 4 is CNY 95,000.00, above the region's CNY "
            "90,000.00 by CNY 5,000.00");
    }

    TEST_CASE("a key-account share below the minimum is a warning") {
        AnnualPlan plan = company_plan();
        plan.min_key_account_share = crm::Percent{"40"};
        // east: K1 carries 360,000 of 1,200,000 = 30.00% < 40%; north and south have no key account: 0.00%
        const crm::Decision d = balance(plan);
        REQUIRE(d.reasons().size() == 3);
        CHECK(d.outcome() == Outcome::warn);
        CHECK(explain(d.reasons()[0], Lang::zh) == "华东区：大客户占全年销售计划的 30.00%，低于最低占比 40%");
    }

    TEST_CASE("bad plans are errors naming the field") {
        AnnualPlan plan = company_plan();
        plan.regions[2].months[5].month = 13;
        check_error([&] { plan.validate(); }, ErrorCode::invalid_argument, "plan.regions[2].months[5].month");
        plan = company_plan();
        plan.regions[1].months[0].expense = crm::Money{"4000", "USD"};
        check_error([&] { plan.validate(); }, ErrorCode::currency_mismatch,
                    "plan.regions[1].months[0].expense");
        plan = company_plan();
        plan.regions[0].months[1].month = 1;
        check_error([&] { plan.validate(); }, ErrorCode::duplicate, "plan.regions[0].months[1].month");
        plan = company_plan();
        plan.company[0].sales = yuan("-1");
        check_error([&] { plan.validate(); }, ErrorCode::invalid_argument, "plan.company.months[0].sales");
        plan = company_plan();
        plan.key_accounts[0].region = crm::RegionId{"west"};
        check_error([&] { plan.validate(); }, ErrorCode::not_found, "plan.key_accounts[0].region");
        plan = company_plan();
        plan.regions[1].region = crm::RegionId{"east"};
        check_error([&] { plan.validate(); }, ErrorCode::duplicate, "plan.regions[1].region");
        plan = company_plan();
        plan.regions[0].months[0].sales = yuan("0.001");
        check_error([&] { return balance(plan); }, ErrorCode::invalid_argument,
                    "plan.regions[0].months[0].sales");
        CHECK(display_name(Measure::collection, Lang::zh) == "回款");
    }
}
