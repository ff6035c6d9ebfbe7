// Score and SLA requests and their answers (include/crm/io/scoring.hpp): read to the scoring
// and complaint values, answered with scoring::evaluate / scoring::rank and
// account::sla_status, written as canonical JSON. The library's errors name C++ paths
// (`facts.revenue`, `complaint.tier`); here they are mapped to the pointer of the member of the
// request they are about (`/subjects/0/facts/revenue`, `/complaints/1/tier`).

#include <crm/account/complaint.hpp>
#include <crm/core/error.hpp>
#include <crm/io/scoring.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/explain.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/rank.hpp>
#include <crm/time/calendar.hpp>

#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <variant>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

// -- score requests

/// The facts of a subject: an object of strings by criterion id. Whether a value is a label or
/// a decimal is the scorecard's to say, so only its kind is checked here.
std::vector<ScoreFact> facts(const In& in) {
    if (!in.j.is_object()) wrong_kind(in, "an object");
    std::vector<ScoreFact> out;
    for (const auto& [key, value] : in.j.items()) {
        const In v = in.at(key);
        if (value.is_number())
            fail(v, ErrorCode::parse_error,
                 "expected a fact as a string such as \"2500000\" (or a category label): a JSON number is "
                 "read as a binary floating-point value, which cannot carry a raw value exactly");
        out.push_back(ScoreFact{.criterion = key, .value = text(v)});
    }
    return out;
}

ScoreSubject subject(const In& in) {
    Obj o(in);
    ScoreSubject s;
    s.id = text(o.req("id"));
    plain(o, "facts", s.facts, facts);
    o.done();
    return s;
}

/// `error` rethrown naming `base` followed by the part of its field after `prefix`: the
/// library's `facts.revenue` under prefix `facts` and base `/subjects/0/facts` becomes
/// `/subjects/0/facts/revenue`; any other field becomes `base` itself.
[[noreturn]] void rethrow_at(const Error& error, const std::string& base, std::string_view prefix) {
    const std::string& field = error.field();
    std::string ptr = base;
    if (field.size() > prefix.size() + 1 && field.starts_with(prefix) && field[prefix.size()] == '.')
        ptr += detail::pointer_token(std::string_view(field).substr(prefix.size() + 1));
    throw Error(error.code(), ptr, error.message());
}

/// A subject's facts as scoring::Facts: a label for a lookup criterion, else a decimal.
scoring::Facts facts_of(const scoring::Scorecard& card, const ScoreSubject& s, const std::string& base) {
    scoring::Facts out;
    out.reserve(s.facts.size());
    for (const auto& f : s.facts) {
        const std::string ptr = base + detail::pointer_token(f.criterion);
        const scoring::Criterion* c = scoring::find_criterion(card, f.criterion);
        if (c == nullptr) {
            std::string ids;
            for (const auto& x : card.criteria) ids += (ids.empty() ? "" : ", ") + x.id;
            throw Error(ErrorCode::not_found, ptr,
                        "the scorecard \"" + card.name + "\" has no criterion \"" + f.criterion +
                            "\" (its criteria: " + ids + ")");
        }
        if (std::holds_alternative<scoring::Lookup>(c->function)) {
            out.push_back(scoring::Fact{.criterion = f.criterion, .value = f.value});
            continue;
        }
        try {
            out.push_back(
                scoring::Fact{.criterion = f.criterion, .value = Decimal::parse(f.value, {}, "decimal")});
        } catch (const Error& e) {
            throw Error(
                e.code(), ptr,
                "the criterion \"" + f.criterion + "\" takes a decimal such as \"2500000\": " + e.message());
        }
    }
    return out;
}

Json w_raw(const std::optional<scoring::FactValue>& raw) {
    if (!raw) return nullptr;
    if (const auto* d = std::get_if<Decimal>(&*raw)) return w(*d);
    return std::get<std::string>(*raw);
}

