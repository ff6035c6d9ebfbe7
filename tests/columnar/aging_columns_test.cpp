// Aging over columns gives exactly what the row API gives on the same items, on any number of
// threads; bad columns are errors naming the column and the row, before any result.

#include <crm/core/error.hpp>
#include <crm/credit/aging_columns.hpp>

#include <doctest/doctest.h>

#include <stop_token>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::AccountId;
using crm::Currency;
using crm::Date;
using crm::Days;
using crm::Decimal;
using crm::ErrorCode;
using crm::InvoiceId;
using crm::Money;
using namespace crm::credit;

namespace {

struct Ledger {
    std::vector<Receivable> rows;
    crm::columnar::DateColumnBuilder due{"due_on"};
    crm::columnar::DateColumnBuilder invoiced{"invoiced_on"};
    crm::columnar::AmountColumnBuilder amounts;
    crm::columnar::IdColumnBuilder accounts{"account"};

    explicit Ledger(Currency c) : amounts(c, "open_amount") {}
    void add(const Receivable& r) {
        rows.push_back(r);
        due.push_back(r.due_on);
        invoiced.push_back(r.invoiced_on);
        amounts.push_back(r.open_amount);
        accounts.push_back(r.account.value());
    }
    [[nodiscard]] ReceivableColumns columns() const {
        return ReceivableColumns{.due_on = due.view(),
                                 .invoiced_on = invoiced.view(),
                                 .open_amount = amounts.view(),
                                 .account = accounts.view()};
    }
};

// A generated ledger: ages around every bucket edge, zero amounts, amounts beyond 2^64.
Ledger generated(crm::test::Rng& rng, std::size_t n, Currency currency) {
    Ledger l(currency);
    const Date as_of(2024, 6, 30);
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t age = rng.between(-40, 800);
        const Date due = as_of - Days{age};
        // one item in eight a prepayment request (先款后票): due up to 20 days before its invoice
        const Date invoiced =
            rng.below(8) == 0 ? due + Days{rng.between(1, 20)} : due - Days{rng.between(0, 90)};
        std::int64_t cents = static_cast<std::int64_t>(rng.below(10'000'000));
        if (rng.below(10) == 0) cents = 0;
        Decimal amount = Decimal::scaled(cents, -currency.minor_units());
        if (rng.below(500) == 0) amount = amount + Decimal("1E+25");  // beyond 2^64 in minor units
        // short ids, long ones sharing their first eight bytes (the sort's tie path), and
        // Chinese ones (bytes past 0x7F, which order as unsigned)
        const std::uint64_t k = rng.below(37);
        const std::string account = k % 3 == 0   ? "A-" + std::to_string(k)
                                    : k % 3 == 1 ? "KEYACCOUNT-" + std::to_string(k)
                                                 : "客户-" + std::to_string(k);
        l.add(Receivable{.invoice = InvoiceId{"INV-" + std::to_string(i)},
                         .account = AccountId{account},
                         .invoiced_on = invoiced,
                         .due_on = due,
                         .open_amount = Money{amount, currency}});
    }
    return l;
}

void check_same(const AgingReport& got, const AgingReport& want) {
    CHECK(got == want);
    REQUIRE(got.amounts.size() == want.amounts.size());
    for (std::size_t b = 0; b < got.amounts.size(); ++b)
        CHECK(same_representation(got.amounts[b].amount(), want.amounts[b].amount()));
    CHECK(same_representation(got.total.amount(), want.total.amount()));
}

}  // namespace

