#pragma once
/// \file
/// Ranking scored subjects (managers, regions, accounts) by total, with an explicit tie rule.
/// Domain: docs/domain.md section 7 ("results rank managers and regions, ties handled
/// explicitly"). Proven by tests/scoring/rank_test.cpp.

#include <crm/export.hpp>
#include <crm/scoring/evaluate.hpp>

#include <cstddef>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

namespace crm::scoring {

/// How subjects that remain tied share ranks.
enum class SharedRank {
    competition,  ///< 1, 2, 2, 4 (the usual rule: a tie uses up the places it takes)
    dense,        ///< 1, 2, 2, 3
};

/// The tie rule: equal totals are first told apart by the scores of `tie_break` criteria, in
/// the order given (higher score first; a criterion excluded for missing data counts below
/// any score); subjects still equal share a rank as `shared` says.
struct CRM_EXPORT TieRule {
    std::vector<std::string> tie_break{};  ///< criterion ids; empty: equal totals share a rank
    /// How subjects still equal after the tie-break share a rank; default competition (1, 2, 2, 4).
    SharedRank shared = SharedRank::competition;
};

/// A subject's place: `index` into the ranked span, `rank` from 1.
struct CRM_EXPORT Ranked {
    std::size_t index = 0;  ///< the subject's position in the span passed to rank()
    std::size_t rank = 0;   ///< its place, from 1 (best)
    /// Memberwise equality.
    friend bool operator==(const Ranked&, const Ranked&) = default;
};
/// Prints `#<rank> (index <index>)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Ranked& r);

/// Every result's rank, best first; subjects sharing a rank are listed in input order. Throws
/// crm::Error not_found naming `tie_rule.tie_break[i]` when a tie-break criterion is not in a
/// result (results must come from one scorecard).
[[nodiscard]] CRM_EXPORT std::vector<Ranked> rank(std::span<const ScoreResult> results,
                                                  const TieRule& rule = {});

}  // namespace crm::scoring
