// Scorecard validation: every rule of `validate`, each error naming the offending field.

#include <crm/core/error.hpp>
#include <crm/scoring/scorecard.hpp>

#include <algorithm>
#include <numeric>
#include <ostream>
#include <set>
#include <string>
#include <utility>

namespace crm::scoring {

namespace {

constexpr int kMaxScorePlaces = 6;
constexpr int kMaxWeightPlaces = 8;

[[noreturn]] void fail(ErrorCode code, std::string field, std::string message) {
    throw Error(code, std::move(field), std::move(message));
}

// True when `d` has no non-zero digit beyond `places` decimals (1.50 has 1, not 2).
bool fits_places(const Decimal& d, int places) {
    if (d.exponent() >= -places) return true;
    return round_to_scale(d, places, RoundingMode::down) == d;
}

void check_score(const Score& s, int places, const std::string& field) {
    const Decimal& p = s.points();
    if (p < Decimal{0} || p > Decimal{100})
        fail(ErrorCode::invalid_argument, field, "a score must lie within 0..100, not " + p.to_string());
    if (!fits_places(p, places))
        fail(ErrorCode::invalid_argument, field,
             "a score may have at most " + std::to_string(places) + " decimals (score_places), not " +
                 p.to_string());
}

void check_linear(const Linear& f, int places, const std::string& at) {
    if (!(f.lo < f.hi))
        fail(ErrorCode::inconsistent, at + ".hi",
             "hi (" + f.hi.to_string() + ") must be above lo (" + f.lo.to_string() + ")");
    check_score(f.at_lo, places, at + ".at_lo");
    check_score(f.at_hi, places, at + ".at_hi");
}

void check_lower(const LowerIsBetter& f, int places, const std::string& at) {
    if (!(f.best < f.worst))
        fail(ErrorCode::inconsistent, at + ".worst",
             "lower is better: worst (" + f.worst.to_string() + ") must be above best (" +
                 f.best.to_string() + ")");
    check_score(f.at_best, places, at + ".at_best");
    check_score(f.at_worst, places, at + ".at_worst");
    if (f.at_best < f.at_worst)
        fail(ErrorCode::inconsistent, at + ".at_worst", "lower is better: at_worst must not exceed at_best");
}

void check_achievement(const Achievement& f, int places, const std::string& at) {
    if (!(f.floor < f.cap))
        fail(ErrorCode::inconsistent, at + ".cap",
             "cap (" + f.cap.to_string() + ") must be above floor (" + f.floor.to_string() + ")");
    check_score(f.below_floor, places, at + ".below_floor");
    check_score(f.at_floor, places, at + ".at_floor");
    check_score(f.at_cap, places, at + ".at_cap");
    if (f.at_floor < f.below_floor)
        fail(ErrorCode::inconsistent, at + ".at_floor", "at_floor must not be below below_floor");
    if (f.at_cap < f.at_floor)
        fail(ErrorCode::inconsistent, at + ".at_cap", "at_cap must not be below at_floor");
}

void check_steps(const Steps& f, int places, const std::string& at) {
    if (f.steps.empty())
        fail(ErrorCode::invalid_argument, at + ".steps", "a step function needs at least one step");
    check_score(f.below, places, at + ".below");
    int direction = 0;  // +1 rising, -1 falling, 0 flat so far
    Score previous = f.below;
    for (std::size_t j = 0; j < f.steps.size(); ++j) {
        const std::string here = at + ".steps[" + std::to_string(j) + "]";
        if (j > 0 && !(f.steps[j - 1].from < f.steps[j].from))
            fail(ErrorCode::inconsistent, here + ".from",
                 "step thresholds must increase: " + f.steps[j].from.to_string() + " follows " +
                     f.steps[j - 1].from.to_string());
        check_score(f.steps[j].score, places, here + ".score");
        const int step = f.steps[j].score > previous ? 1 : (f.steps[j].score < previous ? -1 : 0);
        if (step != 0) {
            if (direction != 0 && step != direction)
                fail(ErrorCode::inconsistent, here + ".score",
                     "step scores must be monotone (never down, or never up, along the thresholds)");
            direction = step;
        }
        previous = f.steps[j].score;
    }
}

void check_lookup(const Lookup& f, int places, const std::string& at) {
    if (f.categories.empty())
        fail(ErrorCode::invalid_argument, at + ".categories", "a lookup table needs at least one category");
    std::set<std::string, std::less<>> seen;
    for (std::size_t j = 0; j < f.categories.size(); ++j) {
        const std::string here = at + ".categories[" + std::to_string(j) + "]";
        if (f.categories[j].label.empty())
            fail(ErrorCode::invalid_argument, here + ".label", "a category needs a label");
        if (!seen.insert(f.categories[j].label).second)
            fail(ErrorCode::duplicate, here + ".label",
                 "category '" + f.categories[j].label + "' is listed twice");
        check_score(f.categories[j].score, places, here + ".score");
    }
    if (f.otherwise) check_score(*f.otherwise, places, at + ".otherwise");
}

void check_bands(const std::vector<Band>& bands) {
    if (bands.empty())
        fail(ErrorCode::invalid_argument, "scorecard.bands", "a scorecard needs at least one grade band");
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const std::string at = "scorecard.bands[" + std::to_string(i) + "]";
        const Band& b = bands[i];
        if (b.label.empty()) fail(ErrorCode::invalid_argument, at + ".label", "a band needs a label");
        if (!seen.insert(b.label).second)
            fail(ErrorCode::duplicate, at + ".label", "band '" + b.label + "' is listed twice");
        if (b.from.points() < Decimal{0} || b.from.points() > Decimal{100})
            fail(ErrorCode::invalid_argument, at + ".from", "a band must lie within 0..100");
        if (b.to.points() < Decimal{0} || b.to.points() > Decimal{100})
            fail(ErrorCode::invalid_argument, at + ".to", "a band must lie within 0..100");
        if (!(b.from < b.to))
            fail(ErrorCode::inconsistent, at + ".to",
                 "band '" + b.label + "' is empty: to must be above from");
    }
    std::vector<std::size_t> order(bands.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return bands[a].from < bands[b].from; });
    const Band& lowest = bands[order.front()];
    if (lowest.from != Score{0})
        fail(ErrorCode::inconsistent, "scorecard.bands[" + std::to_string(order.front()) + "].from",
             "the bands must start at 0; the lowest starts at " + to_string(lowest.from));
    for (std::size_t k = 1; k < order.size(); ++k) {
        const Band& prev = bands[order[k - 1]];
        const Band& next = bands[order[k]];
        const std::string at = "scorecard.bands[" + std::to_string(order[k]) + "].from";
        if (next.from > prev.to)
            fail(ErrorCode::inconsistent, at,
                 "gap between bands '" + prev.label + "' (to " + to_string(prev.to) + ") and '" + next.label +
                     "' (from " + to_string(next.from) + ")");
        if (next.from < prev.to)
            fail(ErrorCode::inconsistent, at,
                 "bands '" + prev.label + "' (to " + to_string(prev.to) + ") and '" + next.label +
                     "' (from " + to_string(next.from) + ") overlap");
    }
    const Band& highest = bands[order.back()];
    if (highest.to != Score{100})
        fail(ErrorCode::inconsistent, "scorecard.bands[" + std::to_string(order.back()) + "].to",
             "the bands must end at 100; the highest ends at " + to_string(highest.to));
}

}  // namespace

