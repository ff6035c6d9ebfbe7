// The what-if replay as one HTML page (include/crm/replay/render.hpp). The page frame, the
// escaping and the bar lengths are the monthly report's (src/report/html.hpp), so both pages
// look alike and neither computes a length from a double.

#include <crm/money/money.hpp>
#include <crm/replay/render.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../report/html.hpp"

namespace crm::replay {

namespace {

using report::detail::bar_px;
using report::detail::escape;

constexpr std::int64_t label_w = 190;  // the label column of a chart
constexpr std::int64_t bar_w = 560;    // the longest bar
constexpr std::int64_t row_h = 18;     // one bar

std::string num(std::int64_t v) { return std::to_string(v); }
std::string num(std::size_t v) { return std::to_string(v); }

std::string cell(const std::string& text) { return "<td>" + escape(text) + "</td>"; }
std::string head(const std::string& text) { return "<th>" + escape(text) + "</th>"; }

std::string tally(const Tally& t) { return num(t.orders) + " / " + format(t.amount); }

/// The words of a shift, for a table cell.
std::string shift_words(Shift s, bool zh) {
    switch (s) {
    case Shift::same: return zh ? "不变" : "same";
    case Shift::tighter: return zh ? "收紧" : "tighter";
    case Shift::looser: return zh ? "放宽" : "looser";
    }
    return "?";
}

std::string route(const Answer& a, bool zh) {
    if (a.approval.empty()) return zh ? "无需审批" : "none";
    std::string out;
    for (const auto& s : a.approval) out += (out.empty() ? "" : "+") + s.level.role.value();
    return out;
}

std::string release(const std::optional<account::Release>& r, bool zh) {
    if (!r) return zh ? "保留" : "kept";
    std::string out = zh ? "收回（" : "released (";
    if (r->no_follow_up) out += zh ? "未跟进" : "no follow-up";
    if (r->no_follow_up && r->no_deal) out += zh ? "、" : ", ";
    if (r->no_deal) out += zh ? "未成交" : "no deal";
    return out + (zh ? "）" : ")");
}

/// A series of a chart: its name, colour and the class of its bars.
struct Series {
    std::string name;
    const char* fill;
    const char* cls;
};

/// One horizontal bar chart: a legend, then per label its bars, on one scale.
class Chart {
public:
    explicit Chart(std::vector<Series> series) : series_(std::move(series)) {
        std::int64_t x = label_w;
        for (const Series& s : series_) {
            rect(x, y_, 12, 12, s.fill, "legend", s.name);
            text(x + 16, y_ + 11, s.name, "start");
            x += 28 + static_cast<std::int64_t>(s.name.size()) * 7;
        }
        y_ += row_h + 4;
    }
    /// The bars of `label`, one per series, `values[i]` shown as `shown[i]`.
    void group(const std::string& label, const std::vector<Money>& values, const Decimal& max) {
        for (std::size_t i = 0; i < values.size() && i < series_.size(); ++i) {
            const std::string name = label + " " + series_[i].name;
            text(label_w - 6, y_ + row_h - 5, name, "end");
            const std::int64_t w = bar_px(values[i].amount(), max, bar_w);
            rect(label_w, y_, w, row_h - 4, series_[i].fill, series_[i].cls, name + ": " + format(values[i]));
            text(label_w + w + 4, y_ + row_h - 5, format(values[i]), "start");
            y_ += row_h;
        }
        y_ += 6;
    }
    [[nodiscard]] std::string done(const std::string& caption) const {
        const std::int64_t w = label_w + bar_w + 220;
        return "<figure><svg role=\"img\" width=\"" + num(w) + "\" height=\"" + num(y_ + 4) +
               "\" viewBox=\"0 0 " + num(w) + " " + num(y_ + 4) + "\">" + body_ + "</svg><figcaption>" +
               escape(caption) + "</figcaption></figure>\n";
    }

private:
    void text(std::int64_t x, std::int64_t y, const std::string& t, const char* anchor) {
        body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" +
                 escape(t) + "</text>";
    }
    void rect(std::int64_t x, std::int64_t y, std::int64_t w, std::int64_t h, const char* fill,
              const char* cls, const std::string& title) {
        body_ += "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
                 "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" fill=\"" + fill + "\"><title>" +
                 escape(title) + "</title></rect>";
    }
    std::vector<Series> series_;
    std::string body_;
    std::int64_t y_ = 0;
};

/// The table of the order counts of `scopes` (the total first), `first` naming the key column.
std::string counts_table(const std::vector<const Counts*>& scopes, const std::string& first, bool zh) {
    std::string out = "<table>\n<tr>" + head(first) + head(zh ? "订单" : "orders") +
                      head(zh ? "信用收紧" : "credit tighter") + head(zh ? "其中新增拦截" : "newly blocked") +
                      head(zh ? "信用放宽" : "credit looser") + head(zh ? "新增审批" : "approval tighter") +
                      head(zh ? "免于审批" : "approval looser") + head(zh ? "价格收紧" : "price tighter") +
                      head(zh ? "价格放宽" : "price looser") + head(zh ? "提价" : "priced higher") +
                      head(zh ? "降价" : "priced lower") + "</tr>\n";
    for (const Counts* c : scopes) {
        const std::string key = c->key.empty() ? (zh ? "合计" : "total") : c->key;
        out += "<tr>" + cell(key) + cell(tally(c->orders)) + cell(tally(c->credit_tighter)) +
               cell(tally(c->newly_blocked)) + cell(tally(c->credit_looser)) +
               cell(tally(c->approval_tighter)) + cell(tally(c->approval_looser)) +
               cell(tally(c->price_tighter)) + cell(tally(c->price_looser)) + cell(tally(c->priced_higher)) +
               cell(tally(c->priced_lower)) + "</tr>\n";
    }
    return out + "</table>\n";
}

std::string region_chart(const ReplayResult& r, bool zh) {
    if (r.regions.empty()) return {};
    Decimal max;
    for (const Counts& c : r.regions)
        for (const Tally* t : {&c.credit_tighter, &c.credit_looser, &c.approval_tighter, &c.approval_looser})
            max = std::max(max, t->amount.amount());
    if (max.signum() <= 0) return {};
    Chart chart({{zh ? "信用收紧" : "credit tighter", "#c8372d", "credit-tighter"},
                 {zh ? "信用放宽" : "credit looser", "#3a9a4a", "credit-looser"},
                 {zh ? "新增审批" : "approval tighter", "#e08a1e", "approval-tighter"},
                 {zh ? "免于审批" : "approval looser", "#1f5fa8", "approval-looser"}});
    for (const Counts& c : r.regions)
        chart.group(c.key,
                    {c.credit_tighter.amount, c.credit_looser.amount, c.approval_tighter.amount,
                     c.approval_looser.amount},
                    max);
    return chart.done(zh ? "各区域受影响的订单金额（同一比例尺）"
                         : "The amounts of the orders the change moves, per region (one scale)");
}

std::string cases_table(const ReplayResult& r, bool zh) {
    std::string out = "<table>\n<tr>" + head(zh ? "订单" : "order") + head(zh ? "客户" : "account") +
                      head(zh ? "区域" : "region") + head(zh ? "下单日" : "placed") +
                      head(zh ? "金额" : "amount") + head(zh ? "信用（旧 → 新）" : "credit (old -> new)") +
                      head(zh ? "审批（旧 → 新）" : "approval (old -> new)") +
                      head(zh ? "价格（旧 → 新）" : "price (old -> new)") + "</tr>\n";
    const std::string arrow = " \u2192 ";
    for (const Case& c : r.cases) {
        std::string credit = std::string(to_string(c.before.credit.outcome())) + arrow +
                             std::string(to_string(c.after.credit.outcome()));
        if (!c.reason.empty()) credit += " (" + c.reason + ")";
        std::string price = "-";
        if (c.before.net_total && c.after.net_total) {
            price = std::string(to_string(c.before.price.outcome())) + arrow +
                    std::string(to_string(c.after.price.outcome()));
            if (!c.price_reason.empty()) price += " (" + c.price_reason + ")";
            price += "; " + format(*c.before.net_total) + arrow + format(*c.after.net_total);
        }
        out += "<tr>" + cell(c.order.value()) + cell(c.account.value()) + cell(c.region.value()) +
               cell(c.placed.to_string()) + cell(format(c.amount)) + cell(credit) +
               cell(route(c.before, zh) + arrow + route(c.after, zh) + " (" + shift_words(c.approval, zh) +
                    ")") +
               cell(price) + "</tr>\n";
    }
    return out + "</table>\n";
}

std::string pool_section(const ReplayResult& r, bool zh) {
    std::string out = std::string("<h2>") + (zh ? "四、公海回收" : "4. Pool runs") + "</h2>\n";
    out += "<table>\n<tr>" + head(zh ? "区域" : "region") + head(zh ? "客户数" : "accounts") +
           head(zh ? "旧政策收回" : "released (old)") + head(zh ? "新政策收回" : "released (new)") +
           head(zh ? "仅新政策收回" : "by the new only") + head(zh ? "仅旧政策收回" : "by the old only") +
           "</tr>\n";
    std::vector<const PoolCounts*> scopes{&r.pool};
    for (const PoolCounts& c : r.pool_regions) scopes.push_back(&c);
    for (const PoolCounts* c : scopes)
        out += "<tr>" + cell(c->key.empty() ? (zh ? "合计" : "total") : c->key) + cell(num(c->accounts)) +
               cell(num(c->released_before)) + cell(num(c->released_after)) + cell(num(c->tighter)) +
               cell(num(c->looser)) + "</tr>\n";
    out += "</table>\n";
    if (r.pool_cases.empty()) {
        out += std::string("<p>") +
               (zh ? "两套政策收回的客户相同。" : "Both sets release the same accounts.") + "</p>\n";
        return out;
    }
    out += "<table>\n<tr>" + head(zh ? "回收日" : "run") + head(zh ? "客户" : "account") +
           head(zh ? "区域" : "region") + head(zh ? "等级" : "tier") + head(zh ? "负责人" : "owner") +
           head(zh ? "旧政策" : "old") + head(zh ? "新政策" : "new") + "</tr>\n";
    for (const PoolCase& c : r.pool_cases)
        out += "<tr>" + cell(c.as_of.to_string()) + cell(c.account.value()) + cell(c.region.value()) +
               cell(c.tier) + cell(c.owner.value()) +
               cell(release(c.before, zh) + " [" + c.before_version + "]") +
               cell(release(c.after, zh) + " [" + c.after_version + "]") + "</tr>\n";
    return out + "</table>\n";
}

}  // namespace

std::string render_html(const ReplayResult& r, Lang lang) {
    const bool zh = lang == Lang::zh;
    const std::string title =
        zh ? "策略回放：新旧政策对比" : "What-if replay: the old policies against the new";
    std::string out = report::detail::html_begin(title, zh) + "<h1>" + escape(title) + "</h1>\n";
    if (r.stopped)
        out += std::string("<p class=\"note\">") +
               (zh ? "回放已中止：以下数字只含已回放的订单，公海回收未回放。"
                   : "The replay was stopped: the figures cover the orders replayed, and no pool run.") +
               "</p>\n";
    out += std::string("<h2>") + (zh ? "一、订单合计与各区域" : "1. The orders, in total and per region") +
           "</h2>\n";
    std::vector<const Counts*> scopes{&r.total};
    for (const Counts& c : r.regions) scopes.push_back(&c);
    out += counts_table(scopes, zh ? "区域" : "region", zh);
    out += region_chart(r, zh);
    out += std::string("<h2>") + (zh ? "二、按原因" : "2. By deciding reason") + "</h2>\n";
    if (r.reasons.empty()) {
        out += std::string("<p>") +
               (zh ? "没有订单的信用或价格结论改变。" : "No order's credit or price outcome moves.") +
               "</p>\n";
    } else {
        std::vector<const Counts*> reasons;
        for (const Counts& c : r.reasons) reasons.push_back(&c);
        out += counts_table(reasons, zh ? "原因" : "reason", zh);
    }
    out += std::string("<h2>") + (zh ? "三、变化的订单" : "3. The orders whose answer moves") + " (" +
           num(r.cases.size()) + ")</h2>\n";
    out += r.cases.empty() ? std::string("<p>") + (zh ? "没有。" : "None.") + "</p>\n" : cases_table(r, zh);
    if (r.pool.accounts > 0) out += pool_section(r, zh);
    return out + report::detail::html_end();
}

}  // namespace crm::replay
