#include <crm/core/threshold.hpp>
#include <crm/money/decimal.hpp>

#include <doctest/doctest.h>

TEST_SUITE("core.threshold") {
    TEST_CASE("以上 includes the threshold's own number and 超过 does not") {
        // "折扣10%以上需总监审批": a discount of exactly 10 already needs the director
        const crm::Decimal ten{"10"};
        CHECK(crm::reaches(crm::Decimal{"10.00"}, ten, crm::Boundary::inclusive));
        CHECK_FALSE(crm::reaches(crm::Decimal{"10.00"}, ten, crm::Boundary::exclusive));
        CHECK(crm::reaches(crm::Decimal{"10.01"}, ten, crm::Boundary::exclusive));
        CHECK_FALSE(crm::reaches(crm::Decimal{"9.99"}, ten, crm::Boundary::inclusive));
    }

    TEST_CASE("以下 includes the number and 不满 does not") {
        CHECK(crm::within(30, 30, crm::Boundary::inclusive));
        CHECK_FALSE(crm::within(30, 30, crm::Boundary::exclusive));
        CHECK(crm::within(29, 30, crm::Boundary::exclusive));
        CHECK_FALSE(crm::within(31, 30, crm::Boundary::inclusive));
    }

    TEST_CASE("reaches and within are complements on opposite boundaries") {
        for (int v = -5; v <= 5; ++v) {
            for (int t = -3; t <= 3; ++t) {
                CAPTURE(v);
                CAPTURE(t);
                CHECK(crm::reaches(v, t, crm::Boundary::inclusive) != crm::within(v, t, crm::Boundary::exclusive));
                CHECK(crm::reaches(v, t, crm::Boundary::exclusive) != crm::within(v, t, crm::Boundary::inclusive));
            }
        }
    }

    TEST_CASE("a threshold is described with the word its boundary takes") {
        CHECK(crm::describe_at_least("10%", crm::Boundary::inclusive, true) == "10%以上");
        CHECK(crm::describe_at_least("10%", crm::Boundary::exclusive, true) == "超过10%");
        CHECK(crm::describe_at_most("30天", crm::Boundary::inclusive, true) == "30天以下");
        CHECK(crm::describe_at_most("30天", crm::Boundary::exclusive, true) == "不满30天");
        CHECK(crm::describe_at_least("10%", crm::Boundary::inclusive, false) == "10% or more");
        CHECK(crm::describe_at_least("10%", crm::Boundary::exclusive, false) == "more than 10%");
        CHECK(crm::describe_at_most("30 days", crm::Boundary::exclusive, false) == "less than 30 days");
        CHECK(crm::to_string(crm::Boundary::exclusive) == "exclusive");
    }
}
