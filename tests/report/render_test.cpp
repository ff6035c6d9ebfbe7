// The monthly report in 万元: worked columns that add up by allocation or are marked, the
// default rendering unchanged, bad options named by field, and a property over generated
// reports that every allocated column adds up to its total and stays within one unit of the
// exact figures.

#include <crm/core/error.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"
#include "snapshot.hpp"

using crm::Currency;
using crm::Date;
using crm::Decimal;
using crm::ErrorCode;
using crm::Lang;
using crm::Money;
using crm::RoundingMode;
using crm::WanTotals;
using crm::test::company_snapshot;
using crm::test::yuan;
using namespace crm::report;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// The rows of the first table after the heading that starts with `heading` in a rendering
// (Markdown or text), without its header row and the Markdown rule.
Rows table_after(const std::string& out, const std::string& heading) {
    const std::size_t at = out.find(heading);
    REQUIRE(at != std::string::npos);
    std::size_t pos = out.find('\n', at) + 1;
    Rows rows;
    bool header = true;
    while (pos < out.size()) {
        const std::size_t end = out.find('\n', pos);
        std::string line = out.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty() || line.find_first_not_of('-') == std::string::npos) {
            if (!rows.empty() || !header) break;  // the table has ended
            continue;                             // the text heading's underline
        }
        if (line.find(" | ") == std::string::npos) break;
        if (line.rfind("| ", 0) == 0) line = line.substr(2);
        if (line.size() >= 2 && line.compare(line.size() - 2, 2, " |") == 0) line.resize(line.size() - 2);
        if (line.find("---") != std::string::npos) continue;
        std::vector<std::string> cells;
        std::size_t from = 0;
        for (std::size_t bar; (bar = line.find(" | ", from)) != std::string::npos; from = bar + 3)
            cells.push_back(line.substr(from, bar - from));
        cells.push_back(line.substr(from));
        if (header) {
            header = false;
            continue;
        }
        rows.push_back(std::move(cells));
    }
    return rows;
}

// "123.46万元" -> 123.46
Decimal wan_figure(const std::string& cell) {
    const std::string unit = "万元";
    REQUIRE_MESSAGE(cell.size() > unit.size(), cell);
    REQUIRE_MESSAGE(cell.compare(cell.size() - unit.size(), unit.size(), unit) == 0, cell);
    return Decimal{cell.substr(0, cell.size() - unit.size())};
}

Decimal exact_wan(const Money& m) { return m.amount() * Decimal::scaled(1, -4); }

// One receivable per region, due after the as-of date (so each is current).
Snapshot with_open(const char* east, const char* north, const char* south) {
    Snapshot s = company_snapshot();
    const auto rcv = [](const char* inv, const char* acc, const char* open) {
        return crm::credit::Receivable{crm::InvoiceId{inv}, crm::AccountId{acc}, Date(2026, 6, 1),
                                       Date(2026, 6, 30), yuan(open)};
    };
    s.receivables = {rcv("I1", "K1", east), rcv("I2", "N1", north), rcv("I3", "S1", south)};
    return s;
}

}  // namespace

