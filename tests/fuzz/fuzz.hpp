#pragma once
// Shared by the libFuzzer targets of tests/fuzz: the contract every parser is held to.
// Malformed text may only throw crm::Error; any other exception, a crash, a sanitizer report,
// an allocation over libFuzzer's -malloc_limit_mb or a broken property aborts the run.

#include <crm/core/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace crm_fuzz {

/// The fuzzer's bytes as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Aborts with `what` (libFuzzer keeps the input as a crash reproducer).
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz property broken: %s\n", what);
    std::abort();
}

/// Runs `f`; a crm::Error is the accepted answer to malformed input and is returned as
/// true (`*code` receives its code when given); anything else escapes to libFuzzer.
template <class F>
bool throws_crm_error(F&& f, crm::ErrorCode* code = nullptr) {
    try {
        f();
        return false;
    } catch (const crm::Error& e) {
        if (code != nullptr) {
            *code = e.code();
        }
        return true;
    }
}

/// Runs `f`, which must not throw at all (printing a valid value, say).
template <class F>
void never_throws(F&& f, const char* what) {
    try {
        f();
    } catch (...) {
        fail(what);
    }
}

/// Splits at the first newline: two inputs from one buffer (amount and currency, say).
inline std::pair<std::string_view, std::string_view> split_line(std::string_view s) {
    const auto nl = s.find('\n');
    if (nl == std::string_view::npos) {
        return {s, {}};
    }
    return {s.substr(0, nl), s.substr(nl + 1)};
}

}  // namespace crm_fuzz
