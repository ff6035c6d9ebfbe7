#include <crm/core/error.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/time/period.hpp>

#include <cstdint>
#include <ostream>
#include <string>

namespace crm::terms {

namespace {

std::string at(std::size_t i) { return "terms.instalments[" + std::to_string(i) + "]"; }

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
    throw Error(ErrorCode::invalid_argument, field, message);
}

bool base_ok(BaseEvent e) {
    return e == BaseEvent::invoice || e == BaseEvent::delivery || e == BaseEvent::acceptance ||
           e == BaseEvent::previous_due;
}

void check_then_day(const std::optional<unsigned>& d, const std::string& field) {
    if (d && (*d < 1 || *d > 31)) invalid(field + ".due.then_day", "a day of the month is 1..31");
}

void check_rule(const DueRule& rule, const std::string& field, bool first) {
    const BaseEvent base = std::visit([](const auto& r) { return r.base; }, rule);
    if (!base_ok(base))
        invalid(field + ".due.base", "a base event is invoice, delivery, acceptance or previous due");
    if (first && base == BaseEvent::previous_due)
        throw Error(ErrorCode::inconsistent, field + ".due.base", "the first instalment has no previous one");
    if (const auto* net = std::get_if<NetDays>(&rule)) {
        if (net->days.count() < 0) invalid(field + ".due.days", "days cannot be negative");
        check_then_day(net->then_day, field);
    } else if (const auto* month_end = std::get_if<MonthEnd>(&rule)) {
        if (month_end->days.count() < 0) invalid(field + ".due.days", "days cannot be negative");
        check_then_day(month_end->then_day, field);
    } else {
        const auto& fixed = std::get<FixedDay>(rule);
        if (fixed.day < 1 || fixed.day > 31) invalid(field + ".due.day", "a day of the month is 1..31");
        if (fixed.months_after < 1)
            invalid(field + ".due.months_after", "a fixed day falls in a following month (>= 1)");
    }
}

BaseEvent base_of(const DueRule& rule) {
    return std::visit([](const auto& r) { return r.base; }, rule);
}

Date event_date(BaseEvent event, const EventDates& dates, std::optional<Date> previous_due = std::nullopt) {
    switch (event) {
    case BaseEvent::previous_due:
        if (!previous_due)
            throw Error(ErrorCode::not_found, "previous_due", "the rule counts from the previous instalment");
        return *previous_due;
    case BaseEvent::invoice: return dates.invoice;
    case BaseEvent::delivery:
        if (!dates.delivery)
            throw Error(ErrorCode::not_found, "dates.delivery", "the terms count from delivery");
        return *dates.delivery;
    case BaseEvent::acceptance:
        if (!dates.acceptance)
            throw Error(ErrorCode::not_found, "dates.acceptance", "the terms count from acceptance");
        return *dates.acceptance;
    }
    return dates.invoice;
}

// The percentage lines split `total` (the balance after fixed lines); `shares` and the result
// are in the order of `lines`.
std::vector<Money> split_shares(const PaymentTerms& terms, const std::vector<std::size_t>& lines,
                                const Money& total) {
    const std::size_t n = lines.size();
    std::vector<Decimal> shares;
    shares.reserve(n);
    for (const std::size_t i : lines) shares.push_back(terms.instalments[i].share.value());
    if (terms.remainder == RemainderPolicy::largest_remainder) return allocate(total, shares);

    const std::size_t rest = terms.remainder == RemainderPolicy::last_instalment ? n - 1 : 0;
    std::vector<Money> parts(n, Money::zero(total.currency()));
    Money given = Money::zero(total.currency());
    for (std::size_t k = 0; k < n; ++k) {
        if (k == rest) continue;
        parts[k] = round(total * terms.instalments[lines[k]].share, terms.rounding);
        given += parts[k];
    }
    parts[rest] = total - given;
    // Rounding every share up can overshoot a tiny total; then no instalment may go negative,
    // so the split falls back to whole units by largest remainder.
    if (parts[rest].signum() < 0) return allocate(total, shares);
    return parts;
}

std::vector<Money> split(const PaymentTerms& terms, const Money& total) {
    const std::size_t n = terms.instalments.size();
    std::vector<Money> parts(n, Money::zero(total.currency()));
    std::vector<std::size_t> lines;
    Money balance = total;
    for (std::size_t i = 0; i < n; ++i) {
        const std::optional<Money>& fixed = terms.instalments[i].amount;
        if (!fixed) {
            lines.push_back(i);
            continue;
        }
        if (fixed->currency() != total.currency())
            throw Error(ErrorCode::currency_mismatch, at(i) + ".amount",
                        "a fixed instalment is in the invoice's currency");
        parts[i] = *fixed;
        balance -= *fixed;
        if (balance.signum() < 0)
            throw Error(ErrorCode::inconsistent, at(i) + ".amount",
                        "the fixed instalments exceed the invoice amount");
    }
    const std::vector<Money> shares = split_shares(terms, lines, balance);
    for (std::size_t k = 0; k < lines.size(); ++k) parts[lines[k]] = shares[k];
    return parts;
}

// The next day `d` of a month on or after `from` (clamped to the month's last day).
Date next_day_of_month(Date from, unsigned d) {
    const unsigned last = days_in_month(from.year(), from.month());
    const Date in_month(from.year(), from.month(), d < last ? d : last);
    if (!(in_month < from)) return in_month;
    const Date next = add_months(Date(from.year(), from.month(), 1), 1);
    const unsigned next_last = days_in_month(next.year(), next.month());
    return Date(next.year(), next.month(), d < next_last ? d : next_last);
}

}  // namespace

