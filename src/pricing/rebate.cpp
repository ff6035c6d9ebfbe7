#include <crm/core/error.hpp>
#include <crm/pricing/rebate.hpp>

#include <string>

namespace crm::pricing {

namespace {

std::string tier_field(std::size_t i, const char* rest) { return "tiers[" + std::to_string(i) + "]." + rest; }

}  // namespace

void validate_rebate(const RebateScheme& scheme) {
    if (scheme.method != RebateMethod::retroactive && scheme.method != RebateMethod::incremental)
        throw Error(ErrorCode::invalid_argument, "method", "not a rebate method");
    switch (scheme.rounding) {
    case RoundingMode::half_even:
    case RoundingMode::half_up:
    case RoundingMode::half_down:
    case RoundingMode::up:
    case RoundingMode::down:
    case RoundingMode::ceiling:
    case RoundingMode::floor: break;
    default: throw Error(ErrorCode::invalid_argument, "rounding", "not a rounding mode");
    }
    if (scheme.tiers.empty())
        throw Error(ErrorCode::invalid_argument, "tiers", "a rebate scheme needs a tier");
    for (std::size_t i = 0; i < scheme.tiers.size(); ++i) {
        const RebateTier& t = scheme.tiers[i];
        if (t.from.currency() != scheme.currency)
            throw Error(ErrorCode::currency_mismatch, tier_field(i, "from"), "not in the scheme's currency");
        if (t.from.signum() < 0)
            throw Error(ErrorCode::invalid_argument, tier_field(i, "from"), "must not be negative");
        if (i > 0 && t.from <= scheme.tiers[i - 1].from)
            throw Error(ErrorCode::invalid_argument, tier_field(i, "from"),
                        "must be above the previous tier");
        if (t.rate.value().signum() < 0 || t.rate.value() > Decimal{100})
            throw Error(ErrorCode::invalid_argument, tier_field(i, "rate"), "must be 0..100%");
    }
}

RebateAccrual accrue_rebate(const RebateScheme& scheme, const Money& volume_to_date) {
    validate_rebate(scheme);
    if (volume_to_date.currency() != scheme.currency)
        throw Error(ErrorCode::currency_mismatch, "volume_to_date", "not in the scheme's currency");
    if (volume_to_date.signum() < 0)
        throw Error(ErrorCode::invalid_argument, "volume_to_date", "must not be negative");
    RebateAccrual out;
    out.volume = volume_to_date;
    const auto& tiers = scheme.tiers;
    for (std::size_t i = 0; i < tiers.size() && volume_to_date >= tiers[i].from; ++i) out.tier = i;
    const std::size_t next = out.tier ? *out.tier + 1 : 0;
    if (next < tiers.size()) out.to_next_tier = tiers[next].from - volume_to_date;
    Money exact = Money::zero(scheme.currency);
    if (out.tier) {
        if (scheme.method == RebateMethod::retroactive) {
            exact = volume_to_date * tiers[*out.tier].rate;
        } else {
            for (std::size_t i = 0; i <= *out.tier; ++i) {
                const Money top = i + 1 <= *out.tier ? tiers[i + 1].from : volume_to_date;
                exact += (top - tiers[i].from) * tiers[i].rate;
            }
        }
    }
    out.accrued = round(exact, scheme.rounding);
    return out;
}

RebateAccrual accrue_rebate(const RebateScheme& scheme, std::span<const RebateSale> sales, Date year_start,
                            Date as_of) {
    if (as_of < year_start)
        throw Error(ErrorCode::invalid_argument, "as_of", "is before the start of the rebate year");
    Money volume = Money::zero(scheme.currency);
    for (std::size_t i = 0; i < sales.size(); ++i) {
        if (sales[i].amount.currency() != scheme.currency)
            throw Error(ErrorCode::currency_mismatch, "sales[" + std::to_string(i) + "].amount",
                        "not in the scheme's currency");
        if (sales[i].date >= year_start && sales[i].date <= as_of) volume += sales[i].amount;
    }
    return accrue_rebate(scheme, volume);
}

}  // namespace crm::pricing
