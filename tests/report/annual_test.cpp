// The annual summary (年度工作总结) of the company of snapshot.hpp to 2026-06-15: the month-by-month
// trend equals plan_vs_actual at each month's end, tier changes, findings, rendering.

#include <crm/core/error.hpp>
#include <crm/report/annual.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "snapshot.hpp"

using crm::AccountId;
using crm::Date;
using crm::Lang;
using crm::test::company_snapshot;
using crm::test::yuan;
using namespace crm::report;
namespace planning = crm::planning;

TEST_SUITE("report.annual") {
    TEST_CASE("the year month by month with tier changes and findings") {
        const Snapshot s = company_snapshot();
        // K1 was tier B at the start of the year and is A now; S1 stayed C
        const std::vector<TierRecord> tiers{{AccountId{"K1"}, "B"}, {AccountId{"S1"}, "C"}};
        const AnnualSummary a = annual_summary(s, tiers);
        REQUIRE(a.months.size() == 6);
        std::vector<crm::credit::AccountRegion> ar;
        for (const auto& acc : s.accounts) ar.push_back({acc.id, acc.region});
        for (const MonthTrend& m : a.months) {
            CAPTURE(m.month);
            const Date end = m.month == 6 ? s.as_of
                                          : Date(2026, static_cast<unsigned>(m.month),
                                                 crm::days_in_month(2026, static_cast<unsigned>(m.month)));
            CHECK(m.progress == planning::plan_vs_actual(s.plan, ar, s.actuals, end));
        }
        // January to May the company sold 190,000 a month (100,000 + 50,000 + 40,000) of 200,000
        CHECK(a.months[0].progress.total.of(planning::Measure::sales).actual == yuan("190000"));
        CHECK(a.months[0].progress.total.of(planning::Measure::sales).achievement == crm::Percent{"95.00"});
        REQUIRE(a.tier_changes.size() == 1);
        CHECK(a.tier_changes[0] == TierChange{AccountId{"K1"}, "B", "A"});
        // findings: east sales 550,000 of the plan to date 550,000: on plan; north 270,000 of
        // 330,000 = 81.82%: behind
        REQUIRE(a.findings.size() == 7);
        CHECK(a.findings[0].reason.code() == "report.year_on_plan");
        CHECK(explain(a.findings[2].reason, Lang::zh) ==
              "华北区：全年累计销售额 CNY 270,000.00，仅完成计划 CNY 330,000.00 的 81.82%");
        CHECK(explain(a.findings[6].reason, Lang::zh) == "客户 K1 由 B 类调整为 A 类");
        const std::string zh = render(a, Lang::zh, Format::markdown);
        CHECK(zh.find("# 2026年度工作总结（截至 2026-06-15）") != std::string::npos);
        CHECK(zh.find("客户 K1：B 类 -> A 类") != std::string::npos);
        CHECK(render(a, Lang::en, Format::text).find("Annual summary 2026") != std::string::npos);
    }

    TEST_CASE("a tier record of an unknown account is an error naming it") {
        const std::vector<TierRecord> tiers{{AccountId{"K1"}, "B"}, {AccountId{"GHOST"}, "C"}};
        crm::test::check_error([&] { return annual_summary(company_snapshot(), tiers); },
                               crm::ErrorCode::not_found, "tiers[1].account");
    }
}
