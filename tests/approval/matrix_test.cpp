// The delegation-of-authority matrix: construction, validation of bad rows (crm::Error naming
// the field), and the level-covering rule that keeps every matrix monotone.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

using crm::PersonId;
using crm::RegionId;
using crm::RoleId;
using crm::RuleId;
using namespace crm::approval;

namespace {
// The sample organisation (a car dealer's key-account department, after the seed):
//   zhang  general manager (5)
//   ├─ zhao   sales director (4)
//   │  └─ liu    key-account manager (3), manages region east
//   │     └─ li     regional manager (2), manages region east
//   │        ├─ wang  sales rep (1)
//   │        └─ chen  sales rep (1)
//   ├─ sun    sales director (4), manages region north
//   │  └─ zhou   sales rep (1)
//   └─ qian   finance controller (4, a function)
[[maybe_unused]] std::vector<crm::Role> ladder() {
    auto roles = crm::default_roles();
    roles.push_back(crm::Role{RoleId{"finance"}, "finance controller 财务总监", 4});
    return roles;
}

[[maybe_unused]] crm::OrgChart sample_org() {
    using crm::Person;
    const auto p = [](const char* s) { return PersonId{s}; };
    return crm::OrgChart{
        ladder(),
        {Person{p("zhang"), "Zhang Wei", RoleId{"general_manager"}, std::nullopt, {}},
         Person{p("zhao"), "Zhao Lei", RoleId{"sales_director"}, p("zhang"), {}},
         Person{p("sun"), "Sun Li", RoleId{"sales_director"}, p("zhang"), {RegionId{"north"}}},
         Person{p("qian"), "Qian Yu", RoleId{"finance"}, p("zhang"), {}},
         Person{p("liu"), "Liu Yang", RoleId{"key_account_manager"}, p("zhao"), {RegionId{"east"}}},
         Person{p("li"), "Li Na", RoleId{"regional_manager"}, p("liu"), {RegionId{"east"}}},
         Person{p("wang"), "Wang Fang", RoleId{"sales_rep"}, p("li"), {}},
         Person{p("chen"), "Chen Jie", RoleId{"sales_rep"}, p("li"), {}},
         Person{p("zhou"), "Zhou Min", RoleId{"sales_rep"}, p("sun"), {}}}};
}

[[maybe_unused]] Level line(const char* role) { return Level{RoleId{role}}; }
[[maybe_unused]] Level function(const char* role) { return Level{RoleId{role}, Reach::function}; }
[[maybe_unused]] crm::Money cny(const char* amount) { return crm::Money{amount, "CNY"}; }

// The sample delegation-of-authority matrix: one family per kind, no conditions.
[[maybe_unused]] std::vector<Row> sample_rows() {
    const auto rm = line("regional_manager");
    const auto kam = line("key_account_manager");
    const auto director = line("sales_director");
    const auto gm = line("general_manager");
    const auto finance = function("finance");
    const auto row = [](const char* id, RequestKind kind, std::optional<Threshold> over,
                        std::vector<Level> levels) {
        return Row{.id = RuleId{id}, .kind = kind, .over = std::move(over), .levels = std::move(levels)};
    };
    using K = RequestKind;
    return {
        // discount: percent off list, and the amount below the requester's pricing authority
        row("D1", K::discount, crm::Percent{"5"}, {rm}),
        row("D2", K::discount, crm::Percent{"10"}, {rm, director}),
        row("D3", K::discount, crm::Percent{"20"}, {rm, director, gm}),
        row("DA1", K::discount, cny("50000"), {director, finance}),
        // order amount
        row("O1", K::order, cny("200000"), {rm}),
        row("O2", K::order, cny("1000000"), {rm, director}),
        row("O3", K::order, cny("5000000"), {rm, director, gm}),
        // contract review (销售合同评审): every contract by the key-account manager, then value and duration
        row("C0", K::contract, std::nullopt, {kam}),
        row("C1", K::contract, cny("500000"), {kam, director}),
        row("C2", K::contract, cny("2000000"), {kam, director, finance}),
        row("C3", K::contract, cny("10000000"), {kam, director, finance, gm}),
        row("CD1", K::contract, crm::Days{365}, {kam, director}),
        row("CD2", K::contract, crm::Days{1095}, {kam, director, gm}),
        // payment term days beyond the standard
        row("P1", K::payment_term, crm::Days{0}, {rm}),
        row("P2", K::payment_term, crm::Days{30}, {rm, finance}),
        row("P3", K::payment_term, crm::Days{60}, {rm, director, finance}),
        // credit overrun: amount and percent over the limit
        row("CR1", K::credit_overrun, cny("0"), {rm, finance}),
        row("CR2", K::credit_overrun, cny("100000"), {rm, director, finance}),
        row("CRP1", K::credit_overrun, crm::Percent{"10"}, {rm, director, finance}),
        row("CRP2", K::credit_overrun, crm::Percent{"30"}, {rm, director, finance, gm}),
        // expense
        row("E1", K::expense, cny("5000"), {rm}),
        row("E2", K::expense, cny("20000"), {rm, director}),
        row("E3", K::expense, cny("100000"), {rm, director, gm}),
        // leave: up to one day the key-account manager (the seed: 请假(一天以内)审批), longer the director
        row("L0", K::leave, std::nullopt, {kam}),
        row("L1", K::leave, crm::Days{1}, {director}),
        row("L2", K::leave, crm::Days{5}, {director, gm}),
        // account transfer between reps; large accounts (annual revenue) also the director
        row("T0", K::account_transfer, std::nullopt, {rm}),
        row("T1", K::account_transfer, cny("1000000"), {rm, director}),
    };
}

[[maybe_unused]] Matrix sample_matrix() { return Matrix{sample_rows(), ladder()}; }

// A request of `kind` by Wang (a rep in region east) for a government account, product line cars.
[[maybe_unused]] Request request(RequestKind kind, const char* id = "R-1", const char* requester = "wang") {
    return Request{.id = crm::RequestId{id},
                   .kind = kind,
                   .requester = PersonId{requester},
                   .segment = "government",
                   .region = RegionId{"east"},
                   .product_line = crm::ProductGroupId{"cars"}};
}

[[maybe_unused]] std::vector<std::string> levels_of(const Route& r) {
    std::vector<std::string> out;
    for (const auto& s : r.steps) out.push_back(s.level.role.value());
    return out;
}

// The error a matrix built from `rows` throws.
struct Thrown {
    crm::ErrorCode code = crm::ErrorCode::invalid_argument;
    std::string field;
    bool thrown = false;
};
Thrown build(std::vector<Row> rows, std::vector<crm::Role> roles = ladder(),
             crm::Currency currency = crm::Currency{}) {
    try {
        const Matrix m{std::move(rows), roles, currency};
    } catch (const crm::Error& e) {
        return Thrown{e.code(), e.field(), true};
    }
    return Thrown{};
}

Row discount(const char* id, std::optional<Threshold> over, std::vector<Level> levels) {
    return Row{.id = RuleId{id},
               .kind = RequestKind::discount,
               .over = std::move(over),
               .levels = std::move(levels)};
}
}  // namespace

