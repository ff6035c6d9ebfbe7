// Decimal::parse, with and without grouping: only crm::Error for malformed text; a value that
// parses prints without throwing, and its printed form parses back to the same value.
#include <crm/money/decimal.hpp>

#include <sstream>
#include <string>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s = crm_fuzz::text(data, size);
    for (const bool grouping : {false, true}) {
        crm::Decimal d;
        if (crm_fuzz::throws_crm_error([&] { d = crm::Decimal::parse(s, {.allow_grouping = grouping}); })) {
            continue;
        }
        std::string printed;
        crm_fuzz::never_throws([&] { printed = d.to_string(); }, "Decimal::to_string threw");
        crm_fuzz::never_throws(
            [&] {
                std::ostringstream os;
                os << d;
            },
            "operator<< (Decimal) threw");
        crm::Decimal back;
        if (crm_fuzz::throws_crm_error([&] { back = crm::Decimal::parse(printed); })) {
            crm_fuzz::fail("the printed form of a parsed Decimal does not parse");
        }
        if (!(back == d)) {
            crm_fuzz::fail("the printed form of a parsed Decimal parses to another value");
        }
    }
    return 0;
}
