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

#include "fixtures.hpp"

namespace {

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
