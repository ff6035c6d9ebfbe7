// Scoring benchmarks. Targets, as ratios measured in the same run:
// - BM_score_1m_accounts_8_criteria <= 3x BM_baseline_weighted_sum_1m_8: scoring one million
//   accounts on an 8-criterion scorecard (every kind of scoring function) against a plain
//   weighted sum of the same 8 Decimals per account;
// - BM_score_1m_accounts_8_criteria <= 4x BM_native_weighted_sum_1m_8: the same weighted sum
//   hand-written in int64 fixed point (values in hundredths, weights in ten-thousandths) over
//   the same figures, the floor of what any scoring of these facts can cost;
// - BM_score_batch_2_threads >= 1.7x faster (wall clock) than BM_score_batch_1_thread, the same
//   batch of one million accounts.
// BM_score_1m_accounts_8_criteria scores the accounts as eight decimal128 columns through
// evaluate_columns (crm/scoring/columns.hpp), the bulk path; the same accounts one row of
// Decimals at a time are BM_score_1m_accounts_8_criteria_one_by_one, and as one dense batch of
// Decimal rows BM_score_batch_1_thread.
// The data (1M x 8 Decimals, 256 MB, and the same as columns, 128 MB) is built once. Every fact has two
// decimals (category codes are whole numbers), and the baseline's weights are written so that all eight
// products of an account share one exponent: the baseline takes Decimal's fastest path (no realignment),
// which makes the ratio as strict as it can be.

#include <crm/columnar/columns.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/rate.hpp>
#include <crm/scoring/columns.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

namespace {

using crm::Decimal;
using crm::Percent;
using namespace crm::scoring;

constexpr std::size_t kAccounts = 1'000'000;
constexpr std::size_t kCriteria = 8;

Scorecard bench_scorecard() {
    return Scorecard{
        .name = "bench: 8 criteria",
        .criteria =
            {
                {.id = "revenue",
                 .weight = Percent{"20"},
                 .function = Linear{.lo = Decimal{0}, .hi = Decimal{10'000'000}}},
                {.id = "growth",
                 .weight = Percent{"10"},
                 .function = Linear{.lo = Decimal{"-0.10"}, .hi = Decimal{"0.30"}}},
                {.id = "gross_margin",
                 .weight = Percent{"15"},
                 .function = Linear{.lo = Decimal{"0.05"}, .hi = Decimal{"0.35"}}},
                {.id = "payment_days",
                 .weight = Percent{"15"},
                 .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}}},
                {.id = "relationship_years",
                 .weight = Percent{"10"},
                 .function = Steps{.below = Score{20},
                                   .steps = {{Decimal{1}, Score{50}},
                                             {Decimal{3}, Score{80}},
                                             {Decimal{5}, Score{100}}}}},
                {.id = "strategic_fit",
                 .weight = Percent{"10"},
                 .function = Lookup{.categories = {{"strategic", Score{100}},
                                                   {"key", Score{70}},
                                                   {"normal", Score{40}},
                                                   {"low", Score{10}}}}},
                {.id = "satisfaction",
                 .weight = Percent{"10"},
                 .function = Linear{.lo = Decimal{60}, .hi = Decimal{95}}},
                {.id = "sales_achievement", .weight = Percent{"10"}, .function = Achievement{}},
            },
        .bands = {{"A", Score{80}, Score{100}},
                  {"B", Score{60}, Score{80}},
                  {"C", Score{40}, Score{60}},
                  {"D", Score{0}, Score{40}}},
    };
}

struct Data {
    CompiledScorecard card{bench_scorecard()};
    std::vector<Decimal> rows;                 // kAccounts x kCriteria, row after row
    std::vector<Decimal> baseline_weights;     // the weights, each written so the products share exponent -4
    std::vector<std::int64_t> native_rows;     // the rows in hundredths (category codes x 100)
    std::vector<std::int64_t> native_weights;  // the weights in ten-thousandths (0.20 -> 2000)
    std::vector<crm::columnar::NumberColumnBuilder> column_builders;  // the rows as 8 decimal128 columns
    std::vector<crm::columnar::NumberColumn> columns;                 // scale 2 (the category codes 0)
};

