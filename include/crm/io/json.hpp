#pragma once
/// \file
/// JSON documents for policies and facts (see docs/documents.md for every document with an
/// example). The rules every reader keeps:
/// - money, decimals and percents are JSON strings (`"1000000.00"`, `"85%"`); a JSON number
///   where one is expected is an error, because a binary floating-point number cannot carry
///   money exactly; day counts and months are JSON integers; dates are ISO 8601 strings
///   (`"2025-03-01"`); enumerations are their stable names (`"half_up"`, `"block"`);
/// - an unknown key is an error (a typo never falls back to a default); a key left out takes
///   the documented default; `null` means "not given" where a member is optional (a
///   `warn_utilisation` of `null` never warns, one left out warns at the default 90%);
/// - every error is one crm::Error whose `field()` is the JSON Pointer of the offending value
///   (`/versions/0/credit/policies/2/warn_utilisation`, RFC 6901) and whose message starts with
///   the file, line and column (`policy.json:14:32: ...`, 1-based, columns in characters);
///   malformed JSON, a truncated file, invalid UTF-8, a number beyond range and a key given
///   twice in one object are errors too (code parse_error, or overflow for a huge number);
/// - a document read is validated as the library validates the value (PolicySet::validate
///   for a policy set), its errors mapped back to the JSON Pointer and position.
/// Writers are canonical: keys sorted, every member written (defaults included), two-space
/// indentation, a final newline, so that a policy file diffs well; reading what a writer wrote
/// gives the same value. Proven by tests/io/json_test.cpp and tests/io/json_roundtrip_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/policy.hpp>
#include <crm/credit/profile.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/policy/policy_set.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// The facts of one account's credit check: its profile, tier and segment (which pick the
/// credit policy row), and what it owes and has on order. `snapshot()` is the view the credit
/// check reads (it refers to this value's vectors).
struct CRM_EXPORT CreditAccount {
    credit::CreditProfile profile{};  ///< `profile`: limit (信用额度), currency, terms, hold, rating
    std::string tier{};               ///< `tier` (客户等级, e.g. `A`); required in the document
    std::string segment{};            ///< `segment` (客户类型); may be left out (empty: none)
    /// `receivables`: the account's open items (应收账款); left out or empty: nothing owed.
    std::vector<credit::Receivable> receivables{};
    /// `open_orders`: accepted orders not yet shipped or invoiced; left out or empty: none.
    std::vector<credit::Order> open_orders{};
    /// `shipped_not_invoiced`: goods shipped but not yet invoiced (发出商品); left out or empty: none.
    std::vector<credit::Order> shipped_not_invoiced{};
    /// `rates`: exchange rates into the profile's currency, one per other currency that appears;
    /// left out or empty: every amount is in the profile's currency.
    std::vector<credit::FxRate> rates{};

    /// The facts as the credit check reads them; it borrows this value's vectors, so it must not
    /// outlive this value (nor survive a change to its vectors).
    [[nodiscard]] credit::CreditSnapshot snapshot() const noexcept {
        return {.receivables = receivables,
                .open_orders = open_orders,
                .shipped_not_invoiced = shipped_not_invoiced,
                .rates = rates};
    }
    /// Memberwise equality.
    friend bool operator==(const CreditAccount&, const CreditAccount&) = default;
};

/// A receivables ledger: open items of any number of accounts, the report currency (when not
/// given: the first item's), exchange rates into it, and the accounts' sales regions.
struct CRM_EXPORT ReceivablesLedger {
    std::optional<Currency> currency{};             ///< `currency`; none (null or left out): the first item's
    std::vector<credit::Receivable> receivables{};  ///< `receivables`: the open items, any accounts
    /// `rates`: exchange rates into the report currency, one per other currency that appears.
    std::vector<credit::FxRate> rates{};
    /// `regions`: each account's sales region (销售区域), for an aging by region; empty: none.
    std::vector<credit::AccountRegion> regions{};

    /// Memberwise equality.
    friend bool operator==(const ReceivablesLedger&, const ReceivablesLedger&) = default;
};

/// Reads a policy set document and validates it (PolicySet::validate); `file` names the text
/// in error messages. Throws crm::Error as the file comment says.
[[nodiscard]] CRM_EXPORT policy::PolicySet read_policy_set(std::string_view text,
                                                           std::string_view file = "<input>");
/// The canonical document of `set`. Throws crm::Error(invalid_operation) naming the path
/// (`versions[0].account.sla`) of a part this version of the documents cannot write yet (the
/// complaint SLA and scoring sections, and payment terms: see
/// docs/documents.md) when it differs from its default, so nothing is dropped silently.
[[nodiscard]] CRM_EXPORT std::string write_policy_set(const policy::PolicySet& set);

/// Reads a credit account document (profile, tier, segment, receivables, orders, rates).
[[nodiscard]] CRM_EXPORT CreditAccount read_credit_account(std::string_view text,
                                                           std::string_view file = "<input>");
/// The canonical document of `account` (payment terms other than the default cannot be
/// written yet: crm::Error(invalid_operation) naming `profile.terms`).
[[nodiscard]] CRM_EXPORT std::string write_credit_account(const CreditAccount& account);

