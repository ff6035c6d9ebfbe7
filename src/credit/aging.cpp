#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <utility>

namespace crm::credit {

std::string_view to_string(AgingBasis basis) noexcept {
    switch (basis) {
    case AgingBasis::days_past_due: return "days_past_due";
    case AgingBasis::days_since_invoice: return "days_since_invoice";
    }
    return "unknown";
}
std::ostream& operator<<(std::ostream& os, AgingBasis basis) { return os << to_string(basis); }

AgingBuckets::AgingBuckets() : AgingBuckets(past_due_default()) {}

AgingBuckets::AgingBuckets(std::vector<AgingBucket> buckets, std::string_view field)
    : buckets_(std::move(buckets)) {
    const std::size_t n = buckets_.size();
    if (n == 0) throw Error(ErrorCode::invalid_argument, std::string(field), "at least one aging bucket");
    if (buckets_[0].from_days != 0)
        detail::throw_item_error(ErrorCode::inconsistent, field, 0, "from_days",
                                 "the first bucket starts at age 0, so that every item falls in a bucket");
    for (std::size_t i = 0; i < n; ++i) {
        const AgingBucket& b = buckets_[i];
        if (i > 0) {
            const std::int64_t expected = *buckets_[i - 1].to_days + 1;
            if (b.from_days > expected)
                detail::throw_item_error(ErrorCode::inconsistent, field, i, "from_days",
                                         "a gap: ages " + std::to_string(expected) + ".." +
                                             std::to_string(b.from_days - 1) + " fall in no bucket");
            if (b.from_days < expected)
                detail::throw_item_error(
                    ErrorCode::inconsistent, field, i, "from_days",
                    "an overlap with the previous bucket, which ends at " + std::to_string(expected - 1));
        }
        if (i + 1 < n) {
            if (!b.to_days)
                detail::throw_item_error(ErrorCode::inconsistent, field, i, "to_days",
                                         "only the last bucket is open-ended");
            if (*b.to_days < b.from_days)
                detail::throw_item_error(ErrorCode::invalid_argument, field, i, "to_days",
                                         "a bucket ends at or after its start");
            upper_.push_back(*b.to_days);
        } else if (b.to_days) {
            detail::throw_item_error(ErrorCode::inconsistent, field, i, "to_days",
                                     "the last bucket is open-ended, so that every item falls in a bucket");
        }
    }
}

AgingBuckets AgingBuckets::past_due_default() {
    return AgingBuckets{{
        {"current", 0, 0},
        {"1-30", 1, 30},
        {"31-60", 31, 60},
        {"61-90", 61, 90},
        {"91-180", 91, 180},
        {"181-365", 181, 365},
        {">365", 366, std::nullopt},
    }};
}

AgingBuckets AgingBuckets::yearly_default() {
    return AgingBuckets{{
        {"within 1 year", 0, 365},
        {"1-2 years", 366, 730},
        {"2-3 years", 731, 1095},
        {"3-4 years", 1096, 1460},
        {"4-5 years", 1461, 1825},
        {"over 5 years", 1826, std::nullopt},
    }};
}

std::size_t AgingBuckets::binary_index(std::int64_t days) const noexcept {
    return static_cast<std::size_t>(std::lower_bound(upper_.begin(), upper_.end(), days) - upper_.begin());
}

std::ostream& operator<<(std::ostream& os, const AgingReport& r) {
    os << "aging at " << r.as_of << " by " << r.basis;
    for (std::size_t i = 0; i < r.amounts.size(); ++i)
        os << "\n  " << r.buckets.buckets()[i].label << "  " << r.amounts[i] << "  (" << r.items[i] << ')';
    return os << "\n  total  " << r.total;
}

namespace {

// Per-bucket running sums in the report currency.
struct Accumulator {
    std::vector<Decimal> sums;
    std::vector<std::size_t> counts;

    // Sums start at zero with the currency's minor unit (0.00 for CNY), so that adding amounts
    // kept to the minor unit stays on Decimal's same-exponent fast path.
    Accumulator(std::size_t n, Currency currency)
        : sums(n, Decimal::scaled(0, -currency.minor_units())), counts(n, 0) {}

    AgingReport report(const AgingBuckets& buckets, AgingBasis basis, Date as_of, Currency currency) const {
        AgingReport r{.buckets = buckets,
                      .basis = basis,
                      .as_of = as_of,
                      .total = Money::zero(currency),
                      .amounts = {},
                      .items = counts};
        r.amounts.reserve(sums.size());
        Decimal total = Decimal::scaled(0, -currency.minor_units());
        for (const Decimal& s : sums) {
            r.amounts.emplace_back(s, currency);
            total += s;
        }
        r.total = Money{total, currency};
        return r;
    }
};

// Reads one item into `acc` (validating it): the one step of every aging loop.
class Ager {
public:
    Ager(const AgingBuckets& buckets, Date as_of, const AgingOptions& options, Currency currency)
        : buckets_(buckets),
          today_(as_of.serial()),
          past_due_(options.basis == AgingBasis::days_past_due),
          currency_(currency),
          rates_(options.rates),
          mode_(options.conversion_rounding) {}

