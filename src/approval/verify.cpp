#include <crm/approval/reasons.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string>

namespace crm::approval {

std::ostream& operator<<(std::ostream& os, const Approval& a) {
    os << a.approver;
    if (a.on_behalf_of) os << " for " << *a.on_behalf_of;
    os << " as " << a.level << " on " << a.date << " (" << a.authority << ") of " << a.request << " ["
       << a.fingerprint << ']';
    return os;
}

void Delegation::validate(std::string_view field) const {
    const std::string f(field);
    if (principal.empty())
        throw Error(ErrorCode::invalid_argument, f + ".principal", "the principal is empty");
    if (delegate.empty()) throw Error(ErrorCode::invalid_argument, f + ".delegate", "the delegate is empty");
    if (delegate == principal)
        throw Error(ErrorCode::invalid_argument, f + ".delegate", "a person cannot delegate to themself");
    if (kinds.empty())
        throw Error(ErrorCode::invalid_argument, f + ".kinds",
                    "a delegation must name the request kinds it covers");
    for (std::size_t j = 0; j < kinds.size(); ++j)
        if (static_cast<std::size_t>(kinds[j]) >= request_kind_count)
            throw Error(ErrorCode::invalid_argument, f + ".kinds[" + std::to_string(j) + "]",
                        "not a request kind");
    if (to < from) throw Error(ErrorCode::inconsistent, f + ".to", "the delegation ends before it starts");
}

bool Delegation::covers(RequestKind kind) const noexcept {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::ostream& operator<<(std::ostream& os, const Delegation& d) {
    os << d.principal << " -> " << d.delegate << " from " << d.from << " to " << d.to << " for";
    for (const RequestKind k : d.kinds) os << ' ' << k;
    return os;
}

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

std::string person_name(const OrgChart* org, const PersonId& id) {
    const Person* p = org != nullptr ? org->find(id) : nullptr;
    return p != nullptr ? p->name : id.value();
}

std::string role_name(const OrgChart* org, const RoleId& id, Lang lang) {
    const Role* r = org != nullptr ? org->find_role(id) : nullptr;
    return r != nullptr ? display_name(*r, lang) : id.value();
}

Reason rejection(const ReasonText& text, const OrgChart* org, const Approval& a) {
    return Reason{text, Outcome::warn}.with("approver", person_name(org, a.approver));
}

struct Checked {
    std::size_t step = none;         // the step the record names, when it passed every check
    std::optional<Reason> rejected;  // why it does not count
};

// Rules 1-6 of verify.hpp for one record.
template <class ChartAt>
Checked check(const Approval& a, const Route& route, const Request& request, Fingerprint fp,
              ChartAt&& chart_at, std::span<const Delegation> delegations) {
    const OrgChart* org = chart_at(a.date);
    Checked out;
    if (a.request != request.id) {
        out.rejected = rejection(reasons::other_request, org, a)
                           .with("given_for", a.request.value())
                           .with("request", request.id.value());
        return out;
    }
    if (a.fingerprint != fp) {
        out.rejected = rejection(reasons::stale_fingerprint, org, a);
        return out;
    }
    if (a.authority != Authority::approval) {
        out.rejected =
            rejection(reasons::not_an_approval, org, a)
                .with("authority", std::string(to_string(a.authority)))
                .with("authority_zh", std::string(a.authority == Authority::proposal ? "建议权" : "评定权"));
        return out;
    }
    std::size_t step = none;
    for (std::size_t s = 0; s < route.steps.size() && step == none; ++s)
        if (route.steps[s].level.role == a.level) step = s;
    if (step == none) {
        out.rejected = rejection(reasons::not_in_route, org, a)
                           .with("level", role_name(org, a.level, Lang::en))
                           .with("level_zh", role_name(org, a.level, Lang::zh));
        return out;
    }
    const PersonId& principal = a.on_behalf_of ? *a.on_behalf_of : a.approver;
    if (a.approver == request.requester || principal == request.requester) {
        out.rejected = rejection(reasons::own_request, org, a);
        return out;
    }
    if (principal != a.approver) {
        const Delegation* in_dates = nullptr;
        const Delegation* any = nullptr;
        bool ok = false;
        for (const Delegation& d : delegations) {
            if (d.principal != principal || d.delegate != a.approver) continue;
            if (any == nullptr) any = &d;
            if (!d.covers(a.date)) continue;
            if (in_dates == nullptr) in_dates = &d;
            if (d.covers(request.kind)) {
                ok = true;
                break;
            }
        }
        if (!ok) {
            if (any == nullptr) {
                out.rejected =
                    rejection(reasons::no_delegation, org, a).with("principal", person_name(org, principal));
            } else if (in_dates != nullptr) {
                out.rejected = rejection(reasons::delegation_scope, org, a)
                                   .with("principal", person_name(org, principal))
                                   .with("kind", std::string(display_name(request.kind, Lang::en)))
                                   .with("kind_zh", std::string(display_name(request.kind, Lang::zh)));
            } else {
                out.rejected = rejection(reasons::delegation_expired, org, a)
                                   .with("principal", person_name(org, principal))
                                   .with("date", a.date)
                                   .with("from", any->from)
                                   .with("to", any->to);
            }
            return out;
        }
    }
    if (org == nullptr || org->find(a.approver) == nullptr || org->find(principal) == nullptr) {
        const PersonId& unknown =
            (org == nullptr || org->find(a.approver) == nullptr) ? a.approver : principal;
        out.rejected = Reason{reasons::unknown_approver, Outcome::warn}
                           .with("approver", unknown.value())
                           .with("date", a.date);
        return out;
    }
    const Step& required = route.steps[step];
    const Person& holder = org->person(principal);
    const Role* holder_role = org->find_role(holder.role);
    const Role* level_role = org->find_role(required.level.role);
    const int level_rank = level_role != nullptr ? level_role->rank : required.rank;
    const bool holds = required.level.reach == Reach::function
                           ? holder.role == required.level.role
                           : holder_role != nullptr && holder_role->rank >= level_rank;
    if (!holds) {
        out.rejected = Reason{reasons::level_too_low, Outcome::warn}
                           .with("approver", holder.name)
                           .with("role", role_name(org, holder.role, Lang::en))
                           .with("role_zh", role_name(org, holder.role, Lang::zh))
                           .with("level", role_name(org, required.level.role, Lang::en))
                           .with("level_zh", role_name(org, required.level.role, Lang::zh))
                           .with("date", a.date);
        return out;
    }
    if (required.level.reach == Reach::reporting_line && !org->is_above(principal, request.requester) &&
        !org->manages_region(principal, request.region)) {
        out.rejected = Reason{reasons::not_on_line, Outcome::warn}
                           .with("approver", holder.name)
                           .with("requester", person_name(org, request.requester))
                           .with("region", request.region.value());
        return out;
    }
    out.step = step;
    return out;
}

template <class ChartAt>
Decision verify_impl(const Route& route, std::span<const Approval> approvals, const Request& request,
                     ChartAt&& chart_at, const OrgChart* display, std::span<const Delegation> delegations) {
    for (std::size_t i = 0; i < delegations.size(); ++i)
        delegations[i].validate("delegations[" + std::to_string(i) + "]");
    for (std::size_t i = 0; i < approvals.size(); ++i) {
        if (approvals[i].approver.empty())
            throw Error(ErrorCode::invalid_argument, "approvals[" + std::to_string(i) + "].approver",
                        "the approver is empty");
        const Authority a = approvals[i].authority;
        if (a != Authority::proposal && a != Authority::rating && a != Authority::approval)
            throw Error(ErrorCode::invalid_argument, "approvals[" + std::to_string(i) + "].authority",
                        "not an authority type");
    }

    request.validate();
    Decision decision;
    const Fingerprint fp = fingerprint(request);
    const bool outdated = route.request != request.id || !route.basis.matches(request);
    if (outdated)
        decision.add(
            Reason{reasons::route_outdated, Outcome::needs_approval}.with("request", request.id.value()));
    if (route.steps.empty()) {
        decision.add(Reason{reasons::not_needed, Outcome::allow}
                         .with("kind", std::string(display_name(request.kind, Lang::en)))
                         .with("kind_zh", std::string(display_name(request.kind, Lang::zh))));
        return decision;
    }

    boost::container::small_vector<Checked, 8> checked;
    checked.reserve(approvals.size());
    for (const Approval& a : approvals)
        checked.push_back(check(a, route, request, fp, chart_at, delegations));

    // Rule 7: fill the steps stage by stage.
    boost::container::small_vector<std::size_t, 8> filled(route.steps.size(), none);
    boost::container::small_vector<const PersonId*, 16> used;
    const auto is_used = [&used](const PersonId& p) {
        return std::any_of(used.begin(), used.end(), [&p](const PersonId* u) { return *u == p; });
    };
    std::optional<Date> earlier_stages;  // the latest approval date of the stages before this one
    std::size_t s = 0;
    while (s < route.steps.size()) {
        const int stage = route.steps[s].stage;
        std::optional<Date> this_stage;
        for (; s < route.steps.size() && route.steps[s].stage == stage; ++s) {
            for (std::size_t i = 0; i < approvals.size(); ++i) {
                if (checked[i].step != s) continue;
                const Approval& a = approvals[i];
                const OrgChart* org = chart_at(a.date);
                const PersonId& principal = a.on_behalf_of ? *a.on_behalf_of : a.approver;
                if (filled[s] != none) {
                    const Approval& first = approvals[filled[s]];
                    if (first.approver == a.approver && first.on_behalf_of == a.on_behalf_of) {
                        checked[i].rejected = rejection(reasons::duplicate_record, org, a)
                                                  .with("level", role_name(org, a.level, Lang::en))
                                                  .with("level_zh", role_name(org, a.level, Lang::zh));
                    } else if (is_used(a.approver) || is_used(principal)) {
                        checked[i].rejected = rejection(reasons::same_person_twice, org, a)
                                                  .with("level", role_name(org, a.level, Lang::en))
                                                  .with("level_zh", role_name(org, a.level, Lang::zh));
                    }
                    continue;  // a second approver of a filled step is simply not needed
                }
                if (earlier_stages && a.date < *earlier_stages) {
                    checked[i].rejected = rejection(reasons::out_of_sequence, org, a)
                                              .with("stage", static_cast<std::int64_t>(stage + 1))
                                              .with("date", a.date)
                                              .with("earlier", *earlier_stages);
                    continue;
                }
                if (is_used(a.approver) || is_used(principal)) {
                    checked[i].rejected = rejection(reasons::same_person_twice, org, a)
                                              .with("level", role_name(org, a.level, Lang::en))
                                              .with("level_zh", role_name(org, a.level, Lang::zh));
                    continue;
                }
                filled[s] = i;
                used.push_back(&a.approver);
                if (a.on_behalf_of) used.push_back(&*a.on_behalf_of);
                if (!this_stage || *this_stage < a.date) this_stage = a.date;
            }
        }
        if (this_stage && (!earlier_stages || *earlier_stages < *this_stage)) earlier_stages = this_stage;
    }

    for (const Checked& c : checked)
        if (c.rejected) decision.add(*c.rejected);
    bool all_filled = true;
    for (std::size_t k = 0; k < route.steps.size(); ++k) {
        if (filled[k] != none) continue;
        all_filled = false;
        const Step& step = route.steps[k];
        decision.add(Reason{reasons::step_missing, Outcome::needs_approval}
                         .with("stage", static_cast<std::int64_t>(step.stage + 1))
                         .with("level", role_name(display, step.level.role, Lang::en))
                         .with("level_zh", role_name(display, step.level.role, Lang::zh))
                         .with("rule", step.rule.value()));
    }
    if (all_filled && !outdated)
        decision.add(Reason{reasons::satisfied, Outcome::allow}.with(
            "steps", static_cast<std::int64_t>(route.steps.size())));
    return decision;
}

}  // namespace

Decision verify(const Route& route, std::span<const Approval> approvals, const Request& request,
                const OrgChart& org, std::span<const Delegation> delegations) {
    return verify_impl(
        route, approvals, request, [&org](Date) { return &org; }, &org, delegations);
}

Decision verify(const Route& route, std::span<const Approval> approvals, const Request& request,
                std::span<const OrgSnapshot> history, std::span<const Delegation> delegations) {
    if (history.empty())
        throw Error(ErrorCode::invalid_argument, "history", "an org-chart history needs a snapshot");
    for (std::size_t i = 1; i < history.size(); ++i)
        if (!(history[i - 1].from < history[i].from))
            throw Error(ErrorCode::inconsistent, "history[" + std::to_string(i) + "].from",
                        "snapshot dates must increase");
    const auto chart_at = [history](Date date) -> const OrgChart* {
        const auto it = std::upper_bound(history.begin(), history.end(), date,
                                         [](Date d, const OrgSnapshot& s) { return d < s.from; });
        return it == history.begin() ? nullptr : &std::prev(it)->chart;
    };
    return verify_impl(route, approvals, request, chart_at, &history.back().chart, delegations);
}

}  // namespace crm::approval
