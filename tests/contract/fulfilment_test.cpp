// Fulfilment: actual against pro-rata commitment, rebate to date, run-rate projection.
#include <crm/contract/fulfilment.hpp>

#include <doctest/doctest.h>

#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using namespace crm;
using namespace crm::contract;

namespace {

Money cny(std::string_view a) { return Money{a, "CNY"}; }
std::array<Money, 4> four(std::string_view q) { return {cny(q), cny(q), cny(q), cny(q)}; }
const ProductGroupId pumps{"pumps"};
const ProductGroupId valves{"valves"};

// pumps 1,200,000 + valves 400,000; retroactive rebate 1% from 0, 2% from 1m, 3% from 1.5m.
Agreement agreement() {
    return Agreement{
        .id = AgreementId{"AG-1"},
        .account = AccountId{"ACME"},
        .signer = PersonId{"li"},
        .starts = Date(2025, 1, 1),
        .ends = Date(2025, 12, 31),
        .currency = Currency{"CNY"},
        .commitments = {{.group = pumps, .annual = cny("1200000"), .quarters = four("300000")},
                        {.group = valves, .annual = cny("400000"), .quarters = four("100000")}},
        .rebate = pricing::RebateScheme{.currency = Currency{"CNY"},
                                        .tiers = {{cny("0"), Percent{"1"}},
                                                  {cny("1000000"), Percent{"2"}},
                                                  {cny("1500000"), Percent{"3"}}}},
        .credit_limit = cny("500000"),
    };
}

}  // namespace

