# Builds and runs the consumer project (this folder) against crmrules; run by CTest as
#   cmake -DMODE=package|build_tree|subdir -DCONFIG=... ... -P run_consumer.cmake
#   package:    install the main build into PREFIX, then find_package(crmrules) from there
#   build_tree: find_package(crmrules) with crmrules_DIR=<main build dir>, nothing installed
#   subdir:     add_subdirectory(<crmrules source>) inside the consumer
#   pkgconfig:  install into PREFIX, then the plain Makefile of this folder through pkg-config
#   cxx17:      compile main.cpp with -std=c++17: must fail with the one "requires C++20" error
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS MODE CRM_SOURCE_DIR CRM_BINARY_DIR CONSUMER_SOURCE_DIR CONSUMER_BINARY_DIR
                     PREFIX GENERATOR CXX_COMPILER)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
        message(FATAL_ERROR "run_consumer.cmake: -D${var}=... is required")
    endif()
endforeach()

set(config_args "")
if(CONFIG)
    set(config_args --config "${CONFIG}")
endif()

function(run)
    string(REPLACE ";" " " shown "${ARGN}")
    message(STATUS "+ ${shown}")
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "consumer_${MODE}: command failed (${rc}): ${shown}")
    endif()
endfunction()

set(configure_args
    -S "${CONSUMER_SOURCE_DIR}"
    -B "${CONSUMER_BINARY_DIR}"
    -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}"
    "-DCMAKE_MODULE_LINKER_FLAGS=${LINK_FLAGS}"
    "-DCMAKE_SHARED_LINKER_FLAGS=${LINK_FLAGS}"
    "-DCRM_CONSUMER_MODE=${MODE}")
if(MAKE_PROGRAM)
    list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(MODE STREQUAL "subdir" AND NOT MULTI_CONFIG)
    # The costliest mode: it compiles the whole library again inside the host. What it proves
    # (targets, options and install rules of a subproject) does not depend on the build type,
    # so it builds without one: no -g, a quarter faster than Debug.
    list(APPEND configure_args "-DCMAKE_BUILD_TYPE=")
elseif(CONFIG AND NOT MULTI_CONFIG)
    list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()

