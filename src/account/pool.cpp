#include <crm/account/pool.hpp>
#include <crm/account/reasons.hpp>
#include <crm/core/error.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <unordered_set>

namespace crm::account {

namespace {

std::string tier_field(std::size_t i, const char* member) {
    return "policy.tiers[" + std::to_string(i) + "]." + member;
}

const TierPoolRule& tier_rule(const PoolPolicy& policy, const Account& account, std::string_view field) {
    const TierPoolRule* rule = policy.find(account.tier);
    if (rule == nullptr)
        throw Error(ErrorCode::not_found, std::string(field),
                    "the pool policy does not know the tier \"" + account.tier + "\" (policy.tiers)");
    return *rule;
}

std::int64_t cap_of(const PoolPolicy& policy) noexcept {
    return policy.max_accounts_per_rep ? *policy.max_accounts_per_rep : -1;
}

Reason release_reason(const ReasonText& text, const Release& r, const ReleaseTrigger& t) {
    return Reason{text, Outcome::warn}
        .with("account", r.account.value())
        .with("tier", r.tier)
        .with("since", t.since)
        .with("limit", t.limit)
        .with("deadline", t.deadline)
        .with("elapsed", t.elapsed);
}

}  // namespace

void PoolPolicy::validate() const {
    if (tiers.empty()) throw Error(ErrorCode::invalid_argument, "policy.tiers", "the policy has no tiers");
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const TierPoolRule& t = tiers[i];
        if (t.tier.empty())
            throw Error(ErrorCode::invalid_argument, tier_field(i, "tier"), "the tier name is empty");
        for (std::size_t j = 0; j < i; ++j)
            if (tiers[j].tier == t.tier)
                throw Error(ErrorCode::duplicate, tier_field(i, "tier"),
                            "the tier is listed twice (first at policy.tiers[" + std::to_string(j) + "])");
        if (t.follow_up_within && t.follow_up_within->count() < 1)
            throw Error(ErrorCode::invalid_argument, tier_field(i, "follow_up_within"),
                        "a limit is at least one day");
        if (t.deal_within && t.deal_within->count() < 1)
            throw Error(ErrorCode::invalid_argument, tier_field(i, "deal_within"),
                        "a limit is at least one day");
        const bool has_limit = t.follow_up_within || t.deal_within;
        if (t.exempt && has_limit)
            throw Error(ErrorCode::inconsistent, tier_field(i, "exempt"),
                        "an exempt tier has no release limits");
        if (!t.exempt && !has_limit)
            throw Error(ErrorCode::inconsistent, tier_field(i, "exempt"),
                        "a tier that is not exempt needs a follow-up or a deal limit");
    }
    if (max_accounts_per_rep && *max_accounts_per_rep < 1)
        throw Error(ErrorCode::invalid_argument, "policy.max_accounts_per_rep",
                    "the cap is at least one account");
    if (release_after != Boundary::inclusive && release_after != Boundary::exclusive)
        throw Error(ErrorCode::invalid_argument, "policy.release_after",
                    "release_after must be inclusive or exclusive, not " +
                        std::to_string(static_cast<int>(release_after)));
    if (reclaim_cooldown.count() < 0)
        throw Error(ErrorCode::invalid_argument, "policy.reclaim_cooldown",
                    "the cool-down cannot be negative");
}

const TierPoolRule* PoolPolicy::find(std::string_view tier) const noexcept {
    for (const TierPoolRule& t : tiers)
        if (t.tier == tier) return &t;
    return nullptr;
}

std::string_view to_string(ReleaseRule rule) noexcept {
    switch (rule) {
    case ReleaseRule::no_follow_up: return "no_follow_up";
    case ReleaseRule::no_deal: return "no_deal";
    }
    return "unknown";
}

std::ostream& operator<<(std::ostream& os, ReleaseRule rule) { return os << to_string(rule); }

std::ostream& operator<<(std::ostream& os, const ReleaseEvent& e) {
    return os << e.account << " released by " << e.rep << " on " << e.released_on;
}

std::ostream& operator<<(std::ostream& os, const ReleaseTrigger& t) {
    return os << t.rule << " since " << t.since << " limit " << t.limit.count() << " deadline " << t.deadline
              << " elapsed " << t.elapsed.count();
}

std::ostream& operator<<(std::ostream& os, const Release& r) {
    os << r.account << " (owner " << r.owner << ", tier " << r.tier << ") released " << r.released_on;
    if (r.no_follow_up) os << "; " << *r.no_follow_up;
    if (r.no_deal) os << "; " << *r.no_deal;
    return os;
}

