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
///     // discounts: 5% or more (5%以上) the regional manager, 10% or more also the sales director
///     Row{.id = crm::RuleId{"D1"}, .kind = RequestKind::discount, .over = crm::Percent{"5"},
///         .levels = {{RoleId{"regional_manager"}}}},
///     Row{.id = crm::RuleId{"D2"}, .kind = RequestKind::discount, .over = crm::Percent{"10"},
///         .levels = {{RoleId{"regional_manager"}}, {RoleId{"sales_director"}}}},
///     // leave: up to a day the key-account manager, more than a day (超过1天) the sales director
///     Row{.id = crm::RuleId{"L0"}, .kind = RequestKind::leave, .levels = {{RoleId{"key_account_manager"}}}},
///     Row{.id = crm::RuleId{"L1"}, .kind = RequestKind::leave, .over = crm::Days{1},
///         .levels = {{RoleId{"sales_director"}}}, .boundary = crm::Boundary::exclusive},
/// }, crm::default_roles()};
/// ```
///
/// ## How rows combine
/// - Rows of one kind with the same conditions form a **family**; inside it, the rows on one
///   figure form a **band group**. Thresholds are lower bounds on their declared side (inclusive
///   by default: "10%以上" includes 10%; exclusive: "超过10%" does not) and must increase in the
///   order the rows are given (at one number, the inclusive band before the exclusive one). A row without
///   threshold is the family's **base** band: it comes first, once, and applies when no band of any group of
///   the family is passed.
/// - For each family whose conditions match, each group contributes the levels of the **highest
///   band passed**; if none is, the base contributes. The route is the **union** of the
///   contributions of every matching family (a contract's value and its duration are two groups;
///   a government-only family adds to the general one). A level required twice appears once, with the
///   strictest OA terms of its contributions (the strictest mode; automatic approval only when
///   every contribution grants it, at the lowest limit).
/// - **Monotone by construction**: each band must require at least what the band below it (or,
///   for a group's first band, the base) does: every level of the lower band is covered by a
///   level of the higher one (see `covers`: a covering level also runs at least as strict a mode
///   and passes by itself no more easily). So raising an amount, a percent or a number of days
///   never lowers the required levels, and a union of monotone contributions is monotone.
///   tests/approval/properties_test.cpp checks it over thousands of generated matrices and
///   requests.

#include <crm/approval/request.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
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
#include <string_view>
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
/// The stable name: `reporting_line` or `function` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Reach reach) noexcept;
/// Prints to_string(reach).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Reach reach);

/// How the approvers of one step approve (the OA systems' 审批方式).
enum class StepMode : std::uint8_t {
    any_one,   ///< 或签: any one of the step's approvers suffices (the default: one holder of the level)
    all,       ///< 会签: every approver of the step, in any order
    in_order,  ///< 依次审批: every approver of the step, in the order the route lists them
};
/// The stable name: `any_one`, `all` or `in_order` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(StepMode mode) noexcept;
/// The name a user reads: en "any one (or-sign)", "all (countersign)", "in order"; zh 或签, 会签, 依次审批.
[[nodiscard]] CRM_EXPORT std::string_view display_name(StepMode mode, Lang lang) noexcept;
/// Prints to_string(mode).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, StepMode mode);

/// Who is asked to approve a step (the OA systems' 审批人设置). Whatever the source, the step
/// stands at the level's role on the ladder (its rank orders the route, and a person handed the
/// step by a transfer must hold that role's level).
enum class ApproverSource : std::uint8_t {
    role,     ///< the holders of `role` (on the requester's line or over the region, or the function)
    manager,  ///< the requester's manager `manager_level` levels up (第N级主管; 1 = direct manager)
    region_manager,  ///< the managers of the request's region (区域负责人)
    person,          ///< a named person (指定成员)
    chosen,          ///< the requester chooses at submission from `choices` (发起人自选)
};
/// The stable name: `role`, `manager`, `region_manager`, `person` or `chosen` ("unknown" for a value outside
/// the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ApproverSource source) noexcept;
/// Prints to_string(source).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ApproverSource source);

/// What happens to a step nobody can fill (审批人为空): a vacant role, a manager the chart does
/// not have, a region without a manager. Never a silent skip.
enum class WhenEmpty : std::uint8_t {
    block,          ///< the route is blocked with a reason (the default)
    escalate,       ///< the nearest manager above the requester whose rank is above the level's
    administrator,  ///< the named `administrator` (审批管理员)
};
/// The stable name: `block`, `escalate` or `administrator` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(WhenEmpty when) noexcept;
/// Prints to_string(when).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, WhenEmpty when);

