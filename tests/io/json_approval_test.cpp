// The `approval` section of a policy version: a worked document read to its values, bad input
// naming the JSON Pointer, and the round trip over generated matrices.

#include <crm/approval/matrix.hpp>
#include <crm/core/error.hpp>
#include <crm/io/json.hpp>

#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Boundary;
using crm::Date;
using crm::ErrorCode;
using crm::Money;
using crm::Percent;
using crm::RoleId;
using crm::test::Rng;
namespace approval = crm::approval;

namespace {

std::string with_approval(const std::string& section) {
    return R"({"versions": [{"id": "v1", "effective_from": "2025-01-01", "approval": )" + section + "}]}";
}

// Discounts: 5% or more (5%以上) the regional manager; more than 10% (超过10%) also the sales
// director, countersigned. Orders of government accounts in the east: a base row (finance, a
// function step, automatic up to CNY 1000) and CNY 100000 or more the general manager.
const char* const worked = R"({
  "currency": "CNY",
  "rows": [
    {"id": "D1", "kind": "discount", "over": {"percent": "5%"},
     "levels": [{"role": "regional_manager"}]},
    {"id": "D2", "kind": "discount", "over": {"percent": "10%"}, "boundary": "exclusive",
     "levels": [{"role": "regional_manager"}, {"role": "sales_director", "mode": "all"}],
     "cc": [{"person": "li"}, {"role": "general_manager"}]},
    {"id": "O0", "kind": "order", "when": {"segments": ["government"], "regions": ["east"]},
     "levels": [{"role": "finance", "reach": "function",
                 "auto_at_most": {"amount": "1000.00", "currency": "CNY"}}]},
    {"id": "O1", "kind": "order", "when": {"segments": ["government"], "regions": ["east"]},
     "over": {"amount": {"amount": "100000.00", "currency": "CNY"}},
     "levels": [{"role": "finance", "reach": "function",
                 "auto_at_most": {"amount": "1000.00", "currency": "CNY"}},
                {"role": "general_manager", "source": "manager", "manager_level": 2,
                 "when_empty": "administrator", "administrator": "admin"}]},
    {"id": "L1", "kind": "leave", "over": {"days": 3}, "levels": [{"role": "sales_director", "mode": "all"}]}
  ],
  "roles": [
    {"id": "sales_rep", "name": "销售代表", "rank": 1},
    {"id": "regional_manager", "name": "区域经理", "rank": 2},
    {"id": "sales_director", "name": "销售总监", "rank": 4},
    {"id": "general_manager", "name": "总经理", "rank": 5},
    {"id": "finance", "name": "财务", "rank": 3}
  ]
})";

}  // namespace