std::vector<Reason> release_reasons(const Release& r) {
    std::vector<Reason> out;
    if (r.no_follow_up)
        out.push_back(release_reason(r.no_follow_up->side == Boundary::inclusive
                                         ? reasons::release_no_follow_up_reached
                                         : reasons::release_no_follow_up,
                                     r, *r.no_follow_up));
    if (r.no_deal)
        out.push_back(release_reason(r.no_deal->side == Boundary::inclusive ? reasons::release_no_deal_reached
                                                                            : reasons::release_no_deal,
                                     r, *r.no_deal));
    return out;
}

std::string explain(const Release& r, Lang lang) {
    std::string out;
    for (const Reason& reason : release_reasons(r)) {
        if (!out.empty()) out += '\n';
        out += explain(reason, lang);
    }
    return out;
}

Decision claim(const PoolPolicy& policy, const Account& account, const PersonId& rep,
               std::int64_t owned_count, std::span<const ReleaseEvent> history, Date as_of) {
    policy.validate();
    (void)tier_rule(policy, account, "account.tier");
    if (rep.empty()) throw Error(ErrorCode::invalid_argument, "rep", "the rep id is empty");
    if (owned_count < 0)
        throw Error(ErrorCode::invalid_argument, "owned_count", "a count cannot be negative");
    std::optional<Date> last_release;
    for (std::size_t i = 0; i < history.size(); ++i) {
        const ReleaseEvent& e = history[i];
        if (e.released_on > as_of)
            throw Error(ErrorCode::inconsistent, "history[" + std::to_string(i) + "].released_on",
                        "a release after the as-of date");
        if (e.account == account.id && e.rep == rep && (!last_release || e.released_on > *last_release))
            last_release = e.released_on;
    }

    Decision d;
    const std::int64_t cap = cap_of(policy);
    if (account.owner && *account.owner == rep) {
        d.add(Reason{reasons::already_owner, Outcome::allow}
                  .with("rep", rep.value())
                  .with("account", account.id.value()));
        return d;
    }
    if (account.owner)
        d.add(Reason{reasons::owned_by_other, Outcome::block}
                  .with("account", account.id.value())
                  .with("owner", account.owner->value()));
    if (cap >= 0 && owned_count >= cap)
        d.add(Reason{reasons::at_max, Outcome::block}
                  .with("rep", rep.value())
                  .with("owned", owned_count)
                  .with("max", cap));
    if (last_release) {
        const Date available_from = *last_release + policy.reclaim_cooldown;
        if (as_of < available_from)
            d.add(Reason{reasons::cooldown, Outcome::block}
                      .with("rep", rep.value())
                      .with("account", account.id.value())
                      .with("released_on", *last_release)
                      .with("cooldown", policy.reclaim_cooldown)
                      .with("available_from", available_from));
    }
    if (d.outcome() == Outcome::allow)
        d.add(Reason{reasons::claimable, Outcome::allow}
                  .with("account", account.id.value())
                  .with("rep", rep.value())
                  .with("owned", owned_count)
                  .with("max", cap >= 0 ? FigureValue{cap} : FigureValue{std::string{"-"}}));
    return d;
}

