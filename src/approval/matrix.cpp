#include <crm/approval/compiled.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/core/error.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace crm::approval {

std::string_view to_string(Reach reach) noexcept {
    switch (reach) {
    case Reach::reporting_line: return "reporting_line";
    case Reach::function: return "function";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, Reach reach) { return os << to_string(reach); }

std::string_view to_string(StepMode mode) noexcept {
    switch (mode) {
    case StepMode::any_one: return "any_one";
    case StepMode::all: return "all";
    case StepMode::in_order: return "in_order";
    }
    return "unknown";
}

std::string_view display_name(StepMode mode, Lang lang) noexcept {
    const bool zh = lang == Lang::zh;
    switch (mode) {
    case StepMode::any_one: return zh ? "或签" : "any one (or-sign)";
    case StepMode::all: return zh ? "会签" : "all (countersign)";
    case StepMode::in_order: return zh ? "依次审批" : "in order";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, StepMode mode) { return os << to_string(mode); }

std::string_view to_string(ApproverSource source) noexcept {
    switch (source) {
    case ApproverSource::role: return "role";
    case ApproverSource::manager: return "manager";
    case ApproverSource::region_manager: return "region_manager";
    case ApproverSource::person: return "person";
    case ApproverSource::chosen: return "chosen";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, ApproverSource source) { return os << to_string(source); }

std::string_view to_string(WhenEmpty when) noexcept {
    switch (when) {
    case WhenEmpty::block: return "block";
    case WhenEmpty::escalate: return "escalate";
    case WhenEmpty::administrator: return "administrator";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, WhenEmpty when) { return os << to_string(when); }

std::ostream& operator<<(std::ostream& os, const CopyTo& c) {
    if (!c.person.empty()) return os << c.person;
    return os << "role " << c.role;
}

std::ostream& operator<<(std::ostream& os, const Level& level) {
    os << level.role;
    if (level.reach == Reach::function) os << " (function)";
    return os;
}

namespace {

template <class T>
bool contains(const std::vector<T>& values, const T& value) noexcept {
    return std::find(values.begin(), values.end(), value) != values.end();
}

template <class T>
std::vector<T> normalised(std::vector<T> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace

bool Conditions::matches(const Request& request) const noexcept {
    return (segments.empty() || contains(segments, request.segment)) &&
           (regions.empty() || contains(regions, request.region)) &&
           (product_lines.empty() || contains(product_lines, request.product_line));
}

bool same_conditions(const Conditions& a, const Conditions& b) {
    return normalised(a.segments) == normalised(b.segments) &&
           normalised(a.regions) == normalised(b.regions) &&
           normalised(a.product_lines) == normalised(b.product_lines);
}

Dimension dimension_of(const Threshold& threshold) noexcept {
    switch (threshold.index()) {
    case 0: return Dimension::amount;
    case 1: return Dimension::percent;
    default: return Dimension::days;
    }
}

Decimal value_of(const Threshold& threshold) {
    return std::visit(
        [](const auto& t) -> Decimal {
            using T = std::decay_t<decltype(t)>;
            if constexpr (std::is_same_v<T, Money>) {
                return t.amount();
            } else if constexpr (std::is_same_v<T, Percent>) {
                return t.value();
            } else {
                return Decimal{t.count()};
            }
        },
        threshold);
}

Decimal figure_of(const Request& request, Dimension dimension) {
    switch (dimension) {
    case Dimension::amount: return request.amount.amount();
    case Dimension::percent: return request.percent.value();
    case Dimension::days: return Decimal{request.days.count()};
    case Dimension::none: break;
    }
    return Decimal{};
}

std::ostream& operator<<(std::ostream& os, const Row& row) {
    os << row.id << ": " << row.kind;
    if (row.over) {
        os << " " << dimension_of(*row.over)
           << (row.boundary == Boundary::inclusive ? " at least " : " over ");
        std::visit([&os](const auto& t) { os << t; }, *row.over);
    }
    os << " ->";
    for (const Level& l : row.levels) os << ' ' << l;
    return os;
}

// ---- construction --------------------------------------------------------------------------

// `higher` runs at least as strict a mode and grants no automatic approval `lower` does not.
bool detail::no_laxer(const Level& higher, const Level& lower) noexcept {
    if (static_cast<int>(higher.mode) < static_cast<int>(lower.mode)) return false;
    if (higher.auto_if_repeat && !lower.auto_if_repeat) return false;
    if (higher.auto_at_most &&
        (!lower.auto_at_most || lower.auto_at_most->currency() != higher.auto_at_most->currency() ||
         *lower.auto_at_most < *higher.auto_at_most))
        return false;
    return true;
}

namespace {

std::string at(std::string_view what, std::size_t i) {
    return std::string(what) + "[" + std::to_string(i) + "]";
}

const Level& level_of(const detail::MatrixData& d, const detail::CompiledLevel& l) noexcept {
    return d.rows[l.row].levels[l.index];
}

bool level_covers(const detail::MatrixData& d, const detail::CompiledLevel& higher,
                  const detail::CompiledLevel& lower) noexcept {
    if (!detail::no_laxer(level_of(d, higher), level_of(d, lower))) return false;
    if (lower.reach == Reach::function) return higher.reach == Reach::function && higher.role == lower.role;
    return higher.reach == Reach::reporting_line && higher.rank >= lower.rank;
}

void validate_level(const Level& level, const std::string& field, Currency currency) {
    if (level.reach != Reach::reporting_line && level.reach != Reach::function)
        throw Error(ErrorCode::invalid_argument, field + ".reach", "not a reach");
    if (static_cast<unsigned>(level.mode) > static_cast<unsigned>(StepMode::in_order))
        throw Error(ErrorCode::invalid_argument, field + ".mode", "not a step mode");
    if (static_cast<unsigned>(level.source) > static_cast<unsigned>(ApproverSource::chosen))
        throw Error(ErrorCode::invalid_argument, field + ".source", "not an approver source");
    if (static_cast<unsigned>(level.when_empty) > static_cast<unsigned>(WhenEmpty::administrator))
        throw Error(ErrorCode::invalid_argument, field + ".when_empty", "not an empty-step policy");
    if (level.source == ApproverSource::manager && level.manager_level < 1)
        throw Error(ErrorCode::invalid_argument, field + ".manager_level",
                    "the manager level counts from 1 (the direct manager)");
    if (level.source == ApproverSource::person && (!level.person || level.person->empty()))
        throw Error(ErrorCode::invalid_argument, field + ".person", "a named-person step needs the person");
    if (level.source == ApproverSource::chosen) {
        if (level.choices.empty())
            throw Error(ErrorCode::invalid_argument, field + ".choices",
                        "a step the requester chooses for needs the set to choose from");
        for (std::size_t k = 0; k < level.choices.size(); ++k)
            if (level.choices[k].empty())
                throw Error(ErrorCode::invalid_argument, field + ".choices[" + std::to_string(k) + "]",
                            "an empty person id");
    }
    if (level.when_empty == WhenEmpty::administrator &&
        (!level.administrator || level.administrator->empty()))
        throw Error(ErrorCode::invalid_argument, field + ".administrator",
                    "routing an empty step to an administrator needs the administrator");
    if (level.auto_at_most) {
        if (level.auto_at_most->currency() != currency)
            throw Error(ErrorCode::currency_mismatch, field + ".auto_at_most",
                        "not in the matrix's currency");
        if (level.auto_at_most->signum() < 0)
            throw Error(ErrorCode::invalid_argument, field + ".auto_at_most", "the amount is negative");
    }
}

// Every level of `lower` is covered by a level of `higher`.
bool band_covers(const detail::MatrixData& d, const detail::Band& higher,
                 const detail::Band& lower) noexcept {
    for (std::uint32_t i = 0; i < lower.level_count; ++i) {
        const auto& l = d.levels[lower.first_level + i];
        bool covered = false;
        for (std::uint32_t j = 0; j < higher.level_count && !covered; ++j)
            covered = level_covers(d, d.levels[higher.first_level + j], l);
        if (!covered) return false;
    }
    return true;
}

detail::Family& family_for(detail::MatrixData& d, const Row& row) {
    for (const std::uint32_t f : d.by_kind[static_cast<std::size_t>(row.kind)])
        if (same_conditions(d.families[f].when, row.when)) return d.families[f];
    detail::Family family;
    family.kind = row.kind;
    family.when = Conditions{normalised(row.when.segments), normalised(row.when.regions),
                             normalised(row.when.product_lines)};
    d.by_kind[static_cast<std::size_t>(row.kind)].push_back(static_cast<std::uint32_t>(d.families.size()));
    d.families.push_back(std::move(family));
    return d.families.back();
}

}  // namespace

Matrix::Matrix() : data_(std::make_shared<const detail::MatrixData>()) {}

Matrix::Matrix(std::vector<Row> rows, std::span<const Role> roles, Currency currency) {
    auto d = std::make_shared<detail::MatrixData>();
    d->rows = std::move(rows);
    d->roles.assign(roles.begin(), roles.end());
    d->currency = currency;
    for (std::size_t i = 0; i < d->roles.size(); ++i)
        if (!d->role_index.emplace(d->roles[i].id, static_cast<std::uint32_t>(i)).second)
            throw Error(ErrorCode::duplicate, at("roles", i) + ".id", "a role id appears twice");

    std::unordered_set<RuleId> ids;
    // a role's step runs one way in the whole matrix: where its mode and automatic approval were
    // first declared (so that a union of contributions never mixes terms, and covering by rank
    // keeps routes monotone)
    std::unordered_map<RoleId, std::pair<std::size_t, std::size_t>> terms_of;
    for (std::size_t i = 0; i < d->rows.size(); ++i) {
        const Row& row = d->rows[i];
        const std::string field = at("rows", i);
        if (row.id.empty()) throw Error(ErrorCode::invalid_argument, field + ".id", "a row needs an id");
        if (!ids.insert(row.id).second)
            throw Error(ErrorCode::duplicate, field + ".id", "a row id appears twice");
        if (static_cast<std::size_t>(row.kind) >= request_kind_count)
            throw Error(ErrorCode::invalid_argument, field + ".kind", "not a request kind");
        if (row.levels.empty())
            throw Error(ErrorCode::invalid_argument, field + ".levels", "a row needs at least one level");

        detail::Band band;
        band.row = static_cast<std::uint32_t>(i);
        band.first_level = static_cast<std::uint32_t>(d->levels.size());
        band.level_count = static_cast<std::uint32_t>(row.levels.size());
        for (std::size_t j = 0; j < row.levels.size(); ++j) {
            const Level& level = row.levels[j];
            const std::string level_field = field + at(".levels", j) + ".role";
            validate_level(level, field + at(".levels", j), d->currency);
            const auto [first, fresh] = terms_of.emplace(level.role, std::pair{i, j});
            if (!fresh) {
                const Level& declared = d->rows[first->second.first].levels[first->second.second];
                const std::string where = " as in " + at("rows", first->second.first) +
                                          at(".levels", first->second.second) +
                                          ": a role's step runs the same way wherever the matrix requires it";
                if (declared.mode != level.mode)
                    throw Error(ErrorCode::inconsistent, field + at(".levels", j) + ".mode",
                                "the mode must be" + where);
                if (declared.auto_at_most != level.auto_at_most ||
                    declared.auto_if_repeat != level.auto_if_repeat)
                    throw Error(ErrorCode::inconsistent, field + at(".levels", j) + ".auto_at_most",
                                "the automatic approval must be" + where);
            }
            const auto it = d->role_index.find(level.role);
            if (it == d->role_index.end())
                throw Error(ErrorCode::not_found, level_field, "the role is not on the org chart's ladder");
            for (std::size_t k = 0; k < j; ++k)
                if (row.levels[k].role == level.role)
                    throw Error(ErrorCode::duplicate, level_field, "a row names a role twice");
            d->levels.push_back(detail::CompiledLevel{it->second, level.reach, d->roles[it->second].rank, 0,
                                                      static_cast<std::uint32_t>(i),
                                                      static_cast<std::uint32_t>(j)});
        }
        if (row.boundary != Boundary::inclusive && row.boundary != Boundary::exclusive)
            throw Error(ErrorCode::invalid_argument, field + ".boundary", "not a boundary");
        for (std::size_t k = 0; k < row.cc.size(); ++k) {
            const CopyTo& c = row.cc[k];
            const std::string cc_field = field + at(".cc", k);
            if (c.person.empty() == c.role.empty())
                throw Error(ErrorCode::invalid_argument, cc_field,
                            "a copy recipient is a person or a role, exactly one of them");
            if (!c.role.empty() && !d->role_index.contains(c.role))
                throw Error(ErrorCode::not_found, cc_field + ".role",
                            "the role is not on the org chart's ladder");
            d->has_cc = true;
        }

        detail::Family& family = family_for(*d, row);
        if (!row.over) {
            if (family.base || !family.groups.empty())
                throw Error(ErrorCode::inconsistent, field + ".over",
                            "thresholds must increase within a kind and its conditions: a row without "
                            "threshold is the base band and comes first, once");
            family.base = band;
            continue;
        }
        if (const auto* money = std::get_if<Money>(&*row.over); money && money->currency() != d->currency)
            throw Error(ErrorCode::currency_mismatch, field + ".over",
                        "the threshold is not in the matrix's currency");
        band.over = value_of(*row.over);
        band.boundary = row.boundary;
        if (band.over.coefficient() <= Decimal::Coefficient(~std::uint64_t{0}))
            band.over_small = detail::Small{true, static_cast<std::uint64_t>(band.over.coefficient()),
                                            band.over.exponent()};
        if (band.over.signum() < 0)
            throw Error(ErrorCode::invalid_argument, field + ".over", "the threshold is negative");

        const Dimension dimension = dimension_of(*row.over);
        auto group =
            std::find_if(family.groups.begin(), family.groups.end(),
                         [dimension](const detail::DimensionGroup& g) { return g.dimension == dimension; });
        if (group == family.groups.end()) {
            family.groups.push_back(detail::DimensionGroup{dimension, {}});
            group = family.groups.end() - 1;
        }
        const detail::Band* below =
            group->bands.empty() ? (family.base ? &*family.base : nullptr) : &group->bands.back();
        // bands increase by (threshold, side): at one number "以上" comes before "超过"
        const auto above_previous = [&](const detail::Band& prev) {
            return band.over > prev.over || (band.over == prev.over && prev.boundary == Boundary::inclusive &&
                                             band.boundary == Boundary::exclusive);
        };
        if (!group->bands.empty() && !above_previous(group->bands.back()))
            throw Error(ErrorCode::inconsistent, field + ".over",
                        "thresholds must increase within a kind and its conditions (not above " +
                            at("rows", group->bands.back().row) + ")");
        if (below != nullptr && !band_covers(*d, band, *below))
            throw Error(ErrorCode::inconsistent, field + ".levels",
                        "a higher threshold may not require less than the band below it (" +
                            at("rows", below->row) + ")");
        group->bands.push_back(band);
    }
    // the order of role ids, so that steps of equal rank and reach sort by id with integer keys
    std::vector<std::uint32_t> by_id(d->roles.size());
    for (std::uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
    std::sort(by_id.begin(), by_id.end(),
              [&d](std::uint32_t a, std::uint32_t b) { return d->roles[a].id < d->roles[b].id; });
    std::vector<std::uint32_t> order(by_id.size());
    for (std::uint32_t i = 0; i < by_id.size(); ++i) order[by_id[i]] = i;
    for (detail::CompiledLevel& l : d->levels) l.id_order = order[l.role];
    data_ = std::move(d);
}

std::span<const Row> Matrix::rows() const noexcept { return data_->rows; }
std::span<const Role> Matrix::roles() const noexcept { return data_->roles; }
Currency Matrix::currency() const noexcept { return data_->currency; }

std::optional<int> Matrix::rank_of(const RoleId& role) const noexcept {
    const auto it = data_->role_index.find(role);
    if (it == data_->role_index.end()) return std::nullopt;
    return data_->roles[it->second].rank;
}

bool operator==(const Matrix& a, const Matrix& b) {
    return a.data_ == b.data_ || (a.data_->rows == b.data_->rows && a.data_->roles == b.data_->roles &&
                                  a.data_->currency == b.data_->currency);
}

bool covers(const Matrix& m, const Level& higher, const Level& lower) {
    if (!detail::no_laxer(higher, lower)) return false;
    if (lower.reach == Reach::function) return higher.reach == Reach::function && higher.role == lower.role;
    const auto h = m.rank_of(higher.role);
    const auto l = m.rank_of(lower.role);
    return higher.reach == Reach::reporting_line && h && l && *h >= *l;
}

}  // namespace crm::approval
