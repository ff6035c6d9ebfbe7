// Reading and writing the JSON documents (include/crm/io/json.hpp). nlohmann::json stays
// inside this file: its exceptions become crm::Error, its types appear in no public header.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>

#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "json_codec.hpp"
#include "json_detail.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

// ---- reading ---------------------------------------------------------------------------------

credit::PolicyEntry policy_entry(const In& in) {
    Obj o(in);
    credit::PolicyEntry e;
    e.tier = text(o.req("tier"));
    plain(o, "segment", e.segment, text);
    credit::Policy& p = e.policy;
    if (auto x = o.opt("exposure")) {
        Obj c(*x);
        plain(c, "open_receivables", p.exposure.open_receivables, boolean);
        plain(c, "open_orders", p.exposure.open_orders, boolean);
        plain(c, "shipped_not_invoiced", p.exposure.shipped_not_invoiced, boolean);
        plain(c, "this_order", p.exposure.this_order, boolean);
        c.done();
    }
    nullable(o, "warn_utilisation", p.warn_utilisation, percent);
    if (auto x = o.opt("tolerance")) {
        Obj t(*x);
        nullable(t, "amount", p.tolerance.amount, money);
        nullable(t, "percent", p.tolerance.percent, percent);
        plain(t, "rule", p.tolerance.rule, [](const In& v) { return enumerated(v, tolerance_rules); });
        t.done();
    }
    if (auto x = o.opt("overdue")) {
        Obj t(*x);
        nullable(t, "max_days_past_due", p.overdue.max_days_past_due, days);
        nullable(t, "max_overdue_amount", p.overdue.max_overdue_amount, money);
        plain(t, "grace", p.overdue.grace, days);
        t.done();
    }
    nullable(o, "limit_valid_months", p.limit_valid_months, small_int);
    plain(o, "on_hold", p.on_hold, [](const In& v) { return enumerated(v, escalations); });
    plain(o, "on_expired_limit", p.on_expired_limit, [](const In& v) { return enumerated(v, escalations); });
    plain(o, "conversion_rounding", p.conversion_rounding,
          [](const In& v) { return enumerated(v, rounding_modes); });
    o.done();
    return e;
}

credit::AgingBucket aging_bucket(const In& in) {
    Obj o(in);
    credit::AgingBucket b;
    b.label = text(o.req("label"));
    b.from_days = integer(o.req("from_days"));
    b.to_days = std::nullopt;
    nullable(o, "to_days", b.to_days, integer);
    o.done();
    return b;
}

credit::ProvisionSchedule provisions(const In& in) {
    Obj o(in);
    credit::ProvisionSchedule s;
    if (auto b = o.opt("buckets")) {
        auto buckets = list(*b, aging_bucket);
        s.buckets = as(
            *b, [&] { return credit::AgingBuckets(std::move(buckets), "buckets"); }, "buckets");
    }
    plain(o, "rates", s.rates, [](const In& v) { return list(v, percent); });
    plain(o, "basis", s.basis, [](const In& v) { return enumerated(v, aging_bases); });
    o.done();
    return s;
}

credit::AccountCap account_cap(const In& in) {
    Obj o(in);
    credit::AccountCap c{.account = id<AccountId>(o.req("account")), .cap = money(o.req("cap"))};
    o.done();
    return c;
}

credit::RegionCap region_cap(const In& in) {
    Obj o(in);
    credit::RegionCap c{.region = id<RegionId>(o.req("region")), .cap = money(o.req("cap"))};
    o.done();
    return c;
}

policy::CreditPolicies credit_policies(const In& in) {
    Obj o(in);
    policy::CreditPolicies c;
    plain(o, "policies", c.policies, [](const In& v) { return list(v, policy_entry); });
    plain(o, "aging_buckets", c.aging_buckets, [](const In& v) { return list(v, aging_bucket); });
    plain(o, "provisions", c.provisions, provisions);
    plain(o, "account_caps", c.account_caps, [](const In& v) { return list(v, account_cap); });
    plain(o, "region_caps", c.region_caps, [](const In& v) { return list(v, region_cap); });
    o.done();
    return c;
}

