#include <crm/core/error.hpp>
#include <crm/scoring/satisfaction.hpp>

#include <string>

namespace crm::scoring {

Scorecard satisfaction_scorecard(const SatisfactionPolicy& policy) {
    Scorecard card{.name = "satisfaction",
                   .bands = policy.bands,
                   .score_places = policy.score_places,
                   .rounding = policy.rounding};
    card.criteria.reserve(policy.questions.size());
    for (std::size_t i = 0; i < policy.questions.size(); ++i) {
        const SurveyQuestion& q = policy.questions[i];
        if (q.scale_max < 2)
            throw Error(ErrorCode::invalid_argument, "policy.questions[" + std::to_string(i) + "].scale_max",
                        "an answer scale needs at least two points (1.." + std::to_string(q.scale_max) + ")");
        card.criteria.push_back(Criterion{
            .id = q.id,
            .name = q.text,
            .weight = q.weight,
            .function = Linear{.lo = Decimal{1},
                               .hi = Decimal{q.scale_max},
                               .at_lo = Score{0},
                               .at_hi = Score{100},
                               .out_of_range = OutOfRange::reject},
            .missing = policy.unanswered,
        });
    }
    validate(card);
    return card;
}

}  // namespace crm::scoring
