// Applying collections to open items (回款核销): worked examples for each method, partial
// payments, unapplied credit (预收款), credit notes, prepayment requests, bad input, and the
// properties over generated ledgers.

#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/application.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::Decimal;
using crm::ErrorCode;
using crm::Money;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }
Money usd(const char* amount) { return Money{amount, "USD"}; }
Date day(const char* iso) { return Date::parse(iso); }
const Date as_of = Date(2024, 6, 30);

using crm::test::check_error;

LedgerItem item(const char* invoice, const char* instalment, const char* account, const char* due,
                Money amount) {
    return LedgerItem{crm::InvoiceId{invoice}, instalment, crm::AccountId{account},
                      day(due) - Days{30},     day(due),   amount};
}

Receipt receipt(const char* id, const char* account, const char* on, Money amount, const char* invoice = "",
                const char* instalment = "") {
    return Receipt{crm::AccountId{account}, day(on), amount, id, crm::InvoiceId{invoice}, instalment};
}

// The ledger of the worked examples: account A-1 owes three items, A-2 one.
//   INV-1 due 2024-03-01 CNY 100.00  
//   INV-2 due 2024-02-01 CNY  50.00   (A-1, the oldest)
//   INV-3 instalment 预付款 due 2024-04-01 CNY 30.00, 尾款 due 2024-07-01 CNY 70.00
//   INV-9 due 2024-05-01 CNY 200.00  
std::vector<LedgerItem> ledger() {
    return {
        item("INV-1", "", "A-1", "2024-03-01", cny("100.00")),
        item("INV-2", "", "A-1", "2024-02-01", cny("50.00")),
        item("INV-3", "预付款", "A-1", "2024-04-01", cny("30.00")),
        item("INV-3", "尾款", "A-1", "2024-07-01", cny("70.00")),
        item("INV-9", "", "A-2", "2024-05-01", cny("200.00")),
    };
}

std::vector<Money> opens(const AppliedLedger& l) {
    std::vector<Money> out;
    for (const Receivable& r : l.open) out.push_back(r.open_amount);
    return out;
}

Money unapplied_total(const AppliedLedger& l) {
    Money t = Money::zero(l.currency);
    for (const UnappliedCredit& u : l.unapplied) t += u.amount;
    return t;
}

}  // namespace

