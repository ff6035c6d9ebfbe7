// WorkingHours::parse (HH:MM-HH:MM): only crm::Error for malformed text; what parses is a
// window with start < end and a positive length.
#include <crm/time/business_hours.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    crm::WorkingHours h;
    if (!crm_fuzz::throws_crm_error([&] { h = crm::WorkingHours::parse(crm_fuzz::text(data, size)); })) {
        if (!(h.start() < h.end()) || h.length().count() <= 0) {
            crm_fuzz::fail("a parsed working window is empty or reversed");
        }
    }
    return 0;
}
