// The monthly key-account report of the company of snapshot.hpp on 2026-06-15: worked figures,
// every section equal to the layer-1 (or planning) call on the same data, totals equal to the
// sum of the regions, findings sorted, bad snapshots named by field, and missing facts allowed.

#include <crm/account/complaint.hpp>
#include <crm/account/visit.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/caps.hpp>
#include <crm/credit/turnover.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include "../support/errors.hpp"
#include "snapshot.hpp"

using crm::Date;
using crm::Decimal;
using crm::ErrorCode;
using crm::Lang;
using crm::Outcome;
using crm::RegionId;
using crm::test::company_snapshot;
using crm::test::yuan;
using namespace crm::report;
namespace planning = crm::planning;
namespace credit = crm::credit;

namespace {

std::vector<credit::AccountRegion> regions_of(const Snapshot& s) {
    std::vector<credit::AccountRegion> out;
    for (const auto& a : s.accounts) out.push_back({a.id, a.region});
    return out;
}

}  // namespace

TEST_SUITE("report.monthly") {
    TEST_CASE("one month's report of a small company worked by hand") {
        const Snapshot s = company_snapshot();
        const MonthlyKeyAccountReport r = monthly_report(s);
        CHECK(r.month == 6);
        REQUIRE(r.regions.size() == 3);
        const Section& east = r.regions[0];
        CHECK(east.name == "华东区");
        // receivables east: I1 30,000 (current) + I2 20,000 (107 days, 91-180) + I3 15,000 (15 days,
        // 1-30) = 65,000; north I4 40,000 (97 days); south I5 5,000 (5 days); total 110,000
        CHECK(east.aging.total == yuan("65000"));
        CHECK(east.aging.amounts[0] == yuan("30000"));
        CHECK(east.aging.amounts[1] == yuan("15000"));
        CHECK(east.aging.amounts[4] == yuan("20000"));
        CHECK(r.total.aging.total == yuan("110000"));
        // turnover east this month: 15 days x (60,000 + 65,000) / 2 / 50,000 = 18.75; May: 31 x
        // (70,000 + 60,000) / 2 / 100,000 = 20.15 (shortened); south May: 31 x 7,000 / 40,000 = 5.425 -> 5.43
        CHECK(east.turnover_days == Decimal{"18.75"});
        CHECK(east.previous_turnover_days == Decimal{"20.15"});
        CHECK(r.regions[1].turnover_days == Decimal{"30.00"});
        CHECK(r.regions[2].previous_turnover_days == Decimal{"5.43"});
        // caps: east 65,000 of 100,000 (headroom 35,000); K1 50,000 over its 40,000 by 10,000
        REQUIRE(east.cap.has_value());
        CHECK(east.cap->headroom == yuan("35000"));
        REQUIRE(east.accounts_over_cap.size() == 1);
        CHECK(east.accounts_over_cap[0].status.excess == yuan("10000"));
        // beyond 90 days past due: K1 20,000 (I2), N1 40,000 (I4)
        REQUIRE(east.overdue_accounts.size() == 1);
        CHECK(east.overdue_accounts[0].beyond_limit == yuan("20000"));
        CHECK(r.regions[1].overdue_accounts[0].beyond_limit == yuan("40000"));
        // approvals: R1 waited 06-10 .. 06-15 = 5 days
        REQUIRE(east.approvals.size() == 1);
        CHECK(east.approvals[0].age == crm::Days{5});
        // complaints: C1 open; response due Friday 06-12 12:00 and not given: breached; resolution
        // 2 business days, due Tuesday 06-16 18:00, 1,020 of 1,560 minutes used: on time; past 50%:
        // escalated to level 1. C2 was resolved: not listed.
        REQUIRE(east.complaints.size() == 1);
        CHECK(east.complaints[0].status.response.state == crm::account::SlaState::breached);
        CHECK(east.complaints[0].status.resolution.elapsed == crm::Minutes{1020});
        CHECK(east.complaints[0].status.escalation_level == 1);
        CHECK(r.regions[2].complaints.empty());
        // visits: K1 due 05-20, 26 days overdue; N1 due 05-01, 45 days
        REQUIRE(east.overdue_visits.size() == 1);
        CHECK(east.overdue_visits[0].overdue == crm::Days{26});
        CHECK(r.regions[1].overdue_visits[0].overdue == crm::Days{45});
        // measures: visit N1 (45 days) before K1 (26); chase I4 40,000 before I2 20,000; review the
        // expense of east and north (over their standards, see planning.expense)
        CHECK(r.measures.accounts_to_visit ==
              std::vector<crm::AccountId>{crm::AccountId{"N1"}, crm::AccountId{"K1"}});
        REQUIRE(r.measures.invoices_to_chase.size() == 2);
        CHECK(r.measures.invoices_to_chase[0].invoice == crm::InvoiceId{"I4"});
        CHECK(r.measures.invoices_to_chase[0].past_due == crm::Days{97});
        CHECK(r.measures.expense_to_review == std::vector<RegionId>{RegionId{"east"}, RegionId{"north"}});
        // every region is scored and ranked 1..3
        for (const Section& sec : r.regions) {
            REQUIRE(sec.kpi.has_value());
            CHECK(sec.kpi_rank.has_value());
        }
        // findings: the most severe first (K1 over its cap: block), allow (went well) last
        REQUIRE_FALSE(r.findings.empty());
        CHECK(r.findings.front().reason.severity() == Outcome::block);
        CHECK(r.findings.back().reason.severity() == Outcome::allow);
        bool shortened = false;
        bool waiting = false;
        for (const Finding& f : r.findings) {
            shortened =
                shortened || (f.reason.code() == "report.turnover_shortened" && f.region == RegionId{"east"});
            waiting = waiting || (f.reason.code() == "report.approval_waiting" &&
                                  explain(f.reason, Lang::zh) == "折扣审批 R1 已等待 5 天，超过 3 天");
        }
        CHECK(shortened);
        CHECK(waiting);
    }

    TEST_CASE("every section equals the layer-1 call on the same data") {
        const Snapshot s = company_snapshot();
        const MonthlyKeyAccountReport r = monthly_report(s);
        const auto ar = regions_of(s);
        const planning::MonthlyPlanActual pva = planning::plan_vs_actual(s.plan, ar, s.actuals, s.as_of);
        const auto by_region = credit::aging_by_region(
            credit::aging_by_account(s.receivables, s.as_of, s.aging_buckets, {.currency = s.plan.currency}),
            ar);
        const credit::CapReport caps =
            credit::cap_report(s.receivables, ar, s.account_caps, s.region_caps, {});
        const auto visits = crm::account::overdue_visits(s.visits, s.accounts, s.as_of);
        const crm::scoring::CompiledScorecard card{crm::scoring::kpi_scorecard(s.kpi, s.kpi_trends)};
        CHECK(r.total.aging ==
              credit::aging(s.receivables, s.as_of, s.aging_buckets, {.currency = s.plan.currency}));
        CHECK(r.total.progress == pva.total);
        CHECK(r.expense == planning::expense_review(s.plan, pva, s.expense));
        CHECK(r.total.forecast == planning::rolling_forecast(s.plan, std::nullopt, ar, s.actuals.sales,
                                                             s.orders, s.receivables, s.collection_history,
                                                             s.forecast, s.as_of));
        for (std::size_t i = 0; i < r.regions.size(); ++i) {
            CAPTURE(i);
            const Section& sec = r.regions[i];
            const RegionId& id = s.plan.regions[i].region;
            CHECK(sec.progress == pva.regions[i]);
            for (const auto& ra : by_region)
                if (ra.region == id) CHECK(sec.aging == ra.report);
            for (const auto& rc : caps.regions)
                if (rc.region == id) CHECK(sec.cap == rc.status);
            // the forecast from the region's own facts equals the call on the whole snapshot scoped to it
            CHECK(sec.forecast == planning::rolling_forecast(s.plan, id, ar, s.actuals.sales, s.orders,
                                                             s.receivables, s.collection_history, s.forecast,
                                                             s.as_of));
            std::size_t v = 0;
            for (const auto& ov : visits)
                for (const auto& a : s.accounts)
                    if (a.id == ov.account && a.region == id) {
                        REQUIRE(v < sec.overdue_visits.size());
                        CHECK(sec.overdue_visits[v++] == ov);
                    }
            CHECK(v == sec.overdue_visits.size());
            for (const OpenComplaint& oc : sec.complaints)
                for (const auto& c : s.complaints)
                    if (c.id == oc.complaint)
                        CHECK(oc.status ==
                              crm::account::sla_status(s.sla, c, s.calendar, s.hours,
                                                       crm::DateTime{s.as_of, crm::TimeOfDay(24, 0)}));
            const auto& b = s.balances[i];
            CHECK(sec.turnover_days ==
                  credit::turnover_days(
                      crm::Days{15}, sec.progress.of(planning::Measure::sales).actual,
                      credit::average_of_opening_and_closing(b.month_start, sec.aging.total)));
            const auto& sa = sec.progress.of(planning::Measure::sales);
            const auto& co = sec.progress.of(planning::Measure::collection);
            const crm::scoring::KpiFigures f{
                .sales_plan = sa.ytd_plan,
                .sales_actual = sa.ytd_actual,
                .collection_plan = co.ytd_plan,
                .collection_actual = co.ytd_actual,
                .receivables = sec.aging.total,
                .receivable_cap = sec.cap->cap,
                .turnover_days = sec.turnover_days,
                .target_turnover_days = s.target_turnover_days,
                .sales_expense = sec.progress.of(planning::Measure::expense).ytd_actual,
                .new_product_revenue = yuan("0")};
            const crm::scoring::KpiTrendFigures trends{
                .expense_plan = sec.progress.of(planning::Measure::expense).ytd_plan,
                .sales_expense = sec.progress.of(planning::Measure::expense).ytd_actual,
                .turnover_days = sec.turnover_days,
                .previous_turnover_days = sec.previous_turnover_days};
            CHECK(sec.kpi == crm::scoring::evaluate(card, crm::scoring::kpi_facts(f, trends)));
        }
    }

    TEST_CASE("report totals equal the sum of the regions") {
        Snapshot s = company_snapshot();
        for (int day = 15; day <= 30; day += 3) {  // from the day after the last approval was submitted
            s.as_of = Date(2026, 6, static_cast<unsigned>(day));
            CAPTURE(s.as_of);
            const MonthlyKeyAccountReport r = monthly_report(s);
            crm::Money aging = yuan("0");
            std::size_t complaints = 0;
            std::size_t visits = 0;
            std::size_t approvals = 0;
            std::array<crm::Money, 3> ytd{yuan("0"), yuan("0"), yuan("0")};
            std::array<crm::Money, 3> month{yuan("0"), yuan("0"), yuan("0")};
            for (const Section& sec : r.regions) {
                aging += sec.aging.total;
                complaints += sec.complaints.size();
                visits += sec.overdue_visits.size();
                approvals += sec.approvals.size();
                for (const auto& g : sec.progress.measures) {
                    ytd[static_cast<std::size_t>(g.measure)] += g.ytd_actual;
                    month[static_cast<std::size_t>(g.measure)] += g.actual;
                }
            }
            CHECK(r.total.aging.total == aging);
            CHECK(r.total.complaints.size() == complaints);
            CHECK(r.total.overdue_visits.size() == visits);
            CHECK(r.total.approvals.size() == approvals);
            for (const auto& g : r.total.progress.measures) {
                CHECK(g.ytd_actual == ytd[static_cast<std::size_t>(g.measure)]);
                CHECK(g.actual == month[static_cast<std::size_t>(g.measure)]);
            }
            for (std::size_t k = 0; k < 3; ++k) {
                crm::Money f = yuan("0");
                for (const Section& sec : r.regions) f += sec.forecast.months[k].expected_collections;
                CHECK(r.total.forecast.months[k].expected_collections == f);
            }
            for (std::size_t i = 1; i < r.findings.size(); ++i)
                CHECK_FALSE(r.findings[i - 1].reason.severity() < r.findings[i].reason.severity());
        }
    }

    TEST_CASE("missing optional facts are sections that say so") {
        Snapshot s = company_snapshot();
        s.complaints.clear();
        s.approvals.clear();
        s.balances.clear();
        s.region_caps.clear();
        const MonthlyKeyAccountReport r = monthly_report(s);
        CHECK(r.total.complaints.empty());
        CHECK_FALSE(r.regions[0].turnover_days.has_value());
        CHECK_FALSE(r.regions[0].kpi.has_value());  // no cap and no turnover: not scored
        const std::string zh = render(r, Lang::zh, Format::text);
        CHECK(zh.find("本月无未结投诉。") != std::string::npos);
        CHECK(zh.find("无待审批事项。") != std::string::npos);
        CHECK(zh.find("缺少必需的考核数据，未能评分。") != std::string::npos);
    }

    TEST_CASE("a bad snapshot is an error naming the field before any report") {
        using crm::test::check_error;
        Snapshot s = company_snapshot();
        s.receivables[2].account = crm::AccountId{"GHOST"};
        check_error([&] { return monthly_report(s); }, ErrorCode::not_found, "receivables[2].account");
        s = company_snapshot();
        s.accounts[1].owner = crm::PersonId{"nobody"};
        check_error([&] { return monthly_report(s); }, ErrorCode::not_found, "accounts[1].owner");
        s = company_snapshot();
        s.accounts[3].region = RegionId{"west"};
        check_error([&] { return monthly_report(s); }, ErrorCode::not_found, "accounts[3].region");
        s = company_snapshot();
        s.approvals[1].request.requester = crm::PersonId{"nobody"};
        check_error([&] { return monthly_report(s); }, ErrorCode::not_found,
                    "approvals[1].request.requester");
        s = company_snapshot();
        s.complaints[0].account = crm::AccountId{"GHOST"};
        check_error([&] { return monthly_report(s); }, ErrorCode::not_found, "complaints[0].account");
        s = company_snapshot();
        s.plan.regions[2].months[3].month = 13;
        check_error([&] { return monthly_report(s); }, ErrorCode::invalid_argument,
                    "plan.regions[2].months[3].month");
        s = company_snapshot();
        s.plan.regions[0].months[0].sales = crm::Money{"1", "USD"};
        check_error([&] { return monthly_report(s); }, ErrorCode::currency_mismatch,
                    "plan.regions[0].months[0].sales");
        s = company_snapshot();
        s.region_caps[0].region = RegionId{"west"};
        check_error([&] { return monthly_report(s); }, ErrorCode::not_found, "region_caps[0].region");
        // Opening balances listed in another order than the plan's regions: the error names the
        // entry of Snapshot::balances that holds the bad figure (the last region's, now first).
        s = company_snapshot();
        std::reverse(s.balances.begin(), s.balances.end());
        s.balances[0].month_start = crm::Money{"1", "USD"};
        check_error([&] { return monthly_report(s); }, ErrorCode::currency_mismatch, "balances[0]");
    }
}

