#pragma once
/// \file
/// The order credit check (订单信用检查, docs/domain.md section 4): may this order go ahead,
/// given the account's profile, what it owes and has on order, and the policy of its tier and
/// segment? The answer is a crm::Decision with every reason that applies and the figures
/// behind each. Proven by tests/credit/check_test.cpp (worked examples, each reason alone and
/// in combination, bad input) and tests/credit/check_property_test.cpp (monotonicity over
/// thousands of generated snapshots).
///
/// ```cpp
/// crm::Decision d = crm::credit::check_order(policy, profile, snapshot, order, as_of);
/// if (d.outcome() == crm::Outcome::block) show(crm::explain(d, crm::Lang::zh));
/// ```

#include <crm/core/decision.hpp>
#include <crm/credit/exposure.hpp>
#include <crm/credit/policy.hpp>
#include <crm/credit/profile.hpp>
#include <crm/export.hpp>
#include <crm/time/date.hpp>

namespace crm::credit {

/// The reasons of a credit check, each defined once with its stable code and its English and
/// Chinese templates. Placeholders name the figures each reason carries.
namespace reasons {

/// Figures: hold_reason (text), held_since (Date, when known).
inline constexpr ReasonText on_hold{
    .code = "credit.on_hold",
    .en = "the account is on credit hold: {hold_reason}",
    .zh = "客户处于信用冻结状态：{hold_reason}",
};
/// Figures: reviewed_on (Date), valid_until (Date), valid_months (integer).
inline constexpr ReasonText limit_expired{
    .code = "credit.limit_expired",
    .en =
        "the credit limit was last reviewed on {reviewed_on} and was valid until {valid_until} "
        "({valid_months}-month review)",
    .zh =
        "信用额度最近评审日为 {reviewed_on}，有效期至 {valid_until}（评审周期 {valid_months} 个月），已过期",
};
/// Figures: oldest_days_past_due, max_days_past_due, grace_days (Days), oldest_invoice (text),
/// overdue_amount (Money).
inline constexpr ReasonText overdue_days{
    .code = "credit.overdue_days",
    .en =
        "invoice {oldest_invoice} is {oldest_days_past_due} days past due, beyond {max_days_past_due} days "
        "(grace {grace_days} days)",
    .zh =
        "发票 {oldest_invoice} 已逾期 {oldest_days_past_due} 天，超过 {max_days_past_due} 天（宽限期 "
        "{grace_days} 天）",
};
/// As overdue_days, for a policy whose day threshold is inclusive ("逾期90天以上").
inline constexpr ReasonText overdue_days_inclusive{
    .code = "credit.overdue_days",
    .en =
        "invoice {oldest_invoice} is {oldest_days_past_due} days past due, {max_days_past_due} days or more "
        "(grace {grace_days} days)",
    .zh =
        "发票 {oldest_invoice} 已逾期 {oldest_days_past_due} 天，达到 {max_days_past_due} 天以上（宽限期 "
        "{grace_days} 天）",
};
/// Figures: overdue_amount, max_overdue_amount (Money), oldest_days_past_due (Days).
inline constexpr ReasonText overdue_amount{
    .code = "credit.overdue_amount",
    .en = "overdue receivables {overdue_amount} exceed the allowed {max_overdue_amount}",
    .zh = "逾期应收账款 {overdue_amount} 超过允许的 {max_overdue_amount}",
};
/// As overdue_amount, for an inclusive amount threshold ("逾期金额X以上").
inline constexpr ReasonText overdue_amount_inclusive{
    .code = "credit.overdue_amount",
    .en = "overdue receivables {overdue_amount} reach the threshold {max_overdue_amount} or more",
    .zh = "逾期应收账款 {overdue_amount}，达到 {max_overdue_amount} 以上",
};
/// Figures: exposure, limit, excess (exposure - limit), available (limit - exposure, negative).
inline constexpr ReasonText over_limit{
    .code = "credit.over_limit",
    .en = "exposure {exposure} exceeds the credit limit {limit} by {excess}",
    .zh = "信用敞口 {exposure} 超过信用额度 {limit}，超出 {excess}",
};
/// Figures: excess, tolerance (Money), exposure, limit.
inline constexpr ReasonText over_tolerance{
    .code = "credit.over_tolerance",
    .en = "the excess {excess} is beyond the tolerance {tolerance} an approver may grant",
    .zh = "超出额 {excess} 超过审批人可批准的容差 {tolerance}",
};
/// As over_tolerance, for a tolerance whose own amount may not be granted ("不满容差可审批").
inline constexpr ReasonText over_tolerance_exclusive{
    .code = "credit.over_tolerance",
    .en = "the excess {excess} reaches the tolerance {tolerance}; an approver may grant only less than it",
    .zh = "超出额 {excess} 达到审批人可批准的容差 {tolerance} 以上（可批准的须不满容差）",
};
/// Figures: utilisation, warn_at (Percent), exposure, limit, available (Money). The policy's
/// warn threshold is inclusive ("使用率90%以上预警").
inline constexpr ReasonText high_utilisation{
    .code = "credit.high_utilisation",
    .en = "utilisation {utilisation} of the credit limit {limit} is {warn_at} or more; available {available}",
    .zh = "信用额度 {limit} 使用率 {utilisation}，达到 {warn_at} 以上；可用额度 {available}",
};
/// As high_utilisation, for an exclusive warn threshold ("使用率超过90%预警").
inline constexpr ReasonText high_utilisation_exclusive{
    .code = "credit.high_utilisation",
    .en =
        "utilisation {utilisation} of the credit limit {limit} is more than {warn_at}; available {available}",
    .zh = "信用额度 {limit} 使用率 {utilisation}，超过 {warn_at}；可用额度 {available}",
};

}  // namespace reasons

/// Checks `order` against the account's credit at `as_of`.
///
/// Reasons, in this fixed order, each listed whenever it applies:
/// 1. `credit.on_hold` — the profile has a hold; `policy.on_hold` (block or needs_approval).
/// 2. `credit.limit_expired` — the profile gives `limit_reviewed_on` and `as_of` is after
///    `add_months(limit_reviewed_on, policy.limit_valid_months)`; `policy.on_expired_limit`.
///    A profile without a review date is never expired.
/// 3. `credit.overdue_days` — the oldest open item's days past due less `grace` exceed
///    `max_days_past_due` (or reach it, when `days_boundary` is inclusive); block.
/// 4. `credit.overdue_amount` — the open amount of items more than `grace` days past due
///    exceeds `max_overdue_amount` (or reaches it, inclusive `amount_boundary`); block.
/// 5. `credit.over_limit` — exposure > limit (超过额度); needs_approval.
/// 6. `credit.over_tolerance` — and the excess is beyond the tolerance (excess > tolerance
///    when `tolerance.boundary` is inclusive, excess >= tolerance when exclusive); block.
/// 7. `credit.high_utilisation` — exposure <= limit and exposure / limit reaches the warn
///    threshold (>= when `warn_boundary` is inclusive, > when exclusive; compared exactly,
///    no rounding before the comparison); warn.
/// Each reason's text uses the word of its threshold's side (以上 for inclusive, 超过 for
/// exclusive).
/// The outcome is the most severe reason's (allow when none). Monotone by construction: the
/// order's amount enters only through the exposure, whose thresholds are crossed upward only
/// (warn, then needs_approval, then block); as_of enters only through days past due and the
/// limit's age, which only grow. No allocation and no text when the answer is a plain allow.
///
/// Bad input throws crm::Error naming the field before any answer exists: the policy
/// (`policy.warn_utilisation` ...), a negative limit (`profile.limit`), a negative order
/// or fractional-cent (`order.amount`, CNY 0.001) order or item, a sum beyond Decimal's range
/// (named by the input that overflowed it, e.g. `order.amount`), a receivable due before it was invoiced
/// (`snapshot.receivables[i].due_on`), policy amounts not in the profile's currency
/// (`policy.overdue.max_overdue_amount`, currency_mismatch), a missing or bad rate
/// (`snapshot.rates.USD`, not_found).
[[nodiscard]] CRM_EXPORT Decision check_order(const Policy& policy, const CreditProfile& profile,
                                              const CreditSnapshot& snapshot, const Order& order, Date as_of);

}  // namespace crm::credit
