#include <crm/core/error.hpp>
#include <crm/credit/application.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace crm::credit {

std::string_view to_string(ApplicationMethod m) noexcept {
    switch (m) {
    case ApplicationMethod::by_reference: return "by_reference";
    case ApplicationMethod::oldest_due_first: return "oldest_due_first";
    case ApplicationMethod::pro_rata: return "pro_rata";
    }
    return "unknown";
}

std::string_view to_string(ExcessPolicy p) noexcept {
    switch (p) {
    case ExcessPolicy::unapplied_credit: return "unapplied_credit";
    case ExcessPolicy::error: return "error";
    }
    return "unknown";
}

std::vector<Receivable> AppliedLedger::with_credits() const {
    std::vector<Receivable> out;
    out.reserve(open.size() + unapplied.size());
    out = open;
    for (const UnappliedCredit& u : unapplied)
        out.push_back(Receivable{InvoiceId{u.id}, u.account, u.received_on, u.received_on, -u.amount});
    return out;
}

namespace {

std::string item_field(std::string_view list, std::size_t i, std::string_view member) {
    return std::string(list) + "[" + std::to_string(i) + "]." + std::string(member);
}

// A sort key: account (dense number) in the high half, a date in the low half.
std::uint64_t key_of(std::uint32_t account, Date d) noexcept {
    const auto day = static_cast<std::uint32_t>(d.serial() + std::int64_t{0x80000000});
    return (std::uint64_t{account} << 32) | day;
}

// The working state of one application run.
class Applier {
public:
    Applier(std::span<const LedgerItem> items, std::span<const Receipt> receipts, Date as_of,
            const ApplicationOptions& options)
        : items_(items), receipts_(receipts), as_of_(as_of), options_(options) {
        if (options.method != ApplicationMethod::by_reference &&
            options.method != ApplicationMethod::oldest_due_first &&
            options.method != ApplicationMethod::pro_rata)
            throw Error(ErrorCode::invalid_argument, "options.method",
                        "an application method is by reference, "
                        "oldest due first or pro rata");
        if (options.excess != ExcessPolicy::unapplied_credit && options.excess != ExcessPolicy::error)
            throw Error(ErrorCode::invalid_argument, "options.excess",
                        "excess cash is an unapplied credit or an error");
        currency_ = options.currency    ? *options.currency
                    : !items.empty()    ? items.front().amount.currency()
                    : !receipts.empty() ? receipts.front().amount.currency()
                                        : Currency{};
        if (!options.rates.empty()) validate_rates(options.rates, currency_, "options.rates");
        zero_ = Decimal::scaled(0, -currency_.minor_units());
    }

    AppliedLedger run() {
        read_items();
        read_receipts();
        switch (options_.method) {
        case ApplicationMethod::oldest_due_first: oldest_due_first(); break;
        case ApplicationMethod::by_reference: by_reference(); break;
        case ApplicationMethod::pro_rata: pro_rata(); break;
        }
        AppliedLedger out;
        out.currency = currency_;
        out.open.reserve(items_.size());
        for (std::size_t i = 0; i < items_.size(); ++i) {
            const LedgerItem& it = items_[i];
            out.open.push_back(
                Receivable{it.invoice, it.account, it.invoiced_on, it.due_on, Money{open_[i], currency_}});
        }
        out.applications = std::move(applications_);
        out.unapplied = std::move(unapplied_);
        out.received.reserve(received_.size());
        for (const Decimal& r : received_) out.received.emplace_back(r, currency_);
        return out;
    }

private:
    std::uint32_t account_number(const AccountId& a) {
        const auto [it, added] =
            accounts_.try_emplace(std::string_view(a.value()), static_cast<std::uint32_t>(accounts_.size()));
        return it->second;
    }

    void read_items() {
        open_.reserve(items_.size());
        item_account_.reserve(items_.size());
        accounts_.reserve(1024);
        for (std::size_t i = 0; i < items_.size(); ++i) {
            const Money& m = items_[i].amount;
            if (m.currency() != currency_)
                throw Error(ErrorCode::currency_mismatch, item_field("items", i, "amount"),
                            "every item is in the ledger currency (" + std::string(currency_.code()) + ")");
            if (!detail::whole_minor_units(m))
                throw Error(ErrorCode::invalid_argument, item_field("items", i, "amount"),
                            "an amount is a whole number of the currency's minor units");
            open_.push_back(m.amount());
            item_account_.push_back(account_number(items_[i].account));
        }
    }

