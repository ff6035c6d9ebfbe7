// Arrow-layout columns: views over caller memory, builders, and checks that name the column
// and the row.

#include <crm/columnar/columns.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "../support/errors.hpp"

using crm::Currency;
using crm::Date;
using crm::ErrorCode;
using crm::Money;
using namespace crm::columnar;

namespace {
// 16-byte little-endian two's complement, as Arrow's decimal128 stores a coefficient.
std::vector<std::byte> decimal128(std::initializer_list<std::int64_t> values) {
    std::vector<std::byte> out;
    for (std::int64_t v : values) {
        const std::uint64_t words[2] = {static_cast<std::uint64_t>(v), v < 0 ? ~std::uint64_t{0} : 0u};
        const auto* b = reinterpret_cast<const std::byte*>(words);
        out.insert(out.end(), b, b + 16);
    }
    return out;
}
}  // namespace

TEST_SUITE("columnar.columns") {
    TEST_CASE("a decimal128 column reads as money at its scale") {
        // coefficients 123456, -5 and 0 at scale 2: CNY 1234.56, CNY -0.05, CNY 0.00
        const auto bytes = decimal128({123456, -5, 0});
        const AmountColumn column{.name = "amount", .data = bytes, .scale = 2, .currency = Currency("CNY")};
        CHECK(column.size() == 3);
        CHECK_NOTHROW(check_amounts(column, 3));
        CHECK(same_representation(column.at(0).amount(), crm::Decimal("1234.56")));
        CHECK(same_representation(column.at(1).amount(), crm::Decimal("-0.05")));
        CHECK(same_representation(column.at(2).amount(), crm::Decimal("0.00")));
        crm::test::check_error([&] { check_amounts(column, 3, true, true); }, ErrorCode::invalid_argument,
                               "amount[1]");  // negative where amounts are owed
    }

    TEST_CASE("a bad amount column is an error naming the column and the row") {
        const auto bytes = decimal128({1, 2, 3});
        crm::test::check_error(
            [&] { check_amounts(AmountColumn{.name = "open_amount", .data = bytes, .scale = 2}, 4); },
            ErrorCode::invalid_argument, "open_amount");  // 3 rows where 4 are expected
        crm::test::check_error(
            [&] {
                check_amounts(
                    AmountColumn{.name = "open_amount", .data = std::span(bytes).first(20), .scale = 2}, 1);
            },
            ErrorCode::invalid_argument, "open_amount");  // not 16 bytes per row
        crm::test::check_error(
            [&] { check_amounts(AmountColumn{.name = "open_amount", .data = bytes, .scale = 3}, 3); },
            ErrorCode::invalid_argument, "open_amount.scale");  // CNY has 2 minor units
        crm::test::check_error(
            [&] {
                check_amounts(
                    AmountColumn{
                        .name = "open_amount", .data = bytes, .scale = 2, .currency = Currency("JPY")},
                    3);
            },
            ErrorCode::invalid_argument, "open_amount.scale");  // JPY has none
        // a null in row 2: validity bits 0b011
        const std::uint8_t bits[] = {0b011};
        const AmountColumn with_null{.name = "open_amount", .data = bytes, .scale = 2, .validity = {bits}};
        crm::test::check_error([&] { check_amounts(with_null, 3); }, ErrorCode::invalid_argument,
                               "open_amount[2]");
        CHECK_NOTHROW(check_amounts(with_null, 3, false));
        // 10^38 needs 39 digits: 10^38 = 0x4B3B4CA85A86C47A098A224000000000
        std::vector<std::byte> big = decimal128({0, 0});
        const std::uint64_t words[2] = {0x098A224000000000ULL, 0x4B3B4CA85A86C47AULL};
        std::memcpy(big.data() + 16, words, 16);
        crm::test::check_error([&] { check_amounts(AmountColumn{.name = "open_amount", .data = big}, 2); },
                               ErrorCode::overflow, "open_amount[1]");
        // 10^38 - 1 is the largest coefficient
        const std::uint64_t largest[2] = {0x098A223FFFFFFFFFULL, 0x4B3B4CA85A86C47AULL};
        std::memcpy(big.data() + 16, largest, 16);
        CHECK_NOTHROW(check_amounts(AmountColumn{.name = "open_amount", .data = big}, 2));
        CHECK(AmountColumn{.data = big}.at(1).amount().digits() == 38);
    }

    TEST_CASE("a bad date or id column is an error naming the column and the row") {
        const std::vector<std::int32_t> days = {0, 19'723, Date::max_serial + 1};
        crm::test::check_error([&] { check_dates(DateColumn{.name = "due_on", .days = days}, 3); },
                               ErrorCode::invalid_date, "due_on[2]");
        crm::test::check_error([&] { check_dates(DateColumn{.name = "due_on", .days = days}, 2); },
                               ErrorCode::invalid_argument, "due_on");  // 3 rows where 2 are expected
        const std::vector<std::int32_t> ok = {0, 19'723};
        CHECK(DateColumn{.days = ok}.at(1) == Date(2024, 1, 1));  // 19723 days after 1970-01-01
        const std::uint8_t first_null[] = {0b10};
        crm::test::check_error(
            [&] { check_dates(DateColumn{.name = "due_on", .days = ok, .validity = {first_null}}, 2); },
            ErrorCode::invalid_argument, "due_on[0]");
        const std::uint8_t short_bits[] = {0xFF};
        const std::vector<std::int32_t> nine(9, 0);
        crm::test::check_error(
            [&] { check_dates(DateColumn{.name = "due_on", .days = nine, .validity = {short_bits}}, 9); },
            ErrorCode::invalid_argument, "due_on.validity");  // 9 rows need 2 bytes
        const std::vector<std::string_view> dictionary = {"A-1", "A-2"};
        const std::vector<std::int32_t> indices = {0, 1, 2};
        crm::test::check_error(
            [&] { check_ids(IdColumn{.name = "account", .indices = indices, .dictionary = dictionary}, 3); },
            ErrorCode::out_of_range, "account[2]");
    }

    TEST_CASE("the builders own their memory and view it in Arrow layout") {
        AmountColumnBuilder amounts(Currency("CNY"), "open_amount");
        amounts.push_back(Money{"1234.5", "CNY"});  // padded to 1234.50: coefficient 123450
        amounts.push_back(Money{"-0.050", "CNY"});  // a trailing zero dropped: -5
        amounts.push_null();
        const AmountColumn a = amounts.view();
        CHECK(a.size() == 3);
        CHECK(a.raw(0) == 123450u);
        CHECK(a.at(1) == Money{"-0.05", "CNY"});
        CHECK_FALSE(a.validity.valid(2));
        CHECK(a.validity.bits.size() == 1);
        crm::test::check_error(
            [&] {
                amounts.push_back(Money{"0.001", "CNY"});
            },
            ErrorCode::invalid_argument, "open_amount[3]");
        crm::test::check_error(
            [&] {
                amounts.push_back(Money{"1", "USD"});
            },
            ErrorCode::currency_mismatch, "open_amount[3]");
        crm::test::check_error(
            [&] {
                amounts.push_back(Money{"1E+37", "CNY"});
            },
            ErrorCode::invalid_operation,
            "open_amount[3]");  // 1E+37 at two places needs 40 digits

        DateColumnBuilder dates("due_on");
        dates.push_back(Date(1970, 1, 2));
        dates.push_null();
        CHECK(dates.view().days[0] == 1);
        CHECK_FALSE(dates.view().validity.valid(1));

        IdColumnBuilder ids("account");
        for (const char* id : {"B", "A", "B", "C"}) ids.push_back(id);
        const IdColumn v = ids.view();
        CHECK(v.dictionary.size() == 3);
        CHECK(std::vector<std::int32_t>(v.indices.begin(), v.indices.end()) ==
              std::vector<std::int32_t>{0, 1, 0, 2});
        CHECK(v.dictionary[1] == "A");
    }
}  // TEST_SUITE
