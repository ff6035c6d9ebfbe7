#pragma once
/// \file
/// Applying collections to open items (回款核销): from the ledger as invoiced (invoices and
/// their instalments at full amount, credit notes) and the receipts of cash, each item's open
/// amount at an as-of date, by a declared method. Receipts are the same crm::credit::Receipt
/// values the collection report reads (collection.hpp), so its actual collections and the
/// open amounts come from one list. What exposure, aging, turnover and the
/// collection rate read is this result, so a host no longer computes open amounts itself.
/// Proven by tests/credit/application_test.cpp (worked examples, bad input, and properties
/// over generated ledgers).
///
/// ```cpp
/// using namespace crm::credit;
/// AppliedLedger l = apply_collections(items, receipts, as_of, {.method =
/// ApplicationMethod::oldest_due_first}); AgingReport r = aging(l.open, as_of);                       // what
/// is still owed auto with_credit = l.with_credits();                         // + 预收款 as negative items
/// ```

#include <crm/core/ids.hpp>
#include <crm/credit/collection.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/fx.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::credit {

/// One line of the ledger as invoiced, before any cash is applied: an invoice, or one
/// instalment of it (one line per instalment, sharing the invoice id), or a credit note.
///
/// Invariants (apply_collections throws crm::Error naming `items[i].<member>`): `amount` a
/// whole number of minor units in the ledger currency; a negative amount is a credit note
/// or refund (红字发票) and is carried as a credit, never paid; an (invoice, instalment) pair
/// at most once. `due_on` may precede `invoiced_on` (a prepayment request, 先款后票).
struct CRM_EXPORT LedgerItem {
    InvoiceId invoice;       ///< the invoice the line belongs to
    std::string instalment;  ///< the instalment's label ("预付款", "尾款"); empty for a whole invoice
    AccountId account;       ///< the account that owes it
    Date invoiced_on;        ///< the invoice date (开票日)
    Date due_on;             ///< the due date; before invoiced_on for a prepayment request
    Money amount;            ///< the full amount of the line, before collections

    /// Memberwise equality.
    friend bool operator==(const LedgerItem&, const LedgerItem&) = default;
};

/// How receipts are applied to open items. Proven by tests/credit/application_test.cpp.
enum class ApplicationMethod {
    by_reference,      ///< each receipt pays what it names; cash naming nothing stays unapplied
    oldest_due_first,  ///< each account's receipts, in date order, pay its items by due date
    pro_rata,          ///< each receipt is spread over the account's open items by open amount
};
/// The stable name: `by_reference`, `oldest_due_first` or `pro_rata` ("unknown" for a value outside the
/// enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ApplicationMethod m) noexcept;

/// What happens to cash beyond what it may pay (beyond the open amount of the named invoice,
/// or of the whole account).
enum class ExcessPolicy {
    unapplied_credit,  ///< the excess stays as the account's unapplied credit (预收款; the default)
    error,             ///< the receipt is an Error naming `receipts[i].amount`
};
/// The stable name: `unapplied_credit` or `error` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(ExcessPolicy p) noexcept;

/// The declared method, the excess policy and the ledger currency.
struct CRM_EXPORT ApplicationOptions {
    ApplicationMethod method = ApplicationMethod::oldest_due_first;  ///< default oldest due first
    ExcessPolicy excess = ExcessPolicy::unapplied_credit;            ///< default: excess is 预收款
    /// The ledger currency: every item is in it. Not given: the first item's (else the first
    /// receipt's, else CNY).
    std::optional<Currency> currency;
    std::span<const FxRate> rates;  ///< receipts in other currencies into the ledger currency
    RoundingMode conversion_rounding = RoundingMode::half_up;  ///< of a converted receipt (四舍五入)
};

/// Part of a receipt applied to an item (indices into the inputs), in the ledger currency.
struct CRM_EXPORT Application {
    std::size_t receipt = 0;  ///< index into the receipts
    std::size_t item = 0;     ///< index into the items
    Money amount;             ///< applied, > 0

