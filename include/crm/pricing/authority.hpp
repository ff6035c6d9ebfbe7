#pragma once
/// \file
/// Pricing authority (销售价格权限): per role, the largest discount off list it may grant
/// and/or the lowest unit price. `authority_needed` finds the lowest-ranked role whose
/// authority covers a priced line, as a value the approval area can route on. Comparisons are
/// exact (99.995% is not 100%). Proven by tests/pricing/authority_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/pricing/price.hpp>

#include <optional>
#include <span>
#include <vector>

namespace crm::pricing {

/// One role's authority. A role covers a line when every limit it has holds: the discount off
/// list is at most `max_discount`, the unit price is at least `min_price` (same currency, else
/// the row does not cover the line). A row with no limit covers every line.
struct CRM_EXPORT AuthorityRow {
    RoleId role;  ///< the role (e.g. sales manager, director) this authority belongs to; unique in the table
    /// The role's seniority: a lower rank is asked first, so authority_needed picks the covering row with the
    /// lowest rank; unique.
    int rank = 0;
    /// The largest discount off list (in percent, 0 to 100) the role may grant; none means no discount limit.
    std::optional<Percent> max_discount;
    /// The lowest unit price the role may grant; none means no price limit; a row whose minimum is in another
    /// currency covers no line.
    std::optional<Money> min_price;
    /// Memberwise equality.
    friend bool operator==(const AuthorityRow&, const AuthorityRow&) = default;
};

/// The authority table. Invariant (validate_authority): role ids and ranks unique, max
/// discounts within 0..100%, min prices not negative.
struct CRM_EXPORT AuthorityTable {
    std::vector<AuthorityRow> rows;  ///< one row per role, in any order
    /// Memberwise equality.
    friend bool operator==(const AuthorityTable&, const AuthorityTable&) = default;
};

/// Throws crm::Error: `rows[i].role` / `rows[i].rank` duplicate; `rows[i].max_discount`
/// invalid_argument outside 0..100; `rows[i].min_price` invalid_argument when negative.
CRM_EXPORT void validate_authority(const AuthorityTable& table);

/// Who may grant a price. `role` is empty when no role may (every row is exceeded); `decision`
/// is then block (`pricing.beyond_authority`), else allow (`pricing.within_authority`).
/// `discount_off_list` is (list - unit) / list as a percent, shown to 4 places rounded toward
/// zero (so 99.99999% shows 99.9999%, never 100%); the comparison itself is exact.
struct CRM_EXPORT AuthorityNeeded {
    /// The most junior role that may grant the price; none when every row is exceeded.
    std::optional<RoleId> role;
    int rank = 0;  ///< that role's rank; 0 when no role may grant the price
    /// (list - unit) / list in percent, 4 places rounded toward zero; 0 when the list price is zero.
    Percent discount_off_list;
    Money list_price;  ///< the line's list price per unit
    Money unit_price;  ///< the line's final unit price
    /// Allow `pricing.within_authority` (with the discount and the role) or block `pricing.beyond_authority`.
    Decision decision;
    /// Memberwise equality.
    friend bool operator==(const AuthorityNeeded&, const AuthorityNeeded&) = default;
};

/// The lowest-ranked role of `table` whose authority covers the line's effective discount
/// off list (list price vs final unit price). Validates the table first. The reason names the
/// role by its id (`role` and `role_zh`); the overload with the role ladder names it for people.
[[nodiscard]] CRM_EXPORT AuthorityNeeded authority_needed(const PricedLine& line,
                                                          const AuthorityTable& table);
/// authority_needed, with the role named in the reason by its name in `roles` (crm::display_name:
/// `role` in English, `role_zh` in Chinese), or by its id when `roles` does not have it.
[[nodiscard]] CRM_EXPORT AuthorityNeeded authority_needed(const PricedLine& line, const AuthorityTable& table,
                                                          std::span<const Role> roles);

}  // namespace crm::pricing
