// The agreement lifecycle: the full path, refusals with reasons, history, and properties.
#include <crm/contract/lifecycle.hpp>

#include <doctest/doctest.h>

#include <array>
#include <set>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using namespace crm;
using namespace crm::contract;

namespace {

Money cny(std::string_view a) { return Money{a, "CNY"}; }

Agreement draft() {
    return Agreement{
        .id = AgreementId{"AG-7"},
        .account = AccountId{"ACME"},
        .signer = PersonId{"li"},
        .starts = Date(2025, 1, 1),
        .ends = Date(2025, 12, 31),
        .currency = Currency{"CNY"},
        .commitments = {{.group = ProductGroupId{"pumps"},
                         .annual = cny("400"),
                         .quarters = {cny("100"), cny("100"), cny("100"), cny("100")}}},
        .credit_limit = cny("100"),
    };
}

const PersonId li{"li"};
const PersonId zhang{"zhang"};

Agreement step(const Agreement& a, Event e, const PersonId& who, Date on) {
    const TransitionResult r = transition(a, e, who, on);
    REQUIRE(r.accepted());
    return r.agreement;
}

constexpr std::array<Event, 8> all_events{Event::submit,   Event::reject, Event::approve,   Event::sign,
                                          Event::activate, Event::expire, Event::terminate, Event::renew};
constexpr std::array<State, 8> all_states{State::draft,  State::in_review, State::approved,   State::signed_,
                                          State::active, State::expired,   State::terminated, State::renewed};

}  // namespace

