#include <crm/core/error.hpp>
#include <crm/scoring/rank.hpp>

#include <algorithm>
#include <numeric>
#include <optional>
#include <ostream>
#include <string>

namespace crm::scoring {

std::vector<Ranked> rank(std::span<const ScoreResult> results, const TieRule& rule) {
    const std::size_t n = results.size();
    const std::size_t m = rule.tie_break.size();
    // keys[i * m + j]: result i's score on tie-break criterion j; empty when it was excluded
    std::vector<std::optional<Score>> keys(n * m);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            const CriterionScore* c = results[i].find(rule.tie_break[j]);
            if (c == nullptr)
                throw Error(ErrorCode::not_found, "tie_rule.tie_break[" + std::to_string(j) + "]",
                            "result " + std::to_string(i) + " has no criterion '" + rule.tie_break[j] + "'");
            if (c->status != CriterionStatus::missing_excluded) keys[i * m + j] = c->score;
        }
    }
    // -1: a ranks before b, +1 after, 0 tied
    const auto compare = [&](std::size_t a, std::size_t b) {
        if (results[a].total != results[b].total) return results[a].total > results[b].total ? -1 : 1;
        for (std::size_t j = 0; j < m; ++j) {
            const std::optional<Score>& ka = keys[a * m + j];
            const std::optional<Score>& kb = keys[b * m + j];
            if (ka.has_value() != kb.has_value()) return ka.has_value() ? -1 : 1;
            if (ka && *ka != *kb) return *ka > *kb ? -1 : 1;
        }
        return 0;
    };
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return compare(a, b) < 0; });

    std::vector<Ranked> out;
    out.reserve(n);
    std::size_t current = 0;
    for (std::size_t p = 0; p < n; ++p) {
        if (p == 0 || compare(order[p - 1], order[p]) != 0)
            current = rule.shared == SharedRank::competition ? p + 1 : current + 1;
        out.push_back(Ranked{order[p], current});
    }
    return out;
}

std::ostream& operator<<(std::ostream& os, const Ranked& r) {
    return os << '#' << r.rank << " (index " << r.index << ')';
}

}  // namespace crm::scoring
