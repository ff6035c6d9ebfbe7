#pragma once
/// \file
/// The policy set: one value holding a company's policies of every area (public pool, visits,
/// complaint SLAs, credit, pricing, approval, scoring, calendars), in versions that take
/// effect on a date. A rule evaluated at an as-of date uses the version in force then
/// (`PolicySet::in_force`). `PolicySet::validate` checks every version and every area at once,
/// naming each error by its path in the set (`versions[1].credit.policies[2].warn_utilisation`),
/// and returns what the areas' lints find (pricing rule books, approval matrices).
/// Proven by tests/policy/policy_set_test.cpp.
///
/// ```cpp
/// crm::policy::PolicySet set{.company = "华东机电", .versions = {v2024, v2025}};
/// auto findings = set.validate();               // throws crm::Error on malformed policy
/// const auto& v = set.in_force(crm::Date{2025, 3, 1});
/// const auto& p = crm::policy::credit_policy(v, "A", "政府单位");
/// ```

#include <crm/account/complaint.hpp>
#include <crm/account/pool.hpp>
#include <crm/account/visit.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/caps.hpp>
#include <crm/credit/policy.hpp>
#include <crm/credit/provision.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/pricing/authority.hpp>
#include <crm/pricing/model.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/scorecard.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace crm::policy {

namespace detail {
/// The buckets of credit::AgingBuckets::past_due_default(), as a list to edit.
[[nodiscard]] CRM_EXPORT std::vector<credit::AgingBucket> default_aging_buckets();
}  // namespace detail

/// The account area's policies: the public pool (公海), the visit cadence and the complaint
/// SLA table. Each defaults to its area's documented default.
struct CRM_EXPORT AccountPolicies {
    account::PoolPolicy pool{};  ///< the public-pool rules (公海规则); default account::PoolPolicy{}
    /// The visit cadence per tier (拜访周期); default A monthly, B every two months, C quarterly.
    account::VisitPolicy visits{};
    /// The complaint SLA table and escalation (投诉时限); default account::SlaPolicy{}.
    account::SlaPolicy sla{};

    /// Memberwise equality.
    friend bool operator==(const AccountPolicies&, const AccountPolicies&) = default;
};

/// The credit area's policies.
/// - `policies`: the credit policy table, one row per tier and segment (each row holds the
///   exposure components, warn threshold, tolerance and overdue rule); empty by default, in
///   which case no credit check can be run from the set;
/// - `aging_buckets`: the buckets of the aging report (default: current, 1-30 ... >365 days
///   past due);
/// - `provisions`: the bad-debt provision schedule (default 5% .. 100% by year since invoice);
/// - `account_caps`, `region_caps`: caps on open receivables (应收账款控制规模), none by default.
struct CRM_EXPORT CreditPolicies {
    std::vector<credit::PolicyEntry> policies{};  ///< the credit policy table (信用政策), as described above
    /// The aging buckets (账龄区间), as described above.
    std::vector<credit::AgingBucket> aging_buckets = detail::default_aging_buckets();
    /// The bad-debt provision schedule (坏账准备), as described above.
    credit::ProvisionSchedule provisions{};
    /// Per-account caps on open receivables; none by default.
    std::vector<credit::AccountCap> account_caps{};
    std::vector<credit::RegionCap> region_caps{};  ///< per-region caps on open receivables; none by default

    /// Memberwise equality.
    friend bool operator==(const CreditPolicies&, const CreditPolicies&) = default;
};

/// The pricing area's policies: the rule book (price list, contract prices, discount rules,
/// groups and the book-wide policy) and the price-authority table. Empty by default.
struct CRM_EXPORT PricingPolicies {
    /// The price list, contract prices, rules, groups and book-wide policy; built into a pricing::RuleBook
    /// when used.
    pricing::RuleBookInput book{};
    pricing::AuthorityTable authority{};  ///< the pricing authority per role (销售价格权限); empty by default

    /// Memberwise equality.
    friend bool operator==(const PricingPolicies&, const PricingPolicies&) = default;
};

/// The approval area's policies: the role ladder (default `crm::default_roles()`), the rows of
/// the delegation-of-authority matrix (none by default: nothing needs approval) and the
/// currency its amounts are in (default CNY).
struct CRM_EXPORT ApprovalPolicies {
    /// The role ladder the matrix is compiled against; default crm::default_roles().
    std::vector<Role> roles = default_roles();
    /// The rows of the delegation-of-authority matrix (权限矩阵); none by default.
    std::vector<approval::Row> rows{};
    Currency currency{};  ///< the currency of the matrix's amount thresholds; default CNY

