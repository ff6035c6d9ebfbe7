#pragma once
/// \file
/// The inputs of pricing (domain.md section 5): price-list entries, contract prices, discount
/// rules with their conditions and actions, exclusive groups, and the book-wide policy
/// (rounding, stacking, floors, tax). They are plain aggregates; `RuleBook` (rule_book.hpp)
/// validates and indexes them once. Proven by tests/pricing/rule_book_test.cpp.

#include <crm/core/ids.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::pricing {

/// A validity window, both ends inclusive; no `to` means open-ended. Invariant (checked by
/// RuleBook): `to`, when given, is not before `from` (tests/pricing/rule_book_test.cpp,
/// "a validity that ends before it starts is refused").
struct CRM_EXPORT Validity {
    Date from = Date::min();
    std::optional<Date> to;
    [[nodiscard]] bool contains(Date d) const noexcept { return d >= from && (!to || d <= *to); }
    /// Some day lies in both windows.
    [[nodiscard]] bool overlaps(const Validity& o) const noexcept {
        return (!to || o.from <= *to) && (!o.to || from <= *o.to);
    }
    friend bool operator==(const Validity&, const Validity&) = default;
};

/// A row of the price list (价目表): the list price of one product in one unit and currency
/// over a validity window, with its cost when known (for cost-plus rules and margin floors).
/// Amounts are per unit and may carry more places than the currency (e.g. 4).
/// Invariant (RuleBook): list price and cost are not negative and in `currency`; windows of
/// the same product, unit and currency do not overlap.
struct CRM_EXPORT PriceListEntry {
    ProductId product;
    std::string unit = "EA";
    Currency currency;
    Validity valid;
    Decimal list_price;
    std::optional<Decimal> cost;
    /// An absolute minimum unit price for this product (the floor), when the policy has one.
    std::optional<Decimal> min_price;
    friend bool operator==(const PriceListEntry&, const PriceListEntry&) = default;
};

/// Who a contract price is for. Order is specificity: an account price beats a tier price,
/// which beats a segment price, which beats a region price (tests/pricing/price_test.cpp, "an
/// account contract price beats a tier contract price which beats the list price").
enum class ContractScope { account, tier, segment, region };
[[nodiscard]] CRM_EXPORT std::string_view to_string(ContractScope s) noexcept;
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ContractScope s);

/// A customer- or contract-specific unit price (合同价) that replaces the list price for one
/// product and unit. `key` is the account id, tier, segment or region id as text, according
/// to `scope`. Discount rules do not stack on it unless a rule says `applies_on_contract_price`
/// (price_test.cpp, "a group discount does not stack on a fixed contract price...").
struct CRM_EXPORT ContractPrice {
    RuleId id;
    ContractScope scope = ContractScope::account;
    std::string key;
    ProductId product;
    std::string unit = "EA";
    Currency currency;
    Validity valid;
    Decimal price;
    friend bool operator==(const ContractPrice&, const ContractPrice&) = default;
};

/// What kind of rule this is (it names the waterfall step).
enum class RuleKind { quantity_break, tier_discount, segment_discount, promotion, preferential };
[[nodiscard]] CRM_EXPORT std::string_view to_string(RuleKind k) noexcept;
CRM_EXPORT std::ostream& operator<<(std::ostream& os, RuleKind k);

/// What a rule does to the running unit price (price_test.cpp, "cost plus margin and amount off
/// and fixed price actions").
enum class ActionKind {
    percent_off,  ///< price x (1 - percent/100); 0 <= percent <= 100
    amount_off,   ///< price - amount (never below zero); the amount in the line's currency
    fixed_price,  ///< the price becomes `amount`
    cost_plus,    ///< cost x (1 + percent/100); needs the entry's cost, else it does not apply
};
[[nodiscard]] CRM_EXPORT std::string_view to_string(ActionKind k) noexcept;
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ActionKind k);

/// The action of a rule. `percent` is used by percent_off and cost_plus; `amount` (a per-unit
/// Money) by amount_off and fixed_price.
struct CRM_EXPORT Action {
    ActionKind kind = ActionKind::percent_off;
    Percent percent;
    Money amount;
    friend bool operator==(const Action&, const Action&) = default;
};

/// When a rule applies. Each list that is not empty must contain the line's value (an empty
/// list means "any"); all given conditions must hold. Quantity: each bound states its side
/// (crm::Boundary): by default the minimum is inclusive ("50件以上": 50 itself qualifies) and
/// the maximum exclusive ("不满100件": 100 does not), so breaks [1,10) [10,50) [50,..) tile the
/// quantities; `min_side = exclusive` reads "超过50件", `max_side = inclusive` "100件以下".
struct CRM_EXPORT Conditions {
    std::vector<ProductId> products;
    std::vector<ProductGroupId> product_groups;
    std::vector<AccountId> accounts;
    std::vector<std::string> tiers;
    std::vector<std::string> segments;
    std::vector<RegionId> regions;
    std::optional<Decimal> min_quantity;
    std::optional<Decimal> max_quantity;
    Validity valid;
    Boundary min_side = Boundary::inclusive;  ///< whether `min_quantity` itself qualifies (以上)
    Boundary max_side = Boundary::exclusive;  ///< whether `max_quantity` itself qualifies (不满)
    friend bool operator==(const Conditions&, const Conditions&) = default;
};

