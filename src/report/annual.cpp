// The annual summary: plan_vs_actual once per month, tier changes from the archive, findings.

#include <crm/core/error.hpp>
#include <crm/report/annual.hpp>

#include "amounts.hpp"

#include <sstream>
#include <string>
#include <unordered_map>

namespace crm::report {

namespace {

inline constexpr ReasonText year_on_plan{
    .code = "report.year_on_plan",
    .en = "{region}: {measure} for the year to date {actual} reaches {achievement} of the plan {plan}",
    .zh = "{region}：全年累计{measure_zh} {actual}，完成计划 {plan} 的 {achievement}",
};
inline constexpr ReasonText year_behind_plan{
    .code = "report.year_behind_plan",
    .en = "{region}: {measure} for the year to date {actual} is {achievement} of the plan {plan}",
    .zh = "{region}：全年累计{measure_zh} {actual}，仅完成计划 {plan} 的 {achievement}",
};
inline constexpr ReasonText tier_changed{
    .code = "report.tier_changed",
    .en = "account {account} moved from tier {from} to tier {to}",
    .zh = "客户 {account} 由 {from} 类调整为 {to} 类",
};

inline constexpr ReasonText past_due_fell{
    .code = "report.past_due_fell",
    .en = "{region}: receivables past due fell from {from} (month {first}) to {to} (month {last})",
    .zh = "{region_zh}：逾期应收账款由 {first} 月的 {from} 降至 {last} 月的 {to}",
};
inline constexpr ReasonText past_due_rose{
    .code = "report.past_due_rose",
    .en = "{region}: receivables past due rose from {from} (month {first}) to {to} (month {last})",
    .zh = "{region_zh}：逾期应收账款由 {first} 月的 {from} 升至 {last} 月的 {to}",
};
inline constexpr ReasonText kpi_rose{
    .code = "report.kpi_rose",
    .en = "{region}: the KPI score rose from {from} (month {first}) to {to} (month {last})",
    .zh = "{region_zh}：考核得分由 {first} 月的 {from} 升至 {last} 月的 {to}",
};
inline constexpr ReasonText kpi_fell{
    .code = "report.kpi_fell",
    .en = "{region}: the KPI score fell from {from} (month {first}) to {to} (month {last})",
    .zh = "{region_zh}：考核得分由 {first} 月的 {from} 降至 {last} 月的 {to}",
};

std::string pct(const std::optional<Percent>& p) { return p ? format_figure(*p) : std::string("-"); }

ReportedFigures figures_of(const Section& s) {
    ReportedFigures f{.region = s.region,
                      .name = s.name,
                      .aging = s.aging,
                      .past_due = s.aging.total,
                      .turnover_days = s.turnover_days,
                      .kpi = s.kpi,
                      .kpi_rank = s.kpi_rank};
    const auto buckets = s.aging.buckets.buckets();
    if (!buckets.empty() && buckets[0].from_days == 0 && buckets[0].to_days && *buckets[0].to_days == 0 &&
        !s.aging.amounts.empty())
        f.past_due = s.aging.total - s.aging.amounts[0];
    return f;
}

}  // namespace

AnnualSummary annual_summary(const Snapshot& s, std::span<const TierRecord> tiers) {
    std::vector<credit::AccountRegion> ar;
    ar.reserve(s.accounts.size());
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < s.accounts.size(); ++i) {
        ar.push_back({s.accounts[i].id, s.accounts[i].region});
        index.emplace(s.accounts[i].id.value(), i);
    }
    std::vector<const TierRecord*> start(s.accounts.size(), nullptr);
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const auto it = index.find(tiers[i].account.value());
        if (it == index.end())
            throw Error(ErrorCode::not_found, "tiers[" + std::to_string(i) + "].account",
                        "account '" + tiers[i].account.value() + "' is not in the archive");
        start[it->second] = &tiers[i];
    }
    AnnualSummary out;
    out.year = s.plan.year;
    out.as_of = s.as_of;
    for (unsigned m = 1; m <= s.as_of.month(); ++m) {
        const Date end =
            m == s.as_of.month() ? s.as_of : Date(s.as_of.year(), m, days_in_month(s.as_of.year(), m));
        out.months.push_back({static_cast<int>(m), planning::plan_vs_actual(s.plan, ar, s.actuals, end)});
    }
    for (std::size_t i = 0; i < s.accounts.size(); ++i)
        if (start[i] != nullptr && start[i]->tier != s.accounts[i].tier)
            out.tier_changes.push_back({s.accounts[i].id, start[i]->tier, s.accounts[i].tier});

    const planning::MonthlyPlanActual& ytd = out.months.back().progress;
    for (std::size_t r = 0; r < ytd.regions.size(); ++r) {
        const planning::PlanActual& line = ytd.regions[r];
        for (const planning::Measure m : {planning::Measure::sales, planning::Measure::collection}) {
            const planning::Progress& g = line.of(m);
            // the plan to date: the earlier months whole, the as-of month pro rata
            const Money plan_to_date = g.ytd_plan - g.plan + g.expected_to_date;
            const bool on_plan = !(g.ytd_actual < plan_to_date);
            Reason reason{on_plan ? year_on_plan : year_behind_plan,
                          on_plan ? Outcome::allow : Outcome::warn};
            reason.with("region", line.name)
                .with("measure", std::string(planning::display_name(m, Lang::en)))
                .with("measure_zh", std::string(planning::display_name(m, Lang::zh)))
                .with("actual", g.ytd_actual)
                .with("plan", plan_to_date);
            if (const auto a = planning::achievement(g.ytd_actual, plan_to_date))
                reason.with("achievement", *a);
            out.findings.push_back({std::move(reason), line.region, std::nullopt});
        }
    }
    for (const TierChange& c : out.tier_changes)
        out.findings.push_back({Reason{tier_changed, Outcome::allow}
                                    .with("account", c.account.value())
                                    .with("from", c.from)
                                    .with("to", c.to),
                                s.accounts[index.at(c.account.value())].region, c.account});
    return out;
}

