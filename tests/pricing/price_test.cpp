// Worked examples and bad input for crm::pricing::price and price_document.
#include <crm/pricing/price.hpp>

#include <doctest/doctest.h>

#include <sstream>

#include "../support/errors.hpp"

using namespace crm;
using namespace crm::pricing;

namespace {

const Date today{2024, 6, 1};

Money cny(std::string_view a) { return Money{a, "CNY"}; }

PriceListEntry entry(std::string_view product, std::string_view list,
                     std::optional<Decimal> cost = std::nullopt) {
    return PriceListEntry{.product = ProductId{product}, .list_price = Decimal{list}, .cost = cost};
}

Rule percent_off(std::string_view id, std::string_view pct, RuleKind kind = RuleKind::promotion) {
    return Rule{.id = RuleId{id},
                .kind = kind,
                .action = Action{.kind = ActionKind::percent_off, .percent = Percent{pct}}};
}

QuoteLine line(std::string_view product, std::int64_t qty) {
    return QuoteLine{.product = ProductId{product}, .quantity = Decimal{qty}};
}

PricingContext acme() {
    return PricingContext{
        .account = AccountId{"acme"}, .tier = "A", .segment = "industry", .region = RegionId{"east"}};
}

// The waterfall's steps chain and its deltas sum to final - start.
void check_reconciles(const PricedLine& p) {
    REQUIRE(!p.waterfall.empty());
    Money sum = Money::zero(p.unit_price.currency());
    for (std::size_t i = 0; i < p.waterfall.size(); ++i) {
        const WaterfallStep& s = p.waterfall[i];
        CHECK(s.after - s.before == s.delta);
        if (i > 0) CHECK(s.before == p.waterfall[i - 1].after);
        sum += s.delta;
    }
    CHECK(p.waterfall.back().after == p.unit_price);
    CHECK(sum == p.unit_price - p.waterfall.front().before);
    CHECK(p.net_amount + p.tax == p.gross_amount);
}

bool not_applied(const PricedLine& p, std::string_view rule, std::string_view condition) {
    for (const NotApplied& n : p.not_applied)
        if (n.rule == RuleId{rule} && n.condition == condition) return true;
    return false;
}

}  // namespace

