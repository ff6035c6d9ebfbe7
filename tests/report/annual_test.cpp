// The annual summary (年度工作总结) of the company of snapshot.hpp to 2026-06-15: the month-by-month
// trend equals plan_vs_actual at each month's end, tier changes, findings, rendering.

#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/report/annual.hpp>

#include <vector>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "snapshot.hpp"

using crm::AccountId;
using crm::Date;
using crm::Lang;
using crm::test::company_snapshot;
using crm::ErrorCode;
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

    TEST_CASE("the aging and KPI trend from the year's monthly reports") {
        // The reports of March, April, May (at their month ends) and June (at 06-15), each from
        // its month's snapshot (here the same facts read at each date; the approvals submitted
        // later are not in the earlier snapshots).
        const Snapshot june = company_snapshot();
        std::vector<MonthlyKeyAccountReport> reports;
        std::vector<Snapshot> snapshots;
        for (unsigned m = 3; m <= 6; ++m) {
            Snapshot s = june;
            s.as_of = m == 6 ? june.as_of : Date(2026, m, crm::days_in_month(2026, m));
            std::erase_if(s.approvals, [&](const PendingApproval& p) { return s.as_of < p.submitted; });
            reports.push_back(monthly_report(s));
            snapshots.push_back(s);
        }
        const AnnualSummary a = annual_summary(june, {}, reports);
        REQUIRE(a.reported.size() == 4);
        CHECK(a.months.size() == 6);  // the plan trend is unchanged
        std::vector<crm::credit::AccountRegion> ar;
        for (const auto& acc : june.accounts) ar.push_back({acc.id, acc.region});
        for (std::size_t k = 0; k < 4; ++k) {
            CAPTURE(k);
            const ReportedMonth& m = a.reported[k];
            CHECK(m.month == static_cast<int>(k) + 3);
            const Snapshot& s = snapshots[k];
            const auto by_region = crm::credit::aging_by_region(
                crm::credit::aging_by_account(s.receivables, s.as_of, s.aging_buckets, {.currency = s.plan.currency}),
                ar);
            for (std::size_t r = 0; r < 3; ++r) {
                CHECK(m.regions[r].aging == reports[k].regions[r].aging);
                for (const auto& ra : by_region)
                    if (ra.region == june.plan.regions[r].region) CHECK(m.regions[r].aging == ra.report);
                CHECK(m.regions[r].past_due == m.regions[r].aging.total - m.regions[r].aging.amounts[0]);
                CHECK(m.regions[r].kpi == reports[k].regions[r].kpi);
                CHECK(m.regions[r].kpi_rank == reports[k].regions[r].kpi_rank);
                CHECK(m.regions[r].turnover_days == reports[k].regions[r].turnover_days);
            }
            CHECK(m.total.aging == crm::credit::aging(s.receivables, s.as_of, s.aging_buckets,
                                                      {.currency = s.plan.currency}));
        }
        // Past due on 03-31: east I2 (due 02-28) 20,000; north I4 (due 03-10) 40,000; south none;
        // company 60,000. On 06-15: east I2 + I3 (due 05-31) 35,000; north 40,000; south I5 (due
        // 06-10) 5,000; company 80,000.
        CHECK(a.reported[0].regions[0].past_due == yuan("20000"));
        CHECK(a.reported[0].regions[1].past_due == yuan("40000"));
        CHECK(a.reported[0].regions[2].past_due == yuan("0"));
        CHECK(a.reported[0].total.past_due == yuan("60000"));
        CHECK(a.reported[3].regions[0].past_due == yuan("35000"));
        CHECK(a.reported[3].total.past_due == yuan("80000"));
        // findings: east, south and the company rose (warn); north unchanged (none)
        std::vector<std::string> past_due;
        for (const Finding& f : a.findings)
            if (f.reason.code() == "report.past_due_rose" || f.reason.code() == "report.past_due_fell")
                past_due.push_back(explain(f.reason, Lang::zh));
        CHECK(past_due == std::vector<std::string>{
                              "华东区：逾期应收账款由 3 月的 CNY 20,000.00 升至 6 月的 CNY 35,000.00",
                              "华南区：逾期应收账款由 3 月的 CNY 0.00 升至 6 月的 CNY 5,000.00",
                              "全公司：逾期应收账款由 3 月的 CNY 60,000.00 升至 6 月的 CNY 80,000.00"});
        // a KPI finding exactly where the first and last scores differ, in their direction
        for (std::size_t r = 0; r < 3; ++r) {
            const auto& first = a.reported.front().regions[r].kpi;
            const auto& last = a.reported.back().regions[r].kpi;
            std::string code;
            for (const Finding& f : a.findings)
                if (f.region == june.plan.regions[r].region &&
                    (f.reason.code() == "report.kpi_rose" || f.reason.code() == "report.kpi_fell"))
                    code = std::string(f.reason.code());
            if (first && last && first->total != last->total)
                CHECK(code == (first->total < last->total ? "report.kpi_rose" : "report.kpi_fell"));
            else
                CHECK(code.empty());
        }
        const std::string zh = render(a, Lang::zh, Format::markdown);
        CHECK(zh.find("## 三、应收账款与考核趋势") != std::string::npos);
        CHECK(zh.find("| 3 | 华东区 | ") != std::string::npos);
        CHECK(zh.find("| 6 | 全公司 | CNY 110,000.00 | CNY 80,000.00 |") != std::string::npos);
        CHECK(zh.find("## 四、总结") != std::string::npos);
        const std::string en = render(a, Lang::en, Format::text);
        CHECK(en.find("company: receivables past due rose from CNY 60,000.00 (month 3) to CNY 80,000.00 (month 6)") !=
              std::string::npos);
        // in 万元: June's company row 110,000 -> 11.00, 80,000 -> 8.00; the plan table's 200,000
        // a month -> 20.00
        const std::string wan = render(a, Lang::zh, Format::markdown, {.unit = Unit::wan});
        CHECK(wan.find("金额单位：万元（保留2位小数，四舍五入；") != std::string::npos);
        CHECK(wan.find("| 6 | 全公司 | 11.00万元 | 8.00万元 |") != std::string::npos);
        CHECK(wan.find("| 1 | 20.00万元 | 19.00万元 | 95.00% |") != std::string::npos);
        CHECK(render(a, Lang::zh, Format::markdown) == render(a, Lang::zh, Format::markdown, RenderOptions{}));
        crm::test::check_error([&] { return render(a, Lang::zh, Format::text, {.unit = Unit::wan, .places = 9}); },
                               ErrorCode::invalid_argument, "options.places");
        // without reports: no trend section, the numbering as before
        CHECK(render(annual_summary(june, {}), Lang::zh, Format::text).find("三、总结") != std::string::npos);
    }

    TEST_CASE("the trend in wan adds up by allocation or is marked") {
        // June's open receivables, all current: east 1,234,567.89 (123.46万 rounded alone), north
        // 10,040 (1.00), south 20,045 (2.00); company 1,264,652.89 = 126.47万 but the parts give
        // 126.46. Allocated: south, rounded down furthest (0.0045 > 0.0040), shows 2.01.
        Snapshot june = company_snapshot();
        const auto rcv = [](const char* inv, const char* acc, const char* open) {
            return crm::credit::Receivable{crm::InvoiceId{inv}, AccountId{acc}, Date(2026, 6, 1), Date(2026, 6, 30),
                                           yuan(open)};
        };
        june.receivables = {rcv("I1", "K1", "1234567.89"), rcv("I2", "N1", "10040"), rcv("I3", "S1", "20045")};
        const std::vector<MonthlyKeyAccountReport> reports{monthly_report(june)};
        const AnnualSummary a = annual_summary(june, {}, reports);
        const std::string allocated = render(a, Lang::zh, Format::markdown, {.unit = Unit::wan});
        CHECK(allocated.find("| 6 | 华东区 | 123.46万元 | 0.00万元 |") != std::string::npos);
        CHECK(allocated.find("| 6 | 华南区 | 2.01万元 | 0.00万元 |") != std::string::npos);
        CHECK(allocated.find("| 6 | 全公司 | 126.47万元 | 0.00万元 |") != std::string::npos);
        const std::string marked =
            render(a, Lang::zh, Format::markdown, {.unit = Unit::wan, .totals = crm::WanTotals::mark});
        CHECK(marked.find("| 6 | 华南区 | 2.00万元 |") != std::string::npos);
        CHECK(marked.find("| 6 | 全公司 | 126.47万元 * |") != std::string::npos);
        CHECK(marked.find("\\* 6月应收余额：各区域合计 126.46万元，与全公司合计相差 0.01万元（尾差）。") !=
              std::string::npos);
    }

    TEST_CASE("monthly reports that do not fit the summary are errors naming them") {
        const Snapshot june = company_snapshot();
        const MonthlyKeyAccountReport r = monthly_report(june);
        Snapshot may_snapshot = june;
        may_snapshot.as_of = Date(2026, 5, 31);
        may_snapshot.approvals.clear();
        const MonthlyKeyAccountReport may = monthly_report(may_snapshot);
        const auto bad = [&](std::vector<MonthlyKeyAccountReport> reports, ErrorCode code, const char* field) {
            crm::test::check_error([&] { return annual_summary(june, {}, reports); }, code, field);
        };
        bad({r, may}, ErrorCode::inconsistent, "reports[1].month");  // out of order
        bad({may, may}, ErrorCode::inconsistent, "reports[1].month");  // twice
        MonthlyKeyAccountReport x = r;
        x.month = 7;
        bad({x}, ErrorCode::inconsistent, "reports[0].month");  // after the as-of month
        x = r;
        x.year = 2025;
        bad({may, x}, ErrorCode::invalid_argument, "reports[1].year");
        x = r;
        x.currency = crm::Currency{"USD"};
        bad({x}, ErrorCode::currency_mismatch, "reports[0].currency");
        x = r;
        std::swap(x.regions[0], x.regions[1]);
        bad({x}, ErrorCode::inconsistent, "reports[0].regions");
        x = r;
        x.regions.pop_back();
        bad({x}, ErrorCode::inconsistent, "reports[0].regions");
        CHECK(annual_summary(june, {}, std::vector<MonthlyKeyAccountReport>{}).reported.empty());
    }

    TEST_CASE("a tier record of an unknown account is an error naming it") {
        const std::vector<TierRecord> tiers{{AccountId{"K1"}, "B"}, {AccountId{"GHOST"}, "C"}};
        crm::test::check_error([&] { return annual_summary(company_snapshot(), tiers); },
                               crm::ErrorCode::not_found, "tiers[1].account");
    }
}
