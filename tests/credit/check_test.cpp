// The order credit check: the worked example of domain.md section 4 (arithmetic in comments),
// every reason on its own and in combination, the explanations, and bad input.

#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/check.hpp>

#include <doctest/doctest.h>

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../support/errors.hpp"

using crm::Date;
using crm::Days;
using crm::ErrorCode;
using crm::Money;
using crm::Outcome;
using crm::Percent;
using namespace crm::credit;

namespace {

Money cny(const char* amount) { return Money{amount, "CNY"}; }
Money usd(const char* amount) { return Money{amount, "USD"}; }
Date day(const char* iso) { return Date::parse(iso); }

using crm::test::check_error;

std::vector<std::string_view> codes(const crm::Decision& d) {
    std::vector<std::string_view> out;
    for (const crm::Reason& r : d.reasons()) out.push_back(r.code());
    return out;
}

// The worked example. As of 2024-06-30, an account with a CNY 1,000,000.00 limit reviewed on
// 2024-01-15 owes:
//   INV-1 invoiced 2024-04-01, due 2024-05-01, open 300,000.00: 60 days past due (30 in May + 30 in June)
//   INV-2 invoiced 2024-05-20, due 2024-06-19, open 200,000.00: 11 days past due
//   INV-3 invoiced 2024-06-10, due 2024-07-10, open 100,000.00: not yet due
// open receivables 600,000.00 + open order SO-1 150,000.00 + shipped not invoiced SO-0 50,000.00
// = 800,000.00 before the order being checked.
struct Example {
    std::vector<Receivable> receivables{
        {crm::InvoiceId{"INV-1"}, crm::AccountId{"A-1"}, day("2024-04-01"), day("2024-05-01"),
         cny("300000.00")},
        {crm::InvoiceId{"INV-2"}, crm::AccountId{"A-1"}, day("2024-05-20"), day("2024-06-19"),
         cny("200000.00")},
        {crm::InvoiceId{"INV-3"}, crm::AccountId{"A-1"}, day("2024-06-10"), day("2024-07-10"),
         cny("100000.00")},
    };
    std::vector<Order> open_orders{{crm::OrderId{"SO-1"}, cny("150000.00")}};
    std::vector<Order> shipped{{crm::OrderId{"SO-0"}, cny("50000.00")}};
    std::vector<crm::credit::FxRate> rates;
    CreditProfile profile{.account = crm::AccountId{"A-1"},
                          .limit = cny("1000000.00"),
                          .rating = "AA",
                          .limit_reviewed_on = day("2024-01-15"),
                          .terms = crm::terms::PaymentTerms::net(Days{30})};
    Policy policy{};  // warn at 90%, tolerance 10%, block beyond 90 days past due, 12-month review
    Date as_of = day("2024-06-30");

    CreditSnapshot snapshot() const {
        return CreditSnapshot{.receivables = receivables,
                              .open_orders = open_orders,
                              .shipped_not_invoiced = shipped,
                              .rates = rates};
    }
    crm::Decision check(const char* amount) const {
        return check_order(policy, profile, snapshot(), Order{crm::OrderId{"SO-9"}, cny(amount)}, as_of);
    }
};

}  // namespace

