// Approval routes: worked examples for every request kind (arithmetic in the comments), the
// order of steps, and bad requests.

#include <crm/approval/matrix.hpp>
#include <crm/approval/reasons.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../support/generators.hpp"
#include "fixtures.hpp"

namespace {

using Names = std::vector<std::string>;
}  // namespace

TEST_SUITE("approval.route") {
    TEST_CASE("a discount routes by percent off list") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::discount);

        r.percent = crm::Percent{"5"};  // 5% is not over 5%: within the rep's own authority
        Route none = route(m, r, org);
        CHECK_FALSE(none.needs_approval());
        CHECK(none.reason().code() == "approval.not_needed");
        CHECK(none.request == r.id);
        CHECK(none.basis == RoutingBasis::of(r));
        CHECK(none.basis.matches(r));

        r.percent = crm::Percent{"5.01"};  // over 5% (D1): the regional manager
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager"});

        r.percent = crm::Percent{"12"};  // over 10% (D2): the regional manager, then the sales director
        const Route twelve = route(m, r, org);
        REQUIRE(twelve.steps.size() == 2);
        CHECK(twelve.steps[0].level == Level{RoleId{"regional_manager"}});
        CHECK(twelve.steps[0].stage == 0);
        CHECK(twelve.steps[1].level == Level{RoleId{"sales_director"}});
        CHECK(twelve.steps[1].stage == 1);
        CHECK(twelve.steps[1].rule == RuleId{"D2"});
        CHECK(twelve.steps[1].dimension == Dimension::percent);
        CHECK(twelve.steps[1].over == crm::Decimal{10});
        CHECK(twelve.stages() == 2);
        CHECK(twelve.reason().code() == "approval.route");
        CHECK(crm::explain(twelve.reason(), crm::Lang::en) ==
              "the discount request needs 2 approval step(s), up to sales_director");
        CHECK(crm::explain(twelve.reason(), crm::Lang::zh) ==
              "此折扣申请需经 2 级审批, 最高至 sales_director");

        r.percent = crm::Percent{"25"};  // over 20% (D3): the general manager too
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director", "general_manager"});
    }

    TEST_CASE("a price far below authority adds the director and finance together") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::discount);
        // 8% off list (D1: regional manager) and CNY 60,000 below the rep's price authority (DA1, over
        // 50,000: sales director and finance): the union, by rank 2 then 4 + 4 in parallel
        r.percent = crm::Percent{"8"};
        r.amount = cny("60000");
        const Route rt = route(m, r, org);
        REQUIRE(rt.steps.size() == 3);
        CHECK(levels_of(rt) == Names{"regional_manager", "sales_director", "finance"});
        CHECK(rt.steps[0].stage == 0);
        CHECK(rt.steps[1].stage == 1);
        CHECK(rt.steps[2].stage == 1);  // finance ranks with the director: they approve together
        CHECK(rt.steps[2].level.reach == Reach::function);
        CHECK(rt.steps[2].rule == RuleId{"DA1"});
        CHECK(rt.steps[2].dimension == Dimension::amount);
        std::ostringstream os;
        os << rt.steps[2];
        CHECK(os.str() == "stage 1: finance (function) (rule DA1, amount over 50000)");
    }

    TEST_CASE("a figure reaches a threshold on its declared side at every scale") {
        crm::test::Rng rng(4242);
        const crm::OrgChart org = sample_org();
        for (int i = 0; i < 2000; ++i) {
            const crm::Decimal threshold = crm::abs(crm::test::decimal(rng, 18, -8, 4));
            const crm::Decimal value =
                rng.below(4) == 0 ? threshold : crm::abs(crm::test::decimal(rng, 18, -8, 4));
            // 以上 (inclusive, the default) or 超过 (exclusive)
            const crm::Boundary side = rng.coin() ? crm::Boundary::inclusive : crm::Boundary::exclusive;
            const Matrix m{{Row{.id = RuleId{"O"},
                                .kind = RequestKind::order,
                                .over = crm::Money{threshold, crm::Currency{}},
                                .levels = {line("regional_manager")},
                                .boundary = side}},
                           ladder()};
            Request r = request(RequestKind::order);
            r.amount = crm::Money{value, crm::Currency{}};
            CAPTURE(threshold);
            CAPTURE(value);
            CAPTURE(side);
            CHECK(route(m, r, org).needs_approval() ==
                  (side == crm::Boundary::inclusive ? value >= threshold : value > threshold));
        }
    }

    TEST_CASE("an order routes by its amount") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::order);
        r.amount = cny("200000.00");  // not over 200,000
        CHECK(levels_of(route(m, r, org)).empty());
        r.amount = cny("200000.01");  // over 200,000 (O1)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager"});
        r.amount = cny("1500000");  // over 1,000,000 (O2)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director"});
        r.amount = cny("8000000");  // over 5,000,000 (O3)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director", "general_manager"});
        // a coefficient beyond 64 bits is compared as a Decimal
        r.amount = cny("123456789012345678901234.56");
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director", "general_manager"});
        r.amount = cny("200000.000000000000000000001");  // just over 200,000 by 10^-21
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager"});
        r.amount = cny("199999.999999999999999999999");
        CHECK(levels_of(route(m, r, org)).empty());
    }

    TEST_CASE("every contract is reviewed by the key-account manager and value and duration add levels") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::contract);
        // a one-year agreement of CNY 300,000: no band passed, the base row C0 (销售合同评审)
        r.amount = cny("300000");
        r.days = crm::Days{365};
        Route rt = route(m, r, org);
        CHECK(levels_of(rt) == Names{"key_account_manager"});
        CHECK(rt.steps[0].rule == RuleId{"C0"});
        CHECK(rt.steps[0].dimension == Dimension::none);
        CHECK_FALSE(rt.steps[0].over.has_value());

        // CNY 3,000,000 (over 2,000,000: C2) for two years (over 365 days: CD1): union of
        // {KAM, director, finance} and {KAM, director}
        r.amount = cny("3000000");
        r.days = crm::Days{730};
        rt = route(m, r, org);
        CHECK(levels_of(rt) == Names{"key_account_manager", "sales_director", "finance"});
        CHECK(rt.steps[1].rule == RuleId{"C2"});  // the first row (matrix order) that required the director

        // a small contract for four years (over 1,095 days: CD2): the general manager signs off on the term
        r.amount = cny("100000");
        r.days = crm::Days{1461};
        rt = route(m, r, org);
        CHECK(levels_of(rt) == Names{"key_account_manager", "sales_director", "general_manager"});
        CHECK(rt.steps[2].rule == RuleId{"CD2"});
        CHECK(rt.steps[2].dimension == Dimension::days);
        CHECK(rt.stages() == 3);
    }

    TEST_CASE("payment term days beyond the standard") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::payment_term);
        CHECK(levels_of(route(m, r, org)).empty());  // 0 days beyond: standard terms
        r.days = crm::Days{15};                      // over 0 (P1)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager"});
        r.days = crm::Days{45};  // over 30 (P2): finance as well
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "finance"});
        r.days = crm::Days{90};  // over 60 (P3)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director", "finance"});
    }

    TEST_CASE("a credit overrun routes by amount and by percent over the limit") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::credit_overrun);
        // limit 1,000,000, exposure 1,050,000: CNY 50,000 over (CR1, over 0) and 5% over (under 10%)
        r.amount = cny("50000");
        r.percent = crm::Percent{"5"};
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "finance"});
        // limit 200,000, exposure 300,000: CNY 100,000 over (not over 100,000) but 50% over (CRP2, over 30%)
        r.amount = cny("100000");
        r.percent = crm::Percent{"50"};
        CHECK(levels_of(route(m, r, org)) ==
              Names{"regional_manager", "sales_director", "finance", "general_manager"});
    }

    TEST_CASE("an expense routes by its amount") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::expense);
        r.amount = cny("4999.99");
        CHECK(levels_of(route(m, r, org)).empty());
        r.amount = cny("25000");  // over 20,000 (E2)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director"});
    }

    TEST_CASE("leave of up to one day is approved by the key-account manager") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::leave);
        r.days = crm::Days{1};  // one day is not over one day: the base row L0, 请假(一天以内)
        Route rt = route(m, r, org);
        CHECK(levels_of(rt) == Names{"key_account_manager"});
        CHECK(rt.steps[0].rule == RuleId{"L0"});
        r.days = crm::Days{3};  // over one day (L1): the sales director instead
        rt = route(m, r, org);
        CHECK(levels_of(rt) == Names{"sales_director"});
        CHECK(rt.steps[0].rule == RuleId{"L1"});
        r.days = crm::Days{10};  // over five days (L2)
        CHECK(levels_of(route(m, r, org)) == Names{"sales_director", "general_manager"});
    }

    TEST_CASE("an account transfer always needs the regional manager") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::account_transfer);
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager"});
        r.amount = cny("2000000");  // an account with CNY 2M annual revenue (T1)
        CHECK(levels_of(route(m, r, org)) == Names{"regional_manager", "sales_director"});
    }

    TEST_CASE("conditions on segment region and product line select rows") {
        using K = RequestKind;
        const std::vector<Row> rows{
            Row{.id = RuleId{"G1"},
                .kind = K::discount,
                .when = {.segments = {"government", "group"}},
                .over = crm::Percent{"3"},
                .levels = {line("key_account_manager")}},
            Row{.id = RuleId{"N1"},
                .kind = K::discount,
                .when = {.segments = {"channel"},
                         .regions = {RegionId{"north"}},
                         .product_lines = {crm::ProductGroupId{"parts"}}},
                .over = crm::Percent{"8"},
                .levels = {line("sales_director")}},
        };
        const Matrix m{rows, ladder()};
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::discount);
        r.percent = crm::Percent{"4"};
        CHECK(levels_of(route(m, r, org)) == Names{"key_account_manager"});  // government, over 3%
        r.segment = "enterprise";
        CHECK(levels_of(route(m, r, org)).empty());  // no row for enterprise accounts
        r.segment = "channel";
        r.region = RegionId{"north"};
        r.product_line = crm::ProductGroupId{"parts"};
        r.percent = crm::Percent{"9"};
        CHECK(levels_of(route(m, r, org)) == Names{"sales_director"});
        r.product_line = crm::ProductGroupId{"cars"};
        CHECK(levels_of(route(m, r, org)).empty());
    }

    TEST_CASE("the no approval route explains itself in both languages") {
        const Route r = route(sample_matrix(), request(RequestKind::order), sample_org());
        CHECK(crm::explain(r.reason(), crm::Lang::en) ==
              "no approval needed: no row of the approval matrix applies to this order request");
        CHECK(crm::explain(r.reason(), crm::Lang::zh) == "无需审批: 审批权限表中没有适用于此订单申请的规则");
        std::ostringstream os;
        os << r;
        CHECK(os.str().find("no approval needed") != std::string::npos);
    }

    TEST_CASE("a bad request is refused before any route exists") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        const auto check_error = [&](Request r, crm::ErrorCode code, const char* field) {
            CAPTURE(field);
            CHECK_THROWS_AS((void)route(m, r, org), crm::Error);
            try {
                (void)route(m, r, org);
            } catch (const crm::Error& e) {
                CHECK(e.code() == code);
                CHECK(e.field() == field);
            }
        };
        Request r = request(RequestKind::order);
        r.amount = cny("-1");
        check_error(r, crm::ErrorCode::invalid_argument, "request.amount");
        r = request(RequestKind::discount);
        r.percent = crm::Percent{"-0.5"};
        check_error(r, crm::ErrorCode::invalid_argument, "request.percent");
        r = request(RequestKind::leave);
        r.days = crm::Days{-1};
        check_error(r, crm::ErrorCode::invalid_argument, "request.days");
        r = request(RequestKind::order);
        r.amount = crm::Money{"100", "USD"};
        check_error(r, crm::ErrorCode::currency_mismatch, "request.amount");
        check_error(request(RequestKind::order, "R-1", "nobody"), crm::ErrorCode::not_found,
                    "request.requester");
        check_error(request(RequestKind::order, "R-1", ""), crm::ErrorCode::invalid_argument,
                    "request.requester");
    }

    TEST_CASE("a zero amount of another currency is no amount at all") {
        Request r = request(RequestKind::leave);
        r.amount = crm::Money{"0", "USD"};
        r.days = crm::Days{1};
        CHECK(levels_of(route(sample_matrix(), r, sample_org())) == Names{"key_account_manager"});
    }

    TEST_CASE("requires_at_least compares routes by what they require") {
        const Matrix m = sample_matrix();
        const crm::OrgChart org = sample_org();
        Request r = request(RequestKind::order);
        r.amount = cny("300000");
        const Route low = route(m, r, org);
        r.amount = cny("3000000");
        const Route high = route(m, r, org);
        CHECK(requires_at_least(high, low));
        CHECK_FALSE(requires_at_least(low, high));
        CHECK(requires_at_least(low, Route{}));
        CHECK(top_rank(high) == 4);
        CHECK(top_rank(Route{}) == 0);
        // a function step is covered only by the same function, whatever the rank
        Request p = request(RequestKind::payment_term);
        p.days = crm::Days{45};
        const Route with_finance = route(m, p, org);  // regional manager + finance
        CHECK_FALSE(requires_at_least(high, with_finance));
    }

}  // TEST_SUITE