    void read_receipts() {
        received_.reserve(receipts_.size());
        receipt_account_.reserve(receipts_.size());
        for (std::size_t i = 0; i < receipts_.size(); ++i) {
            const Receipt& r = receipts_[i];
            if (r.amount.signum() <= 0)
                throw Error(ErrorCode::invalid_argument, item_field("receipts", i, "amount"),
                            "a receipt is a positive amount (a refund is a credit note item)");
            if (!detail::whole_minor_units(r.amount))
                throw Error(ErrorCode::invalid_argument, item_field("receipts", i, "amount"),
                            "an amount is a whole number of the currency's minor units");
            const Money m = at_field(item_field("receipts", i, "amount"), [&] {
                return in_currency(r.amount, currency_, options_.rates, options_.conversion_rounding,
                                   "options.rates");
            });
            received_.push_back(r.received_on > as_of_ ? zero_ : m.amount());
            receipt_account_.push_back(account_number(r.account));
        }
    }

    [[nodiscard]] bool in_time(std::size_t r) const noexcept { return !(receipts_[r].received_on > as_of_); }

    // Pays up to `remaining` of item `i`; returns what is left of the cash.
    void pay(std::size_t r, std::size_t i, Decimal& remaining) {
        Decimal& open = open_[i];
        if (open.signum() <= 0 || remaining.signum() <= 0) return;
        Decimal take;
        if (!(remaining < open)) {
            take = open;
            open = zero_;
        } else {
            take = remaining;
            open -= remaining;
        }
        remaining -= take;
        applications_.push_back(Application{r, i, Money{take, currency_}});
    }

    void excess(std::size_t r, const Decimal& remaining, const char* beyond) {
        if (remaining.signum() <= 0) return;
        if (options_.excess == ExcessPolicy::error)
            throw Error(ErrorCode::invalid_argument, item_field("receipts", r, "amount"),
                        "the receipt is beyond the open amount of " + std::string(beyond) + " by " +
                            format(Money{remaining, currency_}));
        const Receipt& rc = receipts_[r];
        unapplied_.push_back(
            UnappliedCredit{r, rc.id, rc.account, rc.received_on, Money{remaining, currency_}});
    }

    // Receipts received by as_of, sorted by (account, date, input order).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> receipts_by_account() const {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
        keys.reserve(receipts_.size());
        for (std::size_t i = 0; i < receipts_.size(); ++i)
            if (in_time(i))
                keys.emplace_back(key_of(receipt_account_[i], receipts_[i].received_on),
                                  static_cast<std::uint32_t>(i));
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    // Items owed (amount > 0), sorted by (account, due date, input order).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> items_by_account() const {
        std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
        keys.reserve(items_.size());
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (open_[i].signum() > 0)
                keys.emplace_back(key_of(item_account_[i], items_[i].due_on), static_cast<std::uint32_t>(i));
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    void oldest_due_first() {
        const auto items = items_by_account();
        const auto receipts = receipts_by_account();
        std::size_t ip = 0;
        for (const auto& [rkey, r] : receipts) {
            const std::uint64_t account = rkey >> 32;
            while (ip < items.size() && (items[ip].first >> 32) < account) ++ip;
            Decimal remaining = received_[r];
            while (remaining.signum() > 0 && ip < items.size() && (items[ip].first >> 32) == account) {
                pay(r, items[ip].second, remaining);
                if (open_[items[ip].second].signum() <= 0) ++ip;
            }
            excess(r, remaining, "the account");
        }
    }

