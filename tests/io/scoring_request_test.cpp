// Score and SLA requests: worked requests answered through the documents, bad input naming
// the JSON Pointer, and the properties that the answers are the scoring and account
// libraries' own (io adds no rule: it only reads, picks the version, maps errors and writes).

#include <crm/account/complaint.hpp>
#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/scoring.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/rank.hpp>
#include <crm/time/calendar.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::DateTime;
using crm::Decimal;
using crm::ErrorCode;
using crm::test::Rng;
namespace account = crm::account;
namespace scoring = crm::scoring;

namespace {

// A supplier rating of this test's own making, in version v1 (2024-01-01); v2 (2025-01-01) has
// no scorecard and the default SLA table.
// - quality (50%): linear 90 -> 0 .. 100 -> 100 (a share of good parts, in per cent);
// - days (30%): lower is better, 10 days -> 100 .. 60 days -> 0; left out: excluded;
// - tier (20%): lookup gold 100, silver 60, no `otherwise` (another label is an error).
// Bands A 85..100, B 60..85, C 0..60. Weights have 0 decimals, scores 2: totals have 4.
// The SLA table of v1 has three cells: high x A 2 business hours / 2 business days, critical x
// A 1 hour / 1 business day, high x B 4 hours / 3 business days; the default 80% and steps.
const char* const policy = R"({"versions": [
  {"id": "v1", "effective_from": "2024-01-01",
   "account": {"sla": {"targets": [
     {"severity": "high", "tier": "A", "response": {"minutes": 120}, "resolution": {"business_days": 2}},
     {"severity": "critical", "tier": "A", "response": {"minutes": 60}, "resolution": {"business_days": 1}},
     {"severity": "high", "tier": "B", "response": {"minutes": 240}, "resolution": {"business_days": 3}}]}},
   "scoring": {"scorecards": [{"name": "supplier rating", "criteria": [
     {"id": "quality", "weight": "50%", "function": {"kind": "linear", "lo": "90", "hi": "100"}},
     {"id": "days", "weight": "30%", "missing": "exclude",
      "function": {"kind": "lower_is_better", "best": "10", "worst": "60"}},
     {"id": "tier", "weight": "20%", "function": {"kind": "lookup",
      "categories": [{"label": "gold", "score": "100"}, {"label": "silver", "score": "60"}]}}],
     "bands": [{"label": "A", "from": "85", "to": "100"}, {"label": "B", "from": "60", "to": "85"},
               {"label": "C", "from": "0", "to": "60"}]}]},
   "calendars": [{"name": "weekends-only"}]},
  {"id": "v2", "effective_from": "2025-01-01"}]})";

std::string score_request(const std::string& subjects,
                          const std::string& head = R"("scorecard": "supplier rating")") {
    return R"({"as_of": "2024-12-31", )" + head + R"(, "subjects": )" + subjects + "}";
}

std::string sla_request(const std::string& complaints, const std::string& extra = "") {
    return R"({"as_of": "2024-06-03 11:45", )" + extra + R"("complaints": )" + complaints + "}";
}

// received Monday 2024-06-03 10:00, high severity, tier A
const char* const c1 =
    R"([{"id": "C-1", "account": "ACC-1", "tier": "A", "severity": "high", "received": "2024-06-03 10:00"}])";

}  // namespace

