#pragma once
/// \file
/// crm::scoring::Score: points on an assessment scale (评估/考核得分). Domain: docs/domain.md
/// section 7. Proven by tests/scoring/score_test.cpp.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/rate.hpp>

#include <compare>
#include <concepts>
#include <iosfwd>
#include <string>
#include <string_view>

namespace crm::scoring {

/// A number of points, exact. A criterion's score and a scorecard's total lie on the scale
/// 0..100 (a scorecard validates every score it declares into that range); a weighted
/// contribution is a share of the total in the same points. The scale (decimal places) is
/// whatever the Decimal carries: a criterion's score is rounded to its scorecard's
/// `score_places`, contributions and totals are exact (see crm/scoring/evaluate.hpp).
///
/// Only what makes sense exists: scores add and subtract (contributions sum to a total), a
/// score times a weight (Percent) is a contribution; a score is not money and not a percent,
/// so `Score + Percent`, `Score * Score` and `Money + Score` do not compile
/// (tests/scoring/score_test.cpp proves it with static_asserts).
class CRM_EXPORT Score {
public:
    /// Zero points.
    constexpr Score() noexcept = default;
    /// `Score{Decimal{"87.5"}}`.
    explicit Score(Decimal points) noexcept : points_(points) {}
    /// `Score{100}`, `Score{0}` (whole points).
    template <std::integral I>
        requires(!std::same_as<I, bool> && !std::same_as<I, char>)
    explicit Score(I points) noexcept : points_(points) {}
    /// `Score{"87.50"}`; throws crm::Error (parse_error) naming `score`.
    explicit Score(std::string_view points) : points_(Decimal::parse(points, {}, "score")) {}

    /// The points as a Decimal (its exponent kept: 87.50 has two places).
    [[nodiscard]] const Decimal& points() const noexcept { return points_; }

    /// Numeric comparison: 87.5 == 87.50.
    friend bool operator==(const Score& a, const Score& b) noexcept { return a.points_ == b.points_; }
    /// Numeric order of the points: 87.5 < 87.51.
    friend std::weak_ordering operator<=>(const Score& a, const Score& b) noexcept {
        return a.points_ <=> b.points_;
    }

    /// Exact; throws crm::Error (inexact) only past 38 digits.
    friend Score operator+(const Score& a, const Score& b) { return Score{a.points_ + b.points_}; }
    /// Exact; throws crm::Error (inexact) only past 38 digits.
    friend Score operator-(const Score& a, const Score& b) { return Score{a.points_ - b.points_}; }
    /// Adds `b` in place, exactly.
    Score& operator+=(const Score& b) { return *this = *this + b; }
    /// A weighted contribution, exact: 87.50 points x 15% = 13.1250 points.
    friend Score operator*(const Score& s, const Percent& weight) {
        return Score{s.points_ * weight.rate().value()};
    }
    /// The same contribution, weight first: 15% x 87.50 points = 13.1250 points.
    friend Score operator*(const Percent& weight, const Score& s) { return s * weight; }

    friend Score operator*(const Score&, const Score&) = delete;  // points x points has no meaning
    friend Score operator+(const Score&, const Percent&) = delete;
    friend Score operator+(const Score&, const Decimal&) = delete;

private:
    Decimal points_{};
};

/// The points as plain text: `87.50`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Score& s);
/// The points as plain text, as operator<< prints them: `87.50`.
[[nodiscard]] CRM_EXPORT std::string to_string(const Score& s);

}  // namespace crm::scoring
