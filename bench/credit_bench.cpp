// Credit benchmarks (issue 5), each with its baseline in the same binary and run:
// - BM_credit_check_50_open_items: an order credit check over 40 open invoices, 7 open orders
//   and 3 shipped-not-invoiced items (an `allow` with no reasons), against
//   BM_baseline_sum_50_amounts, summing the same 50 amounts with Money +=. Target <= 2x.
// - BM_aging_1m: aging 1,000,000 receivables into the seven default buckets, against
//   BM_baseline_sum_1m, one pass summing the open amounts of the same 1,000,000 receivables.
//   Target <= 3x.
// BM_credit_check_50_open_items_block (every reason but the hold) is for information: the cost
// of building the reasons when there are some.

#include <crm/credit/aging.hpp>
#include <crm/credit/check.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
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

}  // namespace
