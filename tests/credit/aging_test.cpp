// Aging of receivables: the default buckets of domain.md section 4 with every boundary, the
// since-invoice basis, bad buckets, per account and per region, and the exact-sum property.

#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
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
Date day(const char* iso) { return Date::parse(iso); }
const Date as_of = Date(2024, 6, 30);

using crm::test::check_error;

// An item `past_due` days past due at 2024-06-30, invoiced 30 days before its due date.
Receivable past_due(const char* id, std::int64_t days, Money open, const char* account = "A-1") {
    const Date due = as_of - Days{days};
    return Receivable{crm::InvoiceId{id}, crm::AccountId{account}, due - Days{30}, due, open};
}

std::vector<Receivable> ledger() {
    return {
        past_due("A", -10, cny("1000.00"), "A-1"),  // not yet due: current
        past_due("B", 0, cny("500.00"), "A-2"),     // due today: current
        past_due("C", 1, cny("200.00"), "A-1"),     // 1-30
        past_due("D", 30, cny("300.00"), "A-3"),    // 1-30
        past_due("E", 31, cny("400.00"), "A-1"),    // 31-60
        past_due("F", 90, cny("600.00"), "A-2"),    // 61-90
        past_due("G", 91, cny("700.00"), "A-3"),    // 91-180
        past_due("H", 181, cny("800.00"), "A-1"),   // 181-365
        past_due("I", 365, cny("900.00"), "A-2"),   // 181-365
        past_due("J", 366, cny("1234.56"), "A-3"),  // >365
    };
}

std::vector<AgingBucket> buckets_of(std::initializer_list<AgingBucket> list) { return list; }

}  // namespace

