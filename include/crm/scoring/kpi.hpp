#pragma once
/// \file
/// The ready-made performance evaluation (业绩评估和考核) of key-account managers and regions,
/// built on the six responsibilities domain.md section 7 makes them answerable for:
/// (1) sales and collection plans met -> `sales_achievement`, `collection_achievement`;
/// (2) receivables kept within their cap -> `receivables_vs_cap`;
/// (3) receivable turnover days shortened toward target -> `turnover_days_over_target`;
/// (4) sales expense controlled, 销售费用率 = sales expense / revenue -> `sales_expense_ratio`;
/// (5) strategic relationships kept -> `satisfaction`, `visit_plan_kept`;
/// (6) new products opened in the market -> `new_product_share`.
/// Ratios follow domain.md section 4 (回款率 = actual / planned collection) and section 7.
/// The points, weights and bands are this library's defaults, not the seed's. Proven by
/// tests/scoring/kpi_test.cpp.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/scoring/score.hpp>
#include <crm/scoring/scorecard.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace crm::scoring {

/// The KPI scorecard's parameters, eight criteria with defaults (all fractions: 0.95 is 95%).
struct CRM_EXPORT KpiPolicy {
    /// 25%: sales achievement (销售计划完成率) = actual / plan revenue; Achievement defaults:
    /// 0 below 60%, then 100 x ratio / 1.2 up to 120% (100% scores 83.33). Required.
    Criterion sales_achievement{.id = "sales_achievement",
                                .name = "sales achievement 销售计划完成率",
                                .weight = Percent{"25"},
                                .function = Achievement{}};
    /// 20%: collection rate (回款率) = actual / planned collection; 0 below 60%, then 100 x ratio,
    /// capped at 100% (95% scores 95.00). Required.
    Criterion collection_achievement{.id = "collection_achievement",
                                     .name = "collection rate 回款率",
                                     .weight = Percent{"20"},
                                     .function = Achievement{.floor = Decimal::scaled(60, -2),
                                                             .cap = Decimal{1},
                                                             .at_floor = Score{60},
                                                             .at_cap = Score{100}}};
    /// 10%: receivables / their cap (应收账款控制规模); within the cap (<= 100%) scores 100, falling
    /// linearly to 0 at 130% (115% scores 50.00). Required.
    Criterion receivables_vs_cap{
        .id = "receivables_vs_cap",
        .name = "receivables vs cap 应收账款/控制规模",
        .weight = Percent{"10"},
        .function = LowerIsBetter{.best = Decimal{1}, .worst = Decimal::scaled(130, -2)}};
    /// 15%: receivable turnover days minus the target (应收账款周转天数 vs 目标), in days; at or
    /// below target scores 100, 30 days over scores 0 (12 days over scores 60.00). Required.
    Criterion turnover_days_over_target{.id = "turnover_days_over_target",
                                        .name = "turnover days over target 周转天数超目标",
                                        .weight = Percent{"15"},
                                        .function = LowerIsBetter{.best = Decimal{0}, .worst = Decimal{30}}};
    /// 10%: sales expense ratio (销售费用率) = sales expense / revenue; 3% or less scores 100,
    /// 8% or more 0 (5% scores 60.00). Required.
    Criterion sales_expense_ratio{
        .id = "sales_expense_ratio",
        .name = "sales expense ratio 销售费用率",
        .weight = Percent{"10"},
        .function = LowerIsBetter{.best = Decimal::scaled(3, -2), .worst = Decimal::scaled(8, -2)}};
    /// 5%: the accounts' satisfaction index (0..100); 60 -> 0, 95 -> 100. Excluded when no survey ran.
    Criterion satisfaction{.id = "satisfaction",
                           .name = "customer satisfaction 客户满意度",
                           .weight = Percent{"5"},
                           .function = Linear{.lo = Decimal{60}, .hi = Decimal{95}},
                           .missing = MissingData::exclude};
    /// 5%: visit plan kept (拜访计划完成率) = visits made / planned; 0 below 50%, then 100 x ratio,
    /// capped at 100%. Excluded when no visit was planned.
    Criterion visit_plan_kept{.id = "visit_plan_kept",
                              .name = "visit plan kept 拜访计划完成率",
                              .weight = Percent{"5"},
                              .function = Achievement{.floor = Decimal::scaled(50, -2),
                                                      .cap = Decimal{1},
                                                      .at_floor = Score{50},
                                                      .at_cap = Score{100}},
                              .missing = MissingData::exclude};
    /// 10%: new-product revenue share (新产品销售占比) = new-product revenue / revenue; 0 -> 0,
    /// 20% or more -> 100 (5% scores 25.00). Missing scores 0.
    Criterion new_product_share{.id = "new_product_share",
                                .name = "new-product share 新产品销售占比",
                                .weight = Percent{"10"},
                                .function = Linear{.lo = Decimal{0}, .hi = Decimal::scaled(20, -2)},
                                .missing = MissingData::score_zero};
    /// A (优秀) 90..100, B (良好) 75..90, C (合格) 60..75, D (待改进) 0..60.
    std::vector<Band> bands{{"A", Score{90}, Score{100}},
                            {"B", Score{75}, Score{90}},
                            {"C", Score{60}, Score{75}},
                            {"D", Score{0}, Score{60}}};
    int score_places = 2;                           ///< decimals of a criterion's score, 0..6; default 2
    RoundingMode rounding = RoundingMode::half_up;  ///< how scores are rounded; default 四舍五入
};