TEST_SUITE("io.scoring_request") {
    TEST_CASE("a worked score request through the documents") {
        const auto set = crm::io::read_policy_set(policy);
        const auto r = crm::io::read_score_request(score_request(R"([
            {"id": "S-1", "facts": {"quality": "97.5", "days": "35", "tier": "silver"}},
            {"id": "S-2", "facts": {"quality": "100", "days": "10", "tier": "gold"}},
            {"id": "S-3", "facts": {"quality": "85", "tier": "gold"}},
            {"id": "S-4", "facts": {"quality": "97.50", "days": "35.0", "tier": "silver"}}])"),
                                                   "r.json");
        CHECK(r.scorecard == "supplier rating");
        CHECK_FALSE(r.kpi);
        REQUIRE(r.subjects.size() == 4);
        const auto a = crm::io::score(set, r);
        CHECK(a.policy_version == "v1");
        CHECK(a.as_of == Date{2024, 12, 31});
        REQUIRE(a.subjects.size() == 4);
        // S-1: quality (97.5 - 90) x 100 / 10 = 75.00 x 50% = 37.5000; days 100 - (35 - 10) x 100 / 50
        // = 50.00 x 30% = 15.0000; silver 60.00 x 20% = 12.0000; total 64.5000, B.
        const auto& s1 = a.subjects[0].result;
        CHECK(s1.total == scoring::Score{"64.5"});
        CHECK(scoring::to_string(s1.total) == "64.5000");
        CHECK(s1.grade == "B");
        REQUIRE(s1.criteria.size() == 3);
        CHECK(s1.criteria[0].criterion == "quality");  // the scorecard's order, not the document's
        CHECK(s1.criteria[0].score == scoring::Score{75});
        CHECK(s1.criteria[1].contribution == scoring::Score{15});
        CHECK(s1.criteria[2].raw == scoring::FactValue{std::string("silver")});
        // S-2: every criterion at its best: 50 + 30 + 20 = 100.0000, A (the top band includes 100).
        CHECK(a.subjects[1].result.total == scoring::Score{100});
        CHECK(a.subjects[1].result.grade == "A");
        // S-3: 85 is below 90 (clamped: 0.00); days left out, excluded: the rest re-weighted to
        // 70%, (0 x 50% + 100 x 20%) / 70% = 28.571428... -> 28.5714, C.
        CHECK(a.subjects[2].result.total == scoring::Score{"28.5714"});
        CHECK(a.subjects[2].result.criteria[1].status == scoring::CriterionStatus::missing_excluded);
        CHECK(a.subjects[2].result.grade == "C");
        // S-4 has S-1's facts with other scales: the same total, so the two share rank 2.
        CHECK(a.subjects[3].result.total == s1.total);
        CHECK(a.subjects[1].rank == 1);
        CHECK(a.subjects[0].rank == 2);
        CHECK(a.subjects[3].rank == 2);
        CHECK(a.subjects[2].rank == 4);
        const std::string doc = crm::io::write_score(a, crm::Lang::en);
        CHECK(doc.find(R"("total": "64.5000")") != std::string::npos);
        CHECK(doc.find(R"("contribution": "37.5000")") != std::string::npos);
        CHECK(doc.find(R"("weight": "50%")") != std::string::npos);
        CHECK(doc.find(R"("raw": "97.5")") != std::string::npos);
        CHECK(doc.find(R"("raw": null)") != std::string::npos);
        CHECK(doc.find(R"("status": "missing_excluded")") != std::string::npos);
        CHECK(doc.find(R"("rank": 4)") != std::string::npos);
        CHECK(doc.find(R"("code": "scoring.total")") != std::string::npos);
        CHECK(doc.find(R"("scorecard": "supplier rating")") != std::string::npos);
        // canonical: writing twice gives the same text
        CHECK(crm::io::write_score(a, crm::Lang::en) == doc);
    }

    TEST_CASE("the KPI card of the version scores a manager") {
        const auto set = crm::io::read_policy_set(policy);
        const auto r = crm::io::read_score_request(score_request(R"([{"id": "wang", "facts": {
            "sales_achievement": "1.00", "collection_achievement": "0.95", "receivables_vs_cap": "1.15",
            "turnover_days_over_target": "12", "sales_expense_ratio": "0.05", "new_product_share": "0.05"}}])",
                                                                 R"("kpi": true)"));
        CHECK(r.kpi);
        CHECK_FALSE(r.scorecard);
        const auto a = crm::io::score(set, r);
        CHECK(a.scorecard == scoring::kpi_scorecard(set.versions[0].scoring.kpi));
        // sales 100% -> 100 / 1.2 = 83.33 x 25% = 20.8325; collection 95% -> 95.00 x 20% = 19.0000;
        // receivables 115% of cap -> 50.00 x 10% = 5.0000; 12 days over -> 60.00 x 15% = 9.0000;
        // expense 5% -> 60.00 x 10% = 6.0000; new products 5% -> 25.00 x 10% = 2.5000. Satisfaction
        // and visits are left out (excluded, 10%): 62.3325 / 90% = 69.258333... -> 69.2583, C (60..75).
        CHECK(a.subjects.at(0).result.total == scoring::Score{"69.2583"});
        CHECK(a.subjects.at(0).result.grade == "C");
        CHECK(a.subjects.at(0).rank == 1);
    }

    TEST_CASE("the caller's date picks the version when the request has none") {
        const auto set = crm::io::read_policy_set(policy);
        const std::string subjects = R"([{"id": "S-1", "facts": {"quality": "95", "tier": "gold"}}])";
        const auto r =
            crm::io::read_score_request(R"({"scorecard": "supplier rating", "subjects": )" + subjects + "}");
        CHECK_FALSE(r.as_of);
        // quality 50.00 x 50% + gold 100 x 20% = 45 of 70%: 64.2857...
        CHECK(crm::io::score(set, r, Date{2024, 3, 1}).subjects[0].result.total == scoring::Score{"64.2857"});
        // the request's date wins over the caller's (the command line sets request.as_of instead)
        auto dated = crm::io::read_score_request(score_request(subjects));
        CHECK(crm::io::score(set, dated, Date{2025, 3, 1}).policy_version == "v1");
        // in 2025 the version in force has no scorecard of that name
        dated.as_of = Date{2025, 3, 1};
        crm::test::check_error([&] { return crm::io::score(set, dated); }, ErrorCode::not_found,
                               "/scorecard");
    }

    TEST_CASE("bad score requests name the JSON Pointer") {
        using crm::io::read_score_request;
        using crm::test::check_error;
        const auto set = crm::io::read_policy_set(policy);
        const auto answer = [&](const std::string& subjects,
                                const std::string& head = R"("scorecard": "supplier rating")") {
            return [&set, text = score_request(subjects, head)] {
                return crm::io::score(set, read_score_request(text, "r.json"));
            };
        };
        // a JSON number, whatever its value, is refused when the request is read
        check_error(
            [] { return read_score_request(score_request(R"([{"id": "S", "facts": {"quality": 97.5}}])")); },
            ErrorCode::parse_error, "/subjects/0/facts/quality");
        check_error(
            [] { return read_score_request(score_request(R"([{"id": "S", "facts": {"tier": true}}])")); },
            ErrorCode::parse_error, "/subjects/0/facts/tier");
        check_error([] { return read_score_request(score_request(R"([{"id": "S", "facts": ["95"]}])")); },
                    ErrorCode::parse_error, "/subjects/0/facts");
        check_error([] { return read_score_request(score_request(R"([{"id": "S", "fact": {}}])")); },
                    ErrorCode::parse_error, "/subjects/0/fact");
        check_error([] { return read_score_request(score_request(R"([{"id": "S"}, {"id": "S"}])")); },
                    ErrorCode::duplicate, "/subjects/1/id");
        // exactly one of scorecard and kpi
        check_error(
            [] { return read_score_request(score_request("[]", R"("scorecard": "x", "kpi": true)")); },
            ErrorCode::parse_error, "/kpi");
        check_error([] { return read_score_request(score_request("[]", R"("kpi": false)")); },
                    ErrorCode::parse_error, "");
        check_error([] { return read_score_request(score_request("[]", R"("kpi": "yes")")); },
                    ErrorCode::parse_error, "/kpi");
        // what the scorecard refuses, at the fact's pointer
        check_error(answer(R"([{"id": "S", "facts": {"quality": "95", "tier": "gold", "colour": "red"}}])"),
                    ErrorCode::not_found, "/subjects/0/facts/colour");
        check_error(answer(R"([{"id": "S", "facts": {"quality": "95", "tier": "gold", "a/b": "1"}}])"),
                    ErrorCode::not_found, "/subjects/0/facts/a~1b");
        check_error(answer(R"([{"id": "S", "facts": {"quality": "ninety", "tier": "gold"}}])"),
                    ErrorCode::parse_error, "/subjects/0/facts/quality");
        check_error(answer(R"([{"id": "S", "facts": {"quality": "95", "tier": "bronze"}}])"),
                    ErrorCode::not_found, "/subjects/0/facts/tier");
        check_error(
            answer(
                R"([{"id": "S", "facts": {"quality": "95", "tier": "gold"}}, {"id": "T", "facts": {"tier": "gold"}}])"),
            ErrorCode::not_found, "/subjects/1/facts/quality");
        check_error(answer("[]", R"("scorecard": "customer grading")"), ErrorCode::not_found, "/scorecard");
        check_error(answer(R"([{"id": "wang", "facts": {"sales_achievement": "1.00"}}])", R"("kpi": true)"),
                    ErrorCode::not_found, "/subjects/0/facts/collection_achievement");
        check_error(
            [&] { return crm::io::score(set, read_score_request(R"({"kpi": true, "subjects": []})")); },
            ErrorCode::not_found, "/as_of");
        // the reader's errors carry file:line:column
        try {
            (void)read_score_request(score_request(R"([{"id": "S", "facts": {"quality": 97.5}}])"), "r.json");
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(std::string(e.message()).starts_with("r.json:1:"));
            CHECK(std::string(e.message()).find("JSON number") != std::string::npos);
        }
    }

    TEST_CASE("a property: the score answer is scoring::evaluate and scoring::rank on the same facts") {
        const auto set = crm::io::read_policy_set(policy);
        const scoring::Scorecard& card = set.versions[0].scoring.scorecards[0];
        Rng rng(0x5c07e);
        for (int round = 0; round < 200; ++round) {
            const auto n = static_cast<std::size_t>(rng.between(1, 6));
            std::string subjects = "[";
            std::vector<scoring::Facts> expected(n);
            for (std::size_t i = 0; i < n; ++i) {
                const Decimal quality = crm::test::decimal(rng, 5, -2, 1);
                const bool with_days = rng.coin();
                const Decimal days = crm::test::decimal(rng, 4, -1, 0);
                const std::string tier = rng.coin() ? "gold" : "silver";
                subjects += std::string(i ? ", " : "") + R"({"id": "S-)" + std::to_string(i) +
                            R"(", "facts": {"quality": ")" + quality.to_string() + "\", " +
                            (with_days ? R"("days": ")" + days.to_string() + "\", " : std::string()) +
                            R"("tier": ")" + tier + "\"}}";
                expected[i].push_back({"quality", quality});
                if (with_days) expected[i].push_back({"days", days});
                expected[i].push_back({"tier", tier});
            }
            subjects += "]";
            CAPTURE(subjects);
            const auto a = crm::io::score(set, crm::io::read_score_request(score_request(subjects)));
            REQUIRE(a.subjects.size() == n);
            std::vector<scoring::ScoreResult> results;
            for (std::size_t i = 0; i < n; ++i) {
                const scoring::ScoreResult direct = scoring::evaluate(card, expected[i]);
                CHECK(a.subjects[i].result == direct);
                CHECK(a.subjects[i].id == "S-" + std::to_string(i));
                results.push_back(direct);
            }
            for (const auto& r : scoring::rank(results)) CHECK(a.subjects[r.index].rank == r.rank);
        }
    }

    TEST_CASE("a worked SLA request through the documents") {
        const auto set = crm::io::read_policy_set(policy);
        const auto r = crm::io::read_sla_request(sla_request(c1), "s.json");
        CHECK(r.as_of == DateTime::parse("2024-06-03 11:45"));
        CHECK(r.working_hours == crm::WorkingHours{});
        CHECK_FALSE(r.calendar);
        const auto a = crm::io::sla(set, r);
        CHECK(a.policy_version == "v1");
        CHECK(a.calendar == crm::china_mainland_calendar().name());
        REQUIRE(a.complaints.size() == 1);
        // high x A: respond in 2 business hours. Received Monday 10:00, due 12:00; at 11:45 105 of
        // 120 business minutes are used, 87.5% >= 80%: at risk. Resolve in 2 business days: due
        // Wednesday 18:00, 480 (Mon 10:00-18:00) + 540 + 540 = 1560 minutes allowed, 105 used.
        const account::SlaStatus& s = a.complaints[0].status;
        CHECK(s.state == account::SlaState::at_risk);
        CHECK(s.response.state == account::SlaState::at_risk);
        CHECK(s.response.deadline == DateTime::parse("2024-06-03 12:00"));
        CHECK(s.response.elapsed == crm::Minutes{105});
        CHECK(s.response.allowed == crm::Minutes{120});
        CHECK(s.resolution.state == account::SlaState::on_time);
        CHECK(s.resolution.deadline == DateTime::parse("2024-06-05 18:00"));
        CHECK(s.resolution.allowed == crm::Minutes{1560});
        CHECK(s.escalation_level == 0);
        CHECK_FALSE(s.escalate_to);
        REQUIRE(a.complaints[0].reasons.size() == 2);
        CHECK(a.complaints[0].reasons[0].code() == "account.sla_at_risk");
        const std::string doc = crm::io::write_sla(a, crm::Lang::en);
        CHECK(doc.find(R"("elapsed": 105)") != std::string::npos);
        CHECK(doc.find(R"("allowed": 120)") != std::string::npos);
        CHECK(doc.find(R"("deadline": "2024-06-03 12:00")") != std::string::npos);
        CHECK(doc.find(R"("state": "at_risk")") != std::string::npos);
        CHECK(doc.find(R"("working_hours": "09:00-18:00")") != std::string::npos);
        CHECK(doc.find(R"("role": null)") != std::string::npos);
        CHECK(doc.find("is at risk (105 of 120 business minutes used)") != std::string::npos);
        CHECK(crm::io::write_sla(a, crm::Lang::zh).find("临近超时") != std::string::npos);

        // critical x A received Thursday 2024-05-30 14:00, answered at 14:30 (30 of 60 minutes: on
        // time); resolve in 1 business day, by Friday 18:00: 240 + 540 = 780 minutes allowed. At
        // Monday 11:45, 240 + 540 + 165 = 945 are used: breached, and 945 / 780 = 121% is past the
        // 100% step: level 2, the sales director.
        const auto b =
            crm::io::sla(set, crm::io::read_sla_request(sla_request(
                                  R"([{"id": "C-2", "account": "ACC-2", "tier": "A", "severity": "critical",
                 "received": "2024-05-30 14:00", "responded": "2024-05-30 14:30", "resolved": null}])")));
        const account::SlaStatus& t = b.complaints.at(0).status;
        CHECK(t.state == account::SlaState::breached);
        CHECK(t.response.state == account::SlaState::on_time);
        CHECK(t.response.done == DateTime::parse("2024-05-30 14:30"));
        CHECK(t.resolution.allowed == crm::Minutes{780});
        CHECK(t.resolution.elapsed == crm::Minutes{945});
        CHECK(t.escalation_level == 2);
        CHECK(t.escalate_to == crm::RoleId{"sales_director"});
        CHECK(crm::io::write_sla(b, crm::Lang::en).find(R"("role": "sales_director")") != std::string::npos);
    }

    TEST_CASE("the calendar and the working hours of an SLA request") {
        const auto set = crm::io::read_policy_set(policy);
        // received Friday 2024-06-07 17:00, high x A (120 minutes); Monday 2024-06-10 is the Dragon
        // Boat holiday on the China calendar, a working day on the weekends-only calendar.
        const std::string c =
            R"([{"id": "C-3", "account": "A", "tier": "A", "severity": "high", "received": "2024-06-07 17:00"}])";
        const std::string as_of = R"({"as_of": "2024-06-10 09:50", )";
        // China: 60 minutes on Friday, none on the holiday: due Tuesday 10:00, 60 of 120 used (50%)
        const auto china =
            crm::io::sla(set, crm::io::read_sla_request(as_of + R"("complaints": )" + c + "}"));
        CHECK(china.complaints[0].status.response.deadline == DateTime::parse("2024-06-11 10:00"));
        CHECK(china.complaints[0].status.response.state == account::SlaState::on_time);
        // weekends only: 60 + 50 = 110 of 120 (91.7%): at risk, due Monday 10:00
        const auto plain = crm::io::sla(
            set,
            crm::io::read_sla_request(as_of + R"("calendar": "weekends-only", "complaints": )" + c + "}"));
        CHECK(plain.calendar == "weekends-only");
        CHECK(plain.complaints[0].status.response.deadline == DateTime::parse("2024-06-10 10:00"));
        CHECK(plain.complaints[0].status.response.elapsed == crm::Minutes{110});
        CHECK(plain.complaints[0].status.response.state == account::SlaState::at_risk);
        // working hours 08:00-18:00 on the weekends-only calendar: 60 minutes on Friday, 60 more from
        // Monday 08:00: due Monday 09:00, so at 09:50 (60 + 110 = 170 of 120 used) breached
        const auto early = crm::io::sla(
            set,
            crm::io::read_sla_request(as_of + R"("calendar": "weekends-only", "working_hours": "08:00-18:00",
                                                       "complaints": )" +
                                      c + "}"));
        CHECK(early.working_hours == crm::WorkingHours::parse("08:00-18:00"));
        CHECK(early.complaints[0].status.response.deadline == DateTime::parse("2024-06-10 09:00"));
        CHECK(early.complaints[0].status.response.state == account::SlaState::breached);
        // the caller's instant when the request has none; the version of its day (v2: default table)
        const auto r = crm::io::read_sla_request(R"({"complaints": )" + c + "}");
        CHECK(crm::io::sla(set, r, DateTime::parse("2024-06-10 09:50")).complaints[0].status ==
              china.complaints[0].status);
        const auto later = crm::io::sla(set, crm::io::read_sla_request(R"({"complaints": [
            {"id": "C-4", "account": "A", "tier": "C", "severity": "low", "received": "2025-03-03 09:00"}]})"),
                                        DateTime::parse("2025-03-03 10:00"));
        CHECK(later.policy_version == "v2");
        CHECK(later.complaints[0].status.response.allowed ==
              crm::Minutes{4 * 540});  // low x C, 3 business days: Monday 09:00 to Thursday 18:00
    }

    TEST_CASE("bad SLA requests name the JSON Pointer") {
        using crm::io::read_sla_request;
        using crm::test::check_error;
        const auto set = crm::io::read_policy_set(policy);
        const auto answer = [&set](const std::string& text) {
            return [&set, text] { return crm::io::sla(set, read_sla_request(text, "s.json")); };
        };
        const auto one = [](const std::string& members) {
            return sla_request(R"([{"id": "C-1", "account": "A", )" + members + "}]");
        };
        check_error(
            [&] {
                return read_sla_request(one(R"("tier": "A", "severity": "high", "received": "2024-06-03")"));
            },
            ErrorCode::parse_error, "/complaints/0/received");
        check_error(
            [&] {
                return read_sla_request(
                    one(R"("tier": "A", "severity": "urgent", "received": "2024-06-03 10:00")"));
            },
            ErrorCode::parse_error, "/complaints/0/severity");
        check_error(
            [&] {
                return read_sla_request(one(
                    R"("tier": "A", "severity": "high", "received": "2024-06-03 10:00", "channel": "phone")"));
            },
            ErrorCode::parse_error, "/complaints/0/channel");
        check_error([] { return read_sla_request(R"({"as_of": 20240603, "complaints": []})"); },
                    ErrorCode::parse_error, "/as_of");
        check_error([&] { return read_sla_request(sla_request(c1, R"("working_hours": "18:00-09:00", )")); },
                    ErrorCode::invalid_argument, "/working_hours");
        check_error([] { return read_sla_request(R"({"as_of": "2024-06-03 11:45"})"); },
                    ErrorCode::parse_error, "");
        // what sla_status refuses, at the complaint's pointer
        check_error(answer(one(R"("tier": "Z", "severity": "high", "received": "2024-06-03 10:00")")),
                    ErrorCode::not_found, "/complaints/0/tier");
        check_error(answer(one(R"("tier": "B", "severity": "critical", "received": "2024-06-03 10:00")")),
                    ErrorCode::not_found, "/complaints/0/severity");
        check_error(
            answer(one(
                R"("tier": "A", "severity": "high", "received": "2024-06-03 10:00", "responded": "2024-06-03 09:00")")),
            ErrorCode::inconsistent, "/complaints/0/responded");
        check_error(answer(one(R"("tier": "A", "severity": "high", "received": "2024-06-03 12:00")")),
                    ErrorCode::invalid_argument, "/as_of");
        check_error(answer(sla_request(c1, R"("calendar": "plant", )")), ErrorCode::not_found, "/calendar");
        check_error([&] { return crm::io::sla(set, read_sla_request(R"({"complaints": []})")); },
                    ErrorCode::not_found, "/as_of");
        // in 2027 v2 is in force, but the strict China calendar has no data for that year
        check_error(
            answer(R"({"as_of": "2027-06-03 11:45", "complaints": [{"id": "C-1", "account": "A", "tier": "A",
                                "severity": "high", "received": "2027-06-03 10:00"}]})"),
            ErrorCode::out_of_range, "/complaints/0");
    }

    TEST_CASE("a property: the SLA answer is account::sla_status on the same complaint") {
        const auto set = crm::io::read_policy_set(policy);
        const account::SlaPolicy& table = set.versions[0].account.sla;
        const crm::Calendar china = crm::china_mainland_calendar();
        Rng rng(0x51a);
        const char* const severities[] = {"high", "critical"};
        const char* const tiers[] = {"A", "B"};
        const auto stamp = [&rng](int day) {
            char text[32];
            std::snprintf(text, sizeof text, "2024-06-%02d %02d:%02d", day,
                          static_cast<int>(rng.between(0, 23)), static_cast<int>(rng.between(0, 59)));
            return std::string(text);
        };
        for (int round = 0; round < 300; ++round) {
            const int day = static_cast<int>(rng.between(1, 20));
            const std::string received = stamp(day);
            const std::string severity = severities[rng.below(2)];
            const std::string tier = tiers[rng.below(2)];
            const bool known = !(severity == "critical" && tier == "B");
            const bool responded = rng.coin();
            const std::string response = stamp(day + static_cast<int>(rng.between(0, 2)));
            const std::string as_of = stamp(day + static_cast<int>(rng.between(0, 6)));
            const std::string text =
                R"({"as_of": ")" + as_of + R"(", "complaints": [{"id": "C", "account": "A", "tier": ")" +
                tier + R"(", "severity": ")" + severity + R"(", "received": ")" + received + "\"" +
                (responded ? R"(, "responded": ")" + response + "\"" : std::string()) + "}]}";
            CAPTURE(text);
            const auto r = crm::io::read_sla_request(text);
            const account::Complaint& c = r.complaints.at(0);
            const DateTime at = *r.as_of;
            if (!known) {
                crm::test::check_error([&] { return crm::io::sla(set, r); }, ErrorCode::not_found,
                                       "/complaints/0/severity");
                continue;
            }
            if (responded && *c.responded < c.received) {
                crm::test::check_error([&] { return crm::io::sla(set, r); }, ErrorCode::inconsistent,
                                       "/complaints/0/responded");
                continue;
            }
            if (at < c.received) {
                crm::test::check_error([&] { return crm::io::sla(set, r); }, ErrorCode::invalid_argument,
                                       "/as_of");
                continue;
            }
            const auto a = crm::io::sla(set, r);
            CHECK(a.complaints.at(0).status == account::sla_status(table, c, china, crm::WorkingHours{}, at));
            CHECK(a.complaints.at(0).reasons ==
                  account::sla_reasons(c, a.complaints.at(0).status, set.versions[0].approval.roles));
        }
    }
}
