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
    Date from = Date::min();  ///< first day of the window; the default is the earliest representable date
    std::optional<Date> to;   ///< last day of the window, inclusive; none means open-ended (no end date)
    /// Whether `d` lies in the window, both ends included.
    [[nodiscard]] bool contains(Date d) const noexcept { return d >= from && (!to || d <= *to); }
    /// Some day lies in both windows.
    [[nodiscard]] bool overlaps(const Validity& o) const noexcept {
        return (!to || o.from <= *to) && (!o.to || from <= *o.to);
    }
    /// Memberwise equality.
    friend bool operator==(const Validity&, const Validity&) = default;
};

/// A row of the price list (价目表): the list price of one product in one unit and currency
/// over a validity window, with its cost when known (for cost-plus rules and margin floors).
/// Amounts are per unit and may carry more places than the currency (e.g. 4).
/// Invariant (RuleBook): list price and cost are not negative and in `currency`; windows of
/// the same product, unit and currency do not overlap.
struct CRM_EXPORT PriceListEntry {
    ProductId product;  ///< the product priced
    /// The unit of measure the price is per (e.g. `EA`, `KG`); lines match it exactly.
    std::string unit = "EA";
    Currency currency;   ///< the currency of `list_price`, `cost` and `min_price`
    Validity valid;      ///< when the row applies (both ends inclusive)
    Decimal list_price;  ///< the list price (目录价) per unit, >= 0
    /// The unit cost (成本), >= 0; none when unknown (cost-plus rules then do not apply and no margin floor
    /// is computed).
    std::optional<Decimal> cost;
    /// An absolute minimum unit price for this product (the floor), when the policy has one.
    std::optional<Decimal> min_price;
    /// Memberwise equality.
    friend bool operator==(const PriceListEntry&, const PriceListEntry&) = default;
};

/// Who a contract price is for. Order is specificity: an account price beats a tier price,
/// which beats a segment price, which beats a region price (tests/pricing/price_test.cpp, "an
/// account contract price beats a tier contract price which beats the list price").
enum class ContractScope { account, tier, segment, region };
/// The stable name: `account`, `tier`, `segment` or `region` ("?" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ContractScope s) noexcept;
/// Prints to_string(s).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ContractScope s);

/// A customer- or contract-specific unit price (合同价) that replaces the list price for one
/// product and unit. `key` is the account id, tier, segment or region id as text, according
/// to `scope`. Discount rules do not stack on it unless a rule says `applies_on_contract_price`
/// (price_test.cpp, "a group discount does not stack on a fixed contract price...").
struct CRM_EXPORT ContractPrice {
    /// Identifies the contract price in the waterfall and in errors (unique among contract prices and rules).
    RuleId id;
    ContractScope scope = ContractScope::account;  ///< who the price is for; default account
    std::string key;    ///< the account id, tier, segment or region id, as text, that the buyer must match
    ProductId product;  ///< the product priced
    std::string unit = "EA";  ///< the unit of measure the price is per; lines match it exactly
    Currency currency;        ///< the currency of `price`
    Validity valid;           ///< when the contract price applies (both ends inclusive)
    Decimal price;            ///< the agreed unit price, >= 0, on the same tax basis as the list prices
    /// Memberwise equality.
    friend bool operator==(const ContractPrice&, const ContractPrice&) = default;
};

/// What kind of rule this is (it names the waterfall step).
enum class RuleKind { quantity_break, tier_discount, segment_discount, promotion, preferential };
/// The stable name: `quantity_break`, `tier_discount`, `segment_discount`, `promotion` or `preferential` ("?"
/// for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(RuleKind k) noexcept;
/// Prints to_string(k).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, RuleKind k);

/// What a rule does to the running unit price (price_test.cpp, "cost plus margin and amount off
/// and fixed price actions").
enum class ActionKind {
    percent_off,  ///< price x (1 - percent/100); 0 <= percent <= 100
    amount_off,   ///< price - amount (never below zero); the amount in the line's currency
    fixed_price,  ///< the price becomes `amount`
    cost_plus,    ///< cost x (1 + percent/100); needs the entry's cost, else it does not apply
};
/// The stable name: `percent_off`, `amount_off`, `fixed_price` or `cost_plus` ("?" for a value outside the
/// enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ActionKind k) noexcept;
/// Prints to_string(k).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ActionKind k);