TEST_SUITE("pricing.price") {
    TEST_CASE("a line with no rules is priced at the list price with 13 percent VAT") {
        const RuleBook book{RuleBookInput{.entries = {entry("P1", "100")}}};
        const PricedLine p = price(book, line("P1", 3), acme(), today);
        // 100.0000 x 3 = 300.00 net; 300.00 x 0.13 = 39.00 tax; 339.00 gross
        CHECK(p.unit_price == cny("100"));
        CHECK(p.unit_price.amount().scale() == 4);
        CHECK(p.net_amount == cny("300"));
        CHECK(p.tax == cny("39"));
        CHECK(p.gross_amount == cny("339"));
        CHECK(p.waterfall.size() == 1);
        CHECK(p.decision.outcome() == Outcome::allow);
        check_reconciles(p);
    }

    TEST_CASE("an account contract price beats a tier contract price which beats the list price") {
        const RuleBook book{RuleBookInput{.entries = {entry("P1", "100")},
                                          .contract_prices = {
                                              ContractPrice{.id = RuleId{"c-tier"},
                                                            .scope = ContractScope::tier,
                                                            .key = "A",
                                                            .product = ProductId{"P1"},
                                                            .price = Decimal{"85"}},
                                              ContractPrice{.id = RuleId{"c-acct"},
                                                            .scope = ContractScope::account,
                                                            .key = "acme",
                                                            .product = ProductId{"P1"},
                                                            .price = Decimal{"90"}},
                                              ContractPrice{.id = RuleId{"c-other"},
                                                            .scope = ContractScope::account,
                                                            .key = "other",
                                                            .product = ProductId{"P1"},
                                                            .price = Decimal{"50"}},
                                          }}};
        const PricedLine p = price(book, line("P1", 1), acme(), today);
        // the account price 90 wins although the tier price 85 is lower: specificity, not price
        CHECK(p.unit_price == cny("90"));
        REQUIRE(p.waterfall.size() == 2);
        CHECK(p.waterfall[1].kind == StepKind::contract_price);
        CHECK(p.waterfall[1].rule == RuleId{"c-acct"});
        CHECK(p.waterfall[1].delta == cny("-10"));
        CHECK(not_applied(p, "c-tier", "less_specific"));
        CHECK(not_applied(p, "c-other", "account"));
        check_reconciles(p);
    }

    TEST_CASE("a segment contract price beats a region one and the lower of two equal scopes wins") {
        const auto cp = [](std::string_view id, ContractScope scope, std::string_view key,
                           std::string_view price) {
            return ContractPrice{.id = RuleId{id},
                                 .scope = scope,
                                 .key = std::string{key},
                                 .product = ProductId{"P1"},
                                 .price = Decimal{price}};
        };
        RuleBookInput in{
            .entries = {entry("P1", "100")},
            .contract_prices = {cp("region", ContractScope::region, "east", "80"),
                                cp("seg-2", ContractScope::segment, "industry", "96"),
                                cp("seg-1", ContractScope::segment, "industry", "95"),
                                cp("expired", ContractScope::account, "acme", "70")},
        };
        in.contract_prices[3].valid = Validity{Date{2023, 1, 1}, Date{2023, 12, 31}};
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        CHECK(p.unit_price == cny("95"));
        CHECK(p.waterfall[1].rule == RuleId{"seg-1"});
        CHECK(not_applied(p, "region", "less_specific"));
        CHECK(not_applied(p, "seg-2", "superseded"));
        CHECK(not_applied(p, "expired", "validity"));
    }

    TEST_CASE("a group discount does not stack on a fixed contract price unless it declares so") {
        RuleBookInput in{
            .entries = {entry("P1", "100")},
            .contract_prices = {ContractPrice{
                .id = RuleId{"c1"}, .key = "acme", .product = ProductId{"P1"}, .price = Decimal{"90"}}},
            .rules = {percent_off("tier-a", "10", RuleKind::tier_discount)},
        };
        in.rules[0].when.tiers = {"A"};
        {
            const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
            CHECK(p.unit_price == cny("90"));
            CHECK(not_applied(p, "tier-a", "contract_price"));
        }
        in.rules[0].applies_on_contract_price = true;
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        // 90 x (1 - 0.10) = 81
        CHECK(p.unit_price == cny("81"));
        check_reconciles(p);
    }

    TEST_CASE("a generic promotion does not beat a customer specific one in a highest priority group") {
        RuleBookInput in{
            .entries = {entry("P1", "100")},
            .rules = {percent_off("generic", "15"), percent_off("acme-only", "12")},
            .groups = {ExclusiveGroup{.name = "promo", .policy = GroupPolicy::highest_priority}},
        };
        in.rules[0].group = "promo";
        in.rules[0].priority = 1;
        in.rules[1].group = "promo";
        in.rules[1].priority = 5;
        in.rules[1].when.accounts = {AccountId{"acme"}};
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        // 100 x (1 - 0.12) = 88: the customer's rule wins by declared priority, not by price
        CHECK(p.unit_price == cny("88"));
        CHECK(p.waterfall.back().rule == RuleId{"acme-only"});
        CHECK(p.waterfall.back().tied_with.empty());
        CHECK(not_applied(p, "generic", "lost_in_group"));
    }

    TEST_CASE("best for customer picks the lowest price and reports a tie broken by rule id") {
        RuleBookInput in{
            .entries = {entry("P1", "200")},
            .rules = {percent_off("r-b", "10"), percent_off("r-a", "10"), percent_off("r-c", "5")},
            .groups = {ExclusiveGroup{.name = "g"}},
        };
        for (Rule& r : in.rules) r.group = "g";
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        // r-a and r-b both give 200 x 0.9 = 180 at the same priority: r-a wins by id, the tie is shown
        CHECK(p.unit_price == cny("180"));
        CHECK(p.waterfall.back().rule == RuleId{"r-a"});
        CHECK(p.waterfall.back().tied_with == std::vector<RuleId>{RuleId{"r-b"}});
        CHECK(not_applied(p, "r-c", "lost_in_group"));
    }

    TEST_CASE("cumulative rules compound or add as declared") {
        RuleBookInput in{
            .entries = {entry("P1", "100")},
            .rules = {percent_off("first", "10"), percent_off("second", "5")},
        };
        in.rules[0].sequence = 1;
        in.rules[1].sequence = 2;
        // compounded: 100 x 0.90 = 90; 90 x 0.95 = 85.5
        const PricedLine c = price(RuleBook{in}, line("P1", 1), acme(), today);
        CHECK(c.unit_price == cny("85.5"));
        CHECK(c.waterfall[1].rule == RuleId{"first"});
        check_reconciles(c);
        // additive: 100 - 10 - 5 = 85
        in.policy.stacking = Stacking::additive;
        const PricedLine a = price(RuleBook{in}, line("P1", 1), acme(), today);
        CHECK(a.unit_price == cny("85"));
        check_reconciles(a);
    }

    TEST_CASE("quantity breaks pick the band the quantity falls in") {
        RuleBookInput in{
            .entries = {entry("P1", "10")},
            .rules = {percent_off("q10", "5", RuleKind::quantity_break),
                      percent_off("q100", "10", RuleKind::quantity_break)},
            .groups = {ExclusiveGroup{.name = "breaks"}},
        };
        in.rules[0].when = Conditions{.min_quantity = Decimal{10}, .max_quantity = Decimal{100}};
        in.rules[1].when = Conditions{.min_quantity = Decimal{100}};
        for (Rule& r : in.rules) r.group = "breaks";
        const RuleBook book{in};
        CHECK(price(book, line("P1", 9), acme(), today).unit_price == cny("10"));
        CHECK(price(book, line("P1", 10), acme(), today).unit_price == cny("9.5"));  // 10 x 0.95
        CHECK(price(book, line("P1", 99), acme(), today).unit_price == cny("9.5"));
        const PricedLine p = price(book, line("P1", 100), acme(), today);
        CHECK(p.unit_price == cny("9"));  // 10 x 0.90
        CHECK(p.waterfall.back().kind == StepKind::quantity_break);
        CHECK(not_applied(p, "q10", "quantity"));
    }

    TEST_CASE("a unit price is rounded to four places in a rounding step") {
        RuleBookInput in{.entries = {entry("P1", "9.99")}, .rules = {percent_off("r", "33.3")}};
        const PricedLine p = price(RuleBook{in}, line("P1", 7), acme(), today);
        // 9.99 x (1 - 0.333) = 6.66333 -> 6.6633 (half_up); 6.6633 x 7 = 46.6431 -> 46.64
        CHECK(p.unit_price == cny("6.6633"));
        CHECK(p.waterfall.back().kind == StepKind::rounding);
        CHECK(p.waterfall.back().delta == cny("-0.00003"));
        CHECK(p.net_amount == cny("46.64"));
        check_reconciles(p);
    }

    TEST_CASE("a discount of 99.995 percent does not round to 100 percent") {
        RuleBookInput in{.entries = {entry("P1", "1000")}, .rules = {percent_off("deep", "99.995")}};
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        // 1000 x 0.00005 = 0.05
        CHECK(p.unit_price == cny("0.05"));
        CHECK(!p.unit_price.is_zero());
    }

    TEST_CASE("thirty compounded percentages stay within the digits of a decimal") {
        RuleBookInput in{.entries = {entry("P1", "987654.3210")}};
        for (int i = 0; i < 30; ++i) {
            in.rules.push_back(percent_off("r" + std::to_string(100 + i), "3.333"));
            in.rules.back().sequence = i;
        }
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        CHECK(p.waterfall.size() == 32);  // list, 30 rules, rounding
        CHECK(p.unit_price > cny("0"));
        CHECK(p.unit_price < cny("987654.3210"));
        check_reconciles(p);
    }

    TEST_CASE("a price below the minimum margin is clamped with a floor step and a warning") {
        RuleBookInput in{
            .entries = {entry("P1", "100", Decimal{"70"})},
            .rules = {percent_off("deep", "30")},
            .policy = PricingPolicy{.min_margin = Percent{"10"}},
        };
        const PricedLine p = price(RuleBook{in}, line("P1", 2), acme(), today);
        // 100 x 0.7 = 70 < floor 70 x 1.10 = 77 -> clamped to 77; 77 x 2 = 154
        CHECK(p.floor == cny("77"));
        CHECK(p.unit_price == cny("77"));
        CHECK(p.floor_clamped);
        CHECK(p.waterfall.back().kind == StepKind::floor);
        CHECK(p.waterfall.back().delta == cny("7"));
        CHECK(p.decision.outcome() == Outcome::warn);
        CHECK(p.decision.has("pricing.floor_clamped"));
        CHECK(p.net_amount == cny("154"));
        check_reconciles(p);
    }

    TEST_CASE("a price below the minimum price is refused when the policy says refuse") {
        RuleBookInput in{
            .entries = {entry("P1", "100")},
            .rules = {percent_off("deep", "30")},
            .policy = PricingPolicy{.floor_policy = FloorPolicy::refuse},
        };
        in.entries[0].min_price = Decimal{"75"};
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        CHECK(p.unit_price == cny("70"));
        CHECK(!p.floor_clamped);
        CHECK(p.decision.outcome() == Outcome::block);
        CHECK(p.decision.has("pricing.below_floor"));
    }

    TEST_CASE("cost plus margin and amount off and fixed price actions") {
        RuleBookInput in{
            .entries = {entry("P1", "100", Decimal{"60"})},
            .rules =
                {
                    Rule{.id = RuleId{"cp"},
                         .action = Action{.kind = ActionKind::cost_plus, .percent = Percent{"25"}},
                         .sequence = 1},
                    Rule{.id = RuleId{"off"},
                         .kind = RuleKind::preferential,
                         .action = Action{.kind = ActionKind::amount_off, .amount = cny("5")},
                         .sequence = 2},
                },
        };
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        // 60 x 1.25 = 75; 75 - 5 = 70
        CHECK(p.unit_price == cny("70"));
        CHECK(p.waterfall[2].kind == StepKind::preferential);
        in.rules.push_back(Rule{.id = RuleId{"fix"},
                                .action = Action{.kind = ActionKind::fixed_price, .amount = cny("66")},
                                .sequence = 3});
        CHECK(price(RuleBook{in}, line("P1", 1), acme(), today).unit_price == cny("66"));
        in.rules[1].action.amount = cny("500");  // more than the price: stops at zero
        in.rules.pop_back();
        CHECK(price(RuleBook{in}, line("P1", 1), acme(), today).unit_price.is_zero());
    }

    TEST_CASE("a budget limited promotion is capped by its remaining budget") {
        RuleBookInput in{.entries = {entry("P1", "100")}, .rules = {percent_off("promo", "10")}};
        in.rules[0].budget_limited = true;
        const RuleBook book{in};
        PricingContext ctx = acme();
        // 10 units x 10 off = 100 of budget needed; none given: no budget left
        CHECK(not_applied(price(book, line("P1", 10), ctx, today), "promo", "budget"));
        ctx.budgets = {PromotionBudget{RuleId{"promo"}, cny("100")}};
        const PricedLine full = price(book, line("P1", 10), ctx, today);
        CHECK(full.unit_price == cny("90"));
        CHECK(!full.waterfall.back().budget_capped);
        // 33.33 left for 7 units: 33.33 / 7 = 4.761428... -> 4.7614 off per unit (rounded down),
        // 4.7614 x 7 = 33.3298 <= 33.33
        ctx.budgets = {PromotionBudget{RuleId{"promo"}, cny("33.33")}};
        const PricedLine capped = price(book, line("P1", 7), ctx, today);
        CHECK(capped.unit_price == cny("95.2386"));
        CHECK(capped.waterfall.back().budget_capped);
        CHECK(explain(capped, Lang::en).find("capped by the promotion budget") != std::string::npos);
        check_reconciles(capped);
        ctx.budgets = {PromotionBudget{RuleId{"promo"}, cny("0")}};
        CHECK(not_applied(price(book, line("P1", 7), ctx, today), "promo", "budget"));
    }

    TEST_CASE("promotions respect their date window and eligible products and groups") {
        RuleBookInput in{
            .entries = {entry("P1", "100"), entry("P2", "100")},
            .rules = {percent_off("june", "10"), percent_off("grp", "5")},
            .product_groups = {ProductGroup{ProductGroupId{"pumps"}, {ProductId{"P2"}}}},
        };
        in.rules[0].when.valid = Validity{Date{2024, 6, 1}, Date{2024, 6, 30}};
        in.rules[1].when.product_groups = {ProductGroupId{"pumps"}};
        const RuleBook book{in};
        CHECK(price(book, line("P1", 1), acme(), Date{2024, 6, 30}).unit_price == cny("90"));
        const PricedLine july = price(book, line("P1", 1), acme(), Date{2024, 7, 1});
        CHECK(july.unit_price == cny("100"));
        CHECK(not_applied(july, "june", "validity"));
        // P2 is in the group: 100 x 0.9 x 0.95 = 85.5
        CHECK(price(book, line("P2", 1), acme(), today).unit_price == cny("85.5"));
    }

    TEST_CASE("tax inclusive prices split gross into net and tax") {
        RuleBookInput in{.entries = {entry("P1", "113")},
                         .policy = PricingPolicy{.prices_include_tax = true}};
        const PricedLine p = price(RuleBook{in}, line("P1", 1), acme(), today);
        // 113 gross / 1.13 = 100 net; tax 13
        CHECK(p.gross_amount == cny("113"));
        CHECK(p.net_amount == cny("100"));
        CHECK(p.tax == cny("13"));
    }

    TEST_CASE("document tax rounded per line or per document reconciles with the lines") {
        // three lines of 0.05 net: per line 0.05 x 0.13 = 0.0065 -> 0.01 each, 0.03 in all;
        // once on the total 0.15 x 0.13 = 0.0195 -> 0.02; difference 0.01
        RuleBookInput in{.entries = {entry("P1", "0.05")}};
        const std::vector<QuoteLine> lines{line("P1", 1), line("P1", 1), line("P1", 1)};
        const PricedDocument per_line = price_document(RuleBook{in}, lines, acme(), today);
        CHECK(per_line.tax_total == cny("0.03"));
        CHECK(per_line.rounding_difference == cny("0.01"));
        CHECK(per_line.adjusted_lines.empty());
        in.policy.tax_rounding = TaxRounding::per_document;
        const PricedDocument doc = price_document(RuleBook{in}, lines, acme(), today);
        CHECK(doc.tax_total == cny("0.02"));
        CHECK(doc.rounding_difference == cny("0.01"));
        CHECK(doc.adjusted_lines ==
              std::vector<std::size_t>{2});  // equal remainders: the earlier lines keep 0.01
        CHECK(doc.net_total == cny("0.15"));
        CHECK(doc.gross_total == cny("0.17"));
        Money tax = Money::zero(Currency{});
        for (const PricedLine& p : doc.lines) {
            CHECK(p.net_amount + p.tax == p.gross_amount);
            tax += p.tax;
        }
        CHECK(tax == doc.tax_total);
    }

    TEST_CASE("the waterfall prints one step a line") {
        RuleBookInput in{.entries = {entry("P1", "100")}, .rules = {percent_off("r1", "10")}};
        std::ostringstream os;
        os << price(RuleBook{in}, line("P1", 2), acme(), today);
        CHECK(os.str().find("promotion r1") != std::string::npos);
        CHECK(os.str().find("unit CNY 90") != std::string::npos);
    }

    TEST_CASE("the waterfall reads in English and Chinese") {
        RuleBookInput in{
            .entries = {entry("P1", "100", Decimal{"70"})},
            .rules = {percent_off("r1", "10"), percent_off("big", "40")},
            .policy = PricingPolicy{.min_margin = Percent{"20"}},
        };
        in.rules[1].when.min_quantity = Decimal{100};
        const PricedLine p = price(RuleBook{in}, line("P1", 2), acme(), today);
        // 100 x 0.9 = 90; floor 70 x 1.2 = 84 is not reached
        CHECK(explain(p, Lang::en) ==
              "list price: CNY 100.00\n"
              "promotion r1: CNY 100.00 -> CNY 90.0000 (-CNY 10.00)\n"
              "unit price CNY 90.0000 x 2: net CNY 180.00, tax CNY 23.40, gross CNY 203.40\n"
              "not applied big: quantity outside its band (quantity 2 is outside the band 100 or more)");
        CHECK(explain(p, Lang::zh) ==
              "标价: CNY 100.00\n"
              "促销 r1: CNY 100.00 -> CNY 90.0000 (-CNY 10.00)\n"
              "单价 CNY 90.0000 x 2: 净额 CNY 180.00, 税额 CNY 23.40, 含税 CNY 203.40\n"
              "未适用 big: 数量不在范围内 (数量 2 不在 100以上 的范围内)");
        in.rules[0].action.percent = Percent{"50"};
        const std::string clamped = explain(price(RuleBook{in}, line("P1", 1), acme(), today), Lang::zh);
        CHECK(clamped.find("底价: CNY 50.0000 -> CNY 84.0000 (CNY 34.0000)") != std::string::npos);
        CHECK(clamped.find("单价 CNY 50.0000 低于底价 CNY 84.0000, 已调整为底价") != std::string::npos);
    }

    TEST_CASE("bad lines name the field") {
        RuleBookInput in{.entries = {entry("P1", "100")}};
        in.entries[0].valid = Validity{Date{2024, 1, 1}, Date{2024, 12, 31}};
        const RuleBook book{in};
        test::check_error([&] { (void)price(book, line("P1", -1), acme(), today); },
                          ErrorCode::invalid_argument, "line.quantity");
        test::check_error([&] { (void)price(book, line("nope", 1), acme(), today); }, ErrorCode::not_found,
                          "line.product");
        QuoteLine usd = line("P1", 1);
        usd.currency = Currency{"USD"};
        test::check_error([&] { (void)price(book, usd, acme(), today); }, ErrorCode::not_found,
                          "line.currency");
        test::check_error(
            [&] {
                (void)price(book, line("P1", 1), acme(), Date{2025, 1, 1});
            },
            ErrorCode::not_found, "as_of");
        test::check_error(
            [&] {
                (void)Currency{"XXY", "line.currency"};
            },
            ErrorCode::unknown_currency, "line.currency");
        RuleBookInput other{.entries = {entry("P1", "100")}};
        other.entries[0].unit = "BOX";
        test::check_error([&] { (void)price(RuleBook{other}, line("P1", 1), acme(), today); },
                          ErrorCode::not_found, "line.unit");
        const std::vector<QuoteLine> mixed{line("P1", 1), usd};
        test::check_error([&] { (void)price_document(book, mixed, acme(), today); },
                          ErrorCode::currency_mismatch, "lines[1].currency");
    }

}  // TEST_SUITE
