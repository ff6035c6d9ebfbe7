// Which side of a band edge a total falls on (以上 vs 超过), and a moved-from compiled
// scorecard that still scores (it once divided by zero in the dense batch).

#include <crm/core/error.hpp>
#include <crm/core/threshold.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "../support/errors.hpp"

using crm::Boundary;
using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using namespace crm::scoring;

namespace {

// One criterion, revenue 0 -> 0 .. 100 -> 100 points, so the total is the revenue itself.
Scorecard straight(Boundary side) {
    return Scorecard{
        .name = "straight",
        .criteria = {{.id = "revenue",
                      .weight = Percent{"100"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{100}}}},
        .bands = {{"A", Score{80}, Score{100}}, {"B", Score{60}, Score{80}}, {"C", Score{0}, Score{60}}},
        .band_floor = side,
    };
}

std::string grade_of(const CompiledScorecard& card, const char* revenue) {
    return evaluate(card, Facts{{"revenue", Decimal{revenue}}}).grade;
}

}  // namespace

TEST_SUITE("scoring.boundary") {
    TEST_CASE("80分以上 puts exactly 80 in A and 超过80分 puts it in B") {
        const CompiledScorecard inclusive{straight(Boundary::inclusive)};
        const CompiledScorecard exclusive{straight(Boundary::exclusive)};
        // total = revenue x 100% = 80.0000: the edge of A
        CHECK(grade_of(inclusive, "80") == "A");
        CHECK(grade_of(exclusive, "80") == "B");
        // one hundredth above the edge is A on both readings
        CHECK(grade_of(inclusive, "80.01") == "A");
        CHECK(grade_of(exclusive, "80.01") == "A");
        // 60 is B inclusive, C exclusive; 0 is C on both; 100 is A on both
        CHECK(grade_of(inclusive, "60") == "B");
        CHECK(grade_of(exclusive, "60") == "C");
        CHECK(grade_of(inclusive, "0") == "C");
        CHECK(grade_of(exclusive, "0") == "C");
        CHECK(grade_of(inclusive, "100") == "A");
        CHECK(grade_of(exclusive, "100") == "A");
        // the default is 以上
        CHECK(Scorecard{}.band_floor == Boundary::inclusive);
    }

    TEST_CASE("the dense path grades edges as the named path does on both sides") {
        for (const Boundary side : {Boundary::inclusive, Boundary::exclusive}) {
            const CompiledScorecard card{straight(side)};
            for (int cents = 0; cents <= 10'000; cents += 7) {
                CAPTURE(cents);
                const Decimal revenue = Decimal::scaled(cents, -2);
                const ScoreResult named = evaluate(card, Facts{{"revenue", revenue}});
                const std::vector<Decimal> row{revenue};
                const Summary dense = evaluate(card, std::span<const Decimal>(row));
                CHECK(card.scorecard().bands[dense.grade].label == named.grade);
                const Decimal total = named.total.points();
                const auto in = [&](int from, int to) {
                    return side == Boundary::inclusive
                               ? (total >= Decimal{from} && (total < Decimal{to} || to == 100))
                               : ((total > Decimal{from} || from == 0) && total <= Decimal{to});
                };
                const std::string expected = in(80, 100) ? "A" : in(60, 80) ? "B" : "C";
                CHECK(named.grade == expected);
            }
        }
    }

    TEST_CASE("a band side outside the enum is an error naming band_floor") {
        Scorecard card = straight(Boundary::inclusive);
        card.band_floor = static_cast<Boundary>(7);
        crm::test::check_error([&] { validate(card); }, ErrorCode::invalid_argument, "scorecard.band_floor");
    }

    TEST_CASE("a moved-from compiled scorecard still scores") {
        CompiledScorecard card{straight(Boundary::inclusive)};
        const CompiledScorecard moved = std::move(card);
        // the reproducer: a dense batch on the moved-from card divided by its criteria count 0
        const std::vector<Decimal> rows{Decimal{90}, Decimal{70}, Decimal{10}};
        const std::vector<Summary> from_moved = evaluate_batch(card, std::span<const Decimal>(rows), 1);
        const std::vector<Summary> from_new = evaluate_batch(moved, std::span<const Decimal>(rows), 1);
        REQUIRE(from_moved.size() == 3);
        CHECK(from_moved == from_new);
        CHECK(card.size() == 1);
        CHECK(from_moved[0].grade == 0);  // 90 -> A, listed first
        CompiledScorecard assigned{straight(Boundary::exclusive)};
        assigned = std::move(card);
        CHECK(card.size() == 1);
        CHECK(assigned.band_floor() == Boundary::inclusive);
    }
}
