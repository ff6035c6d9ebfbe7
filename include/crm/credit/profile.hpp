#pragma once
/// \file
/// The inputs of a credit check (docs/domain.md section 4): the account's credit profile,
/// and a snapshot of what it owes and has on order. The caller passes them; the library reads
/// nothing else (no database, no clock). Proven by tests/credit/exposure_test.cpp and
/// tests/credit/check_test.cpp.

#include <crm/core/ids.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <type_traits>

namespace crm::credit {

/// A credit hold (信用冻结) placed on an account, with the reason given for it.
/// Proven by tests/credit/check_test.cpp ("an account on hold ...").
struct CRM_EXPORT CreditHold {
    std::string reason;         ///< shown in the `credit.on_hold` explanation, e.g. "冻结: 诉讼中"
    std::optional<Date> since;  ///< when the hold was placed, if known

    /// Memberwise equality.
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
struct CRM_EXPORT CreditProfile {
    AccountId account;               ///< the account the profile belongs to
    Money limit;                     ///< the credit limit (信用额度), in the profile's currency
    std::optional<CreditHold> hold;  ///< on hold when given
    std::string rating;              ///< the credit rating as the host names it ("AA", "B")
    /// The last review of the limit (see Policy::limit_valid_months). Not given: the host
    /// does not track reviews, and no expiry is checked (a profile with only an account and a
    /// limit is never blocked as `credit.limit_expired`).
    std::optional<Date> limit_reviewed_on;
    terms::PaymentTerms terms;  ///< the account's payment terms (付款条件)

    /// The currency of the limit, the one every exposure is stated in.
    [[nodiscard]] Currency currency() const noexcept { return limit.currency(); }

    /// Throws crm::Error(invalid_argument) naming `profile.limit` when the limit is negative.
    void validate(std::string_view field = "profile") const;

    /// Memberwise equality.
    friend bool operator==(const CreditProfile&, const CreditProfile&) = default;
};

/// An order's credit-relevant amount: an open order not yet invoiced, the not-yet-invoiced
/// value of goods shipped on an order, or the order being checked. Invariant: amount >= 0 and
/// a whole number of its currency's minor units (CNY 0.01; CNY 0.001 is refused), checked
/// where it is read, naming e.g. `snapshot.open_orders[3].amount` or `order.amount`.
/// Any currency with a rate into the profile's currency. Proven by tests/credit/exposure_test.cpp.
struct CRM_EXPORT Order {
    OrderId id;  ///< the order's number; empty when not known (an empty id never replaces an open order)
    /// The order's credit-relevant amount, >= 0, a whole number of minor units, in any currency with a rate.
    Money amount;

    /// Memberwise equality.
    friend bool operator==(const Order&, const Order&) = default;
};
/// `SO-1 CNY 1,000.00`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Order& o);

/// A read-only view of items the caller owns and keeps alive for the call (a span that
/// cannot be bound to a temporary container).
///
/// It binds to anything contiguous of `T` that outlives the expression: a named vector or
/// array, a C array, a std::span. A temporary container (`std::vector<Receivable>{...}`
/// written inside the braces of a CreditSnapshot) does not compile, because the view would
/// dangle at the end of the full expression: std::ranges::borrowed_range is false for it.
/// Proven by tests/credit/exposure_test.cpp (static_asserts on what does and does not bind).
template <class T>
class Borrowed {
public:
    /// No items.
    constexpr Borrowed() noexcept = default;
    /// A view of `items`, which must be a borrowed range (an lvalue container or a span).
    template <class R>
        requires(!std::is_same_v<std::remove_cvref_t<R>, Borrowed> && std::ranges::contiguous_range<R> &&
                 std::ranges::sized_range<R> && std::ranges::borrowed_range<R> &&
                 std::is_same_v<std::ranges::range_value_t<R>, T>)
    constexpr Borrowed(R&& items) noexcept  // NOLINT(google-explicit-constructor): a view, like span
        : items_(std::ranges::data(items), std::ranges::size(items)) {}

    /// The items as a span.
    [[nodiscard]] constexpr std::span<const T> span() const noexcept { return items_; }
    /// Converts to the span a function over a ledger takes.
    constexpr operator std::span<const T>() const noexcept { return items_; }  // NOLINT: a view
    /// The number of items.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return items_.size(); }
    /// True when there are no items.
    [[nodiscard]] constexpr bool empty() const noexcept { return items_.empty(); }
    /// The item at `i` (unchecked, as span).
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }
    /// The first item.
    [[nodiscard]] constexpr auto begin() const noexcept { return items_.begin(); }
    /// Past the last item.
    [[nodiscard]] constexpr auto end() const noexcept { return items_.end(); }

private:
    std::span<const T> items_;
};

/// Everything the account owes or has on order at the as-of date, as views of the caller's
/// data (the caller keeps it alive for the call; a temporary container does not compile, see
/// Borrowed).
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
struct CRM_EXPORT CreditSnapshot {
    Borrowed<Receivable> receivables;      ///< open invoice items (应收账款), as described above
    Borrowed<Order> open_orders;           ///< accepted orders not yet shipped or invoiced
    Borrowed<Order> shipped_not_invoiced;  ///< goods shipped whose invoice is not yet issued (发出商品)
    Borrowed<FxRate> rates;  ///< rates into the profile's currency, one per other currency that appears
};

}  // namespace crm::credit
