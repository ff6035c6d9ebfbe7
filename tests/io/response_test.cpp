// The request documents (read_*_request) and the answers with their documents (crm/io/response.hpp)
// that the crm command line and the C ABI share: worked examples, bad input naming the request's
// JSON Pointer, and properties over generated ledgers.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/response.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::ErrorCode;
using crm::Money;
using namespace crm::io;
using crm::test::check_error;

namespace {

const char* const policy_text = R"({"company": "华东机电", "versions": [
  {"id": "v1", "effective_from": "2025-01-01",
   "credit": {"policies": [{"tier": "B", "tolerance": {"percent": "10%"}}],
              "aging_buckets": [{"label": "未到期", "from_days": 0, "to_days": 0},
                                {"label": "1-60", "from_days": 1, "to_days": 60},
                                {"label": ">60", "from_days": 61, "to_days": null}]}}]})";

// Account A-1 of tier B: limit 1,000,000.00, 400,000.00 receivable, 100,000.00 on order.
const char* const account_text =
    R"({"profile": {"account": "A-1", "limit": {"amount": "1000000.00", "currency": "CNY"}},
  "tier": "B",
  "receivables": [{"invoice": "INV-1", "account": "A-1", "invoiced_on": "2025-02-12", "due_on": "2025-03-14",
                   "open_amount": {"amount": "400000.00", "currency": "CNY"}}],
  "open_orders": [{"id": "SO-0", "amount": {"amount": "100000.00", "currency": "CNY"}}]})";

std::string check_request(const std::string& order_amount, const std::string& extra = "") {
    return std::string(R"({"account": )") + account_text +
           R"(, "order": {"id": "SO-1", "amount": {"amount": )" + order_amount +
           R"(, "currency": "CNY"}}, "as_of": "2025-03-01")" + extra + "}";
}

Money cny(const char* amount) { return Money{crm::Decimal::parse(amount), crm::Currency{"CNY"}}; }

/// The crm::Error `f` throws ("" field and message when none).
template <class F>
crm::Error error_of(F&& f) {
    try {
        (void)f();
    } catch (const crm::Error& e) {
        return e;
    }
    FAIL_CHECK("no crm::Error thrown");
    return crm::Error(ErrorCode::invalid_argument, "", "");
}

}  // namespace

TEST_SUITE("io.requests") {
    TEST_CASE("a check-order request reads its documents with their own readers") {
        const auto r = read_check_order_request(check_request(R"("550000.00")", R"(, "lang": "en")"));
        CHECK(r.account == read_credit_account(account_text));
        CHECK(r.order.id.value() == "SO-1");
        CHECK(r.order.amount == cny("550000.00"));
        CHECK(r.as_of == Date{2025, 3, 1});
        CHECK(r.lang == crm::Lang::en);
        CHECK(read_check_order_request(check_request(R"("1.00")")).lang == crm::Lang::zh);  // the default
    }

    TEST_CASE("an aging request takes the documented defaults") {
        const auto r = read_aging_request(R"({"receivables": {}, "as_of": "2025-03-01"})");
        CHECK(r.receivables == ReceivablesLedger{});
        CHECK(r.basis == crm::credit::AgingBasis::days_past_due);
        CHECK(r.by == AgingScope::total);
        CHECK_FALSE(r.buckets.has_value());
        CHECK(r.lang == crm::Lang::zh);
        const auto n = read_aging_request(R"({"receivables": {}, "as_of": "2025-03-01", "buckets": null,
            "basis": "days_since_invoice", "by": "region", "lang": "en"})");
        CHECK_FALSE(n.buckets.has_value());
        CHECK(n.basis == crm::credit::AgingBasis::days_since_invoice);
        CHECK(n.by == AgingScope::region);
        CHECK(to_string(n.by) == "region");
    }

    TEST_CASE("errors name the request's JSON Pointer and its line and column") {
        // money as a JSON number, on line 1 of the request: the pointer reaches into the order
        const auto e = error_of([] { return read_check_order_request(check_request("550000.00")); });
        CHECK(e.code() == ErrorCode::parse_error);
        CHECK(e.field() == "/order/amount/amount");
        CHECK(e.message().starts_with("<request>:5:"));  // account_text spans lines 1-5
        // the file name the caller gives; line 2, column 30 is the 7
        const auto f = error_of([] {
            return read_aging_request("{\"as_of\": \"2025-03-01\",\n \"receivables\": {\"currency\": 7}}",
                                      "req.json");
        });
        CHECK(f.field() == "/receivables/currency");
        CHECK(f.message().starts_with("req.json:2:30: expected a string"));
    }

    TEST_CASE("bad requests give one error naming the member") {
        check_error([] { return read_check_order_request(check_request(R"("1.00")", R"(, "lang": "fr")")); },
                    ErrorCode::parse_error, "/lang");
        check_error([] { return read_check_order_request(check_request(R"("1.00")", R"(, "extra": 1)")); },
                    ErrorCode::parse_error, "/extra");
        check_error([] { return read_check_order_request(R"({"as_of": "2025-03-01"})"); },
                    ErrorCode::parse_error, "");
        check_error([] { return read_aging_request(R"({"receivables": {}, "as_of": "2025-02-30"})"); },
                    ErrorCode::invalid_date, "/as_of");
        check_error([] { return read_aging_request(R"({"receivables": [], "as_of": "2025-03-01"})"); },
                    ErrorCode::parse_error, "/receivables");
        check_error(
            [] { return read_aging_request(R"({"receivables": {}, "as_of": "2025-03-01", "by": "rep"})"); },
            ErrorCode::parse_error, "/by");
        // a gap between two buckets: 0-10, then 12-
        check_error(
            [] {
                return read_aging_request(R"({"receivables": {}, "as_of": "2025-03-01", "buckets": [
                    {"label": "a", "from_days": 0, "to_days": 10}, {"label": "b", "from_days": 12, "to_days": null}]})");
            },
            ErrorCode::inconsistent, "/buckets/1/from_days");
        check_error([] { return read_validate_request(R"({"lang": "en", "lang": "zh"})"); },
                    ErrorCode::duplicate, "/lang");
        check_error([] { return read_validate_request("[]"); }, ErrorCode::parse_error, "");
        check_error([] { return read_validate_request(""); }, ErrorCode::parse_error, "");
    }
}

