// Validation and indexing of crm::pricing::RuleBook.
#include <crm/pricing/rule_book.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"

using namespace crm;
using namespace crm::pricing;

namespace {

PriceListEntry entry(std::string_view product, std::string_view list) {
    return PriceListEntry{.product = ProductId{product}, .list_price = Decimal{list}};
}

Rule rule(std::string_view id) {
    return Rule{.id = RuleId{id}, .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"5"}}};
}

void check_input_error(const RuleBookInput& in, ErrorCode code, std::string_view field) {
    test::check_error([&] { (void)RuleBook{in}; }, code, field);
}

}  // namespace

TEST_SUITE("pricing.rule_book") {
    TEST_CASE("a validity that ends before it starts is refused") {
        RuleBookInput in{.entries = {entry("P1", "1")}};
        in.entries[0].valid = Validity{Date{2024, 2, 1}, Date{2024, 1, 31}};
        check_input_error(in, ErrorCode::invalid_argument, "entries[0].valid.to");
        RuleBookInput r{.rules = {rule("r1")}};
        r.rules[0].when.valid = Validity{Date{2024, 2, 1}, Date{2024, 1, 31}};
        check_input_error(r, ErrorCode::invalid_argument, "rules[0].when.valid.to");
        RuleBookInput c{.contract_prices = {ContractPrice{
                            .id = RuleId{"c"}, .valid = Validity{Date{2024, 2, 1}, Date{2024, 1, 1}}}}};
        check_input_error(c, ErrorCode::invalid_argument, "contract_prices[0].valid.to");
    }

    TEST_CASE("overlapping list price validity for the same product and unit is refused") {
        RuleBookInput in{.entries = {entry("P1", "1"), entry("P1", "2")}};
        in.entries[0].valid = Validity{Date{2024, 1, 1}, Date{2024, 6, 30}};
        in.entries[1].valid = Validity{Date{2024, 6, 30}, std::nullopt};
        check_input_error(in, ErrorCode::inconsistent, "entries[1].valid");
        in.entries[1].valid.from = Date{2024, 7, 1};  // adjacent: fine
        CHECK_NOTHROW((void)RuleBook{in});
        in.entries[1].valid.from = Date{2024, 1, 1};
        in.entries[1].unit = "BOX";  // another unit: fine
        CHECK_NOTHROW((void)RuleBook{in});
    }

    TEST_CASE("a discount above 100 percent or a negative one is refused") {
        RuleBookInput in{.rules = {rule("r1"), rule("r2")}};
        in.rules[1].action.percent = Percent{"100.001"};
        check_input_error(in, ErrorCode::invalid_argument, "rules[1].action.percent");
        in.rules[1].action.percent = Percent{"-1"};
        check_input_error(in, ErrorCode::invalid_argument, "rules[1].action.percent");
        in.rules[1].action.percent = Percent{"100"};
        CHECK_NOTHROW((void)RuleBook{in});
    }

    TEST_CASE("other malformed books name the field") {
        check_input_error(RuleBookInput{.rules = {rule("r1"), rule("r1")}}, ErrorCode::duplicate,
                          "rules[1].id");
        check_input_error(
            RuleBookInput{.contract_prices = {ContractPrice{.id = RuleId{"r1"}}}, .rules = {rule("r1")}},
            ErrorCode::duplicate, "rules[0].id");
        check_input_error(RuleBookInput{.entries = {entry("P1", "-1")}}, ErrorCode::invalid_argument,
                          "entries[0].list_price");
        RuleBookInput cost{.entries = {entry("P1", "1")}};
        cost.entries[0].cost = Decimal{"-0.01"};
        check_input_error(cost, ErrorCode::invalid_argument, "entries[0].cost");
        cost.entries[0].cost.reset();
        cost.entries[0].min_price = Decimal{"-0.01"};
        check_input_error(cost, ErrorCode::invalid_argument, "entries[0].min_price");
        check_input_error(
            RuleBookInput{.contract_prices = {ContractPrice{.id = RuleId{"c"}, .price = Decimal{"-1"}}}},
            ErrorCode::invalid_argument, "contract_prices[0].price");
        check_input_error(RuleBookInput{.contract_prices = {ContractPrice{.id = RuleId{"c"}},
                                                            ContractPrice{.id = RuleId{"c"}}}},
                          ErrorCode::duplicate, "contract_prices[1].id");
        RuleBookInput margin{.rules = {rule("r1")}};
        margin.rules[0].action = Action{.kind = ActionKind::cost_plus, .percent = Percent{"-5"}};
        check_input_error(margin, ErrorCode::invalid_argument, "rules[0].action.percent");
        RuleBookInput qty{.rules = {rule("r1")}};
        qty.rules[0].when.min_quantity = Decimal{-1};
        check_input_error(qty, ErrorCode::invalid_argument, "rules[0].when.min_quantity");
        check_input_error(RuleBookInput{.policy = PricingPolicy{.min_margin = Percent{"-1"}}},
                          ErrorCode::invalid_argument, "policy.min_margin");
        RuleBookInput g{.rules = {rule("r1")}};
        g.rules[0].group = "missing";
        check_input_error(g, ErrorCode::not_found, "rules[0].group");
        RuleBookInput q{.rules = {rule("r1")}};
        q.rules[0].when.min_quantity = Decimal{10};
        q.rules[0].when.max_quantity = Decimal{10};
        check_input_error(q, ErrorCode::invalid_argument, "rules[0].when.max_quantity");
        RuleBookInput a{.rules = {rule("r1")}};
        a.rules[0].action = Action{.kind = ActionKind::amount_off, .amount = Money{"-1", "CNY"}};
        check_input_error(a, ErrorCode::invalid_argument, "rules[0].action.amount");
        check_input_error(RuleBookInput{.groups = {ExclusiveGroup{.name = "g"}, ExclusiveGroup{.name = "g"}}},
                          ErrorCode::duplicate, "groups[1].name");
        check_input_error(RuleBookInput{.groups = {ExclusiveGroup{}}}, ErrorCode::invalid_argument,
                          "groups[0].name");
        check_input_error(RuleBookInput{.policy = PricingPolicy{.unit_price_scale = 13}},
                          ErrorCode::invalid_argument, "policy.unit_price_scale");
        check_input_error(RuleBookInput{.policy = PricingPolicy{.vat = Percent{"-13"}}},
                          ErrorCode::invalid_argument, "policy.vat");
    }

    TEST_CASE("candidates come from the buckets of the line and not from the whole book") {
        RuleBookInput in{.entries = {entry("P1", "1"), entry("P2", "1")}};
        for (int i = 0; i < 50; ++i) {
            Rule r = rule("p" + std::to_string(i));
            r.when.products = {ProductId{i % 2 == 0 ? "P1" : "P2"}};
            in.rules.push_back(r);
        }
        Rule acct = rule("acct");
        acct.when.accounts = {AccountId{"acme"}};
        Rule generic = rule("generic");
        in.rules.push_back(acct);
        in.rules.push_back(generic);
        const RuleBook book{in};
        const auto c = book.candidates(ProductId{"P1"}, PricingContext{.account = AccountId{"acme"}});
        CHECK(c.size() == 27);  // 25 for P1, the account rule, the generic rule
        CHECK(std::is_sorted(c.begin(), c.end()));
        CHECK(book.candidates(ProductId{"P3"}, PricingContext{}).size() == 1);
    }

}  // TEST_SUITE
