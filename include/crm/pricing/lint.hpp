#pragma once
/// \file
/// Linting a rule book before go-live: what RuleBook accepts but a reviewer should see.
/// Proven by tests/pricing/lint_test.cpp.
///
/// - `unbreakable_tie`: two rules of one exclusive group whose conditions can hold together,
///   with the same priority and the same action: only the rule id decides between them.
/// - `shadowed`: a rule of an exclusive group that can never win, because another rule of the
///   group holds whenever it holds and always beats it (a higher priority in a
///   highest_priority group; a larger percent or amount off, or a lower fixed price, in a
///   best_for_customer group). Budget-limited and cost-plus rules never shadow (they may fail).
/// - `never_fires`: a rule naming only products no price-list entry knows, or only product
///   groups without products.
/// - `undeclared_order`: two cumulative rules that can hold together, with the same
///   `sequence`, whose order changes the price (anything but two percent-off or two amount-off
///   rules): the rule id would decide the order, so declare it.
/// - `overlapping_breaks` / `break_gap`: quantity breaks of one group (or of the cumulative
///   rules) with the same other conditions whose bands overlap or leave a gap, each bound on
///   its declared side (50 inclusive after 50 exclusive is contiguous; two inclusive 50s
///   overlap at 50; two exclusive 50s leave 50 uncovered).

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/pricing/rule_book.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace crm::pricing {

/// What a lint finding is about; each kind is described in the file comment above.
enum class LintKind {
    unbreakable_tie,
    shadowed,
    never_fires,
    undeclared_order,
    overlapping_breaks,
    break_gap
};
/// The stable name: `unbreakable_tie`, `shadowed`, `never_fires`, `undeclared_order`, `overlapping_breaks` or
/// `break_gap` ("?" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(LintKind k) noexcept;
/// Prints to_string(k).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, LintKind k);

/// One finding. `rules` lists the rules involved: for `shadowed` the shadowed rule first,
/// then the one that shadows it; for breaks, the two neighbouring bands in quantity order.
/// `group` is the exclusive group ("" for cumulative rules). `reason` explains it in English
/// and Chinese (`pricing.lint_*` of reasons.hpp, severity warn, with the rules, the group and
/// the quantities as figures); `message` is its English rendering.
struct CRM_EXPORT LintFinding {
    LintKind kind = LintKind::unbreakable_tie;  ///< what was found
    std::vector<RuleId> rules;                  ///< the rules involved, in the order described above
    std::string group;    ///< the exclusive group concerned; empty for cumulative rules and for never_fires
    std::string message;  ///< the finding in English (the reason rendered)
    /// The finding as a reason (`pricing.lint_*`, warn) with its figures, renderable in English and Chinese.
    Reason reason;
    /// Memberwise equality.
    friend bool operator==(const LintFinding&, const LintFinding&) = default;
};
/// Prints `<kind> <rule ids> [<group>]: <message>` (the group only when there is one); no newline.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const LintFinding& f);

/// Every finding: `never_fires` in book order, then group by group (by name, cumulative rules
/// first) ties, shadowed rules and break findings. An empty result means a clean book.
[[nodiscard]] CRM_EXPORT std::vector<LintFinding> lint(const RuleBook& book);

}  // namespace crm::pricing
