#include <crm/account/complaint.hpp>
#include <crm/core/error.hpp>

#include <algorithm>
#include <ostream>
#include <string>

namespace crm::account {

namespace {

std::string indexed(const char* base, std::size_t i, const char* member) {
    std::string out = std::string(base) + "[" + std::to_string(i) + "]";
    if (*member != '\0') {
        out += '.';
        out += member;
    }
    return out;
}

bool positive(const SlaTime& t) noexcept {
    if (const auto* m = std::get_if<Minutes>(&t)) return m->count() > 0;
    return std::get<BusinessDays>(t).count > 0;
}

DateTime deadline_of(const SlaTime& t, const Calendar& calendar, const WorkingHours& hours,
                     DateTime received) {
    if (const auto* m = std::get_if<Minutes>(&t)) return add_business_time(calendar, hours, received, *m);
    return DateTime{calendar.add_business_days(received.date, std::get<BusinessDays>(t).count), hours.end()};
}

/// used * 100 >= share * allowed, exactly.
bool reached(Minutes used, const Percent& share, Minutes allowed) {
    return Decimal{used.count()} * Decimal{100} >= share.value() * Decimal{allowed.count()};
}

SlaClock clock_of(const SlaTime& target, std::optional<DateTime> done, const Percent& at_risk,
                  const Calendar& calendar, const WorkingHours& hours, DateTime received, DateTime as_of) {
    SlaClock c;
    c.deadline = deadline_of(target, calendar, hours, received);
    c.allowed = business_minutes_between(calendar, hours, received, c.deadline);
    if (done && *done <= as_of) c.done = done;
    c.elapsed = business_minutes_between(calendar, hours, received, c.done ? *c.done : as_of);
    if (c.done) {
        c.state = *c.done <= c.deadline ? SlaState::on_time : SlaState::breached;
    } else if (as_of > c.deadline) {
        c.state = SlaState::breached;
    } else if (reached(c.elapsed, at_risk, c.allowed)) {
        c.state = SlaState::at_risk;
    } else {
        c.state = SlaState::on_time;
    }
    return c;
}

}  // namespace

std::string_view to_string(Severity s) noexcept {
    switch (s) {
    case Severity::low: return "low";
    case Severity::medium: return "medium";
    case Severity::high: return "high";
    case Severity::critical: return "critical";
    }
    return "unknown";
}

std::string_view display_name(Severity s, Lang lang) noexcept {
    if (lang == Lang::en) return to_string(s);
    switch (s) {
    case Severity::low: return "一般";
    case Severity::medium: return "较重";
    case Severity::high: return "严重";
    case Severity::critical: return "重大";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Severity s) { return os << to_string(s); }

std::ostream& operator<<(std::ostream& os, const SlaTime& t) {
    if (const auto* m = std::get_if<Minutes>(&t)) return os << *m << " of business time";
    return os << std::get<BusinessDays>(t);
}

std::string_view to_string(SlaState s) noexcept {
    switch (s) {
    case SlaState::on_time: return "on_time";
    case SlaState::at_risk: return "at_risk";
    case SlaState::breached: return "breached";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, SlaState s) { return os << to_string(s); }

std::ostream& operator<<(std::ostream& os, const SlaClock& c) {
    os << c.state << " due " << c.deadline << ", " << c.elapsed.count() << "/" << c.allowed.count() << " min";
    if (c.done) os << ", done " << *c.done;
    return os;
}

std::ostream& operator<<(std::ostream& os, const SlaStatus& s) {
    os << s.state << " (response " << s.response << "; resolution " << s.resolution << "; escalation level "
       << s.escalation_level;
    if (s.escalate_to) os << " to " << *s.escalate_to;
    return os << ')';
}

std::vector<SlaTarget> default_sla_targets() {
    const auto h = [](std::int64_t n) { return SlaTime{Minutes::hours(n)}; };
    const auto bd = [](std::int64_t n) { return SlaTime{BusinessDays{n}}; };
    std::vector<SlaTarget> out;
    out.reserve(12);
    const auto row = [&](Severity s, SlaTime ra, SlaTime xa, SlaTime rb, SlaTime xb, SlaTime rc, SlaTime xc) {
        out.push_back(SlaTarget{s, "A", ra, xa});
        out.push_back(SlaTarget{s, "B", rb, xb});
        out.push_back(SlaTarget{s, "C", rc, xc});
    };
    row(Severity::critical, h(1), bd(1), h(2), bd(2), h(4), bd(3));
    row(Severity::high, h(2), bd(2), h(4), bd(3), h(8), bd(5));
    row(Severity::medium, h(4), bd(5), h(8), bd(7), bd(1), bd(10));
    row(Severity::low, bd(1), bd(10), bd(2), bd(15), bd(3), bd(20));
    return out;
}

void SlaPolicy::validate() const {
    if (targets.empty()) throw Error(ErrorCode::invalid_argument, "policy.targets", "the SLA table is empty");
    for (std::size_t i = 0; i < targets.size(); ++i) {
        const SlaTarget& t = targets[i];
        if (t.tier.empty())
            throw Error(ErrorCode::invalid_argument, indexed("policy.targets", i, "tier"),
                        "the tier is empty");
        for (std::size_t j = 0; j < i; ++j)
            if (targets[j].severity == t.severity && targets[j].tier == t.tier)
                throw Error(ErrorCode::duplicate, indexed("policy.targets", i, ""),
                            "this severity and tier are given twice (first at policy.targets[" +
                                std::to_string(j) + "])");
        if (!positive(t.response))
            throw Error(ErrorCode::invalid_argument, indexed("policy.targets", i, "response"),
                        "a time allowed is positive");
        if (!positive(t.resolution))
            throw Error(ErrorCode::invalid_argument, indexed("policy.targets", i, "resolution"),
                        "a time allowed is positive");
    }
    if (at_risk.value().signum() <= 0 || at_risk > Percent{Decimal{100}})
        throw Error(ErrorCode::invalid_argument, "policy.at_risk",
                    "the at-risk share is above 0% and at most 100%");
    std::optional<Percent> last_share;
    std::optional<Minutes> last_minutes;
    for (std::size_t i = 0; i < escalation.size(); ++i) {
        const auto field = indexed("policy.escalation", i, "at");
        if (const auto* p = std::get_if<Percent>(&escalation[i].at)) {
            if (p->value().signum() <= 0)
                throw Error(ErrorCode::invalid_argument, field, "a step is above 0%");
            if (last_share && !(*last_share < *p))
                throw Error(ErrorCode::inconsistent, field, "steps given as shares must ascend");
            last_share = *p;
        } else {
            const Minutes m = std::get<Minutes>(escalation[i].at);
            if (m.count() <= 0) throw Error(ErrorCode::invalid_argument, field, "a step is above 0 minutes");
            if (last_minutes && !(*last_minutes < m))
                throw Error(ErrorCode::inconsistent, field, "steps given as minutes must ascend");
            last_minutes = m;
        }
    }
}

const SlaTarget* SlaPolicy::find(Severity severity, std::string_view tier) const noexcept {
    for (const SlaTarget& t : targets)
        if (t.severity == severity && t.tier == tier) return &t;
    return nullptr;
}

SlaStatus sla_status(const SlaPolicy& policy, const Complaint& complaint, const Calendar& calendar,
                     const WorkingHours& hours, DateTime as_of) {
    policy.validate();
    const SlaTarget* target = policy.find(complaint.severity, complaint.tier);
    if (target == nullptr) {
        const bool tier_known = std::any_of(policy.targets.begin(), policy.targets.end(),
                                            [&](const SlaTarget& t) { return t.tier == complaint.tier; });
        if (!tier_known)
            throw Error(ErrorCode::not_found, "complaint.tier",
                        "the SLA table does not know this tier (policy.targets)");
        throw Error(ErrorCode::not_found, "complaint.severity",
                    "the SLA table has no target for this severity on this tier (policy.targets)");
    }
    if (complaint.responded && *complaint.responded < complaint.received)
        throw Error(ErrorCode::inconsistent, "complaint.responded",
                    "the response is before the complaint came in");
    if (complaint.resolved && *complaint.resolved < complaint.received)
        throw Error(ErrorCode::inconsistent, "complaint.resolved",
                    "the resolution is before the complaint came in");
    if (as_of < complaint.received)
        throw Error(ErrorCode::invalid_argument, "as_of",
                    "the as-of instant is before the complaint came in");

    // A resolution without a recorded response answered the customer too.
    std::optional<DateTime> responded = complaint.responded;
    if (complaint.resolved && (!responded || *complaint.resolved < *responded))
        responded = complaint.resolved;

    SlaStatus s;
    s.response =
        clock_of(target->response, responded, policy.at_risk, calendar, hours, complaint.received, as_of);
    s.resolution = clock_of(target->resolution, complaint.resolved, policy.at_risk, calendar, hours,
                            complaint.received, as_of);
    s.state = std::max(s.response.state, s.resolution.state);
    for (std::size_t i = 0; i < policy.escalation.size(); ++i) {
        const EscalationStep& step = policy.escalation[i];
        const bool hit = std::holds_alternative<Percent>(step.at)
                             ? reached(s.resolution.elapsed, std::get<Percent>(step.at), s.resolution.allowed)
                             : s.resolution.elapsed >= std::get<Minutes>(step.at);
        if (hit) {
            s.escalation_level = static_cast<int>(i) + 1;
            s.escalate_to = step.notify;
        }
    }
    return s;
}

}  // namespace crm::account
