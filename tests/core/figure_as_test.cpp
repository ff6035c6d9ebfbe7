// Typed access to the figures of a reason: figure_as<T> and has_figure.

#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <type_traits>

#include "../support/errors.hpp"

using crm::Days;
using crm::ErrorCode;
using crm::Money;
using crm::Percent;
using crm::Rate;
using crm::Reason;

namespace {
constexpr crm::ReasonText warn_text{
    .code = "credit.warn_utilisation",
    .en = "utilisation {utilisation} reaches {warn_at}",
    .zh = "信用额度使用率 {utilisation} 达到 {warn_at}",
};
Reason sample() {
    return Reason{warn_text, crm::Outcome::warn}
        .with("utilisation", Percent{"92.00"})
        .with("exposure", Money{"920000.00", "CNY"})
        .with("days", Days{45})
        .with("count", std::int64_t{3});
}
template <class T>
concept can_ask_for = requires(const Reason& r) {
    r.figure_as<T>("x");
};
}  // namespace

// Only FigureValue's alternatives can be asked for: anything else does not compile.
static_assert(can_ask_for<Percent>);
static_assert(can_ask_for<std::string>);
static_assert(std::is_same_v<decltype(std::declval<const Reason&>().figure_as<Money>("x")), const Money&>);

TEST_SUITE("core.decision") {
    TEST_CASE("figure_as gives a figure as the type it holds") {
        const Reason r = sample();
        CHECK(r.figure_as<Percent>("utilisation") == Percent{"92"});
        CHECK(r.figure_as<Money>("exposure") == Money{"920000", "CNY"});
        CHECK(r.figure_as<Days>("days") == Days{45});
        CHECK(r.figure_as<std::int64_t>("count") == 3);
        CHECK(r.has_figure("exposure"));
        CHECK_FALSE(r.has_figure("limit"));
    }

    TEST_CASE("asking for the wrong type says what the figure is") {
        const Reason r = sample();
        try {
            (void)r.figure_as<Rate>("utilisation");
            FAIL_CHECK("no crm::Error thrown");
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::invalid_argument);
            CHECK(e.field() == "figures.utilisation");
            CHECK(e.message() ==
                  "figure utilisation of credit.warn_utilisation is a Percent (92.00%), not a Rate");
        }
        crm::test::check_error([&] { return r.figure_as<std::string>("days"); }, ErrorCode::invalid_argument,
                               "figures.days");
    }

    TEST_CASE("asking for a figure the reason does not have lists the ones it has") {
        const Reason r = sample();
        try {
            (void)r.figure_as<Money>("limit");
            FAIL_CHECK("no crm::Error thrown");
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::not_found);
            CHECK(e.field() == "figures.limit");
            CHECK(e.message() ==
                  "reason credit.warn_utilisation has no figure limit (it has utilisation, exposure, days, "
                  "count)");
        }
        crm::test::check_error([] { return Reason{}.figure_as<Money>("x"); }, ErrorCode::not_found,
                               "figures.x");
    }

    TEST_CASE("every alternative has a type name") {
        CHECK(crm::figure_type_name(crm::FigureValue{crm::Decimal{}}) == "Decimal");
        CHECK(crm::figure_type_name(crm::FigureValue{crm::Date{}}) == "Date");
        CHECK(crm::figure_type_name(crm::FigureValue{Rate{}}) == "Rate");
        CHECK(crm::figure_type_name(crm::FigureValue{std::string{}}) == "string");
    }
}
