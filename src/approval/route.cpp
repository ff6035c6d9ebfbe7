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
    if (step.over) os << ", " << step.dimension << " over " << step.over->to_plain_string();
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

struct Hit {
    const detail::CompiledLevel* level;
    const detail::Band* band;
    Dimension dimension;
};
using Hits = boost::container::small_vector<Hit, 12>;

void add_band(const detail::MatrixData& d, Hits& hits, const detail::Band& band, Dimension dimension) {
    for (std::uint32_t i = 0; i < band.level_count; ++i) {
        const detail::CompiledLevel& level = d.levels[band.first_level + i];
        const bool seen =
            std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.level->role == level.role; });
        if (!seen) hits.push_back(Hit{&level, &band, dimension});
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

// Both non-negative (validated): the request's figure is over the band's threshold.
bool passes(const detail::Small& v, const Request& request, Dimension dimension, const detail::Band& band) {
    const detail::Small& t = band.over_small;
    if (v.fits && t.fits) {
        if (v.exponent == t.exponent) return v.coefficient > t.coefficient;
        if (v.coefficient == 0) return false;
        if (t.coefficient == 0) return true;
        constexpr std::uint64_t max = ~std::uint64_t{0};
        if (v.exponent > t.exponent) {
            const int shift = v.exponent - t.exponent;
            if (shift < 20 && v.coefficient <= max / crm::detail::pow10_u64[shift])
                return v.coefficient * crm::detail::pow10_u64[shift] > t.coefficient;
        } else {
            const int shift = t.exponent - v.exponent;
            if (shift < 20 && t.coefficient <= max / crm::detail::pow10_u64[shift])
                return v.coefficient > t.coefficient * crm::detail::pow10_u64[shift];
        }
    }
    return figure_of(request, dimension) > band.over;
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
    for (const std::uint32_t f : d.by_kind[static_cast<std::size_t>(request.kind)]) {
        const detail::Family& family = d.families[f];
        if (!family.when.matches(request)) continue;
        bool passed = false;
        for (const detail::DimensionGroup& group : family.groups) {
            const detail::Small value = small_figure(request, group.dimension);
            for (std::size_t i = group.bands.size(); i-- > 0;) {
                if (passes(value, request, group.dimension, group.bands[i])) {
                    add_band(d, hits, group.bands[i], group.dimension);
                    passed = true;
                    break;
                }
            }
        }
        if (!passed && family.base) add_band(d, hits, *family.base, Dimension::none);
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
        step.level.role = d.roles[h.level->role].id;
        step.level.reach = h.level->reach;
        step.rank = h.level->rank;
        step.stage = stage;
        step.rule = d.rows[h.band->row].id;
        step.dimension = h.dimension;
        if (h.dimension != Dimension::none) step.over = h.band->over;
    }
    return out;
}

Reason Route::reason() const {
    if (steps.empty())
        return Reason{reasons::not_needed, Outcome::allow}
            .with("kind", std::string(display_name(basis.kind, Lang::en)))
            .with("kind_zh", std::string(display_name(basis.kind, Lang::zh)));
    return Reason{reasons::route, Outcome::needs_approval}
        .with("kind", std::string(display_name(basis.kind, Lang::en)))
        .with("kind_zh", std::string(display_name(basis.kind, Lang::zh)))
        .with("steps", static_cast<std::int64_t>(steps.size()))
        .with("top_level", steps.back().level.role.value());
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
