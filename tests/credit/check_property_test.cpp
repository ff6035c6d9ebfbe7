// Properties of the order credit check over thousands of generated snapshots (fixed seed):
// a larger order never gets a milder outcome; a later as-of date (nothing paid) never clears a
// reason; the outcome is the most severe reason's; reasons come in the documented order;
// the exposure is the sum of its counted components.

#include <crm/core/decision.hpp>
#include <crm/credit/check.hpp>
#include <crm/credit/exposure.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::Decimal;
using crm::Money;
using crm::Outcome;
using crm::Percent;
using namespace crm::credit;

namespace {

constexpr std::array<std::string_view, 7> documented_order{
    "credit.on_hold",    "credit.limit_expired",  "credit.overdue_days",     "credit.overdue_amount",
    "credit.over_limit", "credit.over_tolerance", "credit.high_utilisation",
};

Money cents(std::int64_t c) { return Money{Decimal::scaled(c, -2), crm::Currency{}}; }

struct Generated {
    Policy policy;
    CreditProfile profile;
    std::vector<Receivable> receivables;
    std::vector<Order> open_orders;
    std::vector<Order> shipped;
    Date as_of;

    CreditSnapshot snapshot() const {
        return CreditSnapshot{
            .receivables = receivables, .open_orders = open_orders, .shipped_not_invoiced = shipped};
    }
};

Generated generate(crm::test::Rng& rng) {
    Generated g;
    g.as_of = Date(2024, 6, 30);
    Policy& p = g.policy;
    p.exposure = ExposureComponents{.open_receivables = rng.below(8) != 0,
                                    .open_orders = rng.below(8) != 0,
                                    .shipped_not_invoiced = rng.coin(),
                                    .this_order = rng.below(10) != 0};
    p.warn_utilisation =
        rng.below(5) == 0 ? std::nullopt : std::optional<Percent>(Percent{Decimal{rng.between(50, 100)}});
    switch (rng.below(4)) {
    case 0: p.tolerance = OverLimitTolerance{.amount = std::nullopt, .percent = std::nullopt}; break;
    case 1:
        p.tolerance =
            OverLimitTolerance{.amount = cents(rng.between(0, 20'000'000)), .percent = std::nullopt};
        break;
    case 2:
        p.tolerance =
            OverLimitTolerance{.amount = std::nullopt, .percent = Percent{Decimal{rng.between(0, 30)}}};
        break;
    default:
        p.tolerance = OverLimitTolerance{.amount = cents(rng.between(0, 20'000'000)),
                                         .percent = Percent{Decimal{rng.between(0, 30)}},
                                         .rule = rng.coin() ? ToleranceRule::smaller : ToleranceRule::larger};
    }
    p.overdue.max_days_past_due =
        rng.below(4) == 0 ? std::nullopt : std::optional<Days>(Days{rng.between(0, 120)});
    p.overdue.max_overdue_amount =
        rng.coin() ? std::nullopt : std::optional<Money>(cents(rng.between(0, 50'000'000)));
    p.overdue.grace = Days{rng.between(0, 10)};
    p.limit_valid_months =
        rng.below(4) == 0 ? std::nullopt : std::optional<int>(static_cast<int>(rng.between(1, 24)));
    p.on_hold = rng.coin() ? Escalation::block : Escalation::needs_approval;
    p.on_expired_limit = rng.coin() ? Escalation::block : Escalation::needs_approval;

    g.profile.limit = cents(rng.below(10) == 0 ? 0 : rng.between(0, 100'000'000));
    if (rng.below(10) == 0) g.profile.hold = CreditHold{.reason = "generated"};
    g.profile.limit_reviewed_on = g.as_of - Days{rng.between(0, 800)};

    const auto n = rng.below(13);
    for (std::uint64_t i = 0; i < n; ++i) {
        const Date invoiced = g.as_of - Days{rng.between(-30, 400)};
        g.receivables.push_back(Receivable{crm::InvoiceId{"INV-" + std::to_string(i)}, crm::AccountId{"A"},
                                           invoiced, invoiced + Days{rng.between(0, 90)},
                                           cents(rng.below(6) == 0 ? 0 : rng.between(1, 30'000'000))});
    }
    for (std::uint64_t i = 0, k = rng.below(5); i < k; ++i)
        g.open_orders.push_back(
            Order{crm::OrderId{"SO-" + std::to_string(i)}, cents(rng.between(0, 20'000'000))});
    for (std::uint64_t i = 0, k = rng.below(4); i < k; ++i)
        g.shipped.push_back(
            Order{crm::OrderId{"SH-" + std::to_string(i)}, cents(rng.between(0, 10'000'000))});
    return g;
}

bool has_code(const crm::Decision& d, std::string_view code) { return d.has(code); }

void check_shape(const crm::Decision& d) {
    Outcome most = Outcome::allow;
    std::size_t last = 0;
    for (const crm::Reason& r : d.reasons()) {
        most = std::max(most, r.severity());
        const auto at = static_cast<std::size_t>(
            std::find(documented_order.begin(), documented_order.end(), r.code()) - documented_order.begin());
        REQUIRE(at < documented_order.size());
        CHECK(at >= last);
        last = at;
    }
    CHECK(d.outcome() == most);
    // over_tolerance never comes without over_limit, high_utilisation never with it
    if (has_code(d, "credit.over_tolerance")) CHECK(has_code(d, "credit.over_limit"));
    if (has_code(d, "credit.over_limit")) CHECK_FALSE(has_code(d, "credit.high_utilisation"));
}

}  // namespace

