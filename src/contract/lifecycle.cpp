#include <crm/contract/lifecycle.hpp>
#include <crm/contract/reasons.hpp>
#include <crm/core/error.hpp>

#include <array>
#include <string>

namespace crm::contract {

namespace {

constexpr std::array<Exit, 9> exit_table{{
    {State::draft, Event::submit, State::in_review},
    {State::in_review, Event::reject, State::draft},
    {State::in_review, Event::approve, State::approved},
    {State::approved, Event::sign, State::signed_},
    {State::signed_, Event::activate, State::active},
    {State::signed_, Event::terminate, State::terminated},
    {State::active, Event::expire, State::expired},
    {State::active, Event::terminate, State::terminated},
    {State::active, Event::renew, State::renewed},
}};

Decision refused(const Agreement& a, Event event) {
    Decision d;
    d.add(Reason{reasons::transition_refused, Outcome::block}
              .with("agreement", a.id.value())
              .with("state", std::string{to_string(a.state)})
              .with("event", std::string{to_string(event)}));
    return d;
}

}  // namespace

std::span<const Exit> exits() noexcept { return exit_table; }

std::optional<State> next_state(State from, Event event) noexcept {
    for (const Exit& e : exit_table)
        if (e.from == from && e.event == event) return e.to;
    return std::nullopt;
}

TransitionResult transition(const Agreement& agreement, Event event, const PersonId& actor, Date on) {
    agreement.validate();
    if (actor.empty()) throw Error(ErrorCode::invalid_argument, "actor", "a transition needs an actor");
    if (!agreement.history.empty() && on < agreement.history.back().on)
        throw Error(ErrorCode::invalid_argument, "on", "before the last recorded transition");

    const std::optional<State> to = next_state(agreement.state, event);
    if (!to)
        return TransitionResult{.decision = refused(agreement, event), .agreement = agreement, .renewal = {}};
    if (event == Event::expire && on < agreement.ends) {
        Decision d;
        d.add(Reason{reasons::not_yet_expired, Outcome::block}
                  .with("agreement", agreement.id.value())
                  .with("ends", agreement.ends)
                  .with("on", on));
        return TransitionResult{.decision = std::move(d), .agreement = agreement, .renewal = {}};
    }

    TransitionResult out{.decision = {}, .agreement = agreement, .renewal = {}};
    out.agreement.state = *to;
    out.agreement.history.push_back(
        HistoryEntry{.from = agreement.state, .to = *to, .event = event, .actor = actor, .on = on});
    if (event == Event::reject) ++out.agreement.version;
    out.decision.add(Reason{reasons::transitioned, Outcome::allow}
                         .with("agreement", agreement.id.value())
                         .with("from", std::string{to_string(agreement.state)})
                         .with("to", std::string{to_string(*to)}));
    if (event == Event::renew) {
        Agreement next = agreement;
        next.id = AgreementId{agreement.id.value() + "-R"};
        next.version = 1;
        next.state = State::draft;
        next.history.clear();
        next.renews = agreement.id;
        next.starts = agreement.ends + Days{1};
        next.ends = next.starts + (agreement.ends - agreement.starts);
        out.renewal = std::move(next);
    }
    return out;
}

}  // namespace crm::contract
