#pragma once
/// \file
/// Planning periods (month, quarter, half-year, year) on calendar or fiscal years, the rolling
/// window (滚动计划), and month arithmetic with our own month-end rule.
///
/// - crm::Period is a whole number of calendar months, aligned to a fiscal calendar: a month, a
///   quarter (3 months), a half-year (半年度, 6 months) or a year (12 months) of a fiscal year
///   that starts on the 1st of any month (`fy_start_month`, 1 = January = the calendar year).
/// - A fiscal year is named by the calendar year in which it starts: with an April start,
///   FY2024 is 2024-04-01..2025-03-31 and FY2024-Q1 is 2024-04-01..2024-06-30.
/// - crm::add_months clamps the day to the target month's length (2024-01-31 + 1 month =
///   2024-02-29) and never snaps a month end to a month end (2024-02-29 + 1 month = 2024-03-29),
///   unlike Boost's `months()`.
///
/// Malformed input (month 13, quarter 5, half 3, fy_start_month 0) throws
/// crm::Error(invalid_argument) naming the field; a period or a month past 1400-01..9999-12
/// throws crm::Error(overflow). Proven by tests/time/period_test.cpp; see docs/periods.md.
///
/// ```cpp
/// auto q = crm::Period::containing(crm::Date(2024, 2, 15), crm::PeriodKind::quarter, 4);
/// // q.to_string() == "FY2023-Q4", q.first() == 2024-01-01, q.last() == 2024-03-31
/// auto plan = crm::rolling_window(crm::Date(2024, 11, 20));  // 2024-11, 2024-12, 2025-01
/// ```

#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

/// The length of a period. Ordered from the shortest to the longest.
enum class PeriodKind : std::uint8_t {
    month,      ///< one calendar month (月度)
    quarter,    ///< three months (季度)
    half_year,  ///< six months (半年度)
    year,       ///< twelve months (年度)
};

/// The enumerator's name: "month", "quarter", "half_year", "year".
[[nodiscard]] CRM_EXPORT std::string_view to_string(PeriodKind kind) noexcept;
/// Prints to_string(kind).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, PeriodKind kind);

/// How many calendar months a period of `kind` spans: 1, 3, 6 or 12 (0 for a value that is
/// not an enumerator).
[[nodiscard]] constexpr unsigned months_in(PeriodKind kind) noexcept {
    switch (kind) {
    case PeriodKind::month: return 1;
    case PeriodKind::quarter: return 3;
    case PeriodKind::half_year: return 6;
    case PeriodKind::year: return 12;
    }
    return 0;
}

/// A month, quarter, half-year or year of a calendar or fiscal year: the days first()..last(),
/// both included.
///
/// Invariants: first() is the 1st of a month, last() the last day of the month
/// months_in(kind()) - 1 months later; the period is aligned to its fiscal calendar (a quarter
/// starts 0, 3, 6 or 9 months after the fiscal year's start month); every day lies in
/// 1400-01-01..9999-12-31. The default is the month 1970-01 of the calendar year, a meaningful
/// zero like Date's default. No allocation: a Period is 12 trivially copyable bytes.
///
/// A fiscal year starting in month S (`fy_start_month`, 1..12) is named by the calendar year in
/// which it starts: with S = 4, FY2023 is 2023-04-01..2024-03-31, so 2024-02-15 lies in
/// FY2023-Q4. With S = 1 the fiscal year is the calendar year and labels carry no "FY".
///
/// Two periods are equal when they have the same kind, the same days and the same
/// fy_start_month (the calendar quarter 2024-Q1 and FY2023-Q4 of an April calendar cover the
/// same days but are different periods: their labels and indexes differ). They are ordered by
/// first day, then kind (month < quarter < half_year < year), then fy_start_month.
class CRM_EXPORT Period {
public:
    /// The month 1970-01 of the calendar year (fy_start_month 1).
    constexpr Period() noexcept = default;

