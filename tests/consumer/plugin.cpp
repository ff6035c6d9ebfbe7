// A plugin as a host would write one: a shared object with a C entry point that uses crmrules
// inside. Linking it against the static libcrmrules.a proves the archive is position-independent
// ("relocation R_X86_64_PC32 ... recompile with -fPIC" otherwise).
#include <crm/money/decimal.hpp>
#include <crm/version.hpp>

#include <cstring>
#include <string>

extern "C" {

#if defined(_WIN32)
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
    /// Writes the exact sum of two decimal strings into out (NUL-terminated); 0 on success, 1 when
    /// the input is malformed or out is too small.
    int crm_plugin_add(const char* a, const char* b, char* out, std::size_t size) {
    try {
        const std::string sum = (crm::Decimal{a} + crm::Decimal{b}).to_string();
        if (sum.size() + 1 > size) {
            return 1;
        }
        std::memcpy(out, sum.c_str(), sum.size() + 1);
        return 0;
    } catch (...) {
        return 1;
    }
}

#if defined(_WIN32)
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
    /// The crmrules version the plugin was linked with.
    const char* crm_plugin_version() {
    return crm::version().data();
}
}
