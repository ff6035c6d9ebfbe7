#include <crm/contract/agreement.hpp>
#include <crm/core/error.hpp>
#include <crm/time/period.hpp>

#include <ostream>
#include <set>
#include <string>
#include <utility>

namespace crm::contract {

std::string_view to_string(State s) noexcept {
    switch (s) {
    case State::draft: return "draft";
    case State::in_review: return "in_review";
    case State::approved: return "approved";
    case State::signed_: return "signed";
    case State::active: return "active";
    case State::expired: return "expired";
    case State::terminated: return "terminated";
    case State::renewed: return "renewed";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, State s) { return os << to_string(s); }

std::string_view to_string(Event e) noexcept {
    switch (e) {
    case Event::submit: return "submit";
    case Event::reject: return "reject";
    case Event::approve: return "approve";
    case Event::sign: return "sign";
    case Event::activate: return "activate";
    case Event::expire: return "expire";
    case Event::terminate: return "terminate";
    case Event::renew: return "renew";
    }
    return "?";
}
std::ostream& operator<<(std::ostream& os, Event e) { return os << to_string(e); }

std::ostream& operator<<(std::ostream& os, const HistoryEntry& h) {
    return os << h.on << ' ' << h.from << " -" << h.event << "-> " << h.to << " by " << h.actor;
}

std::ostream& operator<<(std::ostream& os, const Agreement& a) {
    return os << "agreement " << a.id << " v" << a.version << " (" << a.account << ", " << a.starts << ".."
              << a.ends << ", " << a.state << ')';
}

namespace {

std::string at(std::string_view member, std::size_t i, std::string_view sub = {}) {
    std::string f = "agreement.";
    f += member;
    f += '[';
    f += std::to_string(i);
    f += ']';
    if (!sub.empty()) {
        f += '.';
        f += sub;
    }
    return f;
}

void check_money(const Money& m, Currency currency, const std::string& field) {
    if (m.currency() != currency)
        throw Error(ErrorCode::currency_mismatch, field, "not in the agreement's currency");
    if (m.signum() < 0) throw Error(ErrorCode::invalid_argument, field, "must not be negative");
}

}  // namespace

void Agreement::validate() const {
    if (id.empty()) throw Error(ErrorCode::invalid_argument, "agreement.id", "an agreement needs an id");
    if (account.empty())
        throw Error(ErrorCode::invalid_argument, "agreement.account", "an agreement needs an account");
    if (signer.empty())
        throw Error(ErrorCode::invalid_argument, "agreement.signer", "an agreement needs a signer");
    if (ends < starts)
        throw Error(ErrorCode::invalid_argument, "agreement.ends", "validity ends before it starts");
    if (ends < add_months(starts, 9))
        throw Error(ErrorCode::invalid_argument, "agreement.ends",
                    "an annual agreement must run into its fourth quarter (at least 9 months)");
    if (version < 1) throw Error(ErrorCode::invalid_argument, "agreement.version", "version starts at 1");
    if (commitments.empty())
        throw Error(ErrorCode::invalid_argument, "agreement.commitments",
                    "at least one product group is committed");
    std::set<ProductGroupId> groups;
    for (std::size_t i = 0; i < commitments.size(); ++i) {
        const Commitment& c = commitments[i];
        if (c.group.empty())
            throw Error(ErrorCode::invalid_argument, at("commitments", i, "group"), "empty product group");
        if (!groups.insert(c.group).second)
            throw Error(ErrorCode::duplicate, at("commitments", i, "group"), "product group committed twice");
        check_money(c.annual, currency, at("commitments", i, "annual"));
        Money sum = Money::zero(currency);
        for (std::size_t q = 0; q < c.quarters.size(); ++q) {
            check_money(c.quarters[q], currency, at("commitments", i, "quarters[" + std::to_string(q) + "]"));
            sum += c.quarters[q];
        }
        if (sum != c.annual)
            throw Error(ErrorCode::inconsistent, at("commitments", i, "quarters"),
                        "the quarters do not sum to the annual commitment");
    }
    std::set<std::pair<ProductId, std::string>> priced;
    for (std::size_t i = 0; i < prices.size(); ++i) {
        if (prices[i].price.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at("prices", i, "price"), "must not be negative");
        if (!priced.emplace(prices[i].product, prices[i].unit).second)
            throw Error(ErrorCode::duplicate, at("prices", i, "product"), "product and unit agreed twice");
    }
    if (rebate) {
        if (rebate->currency != currency)
            throw Error(ErrorCode::currency_mismatch, "agreement.rebate.currency",
                        "not in the agreement's currency");
        try {
            pricing::validate_rebate(*rebate);
        } catch (const Error& e) {
            throw Error(e.code(), "agreement.rebate." + e.field(), e.message());
        }
    }
    try {
        payment_terms.validate();
    } catch (const Error& e) {
        throw Error(e.code(), "agreement.payment_terms." + e.field(), e.message());
    }
    check_money(credit_limit, currency, "agreement.credit_limit");
    for (std::size_t i = 1; i < history.size(); ++i)
        if (history[i].on < history[i - 1].on)
            throw Error(ErrorCode::inconsistent, at("history", i, "on"), "history is not chronological");
}

Money Agreement::committed_revenue() const {
    Money sum = Money::zero(currency);
    for (const Commitment& c : commitments) sum += c.annual;
    return sum;
}

QuarterSpan quarter_of(const Agreement& a, unsigned q) {
    if (q > 3) throw Error(ErrorCode::invalid_argument, "quarter", "quarters are 0..3");
    const Date first = add_months(a.starts, static_cast<int>(3 * q));
    const Date last = q == 3 ? a.ends : add_months(a.starts, static_cast<int>(3 * (q + 1))) - Days{1};
    return QuarterSpan{.first = first, .last = last};
}

}  // namespace crm::contract
