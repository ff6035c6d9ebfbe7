#pragma once
/// \file
/// The reasons the accounts rules give, each with a stable code and English and Chinese
/// templates. The figures each one carries are named in its template.
/// Proven by tests/account/pool_test.cpp.

#include <crm/core/decision.hpp>

namespace crm::account::reasons {

/// Claim refused: the account belongs to another rep (no poaching, 不得挖客户).
inline constexpr ReasonText owned_by_other{
    .code = "account.owned_by_other",
    .en = "account {account} is owned by {owner}; it cannot be claimed while it has an owner",
    .zh = "客户 {account} 已由 {owner} 负责，有负责人的客户不能领取",
};
/// Claim (or transfer) refused: the rep already owns the maximum number of accounts.
inline constexpr ReasonText at_max{
    .code = "account.at_max",
    .en = "{rep} already owns {owned} accounts, the maximum is {max}",
    .zh = "{rep} 已负责 {owned} 个客户，上限为 {max} 个",
};
/// Claim refused: the rep released this account less than the cool-down ago.
inline constexpr ReasonText cooldown{
    .code = "account.cooldown",
    .en =
        "{rep} released account {account} on {released_on}; it cannot be reclaimed for {cooldown} days, "
        "until {available_from}",
    .zh =
        "{rep} 于 {released_on} 释放了客户 {account}，{cooldown} 天内不能重新领取，{available_from} 起可领取",
};
/// Claim allowed: the account is in the pool and the rep has room.
inline constexpr ReasonText claimable{
    .code = "account.claimable",
    .en = "account {account} is in the public pool and {rep} owns {owned} of at most {max} accounts",
    .zh = "客户 {account} 在公海中，{rep} 已负责 {owned} 个客户（上限 {max} 个），可以领取",
};
/// Claim needs nothing: the rep already owns the account.
inline constexpr ReasonText already_owner{
    .code = "account.already_owner",
    .en = "{rep} already owns account {account}",
    .zh = "{rep} 已是客户 {account} 的负责人",
};
/// Transfer refused: the account is not owned by the person it is transferred from.
inline constexpr ReasonText transfer_not_owner{
    .code = "account.transfer_not_owner",
    .en = "account {account} is not owned by {from}; only its owner's accounts can be transferred",
    .zh = "客户 {account} 的负责人不是 {from}，不能由其转出",
};
/// Transfer refused: from and to are the same person.
inline constexpr ReasonText transfer_same_owner{
    .code = "account.transfer_same_owner",
    .en = "account {account} would be transferred from {from} to the same person",
    .zh = "客户 {account} 的转出人与转入人相同",
};
/// Transfer held: the policy wants an approval for every transfer.
inline constexpr ReasonText transfer_needs_approval{
    .code = "account.transfer_needs_approval",
    .en =
        "transferring account {account} from {from} to {to} needs approval (nearest common manager: "
        "{common_manager})",
    .zh = "客户 {account} 由 {from} 转给 {to} 需要审批（共同上级：{common_manager}）",
};
/// Transfer allowed without approval.
inline constexpr ReasonText transfer_allowed{
    .code = "account.transfer_allowed",
    .en = "account {account} may be transferred from {from} to {to}",
    .zh = "客户 {account} 可由 {from} 转给 {to}",
};
/// Release: no follow-up for longer than the tier allows.
inline constexpr ReasonText release_no_follow_up{
    .code = "account.release_no_follow_up",
    .en =
        "account {account} (tier {tier}) has had no follow-up since {since}: {elapsed} days, more than the "
        "{limit} days allowed (last day {deadline})",
    .zh =
        "客户 {account}（{tier} 类）自 {since} 起 {elapsed} 天未跟进，超过 {limit} 天的期限（最后一天 "
        "{deadline}），退回公海",
};
/// Release: no deal for longer than the tier allows.
inline constexpr ReasonText release_no_deal{
    .code = "account.release_no_deal",
    .en =
        "account {account} (tier {tier}) has had no deal since {since}: {elapsed} days, more than the "
        "{limit} days allowed (last day {deadline})",
    .zh =
        "客户 {account}（{tier} 类）自 {since} 起 {elapsed} 天未成交，超过 {limit} 天的期限（最后一天 "
        "{deadline}），退回公海",
};

}  // namespace crm::account::reasons
