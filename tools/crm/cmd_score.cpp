// crm score: scores the subjects of a request with a scorecard of the policy version in force
// (or the KPI card) and ranks them. It answers no yes/no question: exit 0, or 2 for bad input.

#include <crm/io/json.hpp>
#include <crm/io/scoring.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/score.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy, request, as_of;
};

std::string status_text(scoring::CriterionStatus s, bool zh) {
    switch (s) {
    case scoring::CriterionStatus::scored: return zh ? "已评分" : "scored";
    case scoring::CriterionStatus::missing_scored_zero: return zh ? "缺失, 计 0 分" : "missing, scored 0";
    case scoring::CriterionStatus::missing_excluded: return zh ? "缺失, 不计入" : "missing, excluded";
    }
    return "?";
}

std::string text_of(const io::ScoreAnswer& a, bool zh) {
    const std::string card = a.scorecard.name.empty() ? (zh ? "(未命名)" : "(unnamed)") : a.scorecard.name;
    std::string out = (zh ? "评分卡 " : "scorecard ") + card + (zh ? ", 政策版本 " : ", policy version ") +
                      a.policy_version + (zh ? ", 日期 " : ", as of ") + a.as_of.to_string() + "\n";
    // the ranking, best first (subjects sharing a rank in the request's order)
    std::vector<std::size_t> order(a.subjects.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return a.subjects[x].rank < a.subjects[y].rank; });
    std::vector<std::vector<std::string>> ranking{
        zh ? std::vector<std::string>{"排名", "对象", "总分", "等级"}
           : std::vector<std::string>{"rank", "subject", "total", "grade"}};
    for (const std::size_t i : order) {
        const auto& s = a.subjects[i];
        ranking.push_back({std::to_string(s.rank), s.id, scoring::to_string(s.result.total), s.result.grade});
    }
    out += table(ranking);
    for (const auto& s : a.subjects) {
        out += "\n" + s.id + (zh ? ": 总分 " : ": total ") + scoring::to_string(s.result.total) +
               (zh ? ", 等级 " : ", grade ") + s.result.grade +
               (zh ? ", 第 " + std::to_string(s.rank) + " 名\n" : ", rank " + std::to_string(s.rank) + "\n");
        std::vector<std::vector<std::string>> rows{
            zh ? std::vector<std::string>{"指标", "原值", "得分", "权重", "贡献", "状态"}
               : std::vector<std::string>{"criterion", "raw", "score", "weight", "contribution", "status"}};
        for (const auto& c : s.result.criteria)
            rows.push_back({c.criterion, c.raw ? scoring::to_string(*c.raw) : "-",
                            scoring::to_string(c.score), c.weight.value().to_string() + "%",
                            scoring::to_string(c.contribution), status_text(c.status, zh)});
        out += table(rows, "  ");
    }
    return out;
}

int run(const Options& o) {
    const Common& c = o.common;
    one_stdin({&o.policy, &o.request});
    std::optional<Date> as_of;
    if (!o.as_of.empty()) as_of = as_of_date(o.as_of);
    const auto set = io::read_policy_set(slurp(o.policy, "--policy"), file_name(o.policy));
    auto request = io::read_score_request(slurp(o.request, "--request"), file_name(o.request));
    if (as_of) request.as_of = as_of;  // the command line's date wins over the document's
    const io::ScoreAnswer answer = io::score(set, request);
    emit(c.format_choice() == Format::json ? io::write_score(answer, c.language()) : text_of(answer, c.zh()),
         c.output);
    return exit_ok;
}

}  // namespace

void add_score(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand(
        "score",
        "score and rank subjects with a scorecard of the policy, or the KPI card (exit 0, 2 bad input)");
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--request", o->request, "the score request document")->required();
    sub->add_option("--as-of", o->as_of,
                    "the date picking the policy version, YYYY-MM-DD (default: the request's as_of)");
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
