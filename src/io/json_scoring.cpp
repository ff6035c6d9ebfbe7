// The `scoring` section of a policy version (scorecards, the KPI policy) and the complaint SLA
// table of its `account` section. The members mirror the C++ values one for one, so the paths
// the validators name are the document's pointers:
// - a scoring function is one object whose `kind` says which (`linear`, `lower_is_better`,
//   `achievement`, `steps`, `lookup`) next to that function's own members, so
//   `scorecard.criteria[2].function.steps[1].from` is `/criteria/2/function/steps/1/from`;
// - scores and raw values are decimal strings (`"87.50"`), weights percent strings (`"25%"`);
// - the KPI policy names its eight criteria (`/kpi/sales_achievement/weight`); a criterion's
//   id there is the member's name and is not written;
// - an SLA time is `{"minutes": 120}` (business minutes) or `{"business_days": 2}`, an
//   escalation step's `at` is `{"percent": "50%"}` or `{"minutes": 600}`.

#include <crm/account/complaint.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/scorecard.hpp>

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "json_codec.hpp"

namespace crm::io::codec {

namespace {

using namespace crm::scoring;

constexpr std::array out_of_ranges{OutOfRange::clamp, OutOfRange::reject};
constexpr std::array step_edges{StepEdge::threshold_starts_step, StepEdge::threshold_ends_step};
constexpr std::array missings{MissingData::error, MissingData::score_zero, MissingData::exclude};
constexpr std::array severities{account::Severity::low, account::Severity::medium, account::Severity::high,
                                account::Severity::critical};

Score score(const In& in) { return Score{decimal(in, "a score")}; }

template <class E, std::size_t N>
auto enum_of(const std::array<E, N>& all) {
    return [&all](const In& v) { return enumerated(v, all); };
}

// -- reading

ScoringFunction function(const In& in) {
    Obj o(in);
    const In kind_in = o.req("kind");
    const std::string kind = text(kind_in);
    ScoringFunction f;
    if (kind == "linear") {
        Linear x;
        x.lo = decimal(o.req("lo"));
        x.hi = decimal(o.req("hi"));
        plain(o, "at_lo", x.at_lo, score);
        plain(o, "at_hi", x.at_hi, score);
        plain(o, "out_of_range", x.out_of_range, enum_of(out_of_ranges));
        f = x;
    } else if (kind == "lower_is_better") {
        LowerIsBetter x;
        x.best = decimal(o.req("best"));
        x.worst = decimal(o.req("worst"));
        plain(o, "at_best", x.at_best, score);
        plain(o, "at_worst", x.at_worst, score);
        f = x;
    } else if (kind == "achievement") {
        Achievement x;
        plain(o, "floor", x.floor, [](const In& v) { return decimal(v); });
        plain(o, "cap", x.cap, [](const In& v) { return decimal(v); });
        plain(o, "below_floor", x.below_floor, score);
        plain(o, "at_floor", x.at_floor, score);
        plain(o, "at_cap", x.at_cap, score);
        f = x;
    } else if (kind == "steps") {
        Steps x;
        plain(o, "below", x.below, score);
        x.steps = list(o.req("steps"), [](const In& v) {
            Obj s(v);
            Step step;
            step.from = decimal(s.req("from"));
            step.score = score(s.req("score"));
            s.done();
            return step;
        });
        plain(o, "edge", x.edge, enum_of(step_edges));
        f = x;
    } else if (kind == "lookup") {
        Lookup x;
        x.categories = list(o.req("categories"), [](const In& v) {
            Obj c(v);
            Category cat;
            cat.label = text(c.req("label"));
            cat.score = score(c.req("score"));
            c.done();
            return cat;
        });
        nullable(o, "otherwise", x.otherwise, score);
        f = x;
    } else {
        fail(kind_in, ErrorCode::parse_error,
             "\"" + kind + "\" is not one of linear, lower_is_better, achievement, steps, lookup");
    }
    o.done();
    return f;
}

/// A criterion's members but its id (which the caller reads, or fixes for the KPI).
void criterion_members(Obj& o, Criterion& c) {
    plain(o, "name", c.name, text);
    c.weight = percent(o.req("weight"));
    c.function = function(o.req("function"));
    plain(o, "missing", c.missing, enum_of(missings));
}

Criterion criterion(const In& in) {
    Obj o(in);
    Criterion c;
    c.id = text(o.req("id"));
    criterion_members(o, c);
    o.done();
    return c;
}

std::vector<Band> bands(const In& in) {
    return list(in, [](const In& v) {
        Obj o(v);
        Band b;
        b.label = text(o.req("label"));
        b.from = score(o.req("from"));
        b.to = score(o.req("to"));
        o.done();
        return b;
    });
}

Scorecard scorecard(const In& in) {
    Obj o(in);
    Scorecard card;
    plain(o, "name", card.name, text);
    card.criteria = list(o.req("criteria"), criterion);
    card.bands = bands(o.req("bands"));
    plain(o, "score_places", card.score_places, small_int);
    plain(o, "rounding", card.rounding, enum_of(rounding_modes));
    plain(o, "band_floor", card.band_floor, enum_of(boundaries));
    o.done();
    return card;
}

/// The KPI policy's eight criteria by member name, in kpi_scorecard's order.
template <class P>
auto kpi_members(P& k) {
    return std::array<std::pair<std::string_view, decltype(&k.sales_achievement)>, 8>{{
        {"sales_achievement", &k.sales_achievement},
        {"collection_achievement", &k.collection_achievement},
        {"receivables_vs_cap", &k.receivables_vs_cap},
        {"turnover_days_over_target", &k.turnover_days_over_target},
        {"sales_expense_ratio", &k.sales_expense_ratio},
        {"satisfaction", &k.satisfaction},
        {"visit_plan_kept", &k.visit_plan_kept},
        {"new_product_share", &k.new_product_share},
    }};
}

KpiPolicy kpi(const In& in) {
    Obj o(in);
    KpiPolicy k;
    for (auto& [name, member] : kpi_members(k)) {
        if (auto v = o.opt(name)) {
            Obj c(*v);
            // Given, the criterion is the document's whole; its id stays the member's name,
            // which the KPI facts use.
            Criterion& target = *member;
            target = Criterion{.id = target.id};
            criterion_members(c, target);
            c.done();
        }
    }
    plain(o, "bands", k.bands, bands);
    plain(o, "score_places", k.score_places, small_int);
    plain(o, "rounding", k.rounding, enum_of(rounding_modes));
    o.done();
    return k;
}

account::SlaTime sla_time(const In& in) {
    if (!in.j.is_object() || in.j.size() != 1)
        fail(in, ErrorCode::parse_error,
             "expected a time as an object with one member: {\"minutes\": 120} (business minutes) or "
             "{\"business_days\": 2}");
    Obj o(in);
    account::SlaTime t;
    if (auto m = o.opt("minutes"))
        t = Minutes{integer(*m)};
    else if (auto d = o.opt("business_days"))
        t = BusinessDays{integer(*d)};
    o.done();
    return t;
}

std::variant<Percent, Minutes> step_at(const In& in) {
    if (!in.j.is_object() || in.j.size() != 1)
        fail(in, ErrorCode::parse_error,
             "expected an escalation point as an object with one member: {\"percent\": \"50%\"} (of the "
             "resolution time) or {\"minutes\": 600} (business minutes)");
    Obj o(in);
    std::variant<Percent, Minutes> at;
    if (auto p = o.opt("percent"))
        at = percent(*p);
    else if (auto m = o.opt("minutes"))
        at = Minutes{integer(*m)};
    o.done();
    return at;
}

// -- writing

Json w(const Score& s) { return s.points().to_string(); }
using codec::w;

Json w_function(const ScoringFunction& f) {
    return std::visit(
        [](const auto& x) -> Json {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, Linear>)
                return Json{{"kind", "linear"},    {"lo", w(x.lo)},
                            {"hi", w(x.hi)},       {"at_lo", w(x.at_lo)},
                            {"at_hi", w(x.at_hi)}, {"out_of_range", w_enum(x.out_of_range)}};
            else if constexpr (std::is_same_v<X, LowerIsBetter>)
                return Json{{"kind", "lower_is_better"},
                            {"best", w(x.best)},
                            {"worst", w(x.worst)},
                            {"at_best", w(x.at_best)},
                            {"at_worst", w(x.at_worst)}};
            else if constexpr (std::is_same_v<X, Achievement>)
                return Json{{"kind", "achievement"},     {"floor", w(x.floor)},
                            {"cap", w(x.cap)},           {"below_floor", w(x.below_floor)},
                            {"at_floor", w(x.at_floor)}, {"at_cap", w(x.at_cap)}};
            else if constexpr (std::is_same_v<X, Steps>)
                return Json{{"kind", "steps"},
                            {"below", w(x.below)},
                            {"steps", w_list(x.steps,
                                             [](const Step& s) {
                                                 return Json{{"from", w(s.from)}, {"score", w(s.score)}};
                                             })},
                            {"edge", w_enum(x.edge)}};
            else
                return Json{{"kind", "lookup"},
                            {"categories", w_list(x.categories,
                                                  [](const Category& c) {
                                                      return Json{{"label", c.label}, {"score", w(c.score)}};
                                                  })},
                            {"otherwise", x.otherwise ? w(*x.otherwise) : Json(nullptr)}};
        },
        f);
}

Json w_criterion_members(const Criterion& c) {
    return Json{{"name", c.name},
                {"weight", w(c.weight)},
                {"function", w_function(c.function)},
                {"missing", w_enum(c.missing)}};
}

Json w_bands(const std::vector<Band>& b) {
    return w_list(b, [](const Band& x) {
        return Json{{"label", x.label}, {"from", w(x.from)}, {"to", w(x.to)}};
    });
}

Json w_scorecard(const Scorecard& card) {
    return Json{{"name", card.name},
                {"criteria", w_list(card.criteria,
                                    [](const Criterion& c) {
                                        Json j = w_criterion_members(c);
                                        j["id"] = c.id;
                                        return j;
                                    })},
                {"bands", w_bands(card.bands)},
                {"score_places", card.score_places},
                {"rounding", w_enum(card.rounding)},
                {"band_floor", w_enum(card.band_floor)}};
}

Json w_kpi(const KpiPolicy& k) {
    Json j{{"bands", w_bands(k.bands)}, {"score_places", k.score_places}, {"rounding", w_enum(k.rounding)}};
    for (const auto& [name, member] : kpi_members(k)) j[std::string(name)] = w_criterion_members(*member);
    return j;
}

Json w_sla_time(const account::SlaTime& t) {
    if (const auto* m = std::get_if<Minutes>(&t)) return Json{{"minutes", m->count()}};
    return Json{{"business_days", std::get<BusinessDays>(t).count}};
}

}  // namespace

