// evaluate_batch: the same results as one at a time, on any number of threads; thread counts
// clamped or refused; progress reported on the calling thread; the first bad subject's error.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "../support/generators.hpp"
#include "random_cards.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using crm::test::Rng;
using namespace crm::scoring;

namespace {

using crm::test::mixed;

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

    // The dense batch scores blocks of rows criterion by criterion (src/scoring/evaluate.cpp);
    // a block with a value the integer path does not take is scored again row by row. Over
    // generated scorecards (every function, rounding mode, edge and band floor) and rows
    // (values on the points, outside them, with many digits), the batch gives what evaluate()
    // gives row by row, or the error of the first row evaluate() refuses.
    TEST_CASE("a dense batch over generated scorecards equals evaluate row by row") {
        Rng rng(20261204);
        int cards_with_errors = 0;
        int blocks_all_fast = 0;
        for (int round = 0; round < 300; ++round) {
            const Scorecard sc = crm::test::random_card(rng);
            const CompiledScorecard card{sc};
            const bool hostile = round % 3 == 0;
            const bool wide = round % 4 == 1;              // values only the exact Decimal path takes
            const std::size_t count = 1 + rng.below(400);  // from a part of a block to several
            std::vector<Decimal> rows;
            for (std::size_t r = 0; r < count; ++r)
                for (std::size_t i = 0; i < card.size(); ++i)
                    rows.push_back(crm::test::random_value(rng, sc, i, hostile, wide));
            std::vector<Summary> expected;
            std::optional<crm::Error> first_error;
            for (std::size_t r = 0; r < count && !first_error; ++r) {
                try {
                    expected.push_back(evaluate(card, std::span(rows).subspan(r * card.size(), card.size())));
                } catch (const crm::Error& e) {
                    first_error = e;
                }
            }
            CAPTURE(round);
            for (int threads : {1, 2}) {
                CAPTURE(threads);
                try {
                    const std::vector<Summary> got = evaluate_batch(card, rows, threads);
                    CHECK_FALSE(first_error.has_value());
                    CHECK(got == expected);
                } catch (const crm::Error& e) {
                    REQUIRE(first_error.has_value());
                    CHECK(e.code() == first_error->code());
                    CHECK(e.field() == first_error->field());
                    CHECK(std::string(e.what()) == std::string(first_error->what()));
                }
            }
            cards_with_errors += first_error ? 1 : 0;
            blocks_all_fast += expected.size() == count ? 1 : 0;
        }
        // The generator reaches both outcomes often.
        CHECK(cards_with_errors > 20);
        CHECK(blocks_all_fast > 150);
    }

    TEST_CASE("the dense batch reports the first bad row past the first block") {
        // mixed(): revenue, days, achievement, years, fit (codes 0..2). 300 good rows; row 200
        // (the second block of 128) has fit code 3, row 150 has fit code 5: row 150 comes
        // first, so the error names values[4] with the code 5, whatever the thread count.
        const CompiledScorecard card{mixed()};
        std::vector<Decimal> rows;
        for (int r = 0; r < 300; ++r) {
            const std::int64_t fit = r == 150 ? 5 : (r == 200 ? 3 : r % 3);
            for (const Decimal& v :
                 {Decimal{5'000'000}, Decimal{60}, Decimal::scaled(90, -2), Decimal{2}, Decimal{fit}})
                rows.push_back(v);
        }
        for (int threads : {1, 2}) {
            CAPTURE(threads);
            try {
                (void)evaluate_batch(card, rows, threads);
                FAIL("no error");
            } catch (const crm::Error& e) {
                CHECK(e.code() == ErrorCode::not_found);
                CHECK(e.field() == "values[4]");
                CHECK(std::string(e.what()).find("category code 5") != std::string::npos);
            }
        }
        // The good rows alone: revenue 5,000,000 of 0..10,000,000 scores 50.00; days 60 between
        // best 30 and worst 120 scores 100 - 30/90 x 100 = 66.67 (half up); achievement 0.90
        // between 0.60 (50) and 1.20 (100) scores 50 + 0.30/0.60 x 50 = 75.00; 2 years reaches
        // the step from 1: 50.00; fit: 100, 70 or 40. Total without fit: 50 x 0.30 + 66.67 x
        // 0.20 + 75 x 0.20 + 50 x 0.15 = 15 + 13.334 + 15 + 7.5 = 50.834; with fit code 0
        // (strategic, 100 x 0.15 = 15): 65.834, band B.
        rows.resize(3 * 5);
        const std::vector<Summary> got = evaluate_batch(card, rows, 1);
        CHECK(got[0].total == Score{"65.8340"});
        CHECK(got[0].grade == 1);
        CHECK(got[1].total == Score{"61.3340"});  // key: 70 x 0.15 = 10.5
        CHECK(got[2].total == Score{"56.8340"});  // normal: 40 x 0.15 = 6
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
