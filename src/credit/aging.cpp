#include <crm/core/error.hpp>
#include <crm/core/threshold.hpp>
#include <crm/credit/aging.hpp>

#include <algorithm>
#include <limits>
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

std::string_view to_string(CreditAging c) noexcept {
    switch (c) {
    case CreditAging::refused: return "refused";
    case CreditAging::by_date: return "by_date";
    }
    return "unknown";
}

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
            // The previous bucket was checked to end before INT64_MAX, so this cannot overflow.
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
            if (*b.to_days == std::numeric_limits<std::int64_t>::max())
                detail::throw_item_error(
                    ErrorCode::inconsistent, field, i, "to_days",
                    "a bucket that ends at the largest age leaves no age for the next one");
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

AgingBuckets AgingBuckets::from_edges(std::span<const std::int64_t> edges, Boundary edge,
                                      std::string_view field) {
    std::vector<AgingBucket> buckets;
    buckets.reserve(edges.size() + 1);
    std::int64_t from = 0;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const std::int64_t e = edges[i];
        const std::int64_t lowest = i == 0 ? (edge == Boundary::inclusive ? 0 : 1) : edges[i - 1] + 1;
        if (e < lowest || e == std::numeric_limits<std::int64_t>::max())
            detail::throw_item_error(ErrorCode::invalid_argument, field, i, "",
                                     "bucket edges ascend strictly and leave no empty bucket");
        const std::int64_t to = edge == Boundary::inclusive ? e : e - 1;
        buckets.push_back(AgingBucket{std::to_string(from) + "-" + std::to_string(to), from, to});
        from = to + 1;
    }
    buckets.push_back(
        AgingBucket{edges.empty() ? std::string("all")
                                  : (edge == Boundary::inclusive ? ">" : ">=") + std::to_string(edges.back()),
                    from, std::nullopt});
    return AgingBuckets{std::move(buckets), field};
}

std::string describe(const AgingBucket& bucket, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string from = std::to_string(bucket.from_days);
    if (!bucket.to_days) {
        if (bucket.from_days == 0) return zh ? "全部" : "any age";
        // an open-ended bucket from day N is "超过 N-1 天" (exclusive), as Chinese reports write it
        return describe_at_least(std::to_string(bucket.from_days - 1) + (zh ? "天" : " days"),
                                 Boundary::exclusive, zh);
    }
    const std::string to = std::to_string(*bucket.to_days);
    if (*bucket.to_days == bucket.from_days)
        return zh ? from + "天" : from + (bucket.from_days == 1 ? " day" : " days");
    if (bucket.from_days == 0) return describe_at_most(to + (zh ? "天" : " days"), Boundary::inclusive, zh);
    return zh ? from + "-" + to + "天" : from + "-" + to + " days";
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
          allow_credit_(options.credits == CreditAging::by_date),
          shift_(options.basis == AgingBasis::days_past_due && options.due_today == DueTodayAs::past_due ? 1
                                                                                                         : 0),
          currency_(currency),
          rates_(options.rates),
          mode_(options.conversion_rounding) {}

    // The age of an item: days past due (plus one when an item due today counts as past
    // due), or days since invoice, where a prepayment request ages from its earlier due date.
    [[nodiscard]] std::int64_t age(const Receivable& r) const noexcept {
        const std::int64_t due = r.due_on.serial();
        if (past_due_) {
            const std::int64_t days = today_ - due;
            return days >= 0 ? days + shift_ : days;
        }
        const std::int64_t invoiced = r.invoiced_on.serial();
        return today_ - (due < invoiced ? due : invoiced);
    }

    // The amount of `r` in the report currency, checked.
    [[nodiscard]] Decimal amount(const Receivable& r, std::size_t index, bool allow_credit) const {
        detail::check_receivable(r, "receivables", index, allow_credit);
        if (r.open_amount.currency() == currency_) return r.open_amount.amount();
        return in_currency(r.open_amount, currency_, rates_, mode_, "options.rates").amount();
    }

    void add(Accumulator& acc, const Receivable& r, std::size_t index) {
        detail::check_receivable(r, "receivables", index, allow_credit_);
        const std::size_t b = buckets_.index_of(age(r));
        ++acc.counts[b];
        const std::string_view field = "receivables";
        at_item(field, index, [&] {
            if (r.open_amount.currency() == currency_) {
                acc.sums[b] += r.open_amount.amount();
            } else {
                acc.sums[b] += in_currency(r.open_amount, currency_, rates_, mode_, "options.rates").amount();
            }
        });
    }

    [[nodiscard]] const AgingBuckets& buckets() const noexcept { return buckets_; }

    // Runs `f`; an arithmetic error (an overflowing sum) is reported against the item.
    template <class F>
    static void at_item(std::string_view field, std::size_t index, F&& f) {
        try {
            f();
        } catch (const Error& e) {
            if (e.field().starts_with("options.rates")) throw;
            throw e.at(std::string(field) + "[" + std::to_string(index) + "].open_amount");
        }
    }

private:
    const AgingBuckets& buckets_;
    std::int64_t today_;
    bool past_due_;
    bool allow_credit_;
    std::int64_t shift_;
    Currency currency_;
    std::span<const FxRate> rates_;
    RoundingMode mode_;
};

