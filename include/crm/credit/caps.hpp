#pragma once
/// \file
/// Receivable-scale control (应收账款控制规模, docs/domain.md section 4): a cap on total
/// receivables per region and per account, and how much headroom is left under it.
/// Proven by tests/credit/caps_test.cpp.
///
/// ```cpp
/// auto s = crm::credit::cap_status(crm::Money{"5000000", "CNY"}, crm::Money{"4200000", "CNY"});
/// // s.headroom == CNY 800,000.00, s.breached == false
/// ```

#include <crm/core/ids.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <vector>

namespace crm::credit {

/// A balance against its cap. Invariants: headroom = max(0, cap - balance), excess =
/// max(0, balance - cap), so headroom - excess = cap - balance and at most one is non-zero;
/// breached exactly when balance > cap (a balance equal to the cap has no headroom and is not
/// a breach). Proven by tests/credit/caps_test.cpp (worked examples and a property).
struct CRM_EXPORT CapStatus {
    Money cap;              ///< the cap (控制规模), >= 0
    Money balance;          ///< the open receivables measured against it, >= 0, in the cap's currency
    Money headroom;         ///< how much more may be owed before the cap is reached; zero at or over the cap
    Money excess;           ///< how far the balance is over the cap; zero at or under it
    bool breached = false;  ///< whether the balance is over the cap (strictly above it)

    /// Memberwise equality.
    friend bool operator==(const CapStatus&, const CapStatus&) = default;
};
/// `CNY 4,200,000.00 of CNY 5,000,000.00: headroom CNY 800,000.00` or `... breached by ...`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const CapStatus& s);

/// The status of `balance` under `cap`. Throws crm::Error naming `cap` or `balance`
/// (negative, invalid_argument) or currency_mismatch.
[[nodiscard]] CRM_EXPORT CapStatus cap_status(const Money& cap, const Money& balance);

/// An account's cap on its open receivables. Proven by tests/credit/caps_test.cpp.
struct CRM_EXPORT AccountCap {
    AccountId account;  ///< the account capped
    Money cap;          ///< its cap on open receivables, >= 0
    /// Memberwise equality.
    friend bool operator==(const AccountCap&, const AccountCap&) = default;
};
/// A region's cap on its accounts' open receivables together. Proven by tests/credit/caps_test.cpp.
struct CRM_EXPORT RegionCap {
    RegionId region;  ///< the region capped
    Money cap;        ///< its cap on the open receivables of its accounts together, >= 0
    /// Memberwise equality.
    friend bool operator==(const RegionCap&, const RegionCap&) = default;
};

/// A capped account and its status.
struct CRM_EXPORT AccountCapStatus {
    AccountId account;  ///< the account
    CapStatus status;   ///< its balance against its cap
    /// Memberwise equality.
    friend bool operator==(const AccountCapStatus&, const AccountCapStatus&) = default;
};
/// A capped region and its status.
struct CRM_EXPORT RegionCapStatus {
    RegionId region;   ///< the region
    CapStatus status;  ///< the balance of its accounts against its cap
    /// Memberwise equality.
    friend bool operator==(const RegionCapStatus&, const RegionCapStatus&) = default;
};

/// Every capped account and region with its status, in the order the caps were given.
/// Proven by tests/credit/caps_test.cpp.
struct CRM_EXPORT CapReport {
    std::vector<AccountCapStatus> accounts;  ///< one per account cap, in the order given
    std::vector<RegionCapStatus> regions;    ///< one per region cap, in the order given

    /// True when some account or region is over its cap.
    [[nodiscard]] bool any_breach() const noexcept;
    /// Memberwise equality.
    friend bool operator==(const CapReport&, const CapReport&) = default;
};

/// The report's currency and rates for items in other currencies. Proven by tests/credit/caps_test.cpp.
struct CRM_EXPORT CapOptions {
    /// When not given, the currency of the first cap (CNY when there is none).
    std::optional<Currency> currency;
    /// Rates into `currency` for items and caps in other currencies; see in_currency.
    std::span<const FxRate> rates;
    /// How a converted amount is rounded to the currency's minor unit; default half_up.
    RoundingMode conversion_rounding = RoundingMode::half_up;
};

/// Balances per account and per region from the open receivables, each against its cap. An
/// account's balance is the sum of its items; a region's, the sum of the items of the accounts
/// `regions` maps to it (every item's account must be mapped when region caps are given).
/// Throws crm::Error naming the field: a bad item (`receivables[i].open_amount`), a negative
/// cap (`account_caps[i].cap`, `region_caps[i].cap`), a cap given twice (duplicate,
/// `account_caps[i].account`), an account mapped twice (duplicate, `regions[i].account`), an
/// item whose account has no region (not_found, `receivables[i].account`), a cap in another
/// currency (currency_mismatch), a missing rate (`options.rates.USD`).
[[nodiscard]] CRM_EXPORT CapReport cap_report(std::span<const Receivable> receivables,
                                              std::span<const AccountRegion> regions,
                                              std::span<const AccountCap> account_caps,
                                              std::span<const RegionCap> region_caps,
                                              const CapOptions& options = {});

}  // namespace crm::credit
