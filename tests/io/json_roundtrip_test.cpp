// Property: writing a value and reading it back gives the same value, and writing again gives
// the same text (the written form is canonical), over generated policy sets and fact documents.

#include <crm/io/json.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::Money;
using crm::Percent;
using crm::test::Rng;

namespace {

std::string text(Rng& rng) {
    static const char* const words[] = {"A",    "B",         "政府单位", "集团客户", "经销商",
                                        "x\"q", "tab\there", "a/b~c",    ""};
    return words[rng.below(std::size(words))];
}

Money money(Rng& rng) {
    static const char* const codes[] = {"CNY", "USD", "JPY", "EUR"};
    const crm::Currency c{codes[rng.below(4)]};
    return Money{crm::Decimal::scaled(rng.between(0, 99'999'999'999), -c.minor_units()), c};
}

/// A percent in [lo, hi] with up to two places, written with as many places as it was made with.
Percent percent(Rng& rng, std::int64_t lo, std::int64_t hi) {
    const std::int64_t hundredths = rng.between(lo * 100, hi * 100);
    if (hundredths % 100 == 0 && rng.coin()) return Percent{crm::Decimal::scaled(hundredths / 100, 0)};
    return Percent{crm::Decimal::scaled(hundredths, -2)};
}

Date date(Rng& rng) { return Date{2020, 1, 1} + Days{rng.between(0, 3000)}; }

crm::policy::PolicyVersion version(Rng& rng, int index) {
    using namespace crm::credit;
    crm::policy::PolicyVersion v{
        .id = "v" + std::to_string(index),
        .effective_from = Date{2020, 1, 1} + Days{index * 400 + rng.between(0, 300)}};
    const int rows = static_cast<int>(rng.below(4));
    for (int i = 0; i < rows; ++i) {
        Policy p;
        p.exposure.open_orders = rng.coin();
        p.exposure.this_order = rng.coin();
        if (rng.coin()) p.warn_utilisation = rng.coin() ? std::optional<Percent>{} : percent(rng, 1, 100);
        const Money cny = Money{crm::Decimal::scaled(rng.between(0, 9'999'999), -2), crm::Currency{"CNY"}};
        if (rng.coin()) p.tolerance.amount = cny;
        if (rng.coin()) p.tolerance.percent = rng.coin() ? std::optional<Percent>{} : percent(rng, 0, 50);
        p.tolerance.rule = rng.coin() ? ToleranceRule::larger : ToleranceRule::smaller;
        if (rng.coin())
            p.overdue.max_days_past_due = rng.coin() ? std::optional<Days>{} : Days{rng.between(0, 400)};
        if (rng.coin()) p.overdue.max_overdue_amount = cny;
        p.overdue.grace = Days{rng.between(0, 10)};
        if (rng.coin())
            p.limit_valid_months = rng.coin() ? std::optional<int>{} : static_cast<int>(rng.between(1, 36));
        p.on_hold = rng.coin() ? Escalation::block : Escalation::needs_approval;
        p.conversion_rounding = static_cast<crm::RoundingMode>(rng.below(7));
        v.credit.policies.push_back({.tier = "T" + std::to_string(i), .segment = text(rng), .policy = p});
    }
    if (rng.coin()) {
        v.credit.aging_buckets = {{.label = "未到期", .from_days = 0, .to_days = 0},
                                  {.label = "1-45", .from_days = 1, .to_days = 45},
                                  {.label = ">45", .from_days = 46, .to_days = std::nullopt}};
    }
    if (rng.coin()) v.credit.provisions.rates[0] = percent(rng, 0, 10);
    if (rng.coin()) v.credit.provisions.basis = AgingBasis::days_past_due;
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
        v.credit.account_caps.push_back(
            {.account = crm::AccountId{"A-" + std::to_string(i)}, .cap = money(rng)});
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
        v.credit.region_caps.push_back({.region = crm::RegionId{"R" + std::to_string(i)}, .cap = money(rng)});
    if (rng.coin())
        v.account.pool.max_accounts_per_rep =
            rng.coin() ? std::optional<std::int64_t>{} : rng.between(1, 500);
    v.account.pool.reclaim_cooldown = Days{rng.between(0, 90)};
    v.account.pool.transfer_needs_approval = rng.coin();
    v.account.pool.release_after = rng.coin() ? crm::Boundary::inclusive : crm::Boundary::exclusive;
    if (rng.coin()) v.account.pool.tiers[1].deal_within = std::nullopt;
    v.account.visits.tiers[0].every_months = static_cast<int>(rng.between(1, 12));
    v.account.visits.skip_lost = rng.coin();
    for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i) {
        crm::policy::CalendarPolicy c{.spec = {.name = "cal" + std::to_string(i)}};
        c.spec.strict = rng.coin();
        if (rng.coin()) c.spec.weekend = {crm::Weekday::sunday};
        for (int k = 0, m = static_cast<int>(rng.below(5)); k < m; ++k) c.spec.holidays.push_back(date(rng));
        v.calendars.push_back(c);
    }
    return v;
}

crm::credit::Receivable receivable(Rng& rng, int i) {
    const Date invoiced = date(rng);
    return {.invoice = crm::InvoiceId{"INV-" + std::to_string(i)},
            .account = crm::AccountId{text(rng)},
            .invoiced_on = invoiced,
            .due_on = invoiced + Days{rng.between(0, 120)},
            .open_amount = money(rng)};
}

}  // namespace

TEST_SUITE("io.json") {
    TEST_CASE("a property: policy sets round-trip through their canonical document") {
        Rng rng(0x15);
        for (int round = 0; round < 150; ++round) {
            crm::policy::PolicySet set{.company = text(rng)};
            for (int i = 0, n = static_cast<int>(rng.between(1, 3)); i < n; ++i)
                set.versions.push_back(version(rng, i));
            CAPTURE(round);
            (void)set.validate();  // the generator makes valid sets only
            const std::string doc = crm::io::write_policy_set(set);
            const auto back = crm::io::read_policy_set(doc, "generated.json");
            CHECK(back == set);
            CHECK(crm::io::write_policy_set(back) == doc);
        }
    }

    TEST_CASE("a property: credit accounts and ledgers round-trip") {
        Rng rng(0x1515);
        for (int round = 0; round < 150; ++round) {
            CAPTURE(round);
            crm::io::CreditAccount a;
            a.profile.account = crm::AccountId{text(rng)};
            a.profile.limit =
                Money{crm::Decimal::scaled(rng.between(0, 99'999'999), -2), crm::Currency{"CNY"}};
            a.profile.rating = text(rng);
            a.profile.limit_reviewed_on = date(rng);
            if (rng.coin())
                a.profile.hold = crm::credit::CreditHold{.reason = text(rng), .since = std::nullopt};
            if (rng.coin() && a.profile.hold) a.profile.hold->since = date(rng);
            a.tier = "A";
            a.segment = text(rng);
            for (int i = 0, n = static_cast<int>(rng.below(5)); i < n; ++i)
                a.receivables.push_back(receivable(rng, i));
            for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
                a.open_orders.push_back(
                    {.id = crm::OrderId{"SO-" + std::to_string(i)}, .amount = money(rng)});
            for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
                a.shipped_not_invoiced.push_back(
                    {.id = crm::OrderId{"D-" + std::to_string(i)}, .amount = money(rng)});
            if (rng.coin()) a.rates.push_back({.from = crm::Currency{"USD"}, .rate = crm::Decimal{"7.1234"}});
            const std::string doc = crm::io::write_credit_account(a);
            const auto back = crm::io::read_credit_account(doc);
            CHECK(back == a);
            CHECK(crm::io::write_credit_account(back) == doc);

            crm::io::ReceivablesLedger l{.receivables = a.receivables};
            if (rng.coin()) l.currency = crm::Currency{"CNY"};
            l.rates = {{.from = crm::Currency{"USD"}, .rate = crm::Decimal{"7.1"}}};
            if (rng.coin())
                l.regions.push_back({.account = crm::AccountId{"A"}, .region = crm::RegionId{"east"}});
            if (!l.currency && !l.receivables.empty() &&
                l.receivables[0].open_amount.currency().code() == "USD")
                l.rates.clear();  // a rate for the report currency itself must be 1
            const std::string ledger = crm::io::write_receivables(l);
            CHECK(crm::io::read_receivables(ledger) == l);
        }
    }
}
