#include <crm/core/decision.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "../support/generators.hpp"

namespace {

// Outcomes are ordered by severity.
static_assert(crm::Outcome::allow < crm::Outcome::warn);
static_assert(crm::Outcome::warn < crm::Outcome::needs_approval);
static_assert(crm::Outcome::needs_approval < crm::Outcome::block);
static_assert(std::is_nothrow_default_constructible_v<crm::Decision>);
static_assert(std::regular<crm::Reason> && std::regular<crm::Decision>);

// Reason texts as an area defines them: constexpr, static storage.
inline constexpr crm::ReasonText over_limit{
    .code = "credit.over_limit",
    .en = "exposure {exposure} exceeds the limit {limit}",
    .zh = "信用敞口 {exposure} 超过信用额度 {limit}",
};
inline constexpr crm::ReasonText high_utilisation{
    .code = "credit.high_utilisation",
    .en = "utilisation {utilisation} is above {threshold}",
    .zh = "信用额度使用率 {utilisation} 高于 {threshold}",
};
inline constexpr crm::ReasonText overdue{
    .code = "credit.overdue",
    .en = "invoice {invoice} is {days_overdue} days overdue since {due}",
    .zh = "发票 {invoice} 自 {due} 起已逾期 {days_overdue} 天",
};
inline constexpr crm::ReasonText english_only{
    .code = "test.english_only",
    .en = "only {what}",
    .zh = "",
};

crm::Money cny(const char* amount) { return crm::Money{amount, "CNY"}; }

crm::Reason over_limit_reason() {
    return crm::Reason{over_limit, crm::Outcome::block}
        .with("exposure", cny("1200.00"))
        .with("limit", cny("1000.00"));
}

crm::Reason utilisation_reason() {
    // utilisation = 960.00 / 1000.00 = 96%
    return crm::Reason{high_utilisation, crm::Outcome::warn}
        .with("utilisation", crm::Percent{"96"})
        .with("threshold", crm::Percent{"90"});
}

template <class T>
std::string printed(const T& value) {
    std::ostringstream os;
    os << value;
    return os.str();
}

constexpr std::array<crm::ReasonText, 3> generated_texts{over_limit, high_utilisation, overdue};

crm::Decision random_decision(crm::test::Rng& rng, std::vector<crm::Outcome>& severities) {
    crm::Decision d;
    const auto n = rng.below(6);
    for (std::uint64_t i = 0; i < n; ++i) {
        const auto severity = static_cast<crm::Outcome>(rng.below(4));
        severities.push_back(severity);
        d.add(crm::Reason{generated_texts[rng.below(3)], severity}.with("n", rng.between(0, 999)));
    }
    return d;
}

}  // namespace

