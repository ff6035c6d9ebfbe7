#include <crm/core/error.hpp>
#include <crm/time/time_of_day.hpp>

#include <doctest/doctest.h>

#include <concepts>
#include <cstdint>
#include <sstream>
#include <string>
#include <type_traits>

namespace {

using crm::Date;
using crm::DateTime;
using crm::Minutes;
using crm::TimeOfDay;

template <class A, class B>
concept addable = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
    {a * b};
};

// A clock reading and a duration are different types: only the meaningful operations exist.
static_assert(!addable<TimeOfDay, TimeOfDay>, "09:00 + 18:00 has no meaning");
static_assert(!addable<TimeOfDay, int>, "a bare number has no unit");
static_assert(!multipliable<Minutes, Minutes>, "minutes squared has no meaning");
static_assert(!std::is_convertible_v<int, Minutes>, "Minutes{n} is explicit");
static_assert(!std::is_convertible_v<Minutes, std::int64_t>);
static_assert(requires(TimeOfDay a, DateTime t) {
    { a - a } -> std::same_as<Minutes>;
    { t - t } -> std::same_as<Minutes>;
});
static_assert(std::regular<TimeOfDay> && std::regular<Minutes> && std::regular<DateTime>);
static_assert(std::totally_ordered<TimeOfDay> && std::totally_ordered<Minutes> &&
              std::totally_ordered<DateTime>);
static_assert(std::is_trivially_copyable_v<TimeOfDay> && std::is_trivially_copyable_v<DateTime>);

// Much is usable at compile time.
static_assert(TimeOfDay(18, 0) - TimeOfDay(9, 0) == Minutes{540});
static_assert(TimeOfDay(9, 30).minutes() == 570);
static_assert(TimeOfDay::end_of_day() == TimeOfDay(24, 0));
static_assert(Minutes::hours(2) == Minutes{120});
static_assert((DateTime{Date::from_serial(1), TimeOfDay{}} - DateTime{Date{}, TimeOfDay(23, 0)}) ==
              Minutes{60});

template <class T>
std::string printed(const T& v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

template <class F>
crm::Error error_of(F f) {
    try {
        f();
    } catch (const crm::Error& e) {
        return e;
    }
    FAIL("no crm::Error thrown");
    return crm::Error(crm::ErrorCode::invalid_argument, "", "");
}

}  // namespace

