// parse_segment and parse_status: only crm::Error for unknown text; what parses is a valid
// enumerator whose English and Chinese names parse back to it.
#include <crm/account/account.hpp>

#include <string>

#include "fuzz.hpp"

namespace {

template <class E, class Parse>
void round_trip(std::string_view s, Parse parse, const char* what) {
    E value{};
    if (crm_fuzz::throws_crm_error([&] { value = parse(s); })) {
        return;
    }
    crm_fuzz::never_throws(
        [&] {
            if (parse(crm::account::to_string(value)) != value ||
                parse(crm::account::display_name(value, crm::Lang::zh)) != value) {
                crm_fuzz::fail(what);
            }
        },
        what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s = crm_fuzz::text(data, size);
    round_trip<crm::account::Segment>(
        s, [](std::string_view t) { return crm::account::parse_segment(t); },
        "a parsed segment's names do not parse back to it");
    round_trip<crm::account::Status>(
        s, [](std::string_view t) { return crm::account::parse_status(t); },
        "a parsed status's names do not parse back to it");
    return 0;
}
