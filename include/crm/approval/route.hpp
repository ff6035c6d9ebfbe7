#pragma once
/// \file
/// The approval route (审批流程) of a request: the steps the matrix requires, each with the rule
/// that required it and the figure that triggered it, in order. Proven by
/// tests/approval/route_test.cpp (worked examples per request kind) and
/// tests/approval/properties_test.cpp (monotonicity).
///
/// ```cpp
/// crm::approval::Route r = crm::approval::route(matrix, request, org);
/// for (const auto& step : r.steps) std::cout << step << '\n';
/// // stage 0: regional_manager (rule D2, percent over 10)
/// // stage 1: sales_director (rule D2, percent over 10)
/// ```
///
/// ## Order
/// Steps are ordered by the rank of their level, lowest first. Each distinct rank is a **stage**:
/// stages run in sequence, and the steps of one stage run in parallel ("the regional manager,
/// then the sales director and finance together" is a ladder where finance has the director's
/// rank). Among equal ranks, line steps come before function steps, then by role id.

#include <crm/approval/matrix.hpp>
#include <crm/approval/request.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/money/decimal.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crm::approval {

/// One step of a route: a level that must approve, why, and when in the sequence.
struct CRM_EXPORT Step {
    Level level;    ///< the role and who may fill it
    int rank = 0;   ///< the level's rank on the matrix's ladder
    int stage = 0;  ///< 0-based; equal stages approve in parallel
    /// The row that required this level; when several did, the one of the first family and figure
    /// (in matrix order) to require it.
    RuleId rule;
    Dimension dimension = Dimension::none;  ///< the figure that triggered the row (none: a base row)
    /// The threshold the figure passed (amount, percent points or days); not given for a base row.
    std::optional<Decimal> over;
    /// Whether `over` itself was in the band (以上) or not (超过), as the row declared.
    Boundary boundary = Boundary::inclusive;
    /// Memberwise equality.
    friend bool operator==(const Step&, const Step&) = default;
};
/// `stage 1: sales_director (rule D2, percent at least 10)`; "over" for an exclusive threshold.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Step& step);

/// What of a request a route depends on: its kind, its segment, region and product line, and its
/// three figures. Nothing else (not the requester, not the content) changes a route.
struct CRM_EXPORT RoutingBasis {
    RequestKind kind = RequestKind::order;  ///< the request's kind
    std::string segment;                    ///< the account segment's stable name; empty when not relevant
    RegionId region;                        ///< the sales region
    ProductGroupId product_line;            ///< the product line
    Money amount;                           ///< the amount figure
    Percent percent;                        ///< the percent figure, in points
    Days days;                              ///< the days figure

    /// The parts of `request` a route depends on.
    [[nodiscard]] static RoutingBasis of(const Request& request);
    /// True when `request` has the same kind, conditions and figures (numerically: 1.50 == 1.5).
    [[nodiscard]] bool matches(const Request& request) const noexcept;
    /// Memberwise equality.
    friend bool operator==(const RoutingBasis&, const RoutingBasis&) = default;
};

/// The route of one version of one request.
///
/// Invariants: steps are ordered by (stage, line before function, role id); stages are 0, 1, ...
/// without holes; no role appears twice. An empty route means no approval is needed; `reason()`
/// then says so (`approval.not_needed`); otherwise it is `approval.route` with the number of
/// steps and the top level (computed on demand, so that routing allocates nothing but the
/// steps). `request` and `basis` name the request version the route was computed for: `verify`
/// refuses a route computed for another request or for other figures or conditions
/// (`approval.route_outdated`). The approvals themselves are tied to the full content by the
/// request's fingerprint.
struct CRM_EXPORT Route {
    RequestId request;  ///< the request the route was computed for
    /// The kind, conditions and figures it was computed from (verify compares them with the request).
    RoutingBasis basis;
    std::vector<Step> steps;  ///< the steps, ordered as described above; empty when no approval is needed
    /// Copy recipients (抄送) of the rows that applied, each once, in row order: informed, never
    /// counted as approvers.
    std::vector<CopyTo> cc;

    /// True when the route has at least one step.
    [[nodiscard]] bool needs_approval() const noexcept { return !steps.empty(); }
    /// `approval.not_needed` (allow) for an empty route, else `approval.route` (needs_approval)
    /// with the figures `kind`, `kind_zh`, `steps`, `top_level` and `top_level_zh` (the highest
    /// level's role by its id: use the overload with the role ladder for its names).
    [[nodiscard]] Reason reason() const;
    /// reason() with the highest level named by its role's name in `roles` (display_name: English
    /// in `top_level`, Chinese in `top_level_zh`); a role not in `roles` by its id.
    [[nodiscard]] Reason reason(std::span<const Role> roles) const;
    /// The number of stages (0 for an empty route).
    [[nodiscard]] int stages() const noexcept { return steps.empty() ? 0 : steps.back().stage + 1; }
    /// Memberwise equality.
    friend bool operator==(const Route&, const Route&) = default;
};
/// Prints `route of <request> (<kind>): ` then the steps separated by `; `, or `no approval needed`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Route& route);

/// The route `matrix` requires for `request`. Throws crm::Error before any result: a request
/// figure that is negative (`request.amount`, `request.percent`, `request.days`,
/// invalid_argument), a non-zero amount in a currency other than the matrix's
/// (`request.amount`, currency_mismatch), a requester who is not in `org` (`request.requester`,
/// not_found). `org` is the chart at the time of the request; `verify` takes the chart of each
/// approval date.
///
/// Cost: one pass over the rows of the request's kind (band thresholds pre-sorted at
/// construction); the only allocations are the returned route's.
[[nodiscard]] CRM_EXPORT Route route(const Matrix& matrix, const Request& request, const OrgChart& org);

/// True when route `a` requires at least what route `b` does: every step of `b` is covered by a
/// step of `a` (a line step by a line step of equal or higher rank, a function step by the same
/// function, in a mode at least as strict and passing by itself no more easily). The monotonicity property:
/// raising a figure of a request gives a route that requires at least the old one.
[[nodiscard]] CRM_EXPORT bool requires_at_least(const Route& a, const Route& b) noexcept;

/// Step `i` of the route in words (`approval.step_required`): its stage, level, mode, the rule
/// and the threshold with the word of its side ("10% or more" / "10%以上", "more than 10%" /
/// "超过10%"). Role names come from `org`'s ladder (the role id when it has none).
[[nodiscard]] CRM_EXPORT Reason describe_step(const Route& route, std::size_t i, const OrgChart& org);

/// The highest rank the route requires (0 for an empty route).
[[nodiscard]] CRM_EXPORT int top_rank(const Route& route) noexcept;

}  // namespace crm::approval