/// The action of a rule. `percent` is used by percent_off and cost_plus; `amount` (a per-unit
/// Money) by amount_off and fixed_price.
struct CRM_EXPORT Action {
    ActionKind kind = ActionKind::percent_off;  ///< what the action does; default percent_off
    /// The discount (percent_off, 0 to 100) or the markup over cost (cost_plus, >= 0), in percent.
    Percent percent;
    Money amount;  ///< the per-unit amount taken off (amount_off) or the new unit price (fixed_price), >= 0
    /// Memberwise equality.
    friend bool operator==(const Action&, const Action&) = default;
};

/// When a rule applies. Each list that is not empty must contain the line's value (an empty
/// list means "any"); all given conditions must hold. Quantity: each bound states its side
/// (crm::Boundary): by default the minimum is inclusive ("50件以上": 50 itself qualifies) and
/// the maximum exclusive ("不满100件": 100 does not), so breaks [1,10) [10,50) [50,..) tile the
/// quantities; `min_side = exclusive` reads "超过50件", `max_side = inclusive` "100件以下".
struct CRM_EXPORT Conditions {
    std::vector<ProductId> products;  ///< products the line's product must be one of; empty means any product
    /// Product groups (产品组) the line's product must belong to one of; empty means any.
    std::vector<ProductGroupId> product_groups;
    std::vector<AccountId> accounts;  ///< accounts the buyer must be one of; empty means any account
    /// Customer tiers (客户等级, e.g. `A`) the buyer's tier must be one of; empty means any.
    std::vector<std::string> tiers;
    /// Segments (客户类型) the buyer's segment must be one of; empty means any.
    std::vector<std::string> segments;
    /// Sales regions (销售区域) the buyer's region must be one of; empty means any.
    std::vector<RegionId> regions;
    /// The smallest quantity that qualifies (side by `min_side`), >= 0; none means no lower bound.
    std::optional<Decimal> min_quantity;
    /// The quantity bound above (side by `max_side`), > 0; none means no upper bound.
    std::optional<Decimal> max_quantity;
    Validity valid;  ///< the dates on which the rule applies (both ends inclusive); by default every date
    Boundary min_side = Boundary::inclusive;  ///< whether `min_quantity` itself qualifies (以上)
    Boundary max_side = Boundary::exclusive;  ///< whether `max_quantity` itself qualifies (不满)
    /// Memberwise equality.
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
    /// Identifies the rule in the waterfall, in errors and in budgets (unique among rules and contract
    /// prices).
    RuleId id;
    /// What kind of rule it is (names the waterfall step); default promotion.
    RuleKind kind = RuleKind::promotion;
    Conditions when;    ///< the conditions that must all hold for the rule to apply
    Action action;      ///< what the rule does to the running unit price
    std::string group;  ///< the name of the ExclusiveGroup the rule competes in; empty means cumulative
    int priority = 0;   ///< used to pick a group's winner: a higher number wins (GroupPolicy); default 0
    int sequence = 0;   ///< the order among cumulative rules, smaller first (ties by rule id); default 0
    /// Whether the rule still applies when a contract price replaced the list price (default: it does not).
    bool applies_on_contract_price = false;
    /// Whether the rule is a promotion capped by its remaining budget in PricingContext::budgets.
    bool budget_limited = false;
    /// Memberwise equality.
    friend bool operator==(const Rule&, const Rule&) = default;
};

/// How an exclusive group picks its one rule (price_test.cpp, "best for customer picks..." and
/// "a generic promotion does not beat a customer specific one...").
enum class GroupPolicy {
    best_for_customer,  ///< the lowest resulting price; ties: higher priority, then smaller id
    highest_priority,   ///< the highest priority; ties: lower price, then smaller id
};
/// The stable name: `best_for_customer` or `highest_priority`.
[[nodiscard]] CRM_EXPORT std::string_view to_string(GroupPolicy p) noexcept;

