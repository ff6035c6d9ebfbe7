#pragma once
/// \file
/// Confidentiality (保密: 客户资料仅限于工作): who sees an account in full, who sees a redacted
/// copy, and who sees nothing; and the redaction itself. Domain: docs/domain.md section 1
/// ("Confidentiality"). Proven by tests/account/access_test.cpp.
///
/// ```cpp
/// using namespace crm::account;
/// const AccessPolicy policy{.grants = {Grant{.to = crm::RoleId{"finance"}, .on = crm::RegionId{"east"}}}};
/// const Access a = visibility(crm::PersonId{"chen"}, account, org, policy, crm::Date(2024, 6, 30));
/// if (auto shown = view(account, a)) show(*shown);   // full copy, redacted copy, or nothing
/// mask_phone("13812345678");                         // "138****5678"
/// mask_email("zhang.wei@example.com");               // "z***@example.com"
/// ```
///
/// **Who sees in full.** A person has a *direct* right to an account when they are its owner,
/// a manager of its region (unless the policy turns that off), or hold an unexpired grant on
/// it (to them, or to their role; on the account, or on its region). Everyone at or above
/// someone with a direct right on the reporting line sees it in full too: the owner's managers,
/// the region manager's managers, a grantee's managers. So visibility is monotone up the
/// reporting line: if someone sees an account in full, so do all their managers (proven as a
/// property over generated charts of thousands of people). Everyone else sees what the policy
/// gives outsiders: a redacted copy by default, or nothing.

#include <crm/account/account.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace crm::account {

/// How much of an account a person sees, ordered: none < redacted < full.
enum class Visibility {
    none,      ///< not even that the account exists
    redacted,  ///< the account with phones and e-mails masked and amounts hidden (redact())
    full,      ///< everything
};
/// The stable name: `none`, `redacted` or `full` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Visibility v) noexcept;
/// Prints to_string(v).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Visibility v);

/// An explicit right to see accounts in full: given to a person or to everyone holding a role,
/// on one account or on every account of a region, until a day (inclusive) or for good.
struct CRM_EXPORT Grant {
    std::variant<PersonId, RoleId> to;     ///< who the grant is for: one person, or everyone holding a role
    std::variant<AccountId, RegionId> on;  ///< what it covers: one account, or every account of a region
    std::optional<Date> until;             ///< last day the grant holds; none: no end

    /// Memberwise equality.
    friend bool operator==(const Grant&, const Grant&) = default;
};

/// Who sees what, beyond the owner and the reporting line (which always see in full).
struct CRM_EXPORT AccessPolicy {
    /// Explicit grants (domain.md: "roles granted explicitly"). None by default.
    std::vector<Grant> grants;
    /// Whether the managers of an account's region see it in full. Default yes (domain.md).
    bool region_managers_see_full = true;
    /// What everyone without a right sees: redacted (the default, domain.md: "anyone else sees
    /// a redacted view") or none (a stricter policy). `full` is refused by validate().
    Visibility outsiders = Visibility::redacted;

    /// Throws crm::Error naming the field: `policy.outsiders` (invalid_argument) when it is
    /// `full`; `policy.grants[i].to` / `.on` (invalid_argument) for an empty id;
    /// `policy.grants[i].to` (not_found) for a person or role not in `org`.
    void validate(const OrgChart& org) const;

    /// Memberwise equality.
    friend bool operator==(const AccessPolicy&, const AccessPolicy&) = default;
};

/// Why a person sees what they see, strongest first.
enum class AccessBasis {
    owner,           ///< the viewer owns the account
    reporting_line,  ///< the viewer is above the owner on the reporting line
    region_manager,  ///< the viewer manages the account's region, or is above someone who does
    grant,           ///< a grant covers the viewer, or someone below the viewer
    outsider,        ///< none of the above: the policy's `outsiders` level
};
/// The stable name: `owner`, `reporting_line`, `region_manager`, `grant` or `outsider` ("unknown" for a value
/// outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(AccessBasis b) noexcept;
/// Prints to_string(b).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, AccessBasis b);

/// The answer of visibility(): the level, its basis, the person the right comes through (the
/// owner for `reporting_line`; the region manager for `region_manager`; the grant holder for
/// `grant`; the viewer themself when the right is theirs; none for an outsider) and, for a
/// grant, its index in `policy.grants`.
struct CRM_EXPORT Access {
    Visibility level = Visibility::none;        ///< how much the viewer sees; default none
    AccessBasis basis = AccessBasis::outsider;  ///< why; default outsider
    /// The person the right comes through, as described above; none for an outsider.
    std::optional<PersonId> through;
    /// The index of the grant in AccessPolicy::grants (0-based) for the basis grant; none otherwise.
    std::optional<std::size_t> grant;

    /// Memberwise equality.
    friend bool operator==(const Access&, const Access&) = default;
};
/// Prints `<level> (<basis>[ through <person>][, grant <index>])`, e.g. `full (reporting_line through wang)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Access& a);

/// What `viewer` may see of `account` on `as_of` (grants whose `until` is before `as_of` are
/// ignored). See the file comment for the rule. Cost: owner, reporting line, region managers
/// and person grants walk the reporting line (O(depth) each); a role grant in scope that the
/// viewer does not hold costs one pass over the chart's people.
/// Throws crm::Error: the viewer not in the chart (not_found, `viewer`), the owner not in the
/// chart (not_found, `account.owner`), an invalid policy (AccessPolicy::validate).
[[nodiscard]] CRM_EXPORT Access visibility(const PersonId& viewer, const Account& account,
                                           const OrgChart& org, const AccessPolicy& policy, Date as_of);

/// Why `viewer` sees what they see, bilingual: `account.visible_owner`,
/// `account.visible_reporting_line`, `account.visible_region_manager`, `account.visible_grant`
/// (allow), `account.visible_redacted` (warn) or `account.visible_none` (block), with figures
/// viewer, account, and through and grant (its position, from 1) where the basis has them.
/// Proven by tests/account/explain_test.cpp.
[[nodiscard]] CRM_EXPORT Reason access_reason(const PersonId& viewer, const Account& account,
                                              const Access& access);

/// The phone with its middle digits masked, separators kept: with 7 or more digits the first 3
/// and the last 4 digits stay (`13812345678` -> `138****5678`, `+86 138 1234 5678` ->
/// `+86 1** **** 5678`); with 3 to 6 digits only the last 2 stay (`12345` -> `***45`); with 1
/// or 2 digits all are masked. Any other character (a letter in a malformed number) is masked
/// too, so nothing but the kept digits survives.
[[nodiscard]] CRM_EXPORT std::string mask_phone(std::string_view phone);
/// The e-mail's local part reduced to its first character and `***` (hiding its length), the
/// domain kept: `zhang.wei@example.com` -> `z***@example.com`. Without an `@`, or with an empty
/// local part, the whole text becomes `***`. Empty stays empty.
[[nodiscard]] CRM_EXPORT std::string mask_email(std::string_view email);

/// A copy of `account` with every contact's phone and e-mail masked (mask_phone, mask_email)
/// and amounts hidden (`annual_revenue` becomes none). Names, titles and dates stay.
[[nodiscard]] CRM_EXPORT Account redact(const Account& account);

/// The account as `access` lets its viewer see it: the account itself, a redacted copy, or
/// none.
[[nodiscard]] CRM_EXPORT std::optional<Account> view(const Account& account, const Access& access);

}  // namespace crm::account
