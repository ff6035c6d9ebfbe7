// Verifying approvals: a filled route, a missing step, and each way an approval may fail to count,
// including the bypass attempts real approval systems suffered (edit after approval, a duplicate
// request, approving one's own request, approving through an expired delegation).

#include <crm/approval/matrix.hpp>
#include <crm/approval/reasons.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

using crm::Date;
using crm::Decision;
using crm::Outcome;
#include "fixtures.hpp"

namespace {

Date may(unsigned day) { return Date(2024, 5, day); }

// An approval of the request as it is now.
Approval approve(const Request& r, const char* level, const char* who, Date date) {
    return Approval{.request = r.id,
                    .fingerprint = fingerprint(r),
                    .level = RoleId{level},
                    .approver = PersonId{who},
                    .date = date};
}
Approval approve_for(const Request& r, const char* level, const char* who, const char* principal, Date date) {
    Approval a = approve(r, level, who, date);
    a.on_behalf_of = PersonId{principal};
    return a;
}

// Wang asks for 12% off list: the regional manager, then the sales director (rule D2).
Request twelve_percent(const char* id = "R-1", const char* requester = "wang") {
    Request r = request(RequestKind::discount, id, requester);
    r.percent = crm::Percent{"12"};
    return r;
}

std::size_t count(const Decision& d, std::string_view code) {
    std::size_t n = 0;
    for (const auto& r : d.reasons()) n += r.code() == code ? 1u : 0u;
    return n;
}

std::string text(const Decision& d, std::string_view code, crm::Lang lang = crm::Lang::en) {
    const crm::Reason* r = d.find(code);
    return r == nullptr ? std::string("<no ") + std::string(code) + ">" : crm::explain(*r, lang);
}

std::string field_of(auto&& f) {
    try {
        f();
    } catch (const crm::Error& e) {
        return e.field();
    }
    FAIL("no crm::Error thrown");
    return {};
}
}  // namespace