void validate(const Scorecard& card) {
    if (card.score_places < 0 || card.score_places > kMaxScorePlaces)
        fail(ErrorCode::invalid_argument, "scorecard.score_places",
             "score_places must lie within 0..6, not " + std::to_string(card.score_places));
    if (card.band_floor != Boundary::inclusive && card.band_floor != Boundary::exclusive)
        fail(ErrorCode::invalid_argument, "scorecard.band_floor",
             "band_floor must be inclusive or exclusive, not " +
                 std::to_string(static_cast<int>(card.band_floor)));
    if (card.criteria.empty())
        fail(ErrorCode::invalid_argument, "scorecard.criteria", "a scorecard needs at least one criterion");
    std::set<std::string, std::less<>> ids;
    Decimal weight_sum;
    for (std::size_t i = 0; i < card.criteria.size(); ++i) {
        const Criterion& c = card.criteria[i];
        const std::string at = "scorecard.criteria[" + std::to_string(i) + "]";
        if (c.id.empty()) fail(ErrorCode::invalid_argument, at + ".id", "a criterion needs an id");
        if (!ids.insert(c.id).second)
            fail(ErrorCode::duplicate, at + ".id", "criterion '" + c.id + "' is listed twice");
        const Decimal& w = c.weight.value();
        if (w <= Decimal{0} || w > Decimal{100})
            fail(ErrorCode::invalid_argument, at + ".weight",
                 "a weight must lie within (0%, 100%], not " + to_string(c.weight));
        if (!fits_places(w, kMaxWeightPlaces))
            fail(ErrorCode::invalid_argument, at + ".weight",
                 "a weight may have at most 8 decimals of a per cent, not " + to_string(c.weight));
        weight_sum += reduce(w);
        const std::string fn = at + ".function";
        std::visit(
            [&](const auto& f) {
                using F = std::decay_t<decltype(f)>;
                if constexpr (std::is_same_v<F, Linear>)
                    check_linear(f, card.score_places, fn);
                else if constexpr (std::is_same_v<F, LowerIsBetter>)
                    check_lower(f, card.score_places, fn);
                else if constexpr (std::is_same_v<F, Achievement>)
                    check_achievement(f, card.score_places, fn);
                else if constexpr (std::is_same_v<F, Steps>)
                    check_steps(f, card.score_places, fn);
                else
                    check_lookup(f, card.score_places, fn);
            },
            c.function);
    }
    if (weight_sum != Decimal{100})
        fail(ErrorCode::inconsistent, "scorecard.criteria[*].weight",
             "the weights sum to " + weight_sum.to_plain_string() + "%, not exactly 100%");
    check_bands(card.bands);
}

const Criterion* find_criterion(const Scorecard& card, std::string_view id) noexcept {
    for (const Criterion& c : card.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

Criterion& criterion(Scorecard& card, std::string_view id) {
    for (Criterion& c : card.criteria)
        if (c.id == id) return c;
    fail(ErrorCode::not_found, "scorecard.criteria." + std::string(id),
         "the scorecard has no such criterion");
}

std::string_view to_string(MissingData m) noexcept {
    switch (m) {
    case MissingData::error: return "error";
    case MissingData::score_zero: return "score_zero";
    case MissingData::exclude: return "exclude";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, MissingData m) { return os << to_string(m); }

std::string_view to_string(OutOfRange o) noexcept {
    switch (o) {
    case OutOfRange::clamp: return "clamp";
    case OutOfRange::reject: return "reject";
    }
    return "unknown";
}

std::string_view to_string(StepEdge e) noexcept {
    switch (e) {
    case StepEdge::threshold_starts_step: return "threshold_starts_step";
    case StepEdge::threshold_ends_step: return "threshold_ends_step";
    }
    return "unknown";
}

std::string to_string(const FactValue& v) {
    if (const auto* d = std::get_if<Decimal>(&v)) return d->to_plain_string();
    return std::get<std::string>(v);
}

}  // namespace crm::scoring