/// A pricing rule. With an empty `group` the rule is cumulative: it applies, when its
/// conditions hold, in the order of `sequence` (then of id). With a `group` it competes in that
/// exclusive group (ExclusiveGroup) and at most one rule of the group applies.
/// `budget_limited`: a promotion whose remaining budget is passed in the PricingContext. When
/// the line's discount (per-unit discount x quantity) would exceed it, the discount is capped:
/// per-unit discount = remaining / quantity rounded down to the unit scale (the step is marked
/// `budget_capped`); with no budget left (or none given) the rule does not apply (price_test.cpp,
/// "a budget limited promotion is capped by its remaining budget").
struct CRM_EXPORT Rule {
    RuleId id;
    RuleKind kind = RuleKind::promotion;
    Conditions when;
    Action action;
    std::string group;
    int priority = 0;
    int sequence = 0;
    bool applies_on_contract_price = false;
    bool budget_limited = false;
    friend bool operator==(const Rule&, const Rule&) = default;
};

/// How an exclusive group picks its one rule (price_test.cpp, "best for customer picks..." and
/// "a generic promotion does not beat a customer specific one...").
enum class GroupPolicy {
    best_for_customer,  ///< the lowest resulting price; ties: higher priority, then smaller id
    highest_priority,   ///< the highest priority; ties: lower price, then smaller id
};
[[nodiscard]] CRM_EXPORT std::string_view to_string(GroupPolicy p) noexcept;

/// An exclusive group of rules; its winner applies at position `sequence` among the cumulative
/// rules. A tie that only the rule id could break is reported in the waterfall (`tied_with`).
struct CRM_EXPORT ExclusiveGroup {
    std::string name;
    GroupPolicy policy = GroupPolicy::best_for_customer;
    int sequence = 0;
    friend bool operator==(const ExclusiveGroup&, const ExclusiveGroup&) = default;
};

/// Membership of products in a product group (产品组).
struct CRM_EXPORT ProductGroup {
    ProductGroupId id;
    std::vector<ProductId> products;
    friend bool operator==(const ProductGroup&, const ProductGroup&) = default;
};

/// How percent-off rules stack: compounded (each on the running price: 10% then 5% is
/// 14.5% off) or additive (each on the starting price: 10% and 5% is 15% off). Amount-off,
/// fixed-price and cost-plus rules always act on the running price. (price_test.cpp, "cumulative
/// rules compound or add as declared".)
enum class Stacking { compounded, additive };

/// What to do with a price below the floor: clamp it up to the floor (a `floor` step and a
/// warn reason `pricing.floor_clamped`) or refuse the line (a block reason
/// `pricing.below_floor`; the computed price is kept so the user sees what was asked).
/// Proven by price_test.cpp (both policies) and properties_test.cpp (never below after clamping).
enum class FloorPolicy { clamp, refuse };

/// Where tax is rounded in a document: each line's tax rounded and summed, or the document's
/// tax rounded once and allocated back to the lines (largest remainder, by line amount).
/// Proven by price_test.cpp ("document tax rounded per line or per document...") and
/// properties_test.cpp (lines reconcile with the document total).
enum class TaxRounding { per_line, per_document };

/// The book-wide policy. Defaults: 4 places for unit prices half_up (四舍五入), line amounts
/// half_up to the currency minor unit, VAT 13% (domain.md section 5), prices net of tax.
/// Floors and contract prices are on the same basis as the list prices (net, or tax-inclusive
/// when `prices_include_tax`).
struct CRM_EXPORT PricingPolicy {
    int unit_price_scale = 4;
    RoundingMode unit_price_rounding = RoundingMode::half_up;
    RoundingMode amount_rounding = RoundingMode::half_up;
    Stacking stacking = Stacking::compounded;
    FloorPolicy floor_policy = FloorPolicy::clamp;
    /// Minimum markup over cost (floor = cost x (1 + m/100)), when the entry has a cost.
    std::optional<Percent> min_margin;
    Percent vat{Decimal{13}};
    /// List and contract prices include VAT (含税价) rather than being net.
    bool prices_include_tax = false;
    TaxRounding tax_rounding = TaxRounding::per_line;
    friend bool operator==(const PricingPolicy&, const PricingPolicy&) = default;
};

/// Everything a RuleBook is built from.
struct CRM_EXPORT RuleBookInput {
    std::vector<PriceListEntry> entries;
    std::vector<ContractPrice> contract_prices;
    std::vector<Rule> rules;
    std::vector<ExclusiveGroup> groups;
    std::vector<ProductGroup> product_groups;
    PricingPolicy policy;
    friend bool operator==(const RuleBookInput&, const RuleBookInput&) = default;
};

/// The line to price: a product in a unit and currency, a quantity (>= 0, may be fractional).
struct CRM_EXPORT QuoteLine {
    ProductId product;
    std::string unit = "EA";
    Currency currency;
    Decimal quantity;
    friend bool operator==(const QuoteLine&, const QuoteLine&) = default;
};

/// The remaining budget of a budget-limited promotion, in the line's currency.
struct CRM_EXPORT PromotionBudget {
    RuleId rule;
    Money remaining;
    friend bool operator==(const PromotionBudget&, const PromotionBudget&) = default;
};

/// Who is buying: the facts the conditions test, and the remaining promotion budgets.
struct CRM_EXPORT PricingContext {
    AccountId account;
    std::string tier;
    std::string segment;
    RegionId region;
    std::vector<PromotionBudget> budgets;
    friend bool operator==(const PricingContext&, const PricingContext&) = default;
};

}  // namespace crm::pricing
