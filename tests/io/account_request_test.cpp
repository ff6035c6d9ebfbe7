// Account requests (crm pool, crm visits): worked requests answered through the documents, bad
// input naming the JSON Pointer, and the property that the answers are the account library's
// own (io adds no rule: it only reads, picks the version, maps errors and writes).

#include <crm/account/pool.hpp>
#include <crm/account/visit.hpp>
#include <crm/core/error.hpp>
#include <crm/io/account.hpp>
#include <crm/io/json.hpp>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/files.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::ErrorCode;
using crm::test::Rng;
namespace account = crm::account;
namespace io = crm::io;

namespace {

// v1 (2024-01-01): the default pool (A exempt; B 30 days without follow-up or 180 without a
// deal; C 15 and 90), exclusive: "超过30天" releases on day 31. Visits A monthly, B every two
// months. v2 (2025-01-01): the same limits, inclusive ("30天以上" releases on day 30), and
// visits B every three months.
const char* const policy = R"({"versions": [
  {"id": "v1", "effective_from": "2024-01-01",
   "account": {"visits": {"tiers": [{"tier": "A", "every_months": 1}, {"tier": "B", "every_months": 2}]}}},
  {"id": "v2", "effective_from": "2025-01-01",
   "account": {"pool": {"release_after": "inclusive"},
               "visits": {"tiers": [{"tier": "A", "every_months": 1}, {"tier": "B", "every_months": 3}]}}}]})";

crm::policy::PolicySet set() { return io::read_policy_set(policy, "policy.json"); }

std::string request(const std::string& as_of, const std::string& accounts) {
    return R"({"as_of": ")" + as_of + R"(", "accounts": [)" + accounts + "]}";
}

// B, owned by li since 2024-01-10, last follow-up `follow_up`, a deal 2024-12-01.
std::string b_account(const std::string& follow_up) {
    return R"({"id": "ACC-B", "region": "east", "tier": "B", "owner": "li", "created": "2024-01-10",
               "owned_since": "2024-01-10", "last_follow_up": ")" +
           follow_up + R"(", "last_deal": "2024-12-01", "last_visit": "2024-12-15"})";
}

}  // namespace

TEST_CASE("account request: the pool counts 超过 (exclusive) and 以上 (inclusive) as the version says") {
    const auto s = set();
    // v1, exclusive: follow-up 2024-03-01, limit 30. On 2024-03-31 30 days have passed, not more
    // than 30: kept. On 2024-04-01 31 have: released, the last allowed day 2024-03-31 (= since + 30).
    // The deal clock (since 2024-03-01, limit 180) is far from firing on either day.
    const std::string acc24 = R"({"id": "ACC-B", "region": "east", "tier": "B", "owner": "li",
        "created": "2024-01-10", "owned_since": "2024-01-10", "last_follow_up": "2024-03-01",
        "last_deal": "2024-03-01"})";
    const auto kept = io::pool(s, io::read_account_request(request("2024-03-31", acc24)));
    CHECK(kept.policy_version == "v1");
    CHECK(kept.accounts == 1);
    CHECK(kept.releases.empty());
    const auto gone = io::pool(s, io::read_account_request(request("2024-04-01", acc24)));
    REQUIRE(gone.releases.size() == 1);
    REQUIRE(gone.releases[0].no_follow_up);
    CHECK(gone.releases[0].no_follow_up->deadline == Date{2024, 3, 31});
    CHECK(gone.releases[0].no_follow_up->elapsed.count() == 31);
    CHECK(gone.releases[0].no_follow_up->side == crm::Boundary::exclusive);
    CHECK_FALSE(gone.releases[0].no_deal);  // 31 days since the deal, limit 180

    // v2, inclusive: follow-up 2025-03-01; on 2025-03-31 30 days have passed, 30 or more:
    // released, the last allowed day 2025-03-30 (= since + 30 - 1).
    const auto v2 = io::pool(s, io::read_account_request(request("2025-03-31", b_account("2025-03-01"))));
    CHECK(v2.policy_version == "v2");
    REQUIRE(v2.releases.size() == 1);
    CHECK(v2.releases[0].account == crm::AccountId{"ACC-B"});
    CHECK(v2.releases[0].owner == crm::PersonId{"li"});
    CHECK(v2.releases[0].no_follow_up->deadline == Date{2025, 3, 30});
    CHECK(v2.releases[0].no_follow_up->side == crm::Boundary::inclusive);

    // The answer document: the trigger's figures as JSON integers, the reason's text in `lang`.
    const auto j = nlohmann::json::parse(io::write_pool(v2, crm::Lang::zh));
    CHECK(j["policy_version"] == "v2");
    CHECK(j["accounts"] == 1);
    CHECK(j["releases"][0]["no_follow_up"]["limit"] == 30);
    CHECK(j["releases"][0]["no_follow_up"]["elapsed"] == 30);
    CHECK(j["releases"][0]["no_follow_up"]["side"] == "inclusive");
    CHECK(j["releases"][0]["no_deal"].is_null());
    CHECK(j["releases"][0]["reasons"][0]["code"] == "account.release_no_follow_up");
    CHECK(j["releases"][0]["reasons"][0]["text"].get<std::string>().find("以上") != std::string::npos);
}

