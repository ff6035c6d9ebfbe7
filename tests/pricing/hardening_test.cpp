// Hostile input at the pricing area's entry points: enum values outside their enum are refused
// naming the field, and a vocabulary error (an overflow) names the input that caused it.

#include <crm/pricing/price.hpp>
#include <crm/pricing/rebate.hpp>

#include <doctest/doctest.h>

#include <vector>

#include "../support/errors.hpp"

using namespace crm;
using namespace crm::pricing;
using crm::test::check_error;

namespace {
const Date today{2024, 6, 1};
PriceListEntry p1() { return PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"100"}}; }
RuleBook book_with(RuleBookInput in) { return RuleBook{std::move(in)}; }
}  // namespace

TEST_SUITE("pricing.hardening") {
    TEST_CASE("a quantity whose amount overflows names the line quantity and not the multiplication") {
        const RuleBook book{RuleBookInput{.entries = {p1()}}};
        const QuoteLine huge{.product = ProductId{"P1"}, .quantity = Decimal{"1E+999999999"}};
        // whatever the vocabulary error (the amount overflows), it names the input
        CHECK(crm::test::caught_error([&] { return price(book, huge, {}, today); }).field == "line.quantity");
        // in a document, the line's index is named
        const std::vector<QuoteLine> lines{QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{2}},
                                           huge};
        CHECK(crm::test::caught_error([&] { return price_document(book, lines, {}, today); }).field ==
              "lines[1].quantity");
    }

    TEST_CASE("rule action scope and policy enums outside their values are refused") {
        Rule bad_kind{.id = RuleId{"r"}, .kind = static_cast<RuleKind>(9)};
        check_error([&] { return book_with({.entries = {p1()}, .rules = {bad_kind}}); },
                    ErrorCode::invalid_argument, "rules[0].kind");
        Rule bad_action{.id = RuleId{"r"}, .action = Action{.kind = static_cast<ActionKind>(9)}};
        check_error([&] { return book_with({.entries = {p1()}, .rules = {bad_action}}); },
                    ErrorCode::invalid_argument, "rules[0].action.kind");
        ContractPrice bad_scope{
            .id = RuleId{"c"}, .scope = static_cast<ContractScope>(9), .product = ProductId{"P1"}};
        check_error([&] { return book_with({.entries = {p1()}, .contract_prices = {bad_scope}}); },
                    ErrorCode::invalid_argument, "contract_prices[0].scope");
        check_error(
            [&] {
                return book_with(
                    {.groups = {ExclusiveGroup{.name = "g", .policy = static_cast<GroupPolicy>(5)}}});
            },
            ErrorCode::invalid_argument, "groups[0].policy");
        PricingPolicy pol;
        pol.stacking = static_cast<Stacking>(5);
        check_error([&] { return book_with({.policy = pol}); }, ErrorCode::invalid_argument,
                    "policy.stacking");
        pol = {};
        pol.floor_policy = static_cast<FloorPolicy>(5);
        check_error([&] { return book_with({.policy = pol}); }, ErrorCode::invalid_argument,
                    "policy.floor_policy");
        pol = {};
        pol.tax_rounding = static_cast<TaxRounding>(5);
        check_error([&] { return book_with({.policy = pol}); }, ErrorCode::invalid_argument,
                    "policy.tax_rounding");
        pol = {};
        pol.unit_price_rounding = static_cast<RoundingMode>(99);
        check_error([&] { return book_with({.policy = pol}); }, ErrorCode::invalid_argument,
                    "policy.unit_price_rounding");
        pol = {};
        pol.amount_rounding = static_cast<RoundingMode>(99);
        check_error([&] { return book_with({.policy = pol}); }, ErrorCode::invalid_argument,
                    "policy.amount_rounding");
    }

    TEST_CASE("a rebate scheme with a method or rounding outside the enum is refused") {
        RebateScheme s{.currency = Currency{},
                       .tiers = {RebateTier{.from = Money{"0", "CNY"}, .rate = Percent{"1"}}}};
        s.method = static_cast<RebateMethod>(7);
        check_error(
            [&] {
                validate_rebate(s);
                return 0;
            },
            ErrorCode::invalid_argument, "method");
        s.method = RebateMethod::retroactive;
        s.rounding = static_cast<RoundingMode>(99);
        check_error(
            [&] {
                validate_rebate(s);
                return 0;
            },
            ErrorCode::invalid_argument, "rounding");
    }
}
