#include <crm/core/error.hpp>
#include <crm/pricing/price.hpp>
#include <crm/pricing/reasons.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <tuple>
#include <utility>

namespace crm::pricing {

std::string_view to_string(StepKind k) noexcept {
    switch (k) {
    case StepKind::list_price: return "list_price";
    case StepKind::contract_price: return "contract_price";
    case StepKind::quantity_break: return "quantity_break";
    case StepKind::tier_discount: return "tier_discount";
    case StepKind::segment_discount: return "segment_discount";
    case StepKind::promotion: return "promotion";
    case StepKind::preferential: return "preferential";
    case StepKind::rounding: return "rounding";
    case StepKind::floor: return "floor";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, StepKind k) { return os << to_string(k); }

std::ostream& operator<<(std::ostream& os, const WaterfallStep& s) {
    os << s.kind;
    if (!s.rule.empty()) os << ' ' << s.rule;
    os << ": " << s.before << " -> " << s.after << " (" << s.delta << ')';
    if (s.budget_capped) os << " budget capped";
    if (!s.tied_with.empty()) {
        os << " tie with";
        for (const RuleId& r : s.tied_with) os << ' ' << r;
    }
    return os;
}

std::ostream& operator<<(std::ostream& os, const PricedLine& p) {
    for (const WaterfallStep& s : p.waterfall) os << s << '\n';
    for (const NotApplied& n : p.not_applied) os << "  not applied " << n.rule << ": " << n.condition << '\n';
    return os << "unit " << p.unit_price << " x " << p.line.quantity << " = " << p.net_amount << " + tax "
              << p.tax << " = " << p.gross_amount;
}

namespace {

std::string_view step_name(StepKind k, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (k) {
    case StepKind::list_price: return zh ? "标价" : "list price";
    case StepKind::contract_price: return zh ? "合同价" : "contract price";
    case StepKind::quantity_break: return zh ? "数量折扣" : "quantity break";
    case StepKind::tier_discount: return zh ? "客户等级折扣" : "tier discount";
    case StepKind::segment_discount: return zh ? "细分市场折扣" : "segment discount";
    case StepKind::promotion: return zh ? "促销" : "promotion";
    case StepKind::preferential: return zh ? "优惠" : "preferential";
    case StepKind::rounding: return zh ? "舍入" : "rounding";
    case StepKind::floor: return zh ? "底价" : "floor";
    }
    return "?";
}

struct ConditionText {
    std::string_view code;
    std::string_view en;
    std::string_view zh;
};
constexpr ConditionText condition_texts[] = {
    {"validity", "outside its validity", "不在有效期内"},
    {"product", "product not eligible", "产品不符"},
    {"product_group", "product group not eligible", "产品组不符"},
    {"account", "account not eligible", "客户不符"},
    {"tier", "tier not eligible", "客户等级不符"},
    {"segment", "segment not eligible", "细分市场不符"},
    {"region", "region not eligible", "区域不符"},
    {"quantity", "quantity outside its band", "数量不在范围内"},
    {"currency", "another currency", "币种不符"},
    {"cost", "no cost for cost-plus", "无成本价, 无法成本加成"},
    {"contract_price", "does not stack on a contract price", "不叠加于合同价"},
    {"budget", "promotion budget exhausted", "促销预算不足"},
    {"lost_in_group", "another rule of its exclusive group won", "同一互斥组中其他规则胜出"},
    {"less_specific", "a more specific contract price applies", "有更具体的合同价"},
    {"superseded", "a lower contract price of the same scope applies", "同级别有更低的合同价"},
};

std::string_view condition_text(std::string_view code, Lang lang) noexcept {
    for (const ConditionText& t : condition_texts)
        if (t.code == code) return lang == Lang::zh ? t.zh : t.en;
    return code;
}

StepKind step_of(RuleKind k) noexcept {
    switch (k) {
    case RuleKind::quantity_break: return StepKind::quantity_break;
    case RuleKind::tier_discount: return StepKind::tier_discount;
    case RuleKind::segment_discount: return StepKind::segment_discount;
    case RuleKind::promotion: return StepKind::promotion;
    case RuleKind::preferential: return StepKind::preferential;
    }
    return StepKind::promotion;
}

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// The first condition of `r` that fails for this line, or empty when all hold.
std::string_view failed_condition(const Rule& r, const RuleBook& book, const QuoteLine& line,
                                  const PricingContext& ctx, Date as_of, bool on_contract,
                                  const PriceListEntry& entry) {
    const Conditions& c = r.when;
    if (!c.valid.contains(as_of)) return "validity";
    if (!c.products.empty() && !contains(c.products, line.product)) return "product";
    if (!c.product_groups.empty()) {
        const auto groups = book.groups_of(line.product);
        const bool any = std::any_of(groups.begin(), groups.end(),
                                     [&](const ProductGroupId& g) { return contains(c.product_groups, g); });
        if (!any) return "product_group";
    }
    if (!c.accounts.empty() && !contains(c.accounts, ctx.account)) return "account";
    if (!c.tiers.empty() && !contains(c.tiers, ctx.tier)) return "tier";
    if (!c.segments.empty() && !contains(c.segments, ctx.segment)) return "segment";
    if (!c.regions.empty() && !contains(c.regions, ctx.region)) return "region";
    if (c.min_quantity && !reaches(line.quantity, *c.min_quantity, c.min_side)) return "quantity";
    if (c.max_quantity && !within(line.quantity, *c.max_quantity, c.max_side)) return "quantity";
    if ((r.action.kind == ActionKind::amount_off || r.action.kind == ActionKind::fixed_price) &&
        r.action.amount.currency() != line.currency)
        return "currency";
    if (r.action.kind == ActionKind::cost_plus && !entry.cost) return "cost";
    if (on_contract && !r.applies_on_contract_price) return "contract_price";
    return {};
}

// The band of a rule's quantity conditions in words, each bound on its side.
std::string band_text(const Conditions& c, bool chinese) {
    std::string out;
    if (c.min_quantity) out = describe_at_least(c.min_quantity->to_string(), c.min_side, chinese);
    if (c.max_quantity) {
        if (!out.empty()) out += chinese ? "且" : " and ";
        out += describe_at_most(c.max_quantity->to_string(), c.max_side, chinese);
    }
    return out;
}

NotApplied not_applied_for(const Rule& r, std::string_view condition, const QuoteLine& line) {
    NotApplied n{r.id, condition, std::nullopt};
    if (condition == "quantity")
        n.reason = Reason{reasons::quantity_outside, Outcome::allow}
                       .with("quantity", line.quantity)
                       .with("band", band_text(r.when, false))
                       .with("band_zh", band_text(r.when, true));
    return n;
}

Money apply_action_exact(const Rule& r, const Money& current, const Money& start, const PriceListEntry& entry,
                         Stacking stacking) {
    const Currency cur = current.currency();
    const Money zero = Money::zero(cur);
    switch (r.action.kind) {
    case ActionKind::percent_off: {
        const Money& base = stacking == Stacking::additive ? start : current;
        const Money after = current - base * r.action.percent.rate();
        return after.signum() < 0 ? zero : after;
    }
    case ActionKind::amount_off: {
        const Money after = current - r.action.amount;
        return after.signum() < 0 ? zero : after;
    }
    case ActionKind::fixed_price: return r.action.amount;
    case ActionKind::cost_plus:
        return Money{*entry.cost, cur} + Money{*entry.cost, cur} * r.action.percent.rate();
    }
    return current;
}

// Intermediate prices keep this many places beyond the unit scale (half_even), so that a long
// chain of compounded percentages cannot outgrow the 38 digits of a Decimal.
constexpr int guard_places = 8;

Money apply_action(const Rule& r, const Money& current, const Money& start, const PriceListEntry& entry,
                   const PricingPolicy& pol) {
    const Money after = apply_action_exact(r, current, start, entry, pol.stacking);
    const int working = pol.unit_price_scale + guard_places;
    return after.amount().scale() > working ? round(after, working, RoundingMode::half_even) : after;
}

struct Budgeted {
    Money after;
    bool capped = false;
};

// The rule's result within its remaining budget: as computed when the line's discount fits,
// capped (the per-unit discount = remaining / quantity, rounded down to the unit scale) when it
// does not, nothing when no budget is left (or none was given, or it is in another currency).
std::optional<Budgeted> within_budget(const Rule& r, const PricingContext& ctx, const Money& before,
                                      Money after, const Decimal& quantity, int scale) {
    if (!r.budget_limited || after >= before || quantity.is_zero()) return Budgeted{std::move(after)};
    for (const PromotionBudget& b : ctx.budgets) {
        if (b.rule != r.id) continue;
        if (b.remaining.currency() != before.currency() || b.remaining.signum() <= 0) return std::nullopt;
        if (((before - after) * quantity).amount() <= b.remaining.amount()) return Budgeted{std::move(after)};
        const Decimal per_unit = divide(b.remaining.amount(), quantity, scale, RoundingMode::down);
        if (per_unit.is_zero()) return std::nullopt;
        return Budgeted{before - Money{per_unit, before.currency()}, true};
    }
    return std::nullopt;
}

// The unit-price floor of the entry under the policy, rounded up to the unit scale.
std::optional<Money> floor_of(const PriceListEntry& e, const PricingPolicy& pol, Currency cur) {
    std::optional<Decimal> f = e.min_price;
    if (e.cost && pol.min_margin) {
        const Decimal m = *e.cost + *e.cost * pol.min_margin->rate().value();
        if (!f || m > *f) f = m;
    }
    if (!f) return std::nullopt;
    return Money{round_to_scale(*f, pol.unit_price_scale, RoundingMode::ceiling), cur};
}

bool scope_matches(const ContractPrice& c, const PricingContext& ctx) {
    switch (c.scope) {
    case ContractScope::account: return c.key == ctx.account.value();
    case ContractScope::tier: return c.key == ctx.tier;
    case ContractScope::segment: return c.key == ctx.segment;
    case ContractScope::region: return c.key == ctx.region.value();
    }
    return false;
}

// A budget-limited rule that lowered the price used (before - after) x quantity of its budget.
void record_budget_use(PricedLine& out, const Rule& r, const Money& before, const Money& after,
                       const Decimal& quantity) {
    if (!r.budget_limited || !(after < before) || quantity.is_zero()) return;
    out.budget_used.push_back(
        BudgetUse{r.id, at_field("line.quantity", [&] { return (before - after) * quantity; })});
}

struct Evaluated {
    std::size_t index;
    Money after;
    bool capped = false;
};

}  // namespace

PricedLine price(const RuleBook& book, const QuoteLine& line, const PricingContext& ctx, Date as_of) {
    if (line.quantity.signum() < 0)
        throw Error(ErrorCode::invalid_argument, "line.quantity", "must not be negative");
    const PricingPolicy& pol = book.policy();
    const PriceListEntry* entry = book.find_entry(line.product, line.unit, line.currency, as_of);
    if (entry == nullptr) {
        if (!book.knows_product(line.product))
            throw Error(ErrorCode::not_found, "line.product", "no price-list entry names this product");
        const auto es = book.entries();
        const bool has_unit = std::any_of(es.begin(), es.end(), [&](const PriceListEntry& e) {
            return e.product == line.product && e.unit == line.unit;
        });
        if (!has_unit)
            throw Error(ErrorCode::not_found, "line.unit", "no list price for this product in that unit");
        const bool has_currency = std::any_of(es.begin(), es.end(), [&](const PriceListEntry& e) {
            return e.product == line.product && e.unit == line.unit && e.currency == line.currency;
        });
        if (!has_currency)
            throw Error(ErrorCode::not_found, "line.currency",
                        "no list price for this product in that currency");
        throw Error(ErrorCode::not_found, "as_of", "no list price of this product is valid on that day");
    }
    const Currency cur = line.currency;
    const std::span<const Rule> rules = book.rules();

    PricedLine out;
    out.line = line;
    out.list_price = Money{entry->list_price, cur};
    Money current = out.list_price;
    out.waterfall.push_back(WaterfallStep{.rule = {},
                                          .kind = StepKind::list_price,
                                          .before = current,
                                          .after = current,
                                          .delta = Money::zero(cur)});

    // ---- contract price: the most specific one valid today ----
    const ContractPrice* contract = nullptr;
    const auto contracts = book.contract_prices();
    for (std::size_t i : book.contract_candidates(line.product, line.unit)) {
        const ContractPrice& c = contracts[i];
        std::string_view failed;
        if (c.currency != cur)
            failed = "currency";
        else if (!scope_matches(c, ctx))
            failed = to_string(c.scope);
        else if (!c.valid.contains(as_of))
            failed = "validity";
        if (!failed.empty()) {
            out.not_applied.push_back({c.id, failed});
            continue;
        }
        if (contract == nullptr) {
            contract = &c;
            continue;
        }
        const auto better = [](const ContractPrice& a, const ContractPrice& b) {
            return std::tie(a.scope, a.price, a.id) < std::tie(b.scope, b.price, b.id);
        };
        const ContractPrice* loser = &c;
        if (better(c, *contract)) std::swap(loser, contract);
        out.not_applied.push_back(
            {loser->id, loser->scope == contract->scope ? "superseded" : "less_specific"});
    }
    const bool on_contract = contract != nullptr;
    if (on_contract) {
        const Money after{contract->price, cur};
        out.waterfall.push_back(WaterfallStep{.rule = contract->id,
                                              .kind = StepKind::contract_price,
                                              .before = current,
                                              .after = after,
                                              .delta = after - current});
        current = after;
    }
    const Money start = current;

    // ---- candidate rules: check conditions, sort into cumulative rules and groups ----
    struct Item {
        int sequence;
        std::string_view key;  // rule id or group name, to order equal sequences
        std::size_t rule;      // cumulative rule index, when group == nullptr
        const ExclusiveGroup* group;
        std::vector<std::size_t> members;
    };
    std::vector<Item> items;
    const std::vector<std::size_t> offered = book.candidates(line.product, ctx);
    for (std::size_t i : offered) {
        const Rule& r = rules[i];
        const std::string_view failed = failed_condition(r, book, line, ctx, as_of, on_contract, *entry);
        if (!failed.empty()) {
            out.not_applied.push_back(not_applied_for(r, failed, line));
            continue;
        }
        if (r.group.empty()) {
            items.push_back(Item{r.sequence, r.id.value(), i, nullptr, {}});
            continue;
        }
        const ExclusiveGroup* g = book.find_group(r.group);
        auto it = std::find_if(items.begin(), items.end(), [&](const Item& x) { return x.group == g; });
        if (it == items.end())
            items.push_back(Item{g->sequence, g->name, 0, g, {i}});
        else
            it->members.push_back(i);
    }
    // rules that name the product or its groups but that the index did not offer (filed under
    // other products): they did not apply either, and the user should see why
    for (std::size_t i : book.naming(line.product)) {
        if (std::binary_search(offered.begin(), offered.end(), i)) continue;
        const std::string_view failed =
            failed_condition(rules[i], book, line, ctx, as_of, on_contract, *entry);
        if (!failed.empty()) out.not_applied.push_back(not_applied_for(rules[i], failed, line));
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return std::tie(a.sequence, a.key) < std::tie(b.sequence, b.key);
    });

    for (const Item& item : items) {
        if (item.group == nullptr) {
            const Rule& r = rules[item.rule];
            const Money computed = apply_action(r, current, start, *entry, pol);
            const auto b = at_field("line.quantity", [&] {
                return within_budget(r, ctx, current, computed, line.quantity, pol.unit_price_scale);
            });
            if (!b) {
                out.not_applied.push_back({r.id, "budget", std::nullopt});
                continue;
            }
            out.waterfall.push_back(WaterfallStep{.rule = r.id,
                                                  .kind = step_of(r.kind),
                                                  .before = current,
                                                  .after = b->after,
                                                  .delta = b->after - current,
                                                  .budget_capped = b->capped});
            record_budget_use(out, r, current, b->after, line.quantity);
            current = b->after;
            continue;
        }
        std::vector<Evaluated> eligible;
        for (std::size_t i : item.members) {
            const Rule& r = rules[i];
            const Money computed = apply_action(r, current, start, *entry, pol);
            auto b = at_field("line.quantity", [&] {
                return within_budget(r, ctx, current, computed, line.quantity, pol.unit_price_scale);
            });
            if (!b) {
                out.not_applied.push_back({r.id, "budget", std::nullopt});
                continue;
            }
            eligible.push_back({i, std::move(b->after), b->capped});
        }
        if (eligible.empty()) continue;
        const bool best_price = item.group->policy == GroupPolicy::best_for_customer;
        // primary criterion first, then the other, then the smaller id
        const auto better = [&](const Evaluated& a, const Evaluated& b) {
            const Rule& ra = rules[a.index];
            const Rule& rb = rules[b.index];
            if (best_price) {
                if (a.after != b.after) return a.after < b.after;
                if (ra.priority != rb.priority) return ra.priority > rb.priority;
            } else {
                if (ra.priority != rb.priority) return ra.priority > rb.priority;
                if (a.after != b.after) return a.after < b.after;
            }
            return ra.id < rb.id;
        };
        const auto win = std::min_element(eligible.begin(), eligible.end(), better);
        const Rule& w = rules[win->index];
        WaterfallStep step{.rule = w.id,
                           .kind = step_of(w.kind),
                           .before = current,
                           .after = win->after,
                           .delta = win->after - current,
                           .tied_with = {},
                           .budget_capped = win->capped};
        for (const Evaluated& e : eligible) {
            if (e.index == win->index) continue;
            const Rule& r = rules[e.index];
            out.not_applied.push_back({r.id, "lost_in_group"});
            // a tie on both criteria, broken only by the rule id
            if (e.after == win->after && r.priority == w.priority) step.tied_with.push_back(r.id);
        }
        std::sort(step.tied_with.begin(), step.tied_with.end());
        record_budget_use(out, w, current, win->after, line.quantity);
        current = win->after;
        out.waterfall.push_back(std::move(step));
    }

    // ---- rounding to the unit scale ----
    const Money rounded = round(current, pol.unit_price_scale, pol.unit_price_rounding);
    if (rounded != current) {
        out.waterfall.push_back(WaterfallStep{.rule = {},
                                              .kind = StepKind::rounding,
                                              .before = current,
                                              .after = rounded,
                                              .delta = rounded - current});
    } else {
        out.waterfall.back().after = rounded;  // the same value, shown at the unit scale
    }
    current = rounded;

    // ---- floor ----
    out.floor = floor_of(*entry, pol, cur);
    if (out.floor && current < *out.floor) {
        if (pol.floor_policy == FloorPolicy::clamp) {
            out.waterfall.push_back(WaterfallStep{.rule = {},
                                                  .kind = StepKind::floor,
                                                  .before = current,
                                                  .after = *out.floor,
                                                  .delta = *out.floor - current});
            out.decision.add(Reason{reasons::floor_clamped, Outcome::warn}
                                 .with("price", current)
                                 .with("floor", *out.floor));
            out.floor_clamped = true;
            current = *out.floor;
        } else {
            out.decision.add(Reason{reasons::below_floor, Outcome::block}
                                 .with("price", current)
                                 .with("floor", *out.floor));
        }
    }
    out.unit_price = current;

    // ---- amounts and tax ----
    const Money amount =
        at_field("line.quantity", [&] { return round(current * line.quantity, pol.amount_rounding); });
    const Rate vat = pol.vat.rate();
    if (pol.prices_include_tax) {
        out.gross_amount = amount;
        out.net_amount = divide(amount, Decimal{1} + vat.value(), pol.amount_rounding);
        out.tax = out.gross_amount - out.net_amount;
    } else {
        out.net_amount = amount;
        out.tax = round(amount * vat, pol.amount_rounding);
        out.gross_amount = out.net_amount + out.tax;
    }
    return out;
}

PricedDocument price_document(const RuleBook& book, std::span<const QuoteLine> lines,
                              const PricingContext& ctx, Date as_of) {
    PricedDocument doc;
    const Currency cur = lines.empty() ? Currency{} : lines.front().currency;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].currency != cur)
            throw Error(ErrorCode::currency_mismatch, "lines[" + std::to_string(i) + "].currency",
                        "all lines of a document must be in one currency");
    }
    doc.net_total = doc.tax_total = doc.gross_total = doc.rounding_difference = Money::zero(cur);
    Money line_tax_sum = Money::zero(cur);
    Money base_sum = Money::zero(cur);  // net (or gross, for tax-inclusive prices) of all lines
    const PricingPolicy& pol = book.policy();
    PricingContext running = ctx;  // budgets consumed in line order
    for (std::size_t i = 0; i < lines.size(); ++i) {
        try {
            doc.lines.push_back(price(book, lines[i], running, as_of));
            for (const BudgetUse& u : doc.lines.back().budget_used)
                for (PromotionBudget& b : running.budgets)
                    if (b.rule == u.rule) {
                        b.remaining = b.remaining - u.used;  // the first entry is the one price() read
                        break;
                    }
        } catch (const Error& e) {
            // `line.quantity` of the one-line call is `lines[i].quantity` here
            if (e.field().starts_with("line."))
                throw Error(e.code(), "lines[" + std::to_string(i) + "]" + e.field().substr(4), e.message());
            throw;
        }
        const PricedLine& p = doc.lines.back();
        line_tax_sum += p.tax;
        base_sum += pol.prices_include_tax ? p.gross_amount : p.net_amount;
        doc.decision = combine(doc.decision, p.decision);
    }
    doc.budgets_left = std::move(running.budgets);
    const Rate vat = pol.vat.rate();
    // the tax computed once on the document total
    const Money one_shot_tax =
        pol.prices_include_tax ? base_sum - divide(base_sum, Decimal{1} + vat.value(), pol.amount_rounding)
                               : round(base_sum * vat, pol.amount_rounding);
    doc.rounding_difference = line_tax_sum - one_shot_tax;

    if (pol.tax_rounding == TaxRounding::per_document && !base_sum.is_zero()) {
        std::vector<Decimal> weights;
        weights.reserve(doc.lines.size());
        for (const PricedLine& p : doc.lines)
            weights.push_back(pol.prices_include_tax ? p.gross_amount.amount() : p.net_amount.amount());
        const std::vector<Money> taxes = allocate(one_shot_tax, weights);
        for (std::size_t i = 0; i < doc.lines.size(); ++i) {
            PricedLine& p = doc.lines[i];
            if (taxes[i] != p.tax) doc.adjusted_lines.push_back(i);
            p.tax = taxes[i];
            if (pol.prices_include_tax)
                p.net_amount = p.gross_amount - p.tax;
            else
                p.gross_amount = p.net_amount + p.tax;
        }
    }
    for (const PricedLine& p : doc.lines) {
        doc.net_total += p.net_amount;
        doc.tax_total += p.tax;
        doc.gross_total += p.gross_amount;
    }
    return doc;
}

}  // namespace crm::pricing

