#pragma once
/// \file
/// Which side of a threshold its own number falls on. Chinese policy and contract texts read
/// thresholds the way the Civil Code does (article 1259): 以上, 以下, 以内 and 届满 include the
/// number itself; 超过, 不满 and 以外 exclude it. "折扣10%以上需总监审批" sends a discount of
/// exactly 10.00% to the director; "折扣超过10%" does not. Every threshold a policy states
/// carries a Boundary, and its explanation renders with the matching word (docs/core.md).
/// Proven by tests/core/threshold_test.cpp.

#include <crm/export.hpp>

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace crm {

/// Whether a threshold's own number belongs to the side it opens.
enum class Boundary {
    inclusive,  ///< 以上 / 以下 / 以内: the number itself counts ("10%以上" includes 10%)
    exclusive,  ///< 超过 / 不满: the number itself does not ("超过10%" starts after 10%)
};

/// "inclusive" or "exclusive".
[[nodiscard]] CRM_EXPORT std::string_view to_string(Boundary boundary) noexcept;
/// Prints to_string(boundary).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Boundary boundary);

/// True when `value` is at or beyond a lower threshold: `value >= threshold` when inclusive
/// (以上), `value > threshold` when exclusive (超过).
template <class T>
[[nodiscard]] constexpr bool reaches(const T& value, const T& threshold, Boundary boundary) {
    return boundary == Boundary::inclusive ? !(value < threshold) : threshold < value;
}

/// True when `value` is at or below an upper threshold: `value <= threshold` when inclusive
/// (以下 / 以内), `value < threshold` when exclusive (不满).
template <class T>
[[nodiscard]] constexpr bool within(const T& value, const T& threshold, Boundary boundary) {
    return boundary == Boundary::inclusive ? !(threshold < value) : value < threshold;
}

/// A lower threshold in words, the number already formatted: zh "10%以上" / "超过10%",
/// en "10% or more" / "more than 10%".
[[nodiscard]] CRM_EXPORT std::string describe_at_least(std::string_view number, Boundary boundary,
                                                       bool chinese);
/// An upper threshold in words: zh "30天以内" style is the caller's ("以下" is used here):
/// zh "10%以下" / "不满10%", en "10% or less" / "less than 10%".
[[nodiscard]] CRM_EXPORT std::string describe_at_most(std::string_view number, Boundary boundary,
                                                      bool chinese);

}  // namespace crm
