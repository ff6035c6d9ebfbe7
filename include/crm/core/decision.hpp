#pragma once
/// \file
/// The explanation vocabulary: a rule's answer is a crm::Decision, an outcome with the
/// reasons behind it, and every reason carries a stable code, its severity and the figures it
/// was decided on, renderable in English and Chinese. A business "no" is a
/// Decision, never an exception. Proven by tests/core/decision_test.cpp.
///
/// How an area states a reason:
/// ```cpp
/// inline constexpr crm::ReasonText over_limit{
///     .code = "credit.over_limit",
///     .en = "exposure {exposure} exceeds the limit {limit}",
///     .zh = "信用敞口 {exposure} 超过信用额度 {limit}",
/// };
/// crm::Decision d;
/// d.add(crm::Reason{over_limit, crm::Outcome::block}.with("exposure", exposure).with("limit", limit));
/// crm::explain(d, crm::Lang::zh);  // "拒绝\n- 信用敞口 CNY 1,200.00 超过信用额度 CNY 1,000.00"
/// ```

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/time/date.hpp>

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace crm {

/// What a rule says, ordered by severity: allow < warn < needs_approval < block, so the
/// more severe of two outcomes is `std::max(a, b)`.
enum class Outcome {
    allow,           ///< go ahead
    warn,            ///< go ahead, but someone should know (utilisation above 90%)
    needs_approval,  ///< stop until someone with the authority approves
    block,           ///< refused
};

/// The enumerator's name: "allow", "warn", "needs_approval", "block".
[[nodiscard]] CRM_EXPORT std::string_view to_string(Outcome outcome) noexcept;
/// Prints to_string(outcome).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Outcome outcome);

/// The language of a rendered explanation.
enum class Lang {
    en,  ///< English
    zh,  ///< Simplified Chinese
};

/// A reason's stable code and its message templates.
///
/// Requirement: the three views must refer to text with static storage (string literals);
/// areas define each reason once as `inline constexpr ReasonText`, and every Reason copies
/// the views, not the text. Placeholders in braces name the reason's figures:
/// `"exposure {exposure} exceeds the limit {limit}"`; `{{` and `}}` are literal braces. An
/// empty `zh` template falls back to `en`.
struct CRM_EXPORT ReasonText {
    std::string_view code;  ///< stable, dotted, `area.what`: `credit.over_limit`
    std::string_view en;    ///< the English template, with `{figure}` placeholders
    std::string_view zh;    ///< the Chinese template; empty falls back to `en`

    /// Memberwise equality.
    friend constexpr bool operator==(const ReasonText&, const ReasonText&) noexcept = default;
};

/// The value of a figure behind a reason.
using FigureValue = std::variant<Decimal, Money, Percent, Rate, Days, Date, std::int64_t, std::string>;

/// The type name of an alternative of FigureValue, as figure_as reports it: "Decimal",
/// "Money", "Percent", "Rate", "Days", "Date", "int64", "string".
[[nodiscard]] CRM_EXPORT std::string_view figure_type_name(const FigureValue& value) noexcept;

/// A figure as a template shows it: Money as `CNY 1,234.50`, Decimal and Rate positional
/// (`0.95`), Percent with its sign (`90%`), Days as the bare number (`45`; the template says
/// "days" or "天"), Date in ISO form, integers in decimal, text as it is.
[[nodiscard]] CRM_EXPORT std::string format_figure(const FigureValue& value);

/// A named figure. Like ReasonText, the name must have static storage (a string literal).
struct CRM_EXPORT Figure {
    /// The figure's name, as the templates' placeholders spell it (`exposure`); static storage.
    std::string_view name;
    FigureValue value;  ///< its value, one of FigureValue's alternatives

    /// Memberwise equality.
    friend bool operator==(const Figure&, const Figure&) = default;
};

namespace detail {
/// The position of `T` among FigureValue's alternatives (a compile error when it is none).
template <class T, class V>
struct figure_index;
template <class T, class... Ts>
struct figure_index<T, std::variant<Ts...>> {
    static constexpr std::size_t value = [] {
        constexpr bool same[] = {std::is_same_v<T, Ts>...};
        for (std::size_t i = 0; i < sizeof...(Ts); ++i)
            if (same[i]) return i;
        return sizeof...(Ts);
    }();
    static_assert(value < sizeof...(Ts), "figure_as<T>: T must be one of FigureValue's alternatives");
};
/// Throw crm::Error for figure_as: not_found (no figure of that name; the message lists the
/// names there are) or invalid_argument (a figure of another type; the message names both).
[[noreturn]] CRM_EXPORT void throw_no_figure(std::string_view code, std::string_view name,
                                             std::span<const Figure> figures);
[[noreturn]] CRM_EXPORT void throw_figure_type(std::string_view code, std::string_view name,
                                               std::size_t wanted, const FigureValue& found);
}  // namespace detail

/// One reason behind a decision: its text (code and templates), the outcome this reason
/// alone implies, and its figures in the order given.
class CRM_EXPORT Reason {
public:
    /// An empty reason (no code, `allow`): the zero that makes Reason a regular value. Rules
    /// never return one.
    Reason() = default;
    /// A reason with `text` and the outcome `severity` it implies, no figures yet.
    Reason(const ReasonText& text, Outcome severity) noexcept : text_(text), severity_(severity) {}

    /// The stable code, `area.what` (e.g. `credit.over_limit`); empty for a default-constructed reason.
    [[nodiscard]] std::string_view code() const noexcept { return text_.code; }
    /// The code and the English and Chinese templates.
    [[nodiscard]] const ReasonText& text() const noexcept { return text_; }
    /// The outcome this reason alone implies.
    [[nodiscard]] Outcome severity() const noexcept { return severity_; }
    /// The figures, in the order they were added.
    [[nodiscard]] std::span<const Figure> figures() const noexcept { return figures_; }
    /// The figure of that name, or nullptr when the reason has none.
    [[nodiscard]] const FigureValue* figure(std::string_view name) const noexcept;
    /// True when the reason has a figure of that name.
    [[nodiscard]] bool has_figure(std::string_view name) const noexcept { return figure(name) != nullptr; }
    /// The figure of that name as a `T`, one of FigureValue's alternatives (another type does not
    /// compile): `reason.figure_as<Percent>("utilisation")`. Throws crm::Error naming
    /// `figures.<name>`: not_found when the reason has no such figure (the message lists the
    /// figures it has), invalid_argument when the figure holds another type (the message says
    /// which: "figure utilisation of credit.warn is a Rate (0.92), not a Percent").
    template <class T>
    [[nodiscard]] const T& figure_as(std::string_view name) const {
        constexpr std::size_t wanted = detail::figure_index<T, FigureValue>::value;
        const FigureValue* value = figure(name);
        if (value == nullptr) detail::throw_no_figure(code(), name, figures_);
        if (value->index() != wanted) detail::throw_figure_type(code(), name, wanted, *value);
        return *std::get_if<wanted>(value);
    }

    /// Adds a figure, or replaces the value of the figure already of that name (names stay
    /// unique). Returns the reason, for building in one expression.
    Reason& with(std::string_view name, FigureValue value) &;
    /// As above, on a temporary: `Reason{text, Outcome::warn}.with("days", Days{45})`.
    [[nodiscard]] Reason with(std::string_view name, FigureValue value) &&;

    /// Same text, severity and figures (figure values compare numerically: 1.50 == 1.5).
    friend bool operator==(const Reason&, const Reason&) = default;

private:
    ReasonText text_;
    Outcome severity_ = Outcome::allow;
    std::vector<Figure> figures_;
};

/// A rule's answer: the most severe outcome among its reasons (`allow` when there are none)
/// and the reasons in the order they were added.
class CRM_EXPORT Decision {
public:
    /// Allow, with no reasons.
    Decision() = default;
    /// Allow, with no reasons (the same as the default).
    [[nodiscard]] static Decision allow() { return Decision{}; }

    /// The most severe outcome among the reasons; allow when there are none.
    [[nodiscard]] Outcome outcome() const noexcept { return outcome_; }
    /// The reasons, in the order they were added.
    [[nodiscard]] std::span<const Reason> reasons() const noexcept { return reasons_; }

    /// Appends a reason; the outcome becomes the more severe of the two. Returns *this.
    Decision& add(Reason reason);

    /// True when some reason has this code.
    [[nodiscard]] bool has(std::string_view code) const noexcept { return find(code) != nullptr; }
    /// The first reason with this code, or nullptr.
    [[nodiscard]] const Reason* find(std::string_view code) const noexcept;

    /// Memberwise equality.
    friend bool operator==(const Decision&, const Decision&) = default;

private:
    Outcome outcome_ = Outcome::allow;
    std::vector<Reason> reasons_;
};

/// Both decisions at once: the more severe outcome, the reasons of `a` then those of `b`.
[[nodiscard]] CRM_EXPORT Decision combine(const Decision& a, const Decision& b);

/// The reason's template in `lang` with each `{name}` replaced by its figure (format_figure).
/// A placeholder with no figure of that name stays as written, `{name}`, so a missing figure
/// shows instead of vanishing.
[[nodiscard]] CRM_EXPORT std::string explain(const Reason& reason, Lang lang);

/// The outcome in words (en: allow, warn, needs approval, block; zh: 通过, 警告, 需审批, 拒绝),
/// then each reason on its own line after `- `. No trailing newline.
[[nodiscard]] CRM_EXPORT std::string explain(const Decision& decision, Lang lang);

/// For diagnostics: `credit.over_limit[block]{exposure=CNY 1,200.00, limit=CNY 1,000.00}`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Reason& reason);
/// For diagnostics: `block {credit.over_limit[block]{...}, ...}`; `allow {}` when empty.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Decision& decision);

}  // namespace crm
