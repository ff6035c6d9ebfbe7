// The what-if replay as one HTML page (crm/replay/render.hpp): a result built by hand (the
// worked example of replay_test.cpp with a priced order and a pool run) rendered in Chinese and
// English with its bar lengths computed by hand, hostile ids escaped, nothing external and no
// script, a stopped replay said so, and a property over generated results that every bar fits
// its scale and the longest bar of a chart is the whole width.

#include <crm/credit/check.hpp>
#include <crm/pricing/reasons.hpp>
#include <crm/replay/render.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/generators.hpp"
#include "../support/html.hpp"

using crm::Lang;
using crm::Money;
using crm::Outcome;
namespace replay = crm::replay;

namespace {

Money cny(const char* s) { return Money{s, "CNY"}; }

replay::Tally tally(std::size_t n, const char* amount) { return replay::Tally{n, cny(amount)}; }

replay::Counts counts(const char* key) {
    replay::Counts c;
    c.key = key;
    for (replay::Tally* t :
         {&c.orders, &c.credit_tighter, &c.credit_looser, &c.newly_blocked, &c.approval_tighter,
          &c.approval_looser, &c.price_tighter, &c.price_looser, &c.priced_higher, &c.priced_lower})
        *t = tally(0, "0.00");
    return c;
}

crm::Decision decision(const crm::ReasonText* text, Outcome o) {
    crm::Decision d;
    if (text != nullptr) d.add(crm::Reason{*text, o});
    return d;
}

/// The worked replay: SO-1 (east, 650,000) needs approval -> blocked and now routed; SO-3
/// (north, 700,000) now routed; SO-4 (`<south>`, 300,000) refused at the floor, 900.00 -> 800.00;
/// a pool run where K2 is released by the new set only.
replay::ReplayResult worked() {
    replay::ReplayResult r;
    r.currency = crm::Currency{"CNY"};
    r.total = counts("");
    r.total.orders = tally(4, "2170000.00");
    r.total.credit_tighter = r.total.newly_blocked = tally(1, "650000.00");
    r.total.approval_tighter = tally(2, "1350000.00");
    r.total.price_tighter = tally(1, "300000.00");
    r.total.priced_lower = tally(1, "100.00");
    replay::Counts east = counts("east"), north = counts("north"), south = counts("<south>");
    east.orders = tally(2, "1170000.00");
    east.credit_tighter = east.newly_blocked = east.approval_tighter = tally(1, "650000.00");
    north.orders = north.approval_tighter = tally(1, "700000.00");
    south.orders = south.price_tighter = tally(1, "300000.00");
    south.priced_lower = tally(1, "100.00");
    r.regions = {east, north, south};
    replay::Counts reason = counts("credit.over_tolerance");
    reason.orders = reason.credit_tighter = reason.newly_blocked = reason.approval_tighter =
        tally(1, "650000.00");
    r.reasons = {reason};

    replay::Case so1{.index = 0,
                     .order = crm::OrderId{"SO-1"},
                     .account = crm::AccountId{"K1"},
                     .region = crm::RegionId{"east"},
                     .placed = crm::Date{2025, 3, 1},
                     .amount = cny("650000.00")};
    so1.before.credit = decision(&crm::credit::reasons::over_tolerance, Outcome::needs_approval);
    so1.after.credit = decision(&crm::credit::reasons::over_tolerance, Outcome::block);
    so1.after.approval = {crm::approval::Step{.level = {.role = crm::RoleId{"regional_manager"}}, .rank = 2}};
    so1.credit = so1.approval = replay::Shift::tighter;
    so1.reason = "credit.over_tolerance";
    so1.price_change = cny("0.00");
    replay::Case so4{.index = 3,
                     .order = crm::OrderId{"SO-4"},
                     .account = crm::AccountId{"K4&"},
                     .region = crm::RegionId{"<south>"},
                     .placed = crm::Date{2025, 3, 1},
                     .amount = cny("300000.00")};
    so4.before.net_total = cny("900.00");
    so4.after.net_total = cny("800.00");
    so4.after.price = decision(&crm::pricing::reasons::below_floor, Outcome::block);
    so4.price = replay::Shift::tighter;
    so4.price_reason = "pricing.below_floor";
    so4.price_change = cny("-100.00");
    r.cases = {so1, so4};

    r.pool = replay::PoolCounts{
        .key = "", .accounts = 4, .released_before = 1, .released_after = 1, .tighter = 1, .looser = 1};
    r.pool_regions = {replay::PoolCounts{.key = "north", .accounts = 1, .released_after = 1, .tighter = 1}};
    crm::account::Release k2{.index = 1,
                             .account = crm::AccountId{"K2"},
                             .owner = crm::PersonId{"wang"},
                             .tier = "C",
                             .released_on = crm::Date{2025, 3, 1}};
    k2.no_deal = crm::account::ReleaseTrigger{.rule = crm::account::ReleaseRule::no_deal};
    r.pool_cases = {replay::PoolCase{.run = 0,
                                     .index = 1,
                                     .as_of = crm::Date{2025, 3, 1},
                                     .account = crm::AccountId{"K2"},
                                     .region = crm::RegionId{"north"},
                                     .tier = "C",
                                     .owner = crm::PersonId{"wang"},
                                     .before_version = "old",
                                     .after_version = "new",
                                     .after = k2,
                                     .shift = replay::Shift::tighter}};
    return r;
}

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

}  // namespace

