#include <crm/core/error.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdint>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

namespace {

using crm::test::error_code_of;
using crm::test::error_field_of;

using crm::BusinessDayConvention;
using crm::Calendar;
using crm::Date;
using crm::Days;
using crm::Weekday;

static_assert(std::regular<Calendar>, "a calendar is a regular value");
static_assert(std::is_nothrow_move_constructible_v<Calendar>);

Date day(std::string_view iso) { return Date::parse(iso); }

bool is_weekend_day(Date d) { return d.weekday() == Weekday::saturday || d.weekday() == Weekday::sunday; }

// ---- the table of shared/data/cn-public-holidays.md, transcribed independently of the shipped
// text (ranges of days off, and make-up working days) --------------------------------------------

struct DaysOff {
    const char* first;
    const char* last;
    const char* name;
};

struct YearTable {
    int year;
    std::vector<DaysOff> days_off;
    std::vector<const char*> make_up;
    int total_days_off;  // the sum of the ranges, computed by hand
};

const std::vector<YearTable>& notice_tables() {
    static const std::vector<YearTable> tables{
        {2024,
         {{"2024-01-01", "2024-01-01", "New Year"},
          {"2024-02-10", "2024-02-17", "Spring Festival"},
          {"2024-04-04", "2024-04-06", "Qingming"},
          {"2024-05-01", "2024-05-05", "Labour Day"},
          {"2024-06-10", "2024-06-10", "Dragon Boat"},
          {"2024-09-15", "2024-09-17", "Mid-Autumn"},
          {"2024-10-01", "2024-10-07", "National Day"}},
         {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
          "2024-10-12"},
         1 + 8 + 3 + 5 + 1 + 3 + 7},
        {2025,
         {{"2025-01-01", "2025-01-01", "New Year"},
          {"2025-01-28", "2025-02-04", "Spring Festival"},
          {"2025-04-04", "2025-04-06", "Qingming"},
          {"2025-05-01", "2025-05-05", "Labour Day"},
          {"2025-05-31", "2025-06-02", "Dragon Boat"},
          {"2025-10-01", "2025-10-08", "National Day and Mid-Autumn"}},
         {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"},
         1 + 8 + 3 + 5 + 3 + 8},
        {2026,
         {{"2026-01-01", "2026-01-03", "New Year"},
          {"2026-02-15", "2026-02-23", "Spring Festival"},
          {"2026-04-04", "2026-04-06", "Qingming"},
          {"2026-05-01", "2026-05-05", "Labour Day"},
          {"2026-06-19", "2026-06-21", "Dragon Boat"},
          {"2026-09-25", "2026-09-27", "Mid-Autumn"},
          {"2026-10-01", "2026-10-07", "National Day"}},
         {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"},
         3 + 9 + 3 + 5 + 3 + 3 + 7},
    };
    return tables;
}

const YearTable& table_of(int year) {
    for (const YearTable& t : notice_tables())
        if (t.year == year) return t;
    throw std::logic_error("no table");
}

void check_year_against_the_notice(int year, std::size_t expected_make_up, int expected_days_off) {
    const Calendar china = crm::china_mainland_calendar();
    const YearTable& table = table_of(year);
    std::set<Date> off;
    for (const DaysOff& range : table.days_off) {
        CAPTURE(range.name);
        for (Date d = day(range.first); d <= day(range.last); d += Days{1}) {
            CAPTURE(d);
            CHECK(china.is_holiday(d));
            CHECK_FALSE(china.is_business_day(d));
            CHECK_FALSE(china.is_working_weekend(d));
            off.insert(d);
        }
    }
    std::set<Date> make_up;
    for (const char* iso : table.make_up) {
        const Date d = day(iso);
        CAPTURE(d);
        CHECK(is_weekend_day(d));
        CHECK(china.is_weekend(d));
        CHECK(china.is_working_weekend(d));
        CHECK(china.is_business_day(d));
        CHECK_FALSE(china.is_holiday(d));
        make_up.insert(d);
    }
    // totals: the table's, the notice's, and the calendar's for that year
    CHECK(table.make_up.size() == expected_make_up);
    CHECK(make_up.size() == expected_make_up);
    CHECK(static_cast<int>(off.size()) == table.total_days_off);
    CHECK(table.total_days_off == expected_days_off);
    std::size_t holidays_in_year = 0;
    for (const Date d : china.holidays()) holidays_in_year += d.year() == year ? 1 : 0;
    std::size_t working_in_year = 0;
    for (const Date d : china.working_days()) working_in_year += d.year() == year ? 1 : 0;
    CHECK(holidays_in_year == off.size());
    CHECK(working_in_year == make_up.size());
    // every other weekday of the year is a business day, every other weekend day is not
    std::int64_t business_days = 0;
    for (Date d(year, 1, 1); d <= Date(year, 12, 31); d += Days{1}) {
        CAPTURE(d);
        if (off.contains(d) || make_up.contains(d)) {
            business_days += make_up.contains(d) ? 1 : 0;
            continue;
        }
        CHECK(china.is_business_day(d) == !is_weekend_day(d));
        CHECK_FALSE(china.is_holiday(d));
        business_days += is_weekend_day(d) ? 0 : 1;
    }
    // and the calendar counts the same number of business days in the year
    // (from the last day of the year before, outside the data: asked of the lenient calendar)
    CHECK(china.strict(false).business_days_between(Date(year - 1, 12, 31), Date(year, 12, 31)) ==
          business_days);
}

// ---- the oracle: day-by-day stepping over the raw lists ----------------------------------------

struct Oracle {
    std::set<Date> holidays;
    std::set<Date> working;
    std::set<Weekday> weekend;

    explicit Oracle(const Calendar& c)
        : holidays(c.holidays().begin(), c.holidays().end()),
          working(c.working_days().begin(), c.working_days().end()),
          weekend(c.weekend().begin(), c.weekend().end()) {}

    [[nodiscard]] bool business(Date d) const {
        if (working.contains(d)) return true;
        if (holidays.contains(d)) return false;
        return !weekend.contains(d.weekday());
    }
    [[nodiscard]] Date add(Date d, std::int64_t n) const {
        if (n == 0) {
            while (!business(d)) d += Days{1};
            return d;
        }
        const Days step{n > 0 ? 1 : -1};
        for (std::int64_t left = n > 0 ? n : -n; left > 0;) {
            d += step;
            if (business(d)) --left;
        }
        return d;
    }
    [[nodiscard]] std::int64_t between(Date from, Date to) const {
        std::int64_t count = 0;
        for (Date d = from; d < to;) {
            d += Days{1};
            count += business(d) ? 1 : 0;
        }
        for (Date d = to; d < from;) {
            d += Days{1};
            count -= business(d) ? 1 : 0;
        }
        return count;
    }
    [[nodiscard]] Date following(Date d) const {
        while (!business(d)) d += Days{1};
        return d;
    }
    [[nodiscard]] Date preceding(Date d) const {
        while (!business(d)) d -= Days{1};
        return d;
    }
};

// Checks the fast path against the oracle around the calendar's data window (inside, across
// both edges and outside), over `cases` generated dates and counts.
void check_against_oracle(const Calendar& calendar, std::uint64_t seed, int cases) {
    const Oracle oracle(calendar);
    crm::test::Rng rng(seed);
    const auto range = calendar.data_range();
    const Date lo = range ? range->first : Date(2024, 1, 1);
    const Date hi = range ? range->second : Date(2026, 12, 31);
    const std::int64_t span = (hi - lo).count();
    for (int i = 0; i < cases; ++i) {
        const Date d = lo + Days{rng.between(-400, span + 400)};
        // mostly short moves, some long enough to cross the whole window
        const std::int64_t n = rng.below(8) == 0 ? rng.between(-1200, 1200) : rng.between(-40, 40);
        CAPTURE(d);
        CAPTURE(n);
        const Date r = calendar.add_business_days(d, n);
        REQUIRE(r == oracle.add(d, n));
        CHECK(calendar.is_business_day(r));
        CHECK(calendar.is_business_day(d) == oracle.business(d));
        if (n > 0) CHECK(calendar.business_days_between(d, r) == n);
        if (n < 0 && calendar.is_business_day(d)) CHECK(calendar.business_days_between(d, r) == n);
        // back again: to d itself for a business day; otherwise adding then subtracting lands on
        // the business day before d, and subtracting then adding on the one after it (Sat + 1 =
        // Mon, Mon - 1 = Fri; Sat - 1 = Fri, Fri + 1 = Mon)
        const Date back = calendar.add_business_days(r, -n);
        if (calendar.is_business_day(d)) CHECK(back == d);
        if (n > 0) CHECK(back == calendar.adjust(d, BusinessDayConvention::preceding));
        if (n < 0) CHECK(back == calendar.adjust(d, BusinessDayConvention::following));

        const Date e = d + Days{rng.between(-500, 500)};
        CAPTURE(e);
        CHECK(calendar.business_days_between(d, e) == oracle.between(d, e));
        CHECK(calendar.next_business_day(d) == oracle.add(d, 1));
        CHECK(calendar.previous_business_day(d) == oracle.add(d, -1));
        CHECK(calendar.adjust(d, BusinessDayConvention::following) == oracle.following(d));
        CHECK(calendar.adjust(d, BusinessDayConvention::preceding) == oracle.preceding(d));
        for (const auto c :
             {BusinessDayConvention::following, BusinessDayConvention::preceding,
              BusinessDayConvention::modified_following, BusinessDayConvention::modified_preceding}) {
            CAPTURE(c);
            const Date a = calendar.adjust(d, c);
            CHECK(calendar.is_business_day(a));
            if (c == BusinessDayConvention::modified_following ||
                c == BusinessDayConvention::modified_preceding) {
                const Date f = oracle.following(d);
                const Date p = oracle.preceding(d);
                const bool f_same = f.month() == d.month() && f.year() == d.year();
                const bool p_same = p.month() == d.month() && p.year() == d.year();
                if (c == BusinessDayConvention::modified_following) CHECK(a == (f_same ? f : p));
                if (c == BusinessDayConvention::modified_preceding) CHECK(a == (p_same ? p : f));
            }
        }
        CHECK(calendar.adjust(d, BusinessDayConvention::unadjusted) == d);
    }
}

}  // namespace

TEST_SUITE("time.calendar") {
    TEST_CASE("the default calendar has a Saturday and Sunday weekend and no holidays") {
        const Calendar c;
        CHECK(c.name() == "weekends only");
        CHECK(c.weekend() == std::vector<Weekday>{Weekday::saturday, Weekday::sunday});
        CHECK(c.holidays().empty());
        CHECK(c.working_days().empty());
        CHECK_FALSE(c.data_range().has_value());
        CHECK_FALSE(c.is_strict());
        CHECK(c == Calendar(Calendar::Spec{}));
        // Friday 2024-03-01 + 1 = Monday 2024-03-04
        CHECK(c.add_business_days(day("2024-03-01"), 1) == day("2024-03-04"));
        // weekends only: New Year's Day is an ordinary Monday
        CHECK(c.is_business_day(day("2024-01-01")));
    }

    TEST_CASE(
        "2024-02-08 plus one business day is the working Friday 2024-02-09 and one more is the make-up "
        "Sunday") {
        const Calendar china = crm::china_mainland_calendar();
        // The notice: 02-10..02-17 off, 02-04 (Sun) and 02-18 (Sun) worked. Friday 02-09 (除夕) is
        // NOT among the days off, so 2024-02-08 (Thu) + 1 = 2024-02-09 (Fri), and
        // 2024-02-09 + 1 = 2024-02-18: Sat 10 .. Sat 17 are off, Sunday 18 is a make-up day.
        CHECK(china.add_business_days(day("2024-02-08"), 1) == day("2024-02-09"));
        CHECK(china.add_business_days(day("2024-02-09"), 1) == day("2024-02-18"));
        CHECK(china.add_business_days(day("2024-02-08"), 2) == day("2024-02-18"));
        // 02-18 (Sun) + 1 = 02-19 (Mon)
        CHECK(china.add_business_days(day("2024-02-18"), 1) == day("2024-02-19"));
        // from inside the holiday: 2024-02-12 + 1 = 02-18, + 0 = 02-18 (the following business day)
        CHECK(china.add_business_days(day("2024-02-12"), 1) == day("2024-02-18"));
        CHECK(china.add_business_days(day("2024-02-12"), 0) == day("2024-02-18"));
        CHECK(china.add_business_days(day("2024-02-09"), 0) == day("2024-02-09"));
    }

    TEST_CASE("2024-09-30 plus one business day is 2024-10-08 after National Day") {
        const Calendar china = crm::china_mainland_calendar();
        // Mon 09-30 is worked, 10-01..10-07 are off, Tue 10-08 is the next business day
        CHECK(china.add_business_days(day("2024-09-30"), 1) == day("2024-10-08"));
        // 10-08 Tue, 10-09 Wed, 10-10 Thu, 10-11 Fri, 10-12 Sat (make-up): + 5 = 10-12
        CHECK(china.add_business_days(day("2024-09-30"), 5) == day("2024-10-12"));
        // 2024-09-27 (Fri) + 1 = 09-29 (Sun, make-up), + 2 = 09-30
        CHECK(china.add_business_days(day("2024-09-27"), 1) == day("2024-09-29"));
        CHECK(china.add_business_days(day("2024-09-27"), 2) == day("2024-09-30"));
    }

    TEST_CASE("a make-up Sunday such as 2024-02-04 is a business day") {
        const Calendar china = crm::china_mainland_calendar();
        CHECK(day("2024-02-04").weekday() == Weekday::sunday);
        CHECK(china.is_weekend(day("2024-02-04")));
        CHECK(china.is_working_weekend(day("2024-02-04")));
        CHECK(china.is_business_day(day("2024-02-04")));
        // the Saturday before it is an ordinary weekend day
        CHECK_FALSE(china.is_business_day(day("2024-02-03")));
        // a holiday that falls on a weekend day is still listed as a holiday: Sat 2024-02-10
        CHECK(china.is_holiday(day("2024-02-10")));
        CHECK(china.is_weekend(day("2024-02-10")));
    }

    TEST_CASE("subtracting business days walks back over holidays and make-up days") {
        const Calendar china = crm::china_mainland_calendar();
        // 2024-10-08 - 1 = 09-30 (10-01..10-07 off)
        CHECK(china.add_business_days(day("2024-10-08"), -1) == day("2024-10-08") - Days{8});
        CHECK(china.add_business_days(day("2024-10-08"), -1) == day("2024-09-30"));
        // 09-30 - 1 = 09-29 (Sun, make-up); - 2 = 09-27 (Fri)
        CHECK(china.add_business_days(day("2024-10-08"), -2) == day("2024-09-29"));
        CHECK(china.add_business_days(day("2024-10-08"), -3) == day("2024-09-27"));
        // 2024-02-18 - 1 = 02-09 (the Spring Festival days off lie between)
        CHECK(china.add_business_days(day("2024-02-18"), -1) == day("2024-02-09"));
        // from a holiday: 2024-10-03 - 1 = 09-30, the last business day before it
        CHECK(china.add_business_days(day("2024-10-03"), -1) == day("2024-09-30"));
    }

    TEST_CASE("business days between count the days after from up to and including to") {
        const Calendar china = crm::china_mainland_calendar();
        // (09-30, 10-08]: only 10-08
        CHECK(china.business_days_between(day("2024-09-30"), day("2024-10-08")) == 1);
        // (02-08, 02-18]: 02-09 and 02-18
        CHECK(china.business_days_between(day("2024-02-08"), day("2024-02-18")) == 2);
        // the mirror count, and zero for equal dates
        CHECK(china.business_days_between(day("2024-10-08"), day("2024-09-30")) == -1);
        CHECK(china.business_days_between(day("2024-10-08"), day("2024-10-08")) == 0);
        // (10-01, 10-07]: all off
        CHECK(china.business_days_between(day("2024-10-01"), day("2024-10-07")) == 0);
        // 2024 has 366 days: 104 weekend days + 8 make-up - 28 days off of which 9 on weekends
        // (02-10, 02-11, 02-17, 05-04, 05-05, 09-15, 10-05, 10-06, 04-06) -> 366 - 104 - 19 + 8 = 251
        // (2023-12-31, a Sunday before the data, is asked of the lenient calendar)
        CHECK(china.strict(false).business_days_between(day("2023-12-31"), day("2024-12-31")) == 251);
    }

    TEST_CASE("adjusting 2026-09-30 and the National Day week of 2026") {
        const Calendar china = crm::china_mainland_calendar();
        const Date sept30 = day("2026-09-30");  // a Wednesday, worked
        for (const auto c : {BusinessDayConvention::unadjusted, BusinessDayConvention::following,
                             BusinessDayConvention::preceding, BusinessDayConvention::modified_following,
                             BusinessDayConvention::modified_preceding}) {
            CAPTURE(c);
            CHECK(china.adjust(sept30, c) == sept30);  // a business day never moves
        }
        // 2026-10-03 (Sat, a holiday): 10-01..10-07 off, 10-08 Thu
        const Date oct3 = day("2026-10-03");
        CHECK(china.adjust(oct3, BusinessDayConvention::unadjusted) == oct3);
        CHECK(china.adjust(oct3, BusinessDayConvention::following) == day("2026-10-08"));
        CHECK(china.adjust(oct3, BusinessDayConvention::preceding) == sept30);
        CHECK(china.adjust(oct3, BusinessDayConvention::modified_following) == day("2026-10-08"));
        // preceding leaves October, so modified preceding takes the following day
        CHECK(china.adjust(oct3, BusinessDayConvention::modified_preceding) == day("2026-10-08"));
        // 10-10 (Sat) is a make-up day and stays
        CHECK(china.adjust(day("2026-10-10"), BusinessDayConvention::following) == day("2026-10-10"));
        CHECK(china.next_business_day(sept30) == day("2026-10-08"));
        CHECK(china.previous_business_day(day("2026-10-08")) == sept30);
    }

    TEST_CASE("modified following stays in the month at a month end") {
        const Calendar china = crm::china_mainland_calendar();
        // 2025-05-31 (Sat) starts Dragon Boat 05-31..06-02: following = Tue 06-03, in June, so
        // modified following = preceding = Fri 05-30
        CHECK(china.adjust(day("2025-05-31"), BusinessDayConvention::following) == day("2025-06-03"));
        CHECK(china.adjust(day("2025-05-31"), BusinessDayConvention::modified_following) ==
              day("2025-05-30"));
        // 2024-03-31 (Sun): following = Mon 04-01, so modified following = Fri 03-29
        CHECK(china.adjust(day("2024-03-31"), BusinessDayConvention::modified_following) ==
              day("2024-03-29"));
        // a month end that is a make-up Saturday stays: 2026-02-28
        CHECK(china.adjust(day("2026-02-28"), BusinessDayConvention::modified_following) ==
              day("2026-02-28"));
        // mid-month, modified following is just following: 2024-10-03 -> 10-08
        CHECK(china.adjust(day("2024-10-03"), BusinessDayConvention::modified_following) ==
              day("2024-10-08"));
    }

    TEST_CASE("modified preceding stays in the month at a month start") {
        const Calendar china = crm::china_mainland_calendar();
        // 2026-01-01 (Thu, 01-01..01-03 off): preceding = Wed 2025-12-31, in December, so modified
        // preceding = following = Sun 2026-01-04, the make-up day
        CHECK(china.adjust(day("2026-01-01"), BusinessDayConvention::preceding) == day("2025-12-31"));
        CHECK(china.adjust(day("2026-01-01"), BusinessDayConvention::modified_preceding) ==
              day("2026-01-04"));
        // 2025-06-01 (Sun, Dragon Boat): preceding = 05-30, so modified preceding = 06-03
        CHECK(china.adjust(day("2025-06-01"), BusinessDayConvention::modified_preceding) ==
              day("2025-06-03"));
        // early in a month: 2024-10-05 -> preceding 09-30 leaves October -> 10-08; 2024-05-03 ->
        // preceding 04-30 leaves May -> Mon 05-06
        CHECK(china.adjust(day("2024-10-05"), BusinessDayConvention::modified_preceding) ==
              day("2024-10-08"));
        CHECK(china.adjust(day("2024-05-03"), BusinessDayConvention::modified_preceding) ==
              day("2024-05-06"));
        // mid-month it is just preceding: 2024-09-16 (Mid-Autumn 09-15..09-17) -> Sat 09-14, a make-up day
        CHECK(china.adjust(day("2024-09-16"), BusinessDayConvention::modified_preceding) ==
              day("2024-09-14"));
    }

    TEST_CASE("the convention table of docs/time.md holds") {
        const Calendar china = crm::china_mainland_calendar();
        struct Row {
            BusinessDayConvention convention;
            const char* dragon_boat;  // from 2025-05-31 (Sat, 05-31..06-02 off)
            const char* new_year;     // from 2026-01-01 (Thu, 01-01..01-03 off, Sun 01-04 worked)
        };
        const Row rows[] = {{BusinessDayConvention::unadjusted, "2025-05-31", "2026-01-01"},
                            {BusinessDayConvention::following, "2025-06-03", "2026-01-04"},
                            {BusinessDayConvention::preceding, "2025-05-30", "2025-12-31"},
                            {BusinessDayConvention::modified_following, "2025-05-30", "2026-01-04"},
                            {BusinessDayConvention::modified_preceding, "2025-05-30", "2026-01-04"}};
        for (const Row& row : rows) {
            CAPTURE(row.convention);
            CHECK(china.adjust(day("2025-05-31"), row.convention) == day(row.dragon_boat));
            CHECK(china.adjust(day("2026-01-01"), row.convention) == day(row.new_year));
        }
    }

    TEST_CASE("next and previous business day are strictly after and before") {
        const Calendar china = crm::china_mainland_calendar();
        CHECK(china.next_business_day(day("2024-02-09")) == day("2024-02-18"));
        CHECK(china.next_business_day(day("2024-02-12")) == day("2024-02-18"));
        CHECK(china.previous_business_day(day("2024-02-18")) == day("2024-02-09"));
        CHECK(china.previous_business_day(day("2024-02-19")) == day("2024-02-18"));
        // across the edges of the data, by weekends only when asked (lenient): Thu 2026-12-31 ->
        // Fri 2027-01-01, Fri -> Mon 01-04; Mon 2024-01-01 (New Year) -> Fri 2023-12-29
        const Calendar lenient = china.strict(false);
        CHECK(lenient.next_business_day(day("2026-12-31")) == day("2027-01-01"));
        CHECK(lenient.next_business_day(day("2027-01-01")) == day("2027-01-04"));
        CHECK(lenient.previous_business_day(day("2024-01-01")) == day("2023-12-29"));
        // the China calendar is strict by default: it refuses instead
        CHECK(error_field_of([&] { (void)china.next_business_day(day("2026-12-31")); }) == "date");
    }

    TEST_CASE("the 2024 China holidays and make-up days match the State Council notice") {
        check_year_against_the_notice(2024, 8, 28);
    }

    TEST_CASE("the 2025 China holidays and make-up days match the State Council notice") {
        check_year_against_the_notice(2025, 5, 28);
    }

    TEST_CASE("the 2026 China holidays and make-up days match the State Council notice") {
        check_year_against_the_notice(2026, 6, 33);
    }

    TEST_CASE("the China calendar covers whole years 2024 to 2026 and nothing else") {
        const Calendar china = crm::china_mainland_calendar();
        REQUIRE(china.data_range().has_value());
        CHECK(china.data_range()->first == day("2024-01-01"));
        CHECK(china.data_range()->second == day("2026-12-31"));
        CHECK(china.name() == "mainland China");
        CHECK(china.weekend() == std::vector<Weekday>{Weekday::saturday, Weekday::sunday});
        CHECK(china.holidays().size() == 28 + 28 + 33);
        CHECK(china.working_days().size() == 8 + 5 + 6);
        // the lists are sorted, each date once
        CHECK(std::is_sorted(china.holidays().begin(), china.holidays().end()));
        CHECK(std::adjacent_find(china.holidays().begin(), china.holidays().end()) == china.holidays().end());
        CHECK(std::is_sorted(china.working_days().begin(), china.working_days().end()));
        // the table lists every date the calendar has
        std::set<Date> listed;
        for (const YearTable& t : notice_tables()) {
            for (const DaysOff& r : t.days_off)
                for (Date d = day(r.first); d <= day(r.last); d += Days{1}) listed.insert(d);
        }
        CHECK(std::set<Date>(china.holidays().begin(), china.holidays().end()) == listed);
        // outside the data: refused by default; only weekends when asked for. 2027-01-01 is a Friday
        CHECK(china.is_strict());
        CHECK(error_code_of([&] { (void)china.is_business_day(day("2027-01-01")); }) ==
              crm::ErrorCode::out_of_range);
        CHECK(china.strict(false).is_business_day(day("2027-01-01")));
        CHECK(china.strict(false).is_business_day(day("2023-01-02")));
        CHECK_FALSE(china.strict(false).is_holiday(day("2027-01-01")));
        CHECK(china.covers(day("2026-12-31")));
        CHECK_FALSE(china.covers(day("2027-01-01")));
        CHECK_FALSE(china.covers(day("2023-12-31")));
        CHECK(Calendar().covers(day("2027-01-01")));
    }

    TEST_CASE("the shipped data is the text format and parsing it again gives the same calendar") {
        const Calendar china = crm::china_mainland_calendar();
        const std::string_view text = crm::china_mainland_calendar_text();
        CHECK(text.find("国办发明电〔2023〕7号") != std::string_view::npos);
        CHECK(text.find("国办发明电〔2024〕12号") != std::string_view::npos);
        CHECK(text.find("2024-02-10..2024-02-17 holiday") != std::string_view::npos);
        CHECK(Calendar::parse(text) == china.strict(false));  // a parsed calendar is lenient unless asked
        CHECK(Calendar::parse(text, Calendar::Spec{.strict = true}) == china);
        CHECK(Calendar::parse(text, Calendar::Spec{.name = "mainland China"}).name() == "mainland China");
        // the same calendar from plain lists
        Calendar::Spec spec{.name = "lists"};
        spec.holidays = china.holidays();
        spec.working_days = china.working_days();
        CHECK(Calendar(spec) == china.strict(false));
    }

    TEST_CASE("callers add 2027 in the text format and the data range grows to cover it") {
        const Calendar china = crm::china_mainland_calendar();
        // an illustrative 2027 (not official data): New Year on Friday, a make-up Saturday
        const Calendar extended = china.with_text(
            "# 2027, illustrative\r\n"
            "2027-01-01 holiday 元旦\r\n"
            "\r\n"
            "2027-02-06..2027-02-12 holiday 春节   # seven days\n"
            "2027-02-13 workday 春节调休\n");
        REQUIRE(extended.data_range().has_value());
        CHECK(extended.data_range()->first == day("2024-01-01"));
        CHECK(extended.data_range()->second == day("2027-12-31"));
        CHECK(extended.holidays().size() == china.holidays().size() + 8);
        CHECK(extended.working_days().size() == china.working_days().size() + 1);
        // 2026-12-31 (Thu) + 1 = Mon 2027-01-04 (New Year 2027 off, then a weekend)
        CHECK(extended.add_business_days(day("2026-12-31"), 1) == day("2027-01-04"));
        CHECK(china.strict(false).add_business_days(day("2026-12-31"), 1) == day("2027-01-01"));
        // Fri 2027-02-05 + 1 = Sat 2027-02-13, the make-up day
        CHECK(extended.add_business_days(day("2027-02-05"), 1) == day("2027-02-13"));
        CHECK(extended.name() == china.name());
        // a strict calendar now answers for 2027 as well
        CHECK(extended.strict(true).is_business_day(day("2027-06-01")));
        CHECK_THROWS_AS((void)china.strict(true).is_business_day(day("2027-06-01")), crm::Error);
        // with_holidays and with_working_days do the same from lists
        const std::array<Date, 1> new_year{day("2027-01-01")};
        const std::array<Date, 1> saturday{day("2027-02-13")};
        const Calendar from_lists = china.with_holidays(new_year).with_working_days(saturday);
        CHECK(from_lists.data_range()->second == day("2027-12-31"));
        CHECK(from_lists.is_working_weekend(day("2027-02-13")));
        CHECK(from_lists.is_holiday(day("2027-01-01")));
    }

    TEST_CASE("the text format reads comments - blank lines - ranges - labels and a weekend line") {
        const Calendar gulf = Calendar::parse(
            "  # a Friday-Saturday weekend\n"
            "weekend Fri SATURDAY\n"
            "\t2030-04-01..2030-04-03\tholiday\n"
            "2030-04-05 workday a worked Friday\n"
            "2030-12-25 holiday",
            Calendar::Spec{.name = "plant"});
        CHECK(gulf.name() == "plant");
        CHECK(gulf.weekend() == std::vector<Weekday>{Weekday::friday, Weekday::saturday});
        CHECK(gulf.holidays() ==
              std::vector<Date>{day("2030-04-01"), day("2030-04-02"), day("2030-04-03"), day("2030-12-25")});
        CHECK(gulf.working_days() == std::vector<Date>{day("2030-04-05")});
        CHECK(gulf.is_business_day(day("2030-04-07")));        // a Sunday
        CHECK_FALSE(gulf.is_business_day(day("2030-04-12")));  // a Friday
        // an empty weekend line makes a seven-day week; the base lists are kept
        const Calendar seven = Calendar::parse("weekend\n", Calendar::Spec{.holidays = {day("2024-05-01")}});
        CHECK(seven.weekend().empty());
        CHECK(seven.is_business_day(day("2024-05-04")));
        CHECK_FALSE(seven.is_business_day(day("2024-05-01")));
        // repeating a date is harmless
        CHECK(Calendar::parse("2024-05-01 holiday\n2024-05-01 holiday\n").holidays().size() == 1);
        CHECK(Calendar::parse("").holidays().empty());
    }

    TEST_CASE("a calendar copied then extended leaves the original unchanged") {
        const Calendar original = crm::china_mainland_calendar();
        Calendar copy = original;
        CHECK(copy == original);
        const std::array<Date, 2> extra{day("2024-03-08"), day("2024-03-11")};
        copy = copy.with_holidays(extra);
        CHECK_FALSE(copy == original);
        CHECK(copy.is_holiday(day("2024-03-08")));
        CHECK_FALSE(original.is_holiday(day("2024-03-08")));
        CHECK(original.is_business_day(day("2024-03-08")));
        CHECK(original.holidays().size() == 89);
        // a fresh China calendar is unaffected too (the shared data is never changed)
        CHECK(crm::china_mainland_calendar() == original);
        CHECK_FALSE(crm::china_mainland_calendar().is_holiday(day("2024-03-08")));
        // Fri 2024-03-08 + 1 = Tue 03-12 on the copy, Mon 03-11 on the original
        CHECK(copy.add_business_days(day("2024-03-07"), 1) == day("2024-03-12"));
        CHECK(original.add_business_days(day("2024-03-07"), 1) == day("2024-03-08"));
        // strictness is per value too
        const Calendar lenient = original.strict(false);
        CHECK_FALSE(lenient.is_strict());
        CHECK(original.is_strict());
    }

    TEST_CASE("calendars are equal with the same weekend - holidays - working days and strictness") {
        const Calendar a(Calendar::Spec{.name = "a", .holidays = {day("2024-05-01"), day("2024-05-02")}});
        const Calendar b(Calendar::Spec{
            .name = "b", .holidays = {day("2024-05-02"), day("2024-05-01"), day("2024-05-01")}});
        CHECK(a == b);  // names are labels, order and repetition do not matter
        CHECK_FALSE(a == a.strict(true));
        CHECK(a.strict(true) == b.strict(true));
        CHECK_FALSE(a == Calendar(Calendar::Spec{.weekend = {Weekday::sunday}, .holidays = a.holidays()}));
        CHECK_FALSE(a == Calendar());
        CHECK(Calendar() == Calendar());
        const std::array<Date, 1> sat{day("2024-05-11")};
        CHECK_FALSE(a == a.with_working_days(sat));
    }

    TEST_CASE("a strict calendar refuses dates outside its data and a lenient one uses weekends") {
        const Calendar strict = crm::china_mainland_calendar(true);
        CHECK(strict.is_strict());
        CHECK(strict.is_business_day(day("2024-01-02")));
        CHECK(strict.is_business_day(day("2026-12-31")));
        CHECK(error_code_of([&] { (void)strict.is_business_day(day("2027-01-01")); }) ==
              crm::ErrorCode::out_of_range);
        CHECK(error_field_of([&] { (void)strict.is_business_day(day("2023-12-31")); }) == "date");
        CHECK(error_field_of([&] { (void)strict.is_holiday(day("2031-01-01")); }) == "date");
        CHECK(error_field_of([&] { (void)strict.is_working_weekend(day("2031-01-01")); }) == "date");
        CHECK(error_field_of([&] { (void)strict.add_business_days(day("2031-01-01"), 1); }) == "date");
        // the start is inside but the result is not: the argument that led outside is n
        CHECK(error_code_of([&] { (void)strict.add_business_days(day("2026-12-30"), 5); }) ==
              crm::ErrorCode::out_of_range);
        CHECK(error_field_of([&] { (void)strict.add_business_days(day("2026-12-30"), 5); }) == "n");
        CHECK(error_field_of([&] { (void)strict.add_business_days(day("2024-01-02"), -2); }) == "n");
        CHECK(error_field_of([&] {
                  (void)strict.business_days_between(day("2023-12-01"), day("2024-01-05"));
              }) == "from");
        CHECK(error_field_of(
                  [&] { (void)strict.business_days_between(day("2024-12-01"), day("2027-01-05")); }) == "to");
        CHECK(error_field_of([&] {
                  (void)strict.adjust(day("2027-01-01"), BusinessDayConvention::following);
              }) == "date");
        CHECK(error_field_of([&] { (void)strict.next_business_day(day("2026-12-31")); }) == "date");
        CHECK(error_field_of([&] { (void)strict.previous_business_day(day("2024-01-01")); }) == "date");
        // inside the data every answer is the lenient one
        CHECK(strict.add_business_days(day("2024-09-30"), 1) == day("2024-10-08"));
        CHECK(strict.add_business_days(day("2026-12-30"), 1) == day("2026-12-31"));
        // is_weekend is the weekly pattern and never throws
        CHECK(strict.is_weekend(day("2031-01-04")));
        // lenient: weekends only outside the data
        const Calendar lenient = crm::china_mainland_calendar(false);
        CHECK(lenient.is_business_day(day("2031-01-01")));        // a Wednesday
        CHECK_FALSE(lenient.is_business_day(day("2031-01-04")));  // a Saturday
        CHECK(lenient.add_business_days(day("2026-12-30"), 5) == day("2027-01-06"));
        // strictness without any holiday data has nothing to refuse
        const Calendar bare = Calendar().strict(true);
        CHECK(bare.is_business_day(day("2031-01-01")));
        CHECK(Calendar(Calendar::Spec{.strict = true}).is_strict());
    }

    TEST_CASE("bad calendar input is an error naming the field") {
        // a make-up day that is not a weekend day: 2024-05-06 is a Monday
        Calendar::Spec spec{
            .working_days = {day("2024-02-04"), day("2024-02-18"), day("2024-04-07"), day("2024-05-06")}};
        CHECK_THROWS_AS(Calendar{spec}, crm::Error);
        CHECK(error_code_of([&] { Calendar{spec}; }) == crm::ErrorCode::invalid_argument);
        CHECK(error_field_of([&] { Calendar{spec}; }) == "working_days[3]");
        // a date that is both a holiday and a working day
        spec = Calendar::Spec{.holidays = {day("2024-02-10"), day("2024-02-04")},
                              .working_days = {day("2024-02-04")}};
        CHECK_THROWS_AS(Calendar{spec}, crm::Error);
        CHECK(error_code_of([&] { Calendar{spec}; }) == crm::ErrorCode::inconsistent);
        CHECK(error_field_of([&] { Calendar{spec}; }) == "working_days[0]");
        const Calendar china = crm::china_mainland_calendar();
        const std::array<Date, 2> clash{day("2024-03-01"), day("2024-02-18")};
        CHECK(error_code_of([&] { (void)china.with_holidays(clash); }) == crm::ErrorCode::inconsistent);
        CHECK(error_field_of([&] { (void)china.with_holidays(clash); }) == "holidays[1]");
        const std::array<Date, 1> worked_holiday{day("2024-02-10")};
        CHECK(error_field_of([&] { (void)china.with_working_days(worked_holiday); }) == "working_days[0]");
        const std::array<Date, 1> monday{day("2024-03-04")};
        CHECK(error_code_of([&] { (void)china.with_working_days(monday); }) ==
              crm::ErrorCode::invalid_argument);
        // weekends: an enumerator out of range, and all seven days
        spec = Calendar::Spec{.weekend = {Weekday::saturday, static_cast<Weekday>(9)}};
        CHECK(error_field_of([&] { Calendar{spec}; }) == "weekend[1]");
        spec = Calendar::Spec{.weekend = {Weekday::monday, Weekday::tuesday, Weekday::wednesday,
                                          Weekday::thursday, Weekday::friday, Weekday::saturday,
                                          Weekday::sunday}};
        CHECK(error_code_of([&] { Calendar{spec}; }) == crm::ErrorCode::invalid_argument);
        CHECK(error_field_of([&] { Calendar{spec}; }) == "weekend");
    }

    TEST_CASE("bad text is an error naming the line") {
        const auto parse = [](std::string_view text) { return [text] { (void)Calendar::parse(text); }; };
        // a line that does not parse
        CHECK_THROWS_AS((void)Calendar::parse("2024-01-01 holiday\nnonsense\n"), crm::Error);
        CHECK(error_code_of(parse("2024-01-01 holiday\nnonsense\n")) == crm::ErrorCode::parse_error);
        CHECK(error_field_of(parse("2024-01-01 holiday\nnonsense\n")) == "line 2");
        CHECK(error_field_of(parse("# comment\n\n2024-01-01 vacation\n")) == "line 3");
        CHECK(error_field_of(parse("2024-01-01\n")) == "line 1");
        CHECK(error_code_of(parse("2024-1-1 holiday\n")) == crm::ErrorCode::parse_error);
        CHECK(error_code_of(parse("2024-01-01...2024-01-03 holiday\n")) == crm::ErrorCode::parse_error);
        CHECK(error_code_of(parse("2024-01-01..2024-01-03..2024-01-05 holiday\n")) ==
              crm::ErrorCode::parse_error);
        // a date that does not exist
        CHECK(error_code_of(parse("2023-02-29 holiday\n")) == crm::ErrorCode::invalid_date);
        CHECK(error_field_of(parse("\n2023-02-29 holiday\n")) == "line 2");
        // an unknown weekday name
        CHECK(error_code_of(parse("weekend saturday sundae\n")) == crm::ErrorCode::invalid_argument);
        CHECK(error_field_of(parse("# x\nweekend saturday sundae\n")) == "line 2");
        CHECK(error_field_of(parse("weekend mon tue wed thu fri sat sun\n")) == "line 1");
        // ranges: backwards, and longer than a year
        CHECK(error_field_of(parse("2024-01-03..2024-01-01 holiday\n")) == "line 1");
        CHECK(error_code_of(parse("2024-01-01..2025-01-01 holiday\n")) == crm::ErrorCode::invalid_argument);
        CHECK(Calendar::parse("2024-01-01..2024-12-31 holiday\n").holidays().size() == 366);
        // a make-up day on a weekday, and a holiday later declared worked
        CHECK(error_field_of(parse("2024-01-01 holiday\n2024-03-04 workday\n")) == "line 2");
        CHECK(error_code_of(parse("2024-01-06 holiday\n2024-01-06 workday\n")) ==
              crm::ErrorCode::inconsistent);
        CHECK(error_field_of(parse("2024-01-06 holiday\n\n2024-01-06 workday\n")) == "line 3");
        // with_text names lines too, and leaves the calendar as it was
        const Calendar china = crm::china_mainland_calendar();
        CHECK(error_field_of([&] { (void)china.with_text("2027-01-01 holiday\n2024-02-18 holiday\n"); }) ==
              "line 2");
        CHECK(china == crm::china_mainland_calendar());
    }

    TEST_CASE("counts that leave the supported dates are overflow errors naming n") {
        const Calendar c;
        CHECK(error_code_of([&] { (void)c.add_business_days(day("2024-01-01"), INT64_MAX); }) ==
              crm::ErrorCode::overflow);
        CHECK(error_field_of([&] { (void)c.add_business_days(day("2024-01-01"), INT64_MIN); }) == "n");
        CHECK(error_field_of([&] { (void)c.add_business_days(Date::max(), 1); }) == "n");
        CHECK(error_field_of([&] { (void)c.add_business_days(Date::min(), -1); }) == "n");
        // 9999-12-31 is a Friday: it is its own following day; a Saturday before it would be too
        CHECK(c.add_business_days(Date::max(), 0) == Date::max());
        CHECK(c.add_business_days(Date::max(), -1) == Date(9999, 12, 30));
        CHECK(c.business_days_between(Date::min(), Date::max()) > 0);
    }

    TEST_CASE("past its data the China calendar says which day its data ends and how to add a year") {
        const Calendar china = crm::china_mainland_calendar();
        try {
            (void)china.add_business_days(day("2027-01-04"), 10);
            FAIL_CHECK("no crm::Error thrown");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::out_of_range);
            CHECK(e.field() == "date");
            CHECK(e.message().find("2026-12-31") != std::string::npos);
            CHECK(e.message().find("the last day") != std::string::npos);
            CHECK(e.message().find("国务院办公厅关于2027年部分节假日安排的通知") != std::string::npos);
            CHECK(e.message().find("with_text") != std::string::npos);
        }
        try {
            (void)china.is_business_day(day("2023-06-01"));
            FAIL_CHECK("no crm::Error thrown");
        } catch (const crm::Error& e) {
            CHECK(e.message().find("before 2024-01-01, the first day") != std::string::npos);
            CHECK(e.message().find("2023") != std::string::npos);
        }
        // once 2027 is added (the shape of the published notice), 2027 is answered and 2028 refused
        const Calendar with_2027 =
            china.with_text("2027-01-01 holiday 元旦\n2027-02-06..2027-02-12 holiday 春节\n");
        CHECK(with_2027.is_business_day(day("2027-01-04")));
        CHECK_FALSE(with_2027.is_business_day(day("2027-02-08")));
        CHECK(error_field_of([&] { (void)with_2027.is_business_day(day("2028-01-03")); }) == "date");
    }

    TEST_CASE("a calendar reaching 9999-12-31 reads from text as from a Spec") {
        // reproducer: stepping a range's days past the last date overflowed
        const Calendar text = Calendar::parse("9999-12-31 holiday");
        const Calendar spec(Calendar::Spec{.holidays = {Date::max()}});
        CHECK(text == spec);
        CHECK(text.is_holiday(Date::max()));
        CHECK(Calendar::parse("9999-12-30..9999-12-31 holiday").holidays().size() == 2);
        CHECK(Calendar::parse("1400-01-01 holiday").is_holiday(Date::min()));
        CHECK(text.data_range()->second == Date::max());
    }

    TEST_CASE("a weekend line that contradicts the calendar's make-up days names that line") {
        // reproducer: the error named working_days[0], an entry the caller never wrote
        const Calendar china = crm::china_mainland_calendar();
        CHECK(error_field_of([&] { (void)china.with_text("weekend fri"); }) == "line 1");
        CHECK(error_code_of([&] { (void)china.with_text("# Friday only\nweekend fri"); }) ==
              crm::ErrorCode::invalid_argument);
        CHECK(error_field_of([&] { (void)china.with_text("# Friday only\nweekend fri"); }) == "line 2");
        // the caller's own entries are still named by their own index
        const std::array<Date, 2> days{day("2027-02-13"), day("2027-03-01")};
        CHECK(error_field_of([&] { (void)china.with_working_days(days); }) == "working_days[1]");
    }

    TEST_CASE("conventions and calendars print for diagnostics") {
        std::ostringstream os;
        os << BusinessDayConvention::modified_following << ' ' << BusinessDayConvention::unadjusted;
        CHECK(os.str() == "modified_following unadjusted");
        CHECK(crm::to_string(BusinessDayConvention::modified_preceding) == "modified_preceding");
        std::ostringstream china;
        china << crm::china_mainland_calendar();
        CHECK(china.str() ==
              "mainland China (weekend saturday sunday, 89 holidays, 19 working days, "
              "2024-01-01..2026-12-31, strict)");
        std::ostringstream plain;
        plain << Calendar(Calendar::Spec{.weekend = {}, .strict = true});
        CHECK(plain.str() == "calendar (weekend none, 0 holidays, 0 working days, no data, strict)");
    }

    TEST_CASE(
        "property: the China calendar agrees with day-by-day stepping inside across and outside its data") {
        check_against_oracle(crm::china_mainland_calendar(false), 2024, 3000);
    }

    TEST_CASE("property: other weekends and sparse data agree with day-by-day stepping") {
        SUBCASE("a Friday-Saturday weekend with holidays on the edges of the data") {
            const Calendar gulf = Calendar::parse(
                "weekend friday saturday\n"
                "2030-01-01 holiday\n2030-12-31 holiday\n2031-01-03 workday\n2031-12-31 holiday\n2030-06-01 "
                "holiday\n");
            check_against_oracle(gulf, 7, 1500);
        }
        SUBCASE("a seven-day week with holidays") {
            const Calendar seven =
                Calendar::parse("weekend\n2025-02-01..2025-02-07 holiday\n2025-12-31 holiday\n");
            check_against_oracle(seven, 8, 1500);
        }
        SUBCASE("a one-day weekend") {
            check_against_oracle(Calendar(Calendar::Spec{.weekend = {Weekday::sunday}}), 9, 1000);
        }
        SUBCASE("weekends only without data") { check_against_oracle(Calendar(), 10, 1000); }
        SUBCASE("the China calendar extended with a year") {
            check_against_oracle(
                crm::china_mainland_calendar(false).with_text("2027-01-01 holiday\n2027-02-13 workday\n"), 11,
                1500);
        }
    }

    TEST_CASE("property: business_days_between inverts add_business_days over generated dates") {
        // lenient: the generated dates run across both edges of the data on purpose
        const Calendar china = crm::china_mainland_calendar(false);
        crm::test::Rng rng(42);
        for (int i = 0; i < 5000; ++i) {
            const Date d = Date(2023, 6, 1) + Days{rng.between(0, 365 * 4)};
            const std::int64_t n = rng.between(-300, 300);
            CAPTURE(d);
            CAPTURE(n);
            const Date r = china.add_business_days(d, n);
            CHECK(china.is_business_day(r));
            if (n > 0) {
                CHECK(china.business_days_between(d, r) == n);
                CHECK(china.add_business_days(r, -n) == china.adjust(d, BusinessDayConvention::preceding));
                // subtracting then adding returns to the following business day for any d
                CHECK(china.add_business_days(china.add_business_days(d, -n), n) ==
                      china.adjust(d, BusinessDayConvention::following));
            }
            if (china.is_business_day(d)) CHECK(china.add_business_days(r, -n) == d);
            // splitting a move in two gives the same day
            const std::int64_t m = rng.between(1, 50);
            if (n > 0)
                CHECK(china.add_business_days(china.add_business_days(d, n), m) ==
                      china.add_business_days(d, n + m));
        }
    }

}  // TEST_SUITE