std::string_view to_string(BaseEvent e) noexcept {
    switch (e) {
    case BaseEvent::invoice: return "invoice";
    case BaseEvent::delivery: return "delivery";
    case BaseEvent::acceptance: return "acceptance";
    case BaseEvent::previous_due: return "previous_due";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, BaseEvent e) { return os << to_string(e); }

PaymentTerms PaymentTerms::net(Days days, BaseEvent base) {
    return PaymentTerms{.name = "net " + std::to_string(days.count()),
                        .instalments = {Instalment{"payment", Percent{"100"}, NetDays{days, base}}}};
}

PaymentTerms PaymentTerms::month_end(Days days) {
    return PaymentTerms{.name = "月结" + std::to_string(days.count()) + "天",
                        .instalments = {Instalment{"payment", Percent{"100"}, MonthEnd{days}}}};
}

PaymentTerms PaymentTerms::fixed_day(unsigned day, int months_after) {
    return PaymentTerms{.name = "day " + std::to_string(day) + " of month +" + std::to_string(months_after),
                        .instalments = {Instalment{"payment", Percent{"100"}, FixedDay{day, months_after}}}};
}

PaymentTerms PaymentTerms::discount_net(Percent discount, Days within, Days net) {
    return PaymentTerms{.name = discount.value().to_plain_string() + "/" + std::to_string(within.count()) +
                                " net " + std::to_string(net.count()),
                        .instalments = {Instalment{"payment", Percent{"100"}, NetDays{net}}},
                        .early_payment = EarlyPaymentDiscount{discount, within}};
}

void PaymentTerms::validate() const {
    if (instalments.empty()) invalid("terms.instalments", "terms need at least one instalment");
    if (roll != BusinessDayConvention::unadjusted && roll != BusinessDayConvention::following &&
        roll != BusinessDayConvention::preceding && roll != BusinessDayConvention::modified_following &&
        roll != BusinessDayConvention::modified_preceding)
        invalid("terms.roll", "not a business-day convention");
    if (remainder != RemainderPolicy::last_instalment && remainder != RemainderPolicy::first_instalment &&
        remainder != RemainderPolicy::largest_remainder)
        invalid("terms.remainder", "not a remainder policy");
    if (static_cast<int>(rounding) < static_cast<int>(RoundingMode::half_even) ||
        static_cast<int>(rounding) > static_cast<int>(RoundingMode::floor))
        invalid("terms.rounding", "not a rounding mode");
    Decimal total;
    bool any_share = false;
    for (std::size_t i = 0; i < instalments.size(); ++i) {
        const Decimal& share = instalments[i].share.value();
        check_rule(instalments[i].due, at(i), i == 0);
        if (const std::optional<Money>& fixed = instalments[i].amount) {
            if (fixed->signum() < 0) invalid(at(i) + ".amount", "a fixed instalment cannot be negative");
            if (round(*fixed, RoundingMode::down) != *fixed)
                invalid(at(i) + ".amount", "the amount is not a whole number of minor units");
            if (!share.is_zero())
                throw Error(ErrorCode::inconsistent, at(i) + ".share",
                            "a fixed-amount instalment has no share");
            continue;
        }
        any_share = true;
        if (share.signum() <= 0 || share > Decimal(100))
            invalid(at(i) + ".share", "a share is above 0% and at most 100%");
        total += share;
    }
    if (!any_share)
        throw Error(ErrorCode::inconsistent, "terms.instalments",
                    "a percentage line takes the balance after the fixed amounts");
    if (total != Decimal(100))
        throw Error(ErrorCode::inconsistent, "terms.instalments",
                    "the shares sum to " + total.to_plain_string() + "%, not 100%");
    if (early_payment) {
        const Decimal& d = early_payment->discount.value();
        if (d.signum() <= 0 || d >= Decimal(100))
            invalid("terms.early_payment.discount", "a discount is above 0% and below 100%");
        if (early_payment->within.count() < 0)
            invalid("terms.early_payment.within", "days cannot be negative");
        if (early_payment->base == BaseEvent::previous_due || !base_ok(early_payment->base))
            invalid("terms.early_payment.base", "a discount counts from the invoice, delivery or acceptance");
        if (early_payment->roll && early_payment->roll != BusinessDayConvention::unadjusted &&
            early_payment->roll != BusinessDayConvention::following &&
            early_payment->roll != BusinessDayConvention::preceding &&
            early_payment->roll != BusinessDayConvention::modified_following &&
            early_payment->roll != BusinessDayConvention::modified_preceding)
            invalid("terms.early_payment.roll", "not a business-day convention");
        if (early_payment->on != DiscountBase::tax_inclusive && early_payment->on != DiscountBase::net_of_tax)
            invalid("terms.early_payment.on", "a discount is on the tax-inclusive or the net amount");
    }
}

Date due_date(const DueRule& rule, const EventDates& dates, std::optional<Date> previous_due) {
    const Date base = event_date(base_of(rule), dates, previous_due);
    if (const auto* net = std::get_if<NetDays>(&rule)) {
        const Date d = base + net->days;
        return net->then_day ? next_day_of_month(d, *net->then_day) : d;
    }
    if (const auto* month_end = std::get_if<MonthEnd>(&rule)) {
        const Date d = end_of_month(base) + month_end->days;
        return month_end->then_day ? next_day_of_month(d, *month_end->then_day) : d;
    }
    const auto& fixed = std::get<FixedDay>(rule);
    const Date first_of_month = Date(base.year(), base.month(), 1);
    const Date month = add_months(first_of_month, fixed.months_after);
    const unsigned last = days_in_month(month.year(), month.month());
    return Date(month.year(), month.month(), fixed.day < last ? fixed.day : last);
}

namespace {

std::vector<ScheduledPayment> schedule_impl(const PaymentTerms& terms, const Money& invoice_amount,
                                            const EventDates& dates, const Calendar* calendar) {
    terms.validate();
    if (invoice_amount.signum() < 0) invalid("invoice_amount", "an invoice amount cannot be negative");
    if (round(invoice_amount, RoundingMode::down) != invoice_amount)
        invalid("invoice_amount", "the amount is not a whole number of minor units");
    if (terms.roll != BusinessDayConvention::unadjusted && calendar == nullptr)
        invalid("terms.roll", "rolling due dates needs a business calendar");

    std::vector<ScheduledPayment> out;
    out.reserve(terms.instalments.size());
    std::optional<Date> previous;
    for (const Instalment& inst : terms.instalments) {
        ScheduledPayment p;
        p.label = inst.label;
        p.share = inst.share;
        p.base = base_of(inst.due);
        p.base_date = event_date(p.base, dates, previous);
        p.unadjusted_due = due_date(inst.due, dates, previous);
        previous = p.unadjusted_due;
        p.due = p.unadjusted_due;
        if (calendar != nullptr && terms.roll != BusinessDayConvention::unadjusted) {
            p.due = calendar->adjust(p.unadjusted_due, terms.roll);
            if (p.due < p.base_date)
                p.due = calendar->adjust(p.unadjusted_due, BusinessDayConvention::following);
        }
        out.push_back(std::move(p));
    }
    const std::vector<Money> amounts = split(terms, invoice_amount);
    for (std::size_t i = 0; i < out.size(); ++i) out[i].amount = amounts[i];
    return out;
}

}  // namespace

std::vector<ScheduledPayment> schedule(const PaymentTerms& terms, const Money& invoice_amount,
                                       const EventDates& dates, const Calendar& calendar) {
    return schedule_impl(terms, invoice_amount, dates, &calendar);
}

std::vector<ScheduledPayment> schedule(const PaymentTerms& terms, const Money& invoice_amount,
                                       const EventDates& dates) {
    return schedule_impl(terms, invoice_amount, dates, nullptr);
}

namespace {

EarlyPaymentOffer discount_impl(const PaymentTerms& terms, const Money& invoice_amount,
                                const EventDates& dates, Date paid_on, const Calendar* calendar,
                                const std::optional<InvoiceTax>& tax) {
    terms.validate();
    if (invoice_amount.signum() < 0) invalid("invoice_amount", "an invoice amount cannot be negative");
    if (round(invoice_amount, RoundingMode::down) != invoice_amount)
        invalid("invoice_amount", "the amount is not a whole number of minor units");
    EarlyPaymentOffer offer;
    offer.discount = Money::zero(invoice_amount.currency());
    offer.payable = invoice_amount;
    if (!terms.early_payment) {
        offer.deadline = dates.invoice;
        offer.unadjusted_deadline = dates.invoice;
        return offer;
    }
    const EarlyPaymentDiscount& early = *terms.early_payment;
    const BusinessDayConvention roll = early.roll.value_or(terms.roll);
    if (roll != BusinessDayConvention::unadjusted && calendar == nullptr)
        invalid("terms.early_payment.roll", "rolling the discount deadline needs a business calendar");
    const Date base = event_date(early.base, dates);
    offer.unadjusted_deadline = base + early.within;
    offer.deadline = offer.unadjusted_deadline;
    if (roll != BusinessDayConvention::unadjusted) {
        offer.deadline = calendar->adjust(offer.unadjusted_deadline, roll);
        if (offer.deadline < base)
            offer.deadline = calendar->adjust(offer.unadjusted_deadline, BusinessDayConvention::following);
    }
    Money discount_base = invoice_amount;
    if (early.on == DiscountBase::net_of_tax) {
        if (!tax)
            throw Error(ErrorCode::not_found, "tax",
                        "the discount is on the net amount: give the invoice's tax");
        if (tax->tax.currency() != invoice_amount.currency())
            throw Error(ErrorCode::currency_mismatch, "tax.tax", "the tax is in the invoice's currency");
        if (tax->tax.signum() < 0 || tax->tax > invoice_amount)
            invalid("tax.tax", "the tax is between zero and the invoice amount");
        discount_base = invoice_amount - tax->tax;
    }
    offer.applies = paid_on <= offer.deadline;
    if (offer.applies) {
        offer.discount = round(discount_base * early.discount, terms.rounding);
        offer.payable = invoice_amount - offer.discount;
    }
    return offer;
}

}  // namespace

std::string_view to_string(DiscountBase b) noexcept {
    switch (b) {
    case DiscountBase::tax_inclusive: return "tax_inclusive";
    case DiscountBase::net_of_tax: return "net_of_tax";
    }
    return "unknown";
}

EarlyPaymentOffer discount_if_paid_on(const PaymentTerms& terms, const Money& invoice_amount,
                                      const EventDates& dates, Date paid_on,
                                      const std::optional<InvoiceTax>& tax) {
    return discount_impl(terms, invoice_amount, dates, paid_on, nullptr, tax);
}

EarlyPaymentOffer discount_if_paid_on(const PaymentTerms& terms, const Money& invoice_amount,
                                      const EventDates& dates, Date paid_on, const Calendar& calendar,
                                      const std::optional<InvoiceTax>& tax) {
    return discount_impl(terms, invoice_amount, dates, paid_on, &calendar, tax);
}

Decision lint(const PaymentTerms& terms) {
    terms.validate();
    Decision d;
    for (std::size_t i = 0; i < terms.instalments.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (terms.instalments[i] == terms.instalments[j]) {
                d.add(Reason{reasons::duplicate_instalment, Outcome::warn}
                          .with("index", static_cast<std::int64_t>(i + 1))
                          .with("first", static_cast<std::int64_t>(j + 1))
                          .with("label", terms.instalments[i].label));
                break;
            }
    return d;
}

Decision explain_schedule(const std::vector<ScheduledPayment>& plan) {
    Decision d;
    for (const ScheduledPayment& p : plan) {
        const bool rolled = p.due != p.unadjusted_due;
        Reason r{rolled ? reasons::instalment_due_rolled : reasons::instalment_due, Outcome::allow};
        r.with("label", p.label).with("amount", p.amount).with("due", p.due);
        if (rolled) r.with("unadjusted_due", p.unadjusted_due);
        d.add(std::move(r));
    }
    return d;
}

Decision explain_offer(const EarlyPaymentOffer& offer) {
    Decision d;
    if (offer.applies) {
        d.add(Reason{reasons::early_payment_applies, Outcome::allow}
                  .with("deadline", offer.deadline)
                  .with("discount", offer.discount)
                  .with("payable", offer.payable));
    } else {
        d.add(Reason{reasons::early_payment_missed, Outcome::allow}
                  .with("deadline", offer.deadline)
                  .with("payable", offer.payable));
    }
    return d;
}

std::ostream& operator<<(std::ostream& os, const ScheduledPayment& p) {
    os << p.label << " " << to_string(p.share) << " " << p.amount << " due " << p.due;
    if (p.due != p.unadjusted_due) os << " (rolled from " << p.unadjusted_due << ")";
    return os << " [" << p.base << " " << p.base_date << "]";
}

}  // namespace crm::terms
