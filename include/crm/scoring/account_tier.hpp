#pragma once
/// \file
/// The ready-made account assessment: value and potential give the tier (评估目标客户的价值和
/// 潜力). Domain: docs/domain.md sections 1 ("Tier") and 7 ("Account assessment: value and
/// potential (revenue, growth, margin, payment behaviour, strategic fit, satisfaction) give the
/// tier"). Proven by tests/scoring/account_tier_test.cpp.
///
/// The criteria are the ones domain.md names; the numbers (points, weights, tier bands) are
/// this library's defaults, not figures from the seed: every one is a field to change.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/scoring/score.hpp>
#include <crm/scoring/scorecard.hpp>

#include <vector>

namespace crm::scoring {

/// The account tier scorecard's parameters, one Criterion per domain.md item, with defaults.
/// Facts (criterion id: unit):
/// - `revenue`: the account's revenue of the last 12 months, in currency units (CNY);
/// - `growth`: revenue growth over the previous 12 months as a fraction (0.12 is 12%);
/// - `gross_margin`: gross margin as a fraction of revenue;
/// - `payment_days`: the account's receivable turnover days (应收账款周转天数) from the credit
///   area (domain.md section 4), a plain number of days;
/// - `strategic_fit`: a category, `strategic`, `key`, `normal` or `low`;
/// - `satisfaction`: the account's satisfaction index, 0..100 (see satisfaction.hpp).
struct CRM_EXPORT AccountTierPolicy {
    /// 25%: linear, 0 -> 0 points, 10,000,000 -> 100 (5,000,000 scores 50.00). Required.
    Criterion revenue{.id = "revenue",
                      .name = "revenue 销售额",
                      .weight = Percent{"25"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{10'000'000}}};
    /// 15%: linear, -10% -> 0, +30% -> 100 (+10% scores 50.00). Excluded when missing (a new account
    /// has no previous year).
    Criterion growth{.id = "growth",
                     .name = "growth 增长率",
                     .weight = Percent{"15"},
                     .function = Linear{.lo = Decimal::scaled(-10, -2), .hi = Decimal::scaled(30, -2)},
                     .missing = MissingData::exclude};
    /// 15%: linear, 5% -> 0, 35% -> 100 (20% scores 50.00). Required.
    Criterion gross_margin{.id = "gross_margin",
                           .name = "gross margin 毛利率",
                           .weight = Percent{"15"},
                           .function = Linear{.lo = Decimal::scaled(5, -2), .hi = Decimal::scaled(35, -2)}};
    /// 20%: lower is better, 30 days -> 100, 120 days -> 0 (75 days scores 50.00). Excluded when
    /// missing (no receivables history yet).
    Criterion payment_days{.id = "payment_days",
                           .name = "payment behaviour 回款表现 (turnover days)",
                           .weight = Percent{"20"},
                           .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}},
                           .missing = MissingData::exclude};
    /// 10%: strategic 100, key 70, normal 40, low 10; missing scores 0.
    Criterion strategic_fit{.id = "strategic_fit",
                            .name = "strategic fit 战略匹配",
                            .weight = Percent{"10"},
                            .function = Lookup{.categories = {{"strategic", Score{100}},
                                                              {"key", Score{70}},
                                                              {"normal", Score{40}},
                                                              {"low", Score{10}}}},
                            .missing = MissingData::score_zero};
    /// 15%: linear, index 60 -> 0, 95 -> 100 (77.5 scores 50.00). Excluded when there is no survey.
    Criterion satisfaction{.id = "satisfaction",
                           .name = "satisfaction 客户满意度",
                           .weight = Percent{"15"},
                           .function = Linear{.lo = Decimal{60}, .hi = Decimal{95}},
                           .missing = MissingData::exclude};
    /// A 80..100, B 60..80, C 40..60, D 0..40 (domain.md section 1: "A/B/C").
    std::vector<Band> tiers{{"A", Score{80}, Score{100}},
                            {"B", Score{60}, Score{80}},
                            {"C", Score{40}, Score{60}},
                            {"D", Score{0}, Score{40}}};
    int score_places = 2;  ///< decimals of each criterion's score, 0 to 6; default 2
    /// How criterion scores are rounded; default half_up (四舍五入).
    RoundingMode rounding = RoundingMode::half_up;
};

/// The scorecard named "account tier" from the policy (criteria in the order above). Throws
/// crm::Error as `validate` does when the changed policy is malformed.
[[nodiscard]] CRM_EXPORT Scorecard account_tier_scorecard(const AccountTierPolicy& policy = {});

}  // namespace crm::scoring
