#include <crm/pricing/lint.hpp>
#include <crm/pricing/reasons.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <ostream>
#include <tuple>
#include <unordered_set>

namespace crm::pricing {

std::string_view to_string(LintKind k) noexcept {
    switch (k) {
    case LintKind::unbreakable_tie: return "unbreakable_tie";
    case LintKind::shadowed: return "shadowed";
    case LintKind::never_fires: return "never_fires";
    case LintKind::undeclared_order: return "undeclared_order";
    case LintKind::overlapping_breaks: return "overlapping_breaks";
    case LintKind::break_gap: return "break_gap";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, LintKind k) { return os << to_string(k); }

std::ostream& operator<<(std::ostream& os, const LintFinding& f) {
    os << f.kind;
    for (const RuleId& r : f.rules) os << ' ' << r;
    if (!f.group.empty()) os << " [" << f.group << ']';
    return os << ": " << f.message;
}

namespace {

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

template <class T>
bool disjoint(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.empty() || b.empty()) return false;
    return std::none_of(a.begin(), a.end(), [&](const T& x) { return contains(b, x); });
}

// Every element of `inner` is in `outer` (outer empty: "any").
template <class T>
bool covers(const std::vector<T>& outer, const std::vector<T>& inner) {
    if (outer.empty()) return true;
    if (inner.empty()) return false;
    return std::all_of(inner.begin(), inner.end(), [&](const T& x) { return contains(outer, x); });
}

LintFinding finding(LintKind kind, std::vector<RuleId> rules, std::string group, Reason reason) {
    std::string message = explain(reason, Lang::en);
    return LintFinding{kind, std::move(rules), std::move(group), std::move(message), std::move(reason)};
}

class Linter {
public:
    explicit Linter(const RuleBook& book) : book_(book) {
        for (const PriceListEntry& e : book.entries()) known_.insert(e.product);
    }

    bool in_any(const ProductId& p, const std::vector<ProductGroupId>& groups) const {
        const auto gs = book_.groups_of(p);
        return std::any_of(gs.begin(), gs.end(),
                           [&](const ProductGroupId& g) { return contains(groups, g); });
    }

    // Some product can satisfy the product and product-group conditions of both rules.
    bool products_overlap(const Conditions& a, const Conditions& b) const {
        std::vector<ProductId> named;
        if (!a.products.empty() && !b.products.empty()) {
            for (const ProductId& p : a.products)
                if (contains(b.products, p)) named.push_back(p);
            if (named.empty()) return false;
        } else if (!a.products.empty()) {
            named = a.products;
        } else if (!b.products.empty()) {
            named = b.products;
        }
        const auto fits = [&](const ProductId& p) {
            return (a.product_groups.empty() || in_any(p, a.product_groups)) &&
                   (b.product_groups.empty() || in_any(p, b.product_groups));
        };
        if (!named.empty()) return std::any_of(named.begin(), named.end(), fits);
        if (a.product_groups.empty() || b.product_groups.empty()) return true;
        for (const ProductGroup& g : book_.product_groups())
            if (std::any_of(g.products.begin(), g.products.end(), fits)) return true;
        return false;
    }

    // `lower`'s upper bound ends before `upper`'s lower bound starts (no quantity in both).
    static bool ends_before(const Conditions& lower, const Conditions& upper) {
        if (!lower.max_quantity) return false;
        const Decimal upper_min = upper.min_quantity.value_or(Decimal{});
        const Boundary upper_side = upper.min_quantity ? upper.min_side : Boundary::inclusive;
        if (*lower.max_quantity < upper_min) return true;
        return *lower.max_quantity == upper_min &&
               !(lower.max_side == Boundary::inclusive && upper_side == Boundary::inclusive);
    }

    static bool quantities_overlap(const Conditions& a, const Conditions& b) {
        return !ends_before(a, b) && !ends_before(b, a);
    }

    bool can_hold_together(const Conditions& a, const Conditions& b) const {
        return products_overlap(a, b) && !disjoint(a.accounts, b.accounts) && !disjoint(a.tiers, b.tiers) &&
               !disjoint(a.segments, b.segments) && !disjoint(a.regions, b.regions) &&
               quantities_overlap(a, b) && a.valid.overlaps(b.valid);
    }

    // Whenever `b` holds, `a` holds.
    bool subsumes(const Conditions& a, const Conditions& b) const {
        if (!a.products.empty() && !covers(a.products, b.products)) return false;
        if (!a.product_groups.empty()) {
            const bool by_group = !b.product_groups.empty() && covers(a.product_groups, b.product_groups);
            const bool by_product = !b.products.empty() && std::all_of(b.products.begin(), b.products.end(),
                                                                       [&](const ProductId& p) {
                                                                           return in_any(p, a.product_groups);
                                                                       });
            if (!by_group && !by_product) return false;
        }
        if (!covers(a.accounts, b.accounts) || !covers(a.tiers, b.tiers) || !covers(a.segments, b.segments) ||
            !covers(a.regions, b.regions))
            return false;
        const Decimal a_min = a.min_quantity.value_or(Decimal{});
        const Decimal b_min = b.min_quantity.value_or(Decimal{});
        if (a_min > b_min) return false;
        if (a_min == b_min && a.min_quantity && a.min_side == Boundary::exclusive &&
            !(b.min_quantity && b.min_side == Boundary::exclusive))
            return false;
        if (a.max_quantity) {
            if (!b.max_quantity || *b.max_quantity > *a.max_quantity) return false;
            if (*b.max_quantity == *a.max_quantity && a.max_side == Boundary::exclusive &&
                b.max_side == Boundary::inclusive)
                return false;
        }
        if (a.valid.from > b.valid.from) return false;
        if (a.valid.to && (!b.valid.to || *b.valid.to > *a.valid.to)) return false;
        return true;
    }

    // `a` always gives a result at least as good for the customer as `b`, strictly better
    // (`strict`) or equal.
    static std::optional<bool> better_for_customer(const Action& a, const Action& b) {
        if (a.kind != b.kind) return std::nullopt;
        switch (a.kind) {
        case ActionKind::percent_off:
            if (a.percent == b.percent) return false;
            if (a.percent > b.percent) return true;
            return std::nullopt;
        case ActionKind::amount_off:
            if (a.amount.currency() != b.amount.currency()) return std::nullopt;
            if (a.amount == b.amount) return false;
            if (a.amount > b.amount) return true;
            return std::nullopt;
        case ActionKind::fixed_price:
            if (a.amount.currency() != b.amount.currency()) return std::nullopt;
            if (a.amount == b.amount) return false;
            if (a.amount < b.amount) return true;
            return std::nullopt;
        case ActionKind::cost_plus: return std::nullopt;
        }
        return std::nullopt;
    }

    // `a` wins over `b` whenever both hold (ties broken by id are not counted).
    bool always_beats(const Rule& a, const Rule& b, GroupPolicy policy) const {
        if (a.budget_limited || a.action.kind == ActionKind::cost_plus) return false;
        if (!subsumes(a.when, b.when)) return false;
        if (policy == GroupPolicy::highest_priority) return a.priority > b.priority;
        const auto better = better_for_customer(a.action, b.action);
        if (!better) return false;
        return *better || a.priority > b.priority;
    }

    bool never_fires(const Rule& r) const {
        const Conditions& c = r.when;
        if (!c.products.empty() && std::none_of(c.products.begin(), c.products.end(),
                                                [&](const ProductId& p) { return known_.contains(p); }))
            return true;
        if (!c.product_groups.empty()) {
            for (const ProductGroup& g : book_.product_groups())
                if (contains(c.product_groups, g.id) && !g.products.empty()) return false;
            return true;
        }
        return false;
    }

    std::vector<LintFinding> run() const {
        std::vector<LintFinding> out;
        const auto rules = book_.rules();
        std::map<std::string, std::vector<std::size_t>> by_group;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (never_fires(rules[i]))
                out.push_back(finding(
                    LintKind::never_fires, {rules[i].id}, rules[i].group,
                    Reason{reasons::lint_never_fires, Outcome::warn}.with("rule", rules[i].id.value())));
            by_group[rules[i].group].push_back(i);
        }
        for (const auto& [name, members] : by_group) {
            if (!name.empty())
                exclusive(name, members, out);
            else
                cumulative(members, out);
            breaks(name, members, out);
        }
        return out;
    }

private:
    void exclusive(const std::string& name, const std::vector<std::size_t>& members,
                   std::vector<LintFinding>& out) const {
        const auto rules = book_.rules();
        const GroupPolicy policy = book_.find_group(name)->policy;
        for (std::size_t x = 0; x < members.size(); ++x) {
            const Rule& a = rules[members[x]];
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                const Rule& b = rules[members[y]];
                if (!can_hold_together(a.when, b.when)) continue;
                if (a.priority == b.priority && a.action == b.action)
                    out.push_back(finding(LintKind::unbreakable_tie, {a.id, b.id}, name,
                                          Reason{reasons::lint_unbreakable_tie, Outcome::warn}
                                              .with("rule", a.id.value())
                                              .with("other_rule", b.id.value())
                                              .with("group", name)));
            }
        }
        for (std::size_t x = 0; x < members.size(); ++x) {
            const Rule& b = rules[members[x]];
            for (std::size_t y = 0; y < members.size(); ++y) {
                if (x == y) continue;
                const Rule& a = rules[members[y]];
                if (always_beats(a, b, policy)) {
                    out.push_back(finding(LintKind::shadowed, {b.id, a.id}, name,
                                          Reason{reasons::lint_shadowed, Outcome::warn}
                                              .with("rule", b.id.value())
                                              .with("other_rule", a.id.value())
                                              .with("group", name)));
                    break;
                }
            }
        }
    }

