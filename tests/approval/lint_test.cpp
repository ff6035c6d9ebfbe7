// Linting a matrix: gaps, overlaps and bands that need fewer approvers than the band below.

#include <crm/approval/lint.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
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

std::vector<Finding> of_kind(const std::vector<Finding>& all, FindingKind kind) {
    std::vector<Finding> out;
    for (const Finding& f : all)
        if (f.kind == kind) out.push_back(f);
    return out;
}

// A matrix with rows for every kind, so that only the rows under test can give findings.
std::vector<Row> every_kind_but(RequestKind skip) {
    std::vector<Row> rows;
    for (const RequestKind k : all_request_kinds) {
        if (k == skip) continue;
        rows.push_back(Row{.id = RuleId{"base-" + std::string(to_string(k))},
                           .kind = k,
                           .levels = {line("regional_manager")}});
    }
    return rows;
}
}  // namespace

TEST_SUITE("approval.lint") {
    TEST_CASE("the sample matrix is clean") {
        const auto findings = lint(sample_matrix());
        for (const Finding& f : findings) CAPTURE(f);
        CHECK(findings.empty());
    }

    TEST_CASE("a kind without rows is a gap") {
        const auto findings = lint(Matrix{every_kind_but(RequestKind::leave), ladder()});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].kind == FindingKind::gap);
        CHECK(findings[0].request_kind == RequestKind::leave);
        CHECK(
            crm::explain(findings[0].reason, crm::Lang::en) ==
            "no row routes leave requests for segment *, region *, product line *: they never need approval, "
            "whatever their figures");
        CHECK(lint(Matrix{}).size() == crm::approval::request_kind_count);
    }

    TEST_CASE("conditions that leave a segment uncovered are a gap") {
        auto rows = every_kind_but(RequestKind::discount);
        // discounts are routed for government and group accounts only
        rows.push_back(Row{.id = RuleId{"G1"},
                           .kind = RequestKind::discount,
                           .when = {.segments = {"government"}},
                           .over = crm::Percent{"5"},
                           .levels = {line("regional_manager")}});
        rows.push_back(Row{.id = RuleId{"G2"},
                           .kind = RequestKind::discount,
                           .when = {.segments = {"group"}},
                           .over = crm::Percent{"5"},
                           .levels = {line("regional_manager")}});
        const auto findings = lint(Matrix{rows, ladder()});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].kind == FindingKind::gap);
        CHECK(crm::explain(findings[0].reason, crm::Lang::en)
                  .rfind("no row routes discount requests for segment (other), region *, product line *",
                         0) == 0);
        CHECK(crm::explain(findings[0].reason, crm::Lang::zh).rfind("没有规则适用于细分 (other)", 0) == 0);
        // a general family closes the gap (and overlaps both)
        rows.push_back(Row{.id = RuleId{"D1"},
                           .kind = RequestKind::discount,
                           .over = crm::Percent{"10"},
                           .levels = {line("sales_director")}});
        const auto closed = lint(Matrix{rows, ladder()});
        CHECK(of_kind(closed, FindingKind::gap).empty());
        CHECK(of_kind(closed, FindingKind::overlap).size() == 2);
    }

    TEST_CASE("two families that route the same request two ways overlap") {
        auto rows = every_kind_but(RequestKind::order);
        rows.push_back(Row{.id = RuleId{"O1"},
                           .kind = RequestKind::order,
                           .over = cny("100000"),
                           .levels = {line("regional_manager")}});
        rows.push_back(
            Row{.id = RuleId{"OE"},
                .kind = RequestKind::order,
                .when = {.regions = {RegionId{"east"}}, .product_lines = {crm::ProductGroupId{"parts"}}},
                .over = cny("50000"),
                .levels = {line("key_account_manager")}});
        // disjoint conditions do not overlap
        rows.push_back(
            Row{.id = RuleId{"ON"},
                .kind = RequestKind::order,
                .when = {.regions = {RegionId{"north"}}, .product_lines = {crm::ProductGroupId{"parts"}}},
                .over = cny("50000"),
                .levels = {line("key_account_manager")}});
        const auto findings = lint(Matrix{rows, ladder()});
        const auto overlaps = of_kind(findings, FindingKind::overlap);
        REQUIRE(overlaps.size() == 2);
        CHECK(overlaps[0].rules == std::vector<RuleId>{RuleId{"O1"}, RuleId{"OE"}});
        CHECK(crm::explain(overlaps[0].reason, crm::Lang::en) ==
              "rules O1 and OE both route order requests for segment *, region east, product line parts: "
              "such a "
              "request gets the union of both routes");
        CHECK(overlaps[1].rules == std::vector<RuleId>{RuleId{"O1"}, RuleId{"ON"}});
        // and the union is what route gives
        Request r = request(RequestKind::order);
        r.product_line = crm::ProductGroupId{"parts"};
        r.amount = cny("150000");
        CHECK(levels_of(route(Matrix{rows, ladder()}, r, sample_org())) ==
              std::vector<std::string>{"regional_manager", "key_account_manager"});
    }

    TEST_CASE("a band with fewer approvers than the band below is reported") {
        auto rows = every_kind_but(RequestKind::order);
        rows.push_back(Row{.id = RuleId{"O1"},
                           .kind = RequestKind::order,
                           .over = cny("100000"),
                           .levels = {line("regional_manager"), line("sales_director")}});
        // over one million the general manager alone: higher, but one pair of eyes instead of two
        rows.push_back(Row{.id = RuleId{"O2"},
                           .kind = RequestKind::order,
                           .over = cny("1000000"),
                           .levels = {line("general_manager")}});
        const auto findings = lint(Matrix{rows, ladder()});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].kind == FindingKind::non_monotone);
        CHECK(findings[0].rules == std::vector<RuleId>{RuleId{"O2"}, RuleId{"O1"}});
        CHECK(crm::explain(findings[0].reason, crm::Lang::en) ==
              "rule O2 (over CNY 1,000,000.00) needs 1 approver(s) where the lower rule O1 needs 2: a larger "
              "request "
              "gets fewer eyes");
        std::ostringstream os;
        os << findings[0];
        CHECK(os.str().rfind("non_monotone order O2 O1: rule O2", 0) == 0);
    }

}  // TEST_SUITE
