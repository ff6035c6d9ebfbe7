#include <crm/core/error.hpp>
#include <crm/credit/provision.hpp>

#include <algorithm>
#include <numeric>
#include <ostream>
#include <string>

namespace crm::credit {

namespace {

void check_rates(std::span<const Percent> rates, std::size_t buckets, std::string_view field) {
    if (rates.size() != buckets)
        throw Error(ErrorCode::inconsistent, std::string(field),
                    "one provision rate per aging bucket: " + std::to_string(buckets) + " buckets, " +
                        std::to_string(rates.size()) + " rates");
    for (std::size_t i = 0; i < rates.size(); ++i) {
        const Decimal& r = rates[i].value();
        if (r.signum() < 0 || r > Decimal{100})
            detail::throw_item_error(ErrorCode::invalid_argument, field, i, "",
                                     "a provision rate is between 0% and 100%");
    }
}

}  // namespace

void ProvisionSchedule::validate(std::string_view field) const {
    check_rates(rates, buckets.size(), std::string(field) + ".rates");
}

std::ostream& operator<<(std::ostream& os, const Provision& p) {
    os << "bad-debt provision";
    for (const ProvisionLine& l : p.lines)
        os << "\n  " << l.label << "  " << l.balance << " x " << l.rate << " = " << l.provision;
    return os << "\n  total  " << p.balance << " -> " << p.total;
}

Provision provision(const AgingReport& aging, std::span<const Percent> rates, RoundingMode rounding) {
    const std::size_t n = aging.amounts.size();
    check_rates(rates, n, "rates");
    const Currency currency = aging.currency();
    const int minor = currency.minor_units();

    Provision p;
    p.lines.reserve(n);
    std::vector<Decimal> remainders(n);
    Decimal exact_total;
    Decimal floor_total;
    for (std::size_t i = 0; i < n; ++i) {
        const Money& balance = aging.amounts[i];
        const Decimal exact = balance.amount() * rates[i].rate().value();
        const Decimal floor = round_to_scale(exact, minor, RoundingMode::floor);
        remainders[i] = exact - floor;
        exact_total += exact;
        floor_total += floor;
        p.lines.push_back(ProvisionLine{.label = aging.buckets.buckets()[i].label,
                                        .balance = balance,
                                        .rate = rates[i],
                                        .exact = Money{exact, currency},
                                        .provision = Money{floor, currency}});
    }
    p.balance = aging.total;
    p.exact = Money{exact_total, currency};
    p.total = round(p.exact, rounding);

    // The units the floors fall short of the rounded total go to the largest remainders
    // (ties to the earlier bucket). There are never more of them than non-zero remainders.
    const Decimal unit = Decimal::scaled(1, -minor);
    const Decimal missing = divide(p.total.amount() - floor_total, unit, 0, RoundingMode::down);
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const std::int64_t k = missing.to_int64();
    for (std::int64_t j = 0; j < k; ++j) {
        ProvisionLine& line = p.lines[order[static_cast<std::size_t>(j)]];
        line.provision = Money{line.provision.amount() + unit, currency};
    }
    return p;
}

Provision provision(std::span<const Receivable> receivables, Date as_of, const ProvisionSchedule& schedule,
                    RoundingMode rounding) {
    schedule.validate();
    const AgingReport report =
        aging(receivables, as_of, schedule.buckets, AgingOptions{.basis = schedule.basis});
    return provision(report, schedule.rates, rounding);
}

}  // namespace crm::credit
