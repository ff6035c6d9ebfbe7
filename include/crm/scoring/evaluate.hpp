#pragma once
/// \file
/// Scoring facts with a scorecard: one subject with its breakdown (`evaluate(card, facts)`),
/// the compiled form for millions of subjects (`CompiledScorecard` + a dense row of values),
/// and batches on several threads. Domain: docs/domain.md section 7. Proven by
/// tests/scoring/evaluate_test.cpp (worked examples, bad input, properties) and
/// tests/scoring/batch_test.cpp (batch equals one at a time).
///
/// The arithmetic, exactly:
/// - a criterion's score is its function's value rounded to `score_places` decimals with the
///   scorecard's rounding mode (the exact rational value is rounded once, never a rounded
///   intermediate);
/// - its contribution is score x weight, exact: with weights of at most P decimal places (as a
///   percent) every contribution and the total have `score_places + P + 2` places;
/// - the total is the sum of the contributions, so they sum to it exactly;
/// - when criteria are excluded for missing data (MissingData::exclude), the others are
///   re-weighted to 100%: the total is sum(score x weight) / sum(present weights), rounded to
///   the same places with the scorecard's rounding mode, and the contributions are the exact
///   re-weighted shares rounded down, the units left over going one each to the largest
///   remainders (ties to the earlier criterion), so that they still sum exactly to the total.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/rate.hpp>
#include <crm/scoring/score.hpp>
#include <crm/scoring/scorecard.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm::scoring {

/// How a criterion entered a result.
enum class CriterionStatus {
    scored,               ///< its fact was given and scored
    missing_scored_zero,  ///< no fact; MissingData::score_zero gave it 0 points
    missing_excluded,     ///< no fact; MissingData::exclude left it out and re-weighted the rest
};
/// The stable name: `scored`, `missing_scored_zero` or `missing_excluded` ("unknown" for a value outside the
/// enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(CriterionStatus s) noexcept;
/// Prints to_string(s).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, CriterionStatus s);

/// One line of a result's breakdown: the raw value, its score, the declared weight and the
/// weighted contribution (points of the total). An excluded criterion has score and
/// contribution 0.
struct CRM_EXPORT CriterionScore {
    std::string criterion{};         ///< the criterion's id
    std::optional<FactValue> raw{};  ///< as given; empty when missing
    Score score{};                   ///< its score (0 to 100) at the scorecard's places; 0 when excluded
    /// Its declared weight (the share it would have had, even when others were re-weighted).
    Percent weight{};
    /// Its points of the total: score x weight (after re-weighting when criteria were excluded).
    Score contribution{};
    CriterionStatus status = CriterionStatus::scored;  ///< how it entered the result; default scored
    /// Memberwise equality.
    friend bool operator==(const CriterionScore&, const CriterionScore&) = default;
};

/// A scored subject: total (0..100), the grade band's label, and per criterion in the
/// scorecard's order the breakdown. Invariant: the contributions sum exactly to the total
/// (tests/scoring/evaluate_test.cpp, "contributions sum exactly to the total").
struct CRM_EXPORT ScoreResult {
    Score total{};        ///< the weighted total, 0 to 100, exactly the sum of the contributions
    std::string grade{};  ///< the label of the grade band (等级) the total falls in
    /// The breakdown, one line per criterion in the scorecard's order.
    std::vector<CriterionScore> criteria{};

    /// The line of criterion `id`, or nullptr.
    [[nodiscard]] const CriterionScore* find(std::string_view id) const noexcept;
    /// Memberwise equality.
    friend bool operator==(const ScoreResult&, const ScoreResult&) = default;
};
/// `78.3125 B [revenue 25.00 x 25% = 6.2500, ...]`
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const ScoreResult& r);

/// The compact result of the compiled form: the total and the index of its band in the
/// scorecard's `bands` (as listed there). Same total and band as the full result.
struct CRM_EXPORT Summary {
    Score total{};          ///< the weighted total, as in the full result
    std::size_t grade = 0;  ///< the index of its band in Scorecard::bands
    /// Memberwise equality.
    friend bool operator==(const Summary&, const Summary&) = default;
};
/// Prints `<total> (band <index>)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Summary& s);

