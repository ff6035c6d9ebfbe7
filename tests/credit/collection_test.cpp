// Collection (回款): planned against actual per account and month, and the collection rate.

#include <crm/core/error.hpp>
#include <crm/credit/collection.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string_view>
#include <vector>

#include "../support/errors.hpp"

using crm::Date;
using crm::Money;
using crm::Percent;
using crm::Period;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }

using crm::test::check_error;

}  // namespace

TEST_SUITE("credit.collection") {
    TEST_CASE("the collection rate is actual over planned") {
        // 955,000 / 1,000,000 = 95.50%
        CHECK(collection_rate(cny("955000"), cny("1000000")) == Percent{"95.50"});
        // 1 / 3 = 33.333...% -> 33.33%; over-collection 1,200 / 1,000 = 120.00%
        CHECK(collection_rate(cny("1"), cny("3")) == Percent{"33.33"});
        CHECK(collection_rate(cny("1200"), cny("1000")) == Percent{"120.00"});
        CHECK(collection_rate(cny("2"), cny("3"), 0, crm::RoundingMode::down) == Percent{"66"});
        // no plan: no rate
        CHECK_FALSE(collection_rate(cny("100"), cny("0")).has_value());
        check_error([] { return collection_rate(cny("-1"), cny("3")); }, crm::ErrorCode::invalid_argument,
                    "actual");
        check_error([] { return collection_rate(cny("1"), cny("-3")); }, crm::ErrorCode::invalid_argument,
                    "planned");
    }

    TEST_CASE("plans and receipts are joined per account and month") {
        const std::vector<CollectionPlan> plans{
            {crm::AccountId{"A-1"}, Period::month(2024, 3), cny("100000.00")},
            {crm::AccountId{"A-1"}, Period::month(2024, 4), cny("80000.00")},
            {crm::AccountId{"A-2"}, Period::month(2024, 3), cny("50000.00")},
        };
        const std::vector<Receipt> receipts{
            {crm::AccountId{"A-1"}, Date(2024, 3, 10), cny("60000.00")},
            {crm::AccountId{"A-1"}, Date(2024, 3, 31), cny("35000.00")},  // March: 95,000
            {crm::AccountId{"A-2"}, Date(2024, 4, 2), cny("50000.00")},   // April: unplanned, late
        };
        const CollectionReport r = collection_report(plans, receipts);
        REQUIRE(r.lines.size() == 4u);
        // A-1 2024-03: 95,000 of 100,000 = 95.00%, variance -5,000
        CHECK(r.lines[0].account == crm::AccountId{"A-1"});
        CHECK(r.lines[0].month == Period::month(2024, 3));
        CHECK(r.lines[0].actual == cny("95000.00"));
        CHECK(r.lines[0].variance == cny("-5000.00"));
        CHECK(r.lines[0].rate == Percent{"95.00"});
        // A-1 2024-04: nothing of 80,000 = 0.00%
        CHECK(r.lines[1].rate == Percent{"0.00"});
        // A-2 2024-03: nothing of 50,000; A-2 2024-04: 50,000 without a plan, no rate
        CHECK(r.lines[2].actual.is_zero());
        CHECK(r.lines[3].month == Period::month(2024, 4));
        CHECK_FALSE(r.lines[3].rate.has_value());
        // total: 145,000 of 230,000 = 63.0434...% -> 63.04%
        CHECK(r.total.planned == cny("230000.00"));
        CHECK(r.total.actual == cny("145000.00"));
        CHECK(r.total.rate == Percent{"63.04"});
        CHECK(r.total.month == Period::month(2024, 3));
        std::ostringstream os;
        os << r.lines[0];
        CHECK(os.str() == "A-1 2024-03 planned CNY 100,000.00 actual CNY 95,000.00 (95.00%)");
    }

    TEST_CASE("bad collection input is an error naming the field") {
        const std::vector<CollectionPlan> twice{{crm::AccountId{"A"}, Period::month(2024, 3), cny("1")},
                                                {crm::AccountId{"A"}, Period::month(2024, 3), cny("2")}};
        check_error([&] { return collection_report(twice, {}); }, crm::ErrorCode::duplicate,
                    "plans[1].month");
        const std::vector<CollectionPlan> quarterly{
            {crm::AccountId{"A"}, Period::quarter(2024, 1), cny("1")}};
        check_error([&] { return collection_report(quarterly, {}); }, crm::ErrorCode::invalid_argument,
                    "plans[0].month");
        const std::vector<Receipt> negative{{crm::AccountId{"A"}, Date(2024, 3, 1), cny("-1")}};
        check_error([&] { return collection_report({}, negative); }, crm::ErrorCode::invalid_argument,
                    "receipts[0].amount");
        const std::vector<CollectionPlan> plan{{crm::AccountId{"A"}, Period::month(2024, 3), cny("1")}};
        const std::vector<Receipt> usd{{crm::AccountId{"A"}, Date(2024, 3, 1), Money{"1", "USD"}}};
        check_error([&] { return collection_report(plan, usd); }, crm::ErrorCode::currency_mismatch,
                    "receipts[0].amount");
    }

}  // TEST_SUITE
