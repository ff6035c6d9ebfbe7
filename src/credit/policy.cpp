#include <crm/core/error.hpp>
#include <crm/credit/policy.hpp>

#include <ostream>
#include <string>

namespace crm::credit {

namespace {

[[noreturn]] void invalid(std::string_view prefix, std::string_view member, std::string message) {
    throw Error(ErrorCode::invalid_argument, std::string(prefix) + "." + std::string(member),
                std::move(message));
}

}  // namespace

std::string_view to_string(ToleranceRule rule) noexcept {
    switch (rule) {
    case ToleranceRule::smaller: return "smaller";
    case ToleranceRule::larger: return "larger";
    }
    return "unknown";
}
std::ostream& operator<<(std::ostream& os, ToleranceRule rule) { return os << to_string(rule); }

std::string_view to_string(Escalation e) noexcept {
    switch (e) {
    case Escalation::needs_approval: return "needs_approval";
    case Escalation::block: return "block";
    }
    return "unknown";
}
std::ostream& operator<<(std::ostream& os, Escalation e) { return os << to_string(e); }

void Policy::validate(std::string_view field) const {
    if (warn_utilisation) {
        const Decimal& w = warn_utilisation->value();
        if (w.signum() <= 0 || w > Decimal{100})
            invalid(field, "warn_utilisation", "the warning threshold is above 0% and at most 100%");
    }
    if (tolerance.amount && tolerance.amount->signum() < 0)
        invalid(field, "tolerance.amount", "a tolerance cannot be negative");
    if (tolerance.percent && tolerance.percent->value().signum() < 0)
        invalid(field, "tolerance.percent", "a tolerance cannot be negative");
    if (overdue.max_days_past_due && overdue.max_days_past_due->count() < 0)
        invalid(field, "overdue.max_days_past_due", "days past due cannot be negative");
    if (overdue.max_overdue_amount && overdue.max_overdue_amount->signum() < 0)
        invalid(field, "overdue.max_overdue_amount", "an overdue amount threshold cannot be negative");
    if (overdue.grace.count() < 0) invalid(field, "overdue.grace", "a grace period cannot be negative");
    const auto boundary_ok = [](Boundary b) { return b == Boundary::inclusive || b == Boundary::exclusive; };
    if (!boundary_ok(warn_boundary)) invalid(field, "warn_boundary", "a boundary is inclusive or exclusive");
    if (!boundary_ok(tolerance.boundary))
        invalid(field, "tolerance.boundary", "a boundary is inclusive or exclusive");
    if (tolerance.rule != ToleranceRule::smaller && tolerance.rule != ToleranceRule::larger)
        invalid(field, "tolerance.rule", "a tolerance rule is smaller or larger");
    if (!boundary_ok(overdue.days_boundary))
        invalid(field, "overdue.days_boundary", "a boundary is inclusive or exclusive");
    if (!boundary_ok(overdue.amount_boundary))
        invalid(field, "overdue.amount_boundary", "a boundary is inclusive or exclusive");
    const auto escalation_ok = [](Escalation e) {
        return e == Escalation::block || e == Escalation::needs_approval;
    };
    if (!escalation_ok(on_hold)) invalid(field, "on_hold", "an escalation is block or needs_approval");
    if (!escalation_ok(on_expired_limit))
        invalid(field, "on_expired_limit", "an escalation is block or needs_approval");
    if (limit_valid_months && *limit_valid_months < 1)
        invalid(field, "limit_valid_months", "a limit is valid for at least one month");
}

void PolicyTable::validate() const {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string at = "table.entries[" + std::to_string(i) + "]";
        const PolicyEntry& e = entries[i];
        if (e.tier.empty()) throw Error(ErrorCode::invalid_argument, at + ".tier", "every row names a tier");
        for (std::size_t j = 0; j < i; ++j)
            if (entries[j].tier == e.tier && entries[j].segment == e.segment)
                throw Error(ErrorCode::duplicate, at + ".segment",
                            "tier '" + e.tier + "' and segment '" + e.segment + "' already have a policy");
        e.policy.validate(at + ".policy");
    }
}

const Policy& select(const PolicyTable& table, std::string_view tier, std::string_view segment) {
    table.validate();
    const Policy* tier_default = nullptr;
    bool tier_known = false;
    for (const PolicyEntry& e : table.entries) {
        if (e.tier != tier) continue;
        tier_known = true;
        if (e.segment == segment) return e.policy;
        if (e.segment.empty()) tier_default = &e.policy;
    }
    if (!tier_known)
        throw Error(ErrorCode::not_found, "tier", "no credit policy for tier '" + std::string(tier) + "'");
    if (tier_default == nullptr)
        throw Error(ErrorCode::not_found, "segment",
                    "tier '" + std::string(tier) + "' has no policy for segment '" + std::string(segment) +
                        "' and no catch-all row");
    return *tier_default;
}

}  // namespace crm::credit