    /// The calendar month `year`-`month`, e.g. `Period::month(2024, 3)` = "2024-03" =
    /// 2024-03-01..2024-03-31. `fy_start_month` only says which fiscal calendar the month
    /// belongs to (for fiscal_year() and index()); `year` is always the calendar year.
    /// Throws invalid_argument naming "month" or "fy_start_month"; overflow naming "year"
    /// outside 1400..9999.
    [[nodiscard]] static Period month(int year, unsigned month, unsigned fy_start_month = 1);
    /// Quarter `q` (1..4) of fiscal year `fiscal_year`: `quarter(2024, 1)` =
    /// 2024-01-01..2024-03-31; `quarter(2024, 1, 4)` = "FY2024-Q1" = 2024-04-01..2024-06-30.
    /// Throws invalid_argument naming "quarter" or "fy_start_month"; overflow naming
    /// "fiscal_year" when a day of the quarter falls outside 1400-01-01..9999-12-31.
    [[nodiscard]] static Period quarter(int fiscal_year, unsigned q, unsigned fy_start_month = 1);
    /// Half `half` (1..2) of fiscal year `fiscal_year`: `half_year(2025, 2)` =
    /// 2025-07-01..2025-12-31. Throws invalid_argument naming "half" or "fy_start_month"; overflow naming
    /// "fiscal_year" past the date range.
    [[nodiscard]] static Period half_year(int fiscal_year, unsigned half, unsigned fy_start_month = 1);
    /// The fiscal year `fiscal_year`: `year(2024, 4)` = "FY2024" = 2024-04-01..2025-03-31.
    /// Throws invalid_argument naming "fy_start_month"; overflow naming "fiscal_year" past the
    /// date range (with an April start, FY9999 would end in 10000).
    [[nodiscard]] static Period year(int fiscal_year, unsigned fy_start_month = 1);

    /// The period of `kind` on the fiscal calendar starting in `fy_start_month` that contains
    /// `d`. Throws invalid_argument naming "kind" or "fy_start_month"; overflow naming "date"
    /// when that period reaches past 1400-01-01..9999-12-31 (FY9999-Q4 of a February calendar
    /// would end in 10000-01).
    [[nodiscard]] static Period containing(Date d, PeriodKind kind, unsigned fy_start_month = 1);

    /// Whether the period is a month, quarter, half-year or year.
    [[nodiscard]] constexpr PeriodKind kind() const noexcept { return kind_; }
    /// The first day, always the 1st of a month.
    [[nodiscard]] constexpr Date first() const noexcept { return first_; }
    /// The last day, always the last day of a month.
    [[nodiscard]] constexpr Date last() const noexcept { return last_; }
    /// The month (1..12) in which this period's fiscal year starts; 1 for calendar years.
    [[nodiscard]] constexpr unsigned fy_start_month() const noexcept { return fy_start_month_; }

    /// True when first() <= d <= last().
    [[nodiscard]] constexpr bool contains(Date d) const noexcept { return first_ <= d && d <= last_; }
    /// The number of days, both ends included: 91 for 2024-Q1 (31 + 29 + 31).
    [[nodiscard]] constexpr Days days() const noexcept { return Days{last_.serial() - first_.serial() + 1}; }

    /// The fiscal year this period belongs to, named by the calendar year in which it starts
    /// (the calendar year itself when fy_start_month() is 1).
    [[nodiscard]] int fiscal_year() const noexcept;
    /// The position inside the fiscal year: quarter 1..4, half 1..2, month of the fiscal year
    /// 1..12 (April is month 1 of an April calendar); 1 for a year.
    [[nodiscard]] unsigned index() const noexcept;

    /// The period of the same kind and calendar right after this one: next of 2024-Q4 is
    /// 2025-Q1. Throws overflow naming "period" past 9999-12-31.
    [[nodiscard]] Period next() const;
    /// The period of the same kind and calendar right before this one: previous of 2024-01 is
    /// 2023-12. Throws overflow naming "period" before 1400-01-01.
    [[nodiscard]] Period previous() const;

