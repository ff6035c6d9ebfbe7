// Business days counted over periods, and the n-th business day of a period.

#include <crm/core/error.hpp>
#include <crm/time/business_days.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::BusinessDays;
using crm::Calendar;
using crm::Date;
using crm::Days;
using crm::ErrorCode;
using crm::Period;
using crm::PeriodKind;

namespace {
Date day(const char* iso) { return Date::parse(iso); }
// The oracle: walk the days one by one.
std::int64_t walk(const Calendar& c, Date first, Date last) {
    std::int64_t n = 0;
    for (Date d = first; d <= last; d += Days{1}) n += c.is_business_day(d) ? 1 : 0;
    return n;
}
}  // namespace

TEST_SUITE("time.business_days") {
    TEST_CASE("business days in a month a quarter and a year on the China calendar") {
        const Calendar china = crm::china_mainland_calendar();
        // February 2024: 21 weekdays, 5 of them Spring Festival (02-12..02-16), plus the make-up
        // Sundays 02-04 and 02-18: 18
        CHECK(business_days_in(china, Period::month(2024, 2)) == 18);
        // October 2024: 23 weekdays, 5 National Day weekdays off (10-01..10-04, 10-07), make-up
        // Saturday 10-12: 19
        CHECK(business_days_in(china, Period::month(2024, 10)) == 19);
        // the year 2025: 261 weekdays; weekday holidays 元旦 1, 春节 6 (01-28..01-31, 02-03, 02-04),
        // 清明 1, 劳动节 3, 端午 1, 国庆 6 = 18; make-up days 5: 261 - 18 + 5 = 248
        const Period y2025 = Period::year(2025);
        CHECK(business_days_in(china, y2025) == walk(china, y2025.first(), y2025.last()));
        CHECK(business_days_in(china, y2025) == 248);
        // a quarter is the sum of its months
        const Period q1 = Period::quarter(2026, 1);
        std::int64_t months = 0;
        for (const Period& m : q1.months()) months += business_days_in(china, m);
        CHECK(business_days_in(china, q1) == months);
        // a single day counts itself
        CHECK(business_days_in(china, day("2024-02-04"), day("2024-02-04")) == 1);
        CHECK(business_days_in(china, day("2024-02-10"), day("2024-02-10")) == 0);
    }

    TEST_CASE("the n-th business day of a period from the start or from the end") {
        const Calendar china = crm::china_mainland_calendar();
        const Period feb = Period::month(2024, 2);
        CHECK(nth_business_day(china, feb, 1) == day("2024-02-01"));
        CHECK(nth_business_day(china, feb, 3) == day("2024-02-04"));  // Sat 02-03 off, Sun 02-04 make-up
        CHECK(nth_business_day(china, feb, 18) == day("2024-02-29"));
        CHECK(nth_business_day(china, feb, -1) == day("2024-02-29"));
        CHECK(nth_business_day(china, feb, -18) == day("2024-02-01"));
        // October 2024 starts with the holiday: the first business day is 10-08
        CHECK(nth_business_day(china, Period::month(2024, 10), 1) == day("2024-10-08"));
        CHECK(nth_business_day(china, Period::month(2024, 10), -1) == day("2024-10-31"));
        // June 2024 ends on a Sunday: the last business day is Friday 06-28
        CHECK(nth_business_day(china, Period::month(2024, 6), -1) == day("2024-06-28"));
    }

    TEST_CASE("bad counts and ranges are refused naming the input") {
        const Calendar china = crm::china_mainland_calendar();
        using crm::test::check_error;
        check_error([&] { return nth_business_day(china, Period::month(2024, 2), 0); },
                    ErrorCode::invalid_argument, "n");
        check_error([&] { return nth_business_day(china, Period::month(2024, 2), 19); },
                    ErrorCode::out_of_range, "n");
        check_error([&] { return nth_business_day(china, Period::month(2024, 2), -19); },
                    ErrorCode::out_of_range, "n");
        check_error([&] { return business_days_in(china, day("2024-03-01"), day("2024-02-01")); },
                    ErrorCode::invalid_argument, "last");
        // the China calendar is strict: 2027 is past its data
        check_error([&] { return business_days_in(china, Period::month(2027, 1)); }, ErrorCode::out_of_range,
                    "first");
        check_error([&] { return business_days_in(china, day("2026-12-01"), day("2027-01-31")); },
                    ErrorCode::out_of_range, "last");
        CHECK(business_days_in(china.strict(false), Period::month(2027, 1)) ==
              21);  // weekends only, asked for
    }

    TEST_CASE("property: counts agree with walking the days and the n-th day is the n-th") {
        const Calendar china = crm::china_mainland_calendar();
        const Calendar plant(Calendar::Spec{.name = "plant",
                                            .weekend = {crm::Weekday::friday},
                                            .holidays = {day("2025-03-03"), day("2025-03-04")},
                                            .working_days = {day("2025-03-07")}});
        crm::test::Rng rng(12);
        for (int i = 0; i < 300; ++i) {
            const auto kind = static_cast<PeriodKind>(rng.below(4));
            const int year = static_cast<int>(rng.between(2024, 2026));
            const Period p = Period::containing(Date(year, static_cast<unsigned>(rng.between(1, 12)), 1),
                                                kind, static_cast<unsigned>(rng.between(1, 12)));
            for (const Calendar* c : {&china, &plant}) {
                const Calendar cal = c->strict(false);
                CAPTURE(p);
                const std::int64_t n = business_days_in(cal, p);
                CHECK(n == walk(cal, p.first(), p.last()));
                if (n == 0) continue;
                const std::int64_t k = rng.between(1, n);
                const Date kth = nth_business_day(cal, p, k);
                CHECK(p.contains(kth));
                CHECK(cal.is_business_day(kth));
                CHECK(business_days_in(cal, p.first(), kth) == k);
                CHECK(nth_business_day(cal, p, k - n - 1) == kth);  // the same day counted from the end
            }
        }
    }

    TEST_CASE("BusinessDays is a count that prints its unit") {
        std::ostringstream os;
        os << BusinessDays{3} << ", " << BusinessDays{1} << ", " << BusinessDays{-1};
        CHECK(os.str() == "3 business days, 1 business day, -1 business day");
        CHECK(BusinessDays{2} < BusinessDays{3});
    }
}
