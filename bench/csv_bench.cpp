// CSV ledger benchmarks. Target, as a ratio measured in the same run:
// - BM_load_receivables_csv_1m <= 4x BM_split_receivables_csv_1m: reading 1,000,000 receivables
//   from the CSV an ERP exports (header mapping, dates, exact decimal amounts, currencies, every
//   row checked as the ledger functions check it) against only splitting the same bytes into
//   their fields (no conversion, no check), the floor any CSV reader stands on.
// Built when the documents layer (crm::io) is.

#ifdef CRM_BENCH_HAVE_IO

#include <crm/io/csv.hpp>
#include <crm/time/date.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::size_t kRows = 1'000'000;

const std::string& csv_bytes() {
    static const std::string bytes = [] {
        std::mt19937_64 rng(7);
        std::string out = "invoice,account,invoiced_on,due_on,open_amount,currency\n";
        out.reserve(kRows * 60);
        for (std::size_t i = 0; i < kRows; ++i) {
            const crm::Date invoiced =
                crm::Date{2024, 1, 1} + crm::Days{static_cast<std::int64_t>(rng() % 700)};
            const crm::Date due = invoiced + crm::Days{30 + static_cast<std::int64_t>(rng() % 60)};
            const std::uint64_t cents = rng() % 1'000'000'000;
            out += "INV-" + std::to_string(i) + ",ACC-" + std::to_string(rng() % 10'000) + "," +
                   invoiced.to_string() + "," + due.to_string() + "," + std::to_string(cents / 100) + "." +
                   (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100) + ",CNY\n";
        }
        return out;
    }();
    return bytes;
}

void BM_load_receivables_csv_1m(benchmark::State& state) {
    const std::string& bytes = csv_bytes();
    for (auto _ : state) {
        auto items = crm::io::read_receivables_csv(bytes, "bench.csv");
        benchmark::DoNotOptimize(items.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_load_receivables_csv_1m)->Unit(benchmark::kMillisecond);

void BM_split_receivables_csv_1m(benchmark::State& state) {
    const std::string& bytes = csv_bytes();
    std::vector<std::string_view> fields;
    fields.reserve(kRows * 6 + 6);
    for (auto _ : state) {
        fields.clear();
        std::size_t start = 0;
        const std::size_t n = bytes.size();
        for (std::size_t i = 0; i < n; ++i) {
            const char c = bytes[i];
            if (c == ',' || c == '\n') {
                fields.emplace_back(bytes.data() + start, i - start);
                start = i + 1;
            }
        }
        benchmark::DoNotOptimize(fields.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kRows));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_split_receivables_csv_1m)->Unit(benchmark::kMillisecond);

}  // namespace

#endif  // CRM_BENCH_HAVE_IO
