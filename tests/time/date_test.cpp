#include <crm/core/error.hpp>
#include <crm/time/date.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

namespace {

// A point and a duration are different types: only the meaningful operations exist.
// (A requires-expression outside a template is ill-formed when its expression is invalid, so
// each check goes through a concept, which is the standard way to ask "does this compile?".)
template <class A, class B>
concept addable = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept subtractable = requires(A a, B b) {
    a - b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
    {a * b};
};

static_assert(!addable<crm::Date, crm::Date>, "date + date has no meaning");
static_assert(!addable<crm::Date, int> && !addable<int, crm::Date>, "a bare number has no unit");
static_assert(!addable<crm::Date, std::int64_t> && !subtractable<crm::Date, long>,
              "a bare number has no unit");
static_assert(!subtractable<crm::Days, crm::Date>, "days - date has no meaning");
static_assert(!multipliable<crm::Days, crm::Days>, "days squared has no meaning");
static_assert(!multipliable<crm::Date, int>);
static_assert(addable<crm::Days, crm::Date> && addable<crm::Date, crm::Days>);
static_assert(requires(crm::Date a, crm::Days n) {
    { n + a } -> std::same_as<crm::Date>;
    { a + n } -> std::same_as<crm::Date>;
    { a - n } -> std::same_as<crm::Date>;
    { a - a } -> std::same_as<crm::Days>;
});
static_assert(!std::is_convertible_v<int, crm::Days>, "Days{n} is explicit");
static_assert(!std::is_convertible_v<crm::Days, std::int64_t>);
static_assert(!std::is_convertible_v<std::string_view, crm::Date>);

// Regular, trivially copyable values.
static_assert(std::regular<crm::Date> && std::regular<crm::Days>);
static_assert(std::is_trivially_copyable_v<crm::Date> && std::is_trivially_copyable_v<crm::Days>);
static_assert(std::totally_ordered<crm::Date> && std::totally_ordered<crm::Days>);

// Much is usable at compile time.
static_assert(crm::Date{}.serial() == 0);
static_assert(crm::Date{}.weekday() == crm::Weekday::thursday);  // 1970-01-01
static_assert(crm::Date::from_serial(1) - crm::Date{} == crm::Days{1});
static_assert(crm::Date{} + crm::Days{7} - crm::Days{7} == crm::Date{});
static_assert(crm::Days{7} * 4 == crm::Days{28} && -crm::Days{3} == crm::Days{-3});
static_assert(crm::is_leap_year(2024) && !crm::is_leap_year(1900) && crm::is_leap_year(2000));

crm::Date random_date(crm::test::Rng& rng) {
    return crm::Date::from_serial(rng.between(crm::Date::min_serial, crm::Date::max_serial));
}

using crm::test::check_error;

template <class T>
std::string printed(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

}  // namespace

TEST_SUITE("time.date") {
    TEST_CASE("a day after 28 February 2024 is the leap day") {
        CHECK(crm::Date(2024, 2, 28) + crm::Days{1} == crm::Date(2024, 2, 29));
        CHECK(crm::Days{1} + crm::Date(2024, 2, 28) == crm::Date(2024, 2, 29));
        // 2023 is not a leap year: the day after 28 February is 1 March
        CHECK(crm::Date(2023, 2, 28) + crm::Days{1} == crm::Date(2023, 3, 1));
    }

    TEST_CASE("February 2024 has 29 days between its first and 1 March") {
        // 2024-03-01 - 2024-02-01 = 29 days (leap year)
        CHECK(crm::Date(2024, 3, 1) - crm::Date(2024, 2, 1) == crm::Days{29});
        CHECK(crm::Date(2024, 2, 1) - crm::Date(2024, 3, 1) == crm::Days{-29});
        CHECK(crm::Date(2024, 3, 1) - crm::Days{29} == crm::Date(2024, 2, 1));
        // a whole year: 2024 has 366 days, 2023 has 365
        CHECK(crm::Date(2025, 1, 1) - crm::Date(2024, 1, 1) == crm::Days{366});
        CHECK(crm::Date(2024, 1, 1) - crm::Date(2023, 1, 1) == crm::Days{365});
    }

    TEST_CASE("weekdays of known dates") {
        CHECK(crm::Date(2024, 2, 10).weekday() == crm::Weekday::saturday);
        CHECK(crm::Date(2026, 10, 1).weekday() == crm::Weekday::thursday);  // National Day 2026
        CHECK(crm::Date(1970, 1, 1).weekday() == crm::Weekday::thursday);
        CHECK(crm::Date(2000, 1, 1).weekday() == crm::Weekday::saturday);
        CHECK(crm::Date(1969, 12, 29).weekday() == crm::Weekday::monday);   // before the epoch
        CHECK(crm::Date(1400, 1, 1).weekday() == crm::Weekday::wednesday);  // proleptic Gregorian
        CHECK(crm::Date(9999, 12, 31).weekday() == crm::Weekday::friday);
    }

    TEST_CASE("the default date is the epoch 1970-01-01") {
        const crm::Date d;
        CHECK(d == crm::Date(1970, 1, 1));
        CHECK(d.serial() == 0);
        CHECK(d.to_string() == "1970-01-01");
        CHECK(crm::Days{}.count() == 0);
    }

    TEST_CASE("accessors split a date into its parts") {
        const crm::Date d(2024, 12, 31);
        CHECK(d.year() == 2024);
        CHECK(d.month() == 12u);
        CHECK(d.day() == 31u);
        CHECK(d.day_of_year() == 366u);
        CHECK(crm::Date(2023, 12, 31).day_of_year() == 365u);
        CHECK(crm::Date(2024, 1, 1).day_of_year() == 1u);
        CHECK(crm::Date(2024, 3, 1).day_of_year() == 61u);  // 31 + 29 + 1
        CHECK(d.year_month_day() == crm::YearMonthDay{2024, 12, 31});
    }

    TEST_CASE("dates print as ISO 8601 and days with their unit") {
        CHECK(crm::Date(2024, 2, 9).to_string() == "2024-02-09");
        CHECK(crm::Date(1400, 1, 1).to_string() == "1400-01-01");
        CHECK(crm::Date(9999, 12, 31).to_string() == "9999-12-31");
        CHECK(printed(crm::Date(2026, 10, 1)) == "2026-10-01");
        CHECK(printed(crm::Days{30}) == "30 days");
        CHECK(printed(crm::Days{1}) == "1 day");
        CHECK(printed(crm::Days{-1}) == "-1 day");
        CHECK(printed(crm::Days{0}) == "0 days");
        CHECK(printed(crm::Weekday::saturday) == "saturday");
    }

    TEST_CASE("parsing reads strict ISO dates") {
        CHECK(crm::Date::parse("2024-02-29") == crm::Date(2024, 2, 29));
        CHECK(crm::Date::parse("1400-01-01") == crm::Date::min());
        CHECK(crm::Date::parse("9999-12-31") == crm::Date::max());
    }

    TEST_CASE("a day that does not exist is an invalid_date error naming the field") {
        CHECK_THROWS_AS(crm::Date(2023, 2, 29), crm::Error);
        check_error([] { (void)crm::Date(2023, 2, 29); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(2024, 4, 31); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(2024, 0, 1); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(2024, 13, 1); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(2024, 1, 0); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(2024, 1, 32); }, crm::ErrorCode::invalid_date, "date");
        // a month of 65,537 would wrap to 1 if it reached Boost's unsigned short unchecked
        check_error([] { (void)crm::Date(2024, 65537, 1); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(2024, 1, 65537); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(1399, 12, 31); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(10000, 1, 1); }, crm::ErrorCode::invalid_date, "date");
        check_error([] { (void)crm::Date(-2024, 1, 1); }, crm::ErrorCode::invalid_date, "date");
    }

    TEST_CASE("malformed date text is a parse_error - an impossible day an invalid_date") {
        struct Row {
            std::string_view text;
            crm::ErrorCode code;
        };
        const Row rows[] = {
            {"2023-02-29", crm::ErrorCode::invalid_date},
            {"2024-02-30", crm::ErrorCode::invalid_date},
            {"2024-13-01", crm::ErrorCode::invalid_date},
            {"2024-00-10", crm::ErrorCode::invalid_date},
            {"2024-01-00", crm::ErrorCode::invalid_date},
            {"1399-12-31", crm::ErrorCode::invalid_date},
            {"0000-01-01", crm::ErrorCode::invalid_date},
            {"2024-1-1", crm::ErrorCode::parse_error},
            {"20240101", crm::ErrorCode::parse_error},
            {"", crm::ErrorCode::parse_error},
            {"2024-02-30x", crm::ErrorCode::parse_error},
            {" 2024-02-03", crm::ErrorCode::parse_error},
            {"2024-02-03 ", crm::ErrorCode::parse_error},
            {"2024/02/03", crm::ErrorCode::parse_error},
            {"+024-02-03", crm::ErrorCode::parse_error},
            {"2024-0a-03", crm::ErrorCode::parse_error},
            {"2024-02-3\xd9", crm::ErrorCode::parse_error},
            {"２０２４-02-03", crm::ErrorCode::parse_error},  // full-width digits
        };
        for (const Row& row : rows) {
            CAPTURE(row.text);
            CHECK_THROWS_AS((void)crm::Date::parse(row.text, "invoice.issued"), crm::Error);
            check_error([&] { (void)crm::Date::parse(row.text, "invoice.issued"); }, row.code,
                        "invoice.issued");
        }
        // the default field name
        check_error([] { (void)crm::Date::parse("2024-1-1"); }, crm::ErrorCode::parse_error, "date");
    }

    TEST_CASE("arithmetic past the supported range throws instead of wrapping") {
        CHECK_THROWS_AS((void)(crm::Date(9999, 12, 31) + crm::Days{1}), crm::Error);
        check_error([] { (void)(crm::Date(9999, 12, 31) + crm::Days{1}); }, crm::ErrorCode::overflow, "date");
        check_error([] { (void)(crm::Date(1400, 1, 1) - crm::Days{1}); }, crm::ErrorCode::overflow, "date");
        check_error([] { (void)(crm::Date(1400, 1, 1) + crm::Days{-1}); }, crm::ErrorCode::overflow, "date");
        check_error([] { (void)(crm::Date() + crm::Days{std::numeric_limits<std::int64_t>::max()}); },
                    crm::ErrorCode::overflow, "date");
        check_error([] { (void)(crm::Date() - crm::Days{std::numeric_limits<std::int64_t>::min()}); },
                    crm::ErrorCode::overflow, "date");
        check_error([] { (void)(crm::Date() + crm::Days{std::numeric_limits<std::int64_t>::min()}); },
                    crm::ErrorCode::overflow, "date");
        check_error([] { (void)crm::Date::from_serial(crm::Date::max_serial + 1); },
                    crm::ErrorCode::invalid_date, "serial");
        check_error([] { (void)crm::Date::from_serial(crm::Date::min_serial - 1); },
                    crm::ErrorCode::invalid_date, "serial");
        // the whole range is reachable from either end
        CHECK(crm::Date::min() + (crm::Date::max() - crm::Date::min()) == crm::Date::max());
        CHECK(crm::Date::max() - crm::Date::min() == crm::Days{3'141'084});
        crm::Date d(9999, 12, 30);
        d += crm::Days{1};
        CHECK(d == crm::Date::max());
        CHECK_THROWS_AS(d += crm::Days{1}, crm::Error);
        CHECK(d == crm::Date::max());  // unchanged by the failed step
        d -= crm::Days{365};
        CHECK(d == crm::Date(9998, 12, 31));
    }

    TEST_CASE("days arithmetic is exact and checked") {
        CHECK(crm::Days{30} + crm::Days{15} == crm::Days{45});
        CHECK(crm::Days{30} - crm::Days{45} == crm::Days{-15});
        CHECK(crm::Days{7} * 52 == crm::Days{364});
        CHECK(3 * crm::Days{-7} == crm::Days{-21});
        CHECK(-crm::Days{5} == crm::Days{-5});
        CHECK(+crm::Days{5} == crm::Days{5});
        CHECK(crm::Days{1} < crm::Days{2});
        crm::Days n{10};
        n += crm::Days{5};
        n -= crm::Days{3};
        n *= 2;
        CHECK(n == crm::Days{24});

        constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
        constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
        check_error([] { (void)(crm::Days{max} + crm::Days{1}); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{min} + crm::Days{-1}); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{min} - crm::Days{1}); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{max} - crm::Days{-1}); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(-crm::Days{min}); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{max / 2 + 1} * 2); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{min} * -1); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{-1} * min); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{min / 2 - 1} * 2); }, crm::ErrorCode::overflow, "days");
        check_error([] { (void)(crm::Days{-(max / 2) - 1} * -2); }, crm::ErrorCode::overflow, "days");
        CHECK(crm::Days{max} + crm::Days{min} == crm::Days{-1});
        CHECK(crm::Days{min / 2} * 2 == crm::Days{min});
        CHECK(crm::Days{-(max / 2)} * -2 == crm::Days{max - 1});
        CHECK(crm::Days{0} * min == crm::Days{0});
    }

    TEST_CASE("calendar helpers") {
        CHECK(crm::days_in_month(2024, 2) == 29u);
        CHECK(crm::days_in_month(2023, 2) == 28u);
        CHECK(crm::days_in_month(1900, 2) == 28u);
        CHECK(crm::days_in_month(2000, 2) == 29u);
        CHECK(crm::days_in_month(2024, 4) == 30u);
        CHECK(crm::days_in_month(2024, 12) == 31u);
        check_error([] { (void)crm::days_in_month(2024, 0); }, crm::ErrorCode::invalid_argument, "month");
        check_error([] { (void)crm::days_in_month(2024, 13); }, crm::ErrorCode::invalid_argument, "month");
        CHECK(crm::last_day_of_month(crm::Date(2024, 2, 10)) == crm::Date(2024, 2, 29));
        CHECK(crm::last_day_of_month(crm::Date(2023, 2, 1)) == crm::Date(2023, 2, 28));
        CHECK(crm::last_day_of_month(crm::Date(2024, 12, 31)) == crm::Date(2024, 12, 31));
        CHECK(crm::last_day_of_month(crm::Date::max()) == crm::Date::max());
    }

    TEST_CASE("weekday names parse in English - full or short - in any case") {
        CHECK(crm::parse_weekday("Saturday") == crm::Weekday::saturday);
        CHECK(crm::parse_weekday("sat") == crm::Weekday::saturday);
        CHECK(crm::parse_weekday("SUN") == crm::Weekday::sunday);
        CHECK(crm::parse_weekday("mOnDaY") == crm::Weekday::monday);
        for (int i = 1; i <= 7; ++i) {
            const auto day = static_cast<crm::Weekday>(i);
            CAPTURE(day);
            CHECK(crm::parse_weekday(crm::to_string(day)) == day);
        }
        for (const std::string_view bad :
             {"", "sa", "satu", "saturdays", "samedi", "星期六", " monday", "mon."}) {
            CAPTURE(bad);
            CHECK_THROWS_AS((void)crm::parse_weekday(bad, "calendar.weekend[1]"), crm::Error);
            check_error([&] { (void)crm::parse_weekday(bad, "calendar.weekend[1]"); },
                        crm::ErrorCode::invalid_argument, "calendar.weekend[1]");
        }
        check_error([] { (void)crm::parse_weekday("x"); }, crm::ErrorCode::invalid_argument, "weekday");
        CHECK(crm::to_string(static_cast<crm::Weekday>(0)) == "unknown");
    }

    TEST_CASE("dates are keys of ordered and hashed containers") {
        std::map<crm::Date, int> by_date{{crm::Date(2024, 3, 1), 2}, {crm::Date(2024, 2, 29), 1}};
        CHECK(by_date.begin()->first == crm::Date(2024, 2, 29));
        std::unordered_set<crm::Date> seen{crm::Date(2024, 2, 29), crm::Date(2024, 2, 29),
                                           crm::Date(2024, 3, 1)};
        CHECK(seen.size() == 2u);
        CHECK(std::hash<crm::Date>{}(crm::Date(2024, 2, 29)) ==
              std::hash<crm::Date>{}(crm::Date::parse("2024-02-29")));
    }

    TEST_CASE("properties hold over thousands of generated dates") {
        crm::test::Rng rng(20240229);
        for (int i = 0; i < 5000; ++i) {
            const crm::Date d = random_date(rng);
            // n such that d + n stays inside the range
            const crm::Days n{
                rng.between(crm::Date::min_serial - d.serial(), crm::Date::max_serial - d.serial())};
            const crm::Date e = random_date(rng);
            CAPTURE(d);
            CAPTURE(n);
            CAPTURE(e);
            CHECK((d + n) - d == n);
            CHECK((d + n) - n == d);
            CHECK(d - (d - e) == e);
            CHECK(crm::Date::parse(d.to_string()) == d);
            CHECK(crm::Date::from_serial(d.serial()) == d);
            CHECK(crm::Date(d.year(), d.month(), d.day()) == d);
            CHECK((d < e) == (d.serial() < e.serial()));
            CHECK((d == e) == (d.serial() == e.serial()));
            CHECK((d <=> e) == (d.serial() <=> e.serial()));
            CHECK((d - e).count() == d.serial() - e.serial());
            // Boost agrees on the weekday (Boost numbers Sunday 0, ISO numbers it 7)
            const boost::gregorian::date b(static_cast<unsigned short>(d.year()),
                                           static_cast<unsigned short>(d.month()),
                                           static_cast<unsigned short>(d.day()));
            const int boost_weekday = b.day_of_week().as_number();
            CHECK(static_cast<int>(d.weekday()) == (boost_weekday == 0 ? 7 : boost_weekday));
        }
    }

    TEST_CASE(
        "walking every day of the range - each is the day after the previous and its parts give it back") {
        // 3.1 million days: count disagreements and check once, so the walk stays fast. The parts
        // come from Boost's calendar (year_month_day), the serial of the parts from the library's
        // own day count (the constructor): the two agree on every day.
        long mismatches = 0;
        crm::YearMonthDay prev = crm::Date::min().year_month_day();
        CHECK(prev == crm::YearMonthDay{1400, 1, 1});
        int prev_weekday = static_cast<int>(crm::Date::min().weekday());
        for (std::int64_t s = crm::Date::min_serial + 1; s <= crm::Date::max_serial; ++s) {
            const crm::Date d = crm::Date::from_serial(s);
            const crm::YearMonthDay ymd = d.year_month_day();
            crm::YearMonthDay expected = prev;
            if (prev.day < crm::days_in_month(prev.year, prev.month)) {
                ++expected.day;
            } else if (prev.month < 12) {
                expected = {prev.year, prev.month + 1, 1};
            } else {
                expected = {prev.year + 1, 1, 1};
            }
            const int weekday = static_cast<int>(d.weekday());
            // the constructor on every day; the text round trip (two strings a day) on every 61st
            const bool round_trips = crm::Date(ymd.year, ymd.month, ymd.day).serial() == s &&
                                     (s % 61 != 0 || crm::Date::parse(d.to_string()).serial() == s);
            if (ymd != expected || weekday != prev_weekday % 7 + 1 || !round_trips) {
                if (mismatches == 0) FAIL_CHECK("first mismatch at serial " << s << ": " << d);
                ++mismatches;
            }
            prev = ymd;
            prev_weekday = weekday;
        }
        CHECK(mismatches == 0);
        CHECK(prev == crm::YearMonthDay{9999, 12, 31});
    }

}  // TEST_SUITE
