// Date::parse (YYYY-MM-DD) and parse_weekday: only crm::Error for malformed text; a date that
// parses prints as the very text it came from (the format is strict: exactly ten characters).
#include <crm/time/date.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s = crm_fuzz::text(data, size);
    crm::Date d;
    if (!crm_fuzz::throws_crm_error([&] { d = crm::Date::parse(s); })) {
        std::string printed;
        crm_fuzz::never_throws([&] { printed = d.to_string(); }, "Date::to_string threw");
        if (printed != s) {
            crm_fuzz::fail("a parsed date does not print as its text");
        }
    }
    (void)crm_fuzz::throws_crm_error([&] { (void)crm::parse_weekday(s); });
    return 0;
}
