#include <crm/approval/compiled.hpp>
#include <crm/approval/reasons.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/error.hpp>

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>

namespace crm::approval {

std::ostream& operator<<(std::ostream& os, const Step& step) {
    os << "stage " << step.stage << ": " << step.level << " (rule " << step.rule;
    if (step.over)
        os << ", " << step.dimension << (step.boundary == Boundary::inclusive ? " at least " : " over ")
           << step.over->to_plain_string();
    return os << ')';
}

std::ostream& operator<<(std::ostream& os, const Route& route) {
    os << "route of " << route.request << " (" << route.basis.kind << "): ";
    if (route.steps.empty()) return os << "no approval needed";
    const char* separator = "";
    for (const Step& s : route.steps) {
        os << separator << s;
        separator = "; ";
    }
    return os;
}

namespace {

// A level the route requires, with the strictest OA terms of every band that required it: the
// strictest mode, automatic approval only when every contribution grants it (the lowest limit).
struct Hit {
    const detail::CompiledLevel* level;
    const detail::Band* band;
    Dimension dimension;
    StepMode mode;
    const Money* auto_at_most;  // nullptr: no automatic approval by amount
    bool auto_if_repeat;
};
using Hits = boost::container::small_vector<Hit, 12>;

void add_band(const detail::MatrixData& d, Hits& hits, const detail::Band& band, Dimension dimension) {
    for (std::uint32_t i = 0; i < band.level_count; ++i) {
        const detail::CompiledLevel& level = d.levels[band.first_level + i];
        const Level& declared = d.rows[level.row].levels[level.index];
        const Money* limit = declared.auto_at_most ? &*declared.auto_at_most : nullptr;
        const auto seen =
            std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.level->role == level.role; });
        if (seen == hits.end()) {
            hits.push_back(Hit{&level, &band, dimension, declared.mode, limit, declared.auto_if_repeat});
            continue;
        }
        // required twice: the union keeps the stricter terms of both
        if (static_cast<int>(declared.mode) > static_cast<int>(seen->mode)) seen->mode = declared.mode;
        if (limit == nullptr || seen->auto_at_most == nullptr)
            seen->auto_at_most = nullptr;
        else if (limit->currency() == seen->auto_at_most->currency() && *limit < *seen->auto_at_most)
            seen->auto_at_most = limit;
        seen->auto_if_repeat = seen->auto_if_repeat && declared.auto_if_repeat;
    }
}

detail::Small small(const Decimal& d) {
    if (d.coefficient() <= Decimal::Coefficient(~std::uint64_t{0}))
        return detail::Small{true, static_cast<std::uint64_t>(d.coefficient()), d.exponent()};
    return detail::Small{};
}

// The request's figure on a dimension, for the fast comparison (days need no Decimal).
detail::Small small_figure(const Request& r, Dimension dimension) {
    switch (dimension) {
    case Dimension::amount: return small(r.amount.amount());
    case Dimension::percent: return small(r.percent.value());
    case Dimension::days: return detail::Small{true, static_cast<std::uint64_t>(r.days.count()), 0};
    case Dimension::none: break;
    }
    return detail::Small{true, 0, 0};
}

// Both non-negative (validated): the request's figure compared with the band's threshold
// (-1, 0, 1), on 64-bit coefficients when both fit and the scales meet, else as Decimals.
int compare_to_band(const detail::Small& v, const Request& request, Dimension dimension,
                    const detail::Band& band) {
    const detail::Small& t = band.over_small;
    const auto three_way = [](std::uint64_t a, std::uint64_t b) { return a < b ? -1 : (a > b ? 1 : 0); };
    if (v.fits && t.fits) {
        if (v.exponent == t.exponent) return three_way(v.coefficient, t.coefficient);
        if (v.coefficient == 0) return t.coefficient == 0 ? 0 : -1;
        if (t.coefficient == 0) return 1;
        constexpr std::uint64_t max = ~std::uint64_t{0};
        if (v.exponent > t.exponent) {
            const int shift = v.exponent - t.exponent;
            if (shift < 20 && v.coefficient <= max / crm::detail::pow10_u64[shift])
                return three_way(v.coefficient * crm::detail::pow10_u64[shift], t.coefficient);
        } else {
            const int shift = t.exponent - v.exponent;
            if (shift < 20 && t.coefficient <= max / crm::detail::pow10_u64[shift])
                return three_way(v.coefficient, t.coefficient * crm::detail::pow10_u64[shift]);
        }
    }
    const Decimal figure = figure_of(request, dimension);
    return figure < band.over ? -1 : (band.over < figure ? 1 : 0);
}

