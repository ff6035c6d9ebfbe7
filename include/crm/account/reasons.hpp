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

/// Release under an inclusive limit ("N天以上未跟进"): the limit itself has been reached.
inline constexpr ReasonText release_no_follow_up_reached{
    .code = "account.release_no_follow_up",
    .en =
        "account {account} (tier {tier}) has had no follow-up since {since}: {elapsed} days, {limit} days or "
        "more (last day {deadline})",
    .zh =
        "客户 {account}（{tier} 类）自 {since} 起 {elapsed} 天未跟进，达到 {limit} 天以上（最后一天 "
        "{deadline}），退回公海",
};
/// Release under an inclusive limit ("N天以上未成交").
inline constexpr ReasonText release_no_deal_reached{
    .code = "account.release_no_deal",
    .en =
        "account {account} (tier {tier}) has had no deal since {since}: {elapsed} days, {limit} days or more "
        "(last day {deadline})",
    .zh =
        "客户 {account}（{tier} 类）自 {since} 起 {elapsed} 天未成交，达到 {limit} 天以上（最后一天 "
        "{deadline}），退回公海",
};

}  // namespace crm::account::reasons

namespace crm::account::reasons {

/// warn. An account's regular visit (定期拜访) is overdue.
inline constexpr ReasonText visit_overdue{
    .code = "account.visit_overdue",
    .en = "account {account} was due a visit on {due} (last visit {last_visit}): {overdue} days overdue",
    .zh = "客户 {account} 应于 {due} 拜访（上次拜访 {last_visit}），已逾期 {overdue} 天",
};
/// warn. An account never visited is overdue for its first visit (counted from its creation).
inline constexpr ReasonText visit_overdue_never{
    .code = "account.visit_overdue",
    .en = "account {account} has never been visited and was due a visit on {due}: {overdue} days overdue",
    .zh = "客户 {account} 从未拜访，应于 {due} 拜访，已逾期 {overdue} 天",
};
/// allow. A complaint clock inside its time.
inline constexpr ReasonText sla_on_time{
    .code = "account.sla_on_time",
    .en =
        "complaint {complaint}: the {clock} deadline {deadline} is kept ({elapsed} of {allowed} business "
        "minutes)",
    .zh = "投诉 {complaint} 的{clock_zh}时限 {deadline} 按时（已用 {elapsed} / {allowed} 个工作分钟）",
};
/// warn. A complaint clock has used the policy's at-risk share of its time.
inline constexpr ReasonText sla_at_risk{
    .code = "account.sla_at_risk",
    .en =
        "complaint {complaint}: the {clock} deadline {deadline} is at risk ({elapsed} of {allowed} business "
        "minutes used)",
    .zh = "投诉 {complaint} 的{clock_zh}时限 {deadline} 临近超时（已用 {elapsed} / {allowed} 个工作分钟）",
};
/// warn. A complaint clock is past its deadline.
inline constexpr ReasonText sla_breached{
    .code = "account.sla_breached",
    .en =
        "complaint {complaint}: the {clock} deadline {deadline} is breached ({elapsed} of {allowed} business "
        "minutes)",
    .zh = "投诉 {complaint} 的{clock_zh}时限 {deadline} 已超时（已用 {elapsed} / {allowed} 个工作分钟）",
};
/// warn. A complaint has escalated (及时向上级报告).
inline constexpr ReasonText sla_escalated{
    .code = "account.sla_escalated",
    .en = "complaint {complaint} has reached escalation level {level}: report to the {role}",
    .zh = "投诉 {complaint} 已升级至第 {level} 级，须向{role_zh}报告",
};
/// allow. The viewer owns the account.
inline constexpr ReasonText visible_owner{
    .code = "account.visible_owner",
    .en = "{viewer} sees account {account} in full as its owner",
    .zh = "{viewer} 是客户 {account} 的负责人，可查看全部资料",
};
/// allow. The viewer is above the owner on the reporting line.
inline constexpr ReasonText visible_reporting_line{
    .code = "account.visible_reporting_line",
    .en = "{viewer} sees account {account} in full as a manager of its owner {through}",
    .zh = "{viewer} 是负责人 {through} 的上级，可查看客户 {account} 的全部资料",
};
/// allow. The viewer manages the account's region, or is above someone who does.
inline constexpr ReasonText visible_region_manager{
    .code = "account.visible_region_manager",
    .en = "{viewer} sees account {account} in full through the region manager {through}",
    .zh = "{viewer} 经由区域负责人 {through} 的区域管理权限，可查看客户 {account} 的全部资料",
};
/// allow. A grant covers the viewer, or someone below the viewer.
inline constexpr ReasonText visible_grant{
    .code = "account.visible_grant",
    .en = "{viewer} sees account {account} in full through grant {grant} held by {through}",
    .zh = "{viewer} 经由授权第 {grant} 项（授予 {through}），可查看客户 {account} 的全部资料",
};
/// warn. The viewer has no right: a redacted copy only.
inline constexpr ReasonText visible_redacted{
    .code = "account.visible_redacted",
    .en = "{viewer} has no right to account {account} and sees a redacted copy only",
    .zh = "{viewer} 对客户 {account} 无查看权限，只能查看脱敏资料",
};
/// block. The viewer has no right and the policy shows outsiders nothing.
inline constexpr ReasonText visible_none{
    .code = "account.visible_none",
    .en = "{viewer} has no right to account {account} and does not see it",
    .zh = "{viewer} 对客户 {account} 无查看权限，不可见",
};

}  // namespace crm::account::reasons