AnnualSummary annual_summary(const Snapshot& s, std::span<const TierRecord> tiers,
                             std::span<const MonthlyKeyAccountReport> reports) {
    AnnualSummary out = annual_summary(s, tiers);
    int last_month = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const MonthlyKeyAccountReport& r = reports[i];
        const std::string at = "reports[" + std::to_string(i) + "]";
        if (r.year != s.plan.year)
            throw Error(ErrorCode::invalid_argument, at + ".year",
                        "a report of " + std::to_string(r.year) + " in the summary of " + std::to_string(s.plan.year));
        if (r.month <= last_month || r.month > static_cast<int>(s.as_of.month()))
            throw Error(ErrorCode::inconsistent, at + ".month",
                        "month " + std::to_string(r.month) + " must follow month " + std::to_string(last_month) +
                            " and not pass the as-of month " + std::to_string(s.as_of.month()));
        last_month = r.month;
        if (r.currency != s.plan.currency)
            throw Error(ErrorCode::currency_mismatch, at + ".currency",
                        "the report is in " + std::string(r.currency.code()) + ", the plan in " +
                            std::string(s.plan.currency.code()));
        bool same = r.regions.size() == s.plan.regions.size();
        for (std::size_t k = 0; same && k < r.regions.size(); ++k)
            same = r.regions[k].region == s.plan.regions[k].region;
        if (!same) throw Error(ErrorCode::inconsistent, at + ".regions", "not the plan's regions in the plan's order");
        ReportedMonth m{.month = r.month, .as_of = r.as_of, .regions = {}, .total = figures_of(r.total)};
        for (const Section& sec : r.regions) m.regions.push_back(figures_of(sec));
        out.reported.push_back(std::move(m));
    }
    if (out.reported.size() < 2) return out;
    const ReportedMonth& first = out.reported.front();
    const ReportedMonth& last = out.reported.back();
    const auto compare = [&](const ReportedFigures& a, const ReportedFigures& b, const std::string& name) {
        const auto trend = [&](const ReasonText& text, Outcome o) {
            return Reason{text, o}
                .with("region", name.empty() ? std::string("company") : name)
                .with("region_zh", name.empty() ? std::string("全公司") : name)
                .with("first", std::int64_t{first.month})
                .with("last", std::int64_t{last.month});
        };
        if (a.past_due != b.past_due) {
            const bool fell = b.past_due < a.past_due;
            out.findings.push_back({trend(fell ? past_due_fell : past_due_rose, fell ? Outcome::allow : Outcome::warn)
                                        .with("from", a.past_due)
                                        .with("to", b.past_due),
                                    a.region, std::nullopt});
        }
        if (a.kpi && b.kpi && a.kpi->total != b.kpi->total) {
            const bool rose = a.kpi->total < b.kpi->total;
            out.findings.push_back({trend(rose ? kpi_rose : kpi_fell, rose ? Outcome::allow : Outcome::warn)
                                        .with("from", a.kpi->total.points())
                                        .with("to", b.kpi->total.points()),
                                    a.region, std::nullopt});
        }
    };
    for (std::size_t k = 0; k < first.regions.size(); ++k)
        compare(first.regions[k], last.regions[k], first.regions[k].name);
    compare(first.total, last.total, "");
    return out;
}

std::string render(const AnnualSummary& a, Lang lang, Format format) {
    return render(a, lang, format, RenderOptions{});
}

