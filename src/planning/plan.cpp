// The annual plan: validation, targets by month, and the regional balance (区域平衡).

#include <crm/core/error.hpp>
#include <crm/planning/plan.hpp>

#include <array>
#include <ostream>
#include <set>
#include <string>

namespace crm::planning {

namespace {

inline constexpr ReasonText regions_unbalanced{
    .code = "planning.regions_unbalanced",
    .en =
        "{measure} plan for month {month}: the regions sum to {regions}, the company plan is {company} "
        "(difference {difference})",
    .zh = "{month} 月{measure_zh}计划：各区域合计 {regions}，公司计划 {company}，差额 {difference}",
};
inline constexpr ReasonText key_accounts_exceed_region{
    .code = "planning.key_accounts_exceed_region",
    .en =
        "{region}: the key accounts' {measure} plan for month {month} is {key_accounts}, above the region's "
        "{region_target} by {excess}",
    .zh =
        "{region}：{month} 月大客户{measure_zh}计划合计 {key_accounts}，超过区域计划 {region_target}，超出 "
        "{excess}",
};
inline constexpr ReasonText key_account_share_low{
    .code = "planning.key_account_share_low",
    .en = "{region}: key accounts carry {share} of the annual sales plan, below the minimum {minimum}",
    .zh = "{region}：大客户占全年销售计划的 {share}，低于最低占比 {minimum}",
};
inline constexpr ReasonText balanced{
    .code = "planning.balanced",
    .en = "the regional plans balance with the company plan and their key accounts",
    .zh = "各区域计划与公司计划及大客户计划平衡",
};

constexpr std::array<Measure, 3> kMeasures{Measure::sales, Measure::collection, Measure::expense};

void check_amount(const Money& m, Currency currency, const std::string& field) {
    if (m.currency() != currency)
        throw Error(ErrorCode::currency_mismatch, field,
                    "the plan is in " + std::string(currency.code()) + ", this amount in " +
                        std::string(m.currency().code()));
    if (m.signum() < 0) throw Error(ErrorCode::invalid_argument, field, "a target cannot be negative");
    const int minor = currency.minor_units();
    if (round_to_scale(m.amount(), minor, RoundingMode::down) != m.amount())
        throw Error(ErrorCode::invalid_argument, field, "a target must be a whole number of minor units");
}

void check_months(std::span<const MonthTarget> months, Currency currency, const std::string& at) {
    std::set<int> seen;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const std::string f = at + ".months[" + std::to_string(i) + "]";
        const MonthTarget& t = months[i];
        if (t.month < 1 || t.month > 12)
            throw Error(ErrorCode::invalid_argument, f + ".month",
                        "month " + std::to_string(t.month) + " is outside the plan year (1..12)");
        if (!seen.insert(t.month).second)
            throw Error(ErrorCode::duplicate, f + ".month",
                        "month " + std::to_string(t.month) + " is listed twice");
        check_amount(t.sales, currency, f + ".sales");
        check_amount(t.collection, currency, f + ".collection");
        check_amount(t.expense, currency, f + ".expense");
    }
}

std::string region_label(const RegionPlan& r) { return r.name.empty() ? r.region.value() : r.name; }

}  // namespace

std::string_view to_string(Measure m) noexcept {
    switch (m) {
    case Measure::sales: return "sales";
    case Measure::collection: return "collection";
    case Measure::expense: return "expense";
    }
    return "unknown";
}

std::string_view display_name(Measure m, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (m) {
    case Measure::sales: return zh ? "销售额" : "sales";
    case Measure::collection: return zh ? "回款" : "collection";
    case Measure::expense: return zh ? "销售费用" : "expense";
    }
    return zh ? "未知" : "unknown";
}

std::ostream& operator<<(std::ostream& os, Measure m) { return os << to_string(m); }

const Money& MonthTarget::of(Measure m) const noexcept {
    switch (m) {
    case Measure::collection: return collection;
    case Measure::expense: return expense;
    case Measure::sales: break;
    }
    return sales;
}

