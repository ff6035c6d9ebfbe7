#pragma once
/// \file
/// The reasons and finding codes of the contract area, each with English and
/// Chinese templates. Proven by tests/contract/review_test.cpp (one worked example per finding)
/// and tests/contract/lifecycle_test.cpp (refused transitions).

#include <crm/core/decision.hpp>

namespace crm::contract::reasons {

/// blocking. An agreed unit price is below the product's floor (底价).
inline constexpr ReasonText price_below_floor{
    .code = "contract.price_below_floor",
    .en = "agreed price {price} for {product} is below the floor {floor}",
    .zh = "{product} 的协议价 {price} 低于底价 {floor}",
};
/// warning (a higher role may grant it) or blocking (no role may). The agreed price's discount
/// off list exceeds the signer's pricing authority; `role` names the lowest role that covers it.
inline constexpr ReasonText beyond_authority{
    .code = "contract.beyond_authority",
    .en =
        "agreed price {price} for {product} ({discount} off list {list}) exceeds the authority of "
        "{signer_role}; {role} may grant it",
    .zh =
        "{product} 的协议价 {price} (比标价 {list} 低 {discount}) 超出 {signer_role_zh} 的价格权限, 需由 {role_zh} "
        "审批",
};
/// warning. The longest instalment of the payment terms runs longer than the policy allows.
inline constexpr ReasonText terms_too_long{
    .code = "contract.terms_too_long",
    .en = "payment terms {terms} run {days} days, longer than the policy's {max_days} days",
    .zh = "付款条件 {terms} 为 {days} 天, 超过政策规定的 {max_days} 天",
};
/// warning (within the credit policy's tolerance) or blocking (beyond it). The receivables the
/// committed revenue implies exceed the credit limit granted.
inline constexpr ReasonText credit_insufficient{
    .code = "contract.credit_insufficient",
    .en =
        "committed revenue {revenue} at {average_days} days to payment implies receivables of {receivables}, "
        "above the credit limit {limit}",
    .zh =
        "承诺销售额 {revenue} 按平均回款 {average_days} 天计, 预计应收账款 {receivables}, 超过信用额度 "
        "{limit}",
};
/// blocking. Another active agreement of the account covers the same product group on
/// overlapping dates.
inline constexpr ReasonText overlap{
    .code = "contract.overlap",
    .en =
        "product group {group} is already covered by active agreement {other} from {other_starts} to "
        "{other_ends}",
    .zh = "产品组 {group} 已由有效协议 {other} ({other_starts} 至 {other_ends}) 覆盖",
};
/// blocking. A mandatory clause is missing from the agreement.
inline constexpr ReasonText missing_term{
    .code = "contract.missing_term",
    .en = "mandatory term {term} is missing",
    .zh = "缺少必备条款 {term}",
};
/// warning. The agreement runs longer than the policy allows.
inline constexpr ReasonText term_too_long{
    .code = "contract.term_too_long",
    .en =
        "the agreement runs from {starts} to {ends}, longer than the allowed {max_months} months (it may end "
        "by {latest_end})",
    .zh = "协议期限 {starts} 至 {ends} 超过允许的 {max_months} 个月 (最迟应于 {latest_end} 结束)",
};
/// warning. A higher rebate tier pays a lower rate than the tier below it.
inline constexpr ReasonText rebate_not_monotone{
    .code = "contract.rebate_not_monotone",
    .en = "rebate tier {tier} from {from} pays {rate}, less than the {previous_rate} of the tier below",
    .zh = "返利第 {tier} 档 (自 {from} 起) 返利率 {rate} 低于下一档的 {previous_rate}",
};
/// blocking. The amount in words reads as another amount than the committed revenue.
inline constexpr ReasonText amount_in_words_mismatch{
    .code = "contract.amount_in_words_mismatch",
    .en = "the amount in words {in_words} reads {stated}, but the agreement commits {committed} ({expected})",
    .zh = "合同金额大写 {in_words} 为 {stated}, 与协议承诺金额 {committed} ({expected}) 不符",
};
/// blocking. The amount in words is not written in capital numerals as the rules require.
inline constexpr ReasonText amount_in_words_unreadable{
    .code = "contract.amount_in_words_unreadable",
    .en =
        "the amount in words {in_words} is not written by the capital-numeral rules; the committed "
        "{committed} is "
        "written {expected}",
    .zh = "合同金额大写 {in_words} 不符合大写金额书写规定, 协议承诺金额 {committed} 应写作 {expected}",
};
/// info. The approval route the agreement needs (from the approval matrix).
inline constexpr ReasonText approval_route{
    .code = "contract.approval_route",
    .en = "the agreement needs {steps} approval steps, up to {top_level}",
    .zh = "协议需经 {steps} 级审批, 最高至 {top_level_zh}",
};
/// info. The approval matrix requires no approval for the agreement.
inline constexpr ReasonText approval_not_needed{
    .code = "contract.approval_not_needed",
    .en = "the agreement needs no approval",
    .zh = "协议无需审批",
};
/// block (a Decision). The event is not allowed in the agreement's current state.
inline constexpr ReasonText transition_refused{
    .code = "contract.transition_refused",
    .en = "agreement {agreement} in state {state} cannot take event {event}",
    .zh = "协议 {agreement} 处于 {state} 状态, 不能执行 {event}",
};
/// block (a Decision). An agreement cannot expire before its validity ends.
inline constexpr ReasonText not_yet_expired{
    .code = "contract.not_yet_expired",
    .en = "agreement {agreement} runs until {ends}; it cannot expire on {on}",
    .zh = "协议 {agreement} 有效期至 {ends}, 不能于 {on} 到期",
};
/// allow (a Decision). The transition was made.
inline constexpr ReasonText transitioned{
    .code = "contract.transitioned",
    .en = "agreement {agreement} moved from {from} to {to}",
    .zh = "协议 {agreement} 由 {from} 转为 {to}",
};

/// warning. A product group's sales are behind its pro-rata commitment (协议执行滞后).
inline constexpr ReasonText fulfilment_behind{
    .code = "contract.fulfilment_behind",
    .en = "product group {group}: sales {actual} are {shortfall} behind the pro-rata commitment {pro_rata}",
    .zh = "产品组 {group} 销售额 {actual}，低于按进度应完成的 {pro_rata}，差额 {shortfall}",
};
/// allow. A product group's sales reach its pro-rata commitment.
inline constexpr ReasonText fulfilment_on_track{
    .code = "contract.fulfilment_on_track",
    .en = "product group {group}: sales {actual} reach the pro-rata commitment {pro_rata}",
    .zh = "产品组 {group} 销售额 {actual}，达到按进度应完成的 {pro_rata}",
};
/// warning. At the current run rate the agreement ends short of its commitment.
inline constexpr ReasonText fulfilment_projected_short{
    .code = "contract.fulfilment_projected_short",
    .en =
        "at the current run rate the year ends at {projected}, {shortfall} short of the commitment "
        "{committed}",
    .zh = "按当前进度全年预计完成 {projected}，比承诺额 {committed} 少 {shortfall}",
};

}  // namespace crm::contract::reasons