Json w_subject(const scoring::Scorecard& card, const ScoredSubject& s, Lang lang) {
    Json criteria = Json::array();
    for (std::size_t i = 0; i < s.result.criteria.size(); ++i) {
        const scoring::CriterionScore& c = s.result.criteria[i];
        criteria.push_back(Json{{"criterion", c.criterion},
                                {"name", i < card.criteria.size() ? card.criteria[i].name : std::string()},
                                {"raw", w_raw(c.raw)},
                                {"score", scoring::to_string(c.score)},
                                {"weight", w(c.weight)},
                                {"contribution", scoring::to_string(c.contribution)},
                                {"status", w_enum(c.status)}});
    }
    Json reasons = Json::array();
    for (const auto& r : scoring::score_reasons(card, s.result, s.id))
        reasons.push_back(reason_json(r, lang));
    return Json{{"id", s.id},
                {"rank", s.rank},
                {"total", scoring::to_string(s.result.total)},
                {"grade", s.result.grade},
                {"criteria", criteria},
                {"reasons", reasons}};
}

// -- SLA requests

Json w_clock(const account::SlaClock& c) {
    return Json{{"deadline", w(c.deadline)},
                {"allowed", c.allowed.count()},
                {"elapsed", c.elapsed.count()},
                {"done", c.done ? w(*c.done) : Json(nullptr)},
                {"state", w_enum(c.state)}};
}

}  // namespace

ScoreRequest read_score_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        ScoreRequest r;
        nullable(o, "as_of", r.as_of, date);
        nullable(o, "scorecard", r.scorecard, codec::text);
        const auto kpi = o.opt("kpi");
        if (kpi) r.kpi = boolean(*kpi);
        const In subjects = o.req("subjects");
        r.subjects = list(subjects, subject);
        plain(o, "lang", r.lang, lang);
        o.done();
        // one scorecard: a document naming both would score with one and silently drop the other
        if (r.kpi && r.scorecard)
            fail(*kpi, ErrorCode::parse_error, "give either \"scorecard\" or \"kpi\": true, not both");
        if (!r.kpi && !r.scorecard)
            fail(in, ErrorCode::parse_error,
                 "no scorecard: give \"scorecard\": \"<name of a scorecard of the policy version>\" or "
                 "\"kpi\": true");
        std::set<std::string> ids;
        for (std::size_t i = 0; i < r.subjects.size(); ++i)
            if (!ids.insert(r.subjects[i].id).second)
                fail(subjects.at(i).at("id"), ErrorCode::duplicate,
                     "the subject \"" + r.subjects[i].id + "\" is given twice");
        return r;
    });
}

scoring::Scorecard scorecard_for(const policy::PolicyVersion& v, const ScoreRequest& request) {
    if (request.kpi) return scoring::kpi_scorecard(v.scoring.kpi);
    const scoring::Scorecard* found = nullptr;
    std::string names;
    for (const auto& card : v.scoring.scorecards) {
        names += (names.empty() ? "" : ", ") + ("\"" + card.name + "\"");
        if (card.name != *request.scorecard) continue;
        if (found != nullptr)
            throw Error(ErrorCode::duplicate, "/scorecard",
                        "policy version " + v.id + " has two scorecards named \"" + card.name +
                            "\": which one is meant cannot be told");
        found = &card;
    }
    if (found == nullptr)
        throw Error(ErrorCode::not_found, "/scorecard",
                    "policy version " + v.id + " has no scorecard named \"" + *request.scorecard +
                        "\" (its scorecards: " + (names.empty() ? "none" : names) + ")");
    return *found;
}

ScoreAnswer score(const policy::PolicySet& set, const ScoreRequest& request, std::optional<Date> as_of) {
    if (request.as_of) as_of = request.as_of;
    if (!as_of) throw Error(ErrorCode::not_found, "/as_of", "no scoring date: give as_of in the request");
    const policy::PolicyVersion& v = set.in_force(*as_of);
    ScoreAnswer a;
    a.policy_version = v.id;
    a.as_of = *as_of;
    a.scorecard = scorecard_for(v, request);
    const scoring::CompiledScorecard card(a.scorecard);
    std::vector<scoring::ScoreResult> results;
    results.reserve(request.subjects.size());
    for (std::size_t i = 0; i < request.subjects.size(); ++i) {
        const std::string base = "/subjects/" + std::to_string(i) + "/facts";
        const scoring::Facts f = facts_of(a.scorecard, request.subjects[i], base);
        try {
            results.push_back(scoring::evaluate(card, f));
        } catch (const Error& e) {
            rethrow_at(e, base, "facts");
        }
    }
    for (std::size_t i = 0; i < results.size(); ++i)
        a.subjects.push_back(ScoredSubject{.id = request.subjects[i].id, .result = results[i]});
    for (const scoring::Ranked& r : scoring::rank(results)) a.subjects[r.index].rank = r.rank;
    return a;
}