namespace detail {
/// One criterion's function in integer units, so that the hot path neither allocates nor
/// divides Decimals. Raw values are counted in units of 10^exponent and scores in units of
/// 10^-score_places; a raw value that does not fit (more decimals than `exponent` allows, or
/// above 10^18 units) is scored by the exact Decimal path instead, with the same result.
struct Kernel {
    enum class Kind : std::uint8_t { linear, steps, lookup };
    Kind kind = Kind::linear;
    MissingData missing = MissingData::error;
    bool reject_outside = false;  // Linear with OutOfRange::reject
    bool has_cliff = false;       // Achievement: raw < lo scores `cliff`
    bool descending = false;      // at_hi < at_lo
    bool ends_step = false;       // Steps with StepEdge::threshold_ends_step
    bool exact_only = false;      // points too large for 64-bit units: always the Decimal path
    int exponent = 0;             // raw units are 10^exponent
    std::int64_t lo = 0;          // linear: the two points in raw units, lo < hi
    std::int64_t hi = 0;
    std::uint64_t run = 1;    // hi - lo
    std::uint64_t rise = 0;   // |at_hi - at_lo| in score units
    std::uint64_t at_lo = 0;  // scores in score units
    std::uint64_t at_hi = 0;
    std::uint64_t cliff = 0;
    std::vector<std::int64_t> thresholds{};    // steps, raw units, increasing
    std::vector<std::uint64_t> scores{};       // steps: below, then one per threshold; lookup: per category
    std::optional<std::uint64_t> otherwise{};  // lookup
    std::uint64_t weight = 0;                  // the weight as a fraction in units of 10^-(weight_places + 2)
};
}  // namespace detail

/// A validated scorecard prepared for scoring many subjects: each function in integer units,
/// criteria ids indexed, band thresholds in units of the total. Immutable and safe to share
/// between threads. Build once, score millions (tests/scoring/evaluate_test.cpp proves the
/// compiled and named paths agree).
class CRM_EXPORT CompiledScorecard {
public:
    /// Validates (throws crm::Error as `validate` does) and compiles.
    explicit CompiledScorecard(Scorecard card);
    /// Copying keeps the compiled form. There is no separate move: moving copies, so a
    /// moved-from CompiledScorecard is still the same valid scorecard and every call on it
    /// (evaluate, evaluate_batch) behaves as on the original; a compiled scorecard without
    /// criteria cannot exist (tests/scoring/evaluate_test.cpp, "a moved-from compiled
    /// scorecard still scores").
    CompiledScorecard(const CompiledScorecard&) = default;
    /// Copy assignment keeps the compiled form (see the copy constructor).
    CompiledScorecard& operator=(const CompiledScorecard&) = default;
    ~CompiledScorecard() = default;

    /// The scorecard as given (validated).
    [[nodiscard]] const Scorecard& scorecard() const noexcept { return card_; }
    /// The number of criteria: the length of a dense row of values.
    [[nodiscard]] std::size_t size() const noexcept { return kernels_.size(); }
    /// The position of criterion `id` in a dense row, if the scorecard has it.
    [[nodiscard]] std::optional<std::size_t> index_of(std::string_view id) const noexcept;
    /// The value that stands for category `label` of lookup criterion `criterion` in a dense
    /// row (its position in the table). Throws not_found for an unknown label,
    /// invalid_argument when the criterion is not a lookup.
    [[nodiscard]] Decimal category_code(std::size_t criterion, std::string_view label) const;
    /// Decimal places of every contribution and total: score_places + weight places + 2.
    [[nodiscard]] int total_places() const noexcept { return total_places_; }

