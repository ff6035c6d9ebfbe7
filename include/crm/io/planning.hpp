#pragma once
/// \file
/// The plan allocation request (`crm plan allocate`) as a document: a company target split into
/// regions x 12 months by planning::allocate_matrix, so that every region's row, every month's
/// column and the grand total are exact at once. Two forms, as the two overloads of
/// allocate_matrix: a `total` with each region's 12 month `weights`, or each region's own
/// `target` with one `month_weights` row for all. The answer decides nothing (no outcome):
/// `crm plan allocate` exits 0 when it answers. The reader keeps the rules of crm/io/json.hpp
/// (errors name the JSON Pointer and `file:line:col`). See docs/documents.md. Proven by
/// tests/io/planning_request_test.cpp.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/planning/allocation.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// The months of a plan year: every weight row of a request has this many entries.
inline constexpr std::size_t plan_months = 12;

/// A region of a plan allocation request: `{"region": "R1", "name": "华东", "weights": [12
/// decimals]}` in the `total` form, `{"region": "R1", "name": "华东", "target": <money>}` in the
/// `month_weights` form. `name` may be left out (or null).
struct CRM_EXPORT PlanRegion {
    std::string region{};               ///< `region`: the region's id, unique in the request
    std::optional<std::string> name{};  ///< `name`: what a table shows beside the id (区域名称)
    std::vector<Decimal> weights{};     ///< `weights`: the 12 month weights (`total` form only)
    std::optional<Money> target{};      ///< `target`: the region's annual target (`month_weights` form only)

    /// Memberwise equality.
    friend bool operator==(const PlanRegion&, const PlanRegion&) = default;
};

/// A plan allocation request: `{"total": <money>, "regions": [{"region", "name", "weights"}]}`
/// (split the total by the regions x months weight matrix), or `{"regions": [{"region",
/// "name", "target"}], "month_weights": [12 decimals]}` (split each region's target by the
/// months' seasonality). Exactly one of `total` and `month_weights` is given.
struct CRM_EXPORT PlanRequest {
    std::optional<Money> total{};                         ///< `total`: the company target (first form)
    std::vector<PlanRegion> regions{};                    ///< `regions`: the rows, in the order shown
    std::optional<std::vector<Decimal>> month_weights{};  ///< `month_weights`: 12 decimals (second form)

    /// Memberwise equality.
    friend bool operator==(const PlanRequest&, const PlanRequest&) = default;
};

/// Reads a plan allocation request; `file` names the text in error messages. Throws crm::Error
/// naming the JSON Pointer: both `total` and `month_weights` (`/month_weights`) or neither
/// (`""`); in the `total` form a region without `weights` (`/regions/0`) or with a `target`
/// (`/regions/0/target`), in the `month_weights` form the other way round; a weight row of
/// another length than 12 (`/regions/1/weights`, `/month_weights`; inconsistent); a region id
/// empty or given twice (`/regions/1/region`; duplicate); money or a weight as a JSON number
/// (`/total/amount`, `/regions/0/weights/3`); an unknown key. The values themselves (negative,
/// too many decimals, all zero) are allocate_matrix's to check: see plan_allocation.
[[nodiscard]] CRM_EXPORT PlanRequest read_plan_request(std::string_view text,
                                                       std::string_view file = "<request>");

/// An answered plan allocation request.
struct CRM_EXPORT PlanAllocation {
    std::vector<PlanRegion> regions{};  ///< the request's regions, in its order
    Money total{};                      ///< the grand total (the request's `total`, or the targets' sum)
    planning::MatrixAllocation allocation{};  ///< rows per region, columns per month, `cells[region][month]`

    /// Memberwise equality.
    friend bool operator==(const PlanAllocation&, const PlanAllocation&) = default;
};

/// Splits the request with planning::allocate_matrix (the first overload for the `total` form,
/// the second for the `month_weights` form). A request a host built is first checked for its
/// form as read_plan_request checks a document's (one form, each region in it, 12 weights a
/// row, unique ids). allocate_matrix's errors name C++ paths; they are rethrown at
/// the request's JSON Pointer: `total` -> `/total`, `weights` -> `/regions` (none, all zero,
/// more than 10,000 cells), `weights[i][j]` -> `/regions/i/weights/j` (negative, more than 6
/// decimals, above 10^9), `row_targets[i]` -> `/regions/i/target` (negative, not whole minor
/// units, another currency than region 0's: currency_mismatch), `column_weights[j]` ->
/// `/month_weights/j`, the message starting with the region's id (`region R2: ...`). The
/// pointer is located in the document by the caller (the command line does, with
/// crm::io::locate).
[[nodiscard]] CRM_EXPORT PlanAllocation plan_allocation(const PlanRequest& request);

/// `{"currency", "total", "months": [12 column totals], "regions": [{"region", "name", "total",
/// "months": [12 cells]}]}`: amounts as decimal strings in minor units (`"83.34"`), all in
/// `currency`; `name` null when the request gives none.
[[nodiscard]] CRM_EXPORT std::string write_plan_allocation(const PlanAllocation& answer);

}  // namespace crm::io