TEST_SUITE("report.render") {
    TEST_CASE("the default rendering is the yuan rendering") {
        const MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        for (const Lang lang : {Lang::zh, Lang::en})
            for (const Format f : {Format::text, Format::markdown}) {
                const std::string plain = render(r, lang, f);
                CHECK(plain == render(r, lang, f, RenderOptions{}));
                CHECK(plain.find("万元") == std::string::npos);
                CHECK(plain.find("CNY 110,000.00") != std::string::npos);  // the company's open receivables
            }
        constexpr RenderOptions defaults{};
        CHECK(defaults.unit == Unit::yuan);
        CHECK(defaults.places == 2);
        CHECK(defaults.rounding == RoundingMode::half_up);
        CHECK(defaults.totals == WanTotals::allocate);
        CHECK_FALSE(defaults.grouping);
    }

    TEST_CASE("an aging column in wan allocated and marked worked by hand") {
        // Open receivables, all current, at 2 places half-up (one unit = 0.01万元 = CNY 100):
        //   east  1,234,567.89 = 123.4567889万 -> 123.46 (rounded up by 0.0032111)
        //   north    10,040.00 =   1.004万     ->   1.00 (rounded down by 0.0040)
        //   south    20,045.00 =   2.0045万    ->   2.00 (rounded down by 0.0045)
        //   total 1,264,652.89 = 126.465289万  -> 126.47, but the parts add up to 126.46.
        // Allocate: one unit goes to the part rounded furthest down, south (0.0045 > 0.0040):
        // 123.46 + 1.00 + 2.01 = 126.47. Mark: the parts stay 123.46, 1.00, 2.00 and the total
        // 126.47 carries "*" with a note of the regions' 126.46 and the difference 0.01.
        const MonthlyKeyAccountReport r = monthly_report(with_open("1234567.89", "10040", "20045"));
        const std::string heading = "## 二、应收账款及账龄";
        {
            const std::string out = render(r, Lang::zh, Format::markdown, {.unit = Unit::wan});
            CHECK(out.find("金额单位：万元（保留2位小数，四舍五入；尾差按最大余数法分配，各区域之和等于全公司合计）") !=
                  std::string::npos);
            const Rows rows = table_after(out, heading);
            REQUIRE(rows.size() == 4);
            CHECK(rows[0] == std::vector<std::string>{"华东区", "123.46万元", "123.46万元", "0.00万元", "0.00万元",
                                                      "0.00万元", "0.00万元", "0.00万元", "0.00万元"});
            CHECK(rows[1][1] == "1.00万元");
            CHECK(rows[2][1] == "2.01万元");
            CHECK(rows[3][0] == "全公司");
            CHECK(rows[3][1] == "126.47万元");
            CHECK(rows[2][2] == "2.01万元");  // the current bucket is the same column
            CHECK(out.find(" *") == std::string::npos);
        }
        {
            const std::string out =
                render(r, Lang::zh, Format::markdown, {.unit = Unit::wan, .totals = WanTotals::mark});
            const Rows rows = table_after(out, heading);
            REQUIRE(rows.size() == 4);
            CHECK(rows[0][1] == "123.46万元");
            CHECK(rows[1][1] == "1.00万元");
            CHECK(rows[2][1] == "2.00万元");
            CHECK(rows[3][1] == "126.47万元 *");
            CHECK(out.find("\\* 应收余额：各区域合计 126.46万元，与全公司合计相差 0.01万元（尾差）。") !=
                  std::string::npos);
            const std::string en =
                render(r, Lang::en, Format::text, {.unit = Unit::wan, .totals = WanTotals::mark});
            CHECK(en.find("Amounts in 万元 (CNY 10,000), 2 places, half-up") != std::string::npos);
            CHECK(en.find("* open: the regions add up to 126.46万元; the company total differs by 0.01万元 "
                          "(rounding).") != std::string::npos);
            const Rows text_rows = table_after(en, "2. Receivables and aging");
            REQUIRE(text_rows.size() == 4);
            CHECK(text_rows[3][0] == "company");
            CHECK(text_rows[3][1] == "126.47万元 *");
        }
        // One place, floor (one unit = 0.1万元): 123.4, 1.0, 2.0 = 126.4 and the total 126.4: no
        // difference to allocate or mark.
        const std::string floor_out = render(r, Lang::zh, Format::markdown,
                                             {.unit = Unit::wan, .places = 1, .rounding = RoundingMode::floor,
                                              .totals = WanTotals::mark});
        const Rows rows = table_after(floor_out, heading);
        CHECK(rows[0][1] == "123.4万元");
        CHECK(rows[3][1] == "126.4万元");
        CHECK(floor_out.find("保留1位小数，向下取整") != std::string::npos);
    }

    TEST_CASE("the plan table and the measures in wan") {
        // Sales this month (company.hpp): east 10,000 + 40,000 = 50,000 -> 5.00万元; north 20,000
        // -> 2.00; south 25,000 -> 2.50 (the 99,999 of 06-20 is after the as-of date); company
        // 95,000 -> 9.50. The chase of I4 (CNY 40,000) reads 4.00万元.
        const MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        const std::string out = render(r, Lang::zh, Format::markdown, {.unit = Unit::wan});
        const Rows rows = table_after(out, "## 一、销售与回款计划完成情况");
        REQUIRE(rows.size() == 4);
        CHECK(rows[0][2] == "5.00万元");
        CHECK(rows[1][2] == "2.00万元");
        CHECK(rows[2][2] == "2.50万元");
        CHECK(rows[3][2] == "9.50万元");
        CHECK(out.find("催收发票 I4（客户 N1）4.00万元，已逾期 97 天") != std::string::npos);
        // the findings' sentences keep their exact amounts
        CHECK(out.find("超过控制规模 CNY 40,000.00") != std::string::npos);
        // east 12,345,678.90 = 1,234.56789万 -> 1,234.57 with grouping
        const std::string grouped =
            render(monthly_report(with_open("12345678.90", "10040", "20045")), Lang::zh, Format::markdown,
                   {.unit = Unit::wan, .grouping = true});
        CHECK(table_after(grouped, "## 二、应收账款及账龄")[0][1] == "1,234.57万元");
    }

    TEST_CASE("bad render options are errors naming the field") {
        const MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        const auto bad = [&](RenderOptions o, const char* field) {
            crm::test::check_error([&] { return render(r, Lang::zh, Format::text, o); },
                                   ErrorCode::invalid_argument, field);
            crm::test::check_error([&] { validate(o); }, ErrorCode::invalid_argument, field);
        };
        bad({.unit = Unit::wan, .places = -1}, "options.places");
        bad({.unit = Unit::wan, .places = 9}, "options.places");
        bad({.places = 9}, "options.places");  // checked in yuan too
        bad({.unit = static_cast<Unit>(7)}, "options.unit");
        bad({.unit = Unit::wan, .rounding = static_cast<RoundingMode>(42)}, "options.rounding");
        bad({.unit = Unit::wan, .totals = static_cast<WanTotals>(5)}, "options.totals");
        CHECK_NOTHROW(validate({.unit = Unit::wan, .places = 0}));
        CHECK_NOTHROW(validate({.unit = Unit::wan, .places = 8}));
        MonthlyKeyAccountReport usd = r;
        usd.currency = Currency{"USD"};
        crm::test::check_error([&] { return render(usd, Lang::en, Format::text, {.unit = Unit::wan}); },
                               ErrorCode::currency_mismatch, "report.currency");
        CHECK_NOTHROW((void)render(usd, Lang::en, Format::text));
    }

    TEST_CASE("property: allocated wan columns add up and stay within one unit and marked ones say when not") {
        crm::test::Rng rng(20261202);
        const char* const accounts[] = {"K1", "E2", "N1", "S1"};
        const RoundingMode modes[] = {RoundingMode::half_even, RoundingMode::half_up, RoundingMode::half_down,
                                      RoundingMode::up,        RoundingMode::down,    RoundingMode::ceiling,
                                      RoundingMode::floor};
        const auto amount = [&](std::int64_t max_fen) {
            const std::int64_t fen = rng.between(0, max_fen);
            return Money{Decimal::scaled(fen, -2), Currency{"CNY"}};
        };
        int columns_checked = 0;
        int summed_elsewhere = 0;
        int marks = 0;
        int moved = 0;
        for (int round = 0; round < 150; ++round) {
            Snapshot s = company_snapshot();
            s.receivables.clear();
            const auto n = rng.between(1, 14);
            for (std::int64_t i = 0; i < n; ++i) {
                const Date due = Date(2026, 6, 15) + crm::Days{rng.between(-400, 60)};
                s.receivables.push_back({crm::InvoiceId{"I" + std::to_string(i)},
                                         crm::AccountId{accounts[rng.below(4)]}, due - crm::Days{30}, due,
                                         amount(rng.coin() ? 100'000'000 : 5'000'000'000)});
            }
            for (auto& sale : s.actuals.sales) sale.amount = amount(20'000'000);
            for (auto& c : s.actuals.collections) c.amount = amount(20'000'000);
            const MonthlyKeyAccountReport r = monthly_report(s);
            const RenderOptions o{.unit = Unit::wan,
                                  .places = static_cast<int>(rng.between(0, 4)),
                                  .rounding = modes[rng.below(7)]};
            const Lang lang = rng.coin() ? Lang::zh : Lang::en;
            const std::string out = render(r, lang, Format::markdown, o);
            CAPTURE(round);
            CAPTURE(o.places);
            CAPTURE(static_cast<int>(o.rounding));
            REQUIRE(out.find(" *") == std::string::npos);  // allocate never marks
            const Decimal unit = Decimal::scaled(1, -o.places);
            // Each column: the exact figures of the regions then the company, and where they show.
            struct Column {
                std::string heading;
                std::size_t cell;
                std::vector<Money> exact;
            };
            std::vector<Column> cols;
            const std::string aging = lang == Lang::zh ? "## 二、" : "## 2.";
            const std::string plan = lang == Lang::zh ? "## 一、" : "## 1.";
            const auto of = [&](auto get) {
                std::vector<Money> v;
                for (const Section& sec : r.regions) v.push_back(get(sec));
                v.push_back(get(r.total));
                return v;
            };
            cols.push_back({aging, 1, of([](const Section& x) { return x.aging.total; })});
            for (std::size_t b = 0; b < r.total.aging.amounts.size(); ++b)
                cols.push_back({aging, b + 2, of([b](const Section& x) { return x.aging.amounts[b]; })});
            using crm::planning::Measure;
            cols.push_back({plan, 2, of([](const Section& x) { return x.progress.of(Measure::sales).actual; })});
            cols.push_back(
                {plan, 4, of([](const Section& x) { return x.progress.of(Measure::sales).ytd_actual; })});
            cols.push_back(
                {plan, 6, of([](const Section& x) { return x.progress.of(Measure::collection).actual; })});
            cols.push_back(
                {plan, 8, of([](const Section& x) { return x.progress.of(Measure::collection).ytd_actual; })});
            for (const Column& c : cols) {
                const Rows rows = table_after(out, c.heading);
                REQUIRE(rows.size() == c.exact.size());
                Decimal sum;
                for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
                    const Decimal shown = wan_figure(rows[i][c.cell]);
                    const Decimal off = crm::abs(shown - exact_wan(c.exact[i]));
                    CHECK_MESSAGE(!(unit < off), rows[i][c.cell]);
                    if (shown != crm::round_to_scale(exact_wan(c.exact[i]), o.places, o.rounding)) ++moved;
                    sum += shown;
                }
                const Decimal total = wan_figure(rows.back()[c.cell]);
                CHECK(sum == total);
                CHECK(total == crm::round_to_scale(exact_wan(c.exact.back()), o.places, o.rounding));
                ++columns_checked;
            }
            // The same columns marked: every figure rounded alone, and a total marked exactly when
            // its rounded regions miss it.
            RenderOptions marked = o;
            marked.totals = WanTotals::mark;
            const std::string mout = render(r, lang, Format::markdown, marked);
            for (const Column& c : cols) {
                const Rows rows = table_after(mout, c.heading);
                REQUIRE(rows.size() == c.exact.size());
                Decimal sum;
                for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
                    const Decimal alone = crm::round_to_scale(exact_wan(c.exact[i]), o.places, o.rounding);
                    CHECK(wan_figure(rows[i][c.cell]) == alone);
                    sum += alone;
                }
                const Decimal total = crm::round_to_scale(exact_wan(c.exact.back()), o.places, o.rounding);
                const std::string& cell = rows.back()[c.cell];
                const bool star = cell.size() > 2 && cell.compare(cell.size() - 2, 2, " *") == 0;
                CHECK(star == (sum != total));
                CHECK(wan_figure(star ? cell.substr(0, cell.size() - 2) : cell) == total);
                marks += star ? 1 : 0;
            }
            // Caps and the forecast months: a column whose company figure is the regions' sum adds up.
            const auto adds_up_if_summed = [&](const std::vector<std::string>& shown, const std::vector<Money>& exact) {
                Money sum = Money::zero(Currency{"CNY"});
                for (std::size_t i = 0; i + 1 < exact.size(); ++i) sum += exact[i];
                if (sum != exact.back()) return;
                Decimal parts;
                for (std::size_t i = 0; i + 1 < shown.size(); ++i) parts += wan_figure(shown[i]);
                CHECK(parts == wan_figure(shown.back()));
                ++summed_elsewhere;
            };
            const Rows caps = table_after(out, lang == Lang::zh ? "## 三、" : "## 3.");
            REQUIRE(caps.size() == 4);
            for (std::size_t c = 3; c < 6; ++c) {
                std::vector<std::string> shown;
                for (const auto& row : caps) shown.push_back(row[c]);
                adds_up_if_summed(shown, c == 3   ? of([](const Section& x) { return x.cap->cap; })
                                         : c == 4 ? of([](const Section& x) { return x.cap->headroom; })
                                                  : of([](const Section& x) { return x.cap->excess; }));
            }
            const Rows forecast = table_after(out, lang == Lang::zh ? "## 九、" : "## 9.");
            const std::size_t months = r.total.forecast.months.size();
            REQUIRE(forecast.size() == 4 * months);
            for (std::size_t k = 0; k < months; ++k)
                for (std::size_t c = 3; c < 5; ++c) {
                    std::vector<std::string> shown;
                    for (std::size_t i = 0; i < 4; ++i) shown.push_back(forecast[i * months + k][c]);
                    adds_up_if_summed(shown, c == 3 ? of([k](const Section& x) { return x.forecast.months[k].sales_forecast; })
                                                    : of([k](const Section& x) {
                                                          return x.forecast.months[k].expected_collections;
                                                      }));
                }
        }
        CHECK(summed_elsewhere > 150);
        CHECK(marks > 0);
        CHECK(columns_checked >= 150 * 5);
        CHECK(moved > 0);  // the allocation did move figures, so the sums were not trivially equal
    }
}
