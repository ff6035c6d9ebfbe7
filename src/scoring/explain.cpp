// A score in words: see crm/scoring/explain.hpp.

#include <crm/core/error.hpp>
#include <crm/scoring/explain.hpp>

#include <string>

namespace crm::scoring {

namespace {

inline constexpr ReasonText total_text{
    .code = "scoring.total",
    .en = "{subject} scores {total} points on {scorecard}: grade {grade}",
    .zh = "{subject} 按{scorecard}评分 {total} 分，等级 {grade}",
};
inline constexpr ReasonText criterion_text{
    .code = "scoring.criterion",
    .en = "{criterion}: {raw} scores {score} x weight {weight} = {contribution} points",
    .zh = "{criterion}：实际值 {raw}，得分 {score} × 权重 {weight} = {contribution} 分",
};
inline constexpr ReasonText missing_zero_text{
    .code = "scoring.criterion_missing_zero",
    .en = "{criterion}: no data, scored 0 points at weight {weight}",
    .zh = "{criterion}：缺少数据，按 0 分计（权重 {weight}）",
};
inline constexpr ReasonText excluded_text{
    .code = "scoring.criterion_excluded",
    .en = "{criterion}: no data, left out; the other criteria are re-weighted to 100%",
    .zh = "{criterion}：缺少数据，不参与评分，其余指标按权重重新折算为100%",
};

}  // namespace

std::vector<Reason> score_reasons(const Scorecard& card, const ScoreResult& result,
                                  std::string_view subject) {
    if (result.criteria.size() != card.criteria.size())
        throw Error(ErrorCode::inconsistent, "result.criteria",
                    "the result lists " + std::to_string(result.criteria.size()) +
                        " criteria, the scorecard " + std::to_string(card.criteria.size()));
    std::vector<Reason> out;
    out.reserve(result.criteria.size() + 1);
    out.push_back(Reason{total_text, Outcome::allow}
                      .with("subject", std::string(subject))
                      .with("scorecard", card.name)
                      .with("total", result.total.points())
                      .with("grade", result.grade));
    for (std::size_t i = 0; i < card.criteria.size(); ++i) {
        const Criterion& c = card.criteria[i];
        const CriterionScore& line = result.criteria[i];
        if (line.criterion != c.id)
            throw Error(ErrorCode::inconsistent, "result.criteria[" + std::to_string(i) + "]",
                        "criterion '" + line.criterion + "' where the scorecard has '" + c.id + "'");
        const std::string name = c.name.empty() ? c.id : c.name;
        switch (line.status) {
        case CriterionStatus::scored:
            out.push_back(Reason{criterion_text, Outcome::allow}
                              .with("criterion", name)
                              .with("raw", line.raw ? to_string(*line.raw) : std::string{})
                              .with("score", line.score.points())
                              .with("weight", line.weight)
                              .with("contribution", line.contribution.points()));
            break;
        case CriterionStatus::missing_scored_zero:
            out.push_back(Reason{missing_zero_text, Outcome::allow}
                              .with("criterion", name)
                              .with("weight", line.weight));
            break;
        case CriterionStatus::missing_excluded:
            out.push_back(Reason{excluded_text, Outcome::allow}.with("criterion", name));
            break;
        }
    }
    return out;
}

}  // namespace crm::scoring
