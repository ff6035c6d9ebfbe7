// Properties over generated matrices and requests (fixed seeds): raising an amount, a percent or
// a number of days never lowers the required levels; every compiled matrix is monotone, whatever
// rows it was given; routes keep their invariants; the right approvers in order always satisfy a
// route, and any edit of the request afterwards voids them.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

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
const char* const segments[] = {"government", "group", "channel", "enterprise"};
const char* const regions[] = {"east", "north", "south"};
const char* const products[] = {"cars", "parts", "service"};

std::vector<crm::Role> ladder() {
    auto roles = crm::default_roles();
    roles.push_back(crm::Role{RoleId{"finance"}, "finance controller 财务总监", 4});
    return roles;
}

// One person per role, each line role above the next lower one, the requester at the bottom:
// rep -> rm -> kam -> director -> gm, and finance reporting to the general manager.
crm::OrgChart chain_org() {
    using crm::Person;
    return crm::OrgChart{
        ladder(),
        {Person{PersonId{"gm"}, "GM", RoleId{"general_manager"}, std::nullopt, {}},
         Person{PersonId{"director"}, "Director", RoleId{"sales_director"}, PersonId{"gm"}, {}},
         Person{PersonId{"fin"}, "Finance", RoleId{"finance"}, PersonId{"gm"}, {}},
         Person{PersonId{"kam"}, "KAM", RoleId{"key_account_manager"}, PersonId{"director"}, {}},
         Person{PersonId{"rm"}, "RM", RoleId{"regional_manager"}, PersonId{"kam"}, {}},
         Person{PersonId{"rep"}, "Rep", RoleId{"sales_rep"}, PersonId{"rm"}, {}},
         Person{PersonId{"asker"}, "Asker", RoleId{"sales_rep"}, PersonId{"rep"}, {}}}};
}

const char* holder_of(const RoleId& role) {
    const std::string& r = role.value();
    if (r == "general_manager") return "gm";
    if (r == "sales_director") return "director";
    if (r == "finance") return "fin";
    if (r == "key_account_manager") return "kam";
    if (r == "regional_manager") return "rm";
    return "rep";
}

template <class T, std::size_t N>
std::vector<T> some_of(Rng& rng, const char* const (&pool)[N]) {
    std::vector<T> out;
    if (rng.below(3) != 0) return out;  // any value
    for (const char* v : pool)
        if (rng.below(3) == 0) out.push_back(T{v});
    if (out.empty()) out.push_back(T{pool[rng.below(N)]});
    return out;
}

// The OA terms of each role in the matrix being generated (a role runs one way in a matrix):
// a random mode (或签 / 会签 / 依次审批) and, now and then, automatic approval up to an amount.
struct Terms {
    StepMode mode = StepMode::any_one;
    std::optional<crm::Money> auto_at_most;
};
Terms terms_of[6];  // by line_roles index, then finance; drawn anew for every matrix

