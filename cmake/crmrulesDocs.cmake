# The `docs` target: Doxygen (Debian package doxygen) over include/crm into
# <build>/docs/html, warnings in <build>/docs/warnings.log. CRM_DOCS_STRICT=ON fails the target
# on any warning (an undocumented public entity, a broken \ref); OFF lists them and succeeds.
# scripts/docs.sh builds it and prints the count.
option(CRM_DOCS_STRICT "docs target: fail on any Doxygen warning (undocumented public entity)" OFF)
find_package(Doxygen QUIET)
if(NOT DOXYGEN_FOUND)
    message(STATUS "crmrules: doxygen not found; no docs target (apt-get install doxygen)")
    return()
endif()
set(CRM_DOCS_OUTPUT_DIR "${PROJECT_BINARY_DIR}/docs")
if(CRM_DOCS_STRICT)
    set(CRM_DOCS_WARN_AS_ERROR FAIL_ON_WARNINGS)
else()
    set(CRM_DOCS_WARN_AS_ERROR NO)
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/Doxyfile.in" "${CRM_DOCS_OUTPUT_DIR}/Doxyfile" @ONLY)
file(GLOB_RECURSE crm_docs_headers CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/include/crm/*.hpp")
add_custom_target(docs
    COMMAND "${CMAKE_COMMAND}" -E rm -f "${CRM_DOCS_OUTPUT_DIR}/warnings.log"
    COMMAND Doxygen::doxygen "${CRM_DOCS_OUTPUT_DIR}/Doxyfile"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    DEPENDS ${crm_docs_headers}
    COMMENT "Doxygen over include/crm -> ${CRM_DOCS_OUTPUT_DIR}/html (warnings.log)"
    VERBATIM)
