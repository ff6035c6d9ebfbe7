// What-if replay benchmarks (reported, no target): BM_replay_200k_orders replays 200,000 orders
// (each with two open receivables, one in three with a discount) under two policy sets, on one
// thread and on two; BM_replay_parts_200k_orders makes the same layer-1 calls by hand (credit
// check and approval routes under both sets, no counting), the floor the replay stands on.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/credit/check.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/replay/replay.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace crm;

constexpr std::size_t kOrders = 200'000;

Money cents(std::int64_t c) { return Money{Decimal::scaled(c, -2), Currency{"CNY"}}; }

policy::PolicySet policies(const char* id, int tolerance, std::int64_t band) {
    policy::PolicyVersion v{.id = id, .effective_from = Date{2025, 1, 1}};
    credit::Policy p;
    p.tolerance.percent = Percent{Decimal{tolerance}};
    v.credit.policies = {{.tier = "A", .segment = "", .policy = p},
                         {.tier = "B", .segment = "", .policy = p}};
    v.approval.rows = {approval::Row{.id = RuleId{"O1"},
                                     .kind = approval::RequestKind::order,
                                     .over = cents(band),
                                     .levels = {{RoleId{"regional_manager"}}}},
                       approval::Row{.id = RuleId{"O2"},
                                     .kind = approval::RequestKind::order,
                                     .over = cents(band * 4),
                                     .levels = {{RoleId{"regional_manager"}}, {RoleId{"sales_director"}}}},
                       approval::Row{.id = RuleId{"D1"},
                                     .kind = approval::RequestKind::discount,
                                     .over = Percent{"8"},
                                     .levels = {{RoleId{"regional_manager"}}}}};
    return policy::PolicySet{.versions = {v}};
}

const replay::History& history() {
    static const replay::History h = [] {
        replay::History out{
            .people = {{PersonId{"zhao"}, "赵总监", RoleId{"sales_director"}, std::nullopt, {}},
                       {PersonId{"li"}, "李经理", RoleId{"regional_manager"}, PersonId{"zhao"}, {}},
                       {PersonId{"wang"}, "王芳", RoleId{"sales_rep"}, PersonId{"li"}, {}}}};
        std::mt19937_64 rng(42);
        const char* const regions[] = {"east", "north", "south"};
        out.orders.reserve(kOrders);
        for (std::size_t i = 0; i < kOrders; ++i) {
            replay::HistoricalOrder o;
            o.order = credit::Order{.id = OrderId{"SO-" + std::to_string(i)},
                                    .amount = cents(static_cast<std::int64_t>(rng() % 100'000'000))};
            o.placed = Date{2025, 1, 1} + Days{static_cast<std::int64_t>(rng() % 365)};
            o.account = AccountId{"A" + std::to_string(rng() % 5000)};
            o.tier = rng() % 2 == 0 ? "A" : "B";
            o.region = RegionId{regions[rng() % 3]};
            o.requester = PersonId{"wang"};
            o.profile = credit::CreditProfile{.account = o.account,
                                              .limit = cents(static_cast<std::int64_t>(rng() % 200'000'000)),
                                              .limit_reviewed_on = Date{2024, 12, 1}};
            for (int k = 0; k < 2; ++k) {
                const Date inv = o.placed - Days{static_cast<std::int64_t>(rng() % 120)};
                o.receivables.push_back(
                    {.invoice = InvoiceId{"I" + std::to_string(i * 2 + k)},
                     .account = o.account,
                     .invoiced_on = inv,
                     .due_on = inv + Days{30},
                     .open_amount = cents(static_cast<std::int64_t>(rng() % 40'000'000))});
            }
            if (i % 3 == 0) o.discount = Percent{Decimal::scaled(static_cast<std::int64_t>(rng() % 150), -1)};
            out.orders.push_back(std::move(o));
        }
        return out;
    }();
    return h;
}

void BM_replay_200k_orders(benchmark::State& state) {
    const auto before = policies("old", 10, 50'000'000);
    const auto after = policies("new", 0, 30'000'000);
    const auto& h = history();
    for (auto _ : state) {
        auto r = replay::replay(before, after, h,
                                replay::ReplayOptions{.threads = static_cast<int>(state.range(0))});
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kOrders));
}
BENCHMARK(BM_replay_200k_orders)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_replay_parts_200k_orders(benchmark::State& state) {
    const policy::PolicySet sets[] = {policies("old", 10, 50'000'000), policies("new", 0, 30'000'000)};
    const auto& h = history();
    std::vector<approval::Matrix> matrices;
    std::vector<OrgChart> orgs;
    for (const auto& s : sets) {
        const auto& v = s.versions[0];
        matrices.emplace_back(v.approval.rows, v.approval.roles, v.approval.currency);
        orgs.emplace_back(v.approval.roles, h.people);
    }
    for (auto _ : state) {
        std::size_t stopped = 0;
        for (const auto& o : h.orders) {
            for (std::size_t k = 0; k < 2; ++k) {
                const auto& v = sets[k].versions[0];
                const credit::CreditSnapshot snap{o.receivables, o.open_orders, o.shipped_not_invoiced,
                                                  o.rates};
                const Decision d = credit::check_order(policy::credit_policy(v, o.tier, o.segment), o.profile,
                                                       snap, o.order, o.placed);
                approval::Request q{.id = RequestId{o.order.id.value()},
                                    .kind = approval::RequestKind::order,
                                    .requester = o.requester,
                                    .region = o.region,
                                    .amount = o.order.amount};
                const approval::Route r = approval::route(matrices[k], q, orgs[k]);
                stopped += (d.outcome() >= Outcome::needs_approval ? 1 : 0) + r.steps.size();
                if (o.discount) {
                    q.kind = approval::RequestKind::discount;
                    q.percent = *o.discount;
                    stopped += approval::route(matrices[k], q, orgs[k]).steps.size();
                }
            }
        }
        benchmark::DoNotOptimize(stopped);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kOrders));
}
BENCHMARK(BM_replay_parts_200k_orders)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
