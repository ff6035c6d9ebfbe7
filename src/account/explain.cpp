// Bilingual reasons for visits, complaint SLAs and visibility: the values the rules return,
// stated in words with their figures.

#include <crm/account/access.hpp>
#include <crm/account/complaint.hpp>
#include <crm/account/reasons.hpp>
#include <crm/account/visit.hpp>

#include <string>
#include <string_view>

namespace crm::account {

namespace {

// "regional manager 区域经理": the part before the first non-ASCII byte (trimmed) is English,
// the rest Chinese.
std::string_view role_words(std::string_view name, Lang lang) {
    std::size_t cut = 0;
    while (cut < name.size() && static_cast<unsigned char>(name[cut]) < 0x80) ++cut;
    if (lang == Lang::zh) return cut < name.size() ? name.substr(cut) : std::string_view{};
    std::string_view en = name.substr(0, cut);
    while (!en.empty() && en.back() == ' ') en.remove_suffix(1);
    return en;
}

Reason clock_reason(const Complaint& c, const SlaClock& clock, bool response) {
    const ReasonText& text = clock.state == SlaState::on_time   ? reasons::sla_on_time
                             : clock.state == SlaState::at_risk ? reasons::sla_at_risk
                                                                : reasons::sla_breached;
    return Reason{text, clock.state == SlaState::on_time ? Outcome::allow : Outcome::warn}
        .with("complaint", c.id.value())
        .with("clock", std::string(response ? "response" : "resolution"))
        .with("clock_zh", std::string(response ? "响应" : "解决"))
        .with("deadline", clock.deadline.to_string())
        .with("elapsed", clock.elapsed.count())
        .with("allowed", clock.allowed.count());
}

}  // namespace

Reason visit_reason(const OverdueVisit& visit) {
    if (!visit.last_visit)
        return Reason{reasons::visit_overdue_never, Outcome::warn}
            .with("account", visit.account.value())
            .with("due", visit.due)
            .with("overdue", visit.overdue);
    return Reason{reasons::visit_overdue, Outcome::warn}
        .with("account", visit.account.value())
        .with("due", visit.due)
        .with("last_visit", *visit.last_visit)
        .with("overdue", visit.overdue);
}

std::string_view display_name(SlaState s, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (s) {
    case SlaState::on_time: return zh ? "按时" : "on time";
    case SlaState::at_risk: return zh ? "临近超时" : "at risk";
    case SlaState::breached: return zh ? "已超时" : "breached";
    }
    return zh ? "未知" : "unknown";
}

std::vector<Reason> sla_reasons(const Complaint& complaint, const SlaStatus& status,
                                std::span<const Role> roles) {
    std::vector<Reason> out;
    out.push_back(clock_reason(complaint, status.response, true));
    out.push_back(clock_reason(complaint, status.resolution, false));
    if (status.escalation_level > 0) {
        std::string en = status.escalate_to ? status.escalate_to->value() : std::string("manager");
        std::string zh = "上级";
        if (status.escalate_to)
            for (const Role& r : roles)
                if (r.id == *status.escalate_to) {
                    if (const std::string_view w = role_words(r.name, Lang::en); !w.empty())
                        en = std::string(w);
                    if (const std::string_view w = role_words(r.name, Lang::zh); !w.empty())
                        zh = std::string(w);
                }
        out.push_back(Reason{reasons::sla_escalated, Outcome::warn}
                          .with("complaint", complaint.id.value())
                          .with("level", std::int64_t{status.escalation_level})
                          .with("role", en)
                          .with("role_zh", zh));
    }
    return out;
}

Reason access_reason(const PersonId& viewer, const Account& account, const Access& access) {
    const auto base = [&](const ReasonText& text, Outcome o) {
        Reason r{text, o};
        r.with("viewer", viewer.value()).with("account", account.id.value());
        if (access.through) r.with("through", access.through->value());
        return r;
    };
    switch (access.basis) {
    case AccessBasis::owner: return base(reasons::visible_owner, Outcome::allow);
    case AccessBasis::reporting_line: return base(reasons::visible_reporting_line, Outcome::allow);
    case AccessBasis::region_manager: return base(reasons::visible_region_manager, Outcome::allow);
    case AccessBasis::grant: {
        Reason r = base(reasons::visible_grant, Outcome::allow);
        if (access.grant) r.with("grant", static_cast<std::int64_t>(*access.grant + 1));
        return r;
    }
    case AccessBasis::outsider: break;
    }
    return access.level == Visibility::none ? base(reasons::visible_none, Outcome::block)
                                            : base(reasons::visible_redacted, Outcome::warn);
}

}  // namespace crm::account
