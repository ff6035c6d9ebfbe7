#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>

#include <algorithm>
#include <iterator>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

namespace crm {

namespace {

std::string_view outcome_word(Outcome outcome, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (outcome) {
    case Outcome::allow: return zh ? "通过" : "allow";
    case Outcome::warn: return zh ? "警告" : "warn";
    case Outcome::needs_approval: return zh ? "需审批" : "needs approval";
    case Outcome::block: return zh ? "拒绝" : "block";
    }
    return "unknown";
}

std::string_view template_of(const ReasonText& text, Lang lang) noexcept {
    return lang == Lang::zh && !text.zh.empty() ? text.zh : text.en;
}

}  // namespace

std::string_view to_string(Outcome outcome) noexcept {
    switch (outcome) {
    case Outcome::allow: return "allow";
    case Outcome::warn: return "warn";
    case Outcome::needs_approval: return "needs_approval";
    case Outcome::block: return "block";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Outcome outcome) { return os << to_string(outcome); }

std::string format_figure(const FigureValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, Decimal>) {
                return v.to_plain_string();
            } else if constexpr (std::is_same_v<T, Money>) {
                return format(v);
            } else if constexpr (std::is_same_v<T, Percent> || std::is_same_v<T, Rate>) {
                return to_string(v);
            } else if constexpr (std::is_same_v<T, Days>) {
                return std::to_string(v.count());
            } else if constexpr (std::is_same_v<T, Date>) {
                return v.to_string();
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else {
                static_assert(std::is_same_v<T, std::string>, "every FigureValue alternative is formatted");
                return v;
            }
        },
        value);
}

std::string_view figure_type_name(const FigureValue& value) noexcept {
    constexpr std::string_view names[] = {"Decimal", "Money", "Percent", "Rate",
                                          "Days",    "Date",  "int64",   "string"};
    static_assert(std::size(names) == std::variant_size_v<FigureValue>, "a name per FigureValue alternative");
    return names[value.index()];
}

namespace detail {

void throw_no_figure(std::string_view code, std::string_view name, std::span<const Figure> figures) {
    std::string have;
    for (const Figure& f : figures) have += (have.empty() ? "" : ", ") + std::string(f.name);
    throw Error(ErrorCode::not_found, "figures." + std::string(name),
                "reason " + std::string(code) + " has no figure " + std::string(name) + " (it has " +
                    (have.empty() ? std::string("none") : have) + ")");
}

void throw_figure_type(std::string_view code, std::string_view name, std::size_t wanted,
                       const FigureValue& found) {
    FigureValue probe;  // an empty value of the wanted alternative, for its name
    switch (wanted) {
    case 0: probe = Decimal{}; break;
    case 1: probe = Money{}; break;
    case 2: probe = Percent{}; break;
    case 3: probe = Rate{}; break;
    case 4: probe = Days{}; break;
    case 5: probe = Date{}; break;
    case 6: probe = std::int64_t{}; break;
    default: probe = std::string{}; break;
    }
    throw Error(ErrorCode::invalid_argument, "figures." + std::string(name),
                "figure " + std::string(name) + " of " + std::string(code) + " is a " +
                    std::string(figure_type_name(found)) + " (" + format_figure(found) + "), not a " +
                    std::string(figure_type_name(probe)));
}

}  // namespace detail

const FigureValue* Reason::figure(std::string_view name) const noexcept {
    for (const Figure& f : figures_)
        if (f.name == name) return &f.value;
    return nullptr;
}

Reason& Reason::with(std::string_view name, FigureValue value) & {
    for (Figure& f : figures_) {
        if (f.name == name) {
            f.value = std::move(value);
            return *this;
        }
    }
    figures_.push_back(Figure{name, std::move(value)});
    return *this;
}

Reason Reason::with(std::string_view name, FigureValue value) && {
    with(name, std::move(value));
    return std::move(*this);
}

Decision& Decision::add(Reason reason) {
    outcome_ = std::max(outcome_, reason.severity());
    reasons_.push_back(std::move(reason));
    return *this;
}

const Reason* Decision::find(std::string_view code) const noexcept {
    for (const Reason& r : reasons_)
        if (r.code() == code) return &r;
    return nullptr;
}

Decision combine(const Decision& a, const Decision& b) {
    Decision result = a;
    for (const Reason& r : b.reasons()) result.add(r);
    return result;
}

std::string explain(const Reason& reason, Lang lang) {
    const std::string_view text = template_of(reason.text(), lang);
    std::string out;
    out.reserve(text.size() + 16 * reason.figures().size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {  // {{ or }}
            out += c;
            i += 2;
            continue;
        }
        if (c == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close == std::string_view::npos) {  // an unclosed brace is literal text
                out.append(text.substr(i));
                break;
            }
            const std::string_view name = text.substr(i + 1, close - i - 1);
            if (const FigureValue* value = reason.figure(name)) {
                out += format_figure(*value);
            } else {
                out.append(text.substr(i, close - i + 1));  // unknown: shown as written
            }
            i = close + 1;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

std::string explain(const Decision& decision, Lang lang) {
    std::string out(outcome_word(decision.outcome(), lang));
    for (const Reason& r : decision.reasons()) {
        out += "\n- ";
        out += explain(r, lang);
    }
    return out;
}

std::ostream& operator<<(std::ostream& os, const Reason& reason) {
    os << reason.code() << '[' << reason.severity() << "]{";
    const char* separator = "";
    for (const Figure& f : reason.figures()) {
        os << separator << f.name << '=' << format_figure(f.value);
        separator = ", ";
    }
    return os << '}';
}

std::ostream& operator<<(std::ostream& os, const Decision& decision) {
    os << decision.outcome() << " {";
    const char* separator = "";
    for (const Reason& r : decision.reasons()) {
        os << separator << r;
        separator = ", ";
    }
    return os << '}';
}

}  // namespace crm
