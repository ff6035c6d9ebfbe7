#pragma once
/// \file
/// Pricing a quote line and a document, with the waterfall that explains the price.
///
/// Order of work in price():
/// 1. the list price valid on `as_of` (PriceListEntry) is the waterfall's start;
/// 2. the most specific contract price valid on `as_of` (account > tier > segment > region)
///    replaces it (step `contract_price`);
/// 3. the candidate rules (RuleBook::candidates) are checked; each exclusive group picks one
///    winner; winners and cumulative rules apply in `sequence` order (then by id), exactly,
///    each a step. Percent-off rules compound or add (PricingPolicy::stacking); an
///    intermediate price is kept to unit_price_scale + 8 places (half_even);
/// 4. the unit price is rounded to `unit_price_scale` with `unit_price_rounding` (step
///    `rounding`, only when it changes something);
/// 5. the floor (entry min_price, cost x (1 + min_margin), the larger; rounded up to the unit
///    scale) is enforced: clamp (step `floor`) or refuse (block decision);
/// 6. line amount = unit price x quantity rounded to the currency minor unit with
///    `amount_rounding`; tax from the VAT rate (net or tax-inclusive prices).
/// Invariants (tests/pricing/properties_test.cpp): the steps chain (each before is the previous
/// after), the sum of the deltas is final - start, and net + tax == gross.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/pricing/model.hpp>
#include <crm/pricing/rule_book.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::pricing {

/// What a waterfall step is.
enum class StepKind {
    list_price,
    contract_price,
    quantity_break,
    tier_discount,
    segment_discount,
    promotion,
    preferential,
    rounding,
    floor,
};
/// The stable name of a step: `list_price`, `contract_price`, `quantity_break`, `tier_discount`,
/// `segment_discount`, `promotion`, `preferential`, `rounding` or `floor` ("?" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(StepKind k) noexcept;
/// Prints to_string(k).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, StepKind k);

/// One step of the waterfall (tests/pricing/properties_test.cpp proves the chain over generated books): the
/// unit price before and after, and after - before. `rule` is empty for list_price, rounding and floor.
/// `tied_with` lists the rules of an exclusive group that tied with the winner, broken only by rule id
/// (smallest wins).
struct CRM_EXPORT WaterfallStep {
    RuleId rule;  ///< the rule or contract price of the step; empty for list_price, rounding and floor
    StepKind kind = StepKind::list_price;  ///< what the step is; default list_price
    Money before;  ///< the unit price before the step (per unit, in the line's currency)
    Money after;   ///< the unit price after the step
    Money delta;   ///< after - before: negative for a discount, positive for a floor or a cost-plus rise
    /// Rules of the exclusive group that tied with the winner and lost only on rule id; empty when none.
    std::vector<RuleId> tied_with;
    /// A budget-limited promotion whose discount was cut to what its remaining budget allows.
    bool budget_capped = false;
    /// Memberwise equality.
    friend bool operator==(const WaterfallStep&, const WaterfallStep&) = default;
};
/// Prints one step: `<kind> [<rule>]: <before> -> <after> (<delta>)`, then ` budget capped` and ` tie with
/// <ids>` when they apply; no newline.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const WaterfallStep& s);

/// A rule (or contract price) that did not apply, with the first condition that failed. Listed:
/// every candidate the index offered for the line and customer, and every rule of the book that
/// names the line's product or one of its product groups (RuleBook::naming), offered or not;
/// rules that name no product or group and were filed under another account, tier or segment
/// concern every product and are not listed. The condition is one of: "product", "product_group", "account",
/// "tier", "segment", "region", "quantity", "validity", "currency", "cost" (cost_plus without a cost),
/// "budget", "contract_price" (a discount not declared to stack on a contract price), "lost_in_group"
/// (another rule of its exclusive group won), "less_specific" (a contract price beaten by a
/// more specific one), "superseded" (a contract price of the same scope with a higher price,
/// or the same price and a larger id).
struct CRM_EXPORT NotApplied {
    RuleId rule;  ///< the rule or contract price that did not apply
    /// The first condition that failed, one of the codes listed above (static text).
    std::string_view condition;
    /// The failure in words where figures help: for "quantity", `pricing.quantity_outside` with
    /// the quantity and the band stated with the side of each bound (以上 / 超过, 以下 / 不满).
    std::optional<Reason> reason;
    /// Memberwise equality.
    friend bool operator==(const NotApplied&, const NotApplied&) = default;
};

/// What a budget-limited promotion took from its remaining budget on a line: the step's
/// per-unit discount times the quantity, exactly.
struct CRM_EXPORT BudgetUse {
    RuleId rule;  ///< the budget-limited promotion
    Money used;  ///< what the line took from its budget: per-unit discount x quantity, in the line's currency
    /// Memberwise equality.
    friend bool operator==(const BudgetUse&, const BudgetUse&) = default;
};

