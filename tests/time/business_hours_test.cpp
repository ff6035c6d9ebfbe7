#include <crm/core/error.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/calendar.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "../support/generators.hpp"

namespace {

using crm::Calendar;
using crm::Date;
using crm::DateTime;
using crm::Days;
using crm::Minutes;
using crm::TimeOfDay;
using crm::WorkingHours;

DateTime at(std::string_view text) { return DateTime::parse(text); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b < 0) ? q - 1 : q;
}

DateTime from_instant(std::int64_t minutes) {
    const std::int64_t days = floor_div(minutes, 1440);
    return DateTime{Date::from_serial(days), TimeOfDay::from_minutes(minutes - days * 1440)};
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

// The oracle: business minutes in [from, to) as the sum, day by day, of the overlap with each
// business day's window.
std::int64_t oracle_minutes(const Calendar& c, const WorkingHours& h, DateTime from, DateTime to) {
    if (to < from) return -oracle_minutes(c, h, to, from);
    std::int64_t total = 0;
    for (Date d = from.date - Days{1}; d <= to.date + Days{1}; d += Days{1}) {
        if (!c.is_business_day(d)) continue;
        const std::int64_t open = DateTime{d, h.start()}.instant();
        const std::int64_t close = DateTime{d, h.end()}.instant();
        total += std::max<std::int64_t>(0, std::min(close, to.instant()) - std::max(open, from.instant()));
    }
    return total;
}

}  // namespace

