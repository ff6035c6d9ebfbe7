// Scoring: the compiled form, the integer hot path with its exact Decimal fallback, the named
// facts on top, and the re-weighting for excluded criteria.
//
// Units. A criterion's raw values are counted as integers of 10^exponent (exponent chosen per
// criterion when compiling), scores as integers of 10^-score_places, weights as integers of
// 10^-(weight_places + 2) (a fraction: 25% with no decimals is 25 units of 0.01), so a
// contribution score x weight is an integer of 10^-total_places, total_places = score_places +
// weight_places + 2. Bounds: a score is at most 100 x 10^6, a weight at most 10^10 units, so a
// contribution and the total (weights sum to 100%) stay below 10^18, inside 64 bits.
//
// A linear score is at_lo + (x - lo) x (at_hi - at_lo) / (hi - lo). In units:
// (at_lo x run +- dx x rise) / run, with run = hi - lo and dx = x - lo in (0, run); the
// numerator is at most run x max(at_lo, at_hi), which compiling keeps below 2^64. The one
// integer division gives the quotient and remainder, and the remainder against run decides the
// rounding exactly (the value is never negative, so up = ceiling, down = floor). A raw value
// that does not fit the units (too many decimals, too large) takes the Decimal path, which
// computes the same rational with exact Decimals and divides once with crm::divide.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <ostream>
#include <string>
#include <utility>

#include "block.hpp"

