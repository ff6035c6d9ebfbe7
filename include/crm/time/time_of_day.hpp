#pragma once
/// \file
/// Clock times for SLA clocks: a duration in minutes, a time of day, and a date with a time.
///
/// - crm::Minutes is a duration: a signed count of whole minutes (crm::Duration, as crm::Days).
/// - crm::TimeOfDay is a point on the wall clock, 00:00..24:00 (24:00 is the end of the day, as
///   ISO 8601 allows, so that a working window may close at midnight).
/// - crm::DateTime is a Date with a TimeOfDay: a local timestamp with no time zone.
/// As with dates, a point and a duration are different types: time - time = minutes, and a bare
/// number is never a time. Proven by tests/time/time_of_day_test.cpp.

#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string>
#include <string_view>

namespace crm {

namespace detail {
/// Throw crm::Error(invalid_argument) naming `field`; defined in src/time/time_of_day.cpp so
/// that the constexpr callers stay small.
[[noreturn]] CRM_EXPORT void throw_invalid_time(std::string_view field, std::string_view message);
}  // namespace detail

/// A time on the wall clock, as minutes since midnight: 00:00 (0) .. 24:00 (1440).
///
/// Invariant: always within that range; every constructor validates. The default is 00:00.
/// 24:00 is the end of the day (ISO 8601), useful as a closing time.
class CRM_EXPORT TimeOfDay {
public:
    /// The minutes in a day, 1440: the value of 24:00.
    static constexpr std::int64_t minutes_per_day = 1440;

    /// 00:00.
    constexpr TimeOfDay() noexcept = default;
    /// hour:minute; throws crm::Error(invalid_argument) naming "time" unless 0 <= hour <= 23
    /// and 0 <= minute <= 59, or the time is exactly 24:00.
    constexpr TimeOfDay(int hour, int minute) {
        if (!((hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59) || (hour == 24 && minute == 0)))
            detail::throw_invalid_time("time", "a time of day is 00:00..23:59 or 24:00");
        minutes_ = hour * 60 + minute;
    }
    /// `m` minutes after midnight; throws invalid_argument naming "minutes" outside 0..1440.
    [[nodiscard]] static constexpr TimeOfDay from_minutes(std::int64_t m) {
        if (m < 0 || m > minutes_per_day)
            detail::throw_invalid_time("minutes", "a time of day is 0..1440 minutes");
        TimeOfDay t;
        t.minutes_ = static_cast<std::int32_t>(m);
        return t;
    }
    /// 24:00.
    [[nodiscard]] static constexpr TimeOfDay end_of_day() noexcept {
        TimeOfDay t;
        t.minutes_ = minutes_per_day;
        return t;
    }
    /// Reads strictly `HH:MM` (five characters). Other text throws parse_error naming
    /// `field`; a well-formed impossible time ("25:00", "12:60", "24:01") throws
    /// invalid_argument naming `field`.
    [[nodiscard]] static TimeOfDay parse(std::string_view text, std::string_view field = "time");

    /// Minutes since midnight, 0..1440.
    [[nodiscard]] constexpr std::int64_t minutes() const noexcept { return minutes_; }
    /// The hour, 0 to 24 (24 only for 24:00).
    [[nodiscard]] constexpr int hour() const noexcept { return minutes_ / 60; }
    /// The minute of the hour, 0 to 59.
    [[nodiscard]] constexpr int minute() const noexcept { return minutes_ % 60; }

    /// `09:05`.
    [[nodiscard]] std::string to_string() const;

    /// Memberwise equality.
    friend constexpr bool operator==(TimeOfDay, TimeOfDay) noexcept = default;
    /// Chronological order within the day.
    friend constexpr std::strong_ordering operator<=>(TimeOfDay, TimeOfDay) noexcept = default;

    /// The clock minutes from `b` to `a`: 18:00 - 09:00 = 540 minutes.
    [[nodiscard]] friend constexpr Minutes operator-(TimeOfDay a, TimeOfDay b) noexcept {
        return Minutes{std::int64_t{a.minutes_} - std::int64_t{b.minutes_}};
    }
    // Two clock readings cannot be added, nor can a bare number.
    friend TimeOfDay operator+(TimeOfDay, TimeOfDay) = delete;
    template <std::integral I>
    friend TimeOfDay operator+(TimeOfDay, I) = delete;

private:
    std::int32_t minutes_ = 0;
};

/// `09:05`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, TimeOfDay t);

/// A local timestamp to the minute: a date and a time of day, no time zone.
///
/// Compared as instants: `{d, 24:00}` equals `{d + 1, 00:00}` (the same moment written two
/// ways, as 1.50 and 1.5 are the same decimal) and orders with it; the two print differently.
struct CRM_EXPORT DateTime {
    Date date;       ///< the calendar day
    TimeOfDay time;  ///< the time on that day, 00:00 to 24:00 (24:00 is the next day's 00:00)

    /// Reads `YYYY-MM-DD HH:MM` (a `T` instead of the space is accepted). Other text throws
    /// parse_error naming `field`; an impossible date or time throws as Date::parse or
    /// TimeOfDay::parse do, naming `field`.
    [[nodiscard]] static DateTime parse(std::string_view text, std::string_view field = "date_time");

    /// Minutes since 1970-01-01 00:00: the instant this timestamp denotes.
    [[nodiscard]] constexpr std::int64_t instant() const noexcept {
        return date.serial() * TimeOfDay::minutes_per_day + time.minutes();
    }
    /// `2024-02-09 17:00`.
    [[nodiscard]] std::string to_string() const;

    /// The same instant: `{d, 24:00}` == `{d + 1, 00:00}`.
    friend constexpr bool operator==(const DateTime& a, const DateTime& b) noexcept {
        return a.instant() == b.instant();
    }
    /// Ordered as instants.
    friend constexpr std::strong_ordering operator<=>(const DateTime& a, const DateTime& b) noexcept {
        return a.instant() <=> b.instant();
    }
    /// The clock minutes from `b` to `a` (not business minutes: see business_hours.hpp).
    [[nodiscard]] friend constexpr Minutes operator-(const DateTime& a, const DateTime& b) noexcept {
        return Minutes{a.instant() - b.instant()};
    }
};

/// `2024-02-09 17:00`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const DateTime& t);

}  // namespace crm
