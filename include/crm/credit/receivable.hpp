#pragma once
/// \file
/// The receivables ledger as the credit area reads it (应收账款, docs/domain.md section 4):
/// open invoice items, the exchange rates that bring them into one currency, and the map from
/// accounts to sales regions. These are the facts a host passes in; the library reads nothing
/// else. Proven by tests/credit/receivable_test.cpp.

#include <crm/core/error.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/fx.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <iosfwd>
#include <span>
#include <string_view>

namespace crm::credit {

/// One open receivable item (an invoice, or an instalment of one, not yet fully paid).
///
/// Units and invariants (checked by every function that reads a ledger, each a crm::Error
/// naming `receivables[i].<member>`):
/// - `open_amount` is what is still owed, >= 0 and a whole number of the currency's minor
///   units (CNY 0.01). A negative item is a credit (a credit note 红字发票, a refund owed, an
///   unapplied receipt 预收款): only a function that declares how it treats credits accepts
///   one (aging with `AgingOptions::credits`, aging_with_credit_column); everywhere else it
///   is an Error, because a credit netted silently would let a payment on one invoice hide
///   another's arrears;
/// - `due_on` may be before `invoiced_on`: a prepayment request (先款后票, the money is asked
///   for before the invoice is issued) is a legitimate item, aged by its due date.
/// `account` is needed only by the per-account and per-region reports (aging, caps); a
/// single-account check ignores it. Proven by tests/credit/receivable_test.cpp.
struct CRM_EXPORT Receivable {
    InvoiceId invoice;  ///< the invoice (发票) the item belongs to
    AccountId account;  ///< the customer that owes it (read only by per-account and per-region reports)
    Date invoiced_on;   ///< the invoice date (开票日), the start of "days since invoice"
    Date due_on;        ///< the due date under the payment terms, the start of "days past due"
    Money open_amount;  ///< what is still owed, in the item's currency (see above)

    /// Memberwise equality.
    friend bool operator==(const Receivable&, const Receivable&) = default;
};
/// `INV-1 2024-01-15 due 2024-02-14 open CNY 1,000.00`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Receivable& r);

/// Exchange rates live in the money vocabulary (crm/money/fx.hpp); these names keep the
/// credit spelling working: `crm::credit::FxRate` is `crm::FxRate`.
using crm::FxRate;
using crm::in_currency;
using crm::validate_rates;

/// The sales region (销售区域) an account belongs to, for roll-ups per region (aging, caps).
/// Proven by tests/credit/aging_test.cpp and tests/credit/caps_test.cpp.
struct CRM_EXPORT AccountRegion {
    AccountId account;  ///< the account
    RegionId region;    ///< the region it belongs to (each account mapped at most once)

    /// Memberwise equality.
    friend bool operator==(const AccountRegion&, const AccountRegion&) = default;
};

namespace detail {
/// Throws crm::Error(code) naming `<prefix>[index].<member>`; out of line so the ledger loops
/// stay small and build strings only when something is wrong.
[[noreturn]] CRM_EXPORT void throw_item_error(ErrorCode code, std::string_view prefix, std::size_t index,
                                              std::string_view member, std::string_view message);

/// True when `m` is a whole number of its currency's minor units.
[[nodiscard]] inline bool whole_minor_units(const Money& m) {
    const int minor = m.currency().minor_units();
    if (m.amount().exponent() >= -minor) return true;
    return round_to_scale(m.amount(), minor, RoundingMode::down) == m.amount();
}

/// Checks every invariant of Receivable; throws as check_receivable says. `allow_credit`
/// accepts a negative open amount (a declared credit).
CRM_EXPORT void check_receivable_fully(const Receivable& r, std::string_view prefix, std::size_t index,
                                       bool allow_credit = false);

/// The invariants of Receivable, checked in the one pass every ledger function makes: a
/// cheap test that passes every well-formed item (a non-negative amount with no more places
/// than the currency's minor unit), and the full check only for the rest (which still
/// accepts `-0` and `1.000`, and throws for anything else).
inline void check_receivable(const Receivable& r, std::string_view prefix, std::size_t index,
                             bool allow_credit = false) {
    const Decimal& a = r.open_amount.amount();
    if ((a.is_signed() && !allow_credit) || a.exponent() < -r.open_amount.currency().minor_units())
        [[unlikely]] {
        check_receivable_fully(r, prefix, index, allow_credit);
    }
}
}  // namespace detail

}  // namespace crm::credit
