#include <crm/core/error.hpp>
#include <crm/credit/caps.hpp>

#include <map>
#include <ostream>
#include <string>

namespace crm::credit {

std::ostream& operator<<(std::ostream& os, const CapStatus& s) {
    os << s.balance << " of " << s.cap << ": ";
    if (s.breached) return os << "breached by " << s.excess;
    return os << "headroom " << s.headroom;
}

CapStatus cap_status(const Money& cap, const Money& balance) {
    if (cap.signum() < 0) throw Error(ErrorCode::invalid_argument, "cap", "a cap cannot be negative");
    if (balance.signum() < 0)
        throw Error(ErrorCode::invalid_argument, "balance", "a balance cannot be negative");
    const Money difference = cap - balance;  // throws currency_mismatch
    const Money zero = Money::zero(cap.currency());
    const bool breached = difference.signum() < 0;
    return CapStatus{.cap = cap,
                     .balance = balance,
                     .headroom = breached ? zero : difference,
                     .excess = breached ? -difference : zero,
                     .breached = breached};
}

bool CapReport::any_breach() const noexcept {
    for (const AccountCapStatus& a : accounts)
        if (a.status.breached) return true;
    for (const RegionCapStatus& r : regions)
        if (r.status.breached) return true;
    return false;
}

CapReport cap_report(std::span<const Receivable> receivables, std::span<const AccountRegion> regions,
                     std::span<const AccountCap> account_caps, std::span<const RegionCap> region_caps,
                     const CapOptions& options) {
    Currency currency{};
    if (options.currency) {
        currency = *options.currency;
    } else if (!account_caps.empty()) {
        currency = account_caps.front().cap.currency();
    } else if (!region_caps.empty()) {
        currency = region_caps.front().cap.currency();
    }
    if (!options.rates.empty()) validate_rates(options.rates, currency, "options.rates");

    const auto check_cap = [&](const Money& cap, std::string_view field, std::size_t i) {
        if (cap.signum() < 0)
            detail::throw_item_error(ErrorCode::invalid_argument, field, i, "cap",
                                     "a cap cannot be negative");
        if (cap.currency() != currency)
            detail::throw_item_error(ErrorCode::currency_mismatch, field, i, "cap",
                                     "caps are in the report currency " + std::string(currency.code()));
    };
    std::map<AccountId, Decimal> account_balance;
    for (std::size_t i = 0; i < account_caps.size(); ++i) {
        check_cap(account_caps[i].cap, "account_caps", i);
        if (!account_balance.emplace(account_caps[i].account, Decimal{}).second)
            detail::throw_item_error(ErrorCode::duplicate, "account_caps", i, "account",
                                     "an account has one cap");
    }
    std::map<RegionId, Decimal> region_balance;
    for (std::size_t i = 0; i < region_caps.size(); ++i) {
        check_cap(region_caps[i].cap, "region_caps", i);
        if (!region_balance.emplace(region_caps[i].region, Decimal{}).second)
            detail::throw_item_error(ErrorCode::duplicate, "region_caps", i, "region",
                                     "a region has one cap");
    }
    std::map<AccountId, RegionId> region_of;
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (!region_of.emplace(regions[i].account, regions[i].region).second)
            detail::throw_item_error(
                ErrorCode::duplicate, "regions", i, "account",
                "account " + regions[i].account.value() + " is mapped to a region twice");

    for (std::size_t i = 0; i < receivables.size(); ++i) {
        const Receivable& r = receivables[i];
        detail::check_receivable(r, "receivables", i);
        const Decimal amount =
            in_currency(r.open_amount, currency, options.rates, options.conversion_rounding, "options.rates")
                .amount();
        if (const auto a = account_balance.find(r.account); a != account_balance.end()) a->second += amount;
        if (region_caps.empty()) continue;
        const auto region = region_of.find(r.account);
        if (region == region_of.end())
            detail::throw_item_error(ErrorCode::not_found, "receivables", i, "account",
                                     "account " + r.account.value() + " has no region");
        if (const auto b = region_balance.find(region->second); b != region_balance.end())
            b->second += amount;
    }

    CapReport report;
    report.accounts.reserve(account_caps.size());
    for (const AccountCap& c : account_caps)
        report.accounts.push_back(
            AccountCapStatus{c.account, cap_status(c.cap, Money{account_balance.at(c.account), currency})});
    report.regions.reserve(region_caps.size());
    for (const RegionCap& c : region_caps)
        report.regions.push_back(
            RegionCapStatus{c.region, cap_status(c.cap, Money{region_balance.at(c.region), currency})});
    return report;
}

}  // namespace crm::credit
