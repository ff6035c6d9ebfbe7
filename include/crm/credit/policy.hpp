#pragma once
/// \file
/// The credit policy (信用政策, docs/domain.md section 4): what counts in an account's
/// exposure, and the thresholds at which an order is warned about, sent for approval or
/// blocked. One Policy per tier and segment, looked up in a PolicyTable. Every default below
/// is a default, never a constant: each is a member the host may set. Proven by
/// tests/credit/policy_test.cpp.
///
/// ```cpp
/// crm::credit::Policy strategic{
///     .warn_utilisation = crm::Percent{"85"},
///     .tolerance = {.percent = crm::Percent{"15"}},
///     .overdue = {.max_days_past_due = crm::Days{60}, .grace = crm::Days{5}},
/// };
/// ```

#include <crm/core/decision.hpp>
#include <crm/core/threshold.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::credit {

/// Which amounts count in the exposure (信用敞口). domain.md section 4: exposure = open
/// receivables + open orders not yet invoiced + the order being checked (and, as the policy
/// says, shipped-not-invoiced goods). All four count by default: leaving one out is a
/// deliberate policy choice, never an accident (the classic error is an exposure that
/// forgets open orders). Proven by tests/credit/exposure_test.cpp.
struct CRM_EXPORT ExposureComponents {
    bool open_receivables = true;      ///< open invoice items (应收账款)
    bool open_orders = true;           ///< accepted orders not yet shipped or invoiced
    bool shipped_not_invoiced = true;  ///< goods delivered, invoice not yet issued (发出商品)
    bool this_order = true;            ///< the order being checked

    /// Memberwise equality.
    friend bool operator==(const ExposureComponents&, const ExposureComponents&) = default;
};

/// How the amount and the percent of an OverLimitTolerance combine when both are given.
/// Proven by tests/credit/check_test.cpp ("a tolerance by amount and by percent combine ...").
enum class ToleranceRule {
    smaller,  ///< the smaller of the two: the excess must be within both (the stricter)
    larger,   ///< the larger of the two: the excess must be within either
};
/// The stable name: `smaller` or `larger` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ToleranceRule rule) noexcept;
/// Prints to_string(rule).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, ToleranceRule rule);

/// How far over the limit an approver may let an order go (domain.md: "needs approval: over
/// the limit but within a tolerance the approver may grant"). The excess is exposure - limit.
/// - only `amount`: the excess may be at most that amount (in the profile's currency);
/// - only `percent`: at most that share of the limit (10% of CNY 1,000,000.00 = 100,000.00);
/// - both: combined by `rule` (default: the smaller, so both must hold);
/// - neither: no tolerance, any excess is blocked.
/// Default: 10% of the limit (domain.md gives no figure; 10% is this library's choice).
/// `boundary` says whether an excess of exactly the tolerance may still be approved:
/// inclusive (default, "容差以内可审批": excess <= tolerance needs approval, more is blocked as
/// 超过容差) or exclusive ("不满容差可审批": an excess equal to the tolerance is blocked).
/// Invariants (Policy::validate): amount >= 0, percent >= 0. Proven by tests/credit/check_test.cpp.
struct CRM_EXPORT OverLimitTolerance {
    /// The largest excess an approver may grant, in the profile's currency, >= 0; none means no amount bound.
    std::optional<Money> amount;
    /// The largest excess as a share of the limit, >= 0; default 10%; none means no percent bound.
    std::optional<Percent> percent = Percent{Decimal{10}};
    /// How `amount` and `percent` combine when both are given; default the smaller.
    ToleranceRule rule = ToleranceRule::smaller;
    /// Whether an excess of exactly the tolerance may still be approved; default inclusive (以内).
    Boundary boundary = Boundary::inclusive;

    /// Memberwise equality.
    friend bool operator==(const OverLimitTolerance&, const OverLimitTolerance&) = default;
};

/// When overdue receivables block an order (domain.md: "block: an invoice overdue beyond N
/// days or beyond an amount").
///
/// An item is *overdue* when its days past due at the as-of date exceed `grace` (a grace
/// period absorbs payments in transit). Then:
/// - `credit.overdue_days` when the oldest open item is more than `grace + max_days_past_due`
///   days past due;
/// - `credit.overdue_amount` when the overdue items' open amounts sum to more than
///   `max_overdue_amount`.
/// Either threshold may be switched off (std::nullopt). Defaults: 90 days, no amount
/// threshold, no grace (domain.md names the rule, not the numbers; these are this library's
/// choice). Each threshold states its side: `days_boundary` and `amount_boundary` default to
/// exclusive, the reading of "逾期超过90天" and "逾期金额超过X": exactly 90 days past due (after
/// grace) does not block; inclusive is "逾期90天以上" (90 days already blocks).
/// Invariants (Policy::validate): days >= 0, amount >= 0, grace >= 0.
/// Proven by tests/credit/check_test.cpp (the overdue cases, with their boundaries).
struct CRM_EXPORT OverdueRule {
    /// The threshold for the oldest open item, in days past due beyond `grace` (`credit.overdue_days`;
    /// whether the number itself blocks: `days_boundary`); default 90; none switches the rule off.
    std::optional<Days> max_days_past_due = Days{90};
    /// The threshold for the overdue items' open total, in the profile's currency
    /// (`credit.overdue_amount`; whether the amount itself blocks: `amount_boundary`); none (the
    /// default) switches the rule off.
    std::optional<Money> max_overdue_amount;
    Days grace{0};  ///< days past due that do not yet count as overdue (payments in transit); default 0
    Boundary days_boundary = Boundary::exclusive;    ///< side of `max_days_past_due` that blocks
    Boundary amount_boundary = Boundary::exclusive;  ///< side of `max_overdue_amount` that blocks

