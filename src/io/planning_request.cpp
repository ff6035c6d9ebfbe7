// Plan allocation requests and their answers (include/crm/io/planning.hpp): read to the
// planning values, answered with planning::allocate_matrix, written as canonical JSON. The
// library's errors name C++ paths (`weights[1][3]`, `row_targets[0]`); here they are mapped to
// the pointer of the member of the request they are about (`/regions/1/weights/3`,
// `/regions/0/target`).

#include <crm/core/error.hpp>
#include <crm/io/planning.hpp>
#include <crm/planning/allocation.hpp>

#include <charconv>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

/// A row of month weights (its length is check_form's to check).
std::vector<Decimal> month_row(const In& in) {
    return list(in, [](const In& x) { return decimal(x, "a weight"); });
}

PlanRegion region(const In& in) {
    Obj o(in);
    PlanRegion r;
    r.region = text(o.req("region"));
    nullable(o, "name", r.name, codec::text);
    plain(o, "weights", r.weights, month_row);
    if (const auto target = o.opt("target")) r.target = money(*target);
    o.done();
    return r;
}

/// The request holds one form, each region in it, with unique ids (see read_plan_request):
/// checked when a document is read and again for a request a host built.
void check_form(const PlanRequest& r) {
    const auto at = [](std::size_t i, std::string_view member = {}) {
        return "/regions/" + std::to_string(i) + (member.empty() ? "" : "/" + std::string(member));
    };
    // one form: a document giving both would split by one and silently drop the other
    if (r.total && r.month_weights)
        throw Error(
            ErrorCode::parse_error, "/month_weights",
            "give either \"total\" (with each region's 12 \"weights\") or \"month_weights\" (with each "
            "region's \"target\"), not both");
    if (!r.total && !r.month_weights)
        throw Error(
            ErrorCode::parse_error, "",
            "nothing to split: give \"total\" (with each region's 12 \"weights\") or \"month_weights\" "
            "(with each region's \"target\")");
    if (r.month_weights && r.month_weights->size() != plan_months)
        throw Error(ErrorCode::inconsistent, "/month_weights",
                    "expected 12 month weights (January to December), found " +
                        std::to_string(r.month_weights->size()));
    std::set<std::string> ids;
    for (std::size_t i = 0; i < r.regions.size(); ++i) {
        const PlanRegion& x = r.regions[i];
        if (x.region.empty())
            throw Error(ErrorCode::parse_error, at(i, "region"), "a region id cannot be empty");
        if (r.total && x.target)
            throw Error(ErrorCode::parse_error, at(i, "target"),
                        "a request with \"total\" splits it by the regions' \"weights\": a region has no "
                        "\"target\" here (give \"month_weights\" instead of \"total\" to split targets)");
        if (r.total && x.weights.empty())
            throw Error(ErrorCode::parse_error, at(i),
                        "each region needs its 12 month \"weights\": a request with \"total\" splits it by "
                        "them");
        if (r.total && x.weights.size() != plan_months)
            throw Error(
                ErrorCode::inconsistent, at(i, "weights"),
                "expected 12 month weights (January to December), found " + std::to_string(x.weights.size()));
        if (r.month_weights && !x.weights.empty())
            throw Error(ErrorCode::parse_error, at(i, "weights"),
                        "a request with \"month_weights\" splits each region's \"target\" by them: a region "
                        "has no \"weights\" here (give \"total\" instead of \"month_weights\" to split by "
                        "weights)");
        if (r.month_weights && !x.target)
            throw Error(ErrorCode::parse_error, at(i),
                        "each region needs its \"target\": a request with \"month_weights\" splits each "
                        "region's target by them");
        if (!ids.insert(x.region).second)
            throw Error(ErrorCode::duplicate, at(i, "region"),
                        "the region \"" + x.region + "\" is given twice");
    }
}