TEST_SUITE("columnar.aging") {
    TEST_CASE("a worked example ages three items into their buckets") {
        // as of 2024-06-30: due 06-30 (age 0, current) CNY 100.00; due 05-31 (age 30, 1-30)
        // CNY 50.25; due 2023-06-30 (age 366, over 365) CNY 0.75. Total 151.00.
        Ledger l(Currency("CNY"));
        l.add({InvoiceId{"1"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"100.00", "CNY"}});
        l.add({InvoiceId{"2"}, AccountId{"B"}, Date(2024, 5, 1), Date(2024, 5, 31), Money{"50.25", "CNY"}});
        l.add({InvoiceId{"3"}, AccountId{"A"}, Date(2023, 6, 1), Date(2023, 6, 30), Money{"0.75", "CNY"}});
        const AgingReport r = aging(l.columns(), Date(2024, 6, 30));
        CHECK(r.amounts[0] == Money{"100.00", "CNY"});
        CHECK(r.amounts[1] == Money{"50.25", "CNY"});
        CHECK(r.amounts[6] == Money{"0.75", "CNY"});
        CHECK(r.total == Money{"151.00", "CNY"});
        CHECK(r.items == std::vector<std::size_t>{1, 1, 0, 0, 0, 0, 1});
        const auto by_account = open_by_account(l.columns());
        REQUIRE(by_account.size() == 2);
        CHECK(by_account[0] == std::pair{AccountId{"A"}, Money{"100.75", "CNY"}});
        CHECK(by_account[1] == std::pair{AccountId{"B"}, Money{"50.25", "CNY"}});
    }

    TEST_CASE("an item due today and a prepayment request are aged as the row API ages them") {
        // As of 2024-06-30: item 1 due today (invoiced 06-01); item 2 a prepayment request,
        // invoiced 07-10 but due 06-20 (10 days past due); item 3 due 05-31 (30 days past due).
        Ledger l(Currency("CNY"));
        l.add({InvoiceId{"1"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"100.00", "CNY"}});
        l.add({InvoiceId{"2"}, AccountId{"A"}, Date(2024, 7, 10), Date(2024, 6, 20), Money{"20.00", "CNY"}});
        l.add({InvoiceId{"3"}, AccountId{"A"}, Date(2024, 5, 1), Date(2024, 5, 31), Money{"3.00", "CNY"}});
        const Date as_of(2024, 6, 30);
        // due today as current: 100.00 current; 20.00 (10 days) and 3.00 (30 days) in 1-30
        const AgingReport current = aging(l.columns(), as_of);
        CHECK(current.amounts[0] == Money{"100.00", "CNY"});
        CHECK(current.amounts[1] == Money{"23.00", "CNY"});
        // due today as the first past-due day: every past-due age shifts by one, 0 -> 1,
        // 10 -> 11, 30 -> 31: 100.00 + 20.00 in 1-30, 3.00 in 31-60
        const AgingReport shifted = aging(l.columns(), as_of, {}, {.due_today = DueTodayAs::past_due});
        CHECK(shifted.amounts[0] == Money{"0.00", "CNY"});
        CHECK(shifted.amounts[1] == Money{"120.00", "CNY"});
        CHECK(shifted.amounts[2] == Money{"3.00", "CNY"});
        CHECK(shifted == aging(l.rows, as_of, {}, {.due_today = DueTodayAs::past_due}));
        // days since invoice: 29, 10 (from the earlier due date), 60 -> 1-30, 1-30, 31-60
        const AgingReport since = aging(l.columns(), as_of, {}, {.basis = AgingBasis::days_since_invoice});
        CHECK(since.amounts[1] == Money{"120.00", "CNY"});
        CHECK(since.amounts[2] == Money{"3.00", "CNY"});
        CHECK(since == aging(l.rows, as_of, {}, {.basis = AgingBasis::days_since_invoice}));
    }

    TEST_CASE("an id listed twice in the dictionary gives one line for the account") {
        // Arrow allows a dictionary with repeated values: rows at indices 0 and 2 are both
        // account A (CNY 1.00 + CNY 3.00 = CNY 4.00); B has CNY 2.00.
        Ledger l(Currency("CNY"));
        l.add({InvoiceId{"1"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"1.00", "CNY"}});
        l.add({InvoiceId{"2"}, AccountId{"B"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"2.00", "CNY"}});
        l.add({InvoiceId{"3"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"3.00", "CNY"}});
        ReceivableColumns columns = l.columns();
        const std::vector<std::string_view> dictionary = {"A", "B", "A"};
        const std::vector<std::int32_t> indices = {0, 1, 2};
        columns.account =
            crm::columnar::IdColumn{.name = "account", .indices = indices, .dictionary = dictionary};
        const auto totals = open_by_account(columns);
        REQUIRE(totals.size() == 2);
        CHECK(totals[0] == std::pair{AccountId{"A"}, Money{"4.00", "CNY"}});
        CHECK(totals[1] == std::pair{AccountId{"B"}, Money{"2.00", "CNY"}});
        const std::vector<std::int32_t> outside = {0, 3, 1};
        columns.account->indices = outside;
        crm::test::check_error([&] { return open_by_account(columns); }, ErrorCode::out_of_range,
                               "account[1]");
    }

    TEST_CASE("an account's open amount past 2^64 minor units is exact") {
        // (2^64 - 1) fen is CNY 184467440737095516.15; three of them in account A are
        // 3 x 18446744073709551615 = 55340232221128654845 fen = CNY 553402322211286548.45, past
        // what 64 bits hold (the kernel's running sums wrap and carry); B has CNY 0.01 + 0.02.
        Ledger l(Currency("CNY"));
        const Money big{"184467440737095516.15", "CNY"};
        for (int i = 0; i < 3; ++i) {
            l.add({InvoiceId{"A" + std::to_string(i)}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30),
                   big});
            l.add({InvoiceId{"B" + std::to_string(i)}, AccountId{"B"}, Date(2024, 6, 1), Date(2024, 6, 30),
                   Money{i == 0 ? "0.01" : (i == 1 ? "0.02" : "0.00"), "CNY"}});
        }
        const auto totals = open_by_account(l.columns());
        REQUIRE(totals.size() == 2);
        CHECK(totals[0] == std::pair{AccountId{"A"}, Money{"553402322211286548.45", "CNY"}});
        CHECK(totals[1] == std::pair{AccountId{"B"}, Money{"0.03", "CNY"}});
    }

    TEST_CASE("columnar aging equals row aging on generated ledgers for any thread count") {
        crm::test::Rng rng(42);
        const Date as_of(2024, 6, 30);
        for (int round = 0; round < 9; ++round) {
            CAPTURE(round);
            const Currency currency(round % 3 == 2 ? "JPY" : "CNY");
            // small ledgers stay on one thread; 140,000 rows are split in two or three
            const std::size_t n = round < 6 ? static_cast<std::size_t>(rng.below(50)) : 140'000;
            const Ledger l = generated(rng, n, currency);
            // the default buckets, the yearly ones, ten buckets (past the kernel's few-bucket
            // path) and four
            const AgingBuckets buckets =
                round % 4 == 0   ? AgingBuckets{}
                : round % 4 == 1 ? AgingBuckets::yearly_default()
                : round % 4 == 2
                    ? AgingBuckets{{{"current", 0, 0},
                                    {"1-5", 1, 5},
                                    {"6-10", 6, 10},
                                    {"11-20", 11, 20},
                                    {"21-30", 21, 30},
                                    {"31-60", 31, 60},
                                    {"61-90", 61, 90},
                                    {"91-180", 91, 180},
                                    {"181-365", 181, 365},
                                    {">365", 366, std::nullopt}}}
                    : AgingBuckets{
                          {{"0-30", 0, 30}, {"31-60", 31, 60}, {"61-90", 61, 90}, {">90", 91, std::nullopt}}};
            for (AgingBasis basis : {AgingBasis::days_past_due, AgingBasis::days_since_invoice})
                for (DueTodayAs due_today : {DueTodayAs::current, DueTodayAs::past_due}) {
                    CAPTURE(static_cast<int>(basis));
                    CAPTURE(static_cast<int>(due_today));
                    const AgingOptions options{.basis = basis, .due_today = due_today};
                    const AgingReport want = aging(l.rows, as_of, buckets, options);
                    for (int threads : {1, 2, 3}) {
                        CAPTURE(threads);
                        check_same(aging(l.columns(), as_of, buckets, options, {.threads = threads}), want);
                    }
                }
            const auto per_account = aging_by_account(l.rows, as_of);
            for (int threads : {1, 2}) {
                const auto got = open_by_account(l.columns(), {}, {.threads = threads});
                REQUIRE(got.size() == per_account.size());
                for (std::size_t k = 0; k < got.size(); ++k) {
                    CHECK(got[k].first == per_account[k].account);
                    CHECK(same_representation(got[k].second.amount(), per_account[k].report.total.amount()));
                }
            }
        }
    }

    TEST_CASE("a ledger in another currency is converted item by item as the row API converts it") {
        crm::test::Rng rng(7);
        const Ledger l = generated(rng, 2000, Currency("USD"));
        const crm::credit::FxRate rates[] = {{Currency("USD"), Decimal("7.1234")}};
        for (crm::RoundingMode mode : {crm::RoundingMode::half_up, crm::RoundingMode::floor}) {
            const AgingOptions options{
                .currency = Currency("CNY"), .rates = rates, .conversion_rounding = mode};
            check_same(aging(l.columns(), Date(2024, 6, 30), {}, options),
                       aging(l.rows, Date(2024, 6, 30), {}, options));
        }
        crm::test::check_error(
            [&] { return aging(l.columns(), Date(2024, 6, 30), {}, {.currency = Currency("CNY")}); },
            ErrorCode::not_found, "options.rates.USD");
    }

    TEST_CASE("bad columns are errors naming the column and the row - before any result") {
        Ledger l(Currency("CNY"));
        l.add({InvoiceId{"1"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"100.00", "CNY"}});
        l.add({InvoiceId{"2"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"-1.00", "CNY"}});
        crm::test::check_error([&] { return aging(l.columns(), Date(2024, 6, 30)); },
                               ErrorCode::invalid_argument, "open_amount[1]");
        Ledger order(Currency("CNY"));
        order.add(
            {InvoiceId{"1"}, AccountId{"A"}, Date(2024, 6, 1), Date(2024, 6, 30), Money{"1.00", "CNY"}});
        order.add(
            {InvoiceId{"2"}, AccountId{"A"}, Date(2024, 7, 1), Date(2024, 6, 30), Money{"1.00", "CNY"}});
        // item 2 is a prepayment request (invoiced 07-01, due 06-30): an item, as in the row API
        CHECK(aging(order.columns(), Date(2024, 6, 30)) == aging(order.rows, Date(2024, 6, 30)));
        CHECK(open_by_account(order.columns()).at(0).second == Money{"2.00", "CNY"});
        crm::test::check_error(
            [&] {
                return aging(order.columns(), Date(2024, 6, 30), {},
                             {.due_today = static_cast<DueTodayAs>(7)});
            },
            ErrorCode::invalid_argument, "options.due_today");
        ReceivableColumns columns = order.columns();
        const std::vector<std::int32_t> one_day = {0};
        columns.due_on.days = one_day;
        crm::test::check_error([&] { return aging(columns, Date(2024, 6, 30)); }, ErrorCode::invalid_argument,
                               "invoiced_on");  // 2 rows where 1 is expected
        columns = order.columns();
        columns.invoiced_on.reset();
        crm::test::check_error(
            [&] { return aging(columns, Date(2024, 6, 30), {}, {.basis = AgingBasis::days_since_invoice}); },
            ErrorCode::invalid_argument, "invoiced_on");
        columns.account.reset();
        crm::test::check_error([&] { return open_by_account(columns); }, ErrorCode::invalid_argument,
                               "account");
        crm::test::check_error(
            [&] { return aging(order.columns(), Date(2024, 6, 30), {}, {}, {.threads = -1}); },
            ErrorCode::invalid_argument, "batch.threads");
    }

    TEST_CASE("a stopped batch gives no result") {
        crm::test::Rng rng(3);
        const Ledger l = generated(rng, 200'000, Currency("CNY"));
        std::stop_source source;
        source.request_stop();
        crm::test::check_error(
            [&] { return aging(l.columns(), Date(2024, 6, 30), {}, {}, {.stop = source.get_token()}); },
            ErrorCode::invalid_operation, "stop");
        std::size_t last = 0;
        const auto r = aging(l.columns(), Date(2024, 6, 30), {}, {},
                             {.threads = 2, .progress = [&](std::size_t done, std::size_t total) {
                                  CHECK(done >= last);
                                  last = done;
                                  CHECK(total == 200'000);
                              }});
        CHECK(last == 200'000);
        CHECK(r.total == aging(l.rows, Date(2024, 6, 30)).total);
    }
}  // TEST_SUITE
