// The HTML rendering's charts: inline SVG, horizontal bars, lengths from Decimal ratios.

#include <crm/money/money.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "html.hpp"

namespace crm::report::detail {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::int64_t bar_px(const Decimal& value, const Decimal& max, std::int64_t width) {
    if (max.signum() <= 0 || value.signum() <= 0) return 0;
    const Decimal px = divide(value * Decimal(width), max, 0, RoundingMode::half_up);
    return std::min<std::int64_t>(px.to_int64(), width);
}

namespace {

constexpr std::int64_t label_w = 170;  // the label column
constexpr std::int64_t bar_w = 600;    // the longest bar
constexpr std::int64_t row_h = 18;     // one bar
constexpr std::array<const char*, 8> palette{"#1f5fa8", "#e08a1e", "#3a9a4a", "#c8372d",
                                             "#7d4fa8", "#8c5a3c", "#d45fa8", "#555555"};

std::string num(std::int64_t v) { return std::to_string(v); }

std::string region_label(const Section& s, bool zh) {
    return s.region ? s.name : (zh ? "全公司" : "company");
}

struct Svg {
    std::string body;
    std::int64_t y = 0;
    void text(std::int64_t x, std::int64_t ty, const std::string& t, const char* anchor = "start") {
        body += "<text x=\"" + num(x) + "\" y=\"" + num(ty) + "\" text-anchor=\"" + anchor + "\">" +
                escape(t) + "</text>";
    }
    void rect(std::int64_t x, std::int64_t ry, std::int64_t w, std::int64_t h, const char* fill,
              const std::string& cls, const std::string& title) {
        body += "<rect class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(ry) + "\" width=\"" + num(w) +
                "\" height=\"" + num(h) + "\" fill=\"" + fill + "\"><title>" + escape(title) +
                "</title></rect>";
    }
    // One labelled bar of `value` (shown as `shown`) on the scale `max`.
    void bar(const std::string& label, const Decimal& value, const Decimal& max, const char* fill,
             const std::string& cls, const std::string& shown) {
        text(label_w - 6, y + row_h - 5, label, "end");
        const std::int64_t w = bar_px(value, max, bar_w);
        rect(label_w, y, w, row_h - 4, fill, cls, label + ": " + shown);
        text(label_w + w + 4, y + row_h - 5, shown);
        y += row_h;
    }
    void legend(const std::vector<std::pair<std::string, const char*>>& items) {
        std::int64_t x = label_w;
        for (const auto& [name, fill] : items) {
            rect(x, y, 12, 12, fill, "legend", name);
            text(x + 16, y + 11, name);
            x += 24 + static_cast<std::int64_t>(name.size()) * 7;
        }
        y += row_h + 4;
    }
    [[nodiscard]] std::string done(const std::string& caption) const {
        const std::int64_t w = label_w + bar_w + 200;
        return "<figure><svg role=\"img\" width=\"" + num(w) + "\" height=\"" + num(y + 4) +
               "\" viewBox=\"0 0 " + num(w) + " " + num(y + 4) + "\">" + body + "</svg><figcaption>" +
               escape(caption) + "</figcaption></figure>\n";
    }
};

}  // namespace

std::string html_begin(const std::string& title, bool zh) {
    return std::string("<!DOCTYPE html>\n<html lang=\"") + (zh ? "zh-CN" : "en") +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
           "</title>\n<style>\n"
           "body{font-family:sans-serif;margin:24px;color:#222;background:#fff}\n"
           "h1{font-size:22px;border-bottom:2px solid #1f5fa8;padding-bottom:4px}\n"
           "h2{font-size:17px;margin-top:28px;color:#1f5fa8}\n"
           "table{border-collapse:collapse;margin:8px 0;font-size:13px}\n"
           "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}\n"
           "th{background:#e8eef6}\ntd:first-child,th:first-child{text-align:left}\n"
           "svg text{font-size:12px;fill:#222}\nfigure{margin:8px 0}figcaption{font-size:12px;color:#555}\n"
           ".note{font-size:12px;color:#555}\n"
           "</style>\n</head>\n<body>\n";
}

std::string html_end() { return "</body>\n</html>\n"; }

std::string plan_chart(const MonthlyKeyAccountReport& r, bool zh) {
    if (r.regions.empty()) return {};
    using planning::Measure;
    Decimal max;
    for (const Section& s : r.regions)
        for (const Measure m : {Measure::sales, Measure::collection}) {
            const auto& p = s.progress.of(m);
            max = std::max(max, std::max(p.plan.amount(), p.actual.amount()));
        }
    Svg svg;
    const std::string plan = zh ? "计划" : "plan", sales = zh ? "销售" : "sales",
                      coll = zh ? "回款" : "collection";
    svg.legend({{sales + " " + plan, "#9db7d8"},
                {sales, palette[0]},
                {coll + " " + plan, "#f0c48a"},
                {coll, palette[1]}});
    for (const Section& s : r.regions) {
        const auto& sa = s.progress.of(Measure::sales);
        const auto& co = s.progress.of(Measure::collection);
        const std::string name = region_label(s, zh);
        svg.bar(name + " " + sales + " " + plan, sa.plan.amount(), max, "#9db7d8", "sales-plan",
                format(sa.plan));
        svg.bar(name + " " + sales, sa.actual.amount(), max, palette[0], "sales", format(sa.actual));
        svg.bar(name + " " + coll + " " + plan, co.plan.amount(), max, "#f0c48a", "collection-plan",
                format(co.plan));
        svg.bar(name + " " + coll, co.actual.amount(), max, palette[1], "collection", format(co.actual));
        svg.y += 6;
    }
    return svg.done(zh ? "本月销售与回款：实际对计划（同一比例尺）"
                       : "This month's sales and collection against plan (one scale)");
}

std::string aging_chart(const MonthlyKeyAccountReport& r, bool zh) {
    if (r.regions.empty()) return {};
    const auto& buckets = r.total.aging.buckets.buckets();
    Decimal max;
    for (const Section& s : r.regions) max = std::max(max, s.aging.total.amount());
    Svg svg;
    std::vector<std::pair<std::string, const char*>> legend;
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        const auto& k = buckets[b];
        std::string name;
        if (k.from_days == 0 && k.to_days && *k.to_days == 0)
            name = zh ? "未逾期" : "current";
        else if (!k.to_days)
            name = zh ? "超过" + std::to_string(k.from_days - 1) + "天"
                      : "over " + std::to_string(k.from_days - 1) + " days";
        else
            name = std::to_string(k.from_days) + "-" + std::to_string(*k.to_days) + (zh ? "天" : " days");
        legend.emplace_back(name, palette[b % palette.size()]);
    }
    svg.legend(legend);
    for (const Section& s : r.regions) {
        const std::string name = region_label(s, zh);
        svg.text(label_w - 6, svg.y + row_h - 5, name, "end");
        // Each segment ends where the running sum ends, so rounding never adds up across segments.
        Decimal running;
        std::int64_t x0 = 0;
        for (std::size_t b = 0; b < s.aging.amounts.size(); ++b) {
            running = running + s.aging.amounts[b].amount();
            const std::int64_t x1 = bar_px(running, max, bar_w);
            const std::string bucket = b < legend.size() ? legend[b].first : std::to_string(b);
            if (x1 > x0)
                svg.rect(label_w + x0, svg.y, x1 - x0, row_h - 4, palette[b % palette.size()], "aging",
                         name + " " + bucket + ": " + format(s.aging.amounts[b]));
            x0 = std::max(x0, x1);
        }
        svg.text(label_w + x0 + 4, svg.y + row_h - 5, format(s.aging.total));
        svg.y += row_h;
    }
    return svg.done(zh ? "各区域应收账款账龄（堆叠）" : "Receivables by region and aging bucket (stacked)");
}

