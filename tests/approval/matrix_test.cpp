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

#include "fixtures.hpp"

namespace {

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

    TEST_CASE("at one threshold the inclusive band comes before the exclusive one") {
        // 10%以上 then 超过10%: increasing; the other way round is refused
        Row incl = discount("D1", crm::Percent{"10"}, {line("regional_manager")});
        Row excl = discount("D2", crm::Percent{"10"}, {line("sales_director")});
        excl.boundary = crm::Boundary::exclusive;
        CHECK_FALSE(build({incl, excl}).thrown);
        const Thrown t = build({excl, incl});
        CHECK(t.code == crm::ErrorCode::inconsistent);
        CHECK(t.field == "rows[1].over");
        Row bad = incl;
        bad.boundary = static_cast<crm::Boundary>(9);
        CHECK(build({bad}).field == "rows[0].boundary");
    }

    TEST_CASE("a role runs one mode in the whole matrix and a covering role is no laxer") {
        Level all = line("regional_manager");
        all.mode = StepMode::all;
        Level any = line("regional_manager");
        // 会签 in one row and 或签 in another for the same role: refused
        Thrown t =
            build({discount("D1", crm::Percent{"5"}, {all}), discount("D2", crm::Percent{"10"}, {any})});
        CHECK(t.code == crm::ErrorCode::inconsistent);
        CHECK(t.field == "rows[1].levels[0].mode");
        Level automatic = line("regional_manager");
        automatic.auto_at_most = cny("1000");
        t = build(
            {discount("D1", crm::Percent{"5"}, {any}), discount("D2", crm::Percent{"10"}, {automatic})});
        CHECK(t.field == "rows[1].levels[0].auto_at_most");
        // a director who countersigns covers an or-signing regional manager below
        Level director_all = line("sales_director");
        director_all.mode = StepMode::all;
        CHECK_FALSE(build({discount("D1", crm::Percent{"5"}, {any}),
                           discount("D2", crm::Percent{"10"}, {director_all})})
                        .thrown);
        // an or-signing director does not cover a countersigning regional manager
        t = build({discount("D1", crm::Percent{"5"}, {all}),
                   discount("D2", crm::Percent{"10"}, {line("sales_director")})});
        CHECK(t.field == "rows[1].levels");
        // a director passing by itself up to CNY 500 covers a manager passing up to CNY 1,000
        Level director_auto = line("sales_director");
        director_auto.auto_at_most = cny("500");
        CHECK_FALSE(build({discount("D1", crm::Percent{"5"}, {automatic}),
                           discount("D2", crm::Percent{"10"}, {director_auto})})
                        .thrown);
        // but not one passing by itself where the manager below never does
        t = build(
            {discount("D1", crm::Percent{"5"}, {any}), discount("D2", crm::Percent{"10"}, {director_auto})});
        CHECK(t.field == "rows[1].levels");
        const Matrix m{{discount("D1", crm::Percent{"5"}, {any})}, ladder()};
        CHECK(covers(m, all, any));
        CHECK_FALSE(covers(m, any, all));
        CHECK_FALSE(covers(m, automatic, any));
        CHECK(covers(m, any, automatic));
    }

    TEST_CASE("an OA declaration that cannot work is refused naming the level") {
        const auto with = [](Level l) { return build({discount("D1", crm::Percent{"5"}, {std::move(l)})}); };
        Level l = line("regional_manager");
        l.source = ApproverSource::manager;
        l.manager_level = 0;
        CHECK(with(l).field == "rows[0].levels[0].manager_level");
        l = line("regional_manager");
        l.source = ApproverSource::person;
        CHECK(with(l).field == "rows[0].levels[0].person");
        l = line("regional_manager");
        l.source = ApproverSource::chosen;
        CHECK(with(l).field == "rows[0].levels[0].choices");
        l = line("regional_manager");
        l.auto_at_most = crm::Money{"-1", "CNY"};
        CHECK(with(l).field == "rows[0].levels[0].auto_at_most");
        l.auto_at_most = crm::Money{"1", "USD"};
        CHECK(with(l).code == crm::ErrorCode::currency_mismatch);
        l = line("regional_manager");
        l.mode = static_cast<StepMode>(9);
        CHECK(with(l).field == "rows[0].levels[0].mode");
        l = line("regional_manager");
        l.source = static_cast<ApproverSource>(9);
        CHECK(with(l).field == "rows[0].levels[0].source");
        l = line("regional_manager");
        l.when_empty = static_cast<WhenEmpty>(9);
        CHECK(with(l).field == "rows[0].levels[0].when_empty");
        Row cc = discount("D1", crm::Percent{"5"}, {line("regional_manager")});
        cc.cc = {CopyTo{.role = RoleId{"cfo"}}};
        CHECK(build({cc}).field == "rows[0].cc[0].role");
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