std::vector<Release> due_for_release(const PoolPolicy& policy, std::span<const Account> accounts,
                                     Date as_of) {
    policy.validate();
    std::vector<Release> out;
    out.reserve(std::min<std::size_t>(accounts.size(), 256));

    // The policy's tiers resolved once into plain serial-day limits; an exempt tier (or a rule
    // the tier does not have) gets a limit no clock can pass, so the loop needs no branch for it.
    // Tier names of up to 7 bytes (A, B, C, 战略 ...) are also packed into an integer key, so that
    // finding an account's tier is a few integer compares instead of a string comparison per
    // account; longer names take the string path.
    constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();
    const auto key_of = [](std::string_view s) noexcept -> std::uint64_t {
        if (s.empty() || s.size() > 7) return 0;  // 0: no key
        std::uint64_t k = std::uint64_t{s.size()} << 56;
        for (std::size_t b = 0; b < s.size(); ++b)
            k |= std::uint64_t{static_cast<unsigned char>(s[b])} << (8 * b);
        return k;
    };
    struct TierLimits {
        std::string_view name;
        std::uint64_t key = 0;
        std::int64_t follow = never;
        std::int64_t deal = never;
    };
    const std::int64_t shift = policy.release_after == Boundary::inclusive ? 1 : 0;
    std::vector<TierLimits> tiers;
    tiers.reserve(policy.tiers.size());
    for (const TierPoolRule& t : policy.tiers) {
        TierLimits limits{t.tier, key_of(t.tier)};
        // Inclusive (以上) fires on the limit's own day: the same as exclusive one day sooner.
        if (!t.exempt && t.follow_up_within) limits.follow = t.follow_up_within->count() - shift;
        if (!t.exempt && t.deal_within) limits.deal = t.deal_within->count() - shift;
        tiers.push_back(limits);
    }
    const auto find = [&](std::string_view tier) noexcept -> const TierLimits* {
        if (const std::uint64_t key = key_of(tier); key != 0) {
            const TierLimits* found = nullptr;
            for (const TierLimits& t : tiers) found = t.key == key ? &t : found;
            return found;
        }
        for (const TierLimits& t : tiers)
            if (t.name == tier) return &t;
        return nullptr;
    };
    const std::int64_t today = as_of.serial();

    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const Account& a = accounts[i];
        const TierLimits* rule = find(a.tier);
        if (rule == nullptr)
            throw Error(ErrorCode::not_found, "accounts[" + std::to_string(i) + "].tier",
                        "the pool policy does not know the tier \"" + a.tier + "\" (policy.tiers)");
        const std::int64_t created = a.created.serial();
        const std::int64_t start = a.owned_since ? std::max(created, a.owned_since->serial()) : created;
        const std::int64_t follow_since =
            a.last_follow_up ? std::max(start, a.last_follow_up->serial()) : start;
        const std::int64_t deal_since = a.last_deal ? std::max(start, a.last_deal->serial()) : start;
        const bool follow_fired = today - follow_since > rule->follow;
        const bool deal_fired = today - deal_since > rule->deal;
        if (!((follow_fired || deal_fired) && a.owner)) continue;  // in the pool already: nothing to release

        Release& r = out.emplace_back();
        r.index = i;
        r.account = a.id;
        r.owner = *a.owner;
        r.tier = a.tier;
        r.released_on = as_of;
        if (follow_fired) {
            const Date since = Date::from_serial(follow_since);
            r.no_follow_up = ReleaseTrigger{ReleaseRule::no_follow_up,  since,
                                            Days{rule->follow + shift}, since + Days{rule->follow},
                                            Days{today - follow_since}, policy.release_after};
        }
        if (deal_fired) {
            const Date since = Date::from_serial(deal_since);
            r.no_deal = ReleaseTrigger{ReleaseRule::no_deal,     since,
                                       Days{rule->deal + shift}, since + Days{rule->deal},
                                       Days{today - deal_since}, policy.release_after};
        }
    }

    // One account, one release: the same id released twice means the archive holds it twice.
    if (out.size() > 1) {
        std::unordered_set<std::string_view> ids;
        ids.reserve(out.size());
        for (const Release& r : out)
            if (!ids.insert(r.account.value()).second)
                throw Error(ErrorCode::duplicate, "accounts[" + std::to_string(r.index) + "].id",
                            "the account id appears twice in the archive");
    }
    return out;
}

Decision transfer(const PoolPolicy& policy, const Account& account, const PersonId& from, const PersonId& to,
                  std::int64_t to_owned_count, const OrgChart& org) {
    policy.validate();
    (void)tier_rule(policy, account, "account.tier");
    (void)org.person(from, "from");
    (void)org.person(to, "to");
    if (account.owner) (void)org.person(*account.owner, "account.owner");
    if (to_owned_count < 0)
        throw Error(ErrorCode::invalid_argument, "to_owned_count", "a count cannot be negative");

    Decision d;
    if (!account.owner || *account.owner != from)
        d.add(Reason{reasons::transfer_not_owner, Outcome::block}
                  .with("account", account.id.value())
                  .with("from", from.value()));
    if (from == to)
        d.add(Reason{reasons::transfer_same_owner, Outcome::block}
                  .with("account", account.id.value())
                  .with("from", from.value()));
    const std::int64_t cap = cap_of(policy);
    if (cap >= 0 && to_owned_count >= cap)
        d.add(Reason{reasons::at_max, Outcome::block}
                  .with("rep", to.value())
                  .with("owned", to_owned_count)
                  .with("max", cap));
    if (d.outcome() == Outcome::block) return d;  // approval of an impossible transfer is moot
    if (policy.transfer_needs_approval) {
        std::string common = "none";
        for (const PersonId& m : org.managers_of(from))
            if (org.is_above(m, to)) {
                common = m.value();
                break;
            }
        d.add(Reason{reasons::transfer_needs_approval, Outcome::needs_approval}
                  .with("account", account.id.value())
                  .with("from", from.value())
                  .with("to", to.value())
                  .with("common_manager", common));
    } else {
        d.add(Reason{reasons::transfer_allowed, Outcome::allow}
                  .with("account", account.id.value())
                  .with("from", from.value())
                  .with("to", to.value()));
    }
    return d;
}

}  // namespace crm::account