/// The priced line. `unit_price` is at `unit_price_scale` places; `net_amount`, `tax` and
/// `gross_amount` at the currency minor unit, net + tax == gross. `decision` is allow, warn
/// (floor clamped) or block (below the floor, refused). Proven by tests/pricing/price_test.cpp
/// (worked examples) and properties_test.cpp (reconciliation, floors, breaks).
struct CRM_EXPORT PricedLine {
    QuoteLine line;      ///< the line as asked
    Money list_price;    ///< the list price per unit from the price-list row valid on the as-of date
    Money unit_price;    ///< the final unit price, at PricingPolicy::unit_price_scale places
    Money net_amount;    ///< unit price x quantity, rounded to the currency's minor unit; net of tax
    Money tax;           ///< the VAT (税额) on the line
    Money gross_amount;  ///< net + tax (含税金额)
    /// The steps from the list price to the unit price, in order; each step's before is the previous after.
    std::vector<WaterfallStep> waterfall;
    /// The candidate rules and contract prices that did not apply, with why.
    std::vector<NotApplied> not_applied;
    /// The unit-price floor (底价) of the row under the policy; none when neither a minimum price nor a
    /// margin floor applies.
    std::optional<Money> floor;
    bool floor_clamped = false;  ///< whether the price was raised to the floor (FloorPolicy::clamp)
    /// The promotion budgets this line consumed, in waterfall order (none for rules without
    /// a budget).
    std::vector<BudgetUse> budget_used;
    /// Allow; warn `pricing.floor_clamped`; or block `pricing.below_floor` (FloorPolicy::refuse).
    Decision decision;
    /// Memberwise equality.
    friend bool operator==(const PricedLine&, const PricedLine&) = default;
};

/// Prices one line. Throws crm::Error: `line.quantity` invalid_argument when negative;
/// `line.product` not_found when no entry names the product; `line.unit` not_found when the
/// product has no entry in that unit; `line.currency` not_found when it has none in that
/// currency (and unit); `as_of` not_found when no entry is
/// valid on that day.
[[nodiscard]] CRM_EXPORT PricedLine price(const RuleBook& book, const QuoteLine& line,
                                          const PricingContext& ctx, Date as_of);

/// A priced document: its lines and totals. `rounding_difference` is the sum of the
/// individually rounded line taxes minus the tax computed once on the document total (the gap
/// between the two ways of rounding). Under per_line rounding the lines' taxes are charged
/// and summed, so the document total carries the difference and `adjusted_lines` is empty;
/// under per_document rounding the one-shot tax is charged and allocated back to the lines
/// (largest remainder, weighted by line amount), and `adjusted_lines` lists the lines whose
/// tax differs from their own rounding (net or gross moved by the same minor units).
/// Invariant: net_total == sum of line nets, tax_total == sum of line taxes, gross likewise.
struct CRM_EXPORT PricedDocument {
    std::vector<PricedLine> lines;  ///< the priced lines, in the order given
    Money net_total;                ///< sum of the lines' net amounts
    Money tax_total;                ///< sum of the lines' taxes (the tax charged)
    Money gross_total;              ///< net_total + tax_total
    /// The sum of per-line rounded taxes minus the tax rounded once on the document; zero when the two agree.
    Money rounding_difference;
    /// Indexes of lines whose tax was moved by the per_document allocation; always empty under per_line.
    std::vector<std::size_t> adjusted_lines;
    std::vector<PromotionBudget> budgets_left;  ///< ctx.budgets less every line's use
    Decision decision;  ///< the lines' decisions combined (the worst outcome, with every reason)
    /// Memberwise equality.
    friend bool operator==(const PricedDocument&, const PricedDocument&) = default;
};

/// Prices every line (all in one currency: otherwise currency_mismatch naming `lines[i].currency`)
/// and totals them under the policy's TaxRounding. Promotion budgets are consumed in line order:
/// line i is priced with the budgets of `ctx` less what lines 0..i-1 used (`budget_used` of each
/// line), so two lines never both get the whole remaining budget; `budgets_left` is what remains
/// after the last line. An error of a line names it (`lines[i].quantity`). An empty document totals zero CNY.
/// A refused line is still totalled; the document's decision combines the lines' decisions.
[[nodiscard]] CRM_EXPORT PricedDocument price_document(const RuleBook& book, std::span<const QuoteLine> lines,
                                                       const PricingContext& ctx, Date as_of);

/// Prints the waterfall, one step a line, then the rules that did not apply (for diagnostics).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const PricedLine& p);

/// The waterfall in words, one line a step, then the amounts, the floor decision's reasons and
/// the rules that did not apply with the failed condition; in English or Chinese:
/// ```
/// 标价: CNY 1,280.00
/// 数量折扣 vol-50: CNY 1,280.00 -> CNY 1,177.6000 (-CNY 102.4000)
/// 单价 CNY 1,136.3840 x 60: 净额 CNY 68,183.04, 税额 CNY 8,863.80, 含税 CNY 77,046.84
/// 未适用 seg: 细分市场不符
/// ```
/// No trailing newline. Proven by tests/pricing/price_test.cpp ("the waterfall reads in English and
/// Chinese").
[[nodiscard]] CRM_EXPORT std::string explain(const PricedLine& p, Lang lang);

}  // namespace crm::pricing