account::SlaPolicy sla_policy(const In& in) {
    Obj o(in);
    account::SlaPolicy p;
    plain(o, "targets", p.targets, [](const In& v) {
        return list(v, [](const In& t) {
            Obj c(t);
            account::SlaTarget target;
            target.severity = enumerated(c.req("severity"), severities);
            target.tier = text(c.req("tier"));
            target.response = sla_time(c.req("response"));
            target.resolution = sla_time(c.req("resolution"));
            c.done();
            return target;
        });
    });
    plain(o, "at_risk", p.at_risk, percent);
    plain(o, "escalation", p.escalation, [](const In& v) {
        return list(v, [](const In& s) {
            Obj c(s);
            account::EscalationStep step;
            step.at = step_at(c.req("at"));
            nullable(c, "notify", step.notify, id<RoleId>);
            c.done();
            return step;
        });
    });
    o.done();
    return p;
}

std::optional<Json> w_sla(const account::SlaPolicy& sla, const std::string& /*path*/) {
    return Json{{"targets", w_list(sla.targets,
                                   [](const account::SlaTarget& t) {
                                       return Json{{"severity", w_enum(t.severity)},
                                                   {"tier", t.tier},
                                                   {"response", w_sla_time(t.response)},
                                                   {"resolution", w_sla_time(t.resolution)}};
                                   })},
                {"at_risk", w(sla.at_risk)},
                {"escalation", w_list(sla.escalation, [](const account::EscalationStep& s) {
                     Json at = std::holds_alternative<Percent>(s.at)
                                   ? Json{{"percent", w(std::get<Percent>(s.at))}}
                                   : Json{{"minutes", std::get<Minutes>(s.at).count()}};
                     return Json{{"at", std::move(at)}, {"notify", w_opt(s.notify)}};
                 })}};
}

policy::ScoringPolicies scoring_policies(const In& in) {
    Obj o(in);
    policy::ScoringPolicies s;
    plain(o, "scorecards", s.scorecards, [](const In& v) { return list(v, scorecard); });
    plain(o, "kpi", s.kpi, kpi);
    o.done();
    return s;
}

std::optional<Json> w_scoring(const policy::ScoringPolicies& scoring, const std::string& /*path*/) {
    return Json{{"scorecards", w_list(scoring.scorecards, w_scorecard)}, {"kpi", w_kpi(scoring.kpi)}};
}

}  // namespace crm::io::codec
