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
CRM_EXPORT std::ostream& operator<<(std::ostream& os, State s);
/// True for expired, terminated and renewed: no event leaves them.
[[nodiscard]] constexpr bool is_terminal(State s) noexcept {
    return s == State::expired || s == State::terminated || s == State::renewed;
}

/// What happens to an agreement (lifecycle.hpp lists which event is allowed in which state).
enum class Event { submit, reject, approve, sign, activate, expire, terminate, renew };
[[nodiscard]] CRM_EXPORT std::string_view to_string(Event e) noexcept;
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Event e);

/// A party to the agreement (甲方 the customer, 乙方 us) and who signs for it.
struct CRM_EXPORT Party {
    std::string name;       ///< the legal name
    std::string signatory;  ///< the person who signs for the party
    std::string title;      ///< the signatory's title ("采购总监")
    friend bool operator==(const Party&, const Party&) = default;
};

/// Committed revenue of one product group: the annual figure and its split over the four
/// quarters of the agreement year (quarter 1 starts on `Agreement::starts`; see quarter_of).
/// Invariant (validate): all amounts in the agreement's currency, not negative, and the
/// quarters sum exactly to `annual`.
struct CRM_EXPORT Commitment {
    ProductGroupId group;
    Money annual;
    std::array<Money, 4> quarters;
    friend bool operator==(const Commitment&, const Commitment&) = default;
};

/// An agreed unit price (协议价) for one product and unit, in the agreement's currency. Review
/// prices the product through the RuleBook for its list price, floor and authority.
struct CRM_EXPORT AgreedPrice {
    ProductId product;
    std::string unit = "EA";
    Decimal price;  ///< per unit, may carry more places than the currency
    friend bool operator==(const AgreedPrice&, const AgreedPrice&) = default;
};

/// One recorded transition: the states before and after, the event, who did it and when.
struct CRM_EXPORT HistoryEntry {
    State from = State::draft;
    State to = State::draft;
    Event event = Event::submit;
    PersonId actor;
    Date on;
    friend bool operator==(const HistoryEntry&, const HistoryEntry&) = default;
};
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
    AgreementId id;
    AccountId account;
    Party customer;       ///< 甲方
    Party supplier;       ///< 乙方 (our company)
    PersonId signer;      ///< our signatory, a person of the org chart (requester of the approval)
    std::string tier;     ///< the account's tier, for pricing conditions
    std::string segment;  ///< the account's segment name ("government", ...), for pricing and approval
    RegionId region;      ///< the sales region, for pricing and approval
    Date starts;          ///< first day of validity (inclusive)
    Date ends;            ///< last day of validity (inclusive)
    Currency currency;
    std::vector<Commitment> commitments;
    std::vector<AgreedPrice> prices;
    std::optional<pricing::RebateScheme> rebate;
    terms::PaymentTerms payment_terms = terms::PaymentTerms::net(Days{30});
    Money credit_limit;                ///< the credit limit granted with the agreement
    std::vector<std::string> clauses;  ///< the names of the clauses the text contains ("warranty", ...)
    int version = 1;
    State state = State::draft;
    std::vector<HistoryEntry> history;
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

    friend bool operator==(const Agreement&, const Agreement&) = default;
};
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Agreement& a);

/// First and last day (inclusive) of quarter `q` (0..3) of the agreement year: quarter q starts
/// at add_months(starts, 3q); quarters 0..2 end the day before the next starts, quarter 3 ends
/// on `ends`. (2025-01-01..2025-12-31: Q1 Jan-Mar, ..., Q4 Oct-Dec.)
struct CRM_EXPORT QuarterSpan {
    Date first;
    Date last;
    friend bool operator==(const QuarterSpan&, const QuarterSpan&) = default;
};
[[nodiscard]] CRM_EXPORT QuarterSpan quarter_of(const Agreement& a, unsigned q);

}  // namespace crm::contract