    /// The months of this period in order, on the same fiscal calendar (1, 3, 6 or 12 of
    /// them); they tile the period exactly. The one function here, with rolling_window, that
    /// allocates.
    [[nodiscard]] std::vector<Period> months() const;

    /// The label: "2024-03" (a month, on any calendar), "2024-Q1", "2024-H1", "2024" on the
    /// calendar year; "FY2024-Q1", "FY2024-H2", "FY2024" on a fiscal year not starting in
    /// January. At most 9 characters, so it fits the small-string buffer (no allocation).
    [[nodiscard]] std::string to_string() const;

    /// Memberwise equality.
    friend constexpr bool operator==(const Period&, const Period&) noexcept = default;
    /// By first day, then kind, then fy_start_month (last() follows from those).
    friend constexpr std::strong_ordering operator<=>(const Period&, const Period&) noexcept = default;

private:
    constexpr Period(PeriodKind kind, Date first, Date last, unsigned fy_start_month) noexcept
        : first_(first),
          kind_(kind),
          fy_start_month_(static_cast<std::uint8_t>(fy_start_month)),
          last_(last) {}

    // The period of `kind` whose first month is `first_month` (year * 12 + month - 1); throws
    // overflow naming `field` when any of its months lies outside 1400-01..9999-12.
    [[nodiscard]] static Period from_first_month(PeriodKind kind, std::int64_t first_month,
                                                 unsigned fy_start_month, std::string_view field);

    // Member order is the comparison order.
    Date first_{};  // 1970-01-01
    PeriodKind kind_ = PeriodKind::month;
    std::uint8_t fy_start_month_ = 1;    // 1..12
    Date last_ = Date::from_serial(30);  // 1970-01-31
};

/// The label, as Period::to_string().
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Period& p);

/// The rolling plan (滚动计划): the month containing `as_of` and the `months` - 1 months after it,
/// in order; by default the current month and the next two (at 2024-11-20: 2024-11, 2024-12,
/// 2025-01). The months belong to the fiscal calendar starting in `fy_start_month`.
/// Throws invalid_argument naming "months" unless 1 <= months <= 24, or "fy_start_month";
/// overflow naming "months" when the window reaches past 9999-12.
[[nodiscard]] CRM_EXPORT std::vector<Period> rolling_window(Date as_of, int months = 3,
                                                            unsigned fy_start_month = 1);

/// `d` moved by `months` calendar months (negative: back), the day clamped to the target month's
/// length: 2024-01-31 + 1 = 2024-02-29, 2023-01-31 + 1 = 2023-02-28, 2024-03-31 - 1 =
/// 2024-02-29, 2024-02-29 + 12 = 2025-02-28. A month end is not snapped to a month end
/// (2024-02-29 + 1 = 2024-03-29, where Boost's `months(1)` gives 2024-03-31). Throws
/// overflow naming "months" when the target month is outside 1400-01..9999-12.
[[nodiscard]] CRM_EXPORT Date add_months(Date d, int months);

/// The last day of `d`'s month: 2024-02-10 -> 2024-02-29 (the same as last_day_of_month).
[[nodiscard]] CRM_EXPORT Date end_of_month(Date d);

}  // namespace crm

template <>
/// Hashes crm::Period by its first day, kind and fiscal start month (what makes two periods equal), so it can
/// key an unordered container.
struct std::hash<crm::Period> {
    /// The hash of `p`.
    std::size_t operator()(const crm::Period& p) const noexcept {
        // The first day, kind and fiscal start identify a period (last() follows from them).
        const auto key = static_cast<std::uint64_t>(p.first().serial() - crm::Date::min_serial) << 8 |
                         static_cast<std::uint64_t>(p.kind()) << 4 | p.fy_start_month();
        return std::hash<std::uint64_t>{}(key);
    }
};
