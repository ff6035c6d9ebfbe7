// Confidentiality (保密): visibility by owner, reporting line, region manager and grant; the
// redacted copy; and the properties over generated org charts of thousands of people.

#include <crm/account/access.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::Date;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using namespace crm::account;

namespace {

Date day(const char* iso) { return Date::parse(iso); }
PersonId pid(const char* s) { return PersonId{s}; }

// Zhang (general manager) <- Zhao (sales director) <- Li (regional manager, east) <- Wang, Chen (reps)
//                                                  <- Sun (regional manager, north)   <- Zhou (rep)
//                       <- Qian (finance, no sales line) <- Ma (finance clerk)
crm::OrgChart sample_org() {
    auto roles = crm::default_roles();
    roles.push_back(crm::Role{RoleId{"finance"}, "finance 财务", 2});
    return crm::OrgChart{
        roles,
        {crm::Person{pid("zhang"), "Zhang Wei", RoleId{"general_manager"}, std::nullopt, {}},
         crm::Person{pid("zhao"), "Zhao Lei", RoleId{"sales_director"}, pid("zhang"), {}},
         crm::Person{pid("li"), "Li Na", RoleId{"regional_manager"}, pid("zhao"), {RegionId{"east"}}},
         crm::Person{pid("sun"), "Sun Li", RoleId{"regional_manager"}, pid("zhao"), {RegionId{"north"}}},
         crm::Person{pid("wang"), "Wang Fang", RoleId{"sales_rep"}, pid("li"), {}},
         crm::Person{pid("chen"), "Chen Jie", RoleId{"sales_rep"}, pid("li"), {}},
         crm::Person{pid("zhou"), "Zhou Min", RoleId{"sales_rep"}, pid("sun"), {}},
         crm::Person{pid("qian"), "Qian Hui", RoleId{"finance"}, pid("zhang"), {}},
         crm::Person{pid("ma"), "Ma Lin", RoleId{"sales_rep"}, pid("qian"), {}}}};
}

// An east account owned by Zhou (a north rep: the owner's line and the region's manager differ).
Account east_account() {
    return Account{.id = AccountId{"ACC-E"},
                   .name = "上海港务",
                   .region = RegionId{"east"},
                   .tier = "A",
                   .owner = pid("zhou"),
                   .created = day("2023-01-01"),
                   .annual_revenue = crm::Money{"8800000.00", "CNY"},
                   .contacts = {Contact{"Zhang Wei", "采购部经理", "13812345678", "zhang.wei@example.com"},
                                Contact{"Liu Yang", "总工", "+86 138 1234 5678", ""}}};
}

using Caught = crm::test::CaughtError;
using crm::test::caught_error;

const Date today = Date(2024, 6, 30);

}  // namespace

