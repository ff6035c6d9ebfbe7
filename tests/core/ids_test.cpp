#include <crm/core/ids.hpp>

#include <doctest/doctest.h>

#include <concepts>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace {

// Ids of different kinds are different types: no conversion, no comparison, no assignment.
static_assert(!std::is_convertible_v<crm::AccountId, crm::PersonId>);
static_assert(!std::is_convertible_v<crm::PersonId, crm::AccountId>);
static_assert(!std::is_constructible_v<crm::AccountId, crm::PersonId>);
static_assert(!std::is_assignable_v<crm::AccountId&, crm::PersonId>);
static_assert(!std::equality_comparable_with<crm::AccountId, crm::PersonId>);
static_assert(!std::totally_ordered_with<crm::InvoiceId, crm::OrderId>);
static_assert(!std::is_same_v<crm::ProductId, crm::ProductGroupId>);

// No implicit conversion from text, and none back to it.
static_assert(!std::is_convertible_v<std::string, crm::AccountId>);
static_assert(!std::is_convertible_v<std::string_view, crm::AccountId>);
static_assert(!std::is_convertible_v<const char*, crm::AccountId>);
static_assert(!std::is_convertible_v<crm::AccountId, std::string>);
static_assert(!std::equality_comparable_with<crm::AccountId, std::string>);
static_assert(!std::is_assignable_v<crm::AccountId&, std::string>);
static_assert(std::is_constructible_v<crm::AccountId, std::string>);
static_assert(std::is_constructible_v<crm::AccountId, std::string_view>);
static_assert(std::is_constructible_v<crm::AccountId, const char*>);

// Regular values, ordered like their text.
static_assert(std::regular<crm::AccountId>);
static_assert(std::totally_ordered<crm::AccountId>);
static_assert(std::is_nothrow_move_constructible_v<crm::AccountId>);

template <class T>
std::string printed(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

}  // namespace

TEST_SUITE("core.ids") {
    TEST_CASE("an id is made explicitly from text and gives it back") {
        const std::string code = "KA-0001";
        const crm::AccountId from_string{code};
        const crm::AccountId from_view{std::string_view{code}};
        const crm::AccountId from_literal{"KA-0001"};
        CHECK(from_string == from_view);
        CHECK(from_view == from_literal);
        CHECK(from_literal.value() == "KA-0001");
        CHECK_FALSE(from_literal.empty());
        CHECK(printed(from_literal) == "KA-0001");
    }

    TEST_CASE("the default id is empty") {
        const crm::InvoiceId none;
        CHECK(none.empty());
        CHECK(none.value().empty());
        CHECK(none == crm::InvoiceId{""});
    }

    TEST_CASE("ids compare byte for byte - ordered like their text") {
        CHECK(crm::PersonId{"zhang.wei"} == crm::PersonId{"zhang.wei"});
        CHECK(crm::PersonId{"zhang.wei"} != crm::PersonId{"Zhang.Wei"});
        CHECK(crm::PersonId{"a"} < crm::PersonId{"b"});
        CHECK(crm::PersonId{"a"} < crm::PersonId{"aa"});
        CHECK((crm::RegionId{"华东"} <=> crm::RegionId{"华东"}) == std::strong_ordering::equal);
    }

    TEST_CASE("ids are keys of ordered and hashed containers") {
        std::map<crm::AccountId, int> orders{{crm::AccountId{"KA-2"}, 2}, {crm::AccountId{"KA-1"}, 1}};
        CHECK(orders.begin()->first == crm::AccountId{"KA-1"});
        CHECK(orders.at(crm::AccountId{"KA-2"}) == 2);

        std::unordered_map<crm::RegionId, std::string> managers;
        managers[crm::RegionId{"east"}] = "li.na";
        managers[crm::RegionId{"east"}] = "wang.fang";
        managers[crm::RegionId{"south"}] = "chen.jie";
        CHECK(managers.size() == 2u);
        CHECK(managers.at(crm::RegionId{"east"}) == "wang.fang");

        const std::unordered_set<crm::RequestId> requests{crm::RequestId{"R1"}, crm::RequestId{"R1"},
                                                          crm::RequestId{"R2"}};
        CHECK(requests.size() == 2u);
        CHECK(std::hash<crm::RequestId>{}(crm::RequestId{"R1"}) == std::hash<std::string>{}("R1"));
    }

    TEST_CASE("every kind of id exists and holds its text") {
        CHECK(crm::AccountId{"x"}.value() == "x");
        CHECK(crm::PersonId{"x"}.value() == "x");
        CHECK(crm::ProductId{"x"}.value() == "x");
        CHECK(crm::ProductGroupId{"x"}.value() == "x");
        CHECK(crm::InvoiceId{"x"}.value() == "x");
        CHECK(crm::OrderId{"x"}.value() == "x");
        CHECK(crm::RuleId{"x"}.value() == "x");
        CHECK(crm::AgreementId{"x"}.value() == "x");
        CHECK(crm::RegionId{"x"}.value() == "x");
        CHECK(crm::ComplaintId{"x"}.value() == "x");
        CHECK(crm::RequestId{"x"}.value() == "x");
    }

}  // TEST_SUITE
