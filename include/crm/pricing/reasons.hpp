#pragma once
/// \file
/// The reasons the pricing area gives. Proven by
/// tests/pricing/price_test.cpp (floors) and tests/pricing/authority_test.cpp.

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
    .zh = "折扣 {discount} 可由 {role} 审批",
};
/// block. No role of the authority table may grant the line's price.
inline constexpr ReasonText beyond_authority{
    .code = "pricing.beyond_authority",
    .en = "discount {discount} off list exceeds the authority of every role",
    .zh = "折扣 {discount} 超出所有角色的价格权限",
};

}  // namespace crm::pricing::reasons
