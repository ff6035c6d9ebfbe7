// The monthly key-account report: every figure comes from a layer-1 or planning call on the
// snapshot; this file only validates the references, partitions the facts by region, calls,
// and states findings from the results.

#include <crm/core/error.hpp>
#include <crm/credit/turnover.hpp>
#include <crm/report/monthly.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

namespace crm::report {

namespace {

inline constexpr ReasonText ahead_of_plan{
    .code = "report.ahead_of_plan",
    .en = "{region}: {measure} to date {actual} reaches {achievement} of the plan {plan}",
    .zh = "{region}：{measure_zh}累计 {actual}，完成计划 {plan} 的 {achievement}",
};
inline constexpr ReasonText account_over_cap{
    .code = "report.account_over_cap",
    .en = "account {account}: receivables {balance} exceed the cap {cap} by {excess}",
    .zh = "客户 {account}：应收账款 {balance} 超过控制规模 {cap}，超出 {excess}",
};
inline constexpr ReasonText region_over_cap{
    .code = "report.region_over_cap",
    .en = "{region}: receivables {balance} exceed the regional cap {cap} by {excess}",
    .zh = "{region}：应收账款 {balance} 超过区域控制规模 {cap}，超出 {excess}",
};
inline constexpr ReasonText overdue_beyond{
    .code = "report.overdue_beyond_limit",
    .en = "account {account}: {amount} is more than {limit} days past due",
    .zh = "客户 {account}：逾期超过 {limit} 天的应收账款 {amount}",
};
inline constexpr ReasonText approval_waiting{
    .code = "report.approval_waiting",
    .en = "{kind} request {request} has waited {age} days, more than {limit}",
    .zh = "{kind_zh}审批 {request} 已等待 {age} 天，超过 {limit} 天",
};
inline constexpr ReasonText turnover_over_target{
    .code = "report.turnover_over_target",
    .en = "{region}: receivable turnover {days} days is above the target {target} days",
    .zh = "{region}：应收账款周转天数 {days} 天，高于目标 {target} 天",
};
inline constexpr ReasonText turnover_shortened{
    .code = "report.turnover_shortened",
    .en = "{region}: receivable turnover shortened from {previous} to {days} days",
    .zh = "{region}：应收账款周转天数由 {previous} 天缩短至 {days} 天",
};

[[noreturn]] void missing(std::string field, std::string what) {
    throw Error(ErrorCode::not_found, std::move(field), std::move(what));
}

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

Outcome rank_of(Outcome o) { return o; }

// Runs `compute`; an error it throws names its field inside `prefix` (`approvals[2]` +
// `approvals[0].approver`), except a field that is already the snapshot's own (`delegations[1]`).
template <class F>
decltype(auto) inside(const std::string& prefix, F&& compute) {
    try {
        return std::forward<F>(compute)();
    } catch (const Error& e) {
        if (e.field().rfind("delegations", 0) == 0) throw;
        throw Error(e.code(), prefix + "." + e.field(), e.message());
    }
}

// The role's name as the org chart gives it, as approval::verify names a level.
std::string role_name(const OrgChart& org, const RoleId& id) {
    const Role* r = org.find_role(id);
    return r != nullptr ? r->name : id.value();
}

}  // namespace

MonthlyKeyAccountReport monthly_report(const Snapshot& s) {
    const planning::AnnualPlan& plan = s.plan;
    plan.validate();
    if (s.as_of.year() != plan.year)
        throw Error(ErrorCode::invalid_argument, "as_of",
                    "the as-of date " + s.as_of.to_string() + " is outside the plan year " +
                        std::to_string(plan.year));
    if (s.overdue_limit_days < 0)
        throw Error(ErrorCode::invalid_argument, "overdue_limit_days", "a limit cannot be negative");
    if (s.approval_age_limit_days < 0)
        throw Error(ErrorCode::invalid_argument, "approval_age_limit_days", "a limit cannot be negative");
    const Currency c = plan.currency;
    const std::size_t nr = plan.regions.size();

    // ---- references ----
    std::unordered_map<std::string, std::size_t> region_of_id;
    for (std::size_t i = 0; i < nr; ++i) region_of_id.emplace(plan.regions[i].region.value(), i);
    const auto region_index = [&](const RegionId& r, const std::string& field) {
        const auto it = region_of_id.find(r.value());
        if (it == region_of_id.end()) missing(field, "the plan has no region '" + r.value() + "'");
        return it->second;
    };
    std::vector<credit::AccountRegion> account_regions;
    account_regions.reserve(s.accounts.size());
    std::unordered_map<std::string, std::size_t> account_region;  // account -> region index
    account_region.reserve(s.accounts.size());
    for (std::size_t i = 0; i < s.accounts.size(); ++i) {
        const account::Account& a = s.accounts[i];
        const std::string at = "accounts[" + std::to_string(i) + "]";
        const std::size_t r = region_index(a.region, at + ".region");
        if (!account_region.emplace(a.id.value(), r).second)
            throw Error(ErrorCode::duplicate, at + ".id", "account '" + a.id.value() + "' is listed twice");
        if (a.owner && s.org.find(*a.owner) == nullptr)
            missing(at + ".owner", "the org chart has no person '" + a.owner->value() + "'");
        account_regions.push_back({a.id, a.region});
    }
    // The field's text is built only when the reference is missing: one million receivables
    // must not build one million strings.
    const auto account_index = [&](const AccountId& a, const char* list, std::size_t i) {
        const auto it = account_region.find(a.value());
        if (it == account_region.end())
            missing(std::string(list) + "[" + std::to_string(i) + "].account",
                    "account '" + a.value() + "' is not a key account of the snapshot");
        return it->second;
    };
    std::vector<std::size_t> receivable_region(s.receivables.size());
    for (std::size_t i = 0; i < s.receivables.size(); ++i)
        receivable_region[i] = account_index(s.receivables[i].account, "receivables", i);
    for (std::size_t i = 0; i < s.complaints.size(); ++i)
        (void)account_index(s.complaints[i].account, "complaints", i);
    std::vector<std::size_t> order_region(s.orders.size());
    for (std::size_t i = 0; i < s.orders.size(); ++i)
        order_region[i] = account_index(s.orders[i].account, "orders", i);
    std::vector<std::size_t> history_region(s.collection_history.size());
    for (std::size_t i = 0; i < s.collection_history.size(); ++i)
        history_region[i] = account_index(s.collection_history[i].account, "collection_history", i);
    for (std::size_t i = 0; i < s.account_caps.size(); ++i)
        (void)account_index(s.account_caps[i].account, "account_caps", i);
    std::vector<std::size_t> sale_region(s.actuals.sales.size());
    for (std::size_t i = 0; i < s.actuals.sales.size(); ++i)
        sale_region[i] = account_index(s.actuals.sales[i].account, "actuals.sales", i);
    for (std::size_t i = 0; i < s.region_caps.size(); ++i)
        (void)region_index(s.region_caps[i].region, "region_caps[" + std::to_string(i) + "].region");
    std::vector<const OpeningBalances*> balances(nr, nullptr);
    for (std::size_t i = 0; i < s.balances.size(); ++i) {
        const std::size_t r =
            region_index(s.balances[i].region, "balances[" + std::to_string(i) + "].region");
        if (balances[r] != nullptr)
            throw Error(ErrorCode::duplicate, "balances[" + std::to_string(i) + "].region",
                        "a region given twice");
        balances[r] = &s.balances[i];
    }
    std::vector<std::size_t> approval_region(s.approvals.size());
    for (std::size_t i = 0; i < s.approvals.size(); ++i) {
        const std::string at = "approvals[" + std::to_string(i) + "]";
        const approval::Request& q = s.approvals[i].request;
        at_field(at + ".request", [&] { q.validate(); });
        approval_region[i] = region_index(q.region, at + ".request.region");
        if (s.org.find(q.requester) == nullptr)
            missing(at + ".request.requester", "the org chart has no person '" + q.requester.value() + "'");
        if (s.as_of < s.approvals[i].submitted)
            throw Error(ErrorCode::inconsistent, at + ".submitted",
                        "a request cannot be submitted after the as-of date");
    }

    // ---- the layer-1 and planning calls ----
    const planning::MonthlyPlanActual pva =
        planning::plan_vs_actual(plan, account_regions, s.actuals, s.as_of);
    std::optional<planning::MonthlyPlanActual> previous;
    if (s.as_of.month() > 1) {
        const Date last_month_end = Date(s.as_of.year(), s.as_of.month(), 1) - Days{1};
        previous = planning::plan_vs_actual(plan, account_regions, s.actuals, last_month_end);
    }
    const credit::AgingOptions aging_options{.currency = c};
    const std::vector<credit::AccountAging> by_account =
        credit::aging_by_account(s.receivables, s.as_of, s.aging_buckets, aging_options);
    const std::vector<credit::RegionAging> by_region = credit::aging_by_region(by_account, account_regions);
    const credit::AgingReport total_aging =
        credit::aging(s.receivables, s.as_of, s.aging_buckets, aging_options);
    const credit::AgingReport empty_aging = credit::aging({}, s.as_of, s.aging_buckets, aging_options);
    const credit::AgingBuckets limit_buckets{
        {{"within", 0, s.overdue_limit_days}, {"beyond", s.overdue_limit_days + 1, std::nullopt}},
        "overdue_limit_days"};
    const std::vector<credit::AccountAging> beyond =
        credit::aging_by_account(s.receivables, s.as_of, limit_buckets, aging_options);
    const credit::CapReport caps =
        credit::cap_report(s.receivables, account_regions, s.account_caps, s.region_caps, {.currency = c});
    const std::vector<account::OverdueVisit> visits = account::overdue_visits(s.visits, s.accounts, s.as_of);
    const DateTime at = s.as_of_time ? *s.as_of_time : DateTime{s.as_of, TimeOfDay(24, 0)};
    const planning::ExpenseReview expense = planning::expense_review(plan, pva, s.expense);

    MonthlyKeyAccountReport out;
    out.as_of = s.as_of;
    out.year = plan.year;
    out.month = static_cast<int>(s.as_of.month());
    out.currency = c;
    out.expense = expense;
    out.regions.resize(nr);
    for (std::size_t r = 0; r < nr; ++r) {
        Section& sec = out.regions[r];
        sec.region = plan.regions[r].region;
        sec.name = plan.regions[r].name.empty() ? plan.regions[r].region.value() : plan.regions[r].name;
        sec.progress = pva.regions[r];
        sec.aging = empty_aging;
    }
    for (const credit::RegionAging& ra : by_region)
        out.regions[region_of_id.at(ra.region.value())].aging = ra.report;
    for (const credit::AccountCapStatus& a : caps.accounts)
        if (a.status.breached)
            out.regions[account_region.at(a.account.value())].accounts_over_cap.push_back(a);
    for (const credit::RegionCapStatus& rc : caps.regions)
        out.regions[region_of_id.at(rc.region.value())].cap = rc.status;
    for (const credit::AccountAging& a : beyond)
        if (a.report.amounts[1].signum() > 0)
            out.regions[account_region.at(a.account.value())].overdue_accounts.push_back(
                {a.account, a.report.amounts[1]});
    for (const account::OverdueVisit& v : visits)
        out.regions[account_region.at(v.account.value())].overdue_visits.push_back(v);
    for (std::size_t i = 0; i < s.approvals.size(); ++i) {
        const PendingApproval& p = s.approvals[i];
        const Person* requester = s.org.find(p.request.requester);  // validated above
        WaitingApproval w{.request = p.request.id,
                          .kind = p.request.kind,
                          .requester = p.request.requester,
                          .requester_name = requester != nullptr && !requester->name.empty()
                                                ? requester->name
                                                : p.request.requester.value(),
                          .age = s.as_of - p.submitted};
        if (s.approval_matrix) {
            // The route the matrix requires, the approvals given judged against it, and the
            // people of every step; the steps verify finds missing are who must still approve.
            const std::string at = "approvals[" + std::to_string(i) + "]";
            const approval::Route route =
                inside(at, [&] { return approval::route(*s.approval_matrix, p.request, s.org); });
            const Decision status = inside(
                at, [&] { return approval::verify(route, p.approvals, p.request, s.org, s.delegations); });
            const approval::OaRoute people =
                inside(at, [&] { return approval::resolve(route, p.request, s.org, p.submission); });
            const auto missing_steps = status.reasons();
            std::size_t next = 0;
            for (std::size_t k = 0; k < route.steps.size(); ++k) {
                const approval::Step& step = route.steps[k];
                while (next < missing_steps.size() && missing_steps[next].code() != "approval.step_missing")
                    ++next;
                if (next == missing_steps.size()) break;
                const Reason& m = missing_steps[next];
                const std::string level = role_name(s.org, step.level.role);
                if (m.figure_as<std::int64_t>("stage") != step.stage + 1 ||
                    m.figure_as<std::string>("level") !=
                        role_display_name(s.org.roles(), step.level.role, Lang::en) ||
                    m.figure_as<std::string>("rule") != step.rule.value())
                    continue;  // this step is filled
                ++next;
                StepToApprove t{.stage = step.stage + 1,
                                .level = step.level.role,
                                .level_name = level,
                                .rule = step.rule};
                if (k < people.steps.size()) {
                    t.approvers = people.steps[k].approvers;
                    t.blocked = people.steps[k].blocked;
                }
                for (const PersonId& who : t.approvers) {
                    const Person* person = s.org.find(who);
                    t.approver_names.push_back(person != nullptr && !person->name.empty() ? person->name
                                                                                          : who.value());
                }
                w.still_to_approve.push_back(std::move(t));
            }
            w.route = route;
            w.status = status;
        }
        out.regions[approval_region[i]].approvals.push_back(std::move(w));
    }
    std::vector<std::vector<const account::Complaint*>> complaint_of(nr);  // parallel to Section::complaints
    for (std::size_t i = 0; i < s.complaints.size(); ++i) {
        const account::Complaint& cm = s.complaints[i];
        if (cm.resolved && !(at < *cm.resolved)) continue;  // closed by the as-of instant
        if (at < cm.received) continue;                     // not yet received on the as-of instant
        const account::SlaStatus st = at_field("complaints[" + std::to_string(i) + "]", [&] {
            return account::sla_status(s.sla, cm, s.calendar, s.hours, at);
        });
        const std::size_t r = account_region.at(cm.account.value());
        out.regions[r].complaints.push_back({cm.id, cm.account, st});
        complaint_of[r].push_back(&cm);
    }

    // Turnover days: this month to date and last month, from the opening balances.
    const auto turnover = [&](const Money& revenue, const Money& opening, const Money& closing,
                              std::int64_t days) -> std::optional<Decimal> {
        if (revenue.signum() < 0) return std::nullopt;
        return credit::turnover_days(Days{days}, revenue,
                                     credit::average_of_opening_and_closing(opening, closing));
    };
    const std::int64_t month_days = static_cast<std::int64_t>(s.as_of.day());
    const std::int64_t previous_days =
        previous ? static_cast<std::int64_t>(days_in_month(s.as_of.year(), s.as_of.month() - 1)) : 0;
    for (std::size_t r = 0; r < nr; ++r) {
        if (balances[r] == nullptr) continue;
        Section& sec = out.regions[r];
        // the entry's own index in Snapshot::balances, which need not follow the plan's order
        const auto entry = static_cast<std::size_t>(balances[r] - s.balances.data());
        const std::string field = "balances[" + std::to_string(entry) + "]";
        sec.turnover_days = at_field(field, [&] {
            return turnover(sec.progress.of(planning::Measure::sales).actual, balances[r]->month_start,
                            sec.aging.total, month_days);
        });
        if (previous)
            sec.previous_turnover_days = at_field(field, [&] {
                return turnover(previous->regions[r].of(planning::Measure::sales).actual,
                                balances[r]->previous_month_start, balances[r]->month_start, previous_days);
            });
    }

    // Rolling forecasts: the facts partitioned by region, one call per region.
    {
        std::vector<std::vector<credit::AccountRegion>> acc(nr);
        std::vector<std::vector<planning::Sale>> sal(nr);
        std::vector<std::vector<planning::OpenOrder>> ord(nr);
        std::vector<std::vector<credit::Receivable>> rec(nr);
        std::vector<std::vector<credit::CollectionLine>> his(nr);
        for (const credit::AccountRegion& a : account_regions)
            acc[account_region.at(a.account.value())].push_back(a);
        for (std::size_t i = 0; i < s.actuals.sales.size(); ++i)
            sal[sale_region[i]].push_back(s.actuals.sales[i]);
        for (std::size_t i = 0; i < s.orders.size(); ++i) ord[order_region[i]].push_back(s.orders[i]);
        for (std::size_t i = 0; i < s.receivables.size(); ++i)
            rec[receivable_region[i]].push_back(s.receivables[i]);
        for (std::size_t i = 0; i < s.collection_history.size(); ++i)
            his[history_region[i]].push_back(s.collection_history[i]);
        for (std::size_t r = 0; r < nr; ++r)
            out.regions[r].forecast = planning::rolling_forecast(plan, plan.regions[r].region, acc[r], sal[r],
                                                                 ord[r], rec[r], his[r], s.forecast, s.as_of);
    }
    out.total.forecast =
        planning::rolling_forecast(plan, std::nullopt, account_regions, s.actuals.sales, s.orders,
                                   s.receivables, s.collection_history, s.forecast, s.as_of);

    // KPI per region (and the company, and the managers), ranked among those scored: the card
    // with its trend criteria (expense plan kept, turnover days shortened against last month).
    const scoring::CompiledScorecard card{scoring::kpi_scorecard(s.kpi, s.kpi_trends)};
    struct KpiInput {
        Money sales_plan, sales_actual, collection_plan, collection_actual, receivables, expense_plan,
            expense;
        std::optional<Money> cap;
        std::optional<Decimal> turnover, previous_turnover;
    };
    const auto input_of = [&](const Section& sec) {
        const planning::PlanActual& p = sec.progress;
        return KpiInput{.sales_plan = p.of(planning::Measure::sales).ytd_plan,
                        .sales_actual = p.of(planning::Measure::sales).ytd_actual,
                        .collection_plan = p.of(planning::Measure::collection).ytd_plan,
                        .collection_actual = p.of(planning::Measure::collection).ytd_actual,
                        .receivables = sec.aging.total,
                        .expense_plan = p.of(planning::Measure::expense).ytd_plan,
                        .expense = p.of(planning::Measure::expense).ytd_actual,
                        .cap = sec.cap ? std::optional<Money>(sec.cap->cap) : std::nullopt,
                        .turnover = sec.turnover_days,
                        .previous_turnover = sec.previous_turnover_days};
    };
    const auto kpi_from = [&](const KpiInput& k) -> std::optional<scoring::ScoreResult> {
        if (!k.cap || k.cap->is_zero() || !k.turnover || !s.target_turnover_days || k.sales_plan.is_zero() ||
            k.collection_plan.is_zero() || k.sales_actual.signum() <= 0)
            return std::nullopt;  // a required KPI figure is missing
        const scoring::KpiFigures f{.sales_plan = k.sales_plan,
                                    .sales_actual = k.sales_actual,
                                    .collection_plan = k.collection_plan,
                                    .collection_actual = k.collection_actual,
                                    .receivables = k.receivables,
                                    .receivable_cap = *k.cap,
                                    .turnover_days = k.turnover,
                                    .target_turnover_days = s.target_turnover_days,
                                    .sales_expense = k.expense,
                                    .new_product_revenue = Money::zero(c)};
        const scoring::KpiTrendFigures trends{.expense_plan = k.expense_plan,
                                              .sales_expense = k.expense,
                                              .turnover_days = k.turnover,
                                              .previous_turnover_days = k.previous_turnover};
        return scoring::evaluate(card, scoring::kpi_facts(f, trends));
    };
    const auto kpi_of = [&](const Section& sec) { return kpi_from(input_of(sec)); };
    {
        std::vector<scoring::ScoreResult> scored;
        std::vector<std::size_t> who;
        for (std::size_t r = 0; r < nr; ++r) {
            out.regions[r].kpi = kpi_of(out.regions[r]);
            if (out.regions[r].kpi) {
                scored.push_back(*out.regions[r].kpi);
                who.push_back(r);
            }
        }
        for (const scoring::Ranked& k : scoring::rank(scored)) out.regions[who[k.index]].kpi_rank = k.rank;
    }

    // ---- the total: sums of the regions ----
    Section& t = out.total;
    t.name = "";
    t.progress = pva.total;
    t.aging = total_aging;
    bool all_balances = nr > 0;
    Money month_start = Money::zero(c);
    Money previous_start = Money::zero(c);
    for (std::size_t r = 0; r < nr; ++r) {
        if (balances[r] == nullptr) {
            all_balances = false;
            continue;
        }
        month_start += balances[r]->month_start;
        previous_start += balances[r]->previous_month_start;
    }
    if (all_balances) {
        t.turnover_days =
            turnover(t.progress.of(planning::Measure::sales).actual, month_start, t.aging.total, month_days);
        if (previous)
            t.previous_turnover_days = turnover(previous->total.of(planning::Measure::sales).actual,
                                                previous_start, month_start, previous_days);
    }
    bool all_caps = nr > 0;
    Money cap_sum = Money::zero(c);
    for (const Section& sec : out.regions) {
        if (!sec.cap)
            all_caps = false;
        else
            cap_sum += sec.cap->cap;
        t.accounts_over_cap.insert(t.accounts_over_cap.end(), sec.accounts_over_cap.begin(),
                                   sec.accounts_over_cap.end());
        t.overdue_accounts.insert(t.overdue_accounts.end(), sec.overdue_accounts.begin(),
                                  sec.overdue_accounts.end());
        t.approvals.insert(t.approvals.end(), sec.approvals.begin(), sec.approvals.end());
        t.complaints.insert(t.complaints.end(), sec.complaints.begin(), sec.complaints.end());
        t.overdue_visits.insert(t.overdue_visits.end(), sec.overdue_visits.begin(), sec.overdue_visits.end());
    }
    if (all_caps) t.cap = credit::cap_status(cap_sum, t.aging.total);
    t.kpi = kpi_of(t);

    // ---- managers: the people who manage regions of the plan, on their regions' figures ----
    {
        const std::span<const Person> people = s.org.people();
        std::vector<scoring::ScoreResult> scored;
        std::vector<std::size_t> who;
        for (std::size_t i = 0; i < people.size(); ++i) {
            const Person& person = people[i];
            std::vector<std::size_t> mine;
            for (const RegionId& region : person.regions)
                if (const auto it = region_of_id.find(region.value()); it != region_of_id.end())
                    mine.push_back(it->second);
            if (mine.empty()) continue;
            std::sort(mine.begin(), mine.end());
            mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
            ManagerScore m{.manager = person.id,
                           .name = person.name.empty() ? person.id.value() : person.name};
            KpiInput k = input_of(out.regions[mine[0]]);
            bool caps_given = k.cap.has_value();
            bool balances_given = balances[mine[0]] != nullptr;
            Money sales_month = out.regions[mine[0]].progress.of(planning::Measure::sales).actual;
            Money sales_previous =
                previous ? previous->regions[mine[0]].of(planning::Measure::sales).actual : Money::zero(c);
            for (std::size_t j = 1; j < mine.size(); ++j) {
                const std::size_t r = mine[j];
                const KpiInput o = input_of(out.regions[r]);
                k.sales_plan += o.sales_plan;
                k.sales_actual += o.sales_actual;
                k.collection_plan += o.collection_plan;
                k.collection_actual += o.collection_actual;
                k.receivables += o.receivables;
                k.expense_plan += o.expense_plan;
                k.expense += o.expense;
                caps_given = caps_given && o.cap.has_value();
                if (caps_given) *k.cap += *o.cap;
                balances_given = balances_given && balances[r] != nullptr;
                sales_month += out.regions[r].progress.of(planning::Measure::sales).actual;
                if (previous) sales_previous += previous->regions[r].of(planning::Measure::sales).actual;
            }
            if (!caps_given) k.cap.reset();
            if (mine.size() > 1) {
                // Turnover days of the regions together, from their summed balances.
                k.turnover.reset();
                k.previous_turnover.reset();
                if (balances_given) {
                    Money opening = Money::zero(c);
                    Money opening_previous = Money::zero(c);
                    for (const std::size_t r : mine) {
                        opening += balances[r]->month_start;
                        opening_previous += balances[r]->previous_month_start;
                    }
                    const std::string field = "org.people[" + std::to_string(i) + "].regions";
                    k.turnover = at_field(
                        field, [&] { return turnover(sales_month, opening, k.receivables, month_days); });
                    if (previous)
                        k.previous_turnover = at_field(field, [&] {
                            return turnover(sales_previous, opening_previous, opening, previous_days);
                        });
                }
            }
            for (const std::size_t r : mine) m.regions.push_back(plan.regions[r].region);
            m.kpi = kpi_from(k);
            if (m.kpi) {
                scored.push_back(*m.kpi);
                who.push_back(out.managers.size());
            }
            out.managers.push_back(std::move(m));
        }
        for (const scoring::Ranked& k : scoring::rank(scored)) out.managers[who[k.index]].rank = k.rank;
    }

    // ---- findings ----
    std::vector<std::pair<std::size_t, Finding>> found;  // region index (kNone: company-wide)
    const auto add = [&](std::size_t r, Reason reason, std::optional<AccountId> account = std::nullopt) {
        Finding f{std::move(reason),
                  r == kNone ? std::nullopt : std::optional<RegionId>(plan.regions[r].region),
                  std::move(account)};
        found.emplace_back(r, std::move(f));
    };
    for (std::size_t r = 0; r < nr; ++r) {
        const Section& sec = out.regions[r];
        for (const Reason& reason : sec.progress.flags.reasons()) add(r, reason);
        for (const planning::Measure m : {planning::Measure::sales, planning::Measure::collection}) {
            const planning::Progress& g = sec.progress.of(m);
            if (g.ytd_achievement && !(*g.ytd_achievement < Percent{Decimal{100}}))
                add(r, Reason{ahead_of_plan, Outcome::allow}
                           .with("region", sec.name)
                           .with("measure", std::string(planning::display_name(m, Lang::en)))
                           .with("measure_zh", std::string(planning::display_name(m, Lang::zh)))
                           .with("actual", g.ytd_actual)
                           .with("plan", g.ytd_plan)
                           .with("achievement", *g.ytd_achievement));
        }
        for (const Reason& reason : sec.forecast.feasibility.reasons())
            if (reason.severity() != Outcome::allow) add(r, reason);
        if (sec.cap && sec.cap->breached)
            add(r, Reason{region_over_cap, Outcome::block}
                       .with("region", sec.name)
                       .with("balance", sec.cap->balance)
                       .with("cap", sec.cap->cap)
                       .with("excess", sec.cap->excess));
        for (const credit::AccountCapStatus& a : sec.accounts_over_cap)
            add(r,
                Reason{account_over_cap, Outcome::block}
                    .with("account", a.account.value())
                    .with("balance", a.status.balance)
                    .with("cap", a.status.cap)
                    .with("excess", a.status.excess),
                a.account);
        for (const OverdueAccount& o : sec.overdue_accounts)
            add(r,
                Reason{overdue_beyond, Outcome::warn}
                    .with("account", o.account.value())
                    .with("amount", o.beyond_limit)
                    .with("limit", Days{s.overdue_limit_days}),
                o.account);
        for (const WaitingApproval& w : sec.approvals)
            if (w.age.count() > s.approval_age_limit_days)
                add(r, Reason{approval_waiting, Outcome::warn}
                           .with("request", w.request.value())
                           .with("kind", std::string(approval::display_name(w.kind, Lang::en)))
                           .with("kind_zh", std::string(approval::display_name(w.kind, Lang::zh)))
                           .with("age", w.age)
                           .with("limit", Days{s.approval_age_limit_days}));
        for (std::size_t k = 0; k < sec.complaints.size(); ++k) {
            const OpenComplaint& oc = sec.complaints[k];
            for (const Reason& reason : account::sla_reasons(*complaint_of[r][k], oc.status, s.org.roles()))
                if (reason.severity() != Outcome::allow) add(r, reason, oc.account);
        }
        for (const account::OverdueVisit& v : sec.overdue_visits) add(r, account::visit_reason(v), v.account);
        if (sec.turnover_days && s.target_turnover_days && *s.target_turnover_days < *sec.turnover_days)
            add(r, Reason{turnover_over_target, Outcome::warn}
                       .with("region", sec.name)
                       .with("days", *sec.turnover_days)
                       .with("target", *s.target_turnover_days));
        if (sec.turnover_days && sec.previous_turnover_days &&
            *sec.turnover_days < *sec.previous_turnover_days)
            add(r, Reason{turnover_shortened, Outcome::allow}
                       .with("region", sec.name)
                       .with("previous", *sec.previous_turnover_days)
                       .with("days", *sec.turnover_days));
    }
    for (const planning::PlanActual& k : pva.key_accounts)
        for (const Reason& reason : k.flags.reasons())
            add(region_of_id.at(k.region->value()), reason, k.account);
    {
        // The expense review states the regions over their standard first, in plan order.
        std::size_t next = 0;
        const auto reasons = expense.findings.reasons();
        for (std::size_t r = 0; r < nr; ++r)
            if (expense.regions[r].over_standard && next < reasons.size()) add(r, reasons[next++]);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        const Outcome sa = rank_of(a.second.reason.severity());
        const Outcome sb = rank_of(b.second.reason.severity());
        if (sa != sb) return sb < sa;
        if (a.first != b.first) return a.first < b.first;
        if (a.second.reason.code() != b.second.reason.code())
            return a.second.reason.code() < b.second.reason.code();
        const std::string aa = a.second.account ? a.second.account->value() : std::string{};
        const std::string ba = b.second.account ? b.second.account->value() : std::string{};
        return aa < ba;
    });
    out.findings.reserve(found.size());
    for (auto& f : found) out.findings.push_back(std::move(f.second));

