// The scoring batch kernel, private to the library: blocks of rows scored one criterion at a
// time over the compiled integer units of crm/scoring/evaluate.hpp. evaluate.cpp runs it over
// rows of Decimals, columns.cpp over decimal128 columns; each says how a column's value
// becomes the criterion's units, and a block with any value that does not convert (or that
// the criterion refuses) is scored again by the caller row by row, on the path that gives
// evaluate()'s exact result or error. So the kernel only ever returns results evaluate() gives.
#pragma once

#include <crm/money/decimal.hpp>
#include <crm/money/rounding.hpp>
#include <crm/scoring/evaluate.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace crm::scoring::detail {

inline constexpr std::size_t kBlock = 128;  // rows per block: the totals stay in L1

// Whether a non-negative quotient q with remainder r of divisor d rounds up to q + 1.
inline bool rounds_up(RoundingMode mode, std::uint64_t q, std::uint64_t r, std::uint64_t d) noexcept {
    if (r == 0) return false;
    switch (mode) {
    case RoundingMode::down:
    case RoundingMode::floor: return false;
    case RoundingMode::up:
    case RoundingMode::ceiling: return true;
    case RoundingMode::half_up:
    case RoundingMode::half_down:
    case RoundingMode::half_even: break;
    }
    const std::uint64_t rest = d - r;  // r against d - r: no overflow of 2r
    if (r != rest) return r > rest;
    return mode == RoundingMode::half_up || (mode == RoundingMode::half_even && (q & 1U) != 0);
}

// The index of the band a total (in units of the total) falls in.
inline std::size_t grade_of(const CompiledScorecard& card, std::uint64_t total) noexcept {
    // Inclusive floors (以上): a total equal to a band's `from` is in that band; exclusive
    // (超过): it is in the band below, and only the lowest band (from 0) takes a total of 0.
    const bool inclusive = card.band_floor() == Boundary::inclusive;
    for (const auto& [floor, index] : card.grade_floors())
        if (inclusive ? total >= floor : total > floor) return index;
    return card.grade_floors().back().second;  // unreachable: the lowest band starts at 0
}

// Division by a divisor fixed per criterion (Granlund and Montgomery, "Division by invariant
// integers using multiplication", 1994): m = floor(2^64 / d) under-estimates n / d by less
// than one, so one correction step gives the exact quotient and remainder.
class Divisor {
public:
    explicit Divisor(std::uint64_t d) noexcept
        : d_(d), m_(d <= 1 ? 0 : static_cast<std::uint64_t>((crm::detail::uint128{1} << 64) / d)) {}

    // floor(n / d), with n mod d in `r` (d > 1; a divisor of 1 is the caller's shortcut).
    [[nodiscard]] std::uint64_t divide(std::uint64_t n, std::uint64_t& r) const noexcept {
        std::uint64_t q = static_cast<std::uint64_t>((crm::detail::uint128{n} * m_) >> 64);
        r = n - q * d_;
        const auto under = static_cast<std::uint64_t>(r >= d_);  // masks, not a branch: under is random
        q += under;
        r -= d_ & (0 - under);
        return q;
    }

private:
    std::uint64_t d_;
    std::uint64_t m_;
};

// `yes ? a : b` as masks: compilers turn the conditional form into a branch when `b` is
// costly to compute, and the kernels' conditions are data that no predictor learns.
inline std::uint64_t select(bool yes, std::uint64_t a, std::uint64_t b) noexcept {
    const std::uint64_t mask = 0 - static_cast<std::uint64_t>(yes);
    return (a & mask) | (b & ~mask);
}

