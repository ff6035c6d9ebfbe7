// Smoke test of the Conan package: exact decimal addition through crm::crmrules.
#include <crm/money/decimal.hpp>

#include <iostream>

int main() {
    const crm::Decimal sum = crm::Decimal{"1.10"} + crm::Decimal{"2.205"};
    std::cout << "crmrules test_package: 1.10 + 2.205 = " << sum << '\n';
    return sum == crm::Decimal{"3.305"} ? 0 : 1;
}
