#include <crm/contract/fulfilment.hpp>
#include <crm/contract/reasons.hpp>
#include <crm/core/error.hpp>

#include <algorithm>
#include <string>

namespace crm::contract {

namespace {

constexpr RoundingMode rounding = RoundingMode::half_up;

// committed x elapsed / days, rounded once to the minor unit.
Money pro_rata(const Money& committed, Days elapsed, Days days) {
    if (elapsed >= days) return committed;
    if (elapsed.count() <= 0) return Money::zero(committed.currency());
    return divide(committed * Decimal{elapsed.count()}, Decimal{days.count()}, rounding);
}

// Days of [first, last] up to and including `as_of`.
Days elapsed_in(Date first, Date last, Date as_of) {
    if (as_of < first) return Days{0};
    return (std::min(as_of, last) - first) + Days{1};
}

Progress progress(const Money& committed, const Money& pro, const Money& actual) {
    return Progress{.committed = committed, .pro_rata = pro, .actual = actual, .gap = actual - pro};
}

}  // namespace

Fulfilment fulfilment(const Agreement& a, std::span<const Sale> actual_sales, Date as_of) {
    a.validate();
    if (as_of < a.starts) throw Error(ErrorCode::invalid_argument, "as_of", "before the agreement starts");
    const Date counted_to = std::min(as_of, a.ends);
    const Money zero = Money::zero(a.currency);

    // actual sales per group and quarter
    std::array<QuarterSpan, 4> spans{};
    for (unsigned q = 0; q < 4; ++q) spans[q] = quarter_of(a, q);
    std::vector<std::array<Money, 4>> actual(a.commitments.size(), {zero, zero, zero, zero});
    std::vector<pricing::RebateSale> rebate_sales;
    for (std::size_t i = 0; i < actual_sales.size(); ++i) {
        const Sale& s = actual_sales[i];
        if (s.amount.currency() != a.currency)
            throw Error(ErrorCode::currency_mismatch, "actual_sales[" + std::to_string(i) + "].amount",
                        "not in the agreement's currency");
        const auto it = std::find_if(a.commitments.begin(), a.commitments.end(),
                                     [&](const Commitment& c) { return c.group == s.group; });
        if (it == a.commitments.end())
            throw Error(ErrorCode::not_found, "actual_sales[" + std::to_string(i) + "].group",
                        "the agreement commits no such product group");
        if (s.date < a.starts || s.date > counted_to) continue;
        const auto g = static_cast<std::size_t>(it - a.commitments.begin());
        for (unsigned q = 0; q < 4; ++q)
            if (s.date >= spans[q].first && s.date <= spans[q].last) actual[g][q] += s.amount;
        rebate_sales.push_back(pricing::RebateSale{.date = s.date, .amount = s.amount});
    }

    Fulfilment out;
    out.as_of = as_of;
    out.elapsed = elapsed_in(a.starts, a.ends, as_of);
    Money total_committed = zero, total_pro = zero, total_actual = zero;
    for (std::size_t g = 0; g < a.commitments.size(); ++g) {
        const Commitment& c = a.commitments[g];
        GroupFulfilment gf{.group = c.group, .year = {}, .quarters = {}};
        Money pro_sum = zero, actual_sum = zero;
        for (unsigned q = 0; q < 4; ++q) {
            const Days days = (spans[q].last - spans[q].first) + Days{1};
            const Money pro = pro_rata(c.quarters[q], elapsed_in(spans[q].first, spans[q].last, as_of), days);
            gf.quarters[q] = progress(c.quarters[q], pro, actual[g][q]);
            pro_sum += pro;
            actual_sum += actual[g][q];
        }
        gf.year = progress(c.annual, pro_sum, actual_sum);
        total_committed += c.annual;
        total_pro += pro_sum;
        total_actual += actual_sum;
        out.groups.push_back(std::move(gf));
    }
    out.total = progress(total_committed, total_pro, total_actual);
    // run rate: actual x term days / elapsed days (elapsed >= 1 since as_of >= starts)
    out.projected = out.elapsed >= a.term_days() ? total_actual
                                                 : divide(total_actual * Decimal{a.term_days().count()},
                                                          Decimal{out.elapsed.count()}, rounding);
    out.projected_gap = out.projected - total_committed;
    if (a.rebate) {
        out.rebate = pricing::accrue_rebate(*a.rebate, rebate_sales, a.starts, counted_to);
        if (out.projected.signum() >= 0)
            out.projected_tier = pricing::accrue_rebate(*a.rebate, out.projected).tier;
    }
    return out;
}

Decision fulfilment_reasons(const Fulfilment& f) {
    Decision d;
    for (const GroupFulfilment& g : f.groups) {
        const bool behind = g.year.gap.signum() < 0;
        Reason r{behind ? reasons::fulfilment_behind : reasons::fulfilment_on_track,
                 behind ? Outcome::warn : Outcome::allow};
        r.with("group", g.group.value()).with("actual", g.year.actual).with("pro_rata", g.year.pro_rata);
        if (behind) r.with("shortfall", g.year.pro_rata - g.year.actual);
        d.add(std::move(r));
    }
    if (f.projected_gap.signum() < 0)
        d.add(Reason{reasons::fulfilment_projected_short, Outcome::warn}
                  .with("projected", f.projected)
                  .with("committed", f.total.committed)
                  .with("shortfall", f.total.committed - f.projected));
    return d;
}

}  // namespace crm::contract
