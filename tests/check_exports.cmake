# The dynamic symbols a shared libcrmrules defines (nm -D --defined-only | c++filt), by kind.
#   cmake -DLIBRARY=<.so> -DSONAME=<file name> -DEXPECTED_SONAME=... -DNM=nm -DCXXFILT=c++filt
#         -DOBJDUMP=objdump -DSTRICT=ON|OFF -DALLOWED=exports_allowed.txt -P check_exports.cmake
# Always fails on a wrong SONAME. With STRICT (hidden visibility, CRM_EXPORT on the public API)
# it fails when any crm::detail symbol not in ALLOWED, or any boost:: symbol but the RTTI of
# Boost's exception types, is exported; without, it only reports.
cmake_minimum_required(VERSION 3.25)
foreach(var IN ITEMS LIBRARY NM CXXFILT OBJDUMP EXPECTED_SONAME)
    if(NOT ${var})
        message(FATAL_ERROR "check_exports.cmake: -D${var}=... is required")
    endif()
endforeach()

execute_process(COMMAND "${OBJDUMP}" -p "${LIBRARY}" OUTPUT_VARIABLE headers RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "objdump -p ${LIBRARY} failed")
endif()
string(REGEX MATCH "SONAME +([^\n]+)" _ "${headers}")
set(soname "${CMAKE_MATCH_1}")
message(STATUS "SONAME ${soname}")
if(NOT soname STREQUAL EXPECTED_SONAME)
    message(FATAL_ERROR "SONAME is '${soname}', the 0.x policy says '${EXPECTED_SONAME}'")
endif()

execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}"
    COMMAND "${CXXFILT}"
    OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "nm -D --defined-only ${LIBRARY} | c++filt failed")
endif()
string(REPLACE ";" "," symbols "${symbols}")
string(REGEX REPLACE "\n$" "" symbols "${symbols}")
string(REPLACE "\n" ";" symbols "${symbols}")
# keep only the symbol name: "<address> <type> <name>"
list(TRANSFORM symbols REPLACE "^[0-9a-fA-F]* *[A-Za-z] " "")
list(LENGTH symbols total)

# the crm::detail functions inline header code calls (tests/exports_allowed.txt)
set(allowed "")
if(ALLOWED)
    file(STRINGS "${ALLOWED}" allowed_lines REGEX "^crm::")
    foreach(line IN LISTS allowed_lines)
        string(REGEX REPLACE "[ \t]*#.*$" "" line "${line}")
        string(STRIP "${line}" line)
        list(APPEND allowed "${line}")
    endforeach()
endif()

set(detail "")
set(detail_allowed "")
set(boost "")
set(boost_rtti "")
set(std "")
set(crm "")
foreach(sym IN LISTS symbols)
    if(sym MATCHES "crm::(.*::)?detail::")
        set(is_allowed FALSE)
        foreach(name IN LISTS allowed)
            string(FIND "${sym}" "${name}(" at)
            if(at EQUAL 0)
                set(is_allowed TRUE)
            endif()
        endforeach()
        if(is_allowed)
            list(APPEND detail_allowed "${sym}")
        else()
            list(APPEND detail "${sym}")
        endif()
    elseif(sym MATCHES "^(typeinfo for |typeinfo name for |vtable for )boost::")
        # RTTI of Boost's exception types (boost::wrapexcept<...>, gregorian::bad_month), which
        # Boost declares visible so that exceptions can be caught across shared objects; vague
        # linkage, emitted where crmrules catches them to turn them into crm::Error
        list(APPEND boost_rtti "${sym}")
    elseif(sym MATCHES "boost::")
        list(APPEND boost "${sym}")
    elseif(sym MATCHES "^(typeinfo |typeinfo name |vtable |VTT |guard variable )?(for )?crm::" OR sym MATCHES "^[^(<]*crm::")
        list(APPEND crm "${sym}")
    elseif(sym MATCHES "std::")
        list(APPEND std "${sym}")
    endif()
endforeach()
foreach(kind IN ITEMS crm detail detail_allowed boost boost_rtti std)
    list(LENGTH ${kind} n_${kind})
endforeach()
math(EXPR n_other "${total} - ${n_crm} - ${n_detail} - ${n_detail_allowed} - ${n_boost} - ${n_boost_rtti} - ${n_std}")
message(STATUS "exported: ${total} dynamic symbols: ${n_crm} crm (public), ${n_detail} crm::detail "
               "(+ ${n_detail_allowed} allowed, tests/exports_allowed.txt), ${n_boost} Boost "
               "(+ ${n_boost_rtti} RTTI of Boost exception types), "
               "${n_std} std:: (instantiations), ${n_other} other")

if(STRICT AND (n_detail GREATER 0 OR n_boost GREATER 0))
    list(SUBLIST detail 0 20 some_detail)
    list(SUBLIST boost 0 20 some_boost)
    list(JOIN some_detail "\n  " some_detail)
    list(JOIN some_boost "\n  " some_boost)
    message(FATAL_ERROR "internal symbols are exported (at most 20 of each shown):\n"
                        "crm::detail:\n  ${some_detail}\nboost:\n  ${some_boost}")
endif()
