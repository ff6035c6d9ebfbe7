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

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
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
    /// the previous instalment's unadjusted due date (an instalment "30 days after the one
    /// before"); not for the first instalment nor for an early-payment discount
    previous_due,
};
/// The stable name: `invoice`, `delivery`, `acceptance` or `previous_due` ("unknown" for a value outside the
/// enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(BaseEvent e) noexcept;
/// Prints to_string(e).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, BaseEvent e);

/// Net N days: due N days after the base event. `NetDays{Days{30}}` is "net 30".
///
/// With `then_day` D, the due date moves on to the next day D of a month, on or after the
/// N-th day (a fixed pay day, 每月25日付款): net 30 then the 25th, invoiced 2024-01-15:
/// 01-15 + 30 = 02-14, then 2024-02-25; invoiced 2024-01-28: 02-27, then 2024-03-25. A day D
/// past a month's end means that month's last day (31 in February is the 28th or 29th).
struct CRM_EXPORT NetDays {
    Days days;                            ///< N, the calendar days after the base event, >= 0
    BaseEvent base = BaseEvent::invoice;  ///< what the days count from; default the invoice date
    std::optional<unsigned> then_day;     ///< 1..31: then the next such day of a month
    /// Memberwise equality.
    friend bool operator==(const NetDays&, const NetDays&) = default;
};

/// Month-end settlement (月结N天): due N days after the last day of the base event's month.
/// An invoice of 2024-01-15 on 月结30天 is due 2024-01-31 + 30 days = 2024-03-01.
///
/// With `then_day` D ("end of month, then the 10th"), the due date moves on to the next day D
/// on or after that date: invoiced 2024-01-15, end of month then the 10th: 2024-02-10.
struct CRM_EXPORT MonthEnd {
    Days days;  ///< N, the calendar days after the end of the base event's month, >= 0
    BaseEvent base = BaseEvent::invoice;  ///< whose month ends the count; default the invoice's
    std::optional<unsigned> then_day;     ///< 1..31: then the next such day of a month
    /// Memberwise equality.
    friend bool operator==(const MonthEnd&, const MonthEnd&) = default;
};

/// A fixed day of a following month: `FixedDay{.day = 25, .months_after = 1}` is "the 25th of
/// next month". A day past the month's end falls on the month's last day (31 in February is
/// the 28th or 29th). `day` is 1..31, `months_after` at least 1.
struct CRM_EXPORT FixedDay {
    unsigned day = 1;      ///< the day of the month, 1 to 31 (past the month's end: its last day); default 1
    int months_after = 1;  ///< how many months after the base event's month, >= 1; default 1 (next month)
    BaseEvent base = BaseEvent::invoice;  ///< whose month the count starts from; default the invoice's
    /// Memberwise equality.
    friend bool operator==(const FixedDay&, const FixedDay&) = default;
};

/// When one payment falls due.
using DueRule = std::variant<NetDays, MonthEnd, FixedDay>;

/// One part of the price and its due rule: 30% advance (预付款) on the invoice date, 60% on
/// delivery, 10% retention (质保金) 365 days after acceptance.
///
/// A line with a fixed `amount` (a deposit 定金 of CNY 5,000.00) takes exactly that amount and
/// has no share (0%); the percentage lines then split the balance (invoice less the fixed
/// lines), their shares summing to 100% of it, the remainder line taking what is left. A
/// deposit of 5,000.00 then 100% on delivery, on an invoice of 12,000.00: 5,000.00 and 7,000.00.
struct CRM_EXPORT Instalment {
    /// The instalment's name as the contract writes it ("预付款", "质保金"); shown in schedules.
    std::string label;
    Percent
        share;    ///< of the invoice amount (of the balance after fixed lines); percentage lines sum to 100%
    DueRule due;  ///< when this part falls due
    std::optional<Money> amount;  ///< a fixed amount instead of a share
    /// Memberwise equality.
    friend bool operator==(const Instalment&, const Instalment&) = default;
};

/// Which amount an early-payment discount is a share of.
enum class DiscountBase {
    tax_inclusive,  ///< the invoice amount as invoiced, VAT included (含税金额; the default)
    net_of_tax,     ///< the amount before VAT only (不含税金额): the tax itself is not discounted
};
/// The stable name: `tax_inclusive` or `net_of_tax` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(DiscountBase b) noexcept;