    /// The compiled criteria (implementation view).
    [[nodiscard]] const std::vector<detail::Kernel>& kernels() const noexcept { return kernels_; }
    /// Which side of a band's `from` a total equal to it falls on (Scorecard::band_floor).
    [[nodiscard]] Boundary band_floor() const noexcept { return card_.band_floor; }
    /// Band thresholds in units of the total, highest first, with the band's index.
    [[nodiscard]] const std::vector<std::pair<std::uint64_t, std::size_t>>& grade_floors() const noexcept {
        return grade_floors_;
    }

private:
    Scorecard card_{};
    std::vector<detail::Kernel> kernels_{};
    std::vector<std::pair<std::string, std::size_t>> by_id_{};  // sorted by id
    std::vector<std::pair<std::uint64_t, std::size_t>> grade_floors_{};
    int weight_places_ = 0;
    int total_places_ = 0;
};

/// Scores one subject's named facts, with the full breakdown. Throws crm::Error: a fact naming
/// no criterion (not_found, `facts.<name>`), a criterion given twice (duplicate), a number for
/// a lookup criterion or a label for a numeric one (invalid_argument), an unknown category
/// without `otherwise` (not_found), a missing fact whose policy is MissingData::error
/// (not_found), a raw value outside a rejecting Linear (invalid_argument), every weighted
/// criterion excluded (invalid_argument, `facts`).
[[nodiscard]] CRM_EXPORT ScoreResult evaluate(const CompiledScorecard& card, const Facts& facts);
/// As above; validates and compiles `card` on each call (compile once for many subjects).
[[nodiscard]] CRM_EXPORT ScoreResult evaluate(const Scorecard& card, const Facts& facts);

/// The hot path: one subject's values in criterion order, every one present (a lookup
/// criterion takes `category_code`). No allocation. Throws invalid_argument naming `values`
/// for a row of the wrong length, and as above naming `values[i]`.
[[nodiscard]] CRM_EXPORT Summary evaluate(const CompiledScorecard& card, std::span<const Decimal> values);
/// As above, where an empty optional is a missing fact (its criterion's policy applies).
[[nodiscard]] CRM_EXPORT Summary evaluate(const CompiledScorecard& card,
                                          std::span<const std::optional<Decimal>> values);

/// One criterion's score for a raw value (what-if: "what would 45 days score?"). Throws as
/// `evaluate` does, naming `facts.<id>`; `criterion` must be below `card.size()`.
[[nodiscard]] CRM_EXPORT Score score_criterion(const CompiledScorecard& card, std::size_t criterion,
                                               const FactValue& raw);

/// Reports a batch's progress to the host's UI: `done` of `total` subjects scored. Called on
/// the calling thread only, never concurrently, with non-decreasing `done`; the last call is
/// `(total, total)` (after every result is written).
using Progress = std::function<void(std::size_t done, std::size_t total)>;

/// Scores every subject on up to `threads` threads (0: the hardware's count; more than the
/// subjects: one per subject). The results equal `evaluate` one at a time, in input order, on
/// any number of threads (tests/scoring/batch_test.cpp). Threads < 0 throws invalid_argument
/// naming `threads`. When subjects have bad facts, the error of the first such subject (in
/// input order) is thrown, after every thread has stopped; no partial result escapes.
[[nodiscard]] CRM_EXPORT std::vector<ScoreResult> evaluate_batch(const CompiledScorecard& card,
                                                                 std::span<const Facts> facts, int threads,
                                                                 const Progress& progress = {});
/// As above; validates and compiles `card` once for the whole batch.
[[nodiscard]] CRM_EXPORT std::vector<ScoreResult> evaluate_batch(const Scorecard& card,
                                                                 std::span<const Facts> facts, int threads,
                                                                 const Progress& progress = {});
/// The dense batch: `rows` holds `card.size()` values per subject, row after row (its length
/// must be a multiple, else invalid_argument naming `rows`); one Summary per row.
[[nodiscard]] CRM_EXPORT std::vector<Summary> evaluate_batch(const CompiledScorecard& card,
                                                             std::span<const Decimal> rows, int threads,
                                                             const Progress& progress = {});
/// As above, into `out` (one slot per row; a wrong length throws invalid_argument naming `out`).
CRM_EXPORT void evaluate_batch(const CompiledScorecard& card, std::span<const Decimal> rows,
                               std::span<Summary> out, int threads, const Progress& progress = {});

}  // namespace crm::scoring