TEST_CASE("account request: an exempt tier and a pool account never return to the pool") {
    const auto s = set();
    // A is exempt; ACC-P has no owner (it is in the pool already). Both untouched for a year.
    const auto a = io::pool(s, io::read_account_request(request("2025-06-01", R"(
        {"id": "ACC-A", "region": "east", "tier": "A", "owner": "wang", "created": "2024-01-01",
         "last_follow_up": "2024-06-01"},
        {"id": "ACC-P", "region": "east", "tier": "C", "created": "2024-01-01"})")));
    CHECK(a.accounts == 2);
    CHECK(a.releases.empty());
}

TEST_CASE("account request: overdue visits under the cadence of the version in force") {
    const auto s = set();
    // v1, on 2024-06-01: ACC-A (A, monthly) last visited 2024-04-20: due 2024-05-20, 12 days
    // overdue. ACC-B (B, every two months) last visited 2024-05-01: due 2024-07-01, not yet.
    // ACC-N (B) never visited, created 2024-02-15: due 2024-04-15, 47 days overdue (15 + 31 + 1).
    const std::string accounts = R"(
        {"id": "ACC-A", "region": "east", "tier": "A", "owner": "wang", "created": "2024-01-01",
         "last_visit": "2024-04-20"},
        {"id": "ACC-B", "region": "east", "tier": "B", "owner": "li", "created": "2024-01-01",
         "last_visit": "2024-05-01"},
        {"id": "ACC-N", "region": "west", "tier": "B", "created": "2024-02-15"})";
    const auto v1 = io::visits(s, io::read_account_request(request("2024-06-01", accounts)));
    CHECK(v1.policy_version == "v1");
    REQUIRE(v1.overdue.size() == 2);
    CHECK(v1.overdue[0].account == crm::AccountId{"ACC-A"});
    CHECK(v1.overdue[0].due == Date{2024, 5, 20});
    CHECK(v1.overdue[0].overdue.count() == 12);
    CHECK(v1.overdue[1].account == crm::AccountId{"ACC-N"});
    CHECK(v1.overdue[1].due == Date{2024, 4, 15});
    CHECK(v1.overdue[1].overdue.count() == 47);
    CHECK_FALSE(v1.overdue[1].owner);

    // The same accounts a year later under v2 (B every three months): ACC-B due 2024-08-01,
    // ACC-N 2024-05-15; `--as-of` given by the caller when the request has none.
    auto r = io::read_account_request(R"({"accounts": [)" + accounts + "]}");
    const auto v2 = io::visits(s, r, Date{2025, 6, 1});
    CHECK(v2.policy_version == "v2");
    REQUIRE(v2.overdue.size() == 3);
    CHECK(v2.overdue[1].due == Date{2024, 8, 1});
    CHECK(v2.overdue[2].due == Date{2024, 5, 15});

    const auto j = nlohmann::json::parse(io::write_visits(v1, crm::Lang::en));
    CHECK(j["overdue"][1]["owner"].is_null());
    CHECK(j["overdue"][1]["last_visit"].is_null());
    CHECK(j["overdue"][0]["overdue_days"] == 12);
    CHECK(j["overdue"][0]["reason"]["code"] == "account.visit_overdue");
}

TEST_CASE("account request: bad input names the JSON Pointer and nothing is answered") {
    const auto s = set();
    using crm::test::check_error;
    check_error([] { return io::read_account_request(R"({"as_of": "2025-01-01"})"); }, ErrorCode::parse_error,
                "");
    check_error([] { return io::read_account_request(R"({"accounts": [], "as_off": "2025-01-01"})"); },
                ErrorCode::parse_error, "/as_off");
    check_error(
        [] {
            return io::read_account_request(
                R"({"accounts": [{"id": "X", "region": "e", "tier": "A", "created": "2024-02-30"}]})");
        },
        ErrorCode::invalid_date, "/accounts/0/created");
    check_error(
        [] {
            return io::read_account_request(
                R"({"accounts": [{"id": "X", "region": "e", "tier": "A", "created": "2024-02-01", "segment": "retail"}]})");
        },
        ErrorCode::parse_error, "/accounts/0/segment");
    check_error(
        [] {
            return io::read_account_request(R"({"accounts": [{"id": "X", "region": "e", "tier": "A",
                "created": "2024-02-01", "annual_revenue": 1000}]})");
        },
        ErrorCode::parse_error, "/accounts/0/annual_revenue");
    check_error(
        [] {
            return io::read_account_request(R"({"accounts": [
                {"id": "X", "region": "e", "tier": "A", "created": "2024-02-01"},
                {"id": "X", "region": "w", "tier": "B", "created": "2024-03-01"}]})");
        },
        ErrorCode::duplicate, "/accounts/1/id");
    // The facts are read; the rules then find a tier the version does not know, or no day.
    const auto unknown = io::read_account_request(request("2024-06-01", R"(
        {"id": "X", "region": "e", "tier": "A", "created": "2024-02-01"},
        {"id": "Y", "region": "e", "tier": "Z", "owner": "li", "created": "2024-02-01"})"));
    check_error([&] { return io::pool(s, unknown); }, ErrorCode::not_found, "/accounts/1/tier");
    check_error([&] { return io::visits(s, unknown); }, ErrorCode::not_found, "/accounts/1/tier");
    const auto no_day = io::read_account_request(R"({"accounts": []})");
    check_error([&] { return io::pool(s, no_day); }, ErrorCode::not_found, "/as_of");
    check_error([&] { return io::visits(s, no_day, Date{2023, 6, 1}); }, ErrorCode::not_found, "/as_of");
    // A file position comes with the error of a document.
    try {
        (void)io::read_account_request("{\"accounts\": [\n  {\"id\": 7}]}", "acc.json");
        FAIL_CHECK("no crm::Error thrown");
    } catch (const crm::Error& e) {
        CHECK(e.field() == "/accounts/0/id");
        CHECK(std::string(e.what()).find("acc.json:2:") != std::string::npos);
    }
}

