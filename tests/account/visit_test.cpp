// Regular visits (定期拜访): the next due date per tier's cadence and the overdue list.

#include <crm/account/visit.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::Date;
using crm::Days;
using crm::PersonId;
using namespace crm::account;

namespace {

Date day(const char* iso) { return Date::parse(iso); }

Account visited(const char* id, const char* tier, std::optional<Date> last_visit,
                Status status = Status::active) {
    return Account{.id = AccountId{id},
                   .tier = tier,
                   .owner = PersonId{"wang"},
                   .status = status,
                   .created = day("2023-01-01"),
                   .last_visit = last_visit};
}

using Caught = crm::test::CaughtError;
using crm::test::caught_error;

}  // namespace

TEST_SUITE("account.visit") {
    TEST_CASE("the next visit falls due one cadence after the last one with month ends clamped") {
        const VisitPolicy policy{};  // A monthly, B every two months, C quarterly (domain.md section 1)
        // A: 2024-01-31 + 1 month = 2024-02-31, clamped to 2024-02-29 (leap year)
        CHECK(next_visit_due(policy, visited("a", "A", day("2024-01-31"))) == day("2024-02-29"));
        // B: 2024-03-31 + 2 months = 2024-05-31
        CHECK(next_visit_due(policy, visited("b", "B", day("2024-03-31"))) == day("2024-05-31"));
        // C: 2023-11-30 + 3 months = 2024-02-30, clamped to 2024-02-29
        CHECK(next_visit_due(policy, visited("c", "C", day("2023-11-30"))) == day("2024-02-29"));
        // never visited: from the creation date, 2023-01-01 + 3 months = 2023-04-01
        CHECK(next_visit_due(policy, visited("n", "C", std::nullopt)) == day("2023-04-01"));
    }

    TEST_CASE("the overdue list holds the accounts whose due date has passed") {
        const std::vector<Account> accounts{
            visited("a", "A", day("2024-01-31")),  // due 2024-02-29: 1 day overdue on 2024-03-01
            visited("b", "B", day("2024-01-01")),  // due 2024-03-01: due today, not overdue
            visited("c", "C", day("2023-11-15")),  // due 2024-02-15: 15 days overdue
            visited("lost", "A", day("2023-01-01"), Status::lost),  // lost accounts are not visited
            visited("never", "C", std::nullopt),                    // due 2023-04-01: 335 days overdue
        };
        const auto overdue = overdue_visits(VisitPolicy{}, accounts, day("2024-03-01"));
        REQUIRE(overdue.size() == 3);
        CHECK(overdue[0] == OverdueVisit{0, AccountId{"a"}, PersonId{"wang"}, day("2024-01-31"),
                                         day("2024-02-29"), Days{1}});
        CHECK(overdue[1].account == AccountId{"c"});
        CHECK(overdue[1].overdue == Days{15});
        CHECK(overdue[2].index == 4);
        CHECK_FALSE(overdue[2].last_visit.has_value());
        // 2023-04-01 -> 2024-03-01: 275 days to 2024-01-01, + 31 + 29 = 335
        CHECK(overdue[2].overdue == Days{335});
        VisitPolicy all{};
        all.skip_lost = false;
        CHECK(overdue_visits(all, accounts, day("2024-03-01")).size() == 4);
    }

    TEST_CASE("bad visit input is an error naming the field") {
        Account unknown = visited("x", "S", std::nullopt);
        Caught c = caught_error([&] { (void)next_visit_due(VisitPolicy{}, unknown); });
        CHECK(c.code == crm::ErrorCode::not_found);
        CHECK(c.field == "account.tier");
        const std::vector<Account> accounts{visited("a", "A", std::nullopt), unknown};
        CHECK(caught_error([&] { (void)overdue_visits(VisitPolicy{}, accounts, day("2024-03-01")); }).field ==
              "accounts[1].tier");
        const auto field_of = [](VisitPolicy p) { return caught_error([&] { p.validate(); }); };
        CHECK(field_of(VisitPolicy{.tiers = {}}).field == "policy.tiers");
        CHECK(field_of(VisitPolicy{.tiers = {VisitCadence{"", 1}}}).field == "policy.tiers[0].tier");
        CHECK(field_of(VisitPolicy{.tiers = {VisitCadence{"A", 0}}}).field == "policy.tiers[0].every_months");
        CHECK(field_of(VisitPolicy{.tiers = {VisitCadence{"A", 121}}}).field ==
              "policy.tiers[0].every_months");
        const Caught dup = field_of(VisitPolicy{.tiers = {VisitCadence{"A", 1}, VisitCadence{"A", 2}}});
        CHECK(dup.code == crm::ErrorCode::duplicate);
        CHECK(dup.field == "policy.tiers[1].tier");
        CHECK_THROWS_AS((void)next_visit_due(VisitPolicy{}, unknown), crm::Error);
    }

    TEST_CASE(
        "property: an account is on the overdue list exactly when its due date is before the as-of date") {
        crm::test::Rng rng(1701);
        const VisitPolicy policy{};
        const char* tiers[] = {"A", "B", "C"};
        std::vector<Account> accounts;
        for (int i = 0; i < 4000; ++i) {
            std::optional<Date> last;
            if (rng.below(6) != 0) last = day("2023-06-01") + Days{rng.between(0, 400)};
            const Status status = rng.below(10) == 0 ? Status::lost : Status::active;
            accounts.push_back(visited(("v" + std::to_string(i)).c_str(), tiers[rng.below(3)], last, status));
        }
        for (int round = 0; round < 3; ++round) {
            const Date as_of = day("2024-01-01") + Days{rng.between(0, 200)};
            const auto overdue = overdue_visits(policy, accounts, as_of);
            std::size_t next = 0;
            for (std::size_t i = 0; i < accounts.size(); ++i) {
                const Account& a = accounts[i];
                const Date due = next_visit_due(policy, a);
                const Date base = a.last_visit ? *a.last_visit : a.created;
                const int months = policy.find(a.tier)->every_months;
                CAPTURE(i);
                // a cadence of m months is between 28m and 31m days
                CHECK(due - base >= Days{28 * months});
                CHECK(due - base <= Days{31 * months});
                const bool expected = a.status != Status::lost && as_of > due;
                const bool listed = next < overdue.size() && overdue[next].index == i;
                CHECK(listed == expected);
                if (listed) {
                    CHECK(overdue[next].due == due);
                    CHECK(overdue[next].overdue == as_of - due);
                    ++next;
                }
            }
            CHECK(next == overdue.size());
        }
    }

    TEST_CASE("overdue visits print for diagnostics") {
        std::ostringstream os;
        os << OverdueVisit{0, AccountId{"a"}, PersonId{"wang"}, day("2024-01-31"), day("2024-02-29"), Days{1}}
           << " | "
           << OverdueVisit{1, AccountId{"b"}, std::nullopt, std::nullopt, day("2023-04-01"), Days{335}};
        CHECK(os.str() ==
              "a owner wang last visit 2024-01-31 due 2024-02-29 overdue 1 day | "
              "b owner (pool) last visit never due 2023-04-01 overdue 335 days");
    }

}  // TEST_SUITE
