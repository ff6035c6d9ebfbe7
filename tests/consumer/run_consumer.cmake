# Builds and runs the consumer project (this folder) against crmrules; run by CTest as
#   cmake -DMODE=package|build_tree|subdir -DCONFIG=... ... -P run_consumer.cmake
#   package:    install the main build into PREFIX, then find_package(crmrules) from there
#   build_tree: find_package(crmrules) with crmrules_DIR=<main build dir>, nothing installed
#   subdir:     add_subdirectory(<crmrules source>) inside the consumer
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
    "-DCRM_CONSUMER_MODE=${MODE}")
if(MAKE_PROGRAM)
    list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CONFIG AND NOT MULTI_CONFIG)
    list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()

if(MODE STREQUAL "package")
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
if(CONFIG)
    run("${CMAKE_CTEST_COMMAND}" --test-dir "${CONSUMER_BINARY_DIR}" -C "${CONFIG}" --output-on-failure)
else()
    run("${CMAKE_CTEST_COMMAND}" --test-dir "${CONSUMER_BINARY_DIR}" --output-on-failure)
endif()
