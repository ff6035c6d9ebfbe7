#pragma once
/// \file
/// What-if replay from documents: the history of past orders as a document (each order with
/// the credit account document of its account on the day it was placed), replayed with
/// replay::replay under two policy sets, and the answer as a document. The readers keep the
/// rules of crm/io/json.hpp. See docs/documents.md ("Replay history"). Proven by
/// tests/io/replay_request_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/replay/replay.hpp>

#include <string>
#include <string_view>

namespace crm::io {

/// Reads a replay history: `{"orders": [...], "people": [...], "pool": [...]}`. Each order is
/// `{"order": {"id", "amount"}, "placed": "2025-03-01", "account": {...}, "region", "requester"}`
/// with, optionally, `"discount"` (a percent, or null), `"lines": [{"product", "unit",
/// "currency", "quantity"}]` and `"budgets": [{"rule", "remaining"}]`. The order's `account` is
/// a credit account document: it gives the order's account (its profile's `account`), tier,
/// segment, profile, receivables, open orders, goods shipped not invoiced and rates on that day.
/// Each pool run is `{"as_of", "accounts": [...]}`, the key accounts of an account request
/// (crm/io/account.hpp), each id once. `people` and `pool` may be left out (none). Throws
/// crm::Error naming the JSON Pointer.
[[nodiscard]] CRM_EXPORT replay::History read_replay_history(std::string_view text,
                                                             std::string_view file = "<history>");

/// The JSON Pointer in the history document of a field replay::replay names: the members the
/// credit account document carries move under it (`orders[1].tier` is `/orders/1/account/tier`,
/// `orders[0].profile.limit` `/orders/0/account/profile/limit`), `history.people[2].role` is
/// `/people/2/role`, the others keep their place (`orders[3].placed`).
[[nodiscard]] CRM_EXPORT std::string history_pointer(std::string_view field);

/// Whether `field`, of an error replay::replay threw, names a value of the history
/// (`orders[2].tier`, `pool[0].accounts[1].tier`, `history.people[0].role`), so history_pointer
/// locates it in the history document; not one of a policy set (`new_set.versions[0]...`) nor
/// an option (`options.threads`).
[[nodiscard]] CRM_EXPORT bool names_history(std::string_view field) noexcept;

/// The answer as a document: `{"currency", "stopped", "total", "regions", "reasons": [{"key",
/// "orders", "credit_tighter", "credit_looser", "newly_blocked", "approval_tighter",
/// "approval_looser", "price_tighter", "price_looser", "priced_higher", "priced_lower"} each a
/// tally `{"orders", "amount"}`], "cases": [{"index", "order", "account", "region", "placed",
/// "amount", "credit", "approval", "price", "reason", "price_reason", "price_change", "before"
/// and "after": {"policy_version", "outcome", "reasons" (code, severity, text in `lang`,
/// figures), "approval": [{"stage", "level", "rank", "rule"}], "approval_rank", "net_total"
/// (null without lines), "price": {"outcome", "reasons"}, "price_rank"}}], "pool" and
/// "pool_regions": [{"key", "accounts", "released_before", "released_after", "tighter",
/// "looser"}], "pool_cases": [{"run", "index", "as_of", "account", "region", "tier", "owner",
/// "before_version", "after_version", "shift", "before" and "after": a release as `crm pool`
/// writes it, or null when kept}]}`.
[[nodiscard]] CRM_EXPORT std::string write_replay(const replay::ReplayResult& result, Lang lang);

/// The answer for people, in `lang`: the totals, a line per region and per reason, then the
/// cases, one line each (`SO-1 K1 east CNY 650,000.00: credit needs_approval -> block
/// (credit.over_tolerance); approval none -> regional_manager`), then the pool runs' counts and
/// the accounts whose status moves (`2025-03-01 K2 north C wang: kept -> released (no deal)`).
[[nodiscard]] CRM_EXPORT std::string explain_replay(const replay::ReplayResult& result, Lang lang);

}  // namespace crm::io