// rounds_up without a data-dependent branch, for a mode fixed at compile time.
template <RoundingMode Mode>
inline std::uint64_t round_bit(std::uint64_t q, std::uint64_t r, std::uint64_t d) noexcept {
    const std::uint64_t rest = d - r;
    if constexpr (Mode == RoundingMode::down || Mode == RoundingMode::floor) {
        return 0;
    } else if constexpr (Mode == RoundingMode::up || Mode == RoundingMode::ceiling) {
        return r != 0 ? 1U : 0U;
    } else if constexpr (Mode == RoundingMode::half_up) {
        return r >= rest ? 1U : 0U;  // r = 0 gives rest = d > r
    } else if constexpr (Mode == RoundingMode::half_down) {
        return r > rest ? 1U : 0U;
    } else {
        return static_cast<std::uint64_t>(r > rest) | (static_cast<std::uint64_t>(r == rest) & (q & 1U));
    }
}

// Calls f(std::integral_constant<RoundingMode, mode>{}) for the runtime `mode`.
template <class F>
inline bool with_mode(RoundingMode mode, F&& f) {
    switch (mode) {
    case RoundingMode::half_even: return f(std::integral_constant<RoundingMode, RoundingMode::half_even>{});
    case RoundingMode::half_up: return f(std::integral_constant<RoundingMode, RoundingMode::half_up>{});
    case RoundingMode::half_down: return f(std::integral_constant<RoundingMode, RoundingMode::half_down>{});
    case RoundingMode::up: return f(std::integral_constant<RoundingMode, RoundingMode::up>{});
    case RoundingMode::down: return f(std::integral_constant<RoundingMode, RoundingMode::down>{});
    case RoundingMode::ceiling: return f(std::integral_constant<RoundingMode, RoundingMode::ceiling>{});
    case RoundingMode::floor: return f(std::integral_constant<RoundingMode, RoundingMode::floor>{});
    }
    return false;  // validated scorecards hold one of the seven
}

// A Column is read as `column(j, u)`: row j's value in the criterion's units (10^exponent of
// the kernel), false when it has none there. Each add_* adds the criterion's contribution
// (score x weight) of rows [0, n) to total[j]; false sends the block to the row-by-row path.
// The loops have no data-dependent branch: a value the fast path cannot take only sets `bad`,
// and the block is thrown away at its end.

template <RoundingMode Mode, class Column>
bool add_linear(const Kernel& k, const Column& column, std::size_t n,
                std::uint64_t* __restrict total) noexcept {
    const std::int64_t lo = k.lo;
    const std::int64_t hi = k.hi;
    const std::uint64_t below = k.has_cliff ? k.cliff : k.at_lo;
    const std::uint64_t base = k.at_lo * k.run;
    const std::uint64_t rise = k.rise;
    const std::uint64_t run = k.run;
    const std::uint64_t weight = k.weight;
    const bool descending = k.descending;
    const bool reject = k.reject_outside;
    const bool whole = run == 1;  // lo and hi one unit apart: every score is a point's
    const Divisor div(run);
    bool bad = false;
    for (std::size_t j = 0; j < n; ++j) {
        std::int64_t u = 0;
        bad |= !column(j, u);
        bad |= reject & ((u < lo) | (u > hi));
        // Clamped to lo..hi, the formula gives at_lo and at_hi exactly at the ends.
        const std::int64_t c = u < lo ? lo : (u > hi ? hi : u);
        const auto dx = static_cast<std::uint64_t>(c - lo);
        const std::uint64_t numerator = descending ? base - dx * rise : base + dx * rise;
        std::uint64_t s = numerator;
        if (!whole) {
            std::uint64_t r = 0;
            const std::uint64_t q = div.divide(numerator, r);
            s = q + round_bit<Mode>(q, r, run);
        }
        s = select(u < lo, below, s);
        total[j] += s * weight;
    }
    return !bad;
}