TEST_SUITE("time.time_of_day") {
    TEST_CASE("a time of day is minutes since midnight from 00:00 to 24:00") {
        CHECK(TimeOfDay{}.minutes() == 0);
        CHECK(TimeOfDay(9, 5).hour() == 9);
        CHECK(TimeOfDay(9, 5).minute() == 5);
        CHECK(TimeOfDay::parse("09:05") == TimeOfDay(9, 5));
        CHECK(TimeOfDay::parse("23:59").minutes() == 1439);
        CHECK(TimeOfDay::parse("24:00").minutes() == 1440);
        CHECK(TimeOfDay::from_minutes(1020) == TimeOfDay(17, 0));
        CHECK(TimeOfDay(9, 5).to_string() == "09:05");
        CHECK(printed(TimeOfDay::end_of_day()) == "24:00");
        CHECK(TimeOfDay(9, 0) < TimeOfDay(18, 0));
    }

    TEST_CASE("bad times of day are errors naming the field") {
        CHECK_THROWS_AS(TimeOfDay(24, 1), crm::Error);
        CHECK(error_of([] { (void)TimeOfDay(25, 0); }).field() == "time");
        CHECK(error_of([] { (void)TimeOfDay(-1, 0); }).code() == crm::ErrorCode::invalid_argument);
        CHECK(error_of([] { (void)TimeOfDay(12, 60); }).code() == crm::ErrorCode::invalid_argument);
        CHECK(error_of([] { (void)TimeOfDay::from_minutes(1441); }).field() == "minutes");
        CHECK(error_of([] { (void)TimeOfDay::from_minutes(-1); }).field() == "minutes");
        CHECK(error_of([] { (void)TimeOfDay::parse("9:00", "hours.start"); }).code() ==
              crm::ErrorCode::parse_error);
        CHECK(error_of([] { (void)TimeOfDay::parse("9:00", "hours.start"); }).field() == "hours.start");
        CHECK(error_of([] { (void)TimeOfDay::parse("09.00"); }).code() == crm::ErrorCode::parse_error);
        CHECK(error_of([] { (void)TimeOfDay::parse("09:0a"); }).code() == crm::ErrorCode::parse_error);
        CHECK(error_of([] { (void)TimeOfDay::parse("12:60"); }).code() == crm::ErrorCode::invalid_argument);
        CHECK(error_of([] { (void)TimeOfDay::parse("24:01"); }).code() == crm::ErrorCode::invalid_argument);
        CHECK(error_of([] { (void)TimeOfDay::parse("25:00"); }).field() == "time");
    }

    TEST_CASE("minutes are a checked duration") {
        CHECK(Minutes{90} + Minutes{30} == Minutes::hours(2));
        CHECK(Minutes{90} - Minutes{120} == Minutes{-30});
        CHECK(-Minutes{5} == Minutes{-5});
        CHECK(+Minutes{5} == Minutes{5});
        CHECK(Minutes{15} * 4 == Minutes{60});
        CHECK(4 * Minutes{15} == Minutes{60});
        Minutes m{10};
        m += Minutes{5};
        m -= Minutes{1};
        CHECK(m == Minutes{14});
        CHECK(printed(Minutes{90}) == "90 minutes");
        CHECK(printed(Minutes{1}) == "1 minute");
        CHECK(printed(Minutes{-1}) == "-1 minute");
        CHECK(printed(Minutes{}) == "0 minutes");
        const Minutes max{INT64_MAX};
        CHECK(error_of([&] { (void)(max + Minutes{1}); }).code() == crm::ErrorCode::overflow);
        CHECK(error_of([&] { (void)(Minutes{INT64_MIN} - Minutes{1}); }).code() == crm::ErrorCode::overflow);
        CHECK(error_of([&] { (void)(-Minutes{INT64_MIN}); }).code() == crm::ErrorCode::overflow);
        CHECK(error_of([&] { (void)(max * 2); }).code() == crm::ErrorCode::overflow);
        CHECK(error_of([] { (void)Minutes::hours(INT64_MAX / 10); }).field() == "hours");
    }

    TEST_CASE("a date time reads and prints as 2024-02-09 17:00 and orders as an instant") {
        const DateTime t = DateTime::parse("2024-02-09 17:00");
        CHECK(t.date == Date(2024, 2, 9));
        CHECK(t.time == TimeOfDay(17, 0));
        CHECK(DateTime::parse("2024-02-09T17:00") == t);
        CHECK(t.to_string() == "2024-02-09 17:00");
        CHECK(printed(t) == "2024-02-09 17:00");
        CHECK(t < DateTime::parse("2024-02-10 08:00"));
        CHECK(DateTime::parse("2024-02-10 08:00") - t == Minutes{15 * 60});
        // 24:00 is the same instant as the next day's 00:00, written differently
        const DateTime midnight{Date(2024, 2, 9), TimeOfDay::end_of_day()};
        CHECK(midnight == DateTime::parse("2024-02-10 00:00"));
        CHECK(printed(midnight) == "2024-02-09 24:00");
        CHECK(midnight > t);
        CHECK(DateTime{}.instant() == 0);
    }

    TEST_CASE("bad timestamps are errors naming the field") {
        CHECK(error_of([] { (void)DateTime::parse("2024-02-09 17:00:00", "opened"); }).code() ==
              crm::ErrorCode::parse_error);
        CHECK(error_of([] { (void)DateTime::parse("2024-02-09_17:00", "opened"); }).field() == "opened");
        CHECK(error_of([] { (void)DateTime::parse("2023-02-29 17:00", "opened"); }).code() ==
              crm::ErrorCode::invalid_date);
        CHECK(error_of([] { (void)DateTime::parse("2024-02-09 17:60", "opened"); }).field() == "opened");
    }

}  // TEST_SUITE
