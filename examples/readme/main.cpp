// The README's example (README.md shows this file; tests check that the two agree).
#include <crm/crm.hpp>

#include <iostream>

int main() {
    using namespace crm;
    // Exact decimal money: CNY 113,000.00 split three ways, the parts summing to the cent
    // (37,666.67 + 37,666.67 + 37,666.66; the two cents left over go to the first parts).
    const Money invoice{"113000.00", "CNY"};
    const Decimal weights[] = {1, 1, 1};
    for (const Money& part : allocate(invoice, weights)) std::cout << part << '\n';

    // Net 30 days from an invoice of 2024-09-01 is 2024-10-01, National Day: on the mainland
    // China calendar the due date rolls to the next business day, 2024-10-08.
    terms::PaymentTerms net30 = terms::PaymentTerms::net(Days{30});
    net30.roll = BusinessDayConvention::following;
    const auto plan = terms::schedule(net30, invoice, terms::EventDates{.invoice = Date(2024, 9, 1)},
                                      china_mainland_calendar());
    std::cout << "due " << plan.front().due << " (crmrules " << version() << ")\n";
}
