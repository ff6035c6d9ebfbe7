#include <crm/credit/check.hpp>
#include <crm/time/period.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace crm::credit {

namespace {

// An amount for display: the exact value, without zeros past the currency's minor unit
// (10% of CNY 1,000.00 is shown as CNY 100.00, not CNY 100.0000).
Money tidy(const Money& m) {
    const Money r = round(m, RoundingMode::down);
    return r == m ? r : m;
}

// How far over the limit an approver may go (see OverLimitTolerance).
Money tolerance_of(const OverLimitTolerance& t, const Money& limit) {
    std::optional<Money> by_percent;
    if (t.percent) by_percent = limit * t.percent->rate();
    if (t.amount && by_percent) {
        const bool amount_smaller = *t.amount < *by_percent;
        return (t.rule == ToleranceRule::smaller) == amount_smaller ? *t.amount : *by_percent;
    }
    if (t.amount) return *t.amount;
    if (by_percent) return *by_percent;
    return Money::zero(limit.currency());
}

std::string item_name(const CreditSnapshot& snapshot, std::size_t index) {
    const InvoiceId& id = snapshot.receivables[index].invoice;
    return id.empty() ? "receivables[" + std::to_string(index) + "]" : id.value();
}

}  // namespace

Decision check_order(const Policy& policy, const CreditProfile& profile, const CreditSnapshot& snapshot,
                     const Order& order, Date as_of) {
    const detail::CreditScan scan = detail::scan(policy, profile, snapshot, order, as_of);
    const Money& limit = profile.limit;
    const Money& exposure = scan.exposure.total;
    const ReceivablesPosition& position = scan.position;
    Decision d;

    // 1. hold
    if (profile.hold) {
        Reason r{reasons::on_hold, to_outcome(policy.on_hold)};
        r.with("hold_reason", profile.hold->reason);
        if (profile.hold->since) r.with("held_since", *profile.hold->since);
        d.add(std::move(r));
    }

    // 2. expired limit: valid through add_months(reviewed_on, months). A limit reviewed fewer
    // than 28 x months days ago cannot have expired, which spares the calendar arithmetic.
    if (policy.limit_valid_months && profile.limit_reviewed_on) {
        const int months = *policy.limit_valid_months;
        const Date reviewed_on = *profile.limit_reviewed_on;
        if ((as_of - reviewed_on).count() > std::int64_t{28} * months) {
            const Date valid_until = add_months(reviewed_on, months);
            if (as_of > valid_until)
                d.add(Reason{reasons::limit_expired, to_outcome(policy.on_expired_limit)}
                          .with("reviewed_on", reviewed_on)
                          .with("valid_until", valid_until)
                          .with("valid_months", std::int64_t{months}));
        }
    }

    // 3. and 4. overdue
    const OverdueRule& overdue = policy.overdue;
    const bool days_inclusive = overdue.days_boundary == Boundary::inclusive;
    if (overdue.max_days_past_due && position.oldest_index &&
        reaches(position.oldest_days_past_due.count() - overdue.grace.count(),
                overdue.max_days_past_due->count(), overdue.days_boundary)) {
        d.add(Reason{days_inclusive ? reasons::overdue_days_inclusive : reasons::overdue_days, Outcome::block}
                  .with("oldest_invoice", item_name(snapshot, *position.oldest_index))
                  .with("oldest_days_past_due", position.oldest_days_past_due)
                  .with("max_days_past_due", *overdue.max_days_past_due)
                  .with("grace_days", overdue.grace)
                  .with("overdue_amount", position.overdue));
    }
    if (overdue.max_overdue_amount && position.overdue.signum() > 0 &&
        reaches(position.overdue, *overdue.max_overdue_amount, overdue.amount_boundary)) {
        const bool inclusive = overdue.amount_boundary == Boundary::inclusive;
        d.add(Reason{inclusive ? reasons::overdue_amount_inclusive : reasons::overdue_amount, Outcome::block}
                  .with("overdue_amount", position.overdue)
                  .with("max_overdue_amount", *overdue.max_overdue_amount)
                  .with("oldest_days_past_due", position.oldest_days_past_due));
    }

    // 5. and 6. over the limit, within or beyond the tolerance; 7. high utilisation
    if (exposure > limit) {
        const Money excess = exposure - limit;
        d.add(Reason{reasons::over_limit, Outcome::needs_approval}
                  .with("exposure", exposure)
                  .with("limit", limit)
                  .with("excess", excess)
                  .with("available", limit - exposure));
        const Money tolerance = tolerance_of(policy.tolerance, limit);
        if (!within(excess, tolerance, policy.tolerance.boundary))
            d.add(Reason{policy.tolerance.boundary == Boundary::inclusive ? reasons::over_tolerance
                                                                          : reasons::over_tolerance_exclusive,
                         Outcome::block}
                      .with("excess", excess)
                      .with("tolerance", tidy(tolerance))
                      .with("exposure", exposure)
                      .with("limit", limit));
    } else if (policy.warn_utilisation && limit.signum() > 0 &&
               reaches(exposure.amount() * Decimal{100}, policy.warn_utilisation->value() * limit.amount(),
                       policy.warn_boundary)) {
        // exposure / limit against warn%, compared exactly (no division, no rounding)
        d.add(Reason{policy.warn_boundary == Boundary::inclusive ? reasons::high_utilisation
                                                                 : reasons::high_utilisation_exclusive,
                     Outcome::warn}
                  .with("utilisation", ratio(exposure, limit, 4, RoundingMode::down).percent())
                  .with("warn_at", *policy.warn_utilisation)
                  .with("exposure", exposure)
                  .with("limit", limit)
                  .with("available", limit - exposure));
    }
    return d;
}

}  // namespace crm::credit
