#pragma once
/// \file
/// The inputs of a credit check (docs/domain.md section 4): the account's credit profile,
/// and a snapshot of what it owes and has on order. The caller passes them; the library reads
/// nothing else (no database, no clock). Proven by tests/credit/exposure_test.cpp and
/// tests/credit/check_test.cpp.

#include <crm/core/ids.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/money/money.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/time/date.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>

namespace crm::credit {

/// A credit hold (信用冻结) placed on an account, with the reason given for it.
/// Proven by tests/credit/check_test.cpp ("an account on hold ...").
struct CreditHold {
    std::string reason;         ///< shown in the `credit.on_hold` explanation, e.g. "冻结: 诉讼中"
    std::optional<Date> since;  ///< when the hold was placed, if known

    friend bool operator==(const CreditHold&, const CreditHold&) = default;
};

/// An account's credit profile (信用档案): limit, currency, an optional hold, a rating, the date
/// the limit was last reviewed, and the payment terms.
///
/// The profile's currency is the limit's currency: every exposure of the account is stated in
/// it, and the policy's amounts must be in it too. Invariant: limit >= 0 (a zero limit is a
/// cash-only account, 款到发货). `rating` and `terms` are carried for the host and for later
/// rules (contract review); the check reads due dates from the receivables, not from the terms.
/// Proven by tests/credit/check_test.cpp and tests/credit/exposure_test.cpp.
struct CreditProfile {
    AccountId account;
    Money limit;                     ///< the credit limit (信用额度), in the profile's currency
    std::optional<CreditHold> hold;  ///< on hold when given
    std::string rating;              ///< the credit rating as the host names it ("AA", "B")
    Date limit_reviewed_on;          ///< the last review of the limit (see Policy::limit_valid_months)
    terms::PaymentTerms terms;       ///< the account's payment terms (付款条件)

    /// The currency of the limit, the one every exposure is stated in.
    [[nodiscard]] Currency currency() const noexcept { return limit.currency(); }

    /// Throws crm::Error(invalid_argument) naming `profile.limit` when the limit is negative.
    void validate(std::string_view field = "profile") const;

    friend bool operator==(const CreditProfile&, const CreditProfile&) = default;
};

/// An order's credit-relevant amount: an open order not yet invoiced, the not-yet-invoiced
/// value of goods shipped on an order, or the order being checked. Invariant: amount >= 0
/// (checked where it is read, naming e.g. `snapshot.open_orders[3].amount` or `order.amount`).
/// Any currency with a rate into the profile's currency. Proven by tests/credit/exposure_test.cpp.
struct Order {
    OrderId id;
    Money amount;

    friend bool operator==(const Order&, const Order&) = default;
};
/// `SO-1 CNY 1,000.00`.
std::ostream& operator<<(std::ostream& os, const Order& o);

/// Everything the account owes or has on order at the as-of date, as views of the caller's
/// data (the caller keeps it alive for the call).
///
/// - `receivables`: open invoice items (their `account` is not read by the check);
/// - `open_orders`: accepted orders not yet shipped or invoiced; an entry whose non-empty id
///   equals the checked order's id is that order's earlier version and is replaced by it, not
///   added (a changed order is checked at its new amount, a reopened one is never counted
///   twice);
/// - `shipped_not_invoiced`: goods shipped, invoice not yet issued (发出商品), per order;
/// - `rates`: a rate into the profile's currency for every other currency that appears.
/// Proven by tests/credit/exposure_test.cpp and tests/credit/check_test.cpp ("a changed order
/// replaces its earlier open version ...").
struct CreditSnapshot {
    std::span<const Receivable> receivables;
    std::span<const Order> open_orders;
    std::span<const Order> shipped_not_invoiced;
    std::span<const FxRate> rates;
};

}  // namespace crm::credit