std::string render(const AnnualSummary& a, Lang lang, Format format, const RenderOptions& options) {
    if (format != Format::text && format != Format::markdown)
        throw Error(ErrorCode::invalid_argument, "format", "an unknown report format");
    if (lang != Lang::en && lang != Lang::zh)
        throw Error(ErrorCode::invalid_argument, "lang", "an unknown language");
    validate(options);
    const bool zh = lang == Lang::zh;
    const detail::Amounts amounts(options, zh);
    if (amounts.wan()) {
        const auto check = [](const Money& m) {
            if (m.currency() != Currency{"CNY"})
                throw Error(ErrorCode::currency_mismatch, "summary.currency",
                            "万元 is ten thousand yuan; the summary is in " + std::string(m.currency().code()));
        };
        if (!a.months.empty()) check(a.months.front().progress.total.of(planning::Measure::sales).plan);
        if (!a.reported.empty()) check(a.reported.front().total.aging.total);
    }
    const bool md = format == Format::markdown;
    std::ostringstream out;
    const auto heading = [&](const std::string& text, bool top) {
        if (md)
            out << (top ? "# " : "## ") << text << "\n\n";
        else
            out << text << '\n' << std::string(top ? 40 : 20, top ? '=' : '-') << '\n';
    };
    const auto row = [&](const std::vector<std::string>& cells) {
        out << (md ? "| " : "");
        for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? " | " : "") << cells[i];
        out << (md ? " |\n" : "\n");
    };
    heading(zh ? std::to_string(a.year) + "年度工作总结（截至 " + a.as_of.to_string() + "）"
               : "Annual summary " + std::to_string(a.year) + " (as of " + a.as_of.to_string() + ")",
            true);
    if (amounts.wan()) out << detail::unit_line(options, zh) << "\n\n";
    heading(zh ? "一、逐月完成情况（全公司）" : "1. Month by month (company)", false);
    const std::vector<std::string> header =
        zh ? std::vector<std::string>{"月份", "销售计划", "销售额", "完成率", "回款计划", "回款", "回款率"}
           : std::vector<std::string>{"month",           "sales plan", "sales",   "achieved",
                                      "collection plan", "collection", "achieved"};
    row(header);
    if (md) row(std::vector<std::string>(header.size(), "---"));
    for (const MonthTrend& m : a.months) {
        const auto& s = m.progress.total.of(planning::Measure::sales);
        const auto& c = m.progress.total.of(planning::Measure::collection);
        row({std::to_string(m.month), amounts.one(s.plan), amounts.one(s.actual), pct(s.achievement),
             amounts.one(c.plan), amounts.one(c.actual), pct(c.achievement)});
    }
    out << '\n';
    heading(zh ? "二、客户分类调整" : "2. Tier changes", false);
    if (a.tier_changes.empty()) out << (zh ? "本年度无客户分类调整。" : "No account changed tier.") << "\n\n";
    for (const TierChange& c : a.tier_changes)
        out << (md ? "- " : "  * ")
            << (zh ? "客户 " + c.account.value() + "：" + c.from + " 类 -> " + c.to + " 类"
                   : "account " + c.account.value() + ": tier " + c.from + " -> " + c.to)
            << '\n';
    if (!a.tier_changes.empty()) out << '\n';
    const bool trend = !a.reported.empty();
    if (trend) {
        heading(zh ? "三、应收账款与考核趋势" : "3. Receivables and KPI month by month", false);
        const std::vector<std::string> h =
            zh ? std::vector<std::string>{"月份", "区域", "应收余额", "逾期金额", "周转天数", "考核得分", "排名"}
               : std::vector<std::string>{"month", "region", "open", "past due", "turnover days", "KPI score", "rank"};
        row(h);
        if (md) row(std::vector<std::string>(h.size(), "---"));
        // Each month's open and past-due columns are settled over its regions and the company.
        std::vector<std::string> notes;
        for (const ReportedMonth& m : a.reported) {
            std::vector<const ReportedFigures*> all;
            std::vector<Money> open;
            std::vector<Money> past_due;
            for (const ReportedFigures& f : m.regions) {
                all.push_back(&f);
                open.push_back(f.aging.total);
                past_due.push_back(f.past_due);
            }
            all.push_back(&m.total);
            const std::string when = zh ? std::to_string(m.month) + "月" : " month " + std::to_string(m.month);
            const auto open_cells = amounts.column(open, m.total.aging.total, zh ? when + h[2] : h[2] + when, notes);
            const auto due_cells = amounts.column(past_due, m.total.past_due, zh ? when + h[3] : h[3] + when, notes);
            for (std::size_t i = 0; i < all.size(); ++i) {
                const ReportedFigures* f = all[i];
                row({std::to_string(m.month), f->region ? f->name : std::string(zh ? "全公司" : "company"),
                     open_cells[i], due_cells[i], f->turnover_days ? f->turnover_days->to_string() : "-",
                     f->kpi ? f->kpi->total.points().to_string() : "-",
                     f->kpi_rank ? std::to_string(*f->kpi_rank) : "-"});
            }
        }
        out << '\n';
        for (const std::string& n : notes) out << (md ? "\\* " : "* ") << n << '\n';
        if (!notes.empty()) out << '\n';
    }
    heading(trend ? (zh ? "四、总结" : "4. Findings") : (zh ? "三、总结" : "3. Findings"), false);
    for (const Finding& f : a.findings)
        out << (md ? "- " : "  * ") << "[" << severity_name(f.reason.severity(), lang) << "] "
            << explain(f.reason, lang) << '\n';
    return out.str();
}

}  // namespace crm::report
