// What-if replay: a worked history counted by hand, bad input naming the order, and properties
// over generated histories (a set against itself changes nothing, swapping the sets swaps tighter
// and looser, the thread count changes nothing, the regions add up to the total, each answer is
// the one credit::check_order gives).

#include <crm/account/pool.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/check.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/pricing/price.hpp>
#include <crm/pricing/rule_book.hpp>
#include <crm/replay/replay.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <stop_token>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::Date;
using crm::ErrorCode;
using crm::Money;
using crm::Outcome;
using crm::Percent;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using crm::test::Rng;
namespace replay = crm::replay;
namespace credit = crm::credit;
namespace approval = crm::approval;

namespace {

Money cny(const char* s) { return Money{s, "CNY"}; }

/// Tier B with the default credit policy (warn at 90%, 10% over the limit needs approval,
/// beyond it blocks); `tolerance` replaces the 10%. `order_row` adds an approval row: an order of
/// CNY 600,000.00 or more needs the regional manager.
crm::policy::PolicySet set(const char* tolerance, bool order_row) {
    crm::policy::PolicyVersion v{.id = order_row ? "new" : "old", .effective_from = Date{2025, 1, 1}};
    credit::Policy p;
    p.tolerance.percent = Percent{tolerance};
    v.credit.policies = {{.tier = "B", .segment = "", .policy = p}};
    if (order_row)
        v.approval.rows = {approval::Row{.id = crm::RuleId{"O1"},
                                         .kind = approval::RequestKind::order,
                                         .over = cny("600000.00"),
                                         .levels = {{RoleId{"regional_manager"}}}}};
    return crm::policy::PolicySet{.company = "c", .versions = {v}};
}

std::vector<crm::Person> people() {
    return {{PersonId{"zhao"}, "赵总监", RoleId{"sales_director"}, std::nullopt, {}},
            {PersonId{"li"}, "李经理", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"east"}}},
            {PersonId{"wang"}, "王芳", RoleId{"sales_rep"}, PersonId{"li"}, {}}};
}

/// An order of `amount` by an account with CNY 1,000,000.00 of limit and `open` receivable
/// (invoiced 2025-02-01, due 2025-03-03: not overdue on 2025-03-01).
replay::HistoricalOrder order(const char* id, const char* account, const char* region, const char* amount,
                              const char* open) {
    replay::HistoricalOrder h;
    h.order = credit::Order{.id = crm::OrderId{id}, .amount = cny(amount)};
    h.placed = Date{2025, 3, 1};
    h.account = AccountId{account};
    h.tier = "B";
    h.region = RegionId{region};
    h.requester = PersonId{"wang"};
    h.profile = credit::CreditProfile{
        .account = h.account, .limit = cny("1000000.00"), .limit_reviewed_on = Date{2025, 1, 1}};
    if (Money{open, "CNY"}.signum() > 0)
        h.receivables = {credit::Receivable{.invoice = crm::InvoiceId{std::string("I-") + id},
                                            .account = h.account,
                                            .invoiced_on = Date{2025, 2, 1},
                                            .due_on = Date{2025, 3, 3},
                                            .open_amount = cny(open)}};
    return h;
}

replay::History worked() {
    replay::History h{.orders = {order("SO-1", "K1", "east", "650000.00", "400000.00"),
                                 order("SO-2", "K2", "east", "520000.00", "400000.00"),
                                 order("SO-3", "K3", "north", "700000.00", "0"),
                                 order("SO-4", "K4", "south", "300000.00", "0")},
                      .people = people()};
    h.orders[3].discount = Percent{"12"};
    return h;
}

