#include <crm/core/error.hpp>
#include <crm/pricing/rule_book.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <unordered_set>
#include <utility>

namespace crm::pricing {

std::string_view to_string(ContractScope s) noexcept {
    switch (s) {
    case ContractScope::account: return "account";
    case ContractScope::tier: return "tier";
    case ContractScope::segment: return "segment";
    case ContractScope::region: return "region";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, ContractScope s) { return os << to_string(s); }

std::string_view to_string(RuleKind k) noexcept {
    switch (k) {
    case RuleKind::quantity_break: return "quantity_break";
    case RuleKind::tier_discount: return "tier_discount";
    case RuleKind::segment_discount: return "segment_discount";
    case RuleKind::promotion: return "promotion";
    case RuleKind::preferential: return "preferential";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, RuleKind k) { return os << to_string(k); }

std::string_view to_string(ActionKind k) noexcept {
    switch (k) {
    case ActionKind::percent_off: return "percent_off";
    case ActionKind::amount_off: return "amount_off";
    case ActionKind::fixed_price: return "fixed_price";
    case ActionKind::cost_plus: return "cost_plus";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, ActionKind k) { return os << to_string(k); }

std::string_view to_string(GroupPolicy p) noexcept {
    return p == GroupPolicy::best_for_customer ? "best_for_customer" : "highest_priority";
}

namespace {

std::string key_of(const ProductId& product, const std::string& unit) {
    std::string k = product.value();
    k += '\x1f';
    k += unit;
    return k;
}

std::string at(std::string_view list, std::size_t i, std::string_view rest) {
    std::string s{list};
    s += '[';
    s += std::to_string(i);
    s += ']';
    s += rest;
    return s;
}

void check_validity(const Validity& v, const std::string& field) {
    if (v.to && *v.to < v.from)
        throw Error(ErrorCode::invalid_argument, field, "the validity ends before it starts");
}

void check_rounding(RoundingMode mode, const std::string& field) {
    switch (mode) {
    case RoundingMode::half_even:
    case RoundingMode::half_up:
    case RoundingMode::half_down:
    case RoundingMode::up:
    case RoundingMode::down:
    case RoundingMode::ceiling:
    case RoundingMode::floor: return;
    }
    throw Error(ErrorCode::invalid_argument, field, "not a rounding mode");
}

void check_not_negative(const Decimal& d, const std::string& field) {
    if (d.signum() < 0) throw Error(ErrorCode::invalid_argument, field, "must not be negative");
}

}  // namespace

RuleBook::RuleBook(RuleBookInput input) : input_(std::move(input)) {
    const PricingPolicy& pol = input_.policy;
    check_rounding(pol.unit_price_rounding, "policy.unit_price_rounding");
    check_rounding(pol.amount_rounding, "policy.amount_rounding");
    if (pol.stacking != Stacking::compounded && pol.stacking != Stacking::additive)
        throw Error(ErrorCode::invalid_argument, "policy.stacking", "not a stacking");
    if (pol.floor_policy != FloorPolicy::clamp && pol.floor_policy != FloorPolicy::refuse)
        throw Error(ErrorCode::invalid_argument, "policy.floor_policy", "not a floor policy");
    if (pol.tax_rounding != TaxRounding::per_line && pol.tax_rounding != TaxRounding::per_document)
        throw Error(ErrorCode::invalid_argument, "policy.tax_rounding", "not a tax rounding");
    if (pol.unit_price_scale < 0 || pol.unit_price_scale > 12)
        throw Error(ErrorCode::invalid_argument, "policy.unit_price_scale", "must be 0..12");
    if (pol.vat.value().signum() < 0)
        throw Error(ErrorCode::invalid_argument, "policy.vat", "must not be negative");
    if (pol.min_margin && pol.min_margin->value().signum() < 0)
        throw Error(ErrorCode::invalid_argument, "policy.min_margin", "must not be negative");

    for (std::size_t i = 0; i < input_.groups.size(); ++i) {
        const GroupPolicy gp = input_.groups[i].policy;
        if (gp != GroupPolicy::best_for_customer && gp != GroupPolicy::highest_priority)
            throw Error(ErrorCode::invalid_argument, at("groups", i, ".policy"), "not a group policy");
        if (input_.groups[i].name.empty())
            throw Error(ErrorCode::invalid_argument, at("groups", i, ".name"),
                        "an exclusive group needs a name");
        if (!group_index_.emplace(input_.groups[i].name, i).second)
            throw Error(ErrorCode::duplicate, at("groups", i, ".name"), "exclusive group named twice");
    }

    for (std::size_t i = 0; i < input_.entries.size(); ++i) {
        const PriceListEntry& e = input_.entries[i];
        check_validity(e.valid, at("entries", i, ".valid.to"));
        check_not_negative(e.list_price, at("entries", i, ".list_price"));
        if (e.cost) check_not_negative(*e.cost, at("entries", i, ".cost"));
        if (e.min_price) check_not_negative(*e.min_price, at("entries", i, ".min_price"));
        auto& bucket = entries_by_key_[key_of(e.product, e.unit)];
        for (std::size_t j : bucket) {
            const PriceListEntry& o = input_.entries[j];
            if (o.currency == e.currency && o.valid.overlaps(e.valid))
                throw Error(ErrorCode::inconsistent, at("entries", i, ".valid"),
                            "overlaps the validity of another entry of the same product and unit");
        }
        bucket.push_back(i);
    }

    std::unordered_set<RuleId> ids;
    for (std::size_t i = 0; i < input_.contract_prices.size(); ++i) {
        const ContractPrice& c = input_.contract_prices[i];
        if (!ids.insert(c.id).second)
            throw Error(ErrorCode::duplicate, at("contract_prices", i, ".id"), "id given twice");
        if (static_cast<unsigned>(c.scope) > static_cast<unsigned>(ContractScope::region))
            throw Error(ErrorCode::invalid_argument, at("contract_prices", i, ".scope"),
                        "not a contract scope");
        check_validity(c.valid, at("contract_prices", i, ".valid.to"));
        check_not_negative(c.price, at("contract_prices", i, ".price"));
        contracts_by_key_[key_of(c.product, c.unit)].push_back(i);
    }

    for (std::size_t i = 0; i < input_.rules.size(); ++i) {
        const Rule& r = input_.rules[i];
        if (!ids.insert(r.id).second)
            throw Error(ErrorCode::duplicate, at("rules", i, ".id"), "id given twice");
        if (static_cast<unsigned>(r.kind) > static_cast<unsigned>(RuleKind::preferential))
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".kind"), "not a rule kind");
        if (static_cast<unsigned>(r.action.kind) > static_cast<unsigned>(ActionKind::cost_plus))
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".action.kind"), "not an action kind");
        check_validity(r.when.valid, at("rules", i, ".when.valid.to"));
        const Decimal& pct = r.action.percent.value();
        if (r.action.kind == ActionKind::percent_off && (pct.signum() < 0 || pct > Decimal{100}))
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".action.percent"),
                        "a discount must be 0..100%");
        if (r.action.kind == ActionKind::cost_plus && pct.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".action.percent"),
                        "a margin must not be negative");
        if ((r.action.kind == ActionKind::amount_off || r.action.kind == ActionKind::fixed_price) &&
            r.action.amount.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".action.amount"),
                        "must not be negative");
        if (r.when.min_quantity && r.when.min_quantity->signum() < 0)
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".when.min_quantity"),
                        "must not be negative");
        if (r.when.max_quantity && r.when.max_quantity->signum() <= 0)
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".when.max_quantity"),
                        "must be positive");
        if (r.when.min_side != Boundary::inclusive && r.when.min_side != Boundary::exclusive)
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".when.min_side"), "not a boundary");
        if (r.when.max_side != Boundary::inclusive && r.when.max_side != Boundary::exclusive)
            throw Error(ErrorCode::invalid_argument, at("rules", i, ".when.max_side"), "not a boundary");
        if (r.when.min_quantity && r.when.max_quantity &&
            (*r.when.max_quantity < *r.when.min_quantity ||
             (*r.when.max_quantity == *r.when.min_quantity &&
              !(r.when.min_side == Boundary::inclusive && r.when.max_side == Boundary::inclusive))))
            throw Error(
                ErrorCode::invalid_argument, at("rules", i, ".when.max_quantity"),
                "the band holds no quantity: max must be above min (or equal, with both sides inclusive)");
        if (!r.group.empty() && !group_index_.contains(r.group))
            throw Error(ErrorCode::not_found, at("rules", i, ".group"), "no exclusive group of that name");

        if (!r.when.products.empty()) {
            for (const auto& p : r.when.products) {
                auto& b = by_product_[p];
                if (b.empty() || b.back() != i) b.push_back(i);
            }
            for (const auto& g : r.when.product_groups) {
                auto& b = group_named_by_product_rules_[g];
                if (b.empty() || b.back() != i) b.push_back(i);
            }
        } else if (!r.when.product_groups.empty()) {
            for (const auto& g : r.when.product_groups) {
                auto& b = by_group_[g];
                if (b.empty() || b.back() != i) b.push_back(i);
            }
        } else if (!r.when.accounts.empty()) {
            for (const auto& a : r.when.accounts) {
                auto& b = by_account_[a];
                if (b.empty() || b.back() != i) b.push_back(i);
            }
        } else if (!r.when.tiers.empty()) {
            for (const auto& t : r.when.tiers) {
                auto& b = by_tier_[t];
                if (b.empty() || b.back() != i) b.push_back(i);
            }
        } else if (!r.when.segments.empty()) {
            for (const auto& s : r.when.segments) {
                auto& b = by_segment_[s];
                if (b.empty() || b.back() != i) b.push_back(i);
            }
        } else {
            generic_.push_back(i);
        }
    }

    for (const ProductGroup& g : input_.product_groups) {
        for (const ProductId& p : g.products) {
            auto& v = groups_of_[p];
            if (std::find(v.begin(), v.end(), g.id) == v.end()) v.push_back(g.id);
        }
    }
}

