// Payment terms at work: 月结30天 (month-end settlement, 30 days) and a 30/60/10 instalment
// plan with a 10% retention, both rolled to business days on the mainland-China calendar.

#include <crm/terms/payment_terms.hpp>
#include <crm/time/calendar.hpp>

#include <iostream>

namespace {

void print(const char* title, const std::vector<crm::terms::ScheduledPayment>& plan) {
    std::cout << "\n" << title << "\n";
    crm::Money total = crm::Money::zero(plan.front().amount.currency());
    for (const auto& p : plan) {
        std::cout << "  " << p.label << "\t" << crm::to_string(p.share) << "\t" << p.amount << "\tdue "
                  << p.due;
        if (p.due != p.unadjusted_due) std::cout << " (rolled from " << p.unadjusted_due << ")";
        std::cout << "\n";
        total += p.amount;
    }
    std::cout << "  total\t\t" << total << "\n";
}

}  // namespace

int main() {
    using namespace crm::terms;
    using crm::Days;
    const crm::Calendar china = crm::china_mainland_calendar();
    const crm::Money invoice_amount{"113000.00", "CNY"};

    // 月结30天: invoiced 2024-08-15, due 30 days after 2024-08-31 = 2024-09-30.
    PaymentTerms month_end = PaymentTerms::month_end(Days{30});
    month_end.roll = crm::BusinessDayConvention::following;
    print("月结30天 (month-end + 30 days), invoiced 2024-08-15",
          schedule(month_end, invoice_amount, EventDates{.invoice = crm::Date(2024, 8, 15)}, china));

    // 30% advance, 60% 30 days after delivery, 10% retention one year after acceptance.
    const PaymentTerms instalments{
        .name = "30/60/10 with retention",
        .instalments =
            {Instalment{"advance 预付款  ", crm::Percent{"30"}, NetDays{Days{0}, BaseEvent::invoice}},
             Instalment{"delivery 到货款 ", crm::Percent{"60"}, NetDays{Days{30}, BaseEvent::delivery}},
             Instalment{"retention 质保金", crm::Percent{"10"}, NetDays{Days{365}, BaseEvent::acceptance}}},
        .roll = crm::BusinessDayConvention::following};
    const EventDates dates{.invoice = crm::Date(2024, 8, 30),
                           .delivery = crm::Date(2024, 9, 1),
                           .acceptance = crm::Date(2024, 9, 28)};
    print(
        "30/60/10 with retention on CNY 100,000.01, invoiced 2024-08-30, delivered 2024-09-01, accepted "
        "2024-09-28",
        schedule(instalments, crm::Money{"100000.01", "CNY"}, dates, china));
    return 0;
}