/// The scorecard "key-account manager KPI" (the same card scores a region). Throws as
/// `validate` does.
[[nodiscard]] CRM_EXPORT Scorecard kpi_scorecard(const KpiPolicy& policy = {});

/// A manager's (or region's) figures for a period, as the plans and the ledgers give them.
/// Amounts share one currency. Turnover days come from the credit area as plain numbers.
struct CRM_EXPORT KpiFigures {
    Money sales_plan{};  ///< planned revenue (销售计划); zero: achievement missing
    /// Revenue (销售额); zero leaves the expense ratio and the new-product share missing.
    Money sales_actual{};
    Money collection_plan{};                        ///< planned collection (回款计划); zero: rate missing
    Money collection_actual{};                      ///< collected in the period (实际回款)
    Money receivables{};                            ///< open receivables at the period end
    Money receivable_cap{};                         ///< 应收账款控制规模
    std::optional<Decimal> turnover_days{};         ///< 应收账款周转天数 of the period
    std::optional<Decimal> target_turnover_days{};  ///< the target for it
    Money sales_expense{};                          ///< 销售费用
    std::optional<Score> satisfaction{};            ///< the accounts' satisfaction index
    /// Visits the visit plan called for (拜访计划); 0 leaves visit_plan_kept missing.
    std::int64_t visits_planned = 0;
    std::int64_t visits_made = 0;  ///< visits made in the period
    Money new_product_revenue{};   ///< revenue from new products (新产品销售额), within sales_actual
};

/// The KPI facts from the figures: each ratio rounded to `ratio_places` decimals with `mode`
/// (ratios: sales_actual / sales_plan, collection_actual / collection_plan, receivables /
/// receivable_cap, sales_expense / sales_actual, visits_made / visits_planned,
/// new_product_revenue / sales_actual; turnover days over target = turnover_days -
/// target_turnover_days). A ratio over a zero denominator, or turnover days not given, is
/// left out, so the criterion's MissingData policy decides. Throws crm::Error: amounts in
/// different currencies (currency_mismatch), a negative amount or visit count
/// (invalid_argument naming the field, e.g. `figures.sales_plan`), `ratio_places` outside 0..12.
[[nodiscard]] CRM_EXPORT Facts kpi_facts(const KpiFigures& figures, int ratio_places = 4,
                                         RoundingMode mode = RoundingMode::half_up);

/// Two more things the seed makes a manager answerable for: keeping the expense budget, and
/// shortening the turnover days against the previous period (not only against a target).
/// Added to the KPI card by `kpi_scorecard(policy, trends)`.
struct CRM_EXPORT KpiTrendPolicy {
    /// 5%: expense plan kept (费用预算执行率) = sales expense / expense plan; within the budget
    /// (<= 100%) scores 100, falling linearly to 0 at 120% (110% scores 50.00). Excluded when
    /// there is no expense plan.
    Criterion expense_plan_kept{
        .id = "expense_plan_kept",
        .name = "expense plan kept 费用预算执行率",
        .weight = Percent{"5"},
        .function = LowerIsBetter{.best = Decimal{1}, .worst = Decimal::scaled(120, -2)},
        .missing = MissingData::exclude};
    /// 5%: turnover days shortened (周转天数缩短) = previous period's days - this period's; 10 or
    /// more days shorter scores 100, unchanged 50, 10 or more days longer 0. Excluded when either
    /// period's days are not given.
    Criterion turnover_days_shortened{.id = "turnover_days_shortened",
                                      .name = "turnover days shortened 周转天数缩短",
                                      .weight = Percent{"5"},
                                      .function = Linear{.lo = Decimal{-10}, .hi = Decimal{10}},
                                      .missing = MissingData::exclude};
};

/// The KPI card with the trend criteria added: the eight criteria of `policy` keep their
/// proportions, scaled to 100% less the trend weights (with the defaults: 90%, so 25% becomes
/// 22.5%), and the two trend criteria follow. Throws as `validate` does. Proven by
/// tests/scoring/kpi_trend_test.cpp.
[[nodiscard]] CRM_EXPORT Scorecard kpi_scorecard(const KpiPolicy& policy, const KpiTrendPolicy& trends);

/// The figures of the trend criteria.
struct CRM_EXPORT KpiTrendFigures {
    Money expense_plan{};                             ///< 费用预算 of the period
    Money sales_expense{};                            ///< 销售费用 of the period
    std::optional<Decimal> turnover_days{};           ///< this period
    std::optional<Decimal> previous_turnover_days{};  ///< the previous period
};

/// `kpi_facts(figures)` followed by the trend facts: expense_plan_kept = sales_expense /
/// expense_plan rounded to `ratio_places` (left out for a zero plan), turnover_days_shortened =
/// previous - this period (left out unless both are given). Throws as kpi_facts does, and
/// invalid_argument naming `trends.expense_plan` / `trends.sales_expense` for a negative amount,
/// currency_mismatch naming `trends.expense_plan_kept`.
[[nodiscard]] CRM_EXPORT Facts kpi_facts(const KpiFigures& figures, const KpiTrendFigures& trends,
                                         int ratio_places = 4, RoundingMode mode = RoundingMode::half_up);

}  // namespace crm::scoring