TEST_SUITE("credit.check") {
    TEST_CASE("a larger order never gets a milder outcome") {
        crm::test::Rng rng(20240630);
        for (int i = 0; i < 3000; ++i) {
            CAPTURE(i);
            const Generated g = generate(rng);
            const std::int64_t small = rng.between(0, 60'000'000);
            const std::int64_t large = small + rng.between(0, 60'000'000);
            const Order a{crm::OrderId{"SO-X"}, cents(small)};
            const Order b{crm::OrderId{"SO-X"}, cents(large)};
            const crm::Decision da = check_order(g.policy, g.profile, g.snapshot(), a, g.as_of);
            const crm::Decision db = check_order(g.policy, g.profile, g.snapshot(), b, g.as_of);
            CAPTURE(da);
            CAPTURE(db);
            CHECK(da.outcome() <= db.outcome());
            // the thresholds of the exposure are crossed upward only
            if (has_code(da, "credit.over_limit")) CHECK(has_code(db, "credit.over_limit"));
            if (has_code(da, "credit.over_tolerance")) CHECK(has_code(db, "credit.over_tolerance"));
            check_shape(da);
            check_shape(db);
        }
    }

    TEST_CASE("a later as-of date never clears a reason by itself") {
        crm::test::Rng rng(7);
        for (int i = 0; i < 3000; ++i) {
            CAPTURE(i);
            const Generated g = generate(rng);
            const Order order{crm::OrderId{"SO-X"}, cents(rng.between(0, 60'000'000))};
            const Date later = g.as_of + Days{rng.between(0, 400)};
            const crm::Decision now = check_order(g.policy, g.profile, g.snapshot(), order, g.as_of);
            const crm::Decision then = check_order(g.policy, g.profile, g.snapshot(), order, later);
            CAPTURE(now);
            CAPTURE(then);
            CHECK(now.outcome() <= then.outcome());
            for (const crm::Reason& r : now.reasons()) CHECK(has_code(then, r.code()));
            const ReceivablesPosition p0 = receivables_position(g.policy, g.profile, g.snapshot(), g.as_of);
            const ReceivablesPosition p1 = receivables_position(g.policy, g.profile, g.snapshot(), later);
            CHECK(p0.overdue <= p1.overdue);
            CHECK(p0.oldest_days_past_due <= p1.oldest_days_past_due);
            CHECK(p0.open == p1.open);
        }
    }

    TEST_CASE("the exposure is exactly the sum of its counted components") {
        crm::test::Rng rng(99);
        for (int i = 0; i < 2000; ++i) {
            CAPTURE(i);
            const Generated g = generate(rng);
            const Order order{crm::OrderId{"SO-X"}, cents(rng.between(0, 60'000'000))};
            const Exposure e = exposure(g.policy, g.profile, g.snapshot(), order);
            Money open = cents(0);
            for (const Receivable& r : g.receivables) open += r.open_amount;
            Money orders = cents(0);
            for (const Order& o : g.open_orders) orders += o.amount;
            Money shipped = cents(0);
            for (const Order& o : g.shipped) shipped += o.amount;
            CHECK(e.open_receivables == open);
            CHECK(e.open_orders == orders);
            CHECK(e.shipped_not_invoiced == shipped);
            CHECK(e.order == order.amount);
            Money total = cents(0);
            if (g.policy.exposure.open_receivables) total += open;
            if (g.policy.exposure.open_orders) total += orders;
            if (g.policy.exposure.shipped_not_invoiced) total += shipped;
            if (g.policy.exposure.this_order) total += order.amount;
            CHECK(e.total == total);
        }
    }

    // The scan sums a plain ledger (every amount in the profile's currency, at its minor unit,
    // below 2^64) in two 64-bit words, and any other in Decimal. A zero that is not plain
    // (-0.00) appended to each list changes no figure but sends every list through the Decimal
    // pass: both passes must give the same decision and the same figures, digit for digit.
    TEST_CASE("a plain ledger gives the same figures in the integer pass as in the decimal pass") {
        crm::test::Rng rng(20261208);
        const Money neutral{Decimal{"-0.00"}, crm::Currency{}};
        for (int i = 0; i < 3000; ++i) {
            CAPTURE(i);
            Generated g = generate(rng);
            if (rng.below(4) == 0)  // amounts near 2^64 minor units: the sums carry into the high word
                for (Receivable& r : g.receivables)
                    r.open_amount =
                        Money{Decimal::from_parts_unchecked(false, ~std::uint64_t{0} - rng.below(1000), -2),
                              crm::Currency{}};
            // the checked order replaces one of the open orders, or is new
            const crm::OrderId id = !g.open_orders.empty() && rng.coin()
                                        ? g.open_orders[rng.below(g.open_orders.size())].id
                                        : crm::OrderId{"SO-X"};
            const Order order{id, cents(rng.between(0, 60'000'000))};
            Generated h = g;
            h.receivables.push_back(Receivable{crm::InvoiceId{"INV-Z"}, crm::AccountId{"A"},
                                               g.as_of - Days{500}, g.as_of - Days{400}, neutral});
            h.open_orders.push_back(Order{crm::OrderId{"SO-Z"}, neutral});
            h.shipped.push_back(Order{crm::OrderId{"SH-Z"}, neutral});

            const ReceivablesPosition fast = receivables_position(g.policy, g.profile, g.snapshot(), g.as_of);
            const ReceivablesPosition slow = receivables_position(h.policy, h.profile, h.snapshot(), h.as_of);
            CHECK(fast == slow);
            CHECK(fast.open.amount().to_string() == slow.open.amount().to_string());
            CHECK(fast.overdue.amount().to_string() == slow.overdue.amount().to_string());
            const Exposure ef = exposure(g.policy, g.profile, g.snapshot(), order);
            const Exposure es = exposure(h.policy, h.profile, h.snapshot(), order);
            CHECK(ef == es);
            CHECK(ef.open_orders.amount().to_string() == es.open_orders.amount().to_string());
            CHECK(ef.shipped_not_invoiced.amount().to_string() ==
                  es.shipped_not_invoiced.amount().to_string());
            CHECK(ef.total.amount().to_string() == es.total.amount().to_string());
            // and both are the plain sums (a replaced order counts once, as the checked order)
            Decimal open{"0.00"};
            Decimal overdue{"0.00"};
            for (const Receivable& r : g.receivables) {
                open += r.open_amount.amount();
                if (g.as_of - r.due_on > g.policy.overdue.grace) overdue += r.open_amount.amount();
            }
            Decimal orders{"0.00"};
            for (const Order& o : g.open_orders)
                if (o.id != order.id) orders += o.amount.amount();
            CHECK(fast.open.amount() == open);
            CHECK(fast.overdue.amount() == overdue);
            CHECK(ef.open_orders.amount() == orders);
            CHECK(check_order(g.policy, g.profile, g.snapshot(), order, g.as_of) ==
                  check_order(h.policy, h.profile, h.snapshot(), order, h.as_of));
        }
    }

    // Ledgers the integer pass does not take (an item in another currency, an amount kept to
    // more places than the minor unit, one of 2^64 minor units or more) are summed in Decimal,
    // each foreign item converted and rounded on its own, wherever in the list the item stands.
    TEST_CASE("a mixed ledger sums as its items converted one by one") {
        crm::test::Rng rng(8);
        const std::vector<FxRate> rates{{crm::Currency{"USD"}, Decimal{"7.1234"}}};
        for (int i = 0; i < 2000; ++i) {
            CAPTURE(i);
            Generated g = generate(rng);
            Decimal open{"0.00"};
            Decimal orders{"0.00"};
            for (Receivable& r : g.receivables) {
                switch (rng.below(5)) {
                case 0: r.open_amount = Money{r.open_amount.amount(), crm::Currency{"USD"}}; break;
                case 1:
                    r.open_amount = Money{r.open_amount.amount() * Decimal{"1.0"}, crm::Currency{}};
                    break;
                case 2:
                    r.open_amount =
                        Money{Decimal{"184467440737095516.16"} + r.open_amount.amount(), crm::Currency{}};
                    break;
                default: break;
                }
                open += r.open_amount.currency() == crm::Currency{"USD"}
                            ? crm::round_to_scale(r.open_amount.amount() * Decimal{"7.1234"}, 2,
                                                  crm::RoundingMode::half_up)
                            : r.open_amount.amount();
            }
            for (Order& o : g.open_orders) {
                if (rng.coin()) o.amount = Money{o.amount.amount(), crm::Currency{"USD"}};
                orders += o.amount.currency() == crm::Currency{"USD"}
                              ? crm::round_to_scale(o.amount.amount() * Decimal{"7.1234"}, 2,
                                                    crm::RoundingMode::half_up)
                              : o.amount.amount();
            }
            CreditSnapshot snapshot = g.snapshot();
            snapshot.rates = rates;
            const Exposure e = exposure(g.policy, g.profile, snapshot, Order{crm::OrderId{"SO-X"}, cents(1)});
            CHECK(e.open_receivables.amount() == open);
            CHECK(e.open_orders.amount() == orders);
        }
    }

}  // TEST_SUITE
