import os

from conan import ConanFile
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy


class CrmrulesConan(ConanFile):
    name = "crmrules"
    version = "0.1.0"
    license = "BSL-1.0"
    description = "Key-account business rules as pure functions over value types"
    topics = ("crm", "decimal", "money", "business-rules")
    package_type = "library"
    settings = "os", "compiler", "build_type", "arch"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}

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
        self.cpp_info.libs = ["crmrules"]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["pthread", "m"]
