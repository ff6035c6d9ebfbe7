// Route and verify requests: a worked request routed and verified through the documents, bad
// input naming the JSON Pointer, and the property that the answers are the approval library's.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>
#include <crm/io/approval.hpp>
#include <crm/io/json.hpp>
#include <crm/io/pricing.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::ErrorCode;
using crm::Outcome;
using crm::test::Rng;
namespace approval = crm::approval;

namespace {

// Discounts 5% or more: the regional manager; 10% or more: also the sales director.
const char* const policy =
    R"({"versions": [{"id": "v1", "effective_from": "2025-01-01", "approval": {"rows": [
  {"id": "D1", "kind": "discount", "over": {"percent": "5%"}, "levels": [{"role": "regional_manager"}]},
  {"id": "D2", "kind": "discount", "over": {"percent": "10%"},
   "levels": [{"role": "regional_manager"}, {"role": "sales_director"}]}]}}]})";

const char* const people = R"([
    {"id": "wang", "role": "sales_rep", "manager": "li"},
    {"id": "li", "role": "regional_manager", "manager": "zhao"},
    {"id": "zhao", "role": "sales_director"}])";

std::string route_request(const std::string& percent, const std::string& extra = "") {
    return R"({"request": {"id": "Q-1", "kind": "discount", "requester": "wang", "percent": )" + percent +
           R"(}, "people": )" + people + R"(, "as_of": "2025-03-01")" + extra + "}";
}

}  // namespace