// -- account policies

account::TierPoolRule pool_tier(const In& in) {
    Obj o(in);
    account::TierPoolRule r;
    r.tier = text(o.req("tier"));
    nullable(o, "follow_up_within", r.follow_up_within, days);
    nullable(o, "deal_within", r.deal_within, days);
    plain(o, "exempt", r.exempt, boolean);
    o.done();
    return r;
}

account::PoolPolicy pool(const In& in) {
    Obj o(in);
    account::PoolPolicy p;
    plain(o, "tiers", p.tiers, [](const In& v) { return list(v, pool_tier); });
    nullable(o, "max_accounts_per_rep", p.max_accounts_per_rep, integer);
    plain(o, "reclaim_cooldown", p.reclaim_cooldown, days);
    plain(o, "transfer_needs_approval", p.transfer_needs_approval, boolean);
    plain(o, "release_after", p.release_after, [](const In& v) { return enumerated(v, boundaries); });
    o.done();
    return p;
}

account::VisitCadence visit_cadence(const In& in) {
    Obj o(in);
    account::VisitCadence c;
    c.tier = text(o.req("tier"));
    c.every_months = small_int(o.req("every_months"));
    o.done();
    return c;
}

account::VisitPolicy visits(const In& in) {
    Obj o(in);
    account::VisitPolicy p;
    plain(o, "tiers", p.tiers, [](const In& v) { return list(v, visit_cadence); });
    plain(o, "skip_lost", p.skip_lost, boolean);
    o.done();
    return p;
}

policy::AccountPolicies account_policies(const In& in) {
    Obj o(in);
    policy::AccountPolicies a;
    plain(o, "pool", a.pool, pool);
    plain(o, "visits", a.visits, visits);
    plain(o, "sla", a.sla, sla_policy);
    o.done();
    return a;
}

policy::CalendarPolicy calendar(const In& in) {
    Obj o(in);
    policy::CalendarPolicy c;
    c.spec.name = text(o.req("name"));
    plain(o, "weekend", c.spec.weekend, [](const In& v) { return list(v, weekday); });
    plain(o, "holidays", c.spec.holidays, [](const In& v) { return list(v, date); });
    plain(o, "working_days", c.spec.working_days, [](const In& v) { return list(v, date); });
    plain(o, "strict", c.spec.strict, boolean);
    o.done();
    return c;
}

policy::PolicyVersion policy_version(const In& in) {
    Obj o(in);
    policy::PolicyVersion v;
    v.id = text(o.req("id"));
    v.effective_from = date(o.req("effective_from"));
    plain(o, "account", v.account, account_policies);
    plain(o, "credit", v.credit, credit_policies);
    plain(o, "calendars", v.calendars, [](const In& x) { return list(x, calendar); });
    plain(o, "pricing", v.pricing, pricing_policies);
    plain(o, "approval", v.approval, approval_policies);
    plain(o, "scoring", v.scoring, scoring_policies);
    o.done();
    return v;
}

policy::PolicySet policy_set(const In& in) {
    Obj o(in);
    policy::PolicySet s;
    plain(o, "company", s.company, text);
    s.versions = list(o.req("versions"), policy_version);
    o.done();
    return s;
}

// -- credit facts

credit::Order order(const In& in) {
    Obj o(in);
    credit::Order r{.id = id<OrderId>(o.req("id")), .amount = money(o.req("amount"))};
    o.done();
    return r;
}

credit::FxRate fx_rate(const In& in) {
    Obj o(in);
    credit::FxRate r{.from = currency(o.req("from")), .rate = decimal(o.req("rate"), "a rate")};
    o.done();
    return r;
}

credit::AccountRegion account_region(const In& in) {
    Obj o(in);
    credit::AccountRegion r{.account = id<AccountId>(o.req("account")),
                            .region = id<RegionId>(o.req("region"))};
    o.done();
    return r;
}

