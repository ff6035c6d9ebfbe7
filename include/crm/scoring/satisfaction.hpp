#pragma once
/// \file
/// The ready-made customer satisfaction index (客户满意度) from survey answers: weighted
/// questions on 1..5 or 1..10 scales, each answer mapped linearly to 0..100 (the lowest answer
/// 0, the highest 100), the index their weighted sum. Domain: docs/domain.md section 7
/// ("Customer satisfaction (客户满意度) from survey answers"). Proven by
/// tests/scoring/satisfaction_test.cpp.
///
/// The questions, weights and bands below are this library's defaults, not the seed's.

#include <crm/export.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/scoring/score.hpp>
#include <crm/scoring/scorecard.hpp>

#include <string>
#include <vector>

namespace crm::scoring {

/// One survey question: answers are whole or fractional numbers from 1 to `scale_max`
/// (5 or 10 usually); an answer outside 1..scale_max is malformed input (crm::Error
/// invalid_argument naming the answer, e.g. `facts.delivery`). Answer a scores 100 x (a - 1) / (scale_max -
/// 1): on 1..5, 4 scores 75.00; on 1..10, 8 scores 77.78 (700/9 = 77.777..., half up).
struct CRM_EXPORT SurveyQuestion {
    /// The question's key, used as the fact id of its answer (e.g. `delivery`); not empty, unique.
    std::string id{};
    std::string text{};  ///< the question as put to the customer; for people only
    Percent weight{};    ///< its share of the index; the weights sum to exactly 100%
    int scale_max = 5;   ///< at least 2
};

/// The survey and how its index is graded.
struct CRM_EXPORT SatisfactionPolicy {
    /// The questions; the default six cover quality, delivery, service, price, the account manager and
    /// recommendation.
    std::vector<SurveyQuestion> questions{
        {"product_quality", "产品质量 product quality", Percent{"25"}, 5},
        {"delivery", "交付及时 on-time delivery", Percent{"20"}, 5},
        {"service_response", "服务响应 service response", Percent{"20"}, 5},
        {"price_value", "价格合理 value for money", Percent{"15"}, 5},
        {"account_manager", "客户经理 account manager", Percent{"10"}, 5},
        {"recommend", "推荐意愿 would recommend", Percent{"10"}, 10},
    };
    /// very satisfied 85..100, satisfied 70..85, neutral 50..70, dissatisfied 0..50.
    std::vector<Band> bands{{"very satisfied", Score{85}, Score{100}},
                            {"satisfied", Score{70}, Score{85}},
                            {"neutral", Score{50}, Score{70}},
                            {"dissatisfied", Score{0}, Score{50}}};
    /// An unanswered question is left out and the others re-weighted.
    MissingData unanswered = MissingData::exclude;
    int score_places = 2;  ///< decimals of each question's score, 0 to 6; default 2
    /// How question scores are rounded; default half_up (四舍五入).
    RoundingMode rounding = RoundingMode::half_up;
};

/// The scorecard "satisfaction": one Linear criterion per question (1 -> 0, scale_max -> 100,
/// OutOfRange::reject). Throws crm::Error invalid_argument naming
/// `policy.questions[i].scale_max` for a scale below 2, and as `validate` does.
[[nodiscard]] CRM_EXPORT Scorecard satisfaction_scorecard(const SatisfactionPolicy& policy = {});

}  // namespace crm::scoring
