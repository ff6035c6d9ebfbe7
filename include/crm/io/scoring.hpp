#pragma once
/// \file
/// Scoring and complaint-SLA questions as documents. A score request names a scorecard of the
/// policy version in force at its date (or the key-account manager KPI card) and gives the
/// facts of some subjects; each subject is scored with scoring::evaluate and ranked with
/// scoring::rank. An SLA request gives complaints and an as-of instant; each complaint's SLA
/// is account::sla_status under the `account.sla` table of the version in force on that day.
/// Neither answer decides anything (no outcome): `crm score` and `crm sla` exit 0 when they
/// answer. The readers keep the rules of crm/io/json.hpp (errors name the JSON Pointer and
/// `file:line:col`). See docs/documents.md. Proven by tests/io/scoring_request_test.cpp.

#include <crm/account/complaint.hpp>
#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/scorecard.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/date.hpp>
#include <crm/time/time_of_day.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// One fact of a subject as the document gives it: the criterion's id (the key) and the value
/// as written (a category label for a `lookup` criterion, else a decimal). Which of the two it
/// is depends on the scorecard, so the text is kept until the scorecard is known.
struct CRM_EXPORT ScoreFact {
    std::string criterion{};  ///< the key: the id of the criterion the fact is for
    std::string value{};      ///< the JSON string as given (`"2500000"`, `"key"`)
};

/// A subject to score: `{"id": "ACC-1", "facts": {"revenue": "2500000", "fit": "key"}}`.
struct CRM_EXPORT ScoreSubject {
    std::string id{};                ///< `id`: the account or manager, as the host names it
    std::vector<ScoreFact> facts{};  ///< `facts`: by criterion id (in the key order of the document)
};

/// A score request: `{"as_of": "2025-12-31", "scorecard": "客户分级 2025", "subjects": [...],
/// "lang": "zh"}`, or `"kpi": true` instead of `scorecard` for the KPI card of the version
/// (scoring::kpi_scorecard of `scoring.kpi`); exactly one of the two. Left out: `as_of` (then
/// the caller gives it, as the command line's option does), `lang` (zh).
struct CRM_EXPORT ScoreRequest {
    std::optional<Date> as_of{};             ///< `as_of`: picks the policy version
    std::optional<std::string> scorecard{};  ///< `scorecard`: the name of a scorecard of the version
    bool kpi = false;                        ///< `kpi`: true scores with the KPI card instead
    std::vector<ScoreSubject> subjects{};    ///< `subjects`: who is scored, with their facts
    Lang lang = Lang::zh;                    ///< `lang`: of the reasons' texts
};

/// Reads a score request; `file` names the text in error messages. Throws crm::Error naming
/// the JSON Pointer: a fact that is a JSON number (`/subjects/0/facts/revenue`, parse_error),
/// both or neither of `scorecard` and `kpi: true` (`/kpi` or `""`), a subject id given twice
/// (`/subjects/1/id`, duplicate), an unknown key.
[[nodiscard]] CRM_EXPORT ScoreRequest read_score_request(std::string_view text,
                                                         std::string_view file = "<request>");

/// One subject scored: its result and its place among the request's subjects.
struct CRM_EXPORT ScoredSubject {
    std::string id{};               ///< the subject's id, as the request gives it
    scoring::ScoreResult result{};  ///< scoring::evaluate's result: total, grade, breakdown
    std::size_t rank = 0;  ///< its place from 1 (scoring::rank: equal totals share a rank, 1, 2, 2, 4)
};

/// A scored request.
struct CRM_EXPORT ScoreAnswer {
    std::string policy_version{};           ///< the id of the version in force at the as-of date
    Date as_of{};                           ///< the date that picked it
    scoring::Scorecard scorecard{};         ///< the card scored with (the KPI card when `kpi`)
    std::vector<ScoredSubject> subjects{};  ///< in the request's order
};

/// The scorecard `request` names in version `v`: the one called `request.scorecard`, or the
/// KPI card (scoring::kpi_scorecard of `v.scoring.kpi`) when `request.kpi`. Throws crm::Error
/// naming `/scorecard`: not_found (no scorecard of that name; the message lists the version's
/// scorecards) or duplicate (two of that name).
[[nodiscard]] CRM_EXPORT scoring::Scorecard scorecard_for(const policy::PolicyVersion& v,
                                                          const ScoreRequest& request);