TEST_SUITE("approval.verify") {
    TEST_CASE("a route is satisfied when every step has an approval that counts") {
        const crm::OrgChart org = sample_org();
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, org);
        const std::vector<Approval> given{approve(r, "regional_manager", "li", may(6)),
                                          approve(r, "sales_director", "zhao", may(7))};
        const Decision d = verify(rt, given, r, org, {});
        CHECK(d.outcome() == Outcome::allow);
        CHECK(is_satisfied(d));
        CHECK(crm::explain(d, crm::Lang::en) == "allow\n- approved: all 2 step(s) of the route are filled");
        CHECK(crm::explain(d, crm::Lang::zh) == "通过\n- 审批通过: 审批流程的全部 2 个步骤均已完成");
    }

    TEST_CASE("a missing step says which level and which rule") {
        const crm::OrgChart org = sample_org();
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, org);
        const std::vector<Approval> given{approve(r, "regional_manager", "li", may(6))};
        const Decision d = verify(rt, given, r, org, {});
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK_FALSE(is_satisfied(d));
        CHECK(crm::explain(d, crm::Lang::en) ==
              "needs approval\n- step 2 needs the approval of sales director (rule D2)");
        CHECK(crm::explain(d, crm::Lang::zh) == "需审批\n- 第 2 步需要 销售总监 审批 (规则 D2)");
        // no approvals at all: both steps missing
        const Decision none = verify(rt, {}, r, org, {});
        CHECK(count(none, "approval.step_missing") == 2);
    }

    TEST_CASE("a request that needs no approval is satisfied without approvals") {
        const crm::OrgChart org = sample_org();
        const Request r = request(RequestKind::expense);  // CNY 0
        const Decision d = verify(route(sample_matrix(), r, org), {}, r, org, {});
        CHECK(d.outcome() == Outcome::allow);
        CHECK(d.has("approval.not_needed"));
    }

    TEST_CASE("bypass: editing a request after approval voids the approvals given for the earlier version") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        const Request v1 = twelve_percent();
        const Route route_v1 = route(m, v1, org);
        const std::vector<Approval> given{approve(v1, "regional_manager", "li", may(6)),
                                          approve(v1, "sales_director", "zhao", may(7))};
        REQUIRE(verify(route_v1, given, v1, org, {}).outcome() == Outcome::allow);

        Request v2 = v1;  // the rep raises the discount to 18% after both signed (still rule D2)
        v2.percent = crm::Percent{"18"};
        // with the old route: the route itself is outdated and neither approval counts
        Decision d = verify(route_v1, given, v2, org, {});
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK(d.has("approval.route_outdated"));
        CHECK(count(d, "approval.stale_fingerprint") == 2);
        CHECK(count(d, "approval.step_missing") == 2);
        CHECK_FALSE(d.has("approval.satisfied"));
        // routed again: same steps, still no approval counts
        d = verify(route(m, v2, org), given, v2, org, {});
        CHECK_FALSE(d.has("approval.route_outdated"));
        CHECK(count(d, "approval.stale_fingerprint") == 2);
        CHECK(
            text(d, "approval.stale_fingerprint") ==
            "the approval by Li Na was given for an earlier version of the request (changed after approval)");

        // an edit of the content alone (the contract document) is an edit too
        Request c1 = request(RequestKind::contract, "C-1");
        c1.amount = cny("800000");
        c1.content = "sha256:aaaa";
        const std::vector<Approval> signed_c1{approve(c1, "key_account_manager", "liu", may(6)),
                                              approve(c1, "sales_director", "zhao", may(7))};
        REQUIRE(is_satisfied(verify(route(m, c1, org), signed_c1, c1, org, {})));
        Request c2 = c1;
        c2.content = "sha256:bbbb";
        CHECK(count(verify(route(m, c2, org), signed_c1, c2, org, {}), "approval.stale_fingerprint") == 2);
    }

    TEST_CASE("bypass: a duplicate request does not inherit the approvals of the first") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        const Request first = twelve_percent("R-1");
        const Request again = twelve_percent("R-2");  // the same deal submitted again
        const std::vector<Approval> given{approve(first, "regional_manager", "li", may(6)),
                                          approve(first, "sales_director", "zhao", may(7))};
        REQUIRE(is_satisfied(verify(route(m, first, org), given, first, org, {})));
        const Decision d = verify(route(m, again, org), given, again, org, {});
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK(count(d, "approval.other_request") == 2);
        CHECK(text(d, "approval.other_request") ==
              "the approval by Li Na was given for request R-1, not R-2");
        // and the batch check finds the resubmission
        const std::vector<Request> batch{first, request(RequestKind::order, "R-9"), again, first};
        const auto dups = find_duplicates(batch);
        REQUIRE(dups.size() == 2);
        CHECK(dups[0] == Duplicate{2, 0, DuplicateBy::same_content});
        CHECK(dups[1] == Duplicate{3, 0, DuplicateBy::same_id});
    }

    TEST_CASE("bypass: nobody approves their own request") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        // Li, the regional manager, asks for 12% off for her own deal: the route needs a regional manager
        const Request r = twelve_percent("R-1", "li");
        const Route rt = route(m, r, org);
        REQUIRE(rt.steps.size() == 2);
        Decision d = verify(rt,
                            std::vector{approve(r, "regional_manager", "li", may(6)),
                                        approve(r, "sales_director", "zhao", may(7))},
                            r, org, {});
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK(text(d, "approval.own_request") == "Li Na cannot approve their own request");
        CHECK(text(d, "approval.own_request", crm::Lang::zh) == "Li Na 不能审批自己提交的申请");
        CHECK(count(d, "approval.step_missing") == 1);
        // ... nor through a delegate acting for them
        const std::vector<Delegation> li_to_liu{{.principal = PersonId{"li"},
                                                 .delegate = PersonId{"liu"},
                                                 .kinds = {RequestKind::discount},
                                                 .from = may(1),
                                                 .to = may(31)}};
        d = verify(rt, std::vector{approve_for(r, "regional_manager", "liu", "li", may(6))}, r, org,
                   li_to_liu);
        CHECK(d.has("approval.own_request"));
        // her own manager (Liu, key-account manager, rank 3 >= 2, above her) fills the step instead
        d = verify(rt,
                   std::vector{approve(r, "regional_manager", "liu", may(6)),
                               approve(r, "sales_director", "zhao", may(7))},
                   r, org, {});
        CHECK(d.outcome() == Outcome::allow);
    }

    TEST_CASE("bypass: an expired delegation does not count") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        const Request r = twelve_percent();
        const Route rt = route(m, r, org);
        // Zhao (director) is away 1-10 May and lets Liu approve discounts for him
        const std::vector<Delegation> away{{.principal = PersonId{"zhao"},
                                            .delegate = PersonId{"liu"},
                                            .kinds = {RequestKind::discount},
                                            .from = may(1),
                                            .to = may(10)}};
        const Approval rm = approve(r, "regional_manager", "li", may(6));
        // inside the dates (10 May is the last day): counts
        Decision d = verify(rt, std::vector{rm, approve_for(r, "sales_director", "liu", "zhao", may(10))}, r,
                            org, away);
        CHECK(d.outcome() == Outcome::allow);
        // on 12 May the delegation has ended
        d = verify(rt, std::vector{rm, approve_for(r, "sales_director", "liu", "zhao", may(12))}, r, org,
                   away);
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK(
            text(d, "approval.delegation_expired") ==
            "Liu Yang approved on 2024-05-12 for Zhao Lei outside the delegation (2024-05-01 to 2024-05-10)");
        CHECK(text(d, "approval.delegation_expired", crm::Lang::zh) ==
              "Liu Yang 于 2024-05-12 代理 Zhao Lei 审批, 不在授权期限内 (2024-05-01 至 2024-05-10)");
        // before it starts is outside too
        const std::vector<Delegation> later{{.principal = PersonId{"zhao"},
                                             .delegate = PersonId{"liu"},
                                             .kinds = {RequestKind::discount},
                                             .from = may(20),
                                             .to = may(25)}};
        CHECK(verify(rt, std::vector{rm, approve_for(r, "sales_director", "liu", "zhao", may(12))}, r, org,
                     later)
                  .has("approval.delegation_expired"));
    }

    TEST_CASE("a delegate counts only for the kinds delegated and only with a delegation") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        Request r = request(RequestKind::expense);
        r.amount = cny("25000");  // over 20,000 (E2): regional manager, sales director
        const Route rt = route(m, r, org);
        const std::vector<Delegation> discounts_only{{.principal = PersonId{"zhao"},
                                                      .delegate = PersonId{"liu"},
                                                      .kinds = {RequestKind::discount},
                                                      .from = may(1),
                                                      .to = may(10)}};
        const Approval rm = approve(r, "regional_manager", "li", may(6));
        Decision d = verify(rt, std::vector{rm, approve_for(r, "sales_director", "liu", "zhao", may(7))}, r,
                            org, discounts_only);
        CHECK(text(d, "approval.delegation_scope") ==
              "the delegation from Zhao Lei to Liu Yang does not cover expense requests");
        CHECK(text(d, "approval.delegation_scope", crm::Lang::zh) ==
              "Zhao Lei 对 Liu Yang 的代理授权不包括费用申请");
        CHECK(d.outcome() == Outcome::needs_approval);
        // no delegation at all
        d = verify(rt, std::vector{rm, approve_for(r, "sales_director", "chen", "zhao", may(7))}, r, org,
                   discounts_only);
        CHECK(text(d, "approval.no_delegation") ==
              "Chen Jie approved on behalf of Zhao Lei without a delegation");
        // a delegation that covers both kinds counts
        const std::vector<Delegation> both{{.principal = PersonId{"zhao"},
                                            .delegate = PersonId{"liu"},
                                            .kinds = {RequestKind::discount, RequestKind::expense},
                                            .from = may(1),
                                            .to = may(10)}};
        CHECK(
            verify(rt, std::vector{rm, approve_for(r, "sales_director", "liu", "zhao", may(7))}, r, org, both)
                .outcome() == Outcome::allow);
    }

    TEST_CASE("the same person never fills two steps of one route") {
        const crm::OrgChart org = sample_org();
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, org);
        // Zhao signs as regional manager (rank 4 >= 2, above Wang) and as sales director
        Decision d = verify(rt,
                            std::vector{approve(r, "regional_manager", "zhao", may(6)),
                                        approve(r, "sales_director", "zhao", may(6))},
                            r, org, {});
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK(text(d, "approval.same_person_twice") ==
              "Zhao Lei already fills another step of this route and cannot also approve as sales director");
        CHECK(text(d, "approval.same_person_twice", crm::Lang::zh) ==
              "Zhao Lei 已完成本流程的另一个步骤, 不能再以 销售总监 身份审批");
        CHECK(count(d, "approval.step_missing") == 1);
        // through a delegation: Liu as regional manager in his own right, and as director for Zhao
        const std::vector<Delegation> away{{.principal = PersonId{"zhao"},
                                            .delegate = PersonId{"liu"},
                                            .kinds = {RequestKind::discount},
                                            .from = may(1),
                                            .to = may(10)}};
        d = verify(rt,
                   std::vector{approve(r, "regional_manager", "liu", may(6)),
                               approve_for(r, "sales_director", "liu", "zhao", may(7))},
                   r, org, away);
        CHECK(d.has("approval.same_person_twice"));
        // and the principal cannot fill another step while his delegate fills one for him
        d = verify(rt,
                   std::vector{approve(r, "regional_manager", "zhao", may(6)),
                               approve_for(r, "sales_director", "liu", "zhao", may(7))},
                   r, org, away);
        CHECK(d.has("approval.same_person_twice"));
        CHECK(d.outcome() == Outcome::needs_approval);
    }

    TEST_CASE("an approver must hold the level on the reporting line or in the region") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        const Request r = twelve_percent();
        const Route rt = route(m, r, org);
        // Chen is a rep (rank 1 < 2)
        Decision d = verify(rt, std::vector{approve(r, "regional_manager", "chen", may(6))}, r, org, {});
        CHECK(text(d, "approval.level_too_low") ==
              "Chen Jie (sales rep) does not hold the level regional manager on 2024-05-06");
        // Sun is a sales director, but of region north: not above Wang, not managing east
        d = verify(rt,
                   std::vector{approve(r, "regional_manager", "li", may(6)),
                               approve(r, "sales_director", "sun", may(7))},
                   r, org, {});
        CHECK(text(d, "approval.not_on_line") ==
              "Sun Li is neither above Wang Fang on the reporting line nor a manager of region east");
        CHECK(d.outcome() == Outcome::needs_approval);
        // Li manages region east: she may approve the regional step of Zhou (a north rep) selling in the east
        Request east = twelve_percent("R-7", "zhou");
        const Route east_route = route(m, east, org);
        d = verify(east_route,
                   std::vector{approve(east, "regional_manager", "li", may(6)),
                               approve(east, "sales_director", "sun", may(7))},
                   east, org, {});
        CHECK(d.outcome() == Outcome::allow);
    }

    TEST_CASE("a function step needs exactly that function") {
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::payment_term);
        r.days = crm::Days{45};  // over 30 days (P2): regional manager, then finance
        const Route rt = route(sample_matrix(), r, org);
        REQUIRE(rt.steps.size() == 2);
        // the general manager outranks finance but is not finance
        Decision d = verify(
            rt,
            std::vector{approve(r, "regional_manager", "li", may(6)), approve(r, "finance", "zhang", may(7))},
            r, org, {});
        CHECK(d.has("approval.level_too_low"));
        CHECK(d.outcome() == Outcome::needs_approval);
        // Qian, the finance controller, is not on Wang's line and needs not be
        d = verify(
            rt,
            std::vector{approve(r, "regional_manager", "li", may(6)), approve(r, "finance", "qian", may(7))},
            r, org, {});
        CHECK(d.outcome() == Outcome::allow);
    }

    TEST_CASE("a proposal or a rating is not an approval") {
        const crm::OrgChart org = sample_org();
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, org);
        Approval proposal = approve(r, "regional_manager", "li", may(6));
        proposal.authority = Authority::proposal;  // 建议权: Li suggests, she does not decide
        Approval rating = approve(r, "sales_director", "zhao", may(7));
        rating.authority = Authority::rating;
        const Decision d = verify(rt, std::vector{proposal, rating}, r, org, {});
        CHECK(count(d, "approval.not_an_approval") == 2);
        CHECK(text(d, "approval.not_an_approval") ==
              "Li Na gave a proposal, not an approval: only an approval right satisfies a step");
        CHECK(text(d, "approval.not_an_approval", crm::Lang::zh) ==
              "Li Na 行使的是建议权, 不是审批权: 只有审批权才能完成审批步骤");
        CHECK(count(d, "approval.step_missing") == 2);
    }

    TEST_CASE("records that do not fit the route are noted and ignored") {
        const crm::OrgChart org = sample_org();
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, org);
        const std::vector<Approval> given{
            approve(r, "regional_manager", "li", may(6)),
            approve(r, "regional_manager", "li", may(6)),    // the same record twice
            approve(r, "general_manager", "zhang", may(7)),  // a level the route does not need
            approve(r, "sales_director", "ghost", may(7)),   // nobody the chart knows
            approve(r, "sales_director", "zhao", may(7)),
            approve(r, "sales_director", "zhang", may(8)),   // a second director-level approver: not needed
            approve(r, "regional_manager", "wang", may(8)),  // the requester, too late to matter
        };
        const Decision d = verify(rt, given, r, org, {});
        CHECK(d.outcome() == Outcome::warn);  // every step filled; the stray records are warnings
        CHECK(is_satisfied(d));
        CHECK(d.has("approval.satisfied"));
        CHECK(text(d, "approval.duplicate_record") ==
              "the approval by Li Na as regional manager was submitted twice; it counts once");
        CHECK(text(d, "approval.not_in_route") ==
              "Zhang Wei approved as general manager, which the route does not require");
        CHECK(text(d, "approval.unknown_approver") == "ghost is not in the org chart on 2024-05-07");
        CHECK(d.has("approval.own_request"));
        CHECK(d.reasons().size() == 5);  // four notes, then the outcome
        CHECK(d.reasons().back().code() == "approval.satisfied");
    }

    TEST_CASE("stages run in sequence") {
        const crm::OrgChart org = sample_org();
        const Matrix m = sample_matrix();
        const Request r = twelve_percent();
        const Route rt = route(m, r, org);
        // the director signs on 5 May, before the regional manager on 6 May
        Decision d = verify(rt,
                            std::vector{approve(r, "regional_manager", "li", may(6)),
                                        approve(r, "sales_director", "zhao", may(5))},
                            r, org, {});
        CHECK(text(d, "approval.out_of_sequence") ==
              "Zhao Lei approved step 2 on 2024-05-05, before an earlier step was approved on 2024-05-06");
        CHECK(d.outcome() == Outcome::needs_approval);
        // the same day is in sequence; parallel steps (director and finance) in any order
        Request big = request(RequestKind::discount);
        big.percent = crm::Percent{"8"};
        big.amount = cny("60000");  // regional manager, then director and finance together
        d = verify(route(m, big, org),
                   std::vector{approve(big, "finance", "qian", may(6)),
                               approve(big, "sales_director", "zhao", may(8)),
                               approve(big, "regional_manager", "li", may(6))},
                   big, org, {});
        CHECK(d.outcome() == Outcome::allow);
    }

    TEST_CASE("the level held on the approval date decides") {
        // from 1 June Chen is promoted to regional manager and Wang reports to him; Li has left
        const crm::OrgChart may_chart = sample_org();
        std::vector<crm::Person> june;
        for (const crm::Person& p : may_chart.people()) {
            if (p.id == PersonId{"li"}) continue;
            crm::Person q = p;
            if (q.id == PersonId{"chen"}) {
                q.role = RoleId{"regional_manager"};
                q.manager = PersonId{"liu"};
            }
            if (q.id == PersonId{"wang"}) q.manager = PersonId{"chen"};
            june.push_back(q);
        }
        const std::vector<OrgSnapshot> history{{Date(2024, 1, 1), sample_org()},
                                               {Date(2024, 6, 1), crm::OrgChart{ladder(), june}}};
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, sample_org());
        const Approval director = approve(r, "sales_director", "zhao", Date(2024, 6, 10));
        // Chen on 20 May was still a rep
        Decision d = verify(rt, std::vector{approve(r, "regional_manager", "chen", may(20)), director}, r,
                            history, {});
        CHECK(d.has("approval.level_too_low"));
        // on 2 June he holds the level, and is above Wang
        d = verify(rt, std::vector{approve(r, "regional_manager", "chen", Date(2024, 6, 2)), director}, r,
                   history, {});
        CHECK(d.outcome() == Outcome::allow);
        // Li's approval of 20 May counts; one dated 5 June is by someone who has left
        CHECK(verify(rt, std::vector{approve(r, "regional_manager", "li", may(20)), director}, r, history, {})
                  .outcome() == Outcome::allow);
        d = verify(rt, std::vector{approve(r, "regional_manager", "li", Date(2024, 6, 5)), director}, r,
                   history, {});
        CHECK(d.has("approval.unknown_approver"));
        // before the first snapshot nobody is known
        d = verify(rt, std::vector{approve(r, "regional_manager", "li", Date(2023, 12, 31)), director}, r,
                   history, {});
        CHECK(d.has("approval.unknown_approver"));
    }

    TEST_CASE("malformed delegations approvals and histories are refused naming the field") {
        const crm::OrgChart org = sample_org();
        const Request r = twelve_percent();
        const Route rt = route(sample_matrix(), r, org);
        const auto run = [&](std::vector<Delegation> ds) { (void)verify(rt, {}, r, org, ds); };
        Delegation ok{.principal = PersonId{"zhao"},
                      .delegate = PersonId{"liu"},
                      .kinds = {RequestKind::discount},
                      .from = may(1),
                      .to = may(10)};
        Delegation backwards = ok;
        backwards.to = Date(2024, 4, 30);  // ends before it starts
        CHECK_THROWS_AS(run({ok, backwards}), crm::Error);
        CHECK(field_of([&] { run({ok, backwards}); }) == "delegations[1].to");
        try {
            run({backwards});
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::inconsistent);
        }
        Delegation self = ok;
        self.delegate = PersonId{"zhao"};
        CHECK(field_of([&] { run({self}); }) == "delegations[0].delegate");
        Delegation no_kinds = ok;
        no_kinds.kinds.clear();
        CHECK(field_of([&] { run({no_kinds}); }) == "delegations[0].kinds");
        Delegation no_principal = ok;
        no_principal.principal = PersonId{};
        CHECK(field_of([&] { run({no_principal}); }) == "delegations[0].principal");
        CHECK(field_of([&] { backwards.validate(); }) == "delegation.to");

        Approval nobody = approve(r, "regional_manager", "li", may(6));
        nobody.approver = PersonId{};
        CHECK(field_of([&] { (void)verify(rt, std::vector{nobody}, r, org, {}); }) ==
              "approvals[0].approver");

        CHECK(field_of([&] { (void)verify(rt, {}, r, std::span<const OrgSnapshot>{}, {}); }) == "history");
        const std::vector<OrgSnapshot> unordered{{may(1), org}, {may(1), org}};
        CHECK(field_of([&] { (void)verify(rt, {}, r, unordered, {}); }) == "history[1].from");
    }

    TEST_CASE("approvals and delegations print for diagnostics") {
        const Request r = twelve_percent();
        std::ostringstream os;
        os << approve_for(r, "sales_director", "liu", "zhao", may(7));
        CHECK(os.str().rfind("liu for zhao as sales_director on 2024-05-07 (approval) of R-1 [", 0) == 0);
        os.str("");
        os << Delegation{.principal = PersonId{"zhao"},
                         .delegate = PersonId{"liu"},
                         .kinds = {RequestKind::discount, RequestKind::leave},
                         .from = may(1),
                         .to = may(10)};
        CHECK(os.str() == "zhao -> liu from 2024-05-01 to 2024-05-10 for discount leave");
    }

}  // TEST_SUITE
