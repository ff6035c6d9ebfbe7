// The monthly report as one HTML page: the worked example of tests/report/snapshot.hpp (headings,
// figures, bar lengths computed by hand), hostile names escaped, nothing external and no script,
// a property over generated reports that bar lengths are proportional, and the edge cases of a
// zero plan and empty sections (no division by zero).

#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "../support/html.hpp"
#include "snapshot.hpp"

using crm::Lang;
using crm::Money;
using crm::test::company_snapshot;
using crm::test::yuan;
using namespace crm::report;

namespace {

crm::planning::Progress& of(Section& s, crm::planning::Measure m) {
    return s.progress.measures[static_cast<std::size_t>(m)];
}

bool has(const std::string& page, const std::string& text) { return page.find(text) != std::string::npos; }

}  // namespace

TEST_SUITE("report.render_html") {
    TEST_CASE("the company's page worked by hand") {
        const MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        const std::string zh = render(r, Lang::zh, Format::html, {});
        CHECK(zh.rfind("<!DOCTYPE html>", 0) == 0);
        CHECK(has(zh, "<meta charset=\"utf-8\">"));
        CHECK(has(zh, "<h1>2026年6月大客户月报（截至 2026-06-15）</h1>"));
        CHECK(has(zh, "<h2>一、销售与回款计划完成情况</h2>"));
        CHECK(has(zh, "<h2>二、应收账款及账龄</h2>"));
        CHECK(has(zh, "<h2>八、考核评分</h2>"));
        CHECK(has(zh, "<h2>十一、问题与亮点</h2>"));
        CHECK(has(zh, "<td>CNY 110,000.00</td>"));  // the company's open receivables
        CHECK(has(zh, "<td>华东区</td>"));
        const std::string en = render(r, Lang::en, Format::html, {});
        CHECK(has(en, "<h2>1. Sales and collection against plan</h2>"));
        CHECK(has(en, "<html lang=\"en\">"));
        // June to the 15th, the longest bar is east's sales plan 100,000 = 600 px:
        //   sales   east 50,000 -> 300, north 20,000 -> 120, south 25,000 -> 150
        //   collect east 45,000 -> 270, north 25,000 -> 150, south 10,000 ->  60
        CHECK(crm::test::rect_widths(en, "sales-plan") == std::vector<long>{600, 360, 240});
        CHECK(crm::test::rect_widths(en, "sales") == std::vector<long>{300, 120, 150});
        CHECK(crm::test::rect_widths(en, "collection-plan") == std::vector<long>{540, 300, 240});
        CHECK(crm::test::rect_widths(en, "collection") == std::vector<long>{270, 150, 60});
        // Aging: east 65,000 (the longest, 600 px) in buckets current 30,000 and 1-30 15,000 and
        // 91-180 20,000; segments end at the running sums 30,000 -> 277, 45,000 -> 415, 65,000 -> 600.
        const std::vector<long> aging = crm::test::rect_widths(en, "aging");
        REQUIRE(aging.size() >= 3);
        CHECK(aging[0] + aging[1] + aging[2] == 600);
        // 万元 through the options, like the other formats.
        const std::string wan = render(r, Lang::zh, Format::html, {.unit = Unit::wan});
        CHECK(has(wan, "金额单位：万元"));
        CHECK(has(wan, "<td>11.00万元</td>"));
    }

    TEST_CASE("hostile names are escaped and the page has no script and nothing external") {
        MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        const std::string hostile = "<script>alert(\"x\")</script> & 'Co' <img src=http://evil>";
        r.regions[0].name = hostile;
        for (ManagerScore& m : r.managers) m.name = hostile;
        for (const Lang lang : {Lang::zh, Lang::en}) {
            const std::string page = render(r, lang, Format::html, {});
            CHECK_FALSE(has(page, "<script"));
            CHECK_FALSE(has(page, "<img"));
            // the hostile text's "http://evil" stays as text; no attribute loads anything
            CHECK_FALSE(has(page, "src=\""));
            CHECK_FALSE(has(page, "href="));
            CHECK_FALSE(has(page, "url("));
            // and the page of a report without such names mentions no URL at all
            CHECK_FALSE(has(render(monthly_report(company_snapshot()), lang, Format::html, {}), "http"));
            CHECK(has(page,
                      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39; &lt;img src=ht"));
        }
    }

    TEST_CASE("property: a region with twice the sales has twice the bar") {
        std::mt19937_64 gen(15);
        std::uniform_int_distribution<long> cents(1, 5'000'000'000);
        const MonthlyKeyAccountReport base = monthly_report(company_snapshot());
        for (int round = 0; round < 200; ++round) {
            MonthlyKeyAccountReport r = base;
            const auto amount = [](long c) {
                return Money{crm::Decimal::scaled(c, -2), crm::Currency{"CNY"}};
            };
            const long a = cents(gen);
            auto& east = of(r.regions[0], crm::planning::Measure::sales);
            auto& north = of(r.regions[1], crm::planning::Measure::sales);
            east.actual = amount(a);
            north.actual = amount(2 * a);
            for (auto& s : r.regions)
                for (const auto m : {crm::planning::Measure::sales, crm::planning::Measure::collection})
                    of(s, m).plan = amount(cents(gen));
            const std::vector<long> w =
                crm::test::rect_widths(render(r, Lang::en, Format::html, {}), "sales");
            REQUIRE(w.size() == 3);
            CHECK(std::abs(w[1] - 2 * w[0]) <= 1);
            CHECK(w[1] <= 600);
        }
    }

    TEST_CASE("a zero plan and empty sections draw no bar and divide by nothing") {
        MonthlyKeyAccountReport r = monthly_report(company_snapshot());
        for (auto& s : r.regions) {
            for (const auto m : {crm::planning::Measure::sales, crm::planning::Measure::collection}) {
                of(s, m).plan = yuan("0");
                of(s, m).actual = yuan("0");
            }
            for (auto& a : s.aging.amounts) a = yuan("0");
            s.aging.total = yuan("0");
            s.turnover_days.reset();
            s.previous_turnover_days.reset();
            s.kpi.reset();
        }
        r.findings.clear();
        const std::string page = render(r, Lang::en, Format::html, {});
        CHECK(crm::test::rect_widths(page, "sales") == std::vector<long>{0, 0, 0});
        CHECK(crm::test::rect_widths(page, "aging").empty());
        CHECK(crm::test::rect_widths(page, "turnover").empty());
        CHECK(crm::test::rect_widths(page, "kpi").empty());
        CHECK(has(page, "<p>Nothing to report.</p>"));
        CHECK(has(page, "</html>"));
        MonthlyKeyAccountReport none;
        const std::string empty = render(none, Lang::zh, Format::html, {});
        CHECK(has(empty, "</html>"));
        CHECK_FALSE(has(empty, "<svg"));
    }
}