void AnnualPlan::validate() const {
    if (year < 1900 || year > 9999)
        throw Error(ErrorCode::invalid_argument, "plan.year", "a plan year lies within 1900..9999");
    if (min_key_account_share.value().signum() < 0 || min_key_account_share.value() > Decimal{100})
        throw Error(ErrorCode::invalid_argument, "plan.min_key_account_share", "a share lies within 0..100%");
    check_months(company, currency, "plan.company");
    if (regions.empty())
        throw Error(ErrorCode::invalid_argument, "plan.regions", "a plan needs at least one region");
    std::set<std::string> region_ids;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const std::string at = "plan.regions[" + std::to_string(i) + "]";
        if (regions[i].region.value().empty())
            throw Error(ErrorCode::invalid_argument, at + ".region", "a region needs an id");
        if (!region_ids.insert(regions[i].region.value()).second)
            throw Error(ErrorCode::duplicate, at + ".region",
                        "region '" + regions[i].region.value() + "' is listed twice");
        check_months(regions[i].months, currency, at);
    }
    std::set<std::string> account_ids;
    for (std::size_t i = 0; i < key_accounts.size(); ++i) {
        const std::string at = "plan.key_accounts[" + std::to_string(i) + "]";
        const KeyAccountPlan& k = key_accounts[i];
        if (k.account.value().empty())
            throw Error(ErrorCode::invalid_argument, at + ".account", "a key account needs an id");
        if (!account_ids.insert(k.account.value()).second)
            throw Error(ErrorCode::duplicate, at + ".account",
                        "account '" + k.account.value() + "' is listed twice");
        if (region_ids.count(k.region.value()) == 0)
            throw Error(ErrorCode::not_found, at + ".region",
                        "the plan has no region '" + k.region.value() + "'");
        check_months(k.months, currency, at);
    }
}

const RegionPlan* AnnualPlan::find(const RegionId& region) const noexcept {
    for (const RegionPlan& r : regions)
        if (r.region == region) return &r;
    return nullptr;
}

const KeyAccountPlan* AnnualPlan::find(const AccountId& account) const noexcept {
    for (const KeyAccountPlan& k : key_accounts)
        if (k.account == account) return &k;
    return nullptr;
}

Money target(std::span<const MonthTarget> months, int month, Measure measure, Currency currency) {
    for (const MonthTarget& t : months)
        if (t.month == month) return t.of(measure);
    return Money::zero(currency);
}

Money year_to_date(std::span<const MonthTarget> months, int through, Measure measure, Currency currency) {
    Money sum = Money::zero(currency);
    for (const MonthTarget& t : months)
        if (t.month <= through) sum += t.of(measure);
    return sum;
}

Money company_target(const AnnualPlan& plan, int month, Measure measure) {
    if (!plan.company.empty()) return target(plan.company, month, measure, plan.currency);
    Money sum = Money::zero(plan.currency);
    for (const RegionPlan& r : plan.regions) sum += target(r.months, month, measure, plan.currency);
    return sum;
}

Decision balance(const AnnualPlan& plan) {
    plan.validate();
    Decision d;
    const Currency c = plan.currency;
    if (!plan.company.empty())
        for (int month = 1; month <= 12; ++month)
            for (const Measure m : kMeasures) {
                Money regions = Money::zero(c);
                for (const RegionPlan& r : plan.regions) regions += target(r.months, month, m, c);
                const Money company = target(plan.company, month, m, c);
                if (regions != company)
                    d.add(Reason{regions_unbalanced, Outcome::block}
                              .with("measure", std::string(display_name(m, Lang::en)))
                              .with("measure_zh", std::string(display_name(m, Lang::zh)))
                              .with("month", std::int64_t{month})
                              .with("company", company)
                              .with("regions", regions)
                              .with("difference", regions - company));
            }
    for (const RegionPlan& r : plan.regions) {
        Money key_sales_year = Money::zero(c);
        Money region_sales_year = Money::zero(c);
        for (int month = 1; month <= 12; ++month)
            for (const Measure m : kMeasures) {
                Money keys = Money::zero(c);
                for (const KeyAccountPlan& k : plan.key_accounts)
                    if (k.region == r.region) keys += target(k.months, month, m, c);
                const Money own = target(r.months, month, m, c);
                if (m == Measure::sales) {
                    key_sales_year += keys;
                    region_sales_year += own;
                }
                if (own < keys)
                    d.add(Reason{key_accounts_exceed_region, Outcome::block}
                              .with("region", region_label(r))
                              .with("measure", std::string(display_name(m, Lang::en)))
                              .with("measure_zh", std::string(display_name(m, Lang::zh)))
                              .with("month", std::int64_t{month})
                              .with("key_accounts", keys)
                              .with("region_target", own)
                              .with("excess", keys - own));
            }
        if (region_sales_year.signum() > 0 && plan.min_key_account_share.value().signum() > 0) {
            const Percent share{divide(key_sales_year.amount() * Decimal{100}, region_sales_year.amount(), 2,
                                       RoundingMode::half_up)};
            if (share < plan.min_key_account_share)
                d.add(Reason{key_account_share_low, Outcome::warn}
                          .with("region", region_label(r))
                          .with("share", share)
                          .with("minimum", plan.min_key_account_share));
        }
    }
    if (d.reasons().empty()) d.add(Reason{balanced, Outcome::allow});
    return d;
}

}  // namespace crm::planning