TEST_SUITE("contract.fulfilment") {
    TEST_CASE("mid May fulfilment against the pro rata commitment with rebate and projection") {
        const std::vector<Sale> sales{
            {Date(2025, 2, 10), pumps, cny("350000")},
            {Date(2025, 4, 20), pumps, cny("100000")},
            {Date(2025, 3, 1), valves, cny("80000")},
            {Date(2025, 6, 1), pumps, cny("999")},  // after the as-of date: ignored
        };
        const Fulfilment f = fulfilment(agreement(), sales, Date(2025, 5, 15));
        // elapsed: Jan 31 + Feb 28 + Mar 31 + Apr 30 + 15 = 135 days
        CHECK(f.elapsed == Days{135});
        REQUIRE(f.groups.size() == 2);
        const GroupFulfilment& p = f.groups[0];
        // Q1 fully elapsed: 300,000; Q2 (Apr 1..Jun 30, 91 days) 45 days: 300,000 x 45 / 91 = 148,351.648...
        // -> 148,351.65
        CHECK(p.quarters[0].pro_rata == cny("300000"));
        CHECK(p.quarters[1].pro_rata == cny("148351.65"));
        CHECK(p.quarters[2].pro_rata == cny("0.00"));
        CHECK(p.quarters[0].actual == cny("350000"));
        CHECK(p.quarters[0].gap == cny("50000"));
        CHECK(p.quarters[1].gap == cny("-48351.65"));
        CHECK(p.year.pro_rata == cny("448351.65"));
        CHECK(p.year.actual == cny("450000"));
        CHECK(p.year.gap == cny("1648.35"));
        // valves: 100,000 + 100,000 x 45 / 91 = 100,000 + 49,450.55 = 149,450.55
        CHECK(f.groups[1].year.pro_rata == cny("149450.55"));
        CHECK(f.groups[1].year.gap == cny("-69450.55"));
        CHECK(f.total.committed == cny("1600000"));
        CHECK(f.total.pro_rata == cny("597802.20"));
        CHECK(f.total.actual == cny("530000"));
        // run rate: 530,000 x 365 / 135 = 1,432,962.962... -> 1,432,962.96; shortfall 167,037.04
        CHECK(f.projected == cny("1432962.96"));
        CHECK(f.projected_gap == cny("-167037.04"));
        // rebate to date: 530,000 in the first tier, 1% = 5,300.00; projected 1.43m reaches tier 2 (index 1)
        REQUIRE(f.rebate.has_value());
        CHECK(f.rebate->accrued == cny("5300.00"));
        CHECK(f.rebate->tier == std::size_t{0});
        CHECK(f.projected_tier == std::size_t{1});

        // the same figures in words: pumps on track, valves behind by 149,450.55 - 80,000 =
        // 69,450.55, and the year projected 1,600,000 - 1,432,962.96 = 167,037.04 short
        const Decision d = fulfilment_reasons(f);
        REQUIRE(d.reasons().size() == 3);
        CHECK(d.outcome() == Outcome::warn);
        CHECK(d.reasons()[0].code() == "contract.fulfilment_on_track");
        CHECK(explain(d.reasons()[1], Lang::zh) ==
              "产品组 valves 销售额 CNY 80,000.00，低于按进度应完成的 CNY 149,450.55，差额 CNY 69,450.55");
        CHECK(
            explain(d.reasons()[1], Lang::en) ==
            "product group valves: sales CNY 80,000.00 are CNY 69,450.55 behind the pro-rata commitment CNY "
            "149,450.55");
        CHECK(explain(d.reasons()[2], Lang::zh) ==
              "按当前进度全年预计完成 CNY 1,432,962.96，比承诺额 CNY 1,600,000.00 少 CNY 167,037.04");
    }

    TEST_CASE("an incremental schedule accrues tier by tier") {
        Agreement a = agreement();
        a.rebate->method = pricing::RebateMethod::incremental;
        const std::vector<Sale> sales{{Date(2025, 6, 30), pumps, cny("1200000")}};
        const Fulfilment f = fulfilment(a, sales, Date(2025, 6, 30));
        // 1,000,000 x 1% + 200,000 x 2% = 10,000 + 4,000 = 14,000
        CHECK(f.rebate->accrued == cny("14000.00"));
    }

    TEST_CASE("after the agreement ends the year is complete and nothing is projected beyond the actual") {
        const std::vector<Sale> sales{{Date(2025, 12, 31), valves, cny("1700000")},
                                      {Date(2026, 1, 2), valves, cny("5")}};
        const Fulfilment f = fulfilment(agreement(), sales, Date(2026, 2, 1));
        CHECK(f.elapsed == Days{365});
        CHECK(f.total.pro_rata == f.total.committed);
        CHECK(f.projected == cny("1700000"));
        CHECK(f.projected_gap == cny("100000"));
        // retroactive 3% of 1,700,000 = 51,000
        CHECK(f.rebate->accrued == cny("51000.00"));
        CHECK(f.projected_tier == std::size_t{2});
    }

    TEST_CASE("an agreement without a rebate schedule reports no rebate") {
        Agreement a = agreement();
        a.rebate.reset();
        const Fulfilment f = fulfilment(a, {}, Date(2025, 1, 1));
        CHECK_FALSE(f.rebate.has_value());
        CHECK_FALSE(f.projected_tier.has_value());
        // day one: 300,000 x 1 / 90 = 3,333.33 and 100,000 / 90 = 1,111.11
        CHECK(f.total.pro_rata == cny("4444.44"));
        CHECK(f.projected == cny("0.00"));
    }

    TEST_CASE("bad fulfilment input names its field") {
        const Agreement a = agreement();
        crm::test::check_error([&] { (void)fulfilment(a, {}, Date(2024, 12, 31)); },
                               ErrorCode::invalid_argument, "as_of");
        const std::vector<Sale> usd{{Date(2025, 2, 1), pumps, Money{"1", "USD"}}};
        crm::test::check_error([&] { (void)fulfilment(a, usd, Date(2025, 3, 1)); },
                               ErrorCode::currency_mismatch, "actual_sales[0].amount");
        const std::vector<Sale> unknown{{Date(2025, 2, 1), ProductGroupId{"motors"}, cny("1")}};
        crm::test::check_error([&] { (void)fulfilment(a, unknown, Date(2025, 3, 1)); }, ErrorCode::not_found,
                               "actual_sales[0].group");
    }

    TEST_CASE("fulfilment never accrues more rebate than the top tier allows and totals reconcile") {
        crm::test::Rng rng{8};
        for (int run = 0; run < 150; ++run) {
            CAPTURE(run);
            Agreement a = agreement();
            if (rng.coin()) a.rebate->method = pricing::RebateMethod::incremental;
            std::vector<Sale> sales;
            const auto n = rng.between(0, 20);
            for (std::int64_t i = 0; i < n; ++i)
                sales.push_back(
                    Sale{.date = Date(2025, 1, 1) + Days{rng.between(0, 400)},
                         .group = rng.coin() ? pumps : valves,
                         .amount = Money{Decimal::scaled(rng.between(0, 30'000'000), -2), Currency{"CNY"}}});
            const Date as_of = Date(2025, 1, 1) + Days{rng.between(0, 420)};
            const Fulfilment f = fulfilment(a, sales, as_of);
            const Money top = f.rebate->volume * Percent{"3"};
            CHECK(f.rebate->accrued <= round(top, RoundingMode::half_up));
            CHECK(f.rebate->volume == f.total.actual);
            Money sum = Money::zero(Currency{"CNY"});
            for (const GroupFulfilment& g : f.groups) {
                Money q = Money::zero(Currency{"CNY"});
                for (const Progress& p : g.quarters) q += p.actual;
                CHECK(q == g.year.actual);
                CHECK(g.year.pro_rata <= g.year.committed);
                sum += g.year.actual;
            }
            CHECK(sum == f.total.actual);
            CHECK(f.projected >= f.total.actual);
        }
    }

}  // TEST_SUITE