std::string write_score(const ScoreAnswer& answer, Lang lang) {
    Json subjects = Json::array();
    for (const auto& s : answer.subjects) subjects.push_back(w_subject(answer.scorecard, s, lang));
    return dump(Json{{"policy_version", answer.policy_version},
                     {"as_of", w(answer.as_of)},
                     {"scorecard", answer.scorecard.name},
                     {"subjects", subjects}});
}

SlaRequest read_sla_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        SlaRequest r;
        nullable(o, "as_of", r.as_of, date_time);
        nullable(o, "calendar", r.calendar, codec::text);
        plain(o, "working_hours", r.working_hours, working_hours);
        r.complaints = list(o.req("complaints"), complaint);
        plain(o, "lang", r.lang, lang);
        o.done();
        return r;
    });
}

SlaAnswer sla(const policy::PolicySet& set, const SlaRequest& request, std::optional<DateTime> as_of) {
    if (request.as_of) as_of = request.as_of;
    if (!as_of)
        throw Error(ErrorCode::not_found, "/as_of",
                    "no as-of instant: give as_of in the request (\"2024-06-03 11:45\")");
    const policy::PolicyVersion& v = set.in_force(as_of->date);
    Calendar calendar = china_mainland_calendar();
    if (request.calendar) {
        try {
            calendar = policy::calendar(v, *request.calendar);
        } catch (const Error& e) {
            throw Error(e.code(), "/calendar", "policy version " + v.id + ": " + e.message());
        }
    }
    SlaAnswer a;
    a.policy_version = v.id;
    a.as_of = *as_of;
    a.calendar = calendar.name();
    a.working_hours = request.working_hours;
    for (std::size_t i = 0; i < request.complaints.size(); ++i) {
        const account::Complaint& c = request.complaints[i];
        const std::string base = "/complaints/" + std::to_string(i);
        ComplaintSla answer{.complaint = c};
        try {
            answer.status = account::sla_status(v.account.sla, c, calendar, request.working_hours, *as_of);
        } catch (const Error& e) {
            if (e.field() == "as_of")
                throw Error(e.code(), "/as_of", e.message() + " (complaint " + c.id.value() + ")");
            if (e.field().starts_with("policy")) throw;  // the version's table, not the complaint
            rethrow_at(Error(e.code(), e.field(), "complaint " + c.id.value() + ": " + e.message()), base,
                       "complaint");
        }
        answer.reasons = account::sla_reasons(c, answer.status, v.approval.roles);
        a.complaints.push_back(std::move(answer));
    }
    return a;
}

std::string write_sla(const SlaAnswer& answer, Lang lang) {
    Json complaints = Json::array();
    for (const auto& c : answer.complaints) {
        Json reasons = Json::array();
        for (const auto& r : c.reasons) reasons.push_back(reason_json(r, lang));
        complaints.push_back(
            Json{{"complaint", w_complaint(c.complaint)},
                 {"state", w_enum(c.status.state)},
                 {"response", w_clock(c.status.response)},
                 {"resolution", w_clock(c.status.resolution)},
                 {"escalation",
                  {{"level", c.status.escalation_level},
                   {"role", c.status.escalate_to ? w(*c.status.escalate_to) : Json(nullptr)}}},
                 {"reasons", reasons}});
    }
    std::ostringstream hours;
    hours << answer.working_hours;
    return dump(Json{{"policy_version", answer.policy_version},
                     {"as_of", w(answer.as_of)},
                     {"calendar", answer.calendar},
                     {"working_hours", hours.str()},
                     {"complaints", complaints}});
}

}  // namespace crm::io
