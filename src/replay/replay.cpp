// What-if replay (include/crm/replay/replay.hpp): each past order's credit check, approval
// route and price, and each pool run's releases, under two policy sets, and the differences
// counted. The per-order answers are computed in parallel into their own slots; the counting
// runs after, in history order, so the result is the same for any thread count.

#include <crm/approval/matrix.hpp>
#include <crm/approval/request.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>
#include <crm/credit/check.hpp>
#include <crm/pricing/authority.hpp>
#include <crm/pricing/price.hpp>
#include <crm/pricing/rule_book.hpp>
#include <crm/replay/replay.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm::replay {

namespace {

/// A set's versions with their matrix and org chart built once.
struct Compiled {
    const policy::PolicySet* set = nullptr;
    std::string_view name;  // "old" or "new", for messages
    std::vector<approval::Matrix> matrices;
    std::vector<OrgChart> orgs;
    std::vector<pricing::RuleBook> books;  // only when some order has lines
};

Compiled compile(const policy::PolicySet& set, std::string_view name, const std::vector<Person>& people,
                 bool prices) {
    Compiled c{&set, name, {}, {}, {}};
    c.matrices.reserve(set.versions.size());
    c.orgs.reserve(set.versions.size());
    for (std::size_t i = 0; i < set.versions.size(); ++i) {
        const auto& v = set.versions[i];
        const std::string at = std::string(name) + "_set.versions[" + std::to_string(i) + "].";
        const std::string under = "under the " + std::string(name) + " policy set's version " + v.id + ": ";
        try {
            c.matrices.emplace_back(v.approval.rows, v.approval.roles, v.approval.currency);
            c.orgs.emplace_back(v.approval.roles, people);
        } catch (const Error& e) {
            const bool of_people = e.field().starts_with("people");
            throw Error(e.code(), of_people ? "history." + e.field() : at + "approval." + e.field(),
                        under + e.message());
        }
        if (!prices) continue;
        try {
            c.books.emplace_back(v.pricing.book);
            if (!v.pricing.authority.rows.empty()) pricing::validate_authority(v.pricing.authority);
        } catch (const Error& e) {
            const bool of_book = c.books.size() == i;
            throw Error(e.code(), at + (of_book ? "pricing.book." : "pricing.authority.") + e.field(),
                        under + e.message());
        }
    }
    return c;
}

/// `field` of a library error about order i, as the history's path.
std::string order_field(std::size_t i, const std::string& field) {
    const std::string at = "orders[" + std::to_string(i) + "]";
    for (const std::string_view from : {"snapshot.", "request.", "policy."}) {
        if (field.starts_with(from)) {
            const std::string_view rest = std::string_view(field).substr(from.size());
            if (from == "request." && rest == "requester") return at + ".requester";
            if (from == "policy.") return at + ".tier";  // the credit policy row the tier selected
            return at + "." + std::string(rest);
        }
    }
    if (field == "as_of") return at + ".placed";  // the day the price list is read at
    return field.empty() ? at : at + "." + field;
}

/// The order's lines repriced under `version` (its book at `c.books[v]`), into `a`.
void price(Answer& a, const Compiled& c, const policy::PolicyVersion& version, std::size_t v,
           const HistoricalOrder& h) {
    const pricing::PricingContext context{
        .account = h.account, .tier = h.tier, .segment = h.segment, .region = h.region, .budgets = h.budgets};
    pricing::PricedDocument d = pricing::price_document(c.books[v], h.lines, context, h.placed);
    a.net_total = d.net_total;
    a.price = std::move(d.decision);
    if (version.pricing.authority.rows.empty()) return;
    for (const pricing::PricedLine& line : d.lines) {
        const pricing::AuthorityNeeded need =
            pricing::authority_needed(line, version.pricing.authority, version.approval.roles);
        a.price_rank = std::max(a.price_rank, need.rank);
        for (const Reason& r : need.decision.reasons()) a.price.add(r);
    }
}

Answer answer(const Compiled& c, const HistoricalOrder& h, std::size_t i) {
    const policy::PolicySet& set = *c.set;
    const policy::PolicyVersion* version = nullptr;
    try {
        version = &set.in_force(h.placed);
    } catch (const Error& e) {
        throw Error(e.code(), "orders[" + std::to_string(i) + "].placed",
                    "the " + std::string(c.name) + " policy set: " + e.message());
    }
    const auto v = static_cast<std::size_t>(version - set.versions.data());
    Answer a;
    a.policy_version = version->id;
    try {
        const credit::Policy& policy = policy::credit_policy(*version, h.tier, h.segment);
        const credit::CreditSnapshot snapshot{h.receivables, h.open_orders, h.shipped_not_invoiced, h.rates};
        a.credit = credit::check_order(policy, h.profile, snapshot, h.order, h.placed);

        approval::Request order{.id = RequestId{h.order.id.value()},
                                .kind = approval::RequestKind::order,
                                .requester = h.requester,
                                .segment = h.segment,
                                .region = h.region,
                                .amount = h.order.amount};
        approval::Route route = approval::route(c.matrices[v], order, c.orgs[v]);
        a.approval_rank = approval::top_rank(route);
        a.approval = std::move(route.steps);
        if (h.discount) {
            approval::Request discount = order;
            discount.kind = approval::RequestKind::discount;
            discount.percent = *h.discount;
            approval::Route d = approval::route(c.matrices[v], discount, c.orgs[v]);
            a.approval_rank = std::max(a.approval_rank, approval::top_rank(d));
            a.approval.insert(a.approval.end(), d.steps.begin(), d.steps.end());
        }
        if (!h.lines.empty()) price(a, c, *version, v, h);
    } catch (const Error& e) {
        throw Error(
            e.code(), order_field(i, e.field()),
            "under the " + std::string(c.name) + " policy set's version " + version->id + ": " + e.message());
    }
    return a;
}

bool stops(Outcome o) noexcept { return o >= Outcome::needs_approval; }

Shift credit_shift(Outcome before, Outcome after) noexcept {
    if (before == after || (!stops(before) && !stops(after))) return Shift::same;
    return after > before ? Shift::tighter : Shift::looser;
}

Shift price_shift(const Answer& before, const Answer& after) noexcept {
    const Shift s = credit_shift(before.price.outcome(), after.price.outcome());
    if (s != Shift::same || before.price.outcome() != after.price.outcome()) return s;
    if (after.price_rank > before.price_rank) return Shift::tighter;
    if (after.price_rank < before.price_rank) return Shift::looser;
    return Shift::same;
}

Shift approval_shift(const Answer& before, const Answer& after) noexcept {
    const bool a = !before.approval.empty();
    const bool b = !after.approval.empty();
    if ((!a && b) || (a && b && after.approval_rank > before.approval_rank)) return Shift::tighter;
    if ((a && !b) || (a && b && after.approval_rank < before.approval_rank)) return Shift::looser;
    return Shift::same;
}

/// The code of the reason that decides `d`'s outcome: its first reason of that severity.
std::string deciding_reason(const Decision& d) {
    for (const Reason& r : d.reasons())
        if (r.severity() == d.outcome()) return std::string(r.code());
    return {};
}

void add(Tally& t, const Money& amount) {
    ++t.orders;
    t.amount = t.amount + amount;
}

Counts zero(std::string key, const Currency& c) {
    const Money none{Decimal{0}, c};
    Counts k;
    k.key = std::move(key);
    for (Tally* t :
         {&k.orders, &k.credit_tighter, &k.credit_looser, &k.newly_blocked, &k.approval_tighter,
          &k.approval_looser, &k.price_tighter, &k.price_looser, &k.priced_higher, &k.priced_lower})
        t->amount = none;
    return k;
}

/// Where `release` of the old or new set's run is, by account index (none: not released).
std::vector<const account::Release*> released(const std::vector<account::Release>& releases, std::size_t n) {
    std::vector<const account::Release*> at(n, nullptr);
    for (const auto& r : releases) at[r.index] = &r;
    return at;
}

/// One pool run under one set: the version in force and its releases.
std::pair<const policy::PolicyVersion*, std::vector<account::Release>> pool_run(const Compiled& c,
                                                                                const PoolRun& run,
                                                                                std::size_t k) {
    const std::string at = "pool[" + std::to_string(k) + "]";
    const policy::PolicyVersion* version = nullptr;
    try {
        version = &c.set->in_force(run.as_of);
    } catch (const Error& e) {
        throw Error(e.code(), at + ".as_of", "the " + std::string(c.name) + " policy set: " + e.message());
    }
    const auto v = static_cast<std::size_t>(version - c.set->versions.data());
    try {
        return {version, account::due_for_release(version->account.pool, run.accounts, run.as_of)};
    } catch (const Error& e) {
        const std::string under =
            "under the " + std::string(c.name) + " policy set's version " + version->id + ": ";
        if (e.field().starts_with("policy."))
            throw Error(e.code(),
                        std::string(c.name) + "_set.versions[" + std::to_string(v) + "].account.pool." +
                            e.field().substr(7),
                        under + e.message());
        throw Error(e.code(), at + "." + e.field(), under + e.message());
    }
}

void replay_pool(const Compiled& before, const Compiled& after, const std::vector<PoolRun>& runs,
                 ReplayResult& result) {
    std::map<std::string, std::size_t> region_index;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const PoolRun& run = runs[k];
        const auto [old_version, old_releases] = pool_run(before, run, k);
        const auto [new_version, new_releases] = pool_run(after, run, k);
        const auto was = released(old_releases, run.accounts.size());
        const auto now = released(new_releases, run.accounts.size());
        for (std::size_t i = 0; i < run.accounts.size(); ++i) {
            const account::Account& a = run.accounts[i];
            const auto [it, fresh] = region_index.emplace(a.region.value(), result.pool_regions.size());
            if (fresh) result.pool_regions.push_back(PoolCounts{.key = a.region.value()});
            PoolCounts& region = result.pool_regions[it->second];
            const Shift shift = (was[i] != nullptr) == (now[i] != nullptr) ? Shift::same
                                : now[i] != nullptr                        ? Shift::tighter
                                                                           : Shift::looser;
            for (PoolCounts* p : {&result.pool, &region}) {
                ++p->accounts;
                p->released_before += was[i] != nullptr ? 1 : 0;
                p->released_after += now[i] != nullptr ? 1 : 0;
                p->tighter += shift == Shift::tighter ? 1 : 0;
                p->looser += shift == Shift::looser ? 1 : 0;
            }
            if (shift == Shift::same) continue;
            PoolCase c{.run = k,
                       .index = i,
                       .as_of = run.as_of,
                       .account = a.id,
                       .region = a.region,
                       .tier = a.tier,
                       .owner = a.owner.value_or(PersonId{}),
                       .before_version = old_version->id,
                       .after_version = new_version->id,
                       .shift = shift};
            if (was[i] != nullptr) c.before = *was[i];
            if (now[i] != nullptr) c.after = *now[i];
            result.pool_cases.push_back(std::move(c));
        }
    }
}

