// The calendar text format: Calendar::parse on its own and on top of the China calendar
// (with_text). Malformed text throws only crm::Error, and never overflow: every date the text
// can name is inside the supported range, so an overflow is the parser stepping past it.
// A calendar that parses answers queries at the edges of its data without failing.
#include <crm/time/calendar.hpp>

#include "fuzz.hpp"

namespace {

void exercise(const crm::Calendar& c) {
    crm_fuzz::never_throws(
        [&] {
            if (const auto range = c.data_range()) {
                for (const crm::Date d : {range->first, range->second}) {
                    (void)c.is_business_day(d);
                    (void)c.is_holiday(d);
                }
                (void)c.business_days_between(range->first, range->second);
            }
        },
        "a parsed calendar failed a query inside its own data range");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s = crm_fuzz::text(data, size);
    crm::ErrorCode code{};
    crm::Calendar alone;
    if (crm_fuzz::throws_crm_error([&] { alone = crm::Calendar::parse(s); }, &code)) {
        if (code == crm::ErrorCode::overflow) {
            crm_fuzz::fail("Calendar::parse overflowed on dates inside the supported range");
        }
    } else {
        exercise(alone);
    }
    static const crm::Calendar china = crm::china_mainland_calendar();
    crm::Calendar more;
    if (crm_fuzz::throws_crm_error([&] { more = china.with_text(s); }, &code)) {
        if (code == crm::ErrorCode::overflow) {
            crm_fuzz::fail("Calendar::with_text overflowed on dates inside the supported range");
        }
    } else {
        exercise(more);
    }
    return 0;
}
