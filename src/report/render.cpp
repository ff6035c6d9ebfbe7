// Rendering the monthly report: a small table model laid out as text or Markdown.

#include <crm/core/error.hpp>
#include <crm/report/render.hpp>

#include <array>
#include <sstream>
#include <string>
#include <vector>

#include "amounts.hpp"
#include "html.hpp"

namespace crm::report {

namespace {

using detail::Amounts;
using detail::money;

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

class Writer {
public:
    Writer(Lang lang, Format format)
        : zh_(lang == Lang::zh), md_(format == Format::markdown), html_(format == Format::html) {}

    [[nodiscard]] bool zh() const noexcept { return zh_; }
    [[nodiscard]] bool html() const noexcept { return html_; }
    [[nodiscard]] std::string_view t(std::string_view en, std::string_view zh) const noexcept {
        return zh_ ? zh : en;
    }

    void title(const std::string& text) {
        if (html_)
            out_ << detail::html_begin(text, zh_) << "<h1>" << detail::escape(text) << "</h1>\n";
        else if (md_)
            out_ << "# " << text << "\n\n";
        else
            out_ << text << '\n' << std::string(40, '=') << "\n\n";
    }
    void heading(std::string_view text) {
        close_list();
        if (html_)
            out_ << "<h2>" << detail::escape(text) << "</h2>\n";
        else if (md_)
            out_ << "## " << text << "\n\n";
        else
            out_ << text << '\n' << std::string(20, '-') << '\n';
    }
    void line(const std::string& text) {
        close_list();
        if (html_)
            out_ << "<p>" << detail::escape(text) << "</p>\n";
        else
            out_ << text << "\n\n";
    }
    void bullet(const std::string& text) {
        if (html_) {
            if (!in_list_) out_ << "<ul>\n";
            in_list_ = true;
            out_ << "<li>" << detail::escape(text) << "</li>\n";
            return;
        }
        out_ << (md_ ? "- " : "  * ") << text << '\n';
    }
    void end_list() {
        if (html_)
            close_list();
        else
            out_ << '\n';
    }
    // Markup made by the chart functions (their texts already escaped); nothing in text and Markdown.
    void raw(const std::string& markup) {
        if (html_) out_ << markup;
    }
    void table(const Table& table, std::string_view empty, const std::vector<std::string>& notes = {}) {
        if (table.rows.empty()) {
            if (!empty.empty() || !html_) line(std::string(empty));
            return;
        }
        if (html_) {
            out_ << "<table>\n<thead><tr>";
            for (const auto& h : table.header) out_ << "<th>" << detail::escape(h) << "</th>";
            out_ << "</tr></thead>\n<tbody>\n";
            for (const auto& r : table.rows) {
                out_ << "<tr>";
                for (const auto& c : r) out_ << "<td>" << detail::escape(c) << "</td>";
                out_ << "</tr>\n";
            }
            out_ << "</tbody>\n</table>\n";
            for (const std::string& n : notes)
                out_ << "<p class=\"note\">* " << detail::escape(n) << "</p>\n";
            return;
        }
        row(table.header);
        if (md_) {
            out_ << '|';
            for (std::size_t i = 0; i < table.header.size(); ++i) out_ << " --- |";
            out_ << '\n';
        }
        for (const auto& r : table.rows) row(r);
        out_ << '\n';
        for (const std::string& n : notes) out_ << (md_ ? "\\* " : "* ") << n << '\n';
        if (!notes.empty()) out_ << '\n';
    }
    [[nodiscard]] std::string str() const {
        return html_ ? out_.str() + (in_list_ ? "</ul>\n" : "") + detail::html_end() : out_.str();
    }

private:
    void close_list() {
        if (html_ && in_list_) out_ << "</ul>\n";
        in_list_ = false;
    }
    void row(const std::vector<std::string>& cells) {
        if (md_) out_ << "| ";
        for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i ? (md_ ? " | " : " | ") : "") << cells[i];
        out_ << (md_ ? " |\n" : "\n");
    }
    bool zh_;
    bool md_;
    bool html_;
    bool in_list_ = false;
    std::ostringstream out_;
};

std::string pct(const std::optional<Percent>& p) { return p ? format_figure(*p) : std::string("-"); }
std::string dec(const std::optional<Decimal>& d) { return d ? d->to_string() : std::string("-"); }

std::string bucket_name(const credit::AgingBucket& b, bool zh) {
    if (b.from_days == 0 && b.to_days && *b.to_days == 0) return zh ? "未逾期" : "current";
    if (!b.to_days)
        return zh ? "超过" + std::to_string(b.from_days - 1) + "天"
                  : "over " + std::to_string(b.from_days - 1) + " days";
    return std::to_string(b.from_days) + "-" + std::to_string(*b.to_days) + (zh ? "天" : " days");
}

// A name the org chart gives in both languages ("regional manager 区域经理") in one of them:
// the words before the first non-ASCII character are the English, the rest the Chinese.
std::string words(const std::string& name, bool zh) {
    std::size_t i = 0;
    while (i < name.size() && static_cast<unsigned char>(name[i]) < 0x80) ++i;
    std::string en = name.substr(0, i);
    while (!en.empty() && en.back() == ' ') en.pop_back();
    const std::string cn = name.substr(i);
    if (zh) return cn.empty() ? name : cn;
    return en.empty() ? name : en;
}

// Who must still approve a request: "第2步 销售总监（赵总监）；..." / "step 2 sales director (Zhao); ...".
std::string still_to_approve(const WaitingApproval& a, bool zh) {
    if (!a.route) return "-";
    if (!a.route->needs_approval()) return zh ? "无需审批" : "no approval needed";
    if (a.still_to_approve.empty()) return zh ? "各环节均已审批" : "every step approved";
    std::string out;
    for (const StepToApprove& t : a.still_to_approve) {
        if (!out.empty()) out += zh ? "；" : "; ";
        out += zh ? "第" + std::to_string(t.stage) + "步 " : "step " + std::to_string(t.stage) + " ";
        out += words(t.level_name, zh);
        std::string people;
        for (const std::string& n : t.approver_names)
            people += (people.empty() ? "" : (zh ? "、" : ", ")) + n;
        if (t.blocked) people = zh ? "无人可审批" : "nobody can approve";
        if (!people.empty()) out += zh ? "（" + people + "）" : " (" + people + ")";
    }
    return out;
}

std::string section_name(const Section& s, bool zh) {
    if (s.region) return s.name;
    return zh ? "全公司" : "company";
}

}  // namespace