    void pro_rata() {
        const auto items = items_by_account();
        const auto receipts = receipts_by_account();
        std::size_t begin = 0;
        std::vector<Decimal> weights;
        std::vector<std::size_t> owed;
        for (const auto& [rkey, r] : receipts) {
            const std::uint64_t account = rkey >> 32;
            while (begin < items.size() && (items[begin].first >> 32) < account) ++begin;
            std::size_t end = begin;
            while (end < items.size() && (items[end].first >> 32) == account) ++end;
            weights.clear();
            owed.clear();
            Decimal total = zero_;
            for (std::size_t k = begin; k < end; ++k) {
                const std::size_t i = items[k].second;
                if (open_[i].signum() <= 0) continue;
                owed.push_back(i);
                weights.push_back(open_[i]);
                total += open_[i];
            }
            Decimal remaining = received_[r];
            if (!owed.empty()) {
                if (!(remaining < total)) {
                    for (const std::size_t i : owed) pay(r, i, remaining);
                } else {
                    const std::vector<Money> parts = allocate(Money{remaining, currency_}, weights);
                    for (std::size_t k = 0; k < owed.size(); ++k) {
                        Decimal part = parts[k].amount();
                        pay(r, owed[k], part);
                    }
                    remaining = zero_;
                }
            }
            excess(r, remaining, "the account");
        }
    }

    void by_reference() {
        // The items of each invoice, in due-date order (ties in input order).
        std::unordered_map<std::string_view, std::vector<std::size_t>> by_invoice;
        for (std::size_t i = 0; i < items_.size(); ++i) by_invoice[items_[i].invoice.value()].push_back(i);
        for (auto& [invoice, list] : by_invoice) {
            std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                return items_[a].due_on < items_[b].due_on;
            });
            for (std::size_t a = 0; a < list.size(); ++a)
                for (std::size_t b = 0; b < a; ++b)
                    if (items_[list[a]].instalment == items_[list[b]].instalment) {
                        const std::size_t later = std::max(list[a], list[b]);
                        throw Error(ErrorCode::duplicate, item_field("items", later, "instalment"),
                                    "invoice " + items_[later].invoice.value() +
                                        " has this instalment twice: a reference would be ambiguous");
                    }
        }
        // Receipts by date, then id, then input order: the result does not depend on the order given.
        std::vector<std::size_t> order;
        order.reserve(receipts_.size());
        for (std::size_t i = 0; i < receipts_.size(); ++i)
            if (in_time(i)) order.push_back(i);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const Receipt& x = receipts_[a];
            const Receipt& y = receipts_[b];
            if (x.received_on != y.received_on) return x.received_on < y.received_on;
            return x.id < y.id;
        });
        for (const std::size_t r : order) {
            const Receipt& rc = receipts_[r];
            Decimal remaining = received_[r];
            if (rc.invoice.empty()) {
                if (!rc.instalment.empty())
                    throw Error(ErrorCode::inconsistent, item_field("receipts", r, "instalment"),
                                "an instalment is named without its invoice");
                excess(r, remaining, "nothing named");
                continue;
            }
            const auto found = by_invoice.find(std::string_view(rc.invoice.value()));
            if (found == by_invoice.end())
                throw Error(ErrorCode::not_found, item_field("receipts", r, "invoice"),
                            "no ledger item has invoice " + rc.invoice.value());
            const std::vector<std::size_t>& list = found->second;
            if (items_[list.front()].account != rc.account)
                throw Error(ErrorCode::inconsistent, item_field("receipts", r, "account"),
                            "invoice " + rc.invoice.value() + " belongs to another account");
            bool named = rc.instalment.empty();
            for (const std::size_t i : list) {
                if (!rc.instalment.empty() && items_[i].instalment != rc.instalment) continue;
                named = true;
                pay(r, i, remaining);
            }
            if (!named)
                throw Error(ErrorCode::not_found, item_field("receipts", r, "instalment"),
                            "invoice " + rc.invoice.value() + " has no instalment '" + rc.instalment + "'");
            excess(r, remaining, "the invoice it names");
        }
    }

    std::span<const LedgerItem> items_;
    std::span<const Receipt> receipts_;
    Date as_of_;
    const ApplicationOptions& options_;
    Currency currency_;
    Decimal zero_;
    std::unordered_map<std::string_view, std::uint32_t> accounts_;
    std::vector<Decimal> open_;
    std::vector<std::uint32_t> item_account_;
    std::vector<Decimal> received_;
    std::vector<std::uint32_t> receipt_account_;
    std::vector<Application> applications_;
    std::vector<UnappliedCredit> unapplied_;
};

}  // namespace

AppliedLedger apply_collections(std::span<const LedgerItem> items, std::span<const Receipt> receipts,
                                Date as_of, const ApplicationOptions& options) {
    return Applier(items, receipts, as_of, options).run();
}

}  // namespace crm::credit
