// Promotion budgets consumed across a document's lines, quantity bands on their declared side,
// and the rules listed as not applied (every rule naming the product or its group).

#include <crm/core/error.hpp>
#include <crm/pricing/price.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace crm;
using namespace crm::pricing;

namespace {
const Date today{2024, 6, 1};
Money cny(std::string_view a) { return Money{a, "CNY"}; }

Rule ten_off(std::string_view id) {
    return Rule{.id = RuleId{id},
                .kind = RuleKind::promotion,
                .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"10"}},
                .budget_limited = true};
}

const NotApplied* find(const PricedLine& p, std::string_view rule) {
    const auto it = std::find_if(p.not_applied.begin(), p.not_applied.end(),
                                 [&](const NotApplied& n) { return n.rule == RuleId{rule}; });
    return it == p.not_applied.end() ? nullptr : &*it;
}
}  // namespace

TEST_SUITE("pricing.budget") {
    TEST_CASE("a document consumes a promotion budget line by line") {
        const RuleBook book{RuleBookInput{
            .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"100"}}},
            .rules = {ten_off("june")}}};
        const PricingContext ctx{.budgets = {PromotionBudget{RuleId{"june"}, cny("100.00")}}};
        const std::vector<QuoteLine> lines{QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{6}},
                                           QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{6}}};
        const PricedDocument doc = price_document(book, lines, ctx, today);
        // line 1: 10% of 100 = 10.0000 off x 6 = 60.00 of the 100.00 budget
        REQUIRE(doc.lines[0].budget_used.size() == 1);
        CHECK(doc.lines[0].budget_used[0].used == cny("60"));
        CHECK(doc.lines[0].unit_price == cny("90"));
        // line 2: 40.00 left < 60.00 wanted: 40.00 / 6 = 6.6666 per unit (rounded down), 39.9996 used
        REQUIRE(doc.lines[1].budget_used.size() == 1);
        CHECK(doc.lines[1].unit_price == cny("93.3334"));
        CHECK(doc.lines[1].budget_used[0].used == cny("39.9996"));
        CHECK(doc.lines[1].waterfall.back().budget_capped);
        REQUIRE(doc.budgets_left.size() == 1);
        CHECK(doc.budgets_left[0].remaining == cny("0.0004"));
        // never more than the budget across the document
        CHECK(doc.lines[0].budget_used[0].used + doc.lines[1].budget_used[0].used <= cny("100"));
        // one line alone still gets the whole budget
        CHECK(price(book, lines[1], ctx, today).unit_price == cny("90"));
    }

    TEST_CASE("a spent budget leaves the later lines without the promotion") {
        const RuleBook book{RuleBookInput{
            .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"100"}}},
            .rules = {ten_off("june")}}};
        const PricingContext ctx{.budgets = {PromotionBudget{RuleId{"june"}, cny("60.00")}}};
        const std::vector<QuoteLine> lines{QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{6}},
                                           QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{1}}};
        const PricedDocument doc = price_document(book, lines, ctx, today);
        CHECK(doc.lines[1].unit_price == cny("100"));
        CHECK(doc.lines[1].budget_used.empty());
        REQUIRE(find(doc.lines[1], "june") != nullptr);
        CHECK(find(doc.lines[1], "june")->condition == "budget");
        CHECK(doc.budgets_left[0].remaining == cny("0"));
    }
}