    void add(Accumulator& acc, const Receivable& r, std::size_t index) {
        detail::check_receivable(r, "receivables", index);
        const std::int64_t start = past_due_ ? r.due_on.serial() : r.invoiced_on.serial();
        const std::size_t b = buckets_.index_of(today_ - start);
        ++acc.counts[b];
        if (r.open_amount.currency() == currency_) {
            acc.sums[b] += r.open_amount.amount();
        } else {
            acc.sums[b] += in_currency(r.open_amount, currency_, rates_, mode_, "options.rates").amount();
        }
    }

private:
    const AgingBuckets& buckets_;
    std::int64_t today_;
    bool past_due_;
    Currency currency_;
    std::span<const FxRate> rates_;
    RoundingMode mode_;
};

Currency report_currency(std::span<const Receivable> receivables, const AgingOptions& options) {
    if (options.currency) return *options.currency;
    return receivables.empty() ? Currency{} : receivables.front().open_amount.currency();
}

}  // namespace

AgingReport aging(std::span<const Receivable> receivables, Date as_of, const AgingBuckets& buckets,
                  const AgingOptions& options) {
    const Currency currency = report_currency(receivables, options);
    if (!options.rates.empty()) validate_rates(options.rates, currency, "options.rates");
    Accumulator acc(buckets.size(), currency);
    Ager ager(buckets, as_of, options, currency);
    for (std::size_t i = 0; i < receivables.size(); ++i) ager.add(acc, receivables[i], i);
    return acc.report(buckets, options.basis, as_of, currency);
}

std::vector<AccountAging> aging_by_account(std::span<const Receivable> receivables, Date as_of,
                                           const AgingBuckets& buckets, const AgingOptions& options) {
    const Currency currency = report_currency(receivables, options);
    if (!options.rates.empty()) validate_rates(options.rates, currency, "options.rates");
    std::map<AccountId, Accumulator> per_account;
    Ager ager(buckets, as_of, options, currency);
    for (std::size_t i = 0; i < receivables.size(); ++i) {
        const Receivable& r = receivables[i];
        auto it = per_account.find(r.account);
        if (it == per_account.end())
            it = per_account.emplace(r.account, Accumulator(buckets.size(), currency)).first;
        ager.add(it->second, r, i);
    }
    std::vector<AccountAging> out;
    out.reserve(per_account.size());
    for (const auto& [account, acc] : per_account)
        out.push_back(AccountAging{account, acc.report(buckets, options.basis, as_of, currency)});
    return out;
}

std::vector<RegionAging> aging_by_region(std::span<const AccountAging> accounts,
                                         std::span<const AccountRegion> regions) {
    std::map<AccountId, RegionId> region_of;
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (!region_of.emplace(regions[i].account, regions[i].region).second)
            detail::throw_item_error(
                ErrorCode::duplicate, "regions", i, "account",
                "account " + regions[i].account.value() + " is mapped to a region twice");

    struct Rollup {
        std::vector<AccountId> accounts;
        std::vector<Decimal> sums;
        std::vector<std::size_t> counts;
    };
    std::map<RegionId, Rollup> per_region;
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const AgingReport& r = accounts[i].report;
        if (i > 0) {
            const AgingReport& first = accounts[0].report;
            if (!(r.buckets == first.buckets) || r.basis != first.basis || r.as_of != first.as_of ||
                r.currency() != first.currency())
                detail::throw_item_error(
                    ErrorCode::inconsistent, "accounts", i, "report",
                    "every account's aging has the same buckets, basis, as-of date and currency");
        }
        const auto found = region_of.find(accounts[i].account);
        if (found == region_of.end())
            throw Error(ErrorCode::not_found, "regions",
                        "account " + accounts[i].account.value() + " has no region");
        Rollup& roll = per_region[found->second];
        if (roll.sums.empty()) {
            roll.sums.assign(r.amounts.size(), Decimal::scaled(0, -r.currency().minor_units()));
            roll.counts.assign(r.amounts.size(), 0);
        }
        roll.accounts.push_back(accounts[i].account);
        for (std::size_t b = 0; b < r.amounts.size(); ++b) {
            roll.sums[b] += r.amounts[b].amount();
            roll.counts[b] += r.items[b];
        }
    }
    std::vector<RegionAging> out;
    out.reserve(per_region.size());
    for (auto& [region, roll] : per_region) {
        const AgingReport& first = accounts[0].report;
        Accumulator acc(roll.sums.size(), first.currency());
        acc.sums = std::move(roll.sums);
        acc.counts = std::move(roll.counts);
        out.push_back(RegionAging{region, std::move(roll.accounts),
                                  acc.report(first.buckets, first.basis, first.as_of, first.currency())});
    }
    return out;
}

}  // namespace crm::credit
