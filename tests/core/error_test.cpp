#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("core.error") {
    TEST_CASE("an error names its code and its field and its message in what") {
        const crm::Error e(crm::ErrorCode::overflow, "order.amount", "beyond 38 digits");
        CHECK(e.code() == crm::ErrorCode::overflow);
        CHECK(e.field() == "order.amount");
        CHECK(std::string(e.what()) == "overflow in order.amount: beyond 38 digits");
    }

    TEST_CASE("at_field reports a vocabulary error against the caller's input and keeps the operation") {
        try {
            (void)crm::at_field("order.amount", []() -> int {
                throw crm::Error(crm::ErrorCode::overflow, "add", "the sum needs more than 38 digits");
            });
            FAIL("at_field swallowed the error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::overflow);
            CHECK(e.field() == "order.amount");
            CHECK(e.message() == "the sum needs more than 38 digits (in add)");
        }
    }

    TEST_CASE("at_field passes a result through and does not repeat a field that is already the input") {
        CHECK(crm::at_field("x", [] { return 42; }) == 42);
        try {
            (void)crm::at_field("x", []() -> int { throw crm::Error(crm::ErrorCode::parse_error, "x", "bad"); });
            FAIL("at_field swallowed the error");
        } catch (const crm::Error& e) {
            CHECK(e.field() == "x");
            CHECK(e.message() == "bad");
        }
    }
}