/// `base` with a price list of P1 at CNY 100.00 (not below 85.00: refused), a `percent` off for
/// tier B, and the authority: the rep 5%, the regional manager 12%, the director 30%.
crm::policy::PolicySet priced(crm::policy::PolicySet base, const char* percent) {
    namespace pricing = crm::pricing;
    auto& p = base.versions[0].pricing;
    p.book.entries = {pricing::PriceListEntry{.product = crm::ProductId{"P1"},
                                              .currency = crm::Currency{"CNY"},
                                              .list_price = crm::Decimal{"100.00"},
                                              .min_price = crm::Decimal{"85.00"}}};
    p.book.rules = {
        pricing::Rule{.id = crm::RuleId{"R-B"},
                      .kind = pricing::RuleKind::tier_discount,
                      .when = {.tiers = {"B"}},
                      .action = {.kind = pricing::ActionKind::percent_off, .percent = Percent{percent}}}};
    p.book.policy.floor_policy = pricing::FloorPolicy::refuse;
    p.authority.rows = {
        pricing::AuthorityRow{.role = RoleId{"sales_rep"}, .rank = 1, .max_discount = Percent{"5"}},
        pricing::AuthorityRow{.role = RoleId{"regional_manager"}, .rank = 2, .max_discount = Percent{"12"}},
        pricing::AuthorityRow{.role = RoleId{"sales_director"}, .rank = 4, .max_discount = Percent{"30"}}};
    return base;
}

crm::account::Account pool_account(const char* id, const char* region, const char* tier, const char* owner,
                                   Date follow_up, Date deal) {
    crm::account::Account a;
    a.id = AccountId{id};
    a.region = RegionId{region};
    a.tier = tier;
    if (*owner != 0) a.owner = PersonId{owner};
    a.status = crm::account::Status::active;
    a.created = Date{2024, 1, 1};
    a.last_follow_up = follow_up;
    a.last_deal = deal;
    return a;
}

/// A pool run on 2025-03-01: K1 (B, east) 40 days since its follow-up and deal; K2 (C, north) 9
/// days since its follow-up, 71 since its deal; K3 (A, east) exempt; K4 (B, south) in the pool.
replay::PoolRun pool_run() {
    return replay::PoolRun{
        .as_of = Date{2025, 3, 1},
        .accounts = {pool_account("K1", "east", "B", "wang", Date{2025, 1, 20}, Date{2025, 1, 20}),
                     pool_account("K2", "north", "C", "wang", Date{2025, 2, 20}, Date{2024, 12, 20}),
                     pool_account("K3", "east", "A", "wang", Date{2024, 1, 1}, Date{2024, 1, 1}),
                     pool_account("K4", "south", "B", "", Date{2024, 1, 1}, Date{2024, 1, 1})}};
}

}  // namespace

