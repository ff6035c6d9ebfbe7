// Pricing benchmarks (issue 6): pricing one quote line against rule books of 10, 1,000 and
// 10,000 rules. The line always meets the same 10 candidate rules (product, product-group,
// account, tier and generic buckets: an exclusive group of quantity breaks, tier and
// promotion rules, one contract price); the larger books add rules for other products,
// groups, accounts and tiers. Baseline: BM_price_line_10_rules in the same run; target:
// BM_price_line_10k_rules <= 3x of it (the look-up is indexed, not a scan).

#include <crm/pricing/price.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace crm;
using namespace crm::pricing;

Rule percent_rule(std::string id, RuleKind kind, std::string_view pct) {
    return Rule{.id = RuleId{std::move(id)}, .kind = kind,
                .action = Action{.kind = ActionKind::percent_off, .percent = Percent{pct}}};
}

// The 10 rules the benchmarked line meets, then `total - 10` rules it does not.
RuleBook make_book(int total) {
    RuleBookInput in;
    in.groups = {ExclusiveGroup{.name = "breaks", .sequence = 1}, ExclusiveGroup{.name = "promo", .sequence = 3}};
    in.product_groups = {ProductGroup{ProductGroupId{"G0"}, {ProductId{"P0"}}}};
    const int products = std::max(1, total / 10);
    for (int p = 0; p < products; ++p) {
        in.entries.push_back(PriceListEntry{.product = ProductId{"P" + std::to_string(p)}, .list_price = Decimal{"128.50"},
                                            .cost = Decimal{"70"}});
    }
    in.policy.min_margin = Percent{"5"};
    in.contract_prices.push_back(ContractPrice{.id = RuleId{"contract"}, .scope = ContractScope::tier, .key = "B",
                                               .product = ProductId{"P0"}, .price = Decimal{"120"}});
    // quantity breaks on P0: [1,10) 2%, [10,50) 4%, [50,200) 6%, [200,inf) 8%
    const char* pct[] = {"2", "4", "6", "8"};
    const int edges[] = {1, 10, 50, 200};
    for (int i = 0; i < 4; ++i) {
        Rule r = percent_rule("break" + std::to_string(i), RuleKind::quantity_break, pct[i]);
        r.group = "breaks";
        r.when.products = {ProductId{"P0"}};
        r.when.min_quantity = Decimal{edges[i]};
        if (i < 3) r.when.max_quantity = Decimal{edges[i + 1]};
        in.rules.push_back(r);
    }
    Rule tier = percent_rule("tier-a", RuleKind::tier_discount, "3");
    tier.when.tiers = {"A"};
    tier.sequence = 2;
    in.rules.push_back(tier);
    Rule acct = percent_rule("acme-promo", RuleKind::promotion, "5");
    acct.when.accounts = {AccountId{"acme"}};
    acct.group = "promo";
    in.rules.push_back(acct);
    Rule grp = percent_rule("group-promo", RuleKind::promotion, "4");
    grp.when.product_groups = {ProductGroupId{"G0"}};
    grp.group = "promo";
    in.rules.push_back(grp);
    Rule generic = percent_rule("june", RuleKind::promotion, "1");
    generic.when.valid = Validity{Date{2024, 6, 1}, Date{2024, 6, 30}};
    generic.sequence = 4;
    in.rules.push_back(generic);
    Rule pref = Rule{.id = RuleId{"pref"}, .kind = RuleKind::preferential,
                     .action = Action{.kind = ActionKind::amount_off, .amount = Money{"0.50", "CNY"}}, .sequence = 5};
    pref.when.products = {ProductId{"P0"}};
    in.rules.push_back(pref);
    Rule seg = percent_rule("seg", RuleKind::segment_discount, "1.5");
    seg.when.segments = {"industry"};
    seg.sequence = 2;
    in.rules.push_back(seg);
    // the rest: rules of other products, groups, accounts and tiers
    for (int i = static_cast<int>(in.rules.size()); i < total; ++i) {
        Rule r = percent_rule("other" + std::to_string(i), RuleKind::promotion, "2.5");
        switch (i % 4) {
        case 0: r.when.products = {ProductId{"P" + std::to_string(1 + i % (products > 1 ? products - 1 : 1))}}; break;
        case 1: r.when.product_groups = {ProductGroupId{"G" + std::to_string(1 + i)}}; break;
        case 2: r.when.accounts = {AccountId{"acct" + std::to_string(i)}}; break;
        default: r.when.tiers = {"T" + std::to_string(i)}; break;
        }
        in.rules.push_back(r);
    }
    return RuleBook{std::move(in)};
}

void run(benchmark::State& state, int rules) {
    const RuleBook book = make_book(rules);
    const PricingContext ctx{.account = AccountId{"acme"}, .tier = "A", .segment = "industry", .region = RegionId{"east"}};
    const QuoteLine line{.product = ProductId{"P0"}, .quantity = Decimal{60}};
    const Date as_of{2024, 6, 15};
    for (auto _ : state) {
        PricedLine p = price(book, line, ctx, as_of);
        benchmark::DoNotOptimize(p);
    }
}

void BM_price_line_10_rules(benchmark::State& state) { run(state, 10); }
void BM_price_line_1k_rules(benchmark::State& state) { run(state, 1'000); }
void BM_price_line_10k_rules(benchmark::State& state) { run(state, 10'000); }

}  // namespace

BENCHMARK(BM_price_line_10_rules);
BENCHMARK(BM_price_line_1k_rules);
BENCHMARK(BM_price_line_10k_rules);
