// The rolling forecast: see crm/planning/forecast.hpp for the arithmetic.

#include <crm/core/error.hpp>
#include <crm/credit/collection.hpp>
#include <crm/planning/forecast.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>

namespace crm::planning {

namespace {

inline constexpr ReasonText meets_plan{
    .code = "planning.forecast_meets_plan",
    .en = "{who}: the forecast {forecast} for {year}-{month} meets the sales plan {plan}",
    .zh = "{who_zh}：{year} 年 {month} 月销售预测 {forecast}，可完成计划 {plan}",
};
inline constexpr ReasonText short_of_plan{
    .code = "planning.forecast_short",
    .en =
        "{who}: the forecast {forecast} for {year}-{month} is {gap} short of the plan {plan}; closing it "
        "needs "
        "{needed} a day for the {days_left} days left, against a run rate of {run_rate}",
    .zh =
        "{who_zh}：{year} 年 {month} 月销售预测 {forecast}，距计划 {plan} 差 {gap}；剩余 {days_left} "
        "天需日均完成 "
        "{needed}（当前日均 {run_rate}），努力可达",
};
inline constexpr ReasonText infeasible{
    .code = "planning.forecast_infeasible",
    .en =
        "{who}: the forecast {forecast} for {year}-{month} is {gap} short of the plan {plan}; closing it "
        "needs "
        "{needed} a day for the {days_left} days left, more than {stretch} of the run rate {run_rate}",
    .zh =
        "{who_zh}：{year} 年 {month} 月销售预测 {forecast}，距计划 {plan} 差 {gap}；剩余 {days_left} "
        "天需日均完成 "
        "{needed}，超过当前日均 {run_rate} 的 {stretch}，难以完成",
};
inline constexpr ReasonText month_over{
    .code = "planning.forecast_infeasible",
    .en = "{who}: {year}-{month} ends today {gap} short of the plan {plan}",
    .zh = "{who_zh}：{year} 年 {month} 月今日结束，距计划 {plan} 仍差 {gap}",
};
inline constexpr ReasonText not_planned{
    .code = "planning.forecast_not_planned",
    .en = "{who}: {year}-{month} is outside the plan year",
    .zh = "{who_zh}：{year} 年 {month} 月不在计划年度内",
};

struct YearMonth {
    int year;
    unsigned month;
};

YearMonth plus_months(YearMonth ym, unsigned k) {
    const unsigned index = ym.month - 1 + k;
    return YearMonth{ym.year + static_cast<int>(index / 12), index % 12 + 1};
}

Date first_of(YearMonth ym) { return Date(ym.year, ym.month, 1); }
Date last_of(YearMonth ym) { return Date(ym.year, ym.month, days_in_month(ym.year, ym.month)); }

void same_currency(const Money& m, Currency c, const std::string& field) {
    if (m.currency() != c)
        throw Error(ErrorCode::currency_mismatch, field,
                    "the plan is in " + std::string(c.code()) + ", this amount in " +
                        std::string(m.currency().code()));
}

}  // namespace

std::string_view to_string(RunRateMethod m) noexcept {
    switch (m) {
    case RunRateMethod::trailing_months: return "trailing_months";
    case RunRateMethod::year_to_date: return "year_to_date";
    }
    return "unknown";
}

void ForecastPolicy::validate() const {
    if (method != RunRateMethod::trailing_months && method != RunRateMethod::year_to_date)
        throw Error(ErrorCode::invalid_argument, "policy.method", "an unknown run-rate method");
    if (trailing_months < 1 || trailing_months > 12)
        throw Error(ErrorCode::invalid_argument, "policy.trailing_months",
                    "the trailing window lies within 1..12 months");
    if (stretch < Percent{Decimal{100}})
        throw Error(ErrorCode::invalid_argument, "policy.stretch",
                    "the stretch is at least 100% of the run rate");
}

RollingForecast rolling_forecast(const AnnualPlan& plan, const std::optional<RegionId>& region,
                                 std::span<const credit::AccountRegion> accounts, std::span<const Sale> sales,
                                 std::span<const OpenOrder> orders,
                                 std::span<const credit::Receivable> receivables,
                                 std::span<const credit::CollectionLine> history,
                                 const ForecastPolicy& policy, Date as_of) {
    plan.validate();
    policy.validate();
    if (as_of.year() != plan.year)
        throw Error(
            ErrorCode::invalid_argument, "as_of",
            "the as-of date " + as_of.to_string() + " is outside the plan year " + std::to_string(plan.year));
    const RegionPlan* scope_plan = nullptr;
    if (region) {
        scope_plan = plan.find(*region);
        if (scope_plan == nullptr)
            throw Error(ErrorCode::not_found, "region", "the plan has no region '" + region->value() + "'");
    }
    const Currency c = plan.currency;
    const std::string who = scope_plan
                                ? (scope_plan->name.empty() ? scope_plan->region.value() : scope_plan->name)
                                : std::string("the company");
    const std::string who_zh = scope_plan ? who : std::string("公司");

    // account -> in scope?
    std::unordered_map<std::string, bool> in_scope;
    in_scope.reserve(accounts.size());
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        if (plan.find(accounts[i].region) == nullptr)
            throw Error(ErrorCode::not_found, "accounts[" + std::to_string(i) + "].region",
                        "the plan has no region '" + accounts[i].region.value() + "'");
        in_scope[accounts[i].account.value()] = !region || accounts[i].region == *region;
    }
    const auto scoped = [&](const AccountId& a, const std::string& field) {
        const auto it = in_scope.find(a.value());
        if (it == in_scope.end())
            throw Error(ErrorCode::not_found, field,
                        "account '" + a.value() + "' is not in the account list");
        return it->second;
    };

