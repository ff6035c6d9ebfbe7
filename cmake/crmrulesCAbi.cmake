# The C ABI: libcrmrules_c.so (crmrules_c.dll), exporting only the crm_* functions of
# include/crm/c/crmrules.h. crmrules and crmrules_io are linked privately (statically unless
# BUILD_SHARED_LIBS makes crmrules shared), so a host loads one library and sees no C++ symbol.
file(GLOB CRM_C_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/c/*.cpp")
add_library(crmrules_c SHARED ${CRM_C_SOURCES} "${PROJECT_SOURCE_DIR}/include/crm/c/crmrules.h")
add_library(crm::c ALIAS crmrules_c)
target_include_directories(crmrules_c PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(crmrules_c PRIVATE crm::io)
target_compile_definitions(crmrules_c PRIVATE CRM_C_BUILDING)
crm_set_warnings(crmrules_c)
set_target_properties(crmrules_c PROPERTIES
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    VERSION ${PROJECT_VERSION}
    SOVERSION ${CRM_SOVERSION}
    LIBRARY_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/lib"
    RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/lib")
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" OR CMAKE_SYSTEM_NAME STREQUAL "FreeBSD")
    # The statically linked C++ code was compiled with default visibility: the version script
    # keeps every symbol but crm_* local. $ORIGIN finds a shared libcrmrules next to it.
    target_link_options(crmrules_c PRIVATE "LINKER:--version-script=${PROJECT_SOURCE_DIR}/src/c/crmrules_c.map")
    if(NOT CRM_SANITIZE)
        # (clang links a shared library without the sanitizer runtime, which the program brings)
        target_link_options(crmrules_c PRIVATE "LINKER:--no-undefined")
    endif()
    set_target_properties(crmrules_c PROPERTIES
        LINK_DEPENDS "${PROJECT_SOURCE_DIR}/src/c/crmrules_c.map"
        INSTALL_RPATH "$ORIGIN")
endif()
if(CMAKE_CXX_FLAGS MATCHES "--coverage")
    # the coverage preset gives --coverage to executables only; the library needs libgcov too
    target_link_options(crmrules_c PRIVATE --coverage)
endif()
if(CRM_INSTALL)
    install(TARGETS crmrules_c
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES "${PROJECT_SOURCE_DIR}/include/crm/c/crmrules.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/crm/c")
endif()