credit::CreditProfile profile(const In& in) {
    Obj o(in);
    credit::CreditProfile p;
    p.account = id<AccountId>(o.req("account"));
    p.limit = money(o.req("limit"));
    nullable(o, "hold", p.hold, [](const In& v) {
        Obj h(v);
        credit::CreditHold hold;
        plain(h, "reason", hold.reason, text);
        nullable(h, "since", hold.since, date);
        h.done();
        return hold;
    });
    plain(o, "rating", p.rating, text);
    nullable(o, "limit_reviewed_on", p.limit_reviewed_on, date);
    o.not_yet("terms", "payment terms");
    o.done();
    return p;
}

/// Checks every item as the ledger functions do, naming `<ptr>/<i>/<member>`.
void check_items(const In& in, const std::vector<credit::Receivable>& items) {
    for (std::size_t i = 0; i < items.size(); ++i)
        as(
            in, [&] { credit::detail::check_receivable_fully(items[i], "items", i); }, "items");
}

CreditAccount credit_account(const In& in) {
    Obj o(in);
    CreditAccount a;
    const In p = o.req("profile");
    a.profile = profile(p);
    as(
        p, [&] { a.profile.validate("profile"); }, "profile");
    a.tier = text(o.req("tier"));
    plain(o, "segment", a.segment, text);
    if (auto r = o.opt("receivables")) {
        a.receivables = list(*r, receivable);
        check_items(*r, a.receivables);
    }
    plain(o, "open_orders", a.open_orders, [](const In& v) { return list(v, order); });
    plain(o, "shipped_not_invoiced", a.shipped_not_invoiced, [](const In& v) { return list(v, order); });
    if (auto r = o.opt("rates")) {
        a.rates = list(*r, fx_rate);
        as(
            *r, [&] { credit::validate_rates(a.rates, a.profile.currency(), "rates"); }, "rates");
    }
    o.done();
    return a;
}

ReceivablesLedger receivables_ledger(const In& in) {
    Obj o(in);
    ReceivablesLedger l;
    nullable(o, "currency", l.currency, currency);
    if (auto r = o.opt("receivables")) {
        l.receivables = list(*r, receivable);
        check_items(*r, l.receivables);
    }
    if (auto r = o.opt("rates")) {
        l.rates = list(*r, fx_rate);
        const Currency to =
            l.currency ? *l.currency
                       : (l.receivables.empty() ? Currency{"CNY"} : l.receivables[0].open_amount.currency());
        as(
            *r, [&] { credit::validate_rates(l.rates, to, "rates"); }, "rates");
    }
    plain(o, "regions", l.regions, [](const In& v) { return list(v, account_region); });
    o.done();
    return l;
}

// -- requests

constexpr std::array aging_scopes{AgingScope::total, AgingScope::account, AgingScope::region};

CheckOrderRequest check_order_request(const In& in) {
    Obj o(in);
    CheckOrderRequest r;
    r.account = credit_account(o.req("account"));
    r.order = order(o.req("order"));
    r.as_of = date(o.req("as_of"));
    plain(o, "lang", r.lang, lang);
    o.done();
    return r;
}

AgingRequest aging_request(const In& in) {
    Obj o(in);
    AgingRequest r;
    r.receivables = receivables_ledger(o.req("receivables"));
    r.as_of = date(o.req("as_of"));
    plain(o, "basis", r.basis, [](const In& v) { return enumerated(v, aging_bases); });
    plain(o, "by", r.by, [](const In& v) { return enumerated(v, aging_scopes); });
    if (auto b = o.opt("buckets"); b && !b->j.is_null()) {
        auto buckets = list(*b, aging_bucket);
        r.buckets = as(
            *b, [&] { return credit::AgingBuckets(std::move(buckets), "buckets"); }, "buckets");
    }
    plain(o, "lang", r.lang, lang);
    o.done();
    return r;
}

ValidateRequest validate_request(const In& in) {
    Obj o(in);
    ValidateRequest r;
    plain(o, "lang", r.lang, lang);
    o.done();
    return r;
}

// ---- writing ---------------------------------------------------------------------------------

Json w_bucket(const credit::AgingBucket& b) {
    return Json{{"label", b.label},
                {"from_days", b.from_days},
                {"to_days", b.to_days ? Json(*b.to_days) : Json(nullptr)}};
}