    void cumulative(const std::vector<std::size_t>& members, std::vector<LintFinding>& out) const {
        const auto rules = book_.rules();
        for (std::size_t x = 0; x < members.size(); ++x) {
            const Rule& a = rules[members[x]];
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                const Rule& b = rules[members[y]];
                if (a.sequence != b.sequence || !can_hold_together(a.when, b.when)) continue;
                const bool commute =
                    a.action.kind == b.action.kind &&
                    (a.action.kind == ActionKind::percent_off || a.action.kind == ActionKind::amount_off);
                if (!commute)
                    out.push_back(finding(LintKind::undeclared_order, {a.id, b.id}, "",
                                          Reason{reasons::lint_undeclared_order, Outcome::warn}
                                              .with("rule", a.id.value())
                                              .with("other_rule", b.id.value())
                                              .with("sequence", static_cast<std::int64_t>(a.sequence))));
            }
        }
    }

    void breaks(const std::string& name, const std::vector<std::size_t>& members,
                std::vector<LintFinding>& out) const {
        const auto rules = book_.rules();
        // bands with the same other conditions form one table
        std::vector<std::vector<std::size_t>> tables;
        for (std::size_t i : members) {
            const Rule& r = rules[i];
            if (r.kind != RuleKind::quantity_break) continue;
            const auto same_table = [&](const std::vector<std::size_t>& t) {
                const Conditions& o = rules[t.front()].when;
                return o.products == r.when.products && o.product_groups == r.when.product_groups &&
                       o.accounts == r.when.accounts && o.tiers == r.when.tiers &&
                       o.segments == r.when.segments && o.regions == r.when.regions &&
                       o.valid.overlaps(r.when.valid);
            };
            auto it = std::find_if(tables.begin(), tables.end(), same_table);
            if (it == tables.end())
                tables.push_back({i});
            else
                it->push_back(i);
        }
        for (std::vector<std::size_t>& t : tables) {
            std::sort(t.begin(), t.end(), [&](std::size_t a, std::size_t b) {
                return std::tuple{rules[a].when.min_quantity.value_or(Decimal{}), a} <
                       std::tuple{rules[b].when.min_quantity.value_or(Decimal{}), b};
            });
            for (std::size_t k = 1; k < t.size(); ++k) {
                const Rule& prev = rules[t[k - 1]];
                const Rule& next = rules[t[k]];
                const Decimal next_min = next.when.min_quantity.value_or(Decimal{});
                const bool next_includes =
                    !next.when.min_quantity || next.when.min_side == Boundary::inclusive;
                const bool prev_includes = prev.when.max_side == Boundary::inclusive;
                if (!prev.when.max_quantity || next_min < *prev.when.max_quantity ||
                    (next_min == *prev.when.max_quantity && next_includes && prev_includes))
                    out.push_back(finding(LintKind::overlapping_breaks, {prev.id, next.id}, name,
                                          Reason{reasons::lint_overlapping_breaks, Outcome::warn}
                                              .with("rule", prev.id.value())
                                              .with("other_rule", next.id.value())
                                              .with("from", next_min)));
                else if (next_min > *prev.when.max_quantity || (!next_includes && !prev_includes))
                    out.push_back(finding(LintKind::break_gap, {prev.id, next.id}, name,
                                          Reason{reasons::lint_break_gap, Outcome::warn}
                                              .with("rule", prev.id.value())
                                              .with("other_rule", next.id.value())
                                              .with("from", *prev.when.max_quantity)
                                              .with("to", next_min)));
            }
        }
    }

    const RuleBook& book_;
    std::unordered_set<ProductId> known_;
};

}  // namespace

std::vector<LintFinding> lint(const RuleBook& book) { return Linter{book}.run(); }

}  // namespace crm::pricing
