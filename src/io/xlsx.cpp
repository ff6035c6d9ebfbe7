// Spreadsheets of the monthly report and of an aging table (libxlsxwriter). Amounts go in as
// numbers parsed from their exact decimal text: the file format stores IEEE doubles.

#include <crm/core/error.hpp>
#include <crm/io/xlsx.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#ifdef CRM_HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

namespace crm::io {

#ifndef CRM_HAVE_XLSXWRITER

bool xlsx_supported() noexcept { return false; }

void write_report_xlsx(const report::MonthlyKeyAccountReport&, Lang, const std::string&, const XlsxOptions&) {
    throw Error(ErrorCode::invalid_operation, "path",
                "this build has no xlsx support (libxlsxwriter was not found)");
}
void write_aging_xlsx(const AgingTable&, Lang, const std::string&, const XlsxOptions&) {
    throw Error(ErrorCode::invalid_operation, "path",
                "this build has no xlsx support (libxlsxwriter was not found)");
}

#else

bool xlsx_supported() noexcept { return true; }

namespace {

// One workbook being written to a temporary file, renamed onto the path by finish().
class Book {
public:
    Book(const std::string& path, const XlsxOptions& o) : path_(path), tmp_(path + ".tmp"), options_(o) {
        book_ = workbook_new(tmp_.c_str());
        if (book_ == nullptr) throw Error(ErrorCode::invalid_operation, "path", "cannot create " + tmp_);
        money_ = workbook_add_format(book_);
        format_set_num_format(money_, "#,##0.00");
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;
    ~Book() {
        if (book_ != nullptr) {
            workbook_close(book_);
            std::remove(tmp_.c_str());
        }
    }

    // A new sheet with its header row; rows then go below it.
    void sheet(const std::string& name, const std::vector<std::string>& header) {
        sheet_ = workbook_add_worksheet(book_, name.c_str());
        if (sheet_ == nullptr) throw Error(ErrorCode::invalid_operation, "path", "cannot add sheet " + name);
        row_ = 0;
        col_ = 0;
        for (const std::string& h : header) text(h, bold_);
        next_row();
    }
    void text(const std::string& t, lxw_format* f = nullptr) {
        worksheet_write_string(sheet_, row_, col_++, t.c_str(), f);
    }
    // The number the spreadsheet stores is strtod of the exact decimal text.
    void number(const Decimal& d) {
        const std::string exact = d.to_string();
        worksheet_write_number(sheet_, row_, col_++, std::strtod(exact.c_str(), nullptr), money_);
        if (options_.exact_text) text(exact);
    }
    void amount(const Money& m) { number(m.amount()); }
    void integer(std::int64_t v) {
        worksheet_write_number(sheet_, row_, col_++, static_cast<double>(v), nullptr);
    }
    void next_row() {
        ++row_;
        col_ = 0;
    }
    [[nodiscard]] bool exact() const noexcept { return options_.exact_text; }

    void finish() {
        const lxw_error e = workbook_close(book_);
        book_ = nullptr;
        if (e != LXW_NO_ERROR) {
            std::remove(tmp_.c_str());
            throw Error(ErrorCode::invalid_operation, "path",
                        "cannot write " + path_ + ": " + lxw_strerror(e));
        }
        if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
            std::remove(tmp_.c_str());
            throw Error(ErrorCode::invalid_operation, "path", "cannot rename onto " + path_);
        }
    }

private:
    std::string path_, tmp_;
    XlsxOptions options_;
    lxw_workbook* book_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* money_ = nullptr;
    lxw_format* bold_ = nullptr;
    lxw_row_t row_ = 0;
    lxw_col_t col_ = 0;
};

std::string bucket_name(const credit::AgingBucket& b, bool zh) {
    if (b.from_days == 0 && b.to_days && *b.to_days == 0) return zh ? "未逾期" : "current";
    if (!b.to_days)
        return zh ? "超过" + std::to_string(b.from_days - 1) + "天"
                  : "over " + std::to_string(b.from_days - 1) + " days";
    return std::to_string(b.from_days) + "-" + std::to_string(*b.to_days) + (zh ? "天" : " days");
}

// A header of amount columns, each followed by its exact text column when asked.
std::vector<std::string> header(const Book& b, const std::vector<std::string>& names,
                                std::size_t first_amount, bool zh) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        out.push_back(names[i]);
        if (b.exact() && i >= first_amount) out.push_back(names[i] + (zh ? "（精确）" : " (exact)"));
    }
    return out;
}

void check_lang(Lang lang) {
    if (lang != Lang::en && lang != Lang::zh)
        throw Error(ErrorCode::invalid_argument, "lang", "an unknown language");
}

}  // namespace

