// Bad-debt provision: the default schedule of domain.md section 4 worked through, the rounding
// that keeps the total exact, bad rates, and properties over generated ledgers.

#include <crm/core/error.hpp>
#include <crm/credit/provision.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::Decimal;
using crm::Money;
using crm::Percent;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }
const Date year_end = Date(2024, 12, 31);

using crm::test::check_error;

// An item invoiced `age` days before 2024-12-31, due 30 days later.
Receivable aged(std::int64_t age, Money open) {
    const Date invoiced = year_end - Days{age};
    return Receivable{crm::InvoiceId{"INV-" + std::to_string(age)}, crm::AccountId{"A-1"}, invoiced,
                      invoiced + Days{30}, open};
}

}  // namespace

TEST_SUITE("credit.provision") {
    TEST_CASE("the default schedule provides 5 10 30 50 80 and 100 percent by age") {
        const std::vector<Receivable> items{
            aged(100, cny("200000.00")),  // within 1 year: 200,000.00 x 5%   = 10,000.00
            aged(365, cny("20000.00")),   // day 365 is still within 1 year: 20,000.00 x 5% = 1,000.00
            aged(500, cny("80000.00")),   // 1-2 years:     80,000.00 x 10%   =  8,000.00
            aged(800, cny("30000.00")),   // 2-3 years:     30,000.00 x 30%   =  9,000.00
            aged(1200, cny("10000.00")),  // 3-4 years:     10,000.00 x 50%   =  5,000.00
            aged(1500, cny("5000.00")),   // 4-5 years:      5,000.00 x 80%   =  4,000.00
            aged(2000, cny("1234.56")),   // over 5 years:   1,234.56 x 100%  =  1,234.56
        };
        const Provision p = provision(items, year_end);
        REQUIRE(p.lines.size() == 6u);
        CHECK(p.lines[0].label == "within 1 year");
        CHECK(p.lines[0].balance == cny("220000.00"));
        CHECK(p.lines[0].provision == cny("11000.00"));
        CHECK(p.lines[1].provision == cny("8000.00"));
        CHECK(p.lines[2].provision == cny("9000.00"));
        CHECK(p.lines[3].provision == cny("5000.00"));
        CHECK(p.lines[4].provision == cny("4000.00"));
        CHECK(p.lines[5].provision == cny("1234.56"));
        // 11,000 + 8,000 + 9,000 + 5,000 + 4,000 + 1,234.56 = 38,234.56
        CHECK(p.total == cny("38234.56"));
        CHECK(p.balance == cny("346234.56"));
        std::ostringstream os;
        os << p;
        CHECK(os.str().find("within 1 year  CNY 220,000.00 x 5% = CNY 11,000.00") != std::string::npos);
    }

    TEST_CASE("lines are rounded so that they sum exactly to the rounded total") {
        // three buckets of 0.15 at 10%: 0.015 each, exact total 0.045
        const AgingBuckets three{
            std::vector<AgingBucket>{{"a", 0, 10}, {"b", 11, 20}, {"c", 21, std::nullopt}}};
        const std::vector<Receivable> items{aged(5, cny("0.15")), aged(15, cny("0.15")),
                                            aged(25, cny("0.15"))};
        const AgingReport r =
            aging(items, year_end, three, AgingOptions{.basis = AgingBasis::days_since_invoice});
        const std::vector<Percent> ten{Percent{"10"}, Percent{"10"}, Percent{"10"}};
        // half_up: total 0.05; floors 0.01 x 3 = 0.03; the 2 missing fen go to the first two (equal
        // remainders)
        Provision p = provision(r, ten, crm::RoundingMode::half_up);
        CHECK(p.exact == cny("0.045"));
        CHECK(p.total == cny("0.05"));
        CHECK(p.lines[0].provision == cny("0.02"));
        CHECK(p.lines[1].provision == cny("0.02"));
        CHECK(p.lines[2].provision == cny("0.01"));
        // half_even: total 0.04; one missing fen goes to the first
        p = provision(r, ten, crm::RoundingMode::half_even);
        CHECK(p.total == cny("0.04"));
        CHECK(p.lines[0].provision == cny("0.02"));
        CHECK(p.lines[1].provision == cny("0.01"));
        CHECK(p.lines[2].provision == cny("0.01"));
        // the largest remainder wins over the earlier bucket: 0.17 x 10% = 0.017 (remainder 0.007)
        const std::vector<Receivable> uneven{aged(5, cny("0.15")), aged(15, cny("0.17")),
                                             aged(25, cny("0.10"))};
        // exact 0.015 + 0.017 + 0.010 = 0.042 -> 0.04; floors 0.01 + 0.01 + 0.01 = 0.03; one fen to b (0.007)
        p = provision(aging(uneven, year_end, three, AgingOptions{.basis = AgingBasis::days_since_invoice}),
                      ten);
        CHECK(p.lines[0].provision == cny("0.01"));
        CHECK(p.lines[1].provision == cny("0.02"));
        CHECK(p.lines[2].provision == cny("0.01"));
        CHECK(p.total == cny("0.04"));
    }

    TEST_CASE("provision rates above 100 percent or of the wrong count are errors") {
        const AgingReport r = aging(std::vector<Receivable>{aged(10, cny("1.00"))}, year_end);
        check_error([&] { return provision(r, std::vector<Percent>{Percent{"5"}}); },
                    crm::ErrorCode::inconsistent, "rates");
        std::vector<Percent> rates(7, Percent{"5"});
        rates[3] = Percent{"100.01"};
        check_error([&] { return provision(r, rates); }, crm::ErrorCode::invalid_argument, "rates[3]");
        rates[3] = Percent{"-1"};
        check_error([&] { return provision(r, rates); }, crm::ErrorCode::invalid_argument, "rates[3]");
        ProvisionSchedule schedule{};
        schedule.rates[5] = Percent{"101"};
        check_error([&] { return provision(std::vector<Receivable>{}, year_end, schedule); },
                    crm::ErrorCode::invalid_argument, "schedule.rates[5]");
        schedule.rates.pop_back();
        check_error([&] { return provision(std::vector<Receivable>{}, year_end, schedule); },
                    crm::ErrorCode::inconsistent, "schedule.rates");
    }

    TEST_CASE("provisions never exceed the balance and sum exactly over generated ledgers") {
        crm::test::Rng rng(1825);
        const crm::RoundingMode modes[] = {crm::RoundingMode::half_up, crm::RoundingMode::half_even,
                                           crm::RoundingMode::up, crm::RoundingMode::down,
                                           crm::RoundingMode::ceiling};
        for (int i = 0; i < 2000; ++i) {
            CAPTURE(i);
            std::vector<Receivable> items;
            for (std::uint64_t k = 0, n = rng.below(30); k < n; ++k)
                items.push_back(aged(rng.between(0, 2500),
                                     Money{Decimal::scaled(rng.between(0, 9'999'999), -2), crm::Currency{}}));
            ProvisionSchedule schedule{};
            for (Percent& rate : schedule.rates)
                rate = Percent{Decimal::scaled(rng.between(0, 10000), -2)};  // 0.00..100.00
            const crm::RoundingMode mode = modes[rng.below(5)];
            const Provision p = provision(items, year_end, schedule, mode);
            Money sum = cny("0");
            for (const ProvisionLine& l : p.lines) {
                CHECK(l.provision <= l.balance);
                CHECK(l.provision.signum() >= 0);
                CHECK(crm::abs(l.provision.amount() - l.exact.amount()) < Decimal{"0.01"});
                sum += l.provision;
            }
            CHECK(sum == p.total);
            CHECK(p.total == crm::round(p.exact, mode));
            CHECK(p.total <= p.balance);
        }
    }

}  // TEST_SUITE