std::string_view severity_name(Outcome outcome, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (outcome) {
    case Outcome::allow: return zh ? "良好" : "good";
    case Outcome::warn: return zh ? "关注" : "attention";
    case Outcome::needs_approval: return zh ? "需审批" : "needs approval";
    case Outcome::block: return zh ? "严重" : "serious";
    }
    return zh ? "未知" : "unknown";
}

void validate(const RenderOptions& o) {
    if (o.unit != Unit::yuan && o.unit != Unit::wan)
        throw Error(ErrorCode::invalid_argument, "options.unit",
                    "unit " + std::to_string(static_cast<int>(o.unit)) + " is not yuan or wan");
    if (o.places < 0 || o.places > 8)
        throw Error(ErrorCode::invalid_argument, "options.places",
                    "a 万元 figure has 0 to 8 places, not " + std::to_string(o.places));
    if (!is_valid(o.rounding))
        throw Error(
            ErrorCode::invalid_argument, "options.rounding",
            "rounding mode " + std::to_string(static_cast<int>(o.rounding)) + " is not a RoundingMode");
    if (o.totals != WanTotals::allocate && o.totals != WanTotals::mark)
        throw Error(ErrorCode::invalid_argument, "options.totals",
                    "totals " + std::to_string(static_cast<int>(o.totals)) + " is not allocate or mark");
}

std::string render(const MonthlyKeyAccountReport& r, Lang lang, Format format) {
    return render(r, lang, format, RenderOptions{});
}

