// Business-calendar benchmarks (issue: business calendar). Target: adding 30 business days on
// the China calendar costs at most 10x adding 30 calendar days to the same dates, measured in
// the same binary and run (BM_add_business_days_30 / BM_baseline_add_days_30).

#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

namespace {

constexpr std::size_t kDates = 1024;

// ~1024 dates spread evenly over 2024-01-01..2026-12-31 (1096 days), with a fixed stride so
// that weekends, holidays and make-up days all occur.
const std::vector<crm::Date>& dates() {
    static const std::vector<crm::Date> d = [] {
        std::vector<crm::Date> out;
        out.reserve(kDates);
        const crm::Date first(2024, 1, 1);
        for (std::size_t i = 0; i < kDates; ++i)
            out.push_back(first + crm::Days{static_cast<std::int64_t>(i * 1096 / kDates)});
        return out;
    }();
    return d;
}

void BM_add_business_days_30(benchmark::State& state) {
    // lenient: 30 business days from late 2026 run past the data, which is the edge case measured
    const crm::Calendar china = crm::china_mainland_calendar(false);
    const std::vector<crm::Date>& ds = dates();
    for (auto _ : state) {
        for (const crm::Date d : ds) {
            crm::Date r = china.add_business_days(d, 30);
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kDates));
}
BENCHMARK(BM_add_business_days_30);

void BM_baseline_add_days_30(benchmark::State& state) {
    const std::vector<crm::Date>& ds = dates();
    for (auto _ : state) {
        for (const crm::Date d : ds) {
            crm::Date r = d + crm::Days{30};
            benchmark::DoNotOptimize(r);
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kDates));
}
BENCHMARK(BM_baseline_add_days_30);

}  // namespace
