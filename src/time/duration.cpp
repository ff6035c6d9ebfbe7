#include <crm/core/error.hpp>
#include <crm/time/duration.hpp>

#include <ostream>
#include <string>

namespace crm {

namespace detail {
void throw_duration_overflow(std::string_view field, std::string_view message) {
    throw Error(ErrorCode::overflow, std::string(field), std::string(message));
}
}  // namespace detail

template <class Unit>
std::ostream& operator<<(std::ostream& os, Duration<Unit> d) {
    const bool one = d.count() == 1 || d.count() == -1;
    return os << d.count() << ' ' << (one ? Unit::one : Unit::many);
}

template std::ostream& operator<<(std::ostream& os, Duration<DayUnit> d);
template std::ostream& operator<<(std::ostream& os, Duration<MinuteUnit> d);

}  // namespace crm
