#pragma once
/// \file
/// The ready-made credit rating (信用评级) and the credit limit it recommends: the rating band
/// gives a multiple of the account's average monthly revenue, rounded down to a granularity and
/// kept inside the policy's bounds. Domain: docs/domain.md section 4 (credit profile: limit,
/// rating) and section 7 ("Credit rating gives a recommended credit limit inside the policy's
/// bounds"). The figures about payment come from the credit area as plain numbers (this area
/// does not include crm/credit). Proven by tests/scoring/credit_rating_test.cpp.
///
/// The criteria, weights, bands, multiples and bounds are this library's defaults, not the seed's.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/score.hpp>
#include <crm/scoring/scorecard.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace crm::scoring {

/// The credit rating scorecard's parameters. Facts (criterion id: unit):
/// - `days_past_due`: average days past due of the account's paid invoices over 12 months
///   (from the credit area's aging, domain.md section 4);
/// - `turnover_days`: receivable turnover days (应收账款周转天数);
/// - `relationship_years`: years since the first deal;
/// - `annual_revenue`: revenue of the last 12 months, currency units;
/// - `debt_ratio`: the customer's debt-to-asset ratio (资产负债率) as a fraction.
struct CRM_EXPORT CreditRatingPolicy {
    /// 30%: lower is better, 0 days -> 100, 60 days -> 0 (15 days scores 75.00). Required.
    Criterion days_past_due{.id = "days_past_due",
                            .name = "days past due 平均逾期天数",
                            .weight = Percent{"30"},
                            .function = LowerIsBetter{.best = Decimal{0}, .worst = Decimal{60}}};
    /// 20%: lower is better, 30 -> 100, 120 -> 0. Excluded when missing.
    Criterion turnover_days{.id = "turnover_days",
                            .name = "turnover days 应收账款周转天数",
                            .weight = Percent{"20"},
                            .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}},
                            .missing = MissingData::exclude};
    /// 15%: steps, below 1 year 20, from 1 year 50, from 3 years 80, from 5 years 100.
    Criterion relationship_years{
        .id = "relationship_years",
        .name = "relationship 合作年限",
        .weight = Percent{"15"},
        .function =
            Steps{.below = Score{20},
                  .steps = {{Decimal{1}, Score{50}}, {Decimal{3}, Score{80}}, {Decimal{5}, Score{100}}}},
        .missing = MissingData::score_zero};
    /// 15%: linear, 0 -> 0, 20,000,000 -> 100. Required.
    Criterion annual_revenue{.id = "annual_revenue",
                             .name = "revenue 年销售额",
                             .weight = Percent{"15"},
                             .function = Linear{.lo = Decimal{0}, .hi = Decimal{20'000'000}}};
    /// 20%: lower is better, 40% -> 100, 80% -> 0. Excluded when the customer's accounts are not known.
    Criterion debt_ratio{
        .id = "debt_ratio",
        .name = "debt ratio 资产负债率",
        .weight = Percent{"20"},
        .function = LowerIsBetter{.best = Decimal::scaled(40, -2), .worst = Decimal::scaled(80, -2)},
        .missing = MissingData::exclude};
    /// AAA 90..100, AA 80..90, A 70..80, B 60..70, C 0..60.
    std::vector<Band> ratings{{"AAA", Score{90}, Score{100}},
                              {"AA", Score{80}, Score{90}},
                              {"A", Score{70}, Score{80}},
                              {"B", Score{60}, Score{70}},
                              {"C", Score{0}, Score{60}}};
    int score_places = 2;  ///< decimals of each criterion's score, 0 to 6; default 2
    /// How criterion scores are rounded; default half_up (四舍五入).
    RoundingMode rounding = RoundingMode::half_up;
};

/// The scorecard "credit rating" from the policy. Throws as `validate` does.
[[nodiscard]] CRM_EXPORT Scorecard credit_rating_scorecard(const CreditRatingPolicy& policy = {});

/// A rating band's credit limit: `months` of average monthly revenue.
struct CRM_EXPORT LimitMultiple {
    std::string rating{};  ///< the rating band's label (e.g. `AA`); unique in the policy
    Decimal months{};      ///< >= 0; 0 means no credit (cash in advance 款到发货)
};

/// How a rating becomes a credit limit. Invariants (checked by `recommend_credit_limit`):
/// ratings unique, months >= 0, granularity > 0, 0 <= minimum <= maximum, one currency.
struct CRM_EXPORT CreditLimitPolicy {
    /// The months of revenue per rating; default AAA 3, AA 2.5, A 2, B 1, C 0.
    std::vector<LimitMultiple> multiples{{"AAA", Decimal{3}},
                                         {"AA", Decimal::scaled(25, -1)},
                                         {"A", Decimal{2}},
                                         {"B", Decimal{1}},
                                         {"C", Decimal{0}}};
    Money minimum{Decimal{0}, Currency{"CNY"}};          ///< the policy's lower bound
    Money maximum{Decimal{5'000'000}, Currency{"CNY"}};  ///< the policy's cap
    Decimal granularity{10'000};  ///< limits are whole multiples of this many currency units, rounded down
};

/// Which bound, if any, decided the recommendation.
enum class LimitBound {
    none,               ///< the computed limit lies inside the bounds
    raised_to_minimum,  ///< the computed limit was below the minimum
    capped_at_maximum,  ///< the computed limit was above the maximum
};
/// The stable name: `none`, `raised_to_minimum` or `capped_at_maximum` ("unknown" for a value outside the
/// enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(LimitBound b) noexcept;
/// Prints to_string(b).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, LimitBound b);

/// A recommended credit limit with the figures behind it:
/// `recommended = clamp(floor_to_granularity(average_monthly_revenue x multiple), minimum, maximum)`.
struct CRM_EXPORT CreditLimitRecommendation {
    std::string rating{};             ///< the rating (信用等级) the limit was computed for
    Score rating_total{};             ///< the rating scorecard's total behind it (0 to 100)
    Decimal multiple{};               ///< the months of revenue that rating grants
    Money average_monthly_revenue{};  ///< the average monthly revenue the limit was computed from
    Money computed{};                 ///< average x multiple, rounded down to the granularity
    Money recommended{};              ///< computed, kept inside [minimum, maximum]
    /// Which bound decided the recommendation; none when it lies inside them.
    LimitBound bound = LimitBound::none;
    /// Memberwise equality.
    friend bool operator==(const CreditLimitRecommendation&, const CreditLimitRecommendation&) = default;
};

/// AA (2.5 months) on an average monthly revenue of CNY 812,345.67: 2,030,864.175, rounded down
/// to 10,000 -> CNY 2,030,000.00, inside [0, 5,000,000]. Throws crm::Error: a negative revenue
/// (invalid_argument, `average_monthly_revenue`), no multiple for the rating (not_found,
/// `policy.multiples`), a malformed policy (naming `policy.multiples[i].months`,
/// `policy.granularity`, `policy.minimum`, `policy.multiples[i].rating`), currencies that differ
/// (currency_mismatch).
[[nodiscard]] CRM_EXPORT CreditLimitRecommendation recommend_credit_limit(
    const ScoreResult& rating, const Money& average_monthly_revenue, const CreditLimitPolicy& policy = {});

}  // namespace crm::scoring