TEST_SUITE("time.business_hours") {
    TEST_CASE("working hours are a window that ends after it starts") {
        const WorkingHours office;
        CHECK(office.start() == TimeOfDay(9, 0));
        CHECK(office.end() == TimeOfDay(18, 0));
        CHECK(office.length() == Minutes{540});
        CHECK(WorkingHours::parse("08:30-17:30") == WorkingHours(TimeOfDay(8, 30), TimeOfDay(17, 30)));
        CHECK(WorkingHours::parse("00:00-24:00").length() == Minutes{1440});
        std::ostringstream os;
        os << office;
        CHECK(os.str() == "09:00-18:00");
        CHECK_THROWS_AS(WorkingHours(TimeOfDay(18, 0), TimeOfDay(9, 0)), crm::Error);
        CHECK(error_of([] { (void)WorkingHours(TimeOfDay(9, 0), TimeOfDay(9, 0)); }).field() ==
              "working_hours.end");
        CHECK(error_of([] { (void)WorkingHours(TimeOfDay(9, 0), TimeOfDay(9, 0)); }).code() ==
              crm::ErrorCode::invalid_argument);
        CHECK(error_of([] { (void)WorkingHours::parse("09:00 18:00", "sla.hours"); }).field() == "sla.hours");
        CHECK(error_of([] { (void)WorkingHours::parse("18:00-09:00", "sla.hours"); }).code() ==
              crm::ErrorCode::invalid_argument);
        CHECK(error_of([] { (void)WorkingHours::parse("18:00-25:00", "sla.hours"); }).field() == "sla.hours");
    }

    TEST_CASE("2024-02-09 17:00 plus two business hours is 10:00 on the make-up Sunday 2024-02-18") {
        const Calendar china = crm::china_mainland_calendar();
        const WorkingHours office;  // 09:00-18:00
        // Fri 02-09 is worked: 17:00..18:00 is the first hour. 02-10..02-17 are off; Sun 02-18 is a
        // make-up working day: 09:00..10:00 is the second hour.
        CHECK(crm::add_business_hours(china, office, at("2024-02-09 17:00"), 2) == at("2024-02-18 10:00"));
        CHECK(crm::business_minutes_between(china, office, at("2024-02-09 17:00"), at("2024-02-18 10:00")) ==
              Minutes{120});
        CHECK(crm::business_minutes_between(china, office, at("2024-02-18 10:00"), at("2024-02-09 17:00")) ==
              Minutes{-120});
        // and back: 2024-02-18 10:00 - 2 hours = 2024-02-09 17:00
        CHECK(crm::add_business_hours(china, office, at("2024-02-18 10:00"), -2) == at("2024-02-09 17:00"));
    }

    TEST_CASE("a timestamp outside working hours starts counting at the next opening") {
        const Calendar china = crm::china_mainland_calendar();
        const WorkingHours office;
        // before opening: Mon 2024-03-04 07:30 + 1h = 10:00
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 07:30"), 1) == at("2024-03-04 10:00"));
        // after closing: Mon 19:00 + 1h = Tue 10:00
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 19:00"), 1) == at("2024-03-05 10:00"));
        // on a weekend: Sat 2024-03-02 12:00 + 1h = Mon 10:00
        CHECK(crm::add_business_hours(china, office, at("2024-03-02 12:00"), 1) == at("2024-03-04 10:00"));
        // on a holiday: 2024-10-03 12:00 + 30 min = Tue 10-08 09:30
        CHECK(crm::add_business_time(china, office, at("2024-10-03 12:00"), Minutes{30}) ==
              at("2024-10-08 09:30"));
        // a count that ends exactly at closing ends there: Mon 09:00 + 9h = Mon 18:00
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 09:00"), 9) == at("2024-03-04 18:00"));
        // 10h = 9h on Monday + 1h on Tuesday
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 09:00"), 10) == at("2024-03-05 10:00"));
        // subtracting ends at an opening: Mon 10:00 - 1h = Mon 09:00; - 2h = Fri 17:00
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 10:00"), -1) == at("2024-03-04 09:00"));
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 10:00"), -2) == at("2024-03-01 17:00"));
        // minutes between clip to the windows
        CHECK(crm::business_minutes_between(china, office, at("2024-03-04 07:00"), at("2024-03-04 20:00")) ==
              Minutes{540});
        CHECK(crm::business_minutes_between(china, office, at("2024-03-02 07:00"), at("2024-03-03 20:00")) ==
              Minutes{0});
        // a whole working week: Mon 00:00 .. next Mon 00:00 = 5 x 540
        CHECK(crm::business_minutes_between(china, office, at("2024-03-04 00:00"), at("2024-03-11 00:00")) ==
              Minutes{5 * 540});
    }

    TEST_CASE("adding zero business hours keeps the timestamp") {
        const Calendar china = crm::china_mainland_calendar();
        const WorkingHours office;
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 17:00"), 0) == at("2024-03-04 17:00"));
        CHECK(crm::add_business_hours(china, office, at("2024-03-04 20:00"), 0) == at("2024-03-04 20:00"));
        CHECK(crm::add_business_hours(china, office, at("2024-10-03 12:00"), 0) == at("2024-10-03 12:00"));
        CHECK(crm::business_minutes_between(china, office, at("2024-03-04 17:00"), at("2024-03-04 17:00")) ==
              Minutes{0});
    }

    TEST_CASE("a window may close at 24:00") {
        const Calendar weekdays;
        const WorkingHours all_day(TimeOfDay(0, 0), TimeOfDay::end_of_day());
        // Mon 23:00 + 2h = Tue 01:00
        CHECK(crm::add_business_hours(weekdays, all_day, at("2024-03-04 23:00"), 2) ==
              at("2024-03-05 01:00"));
        // Fri 23:00 + 2h = Mon 01:00
        CHECK(crm::add_business_hours(weekdays, all_day, at("2024-03-01 23:00"), 2) ==
              at("2024-03-04 01:00"));
        // ending exactly at 24:00: Mon 23:00 + 1h = Mon 24:00, the same instant as Tue 00:00
        const DateTime end = crm::add_business_hours(weekdays, all_day, at("2024-03-04 23:00"), 1);
        CHECK(end == at("2024-03-05 00:00"));
        CHECK(end.to_string() == "2024-03-04 24:00");
        CHECK(crm::business_minutes_between(weekdays, all_day, at("2024-03-04 00:00"),
                                            DateTime{Date(2024, 3, 4), TimeOfDay::end_of_day()}) ==
              Minutes{1440});
    }

    TEST_CASE("is_business_time is inside the window of a business day") {
        const Calendar china = crm::china_mainland_calendar();
        const WorkingHours office;
        CHECK(crm::is_business_time(china, office, at("2024-02-18 09:00")));
        CHECK(crm::is_business_time(china, office, at("2024-02-18 17:59")));
        CHECK_FALSE(crm::is_business_time(china, office, at("2024-02-18 18:00")));
        CHECK_FALSE(crm::is_business_time(china, office, at("2024-02-18 08:59")));
        CHECK_FALSE(crm::is_business_time(china, office, at("2024-02-12 10:00")));
    }

    TEST_CASE("a strict calendar names the timestamp that lies outside its data") {
        const Calendar strict = crm::china_mainland_calendar(true);
        const WorkingHours office;
        CHECK_THROWS_AS((void)crm::add_business_hours(strict, office, at("2027-01-04 09:00"), 1), crm::Error);
        CHECK(error_of([&] {
                  (void)crm::add_business_hours(strict, office, at("2027-01-04 09:00"), 1);
              }).field() == "start");
        CHECK(error_of([&] {
                  (void)crm::add_business_hours(strict, office, at("2027-01-04 09:00"), 1);
              }).code() == crm::ErrorCode::out_of_range);
        // the start is inside, the result is not: Thu 2026-12-31 17:00 + 2h lands in 2027
        CHECK(error_of([&] {
                  (void)crm::add_business_hours(strict, office, at("2026-12-31 17:00"), 2);
              }).field() == "duration");
        CHECK(crm::add_business_hours(strict, office, at("2026-12-31 17:00"), 1) == at("2026-12-31 18:00"));
        CHECK(error_of([&] {
                  (void)crm::business_minutes_between(strict, office, at("2023-12-29 09:00"),
                                                      at("2024-01-02 09:00"));
              }).field() == "from");
        CHECK(error_of([&] {
                  (void)crm::business_minutes_between(strict, office, at("2024-01-02 09:00"),
                                                      at("2031-01-02 09:00"));
              }).field() == "to");
        CHECK(error_of([&] {
                  (void)crm::is_business_time(strict, office, at("2031-01-02 09:00"));
              }).field() == "t");
        // a duration that leaves the supported dates
        CHECK(error_of([&] {
                  (void)crm::add_business_time(crm::Calendar(), office, at("2024-01-02 09:00"),
                                               Minutes{INT64_MAX});
              }).code() == crm::ErrorCode::overflow);
        CHECK(error_of([&] {
                  (void)crm::add_business_time(crm::Calendar(), office, at("9999-12-31 09:00"), Minutes{600});
              }).field() == "duration");
    }

    TEST_CASE("property: adding business minutes then counting them round-trips") {
        // lenient: the generated timestamps run across both edges of the data on purpose
        const Calendar china = crm::china_mainland_calendar(false);
        const WorkingHours windows[] = {WorkingHours{}, WorkingHours(TimeOfDay(8, 30), TimeOfDay(12, 0)),
                                        WorkingHours(TimeOfDay(0, 0), TimeOfDay::end_of_day()),
                                        WorkingHours(TimeOfDay(22, 0), TimeOfDay(23, 59))};
        crm::test::Rng rng(2024'02'09);
        for (int i = 0; i < 4000; ++i) {
            const WorkingHours& hours = windows[rng.below(4)];
            const DateTime start{Date(2023, 11, 1) + Days{rng.between(0, 365 * 3 + 120)},
                                 TimeOfDay::from_minutes(rng.between(0, 1440))};
            const std::int64_t n = rng.below(4) == 0 ? rng.between(-20'000, 20'000) : rng.between(-600, 600);
            CAPTURE(hours);
            CAPTURE(start);
            CAPTURE(n);
            const DateTime r = crm::add_business_time(china, hours, start, Minutes{n});
            CAPTURE(r);
            CHECK(crm::business_minutes_between(china, hours, start, r) == Minutes{n});
            CHECK(oracle_minutes(china, hours, start, r) == n);
            if (n > 0) {
                // the earliest such instant: inside (start, end] of a business day's window
                CHECK(r > start);
                CHECK(china.is_business_day(r.date));
                CHECK(r.time > hours.start());
                CHECK(r.time <= hours.end());
                CHECK(crm::business_minutes_between(china, hours, start, from_instant(r.instant() - 1)) ==
                      Minutes{n - 1});
            } else if (n < 0) {
                // the latest such instant: inside [start, end) of a business day's window
                CHECK(r < start);
                CHECK(crm::is_business_time(china, hours, r));
                CHECK(crm::business_minutes_between(china, hours, from_instant(r.instant() + 1), start) ==
                      Minutes{-n - 1});
            } else {
                CHECK(r == start);
            }
            // and minutes between any two timestamps agree with the day-by-day oracle
            const DateTime other = from_instant(start.instant() + rng.between(-1440 * 20, 1440 * 20));
            CAPTURE(other);
            CHECK(crm::business_minutes_between(china, hours, start, other).count() ==
                  oracle_minutes(china, hours, start, other));
        }
    }

}  // TEST_SUITE