TEST_SUITE("core.decision") {
    TEST_CASE("a decision without reasons allows") {
        const crm::Decision d;
        CHECK(d.outcome() == crm::Outcome::allow);
        CHECK(d.reasons().empty());
        CHECK(d == crm::Decision::allow());
        CHECK_FALSE(d.has("credit.over_limit"));
        CHECK(d.find("credit.over_limit") == nullptr);
        CHECK(crm::explain(d, crm::Lang::en) == "allow");
        CHECK(crm::explain(d, crm::Lang::zh) == "通过");
        CHECK(printed(d) == "allow {}");
    }

    TEST_CASE("the most severe reason decides and reasons keep their order") {
        crm::Decision d;
        d.add(utilisation_reason());
        CHECK(d.outcome() == crm::Outcome::warn);
        d.add(over_limit_reason());
        CHECK(d.outcome() == crm::Outcome::block);
        d.add(crm::Reason{overdue, crm::Outcome::needs_approval});
        CHECK(d.outcome() == crm::Outcome::block);  // a milder reason does not soften it
        REQUIRE(d.reasons().size() == 3u);
        CHECK(d.reasons()[0].code() == "credit.high_utilisation");
        CHECK(d.reasons()[1].code() == "credit.over_limit");
        CHECK(d.reasons()[2].code() == "credit.overdue");
        CHECK(d.has("credit.overdue"));
        CHECK_FALSE(d.has("credit.on_hold"));
        CHECK_FALSE(d.has("credit"));  // codes match whole, not by prefix
        REQUIRE(d.find("credit.over_limit") != nullptr);
        CHECK(d.find("credit.over_limit")->severity() == crm::Outcome::block);
    }

    TEST_CASE("an allow reason is recorded without changing the outcome") {
        crm::Decision d;
        d.add(crm::Reason{overdue, crm::Outcome::allow});
        CHECK(d.outcome() == crm::Outcome::allow);
        CHECK(d.reasons().size() == 1u);
        CHECK(d != crm::Decision::allow());
    }

    TEST_CASE("combining decisions: most severe wins - reasons of a then b") {
        crm::Decision a;
        a.add(utilisation_reason());
        crm::Decision b;
        b.add(crm::Reason{overdue, crm::Outcome::needs_approval});
        b.add(crm::Reason{english_only, crm::Outcome::allow});

        const crm::Decision ab = crm::combine(a, b);
        CHECK(ab.outcome() == crm::Outcome::needs_approval);
        REQUIRE(ab.reasons().size() == 3u);
        CHECK(ab.reasons()[0].code() == "credit.high_utilisation");
        CHECK(ab.reasons()[1].code() == "credit.overdue");
        CHECK(ab.reasons()[2].code() == "test.english_only");

        const crm::Decision ba = crm::combine(b, a);
        CHECK(ba.outcome() == ab.outcome());
        CHECK(ba.reasons()[0].code() == "credit.overdue");

        // the empty decision is the identity
        CHECK(crm::combine(a, crm::Decision::allow()) == a);
        CHECK(crm::combine(crm::Decision::allow(), a) == a);
        CHECK(crm::combine(crm::Decision{}, crm::Decision{}) == crm::Decision{});
    }

    TEST_CASE("reasons render in English and Chinese with money figures") {
        const crm::Reason r = over_limit_reason();
        CHECK(crm::explain(r, crm::Lang::en) == "exposure CNY 1,200.00 exceeds the limit CNY 1,000.00");
        CHECK(crm::explain(r, crm::Lang::zh) == "信用敞口 CNY 1,200.00 超过信用额度 CNY 1,000.00");
    }

    TEST_CASE("reasons render percent - days - dates and text") {
        CHECK(crm::explain(utilisation_reason(), crm::Lang::en) == "utilisation 96% is above 90%");
        CHECK(crm::explain(utilisation_reason(), crm::Lang::zh) == "信用额度使用率 96% 高于 90%");

        // due 2024-01-31, as of 2024-03-16: 16 + 29 = 45 days overdue
        const crm::Date due(2024, 1, 31);
        const crm::Date as_of(2024, 3, 16);
        const crm::Reason r = crm::Reason{overdue, crm::Outcome::block}
                                  .with("invoice", std::string("INV-0042"))
                                  .with("days_overdue", as_of - due)
                                  .with("due", due);
        CHECK(crm::explain(r, crm::Lang::en) == "invoice INV-0042 is 45 days overdue since 2024-01-31");
        CHECK(crm::explain(r, crm::Lang::zh) == "发票 INV-0042 自 2024-01-31 起已逾期 45 天");
    }

    TEST_CASE("every kind of figure has one text form") {
        CHECK(crm::format_figure(crm::Decimal{"0.950"}) == "0.950");
        CHECK(crm::format_figure(crm::Decimal{"1E+3"}) == "1000");  // positional, never an exponent
        CHECK(crm::format_figure(crm::Money{"-1234.5", "CNY"}) == "-CNY 1,234.50");
        CHECK(crm::format_figure(crm::Percent{"12.5"}) == "12.5%");
        CHECK(crm::format_figure(crm::Rate{"0.95"}) == "0.95");
        CHECK(crm::format_figure(crm::Days{-3}) == "-3");
        CHECK(crm::format_figure(crm::Date(2026, 10, 1)) == "2026-10-01");
        CHECK(crm::format_figure(std::int64_t{-7}) == "-7");
        CHECK(crm::format_figure(std::string("华东区")) == "华东区");
    }

    TEST_CASE("a placeholder without its figure is shown as written") {
        const crm::Reason r = crm::Reason{over_limit, crm::Outcome::block}.with("exposure", cny("1200.00"));
        CHECK(r.figure("limit") == nullptr);
        CHECK(crm::explain(r, crm::Lang::en) == "exposure CNY 1,200.00 exceeds the limit {limit}");
        CHECK(crm::explain(r, crm::Lang::zh) == "信用敞口 CNY 1,200.00 超过信用额度 {limit}");
        // and a reason with no figures at all shows its template
        CHECK(crm::explain(crm::Reason{over_limit, crm::Outcome::block}, crm::Lang::en) ==
              "exposure {exposure} exceeds the limit {limit}");
    }

    TEST_CASE("doubled braces are literal braces - a lone brace is text") {
        static constexpr crm::ReasonText braces{
            .code = "test.braces",
            .en = "{{n}} is {n}; }} and } stay; {{{n}}}; open {n",
            .zh = "",
        };
        const crm::Reason r = crm::Reason{braces, crm::Outcome::warn}.with("n", std::int64_t{3});
        CHECK(crm::explain(r, crm::Lang::en) == "{n} is 3; } and } stay; {3}; open {n");
        static constexpr crm::ReasonText odd{.code = "test.odd", .en = "{}{a{b}x}{", .zh = ""};
        CHECK(crm::explain(crm::Reason{odd, crm::Outcome::warn}, crm::Lang::en) == "{}{a{b}x}{");
    }

    TEST_CASE("an empty Chinese template falls back to English") {
        const crm::Reason r = crm::Reason{english_only, crm::Outcome::warn}.with("what", std::string("this"));
        CHECK(crm::explain(r, crm::Lang::zh) == "only this");
    }

    TEST_CASE("figures are found by name - kept in order - and replaced by a second with()") {
        crm::Reason r{over_limit, crm::Outcome::block};
        r.with("limit", cny("1000.00")).with("exposure", cny("900.00"));
        r.with("exposure", cny("1200.00"));  // replaces, does not duplicate
        REQUIRE(r.figures().size() == 2u);
        CHECK(r.figures()[0].name == "limit");
        CHECK(r.figures()[1].name == "exposure");
        const crm::FigureValue* exposure = r.figure("exposure");
        REQUIRE(exposure != nullptr);
        REQUIRE(std::holds_alternative<crm::Money>(*exposure));
        CHECK(std::get<crm::Money>(*exposure) == cny("1200.00"));
        CHECK(r.code() == "credit.over_limit");
        CHECK(r.text() == over_limit);
        CHECK(r.severity() == crm::Outcome::block);
    }

    TEST_CASE("reasons compare by text - severity and figures") {
        CHECK(over_limit_reason() == over_limit_reason());
        // figures compare numerically: 1200.0 is 1200.00
        const crm::Reason same = crm::Reason{over_limit, crm::Outcome::block}
                                     .with("exposure", cny("1200.0"))
                                     .with("limit", cny("1000"));
        CHECK(same == over_limit_reason());
        CHECK(crm::Reason{over_limit, crm::Outcome::warn} != crm::Reason{over_limit, crm::Outcome::block});
        CHECK(crm::Reason{over_limit, crm::Outcome::warn} != crm::Reason{overdue, crm::Outcome::warn});
        CHECK(crm::Reason{over_limit, crm::Outcome::warn}.with("n", std::int64_t{1}) !=
              crm::Reason{over_limit, crm::Outcome::warn}.with("n", crm::Decimal{1}));  // different kinds
        CHECK(crm::Reason{}.code().empty());
        CHECK(crm::Reason{}.severity() == crm::Outcome::allow);
    }

    TEST_CASE("a decision explains itself line by line") {
        crm::Decision d;
        d.add(utilisation_reason());
        d.add(over_limit_reason());
        CHECK(crm::explain(d, crm::Lang::en) ==
              "block\n"
              "- utilisation 96% is above 90%\n"
              "- exposure CNY 1,200.00 exceeds the limit CNY 1,000.00");
        CHECK(crm::explain(d, crm::Lang::zh) ==
              "拒绝\n"
              "- 信用额度使用率 96% 高于 90%\n"
              "- 信用敞口 CNY 1,200.00 超过信用额度 CNY 1,000.00");

        crm::Decision approval;
        approval.add(crm::Reason{english_only, crm::Outcome::needs_approval}.with("what", std::string("x")));
        CHECK(crm::explain(approval, crm::Lang::en) == "needs approval\n- only x");
        CHECK(crm::explain(approval, crm::Lang::zh) == "需审批\n- only x");

        crm::Decision warning;
        warning.add(utilisation_reason());
        CHECK(crm::explain(warning, crm::Lang::en).starts_with("warn\n- "));
        CHECK(crm::explain(warning, crm::Lang::zh).starts_with("警告\n- "));
    }

    TEST_CASE("outcomes - reasons and decisions print for diagnostics") {
        CHECK(printed(crm::Outcome::allow) == "allow");
        CHECK(printed(crm::Outcome::warn) == "warn");
        CHECK(printed(crm::Outcome::needs_approval) == "needs_approval");
        CHECK(printed(crm::Outcome::block) == "block");
        CHECK(crm::to_string(static_cast<crm::Outcome>(9)) == "unknown");
        CHECK(printed(over_limit_reason()) ==
              "credit.over_limit[block]{exposure=CNY 1,200.00, limit=CNY 1,000.00}");
        crm::Decision d;
        d.add(over_limit_reason());
        d.add(crm::Reason{overdue, crm::Outcome::warn});
        CHECK(printed(d) ==
              "block {credit.over_limit[block]{exposure=CNY 1,200.00, limit=CNY 1,000.00}, "
              "credit.overdue[warn]{}}");
    }

    TEST_CASE("over generated reasons the outcome is the most severe - and combine is associative") {
        crm::test::Rng rng(0xC0FFEE);
        for (int i = 0; i < 2000; ++i) {
            std::vector<crm::Outcome> sa, sb, sc;
            const crm::Decision a = random_decision(rng, sa);
            const crm::Decision b = random_decision(rng, sb);
            const crm::Decision c = random_decision(rng, sc);
            CAPTURE(a);
            CAPTURE(b);
            CAPTURE(c);

            const auto most_severe = [](const std::vector<crm::Outcome>& s) {
                return s.empty() ? crm::Outcome::allow : *std::max_element(s.begin(), s.end());
            };
            CHECK(a.outcome() == most_severe(sa));
            CHECK(a.reasons().size() == sa.size());

            const crm::Decision ab = crm::combine(a, b);
            CHECK(ab.outcome() == std::max(a.outcome(), b.outcome()));
            CHECK(ab.reasons().size() == a.reasons().size() + b.reasons().size());
            CHECK(std::equal(a.reasons().begin(), a.reasons().end(), ab.reasons().begin()));
            CHECK(std::equal(b.reasons().begin(), b.reasons().end(),
                             ab.reasons().begin() + std::ssize(a.reasons())));

            const crm::Decision left = crm::combine(crm::combine(a, b), c);
            const crm::Decision right = crm::combine(a, crm::combine(b, c));
            CHECK(left.outcome() == right.outcome());
            CHECK(left == right);  // reasons too: concatenation is associative
            CHECK(crm::combine(a, b).outcome() ==
                  crm::combine(b, a).outcome());  // and commutative on outcome
        }
    }

}  // TEST_SUITE
