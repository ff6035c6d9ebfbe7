#pragma once
/// \file
/// The delegation-of-authority matrix (权限矩阵 / 审批权限表): rows that map a request (its kind,
/// segment, region, product line and figures) to the org-chart levels that must approve it.
/// Validated and compiled once, on construction; `route` (crm/approval/route.hpp) reads it.
/// Domain: docs/domain.md section 6. Proven by tests/approval/matrix_test.cpp.
///
/// ```cpp
/// using namespace crm::approval;
/// using crm::RoleId;
/// Matrix m{{
///     // discounts: over 5% the regional manager, over 10% also the sales director
///     Row{.id = crm::RuleId{"D1"}, .kind = RequestKind::discount, .over = crm::Percent{"5"},
///         .levels = {{RoleId{"regional_manager"}}}},
///     Row{.id = crm::RuleId{"D2"}, .kind = RequestKind::discount, .over = crm::Percent{"10"},
///         .levels = {{RoleId{"regional_manager"}}, {RoleId{"sales_director"}}}},
///     // leave: up to a day the key-account manager, over a day the sales director
///     Row{.id = crm::RuleId{"L0"}, .kind = RequestKind::leave, .levels = {{RoleId{"key_account_manager"}}}},
///     Row{.id = crm::RuleId{"L1"}, .kind = RequestKind::leave, .over = crm::Days{1},
///         .levels = {{RoleId{"sales_director"}}}},
/// }, crm::default_roles()};
/// ```
///
/// ## How rows combine
/// - Rows of one kind with the same conditions form a **family**; inside it, the rows on one
///   figure form a **band group**. Thresholds are exclusive lower bounds ("over 10%": 10% itself
///   is not over) and must increase in the order the rows are given. A row without threshold is
///   the family's **base** band: it comes first, once, and applies when no band of any group of
///   the family is passed.
/// - For each family whose conditions match, each group contributes the levels of the **highest
///   band passed**; if none is, the base contributes. The route is the **union** of the
///   contributions of every matching family (a contract's value and its duration are two groups;
///   a government-only family adds to the general one). A level required twice appears once.
/// - **Monotone by construction**: each band must require at least what the band below it (or,
///   for a group's first band, the base) does: every level of the lower band is covered by a
///   level of the higher one (see `covers`). So raising an amount, a percent or a number of days
///   never lowers the required levels, and a union of monotone contributions is monotone.
///   tests/approval/properties_test.cpp checks it over thousands of generated matrices and
///   requests.

#include <crm/approval/request.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace crm::approval {

/// Who may fill a step that requires a level.
enum class Reach : std::uint8_t {
    /// A line manager's step: the approver's role ranks at least as high as the level, and the
    /// approver is above the requester on the reporting line or manages the request's region.
    /// (A regional manager's request therefore goes to someone above them: they cannot approve it
    /// themself.)
    reporting_line,
    /// A function's step (finance 财务, legal 法务, HR 人事): the approver's role is exactly the
    /// level, wherever they sit in the chart. A higher rank elsewhere does not count.
    function,
};
[[nodiscard]] std::string_view to_string(Reach reach) noexcept;
std::ostream& operator<<(std::ostream& os, Reach reach);

/// A level that must approve: an org-chart role and who may fill it. `{RoleId{"sales_director"}}`
/// is a line step; `{RoleId{"finance"}, Reach::function}` a function step.
struct Level {
    RoleId role;
    Reach reach = Reach::reporting_line;
    friend bool operator==(const Level&, const Level&) = default;
};
std::ostream& operator<<(std::ostream& os, const Level& level);

/// Where a row applies. Each list is a set of accepted values; an empty list accepts any value.
/// A request matches when its segment, region and product line are each accepted.
struct Conditions {
    std::vector<std::string> segments;  ///< account segment names ("government", ...)
    std::vector<RegionId> regions;
    std::vector<ProductGroupId> product_lines;