// The request's figure is in the band: at or past its threshold (以上), or past it (超过).
bool passes(const detail::Small& v, const Request& request, Dimension dimension, const detail::Band& band) {
    const int c = compare_to_band(v, request, dimension, band);
    return band.boundary == Boundary::inclusive ? c >= 0 : c > 0;
}

}  // namespace

Route route(const Matrix& matrix, const Request& request, const OrgChart& org) {
    request.validate();
    const detail::MatrixData& d = matrix.data();
    if (!request.amount.is_zero() && request.amount.currency() != d.currency)
        throw Error(ErrorCode::currency_mismatch, "request.amount",
                    "the amount is not in the matrix's currency");
    if (org.find(request.requester) == nullptr)
        throw Error(ErrorCode::not_found, "request.requester", "the requester is not in the org chart");

    Hits hits;
    boost::container::small_vector<const detail::Band*, 4> applied;  // for copy recipients only
    const auto apply = [&](const detail::Band& band, Dimension dimension) {
        add_band(d, hits, band, dimension);
        if (d.has_cc) applied.push_back(&band);
    };
    for (const std::uint32_t f : d.by_kind[static_cast<std::size_t>(request.kind)]) {
        const detail::Family& family = d.families[f];
        if (!family.when.matches(request)) continue;
        bool passed = false;
        for (const detail::DimensionGroup& group : family.groups) {
            const detail::Small value = small_figure(request, group.dimension);
            for (std::size_t i = group.bands.size(); i-- > 0;) {
                if (passes(value, request, group.dimension, group.bands[i])) {
                    apply(group.bands[i], group.dimension);
                    passed = true;
                    break;
                }
            }
        }
        if (!passed && family.base) apply(*family.base, Dimension::none);
    }

    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.level->rank != b.level->rank) return a.level->rank < b.level->rank;
        if (a.level->reach != b.level->reach) return a.level->reach < b.level->reach;
        return a.level->id_order < b.level->id_order;
    });

    Route out{request.id, RoutingBasis::of(request), {}};  // built in place
    out.steps.reserve(hits.size());
    int stage = -1;
    int previous_rank = 0;
    for (const Hit& h : hits) {
        if (stage < 0 || h.level->rank != previous_rank) ++stage;
        previous_rank = h.level->rank;
        Step& step = out.steps.emplace_back();  // filled in place: no temporary to move
        step.level = d.rows[h.level->row].levels[h.level->index];
        step.level.mode = h.mode;
        if (h.auto_at_most == nullptr) {
            step.level.auto_at_most.reset();
        } else {
            step.level.auto_at_most = *h.auto_at_most;
        }
        step.level.auto_if_repeat = h.auto_if_repeat;
        step.rank = h.level->rank;
        step.stage = stage;
        step.rule = d.rows[h.band->row].id;
        step.dimension = h.dimension;
        if (h.dimension != Dimension::none) {
            step.over = h.band->over;
            step.boundary = h.band->boundary;
        }
    }
    if (d.has_cc) {
        for (const detail::Band* band : applied) {
            for (const CopyTo& c : d.rows[band->row].cc)
                if (std::find(out.cc.begin(), out.cc.end(), c) == out.cc.end()) out.cc.push_back(c);
        }
    }
    return out;
}

