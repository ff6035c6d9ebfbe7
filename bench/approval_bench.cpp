// Approval benchmarks: routing a request through a 50-row delegation-of-authority matrix (with
// inclusive and exclusive thresholds, OA step modes, automatic approval and copy recipients),
// verifying a 3-step route, verifying 30 OA events against a 10-step route, and the peer: the
// same matrix as CLIPS 6.30 rules (Debian libclips-dev), deciding the same requests one by one
// (assert the request, run, read the `need` facts, retract). Target: BM_route_50_rows at least
// 20x faster than BM_peer_clips_route_50_rows; both must agree on every request before timing.

#include <crm/approval/compiled.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/approval/oa.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/org_chart.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../tests/support/generators.hpp"

#if defined(CRM_HAVE_CLIPS)
extern "C" {
#include <clips/clips.h>
}
#endif

namespace {

using namespace crm::approval;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using crm::RuleId;

std::vector<crm::Role> ladder() {
    auto roles = crm::default_roles();
    roles.push_back(crm::Role{RoleId{"finance"}, "finance controller 财务总监", 4});
    return roles;
}

// The requester Wang (rep, east) and one holder of each level on his line; Qian is finance.
crm::OrgChart org() {
    using crm::Person;
    const auto p = [](const char* s) { return PersonId{s}; };
    return crm::OrgChart{
        ladder(),
        {Person{p("zhang"), "Zhang Wei", RoleId{"general_manager"}, std::nullopt, {}},
         Person{p("zhao"), "Zhao Lei", RoleId{"sales_director"}, p("zhang"), {}},
         Person{p("qian"), "Qian Yu", RoleId{"finance"}, p("zhang"), {}},
         Person{p("liu"), "Liu Yang", RoleId{"key_account_manager"}, p("zhao"), {RegionId{"east"}}},
         Person{p("li"), "Li Na", RoleId{"regional_manager"}, p("liu"), {RegionId{"east"}}},
         Person{p("wang"), "Wang Fang", RoleId{"sales_rep"}, p("li"), {}}}};
}

crm::Money cny(std::int64_t yuan) { return crm::Money{crm::Decimal{yuan}, crm::Currency{}}; }

// The 50-row matrix: 17 families over the eight kinds, with segment, region and product-line
// conditions, base rows, and overlapping families (whose routes are unioned). Thresholds read
// "over" (超过, exclusive) except every third row, which reads "or more" (以上, inclusive). The
// OA modes: finance countersigns (会签), the general manager's step runs in order (依次审批),
// the others are or-signed (或签); the regional manager's step passes by itself up to CNY 1,000
// (自动同意); some rows copy finance or the general manager (抄送).
Matrix matrix_50() {
    Level rm{RoleId{"regional_manager"}};
    rm.auto_at_most = cny(1'000);
    const Level kam{RoleId{"key_account_manager"}}, dir{RoleId{"sales_director"}};
    Level gm{RoleId{"general_manager"}};
    gm.mode = StepMode::in_order;
    Level fin{RoleId{"finance"}, Reach::function};
    fin.mode = StepMode::all;
    using K = RequestKind;
    std::vector<Row> rows;
    int n = 0;
    const auto add = [&](K kind, Conditions when, std::optional<Threshold> over, std::vector<Level> levels) {
        ++n;
        rows.push_back(Row{.id = RuleId{"R" + std::to_string(n)},
                           .kind = kind,
                           .when = std::move(when),
                           .over = std::move(over),
                           .levels = std::move(levels),
                           .boundary = n % 3 == 0 ? crm::Boundary::inclusive : crm::Boundary::exclusive,
                           .cc = n % 7 == 0    ? std::vector<CopyTo>{CopyTo{.role = RoleId{"finance"}}}
                                 : n % 11 == 0 ? std::vector<CopyTo>{CopyTo{.person = PersonId{"zhang"}}}
                                               : std::vector<CopyTo>{}});
    };
    const Conditions any{};
    const crm::Percent pc5{"5"}, pc10{"10"}, pc20{"20"}, pc3{"3"}, pc8{"8"}, pc15{"15"}, pc4{"4"}, pc12{"12"},
        pc30{"30"};
    add(K::discount, any, pc5, {rm});
    add(K::discount, any, pc10, {rm, dir});
    add(K::discount, any, pc20, {rm, dir, gm});
    add(K::discount, any, cny(50'000), {dir, fin});
    add(K::discount, any, cny(200'000), {dir, fin, gm});
    const Conditions gov_group{.segments = {"government", "group"}};
    add(K::discount, gov_group, pc3, {kam});
    add(K::discount, gov_group, pc8, {kam, dir});
    add(K::discount, gov_group, pc15, {kam, dir, gm});
    const Conditions channel_north{.segments = {"channel"}, .regions = {RegionId{"north"}}};
    add(K::discount, channel_north, pc4, {rm});
    add(K::discount, channel_north, pc12, {rm, dir});
    add(K::order, any, cny(200'000), {rm});
    add(K::order, any, cny(1'000'000), {rm, dir});
    add(K::order, any, cny(5'000'000), {rm, dir, gm});
    const Conditions gov_parts{.segments = {"government"}, .product_lines = {crm::ProductGroupId{"parts"}}};
    add(K::order, gov_parts, cny(100'000), {kam});
    add(K::order, gov_parts, cny(500'000), {kam, dir});
    add(K::contract, any, std::nullopt, {kam});
    add(K::contract, any, cny(500'000), {kam, dir});
    add(K::contract, any, cny(2'000'000), {kam, dir, fin});
    add(K::contract, any, cny(10'000'000), {kam, dir, fin, gm});
    add(K::contract, any, crm::Days{365}, {kam, dir});
    add(K::contract, any, crm::Days{1095}, {kam, dir, gm});
    const Conditions east{.regions = {RegionId{"east"}}};
    add(K::contract, east, cny(1'000'000), {rm});
    add(K::contract, east, cny(5'000'000), {rm, gm});
    add(K::payment_term, any, crm::Days{0}, {rm});
    add(K::payment_term, any, crm::Days{30}, {rm, fin});
    add(K::payment_term, any, crm::Days{60}, {rm, dir, fin});
    const Conditions channel{.segments = {"channel"}};
    add(K::payment_term, channel, crm::Days{15}, {kam});
    add(K::payment_term, channel, crm::Days{45}, {kam, fin});
    add(K::credit_overrun, any, cny(0), {rm, fin});
    add(K::credit_overrun, any, cny(100'000), {rm, dir, fin});
    add(K::credit_overrun, any, cny(500'000), {rm, dir, fin, gm});
    add(K::credit_overrun, any, pc10, {rm, dir, fin});
    add(K::credit_overrun, any, pc30, {rm, dir, fin, gm});
    const Conditions government{.segments = {"government"}};
    add(K::credit_overrun, government, cny(50'000), {kam});
    add(K::credit_overrun, government, cny(300'000), {kam, gm});
    add(K::expense, any, cny(5'000), {rm});
    add(K::expense, any, cny(20'000), {rm, dir});
    add(K::expense, any, cny(100'000), {rm, dir, gm});
    const Conditions south_west{.regions = {RegionId{"south"}, RegionId{"west"}}};
    add(K::expense, south_west, cny(10'000), {kam});
    add(K::expense, south_west, cny(50'000), {kam, dir});
    add(K::leave, any, std::nullopt, {kam});
    add(K::leave, any, crm::Days{1}, {dir});
    add(K::leave, any, crm::Days{5}, {dir, gm});
    add(K::leave, any, crm::Days{15}, {dir, gm, fin});
    add(K::account_transfer, any, std::nullopt, {rm});
    add(K::account_transfer, any, cny(1'000'000), {rm, dir});
    add(K::account_transfer, gov_group, std::nullopt, {kam});
    add(K::account_transfer, gov_group, cny(500'000), {kam, dir});
    add(K::account_transfer, gov_group, cny(2'000'000), {kam, dir, gm});
    const Conditions service{.product_lines = {crm::ProductGroupId{"service"}}};
    add(K::order, service, cny(300'000), {rm, fin});
    return Matrix{std::move(rows), ladder()};
}

// 1,024 requests by Wang over every kind, segment, region and product line; amounts in cents,
// percents in tenths, days whole, so that the CLIPS encoding (integers) is exact.
std::vector<Request> requests() {
    crm::test::Rng rng(0x5EEDULL);
    const char* const segments[] = {"government", "group", "enterprise", "channel", "alliance"};
    const char* const regions[] = {"east", "north", "south", "west"};
    const char* const products[] = {"cars", "parts", "service"};
    std::vector<Request> out;
    for (int i = 0; i < 1024; ++i) {
        Request r{.id = crm::RequestId{"Q-" + std::to_string(i)},
                  .kind = all_request_kinds[rng.below(request_kind_count)],
                  .requester = PersonId{"wang"},
                  .segment = segments[rng.below(5)],
                  .region = RegionId{regions[rng.below(4)]},
                  .product_line = crm::ProductGroupId{products[rng.below(3)]}};
        // amounts up to CNY 12M, often right on a threshold
        const std::int64_t on_grid[] = {0,       5'000,   20'000,    50'000,   100'000,
                                        200'000, 500'000, 1'000'000, 5'000'000};
        const std::int64_t cents = rng.coin() ? on_grid[rng.below(9)] * 100 : rng.between(0, 1'200'000'000);
        r.amount = crm::Money{crm::Decimal::scaled(cents, -2), crm::Currency{}};
        r.percent = crm::Percent{crm::Decimal::scaled(rng.between(0, 400), -1)};  // 0.0 .. 40.0 points
        r.days = crm::Days{rng.coin() ? rng.between(0, 20) : rng.between(0, 1500)};
        out.push_back(std::move(r));
    }
    return out;
}

void BM_route_50_rows(benchmark::State& state) {
    const Matrix m = matrix_50();
    const crm::OrgChart chart = org();
    const std::vector<Request> batch = requests();
    std::size_t i = 0;
    for (auto _ : state) {
        Route r = route(m, batch[i], chart);
        benchmark::DoNotOptimize(r);
        i = (i + 1) & 1023u;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_route_50_rows);

void BM_verify_3_steps(benchmark::State& state) {
    const Matrix m = matrix_50();
    const crm::OrgChart chart = org();
    // 4% off for a government account, CNY 60,000 below the rep's price authority: the
    // key-account manager (R6, over 3% for government and group), then the sales director and
    // finance together (R4, over CNY 50,000)
    const Request r{.id = crm::RequestId{"Q-verify"},
                    .kind = RequestKind::discount,
                    .requester = PersonId{"wang"},
                    .segment = "government",
                    .region = RegionId{"east"},
                    .product_line = crm::ProductGroupId{"cars"},
                    .amount = cny(60'000),
                    .percent = crm::Percent{"4"}};
    const Route rt = route(m, r, chart);
    if (rt.steps.size() != 3) {
        state.SkipWithError("the benchmark route does not have 3 steps");
        return;
    }
    std::vector<Approval> given;
    const char* const holders[] = {"liu", "zhao", "qian"};
    for (std::size_t k = 0; k < rt.steps.size(); ++k)
        given.push_back(Approval{.request = r.id,
                                 .fingerprint = fingerprint(r),
                                 .level = rt.steps[k].level.role,
                                 .approver = PersonId{holders[k]},
                                 .date = crm::Date(2024, 5, 6)});
    const std::vector<Delegation> none;
    if (verify(rt, given, r, chart, none).outcome() != crm::Outcome::allow) {
        state.SkipWithError("the benchmark approvals do not satisfy the route");
        return;
    }
    for (auto _ : state) {
        crm::Decision d = verify(rt, given, r, chart, none);
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_verify_3_steps);

// ---- OA events: 10 steps, 会签 and 或签 mixed, 30 events with transfers, additions and a return ----

struct OaFixture {
    crm::OrgChart org;
    Request request;
    OaRoute route;
    std::vector<Event> events;
};

OaFixture oa_fixture() {
    auto roles = crm::default_roles();
    const char* const functions[] = {"finance", "legal", "hr", "audit", "it", "quality"};
    const int ranks[] = {4, 3, 2, 4, 3, 5};
    for (int f = 0; f < 6; ++f) roles.push_back(crm::Role{RoleId{functions[f]}, functions[f], ranks[f]});
    using crm::Person;
    std::vector<Person> people{
        Person{PersonId{"m4"}, "M4", RoleId{"general_manager"}, std::nullopt, {}},
        Person{PersonId{"m3"}, "M3", RoleId{"sales_director"}, PersonId{"m4"}, {}},
        Person{PersonId{"m2"}, "M2", RoleId{"key_account_manager"}, PersonId{"m3"}, {}},
        Person{PersonId{"m1"}, "M1", RoleId{"regional_manager"}, PersonId{"m2"}, {}},
        Person{PersonId{"req"}, "Requester", RoleId{"sales_rep"}, PersonId{"m1"}, {}}};
    for (const char* f : functions)
        for (const char* suffix : {"_a", "_b"})
            people.push_back(Person{
                PersonId{std::string(f) + suffix}, std::string(f) + suffix, RoleId{f}, PersonId{"m4"}, {}});
    crm::OrgChart org{roles, people};
    std::vector<Level> levels{Level{RoleId{"regional_manager"}}, Level{RoleId{"key_account_manager"}},
                              Level{RoleId{"sales_director"}}, Level{RoleId{"general_manager"}}};
    for (int f = 0; f < 6; ++f) {
        Level l{RoleId{functions[f]}, Reach::function};
        l.mode = f % 2 == 0 ? StepMode::all : StepMode::any_one;  // finance, hr, it countersign
        levels.push_back(l);
    }
    const Matrix m{{Row{.id = RuleId{"X"}, .kind = RequestKind::expense, .levels = levels}}, roles};
    Request r{.id = crm::RequestId{"E-1"},
              .kind = RequestKind::expense,
              .requester = PersonId{"req"},
              .region = RegionId{"east"},
              .amount = cny(80'000)};
    OaRoute oa = resolve(route(m, r, org), r, org, Submission{.dedupe = Dedupe::every_occurrence});
    const auto step = [&oa](const char* role) {
        for (std::size_t s = 0; s < oa.steps.size(); ++s)
            if (oa.steps[s].step.level.role == RoleId{role}) return s;
        return oa.steps.size();
    };
    std::vector<Event> e;
    int minute = 0;
    const auto at = [&minute] {
        return crm::DateTime{crm::Date(2024, 5, 6), crm::TimeOfDay::from_minutes(minute++)};
    };
    const auto ok = [&](const char* role, const char* who) {
        e.push_back(Event{.kind = EventKind::approve,
                          .step = step(role),
                          .actor = PersonId{who},
                          .at = at(),
                          .fingerprint = oa.fingerprint});
    };
    const auto hand = [&](EventKind kind, const char* role, const char* who, const char* to) {
        e.push_back(Event{
            .kind = kind, .step = step(role), .actor = PersonId{who}, .target = PersonId{to}, .at = at()});
    };
    hand(EventKind::transfer, "regional_manager", "m1", "m2");
    ok("regional_manager", "m2");
    hand(EventKind::add_after, "hr", "hr_a", "m4");
    ok("hr", "hr_a");
    ok("hr", "hr_b");
    ok("hr", "m4");
    ok("key_account_manager", "m2");
    ok("legal", "legal_a");
    ok("it", "it_a");
    ok("it", "it_b");
    e.push_back(Event{.kind = EventKind::return_to,
                      .step = step("sales_director"),
                      .actor = PersonId{"m3"},
                      .to_step = step("key_account_manager"),
                      .at = at()});
    ok("key_account_manager", "m2");
    ok("it", "it_a");
    ok("it", "it_b");
    ok("legal", "legal_a");
    hand(EventKind::transfer, "sales_director", "m3", "m4");
    ok("sales_director", "m4");
    hand(EventKind::add_before, "audit", "audit_a", "m1");
    ok("audit", "m1");
    ok("audit", "audit_a");
    ok("finance", "finance_a");
    hand(EventKind::add_after, "finance", "finance_b", "m3");
    ok("finance", "finance_b");
    ok("finance", "m3");
    ok("general_manager", "m4");
    ok("quality", "quality_b");
    ok("quality", "quality_a");
    ok("legal", "legal_b");
    ok("audit", "audit_b");
    ok("general_manager", "m1");  // refused: not an approver of that step
    return OaFixture{std::move(org), std::move(r), std::move(oa), std::move(e)};
}

void BM_verify_oa_events_10_steps(benchmark::State& state) {
    const OaFixture f = oa_fixture();
    if (f.route.steps.size() != 10 || f.events.size() != 30) {
        state.SkipWithError("the OA fixture does not have 10 steps and 30 events");
        return;
    }
    if (!is_satisfied(verify(f.route, f.events, f.request, f.org))) {
        state.SkipWithError("the OA events do not fill the route");
        return;
    }
    for (auto _ : state) {
        crm::Decision d = verify(f.route, f.events, f.request, f.org);
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_verify_oa_events_10_steps);

#if defined(CRM_HAVE_CLIPS)

// ---- the CLIPS peer -------------------------------------------------------------------------

// Integers for CLIPS: amounts in cents, percents in hundredths of a point, days as they are.
std::int64_t scaled_integer(const crm::Decimal& d, Dimension dim) {
    if (dim == Dimension::days) return d.to_int64();
    return (d * crm::Decimal{100}).to_int64();  // throws if a value had more than two decimals
}

std::string slot_of(Dimension d) {
    switch (d) {
    case Dimension::amount: return "amount";
    case Dimension::percent: return "percent";
    default: return "days";
    }
}

std::string alternatives(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "|") + v;
    return out;
}

// The request's pattern for a family: its kind and conditions.
std::string family_pattern(const detail::Family& f) {
    std::string p = "(request (kind " + std::string(to_string(f.kind)) + ")";
    if (!f.when.segments.empty()) p += " (segment " + alternatives(f.when.segments) + ")";
    std::vector<std::string> v;
    for (const auto& r : f.when.regions) v.push_back(r.value());
    if (!v.empty()) p += " (region " + alternatives(v) + ")";
    v.clear();
    for (const auto& r : f.when.product_lines) v.push_back(r.value());
    if (!v.empty()) p += " (product " + alternatives(v) + ")";
    return p;
}

std::string asserts(const detail::MatrixData& d, const detail::Band& band) {
    std::string rhs;
    for (std::uint32_t k = 0; k < band.level_count; ++k) {
        const detail::CompiledLevel& l = d.levels[band.first_level + k];
        rhs += " (assert (need (role " + d.roles[l.role].id.value() + ") (rank " + std::to_string(l.rank) +
               ") (reach " + std::string(to_string(l.reach)) + ") (rule " + d.rows[band.row].id.value() +
               ")))";
    }
    return rhs;
}

// The CLIPS rules for a compiled matrix, generated from the same Matrix object: one rule per band
// (its threshold passed, the next one not), one per base row (no band of its family passed).
std::vector<std::string> clips_constructs(const Matrix& m) {
    const detail::MatrixData& d = m.data();
    std::vector<std::string> out{
        "(deftemplate request (slot kind) (slot segment) (slot region) (slot product) (slot amount) (slot "
        "percent) "
        "(slot days))",
        "(deftemplate need (slot role) (slot rank) (slot reach) (slot rule))"};
    int n = 0;
    for (const detail::Family& f : d.families) {
        const std::string pattern = family_pattern(f);
        for (const detail::DimensionGroup& g : f.groups) {
            const std::string slot = slot_of(g.dimension);
            for (std::size_t b = 0; b < g.bands.size(); ++b) {
                // in the band: at (以上) or past (超过) its threshold, and not in the next band
                const auto side = [](const detail::Band& band, bool lower) {
                    const bool inclusive = band.boundary == crm::Boundary::inclusive;
                    return lower ? (inclusive ? ">=" : ">") : (inclusive ? "<" : "<=");
                };
                std::string test = "(" + slot + " ?x&:(" + side(g.bands[b], true) + " ?x " +
                                   std::to_string(scaled_integer(g.bands[b].over, g.dimension)) + ")";
                if (b + 1 < g.bands.size())
                    test += "&:(" + std::string(side(g.bands[b + 1], false)) + " ?x " +
                            std::to_string(scaled_integer(g.bands[b + 1].over, g.dimension)) + ")";
                test += ")";
                out.push_back("(defrule band-" + std::to_string(++n) + " " + pattern + " " + test + ") =>" +
                              asserts(d, g.bands[b]) + ")");
            }
        }
        if (f.base) {
            std::string tests;
            int v = 0;
            for (const detail::DimensionGroup& g : f.groups) {
                const char* below =
                    g.bands.front().boundary == crm::Boundary::inclusive ? "&:(< ?v" : "&:(<= ?v";
                tests += " (" + slot_of(g.dimension) + " ?v" + std::to_string(v) + below + std::to_string(v) +
                         " " + std::to_string(scaled_integer(g.bands.front().over, g.dimension)) + "))";
                ++v;
            }
            out.push_back("(defrule base-" + std::to_string(++n) + " " + pattern + tests + ") =>" +
                          asserts(d, *f.base) + ")");
        }
    }
    return out;
}

struct ClipsNeed {
    std::string role;
    long long rank;
    std::string rule;
};

class ClipsPeer {
public:
    explicit ClipsPeer(const Matrix& m) : env_(CreateEnvironment()) {
        for (const std::string& c : clips_constructs(m))
            if (EnvBuild(env_, c.c_str()) == 0) error_ = "CLIPS refused: " + c;
        EnvReset(env_);
        request_template_ = EnvFindDeftemplate(env_, "request");
        need_template_ = EnvFindDeftemplate(env_, "need");
    }
    ClipsPeer(const ClipsPeer&) = delete;
    ClipsPeer& operator=(const ClipsPeer&) = delete;
    ~ClipsPeer() { DestroyEnvironment(env_); }

    [[nodiscard]] const std::string& error() const { return error_; }

    // Decides one request: assert it, run, read the needs ordered by rank, retract everything.
    void decide(const Request& r, std::vector<ClipsNeed>& needs) {
        needs.clear();
        void* fact = EnvCreateFact(env_, request_template_);
        put_symbol(fact, "kind", to_string(r.kind).data());
        put_symbol(fact, "segment", r.segment.c_str());
        put_symbol(fact, "region", r.region.value().c_str());
        put_symbol(fact, "product", r.product_line.value().c_str());
        put_integer(fact, "amount", scaled_integer(r.amount.amount(), Dimension::amount));
        put_integer(fact, "percent", scaled_integer(r.percent.value(), Dimension::percent));
        put_integer(fact, "days", r.days.count());
        void* asserted = EnvAssert(env_, fact);
        EnvRun(env_, -1);
        facts_.clear();
        for (void* f = EnvGetNextFactInTemplate(env_, need_template_, nullptr); f != nullptr;
             f = EnvGetNextFactInTemplate(env_, need_template_, f)) {
            DATA_OBJECT role, rank, rule;
            EnvGetFactSlot(env_, f, "role", &role);
            EnvGetFactSlot(env_, f, "rank", &rank);
            EnvGetFactSlot(env_, f, "rule", &rule);
            needs.push_back(ClipsNeed{DOToString(role), DOToLong(rank), DOToString(rule)});
            facts_.push_back(f);
        }
        for (void* f : facts_) EnvRetract(env_, f);
        EnvRetract(env_, asserted);
        std::sort(needs.begin(), needs.end(), [](const ClipsNeed& a, const ClipsNeed& b) {
            return a.rank != b.rank ? a.rank < b.rank : a.role < b.role;
        });
    }

private:
    void put_symbol(void* fact, const char* slot, const char* value) {
        DATA_OBJECT v;
        SetType(v, SYMBOL);
        SetValue(v, EnvAddSymbol(env_, value));
        EnvPutFactSlot(env_, fact, slot, &v);
    }
    void put_integer(void* fact, const char* slot, long long value) {
        DATA_OBJECT v;
        SetType(v, INTEGER);
        SetValue(v, EnvAddLong(env_, value));
        EnvPutFactSlot(env_, fact, slot, &v);
    }

    void* env_;
    void* request_template_ = nullptr;
    void* need_template_ = nullptr;
    std::vector<void*> facts_;
    std::string error_;
};

// Both deciders agree when they require the same set of levels and each of our steps names a rule
// that CLIPS also fired for that level. Returns a description of the first disagreement.
std::string disagreement(const Matrix& m, const crm::OrgChart& chart, ClipsPeer& peer,
                         const std::vector<Request>& batch) {
    std::vector<ClipsNeed> needs;
    for (const Request& r : batch) {
        const Route ours = route(m, r, chart);
        peer.decide(r, needs);
        std::vector<std::string> theirs;
        for (const auto& n : needs)
            if (std::find(theirs.begin(), theirs.end(), n.role) == theirs.end()) theirs.push_back(n.role);
        bool same = theirs.size() == ours.steps.size();
        for (const Step& s : ours.steps) {
            const bool fired = std::any_of(needs.begin(), needs.end(), [&](const ClipsNeed& n) {
                return n.role == s.level.role.value() && n.rule == s.rule.value();
            });
            same = same && fired;
        }
        if (!same) {
            std::string text =
                "request " + r.id.value() + " (" + std::string(to_string(r.kind)) + "): crmrules";
            for (const Step& s : ours.steps) text += " " + s.level.role.value();
            text += "; CLIPS";
            for (const auto& t : theirs) text += " " + t;
            return text;
        }
    }
    return {};
}

void BM_peer_clips_route_50_rows(benchmark::State& state) {
    const Matrix m = matrix_50();
    const crm::OrgChart chart = org();
    const std::vector<Request> batch = requests();
    ClipsPeer peer(m);
    if (!peer.error().empty()) {
        state.SkipWithError(peer.error().c_str());
        return;
    }
    if (const std::string d = disagreement(m, chart, peer, batch); !d.empty()) {
        state.SkipWithError(("crmrules and CLIPS disagree: " + d).c_str());
        return;
    }
    std::vector<ClipsNeed> needs;
    std::size_t i = 0;
    for (auto _ : state) {
        peer.decide(batch[i], needs);
        benchmark::DoNotOptimize(needs.data());
        i = (i + 1) & 1023u;
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_peer_clips_route_50_rows);

#else

void BM_peer_clips_route_50_rows(benchmark::State& state) {
    for (auto _ : state) {
    }
    state.SkipWithError("libclips-dev not installed");
}
BENCHMARK(BM_peer_clips_route_50_rows);

#endif

}  // namespace
