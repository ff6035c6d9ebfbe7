#pragma once
/// \file
/// Bad-debt provision (坏账准备, docs/domain.md section 4): a rate per aging bucket applied
/// to the bucket's open amount, rounded to the currency's minor unit, with a total that is
/// exactly the sum of the lines. Proven by tests/credit/provision_test.cpp.
///
/// ```cpp
/// auto p = crm::credit::provision(ledger, crm::Date(2024, 12, 31));  // 5% / 10% / 30% / 50% / 80% / 100%
/// std::cout << p;
/// ```

#include <crm/credit/aging.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::credit {

/// Provision rates per aging bucket. The default is the common schedule of domain.md
/// section 4, by age since invoice in 365-day years: within 1 year 5%, 1-2 years 10%,
/// 2-3 years 30%, 3-4 years 50%, 4-5 years 80%, over 5 years 100%.
/// Invariants (validate): one rate per bucket (inconsistent, `schedule.rates`), each rate in
/// 0%..100% (invalid_argument, `schedule.rates[i]`). Proven by tests/credit/provision_test.cpp.
struct CRM_EXPORT ProvisionSchedule {
    /// The age buckets; default the six yearly buckets above.
    AgingBuckets buckets = AgingBuckets::yearly_default();
    /// The provision rate (计提比例) of each bucket, one per bucket, 0% to 100%.
    std::vector<Percent> rates = {Percent{Decimal{5}},  Percent{Decimal{10}}, Percent{Decimal{30}},
                                  Percent{Decimal{50}}, Percent{Decimal{80}}, Percent{Decimal{100}}};
    /// What the ages count from; default days since invoice.
    AgingBasis basis = AgingBasis::days_since_invoice;

    /// Throws as described above, naming `<field>.rates` and `<field>.rates[i]`.
    void validate(std::string_view field = "schedule") const;
    /// Memberwise equality.
    friend bool operator==(const ProvisionSchedule&, const ProvisionSchedule&) = default;
};

/// The provision of one bucket. Proven by tests/credit/provision_test.cpp.
struct CRM_EXPORT ProvisionLine {
    std::string label;  ///< the bucket's label (e.g. `1-2 years`)
    Money balance;      ///< the bucket's open amount
    Percent rate;       ///< the provision rate applied to the bucket
    Money exact;        ///< balance x rate, unrounded
    Money provision;    ///< in whole minor units; see Provision

    /// Memberwise equality.
    friend bool operator==(const ProvisionLine&, const ProvisionLine&) = default;
};

/// A provision per bucket and in total.
///
/// Rounding: the total is the exact sum of the lines' exact amounts rounded once to the
/// currency's minor unit with the mode given; the lines are rounded down to minor units and
/// the units still missing go one each to the lines with the largest discarded remainders
/// (ties to the earlier bucket). So the lines sum exactly to the total, each line is within
/// one minor unit of its exact amount, and no line exceeds its balance (a unit only goes to a
/// line whose exact amount is not whole, and balances are whole units). Proven by
/// tests/credit/provision_test.cpp, over thousands of generated ledgers.
struct CRM_EXPORT Provision {
    std::vector<ProvisionLine> lines;  ///< one line per bucket, in bucket order
    Money balance;                     ///< the open total
    Money exact;                       ///< the sum of the exact amounts
    Money total;                       ///< the provision, exactly the sum of the lines

    /// Memberwise equality.
    friend bool operator==(const Provision&, const Provision&) = default;
};
/// One line per bucket, `within 1 year  CNY 10,000.00 x 5% = CNY 500.00`, then the total.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Provision& p);

/// The provision of an aging report at `rates` (one per bucket). Throws crm::Error naming
/// `rates` (inconsistent: not one per bucket) or `rates[i]` (invalid_argument: outside
/// 0%..100%).
[[nodiscard]] CRM_EXPORT Provision provision(const AgingReport& aging, std::span<const Percent> rates,
                                             RoundingMode rounding = RoundingMode::half_up);

/// Ages `receivables` as the schedule says (its buckets and basis, in the items' currency)
/// and provides for them. Throws as `aging` and ProvisionSchedule::validate do.
[[nodiscard]] CRM_EXPORT Provision provision(std::span<const Receivable> receivables, Date as_of,
                                             const ProvisionSchedule& schedule = {},
                                             RoundingMode rounding = RoundingMode::half_up);

}  // namespace crm::credit
