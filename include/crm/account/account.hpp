#pragma once
/// \file
/// The key-account archive (客户档案): an account, its contacts, its segment and status, and
/// the checks that keep an archive consistent with the org chart. Domain: docs/domain.md
/// section 1. Proven by tests/account/account_test.cpp.
///
/// ```cpp
/// crm::account::Account a{
///     .id = crm::AccountId{"ACC-001"}, .name = "华东电网", .segment = crm::account::Segment::government,
///     .region = crm::RegionId{"east"}, .industry = "utilities", .tier = "A",
///     .owner = crm::PersonId{"wang"}, .status = crm::account::Status::active,
///     .created = crm::Date(2023, 3, 1), .last_follow_up = crm::Date(2024, 5, 20),
///     .contacts = {{.name = "Zhang Wei", .title = "采购部经理", .phone = "13812345678",
///                   .email = "zhang.wei@example.com"}}};
/// crm::account::validate_archive(std::span{&a, 1}, org);  // throws crm::Error naming the field
/// ```
///
/// Confidentiality: contact data (phone, e-mail) is never printed by `operator<<` and never
/// appears in a crm::Error message; errors name the field (`accounts[3].contacts[1].phone`).

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::account {

/// The kind of customer organisation (domain.md section 1).
enum class Segment {
    government,  ///< government unit 政府单位
    group,       ///< group customer 集团客户
    enterprise,  ///< enterprise customer 企业客户
    channel,     ///< channel partner or distributor 经销商
    alliance,    ///< alliance partner 异业联盟
};

/// Where an account stands with us.
enum class Status {
    prospect,  ///< not yet a customer 潜在客户
    active,    ///< buying 活跃客户
    dormant,   ///< not buying lately 休眠客户
    lost,      ///< gone to a competitor or closed 流失客户
};

/// The enumerator's name: "government", "group", ...
[[nodiscard]] CRM_EXPORT std::string_view to_string(Segment segment) noexcept;
/// The enumerator's name: "prospect", "active", "dormant", "lost".
[[nodiscard]] CRM_EXPORT std::string_view to_string(Status status) noexcept;
/// The name a user reads: en "government unit", zh "政府单位"; en "active", zh "活跃客户".
[[nodiscard]] CRM_EXPORT std::string_view display_name(Segment segment, Lang lang) noexcept;
/// The name a user reads: en "prospect", "active", "dormant", "lost"; zh 潜在客户, 活跃客户, 休眠客户,
/// 流失客户.
[[nodiscard]] CRM_EXPORT std::string_view display_name(Status status, Lang lang) noexcept;
/// Reads the enumerator's name or its Chinese name ("channel" or "经销商"); anything else throws
/// crm::Error(parse_error) naming `field` (the message does not repeat the text).
[[nodiscard]] CRM_EXPORT Segment parse_segment(std::string_view text, std::string_view field = "segment");
/// Reads the enumerator's name or its Chinese name ("dormant" or "休眠客户"); anything else throws
/// crm::Error(parse_error) naming `field`.
[[nodiscard]] CRM_EXPORT Status parse_status(std::string_view text, std::string_view field = "status");
/// Prints to_string(segment).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Segment segment);
/// Prints to_string(status).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Status status);

/// A person at the customer we talk to. Phone and e-mail are confidential (domain.md section 1,
/// 保密): see crm/account/access.hpp for who sees them and how they are masked.
struct CRM_EXPORT Contact {
    std::string name;   ///< the contact's name as the archive writes it
    std::string title;  ///< their job title at the customer: "采购部经理"
    std::string phone;  ///< as written: "13812345678", "+86 138 1234 5678", "010-8888 6666"; may be empty
    std::string email;  ///< "zhang.wei@example.com"; may be empty

    /// Memberwise equality.
    friend bool operator==(const Contact&, const Contact&) = default;
};

/// One key account: the archive record a rule reads. An aggregate meant for designated
/// initialisers; every field has a meaningful zero.
///
/// - `tier` is a grade the policies are configured with ("A", "B", "C", or "strategic" ...);
///   a rule given a tier its policy does not know throws crm::Error(not_found).
/// - `owner` is the responsible account manager; none means the account is in the public pool
///   (公海). Each account has at most one owner.
/// - `owned_since` is the day the current owner took the account (claim or transfer); the
///   pool clocks never start before it, so a freshly claimed account is not released at once.
/// - Dates not given (`last_follow_up`, `last_deal`, `last_visit`) count from `created`.
/// - `annual_revenue` is the one amount the archive carries; a redacted view hides it.
struct CRM_EXPORT Account {
    AccountId id;                           ///< the account's id in the archive; not empty, unique
    std::string name;                       ///< the customer organisation's name (e.g. "华东电网")
    Segment segment = Segment::enterprise;  ///< the kind of customer (客户类型); default enterprise
    RegionId region;                        ///< the sales region (销售区域) the account belongs to
    std::string industry;                   ///< the customer's industry (行业), free text; may be empty
    std::string tier;                       ///< the grade (客户等级), as described above; not empty
    std::optional<PersonId> owner;          ///< the responsible account manager, as described above
    Status status = Status::prospect;       ///< where the account stands with us; default prospect
    /// The day the account was created in the archive; the start of every clock whose own date is not given.
    Date created;
    /// The day the current owner took it, as described above; none counts from `created`; only with an owner.
    std::optional<Date> owned_since;
    std::optional<Date> last_follow_up;  ///< 最近跟进
    std::optional<Date> last_deal;       ///< 最近成交
    std::optional<Date> last_visit;      ///< 最近拜访
    /// The annual revenue (年销售额) with the customer; none when not recorded; hidden in a redacted view.
    std::optional<Money> annual_revenue;
    std::vector<Contact> contacts;  ///< the people at the customer (联系人); may be empty

    /// Memberwise equality.
    friend bool operator==(const Account&, const Account&) = default;
};

/// For diagnostics: `ACC-001 "华东电网" tier A owner wang (active)`. Never prints contacts or
/// amounts.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Account& account);

/// True when `phone` is a plausible phone number: only digits, spaces, `-`, `(`, `)` and one
/// leading `+`, with 5 to 20 digits. Empty is not a phone (a contact may leave it empty).
[[nodiscard]] CRM_EXPORT bool is_valid_phone(std::string_view phone) noexcept;
/// True when `email` has one `@`, a non-empty local part, and a domain with a dot that neither
/// starts nor ends the domain, and no spaces.
[[nodiscard]] CRM_EXPORT bool is_valid_email(std::string_view email) noexcept;

/// Checks one account on its own; throws crm::Error naming `field` + the member:
/// invalid_argument for an empty id (`account.id`) or tier (`account.tier`), a malformed
/// phone (`account.contacts[1].phone`) or e-mail (`account.contacts[1].email`); inconsistent
/// for an owner date without an owner (`account.owned_since`). Messages never repeat the value.
CRM_EXPORT void validate(const Account& account, std::string_view field = "account");

/// Checks an archive against the org chart: every account as validate() does (naming
/// `accounts[i]...`), a duplicate account id (`duplicate`, `accounts[i].id`, the later one),
/// an owner who is not in the org chart (`not_found`, `accounts[i].owner`). Duplicate person
/// ids and looping reporting lines are refused by crm::OrgChart itself.
CRM_EXPORT void validate_archive(std::span<const Account> accounts, const OrgChart& org);

}  // namespace crm::account
