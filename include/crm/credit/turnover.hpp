#pragma once
/// \file
/// Receivable turnover (应收账款周转率), turnover days (应收账款周转天数) and days sales
/// outstanding (DSO), docs/domain.md section 4. Every figure is computed exactly and divided
/// once, at the end, to the scale asked for; a zero denominator gives a defined, documented
/// answer instead of a division by zero. Proven by tests/credit/turnover_test.cpp.
///
/// ```cpp
/// using namespace crm::credit;
/// auto avg = average_of_opening_and_closing(crm::Money{"1000000", "CNY"}, crm::Money{"1400000", "CNY"});
/// auto times = receivable_turnover(crm::Money{"7200000", "CNY"}, avg);           // 6.00
/// auto days = turnover_days(crm::Period::year(2024), crm::Money{"7200000", "CNY"}, avg);  // 61.00
/// ```

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>
#include <crm/time/period.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>

namespace crm::credit {

/// An average receivable balance kept exact, as a sum and a count: (opening + closing) / 2 is
/// `{opening + closing, 2}`; the mean of twelve month-end balances is `{their sum, 12}`. The
/// turnover figures divide by it only at the end, so nothing is rounded twice.
/// Invariants (the factories check them): sum >= 0, count >= 1. Proven by
/// tests/credit/turnover_test.cpp.
struct CRM_EXPORT AverageBalance {
    Money sum;               ///< the sum of the balances averaged, >= 0
    std::int64_t count = 1;  ///< how many balances were summed, >= 1; default 1

    /// sum / count rounded to the currency's minor unit (for display).
    [[nodiscard]] Money value(RoundingMode mode = RoundingMode::half_up) const;
    /// True when the average is zero (nothing outstanding).
    [[nodiscard]] bool is_zero() const noexcept { return sum.is_zero(); }

    /// Memberwise equality.
    friend bool operator==(const AverageBalance&, const AverageBalance&) = default;
};
/// Prints the rounded average, then the sum and count: `CNY 1,200,000.00 (CNY 2,400,000.00 / 2)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const AverageBalance& a);

/// `{opening + closing, 2}`. Throws crm::Error naming `opening` or `closing` (negative,
/// invalid_argument) or currency_mismatch.
[[nodiscard]] CRM_EXPORT AverageBalance average_of_opening_and_closing(const Money& opening,
                                                                       const Money& closing);
/// `{sum of the balances, their count}`. Throws crm::Error naming `month_ends` (empty,
/// invalid_argument), `month_ends[i]` (negative) or currency_mismatch.
[[nodiscard]] CRM_EXPORT AverageBalance average_of_month_ends(std::span<const Money> month_ends);

/// Receivable turnover, times per period = revenue / average balance, rounded to `scale`
/// places. Revenue CNY 7,200,000 over an average of CNY 1,200,000: 6.00.
/// Zero average balance: not given (std::nullopt): with nothing outstanding the money turns
/// over without bound. Zero revenue with a balance: 0.
/// Throws crm::Error naming `revenue` (negative, invalid_argument) or currency_mismatch.
[[nodiscard]] CRM_EXPORT std::optional<Decimal> receivable_turnover(
    const Money& revenue, const AverageBalance& average, int scale = 2,
    RoundingMode mode = RoundingMode::half_up);

/// Turnover days = days in the period / turnover = days x average / revenue, computed in one
/// division and rounded to `scale` places. 366 days of 2024, revenue 7,200,000, average
/// 1,200,000: 366 x 1,200,000 / 7,200,000 = 61.00.
/// Zero average balance: 0 (nothing outstanding, whatever the revenue). Zero revenue with a
/// balance: not given (std::nullopt): the balance never turns over.
/// Throws crm::Error naming `revenue` or `days` (negative) or currency_mismatch.
[[nodiscard]] CRM_EXPORT std::optional<Decimal> turnover_days(Days days_in_period, const Money& revenue,
                                                              const AverageBalance& average, int scale = 2,
                                                              RoundingMode mode = RoundingMode::half_up);
/// As above with `period.days()` (both ends included: 91 for 2024-Q1).
[[nodiscard]] CRM_EXPORT std::optional<Decimal> turnover_days(const Period& period, const Money& revenue,
                                                              const AverageBalance& average, int scale = 2,
                                                              RoundingMode mode = RoundingMode::half_up);

/// Simple DSO = closing receivables / revenue x days. Closing 1,500,000, quarter revenue
/// 4,550,000 over 91 days: 1,500,000 x 91 / 4,550,000 = 30.00.
/// Zero closing balance: 0. Zero revenue with a balance: not given (std::nullopt).
/// Throws crm::Error naming `closing`, `revenue` or `days` (negative) or currency_mismatch.
[[nodiscard]] CRM_EXPORT std::optional<Decimal> dso_simple(const Money& closing, const Money& revenue,
                                                           Days days, int scale = 2,
                                                           RoundingMode mode = RoundingMode::half_up);

/// One month's revenue, for the count-back method. Proven by tests/credit/turnover_test.cpp.
struct CRM_EXPORT MonthlyRevenue {
    Period month;   ///< a month (PeriodKind::month)
    Money revenue;  ///< the month's revenue (销售收入), >= 0

    /// Memberwise equality.
    friend bool operator==(const MonthlyRevenue&, const MonthlyRevenue&) = default;
};

/// Count-back DSO: starting from the latest month, whole months whose revenue the closing
/// balance still covers count all their days; the month that covers the rest counts the
/// share rest / revenue of its days. Closing 250,000; December revenue 100,000 (31 days),
/// November 120,000 (30 days), October 90,000 (31 days): 31 + 30 + 30,000 / 90,000 x 31 =
/// 71.33. A month of zero revenue counts all its days.
/// `months` are consecutive calendar months in chronological order (the latest last).
/// Zero closing balance: 0. A balance beyond all the revenue given: not given (std::nullopt),
/// the history is too short to count back. Throws crm::Error naming `closing` (negative),
/// `months` (empty), `months[i].month` (not a month, or not the month after the previous:
/// inconsistent), `months[i].revenue` (negative) or currency_mismatch.
[[nodiscard]] CRM_EXPORT std::optional<Decimal> dso_count_back(const Money& closing,
                                                               std::span<const MonthlyRevenue> months,
                                                               int scale = 2,
                                                               RoundingMode mode = RoundingMode::half_up);

}  // namespace crm::credit