    /// Memberwise equality.
    friend bool operator==(const OverdueRule&, const OverdueRule&) = default;
};

/// What an account on hold or with an expired limit gets: a block, or a stop that an
/// approver may lift. Proven by tests/credit/check_test.cpp.
enum class Escalation {
    needs_approval,
    block,
};
/// The stable name: `needs_approval` or `block` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Escalation e) noexcept;
/// Prints to_string(e).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Escalation e);
/// The Outcome an escalation stands for.
[[nodiscard]] constexpr Outcome to_outcome(Escalation e) noexcept {
    return e == Escalation::block ? Outcome::block : Outcome::needs_approval;
}

/// The credit policy of one tier and segment. An aggregate: build it with designated
/// initialisers; members left out take the documented defaults. `validate()` (called by
/// every check) throws crm::Error naming the offending member.
///
/// Severity mapping (docs/credit.md, proven by tests/credit/check_test.cpp):
/// | reason | outcome |
/// |---|---|
/// | `credit.on_hold` | `on_hold` (default block) |
/// | `credit.limit_expired` | `on_expired_limit` (default block) |
/// | `credit.overdue_days`, `credit.overdue_amount` | block |
/// | `credit.over_limit` (excess within tolerance) | needs_approval |
/// | `credit.over_tolerance` (excess beyond it, listed with over_limit) | block |
/// | `credit.high_utilisation` (within the limit, at or above the threshold) | warn |
struct CRM_EXPORT Policy {
    /// Which amounts count in the exposure; all four by default (domain.md section 4).
    ExposureComponents exposure{};
    /// Warn when exposure / limit reaches this, while still within the limit. Default 90%
    /// (domain.md section 4: "warn; utilisation above a threshold, e.g. 90%"). nullopt: never
    /// warn. Invariant: 0% < warn <= 100%.
    std::optional<Percent> warn_utilisation = Percent{Decimal{90}};
    /// Whether a utilisation of exactly `warn_utilisation` warns: inclusive (default, "使用率
    /// 90%以上预警") or exclusive ("使用率超过90%预警").
    Boundary warn_boundary = Boundary::inclusive;
    /// How far over the limit an approver may go; default 10% of the limit.
    OverLimitTolerance tolerance{};
    /// When overdue items block; default more than 90 days past due.
    OverdueRule overdue{};
    /// A limit not reviewed within this many months has expired (it is valid through
    /// `add_months(reviewed_on, months)`); default 12 (an annual review; domain.md names the
    /// rule only). nullopt: limits never expire. Invariant: >= 1.
    std::optional<int> limit_valid_months = 12;
    /// What an account on hold gets (default block).
    Escalation on_hold = Escalation::block;
    /// What an account whose limit has expired gets (default block).
    Escalation on_expired_limit = Escalation::block;
    /// How an amount in another currency is rounded after conversion into the profile's
    /// currency (each item on its own). Default half_up (四舍五入).
    RoundingMode conversion_rounding = RoundingMode::half_up;

    /// Throws crm::Error naming the member's path under `policy`: a warn threshold outside (0%, 100%]
    /// (invalid_argument, `policy.warn_utilisation`), a negative tolerance
    /// (`policy.tolerance.amount`, `policy.tolerance.percent`), negative overdue thresholds or
    /// grace (`policy.overdue.max_days_past_due`, `.max_overdue_amount`, `.grace`), a validity
    /// below one month (`policy.limit_valid_months`). `field` is the prefix of the paths
    /// (a PolicyTable passes `table.entries[2].policy`).
    void validate(std::string_view field = "policy") const;

    /// Memberwise equality.
    friend bool operator==(const Policy&, const Policy&) = default;
};

/// One row of a policy table: the policy for a tier (A/B/C, strategic/key/normal) and a
/// segment (政府单位, 集团客户, 经销商 ...). An empty `segment` is the tier's policy for every
/// segment without a row of its own. Proven by tests/credit/policy_test.cpp.
struct CRM_EXPORT PolicyEntry {
    std::string tier;  ///< the tier (客户等级) the row is for; never empty
    /// The segment (客户类型) the row is for; empty means every segment of the tier without its own row.
    std::string segment;
    Policy policy;  ///< the credit policy of that tier and segment

    /// Memberwise equality.
    friend bool operator==(const PolicyEntry&, const PolicyEntry&) = default;
};

/// The policies per tier and segment (domain.md: "thresholds depend on tier and segment").
/// Invariants (validate): a non-empty tier in every row, each (tier, segment) at most once,
/// every policy valid. Proven by tests/credit/policy_test.cpp.
struct CRM_EXPORT PolicyTable {
    std::vector<PolicyEntry> entries;  ///< the rows; each (tier, segment) at most once

    /// Throws crm::Error naming `table.entries[i].tier` (invalid_argument: empty),
    /// `table.entries[i].segment` (duplicate), or the policy's member under
    /// `table.entries[i].policy` (as Policy::validate, with that prefix).
    void validate() const;

    /// Memberwise equality.
    friend bool operator==(const PolicyTable&, const PolicyTable&) = default;
};

/// The policy for (tier, segment): the row for exactly that pair, else the tier's row with an
/// empty segment. Throws crm::Error(not_found) naming `tier` when no row has the tier, or
/// `segment` when the tier has neither that segment nor a catch-all row; and whatever
/// `table.validate()` throws. Never falls back to another tier.
[[nodiscard]] CRM_EXPORT const Policy& select(const PolicyTable& table, std::string_view tier,
                                              std::string_view segment);

}  // namespace crm::credit
