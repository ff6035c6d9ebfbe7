// Generated scorecards and rows for the property tests of the batch paths: every kind of
// scoring function, every rounding mode, both step edges and band floors, rejecting ranges,
// raw values that fit the integer units and values that need the exact Decimal path.
#pragma once

#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../support/generators.hpp"

namespace crm::test {

// The batch tests' worked card: one criterion of every kind, two of them optional (days
// excluded when missing, years scored zero).
inline scoring::Scorecard mixed() {
    using namespace crm::scoring;
    return Scorecard{
        .name = "mixed",
        .criteria = {{.id = "revenue",
                      .weight = Percent{"30"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{10'000'000}}},
                     {.id = "days",
                      .weight = Percent{"20"},
                      .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}},
                      .missing = MissingData::exclude},
                     {.id = "achievement", .weight = Percent{"20"}, .function = Achievement{}},
                     {.id = "years",
                      .weight = Percent{"15"},
                      .function = Steps{.below = Score{20},
                                        .steps = {{Decimal{1}, Score{50}}, {Decimal{3}, Score{80}}}},
                      .missing = MissingData::score_zero},
                     {.id = "fit",
                      .weight = Percent{"15"},
                      .function = Lookup{.categories = {{"strategic", Score{100}},
                                                        {"key", Score{70}},
                                                        {"normal", Score{40}}}}}},
        .bands = {{"A", Score{80}, Score{100}}, {"B", Score{60}, Score{80}}, {"C", Score{0}, Score{60}}},
    };
}

// A score of 0..100 with at most `places` decimals.
inline scoring::Score random_score(Rng& rng, int places, std::int64_t lo = 0, std::int64_t hi = 100) {
    std::int64_t unit = 1;
    for (int i = 0; i < places; ++i) unit *= 10;
    return scoring::Score{Decimal::scaled(rng.between(lo * unit, hi * unit), -places)};
}

// Two points lo < hi, each with up to 3 decimals, sometimes far apart or tiny.
inline std::pair<Decimal, Decimal> random_points(Rng& rng) {
    const int exponent = static_cast<int>(rng.between(-3, 1));
    const std::int64_t lo = rng.between(-5000, 5000);
    const std::int64_t width = rng.below(5) == 0 ? rng.between(1, 3) : rng.between(1, 100'000);
    return {Decimal::scaled(lo, exponent), Decimal::scaled(lo + width, exponent)};
}

inline scoring::Scorecard random_card(Rng& rng) {
    using namespace crm::scoring;
    static constexpr RoundingMode modes[] = {
        RoundingMode::half_even, RoundingMode::half_up, RoundingMode::half_down, RoundingMode::up,
        RoundingMode::down,      RoundingMode::ceiling, RoundingMode::floor};
    Scorecard card;
    card.name = "generated";
    card.score_places = static_cast<int>(rng.between(0, 4));
    card.rounding = modes[rng.below(7)];
    card.band_floor = rng.coin() ? Boundary::inclusive : Boundary::exclusive;
    const int p = card.score_places;
    const auto n = static_cast<std::size_t>(rng.between(1, 8));
    std::int64_t left = 10'000;  // weights in hundredths of a percent
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t w =
            i + 1 == n ? left : rng.between(1, left - static_cast<std::int64_t>(n - i - 1));
        left -= w;
        Criterion c{.id = "c" + std::to_string(i), .weight = Percent{Decimal::scaled(w, -2)}};
        const auto [lo, hi] = random_points(rng);
        switch (rng.below(5)) {
        case 0: {
            Linear l{.lo = lo,
                     .hi = hi,
                     .at_lo = random_score(rng, p),
                     .at_hi = random_score(rng, p),
                     .out_of_range = rng.coin() ? OutOfRange::reject : OutOfRange::clamp};
            if (rng.below(3) == 0) {
                // Points 1 or 5 score units apart: values a tenth of the way along land on
                // exact halves of a unit (0.5, 1.5, 2.5), the ties of the rounding modes.
                const Decimal unit = Decimal::scaled(rng.coin() ? 1 : 5, -p);
                const Decimal up = l.at_lo.points() + unit;
                l.at_hi = Score{up > Decimal{100} ? l.at_lo.points() - unit : up};
            }
            c.function = l;
            break;
        }
        case 1: {
            const Score worse = random_score(rng, p, 0, 50);
            c.function = LowerIsBetter{
                .best = lo, .worst = hi, .at_best = random_score(rng, p, 50, 100), .at_worst = worse};
            break;
        }
        case 2:
            c.function = Achievement{.floor = lo,
                                     .cap = hi,
                                     .below_floor = random_score(rng, p, 0, 20),
                                     .at_floor = random_score(rng, p, 20, 60),
                                     .at_cap = random_score(rng, p, 60, 100)};
            break;
        case 3: {
            Steps steps{.below = random_score(rng, p, 0, 10),
                        .edge = rng.coin() ? StepEdge::threshold_ends_step : StepEdge::threshold_starts_step};
            std::int64_t from = rng.between(-100, 100);
            std::int64_t points = 10;
            for (std::int64_t s = rng.between(1, 5); s > 0; --s) {
                from += rng.between(1, 50);
                points = std::min<std::int64_t>(100, points + rng.between(0, 20));
                steps.steps.push_back({Decimal::scaled(from, -1), Score{points}});
            }
            c.function = std::move(steps);
            break;
        }
        default: {
            Lookup lookup;
            for (std::uint64_t k = 0, count = 1 + rng.below(4); k < count; ++k)
                lookup.categories.push_back({"k" + std::to_string(k), random_score(rng, p)});
            if (rng.coin()) lookup.otherwise = random_score(rng, p);
            c.function = std::move(lookup);
            break;
        }
        }
        card.criteria.push_back(std::move(c));
    }
    const std::int64_t cut = rng.between(1, 99);
    card.bands = {{"high", Score{cut}, Score{100}}, {"low", Score{0}, Score{cut}}};
    return card;
}

