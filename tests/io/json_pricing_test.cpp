// The `pricing` section of a policy version: a worked document read to its values, bad input
// naming the JSON Pointer, and the round trip over generated rule books and authority tables.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/pricing/authority.hpp>
#include <crm/pricing/model.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Boundary;
using crm::Date;
using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using crm::Percent;
using crm::test::Rng;
namespace pricing = crm::pricing;

namespace {

/// A policy set of one version whose `pricing` member is `section`.
std::string with_pricing(const std::string& section) {
    return R"({"versions": [{"id": "v1", "effective_from": "2025-01-01", "pricing": )" + section + "}]}";
}

// A price list of one product P1 (list 100.00, cost 60.00), an account contract price for P2, a
// quantity break "50件以上" (inclusive) of 5% and "超过100件" (exclusive) of 8% competing in an
// exclusive group, a cumulative promotion of 2.00 off on the product group G1, and two roles.
const char* const worked = R"({
  "book": {
    "entries": [
      {"product": "P1", "unit": "EA", "currency": "CNY", "valid": {"from": "2025-01-01", "to": null},
       "list_price": "100.00", "cost": "60.00"},
      {"product": "P2", "currency": "CNY", "list_price": "80.0000", "min_price": "50"}
    ],
    "contract_prices": [
      {"id": "C1", "scope": "account", "key": "ACME", "product": "P2", "currency": "CNY",
       "valid": {"from": "2025-02-01", "to": "2025-12-31"}, "price": "72.50"}
    ],
    "rules": [
      {"id": "Q50", "kind": "quantity_break", "group": "qty", "priority": 1,
       "when": {"products": ["P1"], "min_quantity": "50", "max_quantity": "100", "max_side": "inclusive"},
       "action": {"kind": "percent_off", "percent": "5%"}},
      {"id": "Q100", "kind": "quantity_break", "group": "qty", "priority": 2,
       "when": {"products": ["P1"], "min_quantity": "100", "min_side": "exclusive"},
       "action": {"kind": "percent_off", "percent": "8%"}},
      {"id": "PR1", "kind": "promotion", "sequence": 5, "budget_limited": true,
       "when": {"product_groups": ["G1"], "tiers": ["A"], "segments": ["government"], "regions": ["east"],
                "accounts": ["ACME"], "valid": {"from": "2025-03-01", "to": "2025-03-31"}},
       "action": {"kind": "amount_off", "amount": {"amount": "2.00", "currency": "CNY"}},
       "applies_on_contract_price": true}
    ],
    "groups": [{"name": "qty", "policy": "highest_priority", "sequence": 1}],
    "product_groups": [{"id": "G1", "products": ["P1", "P2"]}],
    "policy": {"unit_price_scale": 2, "unit_price_rounding": "half_even", "amount_rounding": "down",
               "stacking": "additive", "floor_policy": "refuse", "min_margin": "10%", "vat": "9%",
               "prices_include_tax": true, "tax_rounding": "per_document"}
  },
  "authority": {"rows": [
    {"role": "sales_rep", "rank": 1, "max_discount": "5%"},
    {"role": "sales_director", "rank": 4, "max_discount": null,
     "min_price": {"amount": "40.00", "currency": "CNY"}}
  ]}
})";

}  // namespace

