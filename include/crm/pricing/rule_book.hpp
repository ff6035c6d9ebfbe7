#pragma once
/// \file
/// crm::pricing::RuleBook: the validated, indexed form of a RuleBookInput. Built once, then
/// read by any number of threads. Rules are indexed by the most selective dimension they
/// name (products, else product groups, else accounts, else tiers, else segments, else the
/// generic bucket), so that price() visits only the candidate rules of a line, not the book.
/// Proven by tests/pricing/rule_book_test.cpp (validation) and bench/pricing_bench.cpp (the
/// look-up cost does not grow with the book).

#include <crm/export.hpp>
#include <crm/pricing/model.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace crm::pricing {

/// A validated, indexed set of price-list rows, contract prices and rules (see the file comment): immutable
/// once built, so one book serves any number of threads. Default-constructed it is empty.
class CRM_EXPORT RuleBook {
public:
    /// An empty book (every line is an unknown product).
    RuleBook() = default;
    /// Validates and indexes. Throws crm::Error naming the field:
    /// - `entries[i].valid.to`, `contract_prices[i].valid.to`, `rules[i].when.valid.to`:
    ///   invalid_argument, the validity ends before it starts;
    /// - `entries[i].valid`: inconsistent, overlaps another entry of the same product, unit
    ///   and currency;
    /// - `entries[i].list_price` / `.cost` / `.min_price`, `contract_prices[i].price`:
    ///   invalid_argument when negative;
    /// - `rules[i].id` / `contract_prices[i].id`: duplicate (rule and contract ids share a space);
    /// - `rules[i].action.percent`: invalid_argument outside 0..100 (percent_off) or negative
    ///   (cost_plus); `rules[i].action.amount`: invalid_argument when negative;
    /// - `rules[i].when.max_quantity`: invalid_argument when not above min_quantity;
    /// - `rules[i].group`: not_found when no ExclusiveGroup has that name;
    /// - `groups[i].name`: duplicate, or invalid_argument when empty (an empty group means cumulative);
    /// `policy.unit_price_scale`: invalid_argument outside 0..12;
    ///   `policy.vat`: invalid_argument when negative; `policy.min_margin`: when negative.
    explicit RuleBook(RuleBookInput input);

    /// The book-wide rounding, stacking, floor and tax policy.
    [[nodiscard]] const PricingPolicy& policy() const noexcept { return input_.policy; }
    /// The rules, in the order given (candidates() and naming() index into it).
    [[nodiscard]] std::span<const Rule> rules() const noexcept { return input_.rules; }
    /// The price-list rows, in the order given.
    [[nodiscard]] std::span<const PriceListEntry> entries() const noexcept { return input_.entries; }
    /// The contract prices, in the order given (contract_candidates() indexes into it).
    [[nodiscard]] std::span<const ContractPrice> contract_prices() const noexcept {
        return input_.contract_prices;
    }
    /// The exclusive groups, in the order given.
    [[nodiscard]] std::span<const ExclusiveGroup> groups() const noexcept { return input_.groups; }
    /// The product-group memberships, in the order given.
    [[nodiscard]] std::span<const ProductGroup> product_groups() const noexcept {
        return input_.product_groups;
    }

    /// The group of that name, or nullptr.
    [[nodiscard]] const ExclusiveGroup* find_group(const std::string& name) const noexcept;
    /// The product groups the product belongs to (empty when none).
    [[nodiscard]] std::span<const ProductGroupId> groups_of(const ProductId& product) const noexcept;
    /// True when some entry names the product.
    [[nodiscard]] bool knows_product(const ProductId& product) const noexcept;
    /// The entry for product+unit+currency valid on `as_of`, or nullptr.
    [[nodiscard]] const PriceListEntry* find_entry(const ProductId& product, const std::string& unit,
                                                   const Currency& currency, Date as_of) const noexcept;
    /// Indices (into rules()) of the rules that may apply to a line of `product` for the
    /// customer `ctx`, ascending and without repeats: the union of the index buckets.
    [[nodiscard]] std::vector<std::size_t> candidates(const ProductId& product,
                                                      const PricingContext& ctx) const;
    /// Indices (into rules()) of every rule that names `product` in its products or one of the
    /// product's groups in its product groups, ascending and without repeats, whatever bucket
    /// the index filed it under (a rule naming products P1 and P2 and group G is filed under P1
    /// and P2 only, yet it names the group of a P3 in G). `price` lists those it did not apply.
    [[nodiscard]] std::vector<std::size_t> naming(const ProductId& product) const;
    /// Indices (into contract_prices()) of the contract prices for product+unit.
    [[nodiscard]] std::span<const std::size_t> contract_candidates(const ProductId& product,
                                                                   const std::string& unit) const noexcept;

private:
    RuleBookInput input_;
    std::unordered_map<std::string, std::vector<std::size_t>> entries_by_key_;    // product\x1funit
    std::unordered_map<std::string, std::vector<std::size_t>> contracts_by_key_;  // product\x1funit
    std::unordered_map<ProductId, std::vector<ProductGroupId>> groups_of_;
    std::unordered_map<ProductId, std::vector<std::size_t>> by_product_;
    std::unordered_map<ProductGroupId, std::vector<std::size_t>> by_group_;
    std::unordered_map<AccountId, std::vector<std::size_t>> by_account_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_tier_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_segment_;
    std::vector<std::size_t> generic_;
    // rules filed under their products that also name product groups, by group
    std::unordered_map<ProductGroupId, std::vector<std::size_t>> group_named_by_product_rules_;
    std::unordered_map<std::string, std::size_t> group_index_;
};

}  // namespace crm::pricing
