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

namespace detail {
void check_receivable_fully(const Receivable& r, std::string_view prefix, std::size_t index,
                            bool allow_credit) {
    if (r.open_amount.signum() < 0 && !allow_credit)
        throw_item_error(ErrorCode::invalid_argument, prefix, index, "open_amount",
                         "an open amount cannot be negative here (declare how credits are treated, or net "
                         "credit notes before the snapshot)");
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