template <class Column>
bool add_steps(const Kernel& k, const Column& column, std::size_t n,
               std::uint64_t* __restrict total) noexcept {
    const std::int64_t* thresholds = k.thresholds.data();
    const std::size_t count = k.thresholds.size();
    const std::uint64_t* scores = k.scores.data();
    const std::uint64_t weight = k.weight;
    // threshold_ends_step: raw > from reaches the step, i.e. from < raw; otherwise from <= raw,
    // i.e. from < raw + 1 in whole units. Thresholds increase, so the step is the count passed.
    const std::int64_t nudge = k.ends_step ? 0 : 1;
    bool bad = false;
    for (std::size_t j = 0; j < n; ++j) {
        std::int64_t u = 0;
        bad |= !column(j, u);
        const std::int64_t v = u + nudge;  // |u| <= 10^18: no overflow
        std::size_t step = 0;
        for (std::size_t t = 0; t < count; ++t) step += thresholds[t] < v ? 1U : 0U;
        total[j] += scores[step] * weight;
    }
    return !bad;
}

// Lookup kernels count in whole codes (exponent 0).
template <class Column>
bool add_lookup(const Kernel& k, const Column& column, std::size_t n,
                std::uint64_t* __restrict total) noexcept {
    const std::uint64_t* scores = k.scores.data();
    const auto count = static_cast<std::int64_t>(k.scores.size());
    const std::int64_t last = k.otherwise ? count : count - 1;
    const std::uint64_t otherwise = k.otherwise.value_or(0);
    const std::uint64_t weight = k.weight;
    bool bad = false;
    for (std::size_t j = 0; j < n; ++j) {
        std::int64_t code = -1;
        bad |= !column(j, code);
        bad |= (code < 0) | (code > last);  // the row path names the error
        const std::int64_t c = code < 0 ? 0 : (code >= count ? count - 1 : code);
        const std::uint64_t s = code >= count ? otherwise : scores[c];
        total[j] += s * weight;
    }
    return !bad;
}

// Scores rows [0, n) (n <= kBlock) into out[0, n); `column_of(i, exponent)` gives criterion
// i's Column in units of 10^exponent. False when the block needs the row-by-row path (out is
// then unspecified).
template <class ColumnOf>
bool score_block(const CompiledScorecard& card, std::size_t n, const ColumnOf& column_of,
                 Summary* out) noexcept {
    const std::vector<Kernel>& kernels = card.kernels();
    const RoundingMode mode = card.scorecard().rounding;
    std::array<std::uint64_t, kBlock> total{};
    for (std::size_t i = 0; i < kernels.size(); ++i) {
        const Kernel& k = kernels[i];
        const auto column = column_of(i, k.exponent);
        bool ok = false;
        switch (k.kind) {
        case Kernel::Kind::linear:
            ok = !k.exact_only && with_mode(mode, [&](auto m) {
                return add_linear<decltype(m)::value>(k, column, n, total.data());
            });
            break;
        case Kernel::Kind::steps: ok = !k.exact_only && add_steps(k, column, n, total.data()); break;
        case Kernel::Kind::lookup: ok = add_lookup(k, column, n, total.data()); break;
        }
        if (!ok) return false;
    }
    const int exponent = -card.total_places();
    const auto& floors = card.grade_floors();  // highest first; the lowest is 0
    const bool inclusive = card.band_floor() == Boundary::inclusive;
    for (std::size_t j = 0; j < n; ++j) {
        // The band is the first floor the total reaches: the count of floors above it.
        std::size_t above = 0;
        for (const auto& f : floors)
            above += (inclusive ? total[j] < f.first : total[j] <= f.first) ? 1U : 0U;
        above =
            above < floors.size() ? above : floors.size() - 1;  // exclusive: a total of 0 is in the lowest
        out[j] =
            Summary{Score{Decimal::from_parts_unchecked(false, total[j], exponent)}, floors[above].second};
    }
    return true;
}

// Scores `count` rows of card.size() Decimals each (row j at rows + j * card.size()) into
// out[0, count): the summaries evaluate(card, row) gives, and for a bad row its crm::Error,
// thrown for the first bad row (rows before it are scored, later ones may not be).
void score_rows(const CompiledScorecard& card, const Decimal* rows, std::size_t count, Summary* out);

}  // namespace crm::scoring::detail
