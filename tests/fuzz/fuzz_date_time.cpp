// DateTime::parse and TimeOfDay::parse: only crm::Error for malformed text; what parses prints,
// and the printed form parses back to the same value.
#include <crm/time/time_of_day.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s = crm_fuzz::text(data, size);
    crm::DateTime t;
    if (!crm_fuzz::throws_crm_error([&] { t = crm::DateTime::parse(s); })) {
        std::string printed;
        crm_fuzz::never_throws([&] { printed = t.to_string(); }, "DateTime::to_string threw");
        crm::DateTime back;
        if (crm_fuzz::throws_crm_error([&] { back = crm::DateTime::parse(printed); }) || !(back == t)) {
            crm_fuzz::fail("a printed DateTime does not parse back to itself");
        }
    }
    crm::TimeOfDay tod;
    if (!crm_fuzz::throws_crm_error([&] { tod = crm::TimeOfDay::parse(s); })) {
        std::string printed;
        crm_fuzz::never_throws([&] { printed = tod.to_string(); }, "TimeOfDay::to_string threw");
        crm::TimeOfDay back;
        if (crm_fuzz::throws_crm_error([&] { back = crm::TimeOfDay::parse(printed); }) || !(back == tod)) {
            crm_fuzz::fail("a printed TimeOfDay does not parse back to itself");
        }
    }
    return 0;
}