void check_options(const AgingOptions& options) {
    if (options.basis != AgingBasis::days_past_due && options.basis != AgingBasis::days_since_invoice)
        throw Error(ErrorCode::invalid_argument, "options.basis",
                    "an aging basis is days past due or since invoice");
    if (options.credits != CreditAging::refused && options.credits != CreditAging::by_date)
        throw Error(ErrorCode::invalid_argument, "options.credits", "credits are refused or aged by date");
    if (options.due_today != DueTodayAs::current && options.due_today != DueTodayAs::past_due)
        throw Error(ErrorCode::invalid_argument, "options.due_today",
                    "an item due today is current or past due");
}

Currency report_currency(std::span<const Receivable> receivables, const AgingOptions& options) {
    check_options(options);
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

AgingWithCredits aging_with_credit_column(std::span<const Receivable> receivables, Date as_of,
                                          const AgingBuckets& buckets, const AgingOptions& options,
                                          NotYetDue not_yet_due) {
    const Currency currency = report_currency(receivables, options);
    if (not_yet_due != NotYetDue::first_bucket && not_yet_due != NotYetDue::own_column)
        throw Error(ErrorCode::invalid_argument, "not_yet_due",
                    "not-yet-due items go in the first bucket or apart");
    if (!options.rates.empty()) validate_rates(options.rates, currency, "options.rates");
    Accumulator acc(buckets.size(), currency);
    Ager ager(buckets, as_of, options, currency);
    const Decimal zero = Decimal::scaled(0, -currency.minor_units());
    Decimal credits = zero;
    Decimal early = zero;
    std::size_t credit_items = 0;
    std::size_t early_items = 0;
    const bool apart = not_yet_due == NotYetDue::own_column;
    for (std::size_t i = 0; i < receivables.size(); ++i) {
        const Receivable& r = receivables[i];
        const Decimal a = ager.amount(r, i, true);
        Ager::at_item("receivables", i, [&] {
            if (a.signum() < 0) {
                credits += a;
                ++credit_items;
                return;
            }
            const std::int64_t age = ager.age(r);
            // not yet due: a due date after as_of (age < 0 on the past-due basis)
            if (apart && r.due_on > as_of) {
                early += a;
                ++early_items;
                return;
            }
            const std::size_t b = buckets.index_of(age);
            ++acc.counts[b];
            acc.sums[b] += a;
        });
    }
    AgingWithCredits out{.report = acc.report(buckets, options.basis, as_of, currency),
                         .not_yet_due = Money{early, currency},
                         .not_yet_due_items = early_items,
                         .unapplied = Money{credits, currency},
                         .unapplied_items = credit_items,
                         .net_total = Money::zero(currency)};
    out.net_total =
        at_field("receivables", [&] { return out.report.total + out.not_yet_due + out.unapplied; });
    return out;
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