/// Early-payment discount: "2/10 net 30" is 2% off when paid within 10 days of the invoice
/// (the deadline day itself included: 10天以内).
///
/// A deadline that falls on a non-business day rolls by `roll`; not given, by the terms'
/// own `roll`, the convention their due dates use (so 2/10 net 30 rolled `following` and
/// invoiced 2026-02-05 has its deadline 2026-02-15, a Spring Festival Sunday, moved to
/// 2026-02-24 as the net due date would be). Give `roll = unadjusted` to keep the calendar
/// day even when the due dates roll. `on` says whether the discount is a share of the
/// tax-inclusive amount or of the net amount only.
struct CRM_EXPORT EarlyPaymentDiscount {
    Percent discount;  ///< the discount (e.g. 2%), above 0% and below 100%
    Days within;       ///< the days after the base event within which payment earns it, the last day included
    BaseEvent base = BaseEvent::invoice;        ///< what the days count from; default the invoice date
    std::optional<BusinessDayConvention> roll;  ///< not given: the terms' roll
    /// Which amount the discount is a share of; default tax-inclusive.
    DiscountBase on = DiscountBase::tax_inclusive;
    /// Memberwise equality.
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
struct CRM_EXPORT PaymentTerms {
    std::string name;                     ///< as the contract writes it: "月结30天", "2/10 net 30"
    std::vector<Instalment> instalments;  ///< at least one; shares sum to 100%
    /// The early-payment discount (现金折扣); none when the terms give none.
    std::optional<EarlyPaymentDiscount> early_payment;
    /// Rolls a due date that is not a business day (needs a calendar); `unadjusted` keeps it.
    BusinessDayConvention roll = BusinessDayConvention::unadjusted;
    /// Which instalment absorbs the rounding; default the last.
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
    /// or `then_day` of 0 or past 31, months_after < 1, a discount outside (0%, 100%), a fixed
    /// amount that is negative, has a share, or leaves no percentage line for the balance, the
    /// first instalment counted from the previous one, an enum outside its values (`terms.roll`,
    /// `terms.remainder`, `terms.rounding`, `...due.base`).
    void validate() const;

