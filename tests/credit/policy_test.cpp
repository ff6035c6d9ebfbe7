// The credit policy: documented defaults, validation naming the member, lookup by tier and segment.

#include <crm/core/error.hpp>
#include <crm/credit/policy.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <type_traits>

#include "../support/errors.hpp"

using crm::Days;
using crm::Money;
using crm::Percent;
using namespace crm::credit;

namespace {

static_assert(std::is_aggregate_v<Policy>);
static_assert(std::regular<Policy>);
static_assert(to_outcome(Escalation::block) == crm::Outcome::block);
static_assert(to_outcome(Escalation::needs_approval) == crm::Outcome::needs_approval);

using crm::test::check_error;

Money cny(const char* amount) { return Money{amount, "CNY"}; }

}  // namespace

TEST_SUITE("credit.policy") {
    TEST_CASE("the defaults are the ones the documentation cites") {
        const Policy p{};
        CHECK(p.exposure ==
              ExposureComponents{true, true, true, true});  // domain.md section 4: all of exposure
        CHECK(p.warn_utilisation == Percent{"90"});         // domain.md section 4: e.g. 90%
        CHECK(p.tolerance.percent == Percent{"10"});
        CHECK_FALSE(p.tolerance.amount.has_value());
        CHECK(p.tolerance.rule == ToleranceRule::smaller);
        CHECK(p.overdue.max_days_past_due == Days{90});
        CHECK_FALSE(p.overdue.max_overdue_amount.has_value());
        CHECK(p.overdue.grace == Days{0});
        CHECK(p.limit_valid_months == 12);
        CHECK(p.on_hold == Escalation::block);
        CHECK(p.on_expired_limit == Escalation::block);
        CHECK(p.conversion_rounding == crm::RoundingMode::half_up);
        CHECK_NOTHROW(p.validate());
    }

    TEST_CASE("a bad policy is an error naming the member") {
        using crm::ErrorCode;
        check_error([] { Policy{.warn_utilisation = Percent{"0"}}.validate(); }, ErrorCode::invalid_argument,
                    "policy.warn_utilisation");
        check_error([] { Policy{.warn_utilisation = Percent{"100.01"}}.validate(); },
                    ErrorCode::invalid_argument, "policy.warn_utilisation");
        CHECK_NOTHROW(Policy{.warn_utilisation = Percent{"100"}}.validate());
        check_error([] { Policy{.tolerance = {.amount = cny("-1")}}.validate(); },
                    ErrorCode::invalid_argument, "policy.tolerance.amount");
        check_error([] { Policy{.tolerance = {.percent = Percent{"-5"}}}.validate(); },
                    ErrorCode::invalid_argument, "policy.tolerance.percent");
        check_error([] { Policy{.overdue = {.max_days_past_due = Days{-1}}}.validate(); },
                    ErrorCode::invalid_argument, "policy.overdue.max_days_past_due");
        check_error([] { Policy{.overdue = {.max_overdue_amount = cny("-0.01")}}.validate(); },
                    ErrorCode::invalid_argument, "policy.overdue.max_overdue_amount");
        check_error([] { Policy{.overdue = {.grace = Days{-3}}}.validate(); }, ErrorCode::invalid_argument,
                    "policy.overdue.grace");
        check_error([] { Policy{.limit_valid_months = 0}.validate(); }, ErrorCode::invalid_argument,
                    "policy.limit_valid_months");
    }

    TEST_CASE("a policy is selected by tier and segment with a catch-all row per tier") {
        const PolicyTable table{.entries = {
                                    {"A", "", Policy{.warn_utilisation = Percent{"95"}}},
                                    {"A", "经销商", Policy{.warn_utilisation = Percent{"80"}}},
                                    {"B", "集团客户", Policy{.warn_utilisation = Percent{"85"}}},
                                }};
        CHECK(select(table, "A", "经销商").warn_utilisation == Percent{"80"});
        CHECK(select(table, "A", "政府单位").warn_utilisation == Percent{"95"});  // the tier's catch-all
        CHECK(select(table, "B", "集团客户").warn_utilisation == Percent{"85"});
        check_error([&] { (void)select(table, "C", "集团客户"); }, crm::ErrorCode::not_found, "tier");
        check_error([&] { (void)select(table, "B", "经销商"); }, crm::ErrorCode::not_found, "segment");
    }

    TEST_CASE("a bad policy table is an error naming the row") {
        check_error(
            [] {
                (void)select(PolicyTable{.entries = {{"", "", Policy{}}}}, "A", "");
            },
            crm::ErrorCode::invalid_argument, "table.entries[0].tier");
        check_error(
            [] {
                (void)select(PolicyTable{.entries = {{"A", "x", Policy{}}, {"A", "x", Policy{}}}}, "A", "x");
            },
            crm::ErrorCode::duplicate, "table.entries[1].segment");
        check_error(
            [] {
                PolicyTable{.entries = {{"A", "", Policy{}}, {"B", "", Policy{.limit_valid_months = -1}}}}
                    .validate();
            },
            crm::ErrorCode::invalid_argument, "table.entries[1].policy.limit_valid_months");
    }

}  // TEST_SUITE
