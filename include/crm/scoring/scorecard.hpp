#pragma once
/// \file
/// Scorecards (评分卡): criteria with scoring functions and weights, a policy for missing data,
/// and grade bands. Domain: docs/domain.md section 7. A Scorecard is plain data; `validate`
/// checks it (tests/scoring/scorecard_test.cpp), crm/scoring/evaluate.hpp scores facts with it.
///
/// ```cpp
/// using namespace crm::scoring;
/// Scorecard card{
///     .name = "demo",
///     .criteria = {
///         {.id = "revenue", .weight = crm::Percent{"60"},
///          .function = Linear{.lo = crm::Decimal{0}, .hi = crm::Decimal{10'000'000}}},
///         {.id = "turnover_days", .weight = crm::Percent{"40"},
///          .function = LowerIsBetter{.best = crm::Decimal{30}, .worst = crm::Decimal{120}}},
///     },
///     .bands = {{"A", Score{80}, Score{100}}, {"B", Score{50}, Score{80}}, {"C", Score{0}, Score{50}}},
/// };
/// ```

#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/scoring/score.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace crm::scoring {

/// What a raw value outside a linear function's two points does.
enum class OutOfRange {
    clamp,   ///< takes the score of the nearer point (the usual rule)
    reject,  ///< is malformed input: crm::Error (invalid_argument) naming `facts.<criterion>`
};

/// Linear between two points, clamped: `raw <= lo` scores `at_lo`, `raw >= hi` scores `at_hi`,
/// in between `at_lo + (raw - lo) * (at_hi - at_lo) / (hi - lo)`, rounded to the scorecard's
/// places with its rounding mode. Revenue 0 -> 0 points, 10,000,000 -> 100: 2,500,000 scores
/// 25.00. Invariants (validated): lo < hi; both scores in 0..100 with at most `score_places`
/// decimals. Higher is better when at_hi >= at_lo, lower is better otherwise. Proven by
/// tests/scoring/scorecard_test.cpp (suite scoring.functions) and properties_test.cpp.
struct CRM_EXPORT Linear {
    Decimal lo{};      ///< the raw value that scores `at_lo`, in the criterion's unit; below hi
    Decimal hi{};      ///< the raw value that scores `at_hi`; above lo
    Score at_lo{0};    ///< the score at and below `lo`; default 0
    Score at_hi{100};  ///< the score at and above `hi`; default 100
    OutOfRange out_of_range = OutOfRange::clamp;  ///< what a raw value outside lo..hi does; default clamp
    /// Memberwise equality.
    friend bool operator==(const Linear&, const Linear&) = default;
};

/// Lower is better (turnover days 应收账款周转天数, expense ratio 销售费用率): `raw <= best` scores
/// `at_best`, `raw >= worst` scores `at_worst`, linear in between. Turnover days, best 30 and
/// worst 120: 75 days scores 100 - (75 - 30) * 100 / 90 = 50.00. Invariants: best < worst,
/// at_best >= at_worst, both in 0..100. Proven as Linear is.
struct CRM_EXPORT LowerIsBetter {
    /// The raw value at and below which the score is `at_best` (e.g. 30 turnover days); below worst.
    Decimal best{};
    Decimal worst{};     ///< the raw value at and above which the score is `at_worst`; above best
    Score at_best{100};  ///< the score at and below `best`; default 100
    Score at_worst{0};   ///< the score at and above `worst`; default 0
    /// Memberwise equality.
    friend bool operator==(const LowerIsBetter&, const LowerIsBetter&) = default;
};

/// Achievement ratio (达成率 = actual / plan, as a fraction: 0.95 is 95%) with a floor and a
/// cap: below `floor` the score is `below_floor` (不足60%不得分); from `floor` to `cap` it is
/// linear from `at_floor` to `at_cap`; at and above `cap` it is `at_cap`. The defaults make
/// the score proportional to the achievement up to 120%: 100 x ratio / 1.2, so 60% -> 50.00,
/// 100% -> 83.33, 120% and more -> 100, and 59.99% -> 0. Invariants: floor < cap,
/// below_floor <= at_floor <= at_cap, all in 0..100. Proven as Linear is.
struct CRM_EXPORT Achievement {
    /// The lowest ratio that scores at all, as a fraction; default 0.60 (60%).
    Decimal floor{Decimal::scaled(60, -2)};
    /// The ratio from which the score is `at_cap`, as a fraction; default 1.20 (120%).
    Decimal cap{Decimal::scaled(120, -2)};
    Score below_floor{0};  ///< the score below the floor; default 0
    Score at_floor{50};    ///< the score at the floor; default 50
    Score at_cap{100};     ///< the score at and above the cap; default 100
    /// Memberwise equality.
    friend bool operator==(const Achievement&, const Achievement&) = default;
};

