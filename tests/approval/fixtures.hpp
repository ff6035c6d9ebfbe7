#pragma once
// The sample organisation and matrix shared by the approval tests.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/org_chart.hpp>

#include <optional>
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
        // the sample's thresholds read "over" (超过): the number itself is not in the band
        return Row{.id = RuleId{id},
                   .kind = kind,
                   .over = std::move(over),
                   .levels = std::move(levels),
                   .boundary = crm::Boundary::exclusive};
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

}  // namespace
