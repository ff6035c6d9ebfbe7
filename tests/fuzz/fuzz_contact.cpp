// Phone and e-mail text: the checks never throw, and masking never throws, keeps the length of a
// valid phone, and never shows the local part of a valid e-mail beyond its first character.
#include <crm/account/access.hpp>
#include <crm/account/account.hpp>

#include <string>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s = crm_fuzz::text(data, size);
    bool phone = false;
    bool email = false;
    crm_fuzz::never_throws([&] { phone = crm::account::is_valid_phone(s); }, "is_valid_phone threw");
    crm_fuzz::never_throws([&] { email = crm::account::is_valid_email(s); }, "is_valid_email threw");
    std::string masked_phone;
    std::string masked_email;
    (void)crm_fuzz::throws_crm_error([&] { masked_phone = crm::account::mask_phone(s); });
    (void)crm_fuzz::throws_crm_error([&] { masked_email = crm::account::mask_email(s); });
    if (phone && masked_phone.size() != s.size()) {
        crm_fuzz::fail("mask_phone changed the length of a valid phone");
    }
    if (email) {
        const auto at = s.find('@');
        const auto masked_at = masked_email.find('@');
        if (masked_at == std::string::npos || masked_email.substr(masked_at) != s.substr(at)) {
            crm_fuzz::fail("mask_email did not keep the domain of a valid e-mail");
        }
        // the local part's first character (one UTF-8 sequence, at most 4 bytes), then ***
        const std::string_view local = std::string_view(masked_email).substr(0, masked_at);
        const std::size_t kept = local.size() >= 3 ? local.size() - 3 : 0;
        if (local.size() < 4 || local.substr(kept) != "***" || kept > 4 ||
            s.substr(0, kept) != local.substr(0, kept)) {
            crm_fuzz::fail("mask_email shows more of a valid e-mail's local part than its first character");
        }
    }
    return 0;
}
