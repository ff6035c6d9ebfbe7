// The monthly report request (crm/io/report.hpp): the example company's documents read to its
// facts and report figures computed by hand, bad input naming the JSON Pointer, and a property:
// over generated months, the report from the documents equals the report of the same Snapshot
// built in C++.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/report.hpp>
#include <crm/report/monthly.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/errors.hpp"
#include "../support/files.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::Date;
using crm::ErrorCode;
using crm::Money;
using crm::RegionId;
using crm::test::Rng;
namespace io = crm::io;
namespace report = crm::report;

namespace {

std::string file(const std::string& name) { return crm::test::source_file("tests/cli/data/" + name); }

Money cny(const char* s) { return Money{s, "CNY"}; }

/// A minimal request around `members` (JSON members, each followed by a comma): one region
/// (east) with a plan of CNY 1,000.00 of sales a month, one key account K1 owned by wang.
std::string minimal(const std::string& members) {
    return R"({)" + members + R"(
  "as_of": "2026-03-10",
  "plan": {"year": 2026, "regions": [{"region": "east", "name": "华东区",
           "months": [{"month": 3, "sales": {"amount": "1000.00", "currency": "CNY"}}]}]},
  "people": [{"id": "wang", "name": "王芳", "role": "sales_rep"}]
})";
}

const char* const k1 =
    R"("accounts": [{"id": "K1", "region": "east", "tier": "A", "owner": "wang", "created": "2024-01-01"}],)";

}  // namespace