    /// Memberwise equality.
    friend bool operator==(const PaymentTerms&, const PaymentTerms&) = default;
};

/// The dates of the events a schedule counts from. Delivery and acceptance are needed only
/// when an instalment counts from them.
struct CRM_EXPORT EventDates {
    Date invoice;                  ///< the invoice date (开票日)
    std::optional<Date> delivery;  ///< the delivery date; needed only when an instalment counts from delivery
    /// The acceptance date (验收日); needed only when an instalment counts from acceptance.
    std::optional<Date> acceptance;
};

/// One payment of a schedule: its label and share, the event and date it counts from, the
/// due date before and after rolling, and the amount.
struct CRM_EXPORT ScheduledPayment {
    std::string label;                    ///< the instalment's label
    Percent share;                        ///< its share of the invoice (0% for a fixed-amount line)
    BaseEvent base = BaseEvent::invoice;  ///< the event its due date counts from
    Date base_date;                       ///< the date of that event
    Date unadjusted_due;                  ///< the due date by the rule, before rolling to a business day
    Date due;  ///< the due date after rolling (the same when the terms do not roll)
    /// The amount due, in whole minor units; the schedule's amounts sum exactly to the invoice.
    Money amount;
    /// Memberwise equality.
    friend bool operator==(const ScheduledPayment&, const ScheduledPayment&) = default;
};
/// Prints `<label> <share> <amount> due <due>`, then ` (rolled from <date>)` when rolled, then ` [<base>
/// <base date>]`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const ScheduledPayment& p);

/// The instalments of `invoice_amount` under `terms`, in the order of the terms, with due
/// dates and amounts that sum exactly to the invoice amount (each rounded to the currency's
/// minor unit, the remainder placed as `terms.remainder` says). A due date is never before
/// its base date: a roll that would move it earlier (preceding) rolls forward instead.
/// The invoice amount must be a whole number of minor units. Throws crm::Error for invalid
/// terms, a missing event date (`dates.delivery`), a negative amount or, when the terms roll
/// due dates, a strict calendar asked about a date outside its data.
[[nodiscard]] CRM_EXPORT std::vector<ScheduledPayment> schedule(const PaymentTerms& terms,
                                                                const Money& invoice_amount,
                                                                const EventDates& dates,
                                                                const Calendar& calendar);
/// As above, for terms that do not roll (`roll == unadjusted`); throws invalid_argument
/// naming `terms.roll` otherwise (a roll needs a calendar, never a guessed one).
[[nodiscard]] CRM_EXPORT std::vector<ScheduledPayment> schedule(const PaymentTerms& terms,
                                                                const Money& invoice_amount,
                                                                const EventDates& dates);

/// The due date of one rule for the given events (unadjusted). A rule counted from the
/// previous instalment needs `previous_due` (crm::Error not_found naming `previous_due`).
[[nodiscard]] CRM_EXPORT Date due_date(const DueRule& rule, const EventDates& dates,
                                       std::optional<Date> previous_due = std::nullopt);

/// The findings of a look at terms that are valid but probably not meant: identical
/// duplicate instalment rows (same label, share, rule and amount: `terms.duplicate_instalment`,
/// warn; an ERP import that doubled a line), each with its zh and en text. Throws as
/// validate() does. Proven by tests/terms/payment_terms_test.cpp.
[[nodiscard]] CRM_EXPORT Decision lint(const PaymentTerms& terms);

/// The reasons of the terms area, each with its stable code and its English and Chinese text.
namespace reasons {
/// Figures: index, first (integers, 1-based rows), label (text).
inline constexpr ReasonText duplicate_instalment{
    .code = "terms.duplicate_instalment",
    .en = "instalment row {index} repeats row {first} exactly ({label})",
    .zh = "第 {index} 行分期与第 {first} 行完全相同（{label}）",
};
/// Figures: label (text), amount (Money), due (Date), unadjusted_due (Date).
inline constexpr ReasonText instalment_due{
    .code = "terms.instalment_due",
    .en = "{label}: {amount} due on {due}",
    .zh = "{label}：{amount}，到期日 {due}",
};
/// As instalment_due, for a due date rolled off a non-business day.
inline constexpr ReasonText instalment_due_rolled{
    .code = "terms.instalment_due",
    .en = "{label}: {amount} due on {due} (rolled from {unadjusted_due}, not a business day)",
    .zh = "{label}：{amount}，到期日 {due}（{unadjusted_due} 非工作日，顺延）",
};
/// Figures: discount, payable (Money), deadline (Date).
inline constexpr ReasonText early_payment_applies{
    .code = "terms.early_payment",
    .en = "paid by {deadline}: early-payment discount {discount}, payable {payable}",
    .zh = "于 {deadline} 前付款：享受提前付款折扣 {discount}，应付 {payable}",
};
/// Figures: deadline (Date), payable (Money).
inline constexpr ReasonText early_payment_missed{
    .code = "terms.early_payment_missed",
    .en = "paid after the discount deadline {deadline}: no discount, payable {payable}",
    .zh = "付款晚于折扣截止日 {deadline}：不享受折扣，应付 {payable}",
};
}  // namespace reasons

/// The schedule as reasons (one `terms.instalment_due` per payment, in order), for showing a
/// host's user in zh or en. Every reason is `allow`.
[[nodiscard]] CRM_EXPORT Decision explain_schedule(const std::vector<ScheduledPayment>& plan);

/// What paying on `paid_on` would save under the terms' early-payment discount.
struct CRM_EXPORT EarlyPaymentOffer {
    bool applies = false;      ///< paid on or before the deadline
    Date deadline;             ///< the last day the discount applies, after rolling
    Date unadjusted_deadline;  ///< base date + window, before rolling
    Money discount;            ///< zero when it does not apply
    Money payable;             ///< invoice amount less the discount
};

/// The tax in an invoice amount, needed when a discount is on the net amount only.
struct CRM_EXPORT InvoiceTax {
    Money tax;  ///< the VAT included in the invoice amount (CNY 11,300.00 at 13%: CNY 1,300.00)
};

/// 2/10 net 30 on CNY 10,000.00 invoiced 2024-03-01: paid on 2024-03-11 (day 10) saves CNY 200.00
/// and CNY 9,800.00 is payable; paid on 2024-03-12 saves nothing. Terms without a discount never
/// apply one. A net-of-tax discount (`on = net_of_tax`) needs `tax`: CNY 11,300.00 with CNY
/// 1,300.00 VAT saves 2% of 10,000.00 = 200.00. The deadline rolls as EarlyPaymentDiscount
/// says; this overload (no calendar) throws crm::Error(invalid_argument) naming
/// `terms.early_payment.roll` when that convention is not `unadjusted`. Throws for invalid
/// terms, a negative or fractional-cent amount (`invoice_amount`), a missing tax
/// (not_found, `tax`), a tax in another currency or beyond the amount (`tax.tax`).
[[nodiscard]] CRM_EXPORT EarlyPaymentOffer
discount_if_paid_on(const PaymentTerms& terms, const Money& invoice_amount, const EventDates& dates,
                    Date paid_on, const std::optional<InvoiceTax>& tax = std::nullopt);
/// As above, rolling the deadline on `calendar` (never before its base date: a preceding
/// roll that would do so rolls forward instead).
[[nodiscard]] CRM_EXPORT EarlyPaymentOffer discount_if_paid_on(
    const PaymentTerms& terms, const Money& invoice_amount, const EventDates& dates, Date paid_on,
    const Calendar& calendar, const std::optional<InvoiceTax>& tax = std::nullopt);

/// The offer as a reason (`terms.early_payment` or `terms.early_payment_missed`), allow.
[[nodiscard]] CRM_EXPORT Decision explain_offer(const EarlyPaymentOffer& offer);

/// Days past due at `as_of`: zero on or before the due date (逾期天数).
[[nodiscard]] constexpr Days days_overdue(Date due, Date as_of) noexcept {
    return as_of > due ? as_of - due : Days{0};
}

}  // namespace crm::terms
