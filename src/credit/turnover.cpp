#include <crm/core/error.hpp>
#include <crm/credit/turnover.hpp>

#include <ostream>
#include <string>

namespace crm::credit {

namespace {

void require_non_negative(const Money& m, const std::string& field) {
    if (m.signum() < 0) throw Error(ErrorCode::invalid_argument, field, "cannot be negative");
}

void require_same_currency(const Money& m, Currency currency, const std::string& field) {
    if (m.currency() != currency)
        throw Error(
            ErrorCode::currency_mismatch, field,
            std::string(m.currency().code()) + " where " + std::string(currency.code()) + " is expected");
}

void check_average(const AverageBalance& a) {
    if (a.count < 1)
        throw Error(ErrorCode::invalid_argument, "average.count", "an average is over at least one balance");
    require_non_negative(a.sum, "average.sum");
}

Decimal zero_at(int scale) { return Decimal::scaled(0, -scale); }

}  // namespace

Money AverageBalance::value(RoundingMode mode) const { return divide(sum, Decimal{count}, mode); }

std::ostream& operator<<(std::ostream& os, const AverageBalance& a) {
    return os << a.value() << " (" << a.sum << " / " << a.count << ')';
}

AverageBalance average_of_opening_and_closing(const Money& opening, const Money& closing) {
    require_non_negative(opening, "opening");
    require_non_negative(closing, "closing");
    require_same_currency(closing, opening.currency(), "closing");
    return AverageBalance{opening + closing, 2};
}

AverageBalance average_of_month_ends(std::span<const Money> month_ends) {
    if (month_ends.empty())
        throw Error(ErrorCode::invalid_argument, "month_ends", "at least one month-end balance");
    Money sum = Money::zero(month_ends.front().currency());
    for (std::size_t i = 0; i < month_ends.size(); ++i) {
        const std::string field = "month_ends[" + std::to_string(i) + "]";
        require_non_negative(month_ends[i], field);
        require_same_currency(month_ends[i], sum.currency(), field);
        sum += month_ends[i];
    }
    return AverageBalance{sum, static_cast<std::int64_t>(month_ends.size())};
}

std::optional<Decimal> receivable_turnover(const Money& revenue, const AverageBalance& average, int scale,
                                           RoundingMode mode) {
    check_average(average);
    require_non_negative(revenue, "revenue");
    require_same_currency(revenue, average.sum.currency(), "revenue");
    if (average.is_zero()) return std::nullopt;
    // revenue / (sum / count) = revenue x count / sum: one division
    return divide(revenue.amount() * Decimal{average.count}, average.sum.amount(), scale, mode);
}

std::optional<Decimal> turnover_days(Days days_in_period, const Money& revenue, const AverageBalance& average,
                                     int scale, RoundingMode mode) {
    check_average(average);
    require_non_negative(revenue, "revenue");
    require_same_currency(revenue, average.sum.currency(), "revenue");
    if (days_in_period.count() < 0) throw Error(ErrorCode::invalid_argument, "days", "cannot be negative");
    if (average.is_zero()) return zero_at(scale);
    if (revenue.is_zero()) return std::nullopt;
    // days / (revenue x count / sum) = days x sum / (count x revenue)
    return divide(Decimal{days_in_period.count()} * average.sum.amount(),
                  Decimal{average.count} * revenue.amount(), scale, mode);
}

std::optional<Decimal> turnover_days(const Period& period, const Money& revenue,
                                     const AverageBalance& average, int scale, RoundingMode mode) {
    return turnover_days(period.days(), revenue, average, scale, mode);
}

std::optional<Decimal> dso_simple(const Money& closing, const Money& revenue, Days days, int scale,
                                  RoundingMode mode) {
    require_non_negative(closing, "closing");
    require_non_negative(revenue, "revenue");
    require_same_currency(revenue, closing.currency(), "revenue");
    if (days.count() < 0) throw Error(ErrorCode::invalid_argument, "days", "cannot be negative");
    if (closing.is_zero()) return zero_at(scale);
    if (revenue.is_zero()) return std::nullopt;
    return divide(closing.amount() * Decimal{days.count()}, revenue.amount(), scale, mode);
}

std::optional<Decimal> dso_count_back(const Money& closing, std::span<const MonthlyRevenue> months, int scale,
                                      RoundingMode mode) {
    require_non_negative(closing, "closing");
    if (months.empty()) throw Error(ErrorCode::invalid_argument, "months", "at least one month of revenue");
    for (std::size_t i = 0; i < months.size(); ++i) {
        const std::string at = "months[" + std::to_string(i) + "]";
        if (months[i].month.kind() != PeriodKind::month)
            throw Error(ErrorCode::invalid_argument, at + ".month", "count-back works month by month");
        if (i > 0 && months[i].month.first() != months[i - 1].month.last() + Days{1})
            throw Error(ErrorCode::inconsistent, at + ".month", "months are consecutive, the latest last");
        require_non_negative(months[i].revenue, at + ".revenue");
        require_same_currency(months[i].revenue, closing.currency(), at + ".revenue");
    }
    if (closing.is_zero()) return zero_at(scale);

    Decimal rest = closing.amount();
    std::int64_t whole_days = 0;
    for (std::size_t i = months.size(); i-- > 0;) {
        const Decimal& revenue = months[i].revenue.amount();
        const std::int64_t days = months[i].month.days().count();
        if (rest >= revenue) {  // the balance covers the whole month (a month without revenue too)
            whole_days += days;
            rest -= revenue;
            if (rest.is_zero()) return divide(Decimal{whole_days}, Decimal{1}, scale, mode);
            continue;
        }
        // whole_days + rest / revenue x days, in one division
        return divide(Decimal{whole_days} * revenue + rest * Decimal{days}, revenue, scale, mode);
    }
    return std::nullopt;  // the revenue given does not cover the balance
}

}  // namespace crm::credit
