#pragma once
/// \file
/// A score in words: the total and grade, then each criterion's raw value, score, weight and
/// contribution, in English and Chinese. Proven by tests/scoring/explain_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>

#include <string_view>
#include <vector>

namespace crm::scoring {

/// The reasons behind `result` (scored with `card`) of `subject` (an account or a manager, as
/// the host names it): first `scoring.total` (total, grade, scorecard, subject), then per
/// criterion in the scorecard's order `scoring.criterion` (criterion, raw, score, weight,
/// contribution), `scoring.criterion_missing_zero` (criterion, weight) or
/// `scoring.criterion_excluded` (criterion). All allow: a score decides nothing by itself.
/// A criterion is named by its `name` when given (give it a Chinese name for Chinese text),
/// else by its id. Throws crm::Error (inconsistent, `result.criteria`) when the result does
/// not list the scorecard's criteria in order.
[[nodiscard]] CRM_EXPORT std::vector<Reason> score_reasons(const Scorecard& card, const ScoreResult& result,
                                                           std::string_view subject);

}  // namespace crm::scoring