    /// Memberwise equality.
    friend bool operator==(const Application&, const Application&) = default;
};

/// Cash of a receipt that paid nothing (预收款): in the ledger currency, > 0.
struct CRM_EXPORT UnappliedCredit {
    std::size_t receipt = 0;  ///< index into the receipts
    std::string id;           ///< the receipt's id
    AccountId account;        ///< whose credit it is
    Date received_on;         ///< when the cash came in
    Money amount;             ///< the credit, > 0

    /// Memberwise equality.
    friend bool operator==(const UnappliedCredit&, const UnappliedCredit&) = default;
};

/// The ledger after collections.
///
/// Invariants (the properties of tests/credit/application_test.cpp): `open` has one entry per
/// item, in input order, with the item's invoice, account and dates; an invoice's open amount
/// is between 0 and its amount, a credit note's is its (negative) amount; for every receipt
/// applied, its applications and its unapplied credit sum exactly to its amount in the ledger
/// currency; an item's amount less its applications is its open amount.
struct CRM_EXPORT AppliedLedger {
    Currency currency;                       ///< the ledger currency
    std::vector<Receivable> open;            ///< per item; paid items stay, at zero
    std::vector<Application> applications;   ///< in the order they were made
    std::vector<UnappliedCredit> unapplied;  ///< in the order they arose
    std::vector<Money> received;             ///< per receipt, in the ledger currency (zero: after as_of)

    /// `open` followed by each unapplied credit as a negative item (its invoice the receipt's
    /// id, invoiced and due on the day received): the input of an aging with credits.
    [[nodiscard]] std::vector<Receivable> with_credits() const;

    /// Memberwise equality.
    friend bool operator==(const AppliedLedger&, const AppliedLedger&) = default;
};

/// Applies the receipts received on or before `as_of` to `items` by `options.method`
/// (receipts after `as_of` are not yet cash: `received` shows zero for them, nothing else).
///
/// - by_reference: a receipt pays the invoice it names, its instalments in due-date order
///   (ties in input order), or only the instalment it names; receipts are taken in date order
///   (ties by receipt id, then input order), so the open amounts do not depend on the order
///   the receipts are given in. Cash naming nothing is unapplied credit.
/// - oldest_due_first: per account, receipts in date order pay the open items in due-date
///   order (ties in input order): no item stays open while a later-due item of the same
///   account is paid.
/// - pro_rata: per account, each receipt in date order is split over the open items in
///   proportion to their open amounts (crm::allocate: whole minor units, largest remainder,
///   ties to the earlier item); cash beyond the account's open total is excess.
/// Excess (beyond the named invoice or instalment, beyond the account) follows
/// `options.excess`.
///
/// Worked example (oldest due first): items INV-1 due 03-01 CNY 100.00, INV-2 due 02-01
/// CNY 50.00; a receipt of CNY 120.00 pays INV-2 (50.00, older) then 70.00 of INV-1: open
/// 30.00 and 0.00.
///
/// Throws crm::Error naming the field, before any result exists: an item amount with
/// fractional cents or in another currency (`items[i].amount`), an (invoice, instalment)
/// twice (duplicate, `items[i].instalment`), a receipt not positive or with fractional
/// cents (`receipts[i].amount`), in another currency without a rate (not_found,
/// `receipts[i].amount`), naming an unknown invoice (not_found, `receipts[i].invoice`) or
/// instalment (`receipts[i].instalment`) or an invoice of another account (inconsistent,
/// `receipts[i].account`), cash beyond the open amount under ExcessPolicy::error
/// (invalid_argument, `receipts[i].amount`), an option outside its enum (`options.method`,
/// `options.excess`), a bad rate (`options.rates[i].rate`).
[[nodiscard]] CRM_EXPORT AppliedLedger apply_collections(std::span<const LedgerItem> items,
                                                         std::span<const Receipt> receipts, Date as_of,
                                                         const ApplicationOptions& options = {});

}  // namespace crm::credit