TEST_SUITE("credit.application") {
    TEST_CASE("oldest due first pays the account's items by due date a partial payment leaves the rest") {
        const auto items = ledger();
        // A-1 pays CNY 120.00: INV-2 (due 02-01) 50.00 in full, then INV-1 (03-01) 70.00 of 100.00.
        // A-2 pays CNY 20.00 of INV-9.
        const std::vector<Receipt> receipts{receipt("HD-1", "A-1", "2024-06-10", cny("120.00")),
                                            receipt("HD-2", "A-2", "2024-06-11", cny("20.00"))};
        const AppliedLedger l = apply_collections(items, receipts, as_of);
        CHECK(opens(l) ==
              std::vector<Money>{cny("30.00"), cny("0.00"), cny("30.00"), cny("70.00"), cny("180.00")});
        REQUIRE(l.applications.size() == 3u);
        CHECK(l.applications[0] == Application{0, 1, cny("50.00")});
        CHECK(l.applications[1] == Application{0, 0, cny("70.00")});
        CHECK(l.applications[2] == Application{1, 4, cny("20.00")});
        CHECK(l.unapplied.empty());
        // the open items keep their invoice, account and dates: aging reads them directly
        CHECK(l.open[3].invoice == crm::InvoiceId{"INV-3"});
        CHECK(l.open[3].due_on == day("2024-07-01"));
        CHECK(aging(l.open, as_of).total == cny("310.00"));  // 30 + 0 + 30 + 70 + 180
    }

    TEST_CASE("cash beyond the account's open items is an unapplied credit or an error as declared") {
        const auto items = ledger();
        // A-2 owes 200.00 and pays 250.00: 50.00 stays as 预收款
        const std::vector<Receipt> receipts{receipt("HD-1", "A-2", "2024-06-10", cny("250.00"))};
        AppliedLedger l = apply_collections(items, receipts, as_of);
        CHECK(l.open[4].open_amount == cny("0.00"));
        REQUIRE(l.unapplied.size() == 1u);
        CHECK(l.unapplied[0] ==
              UnappliedCredit{0, "HD-1", crm::AccountId{"A-2"}, day("2024-06-10"), cny("50.00")});
        // with credits, the aging nets them: 100 + 50 + 30 + 70 owed by A-1, -50.00 credit of A-2
        const auto with = l.with_credits();
        REQUIRE(with.size() == 6u);
        CHECK(with[5].open_amount == cny("-50.00"));
        CHECK(with[5].invoice == crm::InvoiceId{"HD-1"});
        CHECK(aging(with, as_of, AgingBuckets{}, {.credits = CreditAging::by_date}).total == cny("200.00"));
        check_error(
            [&] { return apply_collections(items, receipts, as_of, {.excess = ExcessPolicy::error}); },
            ErrorCode::invalid_argument, "receipts[0].amount");
    }

    TEST_CASE("by reference each receipt pays the invoice it names its instalments oldest due first") {
        const auto items = ledger();
        // HD-1 names INV-3 with CNY 40.00: 预付款 30.00 (due 04-01) then 10.00 of 尾款.
        // HD-2 names INV-1's only line with 100.00: paid in full. HD-3 names nothing: 预收款 15.00.
        // INV-2 stays open although it is the oldest: the payer named other invoices.
        const std::vector<Receipt> receipts{receipt("HD-1", "A-1", "2024-06-01", cny("40.00"), "INV-3"),
                                            receipt("HD-2", "A-1", "2024-06-02", cny("100.00"), "INV-1"),
                                            receipt("HD-3", "A-1", "2024-06-03", cny("15.00"))};
        const ApplicationOptions by_ref{.method = ApplicationMethod::by_reference};
        AppliedLedger l = apply_collections(items, receipts, as_of, by_ref);
        CHECK(opens(l) ==
              std::vector<Money>{cny("0.00"), cny("50.00"), cny("0.00"), cny("60.00"), cny("200.00")});
        CHECK(unapplied_total(l) == cny("15.00"));
        // a receipt naming one instalment pays only it; the excess beyond it is 预收款
        const std::vector<Receipt> named{receipt("HD-4", "A-1", "2024-06-01", cny("80.00"), "INV-3", "尾款")};
        l = apply_collections(items, named, as_of, by_ref);
        CHECK(l.open[2].open_amount == cny("30.00"));
        CHECK(l.open[3].open_amount == cny("0.00"));
        CHECK(unapplied_total(l) == cny("10.00"));
        check_error(
            [&] {
                return apply_collections(
                    items, named, as_of,
                    {.method = ApplicationMethod::by_reference, .excess = ExcessPolicy::error});
            },
            ErrorCode::invalid_argument, "receipts[0].amount");
    }

    TEST_CASE("pro rata spreads a receipt over the account's open items by their open amounts") {
        const auto items = ledger();
        // A-1 owes 100 + 50 + 30 + 70 = 250.00 and pays 100.00 (an advance spread):
        // 100 x 100/250 = 40.00, 100 x 50/250 = 20.00, 100 x 30/250 = 12.00, 100 x 70/250 = 28.00
        const std::vector<Receipt> receipts{receipt("HD-1", "A-1", "2024-06-10", cny("100.00"))};
        const AppliedLedger l =
            apply_collections(items, receipts, as_of, {.method = ApplicationMethod::pro_rata});
        CHECK(opens(l) ==
              std::vector<Money>{cny("60.00"), cny("30.00"), cny("18.00"), cny("42.00"), cny("200.00")});
        // CNY 0.01 over three equal items: one whole fen, to the earliest-due item (largest remainder, ties
        // earlier)
        const std::vector<LedgerItem> three{item("X-1", "", "A", "2024-01-03", cny("1.00")),
                                            item("X-2", "", "A", "2024-01-01", cny("1.00")),
                                            item("X-3", "", "A", "2024-01-02", cny("1.00"))};
        const std::vector<Receipt> fen{receipt("HD", "A", "2024-06-01", cny("0.01"))};
        const AppliedLedger f = apply_collections(three, fen, as_of, {.method = ApplicationMethod::pro_rata});
        CHECK(opens(f) == std::vector<Money>{cny("1.00"), cny("0.99"), cny("1.00")});
    }

    TEST_CASE("credit notes stay as negative open items and a prepayment request is a legitimate item") {
        std::vector<LedgerItem> items = ledger();
        // a credit note of CNY -20.00 for A-1 (红字发票) is carried as a credit, never paid
        items.push_back(item("CN-1", "", "A-1", "2024-05-15", cny("-20.00")));
        // a prepayment request (先款后票): due 2024-06-01, invoice to be issued 2024-07-15
        items.push_back(LedgerItem{crm::InvoiceId{"PP-1"}, "", crm::AccountId{"A-2"}, day("2024-07-15"),
                                   day("2024-06-01"), cny("500.00")});
        const std::vector<Receipt> receipts{receipt("HD-1", "A-1", "2024-06-10", cny("150.00"))};
        const AppliedLedger l = apply_collections(items, receipts, as_of);
        CHECK(l.open[5].open_amount == cny("-20.00"));
        CHECK(l.open[6].open_amount == cny("500.00"));
        // oldest first for A-1: INV-2 50.00, INV-1 100.00 (the credit note is not paid)
        CHECK(l.open[1].open_amount == cny("0.00"));
        CHECK(l.open[0].open_amount == cny("0.00"));
        // aged by its due date: PP-1 is 29 days past due (2024-06-01 to 06-30), in 1-30
        const AgingReport r = aging(l.open, as_of, AgingBuckets{}, {.credits = CreditAging::by_date});
        CHECK(r.amounts[1] == cny("500.00"));
        // net total: 0 + 0 + 30 + 70 + 200 - 20 + 500 = 780.00
        CHECK(r.total == cny("780.00"));
    }

    TEST_CASE("receipts after the as-of date are not yet cash") {
        const auto items = ledger();
        const std::vector<Receipt> receipts{receipt("HD-1", "A-1", "2024-07-01", cny("120.00"))};
        const AppliedLedger l = apply_collections(items, receipts, as_of);
        CHECK(l.applications.empty());
        CHECK(l.received[0] == cny("0.00"));
        CHECK(l.open[1].open_amount == cny("50.00"));
    }

    TEST_CASE("a receipt in another currency is converted with its rate") {
        const auto items = ledger();
        // USD 10.00 x 7.10 = CNY 71.00: INV-2 50.00, then 21.00 of INV-1
        const std::vector<crm::FxRate> rates{{crm::Currency{"USD"}, Decimal{"7.10"}}};
        const std::vector<Receipt> receipts{receipt("HD-1", "A-1", "2024-06-10", usd("10.00"))};
        const AppliedLedger l = apply_collections(items, receipts, as_of, {.rates = rates});
        CHECK(l.received[0] == cny("71.00"));
        CHECK(l.open[0].open_amount == cny("79.00"));
    }

    TEST_CASE("bad input is an error naming the field and nothing is half applied") {
        const auto items = ledger();
        const auto run = [&](std::vector<Receipt> receipts, ApplicationOptions options = {}) {
            return [receipts, options, &items] { return apply_collections(items, receipts, as_of, options); };
        };
        const ApplicationOptions by_ref{.method = ApplicationMethod::by_reference};
        // a receipt in another currency without a rate
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", usd("10.00"))}), ErrorCode::not_found,
                    "receipts[0].amount");
        // an unknown invoice, an unknown instalment, an invoice of another account
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", cny("1.00"), "INV-404")}, by_ref),
                    ErrorCode::not_found, "receipts[0].invoice");
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", cny("1.00"), "INV-3", "质保金")}, by_ref),
                    ErrorCode::not_found, "receipts[0].instalment");
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", cny("1.00"), "INV-9")}, by_ref),
                    ErrorCode::inconsistent, "receipts[0].account");
        // negative, zero, fractional-fen receipts
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", cny("5.00")),
                         receipt("HD-2", "A-1", "2024-06-10", cny("-5.00"))}),
                    ErrorCode::invalid_argument, "receipts[1].amount");
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", cny("0"))}), ErrorCode::invalid_argument,
                    "receipts[0].amount");
        check_error(run({receipt("HD-1", "A-1", "2024-06-10", cny("0.001"))}), ErrorCode::invalid_argument,
                    "receipts[0].amount");
        // bad items: another currency, fractional fen, an instalment twice (by reference)
        std::vector<LedgerItem> bad = ledger();
        bad[2].amount = usd("30.00");
        check_error([&] { return apply_collections(bad, {}, as_of); }, ErrorCode::currency_mismatch,
                    "items[2].amount");
        bad = ledger();
        bad[2].amount = cny("30.005");
        check_error([&] { return apply_collections(bad, {}, as_of); }, ErrorCode::invalid_argument,
                    "items[2].amount");
        bad = ledger();
        bad[3].instalment = "预付款";
        check_error([&] { return apply_collections(bad, {}, as_of, by_ref); }, ErrorCode::duplicate,
                    "items[3].instalment");
        // options outside their enums
        check_error(run({}, {.method = static_cast<ApplicationMethod>(9)}), ErrorCode::invalid_argument,
                    "options.method");
        check_error(run({}, {.excess = static_cast<ExcessPolicy>(9)}), ErrorCode::invalid_argument,
                    "options.excess");
    }

    TEST_CASE("properties over generated ledgers") {
        crm::test::Rng rng(18);
        for (int round = 0; round < 300; ++round) {
            CAPTURE(round);
            const int accounts = static_cast<int>(rng.between(1, 4));
            std::vector<LedgerItem> items;
            const int n = static_cast<int>(rng.between(0, 12));
            for (int i = 0; i < n; ++i) {
                const std::string account = "A" + std::to_string(rng.between(1, accounts));
                const std::string invoice = "INV-" + std::to_string(rng.between(1, 6));
                const Date due = as_of - Days{rng.between(-60, 400)};
                const bool credit = rng.below(10) == 0;
                const Money amount{Decimal::scaled(rng.between(credit ? -5000 : 0, credit ? -1 : 50000), -2),
                                   crm::Currency{"CNY"}};
                items.push_back(LedgerItem{crm::InvoiceId{invoice + account}, "L" + std::to_string(i),
                                           crm::AccountId{account}, due - Days{rng.between(-10, 60)}, due,
                                           amount});
            }
            std::vector<Receipt> receipts;
            const int m = static_cast<int>(rng.between(0, 8));
            for (int j = 0; j < m; ++j) {
                const std::string account = "A" + std::to_string(rng.between(1, accounts));
                Receipt r{crm::AccountId{account},
                          as_of - Days{rng.between(-5, 100)},
                          Money{Decimal::scaled(rng.between(1, 40000), -2), crm::Currency{"CNY"}},
                          "HD-" + std::to_string(j),
                          crm::InvoiceId{},
                          ""};
                // by reference: name an invoice of the same account sometimes
                if (!items.empty() && rng.coin()) {
                    const LedgerItem& target = items[rng.below(items.size())];
                    if (target.account == r.account) r.invoice = target.invoice;
                }
                receipts.push_back(r);
            }
            for (const ApplicationMethod method :
                 {ApplicationMethod::by_reference, ApplicationMethod::oldest_due_first,
                  ApplicationMethod::pro_rata}) {
                CAPTURE(method);
                const AppliedLedger l = apply_collections(items, receipts, as_of, {.method = method});
                // applications + unapplied credit sum exactly to each receipt
                std::vector<Money> by_receipt(receipts.size(), Money::zero(l.currency));
                std::vector<Money> by_item(items.size(), Money::zero(l.currency));
                for (const Application& a : l.applications) {
                    CHECK(a.amount.signum() > 0);
                    by_receipt[a.receipt] += a.amount;
                    by_item[a.item] += a.amount;
                }
                for (const UnappliedCredit& u : l.unapplied) by_receipt[u.receipt] += u.amount;
                for (std::size_t j = 0; j < receipts.size(); ++j) CHECK(by_receipt[j] == l.received[j]);
                // open = amount - applied; never negative except a declared credit (a credit note)
                Money total = Money::zero(l.currency);
                for (std::size_t i = 0; i < items.size(); ++i) {
                    CHECK(l.open[i].open_amount == items[i].amount - by_item[i]);
                    if (items[i].amount.signum() >= 0) {
                        CHECK(l.open[i].open_amount.signum() >= 0);
                    } else {
                        CHECK(by_item[i].is_zero());
                    }
                    total += l.open[i].open_amount;
                }
                // aging totals equal the sum of open items, credits included
                const auto with = l.with_credits();
                Money with_total = total;
                for (const UnappliedCredit& u : l.unapplied) with_total -= u.amount;
                const AgingOptions by_date{.currency = crm::Currency{"CNY"}, .credits = CreditAging::by_date};
                CHECK(aging(with, as_of, AgingBuckets{}, by_date).total == with_total);
                const AgingWithCredits column =
                    aging_with_credit_column(with, as_of, AgingBuckets{}, by_date, NotYetDue::own_column);
                CHECK(column.net_total == with_total);
                CHECK(column.unapplied.signum() <= 0);
                // oldest first: no item stays open while a later-due item of the same account is paid
                if (method == ApplicationMethod::oldest_due_first) {
                    for (std::size_t a = 0; a < items.size(); ++a)
                        for (std::size_t b = 0; b < items.size(); ++b) {
                            if (items[a].account != items[b].account || !(items[a].due_on < items[b].due_on))
                                continue;
                            if (l.open[a].open_amount.signum() > 0) CHECK(by_item[b].is_zero());
                        }
                }
                // by reference: the same open amounts whatever order the receipts come in
                if (method == ApplicationMethod::by_reference) {
                    std::vector<Receipt> reversed(receipts.rbegin(), receipts.rend());
                    const AppliedLedger r = apply_collections(items, reversed, as_of, {.method = method});
                    CHECK(opens(r) == opens(l));
                    CHECK(unapplied_total(r) == unapplied_total(l));
                }
            }
        }
    }

}  // TEST_SUITE
