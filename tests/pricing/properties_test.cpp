// Properties of pricing over thousands of generated rule books (fixed seeds: replayable).
#include <crm/pricing/price.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/generators.hpp"

using namespace crm;
using namespace crm::pricing;

namespace {

const Date today{2024, 6, 1};

Decimal money_amount(test::Rng& rng, std::int64_t max_cents) {
    return Decimal::scaled(rng.between(0, max_cents), -2);
}

Percent percent(test::Rng& rng) {
    // 0..100 with up to 3 places, sometimes exactly 100 or 99.995
    switch (rng.below(10)) {
    case 0: return Percent{"100"};
    case 1: return Percent{"99.995"};
    default: return Percent{Decimal::scaled(rng.between(0, 100'000), -3)};
    }
}

Action action(test::Rng& rng) {
    switch (rng.below(4)) {
    case 0: return Action{.kind = ActionKind::percent_off, .percent = percent(rng)};
    case 1:
        return Action{.kind = ActionKind::amount_off, .amount = Money{money_amount(rng, 5'000), Currency{}}};
    case 2:
        return Action{.kind = ActionKind::fixed_price,
                      .amount = Money{money_amount(rng, 20'000), Currency{}}};
    default:
        return Action{.kind = ActionKind::cost_plus,
                      .percent = Percent{Decimal::scaled(rng.between(0, 5'000), -2)}};
    }
}

// A random book over products P0..P2, with contract prices, groups and rules of every kind.
RuleBookInput random_book(test::Rng& rng) {
    RuleBookInput in;
    for (int p = 0; p < 3; ++p) {
        PriceListEntry e{.product = ProductId{"P" + std::to_string(p)},
                         .list_price = money_amount(rng, 100'000)};
        if (rng.coin()) e.cost = money_amount(rng, 60'000);
        if (rng.below(4) == 0) e.min_price = money_amount(rng, 50'000);
        in.entries.push_back(e);
    }
    in.groups = {ExclusiveGroup{.name = "g0",
                                .policy = GroupPolicy::best_for_customer,
                                .sequence = static_cast<int>(rng.below(5))},
                 ExclusiveGroup{.name = "g1",
                                .policy = GroupPolicy::highest_priority,
                                .sequence = static_cast<int>(rng.below(5))}};
    in.product_groups = {ProductGroup{ProductGroupId{"G"}, {ProductId{"P0"}, ProductId{"P1"}}}};
    const auto n_contracts = rng.below(3);
    for (std::uint64_t i = 0; i < n_contracts; ++i) {
        in.contract_prices.push_back(ContractPrice{.id = RuleId{"c" + std::to_string(i)},
                                                   .scope = static_cast<ContractScope>(rng.below(4)),
                                                   .key = rng.coin() ? "acme" : (rng.coin() ? "A" : "east"),
                                                   .product = ProductId{"P" + std::to_string(rng.below(3))},
                                                   .price = money_amount(rng, 100'000)});
    }
    const auto n_rules = rng.below(9);
    for (std::uint64_t i = 0; i < n_rules; ++i) {
        Rule r{.id = RuleId{"r" + std::to_string(i)},
               .kind = static_cast<RuleKind>(rng.below(5)),
               .action = action(rng),
               .priority = static_cast<int>(rng.below(3)),
               .sequence = static_cast<int>(rng.below(5)),
               .applies_on_contract_price = rng.coin(),
               .budget_limited = rng.below(4) == 0};
        switch (rng.below(5)) {
        case 0: r.when.products = {ProductId{"P" + std::to_string(rng.below(3))}}; break;
        case 1: r.when.product_groups = {ProductGroupId{"G"}}; break;
        case 2: r.when.accounts = {AccountId{rng.coin() ? "acme" : "other"}}; break;
        case 3: r.when.tiers = {rng.coin() ? "A" : "B"}; break;
        default: break;
        }
        if (rng.coin()) r.when.min_quantity = Decimal{rng.between(0, 50)};
        const auto g = rng.below(3);
        if (g < 2) r.group = "g" + std::to_string(g);
        in.rules.push_back(r);
    }
    in.policy.stacking = rng.coin() ? Stacking::compounded : Stacking::additive;
    in.policy.floor_policy = rng.coin() ? FloorPolicy::clamp : FloorPolicy::refuse;
    if (rng.coin()) in.policy.min_margin = Percent{Decimal::scaled(rng.between(0, 3'000), -2)};
    in.policy.unit_price_rounding = static_cast<RoundingMode>(rng.below(7));
    in.policy.prices_include_tax = rng.coin();
    in.policy.tax_rounding = rng.coin() ? TaxRounding::per_line : TaxRounding::per_document;
    return in;
}

const PricingContext ctx{
    .account = AccountId{"acme"}, .tier = "A", .segment = "s", .region = RegionId{"east"}};

// The context with a random remaining budget for some of the rules r0..r8.
PricingContext with_budgets(test::Rng& rng) {
    PricingContext c = ctx;
    for (int i = 0; i < 9; ++i)
        if (rng.coin())
            c.budgets.push_back(PromotionBudget{RuleId{"r" + std::to_string(i)},
                                                Money{money_amount(rng, 500'000), Currency{}}});
    return c;
}

}  // namespace

TEST_SUITE("pricing.properties") {
    TEST_CASE("the waterfall reconciles and the floor holds over generated rule books") {
        test::Rng rng{20240601};
        int clamped = 0;
        int refused = 0;
        int capped = 0;
        for (int book_no = 0; book_no < 2000; ++book_no) {
            CAPTURE(book_no);
            const RuleBook book{random_book(rng)};
            const PricingContext budgets = with_budgets(rng);
            for (int l = 0; l < 3; ++l) {
                const QuoteLine line{.product = ProductId{"P" + std::to_string(l)},
                                     .quantity = Decimal::scaled(rng.between(0, 10'000), -1)};
                const PricedLine p = price(book, line, budgets, today);
                REQUIRE(!p.waterfall.empty());
                Money sum = Money::zero(Currency{});
                for (std::size_t i = 0; i < p.waterfall.size(); ++i) {
                    const WaterfallStep& s = p.waterfall[i];
                    REQUIRE(s.after - s.before == s.delta);
                    if (i > 0) REQUIRE(s.before == p.waterfall[i - 1].after);
                    sum += s.delta;
                    if (s.budget_capped) {
                        // the capped discount never overruns the budget
                        ++capped;
                        const auto b =
                            std::find_if(budgets.budgets.begin(), budgets.budgets.end(),
                                         [&](const PromotionBudget& x) { return x.rule == s.rule; });
                        REQUIRE(b != budgets.budgets.end());
                        REQUIRE((s.before - s.after) * line.quantity <= b->remaining);
                    }
                }
                REQUIRE(p.waterfall.front().before == p.list_price);
                REQUIRE(p.waterfall.back().after == p.unit_price);
                REQUIRE(sum == p.unit_price - p.list_price);
                REQUIRE(p.unit_price.amount().scale() <= book.policy().unit_price_scale);
                REQUIRE(p.unit_price.signum() >= 0);
                REQUIRE(p.net_amount + p.tax == p.gross_amount);
                if (p.floor) {
                    if (book.policy().floor_policy == FloorPolicy::clamp) {
                        REQUIRE(p.unit_price >= *p.floor);
                        REQUIRE(p.decision.outcome() != Outcome::block);
                    } else if (p.unit_price < *p.floor) {
                        REQUIRE(p.decision.outcome() == Outcome::block);
                        ++refused;
                    }
                }
                if (p.floor_clamped) {
                    REQUIRE(p.waterfall.back().kind == StepKind::floor);
                    REQUIRE(p.decision.has("pricing.floor_clamped"));
                    ++clamped;
                }
            }
        }
        CHECK(clamped > 0);  // the generator reaches the interesting cases
        CHECK(refused > 0);
        CHECK(capped > 0);
    }

    TEST_CASE("line totals reconcile with the document total over generated documents") {
        test::Rng rng{7};
        for (int book_no = 0; book_no < 1000; ++book_no) {
            CAPTURE(book_no);
            const RuleBook book{random_book(rng)};
            std::vector<QuoteLine> lines;
            const auto n = rng.between(0, 6);
            for (std::int64_t i = 0; i < n; ++i)
                lines.push_back(QuoteLine{.product = ProductId{"P" + std::to_string(rng.below(3))},
                                          .quantity = Decimal::scaled(rng.between(0, 100'000), -2)});
            const PricedDocument doc = price_document(book, lines, ctx, today);
            Money net = Money::zero(Currency{});
            Money tax = net;
            Money gross = net;
            Money own_tax = net;  // each line's tax rounded on its own
            for (const PricedLine& p : doc.lines) {
                REQUIRE(p.net_amount + p.tax == p.gross_amount);
                net += p.net_amount;
                tax += p.tax;
                gross += p.gross_amount;
                own_tax += price(book, p.line, ctx, today).tax;
            }
            REQUIRE(net == doc.net_total);
            REQUIRE(tax == doc.tax_total);
            REQUIRE(gross == doc.gross_total);
            if (book.policy().tax_rounding == TaxRounding::per_line) {
                REQUIRE(doc.adjusted_lines.empty());
                REQUIRE(doc.tax_total == own_tax);
            } else {
                // the document charged the one-shot tax: own rounding - one-shot = difference
                REQUIRE(own_tax - doc.tax_total == doc.rounding_difference);
            }
        }
    }

    TEST_CASE("more quantity never raises the unit price under a break table") {
        test::Rng rng{99};
        for (int book_no = 0; book_no < 1000; ++book_no) {
            CAPTURE(book_no);
            // bands [t0, t1), [t1, t2), ..., [tn, inf) with discounts rising band by band
            RuleBookInput in{
                .entries = {PriceListEntry{.product = ProductId{"P"},
                                           .list_price = money_amount(rng, 100'000)}},
                .groups = {ExclusiveGroup{
                    .name = "breaks",
                    .policy = rng.coin() ? GroupPolicy::best_for_customer : GroupPolicy::highest_priority}}};
            const auto bands = rng.between(1, 6);
            std::int64_t threshold = rng.between(1, 10);
            std::int64_t discount = 0;
            for (std::int64_t b = 0; b < bands; ++b) {
                discount += rng.between(0, 1'500);  // in thousandths of a per cent
                Rule r{.id = RuleId{"b" + std::to_string(b)},
                       .kind = RuleKind::quantity_break,
                       .action = Action{.kind = ActionKind::percent_off,
                                        .percent = Percent{Decimal::scaled(discount, -3)}},
                       .group = "breaks"};
                r.when.min_quantity = Decimal{threshold};
                threshold += rng.between(1, 50);
                if (b + 1 < bands) r.when.max_quantity = Decimal{threshold};
                in.rules.push_back(r);
            }
            const RuleBook book{in};
            Money previous{book.entries()[0].list_price, Currency{}};
            for (std::int64_t q = 0; q <= threshold + 2; q += rng.between(1, 4)) {
                CAPTURE(q);
                const PricedLine p =
                    price(book, QuoteLine{.product = ProductId{"P"}, .quantity = Decimal{q}}, ctx, today);
                REQUIRE(p.unit_price <= previous);
                previous = p.unit_price;
            }
        }
    }

}  // TEST_SUITE
