// The rolling forecast of 华东区 on 2026-06-15 (company.hpp), worked by hand.

#include <crm/core/error.hpp>
#include <crm/planning/forecast.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "company.hpp"

using crm::AccountId;
using crm::Date;
using crm::ErrorCode;
using crm::Lang;
using crm::RegionId;
using crm::test::company_accounts;
using crm::test::company_actuals;
using crm::test::company_as_of;
using crm::test::company_plan;
using crm::test::yuan;
using namespace crm::planning;

namespace {

std::vector<OpenOrder> east_orders() {
    return {{AccountId{"K1"}, yuan("20000"), Date(2026, 6, 20)},
            {AccountId{"K1"}, yuan("5000"), Date(2026, 6, 1)},  // late: expected in June's remaining days
            {AccountId{"E2"}, yuan("15000"), Date(2026, 7, 10)},
            {AccountId{"N1"}, yuan("90000"), Date(2026, 6, 30)}};  // north: not in east's forecast
}

std::vector<crm::credit::Receivable> east_receivables() {
    return {{crm::InvoiceId{"I1"}, AccountId{"K1"}, Date(2026, 4, 30), Date(2026, 5, 31), yuan("30000")},
            {crm::InvoiceId{"I2"}, AccountId{"E2"}, Date(2026, 5, 31), Date(2026, 6, 30), yuan("40000")},
            {crm::InvoiceId{"I3"}, AccountId{"E2"}, Date(2026, 6, 15), Date(2026, 7, 15), yuan("50000")},
            {crm::InvoiceId{"I4"}, AccountId{"K1"}, Date(2026, 8, 10), Date(2026, 9, 10), yuan("10000")},
            {crm::InvoiceId{"I5"}, AccountId{"N1"}, Date(2026, 5, 10), Date(2026, 6, 10), yuan("70000")}};
}

std::vector<crm::credit::CollectionLine> history() {
    const crm::Period april = crm::Period::containing(Date(2026, 4, 1), crm::PeriodKind::month);
    // K1 collected 80,000 of 100,000 planned (80.00%); E2 60,000 of 50,000 (120%, capped at 100%)
    return {{AccountId{"K1"}, april, yuan("100000"), yuan("80000"), yuan("-20000"), crm::Percent{"80"}},
            {AccountId{"E2"}, april, yuan("50000"), yuan("60000"), yuan("10000"), crm::Percent{"120"}}};
}

}  // namespace

