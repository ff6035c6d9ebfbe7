// The account request (include/crm/io/account.hpp): the accounts asked about on a day, answered
// by account::due_for_release (the public pool) and account::overdue_visits under the account
// policies of the version in force, written as canonical JSON.

#include <crm/account/account.hpp>
#include <crm/account/pool.hpp>
#include <crm/account/visit.hpp>
#include <crm/core/error.hpp>
#include <crm/io/account.hpp>
#include <crm/io/json.hpp>
#include <crm/policy/policy_set.hpp>

#include <set>
#include <string>
#include <string_view>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

/// The version in force on the as-of day (the request's, else `as_of`), its errors at `/as_of`.
const policy::PolicyVersion& version_for(const policy::PolicySet& set, const AccountRequest& request,
                                         std::optional<Date>& as_of) {
    if (request.as_of) as_of = request.as_of;
    if (!as_of)
        throw Error(ErrorCode::not_found, "/as_of",
                    "no as-of date: give as_of in the request (\"2024-06-01\") or --as-of");
    try {
        return set.in_force(*as_of);
    } catch (const Error& e) {
        throw Error(e.code(), "/as_of", e.message());
    }
}

/// Runs an account rule over the request's accounts; its errors name `accounts[i]...`, which
/// become the request's pointers, with the version named for a tier it does not know.
template <class F>
auto over_accounts(const policy::PolicyVersion& v, F&& rule) {
    try {
        return std::forward<F>(rule)();
    } catch (const Error& e) {
        if (!e.field().starts_with("accounts")) throw;
        const std::string message =
            e.code() == ErrorCode::not_found ? "policy version " + v.id + ": " + e.message() : e.message();
        throw Error(e.code(), to_json_pointer(e.field()), message);
    }
}

}  // namespace

AccountRequest read_account_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        AccountRequest r;
        nullable(o, "as_of", r.as_of, date);
        const In accounts = o.req("accounts");
        r.accounts = list(accounts, key_account);
        plain(o, "lang", r.lang, lang);
        o.done();
        std::set<std::string> ids;
        for (std::size_t i = 0; i < r.accounts.size(); ++i)
            if (!ids.insert(r.accounts[i].id.value()).second)
                fail(accounts.at(i).at("id"), ErrorCode::duplicate,
                     "the account \"" + r.accounts[i].id.value() + "\" is given twice");
        return r;
    });
}

PoolAnswer pool(const policy::PolicySet& set, const AccountRequest& request, std::optional<Date> as_of) {
    const policy::PolicyVersion& v = version_for(set, request, as_of);
    PoolAnswer a{.policy_version = v.id, .as_of = *as_of, .accounts = request.accounts.size()};
    a.releases =
        over_accounts(v, [&] { return account::due_for_release(v.account.pool, request.accounts, *as_of); });
    return a;
}

std::string write_pool(const PoolAnswer& answer, Lang lang) {
    Json releases = Json::array();
    for (const account::Release& r : answer.releases) releases.push_back(w_release(r, lang));
    return dump(Json{{"policy_version", answer.policy_version},
                     {"as_of", w(answer.as_of)},
                     {"accounts", answer.accounts},
                     {"releases", releases}});
}

VisitsAnswer visits(const policy::PolicySet& set, const AccountRequest& request, std::optional<Date> as_of) {
    const policy::PolicyVersion& v = version_for(set, request, as_of);
    VisitsAnswer a{.policy_version = v.id, .as_of = *as_of, .accounts = request.accounts.size()};
    a.overdue =
        over_accounts(v, [&] { return account::overdue_visits(v.account.visits, request.accounts, *as_of); });
    return a;
}

std::string write_visits(const VisitsAnswer& answer, Lang lang) {
    Json overdue = Json::array();
    for (const account::OverdueVisit& o : answer.overdue)
        overdue.push_back(Json{{"account", w(o.account)},
                               {"owner", w_opt(o.owner)},
                               {"last_visit", w_opt(o.last_visit)},
                               {"due", w(o.due)},
                               {"overdue_days", w(o.overdue)},
                               {"reason", reason_json(account::visit_reason(o), lang)}});
    return dump(Json{{"policy_version", answer.policy_version},
                     {"as_of", w(answer.as_of)},
                     {"accounts", answer.accounts},
                     {"overdue", overdue}});
}

}  // namespace crm::io
