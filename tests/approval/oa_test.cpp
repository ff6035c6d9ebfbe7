// OA routes (DingTalk / Feishu style): step modes 或签 / 会签 / 依次审批, who approves a step,
// empty steps, the requester inside the route, automatic approval, copy recipients,
// deduplication, and the events 同意 / 转交 / 加签 / 退回 / 撤回; worked examples and bad input.

#include <crm/approval/oa.hpp>
#include <crm/approval/reasons.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "fixtures.hpp"

using crm::ErrorCode;
using crm::test::check_error;

namespace {

// The sample organisation with a second finance controller, Fang, after Qian in chart order.
crm::OrgChart two_finance_org() {
    const crm::OrgChart base = sample_org();
    std::vector<crm::Person> people(base.people().begin(), base.people().end());
    people.push_back(crm::Person{PersonId{"fang"}, "Fang Hua", RoleId{"finance"}, PersonId{"zhang"}, {}});
    return crm::OrgChart{ladder(), people};
}

// A matrix of one base row for `kind` with the given levels (every request of the kind needs them).
Matrix one_row(RequestKind kind, std::vector<Level> levels, std::vector<CopyTo> cc = {}) {
    return Matrix{{Row{.id = RuleId{"R1"}, .kind = kind, .levels = std::move(levels), .cc = std::move(cc)}},
                  ladder()};
}

crm::DateTime at(unsigned day, int hour) {
    return crm::DateTime{crm::Date(2024, 5, day), crm::TimeOfDay(hour, 0)};
}

Event approve(std::size_t step, const char* who, crm::DateTime when, const Request& r) {
    return Event{.kind = EventKind::approve,
                 .step = step,
                 .actor = PersonId{who},
                 .at = when,
                 .fingerprint = fingerprint(r)};
}

Event hand(EventKind kind, std::size_t step, const char* who, const char* to, crm::DateTime when) {
    return Event{.kind = kind, .step = step, .actor = PersonId{who}, .target = PersonId{to}, .at = when};
}

std::vector<std::string> names(const std::vector<PersonId>& people) {
    std::vector<std::string> out;
    for (const auto& p : people) out.push_back(p.value());
    return out;
}

int count(const crm::Decision& d, std::string_view code) {
    return static_cast<int>(std::count_if(d.reasons().begin(), d.reasons().end(),
                                          [&](const crm::Reason& r) { return r.code() == code; }));
}

std::string text(const crm::Decision& d, std::string_view code, crm::Lang lang) {
    const crm::Reason* r = d.find(code);
    return r != nullptr ? explain(*r, lang) : std::string{};
}

Level finance_in(StepMode mode) {
    Level l = function("finance");
    l.mode = mode;
    return l;
}

}  // namespace