TEST_SUITE("account.access") {
    TEST_CASE("the owner and everyone above the owner see the account in full") {
        const crm::OrgChart org = sample_org();
        const AccessPolicy policy{};
        CHECK(visibility(pid("zhou"), east_account(), org, policy, today) ==
              Access{Visibility::full, AccessBasis::owner, pid("zhou"), std::nullopt});
        CHECK(visibility(pid("sun"), east_account(), org, policy, today) ==
              Access{Visibility::full, AccessBasis::reporting_line, pid("zhou"), std::nullopt});
        CHECK(visibility(pid("zhang"), east_account(), org, policy, today).basis ==
              AccessBasis::reporting_line);
    }

    TEST_CASE("the region's manager and those above them see the account in full") {
        const crm::OrgChart org = sample_org();
        const AccessPolicy policy{};
        // Li manages east (the account's region) though Zhou does not report to Li
        CHECK(visibility(pid("li"), east_account(), org, policy, today) ==
              Access{Visibility::full, AccessBasis::region_manager, pid("li"), std::nullopt});
        // Wang, a rep under Li, and Qian (finance) have no right: a redacted copy
        CHECK(visibility(pid("wang"), east_account(), org, policy, today) ==
              Access{Visibility::redacted, AccessBasis::outsider, std::nullopt, std::nullopt});
        CHECK(visibility(pid("qian"), east_account(), org, policy, today).level == Visibility::redacted);
        // a policy that keeps region managers out
        const AccessPolicy owners_only{.region_managers_see_full = false};
        CHECK(visibility(pid("li"), east_account(), org, owners_only, today).level == Visibility::redacted);
        // a pool account (no owner) is still seen by its region's manager and Li's managers
        Account pool = east_account();
        pool.owner.reset();
        CHECK(visibility(pid("li"), pool, org, policy, today).basis == AccessBasis::region_manager);
        Account north = pool;
        north.region = RegionId{"north"};
        CHECK(visibility(pid("zhao"), north, org, policy, today) ==
              Access{Visibility::full, AccessBasis::region_manager, pid("sun"), std::nullopt});
    }

    TEST_CASE("explicit grants open an account to a person or a role until their end date") {
        const crm::OrgChart org = sample_org();
        const AccessPolicy policy{
            .grants = {Grant{.to = pid("wang"), .on = AccountId{"ACC-E"}, .until = day("2024-06-30")},
                       Grant{.to = RoleId{"finance"}, .on = RegionId{"east"}}}};
        // Wang's grant holds through its last day
        CHECK(visibility(pid("wang"), east_account(), org, policy, day("2024-06-30")) ==
              Access{Visibility::full, AccessBasis::grant, pid("wang"), std::size_t{0}});
        CHECK(visibility(pid("wang"), east_account(), org, policy, day("2024-07-01")).level ==
              Visibility::redacted);
        // finance holds east by role; Ma, a rep under Qian, does not
        CHECK(visibility(pid("qian"), east_account(), org, policy, today) ==
              Access{Visibility::full, AccessBasis::grant, pid("qian"), std::size_t{1}});
        CHECK(visibility(pid("ma"), east_account(), org, policy, today).level == Visibility::redacted);
        // a grant on another region opens nothing here
        const AccessPolicy elsewhere{.grants = {Grant{.to = RoleId{"finance"}, .on = RegionId{"west"}}}};
        CHECK(visibility(pid("qian"), east_account(), org, elsewhere, today).level == Visibility::redacted);
    }

    TEST_CASE("a grant reaches the grantee's managers too so visibility stays monotone") {
        // Ma is granted the account; Qian (Ma's manager) then sees it in full through Ma
        const crm::OrgChart org = sample_org();
        const AccessPolicy person{.grants = {Grant{.to = pid("ma"), .on = AccountId{"ACC-E"}}}};
        CHECK(visibility(pid("qian"), east_account(), org, person, today) ==
              Access{Visibility::full, AccessBasis::grant, pid("ma"), std::size_t{0}});
        // a role grant to sales reps on east: Ma holds it, and so Qian sees through Ma (a pass over the
        // chart)
        const AccessPolicy role{.grants = {Grant{.to = RoleId{"sales_rep"}, .on = RegionId{"east"}}}};
        const Access through_report = visibility(pid("qian"), east_account(), org, role, today);
        CHECK(through_report.level == Visibility::full);
        CHECK(through_report.basis == AccessBasis::grant);
        CHECK(through_report.grant == std::size_t{0});
    }

    TEST_CASE("a strict policy shows outsiders nothing") {
        const crm::OrgChart org = sample_org();
        const AccessPolicy strict{.outsiders = Visibility::none};
        const Access a = visibility(pid("wang"), east_account(), org, strict, today);
        CHECK(a.level == Visibility::none);
        CHECK_FALSE(view(east_account(), a).has_value());
        CHECK(visibility(pid("sun"), east_account(), org, strict, today).level == Visibility::full);
    }

    TEST_CASE("redaction masks phones and e-mails in a recognisable shape and hides amounts") {
        CHECK(mask_phone("13812345678") == "138****5678");
        CHECK(mask_phone("+86 138 1234 5678") == "+86 1** **** 5678");  // 13 digits: first 3 and last 4 stay
        CHECK(mask_phone("010-8888-6666") == "010-****-6666");          // 11 digits
        CHECK(mask_phone("1234567") == "1234567");  // 7 digits: 3 + 4, nothing left to mask
        CHECK(mask_phone("12345678") == "123*5678");
        CHECK(mask_phone("123456") == "****56");  // 3..6 digits: the last 2 stay
        CHECK(mask_phone("12") == "**");
        CHECK(mask_phone("") == "");
        CHECK(mask_phone("138 1234 x5678") == "138 **** *5678");  // a letter is masked too
        CHECK(mask_email("zhang.wei@example.com") == "z***@example.com");
        CHECK(mask_email("张伟@example.cn") == "张***@example.cn");   // the whole first character
        CHECK(mask_email("élodie@example.fr") == "é***@example.fr");  // 2-byte UTF-8
        CHECK(mask_email("\xF0\x9F\x98\x80x@a.io") == "\xF0\x9F\x98\x80***@a.io");  // 4-byte UTF-8
        CHECK(mask_email("\xE5@a.io") == "\xE5***@a.io");  // a cut-off character stays cut off
        CHECK(mask_email("no-at-sign") == "***");
        CHECK(mask_email("@example.com") == "***");
        CHECK(mask_email("") == "");

        const Account r = redact(east_account());
        CHECK(r.contacts[0].phone == "138****5678");
        CHECK(r.contacts[0].email == "z***@example.com");
        CHECK(r.contacts[0].name == "Zhang Wei");  // names and titles stay
        CHECK(r.contacts[1].phone == "+86 1** **** 5678");
        CHECK(r.contacts[1].email.empty());
        CHECK_FALSE(r.annual_revenue.has_value());
        CHECK(r.id == east_account().id);

        CHECK(view(east_account(), Access{Visibility::full, AccessBasis::owner, pid("zhou"), {}}) ==
              east_account());
        CHECK(view(east_account(), Access{Visibility::redacted, AccessBasis::outsider, {}, {}}) == r);
    }

    TEST_CASE("bad visibility input is an error naming the field") {
        const crm::OrgChart org = sample_org();
        const Caught viewer =
            caught_error([&] { (void)visibility(pid("ghost"), east_account(), org, AccessPolicy{}, today); });
        CHECK(viewer.code == crm::ErrorCode::not_found);
        CHECK(viewer.field == "viewer");
        Account stranger = east_account();
        stranger.owner = pid("ghost");
        CHECK(caught_error([&] {
                  (void)visibility(pid("li"), stranger, org, AccessPolicy{}, today);
              }).field == "account.owner");
        CHECK(caught_error([&] {
                  (void)visibility(pid("li"), east_account(), org,
                                   AccessPolicy{.outsiders = Visibility::full}, today);
              }).field == "policy.outsiders");
        const AccessPolicy unknown_person{.grants = {Grant{.to = pid("li"), .on = RegionId{"east"}},
                                                     Grant{.to = pid("ghost"), .on = RegionId{"east"}}}};
        const Caught g = caught_error([&] { unknown_person.validate(org); });
        CHECK(g.code == crm::ErrorCode::not_found);
        CHECK(g.field == "policy.grants[1].to");
        CHECK(caught_error([&] {
                  AccessPolicy{.grants = {Grant{.to = RoleId{"cashier"}, .on = RegionId{"east"}}}}.validate(
                      org);
              }).field == "policy.grants[0].to");
        CHECK(caught_error([&] {
                  AccessPolicy{.grants = {Grant{.to = PersonId{}, .on = RegionId{"east"}}}}.validate(org);
              }).field == "policy.grants[0].to");
        CHECK(caught_error([&] {
                  AccessPolicy{.grants = {Grant{.to = pid("li"), .on = AccountId{}}}}.validate(org);
              }).field == "policy.grants[0].on");
        CHECK_THROWS_AS((void)visibility(pid("li"), east_account(), org, unknown_person, today), crm::Error);
    }

    // ---- properties ----------------------------------------------------------------------------------

    namespace {

    struct Generated {
        crm::OrgChart org;
        std::vector<PersonId> ids;
    };

    /// A random tree of `n` people: each person's manager is someone earlier; roles at random from
    /// the default ladder (ranks need not rise up the line: the property must hold anyway); one in
    /// ten manages one or two of 30 regions.
    Generated generated_org(crm::test::Rng& rng, std::size_t n) {
        const auto roles = crm::default_roles();
        std::vector<crm::Person> people;
        std::vector<PersonId> ids;
        people.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            crm::Person p{PersonId{"p" + std::to_string(i)},
                          "person",
                          roles[rng.below(roles.size())].id,
                          std::nullopt,
                          {}};
            if (i > 0) p.manager = PersonId{"p" + std::to_string(rng.below(i))};
            if (rng.below(10) == 0) {
                p.regions.push_back(RegionId{"r" + std::to_string(rng.below(30))});
                if (rng.coin()) p.regions.push_back(RegionId{"r" + std::to_string(rng.below(30))});
            }
            ids.push_back(p.id);
            people.push_back(std::move(p));
        }
        return Generated{crm::OrgChart{roles, std::move(people)}, std::move(ids)};
    }

    AccessPolicy generated_policy(crm::test::Rng& rng, const Generated& g) {
        const auto roles = crm::default_roles();
        AccessPolicy policy;
        policy.outsiders = rng.coin() ? Visibility::redacted : Visibility::none;
        const auto grants = rng.between(0, 6);
        for (std::int64_t k = 0; k < grants; ++k) {
            Grant grant;
            if (rng.coin()) {
                grant.to = g.ids[rng.below(g.ids.size())];
            } else {
                grant.to = roles[rng.below(roles.size())].id;
            }
            if (rng.coin()) {
                grant.on = RegionId{"r" + std::to_string(rng.below(30))};
            } else {
                grant.on = AccountId{"acc" + std::to_string(rng.below(20))};
            }
            if (rng.coin()) grant.until = today + crm::Days{rng.between(-30, 30)};
            policy.grants.push_back(grant);
        }
        return policy;
    }

    /// The rule written out again: the people with a direct right, then everyone above them.
    std::set<PersonId> full_viewers(const Generated& g, const Account& a, const AccessPolicy& policy) {
        std::set<PersonId> direct;
        if (a.owner) direct.insert(*a.owner);
        for (const PersonId& m : g.org.managers_of_region(a.region)) direct.insert(m);
        for (const Grant& grant : policy.grants) {
            if (grant.until && *grant.until < today) continue;
            const bool covers = std::holds_alternative<AccountId>(grant.on)
                                    ? std::get<AccountId>(grant.on) == a.id
                                    : std::get<RegionId>(grant.on) == a.region;
            if (!covers) continue;
            if (const auto* p = std::get_if<PersonId>(&grant.to)) {
                direct.insert(*p);
            } else {
                for (const crm::Person& person : g.org.people())
                    if (person.role == std::get<RoleId>(grant.to)) direct.insert(person.id);
            }
        }
        std::set<PersonId> out = direct;
        for (const PersonId& d : direct)
            for (const PersonId& m : g.org.managers_of(d)) out.insert(m);
        return out;
    }

    }  // namespace

    TEST_CASE(
        "property: over generated charts of thousands of people visibility is monotone up the reporting "
        "line") {
        crm::test::Rng rng(31337);
        for (int round = 0; round < 2; ++round) {
            const Generated g = generated_org(rng, 3000);
            for (int k = 0; k < 40; ++k) {
                Account a;
                a.id = AccountId{"acc" + std::to_string(rng.below(20))};
                a.region = RegionId{"r" + std::to_string(rng.below(30))};
                a.tier = "A";
                if (rng.below(5) != 0) a.owner = g.ids[rng.below(g.ids.size())];
                const AccessPolicy policy = generated_policy(rng, g);
                const std::set<PersonId> expected = full_viewers(g, a, policy);
                for (int v = 0; v < 6; ++v) {
                    const PersonId viewer = g.ids[rng.below(g.ids.size())];
                    CAPTURE(round);
                    CAPTURE(k);
                    CAPTURE(viewer);
                    const Access seen = visibility(viewer, a, g.org, policy, today);
                    CHECK((seen.level == Visibility::full) == expected.contains(viewer));
                    if (seen.level != Visibility::full) CHECK(seen.level == policy.outsiders);
                    // every manager sees at least as much
                    for (const PersonId& m : g.org.managers_of(viewer))
                        CHECK(visibility(m, a, g.org, policy, today).level >= seen.level);
                }
            }
        }
    }

    TEST_CASE("property: a redacted copy never shows the masked digits of a phone") {
        crm::test::Rng rng(8086);
        const char* separators[] = {"", " ", "-", " "};
        int checked = 0;
        for (int k = 0; k < 5000; ++k) {
            // 7 to 15 digits in groups, sometimes with a +86 prefix
            const auto digits = rng.between(7, 15);
            std::string plain;
            for (std::int64_t i = 0; i < digits; ++i) plain += static_cast<char>('0' + rng.below(10));
            const std::string head = plain.substr(0, 3);
            const std::string middle = plain.substr(3, plain.size() - 7);
            const std::string tail = plain.substr(plain.size() - 4);
            std::string written = rng.coin() ? "+" : "";
            const char* sep = separators[rng.below(4)];
            for (std::size_t i = 0; i < plain.size(); ++i) {
                if (i > 0 && i % 4 == 3) written += sep;
                written += plain[i];
            }
            Account a = east_account();
            a.contacts.resize(1);
            a.contacts[0].phone = written;
            const Account r = redact(a);
            const std::string& masked = r.contacts[0].phone;
            CAPTURE(written);
            CAPTURE(masked);
            // shape: same length, separators in place, stars exactly where the middle digits were
            REQUIRE(masked.size() == written.size());
            std::string kept;
            std::size_t stars = 0;
            for (std::size_t i = 0; i < masked.size(); ++i) {
                if (masked[i] == '*') {
                    ++stars;
                    CHECK(written[i] >= '0');
                    CHECK(written[i] <= '9');
                } else if (masked[i] >= '0' && masked[i] <= '9') {
                    kept += masked[i];
                    CHECK(masked[i] == written[i]);
                } else {
                    CHECK(masked[i] == written[i]);
                }
            }
            CHECK(kept == head + tail);
            CHECK(stars == middle.size());
            // no run of the middle digits appears anywhere in the redacted contact, unless the kept
            // digits themselves spell it (then nothing could hide it)
            if (middle.size() >= 3 && (head + tail).find(middle) == std::string::npos) {
                ++checked;
                for (const Contact& c : r.contacts) {
                    CHECK(c.phone.find(middle) == std::string::npos);
                    CHECK(c.email.find(middle) == std::string::npos);
                }
            }
        }
        CHECK(checked > 2500);
    }

    TEST_CASE("access answers print for diagnostics") {
        std::ostringstream os;
        os << Access{Visibility::full, AccessBasis::grant, pid("ma"), std::size_t{2}} << " | "
           << Access{Visibility::redacted, AccessBasis::outsider, std::nullopt, std::nullopt};
        CHECK(os.str() == "full (grant through ma, grant 2) | redacted (outsider)");
        CHECK(to_string(Visibility::none) == "none");
        CHECK(to_string(AccessBasis::reporting_line) == "reporting_line");
        CHECK(to_string(AccessBasis::region_manager) == "region_manager");
        CHECK(to_string(AccessBasis::owner) == "owner");
    }

}  // TEST_SUITE
