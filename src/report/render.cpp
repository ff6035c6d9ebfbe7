// Rendering the monthly report: a small table model laid out as text or Markdown.

#include <crm/core/error.hpp>
#include <crm/report/render.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace crm::report {

namespace {

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

class Writer {
public:
    Writer(Lang lang, Format format) : zh_(lang == Lang::zh), md_(format == Format::markdown) {}

    [[nodiscard]] bool zh() const noexcept { return zh_; }
    [[nodiscard]] std::string_view t(std::string_view en, std::string_view zh) const noexcept {
        return zh_ ? zh : en;
    }

    void title(const std::string& text) {
        if (md_)
            out_ << "# " << text << "\n\n";
        else
            out_ << text << '\n' << std::string(40, '=') << "\n\n";
    }
    void heading(std::string_view text) {
        if (md_)
            out_ << "## " << text << "\n\n";
        else
            out_ << text << '\n' << std::string(20, '-') << '\n';
    }
    void line(const std::string& text) { out_ << text << "\n\n"; }
    void bullet(const std::string& text) { out_ << (md_ ? "- " : "  * ") << text << '\n'; }
    void end_list() { out_ << '\n'; }
    void table(const Table& table, std::string_view empty) {
        if (table.rows.empty()) {
            line(std::string(empty));
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
    }
    [[nodiscard]] std::string str() const { return out_.str(); }

private:
    void row(const std::vector<std::string>& cells) {
        if (md_) out_ << "| ";
        for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i ? (md_ ? " | " : " | ") : "") << cells[i];
        out_ << (md_ ? " |\n" : "\n");
    }
    bool zh_;
    bool md_;
    std::ostringstream out_;
};

std::string money(const Money& m) { return format(m); }
std::string pct(const std::optional<Percent>& p) { return p ? format_figure(*p) : std::string("-"); }
std::string dec(const std::optional<Decimal>& d) { return d ? d->to_string() : std::string("-"); }

std::string bucket_name(const credit::AgingBucket& b, bool zh) {
    if (b.from_days == 0 && b.to_days && *b.to_days == 0) return zh ? "未逾期" : "current";
    if (!b.to_days)
        return zh ? "超过" + std::to_string(b.from_days - 1) + "天"
                  : "over " + std::to_string(b.from_days - 1) + " days";
    return std::to_string(b.from_days) + "-" + std::to_string(*b.to_days) + (zh ? "天" : " days");
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

std::string render(const MonthlyKeyAccountReport& r, Lang lang, Format format) {
    if (format != Format::text && format != Format::markdown)
        throw Error(ErrorCode::invalid_argument, "format", "an unknown report format");
    if (lang != Lang::en && lang != Lang::zh)
        throw Error(ErrorCode::invalid_argument, "lang", "an unknown language");
    Writer w(lang, format);
    const bool zh = w.zh();
    std::vector<const Section*> all;
    for (const Section& s : r.regions) all.push_back(&s);
    all.push_back(&r.total);

    w.title(zh ? std::to_string(r.year) + "年" + std::to_string(r.month) + "月大客户月报（截至 " +
                     r.as_of.to_string() + "）"
               : "Key-account report for " + std::to_string(r.year) + "-" + std::to_string(r.month) +
                     " (as of " + r.as_of.to_string() + ")");

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
        for (const Section* s : all) {
            const auto& sa = s->progress.of(planning::Measure::sales);
            const auto& co = s->progress.of(planning::Measure::collection);
            const auto& ex = s->progress.of(planning::Measure::expense);
            t.rows.push_back({section_name(*s, zh), money(sa.plan), money(sa.actual), pct(sa.achievement),
                              money(sa.ytd_actual), pct(sa.ytd_achievement), money(co.actual),
                              pct(co.achievement), money(co.ytd_actual), pct(co.ytd_achievement),
                              money(ex.ytd_actual)});
        }
        w.table(t, "");
    }

    // 2. receivables and aging
    w.heading(w.t("2. Receivables and aging", "二、应收账款及账龄"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("open", "应收余额"))}, {}};
        for (const auto& b : r.total.aging.buckets.buckets()) t.header.push_back(bucket_name(b, zh));
        for (const Section* s : all) {
            std::vector<std::string> row{section_name(*s, zh), money(s->aging.total)};
            for (const Money& m : s->aging.amounts) row.push_back(money(m));
            t.rows.push_back(std::move(row));
        }
        w.table(t, "");
    }

    // 3. turnover and caps
    w.heading(w.t("3. Turnover days and receivable caps", "三、应收账款周转天数与控制规模"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("turnover days", "本月周转天数")),
                 std::string(w.t("last month", "上月周转天数")), std::string(w.t("cap", "控制规模")),
                 std::string(w.t("headroom", "剩余额度")), std::string(w.t("excess", "超出"))},
                {}};
        for (const Section* s : all)
            t.rows.push_back({section_name(*s, zh), dec(s->turnover_days), dec(s->previous_turnover_days),
                              s->cap ? money(s->cap->cap) : "-", s->cap ? money(s->cap->headroom) : "-",
                              s->cap ? money(s->cap->excess) : "-"});
        w.table(t, "");
    }

    // 4. accounts over cap or overdue beyond policy
    w.heading(w.t("4. Accounts over their cap or overdue beyond policy", "四、超限及超期客户"));
    {
        Table t{{std::string(w.t("account", "客户")), std::string(w.t("issue", "情况")),
                 std::string(w.t("amount", "金额"))},
                {}};
        for (const auto& a : r.total.accounts_over_cap)
            t.rows.push_back(
                {a.account.value(), std::string(w.t("over cap", "超过控制规模")), money(a.status.excess)});
        for (const auto& o : r.total.overdue_accounts)
            t.rows.push_back({o.account.value(), std::string(w.t("overdue beyond policy", "超期未回款")),
                              money(o.beyond_limit)});
        w.table(t, w.t("No account over its cap or overdue beyond policy.", "无超限或超期客户。"));
    }

    // 5. approvals
    w.heading(w.t("5. Pending approvals", "五、待审批事项"));
    {
        Table t{{std::string(w.t("request", "申请")), std::string(w.t("kind", "类别")),
                 std::string(w.t("requester", "申请人")), std::string(w.t("days waiting", "等待天数"))},
                {}};
        for (const auto& a : r.total.approvals)
            t.rows.push_back({a.request.value(), std::string(approval::display_name(a.kind, lang)),
                              a.requester.value(), std::to_string(a.age.count())});
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
    }

    // 9. rolling forecast
    w.heading(w.t("9. Rolling forecast", "九、滚动预测"));
    {
        Table t{{std::string(w.t("region", "区域")), std::string(w.t("month", "月份")),
                 std::string(w.t("sales plan", "销售计划")), std::string(w.t("sales forecast", "销售预测")),
                 std::string(w.t("expected collections", "预计回款"))},
                {}};
        for (const Section* s : all)
            for (const auto& m : s->forecast.months)
                t.rows.push_back({section_name(*s, zh),
                                  std::to_string(m.year) + "-" + std::to_string(m.month),
                                  m.sales_plan ? money(*m.sales_plan) : "-", money(m.sales_forecast),
                                  money(m.expected_collections)});
        w.table(t, "");
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
            t.rows.push_back({e.name, money(e.expense), money(e.revenue), pct(e.ratio),
                              format_figure(e.standard), money(e.move)});
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
    if (m.accounts_to_visit.empty() && m.invoices_to_chase.empty() && m.expense_to_review.empty())
        w.line(std::string(w.t("No measure needed.", "无需采取措施。")));
    for (const AccountId& a : m.accounts_to_visit)
        w.bullet(zh ? "拜访客户 " + a.value() : "visit account " + a.value());
    for (const Chase& c : m.invoices_to_chase)
        w.bullet(zh ? "催收发票 " + c.invoice.value() + "（客户 " + c.account.value() + "）" +
                          money(c.amount) + "，已逾期 " + std::to_string(c.past_due.count()) + " 天"
                    : "chase invoice " + c.invoice.value() + " (account " + c.account.value() + ") " +
                          money(c.amount) + ", " + std::to_string(c.past_due.count()) + " days past due");
    for (const RegionId& region : m.expense_to_review) {
        std::string name = region.value();
        for (const Section& s : r.regions)
            if (s.region && *s.region == region) name = s.name;
        w.bullet(zh ? "复核 " + name + " 的销售费用" : "review the sales expense of " + name);
    }
    w.end_list();
    return w.str();
}

}  // namespace crm::report
