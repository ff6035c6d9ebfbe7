#include <crm/core/error.hpp>
#include <crm/time/date.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <array>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>

namespace crm {

namespace {

namespace bg = boost::gregorian;

// Boost's day number (a Julian day number) of 1970-01-01, the zero of Date::serial().
constexpr std::int64_t epoch_day_number = 2'440'588;

static_assert(bg::gregorian_calendar::day_number({1970, 1, 1}) == epoch_day_number);
static_assert(bg::gregorian_calendar::day_number({1400, 1, 1}) - epoch_day_number == Date::min_serial);
static_assert(bg::gregorian_calendar::day_number({9999, 12, 31}) - epoch_day_number == Date::max_serial);

std::string two_digits(unsigned n) {
    return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

// Days from 1970-01-01 to a valid proleptic Gregorian year-month-day (the civil-from-days
// inverse of H. Hinnant's algorithm: whole 400-year eras, then the year of the era counted from
// March so that February's leap day ends it). Exact for every year; the range is checked by
// the caller. The property test "every serial round-trips" compares it with Boost's day
// numbers over the whole supported range.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(1400, 1, 1) == Date::min_serial);
static_assert(days_from_civil(9999, 12, 31) == Date::max_serial);
static_assert(days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28) == 2);  // a leap year
static_assert(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28) == 1);  // not one

constexpr std::array<unsigned, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

// The serial of year-month-day, each part checked (in this order, each error naming `field`).
std::int64_t serial_of(int year, unsigned month, unsigned day, std::string_view field) {
    if (year < 1400 || year > 9999)
        throw Error(ErrorCode::invalid_date, std::string(field),
                    "year " + std::to_string(year) + " is outside 1400..9999");
    if (month < 1 || month > 12)
        throw Error(ErrorCode::invalid_date, std::string(field),
                    "month " + std::to_string(month) + " is not 1..12");
    if (day < 1 || day > 31)
        throw Error(ErrorCode::invalid_date, std::string(field),
                    "day " + std::to_string(day) + " is not 1..31");
    const unsigned last = month == 2 && is_leap_year(year) ? 29u : month_days[month - 1];
    if (day > last)
        throw Error(ErrorCode::invalid_date, std::string(field),
                    "day " + std::to_string(day) + " does not exist in " + std::to_string(year) + "-" +
                        two_digits(month));
    return days_from_civil(year, month, day);
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

unsigned digits_value(std::string_view text) noexcept {
    unsigned v = 0;
    for (const char c : text) v = v * 10 + static_cast<unsigned>(c - '0');
    return v;
}

constexpr std::array<std::string_view, 7> weekday_names{"monday", "tuesday",  "wednesday", "thursday",
                                                        "friday", "saturday", "sunday"};

char to_lower_ascii(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view text, std::string_view lower) noexcept {
    if (text.size() != lower.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (to_lower_ascii(text[i]) != lower[i]) return false;
    return true;
}

}  // namespace

namespace detail {
void throw_date_overflow(std::string_view field, std::string_view message) {
    throw Error(ErrorCode::overflow, std::string(field), std::string(message));
}
void throw_invalid_date(std::string_view field, std::string_view message) {
    throw Error(ErrorCode::invalid_date, std::string(field), std::string(message));
}
}  // namespace detail

std::string_view to_string(Weekday day) noexcept {
    const auto i = static_cast<int>(day) - 1;
    if (i < 0 || i >= 7) return "unknown";
    return weekday_names[static_cast<std::size_t>(i)];
}

std::ostream& operator<<(std::ostream& os, Weekday day) { return os << to_string(day); }

Weekday parse_weekday(std::string_view text, std::string_view field) {
    for (std::size_t i = 0; i < weekday_names.size(); ++i) {
        const std::string_view name = weekday_names[i];
        if (equals_ignoring_case(text, name) || equals_ignoring_case(text, name.substr(0, 3)))
            return static_cast<Weekday>(i + 1);
    }
    throw Error(ErrorCode::invalid_argument, std::string(field),
                "expected an English day name such as \"monday\" or \"mon\"");
}

Date::Date(int year, unsigned month, unsigned day)
    : serial_(static_cast<std::int32_t>(serial_of(year, month, day, "date"))) {}

Date Date::parse(std::string_view iso, std::string_view field) {
    const bool shaped = iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && is_digit(iso[0]) &&
                        is_digit(iso[1]) && is_digit(iso[2]) && is_digit(iso[3]) && is_digit(iso[5]) &&
                        is_digit(iso[6]) && is_digit(iso[8]) && is_digit(iso[9]);
    if (!shaped) throw Error(ErrorCode::parse_error, std::string(field), "expected a date as YYYY-MM-DD");
    const auto year = static_cast<int>(digits_value(iso.substr(0, 4)));
    return from_serial(
        serial_of(year, digits_value(iso.substr(5, 2)), digits_value(iso.substr(8, 2)), field));
}

YearMonthDay Date::year_month_day() const noexcept {
    const auto ymd = bg::gregorian_calendar::from_day_number(
        static_cast<bg::date::date_int_type>(serial_ + epoch_day_number));
    return {static_cast<int>(ymd.year), static_cast<unsigned>(ymd.month), static_cast<unsigned>(ymd.day)};
}

unsigned Date::day_of_year() const noexcept {
    const bg::date d(static_cast<bg::date::date_int_type>(serial_ + epoch_day_number));
    return static_cast<unsigned>(d.day_of_year());
}

std::string Date::to_string() const {
    const YearMonthDay ymd = year_month_day();
    const auto y = static_cast<unsigned>(ymd.year);  // 1400..9999: four digits
    return two_digits(y / 100) + two_digits(y % 100) + '-' + two_digits(ymd.month) + '-' +
           two_digits(ymd.day);
}

std::ostream& operator<<(std::ostream& os, Date d) { return os << d.to_string(); }

unsigned days_in_month(int year, unsigned month) {
    if (month < 1 || month > 12)
        throw Error(ErrorCode::invalid_argument, "month", "month " + std::to_string(month) + " is not 1..12");
    return month == 2 && is_leap_year(year) ? 29u : month_days[month - 1];
}

Date last_day_of_month(Date d) {
    const YearMonthDay ymd = d.year_month_day();
    return d + Days{static_cast<std::int64_t>(days_in_month(ymd.year, ymd.month) - ymd.day)};
}

}  // namespace crm
