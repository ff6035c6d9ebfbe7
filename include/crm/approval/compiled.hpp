#pragma once
/// \file
/// Internal: the compiled form of an approval Matrix, shared by route, lint and the tests.
/// Not part of the public interface; it may change without notice.

#include <crm/approval/matrix.hpp>
#include <crm/approval/request.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace crm::approval::detail {

/// A level with its role resolved to the ladder.
struct CompiledLevel {
    std::uint32_t role = 0;  ///< index into MatrixData::roles
    Reach reach = Reach::reporting_line;
    int rank = 0;
    std::uint32_t id_order = 0;  ///< the role's position among the ladder's ids in order (for sorting steps)
    std::uint32_t row = 0;       ///< the row declaring it (MatrixData::rows)
    std::uint32_t index = 0;     ///< its position in the row's levels
};

/// A non-negative number as a 64-bit coefficient and an exponent, when it fits (`fits`), for
/// the comparisons of routing; otherwise routing compares the Decimals.
struct Small {
    bool fits = false;
    std::uint64_t coefficient = 0;
    int exponent = 0;
};

/// One row as a band of its group: the threshold it passes and the levels it requires.
struct Band {
    Decimal over;                             ///< unused for a base band
    Small over_small;                         ///< `over` for the fast comparison
    Boundary boundary = Boundary::inclusive;  ///< whether `over` itself is in the band
    std::uint32_t row = 0;                    ///< index into MatrixData::rows
    std::uint32_t first_level = 0;            ///< into MatrixData::levels
    std::uint32_t level_count = 0;
};

/// The thresholded rows of one family on one figure, thresholds strictly increasing.
struct DimensionGroup {
    Dimension dimension = Dimension::amount;
    std::vector<Band> bands;
};

/// The rows of one kind with the same conditions: an optional base band (the row without
/// threshold, the fallback when no band of any group passes) and one group per figure.
struct Family {
    RequestKind kind = RequestKind::order;
    Conditions when;  ///< sorted, without repeats
    std::optional<Band> base;
    std::vector<DimensionGroup> groups;
};

struct MatrixData {
    std::vector<Row> rows;
    std::vector<Role> roles;
    Currency currency;
    std::unordered_map<RoleId, std::uint32_t> role_index;
    std::vector<CompiledLevel> levels;
    std::vector<Family> families;
    bool has_cc = false;                                                 ///< some row has copy recipients
    std::array<std::vector<std::uint32_t>, request_kind_count> by_kind;  ///< family indices, row order
};

/// `higher` runs at least as strict a mode (或签 < 会签 < 依次审批) and grants no automatic
/// approval that `lower` does not also grant.
[[nodiscard]] CRM_EXPORT bool no_laxer(const Level& higher, const Level& lower) noexcept;

}  // namespace crm::approval::detail
