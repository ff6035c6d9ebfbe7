// Complaint SLAs (投诉处理时限) on the China calendar with 09:00-18:00 working hours: deadlines in
// business hours and business days, on time / at risk / breached, and escalation levels.

#include <crm/account/complaint.hpp>
#include <crm/core/error.hpp>
#include <crm/time/calendar.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::ComplaintId;
using crm::DateTime;
using crm::Decimal;
using crm::Minutes;
using crm::Percent;
using crm::RoleId;
using namespace crm::account;

namespace {

DateTime at(const char* text) { return DateTime::parse(text); }

// high x A on the default table: respond within 2 business hours, resolve within 2 business days
Complaint high_a(const char* received = "2024-06-03 10:00") {
    return Complaint{.id = ComplaintId{"C-1"},
                     .account = AccountId{"ACC-001"},
                     .tier = "A",
                     .severity = Severity::high,
                     .received = at(received)};
}

using Caught = crm::test::CaughtError;
using crm::test::caught_error;

}  // namespace

TEST_SUITE("account.complaint") {
    TEST_CASE("a complaint nearing its response deadline is at risk") {
        const crm::Calendar china = crm::china_mainland_calendar();
        const SlaStatus s =
            sla_status(SlaPolicy{}, high_a(), china, crm::WorkingHours{}, at("2024-06-03 11:45"));
        // response: 10:00 + 2 business hours = 12:00; 105 of 120 minutes used, 105 * 100 >= 80 * 120
        CHECK(s.response.deadline == at("2024-06-03 12:00"));
        CHECK(s.response.allowed == Minutes{120});
        CHECK(s.response.elapsed == Minutes{105});
        CHECK(s.response.state == SlaState::at_risk);
        // resolution: the 2nd business day after Monday 2024-06-03 is Wednesday 06-05, at 18:00;
        // allowed = 480 (Mon 10-18) + 540 (Tue) + 540 (Wed) = 1560
        CHECK(s.resolution.deadline == at("2024-06-05 18:00"));
        CHECK(s.resolution.allowed == Minutes{1560});
        CHECK(s.resolution.state == SlaState::on_time);
        CHECK(s.state == SlaState::at_risk);  // the worse of the two
        CHECK(s.escalation_level == 0);
        CHECK_FALSE(s.escalate_to.has_value());
    }

    TEST_CASE("an open complaint escalates at 50 100 and 150 percent of its resolution time") {
        const crm::Calendar china = crm::china_mainland_calendar();
        Complaint c = high_a();
        c.responded = at("2024-06-03 11:30");
        const auto status = [&](const char* when) {
            return sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at(when));
        };
        // Tue 15:00: 480 + 360 = 840 minutes >= 50% of 1560 (780): level 1, the regional manager
        SlaStatus s = status("2024-06-04 15:00");
        CHECK(s.response.state == SlaState::on_time);
        CHECK(s.response.done == at("2024-06-03 11:30"));
        CHECK(s.resolution.elapsed == Minutes{840});
        CHECK(s.escalation_level == 1);
        CHECK(s.escalate_to == RoleId{"regional_manager"});
        CHECK(s.state == SlaState::on_time);
        // Wed 17:00: 480 + 540 + 480 = 1500 >= 80% of 1560 (1248): at risk, still level 1
        s = status("2024-06-05 17:00");
        CHECK(s.state == SlaState::at_risk);
        CHECK(s.escalation_level == 1);
        // Wed 18:00 exactly: the deadline itself is not past
        CHECK(status("2024-06-05 18:00").state == SlaState::at_risk);
        CHECK(status("2024-06-05 18:00").escalation_level == 2);  // 1560 >= 100%
        // Thu 09:30: past the deadline, breached; 1590 minutes, level 2, the sales director
        s = status("2024-06-06 09:30");
        CHECK(s.state == SlaState::breached);
        CHECK(s.escalation_level == 2);
        CHECK(s.escalate_to == RoleId{"sales_director"});
        // 150% = 2340 minutes: 1560 + 540 (Thu) = 2100, + 240 on Fri = 2340 at Fri 13:00
        CHECK(status("2024-06-07 12:59").escalation_level == 2);
        s = status("2024-06-07 13:00");
        CHECK(s.escalation_level == 3);
        CHECK(s.escalate_to == RoleId{"general_manager"});
    }

    TEST_CASE("a resolved complaint keeps the state and level it had at resolution") {
        const crm::Calendar china = crm::china_mainland_calendar();
        Complaint c = high_a();
        c.responded = at("2024-06-03 11:30");
        c.resolved = at("2024-06-05 16:00");
        // 2024-06-10 is the Dragon Boat holiday; it does not matter any more: the clock stopped at
        // 480 + 540 + 420 = 1440 minutes, on time, past 50% (level 1) but not 100%
        const SlaStatus s = sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at("2024-06-10 12:00"));
        CHECK(s.resolution.done == at("2024-06-05 16:00"));
        CHECK(s.resolution.elapsed == Minutes{1440});
        CHECK(s.state == SlaState::on_time);
        CHECK(s.escalation_level == 1);
        // resolved late
        c.resolved = at("2024-06-06 10:00");
        CHECK(
            sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at("2024-06-10 12:00")).resolution.state ==
            SlaState::breached);
        // a resolution without a recorded response answered the customer too
        Complaint quick = high_a();
        quick.resolved = at("2024-06-03 11:00");
        const SlaStatus q =
            sla_status(SlaPolicy{}, quick, china, crm::WorkingHours{}, at("2024-06-03 15:00"));
        CHECK(q.response.done == at("2024-06-03 11:00"));
        CHECK(q.state == SlaState::on_time);
    }

    TEST_CASE("what is recorded after the as-of instant is not yet known") {
        const crm::Calendar china = crm::china_mainland_calendar();
        Complaint c = high_a();
        c.responded = at("2024-06-03 13:00");  // one hour late
        const SlaStatus before =
            sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at("2024-06-03 12:30"));
        CHECK_FALSE(before.response.done.has_value());
        CHECK(before.response.state == SlaState::breached);  // 12:30 is past 12:00 and nobody has answered
        CHECK(before.response.elapsed == Minutes{150});
        const SlaStatus after =
            sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at("2024-06-03 14:00"));
        CHECK(after.response.done == at("2024-06-03 13:00"));
        CHECK(after.response.state == SlaState::breached);
    }

    TEST_CASE("deadlines skip holidays and count make-up working days") {
        const crm::Calendar china = crm::china_mainland_calendar();
        // critical x C: respond in 4 business hours, resolve in 3 business days. Received Monday
        // 2024-09-30 14:00, the eve of National Day (10-01..10-07 off).
        const Complaint c{.id = ComplaintId{"C-2"},
                          .tier = "C",
                          .severity = Severity::critical,
                          .received = at("2024-09-30 14:00")};
        const SlaStatus s = sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at("2024-10-08 09:00"));
        // four hours remain on 09-30: the response deadline is its closing time, 18:00
        CHECK(s.response.deadline == at("2024-09-30 18:00"));
        CHECK(s.response.state == SlaState::breached);
        // business days after 09-30: 10-08, 10-09, 10-10 -> due 2024-10-10 18:00;
        // allowed = 240 (09-30) + 3 * 540 = 1860; at 10-08 09:00 only the 240 minutes of 09-30 have passed
        CHECK(s.resolution.deadline == at("2024-10-10 18:00"));
        CHECK(s.resolution.allowed == Minutes{1860});
        CHECK(s.resolution.elapsed == Minutes{240});
        CHECK(s.resolution.state == SlaState::on_time);
        // critical x B responds in 2 business hours: Fri 2024-02-09 17:00 + 2 h = Sun 2024-02-18 10:00,
        // one hour before the Spring Festival break and one on the make-up Sunday
        const Complaint spring{
            .tier = "B", .severity = Severity::critical, .received = at("2024-02-09 17:00")};
        CHECK(sla_status(SlaPolicy{}, spring, china, crm::WorkingHours{}, at("2024-02-12 10:00"))
                  .response.deadline == at("2024-02-18 10:00"));
    }

    TEST_CASE("escalation steps may be given in business minutes") {
        const crm::Calendar china = crm::china_mainland_calendar();
        SlaPolicy policy{};
        policy.escalation = {EscalationStep{.at = Minutes::hours(1)},
                             EscalationStep{.at = Percent{Decimal{100}}, .notify = RoleId{"sales_director"}}};
        const SlaStatus s = sla_status(policy, high_a(), china, crm::WorkingHours{}, at("2024-06-03 11:00"));
        CHECK(s.escalation_level == 1);
        CHECK_FALSE(s.escalate_to.has_value());  // the step names nobody
    }

    TEST_CASE("names of severities and states") {
        CHECK(to_string(Severity::critical) == "critical");
        CHECK(display_name(Severity::critical, crm::Lang::zh) == "重大");
        CHECK(display_name(Severity::low, crm::Lang::en) == "low");
        const Severity all[] = {Severity::low, Severity::medium, Severity::high, Severity::critical};
        const char* en[] = {"low", "medium", "high", "critical"};
        const char* zh[] = {"一般", "较重", "严重", "重大"};
        for (std::size_t i = 0; i < 4; ++i) {
            CAPTURE(i);
            CHECK(display_name(all[i], crm::Lang::en) == en[i]);
            CHECK(display_name(all[i], crm::Lang::zh) == zh[i]);
        }
        CHECK(to_string(SlaState::on_time) == "on_time");
        CHECK(to_string(SlaState::at_risk) == "at_risk");
        CHECK(to_string(SlaState::breached) == "breached");
        CHECK(default_sla_targets().size() == 12);
    }

    TEST_CASE("bad complaint input is an error naming the field") {
        const crm::Calendar china = crm::china_mainland_calendar();
        const crm::WorkingHours hours{};
        const DateTime later = at("2024-06-04 10:00");
        Complaint c = high_a();
        c.tier = "S";
        Caught e = caught_error([&] { (void)sla_status(SlaPolicy{}, c, china, hours, later); });
        CHECK(e.code == crm::ErrorCode::not_found);
        CHECK(e.field == "complaint.tier");
        const SlaPolicy only_high{.targets = {SlaTarget{Severity::high, "A", Minutes{60}, BusinessDays{1}}}};
        Complaint low = high_a();
        low.severity = Severity::low;
        CHECK(caught_error([&] { (void)sla_status(only_high, low, china, hours, later); }).field ==
              "complaint.severity");
        Complaint early = high_a();
        early.responded = at("2024-06-03 09:00");
        e = caught_error([&] { (void)sla_status(SlaPolicy{}, early, china, hours, later); });
        CHECK(e.code == crm::ErrorCode::inconsistent);
        CHECK(e.field == "complaint.responded");
        early.responded.reset();
        early.resolved = at("2024-06-02 09:00");
        CHECK(caught_error([&] { (void)sla_status(SlaPolicy{}, early, china, hours, later); }).field ==
              "complaint.resolved");
        CHECK(caught_error([&] {
                  (void)sla_status(SlaPolicy{}, high_a(), china, hours, at("2024-06-03 09:59"));
              }).field == "as_of");
        CHECK_THROWS_AS((void)sla_status(SlaPolicy{}, c, china, hours, later), crm::Error);
    }

    TEST_CASE("an invalid SLA policy is an error naming the field") {
        const auto field_of = [](SlaPolicy p) { return caught_error([&] { p.validate(); }); };
        CHECK_NOTHROW(SlaPolicy{}.validate());
        CHECK(field_of(SlaPolicy{.targets = {}}).field == "policy.targets");
        CHECK(field_of(SlaPolicy{.targets = {SlaTarget{Severity::low, "", Minutes{60}, BusinessDays{1}}}})
                  .field == "policy.targets[0].tier");
        const Caught dup =
            field_of(SlaPolicy{.targets = {SlaTarget{Severity::low, "A", Minutes{60}, BusinessDays{1}},
                                           SlaTarget{Severity::low, "A", Minutes{30}, BusinessDays{2}}}});
        CHECK(dup.code == crm::ErrorCode::duplicate);
        CHECK(dup.field == "policy.targets[1]");
        CHECK(field_of(SlaPolicy{.targets = {SlaTarget{Severity::low, "A", Minutes{0}, BusinessDays{1}}}})
                  .field == "policy.targets[0].response");
        CHECK(field_of(SlaPolicy{.targets = {SlaTarget{Severity::low, "A", Minutes{60}, BusinessDays{0}}}})
                  .field == "policy.targets[0].resolution");
        CHECK(field_of(SlaPolicy{.at_risk = Percent{Decimal{0}}}).field == "policy.at_risk");
        CHECK(field_of(SlaPolicy{.at_risk = Percent{"100.5"}}).field == "policy.at_risk");
        CHECK(field_of(SlaPolicy{.escalation = {EscalationStep{.at = Percent{Decimal{0}}}}}).field ==
              "policy.escalation[0].at");
        CHECK(field_of(SlaPolicy{.escalation = {EscalationStep{.at = Minutes{-5}}}}).field ==
              "policy.escalation[0].at");
        const Caught down = field_of(SlaPolicy{.escalation = {EscalationStep{.at = Percent{Decimal{100}}},
                                                              EscalationStep{.at = Minutes{60}},
                                                              EscalationStep{.at = Percent{Decimal{50}}}}});
        CHECK(down.code == crm::ErrorCode::inconsistent);
        CHECK(down.field == "policy.escalation[2].at");
        CHECK(field_of(SlaPolicy{.escalation = {EscalationStep{.at = Minutes{120}},
                                                EscalationStep{.at = Minutes{120}}}})
                  .field == "policy.escalation[1].at");
    }

    TEST_CASE("property: as time passes an open complaint only gets worse and its level only rises") {
        const crm::Calendar china = crm::china_mainland_calendar();
        const crm::WorkingHours hours{};
        const SlaPolicy policy{};
        crm::test::Rng rng(555);
        const char* tiers[] = {"A", "B", "C"};
        const Severity severities[] = {Severity::low, Severity::medium, Severity::high, Severity::critical};
        for (int k = 0; k < 1500; ++k) {
            const crm::Date d = crm::Date(2024, 1, 1) + crm::Days{rng.between(0, 700)};
            Complaint c{.tier = tiers[rng.below(3)],
                        .severity = severities[rng.below(4)],
                        .received = DateTime{d, crm::TimeOfDay::from_minutes(rng.between(0, 1439))}};
            CAPTURE(c.received);
            CAPTURE(c.tier);
            CAPTURE(c.severity);
            SlaStatus previous;
            DateTime as_of = c.received;
            for (int step = 0; step < 12; ++step) {
                const DateTime next{as_of.date + crm::Days{rng.between(0, 3)},
                                    crm::TimeOfDay::from_minutes(rng.between(0, 1439))};
                if (as_of < next) as_of = next;  // time never runs backwards
                const SlaStatus s = sla_status(policy, c, china, hours, as_of);
                CAPTURE(as_of);
                // the allowed time is what the deadline says, and a business-minute target is kept exactly
                CHECK(crm::business_minutes_between(china, hours, c.received, s.resolution.deadline) ==
                      s.resolution.allowed);
                const SlaTarget* target = policy.find(c.severity, c.tier);
                if (const auto* m = std::get_if<Minutes>(&target->response)) CHECK(s.response.allowed == *m);
                // breached exactly when the deadline has passed
                CHECK((s.resolution.state == SlaState::breached) == (as_of > s.resolution.deadline));
                // the level by integer arithmetic: 50% <=> 2e >= a; 100% <=> e >= a; 150% <=> 2e >= 3a
                const std::int64_t e = s.resolution.elapsed.count();
                const std::int64_t a = s.resolution.allowed.count();
                const int level = (2 * e >= 3 * a) ? 3 : (e >= a) ? 2 : (2 * e >= a) ? 1 : 0;
                CHECK(s.escalation_level == level);
                if (step > 0) {
                    CHECK(s.state >= previous.state);
                    CHECK(s.escalation_level >= previous.escalation_level);
                    CHECK(s.resolution.elapsed >= previous.resolution.elapsed);
                }
                previous = s;
            }
        }
    }

    TEST_CASE("SLA answers print for diagnostics") {
        const crm::Calendar china = crm::china_mainland_calendar();
        Complaint c = high_a();
        c.responded = at("2024-06-03 11:30");
        std::ostringstream os;
        os << sla_status(SlaPolicy{}, c, china, crm::WorkingHours{}, at("2024-06-04 15:00"));
        CHECK(
            os.str() ==
            "on_time (response on_time due 2024-06-03 12:00, 90/120 min, done 2024-06-03 11:30; "
            "resolution on_time due 2024-06-05 18:00, 840/1560 min; escalation level 1 to regional_manager)");
        std::ostringstream times;
        times << SlaTime{Minutes{90}} << " | " << SlaTime{BusinessDays{1}} << " | "
              << SlaTime{BusinessDays{3}} << " | " << Severity::medium;
        CHECK(times.str() == "90 minutes of business time | 1 business day | 3 business days | medium");
    }

}  // TEST_SUITE
