// Bilingual reasons of the accounts area: overdue visits, complaint SLA clocks and escalation,
// and who sees an account and why. Every Chinese text is checked for English identifiers.

#include <crm/account/access.hpp>
#include <crm/account/complaint.hpp>
#include <crm/account/visit.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/time/calendar.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using crm::AccountId;
using crm::Date;
using crm::DateTime;
using crm::Lang;
using crm::Outcome;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using namespace crm::account;

namespace {

// True when the text holds no run of two or more ASCII letters (an identifier such as
// "regional_manager" or "at_risk"); ids of accounts and complaints in the figures are data
// and are checked separately by the caller leaving them out.
bool no_english_words(const std::string& text) {
    int run = 0;
    for (const char c : text) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        run = letter ? run + 1 : 0;
        if (run >= 2) return false;
    }
    return true;
}

Account account_a() {
    return Account{.id = AccountId{"K1"},
                   .name = "华东机电",
                   .region = RegionId{"east"},
                   .tier = "A",
                   .owner = PersonId{"w"},
                   .status = Status::active,
                   .created = Date(2025, 1, 1),
                   .last_visit = Date(2026, 4, 30)};
}

}  // namespace

TEST_SUITE("account.explain") {
    TEST_CASE("an overdue visit explains itself with its dates in both languages") {
        const std::vector<Account> accounts{account_a()};
        // tier A monthly: last visit 2026-04-30, due 2026-05-30; on 2026-06-10 it is 11 days overdue
        const auto overdue = overdue_visits(VisitPolicy{}, accounts, Date(2026, 6, 10));
        REQUIRE(overdue.size() == 1);
        const crm::Reason r = visit_reason(overdue[0]);
        CHECK(r.code() == "account.visit_overdue");
        CHECK(r.severity() == Outcome::warn);
        CHECK(explain(r, Lang::zh) == "客户 K1 应于 2026-05-30 拜访（上次拜访 2026-04-30），已逾期 11 天");
        CHECK(explain(r, Lang::en) ==
              "account K1 was due a visit on 2026-05-30 (last visit 2026-04-30): 11 days overdue");
        Account never = account_a();
        never.last_visit.reset();
        // never visited: counted from creation 2025-01-01, due 2025-02-01
        const auto first = overdue_visits(VisitPolicy{}, std::vector<Account>{never}, Date(2025, 2, 3));
        REQUIRE(first.size() == 1);
        CHECK(explain(visit_reason(first[0]), Lang::zh) ==
              "客户 K1 从未拜访，应于 2025-02-01 拜访，已逾期 2 天");
    }

    TEST_CASE("complaint clocks and escalation explain themselves with Chinese role names") {
        const crm::Calendar china = crm::china_mainland_calendar();
        const Complaint c{.id = crm::ComplaintId{"C-9"},
                          .account = AccountId{"K1"},
                          .tier = "A",
                          .severity = Severity::high,
                          .received = DateTime::parse("2026-06-01 10:00")};
        // Monday 10:00, high x A: respond by 12:00 (120 business minutes); at 11:45, 105 used: at risk
        const SlaStatus early =
            sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, DateTime::parse("2026-06-01 11:45"));
        const auto first = sla_reasons(c, early, crm::default_roles());
        REQUIRE(first.size() == 2);
        CHECK(first[0].code() == "account.sla_at_risk");
        CHECK(explain(first[0], Lang::zh) ==
              "投诉 C-9 的响应时限 2026-06-01 12:00 临近超时（已用 105 / 120 个工作分钟）");
        CHECK(explain(first[0], Lang::en) ==
              "complaint C-9: the response deadline 2026-06-01 12:00 is at risk (105 of 120 business minutes "
              "used)");
        CHECK(first[1].code() == "account.sla_on_time");
        CHECK(first[1].severity() == Outcome::allow);
        // Tuesday 17:00: 480 (Mon 10-18) + 480 (Tue 9-17) = 960 of 1560 resolution minutes, past 50%:
        // level 1, the regional manager; the response (due Monday 12:00) is breached
        const SlaStatus late =
            sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, DateTime::parse("2026-06-02 17:00"));
        const auto second = sla_reasons(c, late, crm::default_roles());
        REQUIRE(second.size() == 3);
        CHECK(second[0].code() == "account.sla_breached");
        CHECK(explain(second[2], Lang::zh) == "投诉 C-9 已升级至第 1 级，须向区域经理报告");
        CHECK(explain(second[2], Lang::en) ==
              "complaint C-9 has reached escalation level 1: report to the regional manager");
        // without the role table the Chinese text says 上级, never the role's id
        const auto bare = sla_reasons(c, late);
        CHECK(explain(bare[2], Lang::zh) == "投诉 C-9 已升级至第 1 级，须向上级报告");
        for (const crm::Reason& r : second) {
            std::string zh = explain(r, Lang::zh);
            CHECK(no_english_words(zh.replace(zh.find("C-9"), 3, "")));
        }
        CHECK(display_name(SlaState::at_risk, Lang::zh) == "临近超时");
        CHECK(display_name(SlaState::breached, Lang::en) == "breached");
    }

    TEST_CASE("visibility says who sees an account and through whom") {
        const crm::OrgChart org{
            crm::default_roles(),
            {crm::Person{PersonId{"z"}, "Zhang", RoleId{"sales_director"}, std::nullopt, {}},
             crm::Person{PersonId{"l"}, "Li", RoleId{"regional_manager"}, PersonId{"z"}, {RegionId{"east"}}},
             crm::Person{PersonId{"w"}, "Wang", RoleId{"sales_rep"}, PersonId{"l"}, {}},
             crm::Person{PersonId{"o"}, "Other", RoleId{"sales_rep"}, std::nullopt, {}}}};
        const Account a = account_a();
        const AccessPolicy policy{};
        const Access owner = visibility(PersonId{"w"}, a, org, policy, Date(2026, 6, 1));
        CHECK(explain(access_reason(PersonId{"w"}, a, owner), Lang::zh) ==
              "w 是客户 K1 的负责人，可查看全部资料");
        const Access boss = visibility(PersonId{"z"}, a, org, policy, Date(2026, 6, 1));
        const crm::Reason br = access_reason(PersonId{"z"}, a, boss);
        CHECK(br.severity() == Outcome::allow);
        CHECK(explain(br, Lang::en).find("sees account K1 in full") != std::string::npos);
        const Access outsider = visibility(PersonId{"o"}, a, org, policy, Date(2026, 6, 1));
        const crm::Reason orr = access_reason(PersonId{"o"}, a, outsider);
        CHECK(orr.code() == "account.visible_redacted");
        CHECK(explain(orr, Lang::zh) == "o 对客户 K1 无查看权限，只能查看脱敏资料");
        AccessPolicy strict{};
        strict.outsiders = Visibility::none;
        const Access hidden = visibility(PersonId{"o"}, a, org, strict, Date(2026, 6, 1));
        CHECK(access_reason(PersonId{"o"}, a, hidden).severity() == Outcome::block);
    }
}