Reason Route::reason() const { return reason({}); }

Reason Route::reason(std::span<const Role> roles) const {
    if (steps.empty())
        return Reason{reasons::not_needed, Outcome::allow}
            .with("kind", std::string(display_name(basis.kind, Lang::en)))
            .with("kind_zh", std::string(display_name(basis.kind, Lang::zh)));
    return Reason{reasons::route, Outcome::needs_approval}
        .with("kind", std::string(display_name(basis.kind, Lang::en)))
        .with("kind_zh", std::string(display_name(basis.kind, Lang::zh)))
        .with("steps", static_cast<std::int64_t>(steps.size()))
        .with("top_level", role_display_name(roles, steps.back().level.role, Lang::en))
        .with("top_level_zh", role_display_name(roles, steps.back().level.role, Lang::zh));
}

RoutingBasis RoutingBasis::of(const Request& request) {
    return RoutingBasis{request.kind,   request.segment, request.region, request.product_line,
                        request.amount, request.percent, request.days};
}

bool RoutingBasis::matches(const Request& request) const noexcept {
    return kind == request.kind && days == request.days && percent == request.percent &&
           amount == request.amount && segment == request.segment && region == request.region &&
           product_line == request.product_line;
}

bool requires_at_least(const Route& a, const Route& b) noexcept {
    for (const Step& low : b.steps) {
        const bool covered = std::any_of(a.steps.begin(), a.steps.end(), [&low](const Step& high) {
            if (!detail::no_laxer(high.level, low.level)) return false;
            if (low.level.reach == Reach::function)
                return high.level.reach == Reach::function && high.level.role == low.level.role;
            return high.level.reach == Reach::reporting_line && high.rank >= low.rank;
        });
        if (!covered) return false;
    }
    return true;
}

int top_rank(const Route& route) noexcept { return route.steps.empty() ? 0 : route.steps.back().rank; }

}  // namespace crm::approval

namespace crm::approval {

Reason describe_step(const Route& route, std::size_t i, const OrgChart& org) {
    const Step& step = route.steps.at(i);
    const std::string level = role_display_name(org.roles(), step.level.role, Lang::en);
    const std::string level_zh = role_display_name(org.roles(), step.level.role, Lang::zh);
    if (!step.over)
        return Reason{reasons::step_required_base, Outcome::allow}
            .with("stage", static_cast<std::int64_t>(step.stage + 1))
            .with("level", level)
            .with("level_zh", level_zh)
            .with("mode", std::string(display_name(step.level.mode, Lang::en)))
            .with("mode_zh", std::string(display_name(step.level.mode, Lang::zh)))
            .with("rule", step.rule.value());
    std::string number, figure, figure_zh;
    switch (step.dimension) {
    case Dimension::amount:
        number = format(Money{*step.over, route.basis.amount.currency()});
        figure = "the amount";
        figure_zh = "金额";
        break;
    case Dimension::percent:
        number = step.over->to_string() + "%";
        figure = "the percent";
        figure_zh = "比例";
        break;
    default:
        number = step.over->to_string();
        figure = "the number of days";
        figure_zh = "天数";
        break;
    }
    const std::string days_en = step.dimension == Dimension::days ? " days" : "";
    const std::string days_zh = step.dimension == Dimension::days ? "天" : "";
    return Reason{reasons::step_required, Outcome::allow}
        .with("stage", static_cast<std::int64_t>(step.stage + 1))
        .with("level", level)
        .with("level_zh", level_zh)
        .with("mode", std::string(display_name(step.level.mode, Lang::en)))
        .with("mode_zh", std::string(display_name(step.level.mode, Lang::zh)))
        .with("figure", figure)
        .with("figure_zh", figure_zh)
        .with("threshold", describe_at_least(number + days_en, step.boundary, false))
        .with("threshold_zh", describe_at_least(number + days_zh, step.boundary, true))
        .with("rule", step.rule.value());
}

}  // namespace crm::approval