// A raw value for criterion i of `card`. With `hostile`, now and then a value the criterion
// refuses (outside a rejecting range, an unknown category code); with `wide`, now and then one
// with so many digits that only the exact path takes it. Both send a whole block of the batch
// kernel to the row path, so without them the kernel's own arithmetic is what is tested.
inline Decimal random_value(Rng& rng, const scoring::Scorecard& card, std::size_t i, bool hostile,
                            bool wide = false) {
    using namespace crm::scoring;
    const ScoringFunction& f = card.criteria[i].function;
    if (const auto* lookup = std::get_if<Lookup>(&f)) {
        const auto count = static_cast<std::int64_t>(lookup->categories.size()) + (lookup->otherwise ? 1 : 0);
        if (hostile && rng.below(50) == 0) return Decimal{count + static_cast<std::int64_t>(rng.below(3))};
        if (rng.below(20) == 0)
            return Decimal::scaled(rng.between(0, count - 1) * 100, -2);  // 2.00 is code 2
        return Decimal{rng.between(0, count - 1)};
    }
    Decimal lo;
    Decimal hi;
    if (const auto* l = std::get_if<Linear>(&f)) {
        lo = l->lo;
        hi = l->hi;
        if (l->out_of_range == OutOfRange::reject && !(hostile && rng.below(50) == 0)) {
            // Inside the range: lo + (hi - lo) x t for t in [0, 1] with up to 4 decimals.
            const Decimal t = Decimal::scaled(rng.between(0, 10'000), -4);
            return lo + (hi - lo) * t;
        }
    } else if (const auto* b = std::get_if<LowerIsBetter>(&f)) {
        lo = b->best;
        hi = b->worst;
    } else if (const auto* a = std::get_if<Achievement>(&f)) {
        lo = a->floor;
        hi = a->cap;
    } else {
        const auto& s = std::get<Steps>(f);
        lo = s.steps.front().from;
        hi = s.steps.back().from;
        if (rng.below(4) == 0) return s.steps[rng.below(s.steps.size())].from;  // on a threshold
    }
    switch (rng.below(9)) {
    case 8: return lo + (hi - lo) * Decimal::scaled(1 + 2 * rng.between(0, 4), -1);  // 0.1, 0.3 .. 0.9
    case 0: return lo;
    case 1: return hi;
    case 2:
        if (wide) return decimal(rng, 12, -12, 6);
        return lo + (hi - lo) * Decimal::scaled(rng.between(0, 1000),
                                                -3);  // anything, often beyond the fast path's units
    default: {
        const Decimal width = hi - lo;
        const Decimal t = Decimal::scaled(rng.between(-2000, 12'000), -4);  // a little outside too
        return lo + width * t;
    }
    }
}

}  // namespace crm::test
