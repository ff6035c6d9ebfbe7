// Ownership and the public pool (公海): claim, due_for_release, transfer. Worked examples with
// the date arithmetic in comments, bad input, and properties over generated archives.

#include <crm/account/pool.hpp>
#include <crm/account/reasons.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::Date;
using crm::Days;
using crm::Decision;
using crm::Outcome;
using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using namespace crm::account;

namespace {

Date day(const char* iso) { return Date::parse(iso); }
PersonId pid(const char* s) { return PersonId{s}; }

// Zhang (general manager) <- Zhao (sales director) <- Li (regional manager, east) <- Wang, Chen (reps)
//                                                  <- Sun (regional manager, north)   <- Zhou (rep)
crm::OrgChart sample_org() {
    return crm::OrgChart{
        crm::default_roles(),
        {crm::Person{pid("zhang"), "Zhang Wei", RoleId{"general_manager"}, std::nullopt, {}},
         crm::Person{pid("zhao"), "Zhao Lei", RoleId{"sales_director"}, pid("zhang"), {}},
         crm::Person{pid("li"), "Li Na", RoleId{"regional_manager"}, pid("zhao"), {RegionId{"east"}}},
         crm::Person{pid("sun"), "Sun Li", RoleId{"regional_manager"}, pid("zhao"), {RegionId{"north"}}},
         crm::Person{pid("wang"), "Wang Fang", RoleId{"sales_rep"}, pid("li"), {}},
         crm::Person{pid("chen"), "Chen Jie", RoleId{"sales_rep"}, pid("li"), {}},
         crm::Person{pid("zhou"), "Zhou Min", RoleId{"sales_rep"}, pid("sun"), {}}}};
}

// A C-tier account (default policy: 15 days without follow-up, 90 without a deal), owned by Wang
// since 2024-01-10, last followed up 2024-03-01, last deal 2024-02-15.
Account c_account(const char* id = "ACC-C1") {
    return Account{.id = AccountId{id},
                   .name = "苏州精密",
                   .region = RegionId{"east"},
                   .tier = "C",
                   .owner = pid("wang"),
                   .status = Status::active,
                   .created = day("2023-01-01"),
                   .owned_since = day("2024-01-10"),
                   .last_follow_up = day("2024-03-01"),
                   .last_deal = day("2024-02-15")};
}

Account pool_account(const char* id = "ACC-P") {
    return Account{.id = AccountId{id},
                   .name = "无锡物流",
                   .region = RegionId{"east"},
                   .tier = "B",
                   .created = day("2023-05-01")};
}

using Caught = crm::test::CaughtError;
using crm::test::caught_error;

std::vector<std::string_view> codes(const Decision& d) {
    std::vector<std::string_view> out;
    for (const crm::Reason& r : d.reasons()) out.push_back(r.code());
    return out;
}

}  // namespace

