#pragma once
/// \file
/// The agreement lifecycle (domain.md section 3): draft -> in_review -> approved -> signed ->
/// active -> expired | terminated | renewed. Every transition is recorded in the agreement's
/// history; any other step is refused with a Decision. Proven by tests/contract/lifecycle_test.cpp.
///
/// | state | event | next state |
/// |---|---|---|
/// | draft | submit | in_review |
/// | in_review | reject | draft (version + 1: the draft is reworked) |
/// | in_review | approve | approved |
/// | approved | sign | signed |
/// | signed | activate | active |
/// | signed | terminate | terminated (cancelled before it took effect) |
/// | active | expire | expired (only on or after `ends`) |
/// | active | terminate | terminated |
/// | active | renew | renewed, and a next agreement is created in draft |
/// | expired, terminated, renewed | any | refused (terminal) |

#include <crm/contract/agreement.hpp>
#include <crm/core/decision.hpp>
#include <crm/export.hpp>

#include <optional>
#include <span>
#include <vector>

namespace crm::contract {

/// One allowed step of the lifecycle.
struct CRM_EXPORT Exit {
    State from = State::draft;    ///< the state the step leaves
    Event event = Event::submit;  ///< the event that takes it
    State to = State::draft;      ///< the state it leads to
    /// Memberwise equality.
    friend bool operator==(const Exit&, const Exit&) = default;
};
/// The table above, in that order. Every non-terminal state has at least one exit.
[[nodiscard]] CRM_EXPORT std::span<const Exit> exits() noexcept;
/// The state `event` leads to from `from`, or nothing when the step is not allowed.
[[nodiscard]] CRM_EXPORT std::optional<State> next_state(State from, Event event) noexcept;

/// The answer of transition(). When `decision` is allow, `agreement` is the agreement in its
/// new state with the step appended to its history (`contract.transitioned`), and for `renew`
/// `renewal` is the next agreement: a draft with id `<id>-R`, version 1, empty history, `renews`
/// naming this one, the same commitments, prices and terms, and validity from `ends` + 1 day
/// for the same number of days. When `decision` is block (`contract.transition_refused`,
/// `contract.not_yet_expired`), `agreement` is the input unchanged.
struct CRM_EXPORT TransitionResult {
    Decision decision;    ///< allow (`contract.transitioned`) or block with the reason the step was refused
    Agreement agreement;  ///< the agreement after the step; unchanged when refused
    std::optional<Agreement> renewal;  ///< the next agreement, for an accepted renew only; none otherwise
    /// True when the step was taken (the decision is not block).
    [[nodiscard]] bool accepted() const noexcept { return decision.outcome() != Outcome::block; }
};

/// Applies `event` to the agreement, done by `actor` on `on`. Validates the agreement first;
/// throws crm::Error `actor` invalid_argument when empty and `on` invalid_argument when before
/// the last recorded transition (history must stay chronological). A step the table does not
/// allow, any step from a terminal state, and `expire` before `ends` are refused Decisions.
[[nodiscard]] CRM_EXPORT TransitionResult transition(const Agreement& agreement, Event event,
                                                     const PersonId& actor, Date on);

}  // namespace crm::contract
