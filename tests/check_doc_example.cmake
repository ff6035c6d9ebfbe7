# A code example shown in a page of the documentation is a file of the repository, verbatim: the
# page marks it with
#   <!-- example: <EXAMPLE> -->
# followed by a fenced block in LANG (```cpp, ```c). Fails when the two differ, so a page never
# shows code other than the program CTest builds and runs (readme_example, c_abi_doc_example).
#   cmake -DDOC=<README.md> -DSOURCE=<root>/examples/readme/main.cpp -DEXAMPLE=examples/readme/main.cpp
#         -DLANG=cpp -P check_doc_example.cmake
foreach(var IN ITEMS DOC SOURCE EXAMPLE LANG)
    if(NOT ${var})
        message(FATAL_ERROR "check_doc_example.cmake: -D${var}=... is required")
    endif()
endforeach()
get_filename_component(page "${DOC}" NAME)
file(READ "${DOC}" doc)
file(READ "${SOURCE}" source)
set(marker "<!-- example: ${EXAMPLE} -->\n```${LANG}\n")
string(FIND "${doc}" "${marker}" at)
if(at LESS 0)
    message(FATAL_ERROR "${page} lacks the marked example block (${marker})")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR start "${at} + ${marker_length}")
string(SUBSTRING "${doc}" ${start} -1 rest)
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} shown)
if(NOT shown STREQUAL source)
    message(FATAL_ERROR "the example in ${page} differs from ${EXAMPLE}: copy the file into the "
                        "block after the marker")
endif()
message(STATUS "${page} example == ${EXAMPLE}")