TEST_SUITE("account.pool") {
    // ---- claim -------------------------------------------------------------------------------------

    TEST_CASE("a rep with room claims an account from the public pool") {
        const PoolPolicy policy{};
        const Decision d = claim(policy, pool_account(), pid("chen"), 12, {}, day("2024-06-30"));
        CHECK(d.outcome() == Outcome::allow);
        CHECK(codes(d) == std::vector<std::string_view>{"account.claimable"});
        CHECK(crm::explain(d, crm::Lang::en) ==
              "allow\n- account ACC-P is in the public pool and chen owns 12 of at most 100 accounts");
        CHECK(crm::explain(d, crm::Lang::zh) ==
              "通过\n- 客户 ACC-P 在公海中，chen 已负责 12 个客户（上限 100 个），可以领取");
    }

    TEST_CASE("a claim on an account someone else owns is refused as poaching") {
        const Decision d = claim(PoolPolicy{}, c_account(), pid("chen"), 3, {}, day("2024-03-05"));
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) == std::vector<std::string_view>{"account.owned_by_other"});
        CHECK(crm::explain(d, crm::Lang::zh) == "拒绝\n- 客户 ACC-C1 已由 wang 负责，有负责人的客户不能领取");
    }

    TEST_CASE("a rep at the maximum cannot claim another account") {
        // cap 100: owning 99 leaves room for one, owning 100 leaves none
        CHECK(claim(PoolPolicy{}, pool_account(), pid("chen"), 99, {}, day("2024-06-30")).outcome() ==
              Outcome::allow);
        const Decision d = claim(PoolPolicy{}, pool_account(), pid("chen"), 100, {}, day("2024-06-30"));
        CHECK(d.outcome() == Outcome::block);
        REQUIRE(d.find("account.at_max") != nullptr);
        CHECK(crm::explain(*d.find("account.at_max"), crm::Lang::en) ==
              "chen already owns 100 accounts, the maximum is 100");
        // no cap: any count is fine, and the reason says so
        PoolPolicy uncapped{};
        uncapped.max_accounts_per_rep.reset();
        const Decision free = claim(uncapped, pool_account(), pid("chen"), 5000, {}, day("2024-06-30"));
        CHECK(free.outcome() == Outcome::allow);
        CHECK(crm::explain(free, crm::Lang::en).find("at most - accounts") != std::string::npos);
    }

    TEST_CASE("a rep who released an account cannot reclaim it inside the cool-down") {
        // released 2024-06-01, cool-down 30 days: 2024-06-01 + 30 = 2024-07-01 is the first day it may be
        // reclaimed
        const std::vector<ReleaseEvent> history{
            {AccountId{"ACC-P"}, pid("chen"), day("2024-06-01")},
            {AccountId{"ACC-X"}, pid("chen"), day("2024-06-20")},   // another account
            {AccountId{"ACC-P"}, pid("zhou"), day("2024-06-25")}};  // another rep
        const Decision on_30th =
            claim(PoolPolicy{}, pool_account(), pid("chen"), 5, history, day("2024-06-30"));
        CHECK(on_30th.outcome() == Outcome::block);
        CHECK(codes(on_30th) == std::vector<std::string_view>{"account.cooldown"});
        CHECK(crm::explain(on_30th, crm::Lang::en) ==
              "block\n- chen released account ACC-P on 2024-06-01; it cannot be reclaimed for 30 days, until "
              "2024-07-01");
        CHECK(claim(PoolPolicy{}, pool_account(), pid("chen"), 5, history, day("2024-07-01")).outcome() ==
              Outcome::allow);
        // zhou released it on 2024-06-25, so zhou waits until 2024-07-25; chen's history does not bind zhou
        CHECK(claim(PoolPolicy{}, pool_account(), pid("zhou"), 5, history, day("2024-07-24"))
                  .has("account.cooldown"));
        CHECK(claim(PoolPolicy{}, pool_account(), pid("wang"), 5, history, day("2024-06-26")).outcome() ==
              Outcome::allow);
        // the latest release counts: released again on 2024-06-10 -> blocked until 2024-07-10
        std::vector<ReleaseEvent> twice = history;
        twice.push_back({AccountId{"ACC-P"}, pid("chen"), day("2024-06-10")});
        CHECK(claim(PoolPolicy{}, pool_account(), pid("chen"), 5, twice, day("2024-07-05"))
                  .has("account.cooldown"));
        // a cool-down of zero days blocks nothing
        PoolPolicy no_wait{};
        no_wait.reclaim_cooldown = Days{0};
        CHECK(claim(no_wait, pool_account(), pid("chen"), 5, history, day("2024-06-25")).outcome() ==
              Outcome::allow);
    }

    TEST_CASE("every reason against a claim is listed and claiming one's own account changes nothing") {
        const std::vector<ReleaseEvent> history{{AccountId{"ACC-C1"}, pid("chen"), day("2024-02-20")}};
        const Decision d = claim(PoolPolicy{}, c_account(), pid("chen"), 100, history, day("2024-03-05"));
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) ==
              std::vector<std::string_view>{"account.owned_by_other", "account.at_max", "account.cooldown"});
        const Decision mine = claim(PoolPolicy{}, c_account(), pid("wang"), 100, {}, day("2024-03-05"));
        CHECK(mine.outcome() == Outcome::allow);
        CHECK(codes(mine) == std::vector<std::string_view>{"account.already_owner"});
    }

    TEST_CASE("bad claim input is an error naming the field") {
        Account unknown = pool_account();
        unknown.tier = "S";
        Caught c =
            caught_error([&] { (void)claim(PoolPolicy{}, unknown, pid("chen"), 0, {}, day("2024-06-30")); });
        CHECK(c.code == crm::ErrorCode::not_found);
        CHECK(c.field == "account.tier");
        CHECK(caught_error([&] {
                  (void)claim(PoolPolicy{}, pool_account(), PersonId{}, 0, {}, day("2024-06-30"));
              }).field == "rep");
        CHECK(caught_error([&] {
                  (void)claim(PoolPolicy{}, pool_account(), pid("chen"), -1, {}, day("2024-06-30"));
              }).field == "owned_count");
        const std::vector<ReleaseEvent> future{{AccountId{"ACC-Y"}, pid("li"), day("2024-01-01")},
                                               {AccountId{"ACC-P"}, pid("chen"), day("2024-07-01")}};
        c = caught_error(
            [&] { (void)claim(PoolPolicy{}, pool_account(), pid("chen"), 0, future, day("2024-06-30")); });
        CHECK(c.code == crm::ErrorCode::inconsistent);
        CHECK(c.field == "history[1].released_on");
        CHECK_THROWS_AS((void)claim(PoolPolicy{}, unknown, pid("chen"), 0, {}, day("2024-06-30")),
                        crm::Error);
    }

    TEST_CASE("an invalid pool policy is an error naming the field") {
        const auto field_of = [](PoolPolicy p) { return caught_error([&] { p.validate(); }); };
        CHECK_NOTHROW(PoolPolicy{}.validate());
        CHECK(field_of(PoolPolicy{.tiers = {}}).field == "policy.tiers");
        CHECK(field_of(PoolPolicy{.tiers = {TierPoolRule{.tier = "", .exempt = true}}}).field ==
              "policy.tiers[0].tier");
        const Caught dup = field_of(PoolPolicy{
            .tiers = {TierPoolRule{.tier = "A", .exempt = true}, TierPoolRule{.tier = "A", .exempt = true}}});
        CHECK(dup.code == crm::ErrorCode::duplicate);
        CHECK(dup.field == "policy.tiers[1].tier");
        CHECK(field_of(PoolPolicy{.tiers = {TierPoolRule{.tier = "B", .follow_up_within = Days{0}}}}).field ==
              "policy.tiers[0].follow_up_within");
        CHECK(field_of(PoolPolicy{.tiers = {TierPoolRule{.tier = "B", .deal_within = Days{-5}}}}).field ==
              "policy.tiers[0].deal_within");
        const Caught exempt_with_limit = field_of(
            PoolPolicy{.tiers = {TierPoolRule{.tier = "A", .follow_up_within = Days{10}, .exempt = true}}});
        CHECK(exempt_with_limit.code == crm::ErrorCode::inconsistent);
        CHECK(exempt_with_limit.field == "policy.tiers[0].exempt");
        CHECK(field_of(PoolPolicy{.tiers = {TierPoolRule{.tier = "B"}}}).field == "policy.tiers[0].exempt");
        CHECK(field_of(PoolPolicy{.max_accounts_per_rep = 0}).field == "policy.max_accounts_per_rep");
        CHECK(field_of(PoolPolicy{.reclaim_cooldown = Days{-1}}).field == "policy.reclaim_cooldown");
        // every rule validates the policy before it answers
        CHECK_THROWS_AS(
            (void)claim(PoolPolicy{.tiers = {}}, pool_account(), pid("chen"), 0, {}, day("2024-06-30")),
            crm::Error);
    }

    // ---- due_for_release ---------------------------------------------------------------------------

    TEST_CASE("an account returns to the pool the day after its follow-up deadline") {
        const std::vector<Account> accounts{c_account()};
        // follow-up clock from 2024-03-01 (later than owned_since 2024-01-10); C allows 15 days:
        // deadline 2024-03-01 + 15 = 2024-03-16
        CHECK(due_for_release(PoolPolicy{}, accounts, day("2024-03-16"))
                  .empty());  // 15 days: still on the deadline
        const auto released = due_for_release(PoolPolicy{}, accounts, day("2024-03-17"));
        REQUIRE(released.size() == 1);
        const Release& r = released[0];
        CHECK(r.index == 0);
        CHECK(r.account == AccountId{"ACC-C1"});
        CHECK(r.owner == pid("wang"));
        CHECK(r.tier == "C");
        CHECK(r.released_on == day("2024-03-17"));
        REQUIRE(r.no_follow_up.has_value());
        CHECK(*r.no_follow_up == ReleaseTrigger{ReleaseRule::no_follow_up, day("2024-03-01"), Days{15},
                                                day("2024-03-16"), Days{16}});
        // deal clock from 2024-02-15: 31 days, far inside the 90 allowed
        CHECK_FALSE(r.no_deal.has_value());
        CHECK(explain(r, crm::Lang::zh) ==
              "客户 ACC-C1（C 类）自 2024-03-01 起 16 天未跟进，超过 15 天的期限（最后一天 "
              "2024-03-16），退回公海");
        CHECK(explain(r, crm::Lang::en) ==
              "account ACC-C1 (tier C) has had no follow-up since 2024-03-01: 16 days, more than the 15 days "
              "allowed (last day 2024-03-16)");
    }

    TEST_CASE("under 15天以上未跟进 the account returns on the 15th day itself") {
        const std::vector<Account> accounts{c_account()};
        PoolPolicy policy{};
        policy.release_after = crm::Boundary::inclusive;
        // follow-up clock from 2024-03-01; inclusive 15 days: the 15th day (2024-03-16) already
        // releases, so the last allowed day is 2024-03-15
        CHECK(due_for_release(policy, accounts, day("2024-03-15")).empty());  // 14 days
        const auto released = due_for_release(policy, accounts, day("2024-03-16"));
        REQUIRE(released.size() == 1);
        REQUIRE(released[0].no_follow_up.has_value());
        CHECK(*released[0].no_follow_up == ReleaseTrigger{ReleaseRule::no_follow_up, day("2024-03-01"),
                                                          Days{15}, day("2024-03-15"), Days{15},
                                                          crm::Boundary::inclusive});
        CHECK(explain(released[0], crm::Lang::zh) ==
              "客户 ACC-C1（C 类）自 2024-03-01 起 15 天未跟进，达到 15 天以上（最后一天 "
              "2024-03-15），退回公海");
        CHECK(explain(released[0], crm::Lang::en) ==
              "account ACC-C1 (tier C) has had no follow-up since 2024-03-01: 15 days, 15 days or more (last "
              "day 2024-03-15)");
        // the default reading is 超过 (exclusive)
        CHECK(PoolPolicy{}.release_after == crm::Boundary::exclusive);
        policy.release_after = static_cast<crm::Boundary>(5);
        crm::test::check_error([&] { policy.validate(); }, crm::ErrorCode::invalid_argument,
                               "policy.release_after");
    }

    TEST_CASE("an inclusive limit releases exactly one day sooner than an exclusive one") {
        PoolPolicy inclusive{};
        inclusive.release_after = crm::Boundary::inclusive;
        const std::vector<Account> accounts{c_account()};
        for (int d = 0; d < 200; ++d) {
            CAPTURE(d);
            const Date today = day("2024-03-01") + Days{d};
            CHECK(due_for_release(inclusive, accounts, today).size() ==
                  due_for_release(PoolPolicy{}, accounts, today + Days{1}).size());
        }
    }

    TEST_CASE("an account both rules release appears once with both rules") {
        // deal clock from 2024-02-15, 90 days: 2024-02-15 + 14 = 02-29, + 31 = 03-31, + 30 = 04-30, + 15 =
        // 05-15
        const std::vector<Account> accounts{c_account()};
        const auto released = due_for_release(PoolPolicy{}, accounts, day("2024-05-16"));
        REQUIRE(released.size() == 1);
        REQUIRE(released[0].no_follow_up.has_value());
        REQUIRE(released[0].no_deal.has_value());
        // follow-up: 2024-03-01 -> 2024-05-16 = 30 + 30 + 16 = 76 days
        CHECK(released[0].no_follow_up->elapsed == Days{76});
        CHECK(*released[0].no_deal ==
              ReleaseTrigger{ReleaseRule::no_deal, day("2024-02-15"), Days{90}, day("2024-05-15"), Days{91}});
        const auto reasons = release_reasons(released[0]);
        REQUIRE(reasons.size() == 2);
        CHECK(reasons[0].code() == "account.release_no_follow_up");
        CHECK(reasons[1].code() == "account.release_no_deal");
        CHECK(reasons[1].severity() == Outcome::warn);
    }

    TEST_CASE("the pool clocks start no earlier than the current owner took the account") {
        // Chen claimed it from the pool on 2024-03-10; its last follow-up (2023-06-01) is older, so the
        // follow-up clock runs from 2024-03-10 (B allows 30 days: deadline 2024-04-09)
        Account claimed = pool_account();
        claimed.owner = pid("chen");
        claimed.owned_since = day("2024-03-10");
        claimed.last_follow_up = day("2023-06-01");
        const std::vector<Account> accounts{claimed};
        CHECK(due_for_release(PoolPolicy{}, accounts, day("2024-04-09")).empty());
        const auto r = due_for_release(PoolPolicy{}, accounts, day("2024-04-10"));
        REQUIRE(r.size() == 1);
        CHECK(r[0].no_follow_up->since == day("2024-03-10"));
        // never a deal: the deal clock also runs from 2024-03-10 (180 days: deadline 2024-09-06)
        CHECK_FALSE(r[0].no_deal.has_value());
        CHECK(due_for_release(PoolPolicy{}, accounts, day("2024-09-07"))[0].no_deal->deadline ==
              day("2024-09-06"));
        // without an owner date, the clocks fall back to the creation date
        Account old = claimed;
        old.owned_since.reset();
        old.last_follow_up.reset();
        old.created = day("2024-01-01");
        const std::vector<Account> olds{old};
        CHECK(due_for_release(PoolPolicy{}, olds, day("2024-02-01"))[0].no_follow_up->since ==
              day("2024-01-01"));
    }

    TEST_CASE("exempt tiers and accounts already in the pool are never released") {
        Account strategic = c_account("ACC-A");
        strategic.tier = "A";  // exempt by default
        strategic.last_follow_up = day("2020-01-01");
        strategic.last_deal.reset();
        Account unowned = c_account("ACC-POOL");
        unowned.owner.reset();
        unowned.owned_since.reset();
        const std::vector<Account> accounts{strategic, unowned, c_account("ACC-C1")};
        const auto released = due_for_release(PoolPolicy{}, accounts, day("2025-01-01"));
        REQUIRE(released.size() == 1);
        CHECK(released[0].account == AccountId{"ACC-C1"});
        CHECK(released[0].index == 2);
    }

    TEST_CASE("tier names of any length and script are matched exactly") {
        // "strategic" (9 bytes) takes the string path, "普通" (6 bytes of UTF-8) and "key" the packed one
        const PoolPolicy policy{.tiers = {TierPoolRule{.tier = "strategic", .exempt = true},
                                          TierPoolRule{.tier = "key", .follow_up_within = Days{30}},
                                          TierPoolRule{.tier = "普通", .follow_up_within = Days{15}}}};
        std::vector<Account> accounts{c_account("ACC-1"), c_account("ACC-2"), c_account("ACC-3"),
                                      c_account("ACC-4")};
        accounts[0].tier = "strategic";
        accounts[1].tier = "key";
        accounts[2].tier = "普通";
        accounts[3].tier = "strategi";  // one byte short of a known tier: unknown
        // on 2024-03-20 the follow-up clock (from 2024-03-01) shows 19 days: past 15, inside 30
        const auto released = due_for_release(policy, std::span{accounts}.first(3), day("2024-03-20"));
        REQUIRE(released.size() == 1);
        CHECK(released[0].tier == "普通");
        CHECK(caught_error([&] { (void)due_for_release(policy, accounts, day("2024-03-20")); }).field ==
              "accounts[3].tier");
        accounts[3].tier = "ke";
        CHECK(caught_error([&] { (void)due_for_release(policy, accounts, day("2024-03-20")); }).field ==
              "accounts[3].tier");
        accounts[3].tier = "";
        CHECK(caught_error([&] { (void)due_for_release(policy, accounts, day("2024-03-20")); }).field ==
              "accounts[3].tier");
    }

    TEST_CASE("bad release input is an error naming the account") {
        std::vector<Account> accounts{c_account("ACC-1"), c_account("ACC-2"), c_account("ACC-3")};
        accounts[2].tier = "Z";
        const Caught tier =
            caught_error([&] { (void)due_for_release(PoolPolicy{}, accounts, day("2024-03-01")); });
        CHECK(tier.code == crm::ErrorCode::not_found);
        CHECK(tier.field == "accounts[2].tier");
        // an account in the pool with an unknown tier is still an error: the archive is inconsistent
        accounts[2].owner.reset();
        CHECK(caught_error([&] { (void)due_for_release(PoolPolicy{}, accounts, day("2024-03-01")); }).field ==
              "accounts[2].tier");
        // the same id released twice: the archive holds the account twice
        const std::vector<Account> twice{c_account("ACC-1"), c_account("ACC-2"), c_account("ACC-1")};
        const Caught dup =
            caught_error([&] { (void)due_for_release(PoolPolicy{}, twice, day("2024-06-01")); });
        CHECK(dup.code == crm::ErrorCode::duplicate);
        CHECK(dup.field == "accounts[2].id");
        CHECK_THROWS_AS((void)due_for_release(PoolPolicy{.tiers = {}}, twice, day("2024-06-01")), crm::Error);
    }

    // ---- transfer ----------------------------------------------------------------------------------

    TEST_CASE("a transfer needs the approval of the nearest common manager") {
        const crm::OrgChart org = sample_org();
        const Decision d = transfer(PoolPolicy{}, c_account(), pid("wang"), pid("chen"), 10, org);
        CHECK(d.outcome() == Outcome::needs_approval);
        CHECK(crm::explain(d, crm::Lang::en) ==
              "needs approval\n- transferring account ACC-C1 from wang to chen needs approval (nearest "
              "common manager: li)");
        // across regions: Wang (under Li) to Zhou (under Sun) meet at Zhao
        const Decision across = transfer(PoolPolicy{}, c_account(), pid("wang"), pid("zhou"), 10, org);
        REQUIRE(across.find("account.transfer_needs_approval") != nullptr);
        CHECK(crm::explain(across, crm::Lang::zh) ==
              "需审批\n- 客户 ACC-C1 由 wang 转给 zhou 需要审批（共同上级：zhao）");
        // without the approval rule the transfer is allowed
        PoolPolicy free{};
        free.transfer_needs_approval = false;
        const Decision ok = transfer(free, c_account(), pid("wang"), pid("chen"), 10, org);
        CHECK(ok.outcome() == Outcome::allow);
        CHECK(codes(ok) == std::vector<std::string_view>{"account.transfer_allowed"});
    }

    TEST_CASE("a transfer from someone who does not own the account or to a full rep is refused") {
        const crm::OrgChart org = sample_org();
        const Decision not_owner = transfer(PoolPolicy{}, c_account(), pid("chen"), pid("zhou"), 10, org);
        CHECK(not_owner.outcome() == Outcome::block);
        CHECK(codes(not_owner) ==
              std::vector<std::string_view>{"account.transfer_not_owner"});  // no approval for the impossible
        CHECK(transfer(PoolPolicy{}, pool_account(), pid("chen"), pid("zhou"), 10, org)
                  .has("account.transfer_not_owner"));
        CHECK(codes(transfer(PoolPolicy{}, c_account(), pid("wang"), pid("wang"), 10, org)) ==
              std::vector<std::string_view>{"account.transfer_same_owner"});
        const Decision full = transfer(PoolPolicy{}, c_account(), pid("wang"), pid("chen"), 100, org);
        CHECK(full.outcome() == Outcome::block);
        CHECK(codes(full) == std::vector<std::string_view>{"account.at_max"});
    }

    TEST_CASE("bad transfer input is an error naming the field") {
        const crm::OrgChart org = sample_org();
        CHECK(caught_error([&] {
                  (void)transfer(PoolPolicy{}, c_account(), pid("ghost"), pid("chen"), 0, org);
              }).field == "from");
        const Caught to = caught_error(
            [&] { (void)transfer(PoolPolicy{}, c_account(), pid("wang"), pid("ghost"), 0, org); });
        CHECK(to.code == crm::ErrorCode::not_found);
        CHECK(to.field == "to");
        Account stranger = c_account();
        stranger.owner = pid("ghost");
        CHECK(caught_error([&] {
                  (void)transfer(PoolPolicy{}, stranger, pid("wang"), pid("chen"), 0, org);
              }).field == "account.owner");
        Account unknown = c_account();
        unknown.tier = "Z";
        CHECK(caught_error([&] {
                  (void)transfer(PoolPolicy{}, unknown, pid("wang"), pid("chen"), 0, org);
              }).field == "account.tier");
        CHECK(caught_error([&] {
                  (void)transfer(PoolPolicy{}, c_account(), pid("wang"), pid("chen"), -3, org);
              }).field == "to_owned_count");
        CHECK_THROWS_AS((void)transfer(PoolPolicy{}, unknown, pid("wang"), pid("chen"), 0, org), crm::Error);
    }

    // ---- properties ----------------------------------------------------------------------------------

    namespace {

    std::optional<Date> maybe_date(crm::test::Rng& rng, Date base, std::int64_t span) {
        if (rng.below(5) == 0) return std::nullopt;
        return base + Days{rng.between(0, span)};
    }

    std::vector<Account> generated_archive(crm::test::Rng& rng, std::size_t n,
                                           std::vector<std::string> tiers = {"A", "B", "C"}) {
        const Date origin = day("2023-01-01");
        std::vector<Account> out;
        out.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            Account a;
            a.id = AccountId{"G" + std::to_string(i)};
            a.tier = tiers[rng.below(tiers.size())];
            a.created = origin + Days{rng.between(0, 300)};
            if (rng.below(4) != 0) {
                a.owner = PersonId{"rep" + std::to_string(rng.below(50))};
                if (rng.coin()) a.owned_since = a.created + Days{rng.between(0, 200)};
            }
            a.last_follow_up = maybe_date(rng, a.created, 400);
            a.last_deal = maybe_date(rng, a.created, 400);
            out.push_back(std::move(a));
        }
        return out;
    }

    /// The rule written out again, as plainly as possible, to check the fast one against.
    std::optional<std::pair<bool, bool>> oracle(const PoolPolicy& policy, const Account& a, Date as_of) {
        const TierPoolRule* rule = policy.find(a.tier);
        if (!a.owner || rule->exempt) return std::nullopt;
        Date start = a.created;
        if (a.owned_since && *a.owned_since > start) start = *a.owned_since;
        const Date follow = a.last_follow_up && *a.last_follow_up > start ? *a.last_follow_up : start;
        const Date deal = a.last_deal && *a.last_deal > start ? *a.last_deal : start;
        const bool f = rule->follow_up_within && as_of > follow + *rule->follow_up_within;
        const bool d = rule->deal_within && as_of > deal + *rule->deal_within;
        if (!f && !d) return std::nullopt;
        return std::pair{f, d};
    }

    }  // namespace

    TEST_CASE(
        "property: over generated archives an account is released at most once and exactly when a rule "
        "fires") {
        crm::test::Rng rng(2024);
        // the default policy, and one with long, short and Chinese tier names and one-rule tiers
        const PoolPolicy named{
            .tiers = {TierPoolRule{.tier = "strategic", .exempt = true},
                      TierPoolRule{.tier = "key", .deal_within = Days{120}},
                      TierPoolRule{.tier = "普通客户", .follow_up_within = Days{20}},
                      TierPoolRule{.tier = "S", .follow_up_within = Days{60}, .deal_within = Days{365}}}};
        for (int round = 0; round < 6; ++round) {
            const bool default_policy = round % 2 == 0;
            const PoolPolicy policy = default_policy ? PoolPolicy{} : named;
            const std::vector<Account> archive =
                default_policy ? generated_archive(rng, 3000)
                               : generated_archive(rng, 3000, {"strategic", "key", "普通客户", "S"});
            const Date as_of = day("2023-06-01") + Days{rng.between(0, 600)};
            CAPTURE(round);
            CAPTURE(as_of);
            const auto released = due_for_release(policy, archive, as_of);
            std::size_t next = 0;
            for (std::size_t i = 0; i < archive.size(); ++i) {
                const auto expected = oracle(policy, archive[i], as_of);
                const bool listed = next < released.size() && released[next].index == i;
                CAPTURE(i);
                CHECK(listed == expected.has_value());
                if (!listed) continue;
                const Release& r = released[next++];
                CHECK(r.account == archive[i].id);
                CHECK(archive[i].owner.has_value());
                CHECK_FALSE(policy.find(r.tier)->exempt);
                CHECK(r.no_follow_up.has_value() == expected->first);
                CHECK(r.no_deal.has_value() == expected->second);
                for (const auto* t : {&r.no_follow_up, &r.no_deal}) {
                    if (!*t) continue;
                    CHECK((*t)->elapsed > (*t)->limit);
                    CHECK((*t)->deadline == (*t)->since + (*t)->limit);
                    CHECK((*t)->elapsed == as_of - (*t)->since);
                }
            }
            CHECK(next == released.size());  // indices strictly ascending: nothing listed twice
        }
    }

    TEST_CASE(
        "property: a released account stays due on every later day and its rep waits out the cool-down") {
        crm::test::Rng rng(99);
        const PoolPolicy policy{};
        const std::vector<Account> archive = generated_archive(rng, 2000);
        const Date as_of = day("2024-03-01");
        const auto released = due_for_release(policy, archive, as_of);
        REQUIRE(released.size() > 100);
        const auto later = due_for_release(policy, archive, as_of + Days{rng.between(1, 100)});
        std::size_t j = 0;
        for (const Release& r : released) {
            while (j < later.size() && later[j].index < r.index) ++j;
            REQUIRE(j < later.size());
            CHECK(later[j].index == r.index);
            CHECK((!r.no_follow_up || later[j].no_follow_up));  // a rule that fired keeps firing
            CHECK((!r.no_deal || later[j].no_deal));
        }
        // Back in the pool, the former owner may not reclaim it for 30 days; any other rep may.
        for (std::size_t k = 0; k < released.size(); k += 7) {
            const Release& r = released[k];
            Account in_pool = archive[r.index];
            in_pool.owner.reset();
            in_pool.owned_since.reset();
            const std::vector<ReleaseEvent> history{{r.account, r.owner, r.released_on}};
            const Date inside = r.released_on + Days{rng.between(0, 29)};
            CAPTURE(r.index);
            CHECK(claim(policy, in_pool, r.owner, 0, history, inside).has("account.cooldown"));
            CHECK(claim(policy, in_pool, r.owner, 0, history, r.released_on + Days{30}).outcome() ==
                  Outcome::allow);
            CHECK(claim(policy, in_pool, PersonId{"someone_else"}, 0, history, inside).outcome() ==
                  Outcome::allow);
        }
    }

    TEST_CASE("releases and their triggers print for diagnostics") {
        const auto released =
            due_for_release(PoolPolicy{}, std::vector<Account>{c_account()}, day("2024-05-16"));
        REQUIRE(released.size() == 1);
        std::ostringstream os;
        os << released[0];
        CHECK(os.str() ==
              "ACC-C1 (owner wang, tier C) released 2024-05-16; no_follow_up since 2024-03-01 limit 15 "
              "deadline 2024-03-16 "
              "elapsed 76; no_deal since 2024-02-15 limit 90 deadline 2024-05-15 elapsed 91");
        std::ostringstream event;
        event << ReleaseEvent{AccountId{"ACC-C1"}, pid("wang"), day("2024-05-16")};
        CHECK(event.str() == "ACC-C1 released by wang on 2024-05-16");
        CHECK(to_string(ReleaseRule::no_deal) == "no_deal");
    }

}  // TEST_SUITE
