#pragma once
/// \file
/// The credit reports as reasons in Chinese and English: an aging bucket by bucket, a cap
/// report, a bad-debt provision, turnover figures and a collection report, each a
/// crm::Decision a host renders with crm::explain(d, crm::Lang::zh | en). The figures are the
/// report's own (nothing is recomputed). Proven by tests/credit/explain_test.cpp.
///
/// ```cpp
/// crm::explain(crm::credit::explain(aging(ledger, as_of)), crm::Lang::zh);
/// // 通过\n- 账龄 0天：CNY 1,500.00（2 笔）\n- 账龄 1-30天：...
/// ```

#include <crm/core/decision.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/caps.hpp>
#include <crm/credit/collection.hpp>
#include <crm/credit/provision.hpp>
#include <crm/credit/turnover.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/time/date.hpp>

namespace crm::credit {

/// The reason texts of the credit reports, each defined once with its stable code.
namespace reasons {

/// Figures: bucket_zh, bucket_en (text: the bucket in words), amount (Money), items (integer).
inline constexpr ReasonText aging_bucket{
    .code = "credit.aging_bucket",
    .en = "aged {bucket_en}: {amount} ({items} items)",
    .zh = "账龄 {bucket_zh}：{amount}（{items} 笔）",
};
/// Figures: amount (Money), items (integer).
inline constexpr ReasonText aging_not_yet_due{
    .code = "credit.aging_not_yet_due",
    .en = "not yet due: {amount} ({items} items)",
    .zh = "未到期：{amount}（{items} 笔）",
};
/// Figures: amount (Money, <= 0), items (integer).
inline constexpr ReasonText aging_unapplied{
    .code = "credit.aging_unapplied",
    .en = "unapplied credits: {amount} ({items} items)",
    .zh = "未核销贷项（预收款、红字发票）：{amount}（{items} 笔）",
};
/// Figures: total (Money), as_of (Date).
inline constexpr ReasonText aging_total{
    .code = "credit.aging_total",
    .en = "open receivables at {as_of}: {total}",
    .zh = "截至 {as_of} 应收账款余额：{total}",
};
/// Figures: name (text: the account or region id), balance, cap, excess (Money).
inline constexpr ReasonText cap_breached{
    .code = "credit.cap_breached",
    .en = "receivables of {name} {balance} exceed the cap {cap} by {excess}",
    .zh = "{name} 应收账款 {balance} 超过控制规模 {cap}，超出 {excess}",
};
/// Figures: name (text), balance, cap, headroom (Money).
inline constexpr ReasonText cap_headroom{
    .code = "credit.cap_headroom",
    .en = "receivables of {name} {balance} are within the cap {cap}; headroom {headroom}",
    .zh = "{name} 应收账款 {balance} 未超过控制规模 {cap}，尚余 {headroom}",
};
/// Figures: bucket_zh, bucket_en (text), balance (Money), rate (Percent), provision (Money).
inline constexpr ReasonText provision_line{
    .code = "credit.provision_line",
    .en = "aged {bucket_en}: {balance} at {rate}, provision {provision}",
    .zh = "账龄 {bucket_zh}：应收 {balance}，计提比例 {rate}，坏账准备 {provision}",
};
/// Figures: balance, provision (Money).
inline constexpr ReasonText provision_total{
    .code = "credit.provision_total",
    .en = "bad-debt provision {provision} on receivables of {balance}",
    .zh = "应收账款 {balance}，计提坏账准备合计 {provision}",
};
/// Figures: revenue, average (Money), turnover (Decimal), days (Decimal), period_days (Days).
inline constexpr ReasonText turnover{
    .code = "credit.turnover",
    .en =
        "revenue {revenue} over an average receivable balance of {average}: turnover {turnover} times, "
        "{days} days in a {period_days}-day period",
    .zh =
        "营业收入 {revenue}，应收账款平均余额 {average}：周转率 {turnover} 次，周转天数 {days} 天（期间 "
        "{period_days} 天）",
};
/// Figures: revenue, average (Money).
inline constexpr ReasonText turnover_nothing_outstanding{
    .code = "credit.turnover_nothing_outstanding",
    .en = "no receivables outstanding on average: turnover days 0 (revenue {revenue})",
    .zh = "应收账款平均余额为零：周转天数为 0（营业收入 {revenue}）",
};
/// Figures: average (Money).
inline constexpr ReasonText turnover_no_revenue{
    .code = "credit.turnover_no_revenue",
    .en = "no revenue in the period: the average balance {average} does not turn over",
    .zh = "本期无营业收入：应收账款平均余额 {average} 未周转",
};
/// Figures: name (text, the account), month (text, 2024-03), planned, actual (Money), rate (Percent).
inline constexpr ReasonText collection_below_plan{
    .code = "credit.collection_below_plan",
    .en = "{name} {month}: collected {actual} of the planned {planned} ({rate})",
    .zh = "{name} {month}：计划回款 {planned}，实际回款 {actual}，回款率 {rate}，未完成计划",
};
/// Figures: as collection_below_plan.
inline constexpr ReasonText collection_met{
    .code = "credit.collection_met",
    .en = "{name} {month}: collected {actual} of the planned {planned} ({rate}): plan met",
    .zh = "{name} {month}：计划回款 {planned}，实际回款 {actual}，回款率 {rate}，完成计划",
};
/// Figures: name, month (text), actual (Money).
inline constexpr ReasonText collection_unplanned{
    .code = "credit.collection_unplanned",
    .en = "{name} {month}: collected {actual} without a plan",
    .zh = "{name} {month}：无回款计划，实际回款 {actual}",
};

}  // namespace reasons

/// One `credit.aging_bucket` reason per bucket that has items, then `credit.aging_total`;
/// every reason `allow` (an aging reports, it does not decide).
[[nodiscard]] CRM_EXPORT Decision explain(const AgingReport& report);
/// As above, then `credit.aging_not_yet_due` and `credit.aging_unapplied` when they have
/// items; the total is the net total.
[[nodiscard]] CRM_EXPORT Decision explain(const AgingWithCredits& report);
/// Per capped account, then per region: `credit.cap_breached` (block: receivables beyond the
/// cap, 超过控制规模) or `credit.cap_headroom` (allow).
[[nodiscard]] CRM_EXPORT Decision explain(const CapReport& report);
/// One `credit.provision_line` per line with a balance, then `credit.provision_total`, all
/// `allow`. `buckets` are the ones the provision was computed over (for the words of each
/// line); throws crm::Error(inconsistent) naming `buckets` when their count differs.
[[nodiscard]] CRM_EXPORT Decision explain(const Provision& provision, const AgingBuckets& buckets);
/// Turnover and turnover days of `revenue` over `average` in a period of `period_days`
/// (receivable_turnover and turnover_days with `scale` and `mode`), as one reason (allow).
/// Throws as those functions do.
[[nodiscard]] CRM_EXPORT Decision explain_turnover(const Money& revenue, const AverageBalance& average,
                                                   Days period_days, int scale = 2,
                                                   RoundingMode mode = RoundingMode::half_up);
/// One reason per line of a collection report: below plan (warn, 回款率 under 100%), plan
/// met (allow), or collected without a plan (allow). The report's total is not repeated.
[[nodiscard]] CRM_EXPORT Decision explain(const CollectionReport& report);

}  // namespace crm::credit
