#pragma once
/// \file
/// Linting a delegation-of-authority matrix: what construction accepts but a reviewer should see.
/// Proven by tests/approval/lint_test.cpp.
///
/// Construction already refuses thresholds that do not increase and bands that require less
/// than the band below (crm::Error), so every compiled matrix is monotone in the sense of
/// route.hpp. `lint` reports the subtler cases:
/// - **gap**: a kind no row routes at all, or a combination of segment, region and product line
///   (among the values the kind's rows name, plus "any other") that no row of the kind covers:
///   such requests never need approval, whatever their figures;
/// - **overlap**: two families of rows of one kind (rows with the same conditions form a family)
///   whose conditions share a request, so one request is routed two ways (the route is their
///   union; usually the more specific family was meant to replace the general one);
/// - **non_monotone**: a band that needs fewer approvers than the band below it (a general
///   manager alone above CNY 1M where the regional manager and the director sign below it):
///   the level rises, the number of eyes falls.

#include <crm/approval/matrix.hpp>
#include <crm/approval/request.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>

#include <cstdint>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace crm::approval {

/// What a lint finding is about.
enum class FindingKind : std::uint8_t { gap, overlap, non_monotone };
/// The stable name: `gap`, `overlap` or `non_monotone` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(FindingKind kind) noexcept;
/// Prints to_string(kind).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, FindingKind kind);

/// One finding: its kind, the request kind, the rows involved (none for a gap) and the
/// explanation (`approval.lint_gap`, `approval.lint_overlap`, `approval.lint_non_monotone`,
/// severity warn) with the example request's segment, region and product line as figures
/// ("*" for any value, "(other)" for a value no row names).
struct CRM_EXPORT Finding {
    FindingKind kind = FindingKind::gap;  ///< what was found
    /// The kind of request (discount, order, contract ...) the finding concerns.
    RequestKind request_kind = RequestKind::order;
    std::vector<RuleId> rules;  ///< the rows involved; empty for a gap
    Reason reason;              ///< the explanation with its figures, renderable in English and Chinese
    /// Memberwise equality.
    friend bool operator==(const Finding&, const Finding&) = default;
};
/// Prints `<kind> <request kind> <rule ids>: <reason in English>`; no newline.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Finding& f);

/// The findings, by request kind (declaration order), then gaps, overlaps, non-monotone bands.
/// Gaps are looked for over at most 4096 combinations per kind (the first values named, in row
/// order); a matrix naming more combinations is checked on that many.
[[nodiscard]] CRM_EXPORT std::vector<Finding> lint(const Matrix& matrix);

}  // namespace crm::approval
