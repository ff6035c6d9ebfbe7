// Payment terms: worked examples (arithmetic in comments), bad input, properties.

#include <crm/core/error.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/time/calendar.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::Money;
using crm::Percent;
using namespace crm::terms;

namespace {
Money cny(const char* amount) { return Money{amount, "CNY"}; }
Date day(const char* iso) { return Date::parse(iso); }

// 30% advance on the invoice date, 60% net 30 after delivery, 10% retention 365 days after acceptance.
PaymentTerms thirty_sixty_ten() {
    return PaymentTerms{
        .name = "30/60/10",
        .instalments = {
            Instalment{"advance 预付款", Percent{"30"}, NetDays{Days{0}, BaseEvent::invoice}},
            Instalment{"delivery 到货款", Percent{"60"}, NetDays{Days{30}, BaseEvent::delivery}},
            Instalment{"retention 质保金", Percent{"10"}, NetDays{Days{365}, BaseEvent::acceptance}},
        }};
}

}  // namespace

TEST_SUITE("terms.payment_terms") {
    TEST_CASE("month-end settlement counts from the last day of the invoice month") {
        // 月结30天, invoice 2024-01-15: end of month 2024-01-31, + 30 days = 2024-03-01 (February 2024 has 29
        // days)
        const auto plan = schedule(PaymentTerms::month_end(Days{30}), cny("11300.00"),
                                   EventDates{.invoice = day("2024-01-15")});
        REQUIRE(plan.size() == 1);
        CHECK(plan[0].due == day("2024-03-01"));
        CHECK(plan[0].amount == cny("11300.00"));
        // 月结60天, invoice 2024-12-05: 2024-12-31 + 60 days = 2025-03-01 (31 January + 28 February = 59 ->
        // 03-01)
        CHECK(
            schedule(PaymentTerms::month_end(Days{60}), cny("1"), EventDates{.invoice = day("2024-12-05")})[0]
                .due == day("2025-03-01"));
    }

    TEST_CASE("net days and a fixed day of a following month") {
        // net 30 from 2024-03-01 = 2024-03-31
        CHECK(due_date(NetDays{Days{30}}, EventDates{.invoice = day("2024-03-01")}) == day("2024-03-31"));
        // the 25th of next month from 2024-01-31 = 2024-02-25
        CHECK(due_date(FixedDay{25, 1}, EventDates{.invoice = day("2024-01-31")}) == day("2024-02-25"));
        // the 31st of next month from 2024-01-10 falls on February's last day, 2024-02-29
        CHECK(due_date(FixedDay{31, 1}, EventDates{.invoice = day("2024-01-10")}) == day("2024-02-29"));
        // the 10th two months on from 2024-11-20 = 2025-01-10
        CHECK(due_date(FixedDay{10, 2}, EventDates{.invoice = day("2024-11-20")}) == day("2025-01-10"));
        // net 15 from delivery
        CHECK(due_date(NetDays{Days{15}, BaseEvent::delivery},
                       EventDates{.invoice = day("2024-03-01"), .delivery = day("2024-03-10")}) ==
              day("2024-03-25"));
    }

    TEST_CASE("a 30/60/10 schedule with retention splits the invoice exactly") {
        // CNY 100,000.00: 30% = 30,000.00 due on the invoice date 2024-03-01;
        // 60% = 60,000.00 due 2024-03-20 + 30 = 2024-04-19; 10% = 10,000.00 due 2024-04-10 + 365 = 2025-04-10
        const EventDates dates{
            .invoice = day("2024-03-01"), .delivery = day("2024-03-20"), .acceptance = day("2024-04-10")};
        const auto plan = schedule(thirty_sixty_ten(), cny("100000.00"), dates);
        REQUIRE(plan.size() == 3);
        CHECK(plan[0].due == day("2024-03-01"));
        CHECK(plan[0].amount == cny("30000.00"));
        CHECK(plan[1].due == day("2024-04-19"));
        CHECK(plan[1].amount == cny("60000.00"));
        CHECK(plan[2].due == day("2025-04-10"));
        CHECK(plan[2].amount == cny("10000.00"));
        CHECK(plan[2].base == BaseEvent::acceptance);
        CHECK(plan[2].base_date == day("2024-04-10"));
    }

    TEST_CASE("the rounding remainder goes where the terms say") {
        const EventDates dates{
            .invoice = day("2024-03-01"), .delivery = day("2024-03-20"), .acceptance = day("2024-04-10")};
        PaymentTerms t = thirty_sixty_ten();
        // CNY 1,000.01: 30% = 300.003 -> 300.00; 60% = 600.006 -> 600.01; the last takes 1000.01 - 900.01 =
        // 100.00
        auto plan = schedule(t, cny("1000.01"), dates);
        CHECK(plan[0].amount == cny("300.00"));
        CHECK(plan[1].amount == cny("600.01"));
        CHECK(plan[2].amount == cny("100.00"));
        // first takes the rest: 600.006 -> 600.01, 100.001 -> 100.00, first = 1000.01 - 700.01 = 300.00
        t.remainder = RemainderPolicy::first_instalment;
        plan = schedule(t, cny("1000.01"), dates);
        CHECK(plan[0].amount == cny("300.00"));
        CHECK(plan[1].amount == cny("600.01"));
        CHECK(plan[2].amount == cny("100.00"));
        // largest remainder on 1,000.03: 30000.9, 60001.8 and 10000.3 cents: floors 30000 + 60001 + 10000 =
        // 100001, two cents left go to the remainders .9 and .8 -> 300.01, 600.02, 100.00
        t.remainder = RemainderPolicy::largest_remainder;
        plan = schedule(t, cny("1000.03"), dates);
        CHECK(plan[0].amount == cny("300.01"));
        CHECK(plan[1].amount == cny("600.02"));
        CHECK(plan[2].amount == cny("100.00"));
        // four shares of 30/30/30/10 on CNY 0.05: rounding each up (0.015 -> 0.02) would leave the last at
        // -0.01, so the split falls back to whole cents by largest remainder: exact shares 1.5, 1.5, 1.5 and
        // 0.5 cents, floors 1 + 1 + 1 + 0 = 3, the two cents left go to the first two equal remainders: 0.02,
        // 0.02, 0.01, 0.00
        const PaymentTerms four{.instalments = {Instalment{"a", Percent{"30"}, NetDays{}},
                                                Instalment{"b", Percent{"30"}, NetDays{}},
                                                Instalment{"c", Percent{"30"}, NetDays{}},
                                                Instalment{"d", Percent{"10"}, NetDays{}}}};
        plan = schedule(four, cny("0.05"), dates);
        CHECK(plan[0].amount == cny("0.02"));
        CHECK(plan[1].amount == cny("0.02"));
        CHECK(plan[2].amount == cny("0.01"));
        CHECK(plan[3].amount == cny("0.00"));
    }

    TEST_CASE("due dates roll to a business day on the China calendar and never before the base date") {
        const crm::Calendar china = crm::china_mainland_calendar();
        PaymentTerms t = PaymentTerms::net(Days{30});
        t.roll = crm::BusinessDayConvention::following;
        // net 30 from 2024-09-01 = 2024-10-01, National Day: 10-01..10-07 off, following = 2024-10-08
        auto plan = schedule(t, cny("100"), EventDates{.invoice = day("2024-09-01")}, china);
        CHECK(plan[0].unadjusted_due == day("2024-10-01"));
        CHECK(plan[0].due == day("2024-10-08"));
        // preceding rolls back to Monday 2024-09-30 (after the base date, so it stands)
        t.roll = crm::BusinessDayConvention::preceding;
        plan = schedule(t, cny("100"), EventDates{.invoice = day("2024-09-01")}, china);
        CHECK(plan[0].due == day("2024-09-30"));
        // net 0 from 2024-10-03 (a holiday): preceding would give 2024-09-30, before the invoice,
        // so it rolls forward instead: 2024-10-08
        t = PaymentTerms::net(Days{0});
        t.roll = crm::BusinessDayConvention::preceding;
        plan = schedule(t, cny("100"), EventDates{.invoice = day("2024-10-03")}, china);
        CHECK(plan[0].due == day("2024-10-08"));
        // a make-up Sunday is a business day: net 3 from 2024-10-09 = Saturday 10-12, also a make-up working
        // day
        t = PaymentTerms::net(Days{3});
        t.roll = crm::BusinessDayConvention::following;
        CHECK(schedule(t, cny("1"), EventDates{.invoice = day("2024-10-09")}, china)[0].due ==
              day("2024-10-12"));
    }

    TEST_CASE("2/10 net 30 saves two per cent within ten days") {
        const PaymentTerms t = PaymentTerms::discount_net(Percent{"2"}, Days{10}, Days{30});
        const EventDates dates{.invoice = day("2024-03-01")};
        // CNY 10,000.00 x 2% = 200.00; deadline 2024-03-01 + 10 = 2024-03-11
        auto offer = discount_if_paid_on(t, cny("10000.00"), dates, day("2024-03-11"));
        CHECK(offer.applies);
        CHECK(offer.deadline == day("2024-03-11"));
        CHECK(offer.discount == cny("200.00"));
        CHECK(offer.payable == cny("9800.00"));
        offer = discount_if_paid_on(t, cny("10000.00"), dates, day("2024-03-12"));
        CHECK_FALSE(offer.applies);
        CHECK(offer.discount == cny("0"));
        CHECK(offer.payable == cny("10000.00"));
        // net due date is 2024-03-31
        CHECK(schedule(t, cny("10000.00"), dates)[0].due == day("2024-03-31"));
        // CNY 333.33 x 2% = 6.6666 -> 6.67 (half_up)
        CHECK(discount_if_paid_on(t, cny("333.33"), dates, day("2024-03-05")).discount == cny("6.67"));
        // terms without a discount never apply one
        CHECK_FALSE(
            discount_if_paid_on(PaymentTerms::net(Days{30}), cny("1"), dates, day("2024-03-01")).applies);
    }

    TEST_CASE("days overdue count from the due date and are never negative") {
        CHECK(days_overdue(day("2024-03-31"), day("2024-04-15")) == Days{15});
        CHECK(days_overdue(day("2024-03-31"), day("2024-03-31")) == Days{0});
        CHECK(days_overdue(day("2024-03-31"), day("2024-03-01")) == Days{0});
        CHECK(days_overdue(day("2023-12-31"), day("2024-12-31")) == Days{366});
    }

    TEST_CASE("malformed terms are errors naming the field") {
        const EventDates dates{.invoice = day("2024-03-01")};
        PaymentTerms t = thirty_sixty_ten();
        t.instalments[2].share = Percent{"5"};  // 30 + 60 + 5 = 95
        CHECK(crm::test::error_code_of([&] { (void)schedule(t, cny("1"), dates); }) ==
              crm::ErrorCode::inconsistent);
        CHECK(crm::test::error_field_of([&] { (void)schedule(t, cny("1"), dates); }) == "terms.instalments");
        t = thirty_sixty_ten();
        t.instalments[0].share = Percent{"0"};
        CHECK(crm::test::error_field_of([&] { t.validate(); }) == "terms.instalments[0].share");
        CHECK(crm::test::error_field_of([] { PaymentTerms::net(Days{-1}).validate(); }) ==
              "terms.instalments[0].due.days");
        CHECK(crm::test::error_field_of([] { PaymentTerms::month_end(Days{-30}).validate(); }) ==
              "terms.instalments[0].due.days");
        CHECK(crm::test::error_field_of([] { PaymentTerms::fixed_day(0).validate(); }) ==
              "terms.instalments[0].due.day");
        CHECK(crm::test::error_field_of([] { PaymentTerms::fixed_day(32).validate(); }) ==
              "terms.instalments[0].due.day");
        CHECK(crm::test::error_field_of([] { PaymentTerms::fixed_day(5, 0).validate(); }) ==
              "terms.instalments[0].due.months_after");
        CHECK(crm::test::error_field_of([] { PaymentTerms{}.validate(); }) == "terms.instalments");
        CHECK(crm::test::error_field_of([] {
                  PaymentTerms::discount_net(Percent{"100"}, Days{10}, Days{30}).validate();
              }) == "terms.early_payment.discount");
        CHECK(crm::test::error_field_of([] {
                  PaymentTerms::discount_net(Percent{"2"}, Days{-1}, Days{30}).validate();
              }) == "terms.early_payment.within");
        // a missing event, a negative or sub-cent amount, a roll without a calendar
        CHECK(crm::test::error_code_of([&] { (void)schedule(thirty_sixty_ten(), cny("1"), dates); }) ==
              crm::ErrorCode::not_found);
        CHECK(crm::test::error_field_of([&] { (void)schedule(thirty_sixty_ten(), cny("1"), dates); }) ==
              "dates.delivery");
        CHECK(crm::test::error_field_of(
                  [&] { (void)schedule(PaymentTerms::net(Days{1}), cny("-1"), dates); }) == "invoice_amount");
        CHECK(crm::test::error_field_of([&] {
                  (void)schedule(PaymentTerms::net(Days{1}), cny("1.005"), dates);
              }) == "invoice_amount");
        PaymentTerms rolled = PaymentTerms::net(Days{1});
        rolled.roll = crm::BusinessDayConvention::following;
        CHECK(crm::test::error_field_of([&] { (void)schedule(rolled, cny("1"), dates); }) == "terms.roll");
        // a strict calendar asked about a date past its data
        CHECK(crm::test::error_code_of([&] {
                  (void)schedule(rolled, cny("1"), EventDates{.invoice = day("2031-01-01")},
                                 crm::china_mainland_calendar(true));
              }) == crm::ErrorCode::out_of_range);
    }

    TEST_CASE("property: instalments sum exactly and no due date precedes its base date") {
        crm::test::Rng rng(31);
        const crm::Calendar china = crm::china_mainland_calendar();
        const crm::BusinessDayConvention rolls[] = {
            crm::BusinessDayConvention::unadjusted, crm::BusinessDayConvention::following,
            crm::BusinessDayConvention::preceding, crm::BusinessDayConvention::modified_following,
            crm::BusinessDayConvention::modified_preceding};
        const RemainderPolicy policies[] = {RemainderPolicy::last_instalment,
                                            RemainderPolicy::first_instalment,
                                            RemainderPolicy::largest_remainder};
        for (int i = 0; i < 3000; ++i) {
            // shares: 100.00% split by random weights, so they sum to exactly 100
            const auto n = static_cast<std::size_t>(rng.between(1, 4));
            std::vector<crm::Decimal> weights;
            for (std::size_t k = 0; k < n; ++k) weights.emplace_back(rng.between(1, 100));
            const std::vector<Money> shares = crm::allocate(Money{"100.00", "CNY"}, weights);
            PaymentTerms t;
            for (std::size_t k = 0; k < n; ++k) {
                if (shares[k].is_zero()) continue;
                const auto base = static_cast<BaseEvent>(rng.below(3));
                DueRule rule;
                switch (rng.below(3)) {
                case 0: rule = NetDays{Days{rng.between(0, 120)}, base}; break;
                case 1: rule = MonthEnd{Days{rng.between(0, 90)}, base}; break;
                default:
                    rule = FixedDay{static_cast<unsigned>(rng.between(1, 31)),
                                    static_cast<int>(rng.between(1, 3)), base};
                }
                t.instalments.push_back(Instalment{"part", Percent{shares[k].amount()}, rule});
            }
            t.roll = rolls[rng.below(5)];
            t.remainder = policies[rng.below(3)];
            const Date invoice = Date(2024, 1, 1) + Days{rng.between(0, 700)};
            const EventDates dates{.invoice = invoice,
                                   .delivery = invoice + Days{rng.between(0, 60)},
                                   .acceptance = invoice + Days{rng.between(30, 120)}};
            const Money amount{crm::Decimal::scaled(rng.between(0, 100'000'000), -2), crm::Currency("CNY")};
            CAPTURE(invoice);
            CAPTURE(amount);
            const auto plan = schedule(t, amount, dates, china);
            REQUIRE(plan.size() == t.instalments.size());
            Money total = Money::zero(amount.currency());
            for (const ScheduledPayment& p : plan) {
                CAPTURE(p);
                CHECK(p.due >= p.base_date);
                CHECK(p.amount.signum() >= 0);
                CHECK(p.amount.amount().scale() == 2);
                if (t.roll != crm::BusinessDayConvention::unadjusted) CHECK(china.is_business_day(p.due));
                total += p.amount;
            }
            CHECK(total == amount);
        }
    }

    TEST_CASE("the discount deadline rolls by the convention the terms state") {
        // 2/10 net 30 invoiced 2026-02-05, rolled following on the China calendar: the deadline
        // 02-05 + 10 = 02-15 is a Spring Festival Sunday (holiday 02-15..02-23), so it moves to
        // Tuesday 02-24, as the net due date 03-07 (a Saturday) moves to Monday 03-09
        const crm::Calendar china = crm::china_mainland_calendar();
        PaymentTerms t = PaymentTerms::discount_net(Percent{"2"}, Days{10}, Days{30});
        t.roll = crm::BusinessDayConvention::following;
        const EventDates dates{.invoice = day("2026-02-05")};
        CHECK(schedule(t, cny("10000.00"), dates, china)[0].due == day("2026-03-09"));
        EarlyPaymentOffer offer = discount_if_paid_on(t, cny("10000.00"), dates, day("2026-02-24"), china);
        CHECK(offer.unadjusted_deadline == day("2026-02-15"));
        CHECK(offer.deadline == day("2026-02-24"));
        CHECK(offer.applies);
        CHECK(offer.discount == cny("200.00"));
        CHECK_FALSE(discount_if_paid_on(t, cny("10000.00"), dates, day("2026-02-25"), china).applies);
        // the terms may keep the calendar day for the discount while the due dates roll
        t.early_payment->roll = crm::BusinessDayConvention::unadjusted;
        offer = discount_if_paid_on(t, cny("10000.00"), dates, day("2026-02-24"), china);
        CHECK(offer.deadline == day("2026-02-15"));
        CHECK_FALSE(offer.applies);
        // a rolling deadline needs a calendar: never a guessed one
        t.early_payment->roll = std::nullopt;
        crm::test::check_error([&] { return discount_if_paid_on(t, cny("1.00"), dates, day("2026-02-06")); },
                               crm::ErrorCode::invalid_argument, "terms.early_payment.roll");
        // the offer explains itself in both languages
        offer = discount_if_paid_on(t, cny("10000.00"), dates, day("2026-02-24"), china);
        CHECK(crm::explain(explain_offer(offer), crm::Lang::zh) ==
              "通过\n- 于 2026-02-24 前付款：享受提前付款折扣 CNY 200.00，应付 CNY 9,800.00");
        CHECK(crm::explain(explain_offer(offer), crm::Lang::en) ==
              "allow\n- paid by 2026-02-24: early-payment discount CNY 200.00, payable CNY 9,800.00");
    }

    TEST_CASE("an early-payment discount on the net amount leaves the tax undiscounted") {
        // CNY 11,300.00 with 1,300.00 VAT (13%): 2% of 11,300.00 = 226.00 tax-inclusive, 2% of 10,000.00 =
        // 200.00 net
        PaymentTerms t = PaymentTerms::discount_net(Percent{"2"}, Days{10}, Days{30});
        const EventDates dates{.invoice = day("2024-03-01")};
        CHECK(discount_if_paid_on(t, cny("11300.00"), dates, day("2024-03-05")).discount == cny("226.00"));
        t.early_payment->on = DiscountBase::net_of_tax;
        const EarlyPaymentOffer o =
            discount_if_paid_on(t, cny("11300.00"), dates, day("2024-03-05"), InvoiceTax{cny("1300.00")});
        CHECK(o.discount == cny("200.00"));
        CHECK(o.payable == cny("11100.00"));
        crm::test::check_error(
            [&] { return discount_if_paid_on(t, cny("11300.00"), dates, day("2024-03-05")); },
            crm::ErrorCode::not_found, "tax");
        crm::test::check_error(
            [&] {
                return discount_if_paid_on(t, cny("100.00"), dates, day("2024-03-05"),
                                           InvoiceTax{cny("101.00")});
            },
            crm::ErrorCode::invalid_argument, "tax.tax");
    }

    TEST_CASE("net N days then the next fixed pay day and end of month then day D") {
        // net 30 then the 25th: 2024-01-15 + 30 = 02-14 -> 02-25; 2024-01-28 + 30 = 02-27 -> 03-25
        const DueRule pay_day = NetDays{.days = Days{30}, .then_day = 25u};
        CHECK(due_date(pay_day, EventDates{.invoice = day("2024-01-15")}) == day("2024-02-25"));
        CHECK(due_date(pay_day, EventDates{.invoice = day("2024-01-28")}) == day("2024-03-25"));
        // exactly on the 25th stays: 2024-01-26 + 30 = 02-25
        CHECK(due_date(pay_day, EventDates{.invoice = day("2024-01-26")}) == day("2024-02-25"));
        // day 31 in a 30-day month is its last day: 2024-03-20 + 10 = 03-30 -> 03-31; 2024-04-05 + 10 ->
        // 04-30
        const DueRule last = NetDays{.days = Days{10}, .then_day = 31u};
        CHECK(due_date(last, EventDates{.invoice = day("2024-03-20")}) == day("2024-03-31"));
        CHECK(due_date(last, EventDates{.invoice = day("2024-04-05")}) == day("2024-04-30"));
        // end of month then the 10th: invoiced 2024-01-15 -> 01-31 -> 2024-02-10; 月结30天 then the 5th:
        // 01-31 + 30 = 03-01 -> 03-05
        CHECK(due_date(MonthEnd{.days = Days{0}, .then_day = 10u},
                       EventDates{.invoice = day("2024-01-15")}) == day("2024-02-10"));
        CHECK(due_date(MonthEnd{.days = Days{30}, .then_day = 5u},
                       EventDates{.invoice = day("2024-01-15")}) == day("2024-03-05"));
        PaymentTerms bad = PaymentTerms::net(Days{30});
        bad.instalments[0].due = NetDays{.days = Days{30}, .then_day = 32u};
        crm::test::check_error([&] { bad.validate(); }, crm::ErrorCode::invalid_argument,
                               "terms.instalments[0].due.then_day");
    }

    TEST_CASE("a fixed deposit then the balance by percentage the last line taking what is left") {
        // 定金 CNY 5,000.00 on the invoice date, then the balance 12,345.67 - 5,000.00 = 7,345.67:
        // 50% on delivery = 3,672.835 -> 3,672.84 (half_up), the last 50% takes 3,672.83
        const PaymentTerms t{
            .name = "定金5000 + 50/50",
            .instalments = {
                Instalment{
                    .label = "定金", .share = Percent{}, .due = NetDays{Days{0}}, .amount = cny("5000.00")},
                Instalment{.label = "到货款", .share = Percent{"50"}, .due = NetDays{Days{30}}},
                Instalment{.label = "尾款",
                           .share = Percent{"50"},
                           .due = NetDays{Days{30}, BaseEvent::previous_due}},
            }};
        const auto plan = schedule(t, cny("12345.67"), EventDates{.invoice = day("2024-03-01")});
        REQUIRE(plan.size() == 3u);
        CHECK(plan[0].amount == cny("5000.00"));
        CHECK(plan[1].amount == cny("3672.84"));
        CHECK(plan[2].amount == cny("3672.83"));
        // counted from the previous instalment's due date: 2024-03-31 + 30 = 2024-04-30
        CHECK(plan[1].due == day("2024-03-31"));
        CHECK(plan[2].due == day("2024-04-30"));
        // a deposit beyond the invoice amount is inconsistent, naming the line
        crm::test::check_error(
            [&] { return schedule(t, cny("4000.00"), EventDates{.invoice = day("2024-03-01")}); },
            crm::ErrorCode::inconsistent, "terms.instalments[0].amount");
        // a fixed line with a share, only fixed lines, the first line counted from a previous one
        PaymentTerms bad = t;
        bad.instalments[0].share = Percent{"10"};
        crm::test::check_error([&] { bad.validate(); }, crm::ErrorCode::inconsistent,
                               "terms.instalments[0].share");
        bad = t;
        bad.instalments.resize(1);
        crm::test::check_error([&] { bad.validate(); }, crm::ErrorCode::inconsistent, "terms.instalments");
        bad = t;
        std::swap(bad.instalments[0], bad.instalments[2]);
        crm::test::check_error([&] { bad.validate(); }, crm::ErrorCode::inconsistent,
                               "terms.instalments[0].due.base");
    }

    TEST_CASE("a zero-total invoice schedules zero payments") {
        const auto plan = schedule(thirty_sixty_ten(), cny("0.00"),
                                   EventDates{.invoice = day("2024-03-01"),
                                              .delivery = day("2024-03-10"),
                                              .acceptance = day("2024-03-20")});
        REQUIRE(plan.size() == 3u);
        for (const ScheduledPayment& p : plan) CHECK(p.amount.is_zero());
    }

    TEST_CASE("identical duplicate instalment rows are a lint warning not an error") {
        PaymentTerms t{.name = "doubled",
                       .instalments = {Instalment{"预付款", Percent{"50"}, NetDays{Days{0}}},
                                       Instalment{"预付款", Percent{"50"}, NetDays{Days{0}}}}};
        t.validate();  // valid: the shares sum to 100%
        const crm::Decision d = lint(t);
        CHECK(d.outcome() == crm::Outcome::warn);
        CHECK(crm::explain(d, crm::Lang::zh) == "警告\n- 第 2 行分期与第 1 行完全相同（预付款）");
        CHECK(crm::explain(d, crm::Lang::en) == "warn\n- instalment row 2 repeats row 1 exactly (预付款)");
        CHECK(lint(thirty_sixty_ten()).reasons().empty());
        // the schedule explains itself
        const PaymentTerms net30{.name = "30天",
                                 .instalments = {Instalment{"货款", Percent{"100"}, NetDays{Days{30}}}}};
        const auto plan = schedule(net30, cny("100.00"), EventDates{.invoice = day("2024-03-01")});
        CHECK(crm::explain(explain_schedule(plan), crm::Lang::zh) ==
              "通过\n- 货款：CNY 100.00，到期日 2024-03-31");
        CHECK(crm::explain(explain_schedule(plan), crm::Lang::en) ==
              "allow\n- 货款: CNY 100.00 due on 2024-03-31");
    }

    TEST_CASE("enums outside their values are refused where terms enter") {
        PaymentTerms t = PaymentTerms::net(Days{30});
        t.roll = static_cast<crm::BusinessDayConvention>(40);
        crm::test::check_error([&] { t.validate(); }, crm::ErrorCode::invalid_argument, "terms.roll");
        t = PaymentTerms::net(Days{30});
        t.remainder = static_cast<RemainderPolicy>(40);
        crm::test::check_error([&] { t.validate(); }, crm::ErrorCode::invalid_argument, "terms.remainder");
        t = PaymentTerms::net(Days{30});
        t.instalments[0].due = NetDays{Days{1}, static_cast<BaseEvent>(40)};
        crm::test::check_error([&] { t.validate(); }, crm::ErrorCode::invalid_argument,
                               "terms.instalments[0].due.base");
    }

}  // TEST_SUITE
