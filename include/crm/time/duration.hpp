#pragma once
/// \file
/// crm::Duration<Unit>: a signed whole number of one unit of time, with exact, checked
/// arithmetic. crm::Days (whole days) and crm::Minutes (whole minutes) are its two instances:
/// one template, two types that never mix (Days + Minutes does not compile, nor does a bare
/// number added to either). Proven by tests/time/date_test.cpp and time_of_day_test.cpp.

#include <crm/export.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string_view>

namespace crm {

namespace detail {
/// Throw crm::Error(overflow) naming `field`; out of line so that the constexpr callers stay
/// small. Defined in src/time/duration.cpp.
[[noreturn]] CRM_EXPORT void throw_duration_overflow(std::string_view field, std::string_view message);

/// True when `a * b` does not fit an int64 (CERT INT32-C).
[[nodiscard]] constexpr bool multiplication_overflows(std::int64_t a, std::int64_t b) noexcept {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    if (a > 0) return b > 0 ? a > max / b : b < min / a;
    if (b > 0) return a < min / b;
    return a != 0 && b < max / a;
}
}  // namespace detail

/// The unit of crm::Days: `field` names it in errors, `one` and `many` print it.
struct CRM_EXPORT DayUnit {
    static constexpr std::string_view field = "days";  ///< the field an overflow error names
    static constexpr std::string_view one = "day";     ///< printed after 1 and -1
    static constexpr std::string_view many = "days";   ///< printed after any other count
};
/// The unit of crm::Minutes.
struct CRM_EXPORT MinuteUnit {
    static constexpr std::string_view field = "minutes";  ///< the field an overflow error names
    static constexpr std::string_view one = "minute";     ///< printed after 1 and -1
    static constexpr std::string_view many = "minutes";   ///< printed after any other count
};

/// A signed number of whole `Unit`s. Zero by default. Arithmetic is exact and checked: a result
/// outside int64 throws crm::Error(overflow) naming the unit (`days`, `minutes`) rather than
/// wrapping. Scaling is by a count (`Days{7} * 4`); Duration * Duration has no meaning and does
/// not exist. Printed `30 days`, `1 day`, `90 minutes`.
template <class Unit>
class Duration {
public:
    constexpr Duration() noexcept = default;
    /// `count` units (negative allowed).
    constexpr explicit Duration(std::int64_t count) noexcept : count_(count) {}

    /// `Minutes::hours(2)` is 120 minutes (Minutes only). Throws overflow naming `hours`.
    [[nodiscard]] static constexpr Duration hours(std::int64_t h) requires std::same_as<Unit, MinuteUnit> {
        if (detail::multiplication_overflows(h, 60))
            detail::throw_duration_overflow("hours", "too many hours");
        return Duration{h * 60};
    }

    /// The signed number of units.
    [[nodiscard]] constexpr std::int64_t count() const noexcept { return count_; }

    /// Memberwise equality.
    friend constexpr bool operator==(Duration, Duration) noexcept = default;
    /// Numeric order of the counts.
    friend constexpr std::strong_ordering operator<=>(Duration, Duration) noexcept = default;

    /// Unary plus: the duration unchanged.
    [[nodiscard]] constexpr Duration operator+() const noexcept { return *this; }
    /// The negated duration; throws overflow for the most negative count.
    [[nodiscard]] constexpr Duration operator-() const {
        if (count_ == std::numeric_limits<std::int64_t>::min())
            detail::throw_duration_overflow(Unit::field, "negation overflows");
        return Duration{-count_};
    }
    /// Exact sum; throws overflow naming the unit outside int64.
    [[nodiscard]] friend constexpr Duration operator+(Duration a, Duration b) {
        constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
        constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
        if (b.count_ > 0 ? a.count_ > max - b.count_ : a.count_ < min - b.count_)
            detail::throw_duration_overflow(Unit::field, "sum overflows");
        return Duration{a.count_ + b.count_};
    }
    /// Exact difference; throws overflow naming the unit outside int64.
    [[nodiscard]] friend constexpr Duration operator-(Duration a, Duration b) {
        constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
        constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
        if (b.count_ < 0 ? a.count_ > max + b.count_ : a.count_ < min + b.count_)
            detail::throw_duration_overflow(Unit::field, "difference overflows");
        return Duration{a.count_ - b.count_};
    }
    /// `k` times the duration; throws overflow naming the unit outside int64.
    [[nodiscard]] friend constexpr Duration operator*(Duration a, std::int64_t k) {
        if (detail::multiplication_overflows(a.count_, k))
            detail::throw_duration_overflow(Unit::field, "product overflows");
        return Duration{a.count_ * k};
    }
    /// As `a * k`.
    [[nodiscard]] friend constexpr Duration operator*(std::int64_t k, Duration a) { return a * k; }

    /// Adds `b` in place; throws as `+` does.
    constexpr Duration& operator+=(Duration b) { return *this = *this + b; }
    /// Subtracts `b` in place; throws as `-` does.
    constexpr Duration& operator-=(Duration b) { return *this = *this - b; }
    /// Multiplies by `k` in place; throws as `*` does.
    constexpr Duration& operator*=(std::int64_t k) { return *this = *this * k; }

private:
    std::int64_t count_ = 0;
};

/// A signed number of whole days (a duration; crm::Date is the point).
using Days = Duration<DayUnit>;
/// A signed number of whole minutes (a duration; crm::TimeOfDay is the point).
using Minutes = Duration<MinuteUnit>;

/// `30 days`, `1 day`, `-1 day`, `0 days`; `90 minutes`, `1 minute`.
template <class Unit>
std::ostream& operator<<(std::ostream& os, Duration<Unit> d);
/// Prints a number of days: `30 days`, `1 day`.
extern template std::ostream& operator<<(std::ostream& os, Duration<DayUnit> d);
/// Prints a number of minutes: `90 minutes`, `1 minute`.
extern template std::ostream& operator<<(std::ostream& os, Duration<MinuteUnit> d);

}  // namespace crm
