// evaluate_columns: scorecard facts as decimal128 columns give exactly what evaluate() gives
// row by row (generated scorecards, values and nulls, on one and two threads); a worked
// example by hand; bad columns refused naming the column and the row.

#include <crm/columnar/columns.hpp>
#include <crm/core/error.hpp>
#include <crm/scoring/columns.hpp>
#include <crm/scoring/evaluate.hpp>

#include <doctest/doctest.h>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "../support/generators.hpp"
#include "random_cards.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using crm::columnar::NumberColumn;
using crm::columnar::NumberColumnBuilder;
using crm::test::Rng;
using namespace crm::scoring;

namespace {

// The places a column needs for its values (1.50 needs 1).
int places_needed(const std::vector<std::optional<Decimal>>& values) {
    int places = 0;
    for (const auto& v : values)
        if (v && !v->is_zero()) places = std::max(places, reduce(*v).scale());
    return places;
}

struct Table {
    std::vector<NumberColumnBuilder> builders;
    std::vector<NumberColumn> views;
};

// One column per criterion from rows of optional values (row r, criterion i at r * width + i).
Table columns_of(const std::vector<std::optional<Decimal>>& cells, std::size_t width, int extra_places = 0) {
    Table t;
    const std::size_t rows = width == 0 ? 0 : cells.size() / width;
    for (std::size_t i = 0; i < width; ++i) {
        std::vector<std::optional<Decimal>> column;
        for (std::size_t r = 0; r < rows; ++r) column.push_back(cells[r * width + i]);
        NumberColumnBuilder b(places_needed(column) + extra_places, "c" + std::to_string(i));
        for (const auto& v : column) {
            if (v)
                b.push_back(*v);
            else
                b.push_null();
        }
        t.builders.push_back(std::move(b));
    }
    for (const auto& b : t.builders) t.views.push_back(b.view());
    return t;
}

using crm::test::mixed;

struct Reference {
    std::vector<Summary> summaries;  // up to the first error
    std::optional<crm::Error> error;
    std::size_t bad_row = 0;
};

// evaluate() on each row (`width` cells each), up to the first error.
Reference row_by_row(const CompiledScorecard& card, const std::vector<std::optional<Decimal>>& cells,
                     std::size_t width) {
    Reference ref;
    for (std::size_t r = 0; r * width < cells.size() && !ref.error; ++r) {
        try {
            ref.summaries.push_back(
                evaluate(card, std::span<const std::optional<Decimal>>(cells).subspan(r * width, width)));
        } catch (const crm::Error& e) {
            ref.error = e;
            ref.bad_row = r;
        }
    }
    return ref;
}

template <class F>
crm::Error error_of(F&& f) {
    try {
        f();
    } catch (const crm::Error& e) {
        return e;
    }
    FAIL("no error");
    return crm::Error(ErrorCode::invalid_argument, "", "");
}

}  // namespace

