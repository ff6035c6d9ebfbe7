# The C example in docs/c-abi.md is examples/c_abi/check_order.c, verbatim: the page marks it with
#   <!-- example: examples/c_abi/check_order.c -->
# followed by a ```c block. Fails when the two differ, so the page never shows code that is not
# the program CTest builds and runs (c_abi_doc_example).
#   cmake -DDOC=<docs/c-abi.md> -DSOURCE=<examples/c_abi/check_order.c> -P check_doc_example.cmake
file(READ "${DOC}" doc)
file(READ "${SOURCE}" source)
set(marker "<!-- example: examples/c_abi/check_order.c -->\n```c\n")
string(FIND "${doc}" "${marker}" at)
if(at LESS 0)
    message(FATAL_ERROR "docs/c-abi.md lacks the marked example block (${marker})")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR start "${at} + ${marker_length}")
string(SUBSTRING "${doc}" ${start} -1 rest)
string(FIND "${rest}" "```" end)
string(SUBSTRING "${rest}" 0 ${end} shown)
if(NOT shown STREQUAL source)
    message(FATAL_ERROR "the example in docs/c-abi.md differs from examples/c_abi/check_order.c: copy "
                        "the file into the block after the marker")
endif()
message(STATUS "docs/c-abi.md example == examples/c_abi/check_order.c")
