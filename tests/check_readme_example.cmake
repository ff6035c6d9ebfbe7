# The C++ example in README.md is examples/readme/main.cpp, verbatim: the README marks it with
#   <!-- example: examples/readme/main.cpp -->
# followed by a ```cpp block. Fails when the two differ (so the README never shows code that
# does not compile: crm_readme is built and run by CTest as readme_example).
#   cmake -DREADME=<README.md> -DSOURCE=<examples/readme/main.cpp> -P check_readme_example.cmake
file(READ "${README}" readme)
file(READ "${SOURCE}" source)
set(marker "<!-- example: examples/readme/main.cpp -->\n```cpp\n")
string(FIND "${readme}" "${marker}" at)
if(at LESS 0)
    message(FATAL_ERROR "README.md lacks the marked example block (${marker})")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR start "${at} + ${marker_length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} shown)
if(NOT shown STREQUAL source)
    message(FATAL_ERROR "the README's example differs from examples/readme/main.cpp: copy the file "
                        "into the block after the marker")
endif()
message(STATUS "README example == examples/readme/main.cpp")