TEST_SUITE("io.json.pricing") {
    TEST_CASE("a worked pricing section reads to its rule book and authority table") {
        const auto set = crm::io::read_policy_set(with_pricing(worked), "worked.json");
        const auto& p = set.versions.at(0).pricing;
        const pricing::RuleBookInput& b = p.book;
        REQUIRE(b.entries.size() == 2);
        CHECK(b.entries[0].product == crm::ProductId{"P1"});
        CHECK(b.entries[0].valid.from == Date{2025, 1, 1});
        CHECK_FALSE(b.entries[0].valid.to);
        CHECK(b.entries[0].list_price == Decimal::parse("100"));
        CHECK(b.entries[0].cost == Decimal::parse("60"));
        CHECK_FALSE(b.entries[0].min_price);
        CHECK(b.entries[1].unit == "EA");               // left out: the default unit
        CHECK(b.entries[1].valid.from == Date::min());  // left out: valid since ever
        CHECK(b.entries[1].min_price == Decimal::parse("50"));

        REQUIRE(b.contract_prices.size() == 1);
        CHECK(b.contract_prices[0].scope == pricing::ContractScope::account);
        CHECK(b.contract_prices[0].key == "ACME");
        CHECK(b.contract_prices[0].valid.to == Date{2025, 12, 31});
        CHECK(b.contract_prices[0].price == Decimal::parse("72.5"));

        REQUIRE(b.rules.size() == 3);
        const pricing::Rule& q50 = b.rules[0];
        CHECK(q50.kind == pricing::RuleKind::quantity_break);
        CHECK(q50.group == "qty");
        CHECK(q50.when.min_quantity == Decimal::parse("50"));
        CHECK(q50.when.min_side == Boundary::inclusive);  // left out: 以上
        CHECK(q50.when.max_quantity == Decimal::parse("100"));
        CHECK(q50.when.max_side == Boundary::inclusive);  // given: 100件以下
        CHECK(q50.action.percent == Percent{"5"});
        const pricing::Rule& q100 = b.rules[1];
        CHECK(q100.when.min_side == Boundary::exclusive);  // 超过100件
        CHECK(q100.when.max_side == Boundary::exclusive);  // left out: the default
        CHECK_FALSE(q100.when.max_quantity);
        CHECK(q100.priority == 2);
        const pricing::Rule& pr = b.rules[2];
        CHECK(pr.kind == pricing::RuleKind::promotion);
        CHECK(pr.group.empty());
        CHECK(pr.sequence == 5);
        CHECK(pr.budget_limited);
        CHECK(pr.applies_on_contract_price);
        CHECK(pr.action.kind == pricing::ActionKind::amount_off);
        CHECK(pr.action.amount == Money{"2.00", "CNY"});
        CHECK(pr.when.product_groups == std::vector{crm::ProductGroupId{"G1"}});
        CHECK(pr.when.tiers == std::vector<std::string>{"A"});
        CHECK(pr.when.segments == std::vector<std::string>{"government"});
        CHECK(pr.when.regions == std::vector{crm::RegionId{"east"}});
        CHECK(pr.when.accounts == std::vector{crm::AccountId{"ACME"}});
        CHECK(pr.when.valid.contains(Date{2025, 3, 31}));
        CHECK_FALSE(pr.when.valid.contains(Date{2025, 4, 1}));

        REQUIRE(b.groups.size() == 1);
        CHECK(b.groups[0].policy == pricing::GroupPolicy::highest_priority);
        CHECK(b.groups[0].sequence == 1);
        REQUIRE(b.product_groups.size() == 1);
        CHECK(b.product_groups[0].products.size() == 2);

        CHECK(b.policy.unit_price_scale == 2);
        CHECK(b.policy.unit_price_rounding == crm::RoundingMode::half_even);
        CHECK(b.policy.amount_rounding == crm::RoundingMode::down);
        CHECK(b.policy.stacking == pricing::Stacking::additive);
        CHECK(b.policy.floor_policy == pricing::FloorPolicy::refuse);
        CHECK(b.policy.min_margin == Percent{"10"});
        CHECK(b.policy.vat == Percent{"9"});
        CHECK(b.policy.prices_include_tax);
        CHECK(b.policy.tax_rounding == pricing::TaxRounding::per_document);

        REQUIRE(p.authority.rows.size() == 2);
        CHECK(p.authority.rows[0].role == crm::RoleId{"sales_rep"});
        CHECK(p.authority.rows[0].max_discount == Percent{"5"});
        CHECK_FALSE(p.authority.rows[0].min_price);
        CHECK(p.authority.rows[1].rank == 4);
        CHECK_FALSE(p.authority.rows[1].max_discount);
        CHECK(p.authority.rows[1].min_price == Money{"40.00", "CNY"});
    }

    TEST_CASE("an empty pricing section takes the defaults of the rule book's policy") {
        const auto set = crm::io::read_policy_set(with_pricing("{}"));
        CHECK(set.versions[0].pricing == crm::policy::PricingPolicies{});
        CHECK(set.versions[0].pricing.book.policy.vat == Percent{"13"});
    }

    TEST_CASE("bad pricing input names the JSON Pointer") {
        struct Case {
            const char* name;
            std::string section;
            ErrorCode code;
            const char* pointer;
        };
        const Case cases[] = {
            {"unknown key in a rule", R"({"book": {"rules": [{"id": "R", "action": {}, "prio": 1}]}})",
             ErrorCode::parse_error, "/versions/0/pricing/book/rules/0/prio"},
            {"unknown key in the section", R"({"books": {}})", ErrorCode::parse_error,
             "/versions/0/pricing/books"},
            {"a JSON number as a list price",
             R"({"book": {"entries": [{"product": "P", "currency": "CNY", "list_price": 10.5}]}})",
             ErrorCode::parse_error, "/versions/0/pricing/book/entries/0/list_price"},
            {"a JSON number as an amount off",
             R"({"book": {"rules": [{"id": "R", "action": {"kind": "amount_off", "amount": 2}}]}})",
             ErrorCode::parse_error, "/versions/0/pricing/book/rules/0/action/amount"},
            {"a JSON number as a percent",
             R"({"authority": {"rows": [{"role": "r", "rank": 1, "max_discount": 5}]}})",
             ErrorCode::parse_error, "/versions/0/pricing/authority/rows/0/max_discount"},
            {"a wrong enum name", R"({"book": {"policy": {"stacking": "compound"}}})", ErrorCode::parse_error,
             "/versions/0/pricing/book/policy/stacking"},
            {"a wrong boundary name",
             R"({"book": {"rules": [{"id": "R", "action": {}, "when": {"min_side": "以上"}}]}})",
             ErrorCode::parse_error, "/versions/0/pricing/book/rules/0/when/min_side"},
            {"a percent off above 100 (the rule book refuses it)",
             R"({"book": {"rules": [{"id": "R", "action": {"kind": "percent_off", "percent": "120%"}}]}})",
             ErrorCode::invalid_argument, "/versions/0/pricing/book/rules/0/action/percent"},
            {"a rule naming an unknown group",
             R"({"book": {"rules": [{"id": "R", "group": "nope", "action": {}}]}})", ErrorCode::not_found,
             "/versions/0/pricing/book/rules/0/group"},
            {"a validity that ends before it starts",
             R"({"book": {"entries": [{"product": "P", "currency": "CNY", "list_price": "1", "valid": {"from": "2025-02-01", "to": "2025-01-01"}}]}})",
             ErrorCode::invalid_argument, "/versions/0/pricing/book/entries/0/valid/to"},
            {"an authority role given twice",
             R"({"authority": {"rows": [{"role": "r", "rank": 1}, {"role": "r", "rank": 2}]}})",
             ErrorCode::duplicate, "/versions/0/pricing/authority/rows/1/role"},
            {"a rule without its action", R"({"book": {"rules": [{"id": "R"}]}})", ErrorCode::parse_error,
             "/versions/0/pricing/book/rules/0"},
        };
        for (const Case& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            const std::string doc = with_pricing(c.section);
            crm::test::check_error([&] { return crm::io::read_policy_set(doc, "f"); }, c.code, c.pointer);
        }
    }
}

