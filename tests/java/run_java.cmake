# Compiles tests/java/CrmRulesJnaTest.java against jna.jar and runs it on the C ABI library.
#   cmake -DJAVAC=... -DJAVA=... -DJNA_JAR=... -DSOURCE=... -DCLASSES=<dir> -DLIBRARY=<libcrmrules_c.so>
#         -DPOLICY=<policy set document> -P run_java.cmake
file(REMOVE_RECURSE "${CLASSES}")
file(MAKE_DIRECTORY "${CLASSES}")
execute_process(COMMAND "${JAVAC}" -Xlint:all -Werror -encoding UTF-8 -cp "${JNA_JAR}" -d "${CLASSES}" "${SOURCE}"
    RESULT_VARIABLE code)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "javac failed (${code})")
endif()
execute_process(COMMAND "${JAVA}" -Dfile.encoding=UTF-8 -cp "${CLASSES}:${JNA_JAR}" CrmRulesJnaTest "${LIBRARY}" "${POLICY}"
    RESULT_VARIABLE code)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "the JNA test failed (${code})")
endif()