const Data& data() {
    static const Data d = [] {
        Data out;
        std::uint64_t state = 0x9E3779B97F4A7C15ULL;
        const auto next = [&] {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DULL;
        };
        const auto between = [&](std::int64_t lo, std::int64_t hi) {
            return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
        };
        out.rows.reserve(kAccounts * kCriteria);
        for (std::size_t a = 0; a < kAccounts; ++a) {
            out.rows.push_back(
                Decimal::scaled(between(0, 1'500'000'000), -2));              // revenue 0.00 .. 15,000,000.00
            out.rows.push_back(Decimal::scaled(between(-20, 40), -2));        // growth -0.20 .. 0.40
            out.rows.push_back(Decimal::scaled(between(0, 45), -2));          // margin 0.00 .. 0.45
            out.rows.push_back(Decimal::scaled(between(1'000, 15'000), -2));  // turnover days 10.00 .. 150.00
            out.rows.push_back(Decimal::scaled(between(0, 1'000), -2));       // years 0.00 .. 10.00
            out.rows.push_back(Decimal{between(0, 3)});                       // category code
            out.rows.push_back(Decimal::scaled(between(4'000, 10'000), -2));  // satisfaction 40.00 .. 100.00
            out.rows.push_back(Decimal::scaled(between(30, 150), -2));        // achievement 0.30 .. 1.50
        }
        // 0.20, 0.10, ... with two places, except the category code's weight with four (0.1000).
        for (std::size_t i = 0; i < kCriteria; ++i) {
            const Decimal w = out.card.scorecard().criteria[i].weight.rate().value();
            out.baseline_weights.push_back(i == 5 ? round_to_scale(w, 4, crm::RoundingMode::down)
                                                  : round_to_scale(w, 2, crm::RoundingMode::down));
        }
        out.native_rows.reserve(out.rows.size());
        for (const Decimal& v : out.rows) {
            out.native_rows.push_back((v * Decimal{100}).to_int64());
        }
        for (std::size_t i = 0; i < kCriteria; ++i) {
            out.native_weights.push_back(
                (out.card.scorecard().criteria[i].weight.rate().value() * Decimal{10'000}).to_int64());
        }
        for (std::size_t i = 0; i < kCriteria; ++i) {
            crm::columnar::NumberColumnBuilder b(i == 5 ? 0 : 2, out.card.scorecard().criteria[i].id);
            for (std::size_t a = 0; a < kAccounts; ++a) b.push_back(out.rows[a * kCriteria + i]);
            out.column_builders.push_back(std::move(b));
        }
        for (const auto& b : out.column_builders) out.columns.push_back(b.view());
        return out;
    }();
    return d;
}

void BM_baseline_weighted_sum_1m_8(benchmark::State& state) {
    const Data& d = data();
    std::vector<Decimal> totals(kAccounts);
    const Decimal* w = d.baseline_weights.data();
    for (auto _ : state) {
        const Decimal* row = d.rows.data();
        for (std::size_t a = 0; a < kAccounts; ++a, row += kCriteria) {
            Decimal total = row[0] * w[0];
            for (std::size_t i = 1; i < kCriteria; ++i) total += row[i] * w[i];
            totals[a] = total;
        }
        benchmark::DoNotOptimize(totals.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_baseline_weighted_sum_1m_8)->Unit(benchmark::kMillisecond);

void BM_native_weighted_sum_1m_8(benchmark::State& state) {
    const Data& d = data();
    std::vector<std::int64_t> totals(kAccounts);  // in millionths (hundredths x ten-thousandths)
    const std::int64_t* w = d.native_weights.data();
    for (auto _ : state) {
        const std::int64_t* row = d.native_rows.data();
        for (std::size_t a = 0; a < kAccounts; ++a, row += kCriteria) {
            std::int64_t total = 0;
            for (std::size_t i = 0; i < kCriteria; ++i) total += row[i] * w[i];
            totals[a] = total;
        }
        benchmark::DoNotOptimize(totals.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_native_weighted_sum_1m_8)->Unit(benchmark::kMillisecond);

// Scoring a million accounts as a host hands them over in bulk: eight decimal128 columns
// (a pyarrow table, an ERP export), on one thread.
void BM_score_1m_accounts_8_criteria(benchmark::State& state) {
    const Data& d = data();
    std::vector<Summary> out(kAccounts);
    for (auto _ : state) {
        evaluate_columns(d.card, d.columns, out, 1);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_score_1m_accounts_8_criteria)->Unit(benchmark::kMillisecond);

// The same million accounts one row of Decimals at a time through evaluate(card, values): what
// BM_score_1m_accounts_8_criteria measured before the columnar kernel.
void BM_score_1m_accounts_8_criteria_one_by_one(benchmark::State& state) {
    const Data& d = data();
    std::vector<Summary> out(kAccounts);
    for (auto _ : state) {
        const Decimal* row = d.rows.data();
        for (std::size_t a = 0; a < kAccounts; ++a, row += kCriteria)
            out[a] = evaluate(d.card, std::span<const Decimal>(row, kCriteria));
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_score_1m_accounts_8_criteria_one_by_one)->Unit(benchmark::kMillisecond);

void BM_score_columns_2_threads(benchmark::State& state) {
    const Data& d = data();
    std::vector<Summary> out(kAccounts);
    for (auto _ : state) {
        evaluate_columns(d.card, d.columns, out, 2);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_score_columns_2_threads)->Unit(benchmark::kMillisecond)->UseRealTime();

void score_batch(benchmark::State& state, int threads) {
    const Data& d = data();
    std::vector<Summary> out(kAccounts);
    for (auto _ : state) {
        evaluate_batch(d.card, d.rows, out, threads);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}

void BM_score_batch_1_thread(benchmark::State& state) { score_batch(state, 1); }
BENCHMARK(BM_score_batch_1_thread)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_score_batch_2_threads(benchmark::State& state) { score_batch(state, 2); }
BENCHMARK(BM_score_batch_2_threads)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
