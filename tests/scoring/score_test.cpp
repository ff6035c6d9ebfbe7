// crm::scoring::Score: points, exact, with only the operations that make sense.

#include <crm/core/error.hpp>
#include <crm/money/money.hpp>
#include <crm/scoring/score.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <type_traits>

using crm::Decimal;
using crm::Percent;
using crm::scoring::Score;

namespace {
template <class A, class B>
concept addable = requires(A a, B b) {
    a + b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
    a* b;
};
}  // namespace

// A score is points, not money and not a percent.
static_assert(addable<Score, Score>);
static_assert(!addable<Score, Percent>);
static_assert(!addable<Score, Decimal>);
static_assert(!addable<crm::Money, Score>);
static_assert(!multipliable<Score, Score>);
static_assert(multipliable<Score, Percent>);
static_assert(!std::is_convertible_v<Decimal, Score>);  // explicit: a bare number is not a score
static_assert(std::is_nothrow_default_constructible_v<Score>);

TEST_SUITE("scoring.score") {
    TEST_CASE("a score is exact points that compare by value and print plainly") {
        CHECK(Score{} == Score{0});
        CHECK(Score{"87.5"} == Score{"87.50"});
        CHECK(Score{"87.49"} < Score{"87.5"});
        CHECK(Score{100} > Score{"99.99"});
        std::ostringstream os;
        os << Score{"87.50"};
        CHECK(os.str() == "87.50");
        CHECK(to_string(Score{Decimal{"1E+2"}}) == "100");
    }

    TEST_CASE("a score times a weight is an exact contribution") {
        // 87.50 points x 15% = 87.50 x 0.15 = 13.1250 points
        const Score c = Score{"87.50"} * Percent{"15"};
        CHECK(c == Score{"13.125"});
        CHECK(c.points().to_string() == "13.1250");
        // contributions add: 13.1250 + 6.2500 = 19.3750
        CHECK((c + Score{"25.00"} * Percent{"25"}).points().to_string() == "19.3750");
        CHECK((Percent{"25"} * Score{"25.00"}) == Score{"6.25"});
        Score total;
        total += Score{"1.5"};
        CHECK(total - Score{"0.5"} == Score{1});
    }

    TEST_CASE("text that is not a number is a parse error naming score") {
        try {
            (void)Score{"eighty"};
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::parse_error);
            CHECK(e.field() == "score");
        }
        CHECK_THROWS_AS((void)Score{""}, crm::Error);
    }

}  // TEST_SUITE
