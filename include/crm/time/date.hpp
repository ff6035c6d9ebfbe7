#pragma once
/// \file
/// Calendar dates and whole-day durations.
///
/// - crm::Days is a duration: a signed count of whole days (`Days{30}` is thirty days), the
///   crm::Duration template of crm/time/duration.hpp.
/// - crm::Date is a point on the proleptic Gregorian calendar, from 1400-01-01 to 9999-12-31
///   (the range of Boost.Date_Time's gregorian date, which does the calendar conversions).
/// A point and a duration are different types: date - date = days, date + days = date, and
/// date + date or date + a bare number does not compile. Proven by tests/time/date_test.cpp.
///
/// Month arithmetic is not here: Boost's `months(1)` snaps month ends (2024-02-29 + 1 month =
/// 2024-03-31), which is wrong for payment terms. `crm::add_months` and `crm::end_of_month` in
/// crm/time/period.hpp clamp the day instead (2024-01-31 + 1 month = 2024-02-29).

#include <crm/export.hpp>
#include <crm/time/duration.hpp>

#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <limits>
#include <string>
#include <string_view>

namespace crm {

namespace detail {
/// Throw crm::Error(overflow) or crm::Error(invalid_date) naming `field`; out of line so
/// that the constexpr callers stay small. Defined in src/time/date.cpp.
[[noreturn]] CRM_EXPORT void throw_date_overflow(std::string_view field, std::string_view message);
[[noreturn]] CRM_EXPORT void throw_invalid_date(std::string_view field, std::string_view message);
}  // namespace detail

/// A day of the week, numbered as ISO 8601 does (monday = 1 ... sunday = 7).
enum class Weekday { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

/// The enumerator's name: "monday" ... "sunday".
[[nodiscard]] CRM_EXPORT std::string_view to_string(Weekday day) noexcept;
/// Prints to_string(day): `monday` ... `sunday`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Weekday day);
/// Reads an English day name, full or three-letter, in any case: "Saturday", "sat", "SAT".
/// Anything else throws crm::Error(invalid_argument) naming `field`.
[[nodiscard]] CRM_EXPORT Weekday parse_weekday(std::string_view text, std::string_view field = "weekday");

/// The three parts of a date, as plain numbers.
struct CRM_EXPORT YearMonthDay {
    int year = 1970;     ///< the year, 1400 to 9999 for a valid date; default 1970
    unsigned month = 1;  ///< 1..12
    unsigned day = 1;    ///< 1..31

    /// Memberwise equality.
    friend constexpr bool operator==(const YearMonthDay&, const YearMonthDay&) noexcept = default;
};

/// A calendar day, 1400-01-01 to 9999-12-31, with no time and no time zone.
///
/// Invariant: always a real day of that range; every constructor validates. The default is
/// 1970-01-01, a meaningful zero (the epoch of `serial()`), not a "null date": an absent date
/// is `std::optional<Date>`. Internally the date is its serial day number, so comparison,
/// subtraction and hashing are integer operations; Boost.Date_Time does the conversions to and
/// from year/month/day (its exceptions become crm::Error).
class CRM_EXPORT Date {
public:
    /// Serial of the first (1400-01-01) and last (9999-12-31) supported day.
    static constexpr std::int64_t min_serial = -208'188;
    static constexpr std::int64_t max_serial = 2'932'896;  ///< serial of the last supported day, 9999-12-31

    /// 1970-01-01.
    constexpr Date() noexcept = default;
    /// The given day; throws crm::Error(invalid_date) naming "date" when it does not exist
    /// (2023-02-29, month 13) or lies outside 1400..9999.
    Date(int year, unsigned month, unsigned day);

    /// Reads strictly `YYYY-MM-DD` (exactly ten characters, digits and two dashes). Other
    /// text throws parse_error naming `field`; a well-formed but impossible day
    /// ("2024-02-30", "2024-13-01") throws invalid_date naming `field`.
    [[nodiscard]] static Date parse(std::string_view iso, std::string_view field = "date");

    /// The date `serial` days after 1970-01-01 (negative: before). Throws invalid_date naming
    /// "serial" outside [min_serial, max_serial].
    [[nodiscard]] static constexpr Date from_serial(std::int64_t serial) {
        if (serial < min_serial || serial > max_serial)
            detail::throw_invalid_date("serial", "serial day number is outside 1400-01-01..9999-12-31");
        Date d;
        d.serial_ = static_cast<std::int32_t>(serial);
        return d;
    }
    /// Days since 1970-01-01: a dense, ordered integer key for arithmetic and hashing.
    [[nodiscard]] constexpr std::int64_t serial() const noexcept { return serial_; }

