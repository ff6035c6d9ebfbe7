#pragma once
/// \file
/// Business days counted over a period: how many business days a month, quarter or any
/// crm::Period holds on a calendar, and the n-th business day of it, without the
/// `first() - Days{1}` step that business_days_between's half-open count would need. Also
/// crm::BusinessDays, a count of business days as a policy states it ("3 business days").
/// Proven by tests/time/business_days_test.cpp.

#include <crm/export.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>
#include <crm/time/period.hpp>

#include <compare>
#include <cstdint>
#include <iosfwd>

namespace crm {

/// A number of business days on some calendar (not calendar days: see crm::Days), as SLA
/// targets and payment terms state them. Zero by default; printed `3 business days`, `1 business day`.
struct CRM_EXPORT BusinessDays {
    std::int64_t count = 0;  ///< the signed number of business days (工作日); default 0

    /// Memberwise equality.
    friend constexpr bool operator==(BusinessDays, BusinessDays) noexcept = default;
    /// Numeric order of the counts.
    friend constexpr std::strong_ordering operator<=>(BusinessDays, BusinessDays) noexcept = default;
};
/// Prints `3 business days`, `1 business day`, `-1 business day`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, BusinessDays d);

/// The business days d with first <= d <= last (both ends included): on the China calendar,
/// 2024-02-01..2024-02-29 holds 18 (21 weekdays, 5 of them Spring Festival, plus the make-up
/// Sundays 02-04 and 02-18). Equal ends count that day alone. Throws crm::Error naming `last`
/// (invalid_argument) when last < first, and what the calendar throws when strict and a day is
/// outside its data (`from`/`to` become `first`/`last`).
[[nodiscard]] CRM_EXPORT std::int64_t business_days_in(const Calendar& calendar, Date first, Date last);
/// The business days of the whole period, first() to last() inclusive.
[[nodiscard]] CRM_EXPORT std::int64_t business_days_in(const Calendar& calendar, const Period& period);

/// The n-th business day of the period: n = 1 the first, n = -1 the last, n = -2 the one
/// before it. February 2024 in China: 1st 02-01, 3rd 02-04 (a make-up Sunday), -1st 02-29.
/// Throws crm::Error naming `n`: invalid_argument for 0, out_of_range when the period has
/// fewer than |n| business days; and what a strict calendar throws outside its data.
[[nodiscard]] CRM_EXPORT Date nth_business_day(const Calendar& calendar, const Period& period,
                                               std::int64_t n);

}  // namespace crm
