#include <crm/core/error.hpp>
#include <crm/time/business_days.hpp>

#include <ostream>
#include <string>

namespace crm {

std::ostream& operator<<(std::ostream& os, BusinessDays d) {
    return os << d.count << (d.count == 1 || d.count == -1 ? " business day" : " business days");
}

std::int64_t business_days_in(const Calendar& calendar, Date first, Date last) {
    if (last < first)
        throw Error(ErrorCode::invalid_argument, "last",
                    "the range ends (" + last.to_string() + ") before it starts (" + first.to_string() + ")");
    calendar.require_covered(first, "first");
    calendar.require_covered(last, "last");
    // (first, last] by rank, plus first itself
    const std::int64_t after_first = calendar.strict(false).business_days_between(first, last);
    return after_first + (calendar.strict(false).is_business_day(first) ? 1 : 0);
}

std::int64_t business_days_in(const Calendar& calendar, const Period& period) {
    return business_days_in(calendar, period.first(), period.last());
}

Date nth_business_day(const Calendar& calendar, const Period& period, std::int64_t n) {
    if (n == 0)
        throw Error(ErrorCode::invalid_argument, "n",
                    "business days are counted from 1 (or -1 from the end)");
    const std::int64_t count = business_days_in(calendar, period);
    if (n > count || n < -count)
        throw Error(ErrorCode::out_of_range, "n",
                    period.to_string() + " has " + std::to_string(count) + " business days, not " +
                        std::to_string(n > 0 ? n : -n));
    const Calendar lenient =
        calendar.strict(false);  // every day asked about is inside the period, checked above
    if (n > 0) {
        const Date first = period.first();
        if (!lenient.is_business_day(first)) return lenient.add_business_days(first, n);
        return n == 1 ? first : lenient.add_business_days(first, n - 1);
    }
    const Date last = period.last();
    if (!lenient.is_business_day(last)) return lenient.add_business_days(last, n);
    return n == -1 ? last : lenient.add_business_days(last, n + 1);
}

}  // namespace crm