void write_report_xlsx(const report::MonthlyKeyAccountReport& r, Lang lang, const std::string& path,
                       const XlsxOptions& options) {
    check_lang(lang);
    const bool zh = lang == Lang::zh;
    const auto t = [zh](const char* en, const char* cn) { return std::string(zh ? cn : en); };
    std::vector<const report::Section*> all;
    for (const auto& s : r.regions) all.push_back(&s);
    all.push_back(&r.total);
    const auto name = [&](const report::Section& s) { return s.region ? s.name : t("company", "全公司"); };
    Book b(path, options);
    using planning::Measure;

    b.sheet(
        t("plan vs actual", "计划完成"),
        header(b,
               {t("region", "区域"), t("sales plan", "本月销售计划"), t("sales", "本月销售额"),
                t("sales YTD", "累计销售额"), t("collection plan", "本月回款计划"),
                t("collection", "本月回款"), t("collection YTD", "累计回款"), t("expense YTD", "累计费用")},
               1, zh));
    for (const auto* s : all) {
        b.text(name(*s));
        const auto& sa = s->progress.of(Measure::sales);
        const auto& co = s->progress.of(Measure::collection);
        for (const Money* m : {&sa.plan, &sa.actual, &sa.ytd_actual, &co.plan, &co.actual, &co.ytd_actual,
                               &s->progress.of(Measure::expense).ytd_actual})
            b.amount(*m);
        b.next_row();
    }

    std::vector<std::string> aging_names{t("region", "区域"), t("open", "应收余额")};
    for (const auto& k : r.total.aging.buckets.buckets()) aging_names.push_back(bucket_name(k, zh));
    b.sheet(t("aging", "账龄"), header(b, aging_names, 1, zh));
    for (const auto* s : all) {
        b.text(name(*s));
        b.amount(s->aging.total);
        for (const Money& m : s->aging.amounts) b.amount(m);
        b.next_row();
    }

    b.sheet(t("turnover and caps", "周转天数与控制规模"),
            {t("region", "区域"), t("turnover days", "本月周转天数"), t("last month", "上月周转天数"),
             t("cap", "控制规模"), t("headroom", "剩余额度"), t("excess", "超出")});
    for (const auto* s : all) {
        b.text(name(*s));
        for (const auto& d : {s->turnover_days, s->previous_turnover_days}) {
            if (d)
                b.text(d->to_string());
            else
                b.text("-");
        }
        if (s->cap) {
            b.amount(s->cap->cap);
            b.amount(s->cap->headroom);
            b.amount(s->cap->excess);
        }
        b.next_row();
    }

    b.sheet(t("approvals", "待审批"), {t("request", "申请"), t("kind", "类别"), t("requester", "申请人"),
                                       t("days waiting", "等待天数")});
    for (const auto& a : r.total.approvals) {
        b.text(a.request.value());
        b.text(std::string(approval::display_name(a.kind, lang)));
        b.text(a.requester_name.empty() ? a.requester.value() : a.requester_name);
        b.integer(a.age.count());
        b.next_row();
    }

    b.sheet(t("complaints", "投诉"),
            {t("complaint", "投诉"), t("account", "客户"), t("state", "状态"), t("escalation", "升级级别")});
    for (const auto& c : r.total.complaints) {
        b.text(c.complaint.value());
        b.text(c.account.value());
        b.text(std::string(account::display_name(c.status.state, lang)));
        b.integer(c.status.escalation_level);
        b.next_row();
    }

    b.sheet("KPI", {t("region", "区域"), t("score", "得分"), t("grade", "等级"), t("rank", "排名")});
    for (const auto* s : all)
        if (s->kpi) {
            b.text(name(*s));
            b.text(s->kpi->total.points().to_string());
            b.text(s->kpi->grade);
            if (s->kpi_rank) b.integer(static_cast<std::int64_t>(*s->kpi_rank));
            b.next_row();
        }

    b.sheet(t("forecast", "滚动预测"),
            header(b,
                   {t("region", "区域"), t("month", "月份"), t("sales forecast", "销售预测"),
                    t("expected collections", "预计回款")},
                   2, zh));
    for (const auto* s : all)
        for (const auto& m : s->forecast.months) {
            b.text(name(*s));
            b.text(std::to_string(m.year) + "-" + std::to_string(m.month));
            b.amount(m.sales_forecast);
            b.amount(m.expected_collections);
            b.next_row();
        }

    b.sheet(t("expense", "销售费用"), header(b,
                                             {t("region", "区域"), t("expense", "费用"),
                                              t("revenue", "销售额"), t("suggested move", "建议调整")},
                                             1, zh));
    for (const auto& e : r.expense.regions) {
        b.text(e.name.empty() ? e.region.value() : e.name);
        b.amount(e.expense);
        b.amount(e.revenue);
        b.amount(e.move);
        b.next_row();
    }

    b.sheet(t("findings", "问题与亮点"), {t("severity", "严重程度"), t("finding", "内容")});
    for (const auto& f : r.findings) {
        b.text(std::string(report::severity_name(f.reason.severity(), lang)));
        b.text(explain(f.reason, lang));
        b.next_row();
    }
    b.finish();
}

void write_aging_xlsx(const AgingTable& table, Lang lang, const std::string& path,
                      const XlsxOptions& options) {
    check_lang(lang);
    const bool zh = lang == Lang::zh;
    Book b(path, options);
    std::vector<std::string> names{zh ? "项目" : "key", zh ? "应收余额" : "open"};
    if (!table.lines.empty())
        for (const auto& k : table.total().buckets.buckets()) names.push_back(bucket_name(k, zh));
    b.sheet(zh ? "账龄" : "aging", header(b, names, 1, zh));
    for (const AgingLine& line : table.lines) {
        b.text(line.key);
        b.amount(line.report.total);
        for (const Money& m : line.report.amounts) b.amount(m);
        b.next_row();
    }
    b.finish();
}

#endif

}  // namespace crm::io
