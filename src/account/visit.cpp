#include <crm/account/visit.hpp>
#include <crm/core/error.hpp>
#include <crm/time/period.hpp>

#include <ostream>
#include <string>

namespace crm::account {

namespace {

std::string tier_field(std::size_t i, const char* member) {
    return "policy.tiers[" + std::to_string(i) + "]." + member;
}

Date due_after(const VisitCadence& cadence, const Account& account) {
    return add_months(account.last_visit ? *account.last_visit : account.created, cadence.every_months);
}

}  // namespace

void VisitPolicy::validate() const {
    if (tiers.empty()) throw Error(ErrorCode::invalid_argument, "policy.tiers", "the policy has no tiers");
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        if (tiers[i].tier.empty())
            throw Error(ErrorCode::invalid_argument, tier_field(i, "tier"), "the tier name is empty");
        for (std::size_t j = 0; j < i; ++j)
            if (tiers[j].tier == tiers[i].tier)
                throw Error(ErrorCode::duplicate, tier_field(i, "tier"),
                            "the tier is listed twice (first at policy.tiers[" + std::to_string(j) + "])");
        if (tiers[i].every_months < 1 || tiers[i].every_months > 120)
            throw Error(ErrorCode::invalid_argument, tier_field(i, "every_months"),
                        "a cadence is 1 to 120 months");
    }
}

const VisitCadence* VisitPolicy::find(std::string_view tier) const noexcept {
    for (const VisitCadence& c : tiers)
        if (c.tier == tier) return &c;
    return nullptr;
}

std::ostream& operator<<(std::ostream& os, const OverdueVisit& v) {
    os << v.account << " owner ";
    if (v.owner) {
        os << *v.owner;
    } else {
        os << "(pool)";
    }
    os << " last visit ";
    if (v.last_visit) {
        os << *v.last_visit;
    } else {
        os << "never";
    }
    return os << " due " << v.due << " overdue " << v.overdue;
}

Date next_visit_due(const VisitPolicy& policy, const Account& account) {
    policy.validate();
    const VisitCadence* cadence = policy.find(account.tier);
    if (cadence == nullptr)
        throw Error(ErrorCode::not_found, "account.tier",
                    "the visit policy does not know the tier \"" + account.tier + "\" (policy.tiers)");
    return due_after(*cadence, account);
}

std::vector<OverdueVisit> overdue_visits(const VisitPolicy& policy, std::span<const Account> accounts,
                                         Date as_of) {
    policy.validate();
    std::vector<OverdueVisit> out;
    const VisitCadence* cadence = nullptr;
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const Account& a = accounts[i];
        if (cadence == nullptr || a.tier != cadence->tier) {
            cadence = policy.find(a.tier);
            if (cadence == nullptr)
                throw Error(ErrorCode::not_found, "accounts[" + std::to_string(i) + "].tier",
                            "the visit policy does not know the tier \"" + a.tier + "\" (policy.tiers)");
        }
        if (policy.skip_lost && a.status == Status::lost) continue;
        const Date due = due_after(*cadence, a);
        if (as_of <= due) continue;
        out.push_back(OverdueVisit{i, a.id, a.owner, a.last_visit, due, as_of - due});
    }
    return out;
}

}  // namespace crm::account
