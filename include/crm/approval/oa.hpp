#pragma once
/// \file
/// The approval route as an OA process runs it (DingTalk, Feishu and WeCom approvals): the
/// people of each step, how they approve (或签 / 会签 / 依次审批), what happens to a step nobody
/// can fill, automatic approval, copy recipients, approver deduplication; and the verification
/// of the events such a process records (同意, 转交, 加签, 退回, 撤回). docs/approval.md maps each
/// mode and rule to its DingTalk and Feishu name. Proven by tests/approval/oa_test.cpp (worked
/// examples and bad input) and tests/approval/oa_properties_test.cpp.
///
/// ```cpp
/// using namespace crm::approval;
/// const Route r = route(matrix, request, org);
/// const OaRoute oa = resolve(r, request, org, {});
/// std::vector<Event> events{
///     {.kind = EventKind::approve, .step = 0, .actor = crm::PersonId{"li"},
///      .at = {crm::Date(2024, 5, 6), crm::TimeOfDay(9, 0)}, .fingerprint = fingerprint(request)}};
/// crm::Decision d = verify(oa, events, request, org);
/// ```
///
/// ## Resolving a step (`resolve`)
/// 1. **Automatic approval (自动同意)** first: a level with `auto_at_most` passes by itself when the
///    request's amount is at most that amount (以下: the amount itself included); one with
///    `auto_if_repeat` when the request's fingerprint is among `Submission::approved_before`.
///    The step says so (`approval.oa_auto_amount`, `approval.oa_auto_repeat`) and needs no event.
/// 2. **Who** (`ApproverSource`): `role`: every holder of exactly the level's role who is above
///    the requester on the reporting line or manages the request's region (a function level:
///    every holder of the role), in chart order; `manager`: the requester's manager
///    `manager_level` levels up; `region_manager`: the managers of the request's region;
///    `person`: the named person, when the chart has them; `chosen`: the people the requester
///    chose for this level at submission (`Submission::chosen`), each of whom must be in the
///    level's `choices` (else crm::Error).
/// 3. **The requester inside the route**: a requester who would approve their own step is taken
///    out and replaced, in place, by their direct manager (`approval.oa_redirected`), unless the
///    manager already approves the step; segregation of duties holds.
/// 4. **Nobody (审批人为空)**: `WhenEmpty::block` blocks the route (`approval.oa_empty_blocked`,
///    severity block); `escalate` hands the step to the nearest manager above the requester whose
///    rank is above the level's (`approval.oa_escalated`; blocked when there is none);
///    `administrator` to the named administrator (`approval.oa_to_administrator`). Never a skip.
/// 5. **Copy recipients (抄送)**: the route's `cc`, roles expanded to their holders, each person
///    once, the requester left out. Never approvers.
///
/// ## Verifying events (`verify`)
/// Events are judged in the order given, which must be their time order (crm::Error otherwise).
/// The approvers of a step are its **slots**: the resolved approvers, then the people added to it.
/// - `approve`: the actor holds a slot of the step (`approval.oa_not_approver`), is not the
///   requester (`approval.oa_own_request`), approves the current content
///   (`approval.oa_stale`), and the step is open: every step of an earlier stage is filled
///   (`approval.oa_not_open`). In an 依次审批 step every earlier slot has approved
///   (`approval.oa_out_of_turn`); a person added before the actor (加签, before) must approve first,
///   one added after them only after them (both `approval.oa_out_of_turn`).
/// - `transfer` (转交): the actor's slot, not yet approved, passes to `target`, who may not be
///   the requester (`approval.oa_to_requester`) and must hold the step's level on the chart, as
///   `verify` of verify.hpp judges a level (`approval.oa_cannot_hold`).
/// - `add_before` / `add_after` (加签): `target` gets a slot of their own and must also approve,
///   before or after the actor; never the requester (`approval.oa_to_requester`).
/// - `return_to` (退回): to the earlier step `to_step` (`approval.oa_not_earlier` otherwise): every
///   approval of that step and the later ones given so far no longer counts
///   (`approval.oa_voided_by_return`).
/// - `withdraw` (撤回): by the requester only (`approval.oa_not_requester`); every approval given
///   so far is void (`approval.oa_voided_by_withdrawal`).
/// A refused event adds its reason with severity warn and changes nothing.
///
/// A step is filled when it passes by itself, or: 或签, one of its resolved (or transferred)
/// slots approved and every added person approved; 会签 and 依次审批, every slot approved.
/// **Deduplication (审批人去重)**, declared in `Submission::dedupe`: under `first_counts` a
/// person's counted approval of an earlier step also fills their slot in a later step
/// (`approval.oa_deduplicated`): only a slot the person holds, so nobody fills a step they could
/// not hold; under `every_occurrence` they approve each step. The outcome: block when a step is
/// blocked; needs_approval with `approval.step_missing` per unfilled step; otherwise allow with
/// `approval.satisfied` (warn when some event was refused).

#include <crm/approval/matrix.hpp>
#include <crm/approval/request.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/time/time_of_day.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>
#include <vector>

