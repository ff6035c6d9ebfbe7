// Allocation on two margins: worked examples traced by hand, bad input named by field, and
// the margins exact over thousands of generated weight matrices.

#include <crm/core/error.hpp>
#include <crm/planning/allocation.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "../support/errors.hpp"

using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using namespace crm::planning;

namespace {

Money cny(const char* s) { return Money{s, "CNY"}; }

Money sum(const std::vector<Money>& v) {
    Money s = Money::zero(crm::Currency{"CNY"});
    for (const Money& m : v) s += m;
    return s;
}

// Fen (minor units) of an amount.
std::int64_t fen(const Money& m) { return (m.amount() * Decimal{100}).to_int64(); }

// The margins and the floor-or-ceiling bound of every cell, row and column.
void check_allocation(const MatrixAllocation& a, const Money& total,
                      const std::vector<std::vector<Decimal>>& w) {
    const std::size_t m = w.size();
    const std::size_t n = w.front().size();
    REQUIRE(a.cells.size() == m);
    REQUIRE(a.rows.size() == m);
    REQUIRE(a.columns.size() == n);
    Decimal all{0};
    for (const auto& row : w)
        for (const Decimal& x : row) all += x;
    const Decimal t = total.amount() * Decimal{100};
    // cell ideal = t x w / all (fen); floor <= cell <= floor + 1 and cell == ideal when ideal whole
    const auto within = [&](std::int64_t got, const Decimal& weight) {
        const Decimal lo = divide(t * weight, all, 0, crm::RoundingMode::floor);
        const Decimal hi = divide(t * weight, all, 0, crm::RoundingMode::ceiling);
        return Decimal{got} >= lo && Decimal{got} <= hi;
    };
    std::vector<Decimal> col_w(n, Decimal{0});
    for (std::size_t i = 0; i < m; ++i) {
        REQUIRE(a.cells[i].size() == n);
        CHECK(sum(a.cells[i]) == a.rows[i]);
        Decimal row_w{0};
        for (std::size_t j = 0; j < n; ++j) {
            CHECK(within(fen(a.cells[i][j]), w[i][j]));
            row_w += w[i][j];
            col_w[j] += w[i][j];
        }
        CHECK(within(fen(a.rows[i]), row_w));
    }
    for (std::size_t j = 0; j < n; ++j) {
        Money col = Money::zero(crm::Currency{"CNY"});
        for (std::size_t i = 0; i < m; ++i) col += a.cells[i][j];
        CHECK(col == a.columns[j]);
        CHECK(within(fen(a.columns[j]), col_w[j]));
    }
    CHECK(sum(a.rows) == total);
    CHECK(sum(a.columns) == total);
}

}  // namespace

