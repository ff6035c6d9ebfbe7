// The documents a host hands the library (crm::io): the same bytes are read as each of the four
// JSON documents (policy set, credit account, order, receivables ledger), as a price, route,
// verify, score, SLA and monthly report request and a replay history (the last four also answered
// under the default policy version: the report built, the scores and SLA clocks computed, the
// history replayed), and as a receivables, sales, collections and expenses CSV in UTF-8 and in GBK. Malformed input throws only crm::Error (never nlohmann-json's own
// exceptions, a std::out_of_range or a crash); a document that reads is written canonically,
// and the written form reads back to the same value and writes to the same text.
#include <crm/io/approval.hpp>
#include <crm/io/csv.hpp>
#include <crm/io/json.hpp>
#include <crm/io/planning.hpp>
#include <crm/io/pricing.hpp>
#include <crm/io/replay.hpp>
#include <crm/io/report.hpp>
#include <crm/io/scoring.hpp>
#include <crm/replay/replay.hpp>

#include <string>

#include "fuzz.hpp"

namespace {

// read(text) -> value; when it reads, write(value) reads back equal and is a fixed point. A
// writer may refuse a part this version cannot write (crm::Error), never anything else.
template <class Read, class Write>
void round_trip(std::string_view text, Read read, Write write) {
    decltype(read(text)) value{};
    if (crm_fuzz::throws_crm_error([&] { value = read(text); })) {
        return;
    }
    std::string written;
    if (crm_fuzz::throws_crm_error([&] { written = write(value); })) {
        return;
    }
    decltype(read(text)) again{};
    try {
        again = read(written);
    } catch (const crm::Error&) {
        crm_fuzz::fail("a written document does not read back");
    }
    if (!(again == value)) {
        crm_fuzz::fail("a written document reads back to another value");
    }
    if (write(again) != written) {
        crm_fuzz::fail("the canonical form is not a fixed point");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = crm_fuzz::text(data, size);
    round_trip(
        text, [](std::string_view t) { return crm::io::read_policy_set(t, "fuzz.json"); },
        [](const crm::policy::PolicySet& v) { return crm::io::write_policy_set(v); });
    round_trip(
        text, [](std::string_view t) { return crm::io::read_credit_account(t, "fuzz.json"); },
        [](const crm::io::CreditAccount& v) { return crm::io::write_credit_account(v); });
    round_trip(
        text, [](std::string_view t) { return crm::io::read_order(t, "fuzz.json"); },
        [](const crm::credit::Order& v) { return crm::io::write_order(v); });
    round_trip(
        text, [](std::string_view t) { return crm::io::read_receivables(t, "fuzz.json"); },
        [](const crm::io::ReceivablesLedger& v) { return crm::io::write_receivables(v); });
    // The requests have no writer: reading throws crm::Error or nothing.
    (void)crm_fuzz::throws_crm_error([&] { (void)crm::io::read_price_request(text, "fuzz.json"); });
    (void)crm_fuzz::throws_crm_error([&] { (void)crm::io::read_route_request(text, "fuzz.json"); });
    (void)crm_fuzz::throws_crm_error([&] { (void)crm::io::read_verify_request(text, "fuzz.json"); });
    static const crm::policy::PolicySet defaults{
        .versions = {{.id = "v", .effective_from = crm::Date{1900, 1, 1}}}};
    (void)crm_fuzz::throws_crm_error([&] {
        const auto request = crm::io::read_score_request(text, "fuzz.json");
        (void)crm::io::write_score(crm::io::score(defaults, request, crm::Date{2025, 1, 1}), crm::Lang::en);
    });
    (void)crm_fuzz::throws_crm_error([&] {
        const auto request = crm::io::read_sla_request(text, "fuzz.json");
        (void)crm::io::write_sla(crm::io::sla(defaults, request), crm::Lang::zh);
    });
    (void)crm_fuzz::throws_crm_error([&] {
        const auto request = crm::io::read_monthly_report_request(text, "fuzz.json");
        (void)crm::io::monthly_report(defaults, request);
    });
    (void)crm_fuzz::throws_crm_error([&] {
        const auto history = crm::io::read_replay_history(text, "fuzz.json");
        (void)crm::io::write_replay(crm::replay::replay(defaults, defaults, history), crm::Lang::en);
    });
    // the plan allocation request, split and written
    (void)crm_fuzz::throws_crm_error([&] {
        const auto request = crm::io::read_plan_request(text, "fuzz.json");
        (void)crm::io::write_plan_allocation(crm::io::plan_allocation(request));
    });
    for (const auto encoding : {crm::io::CsvEncoding::utf8, crm::io::CsvEncoding::gbk}) {
        (void)crm_fuzz::throws_crm_error([&] {
            (void)crm::io::read_receivables_csv(text, "fuzz.csv", crm::io::CsvOptions{.encoding = encoding});
        });
    }
    // ...and as the sales, collections and expenses ledgers, with and without a default currency,
    // the position of an item computed for any index
    for (const auto encoding : {crm::io::CsvEncoding::utf8, crm::io::CsvEncoding::gbk}) {
        for (const bool currency : {false, true}) {
            crm::io::CsvOptions options{.encoding = encoding};
            if (currency) options.currency = crm::Currency{"CNY"};
            (void)crm_fuzz::throws_crm_error([&] { (void)crm::io::read_sales_csv(text, "fuzz.csv", options); });
            (void)crm_fuzz::throws_crm_error(
                [&] { (void)crm::io::read_collections_csv(text, "fuzz.csv", options); });
            (void)crm_fuzz::throws_crm_error([&] { (void)crm::io::read_expenses_csv(text, "fuzz.csv", options); });
        }
        (void)crm_fuzz::throws_crm_error(
            [&] { (void)crm::io::csv_position(text, "fuzz.csv", encoding, size % 7, "amount"); });
    }
    // Positions and pointers are computed for any text without throwing.
    crm_fuzz::never_throws(
        [&] {
            (void)crm::io::locate(text, "/versions/0/credit/policies/0");
            (void)crm::io::position_of(text, size / 2);
        },
        "locate / position_of threw");
    return 0;
}
