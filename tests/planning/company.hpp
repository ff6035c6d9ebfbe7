#pragma once
// A small company for the planning and report tests: three regions (华东区 east, 华北区 north,
// 华南区 south), one key account, plan year 2026, facts from January to mid-June.
//
// Plan, every month of 2026 (CNY):          sales     collection  expense
//   east  华东区                            100,000       90,000    5,000
//   north 华北区                             60,000       50,000    4,000
//   south 华南区                             40,000       40,000    1,000
//   company (= the sum)                     200,000      180,000   10,000
//   key account K1 (east), listed apart      30,000       27,000        0
// Accounts: K1 and E2 in east, N1 in north, S1 in south.
// Facts, January to May on the 15th of each month, then June 1-15:
//   sales        K1 30,000  E2 70,000  N1 50,000  S1 40,000 a month; June: K1 10,000 (06-10),
//                E2 40,000 (06-12), N1 20,000 (06-08), S1 25,000 (06-11)
//   collections  K1 27,000  E2 63,000  N1 40,000  S1 40,000 a month; June: E2 45,000 (06-05),
//                N1 25,000 (06-09), S1 10,000 (06-10)
//   expenses     east 5,000  north 5,000  south 1,000 a month; June: east 4,000, north 1,000,
//                south 500 (06-14)
// Later-dated facts (2026-06-20) that must not count on 2026-06-15: a sale and an expense.

#include <crm/credit/receivable.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/planning/plan.hpp>

#include <vector>

namespace crm::test {

inline Money yuan(const char* s) { return Money{s, "CNY"}; }

inline std::vector<planning::MonthTarget> every_month(const char* sales, const char* collection,
                                                      const char* expense) {
    std::vector<planning::MonthTarget> out;
    for (int m = 1; m <= 12; ++m)
        out.push_back(
            {.month = m, .sales = yuan(sales), .collection = yuan(collection), .expense = yuan(expense)});
    return out;
}

inline planning::AnnualPlan company_plan() {
    return planning::AnnualPlan{
        .year = 2026,
        .currency = Currency{"CNY"},
        .company = every_month("200000", "180000", "10000"),
        .regions =
            {{.region = RegionId{"east"}, .name = "华东区", .months = every_month("100000", "90000", "5000")},
             {.region = RegionId{"north"}, .name = "华北区", .months = every_month("60000", "50000", "4000")},
             {.region = RegionId{"south"},
              .name = "华南区",
              .months = every_month("40000", "40000", "1000")}},
        .key_accounts = {{.account = AccountId{"K1"},
                          .region = RegionId{"east"},
                          .months = every_month("30000", "27000", "0")}},
    };
}

inline std::vector<credit::AccountRegion> company_accounts() {
    return {{AccountId{"K1"}, RegionId{"east"}},
            {AccountId{"E2"}, RegionId{"east"}},
            {AccountId{"N1"}, RegionId{"north"}},
            {AccountId{"S1"}, RegionId{"south"}}};
}

inline planning::Actuals company_actuals() {
    planning::Actuals a;
    for (unsigned m = 1; m <= 5; ++m) {
        const Date d(2026, m, 15);
        a.sales.push_back({AccountId{"K1"}, d, yuan("30000")});
        a.sales.push_back({AccountId{"E2"}, d, yuan("70000")});
        a.sales.push_back({AccountId{"N1"}, d, yuan("50000")});
        a.sales.push_back({AccountId{"S1"}, d, yuan("40000")});
        a.collections.push_back({AccountId{"K1"}, d, yuan("27000")});
        a.collections.push_back({AccountId{"E2"}, d, yuan("63000")});
        a.collections.push_back({AccountId{"N1"}, d, yuan("40000")});
        a.collections.push_back({AccountId{"S1"}, d, yuan("40000")});
        a.expenses.push_back({RegionId{"east"}, d, yuan("5000")});
        a.expenses.push_back({RegionId{"north"}, d, yuan("5000")});
        a.expenses.push_back({RegionId{"south"}, d, yuan("1000")});
    }
    a.sales.push_back({AccountId{"K1"}, Date(2026, 6, 10), yuan("10000")});
    a.sales.push_back({AccountId{"E2"}, Date(2026, 6, 12), yuan("40000")});
    a.sales.push_back({AccountId{"N1"}, Date(2026, 6, 8), yuan("20000")});
    a.sales.push_back({AccountId{"S1"}, Date(2026, 6, 11), yuan("25000")});
    a.sales.push_back({AccountId{"S1"}, Date(2026, 6, 20), yuan("99999")});  // after the as-of date
    a.collections.push_back({AccountId{"E2"}, Date(2026, 6, 5), yuan("45000")});
    a.collections.push_back({AccountId{"N1"}, Date(2026, 6, 9), yuan("25000")});
    a.collections.push_back({AccountId{"S1"}, Date(2026, 6, 10), yuan("10000")});
    a.expenses.push_back({RegionId{"east"}, Date(2026, 6, 14), yuan("4000")});
    a.expenses.push_back({RegionId{"north"}, Date(2026, 6, 14), yuan("1000")});
    a.expenses.push_back({RegionId{"south"}, Date(2026, 6, 14), yuan("500")});
    a.expenses.push_back({RegionId{"south"}, Date(2026, 6, 20), yuan("7777")});  // after the as-of date
    return a;
}

inline const Date company_as_of{2026, 6, 15};

}  // namespace crm::test
