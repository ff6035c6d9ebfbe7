#include <crm/account/account.hpp>
#include <crm/core/error.hpp>

#include <ostream>
#include <string>
#include <unordered_map>

namespace crm::account {

namespace {

std::string indexed(std::string_view base, std::string_view member, std::size_t i) {
    std::string out(base);
    out += '.';
    out += member;
    out += '[';
    out += std::to_string(i);
    out += ']';
    return out;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

std::string_view to_string(Segment segment) noexcept {
    switch (segment) {
    case Segment::government: return "government";
    case Segment::group: return "group";
    case Segment::enterprise: return "enterprise";
    case Segment::channel: return "channel";
    case Segment::alliance: return "alliance";
    }
    return "unknown";
}

std::string_view to_string(Status status) noexcept {
    switch (status) {
    case Status::prospect: return "prospect";
    case Status::active: return "active";
    case Status::dormant: return "dormant";
    case Status::lost: return "lost";
    }
    return "unknown";
}

std::string_view display_name(Segment segment, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (segment) {
    case Segment::government: return zh ? "政府单位" : "government unit";
    case Segment::group: return zh ? "集团客户" : "group customer";
    case Segment::enterprise: return zh ? "企业客户" : "enterprise customer";
    case Segment::channel: return zh ? "经销商" : "channel partner";
    case Segment::alliance: return zh ? "异业联盟" : "alliance partner";
    }
    return "unknown";
}

std::string_view display_name(Status status, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (status) {
    case Status::prospect: return zh ? "潜在客户" : "prospect";
    case Status::active: return zh ? "活跃客户" : "active";
    case Status::dormant: return zh ? "休眠客户" : "dormant";
    case Status::lost: return zh ? "流失客户" : "lost";
    }
    return "unknown";
}

Segment parse_segment(std::string_view text, std::string_view field) {
    for (Segment s :
         {Segment::government, Segment::group, Segment::enterprise, Segment::channel, Segment::alliance})
        if (text == to_string(s) || text == display_name(s, Lang::zh)) return s;
    throw Error(ErrorCode::parse_error, std::string(field),
                "not a segment (government, group, enterprise, channel, alliance or their Chinese names)");
}

Status parse_status(std::string_view text, std::string_view field) {
    for (Status s : {Status::prospect, Status::active, Status::dormant, Status::lost})
        if (text == to_string(s) || text == display_name(s, Lang::zh)) return s;
    throw Error(ErrorCode::parse_error, std::string(field),
                "not a status (prospect, active, dormant, lost or their Chinese names)");
}

std::ostream& operator<<(std::ostream& os, Segment segment) { return os << to_string(segment); }
std::ostream& operator<<(std::ostream& os, Status status) { return os << to_string(status); }

std::ostream& operator<<(std::ostream& os, const Account& account) {
    os << account.id << " \"" << account.name << "\" tier " << account.tier << " owner ";
    if (account.owner) {
        os << *account.owner;
    } else {
        os << "(pool)";
    }
    return os << " (" << account.status << ')';
}

bool is_valid_phone(std::string_view phone) noexcept {
    std::size_t digits = 0;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        const char c = phone[i];
        if (is_digit(c)) {
            ++digits;
        } else if (c == '+') {
            if (i != 0) return false;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
            return false;
        }
    }
    return digits >= 5 && digits <= 20;
}

bool is_valid_email(std::string_view email) noexcept {
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
        return false;
    if (email.find(' ') != std::string_view::npos) return false;
    const std::string_view domain = email.substr(at + 1);
    const std::size_t dot = domain.find('.');
    return dot != std::string_view::npos && domain.front() != '.' && domain.back() != '.';
}

void validate(const Account& account, std::string_view field) {
    const std::string base(field);
    if (account.id.empty()) throw Error(ErrorCode::invalid_argument, base + ".id", "the account id is empty");
    if (account.tier.empty()) throw Error(ErrorCode::invalid_argument, base + ".tier", "the tier is empty");
    if (account.owned_since && !account.owner)
        throw Error(ErrorCode::inconsistent, base + ".owned_since",
                    "an account without an owner has no owner date");
    for (std::size_t i = 0; i < account.contacts.size(); ++i) {
        const Contact& c = account.contacts[i];
        // The messages name the field only: contact data never goes into an error.
        if (!c.phone.empty() && !is_valid_phone(c.phone))
            throw Error(ErrorCode::invalid_argument, indexed(base, "contacts", i) + ".phone",
                        "the phone number is malformed (digits, spaces, '-', '(', ')' and a leading '+'; 5 "
                        "to 20 digits)");
        if (!c.email.empty() && !is_valid_email(c.email))
            throw Error(ErrorCode::invalid_argument, indexed(base, "contacts", i) + ".email",
                        "the e-mail address is malformed");
    }
}

void validate_archive(std::span<const Account> accounts, const OrgChart& org) {
    std::unordered_map<AccountId, std::size_t> seen;
    seen.reserve(accounts.size());
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const std::string base = "accounts[" + std::to_string(i) + "]";
        validate(accounts[i], base);
        const auto [it, inserted] = seen.emplace(accounts[i].id, i);
        if (!inserted)
            throw Error(
                ErrorCode::duplicate, base + ".id",
                "the account id appears twice (first at accounts[" + std::to_string(it->second) + "])");
        if (accounts[i].owner && org.find(*accounts[i].owner) == nullptr)
            throw Error(ErrorCode::not_found, base + ".owner", "the owner is not in the org chart");
    }
}

}  // namespace crm::account
