// Plan against actual: see crm/planning/actuals.hpp for the formulas.

#include <crm/core/error.hpp>
#include <crm/credit/collection.hpp>
#include <crm/planning/actuals.hpp>

#include <string>
#include <unordered_map>

namespace crm::planning {

namespace {

inline constexpr ReasonText behind_plan{
    .code = "planning.behind_plan",
    .en = "{who}: {measure} to date {actual} is {shortfall} behind the plan to date {expected}",
    .zh = "{who}：{measure_zh}累计 {actual}，低于按进度应完成的 {expected}，差额 {shortfall}",
};
inline constexpr ReasonText expense_over_plan{
    .code = "planning.expense_over_plan",
    .en = "{who}: expense to date {actual} is {excess} above the budget to date {expected}",
    .zh = "{who}：销售费用累计 {actual}，超过按进度的预算 {expected}，超出 {excess}",
};
inline constexpr ReasonText on_plan{
    .code = "planning.on_plan",
    .en = "every region and key account is on plan to date",
    .zh = "各区域及大客户均按计划进度完成",
};

constexpr std::array<Measure, 3> kMeasures{Measure::sales, Measure::collection, Measure::expense};

struct Sums {
    std::array<Money, 3> month;
    std::array<Money, 3> ytd;
};

Sums zero_sums(Currency c) {
    const Money z = Money::zero(c);
    return Sums{{z, z, z}, {z, z, z}};
}

void check_fact(const Money& m, Currency c, bool non_negative, const std::string& field) {
    if (m.currency() != c)
        throw Error(ErrorCode::currency_mismatch, field,
                    "the plan is in " + std::string(c.code()) + ", this amount in " +
                        std::string(m.currency().code()));
    if (non_negative && m.signum() < 0)
        throw Error(ErrorCode::invalid_argument, field, "the amount cannot be negative");
}

Progress progress(Measure m, std::span<const MonthTarget> months, const Sums& actual, int month, Date as_of,
                  Currency c) {
    Progress p;
    const auto i = static_cast<std::size_t>(m);
    p.measure = m;
    p.plan = target(months, month, m, c);
    p.actual = actual.month[i];
    p.variance = p.actual - p.plan;
    p.achievement =
        m == Measure::collection ? credit::collection_rate(p.actual, p.plan) : achievement(p.actual, p.plan);
    p.ytd_plan = year_to_date(months, month, m, c);
    p.ytd_actual = actual.ytd[i];
    p.ytd_variance = p.ytd_actual - p.ytd_plan;
    p.ytd_achievement = m == Measure::collection ? credit::collection_rate(p.ytd_actual, p.ytd_plan)
                                                 : achievement(p.ytd_actual, p.ytd_plan);
    const unsigned days = days_in_month(as_of.year(), as_of.month());
    p.expected_to_date = as_of.day() == days
                             ? p.plan
                             : divide(p.plan * Decimal{static_cast<std::int64_t>(as_of.day())},
                                      Decimal{static_cast<std::int64_t>(days)}, RoundingMode::half_up);
    p.variance_to_date = p.actual - p.expected_to_date;
    return p;
}

void flag(Decision& d, const PlanActual& line) {
    for (const Measure m : kMeasures) {
        const Progress& p = line.of(m);
        // to date = the months before this one in full, this one pro rata
        const Money expected = p.ytd_plan - p.plan + p.expected_to_date;
        if (m == Measure::expense) {
            if (p.ytd_actual > expected)
                d.add(Reason{expense_over_plan, Outcome::warn}
                          .with("who", line.name)
                          .with("actual", p.ytd_actual)
                          .with("expected", expected)
                          .with("excess", p.ytd_actual - expected));
        } else if (p.ytd_actual < expected) {
            d.add(Reason{behind_plan, Outcome::warn}
                      .with("who", line.name)
                      .with("measure", std::string(display_name(m, Lang::en)))
                      .with("measure_zh", std::string(display_name(m, Lang::zh)))
                      .with("actual", p.ytd_actual)
                      .with("expected", expected)
                      .with("shortfall", expected - p.ytd_actual));
        }
    }
}

}  // namespace

std::optional<Percent> achievement(const Money& actual, const Money& plan) {
    if (plan.is_zero()) return std::nullopt;
    if (actual.currency() != plan.currency())
        throw Error(ErrorCode::currency_mismatch, "actual", "actual and plan are in different currencies");
    return Percent{divide(actual.amount() * Decimal{100}, plan.amount(), 2, RoundingMode::half_up)};
}

MonthlyPlanActual plan_vs_actual(const AnnualPlan& plan, std::span<const credit::AccountRegion> accounts,
                                 const Actuals& actuals, Date as_of) {
    plan.validate();
    if (as_of.year() != plan.year)
        throw Error(
            ErrorCode::invalid_argument, "as_of",
            "the as-of date " + as_of.to_string() + " is outside the plan year " + std::to_string(plan.year));
    const Currency c = plan.currency;
    const int month = static_cast<int>(as_of.month());

    std::unordered_map<std::string, std::size_t> region_index;
    for (std::size_t i = 0; i < plan.regions.size(); ++i)
        region_index.emplace(plan.regions[i].region.value(), i);
    std::unordered_map<std::string, std::size_t> key_index;
    for (std::size_t i = 0; i < plan.key_accounts.size(); ++i)
        key_index.emplace(plan.key_accounts[i].account.value(), i);
    // account -> (region index, key-account index or npos)
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> account_of;
    account_of.reserve(accounts.size());
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const auto r = region_index.find(accounts[i].region.value());
        if (r == region_index.end())
            throw Error(ErrorCode::not_found, "accounts[" + std::to_string(i) + "].region",
                        "the plan has no region '" + accounts[i].region.value() + "'");
        const auto k = key_index.find(accounts[i].account.value());
        if (!account_of
                 .emplace(accounts[i].account.value(),
                          std::pair{r->second, k == key_index.end() ? none : k->second})
                 .second)
            throw Error(ErrorCode::duplicate, "accounts[" + std::to_string(i) + "].account",
                        "account '" + accounts[i].account.value() + "' is listed twice");
    }
    for (std::size_t i = 0; i < plan.key_accounts.size(); ++i) {
        const auto a = account_of.find(plan.key_accounts[i].account.value());
        const std::string f = "plan.key_accounts[" + std::to_string(i) + "].account";
        if (a == account_of.end())
            throw Error(ErrorCode::not_found, f, "the key account is not in the account list");
        if (plan.regions[a->second.first].region != plan.key_accounts[i].region)
            throw Error(ErrorCode::inconsistent, f,
                        "the account list puts this key account in another region");
    }