Json w_entry(const credit::PolicyEntry& e) {
    const credit::Policy& p = e.policy;
    return Json{
        {"tier", e.tier},
        {"segment", e.segment},
        {"exposure",
         {{"open_receivables", p.exposure.open_receivables},
          {"open_orders", p.exposure.open_orders},
          {"shipped_not_invoiced", p.exposure.shipped_not_invoiced},
          {"this_order", p.exposure.this_order}}},
        {"warn_utilisation", w_opt(p.warn_utilisation)},
        {"tolerance",
         {{"amount", w_opt(p.tolerance.amount)},
          {"percent", w_opt(p.tolerance.percent)},
          {"rule", w_enum(p.tolerance.rule)}}},
        {"overdue",
         {{"max_days_past_due", w_opt(p.overdue.max_days_past_due)},
          {"max_overdue_amount", w_opt(p.overdue.max_overdue_amount)},
          {"grace", w(p.overdue.grace)}}},
        {"limit_valid_months", p.limit_valid_months ? Json(*p.limit_valid_months) : Json(nullptr)},
        {"on_hold", w_enum(p.on_hold)},
        {"on_expired_limit", w_enum(p.on_expired_limit)},
        {"conversion_rounding", w_enum(p.conversion_rounding)},
    };
}

Json w_credit(const policy::CreditPolicies& c) {
    const std::vector<credit::AgingBucket> provision_buckets(c.provisions.buckets.buckets().begin(),
                                                             c.provisions.buckets.buckets().end());
    return Json{
        {"policies", w_list(c.policies, w_entry)},
        {"aging_buckets", w_list(c.aging_buckets, w_bucket)},
        {"provisions",
         {{"buckets", w_list(provision_buckets, w_bucket)},
          {"rates", w_list(c.provisions.rates, [](const Percent& p) { return w(p); })},
          {"basis", w_enum(c.provisions.basis)}}},
        {"account_caps", w_list(c.account_caps,
                                [](const credit::AccountCap& x) {
                                    return Json{{"account", w(x.account)}, {"cap", w(x.cap)}};
                                })},
        {"region_caps", w_list(c.region_caps,
                               [](const credit::RegionCap& x) {
                                   return Json{{"region", w(x.region)}, {"cap", w(x.cap)}};
                               })},
    };
}

Json w_account(const policy::AccountPolicies& a) {
    return Json{
        {"pool",
         {{"tiers", w_list(a.pool.tiers,
                           [](const account::TierPoolRule& r) {
                               return Json{{"tier", r.tier},
                                           {"follow_up_within", w_opt(r.follow_up_within)},
                                           {"deal_within", w_opt(r.deal_within)},
                                           {"exempt", r.exempt}};
                           })},
          {"max_accounts_per_rep",
           a.pool.max_accounts_per_rep ? Json(*a.pool.max_accounts_per_rep) : Json(nullptr)},
          {"reclaim_cooldown", w(a.pool.reclaim_cooldown)},
          {"transfer_needs_approval", a.pool.transfer_needs_approval},
          {"release_after", w_enum(a.pool.release_after)}}},
        {"visits",
         {{"tiers", w_list(a.visits.tiers,
                           [](const account::VisitCadence& c) {
                               return Json{{"tier", c.tier}, {"every_months", c.every_months}};
                           })},
          {"skip_lost", a.visits.skip_lost}}},
    };
}

Json w_calendar(const policy::CalendarPolicy& c) {
    return Json{{"name", c.spec.name},
                {"weekend", w_list(c.spec.weekend, [](Weekday d) { return w_enum(d); })},
                {"holidays", w_list(c.spec.holidays, [](Date d) { return w(d); })},
                {"working_days", w_list(c.spec.working_days, [](Date d) { return w(d); })},
                {"strict", c.spec.strict}};
}

Json w_order(const credit::Order& o) { return Json{{"id", w(o.id)}, {"amount", w(o.amount)}}; }
Json w_rate(const credit::FxRate& r) {
    return Json{{"from", std::string(r.from.code())}, {"rate", w(r.rate)}};
}

}  // namespace

