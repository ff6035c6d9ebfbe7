#pragma once
/// \file
/// Payment terms (付款条件): when an invoice's money falls due, in how many instalments, and
/// what an early payment saves. Domain: docs/domain.md section 2. Proven by
/// tests/terms/payment_terms_test.cpp.
///
/// ```cpp
/// using namespace crm::terms;
/// PaymentTerms t = PaymentTerms::month_end(crm::Days{30});                 // 月结30天
/// auto plan = schedule(t, crm::Money{"11300.00", "CNY"}, EventDates{.invoice = crm::Date(2024, 1, 15)});
/// // plan[0].due == 2024-03-01 (end of January + 30 days), plan[0].amount == CNY 11,300.00
/// ```

#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace crm::terms {

/// The business event a due date counts from.
enum class BaseEvent {
    invoice,     ///< the invoice date (开票日)
    delivery,    ///< delivery of the goods (到货/交货)
    acceptance,  ///< customer acceptance (验收)
};
[[nodiscard]] std::string_view to_string(BaseEvent e) noexcept;
std::ostream& operator<<(std::ostream& os, BaseEvent e);

/// Net N days: due N days after the base event. `NetDays{Days{30}}` is "net 30".
struct NetDays {
    Days days;
    BaseEvent base = BaseEvent::invoice;
    friend bool operator==(const NetDays&, const NetDays&) = default;
};

/// Month-end settlement (月结N天): due N days after the last day of the base event's month.
/// An invoice of 2024-01-15 on 月结30天 is due 2024-01-31 + 30 days = 2024-03-01.
struct MonthEnd {
    Days days;
    BaseEvent base = BaseEvent::invoice;
    friend bool operator==(const MonthEnd&, const MonthEnd&) = default;
};

/// A fixed day of a following month: `FixedDay{.day = 25, .months_after = 1}` is "the 25th of
/// next month". A day past the month's end falls on the month's last day (31 in February is
/// the 28th or 29th). `day` is 1..31, `months_after` at least 1.
struct FixedDay {
    unsigned day = 1;
    int months_after = 1;
    BaseEvent base = BaseEvent::invoice;
    friend bool operator==(const FixedDay&, const FixedDay&) = default;
};

/// When one payment falls due.
using DueRule = std::variant<NetDays, MonthEnd, FixedDay>;

/// One part of the price and its due rule: 30% advance (预付款) on the invoice date, 60% on
/// delivery, 10% retention (质保金) 365 days after acceptance.
struct Instalment {
    std::string label;
    Percent share;  ///< of the invoice amount; all shares of a terms sum to exactly 100%
    DueRule due;
    friend bool operator==(const Instalment&, const Instalment&) = default;
};

/// Early-payment discount: "2/10 net 30" is 2% off when paid within 10 days of the invoice.
struct EarlyPaymentDiscount {
    Percent discount;
    Days within;
    BaseEvent base = BaseEvent::invoice;
    friend bool operator==(const EarlyPaymentDiscount&, const EarlyPaymentDiscount&) = default;
};

/// Which instalment absorbs the rounding so that the amounts sum exactly to the invoice.
enum class RemainderPolicy {
    last_instalment,    ///< every other instalment is rounded, the last takes the rest (the usual rule)
    first_instalment,   ///< the first takes the rest (an advance that carries the odd cent)
    largest_remainder,  ///< crm::allocate: whole minor units by largest remainder, ties to the earlier
};

/// A complete set of payment terms. An aggregate with defaults: build it with designated
/// initialisers or with the factories below; `validate()` (called by every function that
/// uses terms) throws crm::Error naming the offending field.
struct PaymentTerms {
    std::string name;                     ///< as the contract writes it: "月结30天", "2/10 net 30"
    std::vector<Instalment> instalments;  ///< at least one; shares sum to 100%
    std::optional<EarlyPaymentDiscount> early_payment;
    /// Rolls a due date that is not a business day (needs a calendar); `unadjusted` keeps it.
    BusinessDayConvention roll = BusinessDayConvention::unadjusted;
    RemainderPolicy remainder = RemainderPolicy::last_instalment;
    RoundingMode rounding = RoundingMode::half_up;  ///< per-instalment rounding to the currency's minor unit

