#pragma once
/// \file
/// Complaint SLAs (投诉处理时限): per severity and tier a response deadline and a resolution
/// deadline, in business hours or business days on a calendar; whether a complaint is on time,
/// at risk or breached; and how far it has escalated (及时向上级报告). Domain: docs/domain.md
/// section 1 ("Complaints"). Proven by tests/account/complaint_test.cpp.
///
/// ```cpp
/// using namespace crm::account;
/// const SlaPolicy policy{};  // e.g. high x A: respond in 2 business hours, resolve in 2 business days
/// const Complaint c{.id = crm::ComplaintId{"C-1"}, .account = crm::AccountId{"ACC-001"}, .tier = "A",
///                   .severity = Severity::high, .received = crm::DateTime::parse("2024-06-03 10:00")};
/// const SlaStatus s = sla_status(policy, c, crm::china_mainland_calendar(), crm::WorkingHours{},
///                                crm::DateTime::parse("2024-06-03 11:45"));
/// // response due 2024-06-03 12:00; 105 of 120 business minutes used (87.5% >= 80%): at_risk
/// ```
///
/// **Deadlines.** A target in business minutes (`Minutes::hours(4)`) is counted with
/// crm::add_business_time from the receipt: only time inside the working hours of business
/// days counts. A target of N business days ends at the close of the N-th business day after
/// the day of receipt (Calendar::add_business_days; the day of receipt never counts): received
/// Monday 10:00, 2 business days, due Wednesday 18:00.
///
/// **State of a clock.** Done (responded / resolved at or before as_of): on_time when done by the
/// deadline, breached after it. Open: breached once as_of is past the deadline; at_risk when the
/// business minutes used reach the policy's `at_risk` share of those allowed; on_time otherwise.
/// A complaint's state is the worse of its two clocks.
///
/// **Escalation.** Each step of `SlaPolicy::escalation` is reached when the resolution clock's
/// business minutes used reach a share of those allowed (`Percent`) or a number of business
/// minutes (`Minutes`); the level is the number of the highest step reached (0: none). The
/// clock stops at resolution, and so does the escalation.

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/money/rate.hpp>
#include <crm/time/business_days.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/time_of_day.hpp>

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace crm::account {

/// How serious a complaint is, ordered: low < medium < high < critical.
enum class Severity {
    low,       ///< 一般
    medium,    ///< 较重
    high,      ///< 严重
    critical,  ///< 重大/紧急
};
/// The stable name: `low`, `medium`, `high` or `critical` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Severity s) noexcept;
/// en "low" ... "critical"; zh 一般, 较重, 严重, 重大.
[[nodiscard]] CRM_EXPORT std::string_view display_name(Severity s, Lang lang) noexcept;
/// Prints to_string(s).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Severity s);

/// A number of business days on a calendar: crm::BusinessDays (crm/time/business_days.hpp),
/// under its earlier name.
using BusinessDays = crm::BusinessDays;

/// A time allowed: business minutes inside working hours, or whole business days.
using SlaTime = std::variant<Minutes, BusinessDays>;
/// Prints `120 minutes of business time` or `3 business days`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const SlaTime& t);

/// One cell of the SLA table: for complaints of this severity on accounts of this tier.
struct CRM_EXPORT SlaTarget {
    Severity severity = Severity::low;  ///< the severity the cell is for; default low
    std::string tier;                   ///< the account tier the cell is for (e.g. `A`); not empty
    SlaTime response;    ///< the time allowed from receipt to the first response (响应时限); > 0
    SlaTime resolution;  ///< the time allowed from receipt to resolution (解决时限); > 0

    /// Memberwise equality.
    friend bool operator==(const SlaTarget&, const SlaTarget&) = default;
};

/// An escalation step: reached at a share of the resolution time or after some business
/// minutes; `notify` is the role to report to (及时向上级报告), if the policy names one.
struct CRM_EXPORT EscalationStep {
    /// When the step is reached: a share of the resolution time (50% = half of it used), or business minutes
    /// since receipt; > 0.
    std::variant<Percent, Minutes> at;
    std::optional<RoleId> notify;  ///< the role to report to; none when the step only marks the level

    /// Memberwise equality.
    friend bool operator==(const EscalationStep&, const EscalationStep&) = default;
};

/// The default table (domain.md section 1 names the shape, not the numbers; these are common
/// service levels, to be replaced by the host's own). Response / resolution:
///
/// | severity | A               | B               | C               |
/// |----------|-----------------|-----------------|-----------------|
/// | critical | 1 h / 1 bd      | 2 h / 2 bd      | 4 h / 3 bd      |
/// | high     | 2 h / 2 bd      | 4 h / 3 bd      | 8 h / 5 bd      |
/// | medium   | 4 h / 5 bd      | 8 h / 7 bd      | 1 bd / 10 bd    |
/// | low      | 1 bd / 10 bd    | 2 bd / 15 bd    | 3 bd / 20 bd    |
/// (h: business hours; bd: business days)
[[nodiscard]] CRM_EXPORT std::vector<SlaTarget> default_sla_targets();

/// The complaint SLA policy.
struct CRM_EXPORT SlaPolicy {
    /// The SLA table, one cell per (severity, tier); default default_sla_targets().
    std::vector<SlaTarget> targets = default_sla_targets();
    /// A clock is at risk once this share of its allowed time is used. Default 80%.
    Percent at_risk{Decimal{80}};
    /// Default: level 1 at 50% of the resolution time (regional manager), level 2 at 100%
    /// (sales director), level 3 at 150% (general manager); the role ids of default_roles().
    std::vector<EscalationStep> escalation{
        EscalationStep{.at = Percent{Decimal{50}}, .notify = RoleId{"regional_manager"}},
        EscalationStep{.at = Percent{Decimal{100}}, .notify = RoleId{"sales_director"}},
        EscalationStep{.at = Percent{Decimal{150}}, .notify = RoleId{"general_manager"}},
    };

    /// Throws crm::Error naming the field: no targets (`policy.targets`), an empty tier
    /// (`policy.targets[i].tier`), a severity and tier given twice (duplicate,
    /// `policy.targets[i]`), a time of zero or less (`policy.targets[i].response` /
    /// `.resolution`), `at_risk` outside (0%, 100%] (`policy.at_risk`), a step at zero or less
    /// (`policy.escalation[i].at`), steps of one kind not strictly ascending (inconsistent,
    /// `policy.escalation[i].at`).
    void validate() const;
    /// The target for this severity and tier, or nullptr.
    [[nodiscard]] const SlaTarget* find(Severity severity, std::string_view tier) const noexcept;

    /// Memberwise equality.
    friend bool operator==(const SlaPolicy&, const SlaPolicy&) = default;
};

/// A complaint as the SLA reads it. `tier` is the account's tier when the complaint came in.
/// A resolution without a recorded response counts as the response too.
struct CRM_EXPORT Complaint {
    ComplaintId id;     ///< the complaint's id
    AccountId account;  ///< the account complaining
    std::string tier;   ///< the account's tier when the complaint came in; selects the SLA cell
    Severity severity = Severity::low;  ///< how serious it is; default low
    DateTime received;                  ///< when it came in; both clocks start here
    /// When it was first answered; none while unanswered (a resolution then counts as the response).
    std::optional<DateTime> responded;
    std::optional<DateTime> resolved;  ///< when it was resolved; none while open

    /// Memberwise equality.
    friend bool operator==(const Complaint&, const Complaint&) = default;
};

/// Where a clock stands.
enum class SlaState {
    on_time,   ///< inside the time allowed (or done in it)
    at_risk,   ///< open, with at least the policy's at-risk share of the time used
    breached,  ///< past the deadline (open, or done late)
};
/// The stable name: `on_time`, `at_risk` or `breached` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(SlaState s) noexcept;
/// Prints to_string(s).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, SlaState s);

/// One clock (response or resolution) on the as-of instant.
struct CRM_EXPORT SlaClock {
    DateTime deadline;             ///< when the time allowed runs out, on the calendar within working hours
    Minutes allowed;               ///< business minutes from receipt to the deadline
    Minutes elapsed;               ///< business minutes from receipt to `done`, or to as_of while open
    std::optional<DateTime> done;  ///< when it was met, if by as_of
    SlaState state = SlaState::on_time;  ///< where the clock stands on the as-of instant; default on_time

    /// Memberwise equality.
    friend bool operator==(const SlaClock&, const SlaClock&) = default;
};
/// `at_risk due 2024-06-03 12:00, 105/120 min`, with `done ...` once met.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const SlaClock& c);

/// The answer of sla_status().
struct CRM_EXPORT SlaStatus {
    SlaState state = SlaState::on_time;  ///< the worse of the two clocks
    SlaClock response;                   ///< the response clock
    SlaClock resolution;                 ///< the resolution clock
    int escalation_level = 0;            ///< 0 .. policy.escalation.size()
    std::optional<RoleId> escalate_to;   ///< the `notify` role of the level reached

    /// Memberwise equality.
    friend bool operator==(const SlaStatus&, const SlaStatus&) = default;
};
/// Prints `<state> (response <clock>; resolution <clock>; escalation level <n>[ to <role>])`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const SlaStatus& s);

/// The complaint's SLA on `as_of`, on `calendar` within `hours`. A response or resolution
/// recorded after `as_of` is not yet known on `as_of` and is ignored (replaying history gives
/// the answer of that day). Throws crm::Error: an invalid policy (SlaPolicy::validate), a tier
/// the table does not know (not_found, `complaint.tier`), a known tier without this severity
/// (not_found, `complaint.severity`), a response or resolution before receipt (inconsistent,
/// `complaint.responded` / `complaint.resolved`), `as_of` before receipt (invalid_argument,
/// `as_of`), and what the calendar throws (a strict calendar outside its data).
[[nodiscard]] CRM_EXPORT SlaStatus sla_status(const SlaPolicy& policy, const Complaint& complaint,
                                              const Calendar& calendar, const WorkingHours& hours,
                                              DateTime as_of);

/// The zh display name of a clock state: 按时, 临近超时, 已超时 (en: on time, at risk, breached).
[[nodiscard]] CRM_EXPORT std::string_view display_name(SlaState s, Lang lang) noexcept;

/// The reasons behind a complaint's SLA status, bilingual: one per clock, response first
/// (`account.sla_on_time` allow, `account.sla_at_risk` warn, `account.sla_breached` warn), each
/// with figures complaint, clock (en "response" / "resolution"), clock_zh (响应 / 解决),
/// deadline (text), elapsed and allowed (business minutes); then, once escalated,
/// `account.sla_escalated` (warn) with level, role and role_zh. A role's words come from its
/// name in `roles` (the English part before the first Chinese character for en, the Chinese
/// part for zh, as default_roles() writes "regional manager 区域经理"); a role not in `roles`
/// shows its id in English and 上级 in Chinese, never an identifier inside Chinese text.
/// Proven by tests/account/explain_test.cpp.
[[nodiscard]] CRM_EXPORT std::vector<Reason> sla_reasons(const Complaint& complaint, const SlaStatus& status,
                                                         std::span<const Role> roles = {});

}  // namespace crm::account
