#pragma once
/// \file
/// Business hours for SLA clocks: a working window on every business day of a calendar, and
/// arithmetic in business minutes ("respond within 4 business hours").
///
/// Only time inside the window of a business day counts. A timestamp outside working hours
/// starts counting at the next window opening; a count that ends exactly at a closing time
/// ends there (not at the next opening). With 09:00-18:00 on the China calendar,
/// 2024-02-09 (Fri) 17:00 + 2 business hours = 2024-02-18 (the make-up Sunday) 10:00:
/// one hour on the 9th, the Spring Festival days off, then one hour on the 18th.
/// Proven by tests/time/business_hours_test.cpp.

#include <crm/export.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/time_of_day.hpp>

#include <cstdint>
#include <iosfwd>
#include <string_view>

namespace crm {

/// The daily working window [start, end): 09:00-18:00 by default (nine hours, lunch included).
/// Invariant: start < end (an end of 24:00 is allowed); the constructor validates.
class CRM_EXPORT WorkingHours {
public:
    /// 09:00-18:00.
    constexpr WorkingHours() noexcept : start_(9, 0), end_(18, 0) {}
    /// Throws crm::Error(invalid_argument) naming "working_hours.end" unless start < end.
    WorkingHours(TimeOfDay start, TimeOfDay end);
    /// Reads `HH:MM-HH:MM`, e.g. "09:00-18:00"; errors name `field`.
    [[nodiscard]] static WorkingHours parse(std::string_view text, std::string_view field = "working_hours");

    /// The first minute of the working window (default 09:00).
    [[nodiscard]] constexpr TimeOfDay start() const noexcept { return start_; }
    /// The end of the window, exclusive (default 18:00; 24:00 allowed).
    [[nodiscard]] constexpr TimeOfDay end() const noexcept { return end_; }
    /// Business minutes in one business day: 540 for 09:00-18:00.
    [[nodiscard]] constexpr Minutes length() const noexcept { return end_ - start_; }

    /// Memberwise equality.
    friend constexpr bool operator==(WorkingHours, WorkingHours) noexcept = default;

private:
    TimeOfDay start_;
    TimeOfDay end_;
};

/// `09:00-18:00`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, WorkingHours h);

/// True when `t` is on a business day and inside the window (start inclusive, end exclusive).
[[nodiscard]] CRM_EXPORT bool is_business_time(const Calendar& calendar, const WorkingHours& hours,
                                               DateTime t);

/// The earliest instant at or after `start` by which `duration` business minutes have elapsed
/// (duration > 0); `start` itself for zero; for a negative duration, the mirror: the latest
/// instant at or before `start` from which |duration| business minutes lead to `start`.
/// Always business_minutes_between(start, result) == duration.
/// With a strict calendar, out_of_range names `start` (outside the data) or `duration` (a
/// result outside the data); overflow names `duration` past 1400..9999.
[[nodiscard]] CRM_EXPORT DateTime add_business_time(const Calendar& calendar, const WorkingHours& hours,
                                                    DateTime start, Minutes duration);

/// add_business_time with whole hours: `add_business_hours(china, {}, t, 2)`.
[[nodiscard]] CRM_EXPORT DateTime add_business_hours(const Calendar& calendar, const WorkingHours& hours,
                                                     DateTime start, std::int64_t n);

/// The business minutes in [from, to): inside the windows of business days only; negative
/// (the mirror) when to < from. A strict calendar names `from` or `to` outside its data.
[[nodiscard]] CRM_EXPORT Minutes business_minutes_between(const Calendar& calendar, const WorkingHours& hours,
                                                          DateTime from, DateTime to);

}  // namespace crm