TEST_SUITE("io.report") {
    TEST_CASE("the example company's documents give its report figures as computed by hand") {
        const auto set = io::read_policy_set(file("report_policy.json"), "report_policy.json");
        const auto request = io::read_monthly_report_request(file("report_facts.json"), "report_facts.json");
        CHECK(request.as_of == Date{2026, 6, 15});
        REQUIRE(request.facts.accounts.size() == 4);
        CHECK(request.facts.accounts[0].name == "华东机电");
        CHECK(request.facts.accounts[0].status == crm::account::Status::active);
        CHECK(request.facts.accounts[0].last_visit == Date{2026, 4, 20});
        CHECK(request.people.size() == 7);
        CHECK(request.facts.actuals.sales.size() == 24);  // 5 months x 4 accounts + 4 in June
        CHECK(request.facts.target_turnover_days == crm::Decimal{30});
        CHECK(request.facts.expense.standards.at(1).standard == crm::Percent{"3"});

        const report::Snapshot s = io::monthly_snapshot(set, request);
        CHECK(s.region_caps.size() == 3);  // from the policy version 2026-v1
        CHECK(s.account_caps.at(0).cap == cny("40000"));
        REQUIRE(s.approval_matrix);
        CHECK(s.org.find(crm::PersonId{"li"})->name == "李经理");

        const report::MonthlyKeyAccountReport r = io::monthly_report(set, request);
        REQUIRE(r.regions.size() == 3);
        const auto& east = r.regions[0];
        // East sold K1 30,000 + E2 70,000 in each of five months and 10,000 + 40,000 in June:
        // this month 50,000 of 100,000 planned; year to date 550,000 of 600,000.
        CHECK(east.progress.of(crm::planning::Measure::sales).actual == cny("50000"));
        CHECK(east.progress.of(crm::planning::Measure::sales).ytd_actual == cny("550000"));
        CHECK(east.progress.of(crm::planning::Measure::sales).ytd_plan == cny("600000"));
        // East's receivables: I1 30,000 (not due), I2 20,000 (due 02-28, 107 days past due),
        // I3 15,000 (due 05-31, 15 days): 65,000 open; cap 100,000 leaves 35,000.
        CHECK(east.aging.total == cny("65000"));
        REQUIRE(east.cap);
        CHECK(east.cap->headroom == cny("35000"));
        // K1 owes 30,000 + 20,000 = 50,000 against its cap of 40,000: 10,000 over.
        REQUIRE(east.accounts_over_cap.size() == 1);
        CHECK(east.accounts_over_cap[0].status.excess == cny("10000"));
        // R1 (a 12% discount, submitted 06-10) waits 5 days for its second step.
        REQUIRE(east.approvals.size() == 1);
        CHECK(east.approvals[0].age == crm::Days{5});
        REQUIRE(east.approvals[0].still_to_approve.size() == 1);
        CHECK(east.approvals[0].still_to_approve[0].level == crm::RoleId{"sales_director"});
    }

    TEST_CASE("parameters left out take the defaults of the Snapshot") {
        const auto set =
            io::read_policy_set(R"({"versions": [{"id": "v", "effective_from": "2026-01-01"}]})");
        const auto request = io::read_monthly_report_request(minimal(k1));
        const report::Snapshot s = io::monthly_snapshot(set, request);
        CHECK(s.overdue_limit_days == 90);
        CHECK(s.approval_age_limit_days == 3);
        CHECK_FALSE(s.target_turnover_days);
        CHECK(s.hours == crm::WorkingHours{});
        CHECK_FALSE(s.approval_matrix);  // the version has no rows
        CHECK(s.forecast == crm::planning::ForecastPolicy{});
        // The command line's date wins over the request's.
        CHECK(io::monthly_snapshot(set, request, Date{2026, 3, 31}).as_of == Date{2026, 3, 31});
        const auto r = io::monthly_report(set, request);
        CHECK(r.total.progress.of(crm::planning::Measure::sales).plan == cny("1000.00"));
    }

    TEST_CASE("bad report input names the JSON Pointer") {
        const auto set = io::read_policy_set(
            R"({"versions": [{"id": "v", "effective_from": "2026-01-01",
                              "calendars": [{"name": "china", "holidays": []}]}]})");
        struct Case {
            const char* name;
            std::string doc;
            ErrorCode code;
            const char* pointer;
        };
        const Case cases[] = {
            {"an unknown key", minimal(R"("acounts": [],)"), ErrorCode::parse_error, "/acounts"},
            {"a segment that does not exist",
             minimal(
                 R"("accounts": [{"id": "K1", "region": "east", "tier": "A", "segment": "vip", "created": "2024-01-01"}],)"),
             ErrorCode::parse_error, "/accounts/0/segment"},
            {"an account without a tier (the account check)",
             minimal(R"("accounts": [{"id": "K1", "region": "east", "tier": "", "created": "2024-01-01"}],)"),
             ErrorCode::invalid_argument, "/accounts/0/tier"},
            {"a JSON number as a sale",
             minimal(std::string(k1) +
                     R"("actuals": {"sales": [{"account": "K1", "date": "2026-03-01", "amount": 100}]},)"),
             ErrorCode::parse_error, "/actuals/sales/0/amount"},
            {"a month of history not as YYYY-MM",
             minimal(
                 std::string(k1) +
                 R"("collection_history": [{"account": "K1", "month": "2026-3", "planned": {"amount": "1", "currency": "CNY"},
                                                "actual": {"amount": "1", "currency": "CNY"}}],)"),
             ErrorCode::parse_error, "/collection_history/0/month"},
            {"a month 13",
             minimal(
                 std::string(k1) +
                 R"("collection_history": [{"account": "K1", "month": "2026-13", "planned": {"amount": "1", "currency": "CNY"},
                                                "actual": {"amount": "1", "currency": "CNY"}}],)"),
             ErrorCode::invalid_date, "/collection_history/0/month"},
            {"a forecast over 13 trailing months", minimal(R"("forecast": {"trailing_months": 13},)"),
             ErrorCode::invalid_argument, "/forecast/trailing_months"},
            {"an expense standard over 100%",
             minimal(R"("expense": {"standards": [{"region": "east", "standard": "150%"}]},)"),
             ErrorCode::invalid_argument, "/expense/standards/0/standard"},
            {"a bad dedupe rule",
             minimal(
                 R"("approvals": [{"request": {"id": "R", "kind": "discount", "requester": "wang", "region": "east", "percent": "5%"},
                                      "submitted": "2026-03-01", "submission": {"dedupe": "once"}}],)"),
             ErrorCode::parse_error, "/approvals/0/submission/dedupe"},
            {"a complaint's timestamp without a time",
             minimal(
                 R"("complaints": [{"id": "C", "account": "K1", "tier": "A", "severity": "low", "received": "2026-03-01"}],)"),
             ErrorCode::parse_error, "/complaints/0/received"},
            {"working hours that end before they start", minimal(R"("working_hours": "18:00-09:00",)"),
             ErrorCode::invalid_argument, "/working_hours"},
        };
        for (const Case& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            crm::test::check_error([&] { return io::read_monthly_report_request(c.doc, "f"); }, c.code,
                                   c.pointer);
        }

        // Found when the facts are checked together with the policy version.
        struct Late {
            const char* name;
            std::string doc;
            ErrorCode code;
            const char* pointer;
        };
        const Late late[] = {
            {"an account in a region the plan does not have",
             minimal(
                 R"("accounts": [{"id": "K1", "region": "west", "tier": "A", "created": "2024-01-01"}],)"),
             ErrorCode::not_found, "/accounts/0/region"},
            {"a receivable of an account that is not a key account",
             minimal(
                 std::string(k1) +
                 R"("receivables": [{"invoice": "I", "account": "X", "invoiced_on": "2026-01-01", "due_on": "2026-02-01",
                                         "open_amount": {"amount": "1", "currency": "CNY"}}],)"),
             ErrorCode::not_found, "/receivables/0/account"},
            {"a person whose role is not on the ladder",
             R"({"as_of": "2026-03-10", "plan": {"year": 2026, "regions": [{"region": "east"}]},
                 "people": [{"id": "wang", "role": "ceo"}]})",
             ErrorCode::not_found, "/people/0/role"},
            {"a calendar the version does not name", minimal(R"("calendar": "hk",)"), ErrorCode::not_found,
             "/calendar"},
            {"no as-of date", R"({"plan": {"year": 2026, "regions": [{"region": "east"}]}})",
             ErrorCode::not_found, "/as_of"},
            {"an as-of date before every version",
             R"({"as_of": "2025-12-31", "plan": {"year": 2025, "regions": [{"region": "east"}]}})",
             ErrorCode::not_found, "/as_of"},
            {"an approval submitted after the as-of date",
             minimal(
                 R"("approvals": [{"request": {"id": "R", "kind": "discount", "requester": "wang", "region": "east", "percent": "5%"},
                                      "submitted": "2026-03-11"}],)"),
             ErrorCode::inconsistent, "/approvals/0/submitted"},
        };
        for (const Late& c : late) {
            const std::string name = c.name;
            CAPTURE(name);
            const auto request = io::read_monthly_report_request(c.doc, "f");
            crm::test::check_error([&] { return io::monthly_report(set, request); }, c.code, c.pointer);
        }
    }

    TEST_CASE("the report request example of docs/documents.md reads and reports") {
        const std::string block = crm::test::documents_example("report_request");
        const auto set =
            io::read_policy_set(R"({"versions": [{"id": "v", "effective_from": "2026-01-01"}]})");
        const auto r = io::monthly_report(set, io::read_monthly_report_request(block, "documents.md"));
        // K1 bought CNY 42,000.00 of the CNY 100,000.00 planned for March: 42.00%.
        CHECK(r.total.progress.of(crm::planning::Measure::sales).actual == cny("42000.00"));
        CHECK(r.total.progress.of(crm::planning::Measure::sales).achievement == crm::Percent{"42"});
        REQUIRE(r.total.complaints.size() == 1);
    }

    TEST_CASE("an error of a policy is named in the policy set") {
        const auto set = io::read_policy_set(
            R"({"versions": [{"id": "v", "effective_from": "2026-01-01",
                              "credit": {"region_caps": [{"region": "west", "cap": {"amount": "1", "currency": "CNY"}}]}}]})");
        const auto request = io::read_monthly_report_request(minimal(k1));
        const auto caught = crm::test::caught_error([&] { return io::monthly_report(set, request); });
        CHECK(caught.code == ErrorCode::not_found);
        CHECK(caught.field == "/versions/0/credit/region_caps/0/region");
    }
}