namespace crm::pricing {

std::string explain(const PricedLine& p, Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out;
    for (const WaterfallStep& s : p.waterfall) {
        if (!out.empty()) out += '\n';
        out += step_name(s.kind, lang);
        if (!s.rule.empty()) {
            out += ' ';
            out += s.rule.value();
        }
        out += ": ";
        if (s.kind == StepKind::list_price) {
            out += format(s.after);
            continue;
        }
        out += format(s.before) + " -> " + format(s.after) + " (" + format(s.delta) + ')';
        if (s.budget_capped) out += zh ? ", 受促销预算限制" : ", capped by the promotion budget";
        if (!s.tied_with.empty()) {
            out += zh ? ", 与以下规则并列, 按规则编号选定:" : ", tied with";
            for (const RuleId& r : s.tied_with) out += ' ' + r.value();
        }
    }
    out += '\n';
    out += zh ? "单价 " : "unit price ";
    out += format(p.unit_price) + " x " + p.line.quantity.to_string();
    out += zh ? ": 净额 " : ": net ";
    out += format(p.net_amount);
    out += zh ? ", 税额 " : ", tax ";
    out += format(p.tax);
    out += zh ? ", 含税 " : ", gross ";
    out += format(p.gross_amount);
    for (const Reason& r : p.decision.reasons()) out += '\n' + explain(r, lang);
    for (const NotApplied& n : p.not_applied) {
        out += zh ? "\n未适用 " : "\nnot applied ";
        out += n.rule.value() + ": ";
        out += condition_text(n.condition, lang);
        if (n.reason) out += (zh ? " (" : " (") + explain(*n.reason, lang) + ")";
    }
    return out;
}

}  // namespace crm::pricing