TEST_SUITE("planning.forecast") {
    TEST_CASE("east's forecast for June July and August and June's feasibility") {
        const auto sales = company_actuals().sales;
        const RollingForecast f =
            rolling_forecast(company_plan(), RegionId{"east"}, company_accounts(), sales, east_orders(),
                             east_receivables(), history(), ForecastPolicy{}, company_as_of);
        // run rate, trailing 3 months: March to May east sold 3 x 100,000 = 300,000 in 31 + 30 + 31
        // = 92 days: 3,260.869... -> 3,260.87 a day
        CHECK(f.daily_run_rate == yuan("3260.87"));
        CHECK(f.days_left == 15);  // June 16..30
        const MonthForecast& june = f.months[0];
        // June: actual 50,000; run rate 3,260.87 x 15 = 48,913.05; open orders 20,000 + 5,000 (late)
        // = 25,000, below the run rate: forecast 50,000 + 48,913.05 = 98,913.05
        CHECK(june.actual_to_date == yuan("50000"));
        CHECK(june.run_rate_sales == yuan("48913.05"));
        CHECK(june.open_orders == yuan("25000"));
        CHECK(june.sales_forecast == yuan("98913.05"));
        // collections due in June (I1 overdue since 05-31 counts in June): 30,000 x 80% + 40,000 x 100%
        CHECK(june.expected_collections == yuan("64000"));
        // July: 31 days x 3,260.87 = 101,086.97 above the order of 15,000; I3 due 07-15: 50,000
        CHECK(f.months[1].sales_forecast == yuan("101086.97"));
        CHECK(f.months[1].open_orders == yuan("15000"));
        CHECK(f.months[1].expected_collections == yuan("50000"));
        // August: 31 days again; I4 is due in September, beyond the horizon
        CHECK(f.months[2].month == 8);
        CHECK(f.months[2].expected_collections == yuan("0"));
        // feasibility: gap 100,000 - 98,913.05 = 1,086.95; needed (100,000 - 50,000) / 15 =
        // 3,333.33 a day, within 150% x 3,260.87 = 4,891.305: short but reachable
        CHECK(f.gap == yuan("1086.95"));
        CHECK(f.needed_daily_rate == yuan("3333.33"));
        CHECK(f.feasibility.outcome() == crm::Outcome::warn);
        CHECK(explain(f.feasibility.reasons()[0], Lang::zh) ==
              "华东区：2026 年 6 月销售预测 CNY 98,913.05，距计划 CNY 100,000.00 差 CNY 1,086.95；剩余 15 "
              "天需日均完成 CNY 3,333.33（当前日均 CNY 3,260.87），努力可达");
    }

    TEST_CASE("the year to date method and an infeasible month") {
        ForecastPolicy policy{.method = RunRateMethod::year_to_date};
        policy.stretch = crm::Percent{"100"};
        const auto sales = company_actuals().sales;
        // north, year to date: 5 x 50,000 + 20,000 = 270,000 in 166 days (Jan 1 .. Jun 15) = 1,626.51
        const RollingForecast f = rolling_forecast(company_plan(), RegionId{"north"}, company_accounts(),
                                                   sales, {}, {}, {}, policy, company_as_of);
        CHECK(f.daily_run_rate == yuan("1626.51"));
        // June: 20,000 + 1,626.51 x 15 = 44,397.65, plan 60,000: needed 40,000 / 15 = 2,666.67 >
        // 100% x 1,626.51: infeasible
        CHECK(f.months[0].sales_forecast == yuan("44397.65"));
        CHECK(f.feasibility.outcome() == crm::Outcome::block);
        CHECK(f.feasibility.reasons()[0].code() == "planning.forecast_infeasible");
        // the whole company: every region's accounts; run rate over the company's year to date
        const RollingForecast all = rolling_forecast(company_plan(), std::nullopt, company_accounts(), sales,
                                                     {}, {}, {}, policy, company_as_of);
        CHECK(all.months[0].actual_to_date == yuan("95000"));
        CHECK(all.months[0].sales_plan == yuan("200000"));
    }

    TEST_CASE("a December forecast reaches past the plan year and says so") {
        const RollingForecast f = rolling_forecast(company_plan(), RegionId{"south"}, company_accounts(), {},
                                                   {}, {}, {}, ForecastPolicy{}, Date(2026, 12, 31));
        CHECK(f.months[1].year == 2027);
        CHECK_FALSE(f.months[1].sales_plan.has_value());
        CHECK(f.feasibility.has("planning.forecast_not_planned"));
        // nothing sold and no day left: December is lost
        CHECK(f.feasibility.reasons()[0].code() == "planning.forecast_infeasible");
    }

    TEST_CASE("bad forecast input is an error naming the field") {
        using crm::test::check_error;
        const auto plan = company_plan();
        const auto accounts = company_accounts();
        auto orders = east_orders();
        orders[1].account = AccountId{"Z"};
        check_error(
            [&] {
                return rolling_forecast(plan, RegionId{"east"}, accounts, {}, orders, {}, {}, {},
                                        company_as_of);
            },
            ErrorCode::not_found, "orders[1].account");
        auto receivables = east_receivables();
        receivables[4].account = AccountId{"Z"};
        check_error(
            [&] {
                return rolling_forecast(plan, RegionId{"east"}, accounts, {}, {}, receivables, {}, {},
                                        company_as_of);
            },
            ErrorCode::not_found, "receivables[4].account");
        check_error(
            [&] {
                return rolling_forecast(plan, RegionId{"west"}, accounts, {}, {}, {}, {}, {}, company_as_of);
            },
            ErrorCode::not_found, "region");
        ForecastPolicy bad{};
        bad.trailing_months = 0;
        check_error(
            [&] {
                return rolling_forecast(plan, std::nullopt, accounts, {}, {}, {}, {}, bad, company_as_of);
            },
            ErrorCode::invalid_argument, "policy.trailing_months");
    }
}