    const YearMonth now{as_of.year(), as_of.month()};
    // The run rate's window.
    Date from = Date(as_of.year(), 1, 1);
    Date to = as_of;
    if (policy.method == RunRateMethod::trailing_months) {
        const YearMonth start = plus_months(now, 12 - static_cast<unsigned>(policy.trailing_months));
        from = first_of(YearMonth{start.year - 1, start.month});
        to = first_of(now) - Days{1};
    }
    Money window_sales = Money::zero(c);
    Money month_actual = Money::zero(c);
    for (std::size_t i = 0; i < sales.size(); ++i) {
        const std::string at = "sales[" + std::to_string(i) + "]";
        const bool mine = scoped(sales[i].account, at + ".account");
        same_currency(sales[i].amount, c, at + ".amount");
        if (!mine) continue;
        const Date d = sales[i].date;
        if (!(d < from) && !(to < d)) window_sales += sales[i].amount;
        if (!(d < first_of(now)) && !(as_of < d)) month_actual += sales[i].amount;
    }
    const std::int64_t window_days = (to - from).count() + 1;
    RollingForecast out;
    out.as_of = as_of;
    out.method = policy.method;
    out.daily_run_rate = divide(window_sales, Decimal{window_days}, RoundingMode::half_up);
    out.days_left = (last_of(now) - as_of).count();

    // Collection rate per account from its history, capped at 100%.
    std::unordered_map<std::string, std::pair<Money, Money>> record;  // actual, planned
    for (std::size_t i = 0; i < history.size(); ++i) {
        const std::string at = "history[" + std::to_string(i) + "]";
        scoped(history[i].account, at + ".account");
        same_currency(history[i].actual, c, at + ".actual");
        same_currency(history[i].planned, c, at + ".planned");
        auto [it, fresh] = record.try_emplace(history[i].account.value(), Money::zero(c), Money::zero(c));
        it->second.first += history[i].actual;
        it->second.second += history[i].planned;
    }
    const auto rate_of = [&](const AccountId& a) {
        const auto it = record.find(a.value());
        if (it == record.end()) return Percent{Decimal{100}};
        const std::optional<Percent> r = credit::collection_rate(it->second.first, it->second.second);
        if (!r) return Percent{Decimal{100}};
        return std::min(*r, Percent{Decimal{100}});
    };

