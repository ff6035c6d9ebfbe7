import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load


class CrmrulesConan(ConanFile):
    name = "crmrules"
    # version: read from include/crm/version.hpp (set_version), like CMakeLists.txt does
    license = "BSL-1.0"
    description = "Key-account business rules as pure functions over value types"
    topics = ("crm", "decimal", "money", "business-rules")
    package_type = "library"
    settings = "os", "compiler", "build_type", "arch"
    options = {"shared": [True, False], "fPIC": [True, False]}
    # Boost is used header-only (Multiprecision, Date_Time): an online user must not build all of
    # Boost. With the Debian profile Boost comes from apt ([platform_requires]) instead.
    default_options = {"shared": False, "fPIC": True, "boost/*:header_only": True}

    def set_version(self):
        header = load(self, os.path.join(self.recipe_folder, "..", "include", "crm", "version.hpp"))
        parts = [re.search(rf"#define CRM_VERSION_{p} (\d+)", header).group(1)
                 for p in ("MAJOR", "MINOR", "PATCH")]
        self.version = ".".join(parts)

    def export_sources(self):
        # the recipe lives in conan/; the project root is one level up
        root = os.path.join(self.recipe_folder, "..")
        for pattern in ("CMakeLists.txt", "LICENSE", "cmake/*", "include/*", "src/*"):
            copy(self, pattern, root, self.export_sources_folder)

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def validate(self):
        # The headers need C++20 (concepts, <compare>, designated initialisers): refuse a
        # profile below it (`conan profile detect` gives gnu17 with GCC 12) instead of failing
        # in the consumer's compile.
        check_min_cppstd(self, 20)

    def layout(self):
        self.folders.root = ".."
        cmake_layout(self)

    def requirements(self):
        # header-only use of Boost.Multiprecision and Boost.Date_Time; Debian 12 has 1.74
        self.requires("boost/[>=1.74 <2]")
        # libcrypto: SHA-256 of approval fingerprints; Debian 12 has 3.0
        self.requires("openssl/[>=3.0 <4]")

    def build_requirements(self):
        self.test_requires("doctest/[>=2.4.9 <3]")

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["CRM_BUILD_TESTS"] = False
        tc.cache_variables["CRM_BUILD_EXAMPLES"] = False
        tc.cache_variables["CRM_BUILD_BENCH"] = False
        tc.cache_variables["CRM_BUILD_DOCS"] = False
        # the JSON documents and the crm command line are not part of the Conan package yet
        tc.cache_variables["CRM_BUILD_IO"] = False
        tc.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        cmake = CMake(self)
        cmake.install()

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "crmrules")
        self.cpp_info.set_property("cmake_target_name", "crm::crmrules")
        self.cpp_info.set_property("pkg_config_name", "crmrules")
        self.cpp_info.libs = ["crmrules"]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["pthread", "m"]
