#include <crm/core/error.hpp>
#include <crm/time/business_hours.hpp>

#include <algorithm>
#include <ostream>
#include <string>

namespace crm {

WorkingHours::WorkingHours(TimeOfDay start, TimeOfDay end) : start_(start), end_(end) {
    if (!(start < end))
        throw Error(ErrorCode::invalid_argument, "working_hours.end",
                    "the window " + start.to_string() + "-" + end.to_string() + " must end after it starts");
}

WorkingHours WorkingHours::parse(std::string_view text, std::string_view field) {
    if (text.size() != 11 || text[5] != '-')
        throw Error(ErrorCode::parse_error, std::string(field), "expected working hours as HH:MM-HH:MM");
    const TimeOfDay start = TimeOfDay::parse(text.substr(0, 5), field);
    const TimeOfDay end = TimeOfDay::parse(text.substr(6), field);
    if (!(start < end))
        throw Error(ErrorCode::invalid_argument, std::string(field), "the window must end after it starts");
    return WorkingHours(start, end);
}

std::ostream& operator<<(std::ostream& os, WorkingHours h) { return os << h.start() << '-' << h.end(); }

namespace {

// Business minutes are counted with a virtual clock M: M(t) = W * (business days before
// t.date) + the minutes of t.date's window already past at t (0 if t.date is no business day),
// W being the window's length. Then business minutes between a and b = M(b) - M(a), and adding
// n minutes is finding the instant where M reaches M(start) + n. Everything is computed
// relative to start.date, through the calendar's O(1) day arithmetic.

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b < 0) ? q - 1 : q;
}

// Minutes of d's window already past at `t` (t on day d; 24:00 counts as the end of day d).
std::int64_t window_minutes_past(const WorkingHours& hours, bool business_day, TimeOfDay t) {
    if (!business_day) return 0;
    return std::clamp(t.minutes() - hours.start().minutes(), std::int64_t{0}, hours.length().count());
}

void check_in_data(const Calendar& calendar, Date d, const char* field) {
    calendar.require_covered(d, field);
}

}  // namespace

bool is_business_time(const Calendar& calendar, const WorkingHours& hours, DateTime t) {
    check_in_data(calendar, t.date, "t");
    return t.time >= hours.start() && t.time < hours.end() && calendar.strict(false).is_business_day(t.date);
}

DateTime add_business_time(const Calendar& strict_calendar, const WorkingHours& hours, DateTime start,
                           Minutes duration) {
    check_in_data(strict_calendar, start.date, "start");
    const std::int64_t n = duration.count();
    if (n == 0) return start;
    const std::int64_t w = hours.length().count();
    // each business day holds at most w minutes and there are fewer than this many days
    constexpr std::int64_t max_days = Date::max_serial - Date::min_serial + 1;
    if (n > w * max_days || n < -w * max_days)
        throw Error(ErrorCode::overflow, "duration", "the result leaves 1400-01-01..9999-12-31");

    const Calendar calendar = strict_calendar.strict(false);
    const Date d0 = start.date;
    const bool business0 = calendar.is_business_day(d0);
    // the target, in minutes from the opening of the first business day on or after d0
    const std::int64_t target = window_minutes_past(hours, business0, start.time) + n;
    // Business day number j counts from d0: j = 1 is the first business day on or after d0,
    // j = 0 the last one before it. Adding, the result is the earliest instant reaching the
    // target, so a target at a multiple of w is a closing time (offset w); subtracting, the
    // latest, so it is an opening time (offset 0).
    const std::int64_t q = n > 0 ? floor_div(target - 1, w) : floor_div(target, w);
    const std::int64_t offset = target - q * w;  // adding: 1..w; subtracting: 0..w-1
    const std::int64_t j = q + 1;
    Date day;
    try {
        if (j >= 1)
            day = calendar.add_business_days(d0, business0 ? j - 1 : j);
        else
            day = calendar.add_business_days(d0, j - 1);
    } catch (const Error& e) {
        throw Error(e.code(), "duration", e.message());
    }
    check_in_data(strict_calendar, day, "duration");
    return DateTime{day, TimeOfDay::from_minutes(hours.start().minutes() + offset)};
}

DateTime add_business_hours(const Calendar& calendar, const WorkingHours& hours, DateTime start,
                            std::int64_t n) {
    return add_business_time(calendar, hours, start, Minutes::hours(n));
}

Minutes business_minutes_between(const Calendar& strict_calendar, const WorkingHours& hours, DateTime from,
                                 DateTime to) {
    check_in_data(strict_calendar, from.date, "from");
    check_in_data(strict_calendar, to.date, "to");
    const Calendar calendar = strict_calendar.strict(false);
    const bool business_from = calendar.is_business_day(from.date);
    const bool business_to = calendar.is_business_day(to.date);
    // business days before to.date minus business days before from.date
    const std::int64_t days =
        calendar.business_days_between(from.date, to.date) - (business_to ? 1 : 0) + (business_from ? 1 : 0);
    return Minutes{days * hours.length().count() + window_minutes_past(hours, business_to, to.time) -
                   window_minutes_past(hours, business_from, from.time)};
}

}  // namespace crm
