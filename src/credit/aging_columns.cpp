// Aging over Arrow-layout columns. The hot loop reads the 16-byte coefficient as two words:
// an amount below 2^64 (every real amount) adds its low word into a 128-bit bucket sum, with
// no Decimal and no branch but the checks; other rows (negative, or beyond 2^64, or with a
// foreign currency) take the checked path. Each slice of rows sums into its own partials,
// merged in slice order, so the report does not depend on the thread count.

#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>
#include <crm/credit/aging_columns.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <span>
#include <string>
#include <utility>

namespace crm::credit {

namespace {

using U128 = crm::detail::uint128;
constexpr U128 kSignBit = U128{1} << 127;
constexpr std::size_t kFastBuckets = 8;
constexpr std::size_t kChunk = 16 * 1024;  // rows between progress reports; 2^14 x 2^49 < 2^64
static_assert(kChunk <= (std::size_t{1} << 14));

[[noreturn]] void sum_overflow(std::string_view column) {
    throw Error(ErrorCode::inexact, std::string(column), "a sum of amounts needs more than 38 digits");
}

// Adds `c` to `sum`, failing when the sum leaves 38 digits (the row API's Decimal += does).
inline void add_checked(U128& sum, U128 c, std::string_view column) {
    if (__builtin_add_overflow(sum, c, &sum) || sum >= crm::detail::pow10_38) sum_overflow(column);
}

struct Partial {
    std::vector<U128> sums;
    std::vector<std::size_t> counts;
};

Currency report_currency(const ReceivableColumns& ledger, const AgingOptions& options) {
    if (options.currency) return *options.currency;
    return ledger.size() == 0 ? Currency{} : ledger.open_amount.currency;
}

// The checks every kernel makes before reading a value: lengths, nulls, scale, the rates.
// Each value is checked as the kernels read it (RowReader), the first bad row winning.
void check_ledger(const ReceivableColumns& ledger, const AgingOptions& options, Currency currency,
                  bool need_dates) {
    const std::size_t n = ledger.size();
    if (need_dates || ledger.invoiced_on) {
        columnar::check_shape(ledger.due_on, n);
        if (ledger.invoiced_on) columnar::check_shape(*ledger.invoiced_on, n);
    }
    columnar::check_shape(ledger.open_amount, n);
    if (ledger.account) columnar::check_shape(*ledger.account, n);
    if (!options.rates.empty()) validate_rates(options.rates, currency, "options.rates");
    require_valid(options.conversion_rounding, "options.conversion_rounding");
}

constexpr auto kDaySpan = static_cast<std::uint32_t>(Date::max_serial - Date::min_serial);

// Reads and checks the values of one row, as the row API checks a Receivable.
class RowReader {
public:
    RowReader(const ReceivableColumns& ledger, const AgingOptions& options, Currency currency)
        : amounts_(ledger.open_amount),
          invoiced_(ledger.invoiced_on ? ledger.invoiced_on->days.data() : nullptr),
          due_(ledger.due_on.days.data()),
          due_name_(ledger.due_on.name),
          invoiced_name_(ledger.invoiced_on ? ledger.invoiced_on->name : std::string_view{}),
          currency_(currency),
          foreign_(ledger.open_amount.currency != currency),
          rates_(options.rates),
          mode_(options.conversion_rounding) {}

    [[nodiscard]] bool foreign() const noexcept { return foreign_; }
    [[nodiscard]] bool has_invoice_dates() const noexcept { return invoiced_ != nullptr; }

