#pragma once
/// \file
/// Business calendars: which days are worked, and arithmetic in business days.
///
/// A crm::Calendar models a working week (its weekend days), public holidays (days off), and
/// make-up working days (调休上班: a weekend day that is worked). A day is a business day when
/// it is a make-up working day, or when it is neither a weekend day nor a holiday.
///
/// Calendars are immutable values. Adding holidays makes a new calendar and never changes
/// another one (the holiday data is shared between copies only because nobody can change it),
/// so copies are cheap and any calendar may be used from many threads at once.
///
/// The mainland-China calendar with the official 2024-2026 data is
/// crm::china_mainland_calendar(); later years are added with Calendar::with_text() in the
/// same text format the shipped data is written in. Proven by tests/time/calendar_test.cpp.

#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm {

/// How a date that is not a business day is moved onto one (ISDA's names).
///
/// | convention         | 2025-05-31 (Sat, Dragon Boat) on the China calendar     |
/// |--------------------|---------------------------------------------------------|
/// | unadjusted         | 2025-05-31: kept as it is                               |
/// | following          | 2025-06-03: the first business day on or after          |
/// | preceding          | 2025-05-30: the last business day on or before          |
/// | modified_following | 2025-05-30: following, unless that leaves the month     |
/// | modified_preceding | 2025-05-30: preceding, unless that leaves the month     |
/// Tabulated for two dates in docs/time.md and proven by tests/time/calendar_test.cpp.
enum class BusinessDayConvention { unadjusted, following, preceding, modified_following, modified_preceding };

/// The enumerator's name, e.g. "modified_following".
[[nodiscard]] CRM_EXPORT std::string_view to_string(BusinessDayConvention c) noexcept;
/// Prints to_string(c).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, BusinessDayConvention c);

/// The lists a calendar is built from. An aggregate meant for designated initialisers:
/// `Calendar::Spec{.name = "plant", .holidays = {...}}`. Order and repetition in the lists do
/// not matter (a calendar stores each date once, sorted).
struct CRM_EXPORT CalendarSpec {
    std::string name{};  ///< a name for people and messages (e.g. `china`); may be empty
    /// The days off of every week; may be empty (a seven-day working week) but not all seven.
    std::vector<Weekday> weekend{Weekday::saturday, Weekday::sunday};
    /// Days off. A holiday may fall on a weekend day (it then changes nothing).
    std::vector<Date> holidays{};
    /// Make-up working days: each must be a weekend day, and none may also be a holiday.
    std::vector<Date> working_days{};
    /// Asking about a day outside the data's years throws ErrorCode::out_of_range.
    bool strict = false;
};

/// A business calendar: weekend days, holidays and make-up working days; see the file comment.
///
/// **Data range.** The whole years that hold any holiday or make-up working day, e.g.
/// 2024-01-01..2026-12-31 for the China calendar; adding a later year extends it. Outside it a
/// calendar knows only its weekend. A **lenient** calendar (the default) answers there from the
/// weekend alone; a **strict** one throws crm::Error(out_of_range) naming the argument
/// (`date`, `from`, `to`, or `n` when the result would lie outside). A calendar without any
/// holiday data has no range, so strictness changes nothing for it.
///
/// **Cost.** Building indexes the data range (eight bytes per day); afterwards every query is
/// O(1): add_business_days is two table reads inside the range and whole-week arithmetic
/// outside it. Copies share the immutable data (one reference count).
class CRM_EXPORT Calendar {
public:
    /// The lists a calendar is built from (CalendarSpec).
    using Spec = CalendarSpec;

    /// Weekend Saturday and Sunday, no holidays, lenient, named "weekends only".
    Calendar();
    /// Validates `spec`; throws crm::Error naming the field: invalid_argument for a weekend
    /// day that is not a Weekday (`weekend[1]`), a weekend of all seven days (`weekend`), a
    /// make-up working day that is not a weekend day (`working_days[3]`); inconsistent for a
    /// date that is both a holiday and a working day (`working_days[3]`).
    explicit Calendar(Spec spec);

    /// Reads the calendar text format and adds its lines to `base`:
    /// ```
    /// # comments start with '#', blank lines are ignored
    /// weekend saturday sunday             # replaces the weekend (English day names)
    /// 2027-01-01 holiday 元旦              # a day off; the rest of the line is a label
    /// 2027-02-06..2027-02-13 holiday 春节  # an inclusive range, at most 366 days
    /// 2027-02-14 workday 春节调休          # a make-up working day
    /// ```
    /// A line that does not parse throws parse_error naming `line N` (1-based); a date that
    /// does not exist, an unknown day name, a bad range or a make-up day on a working weekday
    /// throws naming `line N` too. The shipped China data is written in this format.
    [[nodiscard]] static Calendar parse(std::string_view text);
    /// As above, adding the lines to `base` (its name, weekend, holidays, working days and strictness)
    /// instead of an empty spec.
    [[nodiscard]] static Calendar parse(std::string_view text, Spec base);

