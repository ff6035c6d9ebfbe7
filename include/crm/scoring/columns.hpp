#pragma once
/// \file
/// Scoring many subjects held as columns, one per criterion, in Apache Arrow's layout
/// (crm/columnar/columns.hpp): what a pyarrow table, a polars frame or an ERP export hands over
/// without building a C++ object per row. The results are exactly those of
/// `evaluate(card, values)` row by row (crm/scoring/evaluate.hpp), on any number of threads;
/// proven by tests/scoring/columns_test.cpp over generated scorecards and columns.

#include <crm/columnar/columns.hpp>
#include <crm/export.hpp>
#include <crm/scoring/evaluate.hpp>

#include <span>
#include <vector>

namespace crm::scoring {

/// Scores `out.size()` subjects: `columns[i]` holds criterion i's raw values (a lookup
/// criterion takes `CompiledScorecard::category_code`), row r of every column is subject r, a
/// null is a missing fact (the criterion's MissingData policy applies). On up to `threads`
/// threads (0: the hardware's count), small batches on the calling thread.
///
/// Throws crm::Error before scoring: a column count other than `card.size()`
/// (invalid_argument, `columns`); a column of another length than `out`, a bad scale or
/// validity bitmap, a null in the column of a criterion whose policy is MissingData::error
/// (invalid_argument naming the column, as columnar::check_shape does). While scoring, for the
/// first bad row in row order (after every thread has stopped): a coefficient beyond 38 digits
/// (overflow), and what `evaluate` throws for that row, naming `<column>[row]` instead of
/// `values[i]` (`rows[r]` when the row as a whole is refused: every criterion excluded).
CRM_EXPORT void evaluate_columns(const CompiledScorecard& card,
                                 std::span<const columnar::NumberColumn> columns, std::span<Summary> out,
                                 int threads = 1, const Progress& progress = {});

/// As above, one Summary per row of the columns (which must all have the length of the
/// first; an empty column list has zero rows and fails the column count).
[[nodiscard]] CRM_EXPORT std::vector<Summary> evaluate_columns(
    const CompiledScorecard& card, std::span<const columnar::NumberColumn> columns, int threads = 1,
    const Progress& progress = {});

}  // namespace crm::scoring