    std::vector<Sums> region_sums(plan.regions.size(), zero_sums(c));
    std::vector<Sums> key_sums(plan.key_accounts.size(), zero_sums(c));
    const auto add = [&](Sums& s, std::size_t m, const Date& date, const Money& amount) {
        s.ytd[m] += amount;
        if (static_cast<int>(date.month()) == month) s.month[m] += amount;
    };
    const auto counted = [&](const Date& date) { return date.year() == plan.year && !(as_of < date); };
    const auto by_account = [&](const auto& list, std::size_t m, const char* name, bool non_negative,
                                const auto& date_of) {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = std::string("actuals.") + name + "[" + std::to_string(i) + "]";
            const auto a = account_of.find(list[i].account.value());
            if (a == account_of.end())
                throw Error(ErrorCode::not_found, at + ".account",
                            "account '" + list[i].account.value() + "' is not in the account list");
            check_fact(list[i].amount, c, non_negative, at + ".amount");
            const Date d = date_of(list[i]);
            if (!counted(d)) continue;
            add(region_sums[a->second.first], m, d, list[i].amount);
            if (a->second.second != none) add(key_sums[a->second.second], m, d, list[i].amount);
        }
    };
    by_account(actuals.sales, 0, "sales", false, [](const Sale& s) { return s.date; });
    by_account(actuals.collections, 1, "collections", true,
               [](const credit::Receipt& r) { return r.received_on; });
    for (std::size_t i = 0; i < actuals.expenses.size(); ++i) {
        const Expense& e = actuals.expenses[i];
        const std::string at = "actuals.expenses[" + std::to_string(i) + "]";
        const auto r = region_index.find(e.region.value());
        if (r == region_index.end())
            throw Error(ErrorCode::not_found, at + ".region",
                        "the plan has no region '" + e.region.value() + "'");
        check_fact(e.amount, c, true, at + ".amount");
        if (counted(e.date)) add(region_sums[r->second], 2, e.date, e.amount);
    }

    MonthlyPlanActual out;
    out.year = plan.year;
    out.month = month;
    out.as_of = as_of;
    for (std::size_t i = 0; i < plan.regions.size(); ++i) {
        const RegionPlan& r = plan.regions[i];
        PlanActual line;
        line.region = r.region;
        line.name = r.name.empty() ? r.region.value() : r.name;
        for (const Measure m : kMeasures)
            line.measures[static_cast<std::size_t>(m)] =
                progress(m, r.months, region_sums[i], month, as_of, c);
        out.regions.push_back(std::move(line));
    }
    for (std::size_t i = 0; i < plan.key_accounts.size(); ++i) {
        const KeyAccountPlan& k = plan.key_accounts[i];
        PlanActual line;
        line.region = k.region;
        line.account = k.account;
        line.name = k.account.value();
        for (const Measure m : kMeasures)
            line.measures[static_cast<std::size_t>(m)] = progress(m, k.months, key_sums[i], month, as_of, c);
        out.key_accounts.push_back(std::move(line));
    }
    // The total: the sum of the regions, its ratios computed from the sums.
    std::vector<MonthTarget> total_plan;
    for (int mo = 1; mo <= 12; ++mo) {
        MonthTarget t{
            .month = mo, .sales = Money::zero(c), .collection = Money::zero(c), .expense = Money::zero(c)};
        for (const RegionPlan& r : plan.regions) {
            t.sales += target(r.months, mo, Measure::sales, c);
            t.collection += target(r.months, mo, Measure::collection, c);
            t.expense += target(r.months, mo, Measure::expense, c);
        }
        total_plan.push_back(t);
    }
    Sums total = zero_sums(c);
    for (const Sums& s : region_sums)
        for (std::size_t m = 0; m < 3; ++m) {
            total.month[m] += s.month[m];
            total.ytd[m] += s.ytd[m];
        }
    out.total.name = "";
    for (const Measure m : kMeasures)
        out.total.measures[static_cast<std::size_t>(m)] = progress(m, total_plan, total, month, as_of, c);

    for (PlanActual& line : out.regions) {
        flag(line.flags, line);
        out.flags = combine(out.flags, line.flags);
    }
    for (PlanActual& line : out.key_accounts) {
        flag(line.flags, line);
        out.flags = combine(out.flags, line.flags);
    }
    if (out.flags.reasons().empty()) out.flags.add(Reason{on_plan, Outcome::allow});
    return out;
}

}  // namespace crm::planning