TEST_SUITE("credit.check") {
    TEST_CASE("the worked example allows warns sends for approval and blocks as the order grows") {
        const Example ex;
        // 800,000.00 + 50,000.00 = 850,000.00 = 85% of the limit: below 90%, allow
        const crm::Decision allowed = ex.check("50000.00");
        CHECK(allowed.outcome() == Outcome::allow);
        CHECK(allowed.reasons().empty());

        // 800,000.00 + 120,000.00 = 920,000.00 = 92% >= 90%: warn
        const crm::Decision warned = ex.check("120000.00");
        CHECK(warned.outcome() == Outcome::warn);
        CHECK(codes(warned) == std::vector<std::string_view>{"credit.high_utilisation"});

        // 800,000.00 + 250,000.00 = 1,050,000.00: 50,000.00 over; tolerance 10% of 1,000,000.00 = 100,000.00
        const crm::Decision approval = ex.check("250000.00");
        CHECK(approval.outcome() == Outcome::needs_approval);
        CHECK(codes(approval) == std::vector<std::string_view>{"credit.over_limit"});

        // 800,000.00 + 400,000.00 = 1,200,000.00: 200,000.00 over, beyond the 100,000.00 tolerance
        const crm::Decision blocked = ex.check("400000.00");
        CHECK(blocked.outcome() == Outcome::block);
        CHECK(codes(blocked) == std::vector<std::string_view>{"credit.over_limit", "credit.over_tolerance"});
    }

    TEST_CASE("each reason carries its figures") {
        const Example ex;
        const crm::Decision warned = ex.check("120000.00");
        const crm::Reason& w = warned.reasons()[0];
        CHECK(w.severity() == Outcome::warn);
        CHECK(std::get<Percent>(*w.figure("utilisation")) == Percent{"92.00"});  // 920,000 / 1,000,000
        CHECK(std::get<Percent>(*w.figure("warn_at")) == Percent{"90"});
        CHECK(std::get<Money>(*w.figure("exposure")) == cny("920000.00"));
        CHECK(std::get<Money>(*w.figure("limit")) == cny("1000000.00"));
        CHECK(std::get<Money>(*w.figure("available")) == cny("80000.00"));  // 1,000,000 - 920,000

        const crm::Decision blocked = ex.check("400000.00");
        const crm::Reason& over = blocked.reasons()[0];
        CHECK(over.severity() == Outcome::needs_approval);
        CHECK(std::get<Money>(*over.figure("excess")) == cny("200000.00"));
        CHECK(std::get<Money>(*over.figure("available")) == cny("-200000.00"));
        const crm::Reason& beyond = blocked.reasons()[1];
        CHECK(beyond.severity() == Outcome::block);
        CHECK(std::get<Money>(*beyond.figure("tolerance")) == cny("100000.00"));
    }

    TEST_CASE("the explanations read in English and Chinese") {
        const Example ex;
        CHECK(crm::explain(ex.check("400000.00"), crm::Lang::en) ==
              "block\n"
              "- exposure CNY 1,200,000.00 exceeds the credit limit CNY 1,000,000.00 by CNY 200,000.00\n"
              "- the excess CNY 200,000.00 is beyond the tolerance CNY 100,000.00 an approver may grant");
        CHECK(crm::explain(ex.check("400000.00"), crm::Lang::zh) ==
              "拒绝\n"
              "- 信用敞口 CNY 1,200,000.00 超过信用额度 CNY 1,000,000.00，超出 CNY 200,000.00\n"
              "- 超出额 CNY 200,000.00 超过审批人可批准的容差 CNY 100,000.00");
        CHECK(crm::explain(ex.check("120000.00"), crm::Lang::en) ==
              "warn\n- utilisation 92.00% of the credit limit CNY 1,000,000.00 is 90% or more; "
              "available CNY 80,000.00");
        CHECK(crm::explain(ex.check("120000.00"), crm::Lang::zh) ==
              "警告\n- 信用额度 CNY 1,000,000.00 使用率 92.00%，达到 90% 以上；可用额度 CNY 80,000.00");
        CHECK(crm::explain(ex.check("50000.00"), crm::Lang::zh) == "通过");
    }

    TEST_CASE("utilisation exactly at the threshold warns and just below it does not") {
        const Example ex;
        // 800,000.00 + 100,000.00 = 900,000.00 = exactly 90%
        CHECK(ex.check("100000.00").outcome() == Outcome::warn);
        // 899,999.99 is 89.999999%: compared exactly, no rounding up to 90%
        CHECK(ex.check("99999.99").outcome() == Outcome::allow);
        // exactly at the limit: 1,000,000.00 = 100%, still a warning, not over
        CHECK(codes(ex.check("200000.00")) == std::vector<std::string_view>{"credit.high_utilisation"});
        // one cent over: over_limit
        CHECK(codes(ex.check("200000.01")) == std::vector<std::string_view>{"credit.over_limit"});
    }

    TEST_CASE("the excess exactly at the tolerance needs approval and one cent more blocks") {
        const Example ex;
        // 800,000 + 300,000 = 1,100,000: excess 100,000.00 = tolerance
        CHECK(ex.check("300000.00").outcome() == Outcome::needs_approval);
        CHECK(ex.check("300000.01").outcome() == Outcome::block);
    }

    TEST_CASE("a tolerance by amount and by percent combine by the smaller or the larger") {
        Example ex;
        // excess of 60,000.00 (order 260,000): the percent allows 100,000, the amount 50,000
        ex.policy.tolerance = OverLimitTolerance{.amount = cny("50000.00"), .percent = Percent{"10"}};
        CHECK(ex.check("260000.00").outcome() == Outcome::block);  // smaller: 50,000 < 60,000
        ex.policy.tolerance.rule = ToleranceRule::larger;
        CHECK(ex.check("260000.00").outcome() == Outcome::needs_approval);  // larger: 100,000 >= 60,000
        ex.policy.tolerance = OverLimitTolerance{.amount = cny("50000.00"), .percent = std::nullopt};
        CHECK(ex.check("250000.00").outcome() == Outcome::needs_approval);  // excess 50,000 = amount
        CHECK(ex.check("250000.01").outcome() == Outcome::block);
        ex.policy.tolerance = OverLimitTolerance{.amount = std::nullopt, .percent = std::nullopt};
        CHECK(ex.check("200000.01").outcome() == Outcome::block);  // no tolerance: any excess blocks
        const crm::Decision d = ex.check("200000.01");
        CHECK(std::get<Money>(*d.reasons()[1].figure("tolerance")) == cny("0"));
    }

    TEST_CASE("an account on hold is blocked or sent for approval as the policy says") {
        Example ex;
        ex.profile.hold = CreditHold{.reason = "诉讼中 (litigation)", .since = day("2024-06-01")};
        const crm::Decision d = ex.check("50000.00");  // otherwise allowed
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) == std::vector<std::string_view>{"credit.on_hold"});
        CHECK(std::get<std::string>(*d.reasons()[0].figure("hold_reason")) == "诉讼中 (litigation)");
        CHECK(std::get<Date>(*d.reasons()[0].figure("held_since")) == day("2024-06-01"));
        CHECK(crm::explain(d, crm::Lang::en) ==
              "block\n- the account is on credit hold: 诉讼中 (litigation)");
        CHECK(crm::explain(d, crm::Lang::zh) == "拒绝\n- 客户处于信用冻结状态：诉讼中 (litigation)");

        ex.policy.on_hold = Escalation::needs_approval;
        CHECK(ex.check("50000.00").outcome() == Outcome::needs_approval);
    }

    TEST_CASE("a limit not reviewed within twelve months has expired the day after") {
        Example ex;
        // reviewed 2023-06-29: valid through 2023-06-29 + 12 months = 2024-06-29; 2024-06-30 is after
        ex.profile.limit_reviewed_on = day("2023-06-29");
        crm::Decision d = ex.check("50000.00");
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) == std::vector<std::string_view>{"credit.limit_expired"});
        CHECK(std::get<Date>(*d.reasons()[0].figure("valid_until")) == day("2024-06-29"));
        CHECK(crm::explain(d, crm::Lang::en) ==
              "block\n- the credit limit was last reviewed on 2023-06-29 and was valid until 2024-06-29 "
              "(12-month review)");
        // reviewed 2023-06-30: valid through 2024-06-30, the as-of date itself
        ex.profile.limit_reviewed_on = day("2023-06-30");
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
        // 2024-02-29 + 12 months clamps to 2025-02-28 (our add_months, not Boost's month-end snap)
        ex.profile.limit_reviewed_on = day("2024-02-29");
        ex.as_of = day("2025-02-28");
        ex.receivables.clear();
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
        ex.as_of = day("2025-03-01");
        CHECK(codes(ex.check("50000.00")) == std::vector<std::string_view>{"credit.limit_expired"});
        ex.policy.on_expired_limit = Escalation::needs_approval;
        CHECK(ex.check("50000.00").outcome() == Outcome::needs_approval);
        ex.policy.limit_valid_months = std::nullopt;  // limits that never expire
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
    }

    TEST_CASE("an invoice more than ninety days past due blocks and the grace period moves the line") {
        Example ex;
        // INV-1 due 2024-04-01: 2024-06-30 - 2024-04-01 = 29 + 31 + 30 = 90 days: not beyond 90
        ex.receivables[0].due_on = day("2024-04-01");
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
        // due 2024-03-31: 91 days, beyond 90
        ex.receivables[0].invoiced_on = day("2024-03-01");
        ex.receivables[0].due_on = day("2024-03-31");
        crm::Decision d = ex.check("50000.00");
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) == std::vector<std::string_view>{"credit.overdue_days"});
        const crm::Reason& r = d.reasons()[0];
        CHECK(std::get<std::string>(*r.figure("oldest_invoice")) == "INV-1");
        CHECK(std::get<Days>(*r.figure("oldest_days_past_due")) == Days{91});
        CHECK(std::get<Money>(*r.figure("overdue_amount")) == cny("500000.00"));  // INV-1 + INV-2 (11 days)
        CHECK(crm::explain(d, crm::Lang::en) ==
              "block\n- invoice INV-1 is 91 days past due, beyond 90 days (grace 0 days)");
        CHECK(crm::explain(d, crm::Lang::zh) == "拒绝\n- 发票 INV-1 已逾期 91 天，超过 90 天（宽限期 0 天）");
        // a grace of 5 days: blocked only beyond 95 days
        ex.policy.overdue.grace = Days{5};
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
        ex.as_of = day("2024-07-05");  // 96 days
        CHECK(codes(ex.check("50000.00")) == std::vector<std::string_view>{"credit.overdue_days"});
        // switched off
        ex.policy.overdue.max_days_past_due = std::nullopt;
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
    }

    TEST_CASE("overdue receivables beyond the allowed amount block after the grace period") {
        Example ex;
        // overdue = INV-1 (60 days) 300,000.00 + INV-2 (11 days) 200,000.00 = 500,000.00 > 400,000.00
        ex.policy.overdue.max_overdue_amount = cny("400000.00");
        crm::Decision d = ex.check("50000.00");
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) == std::vector<std::string_view>{"credit.overdue_amount"});
        CHECK(std::get<Money>(*d.reasons()[0].figure("overdue_amount")) == cny("500000.00"));
        CHECK(crm::explain(d, crm::Lang::en) ==
              "block\n- overdue receivables CNY 500,000.00 exceed the allowed CNY 400,000.00");
        CHECK(crm::explain(d, crm::Lang::zh) ==
              "拒绝\n- 逾期应收账款 CNY 500,000.00 超过允许的 CNY 400,000.00");
        // a 15-day grace: INV-2 (11 days) is not overdue yet, 300,000.00 <= 400,000.00
        ex.policy.overdue.grace = Days{15};
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
        // exactly at the threshold is not beyond it
        ex.policy.overdue.max_overdue_amount = cny("300000.00");
        CHECK(ex.check("50000.00").outcome() == Outcome::allow);
        ex.policy.overdue.max_overdue_amount = cny("0");  // any overdue amount blocks
        CHECK(ex.check("50000.00").outcome() == Outcome::block);
    }

    TEST_CASE("every reason that applies is listed in the documented order") {
        Example ex;
        ex.profile.hold = CreditHold{.reason = "manual"};
        ex.profile.limit_reviewed_on = day("2022-01-01");
        ex.receivables[0].invoiced_on = day("2024-01-01");
        ex.receivables[0].due_on = day("2024-01-31");  // 151 days past due
        ex.policy.overdue.max_overdue_amount = cny("100000.00");
        const crm::Decision d = ex.check("500000.00");  // 1,300,000.00: 300,000 over
        CHECK(d.outcome() == Outcome::block);
        CHECK(codes(d) == std::vector<std::string_view>{"credit.on_hold", "credit.limit_expired",
                                                        "credit.overdue_days", "credit.overdue_amount",
                                                        "credit.over_limit", "credit.over_tolerance"});
        // a warning travels with a hold that only needs approval
        Example held;
        held.profile.hold = CreditHold{.reason = "review"};
        held.policy.on_hold = Escalation::needs_approval;
        const crm::Decision h = held.check("120000.00");
        CHECK(h.outcome() == Outcome::needs_approval);
        CHECK(codes(h) == std::vector<std::string_view>{"credit.on_hold", "credit.high_utilisation"});
    }

    TEST_CASE("a cash only account with a zero limit is over the limit with any order") {
        Example ex;
        ex.profile.limit = cny("0");
        ex.receivables.clear();
        ex.open_orders.clear();
        ex.shipped.clear();
        CHECK(ex.check("0").outcome() ==
              Outcome::allow);  // nothing owed, nothing ordered: 0 <= 0, no utilisation
        const crm::Decision d = ex.check("0.01");
        CHECK(codes(d) ==
              std::vector<std::string_view>{"credit.over_limit", "credit.over_tolerance"});  // 10% of 0 = 0
    }

    TEST_CASE("a changed order replaces its earlier open version instead of counting twice") {
        Example ex;
        ex.open_orders.push_back(Order{crm::OrderId{"SO-9"}, cny("100000.00")});
        // SO-9 is open at 100,000.00 and re-checked at 120,000.00: 800,000 + 120,000 = 920,000, not 1,020,000
        const crm::Decision d = ex.check("120000.00");
        CHECK(d.outcome() == Outcome::warn);
        CHECK(std::get<Money>(*d.reasons()[0].figure("exposure")) == cny("920000.00"));
    }

    TEST_CASE("foreign currency items are converted with the rates given") {
        Example ex;
        ex.rates = {crm::credit::FxRate{crm::Currency{"USD"}, crm::Decimal{"7.1234"}}};
        // USD 10,000.00 x 7.1234 = CNY 71,234.00: 800,000 + 71,234 + 50,000 = 921,234.00 = 92.1234%: warn
        ex.open_orders.push_back(Order{crm::OrderId{"SO-2"}, usd("10000.00")});
        const crm::Decision d = ex.check("50000.00");
        CHECK(d.outcome() == Outcome::warn);
        CHECK(std::get<Money>(*d.reasons()[0].figure("exposure")) == cny("921234.00"));
        CHECK(std::get<Percent>(*d.reasons()[0].figure("utilisation")) ==
              Percent{"92.12"});  // rounded down for display
    }

    TEST_CASE("a missing exchange rate is an error naming the currency") {
        Example ex;
        ex.open_orders.push_back(Order{crm::OrderId{"SO-2"}, usd("10.00")});
        check_error([&] { return ex.check("1.00"); }, crm::ErrorCode::not_found, "snapshot.rates.USD");
        ex.open_orders.pop_back();
        check_error(
            [&] {
                return check_order(ex.policy, ex.profile, ex.snapshot(), Order{crm::OrderId{"X"}, usd("1")},
                                   ex.as_of);
            },
            crm::ErrorCode::not_found, "snapshot.rates.USD");
    }

    TEST_CASE("bad input is an error naming the field") {
        using crm::ErrorCode;
        {
            Example ex;
            ex.profile.limit = cny("-1.00");
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument, "profile.limit");
        }
        {
            const Example ex;
            check_error([&] { return ex.check("-1.00"); }, ErrorCode::invalid_argument, "order.amount");
        }
        {
            Example ex;
            ex.open_orders[0].amount = cny("-5");
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "snapshot.open_orders[0].amount");
            ex.open_orders[0].amount = cny("5");
            ex.shipped[0].amount = cny("-5");
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "snapshot.shipped_not_invoiced[0].amount");
        }
        {
            Example ex;
            ex.receivables[2].due_on = day("2024-06-09");  // before its invoice date: a prepayment request
            CHECK(ex.check("1.00").outcome() == Outcome::allow);
            ex.receivables[2].due_on = day("2024-07-10");
            ex.receivables[1].open_amount = cny("-0.01");
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "snapshot.receivables[1].open_amount");
            ex.receivables[1].open_amount = cny("0.001");  // not a whole number of fen
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "snapshot.receivables[1].open_amount");
        }
        {
            Example ex;
            ex.policy.overdue.max_overdue_amount = usd("100");
            check_error([&] { return ex.check("1.00"); }, ErrorCode::currency_mismatch,
                        "policy.overdue.max_overdue_amount");
            ex.policy.overdue.max_overdue_amount = std::nullopt;
            ex.policy.tolerance.amount = usd("100");
            check_error([&] { return ex.check("1.00"); }, ErrorCode::currency_mismatch,
                        "policy.tolerance.amount");
        }
        {
            Example ex;
            ex.policy.warn_utilisation = Percent{"120"};
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "policy.warn_utilisation");
        }
        {
            Example ex;
            ex.rates = {crm::credit::FxRate{crm::Currency{"USD"}, crm::Decimal{"0"}}};
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "snapshot.rates[0].rate");
        }
    }

    TEST_CASE("each threshold states its side: 以上 includes the number 超过 does not") {
        // exposure before the order is 800,000.00 of a 1,000,000.00 limit
        {
            // warn at 90%: an order of 100,000.00 makes exactly 90%. 90%以上 (inclusive, the default)
            // warns; 超过90% (exclusive) does not
            Example ex;
            CHECK(ex.check("100000.00").outcome() == Outcome::warn);
            ex.policy.warn_boundary = crm::Boundary::exclusive;
            CHECK(ex.check("100000.00").outcome() == Outcome::allow);
            // 100,000.01 is more than 90%: "超过 90%"
            CHECK(crm::explain(ex.check("100000.01"), crm::Lang::zh) ==
                  "警告\n- 信用额度 CNY 1,000,000.00 使用率 90.00%，超过 90%；可用额度 CNY 99,999.99");
        }
        {
            // tolerance 10% = 100,000.00: an order of 300,000.00 is exactly 100,000.00 over. Inclusive
            // (容差以内, default): needs approval; exclusive (不满容差): blocked, explained with 以上
            Example ex;
            CHECK(ex.check("300000.00").outcome() == Outcome::needs_approval);
            ex.policy.tolerance.boundary = crm::Boundary::exclusive;
            const crm::Decision d = ex.check("300000.00");
            CHECK(d.outcome() == Outcome::block);
            CHECK(crm::explain(*d.find("credit.over_tolerance"), crm::Lang::zh) ==
                  "超出额 CNY 100,000.00 达到审批人可批准的容差 CNY 100,000.00 以上（可批准的须不满容差）");
        }
        {
            // INV-1 is 60 days past due. 逾期超过60天 (exclusive, default): not blocked; 逾期60天以上:
            // blocked
            Example ex;
            ex.policy.overdue.max_days_past_due = Days{60};
            CHECK_FALSE(ex.check("1.00").has("credit.overdue_days"));
            ex.policy.overdue.days_boundary = crm::Boundary::inclusive;
            const crm::Decision d = ex.check("1.00");
            CHECK(d.outcome() == Outcome::block);
            CHECK(crm::explain(*d.find("credit.overdue_days"), crm::Lang::zh) ==
                  "发票 INV-1 已逾期 60 天，达到 60 天以上（宽限期 0 天）");
            CHECK(crm::explain(*d.find("credit.overdue_days"), crm::Lang::en) ==
                  "invoice INV-1 is 60 days past due, 60 days or more (grace 0 days)");
        }
        {
            // overdue amount: INV-1 300,000.00 + INV-2 200,000.00 = 500,000.00 past due
            Example ex;
            ex.policy.overdue.max_overdue_amount = cny("500000.00");
            CHECK_FALSE(ex.check("1.00").has("credit.overdue_amount"));    // 超过 500,000.00: no
            ex.policy.overdue.amount_boundary = crm::Boundary::inclusive;  // 500,000.00以上: yes
            const crm::Decision d = ex.check("1.00");
            REQUIRE(d.has("credit.overdue_amount"));
            CHECK(crm::explain(*d.find("credit.overdue_amount"), crm::Lang::zh) ==
                  "逾期应收账款 CNY 500,000.00，达到 CNY 500,000.00 以上");
        }
        {
            // a boundary outside its enum is refused where the policy enters
            Example ex;
            ex.policy.warn_boundary = static_cast<crm::Boundary>(7);
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                        "policy.warn_boundary");
            ex.policy.warn_boundary = crm::Boundary::inclusive;
            ex.policy.on_hold = static_cast<Escalation>(7);
            check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument, "policy.on_hold");
        }
    }

    TEST_CASE("a profile without a review date never has an expired limit") {
        // only an account and a limit: the limit is not checked for expiry (not given = not tracked)
        Example ex;
        ex.profile = CreditProfile{.account = crm::AccountId{"A-1"}, .limit = cny("1000000.00")};
        CHECK_FALSE(ex.profile.limit_reviewed_on.has_value());
        ex.as_of = day("2099-12-31");
        CHECK_FALSE(ex.check("1.00").has("credit.limit_expired"));
        // given, it is checked: reviewed 2024-01-15, valid through 2025-01-15
        ex.profile.limit_reviewed_on = day("2024-01-15");
        ex.as_of = day("2025-01-16");
        CHECK(ex.check("1.00").has("credit.limit_expired"));
    }

    TEST_CASE("order amounts are whole minor units and an error names the order not the operation") {
        Example ex;
        // CNY 0.001 is not a whole number of fen
        check_error([&] { return ex.check("0.001"); }, ErrorCode::invalid_argument, "order.amount");
        // CNY 1E-40 named `add` before: it names the order now
        check_error([&] { return ex.check("1E-40"); }, ErrorCode::invalid_argument, "order.amount");
        ex.open_orders[0].amount = cny("0.001");
        check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                    "snapshot.open_orders[0].amount");
        ex.open_orders[0].amount = cny("150000.00");
        ex.shipped[0].amount = cny("0.009");
        check_error([&] { return ex.check("1.00"); }, ErrorCode::invalid_argument,
                    "snapshot.shipped_not_invoiced[0].amount");
    }

}  // TEST_SUITE

namespace {
// A CreditSnapshot cannot be built from a temporary container: the view would dangle.
template <class V>
concept snapshot_from = requires {
    CreditSnapshot{.receivables = std::declval<V>()};
};
static_assert(snapshot_from<std::vector<Receivable>&>);
static_assert(snapshot_from<const std::vector<Receivable>&>);
static_assert(snapshot_from<std::span<const Receivable>>);
static_assert(!snapshot_from<std::vector<Receivable>>);  // a temporary vector does not compile
static_assert(!snapshot_from<std::vector<Receivable>&&>);
static_assert(!std::is_constructible_v<Borrowed<Order>, std::vector<Order>>);
static_assert(std::is_constructible_v<Borrowed<Order>, std::vector<Order>&>);
static_assert(!std::is_constructible_v<Borrowed<Order>, std::vector<Receivable>&>);  // wrong element type
}  // namespace
