#pragma once
/// \file
/// The version of crmrules: macros for the preprocessor and crm::version() for the library a
/// program actually runs with. While the major version is 0, a new minor version may break
/// the ABI and the API (the shared library's SONAME is libcrmrules.so.0.MINOR); a new patch
/// version never does. CMakeLists.txt reads the project version from this file, and
/// tests/core/version_test.cpp checks that the header and the built library agree.

#include <crm/config.hpp>

#include <string_view>

/// The major version: 0 until the API is declared stable.
#define CRM_VERSION_MAJOR 0
/// The minor version: while the major is 0, a change of minor is an ABI and API break.
#define CRM_VERSION_MINOR 1
/// The patch version: fixes that keep the ABI and the API.
#define CRM_VERSION_PATCH 0

#define CRM_DETAIL_STRINGIZE_(x) #x
#define CRM_DETAIL_STRINGIZE(x) CRM_DETAIL_STRINGIZE_(x)

/// The version as a string literal, "MAJOR.MINOR.PATCH", e.g. "0.1.0".
#define CRM_VERSION_STRING                  \
    CRM_DETAIL_STRINGIZE(CRM_VERSION_MAJOR) \
    "." CRM_DETAIL_STRINGIZE(CRM_VERSION_MINOR) "." CRM_DETAIL_STRINGIZE(CRM_VERSION_PATCH)

namespace crm {

/// The version of the crmrules library linked into the program, "MAJOR.MINOR.PATCH". It equals
/// CRM_VERSION_STRING unless the program was compiled against other headers than the library
/// it runs with (a host can compare the two at start-up).
[[nodiscard]] CRM_EXPORT std::string_view version() noexcept;

}  // namespace crm