namespace crm::scoring {

namespace {

using detail::grade_of;
using detail::rounds_up;

constexpr const auto& kPow10 = crm::detail::pow10_u64;  // 10^0 .. 10^19
constexpr int kMaxShift = 18;
constexpr std::uint64_t kUnitLimit = kPow10[18];  // raw magnitudes of the fast path: at most 10^18 units
constexpr int kExtraRawPlaces = 12;               // how far below its points' exponent a criterion counts
// The largest coefficient that, shifted by i places, stays within kUnitLimit.
constexpr auto kShiftLimit = [] {
    std::array<std::uint64_t, kMaxShift + 1> limits{};
    for (std::size_t i = 0; i <= kMaxShift; ++i) limits[i] = kUnitLimit / kPow10[i];
    return limits;
}();

[[noreturn]] void fail(ErrorCode code, std::string field, std::string message) {
    throw Error(code, std::move(field), std::move(message));
}

// `x` as a whole number of 10^e units, when exact and at most 10^18 in magnitude.
inline bool to_units(const Decimal& x, int e, std::int64_t& out) noexcept {
    if (x.is_zero()) {
        out = 0;
        return true;
    }
    const long long shift = static_cast<long long>(x.exponent()) - e;
    if (shift < 0 || shift > kMaxShift) return false;
    const Decimal::Coefficient& c = x.coefficient();
    const auto index = static_cast<std::size_t>(shift);
    if (c > kShiftLimit[index]) return false;
    const std::uint64_t v = static_cast<std::uint64_t>(c) * kPow10[index];
    out = x.is_signed() ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
    return true;
}

// A score (validated: 0..100, at most `places` decimals) in units of 10^-places.
std::uint64_t score_units(const Score& s, int places) {
    std::int64_t u = 0;
    const bool ok = to_units(round_to_scale(s.points(), places, RoundingMode::down), -places, u);
    if (!ok || u < 0)
        fail(ErrorCode::invalid_argument, "score", "a score outside 0..100");  // validated before
    return static_cast<std::uint64_t>(u);
}

// The points of a linear function, whatever its declared form.
struct LinearPoints {
    Decimal lo{};
    Decimal hi{};
    Score at_lo{};
    Score at_hi{};
    bool has_cliff = false;
    Score cliff{};
    bool reject = false;
};

LinearPoints points_of(const ScoringFunction& f) {
    if (const auto* l = std::get_if<Linear>(&f))
        return {l->lo, l->hi, l->at_lo, l->at_hi, false, Score{}, l->out_of_range == OutOfRange::reject};
    if (const auto* b = std::get_if<LowerIsBetter>(&f)) return {b->best, b->worst, b->at_best, b->at_worst};
    const auto& a = std::get<Achievement>(f);
    return {a.floor, a.cap, a.at_floor, a.at_cap, true, a.below_floor, false};
}

detail::Kernel compile_linear(const LinearPoints& p, int places) {
    detail::Kernel k;
    k.kind = detail::Kernel::Kind::linear;
    k.reject_outside = p.reject;
    k.has_cliff = p.has_cliff;
    k.at_lo = score_units(p.at_lo, places);
    k.at_hi = score_units(p.at_hi, places);
    k.cliff = p.has_cliff ? score_units(p.cliff, places) : 0;
    k.descending = k.at_hi < k.at_lo;
    k.rise = k.descending ? k.at_lo - k.at_hi : k.at_hi - k.at_lo;
    const std::uint64_t top = std::max(k.at_lo, k.at_hi);
    const int start = std::min({p.lo.exponent(), p.hi.exponent(), 0});
    // The deepest exponent (most raw decimals on the fast path) at which the points fit with
    // three orders of magnitude to spare and the numerator cannot overflow.
    bool found = false;
    for (int e = start; e >= start - kExtraRawPlaces; --e) {
        std::int64_t lo = 0;
        std::int64_t hi = 0;
        if (!to_units(p.lo, e, lo) || !to_units(p.hi, e, hi)) break;
        const std::uint64_t magnitude =
            std::max(lo < 0 ? 0 - static_cast<std::uint64_t>(lo) : static_cast<std::uint64_t>(lo),
                     hi < 0 ? 0 - static_cast<std::uint64_t>(hi) : static_cast<std::uint64_t>(hi));
        if (magnitude > kUnitLimit / 1000) break;
        const std::uint64_t run = static_cast<std::uint64_t>(hi - lo);
        if (top != 0 && run > std::numeric_limits<std::uint64_t>::max() / top) break;
        k.exponent = e;
        k.lo = lo;
        k.hi = hi;
        k.run = run;
        found = true;
    }
    if (!found) {
        // Points too far apart for 64 bits: every raw value takes the Decimal path.
        k.exact_only = true;
    }
    return k;
}

detail::Kernel compile_steps(const Steps& f, int places) {
    detail::Kernel k;
    k.kind = detail::Kernel::Kind::steps;
    k.ends_step = f.edge == StepEdge::threshold_ends_step;
    k.scores.push_back(score_units(f.below, places));
    int start = 0;
    for (const Step& s : f.steps) {
        k.scores.push_back(score_units(s.score, places));
        start = std::min(start, s.from.exponent());
    }
    bool found = false;
    for (int e = start; e >= start - kExtraRawPlaces; --e) {
        std::vector<std::int64_t> units;
        bool fits = true;
        for (const Step& s : f.steps) {
            std::int64_t u = 0;
            if (!to_units(s.from, e, u) || (u < 0 ? 0 - static_cast<std::uint64_t>(u)
                                                  : static_cast<std::uint64_t>(u)) > kUnitLimit / 1000) {
                fits = false;
                break;
            }
            units.push_back(u);
        }
        if (!fits) break;
        k.exponent = e;
        k.thresholds = std::move(units);
        found = true;
    }
    if (!found) k.exact_only = true;
    return k;
}

detail::Kernel compile_lookup(const Lookup& f, int places) {
    detail::Kernel k;
    k.kind = detail::Kernel::Kind::lookup;
    k.exponent = 0;
    for (const Category& c : f.categories) k.scores.push_back(score_units(c.score, places));
    if (f.otherwise) k.otherwise = score_units(*f.otherwise, places);
    return k;
}

// The places a value needs (1.50 needs 1, 25 needs 0).
int places_of(const Decimal& d) {
    if (d.is_zero() || d.exponent() >= 0) return 0;
    return std::max(0, reduce(d).scale());
}

std::string field_of(const CompiledScorecard& card, std::size_t i, bool named) {
    if (named) return "facts." + card.scorecard().criteria[i].id;
    return "values[" + std::to_string(i) + "]";
}

// ---- the exact Decimal path ----

std::uint64_t decimal_score_units(const Decimal& score, int places) {
    std::int64_t u = 0;
    if (!to_units(score, -places, u) || u < 0)
        fail(ErrorCode::invalid_argument, "score", "internal: a score outside 0..100");
    return static_cast<std::uint64_t>(u);
}

std::uint64_t linear_exact(const detail::Kernel& k, const ScoringFunction& f, const Decimal& x, int places,
                           RoundingMode mode) {
    const LinearPoints p = points_of(f);
    if (x <= p.lo) return (k.has_cliff && x < p.lo) ? k.cliff : k.at_lo;
    if (x >= p.hi) return k.at_hi;
    const Decimal run = p.hi - p.lo;
    const Decimal numerator = p.at_lo.points() * run + (x - p.lo) * (p.at_hi.points() - p.at_lo.points());
    return decimal_score_units(divide(numerator, run, places, mode), places);
}

std::uint64_t steps_exact(const detail::Kernel& k, const Steps& f, const Decimal& x) {
    std::size_t n = 0;
    if (k.ends_step) {
        while (n < f.steps.size() && f.steps[n].from < x) ++n;
    } else {
        while (n < f.steps.size() && f.steps[n].from <= x) ++n;
    }
    return k.scores[n];
}

// ---- the hot path ----

inline std::uint64_t linear_fast(const detail::Kernel& k, std::int64_t x, RoundingMode mode) noexcept {
    if (x <= k.lo) return (k.has_cliff && x < k.lo) ? k.cliff : k.at_lo;
    if (x >= k.hi) return k.at_hi;
    const auto dx = static_cast<std::uint64_t>(x - k.lo);
    const std::uint64_t base = k.at_lo * k.run;
    const std::uint64_t numerator = k.descending ? base - dx * k.rise : base + dx * k.rise;
    const std::uint64_t q = numerator / k.run;
    const std::uint64_t r = numerator - q * k.run;
    return q + (rounds_up(mode, q, r, k.run) ? 1U : 0U);
}

inline std::uint64_t steps_fast(const detail::Kernel& k, std::int64_t x) noexcept {
    std::size_t n = 0;
    const std::size_t count = k.thresholds.size();
    if (k.ends_step) {
        while (n < count && k.thresholds[n] < x) ++n;
    } else {
        while (n < count && k.thresholds[n] <= x) ++n;
    }
    return k.scores[n];
}

[[noreturn]] void reject_outside(const CompiledScorecard& card, std::size_t i, bool named, const Decimal& x) {
    const auto& l = std::get<Linear>(card.scorecard().criteria[i].function);
    fail(ErrorCode::invalid_argument, field_of(card, i, named),
         "the value " + x.to_string() + " lies outside " + l.lo.to_string() + ".." + l.hi.to_string());
}

std::uint64_t lookup_code(const CompiledScorecard& card, std::size_t i, bool named, const Decimal& x) {
    const detail::Kernel& k = card.kernels()[i];
    std::int64_t code = -1;
    bool whole = to_units(x, 0, code);
    if (!whole && x.is_integral() && x.adjusted_exponent() < 18) {  // 2.00 is code 2 too
        code = x.to_int64();
        whole = true;
    }
    if (whole && code >= 0) {
        const auto c = static_cast<std::size_t>(code);
        if (c < k.scores.size()) return k.scores[c];
        if (c == k.scores.size() && k.otherwise) return *k.otherwise;
    }
    fail(ErrorCode::not_found, field_of(card, i, named),
         "the category code " + x.to_string() +
             " is not in the lookup table (use CompiledScorecard::category_code)");
}

// The score of criterion i for raw value x, in units of 10^-score_places.
std::uint64_t score_of(const CompiledScorecard& card, std::size_t i, const Decimal& x, bool named) {
    const detail::Kernel& k = card.kernels()[i];
    const Scorecard& sc = card.scorecard();
    switch (k.kind) {
    case detail::Kernel::Kind::linear: {
        std::int64_t u = 0;
        if (!k.exact_only && to_units(x, k.exponent, u)) {
            if (k.reject_outside && (u < k.lo || u > k.hi)) reject_outside(card, i, named, x);
            return linear_fast(k, u, sc.rounding);
        }
        const ScoringFunction& f = sc.criteria[i].function;
        if (k.reject_outside) {
            const auto& l = std::get<Linear>(f);
            if (x < l.lo || x > l.hi) reject_outside(card, i, named, x);
        }
        try {
            return linear_exact(k, f, x, sc.score_places, sc.rounding);
        } catch (const Error& e) {
            fail(e.code(), field_of(card, i, named), "scoring " + x.to_string() + ": " + e.message());
        }
    }
    case detail::Kernel::Kind::steps: {
        std::int64_t u = 0;
        if (!k.exact_only && to_units(x, k.exponent, u)) return steps_fast(k, u);
        return steps_exact(k, std::get<Steps>(sc.criteria[i].function), x);
    }
    case detail::Kernel::Kind::lookup: return lookup_code(card, i, named, x);
    }
    return 0;
}

// Where a row's per-criterion figures go when the caller wants the breakdown.
struct Breakdown {
    std::uint64_t* scores;
    std::uint64_t* contributions;
    CriterionStatus* status;
};

// Re-weights when criteria were excluded: see the header. `contributions` (may be null) hold
// score x weight on entry (0 for the excluded) and the re-weighted shares on exit.
std::uint64_t reweight(const CompiledScorecard& card, std::uint64_t total, std::uint64_t present_weight,
                       std::uint64_t full_weight, std::uint64_t* contributions) {
    if (present_weight == 0)
        fail(ErrorCode::invalid_argument, "facts",
             "every criterion is missing and excluded: there is nothing to score");
    const RoundingMode mode = card.scorecard().rounding;
    const Decimal full{full_weight};
    const Decimal present{present_weight};
    const Decimal scaled_total = divide(Decimal{total} * full, present, 0, mode);
    const auto result = static_cast<std::uint64_t>(scaled_total.to_int64());
    if (contributions == nullptr) return result;
    const std::size_t n = card.size();
    std::vector<Decimal> remainders(n);
    std::uint64_t floors = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Decimal exact = Decimal{contributions[i]} * full;
        const Decimal part = divide(exact, present, 0, RoundingMode::floor);
        remainders[i] = exact - part * present;
        contributions[i] = static_cast<std::uint64_t>(part.to_int64());
        floors += contributions[i];
    }
    // The units left over go one each to the largest remainders, ties to the earlier criterion.
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (std::uint64_t left = result - floors, j = 0; left > 0; --left, ++j) ++contributions[order[j]];
    return result;
}

// Scores one row. `get(i)` gives criterion i's raw value or nullptr when missing.
template <class Get>
Summary run_row(const CompiledScorecard& card, Get&& get, bool named, const Breakdown* out) {
    const std::vector<detail::Kernel>& kernels = card.kernels();
    const std::size_t n = kernels.size();
    std::uint64_t total = 0;
    std::uint64_t excluded_weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const detail::Kernel& k = kernels[i];
        const Decimal* x = get(i);
        std::uint64_t s = 0;
        CriterionStatus status = CriterionStatus::scored;
        if (x != nullptr) {
            s = score_of(card, i, *x, named);
        } else {
            switch (k.missing) {
            case MissingData::error:
                fail(ErrorCode::not_found, field_of(card, i, named),
                     "the fact is missing and the criterion requires it (MissingData::error)");
            case MissingData::score_zero: status = CriterionStatus::missing_scored_zero; break;
            case MissingData::exclude:
                status = CriterionStatus::missing_excluded;
                excluded_weight += k.weight;
                break;
            }
        }
        const std::uint64_t contribution = s * k.weight;
        total += contribution;
        if (out != nullptr) {
            out->scores[i] = s;
            out->contributions[i] = contribution;
            out->status[i] = status;
        }
    }
    if (excluded_weight != 0) {
        const std::uint64_t full =
            kPow10[static_cast<std::size_t>(card.total_places() - card.scorecard().score_places)];
        total = reweight(card, total, full - excluded_weight, full,
                         out != nullptr ? out->contributions : nullptr);
    }
    return Summary{Score{Decimal::scaled(static_cast<std::int64_t>(total), -card.total_places())},
                   grade_of(card, total)};
}

