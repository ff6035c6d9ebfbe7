# Runs two programs and fails unless both exit 0 and print the same bytes: the crm command over
# documents against the C++ program that builds the same values in code.
#   -DCRM=<program> -DARGS=<|-list> -DOTHER=<program> -DOTHER_ARGS=<|-list>
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" OTHER_ARGS "${OTHER_ARGS}")
execute_process(COMMAND "${CRM}" ${ARGS} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
execute_process(COMMAND "${OTHER}" ${OTHER_ARGS} RESULT_VARIABLE other_code OUTPUT_VARIABLE other_out
                ERROR_VARIABLE other_err)
if(NOT code EQUAL 0 OR NOT other_code EQUAL 0)
    message(FATAL_ERROR "exit codes ${code} and ${other_code}\n${err}\n${other_err}")
endif()
if(NOT out STREQUAL other_out)
    file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/crm.out" "${out}")
    file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/other.out" "${other_out}")
    message(FATAL_ERROR "the outputs differ: compare ${CMAKE_CURRENT_BINARY_DIR}/crm.out and other.out")
endif()
string(LENGTH "${out}" length)
message(STATUS "the same ${length} bytes")
