#include <crm/core/error.hpp>
#include <crm/time/period.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>

namespace crm {

namespace {

// Months are counted as year * 12 + (month - 1): 1400-01 is 16,800, 9999-12 is 119,999.
constexpr std::int64_t first_supported_month = std::int64_t{1400} * 12;
constexpr std::int64_t last_supported_month = std::int64_t{9999} * 12 + 11;

std::int64_t month_count(int year, unsigned month) noexcept {
    return std::int64_t{year} * 12 + std::int64_t{month} - 1;
}
std::int64_t month_count(Date d) noexcept {
    const YearMonthDay ymd = d.year_month_day();
    return month_count(ymd.year, ymd.month);
}
// Only for counts inside the supported range (non-negative), so / and % are floor operations.
int year_of(std::int64_t months) noexcept { return static_cast<int>(months / 12); }
unsigned month_of(std::int64_t months) noexcept { return static_cast<unsigned>(months % 12) + 1; }

bool supported(std::int64_t months) noexcept {
    return months >= first_supported_month && months <= last_supported_month;
}

// The first day of the month `months`, which must be supported.
Date first_day(std::int64_t months) { return Date(year_of(months), month_of(months), 1); }
Date last_day(std::int64_t months) {
    const int y = year_of(months);
    const unsigned m = month_of(months);
    return Date(y, m, days_in_month(y, m));
}

[[noreturn]] void invalid(std::string_view field, std::string message) {
    throw Error(ErrorCode::invalid_argument, std::string(field), std::move(message));
}

void check_fy_start_month(unsigned fy_start_month) {
    if (fy_start_month < 1 || fy_start_month > 12)
        invalid("fy_start_month",
                "a fiscal year starts in month 1..12, not " + std::to_string(fy_start_month));
}

// How far a period's first month lies past its fiscal year's first month, in months (0..11).
unsigned months_into_fiscal_year(std::int64_t months, unsigned fy_start_month) noexcept {
    return static_cast<unsigned>((months - (fy_start_month - 1)) % 12);
}

}  // namespace

std::string_view to_string(PeriodKind kind) noexcept {
    switch (kind) {
    case PeriodKind::month: return "month";
    case PeriodKind::quarter: return "quarter";
    case PeriodKind::half_year: return "half_year";
    case PeriodKind::year: return "year";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, PeriodKind kind) { return os << to_string(kind); }

Period Period::from_first_month(PeriodKind kind, std::int64_t first_month, unsigned fy_start_month,
                                std::string_view field) {
    const std::int64_t last_month = first_month + months_in(kind) - 1;
    if (!supported(first_month) || !supported(last_month))
        throw Error(ErrorCode::overflow, std::string(field),
                    "the " + std::string(crm::to_string(kind)) + " lies outside 1400-01-01..9999-12-31");
    return Period(kind, first_day(first_month), last_day(last_month), fy_start_month);
}

Period Period::month(int year, unsigned month, unsigned fy_start_month) {
    check_fy_start_month(fy_start_month);
    if (month < 1 || month > 12) invalid("month", "a month is 1..12, not " + std::to_string(month));
    return from_first_month(PeriodKind::month, month_count(year, month), fy_start_month, "year");
}

Period Period::quarter(int fiscal_year, unsigned q, unsigned fy_start_month) {
    check_fy_start_month(fy_start_month);
    if (q < 1 || q > 4) invalid("quarter", "a quarter is 1..4, not " + std::to_string(q));
    return from_first_month(PeriodKind::quarter, month_count(fiscal_year, fy_start_month) + (q - 1) * 3,
                            fy_start_month, "fiscal_year");
}

Period Period::half_year(int fiscal_year, unsigned half, unsigned fy_start_month) {
    check_fy_start_month(fy_start_month);
    if (half < 1 || half > 2) invalid("half", "a half-year is 1..2, not " + std::to_string(half));
    return from_first_month(PeriodKind::half_year, month_count(fiscal_year, fy_start_month) + (half - 1) * 6,
                            fy_start_month, "fiscal_year");
}

Period Period::year(int fiscal_year, unsigned fy_start_month) {
    check_fy_start_month(fy_start_month);
    return from_first_month(PeriodKind::year, month_count(fiscal_year, fy_start_month), fy_start_month,
                            "fiscal_year");
}

Period Period::containing(Date d, PeriodKind kind, unsigned fy_start_month) {
    check_fy_start_month(fy_start_month);
    const unsigned length = months_in(kind);
    if (length == 0) invalid("kind", "not a PeriodKind");
    const std::int64_t months = month_count(d);
    // Step back to the period's first month: its offset into the fiscal year is a multiple
    // of the period's length.
    const unsigned into = months_into_fiscal_year(months, fy_start_month);
    return from_first_month(kind, months - into % length, fy_start_month, "date");
}

int Period::fiscal_year() const noexcept {
    const std::int64_t months = month_count(first_);
    return year_of(months - months_into_fiscal_year(months, fy_start_month_));
}

unsigned Period::index() const noexcept {
    return months_into_fiscal_year(month_count(first_), fy_start_month_) / months_in(kind_) + 1;
}

Period Period::next() const {
    return from_first_month(kind_, month_count(first_) + months_in(kind_), fy_start_month_, "period");
}

Period Period::previous() const {
    return from_first_month(kind_, month_count(first_) - months_in(kind_), fy_start_month_, "period");
}

std::vector<Period> Period::months() const {
    std::vector<Period> result;
    result.reserve(months_in(kind_));
    // Walk by dates: each month starts the day after the previous one ends. The walk stops at
    // the last month without stepping past it (the day after 9999-12-31 does not exist).
    const unsigned count = months_in(kind_);
    Date first = first_;
    for (unsigned i = 1;; ++i) {
        const Date last = last_day_of_month(first);
        result.push_back(Period(PeriodKind::month, first, last, fy_start_month_));
        if (i == count) break;
        first = last + Days{1};
    }
    return result;
}

std::string Period::to_string() const {
    if (kind_ == PeriodKind::month) {
        const YearMonthDay ymd = first_.year_month_day();
        const unsigned m = ymd.month;
        return std::to_string(ymd.year) + '-' + static_cast<char>('0' + m / 10) +
               static_cast<char>('0' + m % 10);
    }
    std::string label = fy_start_month_ == 1 ? std::string() : std::string("FY");
    label += std::to_string(fiscal_year());
    if (kind_ == PeriodKind::quarter) {
        label += "-Q";
        label += static_cast<char>('0' + index());
    } else if (kind_ == PeriodKind::half_year) {
        label += "-H";
        label += static_cast<char>('0' + index());
    }
    return label;
}

std::ostream& operator<<(std::ostream& os, const Period& p) { return os << p.to_string(); }

std::vector<Period> rolling_window(Date as_of, int months, unsigned fy_start_month) {
    if (months < 1 || months > 24)
        invalid("months", "a rolling window spans 1..24 months, not " + std::to_string(months));
    check_fy_start_month(fy_start_month);
    if (month_count(as_of) + months - 1 > last_supported_month)
        throw Error(ErrorCode::overflow, "months", "the rolling window reaches past 9999-12");
    std::vector<Period> window;
    window.reserve(static_cast<std::size_t>(months));
    window.push_back(Period::containing(as_of, PeriodKind::month, fy_start_month));
    while (window.size() < static_cast<std::size_t>(months)) window.push_back(window.back().next());
    return window;
}

Date add_months(Date d, int months) {
    const YearMonthDay ymd = d.year_month_day();
    const std::int64_t target = month_count(ymd.year, ymd.month) + months;
    if (!supported(target))
        throw Error(ErrorCode::overflow, "months",
                    std::to_string(months) + " months from " + d.to_string() + " leaves 1400-01..9999-12");
    const int y = year_of(target);
    const unsigned m = month_of(target);
    const unsigned length = days_in_month(y, m);
    return Date(y, m, ymd.day < length ? ymd.day : length);
}

Date end_of_month(Date d) { return last_day_of_month(d); }

}  // namespace crm
