#include <crm/scoring/account_tier.hpp>

namespace crm::scoring {

Scorecard account_tier_scorecard(const AccountTierPolicy& policy) {
    Scorecard card{
        .name = "account tier",
        .criteria = {policy.revenue, policy.growth, policy.gross_margin, policy.payment_days,
                     policy.strategic_fit, policy.satisfaction},
        .bands = policy.tiers,
        .score_places = policy.score_places,
        .rounding = policy.rounding,
    };
    validate(card);
    return card;
}

}  // namespace crm::scoring