TEST_SUITE("replay") {
    TEST_CASE("a tolerance cut to zero and an order approval band replayed over four orders") {
        // Old: 10% over the limit needs approval, no approval rows. New: no tolerance, orders of
        // CNY 600,000.00 or more need the regional manager.
        //   SO-1: 400,000 + 650,000 = 1,050,000 of 1,000,000: old needs approval (50,000 over,
        //         within 100,000), new blocks (credit.over_tolerance); and now routed (650,000).
        //   SO-2: 920,000 = 92%: warn under both; 520,000 is under the band: the same.
        //   SO-3: 700,000 = 70%: allow under both; now routed (700,000 >= 600,000).
        //   SO-4: 300,000: allow, its 12% discount routed by neither: the same.
        const auto r = replay::replay(set("10", false), set("0", true), worked());
        CHECK(r.currency == crm::Currency{"CNY"});
        CHECK(r.total.orders == replay::Tally{4, cny("2170000.00")});
        CHECK(r.total.credit_tighter == replay::Tally{1, cny("650000.00")});
        CHECK(r.total.newly_blocked == replay::Tally{1, cny("650000.00")});
        CHECK(r.total.credit_looser.orders == 0);
        CHECK(r.total.approval_tighter == replay::Tally{2, cny("1350000.00")});  // 650,000 + 700,000
        REQUIRE(r.regions.size() == 3);
        CHECK(r.regions[0].key == "east");
        CHECK(r.regions[0].orders == replay::Tally{2, cny("1170000.00")});
        CHECK(r.regions[0].credit_tighter == replay::Tally{1, cny("650000.00")});
        CHECK(r.regions[1].key == "north");
        CHECK(r.regions[1].approval_tighter == replay::Tally{1, cny("700000.00")});
        CHECK(r.regions[2].key == "south");
        CHECK(r.regions[2].credit_tighter.orders == 0);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].key == "credit.over_tolerance");
        CHECK(r.reasons[0].newly_blocked == replay::Tally{1, cny("650000.00")});
        REQUIRE(r.cases.size() == 2);
        const replay::Case& so1 = r.cases[0];
        CHECK(so1.order == crm::OrderId{"SO-1"});
        CHECK(so1.before.credit.outcome() == Outcome::needs_approval);
        CHECK(so1.after.credit.outcome() == Outcome::block);
        CHECK(so1.credit == replay::Shift::tighter);
        CHECK(so1.approval == replay::Shift::tighter);
        CHECK(so1.reason == "credit.over_tolerance");
        CHECK(so1.before.policy_version == "old");
        CHECK(so1.after.policy_version == "new");
        REQUIRE(so1.after.approval.size() == 1);
        CHECK(so1.after.approval[0].level.role == RoleId{"regional_manager"});
        CHECK(so1.after.approval_rank == 2);
        CHECK(r.cases[1].order == crm::OrderId{"SO-3"});
        CHECK(r.cases[1].credit == replay::Shift::same);
        CHECK(r.cases[1].reason.empty());
        CHECK_FALSE(r.stopped);
    }

    TEST_CASE("the other way round the same orders are looser") {
        const auto r = replay::replay(set("0", true), set("10", false), worked());
        CHECK(r.total.credit_looser == replay::Tally{1, cny("650000.00")});
        CHECK(r.total.approval_looser == replay::Tally{2, cny("1350000.00")});
        CHECK(r.total.credit_tighter.orders == 0);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].key == "credit.over_tolerance");  // the old set's deciding reason
        CHECK(r.cases.at(0).credit == replay::Shift::looser);
    }

    TEST_CASE("a discount band is routed as a discount request") {
        auto after = set("10", false);
        after.versions[0].approval.rows = {approval::Row{.id = crm::RuleId{"D1"},
                                                         .kind = approval::RequestKind::discount,
                                                         .over = Percent{"10"},
                                                         .levels = {{RoleId{"regional_manager"}}}}};
        const auto r = replay::replay(set("10", false), after, worked());
        REQUIRE(r.cases.size() == 1);  // SO-4's 12% is 10% or more
        CHECK(r.cases[0].order == crm::OrderId{"SO-4"});
        CHECK(r.cases[0].approval == replay::Shift::tighter);
        CHECK(r.total.approval_tighter == replay::Tally{1, cny("300000.00")});
    }

    TEST_CASE("a deeper tier discount replayed over an order's lines is refused at the floor") {
        // SO-4 (tier B) carries 10 x P1, list CNY 100.00, floor 85.00 (refused below).
        //   Old, 10% off: unit 90.0000, net 900.00; 10% needs the regional manager (rank 2).
        //   New, 20% off: unit 80.0000 < 85.00: block pricing.below_floor; net 800.00; 20% needs
        //   the sales director (rank 4). Tighter, priced lower by 100.00.
        // The other orders have no lines: their prices are not replayed.
        auto history = worked();
        history.orders[3].lines = {crm::pricing::QuoteLine{
            .product = crm::ProductId{"P1"}, .currency = crm::Currency{"CNY"}, .quantity = crm::Decimal{10}}};
        const auto r =
            replay::replay(priced(set("10", false), "10"), priced(set("10", false), "20"), history);
        REQUIRE(r.cases.size() == 1);
        const replay::Case& c = r.cases[0];
        CHECK(c.order == crm::OrderId{"SO-4"});
        CHECK(c.before.net_total == cny("900.00"));
        CHECK(c.after.net_total == cny("800.00"));
        CHECK(c.before.price.outcome() == Outcome::allow);
        CHECK(c.before.price.has("pricing.within_authority"));
        CHECK(c.before.price_rank == 2);
        CHECK(c.after.price.outcome() == Outcome::block);
        CHECK(c.after.price.has("pricing.below_floor"));
        CHECK(c.after.price_rank == 4);
        CHECK(c.price == replay::Shift::tighter);
        CHECK(c.price_reason == "pricing.below_floor");
        CHECK(c.price_change == cny("-100.00"));
        CHECK(c.credit == replay::Shift::same);
        CHECK(c.reason.empty());
        CHECK(r.total.price_tighter == replay::Tally{1, cny("300000.00")});
        CHECK(r.total.priced_lower == replay::Tally{1, cny("100.00")});
        CHECK(r.total.priced_higher.orders == 0);
        REQUIRE(r.reasons.size() == 1);
        CHECK(r.reasons[0].key == "pricing.below_floor");
        CHECK(r.reasons[0].price_tighter == replay::Tally{1, cny("300000.00")});
        CHECK(r.regions.at(2).key == "south");
        CHECK(r.regions.at(2).priced_lower == replay::Tally{1, cny("100.00")});
        CHECK(r.cases[0].before.credit == r.cases[0].after.credit);

        // The other way round: looser, priced higher by 100.00, the old set's reason.
        const auto back =
            replay::replay(priced(set("10", false), "20"), priced(set("10", false), "10"), history);
        REQUIRE(back.cases.size() == 1);
        CHECK(back.cases[0].price == replay::Shift::looser);
        CHECK(back.cases[0].price_reason == "pricing.below_floor");
        CHECK(back.total.priced_higher == replay::Tally{1, cny("100.00")});

        // 4% off needs only the rep (rank 1): looser by authority alone, the decision allow both ways.
        const auto milder =
            replay::replay(priced(set("10", false), "10"), priced(set("10", false), "4"), history);
        REQUIRE(milder.cases.size() == 1);
        CHECK(milder.cases[0].price == replay::Shift::looser);
        CHECK(milder.cases[0].price_reason.empty());
        CHECK(milder.cases[0].after.price_rank == 1);
        CHECK(milder.cases[0].price_change == cny("60.00"));  // 10 x 96.00 - 900.00
        CHECK(milder.reasons.empty());
    }

    TEST_CASE("a pool run replayed under longer follow-up and shorter deal limits") {
        // Old: the default pool policy (B 30 days without follow-up / 180 without a deal, C 15 / 90).
        // New: B 45 / 180, C 15 / 60. On 2025-03-01:
        //   K1 (B): 40 days since 2025-01-20: more than 30, released under the old; within 45 under the new.
        //   K2 (C): 9 days since its follow-up; 71 since its deal (2024-12-20): within 90, more than 60.
        //   K3 (A) exempt and K4 (no owner) under neither.
        auto before = set("10", false);
        auto after = set("10", false);
        after.versions[0].account.pool.tiers[1].follow_up_within = crm::Days{45};
        after.versions[0].account.pool.tiers[2].deal_within = crm::Days{60};
        auto history = worked();
        history.pool = {pool_run()};
        const auto r = replay::replay(before, after, history);
        CHECK(r.pool == replay::PoolCounts{.key = "",
                                           .accounts = 4,
                                           .released_before = 1,
                                           .released_after = 1,
                                           .tighter = 1,
                                           .looser = 1});
        REQUIRE(r.pool_regions.size() == 3);
        CHECK(r.pool_regions[0] == replay::PoolCounts{.key = "east",
                                                      .accounts = 2,
                                                      .released_before = 1,
                                                      .released_after = 0,
                                                      .tighter = 0,
                                                      .looser = 1});
        CHECK(r.pool_regions[1] == replay::PoolCounts{.key = "north",
                                                      .accounts = 1,
                                                      .released_before = 0,
                                                      .released_after = 1,
                                                      .tighter = 1,
                                                      .looser = 0});
        CHECK(r.pool_regions[2] == replay::PoolCounts{.key = "south", .accounts = 1});
        REQUIRE(r.pool_cases.size() == 2);
        const replay::PoolCase& k1 = r.pool_cases[0];
        CHECK(k1.account == AccountId{"K1"});
        CHECK(k1.shift == replay::Shift::looser);
        CHECK(k1.owner == PersonId{"wang"});
        REQUIRE(k1.before.has_value());
        REQUIRE(k1.before->no_follow_up.has_value());
        CHECK(k1.before->no_follow_up->elapsed == crm::Days{40});
        CHECK_FALSE(k1.after.has_value());
        const replay::PoolCase& k2 = r.pool_cases[1];
        CHECK(k2.account == AccountId{"K2"});
        CHECK(k2.index == 1);
        CHECK(k2.shift == replay::Shift::tighter);
        REQUIRE(k2.after.has_value());
        CHECK_FALSE(k2.after->no_follow_up.has_value());
        REQUIRE(k2.after->no_deal.has_value());
        CHECK(k2.after->no_deal->elapsed == crm::Days{71});
        CHECK(k2.before_version == "old");
        CHECK(r.cases.empty());  // the orders' answers did not move
    }

    TEST_CASE("bad price and pool input names the line the run and the account") {
        const auto a = priced(set("10", false), "10");
        const auto b = priced(set("0", true), "20");
        const auto with_line = [](const char* product, const char* currency) {
            auto h = worked();
            h.orders[1].lines = {crm::pricing::QuoteLine{.product = crm::ProductId{product},
                                                         .currency = crm::Currency{currency},
                                                         .quantity = crm::Decimal{1}}};
            return h;
        };
        crm::test::check_error([&] { return replay::replay(a, b, with_line("P1", "USD")); },
                               ErrorCode::currency_mismatch, "orders[1].lines[0].currency");
        crm::test::check_error([&] { return replay::replay(a, b, with_line("P9", "CNY")); },
                               ErrorCode::not_found, "orders[1].lines[0].product");
        {
            auto bad = b;
            bad.versions[0].pricing.book.entries[0].list_price = crm::Decimal{"-1"};
            crm::test::check_error([&] { return replay::replay(a, bad, with_line("P1", "CNY")); },
                                   ErrorCode::invalid_argument,
                                   "new_set.versions[0].pricing.book.entries[0].list_price");
            // a book no order reads is not built: the replay of orders without lines succeeds
            CHECK(replay::replay(a, bad, worked()).total.orders.orders == 4);
        }
        {
            auto bad = a;
            bad.versions[0].pricing.authority.rows[1].rank = 1;
            crm::test::check_error([&] { return replay::replay(bad, b, with_line("P1", "CNY")); },
                                   ErrorCode::duplicate,
                                   "old_set.versions[0].pricing.authority.rows[1].rank");
        }
        {
            auto h = worked();
            h.pool = {pool_run(), pool_run()};
            h.pool[1].as_of = Date{2024, 6, 30};  // before either set's only version
            crm::test::check_error([&] { return replay::replay(a, b, h); }, ErrorCode::not_found,
                                   "pool[1].as_of");
            h.pool[1].as_of = Date{2025, 6, 30};
            h.pool[1].accounts[2].tier = "Z";
            crm::test::check_error([&] { return replay::replay(a, b, h); }, ErrorCode::not_found,
                                   "pool[1].accounts[2].tier");
        }
        {
            auto bad = b;
            bad.versions[0].account.pool.tiers.clear();
            auto h = worked();
            h.pool = {pool_run()};
            crm::test::check_error([&] { return replay::replay(a, bad, h); }, ErrorCode::invalid_argument,
                                   "new_set.versions[0].account.pool.tiers");
        }
    }

    TEST_CASE("bad history input names the order") {
        const auto a = set("10", false);
        const auto b = set("0", true);
        {
            auto h = worked();
            h.orders[1].tier = "";
            crm::test::check_error([&] { return replay::replay(a, b, h); }, ErrorCode::invalid_argument,
                                   "orders[1].tier");
        }
        {
            auto h = worked();
            h.orders[2].order.amount = Money{"1.00", "USD"};
            crm::test::check_error([&] { return replay::replay(a, b, h); }, ErrorCode::currency_mismatch,
                                   "orders[2].order.amount");
        }
        {
            auto h = worked();
            h.orders[0].placed = Date{2024, 12, 31};  // before either set's only version
            crm::test::check_error([&] { return replay::replay(a, b, h); }, ErrorCode::not_found,
                                   "orders[0].placed");
        }
        {
            auto h = worked();
            h.orders[3].tier = "Z";  // no credit row for Z
            const auto e = crm::test::caught_error([&] { return replay::replay(a, b, h); });
            CHECK(e.code == ErrorCode::not_found);
            CHECK(e.field.starts_with("orders[3]."));
        }
        {
            auto h = worked();
            h.orders[0].profile.limit = cny("-1.00");
            crm::test::check_error([&] { return replay::replay(a, b, h); }, ErrorCode::invalid_argument,
                                   "orders[0].profile.limit");
        }
        {
            auto h = worked();
            h.orders[2].requester = PersonId{"nobody"};
            const auto e = crm::test::caught_error([&] { return replay::replay(a, b, h); });
            CHECK(e.code == ErrorCode::not_found);
            CHECK(e.field == "orders[2].requester");
        }
        crm::test::check_error(
            [&] { return replay::replay(a, b, worked(), replay::ReplayOptions{.threads = -1}); },
            ErrorCode::invalid_argument, "options.threads");
    }

    TEST_CASE("a stop requested before the start leaves the figures empty and says so") {
        std::stop_source stop;
        stop.request_stop();
        const auto r = replay::replay(set("10", false), set("0", true), worked(),
                                      replay::ReplayOptions{.stop = stop.get_token()});
        CHECK(r.stopped);
        CHECK(r.total.orders.orders < 4);
    }
}

