#pragma once
// The snapshot of the company of tests/planning/company.hpp on 2026-06-15, with the archive,
// people, receivables, caps, balances, approvals and complaints the report reads.
//
// People: Zhao (sales director) over Li (east manager), Sun (north), Qian (south); reps Wang (K1,
// E2), Zhou (N1), Wu (S1).
// Receivables (open on 2026-06-15):        due          open      past due
//   I1 K1                                2026-06-30   30,000         -
//   I2 K1                                2026-02-28   20,000       107 days (beyond 90)
//   I3 E2                                2026-05-31   15,000        15 days
//   I4 N1                                2026-03-10   40,000        97 days (beyond 90)
//   I5 S1                                2026-06-10    5,000         5 days
// Caps: K1 40,000 (balance 50,000: over by 10,000); east 100,000; north 50,000; south 20,000.
// Balances at June 1 / May 1: east 60,000 / 70,000, north 40,000 / 45,000, south 6,000 / 8,000.
// Approvals: R1 (discount, east, Wang) submitted 06-10: 5 days; R2 (order, north, Zhou) 06-14: 1 day.
// Complaints: C1 on K1 (tier A, high) received 2026-06-12 10:00, open; C2 on S1 resolved.
// Visits: K1 (A, monthly) last visited 2026-04-20 -> due 05-20, 26 days overdue; E2 (B) visited
// 06-01; N1 (B, every two months) last 2026-03-01 -> due 05-01, 45 days overdue; S1 (C) 05-01.

#include <crm/report/monthly.hpp>

#include "../planning/company.hpp"

namespace crm::test {

inline report::Snapshot company_snapshot() {
    report::Snapshot s;
    s.as_of = company_as_of;
    s.plan = company_plan();
    const auto account = [](const char* id, const char* name, const char* region, const char* tier,
                            const char* owner, Date last_visit) {
        return account::Account{.id = AccountId{id},
                                .name = name,
                                .region = RegionId{region},
                                .tier = tier,
                                .owner = PersonId{owner},
                                .status = account::Status::active,
                                .created = Date(2024, 1, 1),
                                .last_visit = last_visit};
    };
    s.accounts = {account("K1", "华东机电", "east", "A", "wang", Date(2026, 4, 20)),
                  account("E2", "江南纺织", "east", "B", "wang", Date(2026, 6, 1)),
                  account("N1", "北方重工", "north", "B", "zhou", Date(2026, 3, 1)),
                  account("S1", "岭南电子", "south", "C", "wu", Date(2026, 5, 1))};
    s.org = OrgChart{
        default_roles(),
        {Person{PersonId{"zhao"}, "Zhao", RoleId{"sales_director"}, std::nullopt, {}},
         Person{PersonId{"li"}, "Li", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"east"}}},
         Person{PersonId{"sun"}, "Sun", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"north"}}},
         Person{PersonId{"qian"}, "Qian", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"south"}}},
         Person{PersonId{"wang"}, "Wang", RoleId{"sales_rep"}, PersonId{"li"}, {}},
         Person{PersonId{"zhou"}, "Zhou", RoleId{"sales_rep"}, PersonId{"sun"}, {}},
         Person{PersonId{"wu"}, "Wu", RoleId{"sales_rep"}, PersonId{"qian"}, {}}}};
    s.actuals = company_actuals();
    s.orders = {{AccountId{"K1"}, yuan("20000"), Date(2026, 6, 20)},
                {AccountId{"N1"}, yuan("8000"), Date(2026, 7, 5)}};
    const auto rcv = [](const char* inv, const char* acc, Date due, const char* open) {
        return credit::Receivable{InvoiceId{inv}, AccountId{acc}, due - Days{30}, due, yuan(open)};
    };
    s.receivables = {rcv("I1", "K1", Date(2026, 6, 30), "30000"), rcv("I2", "K1", Date(2026, 2, 28), "20000"),
                     rcv("I3", "E2", Date(2026, 5, 31), "15000"), rcv("I4", "N1", Date(2026, 3, 10), "40000"),
                     rcv("I5", "S1", Date(2026, 6, 10), "5000")};
    s.account_caps = {{AccountId{"K1"}, yuan("40000")}};
    s.region_caps = {{RegionId{"east"}, yuan("100000")},
                     {RegionId{"north"}, yuan("50000")},
                     {RegionId{"south"}, yuan("20000")}};
    s.balances = {{RegionId{"east"}, yuan("60000"), yuan("70000")},
                  {RegionId{"north"}, yuan("40000"), yuan("45000")},
                  {RegionId{"south"}, yuan("6000"), yuan("8000")}};
    s.approvals = {{approval::Request{.id = RequestId{"R1"},
                                      .kind = approval::RequestKind::discount,
                                      .requester = PersonId{"wang"},
                                      .region = RegionId{"east"},
                                      .amount = yuan("0"),
                                      .percent = Percent{"12"}},
                    Date(2026, 6, 10)},
                   {approval::Request{.id = RequestId{"R2"},
                                      .kind = approval::RequestKind::order,
                                      .requester = PersonId{"zhou"},
                                      .region = RegionId{"north"},
                                      .amount = yuan("80000")},
                    Date(2026, 6, 14)}};
    s.complaints = {account::Complaint{.id = ComplaintId{"C1"},
                                       .account = AccountId{"K1"},
                                       .tier = "A",
                                       .severity = account::Severity::high,
                                       .received = DateTime::parse("2026-06-12 10:00")},
                    account::Complaint{.id = ComplaintId{"C2"},
                                       .account = AccountId{"S1"},
                                       .tier = "C",
                                       .severity = account::Severity::low,
                                       .received = DateTime::parse("2026-06-01 10:00"),
                                       .resolved = DateTime::parse("2026-06-02 10:00")}};
    s.target_turnover_days = Decimal{30};
    s.expense = planning::ExpensePolicy{
        .default_standard = Percent{"5"},
        .standards = {{RegionId{"north"}, Percent{"6"}}, {RegionId{"south"}, Percent{"3"}}}};
    return s;
}

}  // namespace crm::test
