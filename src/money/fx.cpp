#include <crm/core/error.hpp>
#include <crm/money/fx.hpp>

#include <string>

namespace crm {

namespace {

[[noreturn]] void rate_error(ErrorCode code, std::string_view field, std::size_t index,
                             std::string_view member, std::string message) {
    throw Error(code, std::string(field) + "[" + std::to_string(index) + "]." + std::string(member),
                std::move(message));
}

}  // namespace

void validate_rates(std::span<const FxRate> rates, Currency to, std::string_view field) {
    for (std::size_t i = 0; i < rates.size(); ++i) {
        const FxRate& r = rates[i];
        if (r.rate.signum() <= 0)
            rate_error(ErrorCode::invalid_argument, field, i, "rate", "an exchange rate is positive");
        if (r.from == to && r.rate != Decimal{1})
            rate_error(ErrorCode::inconsistent, field, i, "rate",
                       "the rate of the target currency into itself is 1");
        for (std::size_t j = 0; j < i; ++j)
            if (rates[j].from == r.from)
                rate_error(ErrorCode::duplicate, field, i, "from",
                           "a currency has at most one rate (" + std::string(r.from.code()) + ")");
    }
}

Money in_currency(const Money& m, Currency to, std::span<const FxRate> rates, RoundingMode mode,
                  std::string_view field) {
    if (m.currency() == to) return m;
    for (const FxRate& r : rates)
        if (r.from == m.currency()) return convert(m, to, r.rate, mode);
    throw Error(
        ErrorCode::not_found, std::string(field) + "." + std::string(m.currency().code()),
        "no exchange rate from " + std::string(m.currency().code()) + " to " + std::string(to.code()));
}

}  // namespace crm