    /// This calendar plus the given holidays (errors name `holidays[i]`, i into `days`).
    [[nodiscard]] Calendar with_holidays(std::span<const Date> days) const;
    /// This calendar plus the given make-up working days (errors name `working_days[i]`).
    [[nodiscard]] Calendar with_working_days(std::span<const Date> days) const;
    /// This calendar plus the lines of `text` (the format of parse()): how a caller adds
    /// 2027 to the China calendar without rebuilding the library.
    [[nodiscard]] Calendar with_text(std::string_view text) const;
    /// The same calendar, strict or lenient; shares the data.
    [[nodiscard]] Calendar strict(bool on) const;

    /// The calendar's name, as its spec gave it ("weekends only" for the default calendar).
    [[nodiscard]] const std::string& name() const noexcept;
    /// The weekend days, Monday first.
    [[nodiscard]] const std::vector<Weekday>& weekend() const noexcept;
    /// Holidays, ascending, each once.
    [[nodiscard]] const std::vector<Date>& holidays() const noexcept;
    /// Make-up working days, ascending, each once.
    [[nodiscard]] const std::vector<Date>& working_days() const noexcept;
    /// First and last day of the whole years the data covers; empty without data.
    [[nodiscard]] std::optional<std::pair<Date, Date>> data_range() const noexcept;
    /// True when a question outside the data range throws rather than answering from the weekend.
    [[nodiscard]] bool is_strict() const noexcept { return strict_; }
    /// True when `d` lies inside data_range(), or the calendar has no holiday data at all (then
    /// there is nothing it could be missing).
    [[nodiscard]] bool covers(Date d) const noexcept;
    /// Throws crm::Error(out_of_range) naming `field` when the calendar is strict and does not
    /// cover `d`. The message names the first or last day the data covers and how to add the
    /// missing year (the State Council's notice, through with_text or with_holidays /
    /// with_working_days). Every query of a strict calendar checks its dates this way.
    void require_covered(Date d, std::string_view field) const;

    /// Throws out_of_range naming `date` only when strict and `d` lies outside the data.
    [[nodiscard]] bool is_business_day(Date d) const;
    /// A listed holiday (whatever its weekday). Strictness as is_business_day.
    [[nodiscard]] bool is_holiday(Date d) const;
    /// A weekend day by the weekly pattern alone (never throws).
    [[nodiscard]] bool is_weekend(Date d) const noexcept;
    /// A listed make-up working day. Strictness as is_business_day.
    [[nodiscard]] bool is_working_weekend(Date d) const;

    /// n > 0: the n-th business day after d (d itself never counts, need not be a business day);
    /// n < 0: the |n|-th business day before d; n == 0: d if it is a business day, else the
    /// following one. On the China calendar 2024-09-30 + 1 = 2024-10-08 (National Day).
    /// Throws overflow naming `n` when the result would leave 1400..9999.
    [[nodiscard]] Date add_business_days(Date d, std::int64_t n) const;
    /// Business days b with from < b <= to (so add_business_days(from, n) == to implies n when
    /// to is a business day); negative (the mirror count) when to < from; 0 when equal.
    [[nodiscard]] std::int64_t business_days_between(Date from, Date to) const;
    /// `d` moved onto a business day by `c` (see BusinessDayConvention).
    [[nodiscard]] Date adjust(Date d, BusinessDayConvention c) const;
    /// The first business day strictly after `d`.
    [[nodiscard]] Date next_business_day(Date d) const;
    /// The last business day strictly before `d`.
    [[nodiscard]] Date previous_business_day(Date d) const;

    /// Same weekend, holidays, working days and strictness; the name is a label and is ignored.
    friend CRM_EXPORT bool operator==(const Calendar& a, const Calendar& b) noexcept;

    struct Impl;  ///< the immutable shared data and its index (src/time/calendar.cpp)

private:
    Calendar(std::shared_ptr<const Impl> impl, bool strict) noexcept
        : impl_(std::move(impl)), strict_(strict) {}

    std::shared_ptr<const Impl> impl_;
    bool strict_ = false;
};

/// `mainland China (weekend saturday sunday, 89 holidays, 19 working days, 2024-01-01..2026-12-31, strict)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Calendar& c);

/// Mainland China: Saturday-Sunday weekend plus the State Council's official public holidays
/// and make-up working days of 2024, 2025 and 2026 (sources cited in
/// src/time/china_holidays.cpp); data range 2024-01-01..2026-12-31. Extend with later years
/// through Calendar::with_text(). Proven year by year by tests/time/calendar_test.cpp.
///
/// **Strict by default**: a question about a day outside 2024..2026 throws
/// crm::Error(out_of_range) naming the argument, with the last covered day and how to add the
/// next notice in its message, instead of quietly counting weekends only (Spring Festival moves
/// every year, and the next year's notice is published each autumn). `strict = false` (or
/// `.strict(false)`) asks for the weekends-only answer outside the data knowingly.
[[nodiscard]] CRM_EXPORT Calendar china_mainland_calendar(bool strict = true);

/// The shipped China data in the calendar text format (the very text china_mainland_calendar()
/// parses), for printing or for starting a file of later years.
[[nodiscard]] CRM_EXPORT std::string_view china_mainland_calendar_text() noexcept;

}  // namespace crm
