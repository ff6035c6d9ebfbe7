// evaluate_batch: the same results as one at a time, on any number of threads; thread counts
// clamped or refused; progress reported on the calling thread; the first bad subject's error.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "../support/generators.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using crm::test::Rng;
using namespace crm::scoring;

namespace {

// One criterion of every kind, two of them optional.
Scorecard mixed() {
    return Scorecard{
        .name = "mixed",
        .criteria = {{.id = "revenue",
                      .weight = Percent{"30"},
                      .function = Linear{.lo = Decimal{0}, .hi = Decimal{10'000'000}}},
                     {.id = "days",
                      .weight = Percent{"20"},
                      .function = LowerIsBetter{.best = Decimal{30}, .worst = Decimal{120}},
                      .missing = MissingData::exclude},
                     {.id = "achievement", .weight = Percent{"20"}, .function = Achievement{}},
                     {.id = "years",
                      .weight = Percent{"15"},
                      .function = Steps{.below = Score{20},
                                        .steps = {{Decimal{1}, Score{50}}, {Decimal{3}, Score{80}}}},
                      .missing = MissingData::score_zero},
                     {.id = "fit",
                      .weight = Percent{"15"},
                      .function = Lookup{.categories = {{"strategic", Score{100}},
                                                        {"key", Score{70}},
                                                        {"normal", Score{40}}}}}},
        .bands = {{"A", Score{80}, Score{100}}, {"B", Score{60}, Score{80}}, {"C", Score{0}, Score{60}}},
    };
}

Facts random_facts(Rng& rng) {
    static const char* labels[] = {"strategic", "key", "normal"};
    Facts f{{"revenue", Decimal::scaled(rng.between(0, 1'500'000'000), -2)},
            {"achievement", Decimal::scaled(rng.between(0, 2000), -3)},
            {"fit", std::string{labels[rng.below(3)]}}};
    if (rng.below(4) != 0) f.push_back({"days", Decimal::scaled(rng.between(0, 2000), -1)});
    if (rng.below(4) != 0) f.push_back({"years", Decimal{rng.between(0, 10)}});
    return f;
}

}  // namespace

TEST_SUITE("scoring.batch") {
    TEST_CASE("a batch gives the same results as one at a time on any number of threads") {
        Rng rng(42);
        const CompiledScorecard card{mixed()};
        std::vector<Facts> facts;
        for (int i = 0; i < 2000; ++i) facts.push_back(random_facts(rng));
        std::vector<ScoreResult> serial;
        for (const Facts& f : facts) serial.push_back(evaluate(card, f));
        for (int threads : {1, 2, 3, 7, 0}) {
            CAPTURE(threads);
            CHECK(evaluate_batch(card, facts, threads) == serial);
        }
        CHECK(evaluate_batch(mixed(), facts, 2) == serial);  // the uncompiled scorecard too
    }

    TEST_CASE("a dense batch gives the same summaries as one row at a time") {
        Rng rng(43);
        const CompiledScorecard card{mixed()};
        std::vector<Decimal> rows;
        std::vector<Summary> serial;
        for (int i = 0; i < 3000; ++i) {
            const std::vector<Decimal> row{Decimal::scaled(rng.between(0, 1'500'000'000), -2),
                                           Decimal::scaled(rng.between(0, 2000), -1),
                                           Decimal::scaled(rng.between(0, 2000), -3),
                                           Decimal{rng.between(0, 10)}, Decimal{rng.between(0, 2)}};
            rows.insert(rows.end(), row.begin(), row.end());
            serial.push_back(evaluate(card, row));
        }
        for (int threads : {1, 2, 5}) {
            CAPTURE(threads);
            CHECK(evaluate_batch(card, rows, threads) == serial);
            std::vector<Summary> out(serial.size());
            evaluate_batch(card, rows, out, threads);
            CHECK(out == serial);
        }
    }

    TEST_CASE("thread counts are clamped to the work and a negative count is refused") {
        const CompiledScorecard card{mixed()};
        Rng rng(44);
        const std::vector<Facts> three{random_facts(rng), random_facts(rng), random_facts(rng)};
        CHECK(evaluate_batch(card, three, 64).size() == 3);  // more threads than subjects
        CHECK(evaluate_batch(card, three, 0).size() == 3);   // the hardware's count
        CHECK(evaluate_batch(card, std::vector<Facts>{}, 4).empty());
        try {
            (void)evaluate_batch(card, three, -1);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.code() == ErrorCode::invalid_argument);
            CHECK(e.field() == "threads");
        }
        CHECK_THROWS_AS((void)evaluate_batch(card, std::vector<Decimal>(7), 1),
                        crm::Error);  // not whole rows of 5
        std::vector<Summary> wrong(3);
        try {
            evaluate_batch(card, std::vector<Decimal>(10, Decimal{1}), wrong, 1);
            FAIL("no error");
        } catch (const crm::Error& e) {
            CHECK(e.field() == "out");
        }
    }

    TEST_CASE("progress is reported on the calling thread and ends at the total") {
        const CompiledScorecard card{mixed()};
        Rng rng(45);
        std::vector<Facts> facts;
        for (int i = 0; i < 5000; ++i) facts.push_back(random_facts(rng));
        for (int threads : {1, 2, 4}) {
            CAPTURE(threads);
            std::vector<std::size_t> seen;
            bool on_caller = true;
            const auto caller = std::this_thread::get_id();
            (void)evaluate_batch(card, facts, threads, [&](std::size_t done, std::size_t total) {
                on_caller = on_caller && std::this_thread::get_id() == caller;
                CHECK(total == facts.size());
                seen.push_back(done);
            });
            CHECK(on_caller);
            REQUIRE_FALSE(seen.empty());
            CHECK(seen.back() == facts.size());
            CHECK(std::is_sorted(seen.begin(), seen.end()));
        }
    }

    TEST_CASE("the error of the first bad subject is thrown whatever the thread count") {
        const CompiledScorecard card{mixed()};
        Rng rng(46);
        std::vector<Facts> facts;
        for (int i = 0; i < 4000; ++i) facts.push_back(random_facts(rng));
        facts[3100].push_back({"colour", "red"});        // late: not_found
        facts[1234].push_back({"revenue", Decimal{1}});  // earlier: duplicate
        for (int threads : {1, 2, 3, 8}) {
            CAPTURE(threads);
            try {
                (void)evaluate_batch(card, facts, threads);
                FAIL("no error");
            } catch (const crm::Error& e) {
                CHECK(e.code() == ErrorCode::duplicate);
                CHECK(e.field() == "facts.revenue");
            }
        }
    }

}  // TEST_SUITE