    /// Net N days from the base event, one payment.
    [[nodiscard]] static PaymentTerms net(Days days, BaseEvent base = BaseEvent::invoice);
    /// 月结N天: N days after the end of the invoice month, one payment.
    [[nodiscard]] static PaymentTerms month_end(Days days);
    /// The given day of the month `months_after` months after the invoice month, one payment.
    [[nodiscard]] static PaymentTerms fixed_day(unsigned day, int months_after = 1);
    /// "d/w net n": `discount` off within `within` days, otherwise net `net` days.
    [[nodiscard]] static PaymentTerms discount_net(Percent discount, Days within, Days net);

    /// Throws crm::Error (invalid_argument or inconsistent) naming the field: no instalments,
    /// a share <= 0% or > 100%, shares not summing to exactly 100%, negative days, a fixed day
    /// of 0 or past 31, months_after < 1, a discount outside (0%, 100%), a discount window
    /// longer than the latest net due days.
    void validate() const;

    friend bool operator==(const PaymentTerms&, const PaymentTerms&) = default;
};

/// The dates of the events a schedule counts from. Delivery and acceptance are needed only
/// when an instalment counts from them.
struct EventDates {
    Date invoice;
    std::optional<Date> delivery;
    std::optional<Date> acceptance;
};

/// One payment of a schedule: its label and share, the event and date it counts from, the
/// due date before and after rolling, and the amount.
struct ScheduledPayment {
    std::string label;
    Percent share;
    BaseEvent base = BaseEvent::invoice;
    Date base_date;
    Date unadjusted_due;
    Date due;
    Money amount;
    friend bool operator==(const ScheduledPayment&, const ScheduledPayment&) = default;
};
std::ostream& operator<<(std::ostream& os, const ScheduledPayment& p);

/// The instalments of `invoice_amount` under `terms`, in the order of the terms, with due
/// dates and amounts that sum exactly to the invoice amount (each rounded to the currency's
/// minor unit, the remainder placed as `terms.remainder` says). A due date is never before
/// its base date: a roll that would move it earlier (preceding) rolls forward instead.
/// The invoice amount must be a whole number of minor units. Throws crm::Error for invalid
/// terms, a missing event date (`dates.delivery`), a negative amount or, when the terms roll
/// due dates, a strict calendar asked about a date outside its data.
[[nodiscard]] std::vector<ScheduledPayment> schedule(const PaymentTerms& terms, const Money& invoice_amount,
                                                     const EventDates& dates, const Calendar& calendar);
/// As above, for terms that do not roll (`roll == unadjusted`); throws invalid_argument
/// naming `terms.roll` otherwise (a roll needs a calendar, never a guessed one).
[[nodiscard]] std::vector<ScheduledPayment> schedule(const PaymentTerms& terms, const Money& invoice_amount,
                                                     const EventDates& dates);

/// The due date of one rule for the given events (unadjusted).
[[nodiscard]] Date due_date(const DueRule& rule, const EventDates& dates);

/// What paying on `paid_on` would save under the terms' early-payment discount.
struct EarlyPaymentOffer {
    bool applies =
        false;      ///< paid on or before the deadline (and not before the base date's own day minus nothing)
    Date deadline;  ///< the last day the discount applies
    Money discount;  ///< zero when it does not apply
    Money payable;   ///< invoice amount less the discount
};
/// 2/10 net 30 on CNY 10,000.00 invoiced 2024-03-01: paid on 2024-03-11 (day 10) saves CNY 200.00
/// and CNY 9,800.00 is payable; paid on 2024-03-12 saves nothing. Terms without a discount never
/// apply one.
[[nodiscard]] EarlyPaymentOffer discount_if_paid_on(const PaymentTerms& terms, const Money& invoice_amount,
                                                    const EventDates& dates, Date paid_on);

/// Days past due at `as_of`: zero on or before the due date (逾期天数).
[[nodiscard]] constexpr Days days_overdue(Date due, Date as_of) noexcept {
    return as_of > due ? as_of - due : Days{0};
}

}  // namespace crm::terms
