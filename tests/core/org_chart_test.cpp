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

}  // TEST_SUITE
