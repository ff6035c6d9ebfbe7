#pragma once
/// \file
/// The reasons the pricing area gives, each in English and Chinese. Proven by
/// tests/pricing/price_test.cpp (floors), tests/pricing/authority_test.cpp and
/// tests/pricing/lint_test.cpp (every lint reason in both languages).

#include <crm/core/decision.hpp>

namespace crm::pricing::reasons {

/// warn. The computed unit price was below the floor and was raised to it (FloorPolicy::clamp).
inline constexpr ReasonText floor_clamped{
    .code = "pricing.floor_clamped",
    .en = "unit price {price} was below the floor {floor} and was raised to it",
    .zh = "单价 {price} 低于底价 {floor}, 已调整为底价",
};
/// block. The computed unit price is below the floor (FloorPolicy::refuse).
inline constexpr ReasonText below_floor{
    .code = "pricing.below_floor",
    .en = "unit price {price} is below the floor {floor}",
    .zh = "单价 {price} 低于底价 {floor}",
};
/// allow. The line's discount off list is within the authority of a role.
inline constexpr ReasonText within_authority{
    .code = "pricing.within_authority",
    .en = "discount {discount} off list may be granted by {role}",
    .zh = "折扣 {discount} 可由 {role_zh} 审批",
};
/// block. No role of the authority table may grant the line's price.
inline constexpr ReasonText beyond_authority{
    .code = "pricing.beyond_authority",
    .en = "discount {discount} off list exceeds the authority of every role",
    .zh = "折扣 {discount} 超出所有角色的价格权限",
};

// ---- why a rule did not apply, when figures help ----
/// The line's quantity is outside the rule's band; `band` / `band_zh` state it with its sides
/// ("50 or more and less than 100" / "50以上且不满100").
inline constexpr ReasonText quantity_outside{
    .code = "pricing.quantity_outside",
    .en = "quantity {quantity} is outside the band {band}",
    .zh = "数量 {quantity} 不在 {band_zh} 的范围内",
};

// ---- lint (severity warn) ----
/// Lint: two rules of an exclusive group tie on priority and action; only the rule id decides (figures: rule,
/// other_rule, group).
inline constexpr ReasonText lint_unbreakable_tie{
    .code = "pricing.lint_unbreakable_tie",
    .en =
        "rules {rule} and {other_rule} of exclusive group {group} have the same priority and the same "
        "action: "
        "only the rule id decides between them",
    .zh = "互斥组 {group} 中的规则 {rule} 与 {other_rule} 优先级和动作都相同: 只能按规则编号决定",
};
/// Lint: a rule of an exclusive group can never win against another one (figures: rule, other_rule, group).
inline constexpr ReasonText lint_shadowed{
    .code = "pricing.lint_shadowed",
    .en =
        "rule {rule} of exclusive group {group} never wins: {other_rule} holds whenever it does and always "
        "wins",
    .zh = "互斥组 {group} 中的规则 {rule} 永远不会胜出: 只要它成立, {other_rule} 也成立且总是胜出",
};
/// Lint: a rule names only products or product groups the book does not know (figure: rule).
inline constexpr ReasonText lint_never_fires{
    .code = "pricing.lint_never_fires",
    .en = "rule {rule} names only products or product groups the book does not know: it never applies",
    .zh = "规则 {rule} 只指定了价目表中不存在的产品或产品组: 永远不会生效",
};
/// Lint: two cumulative rules share a sequence number and their order changes the price (figures: rule,
/// other_rule, sequence).
inline constexpr ReasonText lint_undeclared_order{
    .code = "pricing.lint_undeclared_order",
    .en =
        "cumulative rules {rule} and {other_rule} share sequence {sequence} and their order changes the "
        "price: "
        "declare the order",
    .zh = "累加规则 {rule} 与 {other_rule} 的顺序号同为 {sequence}, 而先后顺序会改变价格: 请明确顺序",
};
/// Lint: the quantity bands of two breaks overlap (figures: rule, other_rule, from).
inline constexpr ReasonText lint_overlapping_breaks{
    .code = "pricing.lint_overlapping_breaks",
    .en = "the quantity bands of rules {rule} and {other_rule} overlap from {from}",
    .zh = "规则 {rule} 与 {other_rule} 的数量区间自 {from} 起重叠",
};
/// Lint: no quantity band covers a range of quantities between two breaks (figures: rule, other_rule, from,
/// to).
inline constexpr ReasonText lint_break_gap{
    .code = "pricing.lint_break_gap",
    .en = "no quantity band covers the quantities from {from} to {to} between rules {rule} and {other_rule}",
    .zh = "规则 {rule} 与 {other_rule} 之间, 数量 {from} 至 {to} 没有任何数量区间覆盖",
};

}  // namespace crm::pricing::reasons
