// The annual summary: plan_vs_actual once per month, tier changes from the archive, findings.

#include <crm/core/error.hpp>
#include <crm/report/annual.hpp>

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

std::string pct(const std::optional<Percent>& p) { return p ? format_figure(*p) : std::string("-"); }

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

std::string render(const AnnualSummary& a, Lang lang, Format format) {
    if (format != Format::text && format != Format::markdown)
        throw Error(ErrorCode::invalid_argument, "format", "an unknown report format");
    const bool zh = lang == Lang::zh;
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
        row({std::to_string(m.month), crm::format(s.plan), crm::format(s.actual), pct(s.achievement),
             crm::format(c.plan), crm::format(c.actual), pct(c.achievement)});
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
    heading(zh ? "三、总结" : "3. Findings", false);
    for (const Finding& f : a.findings)
        out << (md ? "- " : "  * ") << "[" << severity_name(f.reason.severity(), lang) << "] "
            << explain(f.reason, lang) << '\n';
    return out.str();
}

}  // namespace crm::report
