#include <crm/approval/compiled.hpp>
#include <crm/approval/lint.hpp>
#include <crm/approval/reasons.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <variant>

namespace crm::approval {

std::string_view to_string(FindingKind kind) noexcept {
    switch (kind) {
    case FindingKind::gap: return "gap";
    case FindingKind::overlap: return "overlap";
    case FindingKind::non_monotone: return "non_monotone";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, FindingKind kind) { return os << to_string(kind); }

std::ostream& operator<<(std::ostream& os, const Finding& f) {
    os << f.kind << ' ' << f.request_kind;
    for (const RuleId& r : f.rules) os << ' ' << r;
    return os << ": " << explain(f.reason, Lang::en);
}

namespace {

constexpr std::string_view any_value = "*";
constexpr std::string_view other_value = "(other)";
constexpr std::size_t max_combinations = 4096;

// The values of one axis (segment, region or product line) a gap search tries: every value the
// kind's rows name, in row order, then "a value no row names"; or just "any" when no row names one.
struct Axis {
    std::vector<std::string> named;
    [[nodiscard]] std::size_t size() const noexcept { return named.empty() ? 1 : named.size() + 1; }
    // nullopt: the "other" value (or "any" for an unconstrained axis)
    [[nodiscard]] std::optional<std::string_view> at(std::size_t i) const noexcept {
        if (i < named.size()) return std::string_view(named[i]);
        return std::nullopt;
    }
    [[nodiscard]] std::string shown(std::size_t i) const {
        if (named.empty()) return std::string(any_value);
        return i < named.size() ? named[i] : std::string(other_value);
    }
};

void add_named(Axis& axis, std::string_view value) {
    if (std::find(axis.named.begin(), axis.named.end(), value) == axis.named.end())
        axis.named.emplace_back(value);
}

template <class T>
std::vector<std::string_view> texts(const std::vector<T>& ids) {
    std::vector<std::string_view> out;
    out.reserve(ids.size());
    for (const T& id : ids) {
        if constexpr (std::is_same_v<T, std::string>) {
            out.emplace_back(id);
        } else {
            out.emplace_back(id.value());
        }
    }
    return out;
}

bool accepts(const std::vector<std::string_view>& values, std::optional<std::string_view> v) {
    if (values.empty()) return true;
    return v && std::find(values.begin(), values.end(), *v) != values.end();
}

// An example value both lists accept, or nullopt when they share none; "*" when both accept any.
std::optional<std::string> common(const std::vector<std::string_view>& a,
                                  const std::vector<std::string_view>& b) {
    if (a.empty() && b.empty()) return std::string(any_value);
    if (a.empty()) return std::string(b.front());
    if (b.empty()) return std::string(a.front());
    for (const std::string_view v : a)
        if (std::find(b.begin(), b.end(), v) != b.end()) return std::string(v);
    return std::nullopt;
}

Reason with_kind(Reason r, RequestKind kind) {
    return std::move(r)
        .with("kind", std::string(display_name(kind, Lang::en)))
        .with("kind_zh", std::string(display_name(kind, Lang::zh)));
}

const RuleId& first_rule(const detail::MatrixData& d, const detail::Family& f) {
    if (f.base) return d.rows[f.base->row].id;
    return d.rows[f.groups.front().bands.front().row].id;
}

}  // namespace

std::vector<Finding> lint(const Matrix& matrix) {
    const detail::MatrixData& d = matrix.data();
    std::vector<Finding> out;
    for (const RequestKind kind : all_request_kinds) {
        const auto& families = d.by_kind[static_cast<std::size_t>(kind)];

        // ---- gaps ----
        if (families.empty()) {
            out.push_back(Finding{FindingKind::gap,
                                  kind,
                                  {},
                                  with_kind(Reason{reasons::lint_gap, Outcome::warn}, kind)
                                      .with("segment", std::string(any_value))
                                      .with("region", std::string(any_value))
                                      .with("product_line", std::string(any_value))});
            continue;
        }
        Axis segments, regions, products;
        struct Accepts {
            std::vector<std::string_view> segments, regions, products;
        };
        std::vector<Accepts> accepts_of;
        for (const std::uint32_t f : families) {
            const Conditions& w = d.families[f].when;
            accepts_of.push_back(Accepts{texts(w.segments), texts(w.regions), texts(w.product_lines)});
        }
        // named values in row order (families were created in row order)
        for (const Accepts& a : accepts_of) {
            for (const auto v : a.segments) add_named(segments, v);
            for (const auto v : a.regions) add_named(regions, v);
            for (const auto v : a.products) add_named(products, v);
        }
        std::size_t combinations = 0;
        for (std::size_t si = 0; si < segments.size() && combinations < max_combinations; ++si) {
            for (std::size_t ri = 0; ri < regions.size() && combinations < max_combinations; ++ri) {
                for (std::size_t pi = 0; pi < products.size() && combinations < max_combinations; ++pi) {
                    ++combinations;
                    const bool covered =
                        std::any_of(accepts_of.begin(), accepts_of.end(), [&](const Accepts& a) {
                            return accepts(a.segments, segments.at(si)) &&
                                   accepts(a.regions, regions.at(ri)) && accepts(a.products, products.at(pi));
                        });
                    if (covered) continue;
                    out.push_back(Finding{FindingKind::gap,
                                          kind,
                                          {},
                                          with_kind(Reason{reasons::lint_gap, Outcome::warn}, kind)
                                              .with("segment", segments.shown(si))
                                              .with("region", regions.shown(ri))
                                              .with("product_line", products.shown(pi))});
                }
            }
        }

        // ---- overlaps ----
        for (std::size_t i = 0; i < families.size(); ++i) {
            for (std::size_t j = i + 1; j < families.size(); ++j) {
                const Accepts& a = accepts_of[i];
                const Accepts& b = accepts_of[j];
                const auto segment = common(a.segments, b.segments);
                const auto region = common(a.regions, b.regions);
                const auto product = common(a.products, b.products);
                if (!segment || !region || !product) continue;
                const RuleId& ra = first_rule(d, d.families[families[i]]);
                const RuleId& rb = first_rule(d, d.families[families[j]]);
                out.push_back(Finding{FindingKind::overlap,
                                      kind,
                                      {ra, rb},
                                      with_kind(Reason{reasons::lint_overlap, Outcome::warn}, kind)
                                          .with("rule", ra.value())
                                          .with("other_rule", rb.value())
                                          .with("segment", *segment)
                                          .with("region", *region)
                                          .with("product_line", *product)});
            }
        }

        // ---- non-monotone: a higher band with fewer approvers ----
        for (const std::uint32_t f : families) {
            const detail::Family& family = d.families[f];
            for (const detail::DimensionGroup& g : family.groups) {
                const detail::Band* below = family.base ? &*family.base : nullptr;
                for (const detail::Band& band : g.bands) {
                    if (below != nullptr && band.level_count < below->level_count) {
                        const Row& row = d.rows[band.row];
                        const Row& lower = d.rows[below->row];
                        FigureValue over =
                            std::visit([](const auto& t) -> FigureValue { return t; }, *row.over);
                        out.push_back(
                            Finding{FindingKind::non_monotone,
                                    kind,
                                    {row.id, lower.id},
                                    with_kind(Reason{reasons::lint_non_monotone, Outcome::warn}, kind)
                                        .with("rule", row.id.value())
                                        .with("over", std::move(over))
                                        .with("steps", static_cast<std::int64_t>(band.level_count))
                                        .with("other_rule", lower.id.value())
                                        .with("lower_steps", static_cast<std::int64_t>(below->level_count))});
                    }
                    below = &band;
                }
            }
        }
    }
    // gaps, overlaps and non-monotone bands are already grouped per kind in that order
    return out;
}

}  // namespace crm::approval
