// Accounts benchmarks (issue 4).
//
// - BM_due_for_release_100k: the public-pool release run over 100,000 accounts (random tiers
//   A/B/C, 90% owned, about 6% due). Target: at most 3x BM_baseline_scan_100k, which reads the
//   same dates of the same accounts once (summing serials and counting those past a limit),
//   measured in the same binary and run.
// - BM_visibility: one visibility() call on a chart of 2,000 people with person and role grants
//   (per call; no target ratio).

#include <crm/account/access.hpp>
#include <crm/account/pool.hpp>
#include <crm/core/org_chart.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

/// xorshift64*, as tests/support/generators.hpp: the same data on every run.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t below(std::uint64_t n) {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return (state_ * 0x2545F4914F6CDD1DULL) % n;
    }
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

private:
    std::uint64_t state_;
};

constexpr std::size_t kAccounts = 100'000;
const crm::Date kAsOf(2024, 6, 30);

/// Days ago: mostly recent (inside every limit), one in twenty long ago.
std::int64_t days_ago(Rng& rng, std::int64_t recent, std::int64_t far) {
    return rng.below(20) == 0 ? rng.between(recent + 1, far) : rng.between(0, recent);
}

const std::vector<crm::account::Account>& archive() {
    static const std::vector<crm::account::Account> accounts = [] {
        using namespace crm::account;
        Rng rng(20240630);
        std::vector<Account> out;
        out.reserve(kAccounts);
        for (std::size_t i = 0; i < kAccounts; ++i) {
            Account a;
            a.id = crm::AccountId{"ACC-" + std::to_string(1'000'000 + i)};
            a.name = "客户 " + std::to_string(i);
            a.segment = static_cast<Segment>(rng.below(5));
            a.region = crm::RegionId{"r" + std::to_string(rng.below(30))};
            a.industry = "manufacturing";
            const auto t = rng.below(10);
            a.tier = t < 2 ? "A" : t < 5 ? "B" : "C";
            a.status = Status::active;
            a.created = crm::Date(2020, 1, 1) + crm::Days{rng.between(0, 1400)};
            if (rng.below(10) != 0) {
                a.owner = crm::PersonId{"rep-" + std::to_string(rng.below(2000))};
                a.owned_since = a.created + crm::Days{rng.between(0, 200)};
            }
            a.last_follow_up = kAsOf - crm::Days{days_ago(rng, 15, 60)};
            a.last_deal = kAsOf - crm::Days{days_ago(rng, 89, 400)};
            a.contacts.push_back(Contact{"联系人", "采购经理", "13812345678", "buyer@example.com"});
            out.push_back(std::move(a));
        }
        return out;
    }();
    return accounts;
}

void BM_due_for_release_100k(benchmark::State& state) {
    const crm::account::PoolPolicy policy{};
    const auto& accounts = archive();
    std::size_t released = 0;
    for (auto _ : state) {
        auto r = crm::account::due_for_release(policy, accounts, kAsOf);
        released = r.size();
        benchmark::DoNotOptimize(r.data());
        benchmark::ClobberMemory();
    }
    state.SetLabel("released " + std::to_string(released));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_due_for_release_100k)->Unit(benchmark::kMicrosecond);

/// The floor: read the dates due_for_release reads (created, owned_since, last follow-up, last
/// deal) once per account, sum their serials and count the accounts with a date older than 15
/// days. No tiers, no owners, no output.
void BM_baseline_scan_100k(benchmark::State& state) {
    const auto& accounts = archive();
    const std::int64_t today = kAsOf.serial();
    for (auto _ : state) {
        std::int64_t sum = 0;
        std::int64_t old = 0;
        for (const crm::account::Account& a : accounts) {
            const std::int64_t created = a.created.serial();
            const std::int64_t since = a.owned_since ? a.owned_since->serial() : created;
            const std::int64_t follow = a.last_follow_up ? a.last_follow_up->serial() : created;
            const std::int64_t deal = a.last_deal ? a.last_deal->serial() : created;
            sum += created + since + follow + deal;
            old += (today - follow > 15) ? 1 : 0;
        }
        benchmark::DoNotOptimize(sum);
        benchmark::DoNotOptimize(old);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kAccounts));
}
BENCHMARK(BM_baseline_scan_100k)->Unit(benchmark::kMicrosecond);

