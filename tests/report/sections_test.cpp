// The monthly report's managers, KPI trend criteria and approval routes, on the company of
// snapshot.hpp on 2026-06-15: worked figures, each equal to the layer-1 call (scoring,
// approval::route / verify / resolve), bad input named by field, and the renderings.

#include <crm/approval/matrix.hpp>
#include <crm/approval/oa.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/turnover.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>
#include <crm/scoring/kpi.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "../support/generators.hpp"
#include "snapshot.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Lang;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using crm::test::company_snapshot;
using crm::test::yuan;
using namespace crm::report;
namespace approval = crm::approval;
namespace scoring = crm::scoring;
namespace planning = crm::planning;

namespace {

// Discounts: 5% or more the regional manager, 10% or more also the sales director; orders over
// CNY 50,000 the regional manager.
approval::Matrix company_matrix() {
    using approval::RequestKind;
    using approval::Row;
    return approval::Matrix{{Row{.id = crm::RuleId{"D1"},
                                 .kind = RequestKind::discount,
                                 .over = crm::Percent{"5"},
                                 .levels = {{RoleId{"regional_manager"}}}},
                             Row{.id = crm::RuleId{"D2"},
                                 .kind = RequestKind::discount,
                                 .over = crm::Percent{"10"},
                                 .levels = {{RoleId{"regional_manager"}}, {RoleId{"sales_director"}}}},
                             Row{.id = crm::RuleId{"O1"},
                                 .kind = RequestKind::order,
                                 .over = yuan("50000"),
                                 .levels = {{RoleId{"regional_manager"}}}}},
                            crm::default_roles(), crm::Currency{"CNY"}};
}

// R1 (12% discount, east, Wang) was approved by Li, the east manager, on 06-11.
Snapshot routed_snapshot() {
    Snapshot s = company_snapshot();
    s.approval_matrix = company_matrix();
    const approval::Request& r1 = s.approvals[0].request;
    s.approvals[0].approvals = {approval::Approval{.request = r1.id,
                                                   .fingerprint = approval::fingerprint(r1),
                                                   .level = RoleId{"regional_manager"},
                                                   .approver = PersonId{"li"},
                                                   .date = crm::Date(2026, 6, 11)}};
    return s;
}

scoring::Facts facts_of(const Section& sec, const Snapshot& s) {
    const auto& sa = sec.progress.of(planning::Measure::sales);
    const auto& co = sec.progress.of(planning::Measure::collection);
    const auto& ex = sec.progress.of(planning::Measure::expense);
    const scoring::KpiFigures f{.sales_plan = sa.ytd_plan,
                                .sales_actual = sa.ytd_actual,
                                .collection_plan = co.ytd_plan,
                                .collection_actual = co.ytd_actual,
                                .receivables = sec.aging.total,
                                .receivable_cap = sec.cap->cap,
                                .turnover_days = sec.turnover_days,
                                .target_turnover_days = s.target_turnover_days,
                                .sales_expense = ex.ytd_actual,
                                .new_product_revenue = yuan("0")};
    const scoring::KpiTrendFigures t{.expense_plan = ex.ytd_plan,
                                     .sales_expense = ex.ytd_actual,
                                     .turnover_days = sec.turnover_days,
                                     .previous_turnover_days = sec.previous_turnover_days};
    return scoring::kpi_facts(f, t);
}

}  // namespace

