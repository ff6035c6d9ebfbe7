// Properties of OA routes over generated org charts and step declarations (fixed seeds): adding
// an approval never turns a filled route unfilled; a 或签 step is filled by any single one of its
// approvers and by nobody else; deduplication never lets a person fill a step they do not hold.

#include <crm/approval/oa.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "../support/generators.hpp"

using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using crm::RuleId;
using crm::test::Rng;
using namespace crm::approval;

namespace {

const char* const line_roles[] = {"sales_rep", "regional_manager", "key_account_manager", "sales_director",
                                  "general_manager"};

std::vector<crm::Role> ladder() {
    auto roles = crm::default_roles();
    roles.push_back(crm::Role{RoleId{"finance"}, "finance controller 财务总监", 4});
    return roles;
}

// A random tree: person i (i >= 1) reports to a random earlier person of a higher rank, so the
// chart never loops; ranks fall with depth. Regions east and north go to random managers.
crm::OrgChart random_org(Rng& rng, int size) {
    std::vector<crm::Person> people;
    std::vector<int> rank;
    people.push_back(crm::Person{PersonId{"p0"}, "P0", RoleId{"general_manager"}, std::nullopt, {}});
    rank.push_back(5);
    for (int i = 1; i < size; ++i) {
        std::vector<int> bosses;
        for (int j = 0; j < i; ++j)
            if (rank[static_cast<std::size_t>(j)] > 1) bosses.push_back(j);
        const int boss = bosses[rng.below(bosses.size())];
        const bool finance = rng.below(6) == 0;
        const int r =
            finance ? 4 : static_cast<int>(rng.between(1, rank[static_cast<std::size_t>(boss)] - 1));
        crm::Person p{PersonId{"p" + std::to_string(i)},
                      "P" + std::to_string(i),
                      RoleId{finance ? "finance" : line_roles[r - 1]},
                      PersonId{"p" + std::to_string(boss)},
                      {}};
        if (!finance && r >= 2 && rng.below(4) == 0)
            p.regions.push_back(RegionId{rng.coin() ? "east" : "north"});
        people.push_back(std::move(p));
        rank.push_back(finance ? 1 : r);  // nobody reports to finance here
    }
    return crm::OrgChart{ladder(), std::move(people)};
}

// A random level: any role, mode, source and fallback.
Level random_level(Rng& rng, const crm::OrgChart& org) {
    Level l = rng.below(6) == 0 ? Level{RoleId{"finance"}, Reach::function}
                                : Level{RoleId{line_roles[rng.between(1, 4)]}};
    l.mode = static_cast<StepMode>(rng.below(3));
    l.source = static_cast<ApproverSource>(rng.below(4));  // chosen is tested by example
    l.manager_level = static_cast<int>(rng.between(1, 4));
    l.person = org.people()[rng.below(org.size())].id;
    l.when_empty = static_cast<WhenEmpty>(rng.below(3));
    l.administrator = PersonId{"p0"};
    if (rng.below(5) == 0)
        l.auto_at_most =
            crm::Money{crm::Decimal{static_cast<std::int64_t>(rng.between(0, 100))}, crm::Currency{}};
    return l;
}

struct Case {
    crm::OrgChart org;
    Request request;
    OaRoute oa;
};

// A generated case: an org chart, a one-row matrix of 1-4 levels (distinct roles), a request by a
// random person at the bottom half of the chart.
std::optional<Case> random_case(Rng& rng) {
    crm::OrgChart org = random_org(rng, static_cast<int>(rng.between(4, 14)));
    std::vector<Level> levels;
    const auto n = rng.between(1, 4);
    for (std::int64_t i = 0; i < n; ++i) {
        Level l = random_level(rng, org);
        if (std::none_of(levels.begin(), levels.end(), [&](const Level& x) { return x.role == l.role; }))
            levels.push_back(std::move(l));
    }
    const Matrix m{{Row{.id = RuleId{"R"}, .kind = RequestKind::order, .levels = levels}}, ladder()};
    const std::size_t who = org.size() / 2 + rng.below(org.size() - org.size() / 2);
    Request r{
        .id = crm::RequestId{"Q"},
        .kind = RequestKind::order,
        .requester = org.people()[who].id,
        .region = RegionId{rng.coin() ? "east" : "north"},
        .amount = crm::Money{crm::Decimal{static_cast<std::int64_t>(rng.between(0, 100))}, crm::Currency{}}};
    OaRoute oa = resolve(route(m, r, org), r, org,
                         Submission{.dedupe = rng.coin() ? Dedupe::first_counts : Dedupe::every_occurrence});
    return Case{std::move(org), std::move(r), std::move(oa)};
}

crm::DateTime minute(int n) { return crm::DateTime{crm::Date(2024, 5, 6), crm::TimeOfDay::from_minutes(n)}; }

// Events that fill every fillable step: stage by stage, 或签 one random approver, otherwise all in order.
std::vector<Event> filling_events(Rng& rng, const Case& c, int& clock) {
    std::vector<Event> out;
    for (std::size_t s = 0; s < c.oa.steps.size(); ++s) {
        const OaStep& step = c.oa.steps[s];
        if (step.automatic || step.blocked || step.approvers.empty()) continue;
        std::vector<PersonId> who = step.approvers;
        if (step.step.level.mode == StepMode::any_one) who = {who[rng.below(who.size())]};
        for (const PersonId& p : who)
            out.push_back(Event{.kind = EventKind::approve,
                                .step = s,
                                .actor = p,
                                .at = minute(clock++),
                                .fingerprint = c.oa.fingerprint});
    }
    return out;
}

bool fillable(const Case& c) {
    return std::none_of(c.oa.steps.begin(), c.oa.steps.end(), [](const OaStep& s) { return s.blocked; });
}

}  // namespace

