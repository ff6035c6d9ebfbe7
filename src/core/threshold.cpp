#include <crm/core/threshold.hpp>

#include <ostream>

namespace crm {

std::string_view to_string(Boundary boundary) noexcept {
    switch (boundary) {
    case Boundary::inclusive: return "inclusive";
    case Boundary::exclusive: return "exclusive";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Boundary boundary) { return os << to_string(boundary); }

std::string describe_at_least(std::string_view number, Boundary boundary, bool chinese) {
    const std::string n(number);
    if (chinese) return boundary == Boundary::inclusive ? n + "以上" : "超过" + n;
    return boundary == Boundary::inclusive ? n + " or more" : "more than " + n;
}

std::string describe_at_most(std::string_view number, Boundary boundary, bool chinese) {
    const std::string n(number);
    if (chinese) return boundary == Boundary::inclusive ? n + "以下" : "不满" + n;
    return boundary == Boundary::inclusive ? n + " or less" : "less than " + n;
}

}  // namespace crm
