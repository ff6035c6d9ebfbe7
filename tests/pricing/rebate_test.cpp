// Annual volume rebates: retroactive and incremental tiers, accrued to date.
#include <crm/pricing/rebate.hpp>

#include <doctest/doctest.h>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using namespace crm;
using namespace crm::pricing;

namespace {

Money cny(std::string_view a) { return Money{a, "CNY"}; }

// 0-1m: 1%, 1m-5m: 2%, 5m and up: 3%
RebateScheme scheme(RebateMethod method) {
    return RebateScheme{
        .tiers = {RebateTier{cny("0"), Percent{"1"}}, RebateTier{cny("1000000"), Percent{"2"}},
                  RebateTier{cny("5000000"), Percent{"3"}}},
        .method = method};
}

}  // namespace

TEST_SUITE("pricing.rebate") {
    TEST_CASE("a retroactive rebate applies the reached tier's rate to the whole volume") {
        const RebateAccrual a = accrue_rebate(scheme(RebateMethod::retroactive), cny("6000000"));
        // 6,000,000 x 3% = 180,000
        CHECK(a.accrued == cny("180000"));
        CHECK(a.tier == 2u);
        CHECK(!a.to_next_tier.has_value());
    }

    TEST_CASE("an incremental rebate applies each tier's rate to the volume inside it") {
        const RebateAccrual a = accrue_rebate(scheme(RebateMethod::incremental), cny("6000000"));
        // 1,000,000 x 1% + 4,000,000 x 2% + 1,000,000 x 3% = 10,000 + 80,000 + 30,000 = 120,000
        CHECK(a.accrued == cny("120000"));
        const RebateAccrual b = accrue_rebate(scheme(RebateMethod::incremental), cny("2500000.55"));
        // 10,000 + 1,500,000.55 x 2% = 10,000 + 30,000.011 = 40,000.011 -> 40,000.01
        CHECK(b.accrued == cny("40000.01"));
        CHECK(b.tier == 1u);
        CHECK(b.to_next_tier == cny("2499999.45"));
    }

    TEST_CASE("volume below the first tier earns nothing") {
        RebateScheme s = scheme(RebateMethod::retroactive);
        s.tiers.erase(s.tiers.begin());
        const RebateAccrual a = accrue_rebate(s, cny("999999.99"));
        CHECK(a.accrued.is_zero());
        CHECK(!a.tier.has_value());
        CHECK(a.to_next_tier == cny("0.01"));
    }

    TEST_CASE("the accrual to date counts the sales of the rebate year up to the day") {
        const RebateScheme s = scheme(RebateMethod::incremental);
        const std::vector<RebateSale> sales{
            {Date{2023, 12, 31}, cny("9000000")},  // last year: not counted
            {Date{2024, 1, 15}, cny("800000")},   {Date{2024, 3, 1}, cny("700000")},
            {Date{2024, 3, 20}, cny("-100000")},  // a return
            {Date{2024, 7, 1}, cny("5000000")},
        };
        // to 31 March: 800,000 + 700,000 - 100,000 = 1,400,000 -> 10,000 + 400,000 x 2% = 18,000
        const RebateAccrual march = accrue_rebate(s, sales, Date{2024, 1, 1}, Date{2024, 3, 31});
        CHECK(march.volume == cny("1400000"));
        CHECK(march.accrued == cny("18000"));
        // to 31 December: 6,400,000 -> 10,000 + 80,000 + 1,400,000 x 3% = 132,000
        CHECK(accrue_rebate(s, sales, Date{2024, 1, 1}, Date{2024, 12, 31}).accrued == cny("132000"));
        test::check_error(
            [&] {
                (void)accrue_rebate(s, sales, Date{2024, 1, 1}, Date{2023, 12, 31});
            },
            ErrorCode::invalid_argument, "as_of");
        const std::vector<RebateSale> usd{{Date{2024, 1, 2}, Money{"1", "USD"}}};
        test::check_error(
            [&] {
                (void)accrue_rebate(s, usd, Date{2024, 1, 1}, Date{2024, 12, 31});
            },
            ErrorCode::currency_mismatch, "sales[0].amount");
        const std::vector<RebateSale> returns{{Date{2024, 1, 2}, cny("-1")}};
        test::check_error(
            [&] {
                (void)accrue_rebate(s, returns, Date{2024, 1, 1}, Date{2024, 12, 31});
            },
            ErrorCode::invalid_argument, "volume_to_date");
    }

    TEST_CASE("a malformed rebate scheme names the field") {
        RebateScheme s = scheme(RebateMethod::retroactive);
        test::check_error([&] { (void)accrue_rebate(s, cny("-1")); }, ErrorCode::invalid_argument,
                          "volume_to_date");
        test::check_error(
            [&] {
                (void)accrue_rebate(s, Money{"1", "USD"});
            },
            ErrorCode::currency_mismatch, "volume_to_date");
        s.tiers[2].from = cny("1000000");
        test::check_error([&] { validate_rebate(s); }, ErrorCode::invalid_argument, "tiers[2].from");
        s = scheme(RebateMethod::retroactive);
        s.tiers[1].rate = Percent{"101"};
        test::check_error([&] { validate_rebate(s); }, ErrorCode::invalid_argument, "tiers[1].rate");
        s.tiers.clear();
        test::check_error([&] { validate_rebate(s); }, ErrorCode::invalid_argument, "tiers");
    }

    TEST_CASE("accruals grow with volume and retroactive is never below incremental for rising rates") {
        test::Rng rng{31337};
        for (int n = 0; n < 2000; ++n) {
            CAPTURE(n);
            RebateScheme s;
            std::int64_t from = rng.between(0, 1000);
            std::int64_t rate = 0;
            const auto tiers = rng.between(1, 5);
            for (std::int64_t i = 0; i < tiers; ++i) {
                rate += rng.between(0, 300);
                s.tiers.push_back(
                    RebateTier{Money{Decimal{from}, Currency{}}, Percent{Decimal::scaled(rate, -2)}});
                from += rng.between(1, 100'000);
            }
            const Money v1{Decimal::scaled(rng.between(0, 20'000'000), -2), Currency{}};
            const Money v2 = v1 + Money{Decimal::scaled(rng.between(0, 1'000'000), -2), Currency{}};
            s.method = RebateMethod::incremental;
            const Money inc1 = accrue_rebate(s, v1).accrued;
            CHECK(inc1 <= accrue_rebate(s, v2).accrued);
            s.method = RebateMethod::retroactive;
            const Money retro1 = accrue_rebate(s, v1).accrued;
            CHECK(retro1 <= accrue_rebate(s, v2).accrued);
            CHECK(inc1 <= retro1);
        }
    }

}  // TEST_SUITE
