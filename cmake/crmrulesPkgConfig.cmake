# Writes ${PROJECT_BINARY_DIR}/crmrules.pc, installed into <libdir>/pkgconfig. The prefix is
# found from the .pc file's own place (${pcfiledir}), so `cmake --install --prefix <any>` and a
# moved install tree both work. Boost is header-only for crmrules and has no .pc file on Debian:
# its include folder is added to Cflags unless it is a compiler default (/usr/include).

if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
    set(crm_pc_prefix "${CMAKE_INSTALL_PREFIX}")
    set(crm_pc_libdir "${CMAKE_INSTALL_FULL_LIBDIR}")
    set(crm_pc_includedir "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
    file(RELATIVE_PATH crm_pc_up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
    string(REGEX REPLACE "/$" "" crm_pc_up "${crm_pc_up}")
    set(crm_pc_prefix "\${pcfiledir}/${crm_pc_up}")
    set(crm_pc_libdir "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
    set(crm_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()

set(crm_pc_cflags "-I\${includedir}")
foreach(dir IN LISTS Boost_INCLUDE_DIRS)
    if(NOT dir STREQUAL "/usr/include" AND NOT dir STREQUAL "/usr/local/include")
        string(APPEND crm_pc_cflags " -I${dir}")
    endif()
endforeach()

# The library uses std::thread (batch evaluation): a static archive needs -pthread at the
# consumer's link, a shared library carries the dependency itself.
if(BUILD_SHARED_LIBS)
    set(crm_pc_libs "-L\${libdir} -lcrmrules")
    set(crm_pc_libs_private "-pthread")
else()
    set(crm_pc_libs "-L\${libdir} -lcrmrules -pthread")
    set(crm_pc_libs_private "")
endif()

file(WRITE "${PROJECT_BINARY_DIR}/crmrules.pc.tmp"
"prefix=${crm_pc_prefix}
libdir=${crm_pc_libdir}
includedir=${crm_pc_includedir}

Name: crmrules
Description: ${PROJECT_DESCRIPTION} (C++20: compile with -std=c++20 or later)
Version: ${PROJECT_VERSION}
Cflags: ${crm_pc_cflags}
Libs: ${crm_pc_libs}
Libs.private: ${crm_pc_libs_private}
")
configure_file("${PROJECT_BINARY_DIR}/crmrules.pc.tmp" "${PROJECT_BINARY_DIR}/crmrules.pc" COPYONLY)
