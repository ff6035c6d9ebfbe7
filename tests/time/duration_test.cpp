// Days and Minutes: one duration template, two types that never mix.

#include <crm/core/error.hpp>
#include <crm/time/duration.hpp>
#include <crm/time/time_of_day.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <type_traits>

#include "../support/errors.hpp"

using crm::Days;
using crm::Minutes;

static_assert(std::is_same_v<Days, crm::Duration<crm::DayUnit>>);
static_assert(std::is_same_v<Minutes, crm::Duration<crm::MinuteUnit>>);
static_assert(!std::is_convertible_v<Days, Minutes> && !std::is_convertible_v<Minutes, Days>);
static_assert(!std::is_convertible_v<std::int64_t, Days>, "a bare number has no unit");
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
static_assert(addable<Days, Days> && addable<Minutes, Minutes>);
static_assert(!addable<Days, Minutes>, "days and minutes do not add");
static_assert(!addable<Days, int>);
template <class A, class B>
concept multipliable = requires(A a, B b) { a * b; };
static_assert(!multipliable<Days, Days>, "days times days has no meaning");
template <class D>
concept has_hours = requires { D::hours(1); };
static_assert(has_hours<Minutes> && !has_hours<Days>, "hours() makes minutes only");
static_assert((Days{7} * 4).count() == 28 && Minutes::hours(2) == Minutes{120});
static_assert(std::is_trivially_copyable_v<Days> && sizeof(Minutes) == sizeof(std::int64_t));

TEST_SUITE("time.duration") {
    TEST_CASE("both durations print their unit and name it when they overflow") {
        std::ostringstream os;
        os << Days{30} << ", " << Days{1} << ", " << Days{-1} << ", " << Minutes{90} << ", " << Minutes{1};
        CHECK(os.str() == "30 days, 1 day, -1 day, 90 minutes, 1 minute");
        constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
        crm::test::check_error([] { return Days{max} + Days{1}; }, crm::ErrorCode::overflow, "days");
        crm::test::check_error([] { return Minutes{max} * 2; }, crm::ErrorCode::overflow, "minutes");
        crm::test::check_error([] { return -Minutes{std::numeric_limits<std::int64_t>::min()}; },
                               crm::ErrorCode::overflow, "minutes");
        crm::test::check_error([] { return Minutes::hours(max); }, crm::ErrorCode::overflow, "hours");
        Days d{3};
        d *= 2;
        d -= Days{1};
        CHECK(d == Days{5});
    }
}
