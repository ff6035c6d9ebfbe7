#include <crm/core/error.hpp>
#include <crm/money/rate.hpp>

#include <ostream>

namespace crm {

namespace {
// Moves the decimal point by `places` without touching the digits: exact for any value.
Decimal shift_point(const Decimal& d, int places, std::string_view field) {
    const long long exponent = static_cast<long long>(d.exponent()) + places;
    if (!d.is_zero() && (exponent + d.digits() - 1 > Decimal::max_exponent ||
                         exponent + d.digits() - 1 < Decimal::min_exponent))
        throw Error(ErrorCode::overflow, std::string(field), "exponent out of range");
    return Decimal::from_parts_unchecked(d.is_signed(), d.coefficient(), static_cast<int>(exponent));
}
}  // namespace

Percent Rate::percent() const { return Percent{shift_point(value_, 2, "rate")}; }
Rate Percent::rate() const { return Rate{shift_point(value_, -2, "percent")}; }

std::string to_string(const Percent& p) { return p.value().to_plain_string() + "%"; }
std::string to_string(const Rate& r) { return r.value().to_plain_string(); }
std::ostream& operator<<(std::ostream& os, const Percent& p) { return os << to_string(p); }
std::ostream& operator<<(std::ostream& os, const Rate& r) { return os << to_string(r); }

}  // namespace crm