// ---- the round trip ---------------------------------------------------------------------------

namespace {

Decimal amount(Rng& rng, int places) { return Decimal::scaled(rng.between(0, 9'999'999), -places); }
Percent percent(Rng& rng, std::int64_t hi) { return Percent{Decimal::scaled(rng.between(0, hi * 100), -2)}; }

template <class T>
std::vector<T> some_ids(Rng& rng, const char* prefix) {
    std::vector<T> out;
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
        out.push_back(T{std::string(prefix) + std::to_string(rng.below(5))});
    return out;
}

pricing::Validity validity(Rng& rng) {
    pricing::Validity v;
    if (rng.coin()) v.from = Date{2024, 1, 1} + crm::Days{rng.between(0, 400)};
    if (rng.coin())
        v.to = (v.from == Date::min() ? Date{2024, 1, 1} : v.from) + crm::Days{rng.between(0, 400)};
    return v;
}

crm::RoundingMode rounding(Rng& rng) {
    static constexpr crm::RoundingMode all[] = {crm::RoundingMode::half_even, crm::RoundingMode::half_up,
                                                crm::RoundingMode::half_down, crm::RoundingMode::up,
                                                crm::RoundingMode::down,      crm::RoundingMode::ceiling,
                                                crm::RoundingMode::floor};
    return all[rng.below(std::size(all))];
}

/// A valid pricing section: products with one entry each (no overlapping windows), rules with
/// unique ids whose groups exist, actions within their ranges, distinct authority roles and ranks.
crm::policy::PricingPolicies generated(Rng& rng) {
    static const char* const currencies[] = {"CNY", "USD", "JPY"};
    crm::policy::PricingPolicies p;
    pricing::RuleBookInput& b = p.book;
    for (int i = 0, n = static_cast<int>(rng.below(4)); i < n; ++i) {
        pricing::PriceListEntry e{.product = crm::ProductId{"P" + std::to_string(i)},
                                  .unit = rng.coin() ? "EA" : "KG",
                                  .currency = crm::Currency{currencies[rng.below(3)]},
                                  .valid = validity(rng),
                                  .list_price = amount(rng, 4)};
        if (rng.coin()) e.cost = amount(rng, 2);
        if (rng.coin()) e.min_price = amount(rng, 0);
        b.entries.push_back(e);
    }
    static constexpr pricing::ContractScope scopes[] = {
        pricing::ContractScope::account, pricing::ContractScope::tier, pricing::ContractScope::segment,
        pricing::ContractScope::region};
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
        b.contract_prices.push_back({.id = crm::RuleId{"C" + std::to_string(i)},
                                     .scope = scopes[rng.below(4)],
                                     .key = rng.coin() ? "ACME" : "政府单位",
                                     .product = crm::ProductId{"P" + std::to_string(rng.below(4))},
                                     .unit = "EA",
                                     .currency = crm::Currency{"CNY"},
                                     .valid = validity(rng),
                                     .price = amount(rng, 2)});
    static constexpr pricing::GroupPolicy policies[] = {pricing::GroupPolicy::best_for_customer,
                                                        pricing::GroupPolicy::highest_priority};
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
        b.groups.push_back({.name = "g" + std::to_string(i),
                            .policy = policies[rng.below(2)],
                            .sequence = static_cast<int>(rng.between(-5, 5))});
    static constexpr pricing::RuleKind kinds[] = {
        pricing::RuleKind::quantity_break, pricing::RuleKind::tier_discount,
        pricing::RuleKind::segment_discount, pricing::RuleKind::promotion, pricing::RuleKind::preferential};
    static constexpr pricing::ActionKind actions[] = {
        pricing::ActionKind::percent_off, pricing::ActionKind::amount_off, pricing::ActionKind::fixed_price,
        pricing::ActionKind::cost_plus};
    for (int i = 0, n = static_cast<int>(rng.below(5)); i < n; ++i) {
        pricing::Rule r{.id = crm::RuleId{"R" + std::to_string(i)}, .kind = kinds[rng.below(5)]};
        r.when.products = some_ids<crm::ProductId>(rng, "P");
        r.when.product_groups = some_ids<crm::ProductGroupId>(rng, "G");
        r.when.accounts = some_ids<crm::AccountId>(rng, "A");
        r.when.regions = some_ids<crm::RegionId>(rng, "east");
        if (rng.coin()) r.when.tiers = {"A", "B"};
        if (rng.coin()) r.when.segments = {"government"};
        if (rng.coin()) r.when.min_quantity = Decimal::scaled(rng.between(0, 100), 0);
        if (rng.coin())
            r.when.max_quantity =
                r.when.min_quantity.value_or(Decimal{}) + Decimal::scaled(rng.between(1, 500), -1);
        r.when.min_side = rng.coin() ? Boundary::inclusive : Boundary::exclusive;
        r.when.max_side = rng.coin() ? Boundary::inclusive : Boundary::exclusive;
        r.when.valid = validity(rng);
        r.action.kind = actions[rng.below(4)];
        r.action.percent = percent(rng, 100);
        r.action.amount = Money{amount(rng, 2), crm::Currency{"CNY"}};
        if (!b.groups.empty() && rng.coin()) r.group = b.groups[rng.below(b.groups.size())].name;
        r.priority = static_cast<int>(rng.between(-3, 3));
        r.sequence = static_cast<int>(rng.between(0, 9));
        r.applies_on_contract_price = rng.coin();
        r.budget_limited = rng.coin();
        b.rules.push_back(r);
    }
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
        b.product_groups.push_back({.id = crm::ProductGroupId{"G" + std::to_string(i)},
                                    .products = some_ids<crm::ProductId>(rng, "P")});
    b.policy.unit_price_scale = static_cast<int>(rng.between(0, 12));
    b.policy.unit_price_rounding = rounding(rng);
    b.policy.amount_rounding = rounding(rng);
    b.policy.stacking = rng.coin() ? pricing::Stacking::additive : pricing::Stacking::compounded;
    b.policy.floor_policy = rng.coin() ? pricing::FloorPolicy::refuse : pricing::FloorPolicy::clamp;
    if (rng.coin()) b.policy.min_margin = percent(rng, 50);
    b.policy.vat = percent(rng, 20);
    b.policy.prices_include_tax = rng.coin();
    b.policy.tax_rounding = rng.coin() ? pricing::TaxRounding::per_document : pricing::TaxRounding::per_line;
    for (int i = 0, n = static_cast<int>(rng.below(4)); i < n; ++i) {
        pricing::AuthorityRow r{.role = crm::RoleId{"role" + std::to_string(i)}, .rank = i + 1};
        if (rng.coin()) r.max_discount = percent(rng, 100);
        if (rng.coin()) r.min_price = Money{amount(rng, 2), crm::Currency{currencies[rng.below(3)]}};
        p.authority.rows.push_back(r);
    }
    return p;
}

}  // namespace

TEST_SUITE("io.json.pricing") {
    TEST_CASE("a property: generated pricing sections round-trip and the writing is a fixed point") {
        Rng rng(0x9051);
        int books_with_rules = 0;
        for (int round = 0; round < 300; ++round) {
            CAPTURE(round);
            crm::policy::PolicySet set{.versions = {{.id = "v", .effective_from = Date{2025, 1, 1}}}};
            set.versions[0].pricing = generated(rng);
            (void)set.validate();  // the generator makes valid sections only
            books_with_rules += set.versions[0].pricing.book.rules.empty() ? 0 : 1;
            const std::string doc = crm::io::write_policy_set(set);
            const auto back = crm::io::read_policy_set(doc, "generated.json");
            CHECK(back.versions[0].pricing == set.versions[0].pricing);
            CHECK(crm::io::write_policy_set(back) == doc);
        }
        CHECK(books_with_rules > 100);  // the property was not proven on empty books only
    }
}
