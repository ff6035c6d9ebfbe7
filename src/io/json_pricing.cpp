// The `pricing` section of a policy version: the rule book (price list, contract prices, rules,
// exclusive groups, product groups, the book-wide policy) and the price-authority table. The
// members mirror pricing::RuleBookInput and pricing::AuthorityTable one for one, so the paths
// PolicySet::validate names (`pricing.book.rules[2].action.percent`) are the document's
// pointers (`/pricing/book/rules/2/action/percent`).

#include <crm/pricing/authority.hpp>
#include <crm/pricing/model.hpp>

#include <array>
#include <string_view>
#include <utility>

#include "json_codec.hpp"

namespace crm::io::codec {

namespace {

// The stable names of the pricing enumerations that have no to_string of their own.
template <class E>
struct Named {
    E value;
    std::string_view name;
};
constexpr std::array<Named<pricing::Stacking>, 2> stacking_names{
    {{pricing::Stacking::compounded, "compounded"}, {pricing::Stacking::additive, "additive"}}};
constexpr std::array<Named<pricing::FloorPolicy>, 2> floor_names{
    {{pricing::FloorPolicy::clamp, "clamp"}, {pricing::FloorPolicy::refuse, "refuse"}}};
constexpr std::array<Named<pricing::TaxRounding>, 2> tax_rounding_names{
    {{pricing::TaxRounding::per_line, "per_line"}, {pricing::TaxRounding::per_document, "per_document"}}};

template <class E, std::size_t N>
E named(const In& in, const std::array<Named<E>, N>& all) {
    const std::string s = text(in);
    std::string names;
    for (const auto& n : all) {
        if (n.name == s) return n.value;
        names += (names.empty() ? "" : ", ") + std::string(n.name);
    }
    fail(in, ErrorCode::parse_error, "\"" + s + "\" is not one of " + names);
}
template <class E, std::size_t N>
Json w_named(E e, const std::array<Named<E>, N>& all) {
    for (const auto& n : all)
        if (n.value == e) return std::string(n.name);
    throw Error(ErrorCode::invalid_argument, "", "a value outside its enumeration cannot be written");
}

constexpr std::array contract_scopes{pricing::ContractScope::account, pricing::ContractScope::tier,
                                     pricing::ContractScope::segment, pricing::ContractScope::region};
constexpr std::array rule_kinds{pricing::RuleKind::quantity_break, pricing::RuleKind::tier_discount,
                                pricing::RuleKind::segment_discount, pricing::RuleKind::promotion,
                                pricing::RuleKind::preferential};
constexpr std::array action_kinds{pricing::ActionKind::percent_off, pricing::ActionKind::amount_off,
                                  pricing::ActionKind::fixed_price, pricing::ActionKind::cost_plus};
constexpr std::array group_policies{pricing::GroupPolicy::best_for_customer,
                                    pricing::GroupPolicy::highest_priority};

// ---- reading ---------------------------------------------------------------------------------

template <class T>
auto ids(const In& in) {
    return list(in, [](const In& v) { return id<T>(v); });
}
std::vector<std::string> texts(const In& in) { return list(in, text); }

/// `{"from": "2025-01-01", "to": null}`; `from` left out or null: the earliest date.
pricing::Validity validity(const In& in) {
    Obj o(in);
    pricing::Validity v;
    if (auto f = o.opt("from"); f && !f->j.is_null()) v.from = date(*f);
    nullable(o, "to", v.to, date);
    o.done();
    return v;
}

pricing::PriceListEntry entry(const In& in) {
    Obj o(in);
    pricing::PriceListEntry e;
    e.product = id<ProductId>(o.req("product"));
    plain(o, "unit", e.unit, text);
    e.currency = currency(o.req("currency"));
    plain(o, "valid", e.valid, validity);
    e.list_price = decimal(o.req("list_price"), "a price");
    nullable(o, "cost", e.cost, [](const In& v) { return decimal(v, "a cost"); });
    nullable(o, "min_price", e.min_price, [](const In& v) { return decimal(v, "a price"); });
    o.done();
    return e;
}

pricing::ContractPrice contract_price(const In& in) {
    Obj o(in);
    pricing::ContractPrice c;
    c.id = id<RuleId>(o.req("id"));
    plain(o, "scope", c.scope, [](const In& v) { return enumerated(v, contract_scopes); });
    c.key = text(o.req("key"));
    c.product = id<ProductId>(o.req("product"));
    plain(o, "unit", c.unit, text);
    c.currency = currency(o.req("currency"));
    plain(o, "valid", c.valid, validity);
    c.price = decimal(o.req("price"), "a price");
    o.done();
    return c;
}

pricing::Conditions conditions(const In& in) {
    Obj o(in);
    pricing::Conditions c;
    plain(o, "products", c.products, ids<ProductId>);
    plain(o, "product_groups", c.product_groups, ids<ProductGroupId>);
    plain(o, "accounts", c.accounts, ids<AccountId>);
    plain(o, "tiers", c.tiers, texts);
    plain(o, "segments", c.segments, texts);
    plain(o, "regions", c.regions, ids<RegionId>);
    nullable(o, "min_quantity", c.min_quantity, [](const In& v) { return decimal(v, "a quantity"); });
    plain(o, "min_side", c.min_side, [](const In& v) { return enumerated(v, boundaries); });
    nullable(o, "max_quantity", c.max_quantity, [](const In& v) { return decimal(v, "a quantity"); });
    plain(o, "max_side", c.max_side, [](const In& v) { return enumerated(v, boundaries); });
    plain(o, "valid", c.valid, validity);
    o.done();
    return c;
}

pricing::Action action(const In& in) {
    Obj o(in);
    pricing::Action a;
    plain(o, "kind", a.kind, [](const In& v) { return enumerated(v, action_kinds); });
    plain(o, "percent", a.percent, percent);
    plain(o, "amount", a.amount, money);
    o.done();
    return a;
}

pricing::Rule rule(const In& in) {
    Obj o(in);
    pricing::Rule r;
    r.id = id<RuleId>(o.req("id"));
    plain(o, "kind", r.kind, [](const In& v) { return enumerated(v, rule_kinds); });
    plain(o, "when", r.when, conditions);
    r.action = action(o.req("action"));
    plain(o, "group", r.group, text);
    plain(o, "priority", r.priority, small_int);
    plain(o, "sequence", r.sequence, small_int);
    plain(o, "applies_on_contract_price", r.applies_on_contract_price, boolean);
    plain(o, "budget_limited", r.budget_limited, boolean);
    o.done();
    return r;
}

pricing::ExclusiveGroup exclusive_group(const In& in) {
    Obj o(in);
    pricing::ExclusiveGroup g;
    g.name = text(o.req("name"));
    plain(o, "policy", g.policy, [](const In& v) { return enumerated(v, group_policies); });
    plain(o, "sequence", g.sequence, small_int);
    o.done();
    return g;
}

pricing::ProductGroup product_group(const In& in) {
    Obj o(in);
    pricing::ProductGroup g;
    g.id = id<ProductGroupId>(o.req("id"));
    plain(o, "products", g.products, ids<ProductId>);
    o.done();
    return g;
}

pricing::PricingPolicy book_policy(const In& in) {
    Obj o(in);
    pricing::PricingPolicy p;
    plain(o, "unit_price_scale", p.unit_price_scale, small_int);
    plain(o, "unit_price_rounding", p.unit_price_rounding,
          [](const In& v) { return enumerated(v, rounding_modes); });
    plain(o, "amount_rounding", p.amount_rounding, [](const In& v) { return enumerated(v, rounding_modes); });
    plain(o, "stacking", p.stacking, [](const In& v) { return named(v, stacking_names); });
    plain(o, "floor_policy", p.floor_policy, [](const In& v) { return named(v, floor_names); });
    nullable(o, "min_margin", p.min_margin, percent);
    plain(o, "vat", p.vat, percent);
    plain(o, "prices_include_tax", p.prices_include_tax, boolean);
    plain(o, "tax_rounding", p.tax_rounding, [](const In& v) { return named(v, tax_rounding_names); });
    o.done();
    return p;
}

pricing::RuleBookInput book(const In& in) {
    Obj o(in);
    pricing::RuleBookInput b;
    plain(o, "entries", b.entries, [](const In& v) { return list(v, entry); });
    plain(o, "contract_prices", b.contract_prices, [](const In& v) { return list(v, contract_price); });
    plain(o, "rules", b.rules, [](const In& v) { return list(v, rule); });
    plain(o, "groups", b.groups, [](const In& v) { return list(v, exclusive_group); });
    plain(o, "product_groups", b.product_groups, [](const In& v) { return list(v, product_group); });
    plain(o, "policy", b.policy, book_policy);
    o.done();
    return b;
}

pricing::AuthorityRow authority_row(const In& in) {
    Obj o(in);
    pricing::AuthorityRow r;
    r.role = id<RoleId>(o.req("role"));
    r.rank = small_int(o.req("rank"));
    nullable(o, "max_discount", r.max_discount, percent);
    nullable(o, "min_price", r.min_price, money);
    o.done();
    return r;
}

pricing::AuthorityTable authority(const In& in) {
    Obj o(in);
    pricing::AuthorityTable t;
    plain(o, "rows", t.rows, [](const In& v) { return list(v, authority_row); });
    o.done();
    return t;
}

// ---- writing ---------------------------------------------------------------------------------

template <class T>
Json w_ids(const std::vector<T>& v) {
    return w_list(v, [](const T& x) { return w(x); });
}
Json w_texts(const std::vector<std::string>& v) {
    return w_list(v, [](const std::string& x) { return Json(x); });
}
Json w_opt_decimal(const std::optional<Decimal>& d) { return d ? w(*d) : Json(nullptr); }

Json w_validity(const pricing::Validity& v) {
    return Json{{"from", v.from == Date::min() ? Json(nullptr) : w(v.from)}, {"to", w_opt(v.to)}};
}

Json w_entry(const pricing::PriceListEntry& e) {
    return Json{{"product", w(e.product)},
                {"unit", e.unit},
                {"currency", std::string(e.currency.code())},
                {"valid", w_validity(e.valid)},
                {"list_price", w(e.list_price)},
                {"cost", w_opt_decimal(e.cost)},
                {"min_price", w_opt_decimal(e.min_price)}};
}

Json w_contract(const pricing::ContractPrice& c) {
    return Json{{"id", w(c.id)},
                {"scope", w_enum(c.scope)},
                {"key", c.key},
                {"product", w(c.product)},
                {"unit", c.unit},
                {"currency", std::string(c.currency.code())},
                {"valid", w_validity(c.valid)},
                {"price", w(c.price)}};
}

Json w_rule(const pricing::Rule& r) {
    const pricing::Conditions& c = r.when;
    return Json{
        {"id", w(r.id)},
        {"kind", w_enum(r.kind)},
        {"when",
         {{"products", w_ids(c.products)},
          {"product_groups", w_ids(c.product_groups)},
          {"accounts", w_ids(c.accounts)},
          {"tiers", w_texts(c.tiers)},
          {"segments", w_texts(c.segments)},
          {"regions", w_ids(c.regions)},
          {"min_quantity", w_opt_decimal(c.min_quantity)},
          {"min_side", w_enum(c.min_side)},
          {"max_quantity", w_opt_decimal(c.max_quantity)},
          {"max_side", w_enum(c.max_side)},
          {"valid", w_validity(c.valid)}}},
        {"action",
         {{"kind", w_enum(r.action.kind)}, {"percent", w(r.action.percent)}, {"amount", w(r.action.amount)}}},
        {"group", r.group},
        {"priority", r.priority},
        {"sequence", r.sequence},
        {"applies_on_contract_price", r.applies_on_contract_price},
        {"budget_limited", r.budget_limited}};
}

Json w_policy(const pricing::PricingPolicy& p) {
    return Json{{"unit_price_scale", p.unit_price_scale},
                {"unit_price_rounding", w_enum(p.unit_price_rounding)},
                {"amount_rounding", w_enum(p.amount_rounding)},
                {"stacking", w_named(p.stacking, stacking_names)},
                {"floor_policy", w_named(p.floor_policy, floor_names)},
                {"min_margin", w_opt(p.min_margin)},
                {"vat", w(p.vat)},
                {"prices_include_tax", p.prices_include_tax},
                {"tax_rounding", w_named(p.tax_rounding, tax_rounding_names)}};
}

}  // namespace

policy::PricingPolicies pricing_policies(const In& in) {
    Obj o(in);
    policy::PricingPolicies p;
    plain(o, "book", p.book, book);
    plain(o, "authority", p.authority, authority);
    o.done();
    return p;
}

std::optional<Json> w_pricing(const policy::PricingPolicies& pricing, const std::string& /*path*/) {
    const pricing::RuleBookInput& b = pricing.book;
    return Json{
        {"book",
         {{"entries", w_list(b.entries, w_entry)},
          {"contract_prices", w_list(b.contract_prices, w_contract)},
          {"rules", w_list(b.rules, w_rule)},
          {"groups",
           w_list(b.groups,
                  [](const pricing::ExclusiveGroup& g) {
                      return Json{{"name", g.name}, {"policy", w_enum(g.policy)}, {"sequence", g.sequence}};
                  })},
          {"product_groups", w_list(b.product_groups,
                                    [](const pricing::ProductGroup& g) {
                                        return Json{{"id", w(g.id)}, {"products", w_ids(g.products)}};
                                    })},
          {"policy", w_policy(b.policy)}}},
        {"authority", {{"rows", w_list(pricing.authority.rows, [](const pricing::AuthorityRow& r) {
                            return Json{{"role", w(r.role)},
                                        {"rank", r.rank},
                                        {"max_discount", w_opt(r.max_discount)},
                                        {"min_price", w_opt(r.min_price)}};
                        })}}}};
}

}  // namespace crm::io::codec
