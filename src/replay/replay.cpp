// What-if replay (include/crm/replay/replay.hpp): each past order's credit check and approval
// route under two policy sets, and the differences counted. The per-order answers are computed
// in parallel into their own slots; the counting runs after, in history order, so the result is
// the same for any thread count.

#include <crm/approval/matrix.hpp>
#include <crm/approval/request.hpp>
#include <crm/approval/route.hpp>
#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>
#include <crm/credit/check.hpp>
#include <crm/replay/replay.hpp>

#include <algorithm>
#include <map>
#include <memory>
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
};

Compiled compile(const policy::PolicySet& set, std::string_view name, const std::vector<Person>& people) {
    Compiled c{&set, name, {}, {}};
    c.matrices.reserve(set.versions.size());
    c.orgs.reserve(set.versions.size());
    for (std::size_t i = 0; i < set.versions.size(); ++i) {
        const auto& v = set.versions[i];
        try {
            c.matrices.emplace_back(v.approval.rows, v.approval.roles, v.approval.currency);
            c.orgs.emplace_back(v.approval.roles, people);
        } catch (const Error& e) {
            const std::string at = std::string(name) + "_set.versions[" + std::to_string(i) + "].";
            const bool of_people = e.field().starts_with("people");
            throw Error(
                e.code(), of_people ? "history." + e.field() : at + "approval." + e.field(),
                "under the " + std::string(name) + " policy set's version " + v.id + ": " + e.message());
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
    return field.empty() ? at : at + "." + field;
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
    for (Tally* t : {&k.orders, &k.credit_tighter, &k.credit_looser, &k.newly_blocked, &k.approval_tighter,
                     &k.approval_looser})
        t->amount = none;
    return k;
}

Counts& scope(std::vector<Counts>& list, std::map<std::string, std::size_t>& index, const std::string& key,
              const Currency& c) {
    const auto [it, fresh] = index.emplace(key, list.size());
    if (fresh) list.push_back(zero(key, c));
    return list[it->second];
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
    for (std::size_t i = 0; i < orders.size(); ++i) {
        if (orders[i].order.amount.currency() != result.currency)
            throw Error(ErrorCode::currency_mismatch, "orders[" + std::to_string(i) + "].order.amount",
                        "every order of a replay is in one currency (the first is in " +
                            std::string(result.currency.code()) + ")");
        if (orders[i].tier.empty())
            throw Error(ErrorCode::invalid_argument, "orders[" + std::to_string(i) + "].tier",
                        "the account's tier picks its credit policy row: it cannot be empty");
    }
    const Compiled old_set = compile(before, "old", history.people);
    const Compiled new_set = compile(after, "new", history.people);

    // Per order, what the counting needs; the two answers are kept only for the orders that move
    // (most do not, and keeping 2 x 200,000 decisions would cost more than computing them).
    struct Slot {
        bool done = false;
        Shift credit = Shift::same;
        Shift approval = Shift::same;
        bool newly_blocked = false;
        std::string reason;
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
                if (slot.credit != Shift::same || slot.approval != Shift::same)
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
            const Counts& region = scope(result.regions, region_index, h.region.value(), result.currency);
            last_index = static_cast<std::size_t>(&region - result.regions.data());
        }
        Counts* by_reason = slot.reason.empty()
                                ? nullptr
                                : &scope(result.reasons, reason_index, slot.reason, result.currency);
        for (Counts* k : {&result.total, &result.regions[last_index], by_reason}) {
            if (k == nullptr) continue;
            add(k->orders, amount);
            if (slot.credit == Shift::tighter) add(k->credit_tighter, amount);
            if (slot.credit == Shift::looser) add(k->credit_looser, amount);
            if (slot.newly_blocked) add(k->newly_blocked, amount);
            if (slot.approval == Shift::tighter) add(k->approval_tighter, amount);
            if (slot.approval == Shift::looser) add(k->approval_looser, amount);
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
                                    .reason = std::move(slot.reason)});
    }
    return result;
}

}  // namespace crm::replay