    /// Memberwise equality.
    friend bool operator==(const ApprovalPolicies&, const ApprovalPolicies&) = default;
};

/// The scoring area's policies: the company's scorecards (account grading, supplier rating ...)
/// and the key-account manager KPI (default: the weights and functions of scoring/kpi.hpp).
struct CRM_EXPORT ScoringPolicies {
    std::vector<scoring::Scorecard> scorecards{};  ///< the company's scorecards (评分卡); none by default
    scoring::KpiPolicy kpi{};                      ///< the key-account manager KPI policy (考核)

    /// Same scorecards and the same KPI policy, member by member.
    friend CRM_EXPORT bool operator==(const ScoringPolicies& a, const ScoringPolicies& b);
};

/// One named business calendar of the set (weekend, holidays, make-up working days); build it
/// with `crm::Calendar{spec}`. Names are unique in a version.
struct CRM_EXPORT CalendarPolicy {
    CalendarSpec spec{};  ///< the calendar's lists and name (CalendarSpec::name names it in the version)

    /// Same name, weekend, holidays, working days and strictness (order as given).
    friend CRM_EXPORT bool operator==(const CalendarPolicy& a, const CalendarPolicy& b);
};

/// One version of the policies: an id ("2025-v1"), the first day it is in force, and the
/// policies of every area. A version is complete: nothing is inherited from an earlier one.
struct CRM_EXPORT PolicyVersion {
    std::string id{};             ///< the version's id (e.g. `2025-v1`); not empty, unique in the set
    Date effective_from{};        ///< the first day the version is in force; unique in the set
    AccountPolicies account{};    ///< the account area's policies
    CreditPolicies credit{};      ///< the credit area's policies
    PricingPolicies pricing{};    ///< the pricing area's policies
    ApprovalPolicies approval{};  ///< the approval area's policies
    ScoringPolicies scoring{};    ///< the scoring area's policies
    std::vector<CalendarPolicy> calendars{};  ///< the named business calendars; names unique in the version

    /// Memberwise equality.
    friend bool operator==(const PolicyVersion&, const PolicyVersion&) = default;
};

/// What a lint of one area found in a valid version: not an error (the policy can be used),
/// but something a policy owner should look at (a gap in the approval matrix, a pricing rule
/// that never fires). `field` is the path of the part linted (`versions[0].approval.rows`),
/// `reason` the explanation in zh and en (severity warn).
struct CRM_EXPORT Finding {
    std::string field;  ///< the path of the part linted (e.g. `versions[0].approval.rows`)
    Reason reason;      ///< what the lint found, renderable in Chinese and English (severity warn)

    /// Memberwise equality.
    friend bool operator==(const Finding&, const Finding&) = default;
};

/// A company's policies over time. Invariants (validate): at least one version; ids non-empty
/// and unique; effective dates unique (two versions cannot both start on one day); every
/// version's areas valid.
struct CRM_EXPORT PolicySet {
    /// The company the policies belong to (a label; may be empty).
    std::string company{};
    /// In any order; `in_force` picks by date.
    std::vector<PolicyVersion> versions{};

    /// The version in force at `as_of`: the one with the latest `effective_from` on or before
    /// it. Throws crm::Error(not_found) naming `as_of` when every version starts later (or there
    /// is none). Does not validate.
    [[nodiscard]] const PolicyVersion& in_force(Date as_of) const;
    /// The version with this id; throws crm::Error(not_found) naming `version`.
    [[nodiscard]] const PolicyVersion& version(std::string_view id) const;