TEST_SUITE("planning.allocation") {
    TEST_CASE("a 2 x 2 split traced step by step") {
        // CNY 1.00 = 100 fen by [[1, 1], [1, 0]], W = 3: ideal cells 33.33, 33.33 / 33.33, 0; rows
        // 66.67, 33.33; columns 66.67, 33.33. In thirds of a fen the bordered table is
        //   [  100  100 -200 ]
        //   [  100    0 -100 ]
        //   [ -200 -100  300 ]
        // Cycle 1 from (0,0): row0 -> col0 -> row1 -> col2 -> row0, edges (0,0)+ (1,0)- (1,2)+ (0,2)-;
        // both directions need a step of 1 third: the tie moves (0,0) up -> 101, 99, -99, -201.
        // Cycle 2 from (0,0): row0 -> col0 -> row2 -> col1 -> row0, edges (0,0)+ (2,0)- (2,1)+ (0,1)-;
        // up needs 1, down 2: up -> 102, -201, -99, 99. Every entry whole: in fen
        // cells [[34, 33], [33, 0]], rows 67, 33, columns 67, 33.
        const std::vector<std::vector<Decimal>> w{{Decimal{1}, Decimal{1}}, {Decimal{1}, Decimal{0}}};
        const MatrixAllocation a = allocate_matrix(cny("1.00"), w);
        CHECK(a.cells[0][0] == cny("0.34"));
        CHECK(a.cells[0][1] == cny("0.33"));
        CHECK(a.cells[1][0] == cny("0.33"));
        CHECK(a.cells[1][1] == cny("0.00"));  // a zero weight gets exactly zero
        CHECK(a.rows == std::vector<Money>{cny("0.67"), cny("0.33")});
        CHECK(a.columns == std::vector<Money>{cny("0.67"), cny("0.33")});
        check_allocation(a, cny("1.00"), w);
    }

    TEST_CASE("a company of 3 regions x 12 months with seasonality") {
        // Regions east, north, south weigh 5 : 3 : 2; the months 8 8 9 9 9 9 8 8 9 9 7 7 (sum 100).
        // CNY 12,000,000.00: cell = 12,000,000 x r x m / (10 x 100) = 12,000 x r x m, all exact:
        // east January 12,000 x 5 x 8 = 480,000; north March 12,000 x 3 x 9 = 324,000; south
        // November 12,000 x 2 x 7 = 168,000; rows 6,000,000 / 3,600,000 / 2,400,000; January
        // 12,000 x 10 x 8 = 960,000, November 840,000.
        const int r[3] = {5, 3, 2};
        const int mo[12] = {8, 8, 9, 9, 9, 9, 8, 8, 9, 9, 7, 7};
        std::vector<std::vector<Decimal>> w(3);
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 12; ++j) w[static_cast<std::size_t>(i)].push_back(Decimal{r[i] * mo[j]});
        const MatrixAllocation a = allocate_matrix(cny("12000000.00"), w);
        CHECK(a.cells[0][0] == cny("480000"));
        CHECK(a.cells[1][2] == cny("324000"));
        CHECK(a.cells[2][10] == cny("168000"));
        CHECK(a.rows == std::vector<Money>{cny("6000000"), cny("3600000"), cny("2400000")});
        CHECK(a.columns[0] == cny("960000"));
        CHECK(a.columns[10] == cny("840000"));
        check_allocation(a, cny("12000000.00"), w);

        // The same split from the regions' own targets and the months' weights gives the same.
        const std::vector<Money> targets{cny("6000000"), cny("3600000"), cny("2400000")};
        std::vector<Decimal> season;
        for (int j = 0; j < 12; ++j) season.push_back(Decimal{mo[j]});
        CHECK(allocate_matrix(targets, season) == a);
    }

    TEST_CASE("CNY 100.00 over 3 regions x 12 months of equal weight") {
        // 10,000 fen / 36 cells = 277.78 fen: every cell 277 or 278 fen; each region 3,333.33:
        // floors 3 x 3,333 = 9,999, so exactly one region gets 3,334; each month 833.33: floors
        // 12 x 833 = 9,996, so exactly four months get 834; and 36 x 277 = 9,972, so 28 cells get 278.
        const std::vector<std::vector<Decimal>> w(3, std::vector<Decimal>(12, Decimal{1}));
        const MatrixAllocation a = allocate_matrix(cny("100.00"), w);
        check_allocation(a, cny("100.00"), w);
        int rows_up = 0;
        int columns_up = 0;
        int cells_up = 0;
        for (const Money& m : a.rows) rows_up += fen(m) == 3334 ? 1 : 0;
        for (const Money& m : a.columns) columns_up += fen(m) == 834 ? 1 : 0;
        for (const auto& row : a.cells)
            for (const Money& m : row) cells_up += fen(m) == 278 ? 1 : 0;
        CHECK(rows_up == 1);
        CHECK(columns_up == 4);
        CHECK(cells_up == 28);
    }

    TEST_CASE("bad allocation input is an error naming the field") {
        const std::vector<std::vector<Decimal>> ok{{Decimal{1}, Decimal{2}}};
        using crm::test::check_error;
        check_error([&] { return allocate_matrix(cny("-1.00"), ok); }, ErrorCode::invalid_argument, "total");
        check_error([&] { return allocate_matrix(cny("1.001"), ok); }, ErrorCode::invalid_argument, "total");
        check_error([&] { return allocate_matrix(cny("1.00"), {}); }, ErrorCode::invalid_argument, "weights");
        check_error(
            [&] {
                return allocate_matrix(cny("1.00"), {{Decimal{0}, Decimal{0}}});
            },
            ErrorCode::invalid_argument, "weights");
        check_error(
            [&] {
                return allocate_matrix(cny("1.00"), {{Decimal{1}, Decimal{-1}}});
            },
            ErrorCode::invalid_argument, "weights[0][1]");
        check_error(
            [&] {
                return allocate_matrix(cny("1.00"), {{Decimal{1}}, {Decimal{1}, Decimal{2}}});
            },
            ErrorCode::inconsistent, "weights[1]");
        check_error(
            [&] {
                return allocate_matrix(cny("1.00"), {{Decimal{1}, Decimal{"0.0000001"}}});
            },
            ErrorCode::invalid_argument, "weights[0][1]");
        const std::vector<Money> mixed{cny("1.00"), Money{"1.00", "USD"}};
        check_error([&] { return allocate_matrix(mixed, std::vector<Decimal>{Decimal{1}}); },
                    ErrorCode::currency_mismatch, "row_targets[1]");
        const std::vector<Money> one{cny("1.00")};
        check_error([&] { return allocate_matrix(one, std::vector<Decimal>{Decimal{0}}); },
                    ErrorCode::invalid_argument, "column_weights");
    }

    TEST_CASE("margins are exact over thousands of generated weight matrices") {
        std::mt19937_64 rng(20261201);
        for (int trial = 0; trial < 3000; ++trial) {
            CAPTURE(trial);
            const std::size_t m = 1 + rng() % 6;
            const std::size_t n = 1 + rng() % 12;
            std::vector<std::vector<Decimal>> w(m, std::vector<Decimal>(n));
            bool any = false;
            for (auto& row : w)
                for (Decimal& x : row) {
                    const auto kind = rng() % 4;
                    // zeros, small integers, and weights with up to 6 decimals
                    x = kind == 0   ? Decimal{0}
                        : kind == 1 ? Decimal{static_cast<std::int64_t>(rng() % 10)}
                                    : Decimal::scaled(static_cast<std::int64_t>(rng() % 10'000'000),
                                                      -static_cast<int>(rng() % 7));
                    any = any || x.signum() > 0;
                }
            if (!any) w[0][0] = Decimal{1};
            const Money total{Decimal::scaled(static_cast<std::int64_t>(rng() % 100'000'000'000), -2),
                              crm::Currency{"CNY"}};
            CAPTURE(total);
            check_allocation(allocate_matrix(total, w), total, w);
        }
    }
}
