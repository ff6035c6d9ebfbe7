// Receivable-scale caps (应收账款控制规模) per account and region: headroom and breach.

#include <crm/core/error.hpp>
#include <crm/credit/caps.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string_view>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::Decimal;
using crm::Money;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }

using crm::test::check_error;

Receivable item(const char* account, Money open) {
    return Receivable{crm::InvoiceId{"INV"}, crm::AccountId{account}, Date(2024, 6, 1), Date(2024, 7, 1),
                      open};
}

}  // namespace

TEST_SUITE("credit.caps") {
    TEST_CASE("a balance under its cap has headroom and one over it is a breach") {
        // 5,000,000 - 4,200,000 = 800,000 headroom
        CapStatus s = cap_status(cny("5000000.00"), cny("4200000.00"));
        CHECK(s.headroom == cny("800000.00"));
        CHECK(s.excess == cny("0"));
        CHECK_FALSE(s.breached);
        std::ostringstream os;
        os << s;
        CHECK(os.str() == "CNY 4,200,000.00 of CNY 5,000,000.00: headroom CNY 800,000.00");
        // exactly at the cap: no headroom, no breach
        s = cap_status(cny("5000000.00"), cny("5000000.00"));
        CHECK(s.headroom.is_zero());
        CHECK_FALSE(s.breached);
        // 5,300,000 - 5,000,000 = 300,000 over
        s = cap_status(cny("5000000.00"), cny("5300000.00"));
        CHECK(s.breached);
        CHECK(s.excess == cny("300000.00"));
        CHECK(s.headroom.is_zero());
        check_error([] { return cap_status(cny("-1"), cny("1")); }, crm::ErrorCode::invalid_argument, "cap");
        check_error([] { return cap_status(cny("1"), cny("-1")); }, crm::ErrorCode::invalid_argument,
                    "balance");
        check_error(
            [] {
                return cap_status(cny("1"), Money{"1", "USD"});
            },
            crm::ErrorCode::currency_mismatch, "subtract");
    }

    TEST_CASE("a cap report sums each account and each region against its cap") {
        const std::vector<Receivable> ar{item("A-1", cny("300000.00")), item("A-1", cny("250000.00")),
                                         item("A-2", cny("900000.00")), item("A-3", cny("100000.00"))};
        const std::vector<AccountRegion> regions{{crm::AccountId{"A-1"}, crm::RegionId{"East"}},
                                                 {crm::AccountId{"A-2"}, crm::RegionId{"East"}},
                                                 {crm::AccountId{"A-3"}, crm::RegionId{"North"}}};
        const std::vector<AccountCap> account_caps{{crm::AccountId{"A-1"}, cny("500000.00")},
                                                   {crm::AccountId{"A-3"}, cny("200000.00")},
                                                   {crm::AccountId{"A-4"}, cny("100000.00")}};
        const std::vector<RegionCap> region_caps{{crm::RegionId{"East"}, cny("2000000.00")},
                                                 {crm::RegionId{"North"}, cny("50000.00")}};
        const CapReport r = cap_report(ar, regions, account_caps, region_caps);
        REQUIRE(r.accounts.size() == 3u);
        // 300,000 + 250,000 = 550,000 > 500,000: breached by 50,000
        CHECK(r.accounts[0].status.balance == cny("550000.00"));
        CHECK(r.accounts[0].status.excess == cny("50000.00"));
        // 100,000 of 200,000; A-4 owes nothing: all headroom
        CHECK(r.accounts[1].status.headroom == cny("100000.00"));
        CHECK(r.accounts[2].status.headroom == cny("100000.00"));
        // East: 550,000 + 900,000 = 1,450,000 of 2,000,000; North: 100,000 over 50,000
        REQUIRE(r.regions.size() == 2u);
        CHECK(r.regions[0].status.headroom == cny("550000.00"));
        CHECK(r.regions[1].status.excess == cny("50000.00"));
        CHECK(r.any_breach());
    }

    TEST_CASE("bad cap input is an error naming the field") {
        const std::vector<Receivable> ar{item("A-9", cny("1.00"))};
        const std::vector<RegionCap> east{{crm::RegionId{"East"}, cny("1.00")}};
        check_error([&] { return cap_report(ar, {}, {}, east); }, crm::ErrorCode::not_found,
                    "receivables[0].account");
        const std::vector<AccountCap> twice{{crm::AccountId{"A"}, cny("1")}, {crm::AccountId{"A"}, cny("2")}};
        check_error([&] { return cap_report({}, {}, twice, {}); }, crm::ErrorCode::duplicate,
                    "account_caps[1].account");
        const std::vector<AccountCap> negative{{crm::AccountId{"A"}, cny("-1")}};
        check_error([&] { return cap_report({}, {}, negative, {}); }, crm::ErrorCode::invalid_argument,
                    "account_caps[0].cap");
        const std::vector<AccountCap> mixed{{crm::AccountId{"A"}, cny("1")},
                                            {crm::AccountId{"B"}, Money{"1", "USD"}}};
        check_error([&] { return cap_report({}, {}, mixed, {}); }, crm::ErrorCode::currency_mismatch,
                    "account_caps[1].cap");
        const std::vector<Receivable> usd{item("A", Money{"1.00", "USD"})};
        const std::vector<AccountCap> a{{crm::AccountId{"A"}, cny("1")}};
        check_error([&] { return cap_report(usd, {}, a, {}); }, crm::ErrorCode::not_found,
                    "options.rates.USD");
    }

    TEST_CASE("headroom minus excess is always the cap minus the balance") {
        crm::test::Rng rng(4200);
        for (int i = 0; i < 3000; ++i) {
            CAPTURE(i);
            const Money cap{Decimal::scaled(rng.between(0, 999'999), -2), crm::Currency{}};
            const Money balance{Decimal::scaled(rng.between(0, 999'999), -2), crm::Currency{}};
            const CapStatus s = cap_status(cap, balance);
            CHECK(s.headroom - s.excess == cap - balance);
            CHECK((s.headroom.is_zero() || s.excess.is_zero()));
            CHECK(s.breached == (balance > cap));
        }
    }

}  // TEST_SUITE