// A named fact's value as the compiled form takes it (a lookup label becomes its code).
Decimal raw_for(const CompiledScorecard& card, std::size_t i, const FactValue& value) {
    const Criterion& c = card.scorecard().criteria[i];
    const bool is_lookup = std::holds_alternative<Lookup>(c.function);
    if (const auto* label = std::get_if<std::string>(&value)) {
        if (!is_lookup)
            fail(ErrorCode::invalid_argument, "facts." + c.id,
                 "criterion '" + c.id + "' takes a number, not the label '" + *label + "'");
        return card.category_code(i, *label);
    }
    if (is_lookup)
        fail(ErrorCode::invalid_argument, "facts." + c.id,
             "criterion '" + c.id + "' takes a category label, not a number");
    return std::get<Decimal>(value);
}

}  // namespace

// ---- CompiledScorecard ----

CompiledScorecard::CompiledScorecard(Scorecard card) : card_(std::move(card)) {
    validate(card_);
    const int places = card_.score_places;
    for (const Criterion& c : card_.criteria)
        weight_places_ = std::max(weight_places_, places_of(c.weight.value()));
    total_places_ = places + weight_places_ + 2;
    kernels_.reserve(card_.criteria.size());
    for (std::size_t i = 0; i < card_.criteria.size(); ++i) {
        const Criterion& c = card_.criteria[i];
        detail::Kernel k;
        if (const auto* steps = std::get_if<Steps>(&c.function))
            k = compile_steps(*steps, places);
        else if (const auto* lookup = std::get_if<Lookup>(&c.function))
            k = compile_lookup(*lookup, places);
        else
            k = compile_linear(points_of(c.function), places);
        k.missing = c.missing;
        std::int64_t w = 0;
        if (!to_units(round_to_scale(c.weight.value(), weight_places_, RoundingMode::down), -weight_places_,
                      w))
            fail(ErrorCode::invalid_argument, "scorecard.criteria[" + std::to_string(i) + "].weight",
                 "weight out of range");
        k.weight = static_cast<std::uint64_t>(w);
        kernels_.push_back(std::move(k));
        by_id_.emplace_back(c.id, i);
    }
    std::sort(by_id_.begin(), by_id_.end());
    for (std::size_t b = 0; b < card_.bands.size(); ++b) {
        std::int64_t floor = 0;
        // A floor with more places than a total has: inclusive, the smallest total reaching it
        // is its ceiling; exclusive, a total passes it when it passes its floor.
        const RoundingMode to_total =
            card_.band_floor == Boundary::inclusive ? RoundingMode::ceiling : RoundingMode::floor;
        to_units(round_to_scale(card_.bands[b].from.points(), total_places_, to_total), -total_places_,
                 floor);
        grade_floors_.emplace_back(static_cast<std::uint64_t>(floor), b);
    }
    std::sort(grade_floors_.begin(), grade_floors_.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
}

std::optional<std::size_t> CompiledScorecard::index_of(std::string_view id) const noexcept {
    const auto it =
        std::lower_bound(by_id_.begin(), by_id_.end(), id,
                         [](const auto& entry, std::string_view key) { return entry.first < key; });
    if (it == by_id_.end() || it->first != id) return std::nullopt;
    return it->second;
}

Decimal CompiledScorecard::category_code(std::size_t criterion, std::string_view label) const {
    if (criterion >= card_.criteria.size())
        fail(ErrorCode::invalid_argument, "criterion",
             "no criterion at position " + std::to_string(criterion));
    const Criterion& c = card_.criteria[criterion];
    const auto* lookup = std::get_if<Lookup>(&c.function);
    if (lookup == nullptr)
        fail(ErrorCode::invalid_argument, "facts." + c.id, "criterion '" + c.id + "' is not a lookup table");
    for (std::size_t j = 0; j < lookup->categories.size(); ++j)
        if (lookup->categories[j].label == label) return Decimal{j};
    if (lookup->otherwise) return Decimal{lookup->categories.size()};
    fail(ErrorCode::not_found, "facts." + c.id,
         "category '" + std::string(label) + "' is not in the table of criterion '" + c.id + "'");
}

// ---- evaluate ----

Summary evaluate(const CompiledScorecard& card, std::span<const Decimal> values) {
    if (values.size() != card.size())
        fail(ErrorCode::invalid_argument, "values",
             "expected " + std::to_string(card.size()) + " values, one per criterion, not " +
                 std::to_string(values.size()));
    const Decimal* data = values.data();
    return run_row(
        card, [data](std::size_t i) { return data + i; }, false, nullptr);
}

Summary evaluate(const CompiledScorecard& card, std::span<const std::optional<Decimal>> values) {
    if (values.size() != card.size())
        fail(ErrorCode::invalid_argument, "values",
             "expected " + std::to_string(card.size()) + " values, one per criterion, not " +
                 std::to_string(values.size()));
    return run_row(
        card, [&](std::size_t i) { return values[i] ? &*values[i] : nullptr; }, false, nullptr);
}

ScoreResult evaluate(const CompiledScorecard& card, const Facts& facts) {
    const std::size_t n = card.size();
    std::vector<std::optional<Decimal>> values(n);
    std::vector<const FactValue*> raws(n, nullptr);
    for (const Fact& f : facts) {
        const std::optional<std::size_t> i = card.index_of(f.criterion);
        if (!i)
            fail(ErrorCode::not_found, "facts." + f.criterion,
                 "the scorecard has no criterion '" + f.criterion + "'");
        if (raws[*i] != nullptr)
            fail(ErrorCode::duplicate, "facts." + f.criterion,
                 "criterion '" + f.criterion + "' is given twice");
        raws[*i] = &f.value;
        values[*i] = raw_for(card, *i, f.value);
    }
    std::vector<std::uint64_t> scores(n);
    std::vector<std::uint64_t> contributions(n);
    std::vector<CriterionStatus> status(n);
    const Breakdown out{scores.data(), contributions.data(), status.data()};
    const Summary summary = run_row(
        card, [&](std::size_t i) { return values[i] ? &*values[i] : nullptr; }, true, &out);

    const Scorecard& sc = card.scorecard();
    ScoreResult result;
    result.total = summary.total;
    result.grade = sc.bands[summary.grade].label;
    result.criteria.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        CriterionScore line;
        line.criterion = sc.criteria[i].id;
        if (raws[i] != nullptr) line.raw = *raws[i];
        line.score = Score{Decimal::scaled(static_cast<std::int64_t>(scores[i]), -sc.score_places)};
        line.weight = sc.criteria[i].weight;
        line.contribution =
            Score{Decimal::scaled(static_cast<std::int64_t>(contributions[i]), -card.total_places())};
        line.status = status[i];
        result.criteria.push_back(std::move(line));
    }
    return result;
}

