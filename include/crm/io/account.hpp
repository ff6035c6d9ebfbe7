#pragma once
/// \file
/// The account questions from documents: which accounts return to the public pool (公海) on a
/// day, and whose visits are overdue, each under the account policies (`account.pool`,
/// `account.visits`) of the policy version in force on that day. One request document serves
/// both: `{"as_of": "2024-06-01", "accounts": [<account>...], "lang": "zh"}`, an account as in
/// the monthly report request (`{"id", "name", "segment", "region", "industry", "tier", "owner",
/// "status", "created", "owned_since", "last_follow_up", "last_deal", "last_visit",
/// "annual_revenue"}`, only `id`, `region`, `tier` and `created` required). The answers are
/// account::due_for_release and account::overdue_visits of the same values, so they equal what
/// a host computes in C++. The readers keep the rules of crm/io/json.hpp. See
/// docs/documents.md ("Account request"). Proven by tests/io/account_request_test.cpp.

#include <crm/account/account.hpp>
#include <crm/account/pool.hpp>
#include <crm/account/visit.hpp>
#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/time/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// An account request: the accounts asked about on a day.
struct CRM_EXPORT AccountRequest {
    /// `as_of`: the day asked about; it picks the policy version. Left out, the caller gives it
    /// (the command line's `--as-of`).
    std::optional<Date> as_of{};
    std::vector<account::Account> accounts{};  ///< `accounts`: each validated (account::validate)
    Lang lang = Lang::zh;                      ///< `lang`: of the reasons' texts (zh when left out)
};

/// Reads an account request; `file` names the text in error messages. Throws crm::Error naming
/// the JSON Pointer (`/accounts/2/last_deal`: not a date; `/accounts/0/segment`: not a segment;
/// `/accounts/1/owned_since`: before its creation), with `file:line:column`, and duplicate at
/// `/accounts/i/id` for an id given twice (a later one is the error).
[[nodiscard]] CRM_EXPORT AccountRequest read_account_request(std::string_view text,
                                                             std::string_view file = "<request>");

/// The accounts returning to the public pool on a day.
struct CRM_EXPORT PoolAnswer {
    std::string policy_version{};              ///< the id of the version in force on `as_of`
    Date as_of{};                              ///< the day asked about
    std::size_t accounts = 0;                  ///< how many accounts were asked about
    std::vector<account::Release> releases{};  ///< account::due_for_release, in request order
};

/// account::due_for_release of the request's accounts under `account.pool` of the version of
/// `set` in force on the as-of day (the request's when it has one, else `as_of`). Throws
/// crm::Error: `/as_of` not_found when neither gives a day or no version is in force then; an
/// unknown tier at `/accounts/i/tier` (not_found, naming the version).
[[nodiscard]] CRM_EXPORT PoolAnswer pool(const policy::PolicySet& set, const AccountRequest& request,
                                         std::optional<Date> as_of = std::nullopt);

/// `{"policy_version", "as_of", "accounts" (the count asked about), "releases": [{"account",
/// "owner", "tier", "released_on", "no_follow_up", "no_deal", "reasons"}]}`: a trigger is
/// `{"since", "limit", "deadline", "elapsed", "side"}` (days as JSON integers, side `inclusive`
/// or `exclusive`) or null when that rule did not fire; `reasons` those of
/// account::release_reasons, texts in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_pool(const PoolAnswer& answer, Lang lang);

/// The accounts whose visit is overdue on a day.
struct CRM_EXPORT VisitsAnswer {
    std::string policy_version{};                  ///< the id of the version in force on `as_of`
    Date as_of{};                                  ///< the day asked about
    std::size_t accounts = 0;                      ///< how many accounts were asked about
    std::vector<account::OverdueVisit> overdue{};  ///< account::overdue_visits, in request order
};

/// account::overdue_visits of the request's accounts under `account.visits` of the version in
/// force on the as-of day. Throws as pool(), an unknown tier at `/accounts/i/tier`.
[[nodiscard]] CRM_EXPORT VisitsAnswer visits(const policy::PolicySet& set, const AccountRequest& request,
                                             std::optional<Date> as_of = std::nullopt);

/// `{"policy_version", "as_of", "accounts", "overdue": [{"account", "owner", "last_visit",
/// "due", "overdue_days", "reason"}]}`: `owner` and `last_visit` null when none, `reason` that
/// of account::visit_reason with its text in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_visits(const VisitsAnswer& answer, Lang lang);

}  // namespace crm::io