TEST_SUITE("io.responses") {
    TEST_CASE("the credit check document of an order over the limit within the tolerance") {
        // 400,000 + 100,000 + 550,000 = 1,050,000.00 against 1,000,000.00: 50,000.00 over, within
        // 10% of the limit (100,000.00): needs approval; available 1,000,000 - 1,050,000 = -50,000.00
        const auto set = read_policy_set(policy_text);
        const auto r = read_check_order_request(check_request(R"("550000.00")"));
        const CreditCheck c = check_order(set, r.account, r.order, r.as_of);
        CHECK(c.policy_version == "v1");
        CHECK(c.decision.outcome() == crm::Outcome::needs_approval);
        CHECK(write_credit_check(c, crm::Lang::en) == R"({
  "account": "A-1",
  "as_of": "2025-03-01",
  "order": "SO-1",
  "outcome": "needs_approval",
  "policy_version": "v1",
  "reasons": [
    {
      "code": "credit.over_limit",
      "figures": {
        "available": "-CNY 50,000.00",
        "excess": "CNY 50,000.00",
        "exposure": "CNY 1,050,000.00",
        "limit": "CNY 1,000,000.00"
      },
      "severity": "needs_approval",
      "text": "exposure CNY 1,050,000.00 exceeds the credit limit CNY 1,000,000.00 by CNY 50,000.00"
    }
  ]
}
)");
    }

    TEST_CASE("the aging document by account in the policy's buckets") {
        // at 2025-03-01, by days past due, into 未到期 (0), 1-60, >60:
        //   I-1 A-1 due 2025-03-01  50.00  0 days        -> 未到期
        //   I-2 A-1 due 2025-01-30 200.25 30 days        -> 1-60
        //   I-3 B-7 due 2024-12-31  10.00 USD x 7.10 = 71.00, 31 + 28 + 1 = 60 days -> 1-60
        //   I-4 B-7 due 2024-12-30 300.00 61 days        -> >60
        // A-1: 50.00 | 200.25 | 0.00 = 250.25; B-7: 0.00 | 71.00 | 300.00 = 371.00;
        // total 50.00 | 271.25 | 300.00 = 621.25
        const auto set = read_policy_set(policy_text);
        const auto r =
            read_aging_request(R"({"as_of": "2025-03-01", "by": "account", "lang": "en", "receivables": {
          "currency": "CNY", "rates": [{"from": "USD", "rate": "7.10"}], "receivables": [
          {"invoice": "I-1", "account": "A-1", "invoiced_on": "2025-01-01", "due_on": "2025-03-01", "open_amount": {"amount": "50.00", "currency": "CNY"}},
          {"invoice": "I-2", "account": "A-1", "invoiced_on": "2025-01-01", "due_on": "2025-01-30", "open_amount": {"amount": "200.25", "currency": "CNY"}},
          {"invoice": "I-3", "account": "B-7", "invoiced_on": "2024-12-01", "due_on": "2024-12-31", "open_amount": {"amount": "10.00", "currency": "USD"}},
          {"invoice": "I-4", "account": "B-7", "invoiced_on": "2024-12-01", "due_on": "2024-12-30", "open_amount": {"amount": "300.00", "currency": "CNY"}}]}})");
        const auto buckets = crm::policy::aging_buckets(set.in_force(r.as_of));
        const AgingTable t = aging_table(r.receivables, r.as_of, buckets, r.basis, r.by, r.lang);
        REQUIRE(t.lines.size() == 3);
        CHECK(t.lines[0].key == "A-1");
        CHECK(t.lines[1].key == "B-7");
        CHECK(t.lines[2].key == "total");
        CHECK(t.total().total == cny("621.25"));
        const std::string doc = write_aging(t);
        auto row = [](const char* key, const char* total, const char* a, int na, const char* b, int nb,
                      const char* c, int nc) {
            auto bucket = [](const char* label, const char* amount, int items, bool last) {
                return std::string("        {\n          \"amount\": \"") + amount +
                       "\",\n          \"bucket\": \"" + label +
                       "\",\n          \"items\": " + std::to_string(items) + "\n        }" +
                       (last ? "\n" : ",\n");
            };
            return std::string("    {\n      \"buckets\": [\n") + bucket("未到期", a, na, false) +
                   bucket("1-60", b, nb, false) + bucket(">60", c, nc, true) + "      ],\n      \"key\": \"" +
                   key + "\",\n      \"total\": \"" + total + "\"\n    }";
        };
        CHECK(doc ==
              "{\n  \"as_of\": \"2025-03-01\",\n  \"basis\": \"days_past_due\",\n  \"by\": \"account\",\n"
              "  \"currency\": \"CNY\",\n  \"rows\": [\n" +
                  row("A-1", "250.25", "50.00", 1, "200.25", 1, "0.00", 0) + ",\n" +
                  row("B-7", "371.00", "0.00", 0, "71.00", 1, "300.00", 1) + ",\n" +
                  row("total", "621.25", "50.00", 1, "271.25", 2, "300.00", 1) + "\n  ]\n}\n");
        // in Chinese the total line is 合计; a region without its accounts' map is an error
        CHECK(aging_table(r.receivables, r.as_of, buckets, r.basis, AgingScope::total, crm::Lang::zh)
                  .lines.back()
                  .key == "合计");
        check_error(
            [&] { return aging_table(r.receivables, r.as_of, buckets, r.basis, AgingScope::region, r.lang); },
            ErrorCode::not_found, "regions");
    }

    TEST_CASE("the validation document lists the versions") {
        const auto set = read_policy_set(policy_text);
        const auto findings = set.validate();
        const std::string doc = write_validation(set, findings, crm::Lang::en);
        CHECK(doc.starts_with("{\n  \"company\": \"华东机电\",\n  \"findings\": ["));
        CHECK(doc.ends_with(
            "\"valid\": true,\n  \"versions\": [\n    {\n      \"effective_from\": \"2025-01-01\",\n"
            "      \"id\": \"v1\"\n    }\n  ]\n}\n"));
    }

    TEST_CASE("property: a request reads its ledger as the ledger reader does and ages it exactly") {
        crm::test::Rng rng(20261202);
        const std::vector<crm::Currency> currencies{crm::Currency{"CNY"}, crm::Currency{"USD"}};
        for (int round = 0; round < 200; ++round) {
            ReceivablesLedger ledger;
            ledger.currency = crm::Currency{"CNY"};
            ledger.rates.push_back({.from = crm::Currency{"USD"}, .rate = crm::Decimal::parse("7.1234")});
            const auto n = rng.below(12);
            for (std::uint64_t i = 0; i < n; ++i) {
                const Date invoiced = Date{2024, 1, 1} + Days{rng.between(0, 400)};
                ledger.receivables.push_back(
                    {.invoice = crm::InvoiceId{"I-" + std::to_string(i)},
                     .account = crm::AccountId{rng.coin() ? "A-1" : "B-7"},
                     .invoiced_on = invoiced,
                     .due_on = invoiced + Days{rng.between(0, 90)},
                     .open_amount = Money{crm::Decimal::scaled(rng.between(0, 99'999'999), -2),
                                          currencies[rng.below(2)]}});
            }
            const Date as_of = Date{2024, 6, 1} + Days{rng.between(0, 300)};
            const std::string request = "{\"receivables\": " + write_receivables(ledger) + ", \"as_of\": \"" +
                                        as_of.to_string() + "\", \"by\": \"account\"}";
            const auto r = read_aging_request(request);
            REQUIRE(r.receivables == ledger);
            REQUIRE(r.as_of == as_of);
            const AgingTable t =
                aging_table(r.receivables, r.as_of, crm::credit::AgingBuckets{}, r.basis, r.by, r.lang);
            // the account lines sum exactly to the total line, bucket by bucket
            const auto& total = t.total();
            for (std::size_t b = 0; b < total.amounts.size(); ++b) {
                Money sum{crm::Decimal{}, total.currency()};
                std::size_t items = 0;
                for (std::size_t l = 0; l + 1 < t.lines.size(); ++l) {
                    sum = sum + t.lines[l].report.amounts[b];
                    items += t.lines[l].report.items[b];
                }
                CHECK(sum == total.amounts[b]);
                CHECK(items == total.items[b]);
            }
            CHECK(write_aging(t).find("\"total\": \"" + total.total.amount().to_string() + "\"") !=
                  std::string::npos);
        }
    }
}
