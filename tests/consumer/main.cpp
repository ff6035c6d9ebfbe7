// Uses crmrules as a host program would: exact decimal money and the one error type.
#include <crm/core/error.hpp>
#include <crm/money/decimal.hpp>

#include <iostream>

int main() {
    const crm::Decimal sum = crm::Decimal{"1.10"} + crm::Decimal{"2.205"};
    if (sum != crm::Decimal{"3.305"} || sum.to_string() != "3.305") {
        std::cerr << "crm_consumer: 1.10 + 2.205 gave " << sum << ", expected 3.305\n";
        return 1;
    }
    try {
        (void)crm::Decimal::parse("12,5", {}, "price");
        std::cerr << "crm_consumer: \"12,5\" parsed without grouping allowed\n";
        return 1;
    } catch (const crm::Error& e) {
        if (e.code() != crm::ErrorCode::parse_error) {
            std::cerr << "crm_consumer: unexpected error " << e.what() << '\n';
            return 1;
        }
    }
    std::cout << "crm_consumer: 1.10 + 2.205 = " << sum << '\n';
    return 0;
}