// Drawn so that a higher line role is never laxer than a lower one (its mode at least as
// strict, its automatic limit no higher), so that raising a level's role keeps a band covering
// the one below; finance (a function) is only ever covered by itself.
void draw_terms(Rng& rng) {
    int mode = 0;
    std::optional<std::int64_t> limit;
    if (rng.below(3) == 0) limit = rng.between(0, 60);
    for (std::size_t i = 0; i < 6; ++i) {
        Terms& t = terms_of[i];
        if (i == 5) {  // finance
            mode = 0;
            limit = rng.below(4) == 0 ? std::optional<std::int64_t>{rng.between(0, 60)} : std::nullopt;
        }
        if (rng.below(4) == 0) mode = static_cast<int>(rng.between(mode, 2));
        if (limit && rng.below(3) == 0)
            limit = rng.coin() ? std::nullopt : std::optional<std::int64_t>{rng.between(0, *limit)};
        t.mode = static_cast<StepMode>(mode);
        t.auto_at_most.reset();
        if (limit) t.auto_at_most = crm::Money{crm::Decimal::scaled(*limit * 100'000, -2), crm::Currency{}};
    }
}

Level with_terms(Level l) {
    std::size_t k = 5;
    for (std::size_t i = 0; i < 5; ++i)
        if (l.role.value() == line_roles[i]) k = i;
    l.mode = terms_of[k].mode;
    l.auto_at_most = terms_of[k].auto_at_most;
    return l;
}

Level random_level(Rng& rng) {
    if (rng.below(6) == 0) return with_terms(Level{RoleId{"finance"}, Reach::function});
    return with_terms(Level{RoleId{line_roles[rng.below(5)]}});
}

bool has_role(const std::vector<Level>& levels, const RoleId& role) {
    return std::any_of(levels.begin(), levels.end(), [&](const Level& l) { return l.role == role; });
}

int rank_of(const RoleId& role) {
    for (int i = 0; i < 5; ++i)
        if (role.value() == line_roles[i]) return i + 1;
    return 4;  // finance
}

// The levels of the next band: at least those below, some raised or one added (usually both).
std::vector<Level> raise(Rng& rng, std::vector<Level> levels) {
    std::vector<Level> before = levels;
    for (Level& l : levels) {
        if (l.reach != Reach::reporting_line || rng.below(3) != 0) continue;
        const int to = static_cast<int>(rng.between(rank_of(l.role), 5));
        const RoleId higher{line_roles[to - 1]};
        if (!has_role(levels, higher)) l = with_terms(Level{higher});
    }
    if (levels.empty() || levels == before || rng.coin()) {
        const Level extra = random_level(rng);
        if (!has_role(levels, extra.role)) levels.push_back(extra);
    }
    return levels;
}

std::vector<Level> arbitrary_levels(Rng& rng) {
    std::vector<Level> levels;
    const auto n = rng.between(1, 3);
    for (std::int64_t i = 0; i < n; ++i) {
        const Level l = random_level(rng);
        if (!has_role(levels, l.role)) levels.push_back(l);
    }
    return levels;
}

Threshold threshold(Dimension d, std::int64_t t) {
    switch (d) {
    case Dimension::amount:
        return crm::Money{crm::Decimal::scaled(t * 100'000, -2), crm::Currency{}};  // t thousand
    case Dimension::percent: return crm::Percent{crm::Decimal::scaled(t, -1)};      // t tenths of a point
    default: return crm::Days{t};
    }
}

// Rows for a random matrix. Each band's levels are, with probability `sound_in_8` / 8, built to
// cover the band below (construction accepts those unless two families happen to share
// conditions), otherwise drawn at random (construction refuses most of those).
std::vector<Row> random_rows(Rng& rng, std::uint64_t sound_in_8) {
    draw_terms(rng);
    std::vector<Row> rows;
    int id = 0;
    for (const RequestKind kind : all_request_kinds) {
        const auto families = rng.between(0, 2);
        for (std::int64_t f = 0; f < families; ++f) {
            Conditions when{some_of<std::string>(rng, segments), some_of<RegionId>(rng, regions),
                            some_of<crm::ProductGroupId>(rng, products)};
            std::vector<Level> base;
            if (rng.coin()) {
                base = rng.below(8) < sound_in_8 ? raise(rng, {}) : arbitrary_levels(rng);
                rows.push_back(Row{
                    .id = RuleId{"r" + std::to_string(id++)}, .kind = kind, .when = when, .levels = base});
            }
            const Dimension dims[] = {Dimension::amount, Dimension::percent, Dimension::days};
            for (const Dimension d : dims) {
                if (rng.below(3) == 0) continue;
                std::int64_t t = rng.between(0, 30);
                std::vector<Level> levels = base;
                const auto bands = rng.between(1, 4);
                for (std::int64_t b = 0; b < bands; ++b) {
                    levels = rng.below(8) < sound_in_8 ? raise(rng, levels) : arbitrary_levels(rng);
                    rows.push_back(
                        Row{.id = RuleId{"r" + std::to_string(id++)},
                            .kind = kind,
                            .when = when,
                            .over = threshold(d, t),
                            .levels = levels,
                            .boundary = rng.coin() ? crm::Boundary::inclusive : crm::Boundary::exclusive});
                    t += rng.between(1, 60);
                }
            }
        }
    }
    return rows;
}

std::int64_t figure_near(Rng& rng, std::int64_t scale_max) { return rng.between(0, scale_max); }

Request random_request(Rng& rng) {
    Request r{.id = crm::RequestId{"R"},
              .kind = all_request_kinds[rng.below(request_kind_count)],
              .requester = PersonId{"asker"},
              .segment = segments[rng.below(4)],
              .region = RegionId{regions[rng.below(3)]},
              .product_line = crm::ProductGroupId{products[rng.below(3)]}};
    // on the thresholds' grid (thousands, tenths of a point, days) or just off it
    const std::int64_t cents = figure_near(rng, 120) * 100'000 + (rng.coin() ? 0 : rng.between(-99, 99));
    r.amount = crm::Money{crm::Decimal::scaled(cents < 0 ? -cents : cents, -2), crm::Currency{}};
    r.percent = crm::Percent{crm::Decimal::scaled(figure_near(rng, 120), -1)};
    r.days = crm::Days{figure_near(rng, 120)};
    return r;
}

// Raises one figure (or all) by a non-negative step on the thresholds' grid, possibly zero.
Request raised(Rng& rng, Request r, int which) {
    const auto step = rng.between(0, 40);
    if (which == 0 || which == 3)
        r.amount = r.amount + crm::Money{crm::Decimal::scaled(step * 100'000, -2), crm::Currency{}};
    if (which == 1 || which == 3) r.percent = r.percent + crm::Percent{crm::Decimal::scaled(step, -1)};
    if (which == 2 || which == 3) r.days = r.days + crm::Days{step};
    return r;
}

void check_invariants(const Route& rt) {
    int stage = 0;
    int rank = 0;
    for (std::size_t i = 0; i < rt.steps.size(); ++i) {
        const Step& s = rt.steps[i];
        if (i == 0) {
            CHECK(s.stage == 0);
        } else {
            CHECK(s.rank >= rank);
            CHECK(s.stage == (s.rank == rank ? stage : stage + 1));
            for (std::size_t j = 0; j < i; ++j) CHECK(rt.steps[j].level.role != s.level.role);
        }
        stage = s.stage;
        rank = s.rank;
    }
    CHECK(rt.needs_approval() == !rt.steps.empty());
}

}  // namespace

TEST_SUITE("approval.properties") {
    TEST_CASE("raising any amount percent or duration never lowers the required levels") {
        Rng rng(0xA11A0CEULL);
        const crm::OrgChart org = chain_org();
        int matrices = 0, pairs = 0, changed = 0, nonempty = 0;
        for (int m = 0; m < 500; ++m) {
            std::optional<Matrix> matrix;
            try {
                matrix.emplace(random_rows(rng, 8), ladder());
            } catch (const crm::Error&) {
                continue;  // two families drew the same conditions: their rows merge out of order
            }
            ++matrices;
            for (int q = 0; q < 20; ++q) {
                const Request r = random_request(rng);
                const Route before = route(*matrix, r, org);
                check_invariants(before);
                for (int which = 0; which < 4; ++which) {
                    const Request r2 = raised(rng, r, which);
                    const Route after = route(*matrix, r2, org);
                    CAPTURE(m);
                    CAPTURE(q);
                    CAPTURE(which);
                    CAPTURE(before);
                    CAPTURE(after);
                    CHECK(requires_at_least(after, before));
                    CHECK(top_rank(after) >= top_rank(before));
                    ++pairs;
                    changed += requires_at_least(before, after) ? 0 : 1;  // strictly more now
                    nonempty += before.needs_approval() ? 1 : 0;
                }
            }
        }
        CHECK(matrices > 300);
        CHECK(pairs > 24000);
        MESSAGE(matrices << " matrices; " << pairs << " raises, " << nonempty
                         << " of them from a route with steps, " << changed << " requiring strictly more");
        CHECK(changed > 800);  // not vacuous: many raises cross a band and require strictly more
    }

    TEST_CASE("whatever rows a matrix is given it either refuses them or is monotone") {
        Rng rng(20240601);
        const crm::OrgChart org = chain_org();
        int accepted = 0, refused = 0;
        for (int m = 0; m < 400; ++m) {
            std::optional<Matrix> matrix;
            try {
                matrix.emplace(random_rows(rng, 7), ladder());
            } catch (const crm::Error& e) {
                ++refused;
                CHECK(e.field().rfind("rows[", 0) == 0);
                continue;
            }
            ++accepted;
            for (int q = 0; q < 10; ++q) {
                const Request r = random_request(rng);
                const Request r2 = raised(rng, r, static_cast<int>(rng.below(4)));
                CAPTURE(m);
                CHECK(requires_at_least(route(*matrix, r2, org), route(*matrix, r, org)));
            }
        }
        CHECK(accepted > 40);
        CHECK(refused > 40);
    }

    TEST_CASE("the right approvers in sequence satisfy every route and any edit voids them") {
        Rng rng(77);
        const crm::OrgChart org = chain_org();
        int checked = 0;
        for (int m = 0; m < 100; ++m) {
            std::optional<Matrix> matrix;
            try {
                matrix.emplace(random_rows(rng, 8), ladder());
            } catch (const crm::Error&) {
                continue;
            }
            for (int q = 0; q < 10; ++q) {
                const Request r = random_request(rng);
                const Route rt = route(*matrix, r, org);
                std::vector<Approval> given;
                for (const Step& s : rt.steps)
                    given.push_back(Approval{.request = r.id,
                                             .fingerprint = fingerprint(r),
                                             .level = s.level.role,
                                             .approver = PersonId{holder_of(s.level.role)},
                                             .date = crm::Date(2024, 3, 1) + crm::Days{s.stage}});
                std::reverse(given.begin(), given.end());  // the order of the records does not matter
                CAPTURE(rt);
                const crm::Decision d = verify(rt, given, r, org, {});
                CHECK(d.outcome() == crm::Outcome::allow);
                if (rt.steps.empty()) continue;
                ++checked;
                // without any one record, exactly that step is missing
                const std::size_t drop = rng.below(given.size());
                std::vector<Approval> fewer = given;
                fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
                const crm::Decision missing = verify(rt, fewer, r, org, {});
                CHECK(missing.outcome() == crm::Outcome::needs_approval);
                CHECK(missing.reasons().size() == 1);
                // an edit of any figure after approval voids every record
                Request edited = r;
                edited.days = edited.days + crm::Days{1};
                const Route edited_route = route(*matrix, edited, org);
                if (edited_route.needs_approval())
                    CHECK(verify(edited_route, given, edited, org, {}).outcome() ==
                          crm::Outcome::needs_approval);
            }
        }
        CHECK(checked > 200);
    }

}  // TEST_SUITE
