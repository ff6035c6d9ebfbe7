// The agreement model: validation of malformed agreements, quarters and totals.
#include <crm/contract/agreement.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"

using namespace crm;
using namespace crm::contract;

namespace {

Money cny(std::string_view a) { return Money{a, "CNY"}; }

Agreement valid() {
    return Agreement{
        .id = AgreementId{"AG-1"},
        .account = AccountId{"ACME"},
        .signer = PersonId{"li"},
        .starts = Date(2025, 4, 1),
        .ends = Date(2026, 3, 31),
        .currency = Currency{"CNY"},
        .commitments = {{.group = ProductGroupId{"pumps"},
                         .annual = cny("1000.00"),
                         .quarters = {cny("100"), cny("200"), cny("300"), cny("400")}}},
        .credit_limit = cny("100"),
    };
}

}  // namespace

TEST_SUITE("contract.agreement") {
    TEST_CASE("a well formed agreement validates and totals its commitments") {
        Agreement a = valid();
        CHECK_NOTHROW(a.validate());
        a.commitments.push_back({.group = ProductGroupId{"valves"},
                                 .annual = cny("40"),
                                 .quarters = {cny("10"), cny("10"), cny("10"), cny("10")}});
        CHECK(a.committed_revenue() == cny("1040"));
        // 2025-04-01..2026-03-31: 365 days
        CHECK(a.term_days() == Days{365});
    }

    TEST_CASE("quarters follow the agreement year") {
        const Agreement a = valid();
        CHECK(quarter_of(a, 0) == QuarterSpan{Date(2025, 4, 1), Date(2025, 6, 30)});
        CHECK(quarter_of(a, 1) == QuarterSpan{Date(2025, 7, 1), Date(2025, 9, 30)});
        CHECK(quarter_of(a, 3) == QuarterSpan{Date(2026, 1, 1), Date(2026, 3, 31)});
        crm::test::check_error([&] { (void)quarter_of(a, 4); }, ErrorCode::invalid_argument, "quarter");
    }

    TEST_CASE("validity ending before it starts is an error") {
        Agreement a = valid();
        a.ends = Date(2025, 3, 31);
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.ends");
        a.ends = Date(2025, 12, 31);  // shorter than nine months
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.ends");
    }

    TEST_CASE("quarters that do not sum to the annual commitment are an error") {
        Agreement a = valid();
        a.commitments[0].quarters[3] = cny("399.99");
        crm::test::check_error([&] { a.validate(); }, ErrorCode::inconsistent,
                               "agreement.commitments[0].quarters");
    }

    TEST_CASE("missing ids and bad amounts name their field") {
        Agreement a = valid();
        a.account = AccountId{};
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.account");
        a = valid();
        a.id = AgreementId{};
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.id");
        a = valid();
        a.commitments.push_back(a.commitments[0]);
        crm::test::check_error([&] { a.validate(); }, ErrorCode::duplicate, "agreement.commitments[1].group");
        a = valid();
        a.commitments[0].quarters[0] = Money{"100", "USD"};
        crm::test::check_error([&] { a.validate(); }, ErrorCode::currency_mismatch,
                               "agreement.commitments[0].quarters[0]");
        a = valid();
        a.credit_limit = cny("-1");
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.credit_limit");
        a = valid();
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"-1"}}};
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument,
                               "agreement.prices[0].price");
        a = valid();
        a.commitments.clear();
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.commitments");
    }

    TEST_CASE("an invalid rebate scheme or payment terms are errors under the agreement") {
        Agreement a = valid();
        a.rebate = pricing::RebateScheme{.currency = Currency{"CNY"}, .tiers = {}};
        crm::test::check_error([&] { a.validate(); }, ErrorCode::invalid_argument, "agreement.rebate.tiers");
        a.rebate = pricing::RebateScheme{.currency = Currency{"USD"}, .tiers = {}};
        crm::test::check_error([&] { a.validate(); }, ErrorCode::currency_mismatch,
                               "agreement.rebate.currency");
        a = valid();
        a.payment_terms.instalments.clear();
        CHECK(crm::test::error_field_of([&] { a.validate(); }).starts_with("agreement.payment_terms."));
    }

    TEST_CASE("states and events print their names") {
        CHECK(to_string(State::signed_) == "signed");
        CHECK(to_string(State::in_review) == "in_review");
        CHECK(to_string(Event::renew) == "renew");
        CHECK(is_terminal(State::renewed));
        CHECK_FALSE(is_terminal(State::active));
    }

}  // TEST_SUITE