// ---- the property -----------------------------------------------------------------------------

namespace {

std::string amount(const Money& m) {
    return R"({"amount": ")" + m.amount().to_string() + R"(", "currency": "CNY"})";
}

}  // namespace

TEST_SUITE("io.report") {
    TEST_CASE("a property: the report of generated documents equals the report of the same Snapshot") {
        const auto set =
            io::read_policy_set(R"({"versions": [{"id": "v", "effective_from": "2026-01-01"}]})");
        Rng rng(0x2E9);
        for (int round = 0; round < 60; ++round) {
            CAPTURE(round);
            report::Snapshot s;
            s.as_of = Date{2026, static_cast<unsigned>(rng.between(1, 12)),
                           static_cast<unsigned>(rng.between(1, 28))};
            s.plan.year = 2026;
            std::string months;
            for (int m = 1; m <= 12; ++m) {
                const Money sales{crm::Decimal::scaled(rng.between(0, 9999999), -2), crm::Currency{"CNY"}};
                s.plan.regions.resize(2);
                s.plan.regions[0].months.push_back({.month = m, .sales = sales});
                months += std::string(m > 1 ? ", " : "") + R"({"month": )" + std::to_string(m) +
                          R"(, "sales": )" + amount(sales) + "}";
            }
            s.plan.regions[0].region = RegionId{"east"};
            s.plan.regions[1].region = RegionId{"west"};
            s.org = crm::OrgChart{crm::default_roles(), {}};
            std::string accounts, sales, receivables;
            for (int a = 0; a < 4; ++a) {
                const std::string id = "A" + std::to_string(a);
                const char* region = a % 2 == 0 ? "east" : "west";
                s.accounts.push_back({.id = AccountId{id},
                                      .region = RegionId{region},
                                      .tier = "B",
                                      .created = Date{2024, 1, 1}});
                accounts += std::string(a > 0 ? ", " : "") + R"({"id": ")" + id + R"(", "region": ")" +
                            region + R"(", "tier": "B", "created": "2024-01-01"})";
            }
            for (int i = 0, n = static_cast<int>(rng.between(0, 30)); i < n; ++i) {
                const std::string account = "A" + std::to_string(rng.below(4));
                const Date d = s.as_of - crm::Days{rng.between(0, 200)};
                const Money m{crm::Decimal::scaled(rng.between(-50000, 5000000), -2), crm::Currency{"CNY"}};
                if (rng.coin()) {
                    s.actuals.sales.push_back({.account = AccountId{account}, .date = d, .amount = m});
                    sales += std::string(sales.empty() ? "" : ", ") + R"({"account": ")" + account +
                             R"(", "date": ")" + d.to_string() + R"(", "amount": )" + amount(m) + "}";
                } else {
                    const Money open = m.signum() < 0 ? -m : m;
                    const Date due = d + crm::Days{rng.between(0, 90)};
                    const std::string inv = "I" + std::to_string(i);
                    s.receivables.push_back({.invoice = crm::InvoiceId{inv},
                                             .account = AccountId{account},
                                             .invoiced_on = d,
                                             .due_on = due,
                                             .open_amount = open});
                    receivables += std::string(receivables.empty() ? "" : ", ") + R"({"invoice": ")" + inv +
                                   R"(", "account": ")" + account + R"(", "invoiced_on": ")" + d.to_string() +
                                   R"(", "due_on": ")" + due.to_string() + R"(", "open_amount": )" +
                                   amount(open) + "}";
                }
            }
            if (rng.coin()) s.overdue_limit_days = rng.between(0, 200);
            const std::string doc =
                R"({"as_of": ")" + s.as_of.to_string() +
                R"(", "plan": {"year": 2026, "regions": [{"region": "east", "months": [)" + months +
                R"(]}, {"region": "west"}]}, "accounts": [)" + accounts + R"(], "actuals": {"sales": [)" +
                sales + R"(]}, "receivables": [)" + receivables + R"(], "overdue_limit_days": )" +
                std::to_string(s.overdue_limit_days) + "}";
            const auto request = io::read_monthly_report_request(doc, "generated.json");
            CHECK(io::monthly_report(set, request) == report::monthly_report(s));
        }
    }
}