/// Which step a raw value equal to a threshold belongs to.
enum class StepEdge {
    threshold_starts_step,  ///< `raw >= from` reaches the step: [from, next from)
    threshold_ends_step,    ///< `raw > from` reaches the step: (from, next from] ("up to 30 days")
};

/// One step: raw values from `from` on score `score`.
struct CRM_EXPORT Step {
    Decimal from{};  ///< the threshold, in the criterion's unit; which side it falls on is Steps::edge
    Score score{};   ///< the score of raw values past the threshold (0 to 100)
    /// Memberwise equality.
    friend bool operator==(const Step&, const Step&) = default;
};

/// Step thresholds: below the first threshold the score is `below`; past each threshold the
/// step's score. Relationship years {1 -> 50, 3 -> 80, 5 -> 100}, below 20: 0.5 years -> 20,
/// 3 years -> 80. Invariants (validated): at least one step; thresholds strictly increasing;
/// scores in 0..100 and monotone (never down, or never up, along the thresholds), so a better
/// raw value never lowers the score. Proven as Linear is.
struct CRM_EXPORT Steps {
    Score below{0};             ///< the score below the first threshold; default 0
    std::vector<Step> steps{};  ///< the steps, thresholds strictly increasing; at least one
    /// Which step a raw value equal to a threshold belongs to; default the step it starts.
    StepEdge edge = StepEdge::threshold_starts_step;
    /// Memberwise equality.
    friend bool operator==(const Steps&, const Steps&) = default;
};

/// One category of a lookup table.
struct CRM_EXPORT Category {
    std::string label{};  ///< the category's label as the facts spell it (e.g. `key`); not empty, unique
    Score score{};        ///< the category's score (0 to 100)
    /// Memberwise equality.
    friend bool operator==(const Category&, const Category&) = default;
};

/// A lookup table for categorical values (strategic fit: strategic 100, key 70, normal 40).
/// A label not in the table scores `otherwise` if given, or is malformed input (crm::Error
/// not_found naming `facts.<criterion>`). Invariants: at least one category, labels unique
/// and not empty, scores in 0..100. Proven by tests/scoring/scorecard_test.cpp.
struct CRM_EXPORT Lookup {
    std::vector<Category> categories{};  ///< the categories; at least one
    /// The score of a label not in the table; none makes such a label malformed input.
    std::optional<Score> otherwise{};
    /// Memberwise equality.
    friend bool operator==(const Lookup&, const Lookup&) = default;
};

/// How a criterion turns its raw value into points.
using ScoringFunction = std::variant<Linear, LowerIsBetter, Achievement, Steps, Lookup>;

/// What a criterion whose fact is not given does.
enum class MissingData {
    error,       ///< the fact is required: crm::Error (not_found) naming `facts.<criterion>`
    score_zero,  ///< scores 0 points and keeps its weight
    exclude,     ///< leaves the total; the present criteria are re-weighted to 100%
};

/// One criterion of a scorecard. `id` is the facts' key; `weight` its share of the total.
/// Invariants (validated): id not empty and unique in the scorecard; weight > 0% with at most
/// 8 decimal places; the function valid.
struct CRM_EXPORT Criterion {
    std::string id{};    ///< the key facts use for this criterion (e.g. `revenue`); not empty, unique
    std::string name{};  ///< for people: "销售达成率 sales achievement"; may be empty
    Percent weight{};  ///< its share of the total, > 0%, at most 8 decimals; the weights sum to exactly 100%
    ScoringFunction function{};                ///< how the raw value becomes a score
    MissingData missing = MissingData::error;  ///< what a missing fact does; default error
    /// Memberwise equality.
    friend bool operator==(const Criterion&, const Criterion&) = default;
};