CreditAccount codec::credit_account_member(const In& in) { return credit_account(in); }
credit::Order codec::order_member(const In& in) { return order(in); }

policy::PolicySet read_policy_set(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        policy::PolicySet set = policy_set(in);
        try {
            (void)set.validate();
        } catch (const Error& e) {
            throw Error(e.code(), to_json_pointer(e.field()), e.message());
        }
        return set;
    });
}

std::string write_policy_set(const policy::PolicySet& set) {
    Json versions = Json::array();
    for (std::size_t i = 0; i < set.versions.size(); ++i) {
        const auto& v = set.versions[i];
        const std::string p = "versions[" + std::to_string(i) + "].";
        Json account = w_account(v.account);
        if (auto sla = w_sla(v.account.sla, p + "account.sla")) account["sla"] = std::move(*sla);
        Json version{{"id", v.id},
                     {"effective_from", w(v.effective_from)},
                     {"account", std::move(account)},
                     {"credit", w_credit(v.credit)},
                     {"calendars", w_list(v.calendars, w_calendar)}};
        if (auto x = w_pricing(v.pricing, p + "pricing")) version["pricing"] = std::move(*x);
        if (auto x = w_approval(v.approval, p + "approval")) version["approval"] = std::move(*x);
        if (auto x = w_scoring(v.scoring, p + "scoring")) version["scoring"] = std::move(*x);
        versions.push_back(std::move(version));
    }
    return dump(Json{{"company", set.company}, {"versions", versions}});
}

CreditAccount read_credit_account(std::string_view text, std::string_view file) {
    return read_document(text, file, credit_account);
}

std::string write_credit_account(const CreditAccount& a) {
    refuse_unwritable(!(a.profile.terms == terms::PaymentTerms{}), "profile.terms", "payment terms");
    Json hold = nullptr;
    if (a.profile.hold)
        hold = Json{{"reason", a.profile.hold->reason}, {"since", w_opt(a.profile.hold->since)}};
    return dump(Json{{"profile",
                      {{"account", w(a.profile.account)},
                       {"limit", w(a.profile.limit)},
                       {"hold", hold},
                       {"rating", a.profile.rating},
                       {"limit_reviewed_on", w_opt(a.profile.limit_reviewed_on)}}},
                     {"tier", a.tier},
                     {"segment", a.segment},
                     {"receivables", w_list(a.receivables, w_receivable)},
                     {"open_orders", w_list(a.open_orders, w_order)},
                     {"shipped_not_invoiced", w_list(a.shipped_not_invoiced, w_order)},
                     {"rates", w_list(a.rates, w_rate)}});
}

credit::Order read_order(std::string_view text, std::string_view file) {
    return read_document(text, file, order);
}

std::string write_order(const credit::Order& o) { return dump(w_order(o)); }

ReceivablesLedger read_receivables(std::string_view text, std::string_view file) {
    return read_document(text, file, receivables_ledger);
}

std::string_view to_string(AgingScope scope) noexcept {
    switch (scope) {
    case AgingScope::total: return "total";
    case AgingScope::account: return "account";
    case AgingScope::region: return "region";
    }
    return "?";
}

CheckOrderRequest read_check_order_request(std::string_view text, std::string_view file) {
    return read_document(text, file, check_order_request);
}

AgingRequest read_aging_request(std::string_view text, std::string_view file) {
    return read_document(text, file, aging_request);
}

ValidateRequest read_validate_request(std::string_view text, std::string_view file) {
    return read_document(text, file, validate_request);
}

std::string write_receivables(const ReceivablesLedger& l) {
    return dump(Json{{"currency", l.currency ? Json(std::string(l.currency->code())) : Json(nullptr)},
                     {"receivables", w_list(l.receivables, w_receivable)},
                     {"rates", w_list(l.rates, w_rate)},
                     {"regions", w_list(l.regions, [](const credit::AccountRegion& r) {
                          return Json{{"account", w(r.account)}, {"region", w(r.region)}};
                      })}});
}

}  // namespace crm::io
