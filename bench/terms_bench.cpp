// Payment-terms benchmark (issue 3): a 30/60/10 schedule with retention, due dates rolled
// on the China calendar.

#include <crm/terms/payment_terms.hpp>
#include <crm/time/calendar.hpp>

#include <benchmark/benchmark.h>

namespace {

void BM_schedule_3_instalments(benchmark::State& state) {
    using namespace crm::terms;
    using crm::Days;
    PaymentTerms terms{
        .name = "30/60/10",
        .instalments = {Instalment{"advance", crm::Percent{"30"}, NetDays{Days{0}, BaseEvent::invoice}},
                        Instalment{"delivery", crm::Percent{"60"}, MonthEnd{Days{30}, BaseEvent::delivery}},
                        Instalment{"retention", crm::Percent{"10"},
                                   NetDays{Days{365}, BaseEvent::acceptance}}},
        .roll = crm::BusinessDayConvention::following};
    const crm::Calendar china = crm::china_mainland_calendar();
    const crm::Money amount{"1234567.89", "CNY"};
    const crm::Date invoice(2024, 3, 1);
    const EventDates dates{
        .invoice = invoice, .delivery = invoice + Days{20}, .acceptance = invoice + Days{40}};
    for (auto _ : state) {
        auto plan = schedule(terms, amount, dates, china);
        benchmark::DoNotOptimize(plan);
    }
}
BENCHMARK(BM_schedule_3_instalments);

}  // namespace