TEST_SUITE("scoring.columns") {
    TEST_CASE("columns over generated scorecards score as evaluate does row by row") {
        static constexpr MissingData policies[] = {MissingData::error, MissingData::score_zero,
                                                   MissingData::exclude};
        Rng rng(20261205);
        int with_errors = 0;
        int with_nulls = 0;
        for (int round = 0; round < 250; ++round) {
            Scorecard sc = crm::test::random_card(rng);
            for (Criterion& c : sc.criteria) c.missing = policies[rng.below(3)];
            const CompiledScorecard card{sc};
            const bool hostile = round % 3 == 0;
            const bool wide = round % 4 == 1;  // values only the exact Decimal path takes
            const std::size_t width = card.size();
            const std::size_t rows = 1 + rng.below(600);
            std::vector<std::optional<Decimal>> cells;
            bool nulls = false;
            for (std::size_t r = 0; r < rows; ++r) {
                for (std::size_t i = 0; i < width; ++i) {
                    // Nulls only where the policy allows them (MissingData::error is checked up front).
                    const bool null = sc.criteria[i].missing != MissingData::error && rng.below(30) == 0;
                    nulls = nulls || null;
                    cells.push_back(
                        null ? std::nullopt
                             : std::optional<Decimal>(crm::test::random_value(rng, sc, i, hostile, wide)));
                }
            }
            // Columns at the scale their values need, or two places more (other units).
            const Table t = columns_of(cells, width, round % 2 == 0 ? 0 : 2);
            // The reference: evaluate() row by row over the values as the columns hold them
            // (an error message shows a value at its column's scale: 2.00, not 2), which are
            // the generated values, numerically.
            std::vector<std::optional<Decimal>> held;
            for (std::size_t r = 0; r < rows; ++r)
                for (const NumberColumn& c : t.views)
                    held.push_back(c.validity.valid(r) ? std::optional<Decimal>(c.at(r)) : std::nullopt);
            const Reference expected = row_by_row(card, cells, width);
            const Reference as_held = row_by_row(card, held, width);
            REQUIRE(as_held.summaries == expected.summaries);
            REQUIRE(as_held.error.has_value() == expected.error.has_value());
            const auto& first = as_held.error;
            const std::size_t bad_row = as_held.bad_row;
            CAPTURE(round);
            for (int threads : {1, 2}) {
                CAPTURE(threads);
                try {
                    const std::vector<Summary> got = evaluate_columns(card, t.views, threads);
                    CHECK_FALSE(first.has_value());
                    CHECK(got == expected.summaries);
                } catch (const crm::Error& e) {
                    REQUIRE(first.has_value());
                    CHECK(e.code() == first->code());
                    CHECK(e.message() == first->message());
                    const std::string& f = first->field();
                    if (f.starts_with("values["))
                        CHECK(e.field() ==
                              "c" + f.substr(7, f.size() - 8) + "[" + std::to_string(bad_row) + "]");
                    else
                        CHECK(e.field() == "rows[" + std::to_string(bad_row) + "]");
                }
            }
            if (first) CHECK(expected.bad_row == bad_row);
            with_errors += first ? 1 : 0;
            with_nulls += nulls ? 1 : 0;
        }
        CHECK(with_errors > 20);
        CHECK(with_nulls > 50);
    }

    TEST_CASE("a worked example: three accounts in five columns") {
        // Account 0: revenue 5,000,000 of 0..10,000,000 scores 50.00; days 60 between best 30
        // and worst 120 scores 100 - 30/90 x 100 = 66.67 (half up); achievement 0.90 between
        // 0.60 (50) and 1.20 (100) scores 75.00; 2 years reaches the step from 1: 50.00; fit
        // code 0 (strategic) 100. Total 50 x 0.30 + 66.67 x 0.20 + 75 x 0.20 + 50 x 0.15 + 100 x
        // 0.15 = 15 + 13.334 + 15 + 7.5 + 15 = 65.834, band B.
        // Account 1: the same with days missing (excluded) and fit key (70): the present
        // weights are 80%; 15 + 15 + 7.5 + 10.5 = 48 over 0.80 = 60.0000, band B (from 60).
        // Account 2: years missing (scores 0), fit normal (40): 15 + 13.334 + 15 + 0 + 6 = 49.334, C.
        const CompiledScorecard card{mixed()};
        const std::vector<std::optional<Decimal>> cells{
            Decimal{5'000'000}, Decimal{60},  Decimal{"0.90"}, Decimal{2},   Decimal{0},
            Decimal{5'000'000}, std::nullopt, Decimal{"0.90"}, Decimal{2},   Decimal{1},
            Decimal{5'000'000}, Decimal{60},  Decimal{"0.90"}, std::nullopt, Decimal{2},
        };
        const Table t = columns_of(cells, 5);
        const std::vector<Summary> got = evaluate_columns(card, t.views);
        REQUIRE(got.size() == 3);
        CHECK(got[0].total == Score{"65.834"});
        CHECK(got[0].grade == 1);
        CHECK(got[1].total == Score{"60"});
        CHECK(got[1].grade == 1);
        CHECK(got[2].total == Score{"49.334"});
        CHECK(got[2].grade == 2);
    }

    TEST_CASE("bad columns are refused naming the column and the row") {
        const CompiledScorecard card{mixed()};
        std::vector<std::optional<Decimal>> cells;
        for (int r = 0; r < 300; ++r)
            for (const Decimal& v :
                 {Decimal{5'000'000}, Decimal{60}, Decimal{"0.90"}, Decimal{2}, Decimal{r % 3}})
                cells.emplace_back(v);
        const Table good = columns_of(cells, 5);
        CHECK(evaluate_columns(card, good.views, 2).size() == 300);

        auto four = good.views;
        four.pop_back();
        crm::Error e = error_of([&] { (void)evaluate_columns(card, four); });
        CHECK(e.code() == ErrorCode::invalid_argument);
        CHECK(e.field() == "columns");

        auto short_days = good.views;
        short_days[1].data = short_days[1].data.first(16 * 299);
        e = error_of([&] { (void)evaluate_columns(card, short_days); });
        CHECK(e.field() == "c1");

        std::vector<Summary> wrong(299);
        e = error_of([&] { evaluate_columns(card, good.views, wrong); });
        CHECK(e.field() == "c0");  // the first column of another length than `out`

        // A null in revenue (MissingData::error) at row 7: refused before any result.
        std::vector<std::optional<Decimal>> with_null = cells;
        with_null[7 * 5] = std::nullopt;
        const Table nulls = columns_of(with_null, 5);
        e = error_of([&] { (void)evaluate_columns(card, nulls.views); });
        CHECK(e.code() == ErrorCode::invalid_argument);
        CHECK(e.field() == "c0[7]");

        // Fit codes 5 at row 150 and 3 at row 200: the first in row order is named.
        std::vector<std::optional<Decimal>> codes = cells;
        codes[150 * 5 + 4] = Decimal{5};
        codes[200 * 5 + 4] = Decimal{3};
        const Table bad_codes = columns_of(codes, 5);
        for (int threads : {1, 2}) {
            e = error_of([&] { (void)evaluate_columns(card, bad_codes.views, threads); });
            CHECK(e.code() == ErrorCode::not_found);
            CHECK(e.field() == "c4[150]");
        }

        // A coefficient of 39 digits (10^38) in the achievement column at row 42.
        std::vector<std::byte> raw(good.views[2].data.begin(), good.views[2].data.end());
        const crm::detail::uint128 big = crm::detail::pow10_38;
        const std::uint64_t words[2] = {static_cast<std::uint64_t>(big),
                                        static_cast<std::uint64_t>(big >> 64)};
        std::memcpy(raw.data() + 16 * 42, words, 16);
        auto wide = good.views;
        wide[2].data = raw;
        e = error_of([&] { (void)evaluate_columns(card, wide); });
        CHECK(e.code() == ErrorCode::overflow);
        CHECK(e.field() == "c2[42]");

        auto bad_scale = good.views;
        bad_scale[3].scale = 39;
        e = error_of([&] { (void)evaluate_columns(card, bad_scale); });
        CHECK(e.field() == "c3.scale");

        e = error_of([&] {
            NumberColumnBuilder b(2, "x");
            b.push_back(Decimal{"1.005"});
        });
        CHECK(e.code() == ErrorCode::invalid_argument);
        CHECK(e.field() == "x[0]");
        e = error_of([] { NumberColumnBuilder b(-1, "x"); });
        CHECK(e.field() == "x.scale");
    }

    TEST_CASE("progress ends at the total and a negative thread count is refused") {
        const CompiledScorecard card{mixed()};
        std::vector<std::optional<Decimal>> cells;
        for (int r = 0; r < 5000; ++r)
            for (const Decimal& v :
                 {Decimal{r * 1000}, Decimal{r % 150}, Decimal{"1.01"}, Decimal{r % 5}, Decimal{r % 3}})
                cells.emplace_back(v);
        const Table t = columns_of(cells, 5);
        std::vector<std::size_t> seen;
        const auto got =
            evaluate_columns(card, t.views, 2, [&](std::size_t done, std::size_t) { seen.push_back(done); });
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back() == 5000);
        CHECK(got == evaluate_columns(card, t.views, 1));
        const crm::Error e = error_of([&] { (void)evaluate_columns(card, t.views, -1); });
        CHECK(e.field() == "threads");
    }
}  // TEST_SUITE
