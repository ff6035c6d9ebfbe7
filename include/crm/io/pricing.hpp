#pragma once
/// \file
/// A price request as a document: the buyer (as pricing::PricingContext reads it), the lines
/// of a quote or order, the as-of date and, optionally, the role asking (then each line's
/// discount off list is checked against the price-authority table). Priced with
/// pricing::price_document over the rule book of the policy version in force at the as-of
/// date, the authority with pricing::authority_needed; the answer is written as a decision
/// document like those of crm/io/response.hpp (`outcome`, `reasons`), with the waterfall of
/// every line. See docs/documents.md. Proven by tests/io/pricing_request_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/pricing/authority.hpp>
#include <crm/pricing/model.hpp>
#include <crm/pricing/price.hpp>
#include <crm/time/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// A price request:
/// `{"context": {"account", "tier", "segment", "region", "budgets": [{"rule", "remaining"}]}, "lines":
/// [{"product", "unit", "currency", "quantity"}], "as_of": "2025-03-01", "role": "sales_rep", "lang": "zh"}`.
/// Left out: `as_of` (then the caller gives it, as the command line's option does), `role` or
/// null (no authority check), `lang` (zh), the context's members (empty), a line's `unit` (EA).
struct CRM_EXPORT PriceRequest {
    pricing::PricingContext context{};        ///< `context`: who is buying
    std::vector<pricing::QuoteLine> lines{};  ///< `lines`: what is priced
    std::optional<Date> as_of{};              ///< `as_of`: the pricing date
    std::optional<RoleId> role{};             ///< `role`: who asks, for the authority check
    Lang lang = Lang::zh;                     ///< `lang`: of the reasons' texts
};

/// Reads a price request; `file` names the text in error messages. Throws crm::Error naming
/// the JSON Pointer (`/lines/0/quantity`: a JSON number, or a negative quantity).
[[nodiscard]] CRM_EXPORT PriceRequest read_price_request(std::string_view text,
                                                         std::string_view file = "<request>");

/// A priced request: the document, and per line who may grant its price.
struct CRM_EXPORT PriceAnswer {
    std::string policy_version{};        ///< the id of the version in force at the as-of date
    Date as_of{};                        ///< the pricing date
    pricing::PricedDocument document{};  ///< the priced lines and totals
    /// Per line, the role whose authority covers its price (authority_needed); empty when the
    /// request names no role.
    std::vector<pricing::AuthorityNeeded> authority{};
    /// The document's decision (floors), then per line the authority's: allow when the asking
    /// role ranks at least as high as the role needed (`pricing.within_authority`),
    /// needs_approval (the same reason, naming the role needed) when it ranks lower, block
    /// when no role may grant the price (`pricing.beyond_authority`).
    Decision decision{};
};

/// Prices `request` at `as_of` (the request's when it has one, else `as_of`) with the rule book
/// of the version of `set` in force then. Throws crm::Error: `/as_of` not_found when neither
/// gives a date; what RuleBook, price_document and authority_needed throw (`lines[i].product`);
/// `/role` not_found when the asking role has no row in the authority table.
[[nodiscard]] CRM_EXPORT PriceAnswer price(const policy::PolicySet& set, const PriceRequest& request,
                                           std::optional<Date> as_of = std::nullopt);

/// `{"as_of", "authority": [{"discount_off_list", "line", "rank", "role"}], "lines": [{"line",
/// "product", "quantity", "list_price", "unit_price", "net_amount", "tax", "gross_amount",
/// "floor", "waterfall": [{"kind", "rule", "before", "after", "delta", "budget_capped",
/// "tied_with"}], "not_applied": [{"rule", "condition", "text"}]}], "outcome",
/// "policy_version", "reasons": [...], "totals": {"net", "tax", "gross",
/// "rounding_difference"}}`: amounts as `{"amount": "12.50", "currency": "CNY"}`, texts
/// in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_price(const PriceAnswer& answer, Lang lang);

}  // namespace crm::io
