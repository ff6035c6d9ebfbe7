// Exposure and the receivables position: the worked example of domain.md section 4, which
// components count, conversion of foreign items, and the one-pass overdue figures.

#include <crm/core/error.hpp>
#include <crm/credit/exposure.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../support/errors.hpp"

using crm::Date;
using crm::Days;
using crm::Money;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }
Money usd(const char* amount) { return Money{amount, "USD"}; }
Date day(const char* iso) { return Date::parse(iso); }

using crm::test::check_error;

Receivable item(const char* id, const char* invoiced, const char* due, Money open) {
    return Receivable{crm::InvoiceId{id}, crm::AccountId{"A-1"}, day(invoiced), day(due), open};
}

}  // namespace

TEST_SUITE("credit.exposure") {
    TEST_CASE("exposure adds open receivables open orders shipped goods and the order") {
        const std::vector<Receivable> ar{item("INV-1", "2024-04-01", "2024-05-01", cny("300000.00")),
                                         item("INV-2", "2024-05-20", "2024-06-19", cny("200000.00"))};
        const std::vector<Order> open{{crm::OrderId{"SO-1"}, cny("150000.00")},
                                      {crm::OrderId{"SO-2"}, cny("25000.00")}};
        const std::vector<Order> shipped{{crm::OrderId{"SO-0"}, cny("50000.00")}};
        const CreditProfile profile{.limit = cny("1000000.00")};
        const CreditSnapshot snapshot{
            .receivables = ar, .open_orders = open, .shipped_not_invoiced = shipped};
        const Order order{crm::OrderId{"SO-9"}, cny("75000.00")};

        // 300,000 + 200,000 = 500,000; 150,000 + 25,000 = 175,000; 50,000; 75,000: total 800,000.00
        Policy policy{};
        Exposure e = exposure(policy, profile, snapshot, order);
        CHECK(e.open_receivables == cny("500000.00"));
        CHECK(e.open_orders == cny("175000.00"));
        CHECK(e.shipped_not_invoiced == cny("50000.00"));
        CHECK(e.order == cny("75000.00"));
        CHECK(e.total == cny("800000.00"));
        std::ostringstream os;
        os << e;
        CHECK(os.str() ==
              "open receivables CNY 500,000.00 + open orders CNY 175,000.00 + shipped not invoiced CNY "
              "50,000.00 + "
              "order CNY 75,000.00 = CNY 800,000.00");

        // a policy that leaves shipped-not-invoiced goods out: 800,000 - 50,000 = 750,000.00, still shown
        policy.exposure.shipped_not_invoiced = false;
        e = exposure(policy, profile, snapshot, order);
        CHECK(e.total == cny("750000.00"));
        CHECK(e.shipped_not_invoiced == cny("50000.00"));
        os.str("");
        os << e;
        CHECK(os.str().find("shipped not invoiced CNY 50,000.00 (not counted)") != std::string::npos);
        // and one that counts receivables only
        policy.exposure = ExposureComponents{.open_receivables = true,
                                             .open_orders = false,
                                             .shipped_not_invoiced = false,
                                             .this_order = false};
        CHECK(exposure(policy, profile, snapshot, order).total == cny("500000.00"));
    }

    TEST_CASE("items in another currency are converted one by one and rounded as the policy says") {
        const std::vector<Receivable> ar{item("INV-1", "2024-04-01", "2024-05-01", usd("333.33")),
                                         item("INV-2", "2024-04-01", "2024-05-01", cny("100.00"))};
        const std::vector<crm::credit::FxRate> rates{{crm::Currency{"USD"}, crm::Decimal{"7.1234"}}};
        const CreditProfile profile{.limit = cny("10000.00")};
        const CreditSnapshot snapshot{.receivables = ar, .rates = rates};
        Policy policy{};
        // USD 333.33 x 7.1234 = CNY 2,374.442922 -> 2,374.44 (half_up); + 100.00 = 2,474.44
        CHECK(exposure(policy, profile, snapshot, Order{}).open_receivables == cny("2474.44"));
        policy.conversion_rounding = crm::RoundingMode::up;  // 2,374.45
        CHECK(exposure(policy, profile, snapshot, Order{}).open_receivables == cny("2474.45"));
        // no rate: an error naming the currency, never a guess
        const CreditSnapshot without{.receivables = ar};
        check_error([&] { return exposure(policy, profile, without, Order{}); }, crm::ErrorCode::not_found,
                    "snapshot.rates.USD");
    }

    TEST_CASE("the receivables position finds the overdue amount and the oldest item in one pass") {
        // as of 2024-06-30: INV-1 due 2024-05-01 is 60 days past due, INV-2 due 2024-06-25 is 5, INV-3 not
        // due, INV-4 due 2024-01-31 but fully paid (open 0) is ignored
        const std::vector<Receivable> ar{item("INV-1", "2024-04-01", "2024-05-01", cny("300.00")),
                                         item("INV-2", "2024-05-26", "2024-06-25", cny("200.00")),
                                         item("INV-3", "2024-06-10", "2024-07-10", cny("100.00")),
                                         item("INV-4", "2024-01-01", "2024-01-31", cny("0.00"))};
        const CreditProfile profile{.limit = cny("1000.00")};
        const CreditSnapshot snapshot{.receivables = ar};
        Policy policy{};
        ReceivablesPosition p = receivables_position(policy, profile, snapshot, day("2024-06-30"));
        CHECK(p.open == cny("600.00"));
        CHECK(p.overdue == cny("500.00"));  // 300 + 200
        CHECK(p.oldest_days_past_due == Days{60});
        CHECK(p.oldest_index == 0u);
        // a 5-day grace: INV-2 (5 days) is not overdue; the oldest is still reported as it is
        policy.overdue.grace = Days{5};
        p = receivables_position(policy, profile, snapshot, day("2024-06-30"));
        CHECK(p.overdue == cny("300.00"));
        CHECK(p.oldest_days_past_due == Days{60});
        // before any due date nothing is overdue
        p = receivables_position(policy, profile, snapshot, day("2024-04-15"));
        CHECK(p.overdue == cny("0"));
        CHECK(p.oldest_days_past_due == Days{0});
        CHECK_FALSE(p.oldest_index.has_value());
        std::ostringstream os;
        os << p;
        CHECK(os.str() == "open CNY 600.00, overdue CNY 0.00, oldest 0 days past due");
    }

    TEST_CASE("bad snapshots are errors naming the item") {
        const CreditProfile profile{.limit = cny("1000.00")};
        // a prepayment request (先款后票, due before its invoice date) is a legitimate item
        std::vector<Receivable> ar{item("INV-1", "2024-04-01", "2024-03-01", cny("1.00"))};
        CHECK(exposure(Policy{}, profile, CreditSnapshot{.receivables = ar}, Order{}).open_receivables ==
              cny("1.00"));
        ar[0].open_amount = cny("-1.00");  // a credit is not netted silently in a credit check
        check_error([&] { return exposure(Policy{}, profile, CreditSnapshot{.receivables = ar}, Order{}); },
                    crm::ErrorCode::invalid_argument, "snapshot.receivables[0].open_amount");
        const std::vector<crm::credit::FxRate> twice{{crm::Currency{"USD"}, crm::Decimal{"7"}},
                                                     {crm::Currency{"USD"}, crm::Decimal{"7.1"}}};
        check_error([&] { return exposure(Policy{}, profile, CreditSnapshot{.rates = twice}, Order{}); },
                    crm::ErrorCode::duplicate, "snapshot.rates[1].from");
        check_error(
            [&] { return exposure(Policy{}, CreditProfile{.limit = cny("-1")}, CreditSnapshot{}, Order{}); },
            crm::ErrorCode::invalid_argument, "profile.limit");
    }

}  // TEST_SUITE