TEST_SUITE("pricing.bands") {
    TEST_CASE("quantity bounds fall on their declared side") {
        Rule r{.id = RuleId{"q"},
               .kind = RuleKind::quantity_break,
               .when = {.min_quantity = Decimal{50}, .max_quantity = Decimal{100}},
               .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"5"}}};
        const auto unit = [&](const Rule& rule, std::int64_t qty) {
            const RuleBook book{RuleBookInput{
                .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"100"}}},
                .rules = {rule}}};
            return price(book, QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{qty}}, {}, today)
                .unit_price;
        };
        // defaults: 50件以上 (50 qualifies), 不满100件 (100 does not)
        CHECK(unit(r, 50) == cny("95"));
        CHECK(unit(r, 100) == cny("100"));
        r.when.min_side = Boundary::exclusive;  // 超过50件
        r.when.max_side = Boundary::inclusive;  // 100件以下
        CHECK(unit(r, 50) == cny("100"));
        CHECK(unit(r, 51) == cny("95"));
        CHECK(unit(r, 100) == cny("95"));
    }

    TEST_CASE("a quantity outside the band is explained with the right words") {
        const Rule r{.id = RuleId{"q"},
                     .kind = RuleKind::quantity_break,
                     .when = {.min_quantity = Decimal{50}, .max_quantity = Decimal{100}},
                     .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"5"}}};
        const RuleBook book{RuleBookInput{
            .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"100"}}},
            .rules = {r}}};
        const PricedLine p =
            price(book, QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{30}}, {}, today);
        const NotApplied* n = find(p, "q");
        REQUIRE(n != nullptr);
        REQUIRE(n->reason.has_value());
        CHECK(explain(*n->reason, Lang::zh) == "数量 30 不在 50以上且不满100 的范围内");
        CHECK(explain(*n->reason, Lang::en) ==
              "quantity 30 is outside the band 50 or more and less than 100");
        CHECK(explain(p, Lang::zh).find("未适用 q: 数量不在范围内 (数量 30 不在 50以上且不满100 的范围内)") !=
              std::string::npos);
    }

    TEST_CASE("an empty band is refused and a one-quantity band is allowed") {
        Rule r{.id = RuleId{"q"},
               .kind = RuleKind::quantity_break,
               .when = {.min_quantity = Decimal{50}, .max_quantity = Decimal{50}}};
        const auto build = [&] {
            return RuleBook{RuleBookInput{
                .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"1"}}},
                .rules = {r}}};
        };
        CHECK_THROWS_AS(build(), Error);
        r.when.max_side = Boundary::inclusive;  // exactly 50
        CHECK_NOTHROW(build());
    }
}

TEST_SUITE("pricing.not_applied") {
    TEST_CASE("every rule naming the product or its group is listed with why it did not apply") {
        RuleBookInput in{
            .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{"100"}},
                        PriceListEntry{.product = ProductId{"P3"}, .list_price = Decimal{"100"}}},
            .product_groups = {ProductGroup{ProductGroupId{"pumps"}, {ProductId{"P1"}, ProductId{"P3"}}}}};
        // a tier-A rule for P1, an industry-segment rule for the pumps group, and a rule for
        // products P2 and P3 and the pumps group (filed under P2 and P3, never offered for P1)
        Rule tier_a{.id = RuleId{"tier-a"},
                    .kind = RuleKind::tier_discount,
                    .when = {.products = {ProductId{"P1"}}, .tiers = {"A"}},
                    .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"3"}}};
        Rule industry{.id = RuleId{"industry"},
                      .kind = RuleKind::segment_discount,
                      .when = {.product_groups = {ProductGroupId{"pumps"}}, .segments = {"industry"}},
                      .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"2"}}};
        Rule others{.id = RuleId{"others"},
                    .kind = RuleKind::promotion,
                    .when = {.products = {ProductId{"P2"}, ProductId{"P3"}},
                             .product_groups = {ProductGroupId{"pumps"}}},
                    .action = Action{.kind = ActionKind::percent_off, .percent = Percent{"1"}}};
        in.rules = {tier_a, industry, others};
        const RuleBook book{in};
        const PricingContext b_tier{.tier = "B", .segment = "government"};
        const PricedLine p =
            price(book, QuoteLine{.product = ProductId{"P1"}, .quantity = Decimal{1}}, b_tier, today);
        REQUIRE(find(p, "tier-a") != nullptr);
        CHECK(find(p, "tier-a")->condition == "tier");
        REQUIRE(find(p, "industry") != nullptr);
        CHECK(find(p, "industry")->condition == "segment");
        REQUIRE(find(p, "others") != nullptr);
        CHECK(find(p, "others")->condition == "product");
        CHECK(p.not_applied.size() == 3);
        CHECK(book.naming(ProductId{"P1"}) == std::vector<std::size_t>{0, 1, 2});
    }
}
