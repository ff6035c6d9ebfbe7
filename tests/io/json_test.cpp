// The JSON documents: what each reader accepts, the errors it gives (a JSON Pointer and the
// file, line and column), and the canonical form the writers produce.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/scoring.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "../support/errors.hpp"

using crm::Date;
using crm::ErrorCode;
using crm::Money;
using crm::Percent;
using namespace crm::io;
using crm::test::check_error;

namespace {

/// The message of the crm::Error `f` throws ("" when none).
template <class F>
std::string message_of(F&& f) {
    try {
        (void)f();
    } catch (const crm::Error& e) {
        return e.message();
    }
    FAIL_CHECK("no crm::Error thrown");
    return {};
}

const char* const minimal_set = R"({"versions": [{"id": "v1", "effective_from": "2025-01-01"}]})";

}  // namespace

TEST_SUITE("io.json") {
    TEST_CASE("positions count lines and UTF-8 characters from 1") {
        const std::string text = "{\n  \"名称\": 1\n}";
        CHECK(position_of(text, 0) == TextPosition{1, 1});
        CHECK(position_of(text, 2) == TextPosition{2, 1});
        // `"名称": ` : the quote, two characters of three bytes each, the quote, colon, space.
        CHECK(position_of(text, text.find('1')) == TextPosition{2, 9});
        CHECK(position_of(text, 999) == position_of(text, text.size()));
    }

    TEST_CASE("locate finds a pointer's value or its deepest present ancestor") {
        const std::string text = R"({"a": {"b": [10, {"c": "x"}], "d~/e": true}})";
        CHECK(locate(text, "") == 0);
        CHECK(locate(text, "/a") == text.find("{\"b\""));
        CHECK(locate(text, "/a/b/0") == text.find("10"));
        CHECK(locate(text, "/a/b/1/c") == text.find("\"x\""));
        CHECK(locate(text, "/a/d~0~1e") == text.find("true"));
        CHECK(locate(text, "/a/b/7") == text.find('['));        // no such element: the array
        CHECK(locate(text, "/a/zz/q") == text.find("{\"b\""));  // no such key: the object
        CHECK(locate("not json", "/a") == 0);
    }

    TEST_CASE("library paths become JSON Pointers") {
        CHECK(to_json_pointer("versions[1].credit.policies[2].warn_utilisation") ==
              "/versions/1/credit/policies/2/warn_utilisation");
        CHECK(to_json_pointer("") == "");
        CHECK(to_json_pointer("a/b") == "/a~1b");
    }

    TEST_CASE("a minimal policy set takes every documented default") {
        const auto set = read_policy_set(minimal_set, "p.json");
        REQUIRE(set.versions.size() == 1);
        CHECK(set.versions[0].id == "v1");
        CHECK(set.versions[0].effective_from == Date{2025, 1, 1});
        CHECK(set.versions[0] == crm::policy::PolicyVersion{.id = "v1", .effective_from = Date{2025, 1, 1}});
    }

    TEST_CASE("a credit policy row reads every member and null means not given") {
        const auto set = read_policy_set(R"({"versions": [{"id": "v", "effective_from": "2025-01-01",
            "credit": {"policies": [{"tier": "A", "segment": "政府单位", "warn_utilisation": null,
              "tolerance": {"amount": {"amount": "50000.00", "currency": "CNY"}, "percent": "5", "rule": "larger"},
              "overdue": {"max_days_past_due": null, "max_overdue_amount": {"amount": "1.00", "currency": "CNY"}, "grace": 3},
              "limit_valid_months": 6, "on_hold": "needs_approval", "on_expired_limit": "block",
              "exposure": {"shipped_not_invoiced": false}, "conversion_rounding": "half_even"}]}}]})");
        const auto& row = set.versions[0].credit.policies.at(0);
        CHECK(row.tier == "A");
        CHECK(row.segment == "政府单位");
        const auto& p = row.policy;
        CHECK_FALSE(p.warn_utilisation.has_value());
        CHECK(p.tolerance.amount == Money{"50000.00", "CNY"});
        CHECK(p.tolerance.percent == Percent{"5"});  // "5" and "5%" both read as five per cent
        CHECK(p.tolerance.rule == crm::credit::ToleranceRule::larger);
        CHECK_FALSE(p.overdue.max_days_past_due.has_value());
        CHECK(p.overdue.grace == crm::Days{3});
        CHECK(p.limit_valid_months == 6);
        CHECK(p.on_hold == crm::credit::Escalation::needs_approval);
        CHECK_FALSE(p.exposure.shipped_not_invoiced);
        CHECK(p.exposure.open_orders);  // left out: the default
        CHECK(p.conversion_rounding == crm::RoundingMode::half_even);
    }

    TEST_CASE("a JSON number where money is expected is refused saying why") {
        const char* doc = R"({"id": "SO-1", "amount": {"amount": 12.5, "currency": "CNY"}})";
        check_error([&] { return read_order(doc, "o.json"); }, ErrorCode::parse_error, "/amount/amount");
        const std::string m = message_of([&] { return read_order(doc, "o.json"); });
        CHECK_MESSAGE(m.starts_with("o.json:1:37: "), m);
        CHECK(m.find("binary floating-point") != std::string::npos);
        // a whole amount given as a number is refused too: the rule is about the kind, not the value
        check_error([] { return read_order(R"({"id": "S", "amount": 100})"); }, ErrorCode::parse_error,
                    "/amount");
    }

    TEST_CASE("every reader error names the JSON Pointer and the position") {
        struct Case {
            const char* name;
            const char* text;
            ErrorCode code;
            const char* pointer;
            const char* at;  // file:line:column
        };
        const Case cases[] = {
            {"unknown key",
             "{\"versions\": [{\"id\": \"v\", \"effective_from\": \"2025-01-01\",\n \"credt\": {}}]}",
             ErrorCode::parse_error, "/versions/0/credt", "f:2:11: "},
            {"key given twice", R"({"versions": [], "versions": []})", ErrorCode::duplicate, "/versions",
             "f:1:18: "},
            {"wrong kind", R"({"versions": {}})", ErrorCode::parse_error, "/versions", "f:1:14: "},
            {"missing key", R"({"versions": [{"id": "v"}]})", ErrorCode::parse_error, "/versions/0",
             "f:1:15: "},
            {"bad date", R"({"versions": [{"id": "v", "effective_from": "2025-13-01"}]})",
             ErrorCode::invalid_date, "/versions/0/effective_from", "f:1:45: "},
            {"unknown enumerator",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "credit": {"policies": [{"tier": "A", "on_hold": "stop"}]}}]})",
             ErrorCode::parse_error, "/versions/0/credit/policies/0/on_hold", "f:1:108: "},
            {"semantic error after reading",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "credit": {"policies": [{"tier": "A", "warn_utilisation": "0%"}]}}]})",
             ErrorCode::invalid_argument, "/versions/0/credit/policies/0/warn_utilisation", "f:1:117: "},
            {"semantic error on a member left out (its object)",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "account": {"visits": {"tiers": []}}}]})",
             ErrorCode::invalid_argument, "/versions/0/account/visits/tiers", "f:1:91: "},
            {"aging buckets with a gap",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "credit": {"aging_buckets": [{"label": "a", "from_days": 0, "to_days": 9}, {"label": "b", "from_days": 11, "to_days": null}]}}]})",
             ErrorCode::inconsistent, "/versions/0/credit/aging_buckets/1/from_days", "f:1:162: "},
            {"provision buckets checked where read",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "credit": {"provisions": {"buckets": [{"label": "a", "from_days": 1, "to_days": null}]}}}]})",
             ErrorCode::inconsistent, "/versions/0/credit/provisions/buckets/0/from_days", "f:1:125: "},
            {"duplicate version id",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01"}, {"id": "v", "effective_from": "2026-01-01"}]})",
             ErrorCode::duplicate, "/versions/1/id", "f:1:67: "},
            {"not yet readable",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "approval": []}]})",
             ErrorCode::parse_error, "/versions/0/approval", "f:1:71: "},
            {"malformed", R"({"versions": [}])", ErrorCode::parse_error, "", "f:1:15: not valid JSON"},
            {"truncated", R"({"versions": [)", ErrorCode::parse_error, "",
             "f:1:15: the document ends too early"},
            {"empty", "", ErrorCode::parse_error, "", "f:1:1: the document ends too early"},
            {"invalid UTF-8", "{\"company\": \"\xC3\x28\", \"versions\": []}", ErrorCode::parse_error, "",
             "f:1:15: not valid JSON"},
            {"a number beyond a double", R"({"versions": [1e400]})", ErrorCode::overflow, "",
             "f:1:15: the number 1e400"},
            {"an integer beyond 64 bits",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "account": {"pool": {"max_accounts_per_rep": 99999999999999999999}}}]})",
             ErrorCode::overflow, "/versions/0/account/pool/max_accounts_per_rep", "f:1:104: "},
            {"a fraction where days are expected",
             R"({"versions": [{"id": "v", "effective_from": "2025-01-01", "account": {"pool": {"reclaim_cooldown": 1.5}}}]})",
             ErrorCode::parse_error, "/versions/0/account/pool/reclaim_cooldown", "f:1:100: "},
        };
        for (const auto& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            check_error([&] { return read_policy_set(c.text, "f"); }, c.code, c.pointer);
            const std::string message = message_of([&] { return read_policy_set(c.text, "f"); });
            CHECK_MESSAGE(message.starts_with(c.at), message);
        }
    }

    TEST_CASE("a credit account document reads the profile and items and orders and rates") {
        const char* doc = R"({
          "profile": {"account": "A-1", "limit": {"amount": "1000000.00", "currency": "CNY"},
                      "hold": {"reason": "冻结: 诉讼中", "since": "2025-01-02"}, "rating": "B",
                      "limit_reviewed_on": "2024-06-30"},
          "tier": "B", "segment": "经销商",
          "receivables": [{"invoice": "I-1", "invoiced_on": "2025-01-01", "due_on": "2025-01-31",
                           "open_amount": {"amount": "100.00", "currency": "USD"}}],
          "open_orders": [{"id": "SO-1", "amount": {"amount": "5.00", "currency": "CNY"}}],
          "rates": [{"from": "USD", "rate": "7.10"}]})";
        const CreditAccount a = read_credit_account(doc);
        CHECK(a.profile.limit == Money{"1000000.00", "CNY"});
        REQUIRE(a.profile.hold.has_value());
        CHECK(a.profile.hold->since == Date{2025, 1, 2});
        CHECK(a.receivables.at(0).open_amount == Money{"100.00", "USD"});
        CHECK(a.snapshot().open_orders.size() == 1);
        CHECK(a.rates.at(0).rate == crm::Decimal{"7.1"});

        check_error(
            [] {
                return read_credit_account(
                    R"({"tier": "A", "profile": {"account": "A", "limit": {"amount": "-1", "currency": "CNY"}, "limit_reviewed_on": "2025-01-01"}})");
            },
            ErrorCode::invalid_argument, "/profile/limit");
        // a due date before the invoice date is a prepayment request (先款后票), not an error
        const auto prepaid = read_credit_account(
            R"({"tier": "A", "profile": {"account": "A", "limit": {"amount": "1", "currency": "CNY"}},
              "receivables": [{"invoice": "I", "invoiced_on": "2025-02-01", "due_on": "2025-01-01", "open_amount": {"amount": "1", "currency": "CNY"}}]})");
        REQUIRE(prepaid.receivables.size() == 1);
        CHECK(prepaid.receivables[0].due_on < prepaid.receivables[0].invoiced_on);
        CHECK_FALSE(prepaid.profile.limit_reviewed_on.has_value());  // not given: no expiry check
        check_error(
            [] {
                return read_credit_account(
                    R"({"tier": "A", "profile": {"account": "A", "limit": {"amount": "1", "currency": "CNY"}, "limit_reviewed_on": "2025-01-01"},
              "rates": [{"from": "USD", "rate": "0"}]})");
            },
            ErrorCode::invalid_argument, "/rates/0/rate");
        check_error(
            [] {
                return read_credit_account(
                    R"({"tier": "A", "profile": {"account": "A", "limit": {"amount": "1", "currency": "CNY"}, "limit_reviewed_on": "2025-01-01", "terms": {}}})");
            },
            ErrorCode::parse_error, "/profile/terms");
    }

    TEST_CASE("a receivables ledger checks its items and rates") {
        const auto l =
            read_receivables(R"({"receivables": [{"invoice": "I", "account": "A", "invoiced_on": "2025-01-01",
            "due_on": "2025-01-31", "open_amount": {"amount": "10.00", "currency": "CNY"}}], "regions": [{"account": "A", "region": "east"}]})");
        CHECK_FALSE(l.currency.has_value());
        CHECK(l.regions.at(0).region == crm::RegionId{"east"});
        check_error(
            [] {
                return read_receivables(
                    R"({"receivables": [{"invoice": "I", "invoiced_on": "2025-01-01", "due_on": "2025-01-31",
                "open_amount": {"amount": "10.001", "currency": "CNY"}}]})");
            },
            ErrorCode::invalid_argument, "/receivables/0/open_amount");
    }

    TEST_CASE("writing is canonical with sorted keys and every member and a final newline") {
        const std::string a =
            write_order(crm::credit::Order{.id = crm::OrderId{"SO-1"}, .amount = Money{"12.50", "CNY"}});
        CHECK(a ==
              "{\n  \"amount\": {\n    \"amount\": \"12.50\",\n    \"currency\": \"CNY\"\n  },\n  \"id\": "
              "\"SO-1\"\n}\n");
        const auto set = read_policy_set(minimal_set);
        const std::string once = write_policy_set(set);
        CHECK(write_policy_set(read_policy_set(once)) == once);             // a fixed point
        CHECK(once.find("\"warn_utilisation\"") == std::string::npos);      // no credit rows by default
        CHECK(once.find("\"reclaim_cooldown\": 30") != std::string::npos);  // defaults are written out
    }

    TEST_CASE("what a document cannot carry yet is refused on writing and never dropped") {
        CreditAccount a;
        a.profile.terms.name = "月结30天";
        check_error([&] { return write_credit_account(a); }, ErrorCode::invalid_operation, "profile.terms");
    }

    TEST_CASE("every example of docs/documents.md reads") {
        std::ifstream in(CRM_SOURCE_DIR "/docs/documents.md");
        REQUIRE(in);
        const std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // each ```json block follows a marker naming its schema: <!-- schema: policy_set -->
        std::map<std::string, std::vector<std::string>> blocks;
        for (std::size_t at = md.find("```json\n"); at != std::string::npos; at = md.find("```json\n", at)) {
            const std::size_t marker = md.rfind("<!-- schema: ", at);
            REQUIRE(marker != std::string::npos);
            const std::size_t name_end = md.find(" -->", marker);
            REQUIRE(md.find_first_not_of(" \n", name_end + 4) == at);  // the marker is right before the block
            const std::string name = md.substr(marker + 13, name_end - marker - 13);
            const std::size_t start = at + 8;
            const std::size_t end = md.find("```", start);
            REQUIRE(end != std::string::npos);
            blocks[name].push_back(md.substr(start, end - start));
            at = end + 3;
        }
        REQUIRE(blocks["policy_set"].size() >= 1);
        REQUIRE(blocks["credit_account"].size() == 1);
        REQUIRE(blocks["order"].size() == 1);
        REQUIRE(blocks["receivables"].size() == 1);
        const auto set = read_policy_set(blocks["policy_set"][0], "documents.md#policy-set");
        CHECK(set.versions.at(0).credit.policies.size() == 3);
        for (const auto& b : blocks["policy_set"]) CHECK_NOTHROW((void)read_policy_set(b, "documents.md"));
        CHECK(read_credit_account(blocks["credit_account"][0], "documents.md#credit-account").tier == "B");
        CHECK(read_order(blocks["order"][0], "documents.md#order").amount == Money{"550000.00", "CNY"});
        CHECK(read_receivables(blocks["receivables"][0], "documents.md#receivables").receivables.size() == 2);
        // the score and SLA requests, answered against the policy examples their text refers to
        REQUIRE(blocks["score_request"].size() == 1);
        REQUIRE(blocks["sla_request"].size() == 1);
        const auto scoring_request =
            read_score_request(blocks["score_request"][0], "documents.md#score-request");
        const auto sla_request = read_sla_request(blocks["sla_request"][0], "documents.md#sla-request");
        int scored = 0;
        int timed = 0;
        for (const auto& b : blocks["policy_set"]) {
            const auto p = read_policy_set(b, "documents.md");
            if (!p.versions.at(0).scoring.scorecards.empty()) {
                // ACC-1: 10.0000 + 15.0000 + 8.0000 + 14.0000 = 47.0000, C; ACC-2: 80.9990, A
                const auto a = score(p, scoring_request);
                CHECK(crm::scoring::to_string(a.subjects.at(0).result.total) == "47.0000");
                CHECK(a.subjects.at(0).result.grade == "C");
                CHECK(crm::scoring::to_string(a.subjects.at(1).result.total) == "80.9990");
                CHECK(a.subjects.at(1).rank == 1);
                ++scored;
            }
            if (p.versions.at(0).account.sla.at_risk == Percent{"75"}) {
                // C-1: 105 of 120 business minutes, 87.5% >= 75%: at risk
                const auto a = sla(p, sla_request);
                CHECK(a.complaints.at(0).status.state == crm::account::SlaState::at_risk);
                CHECK(a.complaints.at(0).status.response.elapsed == crm::Minutes{105});
                ++timed;
            }
        }
        CHECK(scored == 1);
        CHECK(timed == 1);
    }
}