TEST_SUITE("io.approval_request") {
    TEST_CASE("a worked route and verify request through the documents") {
        const auto set = crm::io::read_policy_set(policy);
        const auto r = crm::io::read_route_request(route_request("\"12%\""), "r.json");
        CHECK(r.request.kind == approval::RequestKind::discount);
        CHECK(r.request.percent == crm::Percent{"12"});
        CHECK(r.people.size() == 3);
        // 12% passes the 10% band: regional manager (stage 0), then sales director (stage 1)
        const auto a = crm::io::route(set, r);
        CHECK(a.policy_version == "v1");
        REQUIRE(a.route.steps.size() == 2);
        CHECK(a.route.steps[0].level.role == crm::RoleId{"regional_manager"});
        CHECK(a.route.steps[1].level.role == crm::RoleId{"sales_director"});
        CHECK(a.route.steps[1].rule == crm::RuleId{"D2"});
        CHECK(a.decision.outcome() == Outcome::needs_approval);
        CHECK(a.fingerprint == approval::fingerprint(r.request));
        const std::string doc = crm::io::write_route(a, crm::Lang::en);
        CHECK(doc.find("\"fingerprint\": \"" + approval::to_string(a.fingerprint) + "\"") !=
              std::string::npos);

        const std::string fp = approval::to_string(a.fingerprint);
        const auto record = [&](const char* level, const char* who, const char* date) {
            return std::string(R"({"request": "Q-1", "fingerprint": ")") + fp + R"(", "level": ")" + level +
                   R"(", "approver": ")" + who + R"(", "date": ")" + date + "\"}";
        };
        const auto one = crm::io::read_verify_request(route_request(
            "\"12%\"", ", \"approvals\": [" + record("regional_manager", "li", "2025-03-02") + "]"));
        CHECK(crm::io::verify(set, one).decision.outcome() == Outcome::needs_approval);
        const auto both = crm::io::read_verify_request(
            route_request("\"12%\"", ", \"approvals\": [" + record("regional_manager", "li", "2025-03-02") +
                                         ", " + record("sales_director", "zhao", "2025-03-03") + "]"));
        const auto v = crm::io::verify(set, both);
        CHECK(v.decision.outcome() == Outcome::allow);
        CHECK(v.decision.has("approval.satisfied"));
        CHECK(crm::io::write_verify(v, crm::Lang::zh).find("\"outcome\": \"allow\"") != std::string::npos);
    }

    TEST_CASE("bad route and verify requests name the JSON Pointer") {
        using crm::io::read_route_request;
        using crm::io::read_verify_request;
        crm::test::check_error([] { return read_route_request(route_request("12")); }, ErrorCode::parse_error,
                               "/request/percent");
        crm::test::check_error([] { return read_route_request(route_request("\"-1\"")); },
                               ErrorCode::invalid_argument, "/request/percent");
        crm::test::check_error(
            [] { return read_route_request(route_request("\"1\"", ", \"lang\": \"fr\"")); },
            ErrorCode::parse_error, "/lang");
        crm::test::check_error([] { return read_route_request(route_request("\"1\"", ", \"org\": []")); },
                               ErrorCode::parse_error, "/org");
        crm::test::check_error(
            [] {
                return read_verify_request(route_request(
                    "\"1\"",
                    R"(, "approvals": [{"request": "Q-1", "fingerprint": "00", "level": "x", "approver": "li", "date": "2025-03-01"}])"));
            },
            ErrorCode::parse_error, "/approvals/0/fingerprint");
        crm::test::check_error(
            [] {
                return read_verify_request(route_request(
                    "\"1\"",
                    R"(, "delegations": [{"principal": "li", "delegate": "li", "kinds": ["discount"], "from": "2025-01-01", "to": "2025-12-31"}])"));
            },
            ErrorCode::invalid_argument, "/delegations/0/delegate");
        const auto set = crm::io::read_policy_set(policy);
        const auto r = read_route_request(R"({"request": {"id": "Q", "kind": "discount", "requester": "wang"},
            "people": [{"id": "wang", "role": "ceo"}], "as_of": "2025-03-01"})");
        crm::test::check_error([&] { return crm::io::route(set, r); }, ErrorCode::not_found,
                               "/people/0/role");
    }

    TEST_CASE("a property: the answers are the approval library's and routes grow with the discount") {
        const auto set = crm::io::read_policy_set(policy);
        const auto& v = set.versions[0];
        const approval::Matrix matrix(v.approval.rows, v.approval.roles, v.approval.currency);
        Rng rng(0xA7);
        for (int round = 0; round < 200; ++round) {
            const auto lo = rng.between(0, 1500);
            const auto hi = lo + rng.between(0, 500);
            const auto at = [&](std::int64_t hundredths) {
                const std::string p = crm::Decimal::scaled(hundredths, -2).to_string();
                return crm::io::read_route_request(route_request("\"" + p + "%\""));
            };
            const auto a = at(lo);
            const auto b = at(hi);
            CAPTURE(lo);
            CAPTURE(hi);
            const crm::OrgChart org(v.approval.roles, a.people);
            const auto ra = crm::io::route(set, a);
            CHECK(ra.route == approval::route(matrix, a.request, org));
            CHECK(approval::requires_at_least(crm::io::route(set, b).route, ra.route));
            CHECK(crm::io::verify(set, crm::io::VerifyRequest{.route = a}).decision ==
                  approval::verify(ra.route, {}, a.request, org, {}));
        }
    }
}

TEST_SUITE("io.approval_request") {
    TEST_CASE("the request examples of docs/documents.md read") {
        std::ifstream in(CRM_SOURCE_DIR "/docs/documents.md");
        REQUIRE(in);
        const std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto block = [&](const std::string& schema) {
            const std::size_t at = md.find("<!-- schema: " + schema + " -->\n```json\n");
            REQUIRE(at != std::string::npos);
            const std::size_t start = md.find("```json\n", at) + 8;
            return md.substr(start, md.find("```", start) - start);
        };
        const auto r = crm::io::read_route_request(block("route_request"), "documents.md#route-request");
        CHECK(r.request.percent == crm::Percent{"12"});
        const auto v = crm::io::read_verify_request(block("verify_request"), "documents.md#verify-request");
        REQUIRE(v.approvals.size() == 1);
        // the documented fingerprint is the one of the documented request (what crm route prints)
        CHECK(v.route.request == r.request);
        CHECK(v.approvals[0].fingerprint == approval::fingerprint(v.route.request));
        CHECK(v.delegations.at(0).kinds == std::vector{approval::RequestKind::discount});
        const auto p = crm::io::read_price_request(block("price_request"), "documents.md#price-request");
        CHECK(p.lines.at(0).quantity == crm::Decimal::parse("60"));
    }
}