/// A grade band: totals between `from` and `to`. Which band a total equal to a band edge
/// belongs to is the scorecard's `band_floor`: inclusive (the default, "80分以上为A") puts
/// 80.00 in the band starting at 80, so a band is [from, to) and the band whose `to` is 100
/// includes 100; exclusive ("超过80分为A") puts 80.00 in the band below, so a band is
/// (from, to] and the band whose `from` is 0 includes 0. Bands may be listed in any order;
/// together they must cover 0..100 without gaps or overlaps (validated:
/// tests/scoring/scorecard_test.cpp, suite scoring.validate).
struct CRM_EXPORT Band {
    std::string label{};  ///< the grade (e.g. `A`); not empty, unique
    Score from{};         ///< the band's lower edge (0 to 100)
    Score to{};           ///< the band's upper edge (0 to 100), above `from`
    /// Memberwise equality.
    friend bool operator==(const Band&, const Band&) = default;
};

/// A scorecard: what is scored, how, how much each part counts and how totals are graded.
///
/// Arithmetic (documented in docs/scoring.md, proven by tests/scoring/evaluate_test.cpp):
/// a criterion's score is rounded to `score_places` decimals with `rounding`; its weighted
/// contribution is score x weight, exact; the total is the exact sum of the contributions, so
/// the contributions sum to the total by construction. Only when criteria are excluded for
/// missing data does rounding enter again (see evaluate.hpp).
struct CRM_EXPORT Scorecard {
    std::string name{};  ///< a name for people and reports (e.g. `account tier 2024`); may be empty
    std::vector<Criterion> criteria{};              ///< at least one; weights sum to exactly 100%
    std::vector<Band> bands{};                      ///< at least one; cover 0..100 without gaps or overlaps
    int score_places = 2;                           ///< decimals of a criterion's score, 0..6
    RoundingMode rounding = RoundingMode::half_up;  ///< 四舍五入 by default
    /// The side of a band's `from` a total equal to it falls on (see Band). Default inclusive,
    /// the reading of "80分以上": a total of exactly 80.00 is already in the band from 80.
    Boundary band_floor = Boundary::inclusive;
    /// Memberwise equality.
    friend bool operator==(const Scorecard&, const Scorecard&) = default;
};

/// Throws crm::Error naming the offending field (`scorecard.criteria[2].function.steps[1].from`):
/// no criteria; an empty or duplicate id; a weight <= 0% or with more than 8 decimals; weights
/// not summing to exactly 100% (inconsistent, `scorecard.criteria[*].weight`); a function's
/// points out of order (lo >= hi, best >= worst, floor >= cap), step thresholds not strictly
/// increasing, non-monotone step scores, a score outside 0..100 or with more than
/// `score_places` decimals, an empty or duplicate category; no bands, an empty or duplicate
/// label, a band with from >= to or outside 0..100, bands with a gap or an overlap, bands not
/// starting at 0 or not ending at 100 (inconsistent, `scorecard.bands[i].from` / `.to`);
/// `score_places` outside 0..6.
CRM_EXPORT void validate(const Scorecard& card);

/// A fact's value: a number (in the unit the criterion documents) or a category label.
using FactValue = std::variant<Decimal, std::string>;

/// One named fact: `{"revenue", Decimal{"12500000"}}`, `{"strategic_fit", "key"}`.
struct CRM_EXPORT Fact {
    std::string criterion{};  ///< the id of the criterion the fact is for
    FactValue value{};        ///< the raw value: a number in the criterion's unit or a category label
    /// Memberwise equality.
    friend bool operator==(const Fact&, const Fact&) = default;
};

/// The facts of one subject (an account, a manager), in any order. A criterion without a fact
/// follows its MissingData policy; a fact naming no criterion, or the same criterion twice,
/// is malformed input.
using Facts = std::vector<Fact>;

/// The criterion of `card` with this id, or nullptr.
[[nodiscard]] CRM_EXPORT const Criterion* find_criterion(const Scorecard& card, std::string_view id) noexcept;
/// The criterion of `card` with this id, to change a ready-made scorecard; throws crm::Error
/// (not_found) naming the criterion's path: `scorecard.criteria.revenue` for the id `revenue`.
[[nodiscard]] CRM_EXPORT Criterion& criterion(Scorecard& card, std::string_view id);

/// The stable name: `error`, `score_zero` or `exclude` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(MissingData m) noexcept;
/// Prints to_string(m).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, MissingData m);
/// The stable name: `clamp` or `reject` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(OutOfRange o) noexcept;
/// The stable name: `threshold_starts_step` or `threshold_ends_step` ("unknown" outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(StepEdge e) noexcept;
/// A fact's value as text: the number (`12500000.00`) or the label.
[[nodiscard]] CRM_EXPORT std::string to_string(const FactValue& v);

}  // namespace crm::scoring
