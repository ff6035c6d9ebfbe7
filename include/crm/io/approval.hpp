#pragma once
/// \file
/// Approval questions as documents: a route request (which steps does this approval request
/// need under the policy version in force?) and a verify request (do these approval records
/// fill that route?). The readers keep the rules of crm/io/json.hpp (errors name the JSON
/// Pointer and `file:line:col`); the answers are computed with approval::route and
/// approval::verify against the policy version's matrix and role ladder, and written as the
/// decision documents of crm/io/response.hpp (`outcome`, `reasons` with code, severity, text,
/// figures). See docs/documents.md. Proven by tests/io/approval_request_test.cpp.

#include <crm/approval/request.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/export.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/time/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// A route request: `{"request": <approval request>, "people": [<person>...], "as_of":
/// "2025-03-01", "lang": "zh"}`. `people` is the org chart on the ladder of the policy
/// version in force at `as_of` (its `approval.roles`); `lang` may be left out (zh).
struct CRM_EXPORT RouteRequest {
    approval::Request request{};   ///< `request`: what is asked for approval
    std::vector<Person> people{};  ///< `people`: the organisation (id, name, role, manager, regions)
    Date as_of{};                  ///< `as_of`: the request's date, which picks the policy version
    Lang lang = Lang::zh;          ///< `lang`: of the reasons' texts
};

/// Reads a route request; `file` names the text in error messages. Throws crm::Error naming
/// the JSON Pointer (`/request/percent`, `/people/2/role`).
[[nodiscard]] CRM_EXPORT RouteRequest read_route_request(std::string_view text,
                                                         std::string_view file = "<request>");

/// A verify request: a route request's members and `approvals` (the records given: request,
/// fingerprint as 64 hex digits, level, approver, on_behalf_of, date, authority) and
/// `delegations` (principal, delegate, kinds, from, to); both may be left out (none).
struct CRM_EXPORT VerifyRequest {
    RouteRequest route{};                             ///< the request, the people, as_of and lang
    std::vector<approval::Approval> approvals{};      ///< `approvals`: the records given
    std::vector<approval::Delegation> delegations{};  ///< `delegations`: the delegations in force
};

/// Reads a verify request; `file` names the text in error messages. Throws crm::Error naming
/// the JSON Pointer (`/approvals/0/fingerprint`).
[[nodiscard]] CRM_EXPORT VerifyRequest read_verify_request(std::string_view text,
                                                           std::string_view file = "<request>");

/// The route of a request under the policy version in force at its date.
struct CRM_EXPORT RouteAnswer {
    std::string policy_version{};         ///< the id of the version in force at `as_of`
    approval::Route route{};              ///< the steps and copy recipients
    approval::Fingerprint fingerprint{};  ///< the request's fingerprint, which approvals must carry
    Decision decision{};  ///< the route's reason (allow or needs_approval) and one reason per step
};

/// Routes `request` with the matrix of the version of `set` in force at `request.as_of`
/// (approval::route). Throws crm::Error as PolicySet::in_force, OrgChart (`people[i].role`)
/// and approval::route (`request.amount`) do.
[[nodiscard]] CRM_EXPORT RouteAnswer route(const policy::PolicySet& set, const RouteRequest& request);

/// `{"cc": [{"person", "role"}], "fingerprint", "outcome", "policy_version", "reasons": [...],
/// "request", "steps": [{"boundary", "dimension", "level", "mode", "over", "rank", "reach",
/// "rule", "stage"}]}`, texts in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_route(const RouteAnswer& answer, Lang lang);

/// Whether the approvals given fill the route of the request.
struct CRM_EXPORT VerifyAnswer {
    std::string policy_version{};  ///< the id of the version in force at `as_of`
    approval::Route route{};       ///< the route the records were checked against
    Decision decision{};           ///< approval::verify's decision
};

/// Routes the request as `route` does, then checks the records (approval::verify with the
/// request's org chart for every approval date). Throws crm::Error as `route` and
/// approval::verify do (`delegations[i].to`, `approvals[i].approver`).
[[nodiscard]] CRM_EXPORT VerifyAnswer verify(const policy::PolicySet& set, const VerifyRequest& request);

/// `{"outcome", "policy_version", "reasons": [...], "request"}`, texts in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_verify(const VerifyAnswer& answer, Lang lang);

}  // namespace crm::io