TEST_SUITE("io.json.approval") {
    TEST_CASE("a worked approval section reads to its roles and rows and currency") {
        const auto set = crm::io::read_policy_set(with_approval(worked), "worked.json");
        const auto& a = set.versions.at(0).approval;
        CHECK(a.currency == crm::Currency{"CNY"});
        REQUIRE(a.roles.size() == 5);
        CHECK(a.roles[2].id == RoleId{"sales_director"});
        CHECK(a.roles[2].name == "销售总监");
        CHECK(a.roles[2].rank == 4);
        REQUIRE(a.rows.size() == 5);
        const approval::Row& d1 = a.rows[0];
        CHECK(d1.kind == approval::RequestKind::discount);
        CHECK(d1.boundary == Boundary::inclusive);  // left out: 以上
        CHECK(std::get<Percent>(*d1.over) == Percent{"5"});
        CHECK(d1.levels.at(0).reach == approval::Reach::reporting_line);
        CHECK(d1.levels.at(0).mode == approval::StepMode::any_one);
        const approval::Row& d2 = a.rows[1];
        CHECK(d2.boundary == Boundary::exclusive);  // 超过10%
        CHECK(d2.levels.at(1).mode == approval::StepMode::all);
        REQUIRE(d2.cc.size() == 2);
        CHECK(d2.cc[0].person == crm::PersonId{"li"});
        CHECK(d2.cc[1].role == RoleId{"general_manager"});
        const approval::Row& o0 = a.rows[2];
        CHECK_FALSE(o0.over);
        CHECK(o0.when.segments == std::vector<std::string>{"government"});
        CHECK(o0.when.regions == std::vector{crm::RegionId{"east"}});
        CHECK(o0.levels.at(0).reach == approval::Reach::function);
        CHECK(o0.levels.at(0).auto_at_most == Money{"1000.00", "CNY"});
        const approval::Row& o1 = a.rows[3];
        CHECK(std::get<Money>(*o1.over) == Money{"100000.00", "CNY"});
        const approval::Level& gm = o1.levels.at(1);
        CHECK(gm.source == approval::ApproverSource::manager);
        CHECK(gm.manager_level == 2);
        CHECK(gm.when_empty == approval::WhenEmpty::administrator);
        CHECK(gm.administrator == crm::PersonId{"admin"});
        CHECK(std::get<crm::Days>(*a.rows[4].over) == crm::Days{3});
    }

    TEST_CASE("an empty approval section keeps the default ladder and currency") {
        const auto set = crm::io::read_policy_set(with_approval("{}"));
        CHECK(set.versions[0].approval == crm::policy::ApprovalPolicies{});
        CHECK(set.versions[0].approval.roles == crm::default_roles());
    }

    TEST_CASE("bad approval input names the JSON Pointer") {
        struct Case {
            const char* name;
            std::string section;
            ErrorCode code;
            const char* pointer;
        };
        const Case cases[] = {
            {"unknown key in a level",
             R"({"rows": [{"id": "D", "kind": "discount", "levels": [{"role": "sales_rep", "mod": "all"}]}]})",
             ErrorCode::parse_error, "/versions/0/approval/rows/0/levels/0/mod"},
            {"a JSON number as a threshold amount",
             R"({"rows": [{"id": "O", "kind": "order", "over": {"amount": 1000}, "levels": [{"role": "sales_rep"}]}]})",
             ErrorCode::parse_error, "/versions/0/approval/rows/0/over/amount"},
            {"a JSON number as a percent",
             R"({"rows": [{"id": "D", "kind": "discount", "over": {"percent": 5}, "levels": [{"role": "sales_rep"}]}]})",
             ErrorCode::parse_error, "/versions/0/approval/rows/0/over/percent"},
            {"a threshold of two figures",
             R"({"rows": [{"id": "D", "kind": "discount", "over": {"percent": "5", "days": 1}, "levels": [{"role": "sales_rep"}]}]})",
             ErrorCode::parse_error, "/versions/0/approval/rows/0/over"},
            {"a wrong kind name",
             R"({"rows": [{"id": "D", "kind": "rebate", "levels": [{"role": "sales_rep"}]}]})",
             ErrorCode::parse_error, "/versions/0/approval/rows/0/kind"},
            {"a wrong mode name",
             R"({"rows": [{"id": "D", "kind": "discount", "levels": [{"role": "sales_rep", "mode": "会签"}]}]})",
             ErrorCode::parse_error, "/versions/0/approval/rows/0/levels/0/mode"},
            {"a role not on the ladder (the matrix refuses it)",
             R"({"rows": [{"id": "D", "kind": "discount", "levels": [{"role": "ceo"}]}]})",
             ErrorCode::not_found, "/versions/0/approval/rows/0/levels/0/role"},
            {"thresholds that decrease (the matrix refuses them)",
             R"({"rows": [{"id": "D1", "kind": "discount", "over": {"percent": "10%"}, "levels": [{"role": "sales_rep"}]},
                         {"id": "D2", "kind": "discount", "over": {"percent": "5%"}, "levels": [{"role": "sales_rep"}]}]})",
             ErrorCode::inconsistent, "/versions/0/approval/rows/1/over"},
            {"a row without levels", R"({"rows": [{"id": "D", "kind": "discount", "levels": []}]})",
             ErrorCode::invalid_argument, "/versions/0/approval/rows/0/levels"},
            {"a role given twice", R"({"roles": [{"id": "a", "rank": 1}, {"id": "a", "rank": 2}]})",
             ErrorCode::duplicate, "/versions/0/approval/roles/1/id"},
            {"an unknown currency", R"({"currency": "XYZ"})", ErrorCode::unknown_currency,
             "/versions/0/approval/currency"},
        };
        for (const Case& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            const std::string doc = with_approval(c.section);
            crm::test::check_error([&] { return crm::io::read_policy_set(doc, "f"); }, c.code, c.pointer);
        }
    }
}