// ---- visibility --------------------------------------------------------------------------------

struct VisibilityData {
    crm::OrgChart org;
    crm::account::AccessPolicy policy;
    std::vector<crm::account::Account> accounts;
    std::vector<std::pair<crm::PersonId, std::size_t>> queries;  // viewer, account index
};

/// A realistic chart of 2,000 people: a general manager, 4 sales directors, 30 regional managers
/// (one region each), 120 key-account managers and reps under them. Grants: three people on an
/// account or a region, and key-account managers by role on one region.
const VisibilityData& visibility_data() {
    static const VisibilityData data = [] {
        using namespace crm::account;
        Rng rng(7);
        std::vector<crm::Person> people;
        const auto add = [&](std::string id, const char* role, std::optional<crm::PersonId> manager,
                             std::vector<crm::RegionId> regions = {}) {
            people.push_back(crm::Person{crm::PersonId{std::move(id)}, "name", crm::RoleId{role},
                                         std::move(manager), std::move(regions)});
        };
        add("gm", "general_manager", std::nullopt);
        for (int d = 0; d < 4; ++d) add("dir" + std::to_string(d), "sales_director", crm::PersonId{"gm"});
        for (int r = 0; r < 30; ++r)
            add("rm" + std::to_string(r), "regional_manager", crm::PersonId{"dir" + std::to_string(r % 4)},
                {crm::RegionId{"r" + std::to_string(r)}});
        for (int k = 0; k < 120; ++k)
            add("kam" + std::to_string(k), "key_account_manager",
                crm::PersonId{"rm" + std::to_string(k % 30)});
        for (int s = 0; people.size() < 2000; ++s)
            add("rep" + std::to_string(s), "sales_rep", crm::PersonId{"kam" + std::to_string(s % 120)});
        std::vector<crm::PersonId> ids;
        for (const crm::Person& p : people) ids.push_back(p.id);

        VisibilityData out{crm::OrgChart{crm::default_roles(), std::move(people)}, {}, {}, {}};
        out.policy.grants = {
            Grant{.to = crm::PersonId{"rep17"}, .on = crm::AccountId{"ACC-12"}},
            Grant{.to = crm::PersonId{"kam3"}, .on = crm::RegionId{"r5"}, .until = crm::Date(2024, 12, 31)},
            Grant{.to = crm::PersonId{"rep900"}, .on = crm::RegionId{"r9"}},
            Grant{.to = crm::RoleId{"key_account_manager"}, .on = crm::RegionId{"r2"}},
        };
        for (int i = 0; i < 1000; ++i) {
            Account a;
            a.id = crm::AccountId{"ACC-" + std::to_string(i)};
            a.region = crm::RegionId{"r" + std::to_string(rng.below(30))};
            a.tier = "B";
            a.owner = ids[155 + rng.below(ids.size() - 155)];  // a rep
            out.accounts.push_back(std::move(a));
        }
        for (int q = 0; q < 4096; ++q)
            out.queries.emplace_back(ids[rng.below(ids.size())], rng.below(out.accounts.size()));
        return out;
    }();
    return data;
}

void BM_visibility(benchmark::State& state) {
    const VisibilityData& d = visibility_data();
    const crm::Date as_of(2024, 6, 30);
    std::size_t q = 0;
    for (auto _ : state) {
        const auto& [viewer, index] = d.queries[q];
        crm::account::Access a = crm::account::visibility(viewer, d.accounts[index], d.org, d.policy, as_of);
        benchmark::DoNotOptimize(a);
        q = (q + 1) % d.queries.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_visibility)->Unit(benchmark::kNanosecond);

}  // namespace
