#pragma once
// Checking bad input: the call must throw crm::Error with the expected code and field.
// Include after <doctest/doctest.h>.

#include <crm/core/error.hpp>

#include <string>
#include <string_view>

namespace crm::test {

/// The code of the crm::Error that `f` throws; fails the test case when it throws none.
template <class F>
ErrorCode error_code_of(F&& f) {
    try {
        (void)f();
    } catch (const Error& e) {
        return e.code();
    }
    FAIL_CHECK("no crm::Error thrown");
    return ErrorCode::invalid_argument;
}

/// The field named by the crm::Error that `f` throws; fails the test case when it throws none.
template <class F>
std::string error_field_of(F&& f) {
    try {
        (void)f();
    } catch (const Error& e) {
        return e.field();
    }
    FAIL_CHECK("no crm::Error thrown");
    return {};
}

/// The code and field of the crm::Error that `f` throws.
struct CaughtError {
    ErrorCode code = ErrorCode::invalid_argument;
    std::string field;
};

/// What `f` throws; fails the test case when it throws no crm::Error.
template <class F>
CaughtError caught_error(F&& f) {
    try {
        (void)f();
    } catch (const Error& e) {
        return CaughtError{e.code(), e.field()};
    }
    FAIL_CHECK("no crm::Error thrown");
    return {};
}

/// `f` throws crm::Error with this code naming this field.
template <class F>
void check_error(F&& f, ErrorCode code, std::string_view field) {
    try {
        (void)f();
        FAIL_CHECK("no crm::Error thrown");
    } catch (const Error& e) {
        CHECK(e.code() == code);
        CHECK(e.field() == field);
    }
}

}  // namespace crm::test
