#pragma once
/// \file
/// The answers to the questions a host asks through the documents, and their JSON documents:
/// the credit check of one order, the aging of a ledger, the lints of a policy set. The `crm`
/// command line (`--format json`) and the C ABI (include/crm/c/crmrules.h) both compute the
/// answer with these functions and write it with these writers, so both give the same
/// document. Money in an answer is a string (`"400000.00"`, or `"CNY 400,000.00"` in a
/// reason's figures), never a JSON number. Documents are written with sorted keys, two-space
/// indentation and a final newline. Proven by tests/io/response_test.cpp.

#include <crm/core/decision.hpp>
#include <crm/credit/aging.hpp>
#include <crm/export.hpp>
#include <crm/io/json.hpp>
#include <crm/policy/policy_set.hpp>

#include <span>
#include <string>
#include <vector>

namespace crm::io {

/// A credit check of one order and the policy version it was checked against.
struct CRM_EXPORT CreditCheck {
    OrderId order{};               ///< the order checked
    AccountId account{};           ///< its account
    Date as_of{};                  ///< the date of the check
    std::string policy_version{};  ///< the id of the policy version in force at `as_of`
    Decision decision{};           ///< the outcome and its reasons
};

/// Checks `order` against the credit policy row of the account's tier and segment in the
/// version of `set` in force at `as_of` (credit::check_order). Throws crm::Error as
/// PolicySet::in_force, policy::credit_policy and credit::check_order do.
[[nodiscard]] CRM_EXPORT CreditCheck check_order(const policy::PolicySet& set, const CreditAccount& account,
                                                 const credit::Order& order, Date as_of);

/// `{"account", "as_of", "order", "outcome", "policy_version", "reasons": [{"code", "figures",
/// "severity", "text"}]}`: each reason's text in `lang`, its figures as the text shows them.
[[nodiscard]] CRM_EXPORT std::string write_credit_check(const CreditCheck& check, Lang lang);

/// One line of an aging table: an account, a region, or the total.
struct CRM_EXPORT AgingLine {
    std::string key;             ///< the account id, the region id, or "合计" / "total"
    credit::AgingReport report;  ///< its amounts by bucket
};

/// An aging by the scope asked for: a line per account (by account id) or per region (by
/// region id), then the total line, whose key is "合计" (zh) or "total" (en); only the total
/// line for AgingScope::total.
struct CRM_EXPORT AgingTable {
    Date as_of{};                       ///< the date aged at
    AgingScope by = AgingScope::total;  ///< what the lines are
    std::vector<AgingLine> lines{};     ///< the lines, the total last

    /// The last line (the whole ledger).
    [[nodiscard]] const credit::AgingReport& total() const { return lines.back().report; }
};

/// Ages `ledger` at `as_of` into `buckets` (credit::aging, aging_by_account, aging_by_region),
/// in the ledger's currency with its rates. Throws crm::Error as those do (an account without
/// a region for AgingScope::region: not_found naming `regions`).
[[nodiscard]] CRM_EXPORT AgingTable aging_table(const ReceivablesLedger& ledger, Date as_of,
                                                const credit::AgingBuckets& buckets, credit::AgingBasis basis,
                                                AgingScope by, Lang lang);

/// `{"as_of", "basis", "by", "currency", "rows": [{"buckets": [{"amount", "bucket", "items"}],
/// "key", "total"}]}`, amounts as plain decimal strings in the report currency.
[[nodiscard]] CRM_EXPORT std::string write_aging(const AgingTable& table);

/// `{"company", "findings": [{"code", "field", "figures", "severity", "text"}], "valid": true,
/// "versions": [{"effective_from", "id"}]}`: what `set.validate()` found, texts in `lang`.
[[nodiscard]] CRM_EXPORT std::string write_validation(const policy::PolicySet& set,
                                                      std::span<const policy::Finding> findings, Lang lang);

}  // namespace crm::io