    // ---- measures ----
    std::vector<account::OverdueVisit> to_visit = visits;
    std::stable_sort(to_visit.begin(), to_visit.end(), [](const auto& a, const auto& b) {
        if (a.overdue != b.overdue) return b.overdue < a.overdue;
        return a.account.value() < b.account.value();
    });
    for (const account::OverdueVisit& v : to_visit) out.measures.accounts_to_visit.push_back(v.account);
    for (const credit::Receivable& rcv : s.receivables) {
        const Days past_due = s.as_of - rcv.due_on;
        if (past_due.count() > s.overdue_limit_days && rcv.open_amount.signum() > 0)
            out.measures.invoices_to_chase.push_back({rcv.invoice, rcv.account, rcv.open_amount, past_due});
    }
    std::stable_sort(out.measures.invoices_to_chase.begin(), out.measures.invoices_to_chase.end(),
                     [](const Chase& a, const Chase& b) {
                         if (a.amount != b.amount) return b.amount < a.amount;
                         return a.invoice.value() < b.invoice.value();
                     });
    for (const planning::RegionExpense& e : expense.regions)
        if (e.over_standard) out.measures.expense_to_review.push_back(e.region);
    for (const WaitingApproval& w : out.total.approvals) {
        if (w.age.count() <= s.approval_age_limit_days || w.still_to_approve.empty()) continue;
        ApprovalToChase c{.request = w.request, .age = w.age, .stage = w.still_to_approve.front().stage};
        for (const StepToApprove& t : w.still_to_approve) {
            if (t.stage != c.stage) break;
            for (std::size_t k = 0; k < t.approvers.size(); ++k)
                if (std::find(c.approvers.begin(), c.approvers.end(), t.approvers[k]) == c.approvers.end()) {
                    c.approvers.push_back(t.approvers[k]);
                    c.approver_names.push_back(t.approver_names[k]);
                }
        }
        out.measures.approvals_to_chase.push_back(std::move(c));
    }
    std::stable_sort(out.measures.approvals_to_chase.begin(), out.measures.approvals_to_chase.end(),
                     [](const ApprovalToChase& a, const ApprovalToChase& b) {
                         if (a.age != b.age) return b.age < a.age;
                         return a.request.value() < b.request.value();
                     });
    return out;
}

}  // namespace crm::report
