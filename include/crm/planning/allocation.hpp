#pragma once
/// \file
/// Allocation on two margins: a company target split into regions x months by weights so that
/// every region's row, every month's column and the grand total are exact at once (controlled
/// rounding of a matrix, not two one-dimensional allocations that could disagree). Method and
/// tie-break in docs/planning.md; proven by tests/planning/allocation_test.cpp (a 3 x 12 worked
/// example, bad input, and a property over thousands of generated weight matrices).
///
/// ```cpp
/// using namespace crm::planning;
/// const MatrixAllocation a = allocate_matrix(crm::Money{"12000000", "CNY"}, weights);  //
/// weights[region][month] a.cells[2][11];  // region 2, December; sum of a.cells[2] == a.rows[2]; sum over i
/// of a.cells[i][11] == a.columns[11]
/// ```
///
/// **Method.** The ideal, unrounded share of cell (i, j) is total x w(i, j) / W, W the sum of
/// all weights; its row and column sums are the ideal region and month targets. Every cell,
/// row and column is rounded to the floor or the ceiling of its ideal value in minor units,
/// with the row sums, column sums and grand total all exact: the table is bordered with its
/// negated margins (so every row and column of the bordered table sums to zero) and rounded by
/// cycles. While some entry is fractional, the walk starts at the first fractional entry in
/// row-major order, leaves every row or column by its lowest-indexed other fractional entry
/// until it closes a cycle, and moves the cycle's entries alternately up and down by the
/// smaller of the two steps that make one of them whole (a tie moves the cycle's first entry
/// up). A move along a cycle changes no row or column sum of the bordered table, and no entry
/// passes a whole unit, so each ends at its floor or ceiling. Ideal values already whole are
/// never changed (a zero weight gives exactly zero).

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>

#include <span>
#include <vector>

namespace crm::planning {

/// A matrix split: `cells[i][j]` for row i (a region) and column j (a month); `rows[i]` and
/// `columns[j]` its margins. Invariants (tests/planning/allocation_test.cpp): every row of
/// cells sums exactly to `rows[i]`, every column to `columns[j]`, rows and columns both sum to
/// the total; each amount is a whole number of minor units and the floor or the ceiling of
/// its ideal share.
struct CRM_EXPORT MatrixAllocation {
    std::vector<Money> rows;     ///< the row margins (one per region), summing to the total
    std::vector<Money> columns;  ///< the column margins (one per month), summing to the total
    /// The split, `cells[i][j]` for row i and column j, whole minor units.
    std::vector<std::vector<Money>> cells;

    /// Memberwise equality.
    friend bool operator==(const MatrixAllocation&, const MatrixAllocation&) = default;
};

/// Splits `total` by the weight matrix `weights[i][j]` (see the file comment). Throws
/// crm::Error naming the field: `total` negative, not a whole number of minor units, or above
/// 10^17 minor units (invalid_argument); `weights` empty or all zero (invalid_argument);
/// `weights[i]` empty or of another length than row 0 (inconsistent); `weights[i][j]`
/// negative, with more than 6 decimal places, or above 10^9 (invalid_argument); more than
/// 10,000 cells (`weights`, invalid_argument). Cost: O(cells^2) in the worst case; a company's
/// regions x 12 months is instant.
[[nodiscard]] CRM_EXPORT MatrixAllocation allocate_matrix(const Money& total,
                                                          const std::vector<std::vector<Decimal>>& weights);

/// Splits given row targets (each region's annual target) over the columns by one weight per
/// column (the months' seasonality), so that every row is exactly its target and every column
/// sums exactly to its share of the total: the ideal cell is row_target x w(j) / sum(w), and the
/// rounding is the method of the file comment. Throws crm::Error naming the field:
/// `row_targets` empty, `row_targets[i]` negative, not whole minor units, above 10^17 minor
/// units or of another currency than row 0 (currency_mismatch); `column_weights` empty or all
/// zero, `column_weights[j]` as for a weight above.
[[nodiscard]] CRM_EXPORT MatrixAllocation allocate_matrix(std::span<const Money> row_targets,
                                                          std::span<const Decimal> column_weights);

}  // namespace crm::planning
