// rank: best total first, ties told apart by declared criteria or shared as declared.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/rank.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::Percent;
using namespace crm::scoring;

namespace {

// sales 50%, collection 50%, each linear 0 -> 0, 1 -> 100; collection may be excluded
Scorecard card() {
    return Scorecard{
        .name = "two",
        .criteria = {{.id = "sales",
                      .weight = Percent{"50"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{1}}},
                     {.id = "collection",
                      .weight = Percent{"50"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{1}},
                      .missing = MissingData::exclude}},
        .bands = {{"all", Score{0}, Score{100}}},
    };
}

ScoreResult scored(const char* sales, const char* collection) {
    Facts f{{"sales", Decimal{sales}}};
    if (collection != nullptr) f.push_back({"collection", Decimal{collection}});
    return evaluate(card(), f);
}

std::vector<std::size_t> ranks(const std::vector<Ranked>& r) {
    std::vector<std::size_t> out;
    for (const Ranked& x : r) out.push_back(x.rank);
    return out;
}
std::vector<std::size_t> order(const std::vector<Ranked>& r) {
    std::vector<std::size_t> out;
    for (const Ranked& x : r) out.push_back(x.index);
    return out;
}

}  // namespace

TEST_SUITE("scoring.rank") {
    TEST_CASE("equal totals share a rank and the next rank skips the places they take") {
        // totals: 0: (0.9 + 0.7) / 2 = 80, 1: (0.7 + 0.9) / 2 = 80, 2: 90, 3: 50
        const std::vector<ScoreResult> r{scored("0.9", "0.7"), scored("0.7", "0.9"), scored("0.9", "0.9"),
                                         scored("0.5", "0.5")};
        const std::vector<Ranked> competition = rank(r);
        CHECK(order(competition) == std::vector<std::size_t>{2, 0, 1, 3});
        CHECK(ranks(competition) == std::vector<std::size_t>{1, 2, 2, 4});
        CHECK(ranks(rank(r, TieRule{.shared = SharedRank::dense})) == std::vector<std::size_t>{1, 2, 2, 3});
    }

    TEST_CASE("a declared tie-break criterion separates equal totals") {
        const std::vector<ScoreResult> r{scored("0.7", "0.9"), scored("0.9", "0.7"), scored("0.9", "0.9")};
        // 0 and 1 both total 80; on sales, 1 (90) beats 0 (70)
        const std::vector<Ranked> by_sales = rank(r, TieRule{.tie_break = {"sales"}});
        CHECK(order(by_sales) == std::vector<std::size_t>{2, 1, 0});
        CHECK(ranks(by_sales) == std::vector<std::size_t>{1, 2, 3});
        const std::vector<Ranked> by_collection = rank(r, TieRule{.tie_break = {"collection", "sales"}});
        CHECK(order(by_collection) == std::vector<std::size_t>{2, 0, 1});
    }

    TEST_CASE("an excluded tie-break criterion counts below any score") {
        // 0: sales 0.8 alone (collection excluded) -> 80; 1: (0.8 + 0.8) / 2 = 80
        const std::vector<ScoreResult> r{scored("0.8", nullptr), scored("0.8", "0.8")};
        CHECK(r[0].total == r[1].total);
        CHECK(order(rank(r, TieRule{.tie_break = {"collection"}})) == std::vector<std::size_t>{1, 0});
        CHECK(ranks(rank(r, TieRule{.tie_break = {"sales"}})) == std::vector<std::size_t>{1, 1});
    }

    TEST_CASE("a tie-break criterion missing from the results is an error naming it") {
        const std::vector<ScoreResult> r{scored("0.8", "0.8")};
        try {
            (void)rank(r, TieRule{.tie_break = {"sales", "visits"}});
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == crm::ErrorCode::not_found);
            CHECK(e.field() == "tie_rule.tie_break[1]");
        }
        CHECK(rank(std::vector<ScoreResult>{}).empty());
    }

    TEST_CASE("ranks are a permutation ordered by total with shared ranks only for equal keys") {
        crm::test::Rng rng(11);
        for (int trial = 0; trial < 300; ++trial) {
            std::vector<ScoreResult> r;
            const auto n = static_cast<std::size_t>(rng.between(1, 12));
            for (std::size_t i = 0; i < n; ++i) {
                // few distinct values so that ties are common
                const Decimal s = Decimal::scaled(rng.between(0, 4), -1);
                const Decimal c = Decimal::scaled(rng.between(0, 4), -1);
                r.push_back(evaluate(card(), rng.below(4) == 0 ? Facts{{"sales", s}}
                                                               : Facts{{"sales", s}, {"collection", c}}));
            }
            const bool dense = rng.coin();
            const std::vector<Ranked> out =
                rank(r, TieRule{.tie_break = {"sales"},
                                .shared = dense ? SharedRank::dense : SharedRank::competition});
            CAPTURE(trial);
            REQUIRE(out.size() == n);
            std::vector<std::size_t> seen = order(out);
            std::sort(seen.begin(), seen.end());
            for (std::size_t i = 0; i < n; ++i) CHECK(seen[i] == i);
            CHECK(out.front().rank == 1);
            for (std::size_t p = 1; p < n; ++p) {
                const ScoreResult& a = r[out[p - 1].index];
                const ScoreResult& b = r[out[p].index];
                CHECK(a.total >= b.total);
                const bool same = a.total == b.total && a.criteria[0].score == b.criteria[0].score;
                if (same) {
                    CHECK(out[p].rank == out[p - 1].rank);
                    CHECK(out[p - 1].index < out[p].index);  // input order among equals
                } else {
                    CHECK(out[p].rank == (dense ? out[p - 1].rank + 1 : p + 1));
                }
            }
        }
    }

}  // TEST_SUITE
