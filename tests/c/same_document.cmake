# The C ABI and the crm command line give the same document for the same question: runs
#   <CALL> <POLICY> <ENTRY> <REQUEST>        (c_abi_call, the C ABI)
#   <CRM> <CLI_ARGS...> --format json         (the command line)
# and fails unless both succeed with byte-identical standard output.
#   cmake -DCALL=... -DCRM=... -DPOLICY=... -DENTRY=... -DREQUEST=... -DCLI_ARGS=<|-list> -P same_document.cmake
string(REPLACE "|" ";" CLI_ARGS "${CLI_ARGS}")
execute_process(COMMAND "${CALL}" "${POLICY}" "${ENTRY}" "${REQUEST}"
    RESULT_VARIABLE abi_code OUTPUT_VARIABLE abi_out ERROR_VARIABLE abi_err)
execute_process(COMMAND "${CRM}" ${CLI_ARGS} --format json
    RESULT_VARIABLE cli_code OUTPUT_VARIABLE cli_out ERROR_VARIABLE cli_err)
message(STATUS "C ABI: exit ${abi_code}\n${abi_out}${abi_err}")
if(NOT abi_code EQUAL 0)
    message(FATAL_ERROR "the C ABI call failed")
endif()
if(NOT cli_code MATCHES "^[0-4]$" OR cli_code EQUAL 1 OR cli_code EQUAL 2)
    message(FATAL_ERROR "crm failed (exit ${cli_code}): ${cli_err}")
endif()
if(abi_out STREQUAL "" OR NOT abi_out STREQUAL cli_out)
    message(FATAL_ERROR "the documents differ; crm printed:\n${cli_out}")
endif()
message(STATUS "the same document from the C ABI and from crm ${CLI_ARGS}")
