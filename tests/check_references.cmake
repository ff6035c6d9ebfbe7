# The public headers (include/), the sources (src/) and docs/*.md speak for themselves: no
# reference to files outside the repository (the project's planning folder "shared/", its
# style notes) and no pointer into the issue tracker ("issue 12"), none of which a user has.
#   cmake -DSOURCE_DIR=<repository root> -P check_references.cmake
file(GLOB_RECURSE files "${SOURCE_DIR}/include/*.hpp" "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/docs/*.md")
set(found "")
foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "shared/|style\\.md|[Ii]ssue #?[0-9]")
    foreach(line IN LISTS lines)
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
        string(APPEND found "  ${rel}: ${line}\n")
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "references outside the repository (write what a user needs into docs/):\n${found}")
endif()
message(STATUS "no reference outside the repository in include/, src/ and docs/")