/// The place in `list` of the scope `key`, added (zero) when new. A place, not a reference: a
/// later call may grow the list and move its elements.
std::size_t scope(std::vector<Counts>& list, std::map<std::string, std::size_t>& index,
                  const std::string& key, const Currency& c) {
    const auto [it, fresh] = index.emplace(key, list.size());
    if (fresh) list.push_back(zero(key, c));
    return it->second;
}

}  // namespace

std::string_view to_string(Shift s) noexcept {
    switch (s) {
    case Shift::same: return "same";
    case Shift::tighter: return "tighter";
    case Shift::looser: return "looser";
    }
    return "unknown";
}

ReplayResult replay(const policy::PolicySet& before, const policy::PolicySet& after, const History& history,
                    const ReplayOptions& options) {
    const auto& orders = history.orders;
    ReplayResult result;
    result.currency = orders.empty() ? Currency{} : orders.front().order.amount.currency();
    bool prices = false;
    for (std::size_t i = 0; i < orders.size(); ++i) {
        const std::string at = "orders[" + std::to_string(i) + "]";
        if (orders[i].order.amount.currency() != result.currency)
            throw Error(ErrorCode::currency_mismatch, at + ".order.amount",
                        "every order of a replay is in one currency (the first is in " +
                            std::string(result.currency.code()) + ")");
        if (orders[i].tier.empty())
            throw Error(ErrorCode::invalid_argument, at + ".tier",
                        "the account's tier picks its credit policy row: it cannot be empty");
        for (std::size_t j = 0; j < orders[i].lines.size(); ++j)
            if (orders[i].lines[j].currency != result.currency)
                throw Error(ErrorCode::currency_mismatch, at + ".lines[" + std::to_string(j) + "].currency",
                            "an order's lines are repriced in the order's currency, " +
                                std::string(result.currency.code()));
        prices = prices || !orders[i].lines.empty();
    }
    const Compiled old_set = compile(before, "old", history.people, prices);
    const Compiled new_set = compile(after, "new", history.people, prices);

    // Per order, what the counting needs; the two answers are kept only for the orders that move
    // (most do not, and keeping 2 x 200,000 decisions would cost more than computing them).
    struct Slot {
        bool done = false;
        Shift credit = Shift::same;
        Shift approval = Shift::same;
        Shift price = Shift::same;
        bool newly_blocked = false;
        std::string reason;
        std::string price_reason;
        Money price_change;
        std::unique_ptr<std::pair<Answer, Answer>> answers;
    };
    std::vector<Slot> slots(orders.size());
    detail::ParallelOptions parallel{.threads = options.threads,
                                     .min_per_thread = 256,
                                     .chunk = 256,
                                     .progress = options.progress ? &options.progress : nullptr,
                                     .stop = options.stop,
                                     .field = "options.threads"};
    const detail::ParallelRun run = detail::parallel_ranges(
        orders.size(), parallel, [&](std::size_t, std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                Answer a = answer(old_set, orders[i], i);
                Answer b = answer(new_set, orders[i], i);
                Slot& slot = slots[i];
                slot.credit = credit_shift(a.credit.outcome(), b.credit.outcome());
                slot.approval = approval_shift(a, b);
                slot.newly_blocked = slot.credit == Shift::tighter && b.credit.outcome() == Outcome::block;
                if (slot.credit == Shift::tighter) slot.reason = deciding_reason(b.credit);
                if (slot.credit == Shift::looser) slot.reason = deciding_reason(a.credit);
                slot.price = price_shift(a, b);
                if (a.price.outcome() != b.price.outcome())
                    slot.price_reason = deciding_reason(slot.price == Shift::looser ? a.price : b.price);
                slot.price_change = a.net_total && b.net_total ? *b.net_total - *a.net_total
                                                               : Money{Decimal{0}, result.currency};
                if (slot.credit != Shift::same || slot.approval != Shift::same || slot.price != Shift::same ||
                    slot.price_change.signum() != 0)
                    slot.answers = std::make_unique<std::pair<Answer, Answer>>(std::move(a), std::move(b));
                slot.done = true;
            }
        });
    result.stopped = run.stopped;

    result.total = zero("", result.currency);
    std::map<std::string, std::size_t> region_index, reason_index;
    const std::string* last_region = nullptr;  // orders of one region often come together
    std::size_t last_index = 0;
    for (std::size_t i = 0; i < orders.size(); ++i) {
        Slot& slot = slots[i];
        if (!slot.done) continue;
        const HistoricalOrder& h = orders[i];
        const Money& amount = h.order.amount;
        if (last_region == nullptr || *last_region != h.region.value()) {
            last_region = &h.region.value();
            last_index = scope(result.regions, region_index, h.region.value(), result.currency);
        }
        // both reasons' places first, then the pointers: the second may grow the list
        std::optional<std::size_t> reason_at, price_reason_at;
        if (!slot.reason.empty())
            reason_at = scope(result.reasons, reason_index, slot.reason, result.currency);
        if (!slot.price_reason.empty() && slot.price_reason != slot.reason)
            price_reason_at = scope(result.reasons, reason_index, slot.price_reason, result.currency);
        Counts* by_reason = reason_at ? &result.reasons[*reason_at] : nullptr;
        Counts* by_price_reason = price_reason_at ? &result.reasons[*price_reason_at] : nullptr;
        for (Counts* k : {&result.total, &result.regions[last_index], by_reason, by_price_reason}) {
            if (k == nullptr) continue;
            add(k->orders, amount);
            if (slot.credit == Shift::tighter) add(k->credit_tighter, amount);
            if (slot.credit == Shift::looser) add(k->credit_looser, amount);
            if (slot.newly_blocked) add(k->newly_blocked, amount);
            if (slot.approval == Shift::tighter) add(k->approval_tighter, amount);
            if (slot.approval == Shift::looser) add(k->approval_looser, amount);
            if (slot.price == Shift::tighter) add(k->price_tighter, amount);
            if (slot.price == Shift::looser) add(k->price_looser, amount);
            if (slot.price_change.signum() > 0) add(k->priced_higher, slot.price_change);
            if (slot.price_change.signum() < 0) add(k->priced_lower, -slot.price_change);
        }
        if (!slot.answers) continue;
        result.cases.push_back(Case{.index = i,
                                    .order = h.order.id,
                                    .account = h.account,
                                    .region = h.region,
                                    .placed = h.placed,
                                    .amount = amount,
                                    .before = std::move(slot.answers->first),
                                    .after = std::move(slot.answers->second),
                                    .credit = slot.credit,
                                    .approval = slot.approval,
                                    .price = slot.price,
                                    .reason = std::move(slot.reason),
                                    .price_reason = std::move(slot.price_reason),
                                    .price_change = slot.price_change});
    }
    if (!result.stopped) replay_pool(old_set, new_set, history.pool, result);
    return result;
}

}  // namespace crm::replay