    /// 1400-01-01 and 9999-12-31.
    [[nodiscard]] static constexpr Date min() noexcept { return unchecked(min_serial); }
    /// The last supported day, 9999-12-31.
    [[nodiscard]] static constexpr Date max() noexcept { return unchecked(max_serial); }

    /// The year, month and day of the date.
    [[nodiscard]] YearMonthDay year_month_day() const noexcept;
    /// The year, 1400 to 9999.
    [[nodiscard]] int year() const noexcept { return year_month_day().year; }
    /// The month, 1 to 12.
    [[nodiscard]] unsigned month() const noexcept { return year_month_day().month; }
    /// The day of the month, 1 to 31.
    [[nodiscard]] unsigned day() const noexcept { return year_month_day().day; }
    /// 1 for 1 January, 366 for 31 December of a leap year.
    [[nodiscard]] unsigned day_of_year() const noexcept;
    /// 1970-01-01 was a Thursday.
    [[nodiscard]] constexpr Weekday weekday() const noexcept {
        return static_cast<Weekday>((serial_ % 7 + 10) % 7 + 1);
    }

    /// ISO 8601, `2024-02-29`.
    [[nodiscard]] std::string to_string() const;

    /// Memberwise equality.
    friend constexpr bool operator==(Date, Date) noexcept = default;
    /// Chronological order.
    friend constexpr std::strong_ordering operator<=>(Date, Date) noexcept = default;

    /// The days from `b` to `a`: 2024-03-01 - 2024-02-01 = 29 days.
    [[nodiscard]] friend constexpr Days operator-(Date a, Date b) noexcept {
        return Days{std::int64_t{a.serial_} - std::int64_t{b.serial_}};
    }
    /// `n` days later; throws crm::Error(overflow) naming "date" past either end of the range.
    [[nodiscard]] friend constexpr Date operator+(Date d, Days n) {
        if (n.count() > max_serial - d.serial_ || n.count() < min_serial - d.serial_)
            detail::throw_date_overflow("date", "date arithmetic leaves 1400-01-01..9999-12-31");
        return unchecked(d.serial_ + n.count());
    }
    /// `n` days later, as `d + n`.
    [[nodiscard]] friend constexpr Date operator+(Days n, Date d) { return d + n; }
    /// `n` days earlier; throws as `+` does.
    [[nodiscard]] friend constexpr Date operator-(Date d, Days n) {
        if (n.count() < d.serial_ - max_serial || n.count() > d.serial_ - min_serial)
            detail::throw_date_overflow("date", "date arithmetic leaves 1400-01-01..9999-12-31");
        return unchecked(d.serial_ - n.count());
    }
    /// Moves the date `n` days later; throws as `+` does.
    constexpr Date& operator+=(Days n) { return *this = *this + n; }
    /// Moves the date `n` days earlier; throws as `-` does.
    constexpr Date& operator-=(Days n) { return *this = *this - n; }

    // Adding two points in time has no meaning (what is 1 March + 5 March?).
    friend Date operator+(Date, Date) = delete;
    // A bare number has no unit: write `d + Days{n}`.
    template <std::integral I>
    friend Date operator+(Date, I) = delete;
    template <std::integral I>
    friend Date operator+(I, Date) = delete;
    template <std::integral I>
    friend Date operator-(Date, I) = delete;

private:
    [[nodiscard]] static constexpr Date unchecked(std::int64_t serial) noexcept {
        Date d;
        d.serial_ = static_cast<std::int32_t>(serial);
        return d;
    }
    std::int32_t serial_ = 0;  // days since 1970-01-01, in [min_serial, max_serial]
};

/// ISO 8601, `2024-02-29`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Date d);

/// Gregorian rule: every 4th year, except centuries, except every 4th century.
[[nodiscard]] constexpr bool is_leap_year(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// 28..31. Throws crm::Error(invalid_argument) naming "month" unless 1 <= month <= 12.
[[nodiscard]] CRM_EXPORT unsigned days_in_month(int year, unsigned month);

/// The last day of `d`'s month: 2024-02-10 -> 2024-02-29.
[[nodiscard]] CRM_EXPORT Date last_day_of_month(Date d);

}  // namespace crm

template <>
/// Hashes crm::Date by its serial day number, so it can key an unordered container.
struct std::hash<crm::Date> {
    /// The hash of `d.serial()`.
    std::size_t operator()(crm::Date d) const noexcept { return std::hash<std::int64_t>{}(d.serial()); }
};