TEST_SUITE("contract.lifecycle") {
    TEST_CASE("the full lifecycle runs from draft to renewed and records every step") {
        Agreement a = draft();
        a = step(a, Event::submit, li, Date(2024, 11, 1));
        CHECK(a.state == State::in_review);
        a = step(a, Event::approve, zhang, Date(2024, 11, 5));
        a = step(a, Event::sign, li, Date(2024, 11, 20));
        a = step(a, Event::activate, li, Date(2025, 1, 1));
        CHECK(a.state == State::active);
        const TransitionResult r = transition(a, Event::renew, li, Date(2025, 12, 1));
        REQUIRE(r.accepted());
        CHECK(r.decision.has("contract.transitioned"));
        CHECK(r.agreement.state == State::renewed);
        REQUIRE(r.agreement.history.size() == 5);
        CHECK(r.agreement.history[1] == HistoryEntry{.from = State::in_review,
                                                     .to = State::approved,
                                                     .event = Event::approve,
                                                     .actor = zhang,
                                                     .on = Date(2024, 11, 5)});
        CHECK(r.agreement.history.back().to == State::renewed);
        // renewal: the next agreement, in draft, for the following year
        REQUIRE(r.renewal.has_value());
        CHECK(r.renewal->id == AgreementId{"AG-7-R"});
        CHECK(r.renewal->state == State::draft);
        CHECK(r.renewal->renews == AgreementId{"AG-7"});
        CHECK(r.renewal->history.empty());
        CHECK(r.renewal->starts == Date(2026, 1, 1));
        CHECK(r.renewal->ends == Date(2026, 12, 31));
        CHECK(r.renewal->commitments == a.commitments);
    }

    TEST_CASE("an active agreement expires on its last day or later but not before") {
        Agreement a = draft();
        a.state = State::active;
        const TransitionResult early = transition(a, Event::expire, li, Date(2025, 12, 30));
        CHECK_FALSE(early.accepted());
        CHECK(early.decision.has("contract.not_yet_expired"));
        CHECK(early.agreement == a);
        CHECK(transition(a, Event::expire, li, Date(2025, 12, 31)).agreement.state == State::expired);
    }

    TEST_CASE("a signed or active agreement may be terminated") {
        Agreement a = draft();
        a.state = State::signed_;
        CHECK(transition(a, Event::terminate, zhang, Date(2024, 12, 1)).agreement.state == State::terminated);
        a.state = State::active;
        CHECK(transition(a, Event::terminate, zhang, Date(2025, 3, 1)).agreement.state == State::terminated);
    }

    TEST_CASE("a rejected review returns the agreement to draft as a new version") {
        Agreement a = step(draft(), Event::submit, li, Date(2024, 11, 1));
        a = step(a, Event::reject, zhang, Date(2024, 11, 2));
        CHECK(a.state == State::draft);
        CHECK(a.version == 2);
        CHECK(a.history.size() == 2);
    }

    TEST_CASE("a step the table does not allow is refused with the reason") {
        const Agreement a = draft();
        const TransitionResult r = transition(a, Event::sign, li, Date(2024, 11, 1));
        CHECK_FALSE(r.accepted());
        CHECK(r.decision.outcome() == Outcome::block);
        REQUIRE(r.decision.has("contract.transition_refused"));
        CHECK(explain(*r.decision.find("contract.transition_refused"), Lang::en) ==
              "agreement AG-7 in state draft cannot take event sign");
        CHECK(explain(*r.decision.find("contract.transition_refused"), Lang::zh) ==
              "协议 AG-7 处于 draft 状态, 不能执行 sign");
        CHECK(r.agreement == a);
        CHECK_FALSE(r.renewal.has_value());
    }

    TEST_CASE("every event from a terminal state is refused") {
        for (const State s : {State::expired, State::terminated, State::renewed}) {
            for (const Event e : all_events) {
                CAPTURE(s);
                CAPTURE(e);
                Agreement a = draft();
                a.state = s;
                const TransitionResult r = transition(a, e, li, Date(2026, 1, 1));
                CHECK(r.decision.has("contract.transition_refused"));
                CHECK(r.agreement == a);
            }
        }
    }

    TEST_CASE("a transition without an actor or dated before the last one is an error") {
        Agreement a = step(draft(), Event::submit, li, Date(2024, 11, 10));
        crm::test::check_error([&] { (void)transition(a, Event::approve, PersonId{}, Date(2024, 11, 11)); },
                               ErrorCode::invalid_argument, "actor");
        crm::test::check_error([&] { (void)transition(a, Event::approve, zhang, Date(2024, 11, 9)); },
                               ErrorCode::invalid_argument, "on");
        a.ends = Date(2024, 1, 1);
        crm::test::check_error([&] { (void)transition(a, Event::approve, zhang, Date(2024, 11, 11)); },
                               ErrorCode::invalid_argument, "agreement.ends");
    }

    TEST_CASE("every reachable state has a documented exit or is terminal") {
        // reachability from draft over the exit table
        std::set<State> reached{State::draft};
        bool grew = true;
        while (grew) {
            grew = false;
            for (const Exit& x : exits())
                if (reached.contains(x.from) && reached.insert(x.to).second) grew = true;
        }
        CHECK(reached.size() == all_states.size());
        for (const State s : all_states) {
            CAPTURE(s);
            bool has_exit = false;
            for (const Exit& x : exits()) has_exit = has_exit || x.from == s;
            CHECK(has_exit != is_terminal(s));
            for (const Event e : all_events)
                CHECK(next_state(s, e).has_value() == (!is_terminal(s) && [&] {
                          for (const Exit& x : exits())
                              if (x.from == s && x.event == e) return true;
                          return false;
                      }()));
        }
    }

    TEST_CASE("random event sequences record exactly the accepted steps and never leave a terminal state") {
        crm::test::Rng rng{20251127};
        for (int run = 0; run < 200; ++run) {
            CAPTURE(run);
            Agreement a = draft();
            Date on = Date(2024, 10, 1);
            std::size_t accepted = 0;
            bool was_terminal = false;
            for (int i = 0; i < 12; ++i) {
                const Event e = all_events[rng.below(all_events.size())];
                on += Days{rng.between(0, 60)};
                const TransitionResult r = transition(a, e, li, on);
                if (was_terminal) CHECK_FALSE(r.accepted());
                if (r.accepted()) {
                    ++accepted;
                    CHECK(r.agreement.state == *next_state(a.state, e));
                } else {
                    CHECK(r.agreement == a);
                }
                a = r.agreement;
                was_terminal = is_terminal(a.state);
            }
            CHECK(a.history.size() == accepted);
        }
    }

}  // TEST_SUITE