/// Scores every subject of `request` at `as_of` (the request's when it has one, else `as_of`)
/// with the scorecard of the version of `set` in force then. Throws crm::Error: `/as_of`
/// not_found when neither gives a date; what PolicySet::in_force throws; `/scorecard`
/// not_found (no scorecard of that name in the version) or duplicate (two of that name); for
/// subject i, `/subjects/i/facts/<key>` not_found for a key the card has no criterion for, and
/// what scoring::evaluate throws mapped to the fact's pointer (`/subjects/0/facts/revenue`: a
/// decimal that does not parse, an unknown category, a missing required fact; `/subjects/0/facts`
/// when every weighted criterion is excluded).
[[nodiscard]] CRM_EXPORT ScoreAnswer score(const policy::PolicySet& set, const ScoreRequest& request,
                                           std::optional<Date> as_of = std::nullopt);

/// `{"as_of", "policy_version", "scorecard", "subjects": [{"id", "rank", "total", "grade",
/// "criteria": [{"criterion", "name", "raw", "score", "weight", "contribution", "status"}],
/// "reasons": [...]}]}`: scores as decimal strings (`"25.00"`), weights as percents (`"40%"`),
/// `raw` the fact as given or null when missing, `reasons` those of scoring::score_reasons
/// with texts in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_score(const ScoreAnswer& answer, Lang lang);

/// An SLA request: `{"as_of": "2024-06-03 11:45", "calendar": "cn", "working_hours":
/// "09:00-18:00", "complaints": [<complaint>...], "lang": "zh"}`; a complaint is `{"id",
/// "account", "tier", "severity", "received", "responded", "resolved"}` (the last two null or
/// left out while not done). Left out: `as_of` (then the caller gives it), `calendar` or null
/// (crm::china_mainland_calendar()), `working_hours` (09:00-18:00), `lang` (zh).
struct CRM_EXPORT SlaRequest {
    std::optional<DateTime> as_of{};        ///< `as_of`: the instant asked about; its day picks the version
    std::optional<std::string> calendar{};  ///< `calendar`: the name of a calendar of the version
    WorkingHours working_hours{};           ///< `working_hours`: the daily window business time counts in
    std::vector<account::Complaint> complaints{};  ///< `complaints`: the complaints asked about
    Lang lang = Lang::zh;                          ///< `lang`: of the reasons' texts
};

/// Reads an SLA request; `file` names the text in error messages. Throws crm::Error naming the
/// JSON Pointer (`/complaints/0/received` for a timestamp that does not parse,
/// `/working_hours` for a window whose end is not after its start).
[[nodiscard]] CRM_EXPORT SlaRequest read_sla_request(std::string_view text,
                                                     std::string_view file = "<request>");

/// One complaint's SLA on the as-of instant.
struct CRM_EXPORT ComplaintSla {
    account::Complaint complaint{};  ///< the complaint, as the request gives it
    account::SlaStatus status{};     ///< account::sla_status: the state, both clocks, the escalation
    std::vector<Reason> reasons{};   ///< account::sla_reasons, roles named from the version's ladder
};

/// An answered SLA request.
struct CRM_EXPORT SlaAnswer {
    std::string policy_version{};  ///< the id of the version in force on the as-of day
    DateTime as_of{};              ///< the instant asked about
    std::string calendar{};  ///< the calendar's name (`mainland China`, crm::china_mainland_calendar(), when
                             ///< the request names none)
    WorkingHours working_hours{};            ///< the working window used
    std::vector<ComplaintSla> complaints{};  ///< in the request's order
};

/// The SLA of every complaint of `request` at `as_of` (the request's when it has one, else
/// `as_of`) under `account.sla` of the version of `set` in force on that day, on the named
/// calendar of the version (or the China calendar). Throws crm::Error: `/as_of` not_found when
/// neither gives an instant, invalid_argument for an instant before a complaint's receipt;
/// what PolicySet::in_force throws; `/calendar` not_found for a name the version lacks; for
/// complaint i, what account::sla_status throws mapped to its pointer (`/complaints/i/tier`,
/// `/complaints/i/severity`, `/complaints/i/responded`, `/complaints/i/resolved`; a strict
/// calendar outside its data at `/complaints/i`).
[[nodiscard]] CRM_EXPORT SlaAnswer sla(const policy::PolicySet& set, const SlaRequest& request,
                                       std::optional<DateTime> as_of = std::nullopt);

/// `{"as_of", "calendar", "policy_version", "working_hours", "complaints": [{"complaint": {...},
/// "state", "response": {"deadline", "allowed", "elapsed", "done", "state"}, "resolution":
/// {...}, "escalation": {"level", "role"}, "reasons": [...]}]}`: `allowed` and `elapsed` in
/// business minutes (JSON integers), `done` null while open, `role` null below the first step
/// or for a step that notifies nobody, texts in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_sla(const SlaAnswer& answer, Lang lang);

}  // namespace crm::io