    for (unsigned k = 0; k < 3; ++k) {
        const YearMonth ym = plus_months(now, k);
        MonthForecast& f = out.months[k];
        f.year = ym.year;
        f.month = static_cast<int>(ym.month);
        if (ym.year == plan.year) {
            const int mo = static_cast<int>(ym.month);
            f.sales_plan = scope_plan ? target(scope_plan->months, mo, Measure::sales, c)
                                      : company_target(plan, mo, Measure::sales);
            f.collection_plan = scope_plan ? target(scope_plan->months, mo, Measure::collection, c)
                                           : company_target(plan, mo, Measure::collection);
        }
        const Date begin = k == 0 ? as_of + Days{1} : first_of(ym);
        const Date end = last_of(ym);
        const std::int64_t days = (end - begin).count() + 1;
        f.actual_to_date = k == 0 ? month_actual : Money::zero(c);
        f.run_rate_sales = out.daily_run_rate * Decimal{std::max<std::int64_t>(days, 0)};
        f.open_orders = Money::zero(c);
        f.expected_collections = Money::zero(c);
    }
    for (std::size_t i = 0; i < orders.size(); ++i) {
        const std::string at = "orders[" + std::to_string(i) + "]";
        const bool mine = scoped(orders[i].account, at + ".account");
        same_currency(orders[i].amount, c, at + ".amount");
        if (orders[i].amount.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at + ".amount", "an open order cannot be negative");
        if (!mine) continue;
        const Date ship = orders[i].expected_ship;
        for (unsigned k = 0; k < 3; ++k) {
            const YearMonth ym = plus_months(now, k);
            if (!(last_of(ym) < ship) && (k == 0 || !(ship < first_of(ym)))) {
                out.months[k].open_orders += orders[i].amount;
                break;
            }
        }
    }
    for (std::size_t i = 0; i < receivables.size(); ++i) {
        const std::string at = "receivables[" + std::to_string(i) + "]";
        const bool mine = scoped(receivables[i].account, at + ".account");
        same_currency(receivables[i].open_amount, c, at + ".open_amount");
        if (!mine) continue;
        const Date due = receivables[i].due_on;
        for (unsigned k = 0; k < 3; ++k) {
            const YearMonth ym = plus_months(now, k);
            if (!(last_of(ym) < due) && (k == 0 || !(due < first_of(ym)))) {
                out.months[k].expected_collections += round(
                    receivables[i].open_amount * rate_of(receivables[i].account), RoundingMode::half_up);
                break;
            }
        }
    }
    for (unsigned k = 0; k < 3; ++k) {
        MonthForecast& f = out.months[k];
        f.sales_forecast = f.actual_to_date + std::max(f.run_rate_sales, f.open_orders);
    }

    // Feasibility of the as-of month.
    const MonthForecast& m0 = out.months[0];
    const auto base = [&](const ReasonText& text, Outcome o) {
        return Reason{text, o}
            .with("who", who)
            .with("who_zh", who_zh)
            .with("year", std::int64_t{m0.year})
            .with("month", std::int64_t{m0.month})
            .with("forecast", m0.sales_forecast);
    };
    const Money plan_now = *m0.sales_plan;  // the as-of month is always inside the plan year
    out.gap = plan_now - m0.sales_forecast;
    if (out.gap.signum() <= 0) {
        out.feasibility.add(base(meets_plan, Outcome::allow).with("plan", plan_now));
    } else if (out.days_left == 0) {
        out.feasibility.add(base(month_over, Outcome::block).with("plan", plan_now).with("gap", out.gap));
    } else {
        const Money needed =
            divide(plan_now - m0.actual_to_date, Decimal{out.days_left}, RoundingMode::half_up);
        out.needed_daily_rate = needed;
        const bool reachable = !(out.daily_run_rate * policy.stretch < needed);
        Reason r = base(reachable ? short_of_plan : infeasible, reachable ? Outcome::warn : Outcome::block)
                       .with("plan", plan_now)
                       .with("gap", out.gap)
                       .with("needed", needed)
                       .with("days_left", Days{out.days_left})
                       .with("run_rate", out.daily_run_rate);
        if (!reachable) r.with("stretch", policy.stretch);
        out.feasibility.add(std::move(r));
    }
    for (unsigned k = 1; k < 3; ++k)
        if (!out.months[k].sales_plan)
            out.feasibility.add(Reason{not_planned, Outcome::allow}
                                    .with("who", who)
                                    .with("who_zh", who_zh)
                                    .with("year", std::int64_t{out.months[k].year})
                                    .with("month", std::int64_t{out.months[k].month}));
    return out;
}

}  // namespace crm::planning