TEST_SUITE("report.render") {
    TEST_CASE("the Chinese report names everything in Chinese and the English one in English") {
        const MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        for (const Format f : {Format::text, Format::markdown}) {
            const std::string zh = render(r, Lang::zh, f);
            CHECK(zh.find("2026年6月大客户月报（截至 2026-06-15）") != std::string::npos);
            CHECK(zh.find("华东区") != std::string::npos);
            CHECK(zh.find("[严重] 客户 K1：应收账款 CNY 50,000.00 超过控制规模 CNY 40,000.00，超出 CNY "
                          "10,000.00") != std::string::npos);
            CHECK(zh.find("催收发票 I4（客户 N1）CNY 40,000.00，已逾期 97 天") != std::string::npos);
            CHECK(zh.find("复核 华北区 的销售费用") != std::string::npos);
            CHECK(zh.find("须向区域经理报告") != std::string::npos);
            // no identifier of a region, state, role or kind inside the Chinese text
            for (const char* id :
                 {"east", "north", "south", "breached", "on_time", "at_risk", "regional_manager", "discount",
                  "sales", "collection", "expense", "current", "company"})
                CHECK_MESSAGE(zh.find(id) == std::string::npos, id);
            const std::string en = render(r, Lang::en, f);
            CHECK(en.find("Key-account report for 2026-6 (as of 2026-06-15)") != std::string::npos);
            CHECK(en.find("[serious] account K1: receivables CNY 50,000.00 exceed the cap CNY 40,000.00 by "
                          "CNY 10,000.00") != std::string::npos);
        }
        const std::string md = render(r, Lang::zh, Format::markdown);
        CHECK(md.find("## 一、销售与回款计划完成情况") != std::string::npos);
        CHECK(md.find("| --- |") != std::string::npos);
        crm::test::check_error([&] { return render(r, Lang::zh, static_cast<Format>(9)); },
                               ErrorCode::invalid_argument, "format");
    }
}
