// Credit benchmarks (issue 5), each with its baseline in the same binary and run:
// - BM_credit_check_50_open_items: an order credit check over 40 open invoices, 7 open orders
//   and 3 shipped-not-invoiced items (an `allow` with no reasons), against
//   BM_baseline_sum_50_amounts, summing the same 50 amounts with Money +=. Target <= 2x.
// - BM_aging_1m: aging 1,000,000 receivables into the seven default buckets, against
//   BM_baseline_sum_1m, one pass summing the open amounts of the same 1,000,000 receivables.
//   Target <= 3x.
// - BM_apply_collections_1m: applying 1,000,000 receipts to 1,000,000 invoices of 10,000
//   accounts, oldest due first (回款核销), against BM_baseline_sort_and_sum_1m: sorting the same
//   invoices by account and due date and the same receipts by account and date (string
//   account keys, as the rows hold them), then one pass summing each account's amounts in
//   int64 cents. Target <= 2x.
// BM_credit_check_50_open_items_block (every reason but the hold) is for information: the cost
// of building the reasons when there are some.

#include <crm/credit/aging.hpp>
#include <crm/credit/application.hpp>
#include <crm/credit/check.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

using crm::Date;
using crm::Days;
using crm::Decimal;
using crm::Money;

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return state_ * 0x2545F4914F6CDD1DULL;
    }
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }

private:
    std::uint64_t state_;
};

const Date as_of(2024, 6, 30);

Money cents(std::int64_t c) { return Money{Decimal::scaled(c, -2), crm::Currency{}}; }

struct CheckData {
    std::vector<crm::credit::Receivable> receivables;
    std::vector<crm::credit::Order> open_orders;
    std::vector<crm::credit::Order> shipped;
    crm::credit::CreditProfile profile;
    crm::credit::Policy policy;
    crm::credit::Order order;

    crm::credit::CreditSnapshot snapshot() const {
        return {.receivables = receivables, .open_orders = open_orders, .shipped_not_invoiced = shipped};
    }
};

CheckData check_data() {
    CheckData d;
    Rng rng(0x243F6A8885A308D3ULL);
    for (int i = 0; i < 40; ++i) {
        const Date invoiced = as_of - Days{rng.below(100)};  // at most 70 days past due: no overdue block
        d.receivables.push_back({crm::InvoiceId{"INV-2024-" + std::to_string(10000 + i)},
                                 crm::AccountId{"A-1"}, invoiced, invoiced + Days{30},
                                 cents(rng.below(10'000'000))});  // < 100,000.00
    }
    for (int i = 0; i < 7; ++i)
        d.open_orders.push_back({crm::OrderId{"SO-" + std::to_string(i)}, cents(rng.below(10'000'000))});
    for (int i = 0; i < 3; ++i)
        d.shipped.push_back({crm::OrderId{"SH-" + std::to_string(i)}, cents(rng.below(10'000'000))});
    d.profile =
        crm::credit::CreditProfile{.account = crm::AccountId{"A-1"},
                                   .limit = cents(1'000'000'000'00),  // 1,000,000,000.00: far from 90%
                                   .rating = "AA",
                                   .limit_reviewed_on = Date(2024, 1, 15)};
    d.order = crm::credit::Order{crm::OrderId{"SO-NEW"}, cents(5'000'000)};
    return d;
}

void BM_credit_check_50_open_items(benchmark::State& state) {
    const CheckData d = check_data();
    const crm::credit::CreditSnapshot snapshot = d.snapshot();
    for (auto _ : state) {
        crm::Decision decision = crm::credit::check_order(d.policy, d.profile, snapshot, d.order, as_of);
        benchmark::DoNotOptimize(decision);
    }
    state.SetItemsProcessed(state.iterations() * 50);
}
BENCHMARK(BM_credit_check_50_open_items);

void BM_credit_check_50_open_items_block(benchmark::State& state) {
    CheckData d = check_data();
    d.profile.limit = cents(100'000'00);               // 100,000.00: far over
    d.profile.limit_reviewed_on = Date(2022, 1, 1);    // expired
    d.receivables[0].invoiced_on = as_of - Days{300};  // 270 days past due
    d.receivables[0].due_on = as_of - Days{270};
    d.policy.overdue.max_overdue_amount = cents(0);
    const crm::credit::CreditSnapshot snapshot = d.snapshot();
    for (auto _ : state) {
        crm::Decision decision = crm::credit::check_order(d.policy, d.profile, snapshot, d.order, as_of);
        benchmark::DoNotOptimize(decision);
    }
    state.SetItemsProcessed(state.iterations() * 50);
}
BENCHMARK(BM_credit_check_50_open_items_block);

void BM_baseline_sum_50_amounts(benchmark::State& state) {
    const CheckData d = check_data();
    for (auto _ : state) {
        Money total = cents(0);  // 0.00: every addition on Decimal's same-exponent fast path
        for (const auto& r : d.receivables) total += r.open_amount;
        for (const auto& o : d.open_orders) total += o.amount;
        for (const auto& o : d.shipped) total += o.amount;
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * 50);
}
BENCHMARK(BM_baseline_sum_50_amounts);

constexpr std::int64_t kMillion = 1'000'000;