// ---- the round trip ---------------------------------------------------------------------------

namespace {

/// A valid matrix: per kind, an optional base row then bands on one figure with increasing
/// thresholds, each band's levels a superset of the band below (so it covers it).
crm::policy::ApprovalPolicies generated(Rng& rng) {
    crm::policy::ApprovalPolicies a;
    a.currency = crm::Currency{rng.coin() ? "CNY" : "USD"};
    if (rng.coin()) a.roles.push_back({.id = RoleId{"finance"}, .name = "财务 \"fin\"", .rank = 9});
    const bool finance = a.roles.size() > 5;
    int row_id = 0;
    for (const approval::RequestKind kind : approval::all_request_kinds) {
        if (rng.below(3) == 0) continue;
        approval::Conditions when;
        if (rng.coin()) when.segments = {"government"};
        if (rng.coin()) when.regions = {crm::RegionId{"east"}, crm::RegionId{"west"}};
        if (rng.coin()) when.product_lines = {crm::ProductGroupId{"pumps"}};
        std::vector<approval::Level> levels{{.role = RoleId{"regional_manager"}}};
        if (finance && rng.coin())
            levels.push_back({.role = RoleId{"finance"}, .reach = approval::Reach::function});
        const auto next_row = [&] {
            approval::Row r{.id = crm::RuleId{"R" + std::to_string(row_id++)},
                            .kind = kind,
                            .when = when,
                            .levels = levels};
            if (rng.coin()) r.cc.push_back({.person = crm::PersonId{"li"}});
            if (rng.coin()) r.cc.push_back({.role = RoleId{"general_manager"}});
            return r;
        };
        if (rng.coin()) a.rows.push_back(next_row());
        const int figure = static_cast<int>(rng.below(3));
        std::int64_t value = 0;
        static const char* const upper[] = {"key_account_manager", "sales_director", "general_manager"};
        for (int band = 0, n = static_cast<int>(rng.below(4)); band < n; ++band) {
            value += rng.between(1, 50);
            if (band < 3 && rng.coin()) {
                approval::Level l{.role = RoleId{upper[band]}};
                if (rng.coin()) l.source = approval::ApproverSource::manager, l.manager_level = band + 1;
                if (rng.coin()) l.when_empty = approval::WhenEmpty::escalate;
                if (rng.coin())
                    l.source = approval::ApproverSource::person,
                    l.person = crm::PersonId{"p" + std::to_string(band)};
                levels.push_back(l);
            }
            approval::Row r = next_row();
            r.boundary = rng.coin() ? Boundary::inclusive : Boundary::exclusive;
            if (figure == 0)
                r.over = Money{crm::Decimal::scaled(value * 1000, 0), a.currency};
            else if (figure == 1)
                r.over = Percent{crm::Decimal::scaled(value, -1)};
            else
                r.over = crm::Days{value};
            a.rows.push_back(r);
        }
    }
    return a;
}

}  // namespace

TEST_SUITE("io.json.approval") {
    TEST_CASE("a property: generated approval sections round-trip and the writing is a fixed point") {
        Rng rng(0xA99);
        int with_rows = 0;
        for (int round = 0; round < 300; ++round) {
            CAPTURE(round);
            crm::policy::PolicySet set{.versions = {{.id = "v", .effective_from = Date{2025, 1, 1}}}};
            set.versions[0].approval = generated(rng);
            (void)set.validate();  // the generator makes valid matrices only
            with_rows += set.versions[0].approval.rows.size() > 3 ? 1 : 0;
            const std::string doc = crm::io::write_policy_set(set);
            const auto back = crm::io::read_policy_set(doc, "generated.json");
            CHECK(back.versions[0].approval == set.versions[0].approval);
            CHECK(crm::io::write_policy_set(back) == doc);
        }
        CHECK(with_rows > 100);
    }
}
