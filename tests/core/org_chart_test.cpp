// crm::OrgChart: reporting lines, region managers, validation, and generated charts.

#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::OrgChart;
using crm::Person;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;

namespace {
PersonId pid(const char* s) { return PersonId{s}; }

// Zhang (general manager) <- Zhao (sales director) <- Li (regional manager, east) <- Wang, Chen (reps)
//                                                  <- Sun (regional manager, north)   <- Zhou (rep)
OrgChart sample() {
    return OrgChart{
        crm::default_roles(),
        {Person{pid("zhang"), "Zhang Wei", RoleId{"general_manager"}, std::nullopt, {}},
         Person{pid("zhao"), "Zhao Lei", RoleId{"sales_director"}, pid("zhang"), {}},
         Person{pid("li"), "Li Na", RoleId{"regional_manager"}, pid("zhao"), {RegionId{"east"}}},
         Person{pid("sun"), "Sun Li", RoleId{"regional_manager"}, pid("zhao"), {RegionId{"north"}}},
         Person{pid("wang"), "Wang Fang", RoleId{"sales_rep"}, pid("li"), {}},
         Person{pid("chen"), "Chen Jie", RoleId{"sales_rep"}, pid("li"), {}},
         Person{pid("zhou"), "Zhou Min", RoleId{"sales_rep"}, pid("sun"), {}}}};
}

}  // namespace