    // Row i's amount in the report currency (the general path): its sign, its 38 digits, the
    // conversion.
    [[nodiscard]] U128 amount(std::size_t i) const {
        const U128 raw = amounts_.raw(i);
        if ((raw & kSignBit) != 0)
            columnar::detail::throw_row_error(ErrorCode::invalid_argument, amounts_.name, i,
                                              "an open amount cannot be negative (net credit notes first)");
        if (raw >= crm::detail::pow10_38)
            columnar::detail::throw_row_error(ErrorCode::overflow, amounts_.name, i,
                                              "a coefficient beyond 38 digits");
        if (!foreign_) return raw;
        const Money converted = in_currency(amounts_.at(i), currency_, rates_, mode_, "options.rates");
        return converted.amount().coefficient();  // rounded to the report currency's minor unit
    }
    // A day of a date column, checked to be in Date's range. The check is inline, the error
    // out of line, so the hot loops keep their registers.
    static std::int32_t day(const std::int32_t* column, std::string_view name, std::size_t i) {
        const std::int32_t d = column[i];
        if (outside(d)) [[unlikely]]
            bad_day(name, i, d);
        return d;
    }
    static bool outside(std::int32_t d) noexcept {
        return static_cast<std::uint32_t>(std::int64_t{d} - Date::min_serial) > kDaySpan;
    }
    [[noreturn]] [[gnu::cold]] [[gnu::noinline]] static void bad_day(std::string_view name, std::size_t i,
                                                                     std::int32_t d) {
        columnar::detail::throw_row_error(ErrorCode::invalid_date, name, i,
                                          "day " + std::to_string(d) + " is outside 1400-01-01..9999-12-31");
    }
    [[nodiscard]] std::int32_t due(std::size_t i) const { return day(due_, due_name_, i); }
    [[nodiscard]] const std::int32_t* due_days() const noexcept { return due_; }
    [[nodiscard]] const std::int32_t* invoice_days() const noexcept { return invoiced_; }
    [[nodiscard]] std::string_view due_name() const noexcept { return due_name_; }
    [[nodiscard]] std::string_view invoice_name() const noexcept { return invoiced_name_; }
    [[nodiscard]] std::int32_t invoiced(std::size_t i) const { return day(invoiced_, invoiced_name_, i); }
    // The due date is not before the invoice date (only with invoice dates).
private:
    const columnar::AmountColumn& amounts_;
    const std::int32_t* invoiced_;
    const std::int32_t* due_;
    std::string_view due_name_;
    std::string_view invoiced_name_;
    Currency currency_;
    bool foreign_;
    std::span<const FxRate> rates_;
    RoundingMode mode_;
};

crm::detail::ParallelOptions parallel_options(const BatchOptions& batch) {
    return crm::detail::ParallelOptions{.threads = batch.threads,
                                        .min_per_thread = 64 * 1024,
                                        .chunk = kChunk,
                                        .progress = &batch.progress,
                                        .stop = batch.stop,
                                        .field = "batch.threads"};
}

void check_not_stopped(const crm::detail::ParallelRun& run) {
    if (run.stopped)
        throw Error(ErrorCode::invalid_operation, "stop", "the batch was stopped before it finished");
}

Money money_of(U128 c, Currency currency) {
    return Money{Decimal::from_parts_unchecked(false, c, -currency.minor_units()), currency};
}

}  // namespace

namespace {

// What one aging pass needs, shared read-only by the slices.
struct AgingPass {
    const RowReader& reader;
    const AgingBuckets& buckets;
    const columnar::AmountColumn& amounts;
    std::int64_t today;
    std::int64_t shift;  // 1 when an item due today is the first past-due day, else 0
    std::array<std::int64_t, kFastBuckets - 1> upper;  // padded with the int64 maximum
};

// Ages rows [begin, end) into `sums`/`counts` (k entries each). Compiled once per case, so
// that the loop of the common case (seven buckets, days past due, amounts in the report
// currency, no invoice dates) holds nothing but its work and its checks.
template <bool kFewBuckets, bool kPastDue, bool kInvoiceDates>
void age_rows(const AgingPass& pass, std::size_t begin, std::size_t end, U128* __restrict sums,
              std::size_t* __restrict counts) {
    const std::byte* const data = pass.amounts.data.data();
    const std::int32_t* const due_days = pass.reader.due_days();
    const std::int32_t* const invoice_days = pass.reader.invoice_days();
    const bool foreign = pass.reader.foreign();
    const std::int64_t today = pass.today;
    const std::int64_t shift = pass.shift;
    const auto upper = pass.upper;
    // Amounts below 2^49 (5.6E+14 minor units) sum in 64 bits within a chunk: at most
    // kChunk of them cannot wrap. The rest go straight to the 128-bit sums.
    std::array<std::uint64_t, kFastBuckets> small{};
    std::uint64_t* __restrict const narrow = kFewBuckets ? small.data() : nullptr;
    for (std::size_t i = begin; i < end; ++i) {
        const std::int32_t due = RowReader::day(due_days, pass.reader.due_name(), i);
        std::int32_t invoiced = 0;
        if constexpr (kInvoiceDates) invoiced = RowReader::day(invoice_days, pass.reader.invoice_name(), i);
        // As the row API ages: days past due (shifted by one from the due date on when an item
        // due today counts as past due), or days since invoice, where a prepayment request
        // (先款后票, due before its invoice) ages from its earlier due date.
        std::int64_t age = 0;
        if constexpr (kPastDue) {
            age = today - due;
            // the few-bucket path has the shift folded into its upper bounds (see aging())
            if constexpr (!kFewBuckets) age += static_cast<std::int64_t>(age >= 0) * shift;
        } else {
            age = today - std::min(due, invoiced);
        }
        std::size_t b = 0;
        if constexpr (kFewBuckets) {
            for (std::size_t u = 0; u < kFastBuckets - 1; ++u) b += static_cast<std::size_t>(age > upper[u]);
        } else {
            b = pass.buckets.index_of(age);
        }
        std::uint64_t words[2];
        std::memcpy(words, data + 16 * i, 16);
        ++counts[b];
        if constexpr (kFewBuckets) {
            if ((words[1] | (words[0] >> 49)) == 0 && !foreign) [[likely]] {
                narrow[b] += words[0];
                continue;
            }
        }
        if (words[1] == 0 && !foreign) {
            sums[b] += words[0];  // below 2^64, fewer than 2^64 rows: no wrap
        } else {
            add_checked(sums[b], pass.reader.amount(i), pass.amounts.name);
        }
    }
    if constexpr (kFewBuckets)
        for (std::size_t b = 0; b < kFastBuckets; ++b) sums[b] += small[b];
}

using AgeRows = void (*)(const AgingPass&, std::size_t, std::size_t, U128*, std::size_t*);

AgeRows pick_age_rows(bool few_buckets, bool past_due, bool invoice_dates) {
    if (few_buckets) {
        if (past_due) return invoice_dates ? age_rows<true, true, true> : age_rows<true, true, false>;
        return age_rows<true, false, true>;  // days since invoice always has invoice dates
    }
    if (past_due) return invoice_dates ? age_rows<false, true, true> : age_rows<false, true, false>;
    return age_rows<false, false, true>;
}

}  // namespace

AgingReport aging(const ReceivableColumns& ledger, Date as_of, const AgingBuckets& buckets,
                  const AgingOptions& options, const BatchOptions& batch) {
    const Currency currency = report_currency(ledger, options);
    const bool past_due = options.basis == AgingBasis::days_past_due;
    if (!past_due && !ledger.invoiced_on)
        throw Error(ErrorCode::invalid_argument, "invoiced_on",
                    "aging by days since invoice needs invoice dates");
    if (options.due_today != DueTodayAs::current && options.due_today != DueTodayAs::past_due)
        throw Error(ErrorCode::invalid_argument, "options.due_today", "not a DueTodayAs value");
    check_ledger(ledger, options, currency, true);
    const std::size_t n = ledger.size();
    const std::size_t k = buckets.size();
    const RowReader reader(ledger, options, currency);
    AgingPass pass{.reader = reader,
                   .buckets = buckets,
                   .amounts = ledger.open_amount,
                   .today = as_of.serial(),
                   .shift = options.due_today == DueTodayAs::past_due ? 1 : 0,
                   .upper = {}};
    // The bucket is the number of upper bounds below the age.
    pass.upper.fill(std::numeric_limits<std::int64_t>::max());
    const bool few_buckets = k <= kFastBuckets;
    for (std::size_t b = 0; b + 1 < k && b + 1 < kFastBuckets; ++b) {
        // An item due today counted as past due ages one day more from its due date on: for an
        // edge u >= 0 (every edge: the first bucket starts at age 0), "age + 1 > u" for every
        // age >= 0 is "age > u - 1", and no age below 0 passes either. So the shift moves the
        // edges, not every row.
        const std::int64_t u = *buckets.buckets()[b].to_days;
        pass.upper[b] = (pass.shift != 0 && past_due && u >= 0) ? u - 1 : u;
    }
    const AgeRows age = pick_age_rows(few_buckets, past_due, ledger.invoiced_on.has_value());

    const auto parallel = parallel_options(batch);
    std::vector<Partial> partials(crm::detail::slice_count(parallel, n),
                                  Partial{std::vector<U128>(k, 0), std::vector<std::size_t>(k, 0)});
    const auto run =
        crm::detail::parallel_ranges(n, parallel, [&](std::size_t s, std::size_t begin, std::size_t end) {
            // A chunk sums on this thread's stack, then into its slice's partials.
            std::array<U128, kFastBuckets> local_sums{};
            std::array<std::size_t, kFastBuckets> local_counts{};
            std::vector<U128> wide_sums(few_buckets ? 0 : k, 0);
            std::vector<std::size_t> wide_counts(few_buckets ? 0 : k, 0);
            U128* const sums = few_buckets ? local_sums.data() : wide_sums.data();
            std::size_t* const counts = few_buckets ? local_counts.data() : wide_counts.data();
            age(pass, begin, end, sums, counts);
            Partial& p = partials[s];
            for (std::size_t b = 0; b < k; ++b) {
                add_checked(p.sums[b], sums[b], pass.amounts.name);
                p.counts[b] += counts[b];
            }
        });
    check_not_stopped(run);

    AgingReport report{.buckets = buckets,
                       .basis = options.basis,
                       .as_of = as_of,
                       .total = Money::zero(currency),
                       .amounts = {},
                       .items = std::vector<std::size_t>(k, 0)};
    std::vector<U128> sums(k, 0);
    for (const Partial& p : partials)
        for (std::size_t b = 0; b < k; ++b) {
            add_checked(sums[b], p.sums[b], pass.amounts.name);
            report.items[b] += p.counts[b];
        }
    U128 total = 0;
    report.amounts.reserve(k);
    for (std::size_t b = 0; b < k; ++b) {
        add_checked(total, sums[b], "add");
        report.amounts.push_back(money_of(sums[b], currency));
    }
    report.total = money_of(total, currency);
    return report;
}

namespace {

// What the per-account pass reads, copied out of the ledger so that the loop's stores (a byte
// among them, which may alias anything) do not make it reload them on every row.
struct GroupPass {
    const RowReader& reader;
    const std::int32_t* index;
    const std::byte* data;
    std::size_t groups;
    bool foreign;
    std::string_view accounts;
    std::string_view amounts;
};

// One slice's sums per group: a 64-bit running sum of the amounts below 2^64 (every real
// amount), a 128-bit sum of its wraps (2^64 each) and of the other amounts, and a "seen" flag.
struct GroupSums {
    std::uint64_t* __restrict low;
    U128* __restrict wide;
    std::uint8_t* __restrict seen;
};

[[noreturn]] [[gnu::cold]] [[gnu::noinline]] void bad_index(std::string_view column, std::size_t row,
                                                            std::int32_t index) {
    columnar::detail::throw_row_error(ErrorCode::out_of_range, column, row,
                                      "index " + std::to_string(index) + " is outside the dictionary");
}

// The checked path of one row (a foreign currency, or a coefficient of 2^64 or more): out of
// line, so that the loop keeps its pointers in registers.
[[gnu::cold]] [[gnu::noinline]] void add_wide(const GroupPass& pass, U128& sum, std::size_t row) {
    add_checked(sum, pass.reader.amount(row), pass.amounts);
}

// Sums rows [begin, end) by group. With kCheckDates, a ledger with invoice dates has its days
// checked as aging checks them (a prepayment request, due before its invoice, is an item like
// any other), though they are not summed here.
template <bool kCheckDates>
void sum_by_group(const GroupPass& pass, const GroupSums& out, std::size_t begin, std::size_t end) {
    const std::int32_t* __restrict const index = pass.index;
    const std::byte* __restrict const data = pass.data;
    const std::size_t groups = pass.groups;
    const bool foreign = pass.foreign;
    std::uint64_t* __restrict const low = out.low;
    U128* __restrict const wide = out.wide;
    std::uint8_t* __restrict const seen = out.seen;
    for (std::size_t i = begin; i < end; ++i) {
        const std::int32_t raw_index = index[i];
        if (static_cast<std::uint32_t>(raw_index) >= groups) [[unlikely]]
            bad_index(pass.accounts, i, raw_index);
        const auto g = static_cast<std::size_t>(raw_index);
        std::uint64_t words[2];
        std::memcpy(words, data + 16 * i, 16);
        seen[g] = 1;
        if (words[1] == 0 && !foreign) [[likely]] {
            // fewer than 2^64 rows: the wraps' sum cannot wrap; the 38 digits are checked when
            // the slices are merged
            if (__builtin_add_overflow(low[g], words[0], &low[g])) [[unlikely]]
                wide[g] += U128{1} << 64;
        } else {
            add_wide(pass, wide[g], i);
        }
        if constexpr (kCheckDates) {
            (void)pass.reader.due(i);
            (void)pass.reader.invoiced(i);
        }
    }
}

// Orders group numbers by their ids (the order of the bytes, so of std::string_view's
// comparison), equal ids by group number; a dictionary already in order (as one built from
// sorted ids is) is not sorted again. The ids' first eight bytes, read as one big-endian
// integer, are sorted by a stable radix sort (the bytes all ids share are skipped); only ids
// that share those eight bytes are then compared whole.
void sort_by_id(std::vector<std::uint32_t>& order, std::span<const std::string_view> dictionary) {
    const auto before = [&](std::uint32_t x, std::uint32_t y) {
        const std::string_view a = dictionary[x];
        const std::string_view b = dictionary[y];
        return a < b || (a == b && x < y);
    };
    if (std::is_sorted(order.begin(), order.end(), before)) return;
    const auto prefix = [](std::string_view id) noexcept {
        std::uint64_t key = 0;
        for (std::size_t b = 0; b < 8; ++b)
            key = (key << 8) | (b < id.size() ? static_cast<std::uint8_t>(id[b]) : 0u);
        return key;
    };
    struct Keyed {
        std::uint64_t key;
        std::uint32_t group;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(order.size());
    // in group order: the radix sort is stable, so equal prefixes stay in group order
    for (std::uint32_t g : order) keyed.push_back({prefix(dictionary[g]), g});
    std::array<std::array<std::uint32_t, 256>, 8> counts{};
    for (const Keyed& k : keyed)
        for (std::size_t b = 0; b < 8; ++b) ++counts[b][(k.key >> (8 * b)) & 0xFF];
    std::vector<Keyed> next(keyed.size());
    for (std::size_t b = 0; b < 8; ++b) {
        std::array<std::uint32_t, 256>& count = counts[b];
        if (std::find(count.begin(), count.end(), static_cast<std::uint32_t>(keyed.size())) != count.end())
            continue;  // every id has the same byte here
        std::uint32_t start = 0;
        for (std::uint32_t& c : count) start += std::exchange(c, start);
        for (const Keyed& k : keyed) next[count[(k.key >> (8 * b)) & 0xFF]++] = k;
        keyed.swap(next);
    }
    for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].group;
    // equal prefixes: the whole ids decide (the group numbers within them are in order)
    for (std::size_t i = 0; i < keyed.size();) {
        std::size_t j = i + 1;
        while (j < keyed.size() && keyed[j].key == keyed[i].key) ++j;
        if (j - i > 1)
            std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(i),
                             order.begin() + static_cast<std::ptrdiff_t>(j), before);
        i = j;
    }
}

}  // namespace

