// Requests: the fingerprint (stable, content-only, equal numbers give equal text), duplicate
// detection in a batch, names and validation.

#include <crm/approval/request.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::PersonId;
using crm::RegionId;
using namespace crm::approval;

namespace {
Request contract() {
    return Request{.id = crm::RequestId{"C-1"},
                   .kind = RequestKind::contract,
                   .requester = PersonId{"wang"},
                   .segment = "government",
                   .region = RegionId{"east"},
                   .product_line = crm::ProductGroupId{"cars"},
                   .amount = crm::Money{"1250000.50", "CNY"},
                   .days = crm::Days{730},
                   .content = "sha256:ab12"};
}
}  // namespace

TEST_SUITE("approval.request") {
    TEST_CASE("the canonical text spells out every field with its length") {
        CHECK(canonical_text(contract()) ==
              "approval-request/v1|kind=contract|requester=4:wang|segment=10:government|region=4:east|"
              "product_line=4:cars|amount=CNY:12500005E-1|percent=0E0|days=730|content=11:sha256:ab12|");
    }

    TEST_CASE("the fingerprint is SHA-256 of the canonical text and is pinned") {
        // pinned against an independent SHA-256 (Python's hashlib.sha256 over the canonical text
        // above), so that stored approvals stay valid across versions and platforms
        const Request r = contract();
        CHECK(to_string(fingerprint(r)) ==
              "ee243c84d15222c70303b04f86286b298365b44e04a7cbbe3036f25a8876a9c6");
        std::ostringstream os;
        os << fingerprint(r);
        CHECK(os.str() == to_string(fingerprint(r)));
        CHECK(parse_fingerprint(to_string(fingerprint(r))) == fingerprint(r));
        CHECK(parse_fingerprint("EE243C84D15222C70303B04F86286B298365B44E04A7CBBE3036F25A8876A9C6") ==
              fingerprint(r));
        CHECK(Fingerprint{} != fingerprint(r));
        CHECK(to_string(Fingerprint{}) == std::string(64, '0'));
    }

    TEST_CASE("a fingerprint text that is not 64 hex digits is refused naming its field") {
        crm::test::check_error([] { return parse_fingerprint("abc", "approvals[0].fingerprint"); },
                               crm::ErrorCode::parse_error, "approvals[0].fingerprint");
        crm::test::check_error([] { return parse_fingerprint(std::string(63, 'a') + "g"); },
                               crm::ErrorCode::parse_error, "fingerprint");
    }

    TEST_CASE("a request kind outside the enum is refused where the request enters") {
        Request r = contract();
        r.kind = static_cast<RequestKind>(200);
        crm::test::check_error(
            [&] {
                r.validate();
                return 0;
            },
            crm::ErrorCode::invalid_argument, "request.kind");
    }

    TEST_CASE("equal numbers give equal fingerprints whatever their scale") {
        Request a = contract();
        Request b = contract();
        a.amount = crm::Money{"1250000.50", "CNY"};
        b.amount = crm::Money{"1250000.5000", "CNY"};
        a.percent = crm::Percent{"10"};
        b.percent = crm::Percent{"1E+1"};
        CHECK(fingerprint(a) == fingerprint(b));
        b.amount = crm::Money{"1250000.51", "CNY"};
        CHECK(fingerprint(a) != fingerprint(b));
        // a coefficient beyond 64 bits takes the general path and still reduces
        a.amount = crm::Money{"123456789012345678901234.5000", "CNY"};
        b.amount = crm::Money{"123456789012345678901234.5", "CNY"};
        CHECK(fingerprint(a) == fingerprint(b));
        CHECK(canonical_text(a).find("amount=CNY:1234567890123456789012345E-1|") != std::string::npos);
    }

    TEST_CASE("every field of the content changes the fingerprint and the id does not") {
        const Request base = contract();
        const Fingerprint fp = fingerprint(base);
        Request r = base;
        r.id = crm::RequestId{"C-2"};
        CHECK(fingerprint(r) == fp);  // the id names the request, not its content
        std::vector<Request> edits(9, base);
        edits[0].kind = RequestKind::order;
        edits[1].requester = PersonId{"chen"};
        edits[2].segment = "group";
        edits[3].region = RegionId{"north"};
        edits[4].product_line = crm::ProductGroupId{"parts"};
        edits[5].amount = crm::Money{"1250000.50", "USD"};
        edits[6].percent = crm::Percent{"0.01"};
        edits[7].days = crm::Days{731};
        edits[8].content = "sha256:ab13";
        std::set<Fingerprint> seen{fp};
        for (std::size_t i = 0; i < edits.size(); ++i) {
            CAPTURE(i);
            CHECK(seen.insert(fingerprint(edits[i])).second);
        }
        // length prefixes: moving a character from one field to the next is a change
        Request x = base;
        Request y = base;
        x.segment = "ab";
        x.content = "c";
        y.segment = "a";
        y.content = "bc";
        CHECK(fingerprint(x) != fingerprint(y));
    }

    TEST_CASE("fingerprints of generated requests are deterministic and rarely collide") {
        crm::test::Rng rng(20240507);
        std::set<Fingerprint> seen;
        for (int i = 0; i < 2000; ++i) {
            Request r = contract();
            r.amount = crm::Money{crm::abs(crm::test::decimal(rng, 12, -2, 2)), crm::Currency{"CNY"}};
            r.days = crm::Days{rng.between(0, 5000)};
            r.content = std::to_string(i);
            CAPTURE(r.amount);
            CHECK(fingerprint(r) == fingerprint(Request{r}));
            seen.insert(fingerprint(r));
        }
        CHECK(seen.size() == 2000);  // distinct contents (the content differs): no collision
    }

    TEST_CASE("duplicates in a batch are found by id and by content") {
        const Request a = contract();
        Request b = contract();
        b.id = crm::RequestId{"C-2"};  // the same content resubmitted
        Request c = contract();
        c.id = crm::RequestId{"C-3"};
        c.days = crm::Days{365};  // another contract
        Request d = contract();   // C-1 again
        d.content = "other";
        const std::vector<Request> batch{a, b, c, d};
        const auto dups = find_duplicates(batch);
        REQUIRE(dups.size() == 2);
        CHECK(dups[0] == Duplicate{1, 0, DuplicateBy::same_content});
        CHECK(dups[1] == Duplicate{3, 0, DuplicateBy::same_id});
        std::ostringstream os;
        os << dups[0];
        CHECK(os.str() == "requests[1] repeats requests[0] (same_content)");
        CHECK(find_duplicates(std::vector<Request>{}).empty());
        // another requester asking for the same thing is not a duplicate
        Request e = contract();
        e.id = crm::RequestId{"C-5"};
        e.requester = PersonId{"chen"};
        CHECK(find_duplicates(std::vector{a, e}).empty());
    }

    TEST_CASE("a request with a negative figure is refused naming the field") {
        const auto field = [](Request r) {
            try {
                r.validate();
            } catch (const crm::Error& e) {
                CHECK(e.code() == crm::ErrorCode::invalid_argument);
                return e.field();
            }
            return std::string("<none>");
        };
        Request r = contract();
        CHECK(field(r) == "<none>");
        r.amount = crm::Money{"-0.01", "CNY"};
        CHECK_THROWS_AS(r.validate(), crm::Error);
        CHECK(field(r) == "request.amount");
        r = contract();
        r.percent = crm::Percent{"-1"};
        CHECK(field(r) == "request.percent");
        r = contract();
        r.days = crm::Days{-3};
        CHECK(field(r) == "request.days");
        r = contract();
        r.requester = PersonId{};
        CHECK(field(r) == "request.requester");
    }

    TEST_CASE("kinds dimensions and authorities have stable names") {
        CHECK(to_string(RequestKind::payment_term) == "payment_term");
        CHECK(display_name(RequestKind::payment_term, crm::Lang::en) == "payment term");
        CHECK(display_name(RequestKind::payment_term, crm::Lang::zh) == "付款条件");
        std::set<std::string_view> names;
        for (const RequestKind k : all_request_kinds) {
            names.insert(to_string(k));
            CHECK(!display_name(k, crm::Lang::zh).empty());
        }
        CHECK(names.size() == request_kind_count);
        CHECK(to_string(Dimension::days) == "days");
        CHECK(to_string(Authority::proposal) == "proposal");
        CHECK(to_string(DuplicateBy::same_id) == "same_id");
        std::ostringstream os;
        os << RequestKind::leave << ' ' << Dimension::percent << ' ' << Authority::rating << ' '
           << DuplicateBy::same_content;
        CHECK(os.str() == "leave percent rating same_content");
    }

}  // TEST_SUITE