/// Reads an order document: `{"id": "SO-1", "amount": {"amount": "1000.00", "currency": "CNY"}}`.
[[nodiscard]] CRM_EXPORT credit::Order read_order(std::string_view text, std::string_view file = "<input>");
/// The canonical document of `order`, which read_order reads back to an equal value.
[[nodiscard]] CRM_EXPORT std::string write_order(const credit::Order& order);

/// Reads a receivables ledger document; every item is checked as the ledger functions check
/// it (`/receivables/3/open_amount` for an amount finer than the currency's minor unit, such as
/// CNY 10.001; an item due before it was invoiced is a prepayment request and is accepted).
[[nodiscard]] CRM_EXPORT ReceivablesLedger read_receivables(std::string_view text,
                                                            std::string_view file = "<input>");
/// The canonical document of `ledger` (`"currency": null` when it has none), which
/// read_receivables reads back to an equal value.
[[nodiscard]] CRM_EXPORT std::string write_receivables(const ReceivablesLedger& ledger);

// ---- requests: one question and the documents it is about --------------------------------------
// What a host sends to ask one question (the C ABI's crm_call, include/crm/c/crmrules.h): the
// fact documents above as members of one request object, so an error's JSON Pointer and
// position are those of the request as sent (`/account/profile/limit`, `request.json:3:14`).

/// What an aging groups its lines by: one total line, or a line per account or per region
/// (each followed by the total).
enum class AgingScope { total, account, region };
/// "total", "account" or "region".
[[nodiscard]] CRM_EXPORT std::string_view to_string(AgingScope scope) noexcept;

/// A credit check of one order:
/// `{"account": <credit account>, "order": <order>, "as_of": "2025-03-01", "lang": "zh"}`;
/// `lang` (of the reasons' texts: "zh" or "en") may be left out (zh).
struct CRM_EXPORT CheckOrderRequest {
    CreditAccount account{};  ///< `account`: a credit account document
    credit::Order order{};    ///< `order`: an order document
    Date as_of{};             ///< `as_of`: the date of the check
    Lang lang = Lang::zh;     ///< `lang`: of the reasons' texts
};
/// Reads a check-order request; `file` names the text in error messages. Throws crm::Error as
/// the file comment says, with the request's pointers (`/account/profile/limit`).
[[nodiscard]] CRM_EXPORT CheckOrderRequest read_check_order_request(std::string_view text,
                                                                    std::string_view file = "<request>");

/// An aging of a ledger: `{"receivables": <receivables ledger>, "as_of": "2025-03-01",
/// "basis": "days_past_due", "by": "total", "buckets": [...], "lang": "zh"}`. Left out:
/// `basis` days_past_due, `by` total, `lang` zh, `buckets` (or null) those of the policy
/// version in force at as_of; given, they are checked as a policy's `credit.aging_buckets`
/// (`/buckets/2/from_days` for a gap).
struct CRM_EXPORT AgingRequest {
    ReceivablesLedger receivables{};                               ///< `receivables`: a ledger document
    Date as_of{};                                                  ///< `as_of`: the date to age at
    credit::AgingBasis basis = credit::AgingBasis::days_past_due;  ///< `basis`
    AgingScope by = AgingScope::total;                             ///< `by`: the lines
    std::optional<credit::AgingBuckets> buckets{};                 ///< `buckets`; nullopt: the policy's
    Lang lang = Lang::zh;                                          ///< `lang`: of the total line's key
};
/// Reads an aging request; `file` names the text in error messages. Throws crm::Error as the
/// file comment says (`/buckets/1/from_days`, `/receivables/receivables/0/open_amount`).
[[nodiscard]] CRM_EXPORT AgingRequest read_aging_request(std::string_view text,
                                                         std::string_view file = "<request>");

/// The lints of a policy set: `{"lang": "zh"}` (or `{}`).
struct CRM_EXPORT ValidateRequest {
    Lang lang = Lang::zh;  ///< `lang`: of the findings' texts
};
/// Reads a validate request; `file` names the text in error messages. Throws crm::Error.
[[nodiscard]] CRM_EXPORT ValidateRequest read_validate_request(std::string_view text,
                                                               std::string_view file = "<request>");

/// A 1-based position in a text: the line, and the column counted in characters (UTF-8 code
/// points), as an editor shows it.
struct CRM_EXPORT TextPosition {
    std::size_t line = 1;    ///< 1-based; a line ends at each `\n`
    std::size_t column = 1;  ///< 1-based, in UTF-8 code points from the line's start
    /// Memberwise equality.
    friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

/// The position of byte `offset` of `text` (clamped to its end).
[[nodiscard]] CRM_EXPORT TextPosition position_of(std::string_view text, std::size_t offset) noexcept;

/// The byte offset of the value at JSON Pointer `pointer` in the JSON `text`, or of its
/// deepest ancestor present when the value is not there (a member left out), or 0 when `text`
/// is not JSON. The root pointer is "".
[[nodiscard]] CRM_EXPORT std::size_t locate(std::string_view text, std::string_view pointer) noexcept;

/// A library path (`versions[1].credit.policies[2].warn_utilisation`) as a JSON Pointer
/// (`/versions/1/credit/policies/2/warn_utilisation`); `~` and `/` in a name are escaped.
[[nodiscard]] CRM_EXPORT std::string to_json_pointer(std::string_view path);

}  // namespace crm::io
