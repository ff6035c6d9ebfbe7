// Price requests: a worked request priced through the documents, bad input naming the JSON
// Pointer, and the property that the answer is the pricing library's own (io adds no rule).

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/pricing.hpp>
#include <crm/pricing/rule_book.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::ErrorCode;
using crm::Money;
using crm::Outcome;
using crm::test::Rng;
namespace pricing = crm::pricing;

namespace {

// PUMP-100 list 1000.00; 5% off from 50 (inclusive) to 100 (exclusive), 8% from 100, competing
// in one group; 3% off for government buyers after it. Authority: rep 5%, manager 10%.
const char* const policy = R"({"versions": [{"id": "v1", "effective_from": "2025-01-01", "pricing": {
  "book": {
    "entries": [{"product": "PUMP-100", "currency": "CNY", "list_price": "1000.00"}],
    "rules": [
      {"id": "Q50", "kind": "quantity_break", "group": "qty", "when": {"min_quantity": "50", "max_quantity": "100"},
       "action": {"kind": "percent_off", "percent": "5%"}},
      {"id": "Q100", "kind": "quantity_break", "group": "qty", "when": {"min_quantity": "100"},
       "action": {"kind": "percent_off", "percent": "8%"}},
      {"id": "GOV", "kind": "segment_discount", "sequence": 2, "when": {"segments": ["government"]},
       "action": {"kind": "percent_off", "percent": "3%"}}],
    "groups": [{"name": "qty", "sequence": 1}],
    "policy": {"unit_price_scale": 2}},
  "authority": {"rows": [{"role": "rep", "rank": 1, "max_discount": "5%"},
                         {"role": "manager", "rank": 2, "max_discount": "10%"}]}}}]})";

std::string request(const std::string& quantity, const std::string& role = "\"rep\"") {
    return R"({"context": {"account": "ACME", "segment": "government"},
               "lines": [{"product": "PUMP-100", "currency": "CNY", "quantity": )" +
           quantity + R"(}], "as_of": "2025-03-01", "role": )" + role + "}";
}

}  // namespace

TEST_SUITE("io.pricing_request") {
    TEST_CASE("a worked price request through the documents") {
        const auto set = crm::io::read_policy_set(policy);
        const auto r = crm::io::read_price_request(request("\"60\""), "r.json");
        CHECK(r.context.segment == "government");
        CHECK(r.lines.at(0).unit == "EA");
        CHECK(r.role == crm::RoleId{"rep"});
        const auto a = crm::io::price(set, r);
        // 1000 x 0.95 (Q50: 60 is in [50, 100)) = 950; x 0.97 (GOV) = 921.50; x 60 = 55,290.00;
        // VAT 13% = 7,187.70. 7.85% off list: beyond the rep's 5%, within the manager's 10%.
        const pricing::PricedLine& line = a.document.lines.at(0);
        CHECK(line.unit_price == Money{"921.50", "CNY"});
        CHECK(line.net_amount == Money{"55290.00", "CNY"});
        CHECK(line.tax == Money{"7187.70", "CNY"});
        REQUIRE(line.waterfall.size() == 3);
        CHECK(line.waterfall[1].rule == crm::RuleId{"Q50"});
        CHECK(line.waterfall[2].rule == crm::RuleId{"GOV"});
        REQUIRE(line.not_applied.size() == 1);
        CHECK(line.not_applied[0].rule == crm::RuleId{"Q100"});
        CHECK(line.not_applied[0].condition == "quantity");
        REQUIRE(a.authority.size() == 1);
        CHECK(a.authority[0].role == crm::RoleId{"manager"});
        CHECK(a.decision.outcome() == Outcome::needs_approval);
        CHECK(a.decision.has("pricing.within_authority"));
        const std::string doc = crm::io::write_price(a, crm::Lang::en);
        CHECK(doc.find(R"("amount": "55290.00")") != std::string::npos);
        CHECK(doc.find(R"("outcome": "needs_approval")") != std::string::npos);
        CHECK(doc.find("may be granted by manager") != std::string::npos);
        CHECK(doc.find(R"("condition": "quantity")") != std::string::npos);
        // the manager may grant it; without a role there is no authority check
        CHECK(crm::io::price(set, crm::io::read_price_request(request("\"60\"", "\"manager\"")))
                  .decision.outcome() == Outcome::allow);
        const auto none = crm::io::price(set, crm::io::read_price_request(request("\"60\"", "null")));
        CHECK(none.authority.empty());
        CHECK(none.decision.outcome() == Outcome::allow);
    }

    TEST_CASE("bad price requests name the JSON Pointer") {
        crm::test::check_error([] { return crm::io::read_price_request(request("60"), "r"); },
                               ErrorCode::parse_error, "/lines/0/quantity");
        crm::test::check_error([] { return crm::io::read_price_request(request("\"-1\""), "r"); },
                               ErrorCode::invalid_argument, "/lines/0/quantity");
        crm::test::check_error([] { return crm::io::read_price_request(request("\"1\"", "7"), "r"); },
                               ErrorCode::parse_error, "/role");
        crm::test::check_error(
            [] { return crm::io::read_price_request(R"({"lines": [], "context": {"acount": "A"}})", "r"); },
            ErrorCode::parse_error, "/context/acount");
        crm::test::check_error([] { return crm::io::read_price_request(R"({"as_of": "2025-03-01"})", "r"); },
                               ErrorCode::parse_error, "");
        const auto set = crm::io::read_policy_set(policy);
        crm::test::check_error(
            [&] { return crm::io::price(set, crm::io::read_price_request(request("\"1\"", "\"intern\""))); },
            ErrorCode::not_found, "/role");
        crm::test::check_error(
            [&] { return crm::io::price(set, crm::io::read_price_request(R"({"lines": []})")); },
            ErrorCode::not_found, "/as_of");
    }

    TEST_CASE("a property: the answer is the pricing library's and the authority follows the ranks") {
        const auto set = crm::io::read_policy_set(policy);
        const pricing::RuleBook book(set.versions[0].pricing.book);
        Rng rng(0x9121);
        for (int round = 0; round < 200; ++round) {
            const std::string q = std::to_string(rng.between(0, 300));
            const bool manager = rng.coin();
            CAPTURE(q);
            const auto r =
                crm::io::read_price_request(request("\"" + q + "\"", manager ? "\"manager\"" : "\"rep\""));
            const auto a = crm::io::price(set, r);
            CHECK(a.document == pricing::price_document(book, r.lines, r.context, Date{2025, 3, 1}));
            const auto need =
                pricing::authority_needed(a.document.lines[0], set.versions[0].pricing.authority);
            CHECK(a.authority.at(0) == need);
            const int asking = manager ? 2 : 1;
            const Outcome expected =
                !need.role ? Outcome::block : (need.rank > asking ? Outcome::needs_approval : Outcome::allow);
            CHECK(a.decision.outcome() == expected);
        }
    }
}