    [[nodiscard]] bool matches(const Request& request) const noexcept;
    friend bool operator==(const Conditions&, const Conditions&) = default;
};
/// Same sets of values (order and repetition do not matter).
[[nodiscard]] bool same_conditions(const Conditions& a, const Conditions& b);

/// A row's threshold: an amount (in the matrix's currency), a percent (points) or a number of
/// days. The alternative says which figure of the request it reads.
using Threshold = std::variant<Money, Percent, Days>;
/// amount, percent or days.
[[nodiscard]] Dimension dimension_of(const Threshold& threshold) noexcept;
/// The threshold as a plain number: the amount, the percent points or the day count.
[[nodiscard]] Decimal value_of(const Threshold& threshold);
/// The request's figure on `dimension` as a plain number (the amount, the percent points, the
/// days); zero for `none`.
[[nodiscard]] Decimal figure_of(const Request& request, Dimension dimension);

/// One row of the matrix: "a <kind> request (matching <when>) whose <figure> is over <over> needs
/// <levels>". An aggregate: build it with designated initialisers.
struct Row {
    RuleId id;  ///< unique in the matrix; steps name it
    RequestKind kind = RequestKind::order;
    Conditions when;
    /// Exclusive lower bound on one figure; not given: the group's base band (always applies).
    std::optional<Threshold> over;
    /// At least one; no role twice. Sequence comes from rank (see route.hpp), not from this order.
    std::vector<Level> levels;
    friend bool operator==(const Row&, const Row&) = default;
};
std::ostream& operator<<(std::ostream& os, const Row& row);

namespace detail {
struct MatrixData;  // the compiled index (src/approval/matrix.cpp)
}

/// The compiled delegation-of-authority matrix. Immutable after construction; copies share the
/// compiled index. Safe to use from many threads at once.
class Matrix {
public:
    /// No rows: no request needs approval (`lint` reports every kind as a gap).
    Matrix();
    /// Validates and compiles `rows` against the org chart's role ladder (`org.roles()` or
    /// `crm::default_roles()`); amounts are in `currency`. Throws crm::Error naming the field:
    /// - `roles[i].id` duplicate;
    /// - `rows[i].id` empty (invalid_argument) or repeated (duplicate);
    /// - `rows[i].levels` empty (invalid_argument); `rows[i].levels[j].role` not a role of the
    ///   ladder (not_found) or repeated in the row (duplicate);
    /// - `rows[i].over` negative (invalid_argument), an amount in another currency
    ///   (currency_mismatch), or not above the previous threshold of its band group, or a base
    ///   row after a thresholded one, or a second base row (inconsistent: "thresholds must
    ///   increase within a kind and its conditions");
    /// - `rows[i].levels` not covering the levels of the band below it (inconsistent: a higher
    ///   threshold may not require less).
    Matrix(std::vector<Row> rows, std::span<const Role> roles, Currency currency = Currency{});

    [[nodiscard]] std::span<const Row> rows() const noexcept;
    [[nodiscard]] std::span<const Role> roles() const noexcept;
    [[nodiscard]] Currency currency() const noexcept;
    /// The rank of a role of the ladder, or nullopt.
    [[nodiscard]] std::optional<int> rank_of(const RoleId& role) const noexcept;

    /// Same rows, roles and currency.
    friend bool operator==(const Matrix& a, const Matrix& b);

    /// The compiled index, for route and lint.
    [[nodiscard]] const detail::MatrixData& data() const noexcept { return *data_; }

private:
    std::shared_ptr<const detail::MatrixData> data_;
};

/// True when level `higher` does at least the job of level `lower` on the ladder of `m`: for a
/// line level, `higher` is a line level of equal or higher rank; for a function level, `higher`
/// is the same function. The matrix requires each band to cover the band below it.
[[nodiscard]] bool covers(const Matrix& m, const Level& higher, const Level& lower);

}  // namespace crm::approval