/// A level that must approve: an org-chart role, who may fill it, and how the step runs in an OA
/// process. `{RoleId{"sales_director"}}` is a line step any one director on the requester's line
/// fills; `{RoleId{"finance"}, Reach::function}` a function step. The OA fields (mode, source,
/// empty-step fallback, automatic approval) are read by `resolve` (crm/approval/oa.hpp); `route`
/// carries them in each Step. A role's mode and automatic approval are the same in every row of
/// a matrix (checked on construction); a larger request adds steps, it does not change how a
/// step runs.
struct CRM_EXPORT Level {
    RoleId role;  ///< the level's role on the org chart's ladder (e.g. `sales_director`)
    Reach reach = Reach::reporting_line;  ///< who may fill the step; default a line manager's step
    StepMode mode = StepMode::any_one;    ///< how the step's approvers approve; default any one (或签)
    ApproverSource source = ApproverSource::role;  ///< who is asked; default the holders of `role`
    int manager_level = 1;                         ///< for `manager`: 1 the direct manager, 2 the next (>= 1)
    std::optional<PersonId> person;                ///< for `person`: who
    std::vector<PersonId> choices;                 ///< for `chosen`: the set the requester chooses from
    WhenEmpty when_empty = WhenEmpty::block;       ///< what a step nobody can fill does; default block
    std::optional<PersonId> administrator;         ///< for WhenEmpty::administrator: who
    /// 自动同意: the step passes by itself when the request's amount is at most this (以下: the
    /// amount itself included), in the matrix's currency.
    std::optional<Money> auto_at_most;
    /// 自动同意: the step passes by itself when a request with the same fingerprint was approved
    /// before (a repeat with unchanged content; the caller lists those fingerprints).
    bool auto_if_repeat = false;
    /// Memberwise equality.
    friend bool operator==(const Level&, const Level&) = default;
};
/// Prints the role, followed by ` (function)` for a function step.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Level& level);

/// Where a row applies. Each list is a set of accepted values; an empty list accepts any value.
/// A request matches when its segment, region and product line are each accepted.
struct CRM_EXPORT Conditions {
    std::vector<std::string> segments;          ///< account segment names ("government", ...)
    std::vector<RegionId> regions;              ///< accepted sales regions (销售区域); empty accepts any
    std::vector<ProductGroupId> product_lines;  ///< accepted product lines (产品线); empty accepts any

    /// Whether the request's segment, region and product line are each accepted.
    [[nodiscard]] bool matches(const Request& request) const noexcept;
    /// Memberwise equality.
    friend bool operator==(const Conditions&, const Conditions&) = default;
};
/// Same sets of values (order and repetition do not matter).
[[nodiscard]] CRM_EXPORT bool same_conditions(const Conditions& a, const Conditions& b);

/// A row's threshold: an amount (in the matrix's currency), a percent (points) or a number of
/// days. The alternative says which figure of the request it reads.
using Threshold = std::variant<Money, Percent, Days>;
/// amount, percent or days.
[[nodiscard]] CRM_EXPORT Dimension dimension_of(const Threshold& threshold) noexcept;
/// The threshold as a plain number: the amount, the percent points or the day count.
[[nodiscard]] CRM_EXPORT Decimal value_of(const Threshold& threshold);
/// The request's figure on `dimension` as a plain number (the amount, the percent points, the
/// days); zero for `none`.
[[nodiscard]] CRM_EXPORT Decimal figure_of(const Request& request, Dimension dimension);

/// Someone informed of a request (抄送): a named person, or every holder of a role. Never an
/// approver. Exactly one of the two is given.
struct CRM_EXPORT CopyTo {
    PersonId person;  ///< the person informed; empty when `role` is given
    RoleId role;      ///< every holder of this role is informed; empty when `person` is given
    /// Memberwise equality.
    friend bool operator==(const CopyTo&, const CopyTo&) = default;
};
/// Prints the person's id, or `role <id>`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const CopyTo& c);

