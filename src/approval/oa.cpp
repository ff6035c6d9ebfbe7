#include <crm/approval/oa.hpp>
#include <crm/approval/reasons.hpp>
#include <crm/core/error.hpp>
#include <crm/core/threshold.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>

namespace crm::approval {

std::string_view to_string(Dedupe dedupe) noexcept {
    switch (dedupe) {
    case Dedupe::first_counts: return "first_counts";
    case Dedupe::every_occurrence: return "every_occurrence";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Dedupe dedupe) { return os << to_string(dedupe); }

std::string_view to_string(EventKind kind) noexcept {
    switch (kind) {
    case EventKind::approve: return "approve";
    case EventKind::transfer: return "transfer";
    case EventKind::add_before: return "add_before";
    case EventKind::add_after: return "add_after";
    case EventKind::return_to: return "return_to";
    case EventKind::withdraw: return "withdraw";
    }
    return "unknown";
}

std::string_view display_name(EventKind kind, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (kind) {
    case EventKind::approve: return zh ? "同意" : "approve";
    case EventKind::transfer: return zh ? "转交" : "transfer";
    case EventKind::add_before: return zh ? "前加签" : "add approver before";
    case EventKind::add_after: return zh ? "后加签" : "add approver after";
    case EventKind::return_to: return zh ? "退回" : "return";
    case EventKind::withdraw: return zh ? "撤回" : "withdraw";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, EventKind kind) { return os << to_string(kind); }

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

std::string person_name(const OrgChart& org, const PersonId& id) {
    const Person* p = org.find(id);
    return p != nullptr ? p->name : id.value();
}

std::string role_name(const OrgChart& org, const RoleId& id, Lang lang) {
    const Role* r = org.find_role(id);
    return r != nullptr ? display_name(*r, lang) : id.value();
}

int rank_of_role(const OrgChart& org, const Step& step) {
    const Role* r = org.find_role(step.level.role);
    return r != nullptr ? r->rank : step.rank;
}

bool contains(const std::vector<PersonId>& people, const PersonId& p) {
    return std::find(people.begin(), people.end(), p) != people.end();
}

void add_once(std::vector<PersonId>& people, const PersonId& p) {
    if (!contains(people, p)) people.push_back(p);
}

// The person may hold the step's level for this request: a line level by a role of at least its
// rank, above the requester or over the region; a function level by exactly its role.
bool may_hold(const OrgChart& org, const Step& step, const Request& request, const PersonId& person) {
    const Person* p = org.find(person);
    if (p == nullptr || person == request.requester) return false;
    if (step.level.reach == Reach::function) return p->role == step.level.role;
    const Role* role = org.find_role(p->role);
    if (role == nullptr || role->rank < rank_of_role(org, step)) return false;
    return org.is_above(person, request.requester) || org.manages_region(person, request.region);
}

Reason stage_reason(const ReasonText& text, Outcome severity, const OaStep& s, const OrgChart& org) {
    return Reason{text, severity}
        .with("stage", static_cast<std::int64_t>(s.step.stage + 1))
        .with("level", role_name(org, s.step.level.role, Lang::en))
        .with("level_zh", role_name(org, s.step.level.role, Lang::zh));
}

// The people the level's source names, before the requester rule and the empty-step fallback.
std::vector<PersonId> sourced(const Step& step, const Request& request, const OrgChart& org,
                              const Submission& submission) {
    const Level& level = step.level;
    std::vector<PersonId> out;
    switch (level.source) {
    case ApproverSource::role:
        for (const Person& p : org.people()) {
            if (p.role != level.role) continue;
            if (level.reach == Reach::function || org.is_above(p.id, request.requester) ||
                org.manages_region(p.id, request.region) || p.id == request.requester)
                out.push_back(p.id);
        }
        break;
    case ApproverSource::manager: {
        const auto managers = org.managers_of(request.requester);
        const auto n = static_cast<std::size_t>(level.manager_level);
        if (n >= 1 && managers.size() >= n) out.push_back(managers[n - 1]);
        break;
    }
    case ApproverSource::region_manager: out = org.managers_of_region(request.region); break;
    case ApproverSource::person:
        if (level.person && org.find(*level.person) != nullptr) out.push_back(*level.person);
        break;
    case ApproverSource::chosen:
        for (const Choice& c : submission.chosen)
            if (c.level == level.role) add_once(out, c.person);
        break;
    }
    return out;
}

// The nearest manager above the requester whose rank is above the step's level.
std::optional<PersonId> escalation(const Step& step, const Request& request, const OrgChart& org) {
    const int rank = rank_of_role(org, step);
    for (const PersonId& m : org.managers_of(request.requester)) {
        const Person* p = org.find(m);
        const Role* r = p != nullptr ? org.find_role(p->role) : nullptr;
        if (r != nullptr && r->rank > rank) return m;
    }
    return std::nullopt;
}

void validate_choices(const Route& route, const OrgChart& org, const Submission& submission) {
    for (std::size_t i = 0; i < submission.chosen.size(); ++i) {
        const Choice& c = submission.chosen[i];
        const std::string field = "submission.chosen[" + std::to_string(i) + "]";
        const auto step = std::find_if(route.steps.begin(), route.steps.end(), [&](const Step& s) {
            return s.level.role == c.level && s.level.source == ApproverSource::chosen;
        });
        if (step == route.steps.end())
            throw Error(ErrorCode::not_found, field + ".level",
                        "the route has no step whose approvers the requester chooses at this level");
        if (!contains(step->level.choices, c.person))
            throw Error(ErrorCode::invalid_argument, field + ".person",
                        "the chosen approver is not among the people the step allows");
        if (org.find(c.person) == nullptr)
            throw Error(ErrorCode::not_found, field + ".person",
                        "the chosen approver is not in the org chart");
    }
}

}  // namespace

OaRoute resolve(const Route& route, const Request& request, const OrgChart& org,
                const Submission& submission) {
    request.validate();
    if (submission.dedupe != Dedupe::first_counts && submission.dedupe != Dedupe::every_occurrence)
        throw Error(ErrorCode::invalid_argument, "submission.dedupe", "not a deduplication rule");
    validate_choices(route, org, submission);

    OaRoute out;
    out.request = request.id;
    out.requester = request.requester;
    out.fingerprint = fingerprint(request);
    out.dedupe = submission.dedupe;
    out.decision.add(route.reason(org.roles()));
    const std::optional<PersonId> own_manager = [&]() -> std::optional<PersonId> {
        const Person* p = org.find(request.requester);
        return p != nullptr ? p->manager : std::nullopt;
    }();

    out.steps.reserve(route.steps.size());
    for (const Step& step : route.steps) {
        OaStep& s = out.steps.emplace_back();
        s.step = step;
        const Level& level = step.level;

        // 1. automatic approval
        if (level.auto_at_most && request.amount.currency() == level.auto_at_most->currency() &&
            within(request.amount, *level.auto_at_most, Boundary::inclusive)) {
            s.automatic = true;
            const std::string limit = format(*level.auto_at_most);
            s.notes.push_back(stage_reason(reasons::oa_auto_amount, Outcome::allow, s, org)
                                  .with("amount", request.amount)
                                  .with("limit_text", describe_at_most(limit, Boundary::inclusive, false))
                                  .with("limit_text_zh", describe_at_most(limit, Boundary::inclusive, true)));
        } else if (level.auto_if_repeat &&
                   std::find(submission.approved_before.begin(), submission.approved_before.end(),
                             out.fingerprint) != submission.approved_before.end()) {
            s.automatic = true;
            s.notes.push_back(stage_reason(reasons::oa_auto_repeat, Outcome::allow, s, org));
        }

        // 2. who, 3. the requester inside the route
        std::vector<PersonId> people = sourced(step, request, org, submission);
        for (PersonId& p : people) {
            if (p != request.requester) continue;
            if (own_manager && !contains(people, *own_manager)) {
                s.notes.push_back(stage_reason(reasons::oa_redirected, Outcome::allow, s, org)
                                      .with("requester", person_name(org, request.requester))
                                      .with("approver", person_name(org, *own_manager)));
                p = *own_manager;
            }
        }
        people.erase(std::remove(people.begin(), people.end(), request.requester), people.end());

        // 4. nobody
        if (people.empty() && !s.automatic) {
            std::optional<PersonId> to;
            const ReasonText* text = nullptr;
            if (level.when_empty == WhenEmpty::escalate) {
                to = escalation(step, request, org);
                text = &reasons::oa_escalated;
            } else if (level.when_empty == WhenEmpty::administrator && level.administrator &&
                       *level.administrator != request.requester) {
                to = level.administrator;
                text = &reasons::oa_to_administrator;
            }
            if (to) {
                people.push_back(*to);
                s.notes.push_back(
                    stage_reason(*text, Outcome::allow, s, org).with("approver", person_name(org, *to)));
            } else {
                s.blocked = true;
                s.notes.push_back(stage_reason(reasons::oa_empty_blocked, Outcome::block, s, org));
            }
        }
        s.approvers = std::move(people);
        for (const Reason& r : s.notes) out.decision.add(r);
    }

    // 5. copy recipients
    for (const CopyTo& c : route.cc) {
        if (!c.person.empty()) {
            if (c.person != request.requester) add_once(out.cc, c.person);
            continue;
        }
        for (const Person& p : org.people())
            if (p.role == c.role && p.id != request.requester) add_once(out.cc, p.id);
    }
    return out;
}

// ---- verification of events ------------------------------------------------------------------

namespace {

struct Slot {
    PersonId person;
    bool added = false;
    std::size_t before_of = none;    // add_before: must approve before slot `before_of`
    std::size_t after_of = none;     // add_after: approves only after slot `after_of`
    std::size_t approved_by = none;  // the event index of the counted approval
};

struct StepState {
    std::vector<Slot> slots;
};

class Judge {
public:
    Judge(const OaRoute& route, const Request& request, const OrgChart& org, const Fingerprint& current)
        : route_(route), request_(request), org_(org), current_(current) {
        states_.resize(route.steps.size());
        for (std::size_t s = 0; s < route.steps.size(); ++s)
            for (const PersonId& p : route.steps[s].approvers) states_[s].slots.push_back(Slot{p});
    }

    void apply(std::span<const Event> events) {
        events_ = events;
        for (std::size_t i = 0; i < events.size(); ++i) apply_one(i);
    }

    // The step is filled (by itself, by its slots, or by deduplication).
    [[nodiscard]] bool filled(std::size_t s) const {
        const OaStep& step = route_.steps[s];
        if (step.automatic) return true;
        if (step.blocked) return false;
        const auto& slots = states_[s].slots;
        bool base_done = false, any_base = false, all_done = true;
        for (std::size_t k = 0; k < slots.size(); ++k) {
            const bool done = slot_done(s, k);
            if (!slots[k].added) {
                any_base = true;
                base_done = base_done || done;
            }
            all_done = all_done && done;
        }
        if (step.step.level.mode == StepMode::any_one) {
            if (!any_base) return false;
            for (std::size_t k = 0; k < slots.size(); ++k)
                if (slots[k].added && !slot_done(s, k)) return false;
            return base_done;
        }
        return !slots.empty() && all_done;
    }

    [[nodiscard]] std::vector<Reason> refusals() const { return refusals_; }
    [[nodiscard]] std::vector<Reason> notes() const {
        std::vector<Reason> out;
        if (route_.dedupe != Dedupe::first_counts) return out;
        for (std::size_t s = 0; s < states_.size(); ++s) {
            if (!filled(s) || route_.steps[s].automatic) continue;
            const auto& slots = states_[s].slots;
            for (std::size_t k = 0; k < slots.size(); ++k) {
                if (slots[k].approved_by != none) continue;
                const std::size_t first = earlier_approval(s, slots[k].person);
                if (first == none) continue;
                out.push_back(
                    Reason{reasons::oa_deduplicated, Outcome::allow}
                        .with("approver", person_name(org_, slots[k].person))
                        .with("first", static_cast<std::int64_t>(route_.steps[first].step.stage + 1))
                        .with("stage", static_cast<std::int64_t>(route_.steps[s].step.stage + 1)));
            }
        }
        return out;
    }

private:
    // The earliest step before `s` where `person` has a counted approval, or none.
    [[nodiscard]] std::size_t earlier_approval(std::size_t s, const PersonId& person) const {
        for (std::size_t e = 0; e < s; ++e)
            for (const Slot& slot : states_[e].slots)
                if (slot.person == person && slot.approved_by != none) return e;
        return none;
    }

    [[nodiscard]] bool slot_done(std::size_t s, std::size_t k) const {
        const Slot& slot = states_[s].slots[k];
        if (slot.approved_by != none) return true;
        // deduplication: only a slot the person holds in this step, never an added one
        return route_.dedupe == Dedupe::first_counts && !slot.added &&
               earlier_approval(s, slot.person) != none;
    }

    [[nodiscard]] bool open(std::size_t s) const {
        const int stage = route_.steps[s].step.stage;
        for (std::size_t e = 0; e < route_.steps.size(); ++e)
            if (route_.steps[e].step.stage < stage && !filled(e)) return false;
        return true;
    }

    [[nodiscard]] std::size_t slot_of(std::size_t s, const PersonId& p) const {
        const auto& slots = states_[s].slots;
        for (std::size_t k = 0; k < slots.size(); ++k)
            if (slots[k].person == p) return k;
        return none;
    }

    Reason event_reason(const ReasonText& text, std::size_t i) const {
        const Event& e = events_[i];
        Reason r{text, Outcome::warn};
        r.with("event", static_cast<std::int64_t>(i + 1))
            .with("event_kind", std::string(display_name(e.kind, Lang::en)))
            .with("event_kind_zh", std::string(display_name(e.kind, Lang::zh)))
            .with("actor", person_name(org_, e.actor));
        if (e.kind != EventKind::withdraw)
            r.with("stage", static_cast<std::int64_t>(route_.steps[e.step].step.stage + 1));
        return r;
    }

    void refuse(Reason r) { refusals_.push_back(std::move(r)); }

    // Voids the counted approvals of steps `from`.. given so far.
    void void_from(std::size_t from, std::size_t by, const ReasonText& text, std::int64_t to_stage) {
        for (std::size_t s = from; s < states_.size(); ++s) {
            for (Slot& slot : states_[s].slots) {
                if (slot.approved_by == none) continue;
                Reason r =
                    event_reason(text, slot.approved_by).with("by_event", static_cast<std::int64_t>(by + 1));
                if (to_stage > 0) r.with("to_stage", to_stage);
                refuse(std::move(r));
                slot.approved_by = none;
            }
        }
    }

    void apply_one(std::size_t i) {
        const Event& e = events_[i];
        switch (e.kind) {
        case EventKind::withdraw:
            if (e.actor != request_.requester) return refuse(event_reason(reasons::oa_not_requester, i));
            return void_from(0, i, reasons::oa_voided_by_withdrawal, 0);
        case EventKind::approve: return approve(i);
        case EventKind::transfer:
        case EventKind::add_before:
        case EventKind::add_after: return hand_over(i);
        case EventKind::return_to: {
            if (slot_of(e.step, e.actor) == none) return refuse(event_reason(reasons::oa_not_approver, i));
            if (!(e.to_step < e.step))
                return refuse(
                    event_reason(reasons::oa_not_earlier, i)
                        .with("to_stage", static_cast<std::int64_t>(route_.steps[e.to_step].step.stage + 1)));
            return void_from(e.to_step, i, reasons::oa_voided_by_return,
                             static_cast<std::int64_t>(route_.steps[e.to_step].step.stage + 1));
        }
        }
    }

    void approve(std::size_t i) {
        const Event& e = events_[i];
        if (e.actor == request_.requester) return refuse(event_reason(reasons::oa_own_request, i));
        const std::size_t k = slot_of(e.step, e.actor);
        if (k == none) return refuse(event_reason(reasons::oa_not_approver, i));
        if (e.fingerprint != current_) return refuse(event_reason(reasons::oa_stale, i));
        auto& slots = states_[e.step].slots;
        if (slots[k].approved_by != none) return refuse(event_reason(reasons::oa_already_approved, i));
        if (!open(e.step)) return refuse(event_reason(reasons::oa_not_open, i));
        // who must approve before this slot: earlier base slots of an in-order step, people added
        // before this approver, and the approver a person was added after
        for (std::size_t j = 0; j < slots.size(); ++j) {
            if (j == k || slot_done(e.step, j)) continue;
            const bool earlier_in_order = route_.steps[e.step].step.level.mode == StepMode::in_order &&
                                          !slots[j].added && !slots[k].added && j < k;
            const bool added_before = slots[j].before_of == k;
            const bool added_after_of = slots[k].after_of == j;
            if (earlier_in_order || added_before || added_after_of)
                return refuse(event_reason(reasons::oa_out_of_turn, i)
                                  .with("waiting", person_name(org_, slots[j].person)));
        }
        slots[k].approved_by = i;
    }

    void hand_over(std::size_t i) {
        const Event& e = events_[i];
        const std::size_t k = slot_of(e.step, e.actor);
        if (k == none) return refuse(event_reason(reasons::oa_not_approver, i));
        auto& slots = states_[e.step].slots;
        if (e.target == request_.requester)
            return refuse(
                event_reason(reasons::oa_to_requester, i).with("target", person_name(org_, e.target)));
        if (e.kind == EventKind::transfer) {
            if (slots[k].approved_by != none) return refuse(event_reason(reasons::oa_already_approved, i));
            if (!may_hold(org_, route_.steps[e.step].step, request_, e.target) ||
                slot_of(e.step, e.target) != none)
                return refuse(
                    event_reason(reasons::oa_cannot_hold, i)
                        .with("target", person_name(org_, e.target))
                        .with("level", role_name(org_, route_.steps[e.step].step.level.role, Lang::en))
                        .with("level_zh", role_name(org_, route_.steps[e.step].step.level.role, Lang::zh)));
            slots[k].person = e.target;
            return;
        }
        if (org_.find(e.target) == nullptr || slot_of(e.step, e.target) != none)
            return refuse(
                event_reason(reasons::oa_cannot_hold, i)
                    .with("target", person_name(org_, e.target))
                    .with("level", role_name(org_, route_.steps[e.step].step.level.role, Lang::en))
                    .with("level_zh", role_name(org_, route_.steps[e.step].step.level.role, Lang::zh)));
        Slot added{e.target, true};
        if (e.kind == EventKind::add_before) {
            if (slots[k].approved_by != none) return refuse(event_reason(reasons::oa_already_approved, i));
            added.before_of = k;
        } else {
            added.after_of = k;
        }
        slots.push_back(std::move(added));
    }

    const OaRoute& route_;
    const Request& request_;
    const OrgChart& org_;
    Fingerprint current_;
    std::span<const Event> events_;
    std::vector<StepState> states_;
    std::vector<Reason> refusals_;
};

void validate_events(const OaRoute& route, std::span<const Event> events) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        const std::string field = "events[" + std::to_string(i) + "]";
        if (static_cast<unsigned>(e.kind) > static_cast<unsigned>(EventKind::withdraw))
            throw Error(ErrorCode::invalid_argument, field + ".kind", "not an event kind");
        if (e.actor.empty()) throw Error(ErrorCode::invalid_argument, field + ".actor", "the actor is empty");
        if (i > 0 && e.at < events[i - 1].at)
            throw Error(ErrorCode::inconsistent, field + ".at", "events must come in time order");
        if (e.kind == EventKind::withdraw) continue;
        if (e.step >= route.steps.size())
            throw Error(ErrorCode::not_found, field + ".step", "the route has no such step");
        if (e.kind == EventKind::return_to && e.to_step >= route.steps.size())
            throw Error(ErrorCode::not_found, field + ".to_step", "the route has no such step");
        if ((e.kind == EventKind::transfer || e.kind == EventKind::add_before ||
             e.kind == EventKind::add_after) &&
            e.target.empty())
            throw Error(ErrorCode::invalid_argument, field + ".target",
                        "the person handed the step is empty");
    }
}

}  // namespace

