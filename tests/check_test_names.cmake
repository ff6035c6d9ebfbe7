# Fails when a TEST_CASE name holds a character that breaks its CTest registration:
# ';' splits a CMake list, ',' splits doctest's --test-case filter (doctest 2.4.9's label
# query does not escape it, so the test loses its suite label).
file(GLOB_RECURSE sources "${SOURCE_DIR}/*_test.cpp")
set(bad "")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" lines REGEX "TEST_CASE\\(\"[^\"]*[,;][^\"]*\"\\)")
    foreach(line IN LISTS lines)
        string(APPEND bad "\n  ${source}: ${line}")
    endforeach()
endforeach()
if(bad)
    message(FATAL_ERROR "test case names must not contain ',' or ';':${bad}")
endif()