/// One row of the matrix: "a <kind> request (matching <when>) whose <figure> reaches <over> needs
/// <levels>". An aggregate: build it with designated initialisers.
struct CRM_EXPORT Row {
    RuleId id;                              ///< unique in the matrix; steps name it
    RequestKind kind = RequestKind::order;  ///< what kind of request the row routes; default order
    Conditions when;  ///< the segments, regions and product lines the row applies to; empty lists accept any
    /// The band's lower threshold on one figure; not given: the group's base band (always applies).
    std::optional<Threshold> over;
    /// At least one; no role twice. Sequence comes from rank (see route.hpp), not from this order.
    std::vector<Level> levels;
    /// Whether the threshold's own figure is in the band. Inclusive by default, as "折扣10%以上需
    /// 总监审批" reads: a discount of exactly 10% needs the director; `Boundary::exclusive` for
    /// "超过10%" (10% itself does not).
    Boundary boundary = Boundary::inclusive;
    /// Copy recipients (抄送) when this row applies: informed, never approvers.
    std::vector<CopyTo> cc;
    /// Memberwise equality.
    friend bool operator==(const Row&, const Row&) = default;
};
/// Prints `<id>: <kind>`, then ` <dimension> at least <threshold>` (inclusive) or ` <dimension> over
/// <threshold>` (exclusive) when the row has one, then ` -> <levels>`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Row& row);

namespace detail {
struct MatrixData;  // the compiled index (src/approval/matrix.cpp)
}

/// The compiled delegation-of-authority matrix. Immutable after construction; copies share the
/// compiled index. Safe to use from many threads at once.
class CRM_EXPORT Matrix {
public:
    /// No rows: no request needs approval (`lint` reports every kind as a gap).
    Matrix();
    /// Validates and compiles `rows` against the org chart's role ladder (`org.roles()` or
    /// `crm::default_roles()`); amounts are in `currency`. Throws crm::Error naming the field:
    /// - `roles[i].id` duplicate;
    /// - `rows[i].id` empty (invalid_argument) or repeated (duplicate);
    /// - `rows[i].kind`, `rows[i].boundary`, `rows[i].levels[j].reach` / `.mode` / `.source` /
    ///   `.when_empty` outside their enums (invalid_argument);
    /// - `rows[i].levels` empty (invalid_argument); `rows[i].levels[j].role` not a role of the
    ///   ladder (not_found) or repeated in the row (duplicate);
    /// - `rows[i].levels[j].manager_level` below 1, `.person` missing for a named-person step,
    ///   `.choices` empty for a chosen step, `.administrator` missing for that fallback,
    ///   `.auto_at_most` negative (invalid_argument) or in another currency (currency_mismatch);
    /// - `rows[i].cc[k]` naming both or neither of a person and a role (invalid_argument), a role
    ///   not on the ladder (not_found);
    /// - `rows[i].levels[j].mode` / `.auto_at_most` differing from the first row that requires the
    ///   same role (inconsistent: a role's step runs one way in the whole matrix, so a union of
    ///   rows never mixes terms and routes stay monotone);
    /// - `rows[i].over` negative (invalid_argument), an amount in another currency
    ///   (currency_mismatch), or not above the previous threshold of its band group, or a base
    ///   row after a thresholded one, or a second base row (inconsistent: "thresholds must
    ///   increase within a kind and its conditions");
    /// - `rows[i].levels` not covering the levels of the band below it (inconsistent: a higher
    ///   threshold may not require less).
    Matrix(std::vector<Row> rows, std::span<const Role> roles, Currency currency = Currency{});

    /// The rows, in the order given.
    [[nodiscard]] std::span<const Row> rows() const noexcept;
    /// The role ladder the matrix was compiled against.
    [[nodiscard]] std::span<const Role> roles() const noexcept;
    /// The currency of every amount threshold (and automatic-approval limit).
    [[nodiscard]] Currency currency() const noexcept;
    /// The rank of a role of the ladder, or nullopt.
    [[nodiscard]] std::optional<int> rank_of(const RoleId& role) const noexcept;

    /// Same rows, roles and currency.
    friend CRM_EXPORT bool operator==(const Matrix& a, const Matrix& b);

    /// The compiled index, for route and lint.
    [[nodiscard]] const detail::MatrixData& data() const noexcept { return *data_; }

private:
    std::shared_ptr<const detail::MatrixData> data_;
};

/// True when level `higher` does at least the job of level `lower` on the ladder of `m`: for a
/// line level, `higher` is a line level of equal or higher rank; for a function level, `higher`
/// is the same function; and `higher` runs a mode at least as strict (或签 < 会签 < 依次审批) and
/// passes by itself no more easily (no automatic approval that `lower` does not also grant).
/// The matrix requires each band to cover the band below it.
[[nodiscard]] CRM_EXPORT bool covers(const Matrix& m, const Level& higher, const Level& lower);

}  // namespace crm::approval
