#include <crm/core/error.hpp>
#include <crm/time/date.hpp>
#include <crm/time/period.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <concepts>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

namespace {

using crm::Date;
using crm::Days;
using crm::Period;
using crm::PeriodKind;

// A period is a small regular value: copyable, ordered, no allocation to hold one.
static_assert(std::regular<Period>);
static_assert(std::totally_ordered<Period>);
static_assert(std::is_trivially_copyable_v<Period>);
static_assert(sizeof(Period) <= 12);
static_assert(std::is_nothrow_default_constructible_v<Period>);
static_assert(!std::is_convertible_v<Date, Period>, "a day is not a period");
static_assert(!std::is_constructible_v<Period, PeriodKind, Date, Date, unsigned>,
              "periods come from the factories, which keep them aligned to whole months");
static_assert(requires(Period p) {
    { p.days() } -> std::same_as<Days>;
    { p.first() } -> std::same_as<Date>;
});
static_assert(crm::months_in(PeriodKind::month) == 1 && crm::months_in(PeriodKind::quarter) == 3 &&
              crm::months_in(PeriodKind::half_year) == 6 && crm::months_in(PeriodKind::year) == 12);
// The default is the month 1970-01 of the calendar year, usable at compile time.
static_assert(Period{}.kind() == PeriodKind::month && Period{}.first() == Date{} &&
              Period{}.days() == Days{31} && Period{}.fy_start_month() == 1u);

constexpr PeriodKind all_kinds[] = {PeriodKind::month, PeriodKind::quarter, PeriodKind::half_year,
                                    PeriodKind::year};

Date random_date(crm::test::Rng& rng) {
    // Two years away from the ends of the range, so that every period, its next and its
    // previous exist on every fiscal calendar (FY1400 of a November calendar ends in 1401-10).
    return Date::from_serial(rng.between(Date(1402, 1, 1).serial(), Date(9997, 12, 31).serial()));
}

using crm::test::check_error;

template <class T>
std::string printed(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

}  // namespace

TEST_SUITE("time.period") {
    TEST_CASE("the first quarter of 2024 runs from 1 January to 31 March with 91 days") {
        const Period q1 = Period::quarter(2024, 1);
        CHECK(q1.kind() == PeriodKind::quarter);
        CHECK(q1.first() == Date(2024, 1, 1));
        CHECK(q1.last() == Date(2024, 3, 31));
        // 31 (January) + 29 (February, leap year) + 31 (March) = 91
        CHECK(q1.days() == Days{91});
        CHECK(q1.fiscal_year() == 2024);
        CHECK(q1.index() == 1u);
        CHECK(q1.to_string() == "2024-Q1");
        // 2023 is not a leap year: 31 + 28 + 31 = 90
        CHECK(Period::quarter(2023, 1).days() == Days{90});
    }

    TEST_CASE("the second half of 2025 has 184 days") {
        const Period h2 = Period::half_year(2025, 2);
        CHECK(h2.first() == Date(2025, 7, 1));
        CHECK(h2.last() == Date(2025, 12, 31));
        // July 31 + August 31 + September 30 + October 31 + November 30 + December 31 = 184
        CHECK(h2.days() == Days{184});
        CHECK(h2.to_string() == "2025-H2");
        CHECK(h2.index() == 2u);
        // the first half: 31 + 28 + 31 + 30 + 31 + 30 = 181; 181 + 184 = 365
        CHECK(Period::half_year(2025, 1).days() == Days{181});
        CHECK(Period::year(2025).days() == Days{365});
        CHECK(Period::year(2024).days() == Days{366});
    }

    TEST_CASE("on a fiscal year starting in April 15 February 2024 lies in FY2023-Q4") {
        // FY2023 starts 2023-04-01 (named by the year it starts in), so its quarters are
        // Q1 = 2023-04..06, Q2 = 07..09, Q3 = 10..12, Q4 = 2024-01..03.
        const Period q = Period::containing(Date(2024, 2, 15), PeriodKind::quarter, 4);
        CHECK(q.first() == Date(2024, 1, 1));
        CHECK(q.last() == Date(2024, 3, 31));
        CHECK(q.fiscal_year() == 2023);
        CHECK(q.index() == 4u);
        CHECK(q.to_string() == "FY2023-Q4");
        CHECK(q == Period::quarter(2023, 4, 4));
        // the same days as the calendar quarter 2024-Q1, but a different period
        CHECK(q.first() == Period::quarter(2024, 1).first());
        CHECK(q.last() == Period::quarter(2024, 1).last());
        CHECK(q != Period::quarter(2024, 1));
    }

    TEST_CASE("FY2024-Q1 of an April calendar is April to June 2024") {
        const Period q = Period::quarter(2024, 1, 4);
        CHECK(q.first() == Date(2024, 4, 1));
        CHECK(q.last() == Date(2024, 6, 30));
        // 30 + 31 + 30 = 91
        CHECK(q.days() == Days{91});
        CHECK(q.to_string() == "FY2024-Q1");
        const Period fy = Period::year(2024, 4);
        CHECK(fy.first() == Date(2024, 4, 1));
        CHECK(fy.last() == Date(2025, 3, 31));
        CHECK(fy.to_string() == "FY2024");
        // 2024-04-01..2025-03-31 holds no 29 February: 365 days
        CHECK(fy.days() == Days{365});
        const Period h2 = Period::half_year(2024, 2, 4);
        CHECK(h2.first() == Date(2024, 10, 1));
        CHECK(h2.last() == Date(2025, 3, 31));
        CHECK(h2.to_string() == "FY2024-H2");
        // months keep their calendar label and count their place in the fiscal year
        const Period april = Period::month(2024, 4, 4);
        CHECK(april.to_string() == "2024-04");
        CHECK(april.index() == 1u);
        CHECK(april.fiscal_year() == 2024);
        const Period march = Period::month(2025, 3, 4);
        CHECK(march.index() == 12u);
        CHECK(march.fiscal_year() == 2024);
        CHECK(Period::month(2024, 3).index() == 3u);  // calendar year: March is month 3
    }

    TEST_CASE("a fiscal year starting in October straddles two calendar years") {
        // FY2024 = 2024-10-01..2025-09-30; Q2 = 2025-01..03; H1 = 2024-10..2025-03
        CHECK(Period::quarter(2024, 2, 10).first() == Date(2025, 1, 1));
        CHECK(Period::half_year(2024, 1, 10).last() == Date(2025, 3, 31));
        CHECK(Period::containing(Date(2024, 9, 30), PeriodKind::year, 10).to_string() == "FY2023");
        CHECK(Period::containing(Date(2024, 10, 1), PeriodKind::year, 10).to_string() == "FY2024");
        CHECK(Period::containing(Date(2024, 12, 25), PeriodKind::quarter, 10).to_string() == "FY2024-Q1");
    }

    TEST_CASE("labels of every kind on the calendar year") {
        CHECK(Period::month(2024, 3).to_string() == "2024-03");
        CHECK(Period::month(2024, 12).to_string() == "2024-12");
        CHECK(Period::quarter(2024, 1).to_string() == "2024-Q1");
        CHECK(Period::half_year(2024, 1).to_string() == "2024-H1");
        CHECK(Period::year(2024).to_string() == "2024");
        CHECK(Period{}.to_string() == "1970-01");
        CHECK(printed(Period::quarter(2024, 3)) == "2024-Q3");
        CHECK(printed(Period::quarter(2024, 3, 7)) == "FY2024-Q3");
        CHECK(printed(PeriodKind::half_year) == "half_year");
        CHECK(crm::to_string(PeriodKind::month) == "month");
        CHECK(crm::to_string(PeriodKind::quarter) == "quarter");
        CHECK(crm::to_string(PeriodKind::year) == "year");
        CHECK(crm::to_string(static_cast<PeriodKind>(9)) == "unknown");
        CHECK(crm::months_in(static_cast<PeriodKind>(9)) == 0u);
    }

    TEST_CASE("next of 2024-Q4 is 2025-Q1 and previous of 2024-01 is 2023-12") {
        CHECK(Period::quarter(2024, 4).next() == Period::quarter(2025, 1));
        CHECK(Period::month(2024, 1).previous() == Period::month(2023, 12));
        CHECK(Period::month(2024, 1).previous().to_string() == "2023-12");
        CHECK(Period::half_year(2024, 2).next() == Period::half_year(2025, 1));
        CHECK(Period::year(2024, 4).next() == Period::year(2025, 4));
        // the fiscal calendar is kept: next of FY2023-Q4 (2024-01..03) is FY2024-Q1 (2024-04..06)
        CHECK(Period::quarter(2023, 4, 4).next().to_string() == "FY2024-Q1");
    }

    TEST_CASE("the rolling window at 20 November 2024 is 2024-11 2024-12 and 2025-01") {
        const std::vector<Period> window = crm::rolling_window(Date(2024, 11, 20));
        REQUIRE(window.size() == 3u);
        CHECK(window[0] == Period::month(2024, 11));
        CHECK(window[1] == Period::month(2024, 12));
        CHECK(window[2] == Period::month(2025, 1));
        CHECK(window[0].contains(Date(2024, 11, 20)));
        CHECK(window[0].contains(Date(2024, 11, 1)));
        CHECK(window[0].contains(Date(2024, 11, 30)));
        CHECK_FALSE(window[0].contains(Date(2024, 10, 31)));
        CHECK_FALSE(window[0].contains(Date(2024, 12, 1)));
        // the longest window, 24 months from 2024-11: 2024-11 .. 2026-10
        const std::vector<Period> long_window = crm::rolling_window(Date(2024, 11, 20), 24);
        REQUIRE(long_window.size() == 24u);
        CHECK(long_window.back() == Period::month(2026, 10));
        // one month is just the current one
        CHECK(crm::rolling_window(Date(2024, 2, 29), 1) == std::vector<Period>{Period::month(2024, 2)});
        // on an April calendar the months know their place in the fiscal year: 8, 9, 10
        const std::vector<Period> fiscal = crm::rolling_window(Date(2024, 11, 20), 3, 4);
        CHECK(fiscal[0].index() == 8u);
        CHECK(fiscal[2].index() == 10u);
        CHECK(fiscal[2].fiscal_year() == 2024);
        // the window may end in the last supported month
        CHECK(crm::rolling_window(Date(9999, 10, 1)).back() == Period::month(9999, 12));
    }

    TEST_CASE("the months of a half-year are its six months in order") {
        const std::vector<Period> months = Period::half_year(2024, 2, 4).months();  // 2024-10..2025-03
        REQUIRE(months.size() == 6u);
        const char* labels[] = {"2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"};
        for (std::size_t i = 0; i < months.size(); ++i) {
            CAPTURE(i);
            CHECK(months[i].to_string() == labels[i]);
            CHECK(months[i].kind() == PeriodKind::month);
            CHECK(months[i].fy_start_month() == 4u);
            CHECK(months[i].index() == i + 7);  // October is month 7 of an April fiscal year
        }
        CHECK(Period::month(2024, 2).months() == std::vector<Period>{Period::month(2024, 2)});
        CHECK(Period::year(2024).months().size() == 12u);
    }

    TEST_CASE("add_months clamps the day to the target month and does not snap month ends") {
        // January has 31 days, February 2024 29: day 31 clamps to 29
        CHECK(crm::add_months(Date(2024, 1, 31), 1) == Date(2024, 2, 29));
        // February 2023 has 28 days
        CHECK(crm::add_months(Date(2023, 1, 31), 1) == Date(2023, 2, 28));
        // backwards: 31 March - 1 month = 31 February, clamped to 29
        CHECK(crm::add_months(Date(2024, 3, 31), -1) == Date(2024, 2, 29));
        // a year after a leap day: 29 February 2025 does not exist, so 28
        CHECK(crm::add_months(Date(2024, 2, 29), 12) == Date(2025, 2, 28));
        // a month end is not snapped to a month end: 29 stays 29 in March (Boost says 03-31)
        CHECK(crm::add_months(Date(2024, 2, 29), 1) == Date(2024, 3, 29));
        CHECK(crm::add_months(Date(2024, 4, 30), 1) == Date(2024, 5, 30));
        // across year ends, both ways
        CHECK(crm::add_months(Date(2024, 11, 15), 3) == Date(2025, 2, 15));
        CHECK(crm::add_months(Date(2024, 1, 15), -13) == Date(2022, 12, 15));
        CHECK(crm::add_months(Date(2024, 5, 17), 0) == Date(2024, 5, 17));
        // the ends of the range are reachable
        CHECK(crm::add_months(Date(9999, 11, 30), 1) == Date(9999, 12, 30));
        CHECK(crm::add_months(Date(1400, 2, 28), -1) == Date(1400, 1, 28));
        CHECK(crm::add_months(Date(1400, 1, 1), 119'999 - 16'800) == Date(9999, 12, 1));
    }

    TEST_CASE("Boost snaps month ends where add_months does not") {
        // The reason add_months exists: Boost's months(1) keeps a month end at the month end.
        const boost::gregorian::date leap_day(2024, 2, 29);
        CHECK((leap_day + boost::gregorian::months(1)) == boost::gregorian::date(2024, 3, 31));
        CHECK(crm::add_months(Date(2024, 2, 29), 1) == Date(2024, 3, 29));
        // Away from month ends the two agree.
        crm::test::Rng rng(31);
        for (int i = 0; i < 2000; ++i) {
            const Date d =
                Date::from_serial(rng.between(Date(1500, 1, 1).serial(), Date(9000, 1, 1).serial()));
            const int n = static_cast<int>(rng.between(-600, 600));
            if (d == crm::end_of_month(d)) continue;
            CAPTURE(d);
            CAPTURE(n);
            const boost::gregorian::date b = boost::gregorian::date(static_cast<unsigned short>(d.year()),
                                                                    static_cast<unsigned short>(d.month()),
                                                                    static_cast<unsigned short>(d.day())) +
                                             boost::gregorian::months(n);
            const Date r = crm::add_months(d, n);
            CHECK(r.year() == static_cast<int>(b.year()));
            CHECK(r.month() == static_cast<unsigned>(b.month()));
            CHECK(r.day() == static_cast<unsigned>(b.day()));
        }
    }

    TEST_CASE("end_of_month is the last day of the month") {
        CHECK(crm::end_of_month(Date(2024, 2, 10)) == Date(2024, 2, 29));
        CHECK(crm::end_of_month(Date(2023, 2, 1)) == Date(2023, 2, 28));
        CHECK(crm::end_of_month(Date(2024, 4, 30)) == Date(2024, 4, 30));
        CHECK(crm::end_of_month(Date(1900, 2, 14)) == Date(1900, 2, 28));  // not a leap year
        CHECK(crm::end_of_month(Date::max()) == Date::max());
    }

    TEST_CASE("bad months quarters halves and fiscal start months are errors naming the field") {
        using crm::ErrorCode;
        CHECK_THROWS_AS((void)Period::month(2024, 0), crm::Error);
        check_error([] { (void)Period::month(2024, 0); }, ErrorCode::invalid_argument, "month");
        check_error([] { (void)Period::month(2024, 13); }, ErrorCode::invalid_argument, "month");
        check_error([] { (void)Period::quarter(2024, 0); }, ErrorCode::invalid_argument, "quarter");
        check_error([] { (void)Period::quarter(2024, 5); }, ErrorCode::invalid_argument, "quarter");
        check_error([] { (void)Period::half_year(2024, 0); }, ErrorCode::invalid_argument, "half");
        check_error([] { (void)Period::half_year(2024, 3); }, ErrorCode::invalid_argument, "half");
        for (const unsigned bad : {0u, 13u, 4'294'967'295u}) {
            CAPTURE(bad);
            check_error([&] { (void)Period::month(2024, 1, bad); }, ErrorCode::invalid_argument,
                        "fy_start_month");
            check_error([&] { (void)Period::quarter(2024, 1, bad); }, ErrorCode::invalid_argument,
                        "fy_start_month");
            check_error([&] { (void)Period::half_year(2024, 1, bad); }, ErrorCode::invalid_argument,
                        "fy_start_month");
            check_error([&] { (void)Period::year(2024, bad); }, ErrorCode::invalid_argument,
                        "fy_start_month");
            check_error([&] { (void)Period::containing(Date(2024, 5, 1), PeriodKind::quarter, bad); },
                        ErrorCode::invalid_argument, "fy_start_month");
            check_error([&] { (void)crm::rolling_window(Date(2024, 5, 1), 3, bad); },
                        ErrorCode::invalid_argument, "fy_start_month");
        }
        check_error([] { (void)Period::containing(Date(2024, 5, 1), static_cast<PeriodKind>(4)); },
                    ErrorCode::invalid_argument, "kind");
        for (const int bad : {0, -1, 25, INT_MIN, INT_MAX}) {
            CAPTURE(bad);
            check_error([&] { (void)crm::rolling_window(Date(2024, 5, 1), bad); },
                        ErrorCode::invalid_argument, "months");
        }
    }

    TEST_CASE("periods beyond 1400-01-01 to 9999-12-31 are overflow errors") {
        using crm::ErrorCode;
        check_error([] { (void)Period::month(1399, 12); }, ErrorCode::overflow, "year");
        check_error([] { (void)Period::month(10000, 1); }, ErrorCode::overflow, "year");
        check_error([] { (void)Period::month(INT_MIN, 1); }, ErrorCode::overflow, "year");
        check_error([] { (void)Period::quarter(INT_MAX, 4); }, ErrorCode::overflow, "fiscal_year");
        check_error([] { (void)Period::year(9999, 4); }, ErrorCode::overflow,
                    "fiscal_year");  // ends 10000-03
        check_error([] { (void)Period::half_year(9999, 2, 2); }, ErrorCode::overflow, "fiscal_year");
        check_error([] { (void)Period::quarter(1399, 3, 4); }, ErrorCode::overflow,
                    "fiscal_year");  // 1399-10..12
        // FY1399-Q4 of an April calendar is 1400-01..03: inside the range
        CHECK(Period::quarter(1399, 4, 4).first() == Date::min());
        CHECK(Period::quarter(1399, 4, 4).to_string() == "FY1399-Q4");
        CHECK(Period::year(9999).last() == Date::max());
        // the period containing a date near an end may reach past it
        check_error([] { (void)Period::containing(Date(9999, 12, 15), PeriodKind::quarter, 2); },
                    ErrorCode::overflow,
                    "date");  // FY9999-Q4 = 9999-11..10000-01
        check_error([] { (void)Period::containing(Date(1400, 1, 15), PeriodKind::year, 2); },
                    ErrorCode::overflow,
                    "date");  // FY1399 = 1399-02..1400-01
        check_error([] { (void)Period::year(9999).next(); }, ErrorCode::overflow, "period");
        check_error([] { (void)Period::month(1400, 1).previous(); }, ErrorCode::overflow, "period");
        check_error([] { (void)crm::rolling_window(Date(9999, 11, 1)); }, ErrorCode::overflow, "months");
        check_error([] { (void)crm::add_months(Date(9999, 12, 31), 1); }, ErrorCode::overflow, "months");
        check_error([] { (void)crm::add_months(Date(1400, 1, 31), -1); }, ErrorCode::overflow, "months");
        check_error([] { (void)crm::add_months(Date(2024, 1, 1), INT_MAX); }, ErrorCode::overflow, "months");
        check_error([] { (void)crm::add_months(Date(2024, 1, 1), INT_MIN); }, ErrorCode::overflow, "months");
    }

    TEST_CASE("periods order by first day then kind and serve as keys") {
        std::vector<Period> periods{Period::year(2024),       Period::month(2024, 1),
                                    Period::quarter(2024, 1), Period::half_year(2024, 1),
                                    Period::month(2023, 12),  Period::quarter(2024, 2)};
        std::sort(periods.begin(), periods.end());
        const char* labels[] = {"2023-12", "2024-01", "2024-Q1", "2024-H1", "2024", "2024-Q2"};
        REQUIRE(periods.size() == 6u);
        for (std::size_t i = 0; i < periods.size(); ++i) {
            CAPTURE(i);
            CHECK(periods[i].to_string() == labels[i]);
        }
        // the same first day: the shorter period first
        CHECK(Period::month(2024, 1) < Period::year(2024));
        CHECK_FALSE(Period::year(2024) < Period::month(2024, 1));
        CHECK(Period::month(2024, 1) != Period::quarter(2024, 1));
        // the fiscal calendar breaks the tie last
        CHECK(Period::month(2024, 1) != Period::month(2024, 1, 4));
        CHECK(Period::month(2024, 1) < Period::month(2024, 1, 4));
        CHECK(Period::month(2024, 1, 4) > Period::month(2024, 1));
        CHECK(Period::quarter(2024, 1) < Period::quarter(2023, 4, 4));
        CHECK(Period::quarter(2024, 1) != Period::quarter(2023, 4, 4));
        std::map<Period, int> by_period{{Period::month(2024, 3), 3}, {Period::month(2024, 2), 2}};
        CHECK(by_period.begin()->first == Period::month(2024, 2));
        std::unordered_set<Period> seen{Period::month(2024, 2),
                                        Period::containing(Date(2024, 2, 10), PeriodKind::month),
                                        Period::quarter(2024, 1), Period::quarter(2023, 4, 4)};
        CHECK(seen.size() == 3u);
    }

    TEST_CASE("every month from 1400-01 to 9999-12 follows the one before") {
        // 103,200 months (8,600 years): count disagreements and check once, so the walk stays fast.
        long mismatches = 0;
        Period p = Period::month(1400, 1);
        std::int64_t count = 1;
        while (p.last() != Date::max()) {
            const Period n = p.next();
            const bool ok = n.first() == p.last() + Days{1} && n.previous() == p &&
                            n.days() == Days{crm::days_in_month(n.first().year(), n.first().month())};
            if (!ok) {
                if (mismatches == 0) FAIL_CHECK("first mismatch after " << p);
                ++mismatches;
            }
            p = n;
            ++count;
        }
        CHECK(mismatches == 0);
        CHECK(count == (9999 - 1400 + 1) * 12);
    }

    TEST_CASE("properties of periods hold over thousands of dates for every kind and fiscal start") {
        crm::test::Rng rng(20241120);
        for (int i = 0; i < 2000; ++i) {  // x 4 kinds x 12 fiscal starts = 96,000 periods
            const Date d = random_date(rng);
            CAPTURE(d);
            for (const PeriodKind kind : all_kinds) {
                for (unsigned s = 1; s <= 12; ++s) {
                    const std::string_view kind_name = crm::to_string(kind);
                    CAPTURE(kind_name);
                    CAPTURE(s);
                    const Period p = Period::containing(d, kind, s);
                    // the containing period contains the date, and is of the asked kind and calendar
                    CHECK(p.contains(d));
                    CHECK(p.kind() == kind);
                    CHECK(p.fy_start_month() == s);
                    CHECK(p.first().day() == 1u);
                    CHECK(p.last() == crm::end_of_month(p.last()));
                    // next starts the day after the end; previous ends the day before the start
                    CHECK(p.next().first() == p.last() + Days{1});
                    CHECK(p.previous().last() == p.first() - Days{1});
                    CHECK(p.previous().next() == p);
                    CHECK(p.next().previous() == p);
                    // the factory of its kind gives it back from its fiscal year and index
                    const Period again =
                        kind == PeriodKind::month     ? Period::month(p.first().year(), p.first().month(), s)
                        : kind == PeriodKind::quarter ? Period::quarter(p.fiscal_year(), p.index(), s)
                        : kind == PeriodKind::half_year ? Period::half_year(p.fiscal_year(), p.index(), s)
                                                        : Period::year(p.fiscal_year(), s);
                    CHECK(again == p);
                    // the fiscal year starts in month s of the year it is named after
                    const Period fy = Period::year(p.fiscal_year(), s);
                    CHECK(fy.first() == Date(p.fiscal_year(), s, 1));
                    CHECK(fy.first() <= p.first());
                    CHECK(p.last() <= fy.last());
                    CHECK(p.index() >= 1u);
                    CHECK(p.index() <= 12 / crm::months_in(kind));
                    // the months tile the period exactly
                    const std::vector<Period> months = p.months();
                    REQUIRE(months.size() == crm::months_in(kind));
                    CHECK(months.front().first() == p.first());
                    CHECK(months.back().last() == p.last());
                    Days total{};
                    for (std::size_t k = 0; k < months.size(); ++k) {
                        CHECK(months[k].kind() == PeriodKind::month);
                        CHECK(months[k].fy_start_month() == s);
                        CHECK(months[k].fiscal_year() == p.fiscal_year());
                        if (k > 0) {
                            CHECK(months[k].first() == months[k - 1].last() + Days{1});
                        }
                        total += months[k].days();
                    }
                    CHECK(total == p.days());
                    // periods of one kind containing consecutive dates are equal or adjacent
                    const Period q = Period::containing(d + Days{1}, kind, s);
                    CHECK((q == p || (q == p.next() && d == p.last())));
                }
            }
        }
    }

    TEST_CASE("properties of add_months hold over thousands of dates") {
        crm::test::Rng rng(20240131);
        for (int i = 0; i < 20000; ++i) {
            // 1500..9898, so that a hundred years either way stays inside the range
            const Date d =
                Date::from_serial(rng.between(Date(1500, 1, 1).serial(), Date(9898, 12, 31).serial()));
            const int n = static_cast<int>(rng.between(-1200, 1200));
            CAPTURE(d);
            CAPTURE(n);
            const Date r = crm::add_months(d, n);
            // it lands in the right month: n months on, counted as year * 12 + month
            const std::int64_t from = std::int64_t{d.year()} * 12 + d.month();
            const std::int64_t to = std::int64_t{r.year()} * 12 + r.month();
            CHECK(to - from == n);
            // never past the month's end, and the same day whenever the month has it
            CHECK(r <= crm::end_of_month(r));
            const unsigned length = crm::days_in_month(r.year(), r.month());
            CHECK(r.day() == std::min(d.day(), length));
            // and back again, when the day exists in every month
            if (d.day() <= 28) {
                CHECK(crm::add_months(r, -n) == d);
            }
            // the rolling window is the month of as_of and add_months steps from it
            const std::vector<Period> window = crm::rolling_window(d);
            REQUIRE(window.size() == 3u);
            for (int k = 0; k < 3; ++k) {
                CHECK(window[static_cast<std::size_t>(k)].contains(
                    crm::add_months(Date(d.year(), d.month(), 1), k)));
            }
        }
    }

}  // TEST_SUITE
