#pragma once
/// \file
/// Verifying approvals (审批校验): does a set of approval records fill a route, under the rules
/// of segregation of duties, levels held on the approval date, delegations (代理审批) and the
/// content approved? Domain: docs/domain.md section 6. Proven by
/// tests/approval/verify_test.cpp, which also replays the bypass attempts real systems
/// suffered (edit after approval, a duplicate request, approving one's own request, approving
/// through an expired delegation).
///
/// ```cpp
/// using namespace crm::approval;
/// Route r = route(matrix, request, org);
/// std::vector<Approval> given{{.request = request.id, .fingerprint = fingerprint(request),
///                              .level = crm::RoleId{"regional_manager"},
///                              .approver = crm::PersonId{"li"}, .date = crm::Date(2024, 5, 6)}};
/// crm::Decision d = verify(r, given, request, org, {});
/// // needs_approval: "step 1 needs the approval of sales director (rule D2)"; zh "第 1 步需要 销售总监 审批 (规则 D2)"
/// ```
///
/// ## The rules, in the order they are checked for each approval record
/// 1. It was given for this request id (`approval.other_request`) and for this version of its
///    content, i.e. the request's current fingerprint (`approval.stale_fingerprint`).
/// 2. It exercises an approval right, not a proposal or a rating (`approval.not_an_approval`).
/// 3. It names a level the route requires (`approval.not_in_route`).
/// 4. Neither the approver nor the person they act for is the requester (`approval.own_request`).
/// 5. An approval on behalf of someone needs a delegation from that person to the approver
///    (`approval.no_delegation`) whose dates include the approval date
///    (`approval.delegation_expired`) and whose kinds include the request's
///    (`approval.delegation_scope`). Delegations do not chain.
/// 6. On the approval date (the org chart of that date, see OrgSnapshot) both the approver and the
///    person whose authority is used are in the chart (`approval.unknown_approver`), and the
///    person whose authority is used (the principal for a delegate, else the approver) holds the
///    level: for a line step their role's rank is at least the level's rank
///    (`approval.level_too_low`) and they are above the requester on the reporting line or manage
///    the request's region (`approval.not_on_line`); for a function step their role is exactly
///    the level (`approval.level_too_low`).
/// 7. Steps are filled stage by stage, lowest first; for each step the records naming its level
///    are taken in the order given. A person (approver or principal) fills at most one step of a
///    route (`approval.same_person_twice`); the same approver and level submitted again counts
///    once (`approval.duplicate_record`); a record dated before an approval of an earlier stage
///    does not count (`approval.out_of_sequence`): stages run in sequence.
///
/// The decision: `allow` with `approval.satisfied` (or `approval.not_needed` for an empty route)
/// when every step is filled; otherwise `needs_approval` with one `approval.step_missing` per
/// empty step. Each record that did not count adds its reason with severity `warn`, so a route
/// filled despite a stray self-approval comes out `warn`, not `allow`. A route computed for
/// another request or version adds `approval.route_outdated` (needs_approval).

#include <crm/approval/request.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace crm::approval {

/// One approval record, as the host's workflow stores it: who approved which request, as which
/// level, on which date, for which version of the content.
struct CRM_EXPORT Approval {
    RequestId request;        ///< the request approved
    Fingerprint fingerprint;  ///< `fingerprint(request)` at the time of approval
    RoleId level;             ///< the route step it fills (the level the approver acts as)
    PersonId approver;        ///< the person who clicked approve
    /// The principal whose authority the approver exercises as their delegate (代理); not given
    /// when the approver acts in their own right.
    std::optional<PersonId> on_behalf_of;
    Date date;  ///< the approval date; the org chart of this date decides the level
    Authority authority = Authority::approval;  ///< only `approval` fills a step
    /// Memberwise equality.
    friend bool operator==(const Approval&, const Approval&) = default;
};
/// Prints `<approver> [for <principal>] as <level> on <date> (<authority>) of <request> [<fingerprint>]`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Approval& a);

/// A delegation of approval authority (代理审批授权): `delegate` may approve for `principal`,
/// for the request kinds listed, from `from` to `to` (both days included).
struct CRM_EXPORT Delegation {
    PersonId principal;              ///< whose authority is delegated
    PersonId delegate;               ///< who may approve in the principal's place; not the principal
    std::vector<RequestKind> kinds;  ///< at least one
    Date from;                       ///< the first day of the delegation, inclusive
    Date to;                         ///< the last day of the delegation, inclusive
    /// Throws crm::Error naming `<field>.to` (inconsistent: ends before it starts),
    /// `<field>.delegate` (invalid_argument: delegates to themself or is empty),
    /// `<field>.principal` (invalid_argument: empty), `<field>.kinds` (invalid_argument: none).
    void validate(std::string_view field = "delegation") const;
    /// Whether `date` lies within from..to, both days included.
    [[nodiscard]] bool covers(Date date) const noexcept { return from <= date && date <= to; }
    /// Whether the delegation covers requests of `kind`.
    [[nodiscard]] bool covers(RequestKind kind) const noexcept;
    /// Memberwise equality.
    friend bool operator==(const Delegation&, const Delegation&) = default;
};
/// Prints `<principal> -> <delegate> from <from> to <to> for <kinds>`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Delegation& d);

/// The org chart valid from a date on (until the next snapshot's date). A history is a list of
/// snapshots with strictly increasing dates; the chart of a date is that of the latest snapshot
/// starting on or before it. An OrgChart is a snapshot without dates: promotions, transfers and
/// departures are new snapshots.
struct CRM_EXPORT OrgSnapshot {
    Date from;       ///< the first day this chart is valid
    OrgChart chart;  ///< the org chart from that day until the next snapshot
    /// Memberwise equality.
    friend bool operator==(const OrgSnapshot&, const OrgSnapshot&) = default;
};

/// Verifies `approvals` against `route` for `request`, with one org chart for every approval
/// date (the caller passes the chart valid on the approval dates). Throws crm::Error only for
/// malformed input: a delegation that ends before it starts (`delegations[i].to`), delegates to
/// itself or names no kinds or a kind outside the enum (`delegations[i].kinds[j]`), an approval
/// with an empty approver (`approvals[i].approver`) or an authority outside the enum
/// (`approvals[i].authority`), and what `Request::validate` throws. Judges records level by
/// level, one approver per step; the OA declarations of a level (mode, source, fallback,
/// automatic approval) are judged by `verify` of crm/approval/oa.hpp.
/// Every business "no" is a reason of the returned Decision (see the file comment).
[[nodiscard]] CRM_EXPORT Decision verify(const Route& route, std::span<const Approval> approvals,
                                         const Request& request, const OrgChart& org,
                                         std::span<const Delegation> delegations);

/// As above, with the org chart of each approval date taken from `history`. Also throws
/// `history` (invalid_argument: empty) and `history[i].from` (inconsistent: dates not strictly
/// increasing). An approval dated before the first snapshot is by nobody the chart knows
/// (`approval.unknown_approver`).
[[nodiscard]] CRM_EXPORT Decision verify(const Route& route, std::span<const Approval> approvals,
                                         const Request& request, std::span<const OrgSnapshot> history,
                                         std::span<const Delegation> delegations);

/// True when the decision says the route is filled: outcome `allow` or `warn` (a stray record
/// noted, every step filled).
[[nodiscard]] inline bool is_satisfied(const Decision& d) noexcept { return d.outcome() <= Outcome::warn; }

}  // namespace crm::approval
