// Properties of the scorecard engine over thousands of generated scorecards and facts (fixed
// seeds): every score and total within 0..100; every score equal to the exactly rounded value
// of its function (computed here with Decimals, independently of the compiled integer path); a
// better raw value never lowers a criterion's score; contributions sum exactly to the total;
// the total is the re-weighted sum when criteria are excluded; the grade is the band holding
// the total; the dense form equals the named form.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::Percent;
using crm::RoundingMode;
using crm::test::Rng;
using namespace crm::scoring;

namespace {

constexpr RoundingMode kModes[] = {RoundingMode::half_even, RoundingMode::half_up, RoundingMode::half_down,
                                   RoundingMode::up,        RoundingMode::down,    RoundingMode::ceiling,
                                   RoundingMode::floor};

Decimal point(Rng& rng) {
    return Decimal::scaled(rng.between(-5'000'000, 5'000'000), static_cast<int>(rng.between(-4, 2)));
}
Decimal positive(Rng& rng) {
    return Decimal::scaled(rng.between(1, 2'000'000), static_cast<int>(rng.between(-4, 2)));
}
Score score(Rng& rng, int places) {
    std::int64_t top = 100;
    for (int i = 0; i < places; ++i) top *= 10;
    return Score{Decimal::scaled(rng.between(0, top), -places)};
}
std::vector<Score> scores(Rng& rng, int places, std::size_t n, bool rising) {
    std::vector<Score> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(score(rng, places));
    std::sort(out.begin(), out.end());
    if (!rising) std::reverse(out.begin(), out.end());
    return out;
}

// n distinct cut points in (0, total), sorted.
std::vector<std::int64_t> cuts(Rng& rng, std::int64_t total, std::size_t n) {
    std::set<std::int64_t> s;
    while (s.size() < n) s.insert(rng.between(1, total - 1));
    return {s.begin(), s.end()};
}

struct Generated {
    Scorecard card;
    std::vector<int> direction;  // +1: higher raw is better, -1: lower is better, 0: categorical
};

Generated generate(Rng& rng) {
    Generated g;
    Scorecard& c = g.card;
    c.name = "generated";
    c.score_places = static_cast<int>(rng.between(0, 4));
    c.rounding = kModes[rng.below(7)];
    const auto n = static_cast<std::size_t>(rng.between(1, 8));
    const int weight_places = static_cast<int>(rng.between(0, 2));
    std::int64_t full = 100;
    for (int i = 0; i < weight_places; ++i) full *= 10;
    std::vector<std::int64_t> w = cuts(rng, full, n - 1);
    w.insert(w.begin(), 0);
    w.push_back(full);
    for (std::size_t i = 0; i < n; ++i) {
        Criterion k;
        k.id = "k" + std::to_string(i);
        k.weight = Percent{Decimal::scaled(w[i + 1] - w[i], -weight_places)};
        k.missing = static_cast<MissingData>(rng.below(3));
        const int p = c.score_places;
        int direction = 1;
        switch (rng.below(5)) {
        case 0: {
            Linear f{.lo = point(rng)};
            f.hi = f.lo + positive(rng);
            f.at_lo = score(rng, p);
            f.at_hi = score(rng, p);
            direction = f.at_hi >= f.at_lo ? 1 : -1;
            k.function = f;
            break;
        }
        case 1: {
            LowerIsBetter f{.best = point(rng)};
            f.worst = f.best + positive(rng);
            const std::vector<Score> s = scores(rng, p, 2, false);
            f.at_best = s[0];
            f.at_worst = s[1];
            direction = -1;
            k.function = f;
            break;
        }
        case 2: {
            Achievement f{.floor = Decimal::scaled(rng.between(30, 90), -2)};
            f.cap = f.floor + Decimal::scaled(rng.between(1, 80), -2);
            const std::vector<Score> s = scores(rng, p, 3, true);
            f.below_floor = s[0];
            f.at_floor = s[1];
            f.at_cap = s[2];
            k.function = f;
            break;
        }
        case 3: {
            Steps f;
            const auto m = static_cast<std::size_t>(rng.between(1, 5));
            const bool rising = rng.coin();
            const std::vector<Score> s = scores(rng, p, m + 1, rising);
            f.below = s[0];
            Decimal at = point(rng);
            for (std::size_t j = 0; j < m; ++j) {
                f.steps.push_back({at, s[j + 1]});
                at = at + positive(rng);
            }
            f.edge = rng.coin() ? StepEdge::threshold_starts_step : StepEdge::threshold_ends_step;
            direction = rising ? 1 : -1;
            k.function = f;
            break;
        }
        default: {
            Lookup f;
            const auto m = static_cast<std::size_t>(rng.between(1, 4));
            for (std::size_t j = 0; j < m; ++j)
                f.categories.push_back({"c" + std::to_string(j), score(rng, p)});
            if (rng.coin()) f.otherwise = score(rng, p);
            direction = 0;
            k.function = f;
            break;
        }
        }
        c.criteria.push_back(std::move(k));
        g.direction.push_back(direction);
    }
    const int band_places = static_cast<int>(rng.between(0, 3));
    std::int64_t top = 100;
    for (int i = 0; i < band_places; ++i) top *= 10;
    std::vector<std::int64_t> b = cuts(rng, top, static_cast<std::size_t>(rng.between(0, 4)));
    b.insert(b.begin(), 0);
    b.push_back(top);
    for (std::size_t i = 0; i + 1 < b.size(); ++i)
        c.bands.push_back({"g" + std::to_string(i), Score{Decimal::scaled(b[i], -band_places)},
                           Score{Decimal::scaled(b[i + 1], -band_places)}});
    for (std::size_t i = c.bands.size(); i > 1; --i) std::swap(c.bands[i - 1], c.bands[rng.below(i)]);
    return g;
}

// A raw value for criterion k: near its points most of the time, with many decimals or huge
// now and then (the Decimal path).
FactValue raw_value(Rng& rng, const Criterion& k) {
    if (const auto* l = std::get_if<Lookup>(&k.function)) {
        const auto pick = rng.below(l->categories.size() + (l->otherwise ? 1 : 0));
        return pick < l->categories.size() ? FactValue{l->categories[pick].label}
                                           : FactValue{std::string{"other"}};
    }
    Decimal lo;
    Decimal hi;
    if (const auto* f = std::get_if<Linear>(&k.function))
        std::tie(lo, hi) = std::pair{f->lo, f->hi};
    else if (const auto* f = std::get_if<LowerIsBetter>(&k.function))
        std::tie(lo, hi) = std::pair{f->best, f->worst};
    else if (const auto* f = std::get_if<Achievement>(&k.function))
        std::tie(lo, hi) = std::pair{f->floor, f->cap};
    else {
        const auto& s = std::get<Steps>(k.function).steps;
        const auto& near = s[rng.below(s.size())].from;
        switch (rng.below(4)) {
        case 0: return near;
        case 1: return near + Decimal::scaled(rng.coin() ? 1 : -1, -25);
        default:
            return near + Decimal::scaled(rng.between(-1000, 1000), static_cast<int>(rng.between(-3, 1)));
        }
    }
    switch (rng.below(8)) {
    case 0: return lo;
    case 1: return hi;
    case 2: return lo + Decimal::scaled(rng.coin() ? 1 : -1, -22);  // far more decimals than any point
    case 3: return Decimal::scaled(rng.coin() ? 7 : -7, 20);        // far out of range
    case 4: return point(rng);
    default: {
        // lo + (hi - lo) x t / 1000 with t in -100..1100, exact
        const Decimal t = Decimal::scaled(rng.between(-100, 1100), -3);
        return lo + (hi - lo) * t;
    }
    }
}

// The exactly rounded score, by Decimal arithmetic only.
Decimal reference(const Scorecard& card, const Criterion& k, const FactValue& raw) {
    const int p = card.score_places;
    const RoundingMode mode = card.rounding;
    const auto on_scale = [&](const Score& s) { return round_to_scale(s.points(), p, RoundingMode::down); };
    const auto line = [&](const Decimal& lo, const Decimal& hi, const Score& a, const Score& b,
                          const Decimal& x) {
        if (x <= lo) return on_scale(a);
        if (x >= hi) return on_scale(b);
        // a + (x - lo) x (b - a) / (hi - lo), rounded once
        return divide(a.points() * (hi - lo) + (x - lo) * (b.points() - a.points()), hi - lo, p, mode);
    };
    if (const auto* l = std::get_if<Lookup>(&k.function)) {
        for (const Category& c : l->categories)
            if (c.label == std::get<std::string>(raw)) return on_scale(c.score);
        return on_scale(*l->otherwise);
    }
    const Decimal& x = std::get<Decimal>(raw);
    if (const auto* f = std::get_if<Linear>(&k.function)) return line(f->lo, f->hi, f->at_lo, f->at_hi, x);
    if (const auto* f = std::get_if<LowerIsBetter>(&k.function))
        return line(f->best, f->worst, f->at_best, f->at_worst, x);
    if (const auto* f = std::get_if<Achievement>(&k.function))
        return x < f->floor ? on_scale(f->below_floor) : line(f->floor, f->cap, f->at_floor, f->at_cap, x);
    const Steps& s = std::get<Steps>(k.function);
    Score result = s.below;
    for (const Step& step : s.steps)
        if (s.edge == StepEdge::threshold_starts_step ? step.from <= x : step.from < x) result = step.score;
    return on_scale(result);
}

Facts facts_for(Rng& rng, const Scorecard& card) {
    Facts facts;
    for (std::size_t i = 0; i < card.criteria.size(); ++i) {
        const Criterion& k = card.criteria[i];
        const bool may_miss =
            i > 0 && k.missing != MissingData::error;  // criterion 0 keeps the total defined
        if (may_miss && rng.below(5) == 0) continue;
        facts.push_back({k.id, raw_value(rng, k)});
    }
    for (std::size_t i = facts.size(); i > 1; --i) std::swap(facts[i - 1], facts[rng.below(i)]);
    return facts;
}

}  // namespace

