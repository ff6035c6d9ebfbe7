#pragma once
/// \file
/// The reasons the approval area gives, each a stable code with English and Chinese templates.
/// Names that read differently in the two languages come as two figures:
/// `kind` / `kind_zh` ("payment term" / "付款条件") and `authority` / `authority_zh`; a level is
/// shown by its role's name on the ladder in the sentence's language (`level` "sales director",
/// `level_zh` "销售总监": crm::display_name of the role). "step {stage}" counts from 1.
/// `route` uses `not_needed` and `route`; `verify` the rest; `lint` the `lint_*` ones. Proven by
/// tests/approval/verify_test.cpp (every verification reason) and tests/approval/lint_test.cpp.

#include <crm/core/decision.hpp>

namespace crm::approval::reasons {

// ---- route ----
/// allow. No row of the matrix applies: the request is within the requester's own authority.
inline constexpr ReasonText not_needed{
    .code = "approval.not_needed",
    .en = "no approval needed: no row of the approval matrix applies to this {kind} request",
    .zh = "无需审批: 审批权限表中没有适用于此{kind_zh}申请的规则",
};
/// needs_approval. The route has steps.
inline constexpr ReasonText route{
    .code = "approval.route",
    .en = "the {kind} request needs {steps} approval step(s), up to {top_level}",
    .zh = "此{kind_zh}申请需经 {steps} 级审批, 最高至 {top_level_zh}",
};

/// allow. One step of a route in words (describe_step), with the threshold its figure reached.
inline constexpr ReasonText step_required{
    .code = "approval.step_required",
    .en = "step {stage}: {level}, {mode}, because {figure} is {threshold} (rule {rule})",
    .zh = "第 {stage} 步: {level_zh}, {mode_zh}, 因为{figure_zh}{threshold_zh} (规则 {rule})",
};
/// allow. One step required by a base row (no threshold).
inline constexpr ReasonText step_required_base{
    .code = "approval.step_required_base",
    .en = "step {stage}: {level}, {mode}, for every such request (rule {rule})",
    .zh = "第 {stage} 步: {level_zh}, {mode_zh}, 此类申请均需审批 (规则 {rule})",
};

// ---- resolve: the OA route (crm/approval/oa.hpp) ----
/// allow. The requester would approve a step of their own request: it goes to their manager.
inline constexpr ReasonText oa_redirected{
    .code = "approval.oa_redirected",
    .en =
        "step {stage}: {requester} cannot approve their own request; the step goes to their manager "
        "{approver}",
    .zh = "第 {stage} 步: {requester} 不能审批自己的申请, 改由其上级 {approver} 审批",
};
/// allow. Nobody can fill the step; it goes to the nearest higher manager.
inline constexpr ReasonText oa_escalated{
    .code = "approval.oa_escalated",
    .en = "step {stage}: nobody can fill {level}; escalated to {approver}",
    .zh = "第 {stage} 步: 无人可担任 {level_zh}, 已上交给 {approver} 审批",
};
/// allow. Nobody can fill the step; it goes to the named administrator.
inline constexpr ReasonText oa_to_administrator{
    .code = "approval.oa_to_administrator",
    .en = "step {stage}: nobody can fill {level}; routed to the approval administrator {approver}",
    .zh = "第 {stage} 步: 无人可担任 {level_zh}, 已转给审批管理员 {approver}",
};
/// block. Nobody can fill the step and the policy does not let it be skipped.
inline constexpr ReasonText oa_empty_blocked{
    .code = "approval.oa_empty_blocked",
    .en = "step {stage}: nobody can fill {level} and the step may not be skipped: the route is blocked",
    .zh = "第 {stage} 步: 无人可担任 {level_zh}, 且此步骤不得跳过: 审批流程无法进行",
};
/// allow. The step passes by itself: the amount is at most the declared limit (以下, inclusive).
inline constexpr ReasonText oa_auto_amount{
    .code = "approval.oa_auto_amount",
    .en = "step {stage} ({level}) passes by itself: the amount {amount} is {limit_text}",
    .zh = "第 {stage} 步 ({level_zh}) 自动同意: 金额 {amount} 在 {limit_text_zh}",
};
/// allow. The step passes by itself: a request with the same content was approved before.
inline constexpr ReasonText oa_auto_repeat{
    .code = "approval.oa_auto_repeat",
    .en = "step {stage} ({level}) passes by itself: a request with the same content was approved before",
    .zh = "第 {stage} 步 ({level_zh}) 自动同意: 内容相同的申请此前已获批准",
};
/// allow. Under the first-occurrence rule, an approval counts for a later step the person also holds.
inline constexpr ReasonText oa_deduplicated{
    .code = "approval.oa_deduplicated",
    .en =
        "{approver} approved step {first}; under approver deduplication that approval also fills step "
        "{stage}",
    .zh = "{approver} 已审批第 {first} 步, 按审批人去重规则同时计入第 {stage} 步",
};

// ---- verify: OA events (severity warn; each names the event, counted from 1) ----
/// warn. An `approve` event by someone who holds no slot of the step; it does not count.
inline constexpr ReasonText oa_not_approver{
    .code = "approval.oa_not_approver",
    .en = "event {event} ({event_kind}) by {actor}: not an approver of step {stage}",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 其不是第 {stage} 步的审批人",
};
/// warn. The requester approved (an event of) their own request; it does not count.
inline constexpr ReasonText oa_own_request{
    .code = "approval.oa_own_request",
    .en = "event {event} ({event_kind}): {actor} cannot approve their own request",
    .zh = "第 {event} 个事件 ({event_kind_zh}): {actor} 不能审批自己的申请",
};
/// warn. An `approve` event for another version of the request (its fingerprint differs); it does not count.
inline constexpr ReasonText oa_stale{
    .code = "approval.oa_stale",
    .en = "event {event} ({event_kind}) by {actor}: given for another version of the request",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 针对的是申请的其他版本",
};
/// warn. A transfer or an added approver (加签) that would give a step to the requester; refused.
inline constexpr ReasonText oa_to_requester{
    .code = "approval.oa_to_requester",
    .en = "event {event} ({event_kind}) by {actor}: step {stage} cannot go to the requester {target}",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 第 {stage} 步不能交给申请人 {target}",
};
/// warn. A transfer to someone who does not hold the step's level on the chart; refused.
inline constexpr ReasonText oa_cannot_hold{
    .code = "approval.oa_cannot_hold",
    .en = "event {event} ({event_kind}) by {actor}: {target} may not hold step {stage} ({level})",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: {target} 无权担任第 {stage} 步 ({level_zh})",
};
/// warn. A return (退回) to a step that is not before the current one; refused.
inline constexpr ReasonText oa_not_earlier{
    .code = "approval.oa_not_earlier",
    .en = "event {event} ({event_kind}) by {actor}: step {to_stage} is not before step {stage}",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 第 {to_stage} 步不在第 {stage} 步之前",
};
/// warn. A withdrawal (撤回) by someone other than the requester; refused.
inline constexpr ReasonText oa_not_requester{
    .code = "approval.oa_not_requester",
    .en = "event {event} ({event_kind}) by {actor}: only the requester can withdraw a request",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 只有申请人可以撤回申请",
};
/// warn. An approval of a step whose earlier stages are not filled yet; it does not count.
inline constexpr ReasonText oa_not_open{
    .code = "approval.oa_not_open",
    .en =
        "event {event} ({event_kind}) by {actor}: step {stage} was not open yet (an earlier step was not "
        "approved)",
    .zh =
        "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 第 {stage} 步尚未开始 (之前的步骤尚未审批完成)",
};
/// warn. An approval in a sequential (依次审批) step, or around an added approver, before the person whose
/// turn it is.
inline constexpr ReasonText oa_out_of_turn{
    .code = "approval.oa_out_of_turn",
    .en =
        "event {event} ({event_kind}) by {actor}: step {stage} runs in order and {waiting} has not approved "
        "yet",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: 第 {stage} 步为依次审批, {waiting} 尚未审批",
};
/// warn. A second approval of the same step by the same person; it counts once.
inline constexpr ReasonText oa_already_approved{
    .code = "approval.oa_already_approved",
    .en = "event {event} ({event_kind}) by {actor}: {actor} already approved step {stage}",
    .zh = "第 {event} 个事件 ({event_kind_zh}) 由 {actor} 发起: {actor} 已审批过第 {stage} 步",
};
/// warn. An approval voided because a later return (退回) sent the request back to its step or an earlier
/// one.
inline constexpr ReasonText oa_voided_by_return{
    .code = "approval.oa_voided_by_return",
    .en =
        "event {event} ({event_kind}) by {actor} no longer counts: event {by_event} returned the request to "
        "step {to_stage}",
    .zh =
        "第 {event} 个事件 ({event_kind_zh}, {actor}) 已失效: 第 {by_event} 个事件将申请退回至第 {to_stage} "
        "步",
};
/// warn. An approval voided because the requester withdrew the request (撤回).
inline constexpr ReasonText oa_voided_by_withdrawal{
    .code = "approval.oa_voided_by_withdrawal",
    .en =
        "event {event} ({event_kind}) by {actor} no longer counts: the requester withdrew the request (event "
        "{by_event})",
    .zh = "第 {event} 个事件 ({event_kind_zh}, {actor}) 已失效: 申请人已撤回申请 (第 {by_event} 个事件)",
};

// ---- verify: the outcome ----
/// allow. Every step is filled by an approval that counts.
inline constexpr ReasonText satisfied{
    .code = "approval.satisfied",
    .en = "approved: all {steps} step(s) of the route are filled",
    .zh = "审批通过: 审批流程的全部 {steps} 个步骤均已完成",
};
/// needs_approval. A step of the route has no approval that counts.
inline constexpr ReasonText step_missing{
    .code = "approval.step_missing",
    .en = "step {stage} needs the approval of {level} (rule {rule})",
    .zh = "第 {stage} 步需要 {level_zh} 审批 (规则 {rule})",
};
/// needs_approval. The route was computed for another request, or another version of it.
inline constexpr ReasonText route_outdated{
    .code = "approval.route_outdated",
    .en = "the route was computed for another version of request {request}: route it again",
    .zh = "审批流程是按申请 {request} 的其他版本计算的: 请重新计算审批流程",
};

// ---- verify: why an approval does not count (severity warn; the step stays missing) ----
/// warn. An approval given for another request id; it does not count.
inline constexpr ReasonText other_request{
    .code = "approval.other_request",
    .en = "the approval by {approver} was given for request {given_for}, not {request}",
    .zh = "{approver} 的审批针对的是申请 {given_for}, 而不是 {request}",
};
/// warn. An approval given before the request changed (its fingerprint differs); it does not count.
inline constexpr ReasonText stale_fingerprint{
    .code = "approval.stale_fingerprint",
    .en =
        "the approval by {approver} was given for an earlier version of the request (changed after approval)",
    .zh = "{approver} 的审批针对的是申请的早期版本 (审批后申请内容已被修改)",
};
/// warn. A record that exercises another right (a proposal right 建议权 or a rating right 评定权), not an
/// approval right.
inline constexpr ReasonText not_an_approval{
    .code = "approval.not_an_approval",
    .en = "{approver} gave a {authority}, not an approval: only an approval right satisfies a step",
    .zh = "{approver} 行使的是{authority_zh}, 不是审批权: 只有审批权才能完成审批步骤",
};
/// warn. An approval at a level the route does not ask for.
inline constexpr ReasonText not_in_route{
    .code = "approval.not_in_route",
    .en = "{approver} approved as {level}, which the route does not require",
    .zh = "{approver} 以 {level_zh} 身份审批, 但审批流程不需要此级别",
};
/// warn. The requester approved their own request (segregation of duties); it does not count.
inline constexpr ReasonText own_request{
    .code = "approval.own_request",
    .en = "{approver} cannot approve their own request",
    .zh = "{approver} 不能审批自己提交的申请",
};
/// warn. A person (or the principal they act for) who already fills another step of the route:
/// one person fills at most one step.
inline constexpr ReasonText same_person_twice{
    .code = "approval.same_person_twice",
    .en = "{approver} already fills another step of this route and cannot also approve as {level}",
    .zh = "{approver} 已完成本流程的另一个步骤, 不能再以 {level_zh} 身份审批",
};
/// warn. The same approval submitted twice; it counts once.
inline constexpr ReasonText duplicate_record{
    .code = "approval.duplicate_record",
    .en = "the approval by {approver} as {level} was submitted twice; it counts once",
    .zh = "{approver} 以 {level_zh} 身份的审批被重复提交, 只计一次",
};
/// warn. An approver who is not in the org chart on the approval date.
inline constexpr ReasonText unknown_approver{
    .code = "approval.unknown_approver",
    .en = "{approver} is not in the org chart on {date}",
    .zh = "{approver} 在 {date} 不在组织架构中",
};
/// warn. An approver whose role, on the approval date, does not reach the step's level.
inline constexpr ReasonText level_too_low{
    .code = "approval.level_too_low",
    .en = "{approver} ({role}) does not hold the level {level} on {date}",
    .zh = "{approver} ({role_zh}) 在 {date} 不具备 {level_zh} 的审批级别",
};
/// warn. An approver who is neither above the requester on the reporting line nor a manager of the request's
/// region.
inline constexpr ReasonText not_on_line{
    .code = "approval.not_on_line",
    .en = "{approver} is neither above {requester} on the reporting line nor a manager of region {region}",
    .zh = "{approver} 既不是 {requester} 的上级, 也不负责区域 {region}",
};
/// warn. An approval on behalf of someone (代理) with no delegation from them.
inline constexpr ReasonText no_delegation{
    .code = "approval.no_delegation",
    .en = "{approver} approved on behalf of {principal} without a delegation",
    .zh = "{approver} 未经授权代理 {principal} 审批",
};
/// warn. An approval on behalf of someone outside the delegation's dates.
inline constexpr ReasonText delegation_expired{
    .code = "approval.delegation_expired",
    .en = "{approver} approved on {date} for {principal} outside the delegation ({from} to {to})",
    .zh = "{approver} 于 {date} 代理 {principal} 审批, 不在授权期限内 ({from} 至 {to})",
};
/// warn. An approval on behalf of someone for a request kind the delegation does not cover.
inline constexpr ReasonText delegation_scope{
    .code = "approval.delegation_scope",
    .en = "the delegation from {principal} to {approver} does not cover {kind} requests",
    .zh = "{principal} 对 {approver} 的代理授权不包括{kind_zh}申请",
};
/// warn. An approval of a later stage dated before the approval of an earlier stage.
inline constexpr ReasonText out_of_sequence{
    .code = "approval.out_of_sequence",
    .en = "{approver} approved step {stage} on {date}, before an earlier step was approved on {earlier}",
    .zh = "{approver} 于 {date} 审批了第 {stage} 步, 早于前一步骤的审批日期 {earlier}",
};

// ---- lint (severity warn) ----
/// warn (lint). A combination of kind, segment, region and product line no row routes: such requests never
/// need approval.
inline constexpr ReasonText lint_gap{
    .code = "approval.lint_gap",
    .en =
        "no row routes {kind} requests for segment {segment}, region {region}, product line {product_line}: "
        "they never need approval, whatever their figures",
    .zh =
        "没有规则适用于细分 {segment}、区域 {region}、产品线 {product_line} 的{kind_zh}申请: "
        "无论金额多少都无需审批",
};
/// warn (lint). Two rows route the same combination: the request gets the union of both routes.
inline constexpr ReasonText lint_overlap{
    .code = "approval.lint_overlap",
    .en =
        "rules {rule} and {other_rule} both route {kind} requests for segment {segment}, region {region}, "
        "product line {product_line}: such a request gets the union of both routes",
    .zh =
        "规则 {rule} 与 {other_rule} 都适用于细分 {segment}、区域 {region}、产品线 {product_line} "
        "的{kind_zh}申请: "
        "此类申请的审批流程取两者之并",
};
/// warn (lint). A higher band of a rule needs fewer approvers than a lower one: a larger request gets fewer
/// eyes.
inline constexpr ReasonText lint_non_monotone{
    .code = "approval.lint_non_monotone",
    .en =
        "rule {rule} (over {over}) needs {steps} approver(s) where the lower rule {other_rule} needs "
        "{lower_steps}: a larger request gets fewer eyes",
    .zh =
        "规则 {rule} (超过 {over}) 只需 {steps} 人审批, 而较低的规则 {other_rule} 需要 {lower_steps} 人: "
        "金额越大审批人反而越少",
};

}  // namespace crm::approval::reasons
