// Money from text: the first line is the amount, the rest the currency code (CNY when empty).
// Malformed input throws only crm::Error; a Money that exists prints in every style without
// throwing and without an unbounded allocation (libFuzzer's -malloc_limit_mb catches those).
#include <crm/money/money.hpp>

#include <sstream>
#include <string>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto lines = crm_fuzz::split_line(crm_fuzz::text(data, size));
    const std::string_view amount = lines.first;
    const std::string_view code = lines.second.empty() ? std::string_view{"CNY"} : lines.second;
    crm::Money m;
    if (crm_fuzz::throws_crm_error([&] { m = crm::Money{amount, code}; })) {
        return 0;
    }
    for (const auto style : {crm::MoneyStyle::code, crm::MoneyStyle::symbol, crm::MoneyStyle::plain}) {
        crm_fuzz::never_throws([&] { (void)crm::format(m, style); }, "format(Money) threw");
    }
    crm_fuzz::never_throws(
        [&] {
            std::ostringstream os;
            os << m;
        },
        "operator<< (Money) threw");
    return 0;
}