TEST_SUITE("approval.oa") {
    TEST_CASE("或签: either of two finance controllers approves alone and nobody else can") {
        const crm::OrgChart org = two_finance_org();
        const Request r = request(RequestKind::expense);
        const Matrix m = one_row(RequestKind::expense, {finance_in(StepMode::any_one)});
        const OaRoute oa = resolve(route(m, r, org), r, org, {});
        REQUIRE(oa.steps.size() == 1);
        CHECK(names(oa.steps[0].approvers) == std::vector<std::string>{"qian", "fang"});
        for (const char* who : {"qian", "fang"}) {
            CAPTURE(who);
            const std::vector<Event> e{approve(0, who, at(6, 9), r)};
            CHECK(verify(oa, e, r, org).outcome() == crm::Outcome::allow);
        }
        // the key-account manager is no finance controller: refused, the step stays open
        const std::vector<Event> wrong{approve(0, "liu", at(6, 9), r)};
        const crm::Decision d = verify(oa, wrong, r, org);
        CHECK(d.outcome() == crm::Outcome::needs_approval);
        CHECK(text(d, "approval.oa_not_approver", crm::Lang::en) ==
              "event 1 (approve) by Liu Yang: not an approver of step 1");
        CHECK(text(d, "approval.oa_not_approver", crm::Lang::zh) ==
              "第 1 个事件 (同意) 由 Liu Yang 发起: 其不是第 1 步的审批人");
    }

    TEST_CASE("会签: both finance controllers must approve in any order") {
        const crm::OrgChart org = two_finance_org();
        const Request r = request(RequestKind::expense);
        const OaRoute oa =
            resolve(route(one_row(RequestKind::expense, {finance_in(StepMode::all)}), r, org), r, org, {});
        const std::vector<Event> one{approve(0, "fang", at(6, 9), r)};
        CHECK(verify(oa, one, r, org).outcome() == crm::Outcome::needs_approval);
        const std::vector<Event> both{approve(0, "fang", at(6, 9), r), approve(0, "qian", at(6, 10), r)};
        CHECK(verify(oa, both, r, org).outcome() == crm::Outcome::allow);
    }

    TEST_CASE("依次审批: the approvers of a step in the listed order") {
        const crm::OrgChart org = two_finance_org();
        const Request r = request(RequestKind::expense);
        const OaRoute oa = resolve(
            route(one_row(RequestKind::expense, {finance_in(StepMode::in_order)}), r, org), r, org, {});
        // Qian comes first in the chart; Fang's early approval does not count, the later one does
        const std::vector<Event> e{approve(0, "fang", at(6, 9), r), approve(0, "qian", at(6, 10), r),
                                   approve(0, "fang", at(6, 11), r)};
        const crm::Decision d = verify(oa, e, r, org);
        CHECK(d.outcome() == crm::Outcome::warn);  // filled, one event refused
        CHECK(text(d, "approval.oa_out_of_turn", crm::Lang::zh) ==
              "第 1 个事件 (同意) 由 Fang Hua 发起: 第 1 步为依次审批, Qian Yu 尚未审批");
    }

    TEST_CASE("who approves: the manager N levels up the region's managers a named person") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);  // by Wang: Li, Liu, Zhao, Zhang above him
        Level second{RoleId{"key_account_manager"}};
        second.source = ApproverSource::manager;
        second.manager_level = 2;
        Level region{RoleId{"sales_director"}};
        region.source = ApproverSource::region_manager;
        Level named = function("finance");
        named.source = ApproverSource::person;
        named.person = PersonId{"qian"};
        const OaRoute oa =
            resolve(route(one_row(RequestKind::order, {second, region, named}), r, org), r, org, {});
        REQUIRE(oa.steps.size() == 3);
        // by rank: the key-account level (3), then the director's level (4) before finance (4, a function)
        CHECK(names(oa.steps[0].approvers) == std::vector<std::string>{"liu"});  // 第2级主管: Li, then Liu
        CHECK(names(oa.steps[1].approvers) == std::vector<std::string>{"liu", "li"});  // east's managers
        CHECK(names(oa.steps[2].approvers) == std::vector<std::string>{"qian"});       // the named person
    }

    TEST_CASE("自选: the requester's choice must be inside the allowed set") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        Level pick{RoleId{"sales_director"}};
        pick.source = ApproverSource::chosen;
        pick.choices = {PersonId{"zhao"}, PersonId{"sun"}};
        const Route rt = route(one_row(RequestKind::order, {pick}), r, org);
        const OaRoute oa =
            resolve(rt, r, org, Submission{.chosen = {{RoleId{"sales_director"}, PersonId{"sun"}}}});
        CHECK(names(oa.steps[0].approvers) == std::vector<std::string>{"sun"});
        check_error(
            [&] {
                return resolve(rt, r, org,
                               Submission{.chosen = {{RoleId{"sales_director"}, PersonId{"liu"}}}});
            },
            ErrorCode::invalid_argument, "submission.chosen[0].person");
        check_error(
            [&] {
                return resolve(rt, r, org,
                               Submission{.chosen = {{RoleId{"general_manager"}, PersonId{"zhang"}}}});
            },
            ErrorCode::not_found, "submission.chosen[0].level");
        // nobody chosen: the step is empty and, by default, blocks
        const OaRoute empty = resolve(rt, r, org, {});
        CHECK(empty.steps[0].blocked);
        CHECK(empty.decision.outcome() == crm::Outcome::block);
    }

    TEST_CASE(
        "审批人为空: a missing manager blocks or escalates or goes to the administrator and is never "
        "skipped") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);  // Wang has four managers, not five
        Level fifth{RoleId{"regional_manager"}};
        fifth.source = ApproverSource::manager;
        fifth.manager_level = 5;
        const auto resolved = [&](Level l) {
            return resolve(route(one_row(RequestKind::order, {l}), r, org), r, org, {});
        };
        const OaRoute blocked = resolved(fifth);
        CHECK(blocked.steps[0].blocked);
        CHECK(blocked.steps[0].approvers.empty());
        CHECK(blocked.decision.has("approval.oa_empty_blocked"));
        CHECK(verify(blocked, {}, r, org).outcome() == crm::Outcome::block);
        // escalate: the nearest manager above Wang ranked above a regional manager (2) is Liu (3)
        fifth.when_empty = WhenEmpty::escalate;
        const OaRoute up = resolved(fifth);
        CHECK(names(up.steps[0].approvers) == std::vector<std::string>{"liu"});
        CHECK(explain(*up.decision.find("approval.oa_escalated"), crm::Lang::zh) ==
              "第 1 步: 无人可担任 区域经理, 已上交给 Liu Yang 审批");
        fifth.when_empty = WhenEmpty::administrator;
        fifth.administrator = PersonId{"qian"};
        CHECK(names(resolved(fifth).steps[0].approvers) == std::vector<std::string>{"qian"});
        // a fallback to an administrator without naming one is refused when the matrix is built
        fifth.administrator.reset();
        check_error([&] { return one_row(RequestKind::order, {fifth}); }, ErrorCode::invalid_argument,
                    "rows[0].levels[0].administrator");
    }

    TEST_CASE("the requester inside the route is replaced by their manager") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order, "R-9", "li");  // Li asks; Liu is his manager
        Level named{RoleId{"regional_manager"}};
        named.source = ApproverSource::person;
        named.person = PersonId{"li"};
        const OaRoute oa = resolve(route(one_row(RequestKind::order, {named}), r, org), r, org, {});
        CHECK(names(oa.steps[0].approvers) == std::vector<std::string>{"liu"});
        CHECK(explain(*oa.decision.find("approval.oa_redirected"), crm::Lang::en) ==
              "step 1: Li Na cannot approve their own request; the step goes to their manager Liu Yang");
        // and Li's own approval never counts
        const std::vector<Event> own{approve(0, "li", at(6, 9), r)};
        CHECK(verify(oa, own, r, org).has("approval.oa_own_request"));
    }

    TEST_CASE("自动同意: at or below the amount and for an unchanged repeat with the figures in the reason") {
        const crm::OrgChart org = sample_org();
        Level rm{RoleId{"regional_manager"}};
        rm.auto_at_most = cny("5000");
        const Matrix m = one_row(RequestKind::expense, {rm});
        Request r = request(RequestKind::expense);
        r.amount = cny("5000");  // 5,000 is at most 5,000 (以下 includes it)
        OaRoute oa = resolve(route(m, r, org), r, org, {});
        CHECK(oa.steps[0].automatic);
        const crm::Decision d = verify(oa, {}, r, org);
        CHECK(d.outcome() == crm::Outcome::allow);
        CHECK(text(d, "approval.oa_auto_amount", crm::Lang::zh) ==
              "第 1 步 (区域经理) 自动同意: 金额 CNY 5,000.00 在 CNY 5,000.00以下");
        CHECK(text(d, "approval.oa_auto_amount", crm::Lang::en) ==
              "step 1 (regional manager) passes by itself: the amount CNY 5,000.00 is CNY 5,000.00 "
              "or less");
        r.amount = cny("5000.01");
        oa = resolve(route(m, r, org), r, org, {});
        CHECK_FALSE(oa.steps[0].automatic);
        CHECK(verify(oa, {}, r, org).outcome() == crm::Outcome::needs_approval);
        // an unchanged repeat of an approved request
        Level repeat{RoleId{"regional_manager"}};
        repeat.auto_if_repeat = true;
        const Matrix mr = one_row(RequestKind::expense, {repeat});
        const OaRoute again =
            resolve(route(mr, r, org), r, org, Submission{.approved_before = {fingerprint(r)}});
        CHECK(again.steps[0].automatic);
        Request edited = r;
        edited.content = "one more line";
        CHECK_FALSE(
            resolve(route(mr, edited, org), edited, org, Submission{.approved_before = {fingerprint(r)}})
                .steps[0]
                .automatic);
    }

    TEST_CASE("抄送: copy recipients are part of the route and never approvers") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        const Matrix m =
            one_row(RequestKind::order, {line("regional_manager")},
                    {CopyTo{.person = PersonId{"qian"}}, CopyTo{.role = RoleId{"sales_director"}}});
        const Route rt = route(m, r, org);
        CHECK(rt.cc.size() == 2);
        const OaRoute oa = resolve(rt, r, org, {});
        CHECK(names(oa.cc) == std::vector<std::string>{"qian", "zhao", "sun"});
        // a copy recipient's approval fills nothing
        const std::vector<Event> e{approve(0, "qian", at(6, 9), r)};
        CHECK(verify(oa, e, r, org).outcome() == crm::Outcome::needs_approval);
        check_error([] { return one_row(RequestKind::order, {line("regional_manager")}, {CopyTo{}}); },
                    ErrorCode::invalid_argument, "rows[0].cc[0]");
    }

    TEST_CASE("审批人去重: the first occurrence counts for the later step or every occurrence approves") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        Level kam{RoleId{"key_account_manager"}};
        kam.source = ApproverSource::person;
        kam.person = PersonId{"liu"};
        Level region{RoleId{"sales_director"}};
        region.source = ApproverSource::region_manager;  // east: Liu and Li, any one
        const Route rt = route(one_row(RequestKind::order, {kam, region}), r, org);
        const std::vector<Event> e{approve(0, "liu", at(6, 9), r)};
        const OaRoute first = resolve(rt, r, org, {});
        const crm::Decision d = verify(first, e, r, org);
        CHECK(d.outcome() == crm::Outcome::allow);
        CHECK(text(d, "approval.oa_deduplicated", crm::Lang::zh) ==
              "Liu Yang 已审批第 1 步, 按审批人去重规则同时计入第 2 步");
        const OaRoute every = resolve(rt, r, org, Submission{.dedupe = Dedupe::every_occurrence});
        CHECK(verify(every, e, r, org).outcome() == crm::Outcome::needs_approval);
        // Zhao approving step 1 would not fill step 2: he is not one of its approvers
        const std::vector<Event> other{approve(1, "zhao", at(6, 9), r)};
        CHECK(verify(first, other, r, org).has("approval.oa_not_approver"));
    }

    TEST_CASE("转交: the step goes to someone who may hold it and never to the requester") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        const OaRoute oa =
            resolve(route(one_row(RequestKind::order, {line("regional_manager")}), r, org), r, org, {});
        CHECK(names(oa.steps[0].approvers) == std::vector<std::string>{"li"});
        const std::vector<Event> to_liu{hand(EventKind::transfer, 0, "li", "liu", at(6, 9)),
                                        approve(0, "liu", at(6, 10), r)};
        CHECK(verify(oa, to_liu, r, org).outcome() == crm::Outcome::allow);
        // after handing the step over, Li is no longer its approver
        const std::vector<Event> li_after{hand(EventKind::transfer, 0, "li", "liu", at(6, 9)),
                                          approve(0, "li", at(6, 10), r)};
        CHECK(verify(oa, li_after, r, org).outcome() == crm::Outcome::needs_approval);
        // Chen is a sales rep: he may not hold a regional manager's step
        const std::vector<Event> to_chen{hand(EventKind::transfer, 0, "li", "chen", at(6, 9)),
                                         approve(0, "chen", at(6, 10), r)};
        const crm::Decision chen = verify(oa, to_chen, r, org);
        CHECK(chen.outcome() == crm::Outcome::needs_approval);
        CHECK(text(chen, "approval.oa_cannot_hold", crm::Lang::en) ==
              "event 1 (transfer) by Li Na: Chen Jie may not hold step 1 (regional manager)");
        const std::vector<Event> to_wang{hand(EventKind::transfer, 0, "li", "wang", at(6, 9)),
                                         approve(0, "wang", at(6, 10), r)};
        const crm::Decision wang = verify(oa, to_wang, r, org);
        CHECK(wang.outcome() == crm::Outcome::needs_approval);
        CHECK(text(wang, "approval.oa_to_requester", crm::Lang::zh) ==
              "第 1 个事件 (转交) 由 Li Na 发起: 第 1 步不能交给申请人 Wang Fang");
    }

    TEST_CASE("加签: a person added before or after must also approve in that order") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        const OaRoute oa =
            resolve(route(one_row(RequestKind::order, {line("regional_manager")}), r, org), r, org, {});
        // before: Liu first, then Li
        const std::vector<Event> before{hand(EventKind::add_before, 0, "li", "liu", at(6, 9)),
                                        approve(0, "li", at(6, 10), r), approve(0, "liu", at(6, 11), r)};
        const crm::Decision early = verify(oa, before, r, org);
        CHECK(early.outcome() == crm::Outcome::needs_approval);  // Li's approval came before Liu's
        CHECK(early.has("approval.oa_out_of_turn"));
        const std::vector<Event> ok{hand(EventKind::add_before, 0, "li", "liu", at(6, 9)),
                                    approve(0, "liu", at(6, 10), r), approve(0, "li", at(6, 11), r)};
        CHECK(verify(oa, ok, r, org).outcome() == crm::Outcome::allow);
        // after: Li's approval alone does not fill the step any more
        const std::vector<Event> after{hand(EventKind::add_after, 0, "li", "zhao", at(6, 9)),
                                       approve(0, "li", at(6, 10), r)};
        CHECK(verify(oa, after, r, org).outcome() == crm::Outcome::needs_approval);
        std::vector<Event> done = after;
        done.push_back(approve(0, "zhao", at(6, 11), r));
        CHECK(verify(oa, done, r, org).outcome() == crm::Outcome::allow);
        const std::vector<Event> add_wang{hand(EventKind::add_after, 0, "li", "wang", at(6, 9))};
        CHECK(verify(oa, add_wang, r, org).has("approval.oa_to_requester"));
    }

    TEST_CASE("退回 voids the approvals from the earlier step on and 撤回 voids them all") {
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::order);
        const OaRoute oa = resolve(
            route(one_row(RequestKind::order, {line("regional_manager"), line("sales_director")}), r, org), r,
            org, {});
        REQUIRE(oa.steps.size() == 2);
        CHECK(names(oa.steps[1].approvers) == std::vector<std::string>{"zhao"});
        Event back{.kind = EventKind::return_to,
                   .step = 1,
                   .actor = PersonId{"zhao"},
                   .to_step = 0,
                   .at = at(6, 10)};
        const std::vector<Event> returned{approve(0, "li", at(6, 9), r), back,
                                          approve(1, "zhao", at(6, 11), r)};
        const crm::Decision d = verify(oa, returned, r, org);
        CHECK(d.outcome() == crm::Outcome::needs_approval);
        CHECK(text(d, "approval.oa_voided_by_return", crm::Lang::en) ==
              "event 1 (approve) by Li Na no longer counts: event 2 returned the request to step 1");
        CHECK(d.has("approval.oa_not_open"));  // Zhao approved while step 1 was open again
        std::vector<Event> redone = returned;
        redone.push_back(approve(0, "li", at(6, 12), r));
        redone.push_back(approve(1, "zhao", at(6, 13), r));
        CHECK(verify(oa, redone, r, org).outcome() == crm::Outcome::warn);  // filled; the early one noted
        // withdrawn by the requester: every approval is void
        const Event withdraw{.kind = EventKind::withdraw, .actor = PersonId{"wang"}, .at = at(6, 10)};
        const std::vector<Event> withdrawn{approve(0, "li", at(6, 9), r), withdraw};
        const crm::Decision w = verify(oa, withdrawn, r, org);
        CHECK(w.has("approval.oa_voided_by_withdrawal"));
        CHECK(count(w, "approval.step_missing") == 2);
        // only the requester withdraws
        const Event by_li{.kind = EventKind::withdraw, .actor = PersonId{"li"}, .at = at(6, 10)};
        const std::vector<Event> not_his{approve(0, "li", at(6, 9), r), by_li};
        CHECK(verify(oa, not_his, r, org).has("approval.oa_not_requester"));
        // a return forward is refused
        Event forward{
            .kind = EventKind::return_to, .step = 0, .actor = PersonId{"li"}, .to_step = 1, .at = at(6, 10)};
        const std::vector<Event> fwd{forward};
        CHECK(verify(oa, fwd, r, org).has("approval.oa_not_earlier"));
    }

    TEST_CASE("an approval of an edited request does not count and the old OA route is outdated") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        const OaRoute oa =
            resolve(route(one_row(RequestKind::order, {line("regional_manager")}), r, org), r, org, {});
        Request edited = r;
        edited.content = "changed";
        const std::vector<Event> e{approve(0, "li", at(6, 9), r)};
        const crm::Decision d = verify(oa, e, edited, org);
        CHECK(d.has("approval.route_outdated"));
        CHECK(d.has("approval.oa_stale"));
        CHECK(d.outcome() == crm::Outcome::needs_approval);
    }

    TEST_CASE("malformed events are errors naming the event") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::order);
        const OaRoute oa =
            resolve(route(one_row(RequestKind::order, {line("regional_manager")}), r, org), r, org, {});
        const std::vector<Event> unordered{approve(0, "li", at(6, 10), r), approve(0, "li", at(6, 9), r)};
        check_error([&] { return verify(oa, unordered, r, org); }, ErrorCode::inconsistent, "events[1].at");
        const std::vector<Event> missing{approve(3, "li", at(6, 9), r)};
        check_error([&] { return verify(oa, missing, r, org); }, ErrorCode::not_found, "events[0].step");
        Event back{
            .kind = EventKind::return_to, .step = 0, .actor = PersonId{"li"}, .to_step = 7, .at = at(6, 9)};
        const std::vector<Event> to_nowhere{back};
        check_error([&] { return verify(oa, to_nowhere, r, org); }, ErrorCode::not_found,
                    "events[0].to_step");
        const std::vector<Event> no_actor{Event{.at = at(6, 9)}};
        check_error([&] { return verify(oa, no_actor, r, org); }, ErrorCode::invalid_argument,
                    "events[0].actor");
        const std::vector<Event> no_target{hand(EventKind::transfer, 0, "li", "", at(6, 9))};
        check_error([&] { return verify(oa, no_target, r, org); }, ErrorCode::invalid_argument,
                    "events[0].target");
        const std::vector<Event> bad_kind{
            Event{.kind = static_cast<EventKind>(17), .actor = PersonId{"li"}, .at = at(6, 9)}};
        check_error([&] { return verify(oa, bad_kind, r, org); }, ErrorCode::invalid_argument,
                    "events[0].kind");
    }

    TEST_CASE("a step in words states its mode and the side of its threshold") {
        const crm::OrgChart org = sample_org();
        Row inclusive{.id = RuleId{"D1"},
                      .kind = RequestKind::discount,
                      .over = crm::Percent{"10"},
                      .levels = {line("sales_director")}};
        Row exclusive = inclusive;
        exclusive.id = RuleId{"D2"};
        exclusive.kind = RequestKind::expense;
        exclusive.over = cny("10000");
        exclusive.boundary = crm::Boundary::exclusive;
        exclusive.levels = {line("general_manager")};  // a role runs one mode in a matrix
        exclusive.levels[0].mode = StepMode::all;
        const Matrix m{{inclusive, exclusive}, ladder()};
        Request d = request(RequestKind::discount);
        d.percent = crm::Percent{"10"};  // exactly 10%: 折扣10%以上 includes it
        const Route rd = route(m, d, org);
        REQUIRE(rd.steps.size() == 1);
        CHECK(explain(describe_step(rd, 0, org), crm::Lang::zh) ==
              "第 1 步: 销售总监, 或签, 因为比例10%以上 (规则 D1)");
        CHECK(explain(describe_step(rd, 0, org), crm::Lang::en) ==
              "step 1: sales director, any one (or-sign), because the percent is 10% or more (rule "
              "D1)");
        Request e = request(RequestKind::expense);
        e.amount = cny("10000");  // exactly 10,000: 超过 excludes it
        CHECK_FALSE(route(m, e, org).needs_approval());
        e.amount = cny("10000.01");
        const Route re = route(m, e, org);
        CHECK(explain(describe_step(re, 0, org), crm::Lang::zh) ==
              "第 1 步: 总经理, 会签, 因为金额超过CNY 10,000.00 (规则 D2)");
    }
}