namespace crm::approval {

/// How a person who appears in several steps approves (审批人去重).
enum class Dedupe : std::uint8_t {
    first_counts,      ///< their approval of the first step they appear in counts for the later ones
    every_occurrence,  ///< they approve every step they appear in
};
/// The stable name: `first_counts` or `every_occurrence` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Dedupe dedupe) noexcept;
/// Prints to_string(dedupe).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Dedupe dedupe);

/// The requester's choice for a step whose approvers they choose (发起人自选).
struct CRM_EXPORT Choice {
    RoleId level;     ///< the step's level
    PersonId person;  ///< one chosen approver; repeat the level to choose several
    /// Memberwise equality.
    friend bool operator==(const Choice&, const Choice&) = default;
};

/// What the workflow knows at submission, beyond the request.
struct CRM_EXPORT Submission {
    /// The approvers the requester chose (发起人自选) for steps whose source is `chosen`; empty when none.
    std::vector<Choice> chosen;
    /// Fingerprints of earlier requests that were approved (for `Level::auto_if_repeat`).
    std::vector<Fingerprint> approved_before;
    Dedupe dedupe = Dedupe::first_counts;  ///< how a person in several steps approves; default first_counts
    /// Memberwise equality.
    friend bool operator==(const Submission&, const Submission&) = default;
};

/// One step of an OA route: the matrix step and the people who approve it.
struct CRM_EXPORT OaStep {
    Step step;  ///< the step of the matrix route (level, mode, rule) this OA step runs
    /// The approvers, in the order a 依次审批 step runs them; for 或签 any one of them.
    std::vector<PersonId> approvers;
    bool automatic = false;  ///< passes by itself (自动同意)
    bool blocked = false;    ///< nobody can fill it and the policy blocks
    /// What resolution did to the step (redirected, escalated, automatic, blocked).
    std::vector<Reason> notes;
    /// Memberwise equality.
    friend bool operator==(const OaStep&, const OaStep&) = default;
};

/// The route of one request as an OA process runs it.
struct CRM_EXPORT OaRoute {
    RequestId request;          ///< the request routed
    PersonId requester;         ///< who submitted it (never an approver of their own request)
    Fingerprint fingerprint;    ///< the content routed
    std::vector<OaStep> steps;  ///< the steps, in route order; Event::step indexes into it
    /// The people informed (抄送), never approvers.
    std::vector<PersonId> cc;
    Dedupe dedupe = Dedupe::first_counts;  ///< the deduplication rule declared at submission
    /// The route's reason (`approval.route` / `approval.not_needed`) then every step's notes;
    /// block when a step is blocked.
    Decision decision;
    /// Memberwise equality.
    friend bool operator==(const OaRoute&, const OaRoute&) = default;
};

/// Resolves the people of every step of `route` for `request` on `org` (see the file comment).
/// Throws crm::Error: what `Request::validate` throws; `submission.chosen[i].person` not in the
/// level's choices (invalid_argument) or not in the chart (not_found);
/// `submission.chosen[i].level` not a chosen step of the route (not_found);
/// `submission.dedupe` outside its enum.
[[nodiscard]] CRM_EXPORT OaRoute resolve(const Route& route, const Request& request, const OrgChart& org,
                                         const Submission& submission);

/// What an OA process records.
enum class EventKind : std::uint8_t {
    approve,     ///< 同意
    transfer,    ///< 转交: the actor hands their place in the step to `target`
    add_before,  ///< 加签 (前加签): `target` must also approve, before the actor
    add_after,   ///< 加签 (后加签): `target` must also approve, after the actor
    return_to,   ///< 退回: back to the earlier step `to_step`
    withdraw,    ///< 撤回: by the requester; every approval is void
};
/// The stable name: `approve`, `transfer`, `add_before`, `add_after`, `return_to` or `withdraw` ("unknown"
/// for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(EventKind kind) noexcept;
/// en "approve", "transfer", "add approver before", "add approver after", "return", "withdraw";
/// zh 同意, 转交, 前加签, 后加签, 退回, 撤回.
[[nodiscard]] CRM_EXPORT std::string_view display_name(EventKind kind, Lang lang) noexcept;
/// Prints to_string(kind).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, EventKind kind);

/// One event of the process.
struct CRM_EXPORT Event {
    EventKind kind = EventKind::approve;  ///< what happened; default approve
    std::size_t step = 0;                 ///< 0-based index into OaRoute::steps (unused by withdraw)
    PersonId actor;                       ///< who did it; never empty
    PersonId target;                      ///< transfer and add: the person
    std::size_t to_step = 0;              ///< return_to: the earlier step
    DateTime at;                          ///< when; events come in time order
    Fingerprint fingerprint;              ///< approve: the content approved
    /// Memberwise equality.
    friend bool operator==(const Event&, const Event&) = default;
};

/// Judges `events` against `route` for `request`, people and levels on `org` (see the file
/// comment). Throws crm::Error for malformed input: `events[i].at` before the event before it
/// (inconsistent), `events[i].step` / `events[i].to_step` naming no step (not_found),
/// `events[i].kind` outside its enum, `events[i].actor` empty, `events[i].target` empty for a
/// transfer or an addition (invalid_argument). A route resolved for another request or another
/// version adds `approval.route_outdated`.
[[nodiscard]] CRM_EXPORT Decision verify(const OaRoute& route, std::span<const Event> events,
                                         const Request& request, const OrgChart& org);

}  // namespace crm::approval
