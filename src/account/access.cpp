#include <crm/account/access.hpp>
#include <crm/core/error.hpp>

#include <ostream>
#include <string>

namespace crm::account {

namespace {

std::string grant_field(std::size_t i, const char* member) {
    return "policy.grants[" + std::to_string(i) + "]." + member;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_phone_separator(char c) noexcept {
    return c == ' ' || c == '-' || c == '(' || c == ')' || c == '+' || c == '.';
}

/// The grant covers this account on this day (not who holds it).
bool in_scope(const Grant& g, const Account& account, Date as_of) noexcept {
    if (g.until && *g.until < as_of) return false;
    if (const auto* id = std::get_if<AccountId>(&g.on)) return *id == account.id;
    return std::get<RegionId>(g.on) == account.region;
}

Access full(AccessBasis basis, const PersonId& through, std::optional<std::size_t> grant = std::nullopt) {
    return Access{Visibility::full, basis, through, grant};
}

}  // namespace

std::string_view to_string(Visibility v) noexcept {
    switch (v) {
    case Visibility::none: return "none";
    case Visibility::redacted: return "redacted";
    case Visibility::full: return "full";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Visibility v) { return os << to_string(v); }

std::string_view to_string(AccessBasis b) noexcept {
    switch (b) {
    case AccessBasis::owner: return "owner";
    case AccessBasis::reporting_line: return "reporting_line";
    case AccessBasis::region_manager: return "region_manager";
    case AccessBasis::grant: return "grant";
    case AccessBasis::outsider: return "outsider";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, AccessBasis b) { return os << to_string(b); }

std::ostream& operator<<(std::ostream& os, const Access& a) {
    os << a.level << " (" << a.basis;
    if (a.through) os << " through " << *a.through;
    if (a.grant) os << ", grant " << *a.grant;
    return os << ')';
}

void AccessPolicy::validate(const OrgChart& org) const {
    if (outsiders == Visibility::full)
        throw Error(ErrorCode::invalid_argument, "policy.outsiders", "outsiders cannot see accounts in full");
    for (std::size_t i = 0; i < grants.size(); ++i) {
        const Grant& g = grants[i];
        if (const auto* person = std::get_if<PersonId>(&g.to)) {
            if (person->empty())
                throw Error(ErrorCode::invalid_argument, grant_field(i, "to"), "the grantee is empty");
            if (org.find(*person) == nullptr)
                throw Error(ErrorCode::not_found, grant_field(i, "to"),
                            "the grantee is not in the org chart");
        } else {
            const RoleId& role = std::get<RoleId>(g.to);
            if (role.empty())
                throw Error(ErrorCode::invalid_argument, grant_field(i, "to"), "the granted role is empty");
            if (org.find_role(role) == nullptr)
                throw Error(ErrorCode::not_found, grant_field(i, "to"),
                            "the granted role is not in the org chart");
        }
        const bool empty_scope = std::visit([](const auto& id) { return id.empty(); }, g.on);
        if (empty_scope)
            throw Error(ErrorCode::invalid_argument, grant_field(i, "on"),
                        "the granted account or region is empty");
    }
}

Access visibility(const PersonId& viewer, const Account& account, const OrgChart& org,
                  const AccessPolicy& policy, Date as_of) {
    const Person& me = org.person(viewer, "viewer");
    if (account.owner) (void)org.person(*account.owner, "account.owner");
    policy.validate(org);

    // Direct rights and the reporting line above them, strongest basis first.
    if (account.owner) {
        if (*account.owner == viewer) return full(AccessBasis::owner, viewer);
        if (org.is_above(viewer, *account.owner)) return full(AccessBasis::reporting_line, *account.owner);
    }
    if (policy.region_managers_see_full) {
        if (org.manages_region(viewer, account.region)) return full(AccessBasis::region_manager, viewer);
        for (const PersonId& m : org.managers_of_region(account.region))
            if (org.is_above(viewer, m)) return full(AccessBasis::region_manager, m);
    }
    bool role_grant_pending = false;
    for (std::size_t i = 0; i < policy.grants.size(); ++i) {
        const Grant& g = policy.grants[i];
        if (!in_scope(g, account, as_of)) continue;
        if (const auto* person = std::get_if<PersonId>(&g.to)) {
            if (*person == viewer) return full(AccessBasis::grant, viewer, i);
            if (org.is_above(viewer, *person)) return full(AccessBasis::grant, *person, i);
        } else if (std::get<RoleId>(g.to) == me.role) {
            return full(AccessBasis::grant, viewer, i);
        } else {
            role_grant_pending = true;
        }
    }
    // A role grant also reaches the managers of everyone holding the role: one pass over the chart.
    if (role_grant_pending) {
        for (const Person& p : org.people()) {
            for (std::size_t i = 0; i < policy.grants.size(); ++i) {
                const Grant& g = policy.grants[i];
                const auto* role = std::get_if<RoleId>(&g.to);
                if (role == nullptr || *role != p.role || !in_scope(g, account, as_of)) continue;
                if (org.is_above(viewer, p.id)) return full(AccessBasis::grant, p.id, i);
            }
        }
    }
    return Access{policy.outsiders, AccessBasis::outsider, std::nullopt, std::nullopt};
}

std::string mask_phone(std::string_view phone) {
    std::size_t digits = 0;
    for (char c : phone)
        if (is_digit(c)) ++digits;
    // Which digits (by their order among the digits) stay visible.
    std::size_t keep_head = 0;
    std::size_t keep_tail = 0;
    if (digits >= 7) {
        keep_head = 3;
        keep_tail = 4;
    } else if (digits >= 3) {
        keep_tail = 2;
    }
    std::string out;
    out.reserve(phone.size());
    std::size_t k = 0;  // ordinal of the current digit
    for (char c : phone) {
        if (is_digit(c)) {
            out += (k < keep_head || k + keep_tail >= digits) ? c : '*';
            ++k;
        } else {
            out += is_phone_separator(c) ? c : '*';
        }
    }
    return out;
}

std::string mask_email(std::string_view email) {
    if (email.empty()) return {};
    const std::size_t at = email.rfind('@');
    if (at == std::string_view::npos || at == 0) return "***";
    // Keep the whole first character, also when it is a multi-byte UTF-8 sequence (张).
    const auto lead = static_cast<unsigned char>(email[0]);
    std::size_t first = 1;
    if (lead >= 0xF0) {
        first = 4;
    } else if (lead >= 0xE0) {
        first = 3;
    } else if (lead >= 0xC0) {
        first = 2;
    }
    if (first > at) first = at;
    std::string out(email.substr(0, first));
    out += "***";
    out += email.substr(at);
    return out;
}

Account redact(const Account& account) {
    Account out = account;
    for (Contact& c : out.contacts) {
        c.phone = mask_phone(c.phone);
        c.email = mask_email(c.email);
    }
    out.annual_revenue.reset();
    return out;
}

std::optional<Account> view(const Account& account, const Access& access) {
    switch (access.level) {
    case Visibility::full: return account;
    case Visibility::redacted: return redact(account);
    case Visibility::none: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace crm::account