const ExclusiveGroup* RuleBook::find_group(const std::string& name) const noexcept {
    const auto it = group_index_.find(name);
    return it == group_index_.end() ? nullptr : &input_.groups[it->second];
}

std::span<const ProductGroupId> RuleBook::groups_of(const ProductId& product) const noexcept {
    const auto it = groups_of_.find(product);
    if (it == groups_of_.end()) return {};
    return it->second;
}

bool RuleBook::knows_product(const ProductId& product) const noexcept {
    return std::any_of(input_.entries.begin(), input_.entries.end(),
                       [&](const PriceListEntry& e) { return e.product == product; });
}

const PriceListEntry* RuleBook::find_entry(const ProductId& product, const std::string& unit,
                                           const Currency& currency, Date as_of) const noexcept {
    const auto it = entries_by_key_.find(key_of(product, unit));
    if (it == entries_by_key_.end()) return nullptr;
    for (std::size_t i : it->second) {
        const PriceListEntry& e = input_.entries[i];
        if (e.currency == currency && e.valid.contains(as_of)) return &e;
    }
    return nullptr;
}

std::vector<std::size_t> RuleBook::candidates(const ProductId& product, const PricingContext& ctx) const {
    std::vector<std::size_t> out;
    const auto add = [&out](const auto& map, const auto& key) {
        const auto it = map.find(key);
        if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    };
    add(by_product_, product);
    for (const ProductGroupId& g : groups_of(product)) add(by_group_, g);
    add(by_account_, ctx.account);
    add(by_tier_, ctx.tier);
    add(by_segment_, ctx.segment);
    out.insert(out.end(), generic_.begin(), generic_.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::size_t> RuleBook::naming(const ProductId& product) const {
    std::vector<std::size_t> out;
    const auto add = [&out](const auto& map, const auto& key) {
        const auto it = map.find(key);
        if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    };
    add(by_product_, product);
    for (const ProductGroupId& g : groups_of(product)) {
        add(by_group_, g);
        add(group_named_by_product_rules_, g);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::span<const std::size_t> RuleBook::contract_candidates(const ProductId& product,
                                                           const std::string& unit) const noexcept {
    const auto it = contracts_by_key_.find(key_of(product, unit));
    if (it == contracts_by_key_.end()) return {};
    return it->second;
}

}  // namespace crm::pricing
