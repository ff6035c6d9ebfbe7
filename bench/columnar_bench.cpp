// Columnar kernels against hand-written integer loops over the same columns, in the same run:
// - BM_aging_1m_columnar <= 1.5x BM_native_aging_1m: 1,000,000 receivables into the seven
//   default buckets, from a date32 due-date column and a decimal128 amount column, against an
//   int64-cents bucket loop over an int32 due-date column and an int64 amount column;
// - BM_exposure_by_account_1m <= 2x BM_native_group_sum_1m: the open amount of each of
//   10,000 accounts (a dictionary-encoded account column) against an array group-by of the
//   same int64 cents;
// - BM_aging_1m_columnar_2_threads >= 1.8x faster (real time) than BM_aging_1m_columnar_1_thread.

#include <crm/credit/aging_columns.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kRows = 1'000'000;
constexpr std::size_t kAccounts = 10'000;
const crm::Date as_of(2024, 6, 30);

struct Columns {
    std::vector<std::int32_t> due;      // date32
    std::vector<std::byte> amounts;     // decimal128(38, 2)
    std::vector<std::int64_t> cents;    // the same amounts as int64 cents, for the native loops
    std::vector<std::int32_t> account;  // dictionary indices
    std::vector<std::string> names;
    std::vector<std::string_view> dictionary;

    [[nodiscard]] crm::credit::ReceivableColumns ledger() const {
        return crm::credit::ReceivableColumns{
            .due_on = {.name = "due_on", .days = due},
            .open_amount = {.name = "open_amount",
                            .data = amounts,
                            .scale = 2,
                            .currency = crm::Currency("CNY")},
            .account =
                crm::columnar::IdColumn{.name = "account", .indices = account, .dictionary = dictionary}};
    }
};

const Columns& columns() {
    static const Columns c = [] {
        Columns out;
        std::uint64_t state = 0x9E3779B97F4A7C15ULL;
        const auto next = [&] {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DULL;
        };
        for (std::size_t k = 0; k < kAccounts; ++k) out.names.push_back("A-" + std::to_string(k));
        out.dictionary.assign(out.names.begin(), out.names.end());
        for (std::size_t i = 0; i < kRows; ++i) {
            const auto age = static_cast<std::int64_t>(next() % 800) - 60;
            out.due.push_back(static_cast<std::int32_t>(as_of.serial() - age));
            const auto cents = static_cast<std::int64_t>(next() % 10'000'000);  // < 100,000.00
            out.cents.push_back(cents);
            const std::uint64_t words[2] = {static_cast<std::uint64_t>(cents), 0};
            const auto* b = reinterpret_cast<const std::byte*>(words);
            out.amounts.insert(out.amounts.end(), b, b + 16);
            out.account.push_back(static_cast<std::int32_t>(next() % kAccounts));
        }
        return out;
    }();
    return c;
}

void run_aging(benchmark::State& state, int threads) {
    const auto ledger = columns().ledger();
    const crm::credit::AgingBuckets buckets{};
    for (auto _ : state) {
        crm::credit::AgingReport report =
            crm::credit::aging(ledger, as_of, buckets, {}, {.threads = threads});
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
}

void BM_aging_1m_columnar(benchmark::State& state) { run_aging(state, 1); }
BENCHMARK(BM_aging_1m_columnar)->Unit(benchmark::kMillisecond);

void BM_aging_1m_columnar_1_thread(benchmark::State& state) { run_aging(state, 1); }
BENCHMARK(BM_aging_1m_columnar_1_thread)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_aging_1m_columnar_2_threads(benchmark::State& state) { run_aging(state, 2); }
BENCHMARK(BM_aging_1m_columnar_2_threads)->Unit(benchmark::kMillisecond)->UseRealTime();

// The machine's limit: the same buckets (current, 1-30, 31-60, 61-90, 91-180, 181-365, >365)
// over int32 days and int64 cents, no checks.
void BM_native_aging_1m(benchmark::State& state) {
    const Columns& c = columns();
    const std::int64_t today = as_of.serial();
    constexpr std::array<std::int64_t, 6> upper = {0, 30, 60, 90, 180, 365};
    for (auto _ : state) {
        std::array<std::int64_t, 7> sums{};
        std::array<std::int64_t, 7> counts{};
        for (std::size_t i = 0; i < kRows; ++i) {
            const std::int64_t age = today - c.due[i];
            std::size_t b = 0;
            for (std::int64_t u : upper) b += static_cast<std::size_t>(age > u);
            sums[b] += c.cents[i];
            ++counts[b];
        }
        benchmark::DoNotOptimize(sums);
        benchmark::DoNotOptimize(counts);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_native_aging_1m)->Unit(benchmark::kMillisecond);

void BM_exposure_by_account_1m(benchmark::State& state) {
    const auto ledger = columns().ledger();
    for (auto _ : state) {
        auto totals = crm::credit::open_by_account(ledger);
        benchmark::DoNotOptimize(totals);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_exposure_by_account_1m)->Unit(benchmark::kMillisecond);

void BM_native_group_sum_1m(benchmark::State& state) {
    const Columns& c = columns();
    for (auto _ : state) {
        std::vector<std::int64_t> sums(kAccounts, 0);
        for (std::size_t i = 0; i < kRows; ++i) sums[static_cast<std::size_t>(c.account[i])] += c.cents[i];
        benchmark::DoNotOptimize(sums.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_native_group_sum_1m)->Unit(benchmark::kMillisecond);

}  // namespace
