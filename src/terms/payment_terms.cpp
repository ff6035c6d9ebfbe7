#include <crm/core/error.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/time/period.hpp>

#include <ostream>
#include <string>

namespace crm::terms {

namespace {

std::string at(std::size_t i) { return "terms.instalments[" + std::to_string(i) + "]"; }

[[noreturn]] void invalid(const std::string& field, const std::string& message) {
    throw Error(ErrorCode::invalid_argument, field, message);
}

void check_rule(const DueRule& rule, const std::string& field) {
    if (const auto* net = std::get_if<NetDays>(&rule)) {
        if (net->days.count() < 0) invalid(field + ".due.days", "days cannot be negative");
    } else if (const auto* month_end = std::get_if<MonthEnd>(&rule)) {
        if (month_end->days.count() < 0) invalid(field + ".due.days", "days cannot be negative");
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

Date event_date(BaseEvent event, const EventDates& dates) {
    switch (event) {
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

std::vector<Money> split(const PaymentTerms& terms, const Money& total) {
    const std::size_t n = terms.instalments.size();
    std::vector<Decimal> shares;
    shares.reserve(n);
    for (const Instalment& inst : terms.instalments) shares.push_back(inst.share.value());
    if (terms.remainder == RemainderPolicy::largest_remainder) return allocate(total, shares);

    const std::size_t rest = terms.remainder == RemainderPolicy::last_instalment ? n - 1 : 0;
    std::vector<Money> parts(n, Money::zero(total.currency()));
    Money given = Money::zero(total.currency());
    for (std::size_t i = 0; i < n; ++i) {
        if (i == rest) continue;
        parts[i] = round(total * terms.instalments[i].share, terms.rounding);
        given += parts[i];
    }
    parts[rest] = total - given;
    // Rounding every share up can overshoot a tiny total; then no instalment may go negative,
    // so the split falls back to whole units by largest remainder.
    if (parts[rest].signum() < 0) return allocate(total, shares);
    return parts;
}

}  // namespace

std::string_view to_string(BaseEvent e) noexcept {
    switch (e) {
    case BaseEvent::invoice: return "invoice";
    case BaseEvent::delivery: return "delivery";
    case BaseEvent::acceptance: return "acceptance";
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
    Decimal total;
    for (std::size_t i = 0; i < instalments.size(); ++i) {
        const Decimal& share = instalments[i].share.value();
        if (share.signum() <= 0 || share > Decimal(100))
            invalid(at(i) + ".share", "a share is above 0% and at most 100%");
        check_rule(instalments[i].due, at(i));
        total += share;
    }
    if (total != Decimal(100))
        throw Error(ErrorCode::inconsistent, "terms.instalments",
                    "the shares sum to " + total.to_plain_string() + "%, not 100%");
    if (early_payment) {
        const Decimal& d = early_payment->discount.value();
        if (d.signum() <= 0 || d >= Decimal(100))
            invalid("terms.early_payment.discount", "a discount is above 0% and below 100%");
        if (early_payment->within.count() < 0)
            invalid("terms.early_payment.within", "days cannot be negative");
    }
}

Date due_date(const DueRule& rule, const EventDates& dates) {
    const Date base = event_date(base_of(rule), dates);
    if (const auto* net = std::get_if<NetDays>(&rule)) return base + net->days;
    if (const auto* month_end = std::get_if<MonthEnd>(&rule)) return end_of_month(base) + month_end->days;
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
    for (const Instalment& inst : terms.instalments) {
        ScheduledPayment p;
        p.label = inst.label;
        p.share = inst.share;
        p.base = base_of(inst.due);
        p.base_date = event_date(p.base, dates);
        p.unadjusted_due = due_date(inst.due, dates);
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

EarlyPaymentOffer discount_if_paid_on(const PaymentTerms& terms, const Money& invoice_amount,
                                      const EventDates& dates, Date paid_on) {
    terms.validate();
    if (invoice_amount.signum() < 0) invalid("invoice_amount", "an invoice amount cannot be negative");
    EarlyPaymentOffer offer;
    offer.discount = Money::zero(invoice_amount.currency());
    offer.payable = invoice_amount;
    if (!terms.early_payment) {
        offer.deadline = dates.invoice;
        return offer;
    }
    const EarlyPaymentDiscount& early = *terms.early_payment;
    offer.deadline = event_date(early.base, dates) + early.within;
    offer.applies = paid_on <= offer.deadline;
    if (offer.applies) {
        offer.discount = round(invoice_amount * early.discount, terms.rounding);
        offer.payable = invoice_amount - offer.discount;
    }
    return offer;
}

std::ostream& operator<<(std::ostream& os, const ScheduledPayment& p) {
    os << p.label << " " << to_string(p.share) << " " << p.amount << " due " << p.due;
    if (p.due != p.unadjusted_due) os << " (rolled from " << p.unadjusted_due << ")";
    return os << " [" << p.base << " " << p.base_date << "]";
}

}  // namespace crm::terms
