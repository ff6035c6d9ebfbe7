#include <crm/core/error.hpp>
#include <crm/credit/explain.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace crm::credit {

namespace {

void add_buckets(Decision& d, const AgingReport& report) {
    const auto buckets = report.buckets.buckets();
    for (std::size_t i = 0; i < report.amounts.size(); ++i) {
        if (report.items[i] == 0) continue;
        d.add(Reason{reasons::aging_bucket, Outcome::allow}
                  .with("bucket_zh", describe(buckets[i], Lang::zh))
                  .with("bucket_en", describe(buckets[i], Lang::en))
                  .with("amount", report.amounts[i])
                  .with("items", static_cast<std::int64_t>(report.items[i])));
    }
}

void add_cap(Decision& d, const std::string& name, const CapStatus& s) {
    if (s.breached) {
        d.add(Reason{reasons::cap_breached, Outcome::block}
                  .with("name", name)
                  .with("balance", s.balance)
                  .with("cap", s.cap)
                  .with("excess", s.excess));
    } else {
        d.add(Reason{reasons::cap_headroom, Outcome::allow}
                  .with("name", name)
                  .with("balance", s.balance)
                  .with("cap", s.cap)
                  .with("headroom", s.headroom));
    }
}

}  // namespace

Decision explain(const AgingReport& report) {
    Decision d;
    add_buckets(d, report);
    d.add(
        Reason{reasons::aging_total, Outcome::allow}.with("as_of", report.as_of).with("total", report.total));
    return d;
}

Decision explain(const AgingWithCredits& report) {
    Decision d;
    add_buckets(d, report.report);
    if (report.not_yet_due_items > 0)
        d.add(Reason{reasons::aging_not_yet_due, Outcome::allow}
                  .with("amount", report.not_yet_due)
                  .with("items", static_cast<std::int64_t>(report.not_yet_due_items)));
    if (report.unapplied_items > 0)
        d.add(Reason{reasons::aging_unapplied, Outcome::allow}
                  .with("amount", report.unapplied)
                  .with("items", static_cast<std::int64_t>(report.unapplied_items)));
    d.add(Reason{reasons::aging_total, Outcome::allow}
              .with("as_of", report.report.as_of)
              .with("total", report.net_total));
    return d;
}

Decision explain(const CapReport& report) {
    Decision d;
    for (const AccountCapStatus& a : report.accounts) add_cap(d, a.account.value(), a.status);
    for (const RegionCapStatus& r : report.regions) add_cap(d, r.region.value(), r.status);
    return d;
}

Decision explain(const Provision& provision, const AgingBuckets& buckets) {
    if (buckets.size() != provision.lines.size())
        throw Error(ErrorCode::inconsistent, "buckets",
                    "the provision has " + std::to_string(provision.lines.size()) + " lines, the buckets " +
                        std::to_string(buckets.size()));
    Decision d;
    for (std::size_t i = 0; i < provision.lines.size(); ++i) {
        const ProvisionLine& line = provision.lines[i];
        if (line.balance.is_zero()) continue;
        d.add(Reason{reasons::provision_line, Outcome::allow}
                  .with("bucket_zh", describe(buckets.buckets()[i], Lang::zh))
                  .with("bucket_en", describe(buckets.buckets()[i], Lang::en))
                  .with("balance", line.balance)
                  .with("rate", line.rate)
                  .with("provision", line.provision));
    }
    d.add(Reason{reasons::provision_total, Outcome::allow}
              .with("balance", provision.balance)
              .with("provision", provision.total));
    return d;
}

Decision explain_turnover(const Money& revenue, const AverageBalance& average, Days period_days, int scale,
                          RoundingMode mode) {
    const std::optional<Decimal> times = receivable_turnover(revenue, average, scale, mode);
    const std::optional<Decimal> days = turnover_days(period_days, revenue, average, scale, mode);
    const Money shown = average.value(mode);
    Decision d;
    if (!times) {
        d.add(Reason{reasons::turnover_nothing_outstanding, Outcome::allow}
                  .with("revenue", revenue)
                  .with("average", shown));
    } else if (!days) {
        d.add(Reason{reasons::turnover_no_revenue, Outcome::allow}.with("average", shown));
    } else {
        d.add(Reason{reasons::turnover, Outcome::allow}
                  .with("revenue", revenue)
                  .with("average", shown)
                  .with("turnover", *times)
                  .with("days", *days)
                  .with("period_days", period_days));
    }
    return d;
}

Decision explain(const CollectionReport& report) {
    Decision d;
    for (const CollectionLine& l : report.lines) {
        const std::string month = l.month.to_string();
        if (!l.rate) {
            d.add(Reason{reasons::collection_unplanned, Outcome::allow}
                      .with("name", l.account.value())
                      .with("month", month)
                      .with("actual", l.actual));
            continue;
        }
        const bool met = !(l.actual < l.planned);
        d.add(Reason{met ? reasons::collection_met : reasons::collection_below_plan,
                     met ? Outcome::allow : Outcome::warn}
                  .with("name", l.account.value())
                  .with("month", month)
                  .with("planned", l.planned)
                  .with("actual", l.actual)
                  .with("rate", *l.rate));
    }
    return d;
}

}  // namespace crm::credit