std::string turnover_chart(const MonthlyKeyAccountReport& r, bool zh) {
    Decimal max;
    bool any = false;
    for (const Section& s : r.regions)
        for (const auto& d : {s.turnover_days, s.previous_turnover_days})
            if (d) {
                any = true;
                max = std::max(max, *d);
            }
    if (!any) return {};
    Svg svg;
    const std::string now = zh ? "本月" : "this month", last = zh ? "上月" : "last month";
    svg.legend({{last, "#9db7d8"}, {now, palette[0]}});
    for (const Section& s : r.regions) {
        const std::string name = region_label(s, zh);
        if (s.previous_turnover_days)
            svg.bar(name + " " + last, *s.previous_turnover_days, max, "#9db7d8", "turnover-last",
                    s.previous_turnover_days->to_string());
        if (s.turnover_days)
            svg.bar(name + " " + now, *s.turnover_days, max, palette[0], "turnover",
                    s.turnover_days->to_string());
        svg.y += 4;
    }
    return svg.done(zh ? "应收账款周转天数（报表仅含本月与上月）"
                       : "Receivable turnover days (the report holds this month and last month only)");
}

std::string kpi_chart(const MonthlyKeyAccountReport& r, bool zh) {
    std::vector<const Section*> scored;
    for (const Section& s : r.regions)
        if (s.kpi) scored.push_back(&s);
    if (scored.empty()) return {};
    std::stable_sort(scored.begin(), scored.end(), [](const Section* a, const Section* b) {
        return a->kpi_rank.value_or(SIZE_MAX) < b->kpi_rank.value_or(SIZE_MAX);
    });
    Decimal max;
    for (const Section* s : scored) max = std::max(max, s->kpi->total.points());
    Svg svg;
    for (const Section* s : scored) {
        const std::string rank = s->kpi_rank ? std::to_string(*s->kpi_rank) + ". " : "";
        svg.bar(rank + region_label(*s, zh), s->kpi->total.points(), max, palette[2], "kpi",
                s->kpi->total.points().to_string() + " " + s->kpi->grade);
    }
    return svg.done(zh ? "区域考核得分排名" : "KPI ranking of the regions");
}

}  // namespace crm::report::detail