TEST_SUITE("report.monthly") {
    TEST_CASE("the KPI trend criteria worked by hand and equal to the scoring call") {
        const Snapshot s = company_snapshot();
        const MonthlyKeyAccountReport r = monthly_report(s);
        // expense plan kept = expense to date / expense plan to date (six whole months):
        //   east  (5 x 5,000 + 4,000) / 30,000 = 29,000 / 30,000 = 0.9667: within budget, 100
        //   north (5 x 5,000 + 1,000) / 24,000 = 26,000 / 24,000 = 1.0833: (1.20 - 1.0833) / 0.20
        //         x 100 = 58.35
        //   south (5 x 1,000 +   500) /  6,000 =  5,500 /  6,000 = 0.9167: 100
        // turnover days shortened = last month - this month, -10 scores 0, +10 scores 100:
        //   east  20.15 - 18.75 = 1.40 -> (1.40 + 10) / 20 x 100 = 57.00
        //   north May 31 x (45,000 + 40,000) / 2 / 50,000 = 26.35; June 30.00: -3.65 -> 31.75
        //   south May 5.43; June 15 x (6,000 + 5,000) / 2 / 25,000 = 3.30: 2.13 -> 60.65
        const char* kept[] = {"0.9667", "1.0833", "0.9167"};
        const char* kept_score[] = {"100", "58.35", "100"};
        const char* shortened[] = {"1.40", "-3.65", "2.13"};
        const char* shortened_score[] = {"57.00", "31.75", "60.65"};
        const scoring::CompiledScorecard card{scoring::kpi_scorecard(s.kpi, s.kpi_trends)};
        for (std::size_t i = 0; i < 3; ++i) {
            CAPTURE(i);
            const Section& sec = r.regions[i];
            REQUIRE(sec.kpi.has_value());
            const scoring::CriterionScore* e = sec.kpi->find("expense_plan_kept");
            const scoring::CriterionScore* t = sec.kpi->find("turnover_days_shortened");
            REQUIRE(e != nullptr);
            REQUIRE(t != nullptr);
            CHECK(e->status == scoring::CriterionStatus::scored);
            CHECK(std::get<Decimal>(*e->raw) == Decimal{kept[i]});
            CHECK(e->score == scoring::Score{Decimal{kept_score[i]}});
            CHECK(std::get<Decimal>(*t->raw) == Decimal{shortened[i]});
            CHECK(t->score == scoring::Score{Decimal{shortened_score[i]}});
            // the report's score is the scoring call on the same figures
            CHECK(*sec.kpi == scoring::evaluate(card, facts_of(sec, s)));
        }
        // the company: no last month's turnover without every region's balances -> excluded
        Snapshot no_previous = s;
        no_previous.as_of = crm::Date(2026, 1, 20);
        no_previous.approvals.clear();  // submitted in June
        const MonthlyKeyAccountReport jan = monthly_report(no_previous);
        int scored = 0;
        for (const Section& sec : jan.regions)
            if (sec.kpi) {
                ++scored;
                REQUIRE(sec.kpi->find("turnover_days_shortened") != nullptr);
                CHECK(sec.kpi->find("turnover_days_shortened")->status ==
                      scoring::CriterionStatus::missing_excluded);
            }
        CHECK(scored > 0);
    }

    TEST_CASE("managers are scored on their regions and ranked") {
        Snapshot s = company_snapshot();
        MonthlyKeyAccountReport r = monthly_report(s);
        // Li manages east, Sun north, Qian south; Zhao (director) and the reps manage no region.
        REQUIRE(r.managers.size() == 3);
        CHECK(r.managers[0].manager == PersonId{"li"});
        CHECK(r.managers[0].name == "Li");
        CHECK(r.managers[0].regions == std::vector<RegionId>{RegionId{"east"}});
        CHECK(r.managers[2].manager == PersonId{"qian"});
        for (std::size_t i = 0; i < 3; ++i) {
            CAPTURE(i);
            // one region each: the region's score and rank
            CHECK(r.managers[i].kpi == r.regions[i].kpi);
            CHECK(r.managers[i].rank == r.regions[i].kpi_rank);
        }
        std::vector<scoring::ScoreResult> scores;
        for (const ManagerScore& m : r.managers) scores.push_back(*m.kpi);
        for (const scoring::Ranked& k : scoring::rank(scores)) CHECK(r.managers[k.index].rank == k.rank);

        // Sun also takes over south: scored on north + south together.
        //   sales to date 6 x 60,000 + 6 x 40,000 = 600,000 plan; 5 x 50,000 + 20,000 + 5 x 40,000
        //   + 25,000 = 495,000 actual; receivables 40,000 + 5,000 = 45,000 against caps 50,000 +
        //   20,000 = 70,000; expense 26,000 + 5,500 = 31,500 of 24,000 + 6,000 = 30,000;
        //   turnover June 15 x (46,000 + 45,000) / 2 / 45,000 = 15.17 (15.1666..), May
        //   31 x (53,000 + 46,000) / 2 / 90,000 = 17.05 (17.05 exactly).
        std::vector<crm::Person> people(s.org.people().begin(), s.org.people().end());
        people[2].regions.push_back(RegionId{"south"});
        people[3].regions.clear();
        s.org = crm::OrgChart{crm::default_roles(), people};
        r = monthly_report(s);
        REQUIRE(r.managers.size() == 2);
        const ManagerScore& sun = r.managers[1];
        CHECK(sun.regions == std::vector<RegionId>{RegionId{"north"}, RegionId{"south"}});
        REQUIRE(sun.kpi.has_value());
        const scoring::KpiFigures f{.sales_plan = yuan("600000"),
                                    .sales_actual = yuan("495000"),
                                    .collection_plan = yuan("540000"),
                                    .collection_actual = yuan("435000"),
                                    .receivables = yuan("45000"),
                                    .receivable_cap = yuan("70000"),
                                    .turnover_days = Decimal{"15.17"},
                                    .target_turnover_days = Decimal{30},
                                    .sales_expense = yuan("31500"),
                                    .new_product_revenue = yuan("0")};
        const scoring::KpiTrendFigures t{.expense_plan = yuan("30000"),
                                         .sales_expense = yuan("31500"),
                                         .turnover_days = Decimal{"15.17"},
                                         .previous_turnover_days = Decimal{"17.05"}};
        const scoring::CompiledScorecard card{scoring::kpi_scorecard(s.kpi, s.kpi_trends)};
        CHECK(*sun.kpi == scoring::evaluate(card, scoring::kpi_facts(f, t)));
        // and the turnover figures are the credit call on the summed balances
        CHECK(crm::credit::turnover_days(crm::Days{15}, yuan("45000"),
                                         crm::credit::average_of_opening_and_closing(yuan("46000"),
                                                                                     yuan("45000"))) ==
              Decimal{"15.17"});
        CHECK(r.managers[0].rank.has_value());
        CHECK(sun.rank.has_value());

        // without caps nobody can be scored: listed, not ranked
        s = company_snapshot();
        s.region_caps.clear();
        r = monthly_report(s);
        REQUIRE(r.managers.size() == 3);
        for (const ManagerScore& m : r.managers) {
            CHECK_FALSE(m.kpi.has_value());
            CHECK_FALSE(m.rank.has_value());
        }
        const std::string zh = render(r, Lang::zh, Format::text);
        CHECK(zh.find("Li | 华东区 | - | 未评分 | -") != std::string::npos);
    }

    TEST_CASE("pending approvals with their route and who must still approve") {
        const Snapshot s = routed_snapshot();
        const MonthlyKeyAccountReport r = monthly_report(s);
        // R1: 12% discount -> rule D2: stage 1 regional manager (filled by Li on 06-11), stage 2
        // sales director: Zhao must still approve. R2: order CNY 80,000 over 50,000 -> rule O1:
        // the north manager, Sun, has not approved.
        REQUIRE(r.regions[0].approvals.size() == 1);
        const WaitingApproval& r1 = r.regions[0].approvals[0];
        REQUIRE(r1.route.has_value());
        CHECK(r1.route->steps.size() == 2);
        REQUIRE(r1.still_to_approve.size() == 1);
        CHECK(r1.still_to_approve[0].stage == 2);
        CHECK(r1.still_to_approve[0].level == RoleId{"sales_director"});
        CHECK(r1.still_to_approve[0].rule == crm::RuleId{"D2"});
        CHECK(r1.still_to_approve[0].approvers == std::vector<PersonId>{PersonId{"zhao"}});
        CHECK(r1.still_to_approve[0].approver_names == std::vector<std::string>{"Zhao"});
        const WaitingApproval& r2 = r.regions[1].approvals[0];
        REQUIRE(r2.still_to_approve.size() == 1);
        CHECK(r2.still_to_approve[0].stage == 1);
        CHECK(r2.still_to_approve[0].approvers == std::vector<PersonId>{PersonId{"sun"}});
        // equal to the layer-1 calls
        for (std::size_t i = 0; i < 2; ++i) {
            CAPTURE(i);
            const PendingApproval& p = s.approvals[i];
            const WaitingApproval& w = r.regions[i].approvals[0];
            const approval::Route route = approval::route(*s.approval_matrix, p.request, s.org);
            CHECK(w.route == route);
            CHECK(w.status == approval::verify(route, p.approvals, p.request, s.org, s.delegations));
            const approval::OaRoute oa = approval::resolve(route, p.request, s.org, p.submission);
            std::size_t missing = 0;
            for (const crm::Reason& reason : w.status->reasons())
                if (reason.code() == "approval.step_missing") ++missing;
            CHECK(w.still_to_approve.size() == missing);
            for (const StepToApprove& t : w.still_to_approve)
                for (std::size_t k = 0; k < route.steps.size(); ++k)
                    if (route.steps[k].level.role == t.level) CHECK(oa.steps[k].approvers == t.approvers);
        }
        // the total lists them too; rendered with who must still approve
        CHECK(r.total.approvals.size() == 2);
        const std::string zh = render(r, Lang::zh, Format::markdown);
        CHECK(zh.find("| R1 | 折扣 | Wang | 5 | 第2步 销售总监（Zhao） |") != std::string::npos);
        CHECK(zh.find("| R2 | 订单 | Zhou | 1 | 第1步 区域经理（Sun） |") != std::string::npos);
        CHECK(r1.requester_name == "Wang");
        // people and roles by their names, never by their ids, in either language
        for (const std::string& out : {zh, render(r, Lang::zh, Format::text), render(r, Lang::en, Format::markdown)})
            for (const char* id : {"wang", "zhou", "zhao", "sun", "regional_manager", "sales_director"})
                CHECK_MESSAGE(out.find(id) == std::string::npos, id);
        const std::string en = render(r, Lang::en, Format::text);
        CHECK(en.find("step 2 sales director (Zhao)") != std::string::npos);
        // measures: R1 has waited 5 days, over the 3-day limit: chase Zhao (step 2); R2 (1 day) not
        REQUIRE(r.measures.approvals_to_chase.size() == 1);
        CHECK(r.measures.approvals_to_chase[0] == ApprovalToChase{.request = crm::RequestId{"R1"},
                                                                  .age = crm::Days{5},
                                                                  .stage = 2,
                                                                  .approvers = {PersonId{"zhao"}},
                                                                  .approver_names = {"Zhao"}});
        CHECK(zh.find("- 催办审批 R1（已等待 5 天，第2步）：Zhao") != std::string::npos);
        CHECK(en.find("chase approval R1 (waiting 5 days, step 2): Zhao") != std::string::npos);
        // a lower limit: R2 too, after R1 (longest first)
        Snapshot strict = s;
        strict.approval_age_limit_days = 0;
        const MonthlyKeyAccountReport sr = monthly_report(strict);
        REQUIRE(sr.measures.approvals_to_chase.size() == 2);
        CHECK(sr.measures.approvals_to_chase[1].request == crm::RequestId{"R2"});
        CHECK(sr.measures.approvals_to_chase[1].approvers == std::vector<PersonId>{PersonId{"sun"}});

        // both steps of R1 approved: nothing left
        Snapshot done = s;
        const approval::Request& q = done.approvals[0].request;
        done.approvals[0].approvals.push_back({.request = q.id,
                                               .fingerprint = approval::fingerprint(q),
                                               .level = RoleId{"sales_director"},
                                               .approver = PersonId{"zhao"},
                                               .date = crm::Date(2026, 6, 12)});
        const MonthlyKeyAccountReport d = monthly_report(done);
        CHECK(d.regions[0].approvals[0].still_to_approve.empty());
        CHECK(d.measures.approvals_to_chase.empty());  // nothing left to chase
        CHECK(crm::approval::is_satisfied(*d.regions[0].approvals[0].status));
        CHECK(render(d, Lang::zh, Format::text).find("各环节均已审批") != std::string::npos);

        // an approval of an edited request no longer counts: both steps are missing again
        Snapshot edited = s;
        edited.approvals[0].request.percent = crm::Percent{"15"};
        CHECK(monthly_report(edited).regions[0].approvals[0].still_to_approve.size() == 2);

        // without a matrix: the age only, and the rendering has no route column
        const MonthlyKeyAccountReport plain = monthly_report(company_snapshot());
        CHECK_FALSE(plain.regions[0].approvals[0].route.has_value());
        CHECK(render(plain, Lang::zh, Format::text).find("待审批环节") == std::string::npos);
    }

    TEST_CASE("property: managers of generated region assignments are scored on their regions' sums") {
        crm::test::Rng rng(1302);
        const Snapshot base = company_snapshot();
        std::vector<crm::credit::AccountRegion> ar;
        for (const auto& acc : base.accounts) ar.push_back({acc.id, acc.region});
        const planning::MonthlyPlanActual may =
            planning::plan_vs_actual(base.plan, ar, base.actuals, crm::Date(2026, 5, 31));
        const scoring::CompiledScorecard card{scoring::kpi_scorecard(base.kpi, base.kpi_trends)};
        int several = 0;
        for (int round = 0; round < 60; ++round) {
            CAPTURE(round);
            Snapshot s = base;
            // each region to one of the three regional managers (people 1..3), at random
            std::vector<crm::Person> people(s.org.people().begin(), s.org.people().end());
            for (std::size_t p = 1; p <= 3; ++p) people[p].regions.clear();
            std::vector<std::size_t> owner(3);
            for (std::size_t r = 0; r < 3; ++r) {
                owner[r] = 1 + rng.below(3);
                people[owner[r]].regions.push_back(s.plan.regions[r].region);
            }
            s.org = crm::OrgChart{crm::default_roles(), people};
            if (rng.coin()) s.region_caps.pop_back();  // south without a cap: whoever has it is unscored
            const MonthlyKeyAccountReport r = monthly_report(s);
            std::vector<scoring::ScoreResult> scored;
            std::vector<std::size_t> who;
            std::size_t listed = 0;
            for (std::size_t p = 1; p <= 3; ++p) {
                std::vector<std::size_t> mine;
                for (std::size_t g = 0; g < 3; ++g)
                    if (owner[g] == p) mine.push_back(g);
                if (mine.empty()) continue;
                REQUIRE(listed < r.managers.size());
                const ManagerScore& m = r.managers[listed++];
                CHECK(m.manager == people[p].id);
                REQUIRE(m.regions.size() == mine.size());
                several += mine.size() > 1 ? 1 : 0;
                // the oracle: the sums of the regions' figures, turnover from the summed balances
                crm::Money sp = yuan("0"), sa = yuan("0"), cp = yuan("0"), ca = yuan("0"), rec = yuan("0"),
                           ep = yuan("0"), ex = yuan("0"), cap = yuan("0"), month = yuan("0"),
                           previous = yuan("0"), open = yuan("0"), open_previous = yuan("0");
                bool caps = true;
                for (const std::size_t g : mine) {
                    const Section& sec = r.regions[g];
                    sp += sec.progress.of(planning::Measure::sales).ytd_plan;
                    sa += sec.progress.of(planning::Measure::sales).ytd_actual;
                    cp += sec.progress.of(planning::Measure::collection).ytd_plan;
                    ca += sec.progress.of(planning::Measure::collection).ytd_actual;
                    ep += sec.progress.of(planning::Measure::expense).ytd_plan;
                    ex += sec.progress.of(planning::Measure::expense).ytd_actual;
                    rec += sec.aging.total;
                    caps = caps && sec.cap.has_value();
                    if (sec.cap) cap += sec.cap->cap;
                    month += sec.progress.of(planning::Measure::sales).actual;
                    previous += may.regions[g].of(planning::Measure::sales).actual;
                    open += s.balances[g].month_start;
                    open_previous += s.balances[g].previous_month_start;
                }
                if (!caps) {
                    CHECK_FALSE(m.kpi.has_value());
                    continue;
                }
                const auto days = crm::credit::turnover_days(
                    crm::Days{15}, month, crm::credit::average_of_opening_and_closing(open, rec));
                const auto previous_days = crm::credit::turnover_days(
                    crm::Days{31}, previous, crm::credit::average_of_opening_and_closing(open_previous, open));
                const scoring::KpiFigures f{.sales_plan = sp,
                                            .sales_actual = sa,
                                            .collection_plan = cp,
                                            .collection_actual = ca,
                                            .receivables = rec,
                                            .receivable_cap = cap,
                                            .turnover_days = days,
                                            .target_turnover_days = s.target_turnover_days,
                                            .sales_expense = ex,
                                            .new_product_revenue = yuan("0")};
                const scoring::KpiTrendFigures t{.expense_plan = ep,
                                                 .sales_expense = ex,
                                                 .turnover_days = days,
                                                 .previous_turnover_days = previous_days};
                REQUIRE(m.kpi.has_value());
                CHECK(*m.kpi == scoring::evaluate(card, scoring::kpi_facts(f, t)));
                if (mine.size() == 1) CHECK(m.kpi == r.regions[mine[0]].kpi);
                scored.push_back(*m.kpi);
                who.push_back(listed - 1);
            }
            CHECK(listed == r.managers.size());
            for (const scoring::Ranked& k : scoring::rank(scored)) CHECK(r.managers[who[k.index]].rank == k.rank);
            for (const ManagerScore& m : r.managers) CHECK(m.rank.has_value() == m.kpi.has_value());
        }
        CHECK(several > 0);
    }

    TEST_CASE("property: the steps still to approve are the route's steps verify finds missing") {
        crm::test::Rng rng(2013);
        const Snapshot base = routed_snapshot();
        const approval::Request& q = base.approvals[0].request;
        const PersonId who[] = {PersonId{"li"}, PersonId{"zhao"}, PersonId{"wang"}, PersonId{"sun"}};
        const RoleId level[] = {RoleId{"regional_manager"}, RoleId{"sales_director"}};
        for (int round = 0; round < 200; ++round) {
            CAPTURE(round);
            Snapshot s = base;
            s.approvals[0].approvals.clear();
            const auto n = rng.between(0, 4);
            for (std::int64_t i = 0; i < n; ++i)
                s.approvals[0].approvals.push_back({.request = q.id,
                                                    .fingerprint = approval::fingerprint(q),
                                                    .level = level[rng.below(2)],
                                                    .approver = who[rng.below(4)],
                                                    .date = crm::Date(2026, 6, 10) + crm::Days{rng.between(0, 5)}});
            const MonthlyKeyAccountReport r = monthly_report(s);
            const WaitingApproval& w = r.regions[0].approvals[0];
            const approval::Route route = approval::route(*s.approval_matrix, q, s.org);
            const crm::Decision status = approval::verify(route, s.approvals[0].approvals, q, s.org, s.delegations);
            CHECK(w.status == status);
            std::vector<std::int64_t> missing_stages;
            for (const crm::Reason& reason : status.reasons())
                if (reason.code() == "approval.step_missing")
                    missing_stages.push_back(reason.figure_as<std::int64_t>("stage"));
            REQUIRE(w.still_to_approve.size() == missing_stages.size());
            for (std::size_t k = 0; k < missing_stages.size(); ++k)
                CHECK(w.still_to_approve[k].stage == missing_stages[k]);
            CHECK(w.still_to_approve.empty() == approval::is_satisfied(status));
            const bool chased = !r.measures.approvals_to_chase.empty();
            CHECK(chased == !w.still_to_approve.empty());  // R1 waited 5 days, over the limit of 3
        }
    }

    TEST_CASE("bad approval facts are errors naming the field") {
        Snapshot s = routed_snapshot();
        s.approvals[0].approvals[0].approver = PersonId{""};
        crm::test::check_error([&] { return monthly_report(s); }, ErrorCode::invalid_argument,
                               "approvals[0].approvals[0].approver");
        s = routed_snapshot();
        s.approvals[1].request.amount = crm::Money{"80000", "USD"};
        CHECK(crm::test::caught_error([&] { return monthly_report(s); }).field.rfind("approvals[1].request", 0) ==
              0);
        s = routed_snapshot();
        s.delegations = {approval::Delegation{.principal = PersonId{"zhao"},
                                              .delegate = PersonId{"zhao"},
                                              .kinds = {approval::RequestKind::discount},
                                              .from = crm::Date(2026, 6, 1),
                                              .to = crm::Date(2026, 6, 30)}};
        CHECK(crm::test::caught_error([&] { return monthly_report(s); }).field.rfind("delegations[0]", 0) == 0);
    }
}
