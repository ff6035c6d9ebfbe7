// Linting a rule book before go-live.
#include <crm/pricing/lint.hpp>
#include <crm/pricing/price.hpp>

#include <doctest/doctest.h>

#include <sstream>

#include "../support/generators.hpp"

using namespace crm;
using namespace crm::pricing;

namespace {

Rule off(std::string_view id, std::string_view pct, std::string group = "g", int priority = 0) {
    return Rule{.id = RuleId{id},
                .action = Action{.kind = ActionKind::percent_off, .percent = Percent{pct}},
                .group = std::move(group),
                .priority = priority};
}

Rule band(std::string_view id, std::int64_t min, std::optional<std::int64_t> max, std::string_view pct) {
    Rule r = off(id, pct, "breaks");
    r.kind = RuleKind::quantity_break;
    r.when.min_quantity = Decimal{min};
    if (max) r.when.max_quantity = Decimal{*max};
    return r;
}

RuleBookInput base() {
    return RuleBookInput{
        .entries = {PriceListEntry{.product = ProductId{"P1"}, .list_price = Decimal{100}},
                    PriceListEntry{.product = ProductId{"P2"}, .list_price = Decimal{100}}},
        .groups = {ExclusiveGroup{.name = "g"},
                   ExclusiveGroup{.name = "hp", .policy = GroupPolicy::highest_priority},
                   ExclusiveGroup{.name = "breaks"}},
        .product_groups = {ProductGroup{ProductGroupId{"pumps"}, {ProductId{"P1"}}}},
    };
}

std::vector<LintKind> kinds(const std::vector<LintFinding>& f) {
    std::vector<LintKind> k;
    for (const LintFinding& x : f) k.push_back(x.kind);
    return k;
}

}  // namespace

