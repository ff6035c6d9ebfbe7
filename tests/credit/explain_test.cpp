// The credit reports explain themselves in Chinese and English: aging, caps, provisions,
// turnover and collection, with the figures of the reports (worked examples in comments).

#include <crm/core/error.hpp>
#include <crm/credit/explain.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/errors.hpp"

using crm::Date;
using crm::Days;
using crm::Lang;
using crm::Money;
using crm::Percent;
using crm::Period;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }
const Date as_of = Date(2024, 6, 30);

Receivable past_due(const char* id, std::int64_t days, Money open, const char* account = "A-1") {
    const Date due = as_of - Days{days};
    return Receivable{crm::InvoiceId{id}, crm::AccountId{account}, due - Days{30}, due, open};
}

}  // namespace

TEST_SUITE("credit.explain") {
    TEST_CASE("an aging explains each bucket with the word of its side") {
        // current: 1,000.00 + 500.00 (2 items); 1-30: 200.00; >365: 1,234.56; total 2,934.56
        const std::vector<Receivable> items{past_due("A", -10, cny("1000.00")),
                                            past_due("B", 0, cny("500.00")), past_due("C", 1, cny("200.00")),
                                            past_due("J", 366, cny("1234.56"))};
        const crm::Decision d = explain(aging(items, as_of));
        CHECK(d.outcome() == crm::Outcome::allow);
        CHECK(crm::explain(d, Lang::zh) ==
              "通过\n"
              "- 账龄 0天：CNY 1,500.00（2 笔）\n"
              "- 账龄 1-30天：CNY 200.00（1 笔）\n"
              "- 账龄 超过365天：CNY 1,234.56（1 笔）\n"
              "- 截至 2024-06-30 应收账款余额：CNY 2,934.56");
        CHECK(crm::explain(d, Lang::en) ==
              "allow\n"
              "- aged 0 days: CNY 1,500.00 (2 items)\n"
              "- aged 1-30 days: CNY 200.00 (1 items)\n"
              "- aged more than 365 days: CNY 1,234.56 (1 items)\n"
              "- open receivables at 2024-06-30: CNY 2,934.56");
        // with a credit column: a credit note of -150.00 stands apart; net 2,784.56
        std::vector<Receivable> with = items;
        with.push_back(past_due("CN", 45, cny("-150.00")));
        const crm::Decision c =
            explain(aging_with_credit_column(with, as_of, AgingBuckets{}, {}, NotYetDue::own_column));
        CHECK(crm::explain(c, Lang::zh) ==
              "通过\n"
              "- 账龄 0天：CNY 500.00（1 笔）\n"
              "- 账龄 1-30天：CNY 200.00（1 笔）\n"
              "- 账龄 超过365天：CNY 1,234.56（1 笔）\n"
              "- 未到期：CNY 1,000.00（1 笔）\n"
              "- 未核销贷项（预收款、红字发票）：-CNY 150.00（1 笔）\n"
              "- 截至 2024-06-30 应收账款余额：CNY 2,784.56");
    }

    TEST_CASE("a cap report says which cap is exceeded and by how much") {
        // A-1 owes 700.00 against a cap of 500.00: 200.00 over; A-2 owes 100.00 of 1,000.00: 900.00 headroom
        const std::vector<Receivable> items{past_due("X", 5, cny("700.00"), "A-1"),
                                            past_due("Y", 5, cny("100.00"), "A-2")};
        const std::vector<AccountCap> caps{{crm::AccountId{"A-1"}, cny("500.00")},
                                           {crm::AccountId{"A-2"}, cny("1000.00")}};
        const crm::Decision d = explain(cap_report(items, {}, caps, {}));
        CHECK(d.outcome() == crm::Outcome::block);
        CHECK(crm::explain(d, Lang::zh) ==
              "拒绝\n"
              "- A-1 应收账款 CNY 700.00 超过控制规模 CNY 500.00，超出 CNY 200.00\n"
              "- A-2 应收账款 CNY 100.00 未超过控制规模 CNY 1,000.00，尚余 CNY 900.00");
        CHECK(crm::explain(d, Lang::en) ==
              "block\n"
              "- receivables of A-1 CNY 700.00 exceed the cap CNY 500.00 by CNY 200.00\n"
              "- receivables of A-2 CNY 100.00 are within the cap CNY 1,000.00; headroom CNY 900.00");
    }

    TEST_CASE("a provision explains each age band its rate and its amount") {
        // within 1 year 10,000.00 x 5% = 500.00; 1-2 years 2,000.00 x 10% = 200.00; total 700.00
        const std::vector<Receivable> items{past_due("A", 100, cny("10000.00")),
                                            past_due("B", 400, cny("2000.00"))};
        const ProvisionSchedule schedule{};
        const Provision p = provision(items, as_of, schedule);
        const crm::Decision d = explain(p, schedule.buckets);
        CHECK(crm::explain(d, Lang::zh) ==
              "通过\n"
              "- 账龄 365天以下：应收 CNY 10,000.00，计提比例 5%，坏账准备 CNY 500.00\n"
              "- 账龄 366-730天：应收 CNY 2,000.00，计提比例 10%，坏账准备 CNY 200.00\n"
              "- 应收账款 CNY 12,000.00，计提坏账准备合计 CNY 700.00");
        crm::test::check_error([&] { return explain(p, AgingBuckets{}); }, crm::ErrorCode::inconsistent,
                               "buckets");
    }

    TEST_CASE("turnover explains its times and days and the two degenerate cases") {
        // 366 days, revenue 7,200,000.00 over an average of 1,200,000.00: 6.00 times, 61.00 days
        const AverageBalance avg = average_of_opening_and_closing(cny("1000000.00"), cny("1400000.00"));
        CHECK(
            crm::explain(explain_turnover(cny("7200000.00"), avg, Days{366}), Lang::zh) ==
            "通过\n- 营业收入 CNY 7,200,000.00，应收账款平均余额 CNY 1,200,000.00：周转率 6.00 次，周转天数 "
            "61.00 天（期间 366 天）");
        const AverageBalance none = average_of_opening_and_closing(cny("0"), cny("0"));
        CHECK(explain_turnover(cny("100.00"), none, Days{30}).has("credit.turnover_nothing_outstanding"));
        CHECK(crm::explain(explain_turnover(cny("0"), avg, Days{30}), Lang::zh) ==
              "通过\n- 本期无营业收入：应收账款平均余额 CNY 1,200,000.00 未周转");
    }

    TEST_CASE("collection explains each account and month against its plan") {
        // A-1 March: 95,000.00 of 100,000.00 (95.00%), below plan; A-2 March: 50,000.00 of 50,000.00;
        // A-2 April: 10.00 without a plan
        const std::vector<CollectionPlan> plans{
            {crm::AccountId{"A-1"}, Period::month(2024, 3), cny("100000.00")},
            {crm::AccountId{"A-2"}, Period::month(2024, 3), cny("50000.00")}};
        const std::vector<Receipt> receipts{{crm::AccountId{"A-1"}, Date(2024, 3, 10), cny("95000.00")},
                                            {crm::AccountId{"A-2"}, Date(2024, 3, 12), cny("50000.00")},
                                            {crm::AccountId{"A-2"}, Date(2024, 4, 2), cny("10.00")}};
        const crm::Decision d = explain(collection_report(plans, receipts));
        CHECK(d.outcome() == crm::Outcome::warn);
        CHECK(crm::explain(d, Lang::zh) ==
              "警告\n"
              "- A-1 2024-03：计划回款 CNY 100,000.00，实际回款 CNY 95,000.00，回款率 95.00%，未完成计划\n"
              "- A-2 2024-03：计划回款 CNY 50,000.00，实际回款 CNY 50,000.00，回款率 100.00%，完成计划\n"
              "- A-2 2024-04：无回款计划，实际回款 CNY 10.00");
    }

}  // TEST_SUITE