function(crm_env_list out)
    # the environment of a make run: compiler, flags (sanitizers) and where crmrules.pc is
    set(${out} "CXX=${CXX_COMPILER}" "CXXFLAGS=${CXX_FLAGS}" "LDFLAGS=${LINK_FLAGS}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "pkgconfig")
    find_program(PKG_CONFIG_EXECUTABLE pkg-config REQUIRED)
    if(NOT MAKE_PROGRAM OR NOT MAKE_PROGRAM MATCHES "make$")
        find_program(MAKE_PROGRAM NAMES gmake make REQUIRED)
    endif()
    run("${CMAKE_COMMAND}" --install "${CRM_BINARY_DIR}" --prefix "${PREFIX}" ${config_args})
    file(GLOB_RECURSE pc_files "${PREFIX}/*/crmrules.pc")
    list(LENGTH pc_files pc_count)
    if(NOT pc_count EQUAL 1)
        message(FATAL_ERROR "consumer_pkgconfig: expected one crmrules.pc under ${PREFIX}, found '${pc_files}'")
    endif()
    get_filename_component(pc_dir "${pc_files}" DIRECTORY)
    crm_env_list(make_env)
    run("${CMAKE_COMMAND}" -E env "PKG_CONFIG_PATH=${pc_dir}" "PKG_CONFIG=${PKG_CONFIG_EXECUTABLE}"
        "${MAKE_PROGRAM}" -C "${CONSUMER_SOURCE_DIR}" -f Makefile "OUT=${CONSUMER_BINARY_DIR}" ${make_env})
    return()
elseif(MODE STREQUAL "cxx17")
    # The consumer's C++17 compile must stop at the check in crm/config.hpp: one #error (and the
    # include that stops the compiler there), not pages of errors from the headers after it.
    separate_arguments(flags NATIVE_COMMAND "${CXX_FLAGS}")
    set(compile "${CXX_COMPILER}" -std=c++17 ${flags} -fsyntax-only
        "-I${CRM_SOURCE_DIR}/include" "-I${CRM_BINARY_DIR}/include"
        "${CONSUMER_SOURCE_DIR}/main.cpp")
    string(REPLACE ";" " " shown "${compile}")
    message(STATUS "+ ${shown} (must fail)")
    execute_process(COMMAND ${compile} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    message("${out}")
    if(rc EQUAL 0)
        message(FATAL_ERROR "consumer_cxx17: a C++17 compile of the consumer succeeded")
    endif()
    if(NOT out MATCHES "crmrules requires C\\+\\+20")
        message(FATAL_ERROR "consumer_cxx17: the compiler's output lacks 'crmrules requires C++20'")
    endif()
    string(REGEX MATCHALL ": (fatal )?error: " errors "${out}")
    list(LENGTH errors error_count)
    if(error_count GREATER 2)
        message(FATAL_ERROR "consumer_cxx17: ${error_count} errors; expected the #error and the stop")
    endif()
    return()
elseif(MODE STREQUAL "package")
    run("${CMAKE_COMMAND}" --install "${CRM_BINARY_DIR}" --prefix "${PREFIX}" ${config_args})
    list(APPEND configure_args
        "-DCMAKE_PREFIX_PATH=${PREFIX}"
        "-DCRM_EXPECTED_DIR=${PREFIX}")
elseif(MODE STREQUAL "build_tree")
    list(APPEND configure_args
        "-Dcrmrules_DIR=${CRM_BINARY_DIR}"
        "-DCRM_EXPECTED_DIR=${CRM_BINARY_DIR}")
elseif(MODE STREQUAL "subdir")
    # same library flavour as the main build; its tests etc. stay off (not top-level)
    list(APPEND configure_args
        "-DCRM_SOURCE_DIR=${CRM_SOURCE_DIR}"
        "-DCRM_SANITIZE=${SANITIZE}"
        "-DBUILD_SHARED_LIBS=${SHARED}")
else()
    message(FATAL_ERROR "run_consumer.cmake: unknown MODE '${MODE}' (package, build_tree, subdir)")
endif()

run("${CMAKE_COMMAND}" ${configure_args})
run("${CMAKE_COMMAND}" --build "${CONSUMER_BINARY_DIR}" ${config_args})
if(MODE STREQUAL "package" AND VERSION)
    # 0.x policy: another minor version is another ABI, so find_package(crmrules 0.<minor+1>)
    # must not accept this package (SameMinorVersion); only the configure step is run.
    string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _ "${VERSION}")
    math(EXPR next_minor "${CMAKE_MATCH_2} + 1")
    set(other "${CMAKE_MATCH_1}.${next_minor}")
    set(other_args ${configure_args})
    list(TRANSFORM other_args REPLACE "^${CONSUMER_BINARY_DIR}$" "${CONSUMER_BINARY_DIR}-${other}")
    execute_process(COMMAND "${CMAKE_COMMAND}" ${other_args} "-DCRM_EXPECTED_VERSION=${other}"
        RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
    if(rc EQUAL 0)
        message(FATAL_ERROR "consumer_package: find_package(crmrules ${other}) accepted ${VERSION}")
    endif()
    message(STATUS "find_package(crmrules ${other}) refuses ${VERSION}, as the 0.x policy says")
endif()
if(CONFIG)
    run("${CMAKE_CTEST_COMMAND}" --test-dir "${CONSUMER_BINARY_DIR}" -C "${CONFIG}" --output-on-failure)
else()
    run("${CMAKE_CTEST_COMMAND}" --test-dir "${CONSUMER_BINARY_DIR}" --output-on-failure)
endif()
