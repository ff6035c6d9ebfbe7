#include <crm/core/error.hpp>
#include <crm/credit/collection.hpp>
#include <crm/credit/receivable.hpp>

#include <map>
#include <ostream>
#include <string>
#include <utility>

namespace crm::credit {

std::optional<Percent> collection_rate(const Money& actual, const Money& planned, int decimals,
                                       RoundingMode mode) {
    if (actual.signum() < 0) throw Error(ErrorCode::invalid_argument, "actual", "cannot be negative");
    if (planned.signum() < 0) throw Error(ErrorCode::invalid_argument, "planned", "cannot be negative");
    if (actual.currency() != planned.currency())
        throw Error(ErrorCode::currency_mismatch, "actual", "actual and planned are in one currency");
    if (planned.is_zero()) return std::nullopt;
    // a Percent with `decimals` places is a Rate with decimals + 2
    return ratio(actual, planned, decimals + 2, mode).percent();
}

std::ostream& operator<<(std::ostream& os, const CollectionLine& l) {
    if (!l.account.empty()) os << l.account << ' ' << l.month << ' ';
    os << "planned " << l.planned << " actual " << l.actual;
    if (l.rate) return os << " (" << *l.rate << ')';
    return os << " (no plan)";
}

CollectionReport collection_report(std::span<const CollectionPlan> plans, std::span<const Receipt> receipts,
                                   int decimals, RoundingMode mode) {
    Currency currency{};
    if (!plans.empty()) {
        currency = plans.front().planned.currency();
    } else if (!receipts.empty()) {
        currency = receipts.front().amount.currency();
    }
    const auto check_amount = [&](const Money& m, std::string_view field, std::size_t i,
                                  std::string_view member) {
        if (m.signum() < 0)
            detail::throw_item_error(ErrorCode::invalid_argument, field, i, member, "cannot be negative");
        if (m.currency() != currency)
            detail::throw_item_error(ErrorCode::currency_mismatch, field, i, member,
                                     "every amount is in " + std::string(currency.code()));
    };

    struct Cell {
        Period month;
        Decimal planned;
        Decimal actual;
        bool has_plan = false;
    };
    // (account, first day of the month) -> cell: ordered by account, then month
    std::map<std::pair<AccountId, std::int64_t>, Cell> cells;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const CollectionPlan& p = plans[i];
        if (p.month.kind() != PeriodKind::month)
            detail::throw_item_error(ErrorCode::invalid_argument, "plans", i, "month",
                                     "a collection plan is monthly");
        check_amount(p.planned, "plans", i, "planned");
        Cell& c = cells[{p.account, p.month.first().serial()}];
        if (c.has_plan)
            detail::throw_item_error(
                ErrorCode::duplicate, "plans", i, "month",
                "account " + p.account.value() + " already has a plan for " + p.month.to_string());
        c.month = Period::month(p.month.first().year(), p.month.first().month());
        c.planned = p.planned.amount();
        c.has_plan = true;
    }
    for (std::size_t i = 0; i < receipts.size(); ++i) {
        const Receipt& r = receipts[i];
        check_amount(r.amount, "receipts", i, "amount");
        const Period month = Period::containing(r.received_on, PeriodKind::month);
        Cell& c = cells[{r.account, month.first().serial()}];
        c.month = month;
        c.actual += r.amount.amount();
    }

    CollectionReport report;
    report.lines.reserve(cells.size());
    Decimal planned_total;
    Decimal actual_total;
    const auto line = [&](AccountId account, Period month, const Decimal& planned, const Decimal& actual) {
        const Money p{planned, currency};
        const Money a{actual, currency};
        return CollectionLine{.account = std::move(account),
                              .month = month,
                              .planned = p,
                              .actual = a,
                              .variance = a - p,
                              .rate = collection_rate(a, p, decimals, mode)};
    };
    Period first_month{};
    for (const auto& [key, c] : cells) {
        if (report.lines.empty() || c.month < first_month) first_month = c.month;
        report.lines.push_back(line(key.first, c.month, c.planned, c.actual));
        planned_total += c.planned;
        actual_total += c.actual;
    }
    report.total = line(AccountId{}, first_month, planned_total, actual_total);
    return report;
}

}  // namespace crm::credit