std::string render(const MonthlyKeyAccountReport& r, Lang lang, Format format, const RenderOptions& options) {
    if (format != Format::text && format != Format::markdown && format != Format::html)
        throw Error(ErrorCode::invalid_argument, "format", "an unknown report format");
    if (lang != Lang::en && lang != Lang::zh)
        throw Error(ErrorCode::invalid_argument, "lang", "an unknown language");
    validate(options);
    if (options.unit == Unit::wan && r.currency != Currency{"CNY"})
        throw Error(ErrorCode::currency_mismatch, "report.currency",
                    "万元 is ten thousand yuan; the report is in " + std::string(r.currency.code()));
    Writer w(lang, format);
    const bool zh = w.zh();
    const Amounts amounts(options, zh);
    std::vector<const Section*> all;
    for (const Section& s : r.regions) all.push_back(&s);
    all.push_back(&r.total);
    // One column of amounts over the regions then the company, settled as the options say.
    const auto column = [&](std::string_view name, std::vector<std::string>& notes, auto of) {
        std::vector<Money> parts;
        parts.reserve(r.regions.size());
        for (const Section& s : r.regions) parts.push_back(of(s));
        return amounts.column(parts, of(r.total), name, notes);
    };

    w.title(zh ? std::to_string(r.year) + "年" + std::to_string(r.month) + "月大客户月报（截至 " +
                     r.as_of.to_string() + "）"
               : "Key-account report for " + std::to_string(r.year) + "-" + std::to_string(r.month) +
                     " (as of " + r.as_of.to_string() + ")");
    if (amounts.wan()) w.line(detail::unit_line(options, zh));

    // 1. plan against actual
    w.heading(w.t("1. Sales and collection against plan", "一、销售与回款计划完成情况"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("sales plan", "本月销售计划")),
                 std::string(w.t("sales", "本月销售额")), std::string(w.t("achieved", "完成率")),
                 std::string(w.t("sales YTD", "累计销售额")), std::string(w.t("YTD achieved", "累计完成率")),
                 std::string(w.t("collection", "本月回款")), std::string(w.t("achieved", "回款率")),
                 std::string(w.t("collection YTD", "累计回款")),
                 std::string(w.t("YTD achieved", "累计回款率")), std::string(w.t("expense YTD", "累计费用"))},
                {}};
        std::vector<std::string> notes;
        const auto of = [](planning::Measure m, auto field) {
            return [m, field](const Section& s) { return s.progress.of(m).*field; };
        };
        using P = planning::Progress;
        const auto sales_plan = column(t.header[1], notes, of(planning::Measure::sales, &P::plan));
        const auto sales = column(t.header[2], notes, of(planning::Measure::sales, &P::actual));
        const auto sales_ytd = column(t.header[4], notes, of(planning::Measure::sales, &P::ytd_actual));
        const auto coll = column(t.header[6], notes, of(planning::Measure::collection, &P::actual));
        const auto coll_ytd = column(t.header[8], notes, of(planning::Measure::collection, &P::ytd_actual));
        const auto expense_ytd = column(t.header[10], notes, of(planning::Measure::expense, &P::ytd_actual));
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Section* s = all[i];
            const auto& sa = s->progress.of(planning::Measure::sales);
            const auto& co = s->progress.of(planning::Measure::collection);
            t.rows.push_back({section_name(*s, zh), sales_plan[i], sales[i], pct(sa.achievement),
                              sales_ytd[i], pct(sa.ytd_achievement), coll[i], pct(co.achievement),
                              coll_ytd[i], pct(co.ytd_achievement), expense_ytd[i]});
        }
        w.table(t, "", notes);
        if (w.html()) w.raw(detail::plan_chart(r, zh));
    }

    // 2. receivables and aging
    w.heading(w.t("2. Receivables and aging", "二、应收账款及账龄"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("open", "应收余额"))}, {}};
        for (const auto& b : r.total.aging.buckets.buckets()) t.header.push_back(bucket_name(b, zh));
        std::vector<std::string> notes;
        std::vector<std::vector<std::string>> cols;
        cols.push_back(column(t.header[1], notes, [](const Section& s) { return s.aging.total; }));
        bool same_buckets = true;
        for (const Section* s : all)
            same_buckets = same_buckets && s->aging.amounts.size() == r.total.aging.amounts.size();
        for (std::size_t b = 0; same_buckets && b < r.total.aging.amounts.size(); ++b)
            cols.push_back(
                column(t.header[b + 2], notes, [b](const Section& s) { return s.aging.amounts[b]; }));
        for (std::size_t i = 0; i < all.size(); ++i) {
            std::vector<std::string> row{section_name(*all[i], zh), cols[0][i]};
            if (same_buckets)
                for (std::size_t b = 1; b < cols.size(); ++b) row.push_back(cols[b][i]);
            else
                for (const Money& m : all[i]->aging.amounts) row.push_back(amounts.one(m));
            t.rows.push_back(std::move(row));
        }
        w.table(t, "", notes);
        if (w.html()) w.raw(detail::aging_chart(r, zh));
    }

    // 3. turnover and caps
    w.heading(w.t("3. Turnover days and receivable caps", "三、应收账款周转天数与控制规模"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("turnover days", "本月周转天数")),
                 std::string(w.t("last month", "上月周转天数")), std::string(w.t("cap", "控制规模")),
                 std::string(w.t("headroom", "剩余额度")), std::string(w.t("excess", "超出"))},
                {}};
        std::vector<std::string> notes;
        bool all_caps = true;
        for (const Section* s : all) all_caps = all_caps && s->cap.has_value();
        std::vector<std::vector<std::string>> cols(3);
        if (all_caps) {
            cols[0] = column(t.header[3], notes, [](const Section& s) { return s.cap->cap; });
            cols[1] = column(t.header[4], notes, [](const Section& s) { return s.cap->headroom; });
            cols[2] = column(t.header[5], notes, [](const Section& s) { return s.cap->excess; });
        } else {
            for (const Section* s : all) {
                cols[0].push_back(s->cap ? amounts.one(s->cap->cap) : "-");
                cols[1].push_back(s->cap ? amounts.one(s->cap->headroom) : "-");
                cols[2].push_back(s->cap ? amounts.one(s->cap->excess) : "-");
            }
        }
        for (std::size_t i = 0; i < all.size(); ++i)
            t.rows.push_back({section_name(*all[i], zh), dec(all[i]->turnover_days),
                              dec(all[i]->previous_turnover_days), cols[0][i], cols[1][i], cols[2][i]});
        w.table(t, "", notes);
        if (w.html()) w.raw(detail::turnover_chart(r, zh));
    }

    // 4. accounts over cap or overdue beyond policy
    w.heading(w.t("4. Accounts over their cap or overdue beyond policy", "四、超限及超期客户"));
    {
        Table t{{std::string(w.t("account", "客户")), std::string(w.t("issue", "情况")),
                 std::string(w.t("amount", "金额"))},
                {}};
        for (const auto& a : r.total.accounts_over_cap)
            t.rows.push_back({a.account.value(), std::string(w.t("over cap", "超过控制规模")),
                              amounts.one(a.status.excess)});
        for (const auto& o : r.total.overdue_accounts)
            t.rows.push_back({o.account.value(), std::string(w.t("overdue beyond policy", "超期未回款")),
                              amounts.one(o.beyond_limit)});
        w.table(t, w.t("No account over its cap or overdue beyond policy.", "无超限或超期客户。"));
    }

    // 5. approvals
    w.heading(w.t("5. Pending approvals", "五、待审批事项"));
    {
        Table t{{std::string(w.t("request", "申请")), std::string(w.t("kind", "类别")),
                 std::string(w.t("requester", "申请人")), std::string(w.t("days waiting", "等待天数"))},
                {}};
        bool routed = false;
        for (const auto& a : r.total.approvals) routed = routed || a.route.has_value();
        if (routed) t.header.emplace_back(w.t("still to approve", "待审批环节"));
        for (const auto& a : r.total.approvals) {
            t.rows.push_back({a.request.value(), std::string(approval::display_name(a.kind, lang)),
                              a.requester_name.empty() ? a.requester.value() : a.requester_name,
                              std::to_string(a.age.count())});
            if (routed) t.rows.back().push_back(still_to_approve(a, zh));
        }
        w.table(t, w.t("No pending approvals.", "无待审批事项。"));
    }

    // 6. complaints
    w.heading(w.t("6. Open complaints", "六、未结投诉"));
    {
        Table t{{std::string(w.t("complaint", "投诉")), std::string(w.t("account", "客户")),
                 std::string(w.t("state", "状态")), std::string(w.t("escalation", "升级级别"))},
                {}};
        for (const auto& c : r.total.complaints)
            t.rows.push_back({c.complaint.value(), c.account.value(),
                              std::string(account::display_name(c.status.state, lang)),
                              std::to_string(c.status.escalation_level)});
        w.table(t, w.t("No open complaints.", "本月无未结投诉。"));
    }

    // 7. visits
    w.heading(w.t("7. Overdue visits", "七、逾期未拜访客户"));
    {
        Table t{{std::string(w.t("account", "客户")), std::string(w.t("due", "应拜访日")),
                 std::string(w.t("days overdue", "逾期天数"))},
                {}};
        for (const auto& v : r.total.overdue_visits)
            t.rows.push_back({v.account.value(), v.due.to_string(), std::to_string(v.overdue.count())});
        w.table(t, w.t("No visit overdue.", "无逾期未拜访客户。"));
    }

    // 8. KPI
    w.heading(w.t("8. KPI scores", "八、考核评分"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("score", "得分")),
                 std::string(w.t("grade", "等级")), std::string(w.t("rank", "排名"))},
                {}};
        for (const Section* s : all)
            if (s->kpi)
                t.rows.push_back({section_name(*s, zh), s->kpi->total.points().to_string(), s->kpi->grade,
                                  s->kpi_rank ? std::to_string(*s->kpi_rank) : "-"});
        w.table(t, w.t("No region could be scored (a required figure is missing).",
                       "缺少必需的考核数据，未能评分。"));
        if (w.html()) w.raw(detail::kpi_chart(r, zh));
        if (!r.managers.empty()) {
            Table m{{std::string(w.t("manager", "经理")), std::string(w.t("regions", "负责区域")),
                     std::string(w.t("score", "得分")), std::string(w.t("grade", "等级")),
                     std::string(w.t("rank", "排名"))},
                    {}};
            for (const ManagerScore& ms : r.managers) {
                std::string regions;
                for (const RegionId& id : ms.regions) {
                    std::string name = id.value();
                    for (const Section& s : r.regions)
                        if (s.region && *s.region == id) name = s.name;
                    regions += (regions.empty() ? "" : (zh ? "、" : ", ")) + name;
                }
                m.rows.push_back({ms.name, regions, ms.kpi ? ms.kpi->total.points().to_string() : "-",
                                  ms.kpi ? ms.kpi->grade : std::string(w.t("not scored", "未评分")),
                                  ms.rank ? std::to_string(*ms.rank) : "-"});
            }
            w.table(m, "");
        }
    }

    // 9. rolling forecast
    w.heading(w.t("9. Rolling forecast", "九、滚动预测"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("month", "月份")),
                 std::string(w.t("sales plan", "销售计划")), std::string(w.t("sales forecast", "销售预测")),
                 std::string(w.t("expected collections", "预计回款"))},
                {}};
        // Each month is a column of its own: the regions' figures and the company's.
        std::vector<std::string> notes;
        std::size_t months = r.total.forecast.months.size();
        for (const Section* s : all)
            if (s->forecast.months.size() != months) months = 0;  // not one grid: each figure on its own
        std::vector<std::vector<std::array<std::string, 3>>> cells(all.size());
        for (std::size_t i = 0; i < all.size(); ++i)
            for (const auto& m : all[i]->forecast.months)
                cells[i].push_back({m.sales_plan ? amounts.one(*m.sales_plan) : "-",
                                    amounts.one(m.sales_forecast), amounts.one(m.expected_collections)});
        for (std::size_t k = 0; k < months; ++k) {
            const auto& tm = r.total.forecast.months[k];
            const std::string when = " " + std::to_string(tm.year) + "-" + std::to_string(tm.month);
            bool plans = true;
            for (const Section* s : all) plans = plans && s->forecast.months[k].sales_plan.has_value();
            std::array<std::vector<std::string>, 3> c;
            if (plans)
                c[0] = column(t.header[2] + when, notes,
                              [k](const Section& s) { return *s.forecast.months[k].sales_plan; });
            c[1] = column(t.header[3] + when, notes,
                          [k](const Section& s) { return s.forecast.months[k].sales_forecast; });
            c[2] = column(t.header[4] + when, notes,
                          [k](const Section& s) { return s.forecast.months[k].expected_collections; });
            for (std::size_t i = 0; i < all.size(); ++i)
                for (std::size_t j = 0; j < 3; ++j)
                    if (!c[j].empty()) cells[i][k][j] = c[j][i];
        }
        for (std::size_t i = 0; i < all.size(); ++i)
            for (std::size_t k = 0; k < all[i]->forecast.months.size(); ++k) {
                const auto& m = all[i]->forecast.months[k];
                t.rows.push_back({section_name(*all[i], zh),
                                  std::to_string(m.year) + "-" + std::to_string(m.month), cells[i][k][0],
                                  cells[i][k][1], cells[i][k][2]});
            }
        w.table(t, "", notes);
        for (const Section* s : all)
            for (const Reason& reason : s->forecast.feasibility.reasons()) w.bullet(explain(reason, lang));
        w.end_list();
    }

    // 10. expense
    w.heading(w.t("10. Sales expense", "十、销售费用"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("expense", "费用")),
                 std::string(w.t("revenue", "销售额")), std::string(w.t("ratio", "费用率")),
                 std::string(w.t("standard", "标准")), std::string(w.t("suggested move", "建议调整"))},
                {}};
        for (const auto& e : r.expense.regions)
            t.rows.push_back({e.name, amounts.one(e.expense), amounts.one(e.revenue), pct(e.ratio),
                              format_figure(e.standard), amounts.one(e.move)});
        w.table(t, "");
    }

    // 11. findings
    w.heading(w.t("11. Findings", "十一、问题与亮点"));
    if (r.findings.empty()) w.line(std::string(w.t("Nothing to report.", "无。")));
    for (const Finding& f : r.findings)
        w.bullet("[" + std::string(severity_name(f.reason.severity(), lang)) + "] " +
                 explain(f.reason, lang));
    w.end_list();

    // 12. measures
    w.heading(w.t("12. Measures", "十二、改进措施"));
    const Measures& m = r.measures;
    if (m.accounts_to_visit.empty() && m.invoices_to_chase.empty() && m.expense_to_review.empty() &&
        m.approvals_to_chase.empty())
        w.line(std::string(w.t("No measure needed.", "无需采取措施。")));
    for (const AccountId& a : m.accounts_to_visit)
        w.bullet(zh ? "拜访客户 " + a.value() : "visit account " + a.value());
    for (const Chase& c : m.invoices_to_chase)
        w.bullet(zh ? "催收发票 " + c.invoice.value() + "（客户 " + c.account.value() + "）" +
                          amounts.one(c.amount) + "，已逾期 " + std::to_string(c.past_due.count()) + " 天"
                    : "chase invoice " + c.invoice.value() + " (account " + c.account.value() + ") " +
                          amounts.one(c.amount) + ", " + std::to_string(c.past_due.count()) +
                          " days past due");
    for (const RegionId& region : m.expense_to_review) {
        std::string name = region.value();
        for (const Section& s : r.regions)
            if (s.region && *s.region == region) name = s.name;
        w.bullet(zh ? "复核 " + name + " 的销售费用" : "review the sales expense of " + name);
    }
    for (const ApprovalToChase& c : m.approvals_to_chase) {
        std::string people;
        for (const std::string& n : c.approver_names)
            people += (people.empty() ? "" : (zh ? "、" : ", ")) + n;
        if (people.empty())
            people = zh ? "（无人可审批，须调整审批人）" : "(nobody can approve: reassign the step)";
        w.bullet(zh ? "催办审批 " + c.request.value() + "（已等待 " + std::to_string(c.age.count()) +
                          " 天，第" + std::to_string(c.stage) + "步）：" + people
                    : "chase approval " + c.request.value() + " (waiting " + std::to_string(c.age.count()) +
                          " days, step " + std::to_string(c.stage) + "): " + people);
    }
    w.end_list();
    return w.str();
}

}  // namespace crm::report
