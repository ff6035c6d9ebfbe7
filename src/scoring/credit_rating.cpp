#include <crm/core/error.hpp>
#include <crm/scoring/credit_rating.hpp>

#include <ostream>
#include <set>
#include <string>

namespace crm::scoring {

Scorecard credit_rating_scorecard(const CreditRatingPolicy& policy) {
    Scorecard card{
        .name = "credit rating",
        .criteria = {policy.days_past_due, policy.turnover_days, policy.relationship_years,
                     policy.annual_revenue, policy.debt_ratio},
        .bands = policy.ratings,
        .score_places = policy.score_places,
        .rounding = policy.rounding,
    };
    validate(card);
    return card;
}

namespace {

void check(const CreditLimitPolicy& policy) {
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < policy.multiples.size(); ++i) {
        const LimitMultiple& m = policy.multiples[i];
        const std::string at = "policy.multiples[" + std::to_string(i) + "]";
        if (!seen.insert(m.rating).second)
            throw Error(ErrorCode::duplicate, at + ".rating", "rating '" + m.rating + "' is listed twice");
        if (m.months.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at + ".months", "a multiple cannot be negative");
    }
    if (policy.granularity.signum() <= 0)
        throw Error(ErrorCode::invalid_argument, "policy.granularity", "the granularity must be positive");
    if (policy.minimum.signum() < 0)
        throw Error(ErrorCode::invalid_argument, "policy.minimum", "the minimum limit cannot be negative");
    if (policy.minimum > policy.maximum)  // throws currency_mismatch across currencies
        throw Error(ErrorCode::inconsistent, "policy.minimum", "the minimum limit is above the maximum");
}

}  // namespace

CreditLimitRecommendation recommend_credit_limit(const ScoreResult& rating,
                                                 const Money& average_monthly_revenue,
                                                 const CreditLimitPolicy& policy) {
    check(policy);
    if (average_monthly_revenue.signum() < 0)
        throw Error(ErrorCode::invalid_argument, "average_monthly_revenue",
                    "the average monthly revenue cannot be negative");
    const LimitMultiple* multiple = nullptr;
    for (const LimitMultiple& m : policy.multiples)
        if (m.rating == rating.grade) multiple = &m;
    if (multiple == nullptr)
        throw Error(ErrorCode::not_found, "policy.multiples",
                    "no limit multiple for rating '" + rating.grade + "'");

    const Money product = average_monthly_revenue * multiple->months;  // exact
    // Rounded down to a whole number of granules: floor(product / granularity) x granularity.
    const Decimal granules = divide(product.amount(), policy.granularity, 0, RoundingMode::floor);
    const Money computed =
        round(Money{granules * policy.granularity, product.currency()}, RoundingMode::floor);

    CreditLimitRecommendation r{
        .rating = rating.grade,
        .rating_total = rating.total,
        .multiple = multiple->months,
        .average_monthly_revenue = average_monthly_revenue,
        .computed = computed,
        .recommended = computed,
    };
    if (computed < policy.minimum) {
        r.recommended = round(policy.minimum, RoundingMode::floor);
        r.bound = LimitBound::raised_to_minimum;
    } else if (computed > policy.maximum) {
        r.recommended = round(policy.maximum, RoundingMode::floor);
        r.bound = LimitBound::capped_at_maximum;
    }
    return r;
}

std::string_view to_string(LimitBound b) noexcept {
    switch (b) {
    case LimitBound::none: return "none";
    case LimitBound::raised_to_minimum: return "raised_to_minimum";
    case LimitBound::capped_at_maximum: return "capped_at_maximum";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, LimitBound b) { return os << to_string(b); }

}  // namespace crm::scoring