TEST_SUITE("approval.oa.properties") {
    TEST_CASE("adding an approval never turns a filled route unfilled") {
        Rng rng(0x0A11ULL);
        int filled = 0;
        for (int k = 0; k < 1500; ++k) {
            const auto c = random_case(rng);
            if (!c || !fillable(*c)) continue;
            int clock = 0;
            std::vector<Event> events = filling_events(rng, *c, clock);
            CAPTURE(k);
            const crm::Decision d = verify(c->oa, events, c->request, c->org);
            REQUIRE(is_satisfied(d));
            ++filled;
            // one more approval by anybody, for any step, at any later time
            for (int extra = 0; extra < 3; ++extra) {
                Event e{.kind = EventKind::approve,
                        .step = rng.below(c->oa.steps.size()),
                        .actor = c->org.people()[rng.below(c->org.size())].id,
                        .at = minute(clock++),
                        .fingerprint = c->oa.fingerprint};
                events.push_back(e);
                CHECK(is_satisfied(verify(c->oa, events, c->request, c->org)));
            }
        }
        CHECK(filled > 500);
    }

    TEST_CASE("a 或签 step is filled by any one of its approvers and by nobody else") {
        Rng rng(0x0B5ULL);
        int approvers = 0, others = 0;
        for (int k = 0; k < 1500; ++k) {
            auto c = random_case(rng);
            if (!c) continue;
            // judged without deduplication: an earlier approver listed in this step would fill it
            c->oa.dedupe = Dedupe::every_occurrence;
            for (std::size_t s = 0; s < c->oa.steps.size(); ++s) {
                const OaStep& step = c->oa.steps[s];
                if (step.automatic || step.blocked || step.step.level.mode != StepMode::any_one) continue;
                const bool earlier_blocked =
                    std::any_of(c->oa.steps.begin(), c->oa.steps.end(),
                                [&](const OaStep& o) { return o.blocked && o.step.stage < step.step.stage; });
                if (earlier_blocked) continue;  // never open
                // fill every other step first, so that this one is open
                int clock = 0;
                std::vector<Event> base;
                for (const Event& e : filling_events(rng, *c, clock))
                    if (e.step != s && c->oa.steps[e.step].step.stage < step.step.stage) base.push_back(e);
                const auto step_filled = [&](const PersonId& who) {
                    std::vector<Event> events = base;
                    events.push_back(Event{.kind = EventKind::approve,
                                           .step = s,
                                           .actor = who,
                                           .at = minute(clock + 1),
                                           .fingerprint = c->oa.fingerprint});
                    const crm::Decision d = verify(c->oa, events, c->request, c->org);
                    // filled means: no step_missing names this step's rule and stage
                    return std::none_of(d.reasons().begin(), d.reasons().end(), [&](const crm::Reason& r) {
                        const auto* stage = r.figure("stage");
                        return r.code() == "approval.step_missing" && stage != nullptr &&
                               std::get<std::int64_t>(*stage) == step.step.stage + 1 &&
                               std::get<std::string>(*r.figure("level")) ==
                                   crm::display_name(*c->org.find_role(step.step.level.role), crm::Lang::en);
                    });
                };
                CAPTURE(k);
                CAPTURE(s);
                for (const PersonId& p : step.approvers) {
                    CHECK(step_filled(p));
                    ++approvers;
                }
                for (const crm::Person& p : c->org.people()) {
                    if (std::find(step.approvers.begin(), step.approvers.end(), p.id) != step.approvers.end())
                        continue;
                    CHECK_FALSE(step_filled(p.id));
                    ++others;
                }
            }
        }
        CHECK(approvers > 300);
        CHECK(others > 1000);
    }

    TEST_CASE("deduplication never lets a person fill a step they do not hold") {
        Rng rng(0xDEDULL);
        int checked = 0;
        for (int k = 0; k < 1500; ++k) {
            auto c = random_case(rng);
            if (!c || c->oa.steps.size() < 2) continue;
            // one person approves the first step; the later steps they fill by deduplication are
            // exactly those listing them (and only under first_counts)
            const OaStep& first = c->oa.steps[0];
            if (first.automatic || first.blocked || first.approvers.empty()) continue;
            const PersonId who = first.approvers[rng.below(first.approvers.size())];
            std::vector<Event> events{Event{.kind = EventKind::approve,
                                            .step = 0,
                                            .actor = who,
                                            .at = minute(0),
                                            .fingerprint = c->oa.fingerprint}};
            if (first.step.level.mode != StepMode::any_one && first.approvers.size() > 1) continue;
            const crm::Decision d = verify(c->oa, events, c->request, c->org);
            for (std::size_t s = 1; s < c->oa.steps.size(); ++s) {
                const OaStep& later = c->oa.steps[s];
                if (later.automatic || later.blocked) continue;
                const bool holds =
                    std::find(later.approvers.begin(), later.approvers.end(), who) != later.approvers.end();
                const bool sole = later.approvers.size() == 1 || later.step.level.mode == StepMode::any_one;
                const bool missing =
                    std::any_of(d.reasons().begin(), d.reasons().end(), [&](const crm::Reason& r) {
                        const auto* stage = r.figure("stage");
                        return r.code() == "approval.step_missing" && stage != nullptr &&
                               std::get<std::int64_t>(*stage) == later.step.stage + 1 &&
                               std::get<std::string>(*r.figure("rule")) == later.step.rule.value() &&
                               std::get<std::string>(*r.figure("level")) ==
                                   crm::display_name(*c->org.find_role(later.step.level.role), crm::Lang::en);
                    });
                CAPTURE(k);
                CAPTURE(s);
                if (!holds) CHECK(missing);  // never filled by someone it does not list
                if (holds && sole && later.step.stage != first.step.stage)
                    CHECK(missing == (c->oa.dedupe == Dedupe::every_occurrence));
                ++checked;
            }
        }
        CHECK(checked > 300);
    }
}