TEST_SUITE("replay.render") {
    TEST_CASE("the worked replay's page in Chinese and English") {
        const replay::ReplayResult r = worked();
        const std::string zh = replay::render_html(r, Lang::zh);
        CHECK(zh.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(has(zh, "<html lang=\"zh-CN\">"));
        CHECK(has(zh, "<h1>策略回放：新旧政策对比</h1>"));
        CHECK(has(zh, "<h2>一、订单合计与各区域</h2>"));
        CHECK(has(zh, "<tr><td>合计</td><td>4 / CNY 2,170,000.00</td><td>1 / CNY 650,000.00</td>"));
        CHECK(has(zh, "<h2>三、变化的订单 (2)</h2>"));
        CHECK(has(zh, "<td>needs_approval → block (credit.over_tolerance)</td>"));
        CHECK(has(zh, "<td>无需审批 → regional_manager (收紧)</td>"));
        CHECK(has(zh, "<td>allow → block (pricing.below_floor); CNY 900.00 → CNY 800.00</td>"));
        CHECK(has(zh, "<h2>四、公海回收</h2>"));
        CHECK(has(zh, "<tr><td>合计</td><td>4</td><td>1</td><td>1</td><td>1</td><td>1</td></tr>"));
        CHECK(has(zh, "<td>保留 [old]</td><td>收回（未成交） [new]</td>"));
        CHECK(zh.ends_with("</body>\n</html>\n"));
        // bars on one scale, the longest amount (north's 700,000 approval tighter) 560 px:
        //   east credit tighter 650,000 x 560 / 700,000 = 520; the regions with none 0
        CHECK(crm::test::rect_widths(zh, "credit-tighter") == std::vector<long>{520, 0, 0});
        CHECK(crm::test::rect_widths(zh, "approval-tighter") == std::vector<long>{520, 560, 0});
        CHECK(crm::test::rect_widths(zh, "credit-looser") == std::vector<long>{0, 0, 0});

        const std::string en = replay::render_html(r, Lang::en);
        CHECK(has(en, "<html lang=\"en\">"));
        CHECK(has(en, "<h2>1. The orders, in total and per region</h2>"));
        CHECK(has(en, "<h2>4. Pool runs</h2>"));
        CHECK(has(en, "<td>kept [old]</td><td>released (no deal) [new]</td>"));
        CHECK(has(en, "<td>none → regional_manager (tighter)</td>"));
    }

    TEST_CASE("ids from the history are escaped and the page reaches for nothing outside") {
        const std::string page = replay::render_html(worked(), Lang::en);
        CHECK(has(page, "<td>&lt;south&gt;</td>"));
        CHECK(has(page, "<td>K4&amp;</td>"));
        CHECK_FALSE(has(page, "<south>"));
        CHECK_FALSE(has(page, "<script"));
        CHECK_FALSE(has(page, "http://"));
        CHECK_FALSE(has(page, "https://"));
        CHECK_FALSE(has(page, "src="));
    }

    TEST_CASE("an empty or stopped replay says so and draws no chart") {
        replay::ReplayResult r;
        r.currency = crm::Currency{"CNY"};
        r.total = counts("");
        r.stopped = true;
        const std::string zh = replay::render_html(r, Lang::zh);
        CHECK(has(zh, "回放已中止"));
        CHECK(has(zh, "没有订单的信用或价格结论改变。"));
        CHECK(has(zh, "<h2>三、变化的订单 (0)</h2>\n<p>没有。</p>"));
        CHECK_FALSE(has(zh, "<svg"));
        CHECK_FALSE(has(zh, "<h2>四、公海回收</h2>"));  // no pool run
        const std::string en = replay::render_html(worked(), Lang::en);
        CHECK_FALSE(has(en, "stopped"));
    }

    TEST_CASE("a property: every bar fits its scale and the longest is the whole width") {
        crm::test::Rng rng(0x5EED);
        for (int round = 0; round < 200; ++round) {
            CAPTURE(round);
            replay::ReplayResult r = worked();
            r.regions.clear();
            long max_amount = 0;
            for (int k = 0, n = static_cast<int>(rng.between(1, 6)); k < n; ++k) {
                replay::Counts c = counts(("R" + std::to_string(k)).c_str());
                const auto amount = [&] {
                    const auto v = rng.between(0, 9'000'000);
                    max_amount = std::max<long>(max_amount, v);
                    return Money{crm::Decimal::scaled(v, -2), crm::Currency{"CNY"}};
                };
                c.credit_tighter.amount = amount();
                c.credit_looser.amount = amount();
                c.approval_tighter.amount = amount();
                c.approval_looser.amount = amount();
                r.regions.push_back(c);
            }
            const std::string page = replay::render_html(r, Lang::en);
            long longest = 0;
            std::size_t bars = 0;
            for (const char* cls :
                 {"credit-tighter", "credit-looser", "approval-tighter", "approval-looser"}) {
                for (const long w : crm::test::rect_widths(page, cls)) {
                    CHECK(w >= 0);
                    CHECK(w <= 560);
                    longest = std::max(longest, w);
                    ++bars;
                }
            }
            if (max_amount == 0) {
                CHECK(bars == 0);  // nothing to draw: no chart
            } else {
                CHECK(bars == 4 * r.regions.size());
                CHECK(longest == 560);
            }
        }
    }
}