const std::vector<crm::credit::Receivable>& million() {
    static const std::vector<crm::credit::Receivable> items = [] {
        std::vector<crm::credit::Receivable> out;
        out.reserve(kMillion);
        Rng rng(0x9E3779B97F4A7C15ULL);
        for (std::int64_t i = 0; i < kMillion; ++i) {
            const Date invoiced = as_of - Days{rng.below(800)};
            out.push_back({crm::InvoiceId{"INV-" + std::to_string(i)},
                           crm::AccountId{"A-" + std::to_string(i % 5000)}, invoiced,
                           invoiced + Days{30 + rng.below(60)}, cents(rng.below(10'000'000))});
        }
        return out;
    }();
    return items;
}

void BM_aging_1m(benchmark::State& state) {
    const auto& items = million();
    const crm::credit::AgingBuckets buckets{};
    for (auto _ : state) {
        crm::credit::AgingReport report = crm::credit::aging(items, as_of, buckets);
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(state.iterations() * kMillion);
}
BENCHMARK(BM_aging_1m)->Unit(benchmark::kMillisecond);

void BM_baseline_sum_1m(benchmark::State& state) {
    const auto& items = million();
    for (auto _ : state) {
        Money total = cents(0);
        for (const auto& r : items) total += r.open_amount;
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(state.iterations() * kMillion);
}
BENCHMARK(BM_baseline_sum_1m)->Unit(benchmark::kMillisecond);

// 1,000,000 invoices and 1,000,000 receipts of 10,000 accounts; receipts pay about 90% of what
// is invoiced, over the year before as_of.
struct CollectionData {
    std::vector<crm::credit::LedgerItem> items;
    std::vector<crm::credit::Receipt> receipts;
    std::vector<std::int64_t> item_cents;  // the same amounts as plain integers, for the baseline
    std::vector<std::int64_t> receipt_cents;
};

const CollectionData& collection_data() {
    static const CollectionData data = [] {
        CollectionData d;
        d.items.reserve(kMillion);
        d.receipts.reserve(kMillion);
        Rng rng(0xC0FFEEULL);
        for (std::int64_t i = 0; i < kMillion; ++i) {
            const Date invoiced = as_of - Days{rng.below(365)};
            const std::int64_t c = 100 + rng.below(10'000'000);
            d.items.push_back({crm::InvoiceId{"INV-" + std::to_string(i)}, std::string{},
                               crm::AccountId{"A-" + std::to_string(rng.below(10'000))}, invoiced,
                               invoiced + Days{30 + rng.below(60)}, cents(c)});
            d.item_cents.push_back(c);
        }
        for (std::int64_t i = 0; i < kMillion; ++i) {
            const std::int64_t c = 100 + rng.below(9'000'000);
            d.receipts.push_back({crm::AccountId{"A-" + std::to_string(rng.below(10'000))},
                                  as_of - Days{rng.below(365)}, cents(c), "HD-" + std::to_string(i),
                                  crm::InvoiceId{}, std::string{}});
            d.receipt_cents.push_back(c);
        }
        return d;
    }();
    return data;
}

void BM_apply_collections_1m(benchmark::State& state) {
    const CollectionData& d = collection_data();
    const crm::credit::ApplicationOptions options{.method = crm::credit::ApplicationMethod::oldest_due_first};
    for (auto _ : state) {
        crm::credit::AppliedLedger ledger =
            crm::credit::apply_collections(d.items, d.receipts, as_of, options);
        benchmark::DoNotOptimize(ledger);
    }
    state.SetItemsProcessed(state.iterations() * 2 * kMillion);
}
BENCHMARK(BM_apply_collections_1m)->Unit(benchmark::kMillisecond);

void BM_baseline_sort_and_sum_1m(benchmark::State& state) {
    const CollectionData& d = collection_data();
    using Key = std::tuple<std::string_view, std::int64_t, std::uint32_t>;
    for (auto _ : state) {
        std::vector<Key> items;
        std::vector<Key> receipts;
        items.reserve(d.items.size());
        receipts.reserve(d.receipts.size());
        for (std::size_t i = 0; i < d.items.size(); ++i)
            items.emplace_back(d.items[i].account.value(), d.items[i].due_on.serial(),
                               static_cast<std::uint32_t>(i));
        for (std::size_t i = 0; i < d.receipts.size(); ++i)
            receipts.emplace_back(d.receipts[i].account.value(), d.receipts[i].received_on.serial(),
                                  static_cast<std::uint32_t>(i));
        std::sort(items.begin(), items.end());
        std::sort(receipts.begin(), receipts.end());
        // one pass over both sorted lists: each account's invoiced less received, in int64 cents
        std::vector<std::int64_t> owed;
        owed.reserve(10'000);
        std::size_t r = 0;
        std::size_t i = 0;
        while (i < items.size()) {
            const std::string_view account = std::get<0>(items[i]);
            std::int64_t sum = 0;
            for (; i < items.size() && std::get<0>(items[i]) == account; ++i)
                sum += d.item_cents[std::get<2>(items[i])];
            for (; r < receipts.size() && std::get<0>(receipts[r]) <= account; ++r)
                sum -= d.receipt_cents[std::get<2>(receipts[r])];
            owed.push_back(sum);
        }
        benchmark::DoNotOptimize(owed);
    }
    state.SetItemsProcessed(state.iterations() * 2 * kMillion);
}
BENCHMARK(BM_baseline_sort_and_sum_1m)->Unit(benchmark::kMillisecond);

}  // namespace
