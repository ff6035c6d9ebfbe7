#include <crm/version.hpp>

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("core.version") {
    TEST_CASE("the library linked in reports the version of the headers it was compiled with") {
        CHECK(crm::version() == CRM_VERSION_STRING);
    }

    TEST_CASE("the version string is MAJOR.MINOR.PATCH of the three macros") {
        const std::string expected = std::to_string(CRM_VERSION_MAJOR) + "." +
                                     std::to_string(CRM_VERSION_MINOR) + "." +
                                     std::to_string(CRM_VERSION_PATCH);
        CHECK(std::string(CRM_VERSION_STRING) == expected);
    }

#ifdef CRM_PROJECT_VERSION
    TEST_CASE("the version CMake read for the package is the version in the header") {
        CHECK(std::string(CRM_PROJECT_VERSION) == CRM_VERSION_STRING);
    }
#endif
}  // TEST_SUITE