// ---- properties -------------------------------------------------------------------------------

namespace {

replay::History generated(Rng& rng, std::size_t n) {
    replay::History h{.people = people()};
    static const char* const regions[] = {"east", "north", "south"};
    for (std::size_t i = 0; i < n; ++i) {
        const std::string id = "SO-" + std::to_string(i);
        replay::HistoricalOrder o;
        o.order = credit::Order{
            .id = crm::OrderId{id},
            .amount = Money{crm::Decimal::scaled(rng.between(0, 120000000), -2), crm::Currency{"CNY"}}};
        o.placed = Date{2025, 1, 1} + crm::Days{rng.between(0, 364)};
        o.account = AccountId{"A" + std::to_string(rng.below(50))};
        o.tier = "B";
        o.region = RegionId{regions[rng.below(3)]};
        o.requester = PersonId{"wang"};
        o.profile = credit::CreditProfile{
            .account = o.account,
            .limit = Money{crm::Decimal::scaled(rng.between(0, 150000000), -2), crm::Currency{"CNY"}},
            .limit_reviewed_on = Date{2024, 12, 1}};
        for (int k = 0, m = static_cast<int>(rng.below(4)); k < m; ++k) {
            const Date inv = o.placed - crm::Days{rng.between(0, 200)};
            o.receivables.push_back(credit::Receivable{
                .invoice = crm::InvoiceId{id + "-" + std::to_string(k)},
                .account = o.account,
                .invoiced_on = inv,
                .due_on = inv + crm::Days{30},
                .open_amount =
                    Money{crm::Decimal::scaled(rng.between(0, 40000000), -2), crm::Currency{"CNY"}}});
        }
        if (rng.coin()) o.discount = Percent{crm::Decimal::scaled(rng.between(0, 200), -1)};
        if (rng.coin())
            o.lines = {crm::pricing::QuoteLine{.product = crm::ProductId{"P1"},
                                               .currency = crm::Currency{"CNY"},
                                               .quantity = crm::Decimal{rng.between(1, 20)}}};
        h.orders.push_back(o);
    }
    static const char* const tiers[] = {"A", "B", "C"};
    for (int k = 0, runs = static_cast<int>(rng.below(3)); k < runs; ++k) {
        replay::PoolRun run{.as_of = Date{2025, 1, 1} + crm::Days{rng.between(0, 364)}};
        for (int a = 0, m = static_cast<int>(rng.between(1, 40)); a < m; ++a) {
            const Date follow_up = run.as_of - crm::Days{rng.between(0, 80)};
            const Date deal = run.as_of - crm::Days{rng.between(0, 240)};
            run.accounts.push_back(pool_account(("P" + std::to_string(k) + "-" + std::to_string(a)).c_str(),
                                                regions[rng.below(3)], tiers[rng.below(3)],
                                                rng.below(5) == 0 ? "" : "wang", follow_up, deal));
        }
        h.pool.push_back(std::move(run));
    }
    return h;
}

crm::policy::PolicySet random_set(Rng& rng, const char* id) {
    crm::policy::PolicyVersion v{.id = id, .effective_from = Date{2025, 1, 1}};
    credit::Policy p;
    p.tolerance.percent = Percent{crm::Decimal{static_cast<std::int64_t>(rng.below(20))}};
    p.overdue.max_days_past_due = crm::Days{rng.between(30, 120)};
    v.credit.policies = {{.tier = "B", .segment = "", .policy = p}};
    std::int64_t over = 0;
    for (int k = 0, m = static_cast<int>(rng.below(3)); k < m; ++k) {
        over += rng.between(100000, 500000);
        static const char* const roles[] = {"regional_manager", "sales_director", "general_manager"};
        v.approval.rows.push_back(approval::Row{.id = crm::RuleId{"O" + std::to_string(k)},
                                                .kind = approval::RequestKind::order,
                                                .over = Money{crm::Decimal{over}, crm::Currency{"CNY"}},
                                                .levels = {}});
        for (int l = 0; l <= k; ++l) v.approval.rows.back().levels.push_back({RoleId{roles[l]}});
    }
    if (rng.coin())
        v.approval.rows.push_back(
            approval::Row{.id = crm::RuleId{"D"},
                          .kind = approval::RequestKind::discount,
                          .over = Percent{crm::Decimal{static_cast<std::int64_t>(rng.between(5, 15))}},
                          .levels = {{RoleId{"regional_manager"}}}});
    crm::policy::PolicySet set{.versions = {v}};
    set = priced(std::move(set), std::to_string(rng.below(31)).c_str());
    if (rng.coin()) set.versions[0].pricing.book.policy.floor_policy = crm::pricing::FloorPolicy::clamp;
    auto& pool = set.versions[0].account.pool.tiers;
    pool[1].follow_up_within = crm::Days{rng.between(20, 60)};
    pool[2].deal_within = crm::Days{rng.between(30, 120)};
    return set;
}

}  // namespace