TEST_SUITE("core.org_chart") {
    TEST_CASE("the reporting line runs from a rep up to the general manager") {
        const OrgChart org = sample();
        CHECK(org.managers_of(pid("wang")) == std::vector<PersonId>{pid("li"), pid("zhao"), pid("zhang")});
        CHECK(org.is_above(pid("zhang"), pid("wang")));
        CHECK(org.is_above(pid("li"), pid("chen")));
        CHECK_FALSE(org.is_above(pid("sun"), pid("wang")));   // another region's manager
        CHECK_FALSE(org.is_above(pid("wang"), pid("wang")));  // nobody is above themself
        CHECK_FALSE(org.is_above(pid("wang"), pid("li")));    // nor above their manager
        CHECK_FALSE(org.is_above(pid("nobody"), pid("wang")));
        CHECK(org.rank_of(pid("zhao")) == 4);
        CHECK(org.person(pid("li")).name == "Li Na");
        CHECK(org.find(pid("nobody")) == nullptr);
        CHECK(org.managers_of_region(RegionId{"east"}) == std::vector<PersonId>{pid("li")});
        CHECK(org.manages_region(pid("sun"), RegionId{"north"}));
        CHECK_FALSE(org.manages_region(pid("sun"), RegionId{"east"}));
        CHECK(org.managers_of_region(RegionId{"west"}).empty());
    }

    TEST_CASE("a malformed chart is an error naming the person") {
        const auto roles = crm::default_roles();
        CHECK(crm::test::error_field_of([&] {
                  OrgChart{roles,
                           {Person{pid("a"), "A", RoleId{"sales_rep"}},
                            Person{pid("a"), "A2", RoleId{"sales_rep"}}}};
              }) == "people[1].id");
        CHECK(crm::test::error_field_of([&] {
                  OrgChart{roles, {Person{pid("a"), "A", RoleId{"cashier"}}}};
              }) == "people[0].role");
        CHECK(crm::test::error_field_of([&] {
                  OrgChart{roles, {Person{pid("a"), "A", RoleId{"sales_rep"}, pid("ghost")}}};
              }) == "people[0].manager");
        auto doubled = roles;
        doubled.push_back(roles[0]);
        CHECK(crm::test::error_field_of([&] { OrgChart{doubled, {}}; }) == "roles[5].id");
        // a -> b -> c -> a
        CHECK_THROWS_AS((OrgChart{roles,
                                  {Person{pid("a"), "A", RoleId{"sales_rep"}, pid("b")},
                                   Person{pid("b"), "B", RoleId{"sales_rep"}, pid("c")},
                                   Person{pid("c"), "C", RoleId{"sales_rep"}, pid("a")}}}),
                        crm::Error);
        try {
            OrgChart{roles, {Person{pid("a"), "A", RoleId{"sales_rep"}, pid("a")}}};
            FAIL("a self-managing person was accepted");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::inconsistent);
            CHECK(e.field() == "people[0].manager");
        }
        CHECK_THROWS_AS((void)sample().person(pid("ghost")), crm::Error);
    }

    TEST_CASE("property: in generated charts of thousands of people the manager relation is a tree order") {
        crm::test::Rng rng(77);
        for (int round = 0; round < 3; ++round) {
            const std::size_t n = 3000;
            std::vector<Person> people;
            people.reserve(n);
            for (std::size_t i = 0; i < n; ++i) {
                Person p{PersonId{"p" + std::to_string(i)}, "person", RoleId{"sales_rep"}, std::nullopt, {}};
                if (i > 0) p.manager = PersonId{"p" + std::to_string(rng.below(i))};  // managers come earlier
                people.push_back(std::move(p));
            }
            const OrgChart org{crm::default_roles(), people};
            for (int k = 0; k < 2000; ++k) {
                const std::size_t a = rng.below(n);
                const std::size_t b = rng.below(n);
                const PersonId pa{"p" + std::to_string(a)};
                const PersonId pb{"p" + std::to_string(b)};
                CAPTURE(a);
                CAPTURE(b);
                const auto line = org.managers_of(pb);
                CHECK(org.is_above(pa, pb) == (std::find(line.begin(), line.end(), pa) != line.end()));
                CHECK_FALSE((org.is_above(pa, pb) && org.is_above(pb, pa)));  // antisymmetric
                if (!line.empty()) CHECK(line.back() == PersonId{"p0"});      // every line ends at the top
                // transitive: a manager's managers are the report's managers
                if (people[b].manager) {
                    const auto up = org.managers_of(*people[b].manager);
                    CHECK(std::equal(up.begin(), up.end(), line.begin() + 1, line.end()));
                }
            }
        }
    }

    TEST_CASE("a role's name in each language: split where the Chinese starts") {
        using crm::display_name;
        using crm::Lang;
        using crm::Role;
        using crm::RoleId;
        // default_roles() gives both languages, English first
        const Role director{RoleId{"sales_director"}, "sales director 销售总监", 4};
        CHECK(display_name(director, Lang::en) == "sales director");
        CHECK(display_name(director, Lang::zh) == "销售总监");
        // one language only: shown in both; no name: the id
        CHECK(display_name(Role{RoleId{"cfo"}, "财务总监", 6}, Lang::en) == "财务总监");
        CHECK(display_name(Role{RoleId{"cfo"}, "CFO", 6}, Lang::zh) == "CFO");
        CHECK(display_name(Role{RoleId{"cfo"}, "", 6}, Lang::zh) == "cfo");
        // the lookup by id; an unknown id is shown as itself
        const auto roles = crm::default_roles();
        CHECK(crm::role_display_name(roles, RoleId{"regional_manager"}, Lang::zh) == "区域经理");
        CHECK(crm::role_display_name(roles, RoleId{"regional_manager"}, Lang::en) == "regional manager");
        CHECK(crm::role_display_name(roles, RoleId{"intern"}, Lang::zh) == "intern");
        for (const Role& r : roles) {  // every default role has both names
            const std::string e = display_name(r, Lang::en);
            CHECK(
                std::all_of(e.begin(), e.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
            CHECK(static_cast<unsigned char>(display_name(r, Lang::zh).front()) >= 0x80);
        }
    }

    TEST_CASE("property: an English name and a Chinese name joined are split back") {
        const std::vector<std::string> en{"sales rep", "VP sales", "key-account manager", "GM",
                                          "director (east)"};
        const std::vector<std::string> zh{"销售代表", "区域经理", "华东区 总监", "总经理",
                                          "大客户经理（华北）"};
        for (const auto& e : en)
            for (const auto& z : zh)
                for (const std::string gap : {" ", "  ", ""}) {
                    const crm::Role r{crm::RoleId{"r"}, e + gap + z, 1};
                    CAPTURE(r.name);
                    CHECK(crm::display_name(r, crm::Lang::en) == e);
                    CHECK(crm::display_name(r, crm::Lang::zh) == z);
                }
    }

}  // TEST_SUITE