Decision verify(const OaRoute& route, std::span<const Event> events, const Request& request,
                const OrgChart& org) {
    request.validate();
    validate_events(route, events);
    const Fingerprint current = fingerprint(request);
    Decision decision;
    const bool outdated = route.request != request.id || route.fingerprint != current;
    if (outdated)
        decision.add(
            Reason{reasons::route_outdated, Outcome::needs_approval}.with("request", request.id.value()));

    Judge judge(route, request, org, current);
    judge.apply(events);
    for (Reason& r : judge.refusals()) decision.add(std::move(r));
    bool all_filled = true;
    for (std::size_t s = 0; s < route.steps.size(); ++s) {
        const OaStep& step = route.steps[s];
        if (step.automatic) {
            for (const Reason& n : step.notes)
                if (n.severity() == Outcome::allow &&
                    (n.code() == reasons::oa_auto_amount.code || n.code() == reasons::oa_auto_repeat.code))
                    decision.add(n);
            continue;
        }
        if (step.blocked) {
            all_filled = false;
            decision.add(stage_reason(reasons::oa_empty_blocked, Outcome::block, step, org));
            continue;
        }
        if (judge.filled(s)) continue;
        all_filled = false;
        decision.add(Reason{reasons::step_missing, Outcome::needs_approval}
                         .with("stage", static_cast<std::int64_t>(step.step.stage + 1))
                         .with("level", role_name(org, step.step.level.role, Lang::en))
                         .with("level_zh", role_name(org, step.step.level.role, Lang::zh))
                         .with("rule", step.step.rule.value()));
    }
    for (Reason& r : judge.notes()) decision.add(std::move(r));
    if (route.steps.empty()) {
        decision.add(Reason{reasons::not_needed, Outcome::allow}
                         .with("kind", std::string(display_name(request.kind, Lang::en)))
                         .with("kind_zh", std::string(display_name(request.kind, Lang::zh))));
    } else if (all_filled && !outdated) {
        decision.add(Reason{reasons::satisfied, Outcome::allow}.with(
            "steps", static_cast<std::int64_t>(route.steps.size())));
    }
    return decision;
}

}  // namespace crm::approval