TEST_SUITE("replay") {
    TEST_CASE("a property: replays over generated histories keep their invariants") {
        Rng rng(0x9E91A7);
        std::size_t moved = 0, moved_accounts = 0, priced_cases = 0;
        for (int round = 0; round < 40; ++round) {
            CAPTURE(round);
            const auto history = generated(rng, static_cast<std::size_t>(rng.between(1, 400)));
            const auto a = random_set(rng, "a");
            const auto b = random_set(rng, "b");
            const auto ab = replay::replay(a, b, history);
            // against itself nothing moves
            const auto aa = replay::replay(a, a, history);
            CHECK(aa.cases.empty());
            CHECK(aa.pool_cases.empty());
            CHECK(aa.total.credit_tighter.orders + aa.total.credit_looser.orders == 0);
            CHECK(aa.total.price_tighter.orders + aa.total.priced_higher.orders +
                      aa.total.priced_lower.orders ==
                  0);
            CHECK(aa.pool.released_before == aa.pool.released_after);
            // swapping the sets swaps tighter and looser
            const auto ba = replay::replay(b, a, history);
            CHECK(ab.total.credit_tighter == ba.total.credit_looser);
            CHECK(ab.total.approval_tighter == ba.total.approval_looser);
            CHECK(ab.cases.size() == ba.cases.size());
            CHECK(ab.total.price_tighter == ba.total.price_looser);
            CHECK(ab.total.priced_higher == ba.total.priced_lower);
            CHECK(ab.pool.tighter == ba.pool.looser);
            CHECK(ab.pool.released_after == ba.pool.released_before);
            CHECK(ab.pool_cases.size() == ba.pool_cases.size());
            // released under one set = released under both + released under that set only
            CHECK(ab.pool.released_after - ab.pool.tighter == ab.pool.released_before - ab.pool.looser);
            std::size_t pool_accounts = 0, pool_tighter = 0;
            for (const auto& r : ab.pool_regions) {
                pool_accounts += r.accounts;
                pool_tighter += r.tighter;
            }
            CHECK(pool_accounts == ab.pool.accounts);
            CHECK(pool_tighter == ab.pool.tighter);
            for (const auto& c : ab.pool_cases) {
                const auto& run = history.pool[c.run];
                const auto releases =
                    crm::account::due_for_release(b.versions[0].account.pool, run.accounts, run.as_of);
                const auto it =
                    std::find_if(releases.begin(), releases.end(),
                                 [&](const crm::account::Release& x) { return x.index == c.index; });
                CHECK((it == releases.end()) == !c.after.has_value());
                if (c.after) CHECK(*c.after == *it);
                moved_accounts += 1;
            }
            // any thread count, the same answer
            CHECK(replay::replay(a, b, history, replay::ReplayOptions{.threads = 3}) == ab);
            // the regions add up to the total
            replay::Tally sum{0, Money{"0", "CNY"}}, tighter{0, Money{"0", "CNY"}};
            for (const auto& r : ab.regions) {
                sum.orders += r.orders.orders;
                sum.amount = sum.amount + r.orders.amount;
                tighter.orders += r.credit_tighter.orders;
                tighter.amount = tighter.amount + r.credit_tighter.amount;
            }
            CHECK(sum == ab.total.orders);
            CHECK(tighter == ab.total.credit_tighter);
            CHECK(ab.total.newly_blocked.orders <= ab.total.credit_tighter.orders);
            // each case's answers are credit::check_order's
            for (const auto& c : ab.cases) {
                const auto& h = history.orders[c.index];
                const credit::CreditSnapshot s{h.receivables, h.open_orders, h.shipped_not_invoiced, h.rates};
                CHECK(c.after.credit == credit::check_order(b.versions[0].credit.policies[0].policy,
                                                            h.profile, s, h.order, h.placed));
                CHECK(c.after.net_total.has_value() == !h.lines.empty());
                if (h.lines.empty()) continue;
                const crm::pricing::RuleBook book(b.versions[0].pricing.book);
                const auto d = crm::pricing::price_document(
                    book, h.lines,
                    {.account = h.account, .tier = h.tier, .segment = h.segment, .region = h.region},
                    h.placed);
                CHECK(c.after.net_total == d.net_total);
                CHECK(c.price_change == d.net_total - *c.before.net_total);
                priced_cases += c.price != replay::Shift::same ? 1 : 0;
            }
            moved += ab.cases.size();
        }
        CHECK(moved > 100);  // the generated sets differ often enough to matter
        CHECK(moved_accounts > 20);
        CHECK(priced_cases > 20);
    }

    TEST_CASE("progress is reported up to the whole history") {
        Rng rng(7);
        const auto history = generated(rng, 3000);
        std::size_t last = 0, calls = 0;
        bool monotone = true;
        replay::ReplayOptions options{.threads = 2};
        options.progress = [&](std::size_t done, std::size_t total) {
            monotone = monotone && done >= last && total == 3000;
            last = done;
            ++calls;
        };
        (void)replay::replay(random_set(rng, "a"), random_set(rng, "b"), history, options);
        CHECK(monotone);
        CHECK(last == 3000);
        CHECK(calls > 1);
    }
}
