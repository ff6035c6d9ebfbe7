#pragma once
// Internal to the library: the pieces of the HTML rendering (render.cpp lays the page out, these
// draw its charts; the replay page, src/replay/render_html.cpp, shares the frame, escape and
// bar_px). Every text from the data goes through escape(); every bar length is computed
// from Decimal ratios (bar_px), never from a double.

#include <crm/money/decimal.hpp>
#include <crm/report/monthly.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace crm::report::detail {

// `text` with & < > " ' as character references, safe in element content and quoted attributes.
std::string escape(std::string_view text);

// The length in whole pixels of a bar of `value` on a scale where `max` is `width` pixels:
// value * width / max rounded half-up with Decimal arithmetic; 0 when max or value is not positive.
std::int64_t bar_px(const Decimal& value, const Decimal& max, std::int64_t width);

// The page's head (charset, title, inline CSS) and its end.
std::string html_begin(const std::string& title, bool zh);
std::string html_end();

// Inline SVG charts, each with a caption; an empty string when there is nothing to draw.
std::string plan_chart(const MonthlyKeyAccountReport& r, bool zh);      // sales, collection vs plan
std::string aging_chart(const MonthlyKeyAccountReport& r, bool zh);     // stacked buckets per region
std::string turnover_chart(const MonthlyKeyAccountReport& r, bool zh);  // this month and last month
std::string kpi_chart(const MonthlyKeyAccountReport& r, bool zh);       // KPI ranking, horizontal

}  // namespace crm::report::detail
