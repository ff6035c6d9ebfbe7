#include <crm/core/error.hpp>
#include <crm/credit/receivable.hpp>

#include <ostream>
#include <string>
#include <utility>

namespace crm::credit {

std::ostream& operator<<(std::ostream& os, const Receivable& r) {
    os << r.invoice;
    if (!r.account.empty()) os << " (" << r.account << ')';
    return os << ' ' << r.invoiced_on << " due " << r.due_on << " open " << r.open_amount;
}

void validate_rates(std::span<const FxRate> rates, Currency to, std::string_view field) {
    for (std::size_t i = 0; i < rates.size(); ++i) {
        const FxRate& r = rates[i];
        if (r.rate.signum() <= 0)
            detail::throw_item_error(ErrorCode::invalid_argument, field, i, "rate",
                                     "an exchange rate is positive");
        if (r.from == to && r.rate != Decimal{1})
            detail::throw_item_error(ErrorCode::inconsistent, field, i, "rate",
                                     "the rate of the target currency into itself is 1");
        for (std::size_t j = 0; j < i; ++j)
            if (rates[j].from == r.from)
                detail::throw_item_error(
                    ErrorCode::duplicate, field, i, "from",
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

namespace detail {
void check_receivable_fully(const Receivable& r, std::string_view prefix, std::size_t index) {
    if (r.open_amount.signum() < 0)
        throw_item_error(ErrorCode::invalid_argument, prefix, index, "open_amount",
                         "an open amount cannot be negative (net credit notes before the snapshot)");
    if (r.due_on < r.invoiced_on)
        throw_item_error(ErrorCode::inconsistent, prefix, index, "due_on",
                         "the due date is before the invoice date");
    if (!whole_minor_units(r.open_amount))
        throw_item_error(ErrorCode::invalid_argument, prefix, index, "open_amount",
                         "an open amount is a whole number of the currency's minor units");
}

void throw_item_error(ErrorCode code, std::string_view prefix, std::size_t index, std::string_view member,
                      std::string_view message) {
    std::string field(prefix);
    field += '[';
    field += std::to_string(index);
    field += ']';
    if (!member.empty()) {
        field += '.';
        field += member;
    }
    throw Error(code, std::move(field), std::string(message));
}
}  // namespace detail

}  // namespace crm::credit