TEST_CASE("account request: the answers are the account library own answers over generated accounts") {
    const auto s = set();
    Rng rng(2025);
    const char* const tiers[] = {"A", "B", "C"};
    for (int round = 0; round < 200; ++round) {
        std::string accounts;
        const int n = static_cast<int>(rng.between(0, 12));
        for (int i = 0; i < n; ++i) {
            const Date created = Date{2024, 1, 1} + crm::Days{rng.between(0, 200)};
            const bool owned = rng.coin();
            std::string a = R"({"id": "A)" + std::to_string(i) + R"(", "region": "r", "tier": ")" +
                            tiers[rng.below(rng.coin() ? 2 : 3)] + R"(", "created": ")" +
                            created.to_string() + "\"";
            if (owned) a += R"(, "owner": "p)" + std::to_string(rng.below(3)) + "\"";
            for (const char* key : {"last_follow_up", "last_deal", "last_visit"})
                if (rng.coin())
                    a += std::string(", \"") + key + "\": \"" +
                         (created + crm::Days{rng.between(0, 300)}).to_string() + "\"";
            accounts += (i ? ", " : "") + a + "}";
        }
        const Date as_of = Date{2024, 8, 1} + crm::Days{rng.between(0, 400)};
        auto r = io::read_account_request(request(as_of.to_string(), accounts));
        const auto& v = s.in_force(as_of);
        const bool has_c = [&] {
            for (const auto& a : r.accounts)
                if (a.tier == "C") return true;
            return false;
        }();
        CHECK(io::pool(s, r).releases == account::due_for_release(v.account.pool, r.accounts, as_of));
        if (has_c) {  // the visit cadences know A and B only
            CHECK(crm::test::error_code_of([&] { return io::visits(s, r); }) == ErrorCode::not_found);
        } else {
            CHECK(io::visits(s, r).overdue == account::overdue_visits(v.account.visits, r.accounts, as_of));
        }
        const auto j = nlohmann::json::parse(io::write_pool(io::pool(s, r), crm::Lang::en));
        CHECK(j["releases"].size() == io::pool(s, r).releases.size());
    }
}

TEST_CASE("account request: the example of docs/documents.md against the policy set example") {
    const auto s = io::read_policy_set(crm::test::documents_example("policy_set"), "documents.md");
    const auto r = io::read_account_request(crm::test::documents_example("account_request"), "documents.md");
    // 2025-v1, exclusive: ACC-B last followed up 2025-01-20 may stay through 2025-02-19; on
    // 2025-03-01 40 days have passed. Its deal (2024-12-01, 90 days) is within 180. ACC-A is A: exempt.
    const auto a = io::pool(s, r);
    REQUIRE(a.releases.size() == 1);
    CHECK(a.releases[0].account == crm::AccountId{"ACC-B"});
    REQUIRE(a.releases[0].no_follow_up);
    CHECK(a.releases[0].no_follow_up->deadline == Date{2025, 2, 19});
    CHECK(a.releases[0].no_follow_up->elapsed.count() == 40);
    CHECK_FALSE(a.releases[0].no_deal);
    // The example's visit cadence knows tier A only.
    crm::test::check_error([&] { return io::visits(s, r); }, ErrorCode::not_found, "/accounts/1/tier");
}
