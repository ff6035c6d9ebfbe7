#include <crm/core/error.hpp>
#include <crm/scoring/kpi.hpp>

#include <string>

namespace crm::scoring {

Scorecard kpi_scorecard(const KpiPolicy& policy) {
    Scorecard card{
        .name = "key-account manager KPI",
        .criteria = {policy.sales_achievement, policy.collection_achievement, policy.receivables_vs_cap,
                     policy.turnover_days_over_target, policy.sales_expense_ratio, policy.satisfaction,
                     policy.visit_plan_kept, policy.new_product_share},
        .bands = policy.bands,
        .score_places = policy.score_places,
        .rounding = policy.rounding,
    };
    validate(card);
    return card;
}

namespace {

void non_negative(const Money& m, const char* field) {
    if (m.signum() < 0) throw Error(ErrorCode::invalid_argument, field, "an amount here cannot be negative");
}

}  // namespace

Facts kpi_facts(const KpiFigures& f, int ratio_places, RoundingMode mode) {
    if (ratio_places < 0 || ratio_places > 12)
        throw Error(ErrorCode::invalid_argument, "ratio_places", "ratio_places must lie within 0..12");
    non_negative(f.sales_plan, "figures.sales_plan");
    non_negative(f.sales_actual, "figures.sales_actual");
    non_negative(f.collection_plan, "figures.collection_plan");
    non_negative(f.collection_actual, "figures.collection_actual");
    non_negative(f.receivables, "figures.receivables");
    non_negative(f.receivable_cap, "figures.receivable_cap");
    non_negative(f.sales_expense, "figures.sales_expense");
    non_negative(f.new_product_revenue, "figures.new_product_revenue");
    if (f.visits_planned < 0)
        throw Error(ErrorCode::invalid_argument, "figures.visits_planned", "cannot be negative");
    if (f.visits_made < 0)
        throw Error(ErrorCode::invalid_argument, "figures.visits_made", "cannot be negative");

    Facts facts;
    const auto add_ratio = [&](const char* id, const Money& numerator, const Money& denominator) {
        if (numerator.currency() != denominator.currency())  // ratio() says so too, but name the pair here
            throw Error(ErrorCode::currency_mismatch, std::string("figures.") + id,
                        "the amounts of one ratio must share a currency");
        if (denominator.is_zero()) return;  // undefined: the criterion's missing-data policy decides
        facts.push_back({id, ratio(numerator, denominator, ratio_places, mode).value()});
    };
    add_ratio("sales_achievement", f.sales_actual, f.sales_plan);
    add_ratio("collection_achievement", f.collection_actual, f.collection_plan);
    add_ratio("receivables_vs_cap", f.receivables, f.receivable_cap);
    if (f.turnover_days && f.target_turnover_days)
        facts.push_back({"turnover_days_over_target", *f.turnover_days - *f.target_turnover_days});
    add_ratio("sales_expense_ratio", f.sales_expense, f.sales_actual);
    if (f.satisfaction) facts.push_back({"satisfaction", f.satisfaction->points()});
    if (f.visits_planned > 0)
        facts.push_back({"visit_plan_kept",
                         divide(Decimal{f.visits_made}, Decimal{f.visits_planned}, ratio_places, mode)});
    add_ratio("new_product_share", f.new_product_revenue, f.sales_actual);
    return facts;
}

Scorecard kpi_scorecard(const KpiPolicy& policy, const KpiTrendPolicy& trends) {
    Scorecard card = kpi_scorecard(policy);
    const Decimal added =
        trends.expense_plan_kept.weight.value() + trends.turnover_days_shortened.weight.value();
    // Each base weight x (100 - added) / 100: exact (a division by 100), and the base weights
    // summed to 100, so they now sum to 100 - added.
    for (Criterion& c : card.criteria)
        c.weight = Percent{c.weight.value() * (Decimal{100} - added) * Decimal::scaled(1, -2)};
    card.criteria.push_back(trends.expense_plan_kept);
    card.criteria.push_back(trends.turnover_days_shortened);
    validate(card);
    return card;
}

Facts kpi_facts(const KpiFigures& figures, const KpiTrendFigures& trends, int ratio_places,
                RoundingMode mode) {
    Facts facts = kpi_facts(figures, ratio_places, mode);
    non_negative(trends.expense_plan, "trends.expense_plan");
    non_negative(trends.sales_expense, "trends.sales_expense");
    if (trends.expense_plan.currency() != trends.sales_expense.currency())
        throw Error(ErrorCode::currency_mismatch, "trends.expense_plan_kept",
                    "the amounts of one ratio must share a currency");
    if (!trends.expense_plan.is_zero())
        facts.push_back({"expense_plan_kept",
                         ratio(trends.sales_expense, trends.expense_plan, ratio_places, mode).value()});
    if (trends.turnover_days && trends.previous_turnover_days)
        facts.push_back({"turnover_days_shortened", *trends.previous_turnover_days - *trends.turnover_days});
    return facts;
}

}  // namespace crm::scoring