    /// Checks the whole set; throws the first crm::Error found, its field the path of the
    /// offending value in the set:
    /// - `versions` (invalid_argument): no version;
    /// - `versions[i].id` (invalid_argument: empty; duplicate), `versions[i].effective_from`
    ///   (duplicate);
    /// - `versions[i].account.pool.*`, `.account.visits.*`, `.account.sla.*`: as the account
    ///   policies' validate();
    /// - `versions[i].credit.policies[j].tier` (empty), `.segment` (duplicate tier and segment),
    ///   `.credit.policies[j].<member>` as credit::Policy::validate;
    ///   `.credit.aging_buckets[j].*` as credit::AgingBuckets; `.credit.provisions.*`;
    ///   `.credit.account_caps[j].cap` / `.credit.region_caps[j].cap` (negative),
    ///   `.account` / `.region` (duplicate);
    /// - `versions[i].pricing.book.*` as pricing::RuleBook; `.pricing.authority.rows[j].*`;
    /// - `versions[i].approval.rows[j].*`, `.approval.roles[j].*` as approval::Matrix;
    /// - `versions[i].scoring.scorecards[j].*` as scoring::validate (weights summing to 100%
    ///   among them), `.scoring.kpi.*`;
    /// - `versions[i].calendars[j].name` (empty; duplicate), `.calendars[j].weekend[k]` ... as
    ///   crm::Calendar.
    /// Returns the lint findings of every version: pricing lint of each rule book, approval lint
    /// of each matrix, in version order.
    [[nodiscard]] std::vector<Finding> validate() const;

    /// Memberwise equality.
    friend bool operator==(const PolicySet&, const PolicySet&) = default;
};

/// The credit policy of (tier, segment) in `version` (see credit::select: the exact row, else
/// the tier's row with an empty segment). Throws crm::Error(not_found) naming `tier` or
/// `segment`.
[[nodiscard]] CRM_EXPORT const credit::Policy& credit_policy(const PolicyVersion& version,
                                                             std::string_view tier, std::string_view segment);

/// The calendar named `name` in `version`, built; throws crm::Error(not_found) naming
/// `calendar`, or what crm::Calendar throws for a bad spec.
[[nodiscard]] CRM_EXPORT Calendar calendar(const PolicyVersion& version, std::string_view name);

/// The aging buckets of `version`, validated (errors name `credit.aging_buckets[i]...`).
[[nodiscard]] CRM_EXPORT credit::AgingBuckets aging_buckets(const PolicyVersion& version);

/// The reasons of the pricing lint as the policy set reports it, one per pricing::LintKind,
/// each in zh and en. Figures: rules (text, the rule ids joined by ", "), group (text, the
/// exclusive group, "" for cumulative rules), detail (text, the lint's own English note).
namespace reasons {
/// The pricing lint LintKind::unbreakable_tie: rules that tie with nothing but their id to decide.
inline constexpr ReasonText pricing_unbreakable_tie{
    .code = "policy.pricing.unbreakable_tie",
    .en = "pricing rules {rules} tie and nothing decides which applies first: {detail}",
    .zh = "价格规则 {rules} 优先级相同，无法确定先后",
};
/// The pricing lint LintKind::shadowed: a rule of an exclusive group that can never win.
inline constexpr ReasonText pricing_shadowed{
    .code = "policy.pricing.shadowed",
    .en = "pricing rule {rules}: the first is shadowed by the second and never applies: {detail}",
    .zh = "价格规则 {rules}：前者被后者覆盖，永远不会生效",
};
/// The pricing lint LintKind::never_fires: a rule naming only products or groups the book does not know.
inline constexpr ReasonText pricing_never_fires{
    .code = "policy.pricing.never_fires",
    .en = "pricing rule {rules} can never apply: {detail}",
    .zh = "价格规则 {rules} 永远不会生效",
};
/// The pricing lint LintKind::undeclared_order: cumulative rules sharing a sequence whose order changes the
/// price.
inline constexpr ReasonText pricing_undeclared_order{
    .code = "policy.pricing.undeclared_order",
    .en = "cumulative pricing rules {rules} share a sequence and have no declared order: {detail}",
    .zh = "累加价格规则 {rules} 顺序号相同, 未声明先后顺序",
};
/// The pricing lint LintKind::overlapping_breaks: quantity breaks whose bands overlap.
inline constexpr ReasonText pricing_overlapping_breaks{
    .code = "policy.pricing.overlapping_breaks",
    .en = "quantity breaks {rules} overlap: {detail}",
    .zh = "数量折扣档 {rules} 相互重叠",
};
/// The pricing lint LintKind::break_gap: quantity breaks that leave quantities uncovered.
inline constexpr ReasonText pricing_break_gap{
    .code = "policy.pricing.break_gap",
    .en = "quantity breaks {rules} leave a gap: {detail}",
    .zh = "数量折扣档 {rules} 之间存在空档",
};
}  // namespace reasons

}  // namespace crm::policy
