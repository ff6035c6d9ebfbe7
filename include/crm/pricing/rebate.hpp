#pragma once
/// \file
/// Annual volume rebates (返利, domain.md section 5): tiers of annual sales volume, each with a
/// rate. Retroactive: the rate of the tier reached applies to the whole volume. Incremental:
/// each tier's rate applies only to the volume inside that tier. The accrual to date is the
/// rebate earned by the volume so far, rounded to the currency minor unit once, at the end.
/// Proven by tests/pricing/rebate_test.cpp.

#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace crm::pricing {

/// How the tier rates apply to the volume: `retroactive` (the reached tier's rate on the whole volume,
/// 全额累进) or `incremental` (each tier's rate on the volume inside it, 超额累进).
enum class RebateMethod { retroactive, incremental };

/// A tier: from this annual volume (inclusive) up to the next tier's `from`, `rate` applies.
struct CRM_EXPORT RebateTier {
    Money from;    ///< the annual volume at which the tier starts (inclusive), >= 0, in the scheme's currency
    Percent rate;  ///< the rebate rate of the tier, in percent (0 to 100)
    /// Memberwise equality.
    friend bool operator==(const RebateTier&, const RebateTier&) = default;
};

/// A rebate scheme. Invariant (validate_rebate): at least one tier; `from` not negative and
/// strictly rising; rates within 0..100%; every amount in `currency`.
struct CRM_EXPORT RebateScheme {
    Currency currency;  ///< the currency of the volumes, tiers and rebate
    /// The tiers, ascending by `from`; volume below the first tier earns nothing.
    std::vector<RebateTier> tiers;
    RebateMethod method = RebateMethod::retroactive;  ///< how the rates apply; default retroactive
    /// How the rebate is rounded to the currency's minor unit (once, at the end); default half_up.
    RoundingMode rounding = RoundingMode::half_up;
    /// Memberwise equality.
    friend bool operator==(const RebateScheme&, const RebateScheme&) = default;
};

/// Throws crm::Error: `tiers` invalid_argument when empty; `tiers[i].from` invalid_argument
/// (negative, or not above the previous tier) or currency_mismatch; `tiers[i].rate`
/// invalid_argument outside 0..100.
CRM_EXPORT void validate_rebate(const RebateScheme& scheme);

/// The rebate earned by a volume. `tier` is the index of the tier reached (none below the
/// first tier); `to_next_tier` the volume still needed to reach the next tier (none at the top).
struct CRM_EXPORT RebateAccrual {
    Money volume;   ///< the volume the rebate was computed on
    Money accrued;  ///< the rebate earned, rounded to the currency's minor unit
    /// Index (into RebateScheme::tiers) of the highest tier reached; none below the first tier.
    std::optional<std::size_t> tier;
    /// The volume still needed to reach the next tier; none at the top tier.
    std::optional<Money> to_next_tier;
    /// Memberwise equality.
    friend bool operator==(const RebateAccrual&, const RebateAccrual&) = default;
};

/// The rebate accrued on `volume_to_date` (the year's volume so far). Validates the scheme;
/// throws `volume_to_date` invalid_argument when negative, currency_mismatch when in another
/// currency.
[[nodiscard]] CRM_EXPORT RebateAccrual accrue_rebate(const RebateScheme& scheme, const Money& volume_to_date);

/// A sale (or, negative, a return) counted towards a rebate: its date and net amount.
struct CRM_EXPORT RebateSale {
    Date date;     ///< the day of the sale (or return)
    Money amount;  ///< the net amount, in the scheme's currency; negative for a return
    /// Memberwise equality.
    friend bool operator==(const RebateSale&, const RebateSale&) = default;
};

/// The rebate accrued to date: the volume of the sales dated `year_start`..`as_of` (both
/// inclusive; later sales are ignored, so the same list gives every month's accrual) run
/// through accrue_rebate. Throws `as_of` invalid_argument when before `year_start`,
/// `sales[i].amount` currency_mismatch, and `volume_to_date` invalid_argument when returns
/// make the volume negative.
[[nodiscard]] CRM_EXPORT RebateAccrual accrue_rebate(const RebateScheme& scheme,
                                                     std::span<const RebateSale> sales, Date year_start,
                                                     Date as_of);

}  // namespace crm::pricing