TEST_SUITE("scoring.properties") {
    TEST_CASE("scores are exact within bounds and contributions sum to the total over generated scorecards") {
        Rng rng(20240609);
        int cards = 0;
        int excluded_cases = 0;
        int cases = 0;
        for (int c = 0; c < 1500; ++c) {
            const Generated g = generate(rng);
            CAPTURE(c);
            REQUIRE_NOTHROW(validate(g.card));
            const CompiledScorecard card{g.card};
            ++cards;
            for (int f = 0; f < 3; ++f) {
                const Facts facts = facts_for(rng, g.card);
                CAPTURE(f);
                const ScoreResult r = evaluate(card, facts);
                ++cases;
                Score sum;
                Decimal weighted;  // sum of score x weight over the present criteria
                Decimal present;   // their weights, as fractions
                bool any_excluded = false;
                for (std::size_t i = 0; i < r.criteria.size(); ++i) {
                    const CriterionScore& line = r.criteria[i];
                    CAPTURE(line.criterion);
                    CHECK(line.score >= Score{0});
                    CHECK(line.score <= Score{100});
                    sum += line.contribution;
                    if (line.status == CriterionStatus::missing_excluded) {
                        any_excluded = true;
                        continue;
                    }
                    if (line.status == CriterionStatus::scored) {
                        const Decimal expected = reference(g.card, g.card.criteria[i], *line.raw);
                        CAPTURE(to_string(*line.raw));
                        CHECK(line.score.points() == expected);
                    }
                    weighted += line.score.points() * line.weight.rate().value();
                    present += line.weight.rate().value();
                }
                CHECK(sum == r.total);  // contributions sum exactly to the total
                CHECK(r.total >= Score{0});
                CHECK(r.total <= Score{100});
                if (any_excluded) {
                    ++excluded_cases;
                    CHECK(r.total.points() ==
                          divide(weighted, present, card.total_places(), g.card.rounding));
                } else {
                    CHECK(r.total.points() == weighted);
                    for (const CriterionScore& line : r.criteria)
                        CHECK(line.contribution == line.score * line.weight);
                }
                // the grade is the band holding the total
                const Band* band = nullptr;
                for (const Band& b : g.card.bands)
                    if (b.from <= r.total && (r.total < b.to || b.to == Score{100})) band = &b;
                REQUIRE(band != nullptr);
                CHECK(r.grade == band->label);
                // the dense form gives the same total and band
                std::vector<std::optional<Decimal>> row(card.size());
                for (const Fact& fact : facts) {
                    const std::size_t i = *card.index_of(fact.criterion);
                    row[i] = std::holds_alternative<std::string>(fact.value)
                                 ? card.category_code(i, std::get<std::string>(fact.value))
                                 : std::get<Decimal>(fact.value);
                }
                const Summary dense = evaluate(card, row);
                CHECK(dense.total == r.total);
                CHECK(g.card.bands[dense.grade].label == r.grade);
            }
        }
        CHECK(cards == 1500);
        CHECK(excluded_cases > 100);  // the re-weighting path was exercised
        MESSAGE(cases << " generated cases, " << excluded_cases << " with excluded criteria");
    }

    TEST_CASE("a better raw value never lowers a criterion's score") {
        Rng rng(7);
        for (int c = 0; c < 700; ++c) {
            const Generated g = generate(rng);
            const CompiledScorecard card{g.card};
            CAPTURE(c);
            for (std::size_t i = 0; i < card.size(); ++i) {
                if (g.direction[i] == 0) continue;
                const Criterion& k = g.card.criteria[i];
                for (int t = 0; t < 4; ++t) {
                    FactValue a = raw_value(rng, k);
                    FactValue b = raw_value(rng, k);
                    Decimal x = std::get<Decimal>(a);
                    Decimal y = std::get<Decimal>(b);
                    if (y < x) std::swap(x, y);
                    CAPTURE(x);
                    CAPTURE(y);
                    const Score sx = score_criterion(card, i, FactValue{x});
                    const Score sy = score_criterion(card, i, FactValue{y});
                    if (g.direction[i] > 0)
                        CHECK(sy >= sx);  // y is better
                    else
                        CHECK(sx >= sy);  // x is better
                }
            }
        }
    }

    TEST_CASE("generated invalid scorecards are refused with a named field") {
        Rng rng(99);
        for (int c = 0; c < 300; ++c) {
            Generated g = generate(rng);
            CAPTURE(c);
            std::string expected;
            switch (rng.below(3)) {
            case 0:  // a weight nudged below, so the total is off 100%
                g.card.criteria[0].weight =
                    Percent{g.card.criteria[0].weight.value() - Decimal::scaled(1, -8)};
                expected = "scorecard.criteria[*].weight";
                break;
            case 1: {  // a gap just below the top band
                Band& highest =
                    *std::max_element(g.card.bands.begin(), g.card.bands.end(),
                                      [](const Band& a, const Band& b) { return a.from < b.from; });
                const auto index = static_cast<std::size_t>(&highest - g.card.bands.data());
                // with one band [0, 100] this makes it start above 0: the same field is named
                highest.from = Score{highest.from.points() + Decimal::scaled(1, -6)};
                expected = "scorecard.bands[" + std::to_string(index) + "].from";
                break;
            }
            default:  // a repeated id
                g.card.criteria.push_back(g.card.criteria[0]);
                g.card.criteria.back().weight = Percent{"1"};
                expected = "scorecard.criteria[" + std::to_string(g.card.criteria.size() - 1) + "].id";
                break;
            }
            try {
                validate(g.card);
                FAIL("no error");
            } catch (const crm::Error& e) {
                CHECK(e.field() == expected);
            }
        }
    }

}  // TEST_SUITE
