// Monthly report benchmarks. Target, as a ratio measured in the same run:
// - BM_monthly_report_5k_accounts <= 1.5x BM_report_parts_5k_accounts: the whole report of a
//   company of 20 regions, 5,000 key accounts, 1M receivables, 200k orders, 10k approval
//   requests and 5k complaints, against the layer-1 and planning calls it makes on the same
//   snapshot, made one after the other in one loop (what a host assembling the report by hand
//   would run). The snapshot is built once.

#include <crm/account/complaint.hpp>
#include <crm/account/visit.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/caps.hpp>
#include <crm/credit/turnover.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/planning/expense.hpp>
#include <crm/planning/forecast.hpp>
#include <crm/report/monthly.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/rank.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using namespace crm;

constexpr std::size_t kRegions = 20;
constexpr std::size_t kAccounts = 5'000;
constexpr std::size_t kReceivables = 1'000'000;
constexpr std::size_t kOrders = 200'000;
constexpr std::size_t kApprovals = 10'000;
constexpr std::size_t kComplaints = 5'000;

Money cents(std::int64_t c) { return Money{Decimal::scaled(c, -2), Currency{"CNY"}}; }

const report::Snapshot& snapshot() {
    static const report::Snapshot s = [] {
        report::Snapshot s;
        s.as_of = Date(2026, 6, 15);
        std::mt19937_64 rng(42);
        std::vector<Person> people{
            Person{PersonId{"director"}, "director", RoleId{"sales_director"}, std::nullopt, {}}};
        for (std::size_t r = 0; r < kRegions; ++r) {
            const RegionId region{"R" + std::to_string(r)};
            std::vector<planning::MonthTarget> months;
            for (int m = 1; m <= 12; ++m)
                months.push_back({.month = m,
                                  .sales = cents(2'500'000'000),
                                  .collection = cents(2'000'000'000),
                                  .expense = cents(100'000'000)});
            s.plan.regions.push_back(
                {.region = region, .name = "区域" + std::to_string(r), .months = months});
            s.region_caps.push_back({region, cents(500'000'000'000)});
            s.balances.push_back({region, cents(40'000'000'000), cents(42'000'000'000)});
            people.push_back(Person{PersonId{"m" + std::to_string(r)},
                                    "manager",
                                    RoleId{"regional_manager"},
                                    PersonId{"director"},
                                    {region}});
            people.push_back(Person{PersonId{"rep" + std::to_string(r)},
                                    "rep",
                                    RoleId{"sales_rep"},
                                    PersonId{"m" + std::to_string(r)},
                                    {}});
        }
        s.org = OrgChart{default_roles(), people};
        for (std::size_t a = 0; a < kAccounts; ++a) {
            const std::size_t r = a % kRegions;
            s.accounts.push_back(account::Account{
                .id = AccountId{"A" + std::to_string(a)},
                .name = "客户",
                .region = RegionId{"R" + std::to_string(r)},
                .tier = a % 3 == 0   ? "A"
                        : a % 3 == 1 ? "B"
                                     : "C",
                .owner = PersonId{"rep" + std::to_string(r)},
                .status = account::Status::active,
                .created = Date(2024, 1, 1),
                .last_visit = Date(2026, 1, 1) + Days{static_cast<std::int64_t>(rng() % 160)}});
            for (unsigned m = 1; m <= 6; ++m) {
                const Date d(2026, m, 1 + static_cast<unsigned>(rng() % 14));
                s.actuals.sales.push_back(
                    {s.accounts.back().id, d, cents(static_cast<std::int64_t>(rng() % 10'000'000))});
                s.actuals.collections.push_back(
                    {s.accounts.back().id, d, cents(static_cast<std::int64_t>(rng() % 8'000'000))});
            }
            s.collection_history.push_back(
                {s.accounts.back().id, Period::containing(Date(2026, 5, 1), PeriodKind::month),
                 cents(1'000'000), cents(900'000), cents(-100'000), Percent{"90"}});
        }
        for (std::size_t r = 0; r < kRegions; ++r)
            for (unsigned m = 1; m <= 6; ++m)
                s.actuals.expenses.push_back(
                    {RegionId{"R" + std::to_string(r)}, Date(2026, m, 10), cents(90'000'000)});
        s.receivables.reserve(kReceivables);
        for (std::size_t i = 0; i < kReceivables; ++i) {
            const Date invoiced = Date(2025, 6, 1) + Days{static_cast<std::int64_t>(rng() % 380)};
            s.receivables.push_back({InvoiceId{"I" + std::to_string(i)}, s.accounts[i % kAccounts].id,
                                     invoiced, invoiced + Days{30},
                                     cents(static_cast<std::int64_t>(1 + rng() % 1'000'000))});
        }
        for (std::size_t i = 0; i < kOrders; ++i)
            s.orders.push_back({s.accounts[i % kAccounts].id,
                                cents(static_cast<std::int64_t>(rng() % 500'000)),
                                Date(2026, 6, 1) + Days{static_cast<std::int64_t>(rng() % 90)}});
        for (std::size_t i = 0; i < kApprovals; ++i) {
            const std::size_t r = i % kRegions;
            s.approvals.push_back(
                {approval::Request{.id = RequestId{"Q" + std::to_string(i)},
                                   .kind = approval::RequestKind::order,
                                   .requester = PersonId{"rep" + std::to_string(r)},
                                   .region = RegionId{"R" + std::to_string(r)},
                                   .amount = cents(static_cast<std::int64_t>(rng() % 10'000'000))},
                 Date(2026, 6, 1) + Days{static_cast<std::int64_t>(rng() % 15)}});
        }
        for (std::size_t i = 0; i < kComplaints; ++i)
            s.complaints.push_back(account::Complaint{
                .id = ComplaintId{"C" + std::to_string(i)},
                .account = s.accounts[(i * 7) % kAccounts].id,
                .tier = s.accounts[(i * 7) % kAccounts].tier,
                .severity = static_cast<account::Severity>(rng() % 4),
                .received = DateTime{Date(2026, 6, 1) + Days{static_cast<std::int64_t>(rng() % 14)},
                                     TimeOfDay(10, 0)}});
        s.target_turnover_days = Decimal{45};
        return s;
    }();
    return s;
}

void BM_monthly_report_5k_accounts(benchmark::State& state) {
    const report::Snapshot& s = snapshot();
    for (auto _ : state) benchmark::DoNotOptimize(report::monthly_report(s));
}
BENCHMARK(BM_monthly_report_5k_accounts)->Unit(benchmark::kMillisecond);

// The calls the report makes, on the same snapshot, by hand.
void BM_report_parts_5k_accounts(benchmark::State& state) {
    const report::Snapshot& s = snapshot();
    std::vector<credit::AccountRegion> ar;
    for (const auto& a : s.accounts) ar.push_back({a.id, a.region});
    const credit::AgingOptions options{.currency = s.plan.currency};
    const credit::AgingBuckets limit{
        {{"within", 0, s.overdue_limit_days}, {"beyond", s.overdue_limit_days + 1, std::nullopt}}};
    const DateTime at{s.as_of, TimeOfDay(24, 0)};
    for (auto _ : state) {
        const auto pva = planning::plan_vs_actual(s.plan, ar, s.actuals, s.as_of);
        benchmark::DoNotOptimize(planning::plan_vs_actual(s.plan, ar, s.actuals, Date(2026, 5, 31)));
        const auto by_account = credit::aging_by_account(s.receivables, s.as_of, s.aging_buckets, options);
        benchmark::DoNotOptimize(credit::aging_by_region(by_account, ar));
        benchmark::DoNotOptimize(credit::aging(s.receivables, s.as_of, s.aging_buckets, options));
        benchmark::DoNotOptimize(credit::aging_by_account(s.receivables, s.as_of, limit, options));
        benchmark::DoNotOptimize(credit::cap_report(s.receivables, ar, s.account_caps, s.region_caps, {}));
        benchmark::DoNotOptimize(account::overdue_visits(s.visits, s.accounts, s.as_of));
        benchmark::DoNotOptimize(planning::expense_review(s.plan, pva, s.expense));
        for (const auto& c : s.complaints)
            benchmark::DoNotOptimize(account::sla_status(s.sla, c, s.calendar, s.hours, at));
        for (const auto& q : s.approvals) q.request.validate();
        // forecasts: per region on its own facts, then the company
        for (const auto& region : s.plan.regions) {
            std::vector<credit::AccountRegion> acc;
            std::vector<planning::Sale> sal;
            std::vector<planning::OpenOrder> ord;
            std::vector<credit::Receivable> rec;
            std::vector<credit::CollectionLine> his;
            std::unordered_map<std::string, bool> mine;
            for (const auto& a : ar) {
                mine[a.account.value()] = a.region == region.region;
                if (a.region == region.region) acc.push_back(a);
            }
            for (const auto& x : s.actuals.sales)
                if (mine[x.account.value()]) sal.push_back(x);
            for (const auto& x : s.orders)
                if (mine[x.account.value()]) ord.push_back(x);
            for (const auto& x : s.receivables)
                if (mine[x.account.value()]) rec.push_back(x);
            for (const auto& x : s.collection_history)
                if (mine[x.account.value()]) his.push_back(x);
            benchmark::DoNotOptimize(planning::rolling_forecast(s.plan, region.region, acc, sal, ord, rec,
                                                                his, s.forecast, s.as_of));
        }
        benchmark::DoNotOptimize(planning::rolling_forecast(s.plan, std::nullopt, ar, s.actuals.sales,
                                                            s.orders, s.receivables, s.collection_history,
                                                            s.forecast, s.as_of));
        // the KPI card with its trend criteria, as the report scores regions and managers
        const scoring::CompiledScorecard card{scoring::kpi_scorecard(s.kpi, s.kpi_trends)};
        std::vector<scoring::ScoreResult> scored;
        std::vector<scoring::Facts> facts;
        for (const auto& line : pva.regions) {
            const auto& sa = line.of(planning::Measure::sales);
            const auto& co = line.of(planning::Measure::collection);
            const scoring::KpiFigures f{.sales_plan = sa.ytd_plan,
                                        .sales_actual = sa.ytd_actual,
                                        .collection_plan = co.ytd_plan,
                                        .collection_actual = co.ytd_actual,
                                        .receivables = cents(40'000'000'000),
                                        .receivable_cap = cents(500'000'000'000),
                                        .turnover_days = Decimal{40},
                                        .target_turnover_days = s.target_turnover_days,
                                        .sales_expense = line.of(planning::Measure::expense).ytd_actual,
                                        .new_product_revenue = cents(0)};
            const scoring::KpiTrendFigures t{.expense_plan = line.of(planning::Measure::expense).ytd_plan,
                                             .sales_expense = line.of(planning::Measure::expense).ytd_actual,
                                             .turnover_days = Decimal{40},
                                             .previous_turnover_days = Decimal{42}};
            facts.push_back(scoring::kpi_facts(f, t));
            scored.push_back(scoring::evaluate(card, facts.back()));
        }
        benchmark::DoNotOptimize(scoring::rank(scored));
        // the managers: one per region here, scored again on the same figures and ranked
        std::vector<scoring::ScoreResult> managers;
        for (const auto& person : s.org.people())
            if (!person.regions.empty())
                for (std::size_t r = 0; r < pva.regions.size(); ++r)
                    if (pva.regions[r].region == person.regions.front())
                        managers.push_back(scoring::evaluate(card, facts[r]));
        benchmark::DoNotOptimize(scoring::rank(managers));
    }
}
BENCHMARK(BM_report_parts_5k_accounts)->Unit(benchmark::kMillisecond);

}  // namespace