ScoreResult evaluate(const Scorecard& card, const Facts& facts) {
    return evaluate(CompiledScorecard{card}, facts);
}

Score score_criterion(const CompiledScorecard& card, std::size_t criterion, const FactValue& raw) {
    if (criterion >= card.size())
        fail(ErrorCode::invalid_argument, "criterion",
             "no criterion at position " + std::to_string(criterion));
    const Decimal x = raw_for(card, criterion, raw);
    const std::uint64_t s = score_of(card, criterion, x, true);
    return Score{Decimal::scaled(static_cast<std::int64_t>(s), -card.scorecard().score_places)};
}

// ---- the batch path (src/scoring/block.hpp) ----

void detail::score_rows(const CompiledScorecard& card, const Decimal* rows, std::size_t count, Summary* out) {
    const std::size_t width = card.size();
    for (std::size_t begin = 0; begin < count; begin += kBlock) {
        const std::size_t n = std::min(kBlock, count - begin);
        const Decimal* block = rows + begin * width;
        const auto column_of = [block, width](std::size_t i, int exponent) {
            return [column = block + i, width, exponent](std::size_t j, std::int64_t& u) noexcept {
                return to_units(column[j * width], exponent, u);
            };
        };
        if (score_block(card, n, column_of, out + begin)) continue;
        for (std::size_t j = 0; j < n; ++j) {
            const Decimal* row = block + j * width;
            out[begin + j] = run_row(
                card, [row](std::size_t i) { return row + i; }, false, nullptr);
        }
    }
}

// ---- results ----

const CriterionScore* ScoreResult::find(std::string_view id) const noexcept {
    for (const CriterionScore& c : criteria)
        if (c.criterion == id) return &c;
    return nullptr;
}

std::string_view to_string(CriterionStatus s) noexcept {
    switch (s) {
    case CriterionStatus::scored: return "scored";
    case CriterionStatus::missing_scored_zero: return "missing_scored_zero";
    case CriterionStatus::missing_excluded: return "missing_excluded";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, CriterionStatus s) { return os << to_string(s); }

std::ostream& operator<<(std::ostream& os, const ScoreResult& r) {
    os << r.total << ' ' << r.grade << " [";
    for (std::size_t i = 0; i < r.criteria.size(); ++i) {
        const CriterionScore& c = r.criteria[i];
        if (i > 0) os << ", ";
        os << c.criterion << ' ';
        if (c.status == CriterionStatus::scored)
            os << c.score;
        else
            os << c.status;
        os << " x " << c.weight << " = " << c.contribution;
    }
    return os << ']';
}

std::ostream& operator<<(std::ostream& os, const Summary& s) {
    return os << s.total << " (band " << s.grade << ')';
}

}  // namespace crm::scoring
