// Money benchmarks against the compiler's __int128 doing the same arithmetic on the same
// data (amounts in cents, rates in ten-thousandths), with no checks: the machine's limit.
// Targets: BM_money_add <= 1.3x BM_native_int128_add and BM_money_mul_round <= 1.3x
// BM_native_int128_mul_round.

#include <crm/money/money.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

namespace {

__extension__ typedef __int128 Int128;
constexpr std::size_t kCount = 4096;

struct Data {
    std::vector<crm::Money> amounts;  // e.g. CNY 1234.56
    std::vector<crm::Decimal> rates;  // e.g. 0.9350
    std::vector<Int128> cents;        // the same amounts, in cents
    std::vector<Int128> rate_units;   // the same rates, in 1/10000
};

const Data& data() {
    static const Data d = [] {
        Data out;
        std::uint64_t state = 0x243F6A8885A308D3ULL;
        const auto next = [&] {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DULL;
        };
        const crm::Currency cny("CNY");
        for (std::size_t i = 0; i < kCount; ++i) {
            const auto cents = static_cast<std::int64_t>(next() % 100'000'000);  // up to 1,000,000.00
            const auto rate = static_cast<std::int64_t>(next() % 10'000);        // 0.0000 .. 0.9999
            out.amounts.emplace_back(crm::Decimal::scaled(cents, -2), cny);
            out.rates.push_back(crm::Decimal::scaled(rate, -4));
            out.cents.push_back(cents);
            out.rate_units.push_back(rate);
        }
        return out;
    }();
    return d;
}

void BM_money_add(benchmark::State& state) {
    const Data& d = data();
    for (auto _ : state) {
        crm::Money total = crm::Money::zero(crm::Currency("CNY"));
        for (const crm::Money& m : d.amounts) total += m;
        // A copy: DoNotOptimize takes its argument's address, and an address taken anywhere
        // keeps `total` in memory through the whole loop (the native loop's int128 has none).
        const crm::Money result = total;
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kCount));
}
BENCHMARK(BM_money_add);

void BM_native_int128_add(benchmark::State& state) {
    const Data& d = data();
    for (auto _ : state) {
        Int128 total = 0;
        for (const Int128& c : d.cents) total += c;
        benchmark::DoNotOptimize(total);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kCount));
}
BENCHMARK(BM_native_int128_add);

// amount x rate, rounded half-even to cents.
void BM_money_mul_round(benchmark::State& state) {
    const Data& d = data();
    std::vector<crm::Money> out(kCount);
    for (auto _ : state) {
        for (std::size_t i = 0; i < kCount; ++i)
            out[i] = crm::round(d.amounts[i] * d.rates[i], crm::RoundingMode::half_even);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kCount));
}
BENCHMARK(BM_money_mul_round);

void BM_native_int128_mul_round(benchmark::State& state) {
    const Data& d = data();
    std::vector<Int128> out(kCount);
    const Int128 unit = 10'000;
    for (auto _ : state) {
        for (std::size_t i = 0; i < kCount; ++i) {
            const Int128 product = d.cents[i] * d.rate_units[i];  // cents x 1/10000
            Int128 q = product / unit;
            const Int128 r = product % unit;
            if (r * 2 > unit || (r * 2 == unit && (q & 1) != 0)) ++q;  // half-even, amounts are positive
            out[i] = q;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kCount));
}
BENCHMARK(BM_native_int128_mul_round);

}  // namespace