/// The index at the start of `s` (`[12]...`) and what follows it; nullopt when `s` starts
/// with no index.
std::optional<std::pair<std::size_t, std::string_view>> leading_index(std::string_view s) {
    if (!s.starts_with('[')) return std::nullopt;
    std::size_t i = 0;
    const char* const last = s.data() + s.size();
    const auto [end, ec] = std::from_chars(s.data() + 1, last, i);
    if (ec != std::errc{} || end == last || *end != ']') return std::nullopt;
    return std::pair{i, s.substr(static_cast<std::size_t>(end - s.data()) + 1)};
}

/// The request's pointer of a field allocate_matrix names, and the region it is about (if any).
std::pair<std::string, std::optional<std::size_t>> pointer_of(std::string_view field) {
    if (field == "total") return {"/total", std::nullopt};
    if (field == "weights" || field == "row_targets") return {"/regions", std::nullopt};
    if (field == "column_weights") return {"/month_weights", std::nullopt};
    const auto after = [&](std::string_view prefix) {
        return field.starts_with(prefix) ? leading_index(field.substr(prefix.size())) : std::nullopt;
    };
    if (const auto row = after("weights")) {  // weights[i] or weights[i][j]
        const std::string base = "/regions/" + std::to_string(row->first) + "/weights";
        if (row->second.empty()) return {base, row->first};
        if (const auto cell = leading_index(row->second); cell && cell->second.empty())
            return {base + "/" + std::to_string(cell->first), row->first};
    }
    if (const auto row = after("row_targets"); row && row->second.empty())
        return {"/regions/" + std::to_string(row->first) + "/target", row->first};
    if (const auto month = after("column_weights"); month && month->second.empty())
        return {"/month_weights/" + std::to_string(month->first), std::nullopt};
    return {"", std::nullopt};
}

Json w_amounts(const std::vector<Money>& v) {
    Json a = Json::array();
    for (const Money& m : v) a.push_back(w(m.amount()));
    return a;
}

}  // namespace

PlanRequest read_plan_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        PlanRequest r;
        if (const auto total = o.opt("total")) r.total = money(*total);
        r.regions = list(o.req("regions"), region);
        if (const auto months = o.opt("month_weights")) r.month_weights = month_row(*months);
        o.done();
        check_form(r);  // its pointers are located in the text by read_document
        return r;
    });
}

PlanAllocation plan_allocation(const PlanRequest& request) {
    check_form(request);
    PlanAllocation a;
    a.regions = request.regions;
    try {
        if (request.total) {
            std::vector<std::vector<Decimal>> weights;
            weights.reserve(request.regions.size());
            for (const PlanRegion& r : request.regions) weights.push_back(r.weights);
            a.allocation = planning::allocate_matrix(*request.total, weights);
        } else {
            std::vector<Money> targets;
            targets.reserve(request.regions.size());
            for (const PlanRegion& r : request.regions) targets.push_back(*r.target);
            a.allocation = planning::allocate_matrix(targets, *request.month_weights);
        }
    } catch (const Error& e) {
        const auto [ptr, region] = pointer_of(e.field());
        std::string message = e.message();
        if (region && *region < request.regions.size())
            message = "region " + request.regions[*region].region + ": " + message;
        if (e.code() == ErrorCode::currency_mismatch && request.regions.front().target)
            message += " (region " + request.regions.front().region + ", in " +
                       std::string(request.regions.front().target->currency().code()) + ")";
        throw Error(e.code(), ptr, message);
    }
    const Currency currency = a.allocation.rows.front().currency();
    a.total = Money::zero(currency);
    for (const Money& m : a.allocation.rows) a.total += m;
    return a;
}

std::string write_plan_allocation(const PlanAllocation& answer) {
    Json regions = Json::array();
    for (std::size_t i = 0; i < answer.regions.size(); ++i) {
        const PlanRegion& r = answer.regions[i];
        regions.push_back(Json{{"region", r.region},
                               {"name", r.name ? Json(*r.name) : Json(nullptr)},
                               {"total", w(answer.allocation.rows.at(i).amount())},
                               {"months", w_amounts(answer.allocation.cells.at(i))}});
    }
    return dump(Json{{"currency", std::string(answer.total.currency().code())},
                     {"total", w(answer.total.amount())},
                     {"months", w_amounts(answer.allocation.columns)},
                     {"regions", regions}});
}

}  // namespace crm::io