// ---- the annual summary request ----------------------------------------------------------------

TEST_SUITE("io.report") {
    TEST_CASE("the annual request of the example company: the year month by month and its tier changes") {
        const auto set = io::read_policy_set(file("report_policy.json"), "report_policy.json");
        const auto request = io::read_annual_report_request(file("annual_facts.json"), "annual_facts.json");
        REQUIRE(request.tiers.size() == 4);
        CHECK(request.tiers[1] == report::TierRecord{.account = AccountId{"E2"}, .tier = "A"});
        const report::AnnualSummary a = io::annual_summary(set, request);
        CHECK(a.year == 2026);
        CHECK(a.as_of == Date{2026, 6, 15});
        REQUIRE(a.months.size() == 6);  // January .. June
        // E2 began the year A and is B in the archive; S1 began B and is C. K1 and N1 kept theirs.
        REQUIRE(a.tier_changes.size() == 2);
        CHECK(a.tier_changes[0] == report::TierChange{.account = AccountId{"E2"}, .from = "A", .to = "B"});
        CHECK(a.tier_changes[1] == report::TierChange{.account = AccountId{"S1"}, .from = "B", .to = "C"});
        // January: east sold K1 30,000 + E2 70,000 = 100,000 of the 100,000 planned.
        const auto& jan_east = a.months[0].progress.regions.at(0);
        CHECK(jan_east.of(crm::planning::Measure::sales).actual == cny("100000"));
        CHECK(a.reported.empty());
        // The same as the library's summary of the same Snapshot: io adds no rule.
        CHECK(a == report::annual_summary(io::monthly_snapshot(set, request.year), request.tiers));
    }

    TEST_CASE("the annual request with the year's monthly reports gives the aging and KPI trend") {
        const auto set = io::read_policy_set(file("report_policy.json"), "report_policy.json");
        const auto may = io::monthly_report(
            set, io::read_monthly_report_request(file("report_facts_may.json"), "report_facts_may.json"));
        const auto june = io::monthly_report(
            set, io::read_monthly_report_request(file("report_facts.json"), "report_facts.json"));
        const auto request = io::read_annual_report_request(file("annual_facts.json"), "annual_facts.json");
        const std::vector<report::MonthlyKeyAccountReport> reports{may, june};
        const report::AnnualSummary a = io::annual_summary(set, request, reports);
        REQUIRE(a.reported.size() == 2);
        CHECK(a.reported[0].month == 5);
        CHECK(a.reported[1].month == 6);
        CHECK(a.reported[1].total.aging.total == june.total.aging.total);
        // Out of order: the library names the report, which the caller maps to its source.
        const std::vector<report::MonthlyKeyAccountReport> backwards{june, may};
        crm::test::check_error([&] { return io::annual_summary(set, request, backwards); },
                               ErrorCode::inconsistent, "reports[1].month");
    }

    TEST_CASE("the annual request example of docs/documents.md reads and summarises") {
        const auto set =
            io::read_policy_set(R"({"versions": [{"id": "v", "effective_from": "2026-01-01"}]})");
        const auto a = io::annual_summary(
            set, io::read_annual_report_request(crm::test::documents_example("annual_request"), "documents.md"));
        // K1 began the year B and is A in the archive; January 120,000 and February 90,000 sold.
        REQUIRE(a.tier_changes.size() == 1);
        CHECK(a.tier_changes[0] == report::TierChange{.account = AccountId{"K1"}, .from = "B", .to = "A"});
        REQUIRE(a.months.size() == 3);
        CHECK(a.months[0].progress.total.of(crm::planning::Measure::sales).actual == cny("120000"));
        CHECK(a.months[1].progress.total.of(crm::planning::Measure::sales).actual == cny("90000"));
        CHECK(a.months[2].progress.total.of(crm::planning::Measure::sales).actual == cny("40000"));
    }

    TEST_CASE("bad annual input names the JSON Pointer") {
        const auto set =
            io::read_policy_set(R"({"versions": [{"id": "v", "effective_from": "2026-01-01"}]})");
        using crm::test::check_error;
        check_error(
            [] {
                return io::read_annual_report_request(
                    minimal(k1 + std::string(R"("tiers": [{"account": "K1"}],)")));
            },
            ErrorCode::parse_error, "/tiers/0");
        check_error(
            [] {
                return io::read_annual_report_request(
                    minimal(k1 + std::string(R"("tiers": [{"account": "K1", "tier": "A", "teir": "B"}],)")));
            },
            ErrorCode::parse_error, "/tiers/0/teir");
        check_error(
            [] {
                return io::read_annual_report_request(minimal(k1 + std::string(R"("tiers": {"K1": "A"},)")));
            },
            ErrorCode::parse_error, "/tiers");
        // A monthly request refuses `tiers`: it belongs to the annual summary only.
        check_error(
            [] { return io::read_monthly_report_request(minimal(k1 + std::string(R"("tiers": [],)"))); },
            ErrorCode::parse_error, "/tiers");
        const auto stranger = io::read_annual_report_request(minimal(
            k1 +
            std::string(R"("tiers": [{"account": "K1", "tier": "A"}, {"account": "X9", "tier": "B"}],)")));
        check_error([&] { return io::annual_summary(set, stranger); }, ErrorCode::not_found,
                    "/tiers/1/account");
        const auto no_day = io::read_annual_report_request(R"({"plan": {"year": 2026, "regions": []}})");
        check_error([&] { return io::annual_summary(set, no_day); }, ErrorCode::not_found, "/as_of");
    }
}