TEST_SUITE("credit.aging") {
    TEST_CASE("the default buckets age by days past due with every boundary in its place") {
        const auto items = ledger();
        const AgingReport r = aging(items, as_of);
        REQUIRE(r.amounts.size() == 7u);
        CHECK(r.buckets.buckets()[0].label == "current");
        CHECK(r.amounts[0] == cny("1500.00"));  // A 1,000.00 + B 500.00
        CHECK(r.amounts[1] == cny("500.00"));   // C 200.00 + D 300.00
        CHECK(r.amounts[2] == cny("400.00"));   // E
        CHECK(r.amounts[3] == cny("600.00"));   // F (90 days)
        CHECK(r.amounts[4] == cny("700.00"));   // G (91 days)
        CHECK(r.amounts[5] == cny("1700.00"));  // H 800.00 + I 900.00
        CHECK(r.amounts[6] == cny("1234.56"));  // J (366 days)
        // 1,500 + 500 + 400 + 600 + 700 + 1,700 + 1,234.56 = 6,634.56
        CHECK(r.total == cny("6634.56"));
        CHECK(r.items == std::vector<std::size_t>{2, 2, 1, 1, 1, 2, 1});
        CHECK(r.currency() == crm::Currency{"CNY"});
        std::ostringstream os;
        os << r;
        CHECK(os.str().find("  >365  CNY 1,234.56  (1)") != std::string::npos);
    }

    TEST_CASE("aging by days since invoice uses the invoice date") {
        const auto items = ledger();
        const AgingBuckets by_month{
            buckets_of({{"0-30", 0, 30}, {"31-60", 31, 60}, {"61-90", 61, 90}, {">90", 91, {}}})};
        const AgingReport r =
            aging(items, as_of, by_month, AgingOptions{.basis = AgingBasis::days_since_invoice});
        // ages are days past due + 30: A 20, B 30 | C 31, D 60 | E 61 | F 120, G 121, H 211, I 395, J 396
        CHECK(r.amounts[0] == cny("1500.00"));
        CHECK(r.amounts[1] == cny("500.00"));
        CHECK(r.amounts[2] == cny("400.00"));
        CHECK(r.amounts[3] == cny("4234.56"));  // 600 + 700 + 800 + 900 + 1,234.56
        CHECK(r.total == cny("6634.56"));
        // an invoice dated after the as-of date ages as 0 days
        const std::vector<Receivable> future{
            {crm::InvoiceId{"F"}, crm::AccountId{}, day("2024-07-05"), day("2024-08-04"), cny("1.00")}};
        CHECK(aging(future, as_of, by_month, AgingOptions{.basis = AgingBasis::days_since_invoice})
                  .amounts[0] == cny("1.00"));
    }

    TEST_CASE("an empty ledger ages to zero in every bucket") {
        const AgingReport r = aging(std::vector<Receivable>{}, as_of);
        CHECK(r.total == cny("0"));
        for (const Money& m : r.amounts) CHECK(m.is_zero());
        CHECK(aging(std::vector<Receivable>{}, as_of, AgingBuckets{},
                    AgingOptions{.currency = crm::Currency{"USD"}})
                  .currency() == crm::Currency{"USD"});
    }

    TEST_CASE("foreign items are converted into the report currency") {
        const std::vector<Receivable> items{past_due("A", 5, Money{"100.00", "USD"}),
                                            past_due("B", 5, cny("1.00"))};
        const std::vector<FxRate> rates{{crm::Currency{"USD"}, Decimal{"7.1"}}};
        const AgingReport r = aging(items, as_of, AgingBuckets{},
                                    AgingOptions{.currency = crm::Currency{"CNY"}, .rates = rates});
        CHECK(r.amounts[1] == cny("711.00"));  // 100 x 7.1 + 1.00
        check_error(
            [&] {
                return aging(items, as_of, AgingBuckets{}, AgingOptions{.currency = crm::Currency{"CNY"}});
            },
            crm::ErrorCode::not_found, "options.rates.USD");
    }

    TEST_CASE("buckets that overlap or leave gaps are errors naming the bucket") {
        using crm::ErrorCode;
        check_error([] { return AgingBuckets{buckets_of({})}; }, ErrorCode::invalid_argument, "buckets");
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 1, 30}, {"b", 31, {}}})};
            },
            ErrorCode::inconsistent, "buckets[0].from_days");
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 0, 30}, {"b", 32, {}}})};
            },
            ErrorCode::inconsistent,
            "buckets[1].from_days");  // a gap: day 31
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 0, 30}, {"b", 30, {}}})};
            },
            ErrorCode::inconsistent,
            "buckets[1].from_days");  // an overlap: day 30 twice
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 0, 30}, {"b", 31, 60}})};
            },
            ErrorCode::inconsistent,
            "buckets[1].to_days");  // the last must be open-ended
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 0, {}}, {"b", 31, {}}})};
            },
            ErrorCode::inconsistent,
            "buckets[0].to_days");  // only the last may be open-ended
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 0, 10}, {"b", 11, 5}, {"c", 6, {}}})};
            },
            ErrorCode::invalid_argument, "buckets[1].to_days");
        CHECK(AgingBuckets{buckets_of({{"all", 0, {}}})}.index_of(100000) == 0u);
    }

    TEST_CASE("bad items are errors naming the item") {
        std::vector<Receivable> items = ledger();
        items[4].open_amount = cny("-4.00");
        check_error([&] { return aging(items, as_of); }, crm::ErrorCode::invalid_argument,
                    "receivables[4].open_amount");
    }

    TEST_CASE("a bucket is found by search over many boundaries") {
        std::vector<AgingBucket> weekly;
        for (int w = 0; w < 52; ++w) weekly.push_back({"w" + std::to_string(w), w * 7, w * 7 + 6});
        weekly.push_back({"later", 52 * 7, std::nullopt});
        const AgingBuckets b{weekly};
        CHECK(b.index_of(0) == 0u);
        CHECK(b.index_of(6) == 0u);
        CHECK(b.index_of(7) == 1u);
        CHECK(b.index_of(363) == 51u);
        CHECK(b.index_of(364) == 52u);
        CHECK(b.index_of(-5) == 0u);
        for (std::int64_t d = 0; d < 400; ++d) {
            CAPTURE(d);
            const auto i = b.index_of(d);
            CHECK(b.buckets()[i].from_days <= d);
            if (b.buckets()[i].to_days) CHECK(d <= *b.buckets()[i].to_days);
        }
    }

    TEST_CASE("aging per account and rolled up per region") {
        const auto items = ledger();
        const std::vector<AccountAging> accounts = aging_by_account(items, as_of);
        REQUIRE(accounts.size() == 3u);
        CHECK(accounts[0].account == crm::AccountId{"A-1"});
        // A 1,000.00 (current), C 200.00, E 400.00, H 800.00 = 2,400.00
        CHECK(accounts[0].report.total == cny("2400.00"));
        CHECK(accounts[0].report.amounts[0] == cny("1000.00"));
        // B 500.00 + F 600.00 + I 900.00 = 2,000.00; A-3: D 300.00 + G 700.00 + J 1,234.56 = 2,234.56
        CHECK(accounts[1].report.total == cny("2000.00"));
        CHECK(accounts[2].report.total == cny("2234.56"));

        const std::vector<AccountRegion> regions{{crm::AccountId{"A-1"}, crm::RegionId{"East"}},
                                                 {crm::AccountId{"A-2"}, crm::RegionId{"North"}},
                                                 {crm::AccountId{"A-3"}, crm::RegionId{"East"}}};
        const std::vector<RegionAging> rolled = aging_by_region(accounts, regions);
        REQUIRE(rolled.size() == 2u);
        CHECK(rolled[0].region == crm::RegionId{"East"});
        CHECK(rolled[0].accounts ==
              std::vector<crm::AccountId>{crm::AccountId{"A-1"}, crm::AccountId{"A-3"}});
        CHECK(rolled[0].report.total == cny("4634.56"));      // 2,400.00 + 2,234.56
        CHECK(rolled[0].report.amounts[1] == cny("500.00"));  // C 200 (A-1) + D 300
        CHECK(rolled[1].report.total == cny("2000.00"));

        check_error([&] { return aging_by_region(accounts, std::span(regions).first(2)); },
                    crm::ErrorCode::not_found, "regions");
        std::vector<AccountRegion> twice = regions;
        twice.push_back({crm::AccountId{"A-1"}, crm::RegionId{"West"}});
        check_error([&] { return aging_by_region(accounts, twice); }, crm::ErrorCode::duplicate,
                    "regions[3].account");
        std::vector<AccountAging> mixed = accounts;
        mixed[1].report.as_of = as_of + Days{1};
        check_error([&] { return aging_by_region(mixed, regions); }, crm::ErrorCode::inconsistent,
                    "accounts[1].report");
    }

    TEST_CASE("bucket totals sum exactly to the open total over generated ledgers") {
        crm::test::Rng rng(365);
        const AgingBuckets buckets{};
        const std::vector<AccountRegion> regions{{crm::AccountId{"A0"}, crm::RegionId{"R0"}},
                                                 {crm::AccountId{"A1"}, crm::RegionId{"R1"}},
                                                 {crm::AccountId{"A2"}, crm::RegionId{"R0"}}};
        for (int i = 0; i < 2000; ++i) {
            CAPTURE(i);
            std::vector<Receivable> items;
            const auto n = rng.below(40);
            Money sum = cny("0");
            for (std::uint64_t k = 0; k < n; ++k) {
                const Date invoiced = as_of - Days{rng.between(-20, 900)};
                const int scale =
                    static_cast<int>(rng.between(0, 2));  // 12, 12.3 and 12.34 are all whole fen
                const Money open{Decimal::scaled(rng.between(0, 99'999'999), -scale), crm::Currency{}};
                items.push_back(Receivable{crm::InvoiceId{std::to_string(k)},
                                           crm::AccountId{"A" + std::to_string(k % 3)}, invoiced,
                                           invoiced + Days{rng.between(0, 120)}, open});
                sum += open;
            }
            const AgingReport r = aging(items, as_of, buckets);
            Money buckets_sum = cny("0");
            std::size_t counted = 0;
            for (std::size_t b = 0; b < r.amounts.size(); ++b) {
                buckets_sum += r.amounts[b];
                counted += r.items[b];
            }
            CHECK(buckets_sum == r.total);
            CHECK(r.total == sum);
            CHECK(counted == items.size());
            // every item lies in the bucket whose range holds its age
            for (const Receivable& item : items) {
                const std::int64_t age = std::max<std::int64_t>(0, (as_of - item.due_on).count());
                const AgingBucket& b = buckets.buckets()[buckets.index_of(age)];
                CHECK(b.from_days <= age);
                if (b.to_days) CHECK(age <= *b.to_days);
            }
            // accounts and regions add up to the whole
            const auto accounts = aging_by_account(items, as_of, buckets);
            Money accounts_sum = cny("0");
            for (const AccountAging& a : accounts) accounts_sum += a.report.total;
            CHECK(accounts_sum == r.total);
            Money regions_sum = cny("0");
            for (const RegionAging& g : aging_by_region(accounts, regions)) regions_sum += g.report.total;
            CHECK(regions_sum == r.total);
        }
    }

    TEST_CASE("a bucket ending at the largest age is refused without overflowing") {
        // the reproducer: `*to_days + 1` overflowed INT64_MAX
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"all", 0, INT64_MAX}, {"rest", INT64_MIN, std::nullopt}})};
            },
            ErrorCode::inconsistent, "buckets[0].to_days");
        check_error(
            [] {
                return AgingBuckets{buckets_of({{"a", 0, 10}, {"b", 11, INT64_MAX}, {"c", 0, {}}})};
            },
            ErrorCode::inconsistent, "buckets[1].to_days");
    }

    TEST_CASE("bucket edges state their side: 30天以内 closes a bucket 不满30天 opens the next") {
        const std::vector<std::int64_t> edges{30, 60, 90};
        // inclusive edges: 0-30, 31-60, 61-90, >90
        const AgingBuckets in = AgingBuckets::from_edges(edges, crm::Boundary::inclusive);
        CHECK(in.index_of(30) == 0u);
        CHECK(in.index_of(31) == 1u);
        CHECK(in.index_of(90) == 2u);
        CHECK(in.index_of(91) == 3u);
        CHECK(in.buckets()[3].label == ">90");
        // exclusive edges: 0-29, 30-59, 60-89, >=90
        const AgingBuckets ex = AgingBuckets::from_edges(edges, crm::Boundary::exclusive);
        CHECK(ex.index_of(29) == 0u);
        CHECK(ex.index_of(30) == 1u);
        CHECK(ex.index_of(89) == 2u);
        CHECK(ex.index_of(90) == 3u);
        CHECK(ex.buckets()[3].label == ">=90");
        // the words of each side
        CHECK(describe(in.buckets()[0], crm::Lang::zh) == "30天以下");
        CHECK(describe(in.buckets()[1], crm::Lang::zh) == "31-60天");
        CHECK(describe(in.buckets()[3], crm::Lang::zh) == "超过90天");
        CHECK(describe(in.buckets()[3], crm::Lang::en) == "more than 90 days");
        CHECK(describe(ex.buckets()[3], crm::Lang::zh) == "超过89天");
        CHECK(describe(AgingBuckets{}.buckets()[0], crm::Lang::zh) == "0天");
        // edges that do not ascend are refused, naming the edge
        const std::vector<std::int64_t> down{30, 30};
        check_error([&] { return AgingBuckets::from_edges(down, crm::Boundary::inclusive); },
                    ErrorCode::invalid_argument, "edges[1]");
        const std::vector<std::int64_t> zero{0};
        check_error([&] { return AgingBuckets::from_edges(zero, crm::Boundary::exclusive); },
                    ErrorCode::invalid_argument, "edges[0]");
    }

    TEST_CASE("ERP conventions: an item due today as current or 1-30 not yet due apart") {
        const auto items = ledger();
        // default: B (due today, 500.00) is current with A (not yet due, 1000.00)
        CHECK(aging(items, as_of).amounts[0] == cny("1500.00"));
        // due today counted as past due: B moves to 1-30 with C and D; D (30 days) moves to 31-60
        const AgingReport r = aging(items, as_of, AgingBuckets{}, {.due_today = DueTodayAs::past_due});
        CHECK(r.amounts[0] == cny("1000.00"));
        CHECK(r.amounts[1] == cny("700.00"));  // B 500 + C 200 (1 day -> 2)
        CHECK(r.amounts[2] == cny("700.00"));  // D 300 (30 -> 31) + E 400
        CHECK(r.total == aging(items, as_of).total);
        // not yet due in its own column: A apart, B in current
        const AgingWithCredits c =
            aging_with_credit_column(items, as_of, AgingBuckets{}, {}, NotYetDue::own_column);
        CHECK(c.not_yet_due == cny("1000.00"));
        CHECK(c.not_yet_due_items == 1u);
        CHECK(c.report.amounts[0] == cny("500.00"));
        CHECK(c.net_total == aging(items, as_of).total);
        check_error(
            [&] { return aging(items, as_of, AgingBuckets{}, {.due_today = static_cast<DueTodayAs>(5)}); },
            ErrorCode::invalid_argument, "options.due_today");
    }

    TEST_CASE("credits net by date or stand in an unapplied column as declared") {
        std::vector<Receivable> items = ledger();
        items.push_back(past_due("CN", 45, cny("-150.00"), "A-1"));  // a credit note, 45 days old
        // refused unless declared
        check_error([&] { return aging(items, as_of); }, ErrorCode::invalid_argument,
                    "receivables[10].open_amount");
        // by date: 31-60 holds E 400.00 - 150.00 = 250.00; the total nets it
        const AgingReport r = aging(items, as_of, AgingBuckets{}, {.credits = CreditAging::by_date});
        CHECK(r.amounts[2] == cny("250.00"));
        CHECK(r.total == cny("6484.56"));  // 6,634.56 - 150.00
        // unapplied column: buckets as without the credit, the credit apart, the net total the same
        const AgingWithCredits c = aging_with_credit_column(items, as_of);
        CHECK(c.report.amounts[2] == cny("400.00"));
        CHECK(c.unapplied == cny("-150.00"));
        CHECK(c.unapplied_items == 1u);
        CHECK(c.net_total == cny("6484.56"));
    }

    TEST_CASE("a prepayment request is aged by its due date on either basis") {
        // invoice to be issued 2024-07-10, payment asked for by 2024-06-10: 20 days past due
        const std::vector<Receivable> items{Receivable{crm::InvoiceId{"PP"}, crm::AccountId{"A"},
                                                       day("2024-07-10"), day("2024-06-10"), cny("100.00")}};
        CHECK(aging(items, as_of).amounts[1] == cny("100.00"));
        CHECK(aging(items, as_of, AgingBuckets{}, {.basis = AgingBasis::days_since_invoice}).amounts[1] ==
              cny("100.00"));
    }

}  // TEST_SUITE
