#pragma once
/// \file
/// Aging of receivables (账龄分析, docs/domain.md section 4): open amounts bucketed by days
/// past due (or days since invoice) at an as-of date, per account and rolled up per region.
/// Bucket totals sum exactly to the open total. Proven by tests/credit/aging_test.cpp.
///
/// ```cpp
/// auto report = crm::credit::aging(ledger, crm::Date(2024, 6, 30));  // current, 1-30, ..., >365
/// for (std::size_t i = 0; i < report.amounts.size(); ++i)
///     std::cout << report.buckets.buckets()[i].label << " " << report.amounts[i] << "\n";
/// ```

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/threshold.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::credit {

/// What the days of an item's age count from. Proven by tests/credit/aging_test.cpp.
enum class AgingBasis {
    days_past_due,       ///< as_of - due date; 0 (current) on or before the due date
    days_since_invoice,  ///< as_of - invoice date; 0 for an invoice dated on or after as_of
};
/// The stable name: `days_past_due` or `days_since_invoice` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(AgingBasis basis) noexcept;
/// Prints to_string(basis).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, AgingBasis basis);

/// One bucket: the ages `from_days` to `to_days`, both included; no `to_days` means open-ended
/// ("over 365"). Proven by tests/credit/aging_test.cpp.
struct CRM_EXPORT AgingBucket {
    std::string label;           ///< the bucket's name in reports (e.g. `1-30`, `>365`); free text
    std::int64_t from_days = 0;  ///< the youngest age in the bucket, in days, inclusive; default 0
    /// The oldest age in the bucket, in days, inclusive; none means open-ended (only the last bucket).
    std::optional<std::int64_t> to_days;

    /// Memberwise equality.
    friend bool operator==(const AgingBucket&, const AgingBucket&) = default;
};

/// A validated list of buckets that covers every age exactly once.
///
/// Invariants (the constructor throws crm::Error naming `<field>[i].<member>`): at least one
/// bucket (invalid_argument, `buckets`); the first starts at 0 (ages are never negative) and
/// the last is open-ended; each other bucket ends at or after it starts (invalid_argument);
/// each starts the day after the previous ends: a gap or an overlap is `inconsistent` naming
/// `buckets[i].from_days`; only the last may reach the largest age (a `to_days` of INT64_MAX
/// on another bucket is `inconsistent`, never an overflow). The default is the past-due schedule of domain.md
/// section 4: current, 1-30, 31-60, 61-90, 91-180, 181-365, >365. Proven by tests/credit/aging_test.cpp.
class CRM_EXPORT AgingBuckets {
public:
    /// The default past-due buckets (past_due_default()).
    AgingBuckets();
    /// Validates `buckets`; `field` names them in errors.
    explicit AgingBuckets(std::vector<AgingBucket> buckets, std::string_view field = "buckets");

    /// current (0), 1-30, 31-60, 61-90, 91-180, 181-365, >365 days (domain.md section 4).
    [[nodiscard]] static AgingBuckets past_due_default();
    /// Buckets from their edges, each edge stating its side as the report's wording does.
    /// Inclusive edges (`{30, 60, 90}`, "30天以内, 31-60天, ..., 超过90天") close a bucket at
    /// the edge: 0-30, 31-60, 61-90, >90. Exclusive edges ("不满30天, 30-59天, ..., 90天以上")
    /// open the next bucket at the edge: 0-29, 30-59, 60-89, >=90. Labels are the ranges in
    /// digits. Throws crm::Error(invalid_argument) naming `<field>[i]` for an edge that does not
    /// ascend strictly (or, exclusive, a first edge of 0: an empty bucket).
    [[nodiscard]] static AgingBuckets from_edges(std::span<const std::int64_t> edges, Boundary edge,
                                                 std::string_view field = "edges");
    /// The bad-debt provision ages of domain.md section 4 in 365-day years: within 1 year
    /// (0-365), 1-2 years (366-730), 2-3 years, 3-4 years, 4-5 years, over 5 years (>1825).
    [[nodiscard]] static AgingBuckets yearly_default();

    /// The buckets, youngest first.
    [[nodiscard]] std::span<const AgingBucket> buckets() const noexcept { return buckets_; }
    /// The number of buckets.
    [[nodiscard]] std::size_t size() const noexcept { return buckets_.size(); }
    /// The bucket holding an age of `days` (a negative age counts as 0). No allocation.
    [[nodiscard]] std::size_t index_of(std::int64_t days) const noexcept {
        const std::size_t n = upper_.size();
        if (n <= 8) {  // a short branch-free scan: the bucket is the number of upper bounds below the age
            std::size_t i = 0;
            for (std::size_t k = 0; k < n; ++k) i += static_cast<std::size_t>(days > upper_[k]);
            return i;
        }
        return binary_index(days);
    }

    /// Equal when the buckets are (labels and bounds alike).
    friend bool operator==(const AgingBuckets& a, const AgingBuckets& b) { return a.buckets_ == b.buckets_; }

private:
    [[nodiscard]] std::size_t binary_index(std::int64_t days) const noexcept;

    std::vector<AgingBucket> buckets_;
    std::vector<std::int64_t> upper_;  // to_days of every bucket but the last, ascending
};

/// A bucket in words, with the word of its side: zh "0天", "30天以下", "31-60天", "超过365天";
/// en "0 days", "30 days or less", "31-60 days", "more than 365 days".
[[nodiscard]] CRM_EXPORT std::string describe(const AgingBucket& bucket, Lang lang);

/// How an aging treats credits (negative open items: credit notes, refunds owed, unapplied
/// receipts 预收款). Proven by tests/credit/aging_test.cpp ("credits ...").
enum class CreditAging {
    refused,  ///< a negative item is an Error naming `receivables[i].open_amount` (the default)
    by_date,  ///< a credit nets in the bucket of its own date, like any item
};
/// The stable name: `refused` or `by_date` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(CreditAging c) noexcept;

/// Where a not-yet-due item and an item due today fall, so that a crmrules aging can be put
/// side by side with an ERP's aged-receivables report (on the days-past-due basis only).
/// Proven by tests/credit/aging_test.cpp ("ERP conventions ...").
enum class DueTodayAs {
    current,   ///< age 0, with the not-yet-due items (the default: 逾期天数 = 0 on the due date)
    past_due,  ///< age 1, the first past-due range ("1-30" counts the due date itself)
};
/// Whether a not-yet-due item is aged in the first bucket (default) or reported apart.
enum class NotYetDue {
    first_bucket,  ///< ages 0: in the first bucket with the items due today (the default)
    own_column,    ///< in AgingReport::not_yet_due, outside the buckets (only aging_with_credit_column)
};

/// How to age: the basis, the report currency, and rates for items in other currencies.
/// Proven by tests/credit/aging_test.cpp.
struct CRM_EXPORT AgingOptions {
    /// What an item's age counts from; default days past due (逾期天数).
    AgingBasis basis = AgingBasis::days_past_due;
    /// The report's currency; when not given, the currency of the first item (CNY for an
    /// empty ledger). Items in another currency are converted with `rates`.
    std::optional<Currency> currency;
    std::span<const FxRate> rates;  ///< into `currency`; see in_currency
    /// How a converted amount is rounded to the report currency's minor unit; default half_up.
    RoundingMode conversion_rounding = RoundingMode::half_up;
    /// Negative items: refused (default) or netted in their date's bucket.
    CreditAging credits = CreditAging::refused;
    /// An item due on the as-of date: current (default) or the first past-due day.
    DueTodayAs due_today = DueTodayAs::current;
};

/// Open amounts by age at `as_of`.
///
/// Invariants: `amounts` and `items` have one entry per bucket; the amounts sum exactly to
/// `total` (exact Decimal sums, nothing rounded unless converted, and a converted item is
/// rounded once before it is bucketed); `items` counts every item, zero amounts included.
/// Proven by tests/credit/aging_test.cpp ("the buckets sum exactly to the open total").
struct CRM_EXPORT AgingReport {
    AgingBuckets buckets;                          ///< the buckets the report was built with
    AgingBasis basis = AgingBasis::days_past_due;  ///< what the ages counted from
    Date as_of;                                    ///< the as-of date (截止日) the ages were taken at
    Money total;                                   ///< every open amount, in the report currency
    std::vector<Money> amounts;                    ///< per bucket
    std::vector<std::size_t> items;                ///< per bucket, the number of items

    /// The report's currency (that of `total`).
    [[nodiscard]] Currency currency() const noexcept { return total.currency(); }
    /// Memberwise equality.
    friend bool operator==(const AgingReport&, const AgingReport&) = default;
};
/// A heading `aging at 2024-06-30 by days_past_due`, then one line per bucket,
/// `current  CNY 1,000.00  (3)`, then `total  CNY ...`; no trailing newline.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const AgingReport& r);

/// Ages `receivables` at `as_of` in one pass. A prepayment request (due before its invoice
/// date) is aged by its due date on either basis. Throws crm::Error naming the field: a bad
/// item (`receivables[i].open_amount`, see Receivable; a negative one unless
/// `options.credits` is by_date), a bad rate or a missing one (`options.rates.USD`), an
/// option outside its enum (`options.basis`, `options.credits`, `options.due_today`).
[[nodiscard]] CRM_EXPORT AgingReport aging(std::span<const Receivable> receivables, Date as_of,
                                           const AgingBuckets& buckets = AgingBuckets{},
                                           const AgingOptions& options = {});

/// An aging laid out as an ERP's aged-receivables report: the buckets hold the positive items
/// (invoices and instalments) past due, `not_yet_due` holds positive items not yet due when
/// NotYetDue::own_column is asked for, and `unapplied` holds the credits (negative items) in
/// a column of their own. Invariant: net_total = report.total + not_yet_due + unapplied,
/// exactly: the sum of every item. Proven by tests/credit/aging_test.cpp.
struct CRM_EXPORT AgingWithCredits {
    AgingReport report;                 ///< the buckets, positive items only
    Money not_yet_due;                  ///< zero unless NotYetDue::own_column
    std::size_t not_yet_due_items = 0;  ///< the number of positive items in `not_yet_due`
    Money unapplied;                    ///< the credits, <= 0
    std::size_t unapplied_items = 0;    ///< the number of credit items in `unapplied`
    Money net_total;                    ///< what the account owes net of its credits

    /// Memberwise equality.
    friend bool operator==(const AgingWithCredits&, const AgingWithCredits&) = default;
};

/// Ages as `aging` does, credits in their own column (`options.credits` is not read), and
/// not-yet-due items in the first bucket or their own column as `not_yet_due` says (an
/// item is not yet due when its due date is after as_of; with DueTodayAs::past_due an item
/// due on as_of is past due). Throws as `aging` does.
[[nodiscard]] CRM_EXPORT AgingWithCredits aging_with_credit_column(
    std::span<const Receivable> receivables, Date as_of, const AgingBuckets& buckets = AgingBuckets{},
    const AgingOptions& options = {}, NotYetDue not_yet_due = NotYetDue::first_bucket);

/// The aging of one account. Proven by tests/credit/aging_test.cpp.
struct CRM_EXPORT AccountAging {
    AccountId account;   ///< the account aged
    AgingReport report;  ///< its aging, over its items only

    /// Memberwise equality.
    friend bool operator==(const AccountAging&, const AccountAging&) = default;
};
/// The aging of each account that has items, ordered by account id. Throws as `aging` does.
/// Every account's report has the same buckets, basis, as-of date and currency (the report
/// currency is decided once for the whole ledger).
[[nodiscard]] CRM_EXPORT std::vector<AccountAging> aging_by_account(
    std::span<const Receivable> receivables, Date as_of, const AgingBuckets& buckets = AgingBuckets{},
    const AgingOptions& options = {});

/// The aging of one region: the sum of its accounts' reports. Proven by tests/credit/aging_test.cpp.
struct CRM_EXPORT RegionAging {
    RegionId region;                  ///< the region
    std::vector<AccountId> accounts;  ///< the accounts summed, in the order given
    /// The sum of the accounts' reports; same buckets, basis, as-of date and currency as each.
    AgingReport report;

    /// Memberwise equality.
    friend bool operator==(const RegionAging&, const RegionAging&) = default;
};
/// Rolls account reports up per region, ordered by region id. Throws crm::Error naming the
/// field: an account with no region (not_found, `regions`), an account mapped twice
/// (duplicate, `regions[i].account`), reports with different buckets, basis, as-of date or
/// currency (inconsistent, `accounts[i].report`).
[[nodiscard]] CRM_EXPORT std::vector<RegionAging> aging_by_region(std::span<const AccountAging> accounts,
                                                                  std::span<const AccountRegion> regions);

}  // namespace crm::credit