/// An exclusive group of rules; its winner applies at position `sequence` among the cumulative
/// rules. A tie that only the rule id could break is reported in the waterfall (`tied_with`).
struct CRM_EXPORT ExclusiveGroup {
    std::string name;  ///< the group's name, which rules give in Rule::group; not empty, unique
    /// How the group picks its one rule; default best_for_customer.
    GroupPolicy policy = GroupPolicy::best_for_customer;
    int sequence = 0;  ///< where the winner applies among the cumulative rules (compared with Rule::sequence)
    /// Memberwise equality.
    friend bool operator==(const ExclusiveGroup&, const ExclusiveGroup&) = default;
};

/// Membership of products in a product group (产品组).
struct CRM_EXPORT ProductGroup {
    ProductGroupId id;                ///< the group's id, as named by Conditions::product_groups
    std::vector<ProductId> products;  ///< the products in the group; a product may be in several groups
    /// Memberwise equality.
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
    int unit_price_scale = 4;  ///< decimal places of unit prices (0 to 12); default 4
    /// How unit prices are rounded to `unit_price_scale`; default half_up (四舍五入).
    RoundingMode unit_price_rounding = RoundingMode::half_up;
    /// How line amounts are rounded to the currency's minor unit; default half_up.
    RoundingMode amount_rounding = RoundingMode::half_up;
    Stacking stacking = Stacking::compounded;       ///< how percent-off rules stack; default compounded
    FloorPolicy floor_policy = FloorPolicy::clamp;  ///< what a price below the floor does; default clamp
    /// Minimum markup over cost (floor = cost x (1 + m/100)), when the entry has a cost.
    std::optional<Percent> min_margin;
    Percent vat{Decimal{13}};  ///< the VAT rate (增值税) in percent, >= 0; default 13
    /// List and contract prices include VAT (含税价) rather than being net.
    bool prices_include_tax = false;
    /// Where tax is rounded in a document; default per_line.
    TaxRounding tax_rounding = TaxRounding::per_line;
    /// Memberwise equality.
    friend bool operator==(const PricingPolicy&, const PricingPolicy&) = default;
};

/// Everything a RuleBook is built from.
struct CRM_EXPORT RuleBookInput {
    std::vector<PriceListEntry> entries;         ///< the price-list rows (价目表)
    std::vector<ContractPrice> contract_prices;  ///< customer and contract prices (合同价)
    std::vector<Rule> rules;                     ///< the discount, promotion and preferential rules
    std::vector<ExclusiveGroup> groups;          ///< the exclusive groups rules compete in, by name
    std::vector<ProductGroup> product_groups;    ///< product-group memberships the conditions refer to
    PricingPolicy policy;                        ///< the book-wide rounding, stacking, floor and tax policy
    /// Memberwise equality.
    friend bool operator==(const RuleBookInput&, const RuleBookInput&) = default;
};

/// The line to price: a product in a unit and currency, a quantity (>= 0, may be fractional).
struct CRM_EXPORT QuoteLine {
    ProductId product;        ///< the product asked for
    std::string unit = "EA";  ///< the unit of measure; must match a price-list row's unit exactly
    Currency currency;        ///< the currency the line is priced in
    Decimal quantity;         ///< the quantity, >= 0, may be fractional
    /// Memberwise equality.
    friend bool operator==(const QuoteLine&, const QuoteLine&) = default;
};

/// The remaining budget of a budget-limited promotion, in the line's currency.
struct CRM_EXPORT PromotionBudget {
    RuleId rule;      ///< the budget-limited rule this budget belongs to
    Money remaining;  ///< what is left of the budget, in the line's currency
    /// Memberwise equality.
    friend bool operator==(const PromotionBudget&, const PromotionBudget&) = default;
};

/// Who is buying: the facts the conditions test, and the remaining promotion budgets.
struct CRM_EXPORT PricingContext {
    AccountId account;    ///< the buyer, matched against Conditions::accounts and account contract prices
    std::string tier;     ///< the buyer's tier (e.g. `A`); empty when it has none
    std::string segment;  ///< the buyer's segment; empty when it has none
    RegionId region;      ///< the buyer's sales region
    /// The remaining budgets of budget-limited promotions; a budget-limited rule without one here does not
    /// apply.
    std::vector<PromotionBudget> budgets;
    /// Memberwise equality.
    friend bool operator==(const PricingContext&, const PricingContext&) = default;
};

}  // namespace crm::pricing
