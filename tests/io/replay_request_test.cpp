// The replay history document (crm/io/replay.hpp): the CLI's worked history read to its orders
// and replayed as tests/replay/replay_test.cpp counts it, the example of docs/documents.md, bad
// input naming the JSON Pointer, and the library's fields mapped to the document's pointers.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/replay.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/errors.hpp"
#include "../support/files.hpp"

using crm::ErrorCode;
using crm::Money;
namespace io = crm::io;
namespace replay = crm::replay;

using crm::test::source_file;

TEST_SUITE("io.replay") {
    TEST_CASE("the worked history reads to its orders and replays as counted by hand") {
        const auto h =
            io::read_replay_history(source_file("tests/cli/data/replay_history.json"), "replay_history.json");
        REQUIRE(h.orders.size() == 4);
        CHECK(h.orders[0].account == crm::AccountId{"K1"});  // the credit account's profile names it
        CHECK(h.orders[0].tier == "B");
        CHECK(h.orders[0].receivables.at(0).open_amount == Money{"400000.00", "CNY"});
        CHECK(h.orders[3].discount == crm::Percent{"12"});
        CHECK_FALSE(h.orders[0].discount);
        CHECK(h.people.size() == 3);
        const auto before = io::read_policy_set(source_file("tests/cli/data/replay_old.json"));
        const auto after = io::read_policy_set(source_file("tests/cli/data/replay_new.json"));
        const auto r = replay::replay(before, after, h);
        // SO-1 1,050,000 of 1,000,000: needs approval -> block; SO-1 and SO-3 now routed.
        CHECK(r.total.newly_blocked == replay::Tally{1, Money{"650000.00", "CNY"}});
        CHECK(r.total.approval_tighter == replay::Tally{2, Money{"1350000.00", "CNY"}});
        const std::string doc = io::write_replay(r, crm::Lang::en);
        CHECK(doc.find("\"reason\": \"credit.over_tolerance\"") != std::string::npos);
        CHECK(io::explain_replay(r, crm::Lang::zh).starts_with("合计: 订单 4 / CNY 2,170,000.00"));
    }

    TEST_CASE("the priced history reads its lines and pool run and replays as counted by hand") {
        const auto h = io::read_replay_history(source_file("tests/cli/data/replay_history_priced.json"),
                                               "replay_history_priced.json");
        REQUIRE(h.orders.at(3).lines.size() == 1);
        CHECK(h.orders[3].lines[0].product == crm::ProductId{"P1"});
        CHECK(h.orders[3].lines[0].unit == "EA");  // left out
        CHECK(h.orders[3].lines[0].quantity == crm::Decimal{10});
        CHECK(h.orders[0].lines.empty());
        REQUIRE(h.pool.size() == 1);
        CHECK(h.pool[0].as_of == crm::Date{2025, 3, 1});
        REQUIRE(h.pool[0].accounts.size() == 4);
        CHECK_FALSE(h.pool[0].accounts[3].owner.has_value());
        const auto before = io::read_policy_set(source_file("tests/cli/data/replay_priced_old.json"));
        const auto after = io::read_policy_set(source_file("tests/cli/data/replay_priced_new.json"));
        const auto r = replay::replay(before, after, h);
        // SO-4: 10 x 90.00 = 900.00 under 10% off; 10 x 80.00 = 800.00 under 20%, below the 85.00 floor.
        CHECK(r.total.price_tighter == replay::Tally{1, Money{"300000.00", "CNY"}});
        CHECK(r.total.priced_lower == replay::Tally{1, Money{"100.00", "CNY"}});
        // K1 (B, 40 days without a follow-up) kept under 45 days; K2 (C, 71 days without a deal) released
        // under 60.
        CHECK(r.pool.tighter == 1);
        CHECK(r.pool.looser == 1);
        const std::string doc = io::write_replay(r, crm::Lang::en);
        CHECK(doc.find("\"price_reason\": \"pricing.below_floor\"") != std::string::npos);
        CHECK(doc.find("\"released_before\": 1") != std::string::npos);
        const std::string zh = io::explain_replay(r, crm::Lang::zh);
        CHECK(zh.find("K1 east B wang: 收回 (未跟进) -> 保留") != std::string::npos);
    }

    TEST_CASE("the replay history example of docs/documents.md reads") {
        const auto h =
            io::read_replay_history(crm::test::documents_example("replay_history"), "documents.md");
        REQUIRE(h.orders.size() == 1);
        CHECK(h.orders[0].order.amount == Money{"650000.00", "CNY"});
        CHECK(h.orders[0].lines.size() == 1);
        REQUIRE(h.pool.size() == 1);
        CHECK(h.pool[0].accounts.at(0).last_deal == crm::Date{2024, 12, 20});
    }

    TEST_CASE("bad history input names the JSON Pointer") {
        const std::string order =
            R"({"order": {"id": "SO", "amount": {"amount": "1.00", "currency": "CNY"}}, "placed": "2025-03-01",
                "account": {"profile": {"account": "K", "limit": {"amount": "1.00", "currency": "CNY"}}, "tier": "B"},
                "region": "east", "requester": "wang")";
        struct Case {
            const char* name;
            std::string doc;
            ErrorCode code;
            const char* pointer;
        };
        const Case cases[] = {
            {"no orders", R"({"people": []})", ErrorCode::parse_error, ""},
            {"an unknown key", R"({"orders": [], "poeple": []})", ErrorCode::parse_error, "/poeple"},
            {"a discount as a number", R"({"orders": [)" + order + R"(, "discount": 12}]})",
             ErrorCode::parse_error, "/orders/0/discount"},
            {"a negative limit (the profile check)",
             R"({"orders": [{"order": {"id": "SO", "amount": {"amount": "1.00", "currency": "CNY"}}, "placed": "2025-03-01",
                 "account": {"profile": {"account": "K", "limit": {"amount": "-1.00", "currency": "CNY"}}, "tier": "B"},
                 "region": "east", "requester": "wang"}]})",
             ErrorCode::invalid_argument, "/orders/0/account/profile/limit"},
            {"no requester",
             R"({"orders": [{"order": {"id": "SO", "amount": {"amount": "1.00", "currency": "CNY"}},
                 "placed": "2025-03-01", "account": {"profile": {"account": "K", "limit": {"amount": "1.00", "currency": "CNY"}},
                 "tier": "B"}, "region": "east"}]})",
             ErrorCode::parse_error, "/orders/0"},
            {"a quantity as a number",
             R"({"orders": [)" + order +
                 R"(, "lines": [{"product": "P1", "currency": "CNY", "quantity": 10}]}]})",
             ErrorCode::parse_error, "/orders/0/lines/0/quantity"},
            {"a negative quantity",
             R"({"orders": [)" + order +
                 R"(, "lines": [{"product": "P1", "currency": "CNY", "quantity": "-1"}]}]})",
             ErrorCode::invalid_argument, "/orders/0/lines/0/quantity"},
            {"a budget without its rule",
             R"({"orders": [)" + order +
                 R"(, "budgets": [{"remaining": {"amount": "1.00", "currency": "CNY"}}]}]})",
             ErrorCode::parse_error, "/orders/0/budgets/0"},
            {"a pool run without its day", R"({"orders": [], "pool": [{"accounts": []}]})",
             ErrorCode::parse_error, "/pool/0"},
            {"an account twice in a pool run",
             R"({"orders": [], "pool": [{"as_of": "2025-03-01", "accounts": [
                 {"id": "K", "region": "east", "tier": "B", "created": "2024-01-01"},
                 {"id": "K", "region": "east", "tier": "B", "created": "2024-01-01"}]}]})",
             ErrorCode::duplicate, "/pool/0/accounts/1/id"},
            {"a pool account without its tier",
             R"({"orders": [], "pool": [{"as_of": "2025-03-01", "accounts": [{"id": "K", "region": "east", "created": "2024-01-01"}]}]})",
             ErrorCode::parse_error, "/pool/0/accounts/0"},
        };
        for (const Case& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            crm::test::check_error([&] { return io::read_replay_history(c.doc, "h"); }, c.code, c.pointer);
        }
    }

    TEST_CASE("the library's fields name the history document's pointers") {
        CHECK(io::history_pointer("orders[1].tier") == "/orders/1/account/tier");
        CHECK(io::history_pointer("orders[0].profile.limit") == "/orders/0/account/profile/limit");
        CHECK(io::history_pointer("orders[2].receivables[1].due_on") ==
              "/orders/2/account/receivables/1/due_on");
        CHECK(io::history_pointer("orders[3].placed") == "/orders/3/placed");
        CHECK(io::history_pointer("orders[3].requester") == "/orders/3/requester");
        CHECK(io::history_pointer("orders[0].order.amount") == "/orders/0/order/amount");
        CHECK(io::history_pointer("history.people[2].role") == "/people/2/role");
        CHECK(io::history_pointer("orders[4].tiers") == "/orders/4/tiers");  // not a member of the account
        CHECK(io::history_pointer("orders[3].lines[0].product") == "/orders/3/lines/0/product");
        CHECK(io::history_pointer("pool[0].accounts[2].tier") == "/pool/0/accounts/2/tier");
    }
}
