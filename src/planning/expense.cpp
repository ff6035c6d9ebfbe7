// Expense effectiveness and the suggested reallocation: see crm/planning/expense.hpp.

#include <crm/core/error.hpp>
#include <crm/planning/expense.hpp>

#include <algorithm>
#include <set>
#include <string>

namespace crm::planning {

namespace {

inline constexpr ReasonText ratio_over{
    .code = "planning.expense_ratio_over",
    .en = "{region}: expense ratio {ratio} ({expense} on sales of {revenue}) is over the standard {standard}",
    .zh = "{region}：销售费用率 {ratio}（费用 {expense}，销售额 {revenue}），超过标准 {standard}",
};
inline constexpr ReasonText ratio_reaches{
    .code = "planning.expense_ratio_over",
    .en =
        "{region}: expense ratio {ratio} ({expense} on sales of {revenue}) reaches the standard {standard} "
        "or more",
    .zh = "{region}：销售费用率 {ratio}（费用 {expense}，销售额 {revenue}），达到标准 {standard} 以上",
};
inline constexpr ReasonText move_in{
    .code = "planning.expense_move_in",
    .en = "{region}: move {amount} of remaining expense budget in",
    .zh = "{region}：建议调入剩余费用预算 {amount}",
};
inline constexpr ReasonText move_out{
    .code = "planning.expense_move_out",
    .en = "{region}: move {amount} of remaining expense budget out",
    .zh = "{region}：建议调出剩余费用预算 {amount}",
};
inline constexpr ReasonText within{
    .code = "planning.expense_within",
    .en = "every region's expense is within its standard and the budget needs no move",
    .zh = "各区域销售费用率均在标准以内，费用预算无需调整",
};

}  // namespace

void ExpensePolicy::validate() const {
    const auto check = [](const Percent& p, const std::string& field) {
        if (p.value().signum() < 0 || p.value() > Decimal{100})
            throw Error(ErrorCode::invalid_argument, field, "a standard lies within 0..100%");
    };
    check(default_standard, "policy.default_standard");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < standards.size(); ++i) {
        const std::string at = "policy.standards[" + std::to_string(i) + "]";
        check(standards[i].standard, at + ".standard");
        if (!seen.insert(standards[i].region.value()).second)
            throw Error(ErrorCode::duplicate, at + ".region",
                        "region '" + standards[i].region.value() + "' is listed twice");
    }
    if (over != Boundary::inclusive && over != Boundary::exclusive)
        throw Error(ErrorCode::invalid_argument, "policy.over", "over must be inclusive or exclusive");
}

Percent ExpensePolicy::standard_of(const RegionId& region) const noexcept {
    for (const ExpenseStandard& s : standards)
        if (s.region == region) return s.standard;
    return default_standard;
}

ExpenseReview expense_review(const AnnualPlan& plan, const MonthlyPlanActual& progress,
                             const ExpensePolicy& policy) {
    plan.validate();
    policy.validate();
    for (std::size_t i = 0; i < policy.standards.size(); ++i)
        if (plan.find(policy.standards[i].region) == nullptr)
            throw Error(ErrorCode::not_found, "policy.standards[" + std::to_string(i) + "].region",
                        "the plan has no region '" + policy.standards[i].region.value() + "'");
    if (progress.regions.size() != plan.regions.size())
        throw Error(ErrorCode::inconsistent, "progress.regions",
                    "the progress is not of this plan's regions");
    const Currency c = plan.currency;
    ExpenseReview out;
    out.pool = Money::zero(c);
    std::vector<Decimal> weights;
    bool any_weight = false;
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        const RegionPlan& r = plan.regions[i];
        const PlanActual& line = progress.regions[i];
        if (!line.region || *line.region != r.region)
            throw Error(ErrorCode::inconsistent, "progress.regions[" + std::to_string(i) + "]",
                        "the progress is not of this plan's regions, in order");
        RegionExpense e;
        e.region = r.region;
        e.name = r.name.empty() ? r.region.value() : r.name;
        e.revenue = line.of(Measure::sales).ytd_actual;
        e.expense = line.of(Measure::expense).ytd_actual;
        e.ratio = e.revenue.signum() > 0 ? achievement(e.expense, e.revenue) : std::nullopt;
        e.standard = policy.standard_of(r.region);
        e.over_standard = e.ratio && reaches(*e.ratio, e.standard, policy.over);
        const Money budget = year_to_date(r.months, 12, Measure::expense, c);
        e.remaining_budget = std::max(budget - e.expense, Money::zero(c));
        const Money sales_left =
            std::max(year_to_date(r.months, 12, Measure::sales, c) - e.revenue, Money::zero(c));
        const Decimal w = sales_left.amount() * e.standard.value();
        any_weight = any_weight || w.signum() > 0;
        weights.push_back(w);
        out.pool += e.remaining_budget;
        out.regions.push_back(std::move(e));
    }
    if (any_weight) {
        const std::vector<Money> split = allocate(out.pool, weights);
        for (std::size_t i = 0; i < out.regions.size(); ++i) out.regions[i].suggested_budget = split[i];
    } else {
        for (RegionExpense& e : out.regions) e.suggested_budget = e.remaining_budget;
    }
    for (RegionExpense& e : out.regions) e.move = e.suggested_budget - e.remaining_budget;

    for (const RegionExpense& e : out.regions)
        if (e.over_standard)
            out.findings.add(
                Reason{policy.over == Boundary::exclusive ? ratio_over : ratio_reaches, Outcome::warn}
                    .with("region", e.name)
                    .with("ratio", *e.ratio)
                    .with("standard", e.standard)
                    .with("expense", e.expense)
                    .with("revenue", e.revenue));
    for (const RegionExpense& e : out.regions)
        if (e.move.signum() != 0)
            out.findings.add(Reason{e.move.signum() > 0 ? move_in : move_out, Outcome::allow}
                                 .with("region", e.name)
                                 .with("amount", e.move.signum() > 0 ? e.move : -e.move));
    if (out.findings.reasons().empty()) out.findings.add(Reason{within, Outcome::allow});
    return out;
}

}  // namespace crm::planning