std::vector<std::pair<AccountId, Money>> open_by_account(const ReceivableColumns& ledger,
                                                         const AgingOptions& options,
                                                         const BatchOptions& batch) {
    if (!ledger.account)
        throw Error(ErrorCode::invalid_argument, "account", "the per-account kernels need an account column");
    const Currency currency = report_currency(ledger, options);
    check_ledger(ledger, options, currency, false);
    const std::size_t n = ledger.size();
    const columnar::IdColumn& accounts = *ledger.account;
    const std::size_t groups = accounts.dictionary.size();
    const RowReader reader(ledger, options, currency);
    const columnar::AmountColumn& amounts = ledger.open_amount;
    const bool check_dates = ledger.invoiced_on.has_value();
    const auto options_parallel = parallel_options(batch);
    const std::size_t slices = crm::detail::slice_count(options_parallel, n);
    // Per slice and group, the sums of GroupSums, merged in slice order. The hot loop
    // touches the 64-bit sums only.
    std::vector<std::vector<std::uint64_t>> lows(slices, std::vector<std::uint64_t>(groups, 0));
    std::vector<std::vector<U128>> sums(slices, std::vector<U128>(groups, 0));
    std::vector<std::vector<std::uint8_t>> seen(slices, std::vector<std::uint8_t>(groups, 0));
    const GroupPass pass{.reader = reader,
                         .index = accounts.indices.data(),
                         .data = amounts.data.data(),
                         .groups = groups,
                         .foreign = reader.foreign(),
                         .accounts = accounts.name,
                         .amounts = amounts.name};
    const auto run = crm::detail::parallel_ranges(
        n, options_parallel, [&](std::size_t s, std::size_t begin, std::size_t end) {
            const GroupSums out{.low = lows[s].data(), .wide = sums[s].data(), .seen = seen[s].data()};
            if (check_dates) {
                sum_by_group<true>(pass, out, begin, end);
            } else {
                sum_by_group<false>(pass, out, begin, end);
            }
        });
    check_not_stopped(run);
    // Ordered by account id, as aging_by_account orders its reports; a dictionary that lists
    // an id twice gives one line for it.
    std::vector<std::uint32_t> order;
    order.reserve(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        bool any = false;
        for (std::size_t s = 0; s < slices; ++s) any = any || seen[s][g] != 0;
        if (any) order.push_back(static_cast<std::uint32_t>(g));
    }
    sort_by_id(order, accounts.dictionary);
    // The totals first, then the lines: built in one loop, the compiler assembles each Money
    // piecewise on the stack and copies it whole (a store-forwarding stall per line).
    std::vector<U128> totals;
    std::vector<std::string_view> ids;
    totals.reserve(order.size());
    ids.reserve(order.size());
    for (std::size_t k = 0; k < order.size();) {
        const std::string_view id = accounts.dictionary[order[k]];
        U128 total = 0;
        for (; k < order.size() && accounts.dictionary[order[k]] == id; ++k)
            for (std::size_t s = 0; s < slices; ++s) {
                add_checked(total, sums[s][order[k]], amounts.name);
                add_checked(total, lows[s][order[k]], amounts.name);
            }
        totals.push_back(total);
        ids.push_back(id);
    }
    const Money zero = Money::zero(currency);
    std::vector<std::pair<AccountId, Money>> out(totals.size(), {AccountId{}, zero});
    for (std::size_t k = 0; k < totals.size(); ++k) {
        out[k].first = AccountId{ids[k]};
        out[k].second = money_of(totals[k], currency);
    }
    return out;
}

}  // namespace crm::credit
