#pragma once
/// \file
/// Contract review (销售合同评审, domain.md section 3): before signing, an agreement is checked
/// against the pricing book and authority table, the payment-terms and term policy, the credit
/// policy and profile, the other agreements of the account, and the approval matrix. The answer
/// is a list of findings, each with a severity and a stable code, and the approval route.
/// Proven by tests/contract/review_test.cpp (a worked example per finding).
///
/// Checks, in this order (codes in reasons.hpp):
/// 1. per agreed price: `contract.price_below_floor` (blocking), `contract.beyond_authority`
///    (warning with the role that may grant it; blocking when no role may);
/// 2. `contract.terms_too_long` (warning): payment_days(terms) > policy.max_payment_days;
/// 3. `contract.credit_insufficient`: expected receivables > credit limit granted (warning when
///    the excess is within the credit policy's OverLimitTolerance, blocking beyond);
/// 4. per other agreement and product group: `contract.overlap` (blocking);
/// 5. per missing mandatory clause: `contract.missing_term` (blocking);
/// 6. `contract.term_too_long` (warning);
/// 7. per descending rebate rate: `contract.rebate_not_monotone` (warning);
/// 8. when the agreement states its amount in words: `contract.amount_in_words_mismatch`
///    (blocking) when they read as another amount than committed_revenue(), or
///    `contract.amount_in_words_unreadable` (blocking) when they are not capital numerals as
///    the bill-filling rules write them (crm::parse_capital); both give the expected form;
/// 9. `contract.approval_route` (info) or `contract.approval_not_needed` (info).

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/contract/agreement.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/credit/policy.hpp>
#include <crm/credit/profile.hpp>
#include <crm/export.hpp>
#include <crm/pricing/authority.hpp>
#include <crm/pricing/rule_book.hpp>

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::contract {

/// How serious a finding is: info < warning < blocking.
enum class Severity { info, warning, blocking };
/// The stable name: `info`, `warning` or `blocking` ("?" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(Severity s) noexcept;
/// Prints to_string(s).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Severity s);

/// One finding of a review: its severity and its reason (stable code, figures, en/zh text).
struct CRM_EXPORT Finding {
    Severity severity = Severity::info;  ///< how serious it is; default info
    Reason reason;                       ///< what was found, with its figures
    /// The reason's stable code (e.g. `contract.term_too_long`).
    [[nodiscard]] std::string_view code() const noexcept { return reason.code(); }
    /// Memberwise equality.
    friend bool operator==(const Finding&, const Finding&) = default;
};
/// `warning contract.terms_too_long[warn]{...}`.
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Finding& f);

/// The review policy. Defaults are this library's choice (domain.md names the checks, not the
/// numbers): payment terms up to 90 days, an agreement of at most 12 months, no mandatory
/// clauses, receivables rounded half_up to the currency's minor unit.
struct CRM_EXPORT ReviewPolicy {
    /// The longest payment term allowed, in days, >= 0; longer terms are a warning; default 90.
    Days max_payment_days{90};
    /// The longest validity allowed, in months, >= 1: an agreement ending on or after starts + this many
    /// months is a warning; default 12.
    int max_term_months = 12;
    /// Clause names the agreement's text must contain (Agreement::clauses); a missing one is blocking;
    /// default none.
    std::vector<std::string> mandatory_clauses;
    /// How the expected receivables are rounded to the currency's minor unit; default half_up.
    RoundingMode receivables_rounding = RoundingMode::half_up;
    /// Memberwise equality.
    friend bool operator==(const ReviewPolicy&, const ReviewPolicy&) = default;
};

/// Everything a review reads besides the agreement, as references to the caller's data (kept
/// alive for the call).
struct CRM_EXPORT ReviewContext {
    const pricing::RuleBook& book;                ///< list prices, floors (pricing policy)
    const pricing::AuthorityTable& authority;     ///< pricing authority per role
    const credit::Policy& credit_policy;          ///< tolerance over the limit
    const credit::CreditProfile& credit_profile;  ///< the account's profile: names the account
    const approval::Matrix& matrix;               ///< contract approvals (RequestKind::contract)
    const OrgChart& org;                          ///< the signer's role; approval routing
    std::span<const Agreement> other_agreements;  ///< the account's other agreements
    ReviewPolicy policy{};                        ///< the review policy; default ReviewPolicy{}
};

/// What a review returns: the findings in check order, the approval route, and the figures the
/// credit estimate was made from.
struct CRM_EXPORT Review {
    std::vector<Finding> findings;    ///< the findings, in check order
    approval::Route route;            ///< the approval route the agreement needs (RequestKind::contract)
    Decimal average_days_to_payment;  ///< payment_days weighted by instalment share, exact
    Money expected_receivables;       ///< see expected_receivables()
    /// The most severe finding's severity (info when none).
    [[nodiscard]] Severity worst() const noexcept;
    /// True when some finding is blocking: the agreement must not be signed as it stands.
    [[nodiscard]] bool blocked() const noexcept { return worst() == Severity::blocking; }
    /// The first finding with this code, or nullptr.
    [[nodiscard]] const Finding* find(std::string_view code) const noexcept;
    /// The number of findings with this code.
    [[nodiscard]] std::size_t count(std::string_view code) const noexcept;
};

/// Nominal days from the base event to payment of one due rule: NetDays n -> n; MonthEnd n ->
/// n + 15 (an invoice waits on average half a month for the month end); FixedDay{d, m} ->
/// 30 x m + d - 15 (from mid-month to day d, m months later, at 30 days a month).
[[nodiscard]] CRM_EXPORT Days nominal_days(const terms::DueRule& rule) noexcept;
/// The longest nominal days of any instalment (what the policy limit is compared with).
[[nodiscard]] CRM_EXPORT Days payment_days(const terms::PaymentTerms& terms);
/// Sum over instalments of share x nominal days (exact: 30% at 0 days + 70% at 60 days = 42).
[[nodiscard]] CRM_EXPORT Decimal average_days_to_payment(const terms::PaymentTerms& terms);
/// The average open balance the committed revenue implies: revenue / 365 x average days,
/// computed exactly and rounded once to the currency's minor unit with `mode`.
/// CNY 3,650,000.00 at 45 days: 3,650,000 / 365 x 45 = 450,000.00.
[[nodiscard]] CRM_EXPORT Money expected_receivables(const Money& annual_revenue, const Decimal& average_days,
                                                    RoundingMode mode);

/// Reviews the agreement. Throws crm::Error before any finding: whatever validate() throws;
/// `agreement.account` not_found when the credit profile is of another account;
/// `agreement.signer` not_found when the signer is not in the org chart; `agreement.currency`
/// currency_mismatch when the profile's limit is in another currency; and what pricing::price
/// throws for an agreed product the book does not price (`agreement.prices[i].product`).
[[nodiscard]] CRM_EXPORT Review review(const Agreement& agreement, const ReviewContext& context);

}  // namespace crm::contract
