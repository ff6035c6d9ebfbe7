#pragma once
/// \file
/// The annual sales agreement (年度销售协议, docs/domain.md section 3): parties and
/// signatories, validity, currency, committed revenue per product group and quarter, agreed
/// prices, a rebate schedule, payment terms, the credit limit granted, version, lifecycle state
/// and history. An aggregate; `validate()` throws crm::Error naming the field. Proven by
/// tests/contract/agreement_test.cpp.
///
/// ```cpp
/// crm::contract::Agreement a{
///     .id = crm::AgreementId{"AG-2025-001"}, .account = crm::AccountId{"ACME"},
///     .signer = crm::PersonId{"li"}, .starts = crm::Date(2025, 1, 1), .ends = crm::Date(2025, 12, 31),
///     .currency = crm::Currency{"CNY"},
///     .commitments = {{.group = crm::ProductGroupId{"pumps"}, .annual = crm::Money{"1200000", "CNY"},
///                      .quarters = {crm::Money{"300000", "CNY"}, /* x4 */}}},
/// };
/// ```

#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/pricing/rebate.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/time/date.hpp>

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::contract {

/// Lifecycle states (domain.md section 3). `expired`, `terminated` and `renewed` are terminal.
/// `signed_` carries a trailing underscore because `signed` is a C++ keyword; to_string gives "signed".
enum class State { draft, in_review, approved, signed_, active, expired, terminated, renewed };
/// "draft", "in_review", ... as the enumerator is spelt.
[[nodiscard]] CRM_EXPORT std::string_view to_string(State s) noexcept;
/// Prints to_string(s).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, State s);
/// True for expired, terminated and renewed: no event leaves them.
[[nodiscard]] constexpr bool is_terminal(State s) noexcept {
    return s == State::expired || s == State::terminated || s == State::renewed;
}

/// What happens to an agreement (lifecycle.hpp lists which event is allowed in which state).
enum class Event { submit, reject, approve, sign, activate, expire, terminate, renew };
/// The stable name, as the enumerator is spelt: `submit`, `reject`, `approve`, `sign`, `activate`, `expire`,
/// `terminate` or `renew` ("?" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Event e) noexcept;
/// Prints to_string(e).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Event e);

/// A party to the agreement (甲方 the customer, 乙方 us) and who signs for it.
struct CRM_EXPORT Party {
    std::string name;       ///< the legal name
    std::string signatory;  ///< the person who signs for the party
    std::string title;      ///< the signatory's title ("采购总监")
    /// Memberwise equality.
    friend bool operator==(const Party&, const Party&) = default;
};

/// Committed revenue of one product group: the annual figure and its split over the four
/// quarters of the agreement year (quarter 1 starts on `Agreement::starts`; see quarter_of).
/// Invariant (validate): all amounts in the agreement's currency, not negative, and the
/// quarters sum exactly to `annual`.
struct CRM_EXPORT Commitment {
    ProductGroupId group;  ///< the product group (产品组) committed; once per agreement
    Money annual;          ///< the committed annual revenue of the group, >= 0
    /// Its split over the four quarters of the agreement year; sums exactly to `annual`.
    std::array<Money, 4> quarters;
    /// Memberwise equality.
    friend bool operator==(const Commitment&, const Commitment&) = default;
};

/// An agreed unit price (协议价) for one product and unit, in the agreement's currency. Review
/// prices the product through the RuleBook for its list price, floor and authority.
struct CRM_EXPORT AgreedPrice {
    ProductId product;        ///< the product priced
    std::string unit = "EA";  ///< the unit of measure the price is per; once per product
    Decimal price;            ///< per unit, may carry more places than the currency
    /// Memberwise equality.
    friend bool operator==(const AgreedPrice&, const AgreedPrice&) = default;
};

/// One recorded transition: the states before and after, the event, who did it and when.
struct CRM_EXPORT HistoryEntry {
    State from = State::draft;    ///< the state before the event
    State to = State::draft;      ///< the state after it
    Event event = Event::submit;  ///< what happened
    PersonId actor;               ///< who did it
    Date on;                      ///< the day it happened; entries are chronological
    /// Memberwise equality.
    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};
/// Prints `<on> <from> -<event>-> <to> by <actor>`, e.g. `2025-01-10 draft -submit-> in_review by wang`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const HistoryEntry& h);

/// The annual sales agreement. Amounts are revenue (net of tax) in `currency`.
///
/// Invariants (validate()): id, account and signer not empty; `ends` not before `starts` and at
/// least in the fourth quarter (ends >= add_months(starts, 9)); at least one commitment, no
/// product group twice, quarters summing to the annual figure; agreed prices not negative, no
/// product+unit twice; the rebate scheme valid (pricing::validate_rebate) and in `currency`;
/// the payment terms valid; the credit limit in `currency` and not negative; version >= 1;
/// the history chronological.
struct CRM_EXPORT Agreement {
    AgreementId id;       ///< the agreement's number (合同编号); not empty
    AccountId account;    ///< the customer account it is with; not empty
    Party customer;       ///< 甲方
    Party supplier;       ///< 乙方 (our company)
    PersonId signer;      ///< our signatory, a person of the org chart (requester of the approval)
    std::string tier;     ///< the account's tier, for pricing conditions
    std::string segment;  ///< the account's segment name ("government", ...), for pricing and approval
    RegionId region;      ///< the sales region, for pricing and approval
    Date starts;          ///< first day of validity (inclusive)
    Date ends;            ///< last day of validity (inclusive)
    Currency currency;    ///< the currency of every amount of the agreement
    std::vector<Commitment> commitments;  ///< committed revenue per product group; at least one
    std::vector<AgreedPrice> prices;      ///< agreed unit prices (协议价); may be empty
    /// The rebate scheme (返利); none when the agreement grants no rebate.
    std::optional<pricing::RebateScheme> rebate;
    /// The payment terms (付款条件); default net 30 days.
    terms::PaymentTerms payment_terms = terms::PaymentTerms::net(Days{30});
    Money credit_limit;                ///< the credit limit granted with the agreement
    std::vector<std::string> clauses;  ///< the names of the clauses the text contains ("warranty", ...)
    /// The agreement's version, >= 1; default 1. A rejection (Event::reject) raises it, so the
    /// reworked draft is reviewed and approved as a new version (the review's approval request names it).
    int version = 1;
    State state = State::draft;         ///< where the agreement is in its lifecycle; default draft
    std::vector<HistoryEntry> history;  ///< the transitions so far, chronological; empty for a new draft
    std::optional<AgreementId> renews;  ///< the agreement this one renews, if any
    /// The contract's total as its text states it in capital numerals (合同金额大写, e.g.
    /// 壹佰贰拾万元整), if the text states one; review checks it against committed_revenue().
    std::optional<std::string> amount_in_words;

    /// Throws crm::Error naming `agreement.<member>` (see the invariants above).
    void validate() const;

    /// Sum of the annual commitments.
    [[nodiscard]] Money committed_revenue() const;
    /// The number of days of validity, both ends included.
    [[nodiscard]] Days term_days() const noexcept { return (ends - starts) + Days{1}; }

    /// Memberwise equality.
    friend bool operator==(const Agreement&, const Agreement&) = default;
};
/// Prints `agreement <id> v<version> (<account>, <starts>..<ends>, <state>)`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Agreement& a);

/// First and last day (inclusive) of quarter `q` (0..3) of the agreement year: quarter q starts
/// at add_months(starts, 3q); quarters 0..2 end the day before the next starts, quarter 3 ends
/// on `ends`. (2025-01-01..2025-12-31: Q1 Jan-Mar, ..., Q4 Oct-Dec.)
struct CRM_EXPORT QuarterSpan {
    Date first;  ///< the quarter's first day
    Date last;   ///< the quarter's last day, inclusive
    /// Memberwise equality.
    friend bool operator==(const QuarterSpan&, const QuarterSpan&) = default;
};
/// The days of quarter `q` (0 to 3) as described above; throws crm::Error(invalid_argument) naming `quarter`
/// for q > 3.
[[nodiscard]] CRM_EXPORT QuarterSpan quarter_of(const Agreement& a, unsigned q);

}  // namespace crm::contract