TEST_SUITE("pricing.lint") {
    TEST_CASE("a clean book has no findings") {
        RuleBookInput in = base();
        in.rules = {band("q1", 1, 10, "2"), band("q2", 10, 100, "4"), band("q3", 100, std::nullopt, "6")};
        CHECK(lint(RuleBook{in}).empty());
    }

    TEST_CASE("two rules of a group with the same priority and action tie for good") {
        RuleBookInput in = base();
        in.rules = {off("a", "10"), off("b", "10")};
        const auto f = lint(RuleBook{in});
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == LintKind::unbreakable_tie);
        CHECK(f[0].rules == std::vector<RuleId>{RuleId{"a"}, RuleId{"b"}});
        // conditions that cannot hold together do not tie
        in.rules[0].when.accounts = {AccountId{"x"}};
        in.rules[1].when.accounts = {AccountId{"y"}};
        CHECK(lint(RuleBook{in}).empty());
    }

    TEST_CASE("a rule always beaten by a broader rule of its group is shadowed") {
        RuleBookInput in = base();
        // best for customer: 'broad' (any product, 10%) beats 'narrow' (P1 only, 5%) whenever narrow holds
        in.rules = {off("broad", "10"), off("narrow", "5")};
        in.rules[1].when.products = {ProductId{"P1"}};
        auto f = lint(RuleBook{in});
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == LintKind::shadowed);
        CHECK(f[0].rules == std::vector<RuleId>{RuleId{"narrow"}, RuleId{"broad"}});
        // the narrow rule gives more: not shadowed
        in.rules[1].action.percent = Percent{"12"};
        CHECK(lint(RuleBook{in}).empty());
        // highest priority: a group-wide rule of higher priority shadows a product rule of the group
        in = base();
        in.rules = {off("wide", "1", "hp", 9), off("p1", "20", "hp", 1)};
        in.rules[0].when.product_groups = {ProductGroupId{"pumps"}};
        in.rules[1].when.products = {ProductId{"P1"}};
        f = lint(RuleBook{in});
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == LintKind::shadowed);
        CHECK(f[0].group == "hp");
    }

    TEST_CASE("overlapping quantity breaks and gaps are found") {
        RuleBookInput in = base();
        in.rules = {band("q1", 1, 10, "2"), band("q2", 8, 50, "4"), band("q3", 60, std::nullopt, "6")};
        const auto f = lint(RuleBook{in});
        CHECK(kinds(f) == std::vector<LintKind>{LintKind::overlapping_breaks, LintKind::break_gap});
        CHECK(f[1].message == "no quantity band covers the quantities from 50 to 60 between rules q2 and q3");
        CHECK(explain(f[1].reason, Lang::zh) == "规则 q2 与 q3 之间, 数量 50 至 60 没有任何数量区间覆盖");
        std::ostringstream os;
        os << f[0];
        CHECK(os.str() ==
              "overlapping_breaks q1 q2 [breaks]: the quantity bands of rules q1 and q2 overlap from 8");
        CHECK(explain(f[0].reason, Lang::zh) == "规则 q1 与 q2 的数量区间自 8 起重叠");
    }

    TEST_CASE("quantity breaks meet or overlap or leave a gap by the sides of their bounds") {
        // [1, 50) then 50以上: contiguous (the default sides); 50以下 then 50以上: both hold 50;
        // 不满50 then 超过50: 50 itself is in no band
        RuleBookInput in = base();
        in.rules = {band("q1", 1, 50, "2"), band("q2", 50, std::nullopt, "4")};
        CHECK(lint(RuleBook{in}).empty());
        in.rules[0].when.max_side = Boundary::inclusive;
        auto f = lint(RuleBook{in});
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == LintKind::overlapping_breaks);
        in.rules[0].when.max_side = Boundary::exclusive;
        in.rules[1].when.min_side = Boundary::exclusive;
        f = lint(RuleBook{in});
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == LintKind::break_gap);
        CHECK(explain(f[0].reason, Lang::en) ==
              "no quantity band covers the quantities from 50 to 50 between rules q1 and q2");
        // 50以下 then 超过50: contiguous again
        in.rules[0].when.max_side = Boundary::inclusive;
        CHECK(lint(RuleBook{in}).empty());
    }

    TEST_CASE("every lint finding explains itself in English and Chinese") {
        RuleBookInput in = base();
        in.rules = {band("q1", 1, 10, "2"), band("q2", 8, 50, "4"), band("q3", 60, std::nullopt, "6")};
        for (const LintFinding& f : lint(RuleBook{in})) {
            CAPTURE(f.message);
            CHECK(f.message == explain(f.reason, Lang::en));
            const std::string zh = explain(f.reason, Lang::zh);
            CHECK(zh.find('{') == std::string::npos);
            CHECK(zh != f.message);
        }
    }

    TEST_CASE("cumulative rules whose order matters need a declared sequence") {
        RuleBookInput in = base();
        in.rules = {off("pct", "10", ""), off("pct2", "5", ""),
                    Rule{.id = RuleId{"fixed"},
                         .action = Action{.kind = ActionKind::fixed_price, .amount = Money{"80", "CNY"}}}};
        // 10% then fixed 80 is 80; fixed 80 then 10% is 72: the order must be declared
        const auto f = lint(RuleBook{in});
        CHECK(kinds(f) == std::vector<LintKind>{LintKind::undeclared_order, LintKind::undeclared_order});
        CHECK(f[0].rules == std::vector<RuleId>{RuleId{"pct"}, RuleId{"fixed"}});
        in.rules[2].sequence = 1;
        CHECK(lint(RuleBook{in}).empty());  // two percentages commute
    }

    TEST_CASE("rules that name unknown products or empty groups never fire") {
        RuleBookInput in = base();
        in.rules = {off("ghost", "5", ""), off("nogroup", "5", "")};
        in.rules[0].when.products = {ProductId{"P9"}};
        in.rules[1].when.product_groups = {ProductGroupId{"valves"}};
        CHECK(kinds(lint(RuleBook{in})) ==
              std::vector<LintKind>{LintKind::never_fires, LintKind::never_fires});
    }

    TEST_CASE("every reported tie or shadow is real over generated groups") {
        // property: for a shadowed pair, pricing a line where the shadowed rule holds never picks it
        test::Rng rng{4242};
        int shadowed = 0;
        for (int n = 0; n < 500; ++n) {
            CAPTURE(n);
            RuleBookInput in = base();
            const auto rules = rng.between(2, 5);
            for (std::int64_t i = 0; i < rules; ++i) {
                Rule r = off("r" + std::to_string(i), std::to_string(rng.between(1, 4) * 5),
                             rng.coin() ? "g" : "hp", static_cast<int>(rng.below(3)));
                if (rng.coin()) r.when.products = {ProductId{rng.coin() ? "P1" : "P2"}};
                if (rng.coin()) r.when.tiers = {"A"};
                in.rules.push_back(r);
            }
            for (const LintFinding& f : lint(RuleBook{in})) {
                if (f.kind != LintKind::shadowed) continue;
                ++shadowed;
                // a line on which the shadowed rule holds: it must not be the one applied
                const auto it = std::find_if(in.rules.begin(), in.rules.end(),
                                             [&](const Rule& r) { return r.id == f.rules[0]; });
                REQUIRE(it != in.rules.end());
                const ProductId product =
                    it->when.products.empty() ? ProductId{"P1"} : it->when.products.front();
                const PricedLine p =
                    price(RuleBook{in}, QuoteLine{.product = product, .quantity = Decimal{1}},
                          PricingContext{.tier = "A"}, Date{2024, 1, 1});
                CHECK(std::none_of(p.waterfall.begin(), p.waterfall.end(),
                                   [&](const WaterfallStep& s) { return s.rule == f.rules[0]; }));
            }
        }
        CHECK(shadowed > 0);
    }

}  // TEST_SUITE