TEST_SUITE("approval.matrix") {
    TEST_CASE("the sample matrix compiles and keeps its rows") {
        const Matrix m = sample_matrix();
        CHECK(m.rows().size() == sample_rows().size());
        CHECK(m.roles().size() == 6);
        CHECK(m.currency() == crm::Currency{"CNY"});
        CHECK(m.rank_of(RoleId{"finance"}) == 4);
        CHECK_FALSE(m.rank_of(RoleId{"cfo"}).has_value());
        CHECK(m == sample_matrix());
        CHECK_FALSE(m == Matrix{});
        const Matrix copy = m;  // copies share the compiled index
        CHECK(copy == m);
        CHECK(Matrix{}.rows().empty());
        std::ostringstream os;
        os << m.rows()[1];
        CHECK(os.str() == "D2: discount percent over 10% -> regional_manager sales_director");
    }

    TEST_CASE("a row with an unknown role is refused naming the level") {
        const Thrown t = build({discount("D1", crm::Percent{"5"}, {line("regional_manager"), line("cfo")})});
        CHECK(t.thrown);
        CHECK(t.code == crm::ErrorCode::not_found);
        CHECK(t.field == "rows[0].levels[1].role");
        CHECK_THROWS_AS(Matrix({discount("D1", std::nullopt, {line("cfo")})}, ladder()), crm::Error);
    }

    TEST_CASE("thresholds must increase within a kind and its conditions") {
        // 10% then 5% in the same family: the second row is out of order
        Thrown t = build({discount("D1", crm::Percent{"10"}, {line("regional_manager")}),
                          discount("D2", crm::Percent{"5"}, {line("sales_director")})});
        CHECK(t.code == crm::ErrorCode::inconsistent);
        CHECK(t.field == "rows[1].over");
        // equal thresholds are not increasing either
        t = build({discount("D1", crm::Percent{"10"}, {line("regional_manager")}),
                   discount("D2", crm::Percent{"10.0"}, {line("sales_director")})});
        CHECK(t.field == "rows[1].over");
        // a base row after a thresholded one, and a second base row
        t = build({discount("D1", crm::Percent{"10"}, {line("regional_manager")}),
                   discount("D0", std::nullopt, {line("regional_manager")})});
        CHECK(t.code == crm::ErrorCode::inconsistent);
        CHECK(t.field == "rows[1].over");
        t = build({discount("D0", std::nullopt, {line("regional_manager")}),
                   discount("D00", std::nullopt, {line("sales_director")})});
        CHECK(t.field == "rows[1].over");
        // but other conditions, or another figure, start their own sequence
        CHECK_FALSE(build({discount("D1", crm::Percent{"10"}, {line("regional_manager")}),
                           Row{.id = RuleId{"G1"},
                               .kind = RequestKind::discount,
                               .when = {.segments = {"government"}},
                               .over = crm::Percent{"5"},
                               .levels = {line("key_account_manager")}},
                           discount("DA", crm::Money{"1000", "CNY"}, {line("regional_manager")})})
                        .thrown);
        // the order of values inside a condition does not make another family
        t = build({Row{.id = RuleId{"A"},
                       .kind = RequestKind::order,
                       .when = {.segments = {"group", "government"}},
                       .over = crm::Money{"100", "CNY"},
                       .levels = {line("regional_manager")}},
                   Row{.id = RuleId{"B"},
                       .kind = RequestKind::order,
                       .when = {.segments = {"government", "group", "group"}},
                       .over = crm::Money{"50", "CNY"},
                       .levels = {line("sales_director")}}});
        CHECK(t.field == "rows[1].over");
    }

    TEST_CASE("a higher threshold may not require less than the band below it") {
        // over 5%: the sales director; over 10%: only the regional manager (rank 2 < 4)
        Thrown t = build({discount("D1", crm::Percent{"5"}, {line("sales_director")}),
                          discount("D2", crm::Percent{"10"}, {line("regional_manager")})});
        CHECK(t.code == crm::ErrorCode::inconsistent);
        CHECK(t.field == "rows[1].levels");
        // dropping a function: finance below, not above
        t = build({discount("D1", crm::Percent{"5"}, {line("regional_manager"), function("finance")}),
                   discount("D2", crm::Percent{"10"}, {line("general_manager")})});
        CHECK(t.field == "rows[1].levels");
        // a line level of the same rank does not replace a function
        t = build({discount("D1", crm::Percent{"5"}, {function("finance")}),
                   discount("D2", crm::Percent{"10"}, {line("sales_director")})});
        CHECK(t.field == "rows[1].levels");
        // the base band counts as the band below the first threshold
        t = build({discount("D0", std::nullopt, {line("sales_director")}),
                   discount("D1", crm::Percent{"5"}, {line("key_account_manager")})});
        CHECK(t.field == "rows[1].levels");
        // replacing the regional manager by the director is fine: the director covers the lower rank
        CHECK_FALSE(build({discount("D1", crm::Percent{"5"}, {line("regional_manager")}),
                           discount("D2", crm::Percent{"10"}, {line("sales_director")})})
                        .thrown);
    }

    TEST_CASE("covers says which level does the job of another") {
        const Matrix m = sample_matrix();
        CHECK(covers(m, line("sales_director"), line("regional_manager")));
        CHECK(covers(m, line("regional_manager"), line("regional_manager")));
        CHECK_FALSE(covers(m, line("regional_manager"), line("sales_director")));
        CHECK(covers(m, function("finance"), function("finance")));
        CHECK_FALSE(covers(m, line("general_manager"), function("finance")));
        CHECK_FALSE(covers(m, function("finance"), line("regional_manager")));
        CHECK_FALSE(covers(m, line("cfo"), line("regional_manager")));
    }

    TEST_CASE("other malformed rows name their field") {
        Thrown t = build({discount("", crm::Percent{"5"}, {line("regional_manager")})});
        CHECK(t.code == crm::ErrorCode::invalid_argument);
        CHECK(t.field == "rows[0].id");
        t = build({discount("D1", crm::Percent{"5"}, {line("regional_manager")}),
                   discount("D1", crm::Percent{"10"}, {line("sales_director")})});
        CHECK(t.code == crm::ErrorCode::duplicate);
        CHECK(t.field == "rows[1].id");
        t = build({discount("D1", crm::Percent{"5"}, {})});
        CHECK(t.code == crm::ErrorCode::invalid_argument);
        CHECK(t.field == "rows[0].levels");
        t = build(
            {discount("D1", crm::Percent{"5"}, {line("regional_manager"), function("regional_manager")})});
        CHECK(t.code == crm::ErrorCode::duplicate);
        CHECK(t.field == "rows[0].levels[1].role");
        t = build({discount("D1", crm::Percent{"-1"}, {line("regional_manager")})});
        CHECK(t.code == crm::ErrorCode::invalid_argument);
        CHECK(t.field == "rows[0].over");
        t = build({discount("D1", crm::Money{"1000", "USD"}, {line("regional_manager")})});
        CHECK(t.code == crm::ErrorCode::currency_mismatch);
        CHECK(t.field == "rows[0].over");
        CHECK_FALSE(build({discount("D1", crm::Money{"1000", "USD"}, {line("regional_manager")})}, ladder(),
                          crm::Currency{"USD"})
                        .thrown);
        auto roles = ladder();
        roles.push_back(roles.front());
        t = build({}, roles);
        CHECK(t.code == crm::ErrorCode::duplicate);
        CHECK(t.field == "roles[6].id");
    }

    TEST_CASE("thresholds read the figure their type names") {
        CHECK(dimension_of(Threshold{crm::Money{"1", "CNY"}}) == Dimension::amount);
        CHECK(dimension_of(Threshold{crm::Percent{"1"}}) == Dimension::percent);
        CHECK(dimension_of(Threshold{crm::Days{1}}) == Dimension::days);
        CHECK(value_of(Threshold{crm::Days{30}}) == crm::Decimal{30});
        Request r = request(RequestKind::contract);
        r.amount = cny("12.50");
        r.percent = crm::Percent{"3"};
        r.days = crm::Days{7};
        CHECK(figure_of(r, Dimension::amount) == crm::Decimal{"12.5"});
        CHECK(figure_of(r, Dimension::percent) == crm::Decimal{3});
        CHECK(figure_of(r, Dimension::days) == crm::Decimal{7});
        CHECK(figure_of(r, Dimension::none) == crm::Decimal{});
    }

}  // TEST_SUITE
