// Reading and writing the JSON documents (include/crm/io/json.hpp). nlohmann::json stays
// inside this file: its exceptions become crm::Error, its types appear in no public header.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>

#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "json_detail.hpp"

namespace crm::io {

namespace {

using Json = nlohmann::json;

// ---- reading ---------------------------------------------------------------------------------

/// A value of the document and its JSON Pointer.
struct In {
    const Json& j;
    std::string ptr;

    [[nodiscard]] In at(std::string_view key) const {
        return In{j.at(std::string(key)), ptr + detail::pointer_token(key)};
    }
    [[nodiscard]] In at(std::size_t i) const { return In{j.at(i), ptr + "/" + std::to_string(i)}; }
};

[[noreturn]] void fail(const In& in, ErrorCode code, std::string message) {
    throw Error(code, in.ptr, std::move(message));
}

std::string_view kind_of(const Json& j) {
    switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "true or false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number with a fraction or exponent";
    default: return "a value of another kind";
    }
}

[[noreturn]] void wrong_kind(const In& in, std::string_view wanted) {
    fail(in, ErrorCode::parse_error,
         "expected " + std::string(wanted) + ", found " + std::string(kind_of(in.j)));
}

/// Runs `f`; a crm::Error it throws (a vocabulary parse, a constructor's check) is rethrown
/// naming `in`'s pointer, extended by the part of the error's field after `prefix` when the
/// field starts with it (so `buckets[2].from_days` under prefix `buckets` becomes `/2/from_days`).
template <class F>
decltype(auto) as(const In& in, F&& f, std::string_view prefix = {}) {
    try {
        return std::forward<F>(f)();
    } catch (const Error& e) {
        std::string ptr = in.ptr;
        const std::string& field = e.field();
        if (!prefix.empty() && field.starts_with(prefix) && field.size() > prefix.size() &&
            (field[prefix.size()] == '.' || field[prefix.size()] == '['))
            ptr += to_json_pointer(std::string_view(field).substr(prefix.size()));
        throw Error(e.code(), ptr, e.message());
    }
}

/// An object being read: every key must be asked for before `done()`, which refuses the rest.
class Obj {
public:
    Obj(const In& in) : in_(in) {  // NOLINT(google-explicit-constructor)
        if (!in.j.is_object()) wrong_kind(in, "an object");
    }
    /// The member, or nullopt when the key is absent.
    std::optional<In> opt(std::string_view key) {
        known_.emplace_back(key);
        const auto it = in_.j.find(std::string(key));
        if (it == in_.j.end()) return std::nullopt;
        return In{*it, in_.ptr + detail::pointer_token(key)};
    }
    /// The member; a missing key is an error naming it.
    In req(std::string_view key) {
        auto v = opt(key);
        if (!v) fail(in_, ErrorCode::parse_error, "the key \"" + std::string(key) + "\" is required");
        return *v;
    }
    /// Keys the reader knows but this version does not read yet get their own message.
    void not_yet(std::string_view key, std::string_view what) {
        if (in_.j.contains(std::string(key)))
            fail(In{in_.j.at(std::string(key)), in_.ptr + detail::pointer_token(key)}, ErrorCode::parse_error,
                 std::string(what) + " cannot be read from a document by this version of crm yet");
    }
    /// Throws for a key nobody asked for (a typo must never silently fall back to a default).
    void done() const {
        for (const auto& [key, value] : in_.j.items()) {
            bool ok = key == "$schema" && in_.ptr.empty();
            for (const auto& k : known_) ok = ok || k == key;
            if (ok) continue;
            std::string list;
            for (const auto& k : known_) list += (list.empty() ? "" : ", ") + k;
            fail(In{value, in_.ptr + detail::pointer_token(key)}, ErrorCode::parse_error,
                 "unknown key \"" + key + "\" (known here: " + list + ")");
        }
    }

private:
    In in_;
    std::vector<std::string> known_;
};

std::string text(const In& in) {
    if (!in.j.is_string()) wrong_kind(in, "a string");
    return in.j.get<std::string>();
}

bool boolean(const In& in) {
    if (!in.j.is_boolean()) wrong_kind(in, "true or false");
    return in.j.get<bool>();
}

/// True when `text` (a JSON number as nlohmann writes it: `1e+20`, `9.3e+18`, `1.5`) is a whole
/// number with more than 19 integer digits, i.e. beyond what an int64 holds.
bool whole_beyond_int64(const std::string& text) {
    std::size_t i = (!text.empty() && text[0] == '-') ? 1 : 0;
    std::string digits;
    long long point = -1;  // digits before the point
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.')
            point = static_cast<long long>(digits.size());
        else
            digits += text[i];
    }
    long long exponent = 0;
    if (i < text.size()) {
        const std::string e = text.substr(i + 1);
        if (e.size() > 6) return e[0] != '-';
        exponent = std::stoll(e);
    }
    const std::size_t nonzero = digits.find_first_not_of('0');
    if (nonzero == std::string::npos) return false;
    const std::size_t last = digits.find_last_not_of('0');
    const long long before = point < 0 ? static_cast<long long>(digits.size()) : point;
    const long long integer_digits = before - static_cast<long long>(nonzero) + exponent;
    const long long fraction_digits = static_cast<long long>(last) + 1 - before - exponent;
    return fraction_digits <= 0 && integer_digits > 19;
}

std::int64_t integer(const In& in) {
    if (in.j.is_number_unsigned()) {
        const auto u = in.j.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(in, ErrorCode::overflow, "the integer is beyond the range of 64 bits");
        return static_cast<std::int64_t>(u);
    }
    if (in.j.is_number_integer()) return in.j.get<std::int64_t>();
    if (in.j.is_number_float()) {
        // nlohmann reads an integer beyond 64 bits as a float: say so, not "a fraction". Decided
        // from the number's text (digits and exponent), never by binary floating point.
        if (whole_beyond_int64(in.j.dump()))
            fail(in, ErrorCode::overflow, "the number is beyond the range of 64 bits");
        fail(in, ErrorCode::parse_error,
             "expected a whole number, found a number with a fraction or exponent");
    }
    wrong_kind(in, "an integer");
}

int small_int(const In& in) {
    const std::int64_t v = integer(in);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        fail(in, ErrorCode::overflow, "the integer is beyond the range this field allows");
    return static_cast<int>(v);
}

/// Decimals travel as strings: a JSON number is refused, whatever its value.
Decimal decimal(const In& in, std::string_view what = "a decimal") {
    if (in.j.is_number())
        fail(in, ErrorCode::parse_error,
             "expected " + std::string(what) +
                 " as a string such as \"12.50\": a JSON number is read as a binary "
                 "floating-point value, which cannot carry money or rates exactly");
    const std::string s = text(in);
    return as(in, [&] { return Decimal::parse(s, {}, "decimal"); });
}

Percent percent(const In& in) {
    if (in.j.is_number())
        fail(in, ErrorCode::parse_error,
             "expected a percent as a string such as \"85%\": a JSON number is read as a binary "
             "floating-point "
             "value, which cannot carry rates exactly");
    std::string s = text(in);
    if (!s.empty() && s.back() == '%') s.pop_back();
    return as(in, [&] { return Percent{Decimal::parse(s, {}, "percent")}; });
}

Currency currency(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return Currency{s}; });
}

Money money(const In& in) {
    if (in.j.is_number())
        fail(in, ErrorCode::parse_error,
             "expected an amount as {\"amount\": \"12.50\", \"currency\": \"CNY\"}: a JSON number is read as "
             "a binary "
             "floating-point value, which cannot carry money exactly");
    Obj o(in);
    const In a = o.req("amount");
    const In c = o.req("currency");
    o.done();
    const Decimal amount = decimal(a, "an amount");
    return Money{amount, currency(c)};
}

Date date(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return Date::parse(s); });
}

Days days(const In& in) { return Days{integer(in)}; }

template <class T>
T id(const In& in) {
    return T{text(in)};
}

template <class E, std::size_t N>
E enumerated(const In& in, const std::array<E, N>& all) {
    const std::string s = text(in);
    std::string names;
    for (const E e : all) {
        if (to_string(e) == s) return e;
        names += (names.empty() ? "" : ", ") + std::string(to_string(e));
    }
    fail(in, ErrorCode::parse_error, "\"" + s + "\" is not one of " + names);
}

constexpr std::array rounding_modes{RoundingMode::half_even, RoundingMode::half_up, RoundingMode::half_down,
                                    RoundingMode::up,        RoundingMode::down,    RoundingMode::ceiling,
                                    RoundingMode::floor};
constexpr std::array tolerance_rules{credit::ToleranceRule::smaller, credit::ToleranceRule::larger};
constexpr std::array escalations{credit::Escalation::needs_approval, credit::Escalation::block};
constexpr std::array aging_bases{credit::AgingBasis::days_past_due, credit::AgingBasis::days_since_invoice};

Weekday weekday(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return parse_weekday(s); });
}

template <class F>
auto list(const In& in, F&& read) {
    if (!in.j.is_array()) wrong_kind(in, "an array");
    std::vector<decltype(read(in))> out;
    out.reserve(in.j.size());
    for (std::size_t i = 0; i < in.j.size(); ++i) out.push_back(read(in.at(i)));
    return out;
}

/// Sets `target` from the member when present: `null` gives nullopt, a value is read by `read`.
template <class T, class F>
void nullable(Obj& o, std::string_view key, std::optional<T>& target, F&& read) {
    if (auto v = o.opt(key)) {
        if (v->j.is_null())
            target.reset();
        else
            target = read(*v);
    }
}
/// Sets `target` from the member when present.
template <class T, class F>
void plain(Obj& o, std::string_view key, T& target, F&& read) {
    if (auto v = o.opt(key)) target = read(*v);
}

// -- credit policy

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
    o.not_yet("sla", "the complaint SLA policy");
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
    o.not_yet("pricing", "the pricing policies (rule book, authority)");
    o.not_yet("approval", "the approval matrix");
    o.not_yet("scoring", "the scorecards and the KPI policy");
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

credit::Receivable receivable(const In& in) {
    Obj o(in);
    credit::Receivable r{.invoice = id<InvoiceId>(o.req("invoice")),
                         .account = {},
                         .invoiced_on = date(o.req("invoiced_on")),
                         .due_on = date(o.req("due_on")),
                         .open_amount = money(o.req("open_amount"))};
    plain(o, "account", r.account, id<AccountId>);
    o.done();
    return r;
}

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

Lang lang(const In& in) {
    const std::string s = text(in);
    if (s == "zh") return Lang::zh;
    if (s == "en") return Lang::en;
    fail(in, ErrorCode::parse_error, "\"" + s + "\" is not one of zh, en");
}

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

/// Parses `text` and reads it with `read`; every error leaves as a crm::Error whose field is
/// a JSON Pointer and whose message starts with `file:line:column: `.
template <class F>
auto read_document(std::string_view text, std::string_view file, F&& read) {
    const std::string name(file.empty() ? "<input>" : file);
    auto located = [&](ErrorCode code, const std::string& ptr, std::size_t offset,
                       const std::string& message) {
        const TextPosition at = position_of(text, offset);
        return Error(code, ptr,
                     name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message);
    };
    Json j;
    try {
        j = Json::parse(text.begin(), text.end(), nullptr, true, false);
    } catch (const Json::parse_error& e) {
        // e.byte is the 1-based position of the byte that stopped the parser; the message's
        // own "[json.exception.parse_error.101] parse error at line 1, column 5: " is dropped.
        std::string what = e.what();
        const auto colon = what.find(": ");
        if (colon != std::string::npos) what = what.substr(colon + 2);
        // "; last read: '...'" quotes the raw bytes, which may be the invalid UTF-8 itself.
        if (const auto last = what.find("; last read: "); last != std::string::npos) {
            const auto next = what.find("; ", last + 2);
            what.erase(last, next == std::string::npos ? std::string::npos : next - last);
        }
        const std::size_t offset = e.byte == 0 ? 0 : e.byte - 1;
        const bool truncated = offset >= text.size();
        throw located(ErrorCode::parse_error, "", offset,
                      (truncated ? "the document ends too early (truncated?): " : "not valid JSON: ") + what);
    } catch (const Json::out_of_range& e) {
        // "number overflow parsing '1e999'": nlohmann gives no position, so find the number.
        const std::string what = e.what();
        const auto open = what.find('\'');
        const auto close = what.rfind('\'');
        std::size_t offset = 0;
        std::string number;
        if (open != std::string::npos && close > open) {
            number = what.substr(open + 1, close - open - 1);
            offset = text.find(number);
            if (offset == std::string_view::npos) offset = 0;
        }
        throw located(ErrorCode::overflow, "", offset,
                      "the number " + number + " is beyond the range of a JSON number this reader accepts");
    } catch (const Json::exception& e) {
        throw located(ErrorCode::parse_error, "", 0, e.what());
    }
    if (auto dup = detail::duplicate_key(text))
        throw located(ErrorCode::duplicate, dup->pointer, dup->offset,
                      "this key is given twice in its object");
    try {
        return read(In{j, ""});
    } catch (const Error& e) {
        throw located(e.code(), e.field(), locate(text, e.field()), e.message());
    } catch (const Json::exception& e) {
        throw located(ErrorCode::parse_error, "", 0, e.what());
    }
}

// ---- writing ---------------------------------------------------------------------------------

Json w(const Decimal& d) { return d.to_string(); }
Json w(const Percent& p) { return p.value().to_string() + "%"; }
Json w(const Money& m) {
    return Json{{"amount", m.amount().to_string()}, {"currency", std::string(m.currency().code())}};
}
Json w(Date d) { return d.to_string(); }
Json w(Days d) { return d.count(); }
template <class Tag>
Json w(const Id<Tag>& i) {
    return i.value();
}
template <class T>
Json w_opt(const std::optional<T>& v) {
    return v ? w(*v) : Json(nullptr);
}
template <class T, class F>
Json w_list(const std::vector<T>& v, F&& f) {
    Json a = Json::array();
    for (const auto& x : v) a.push_back(f(x));
    return a;
}
template <class E>
Json w_enum(E e) {
    return std::string(to_string(e));
}

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
          {"transfer_needs_approval", a.pool.transfer_needs_approval}}},
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

Json w_receivable(const credit::Receivable& r) {
    return Json{{"invoice", w(r.invoice)},
                {"account", w(r.account)},
                {"invoiced_on", w(r.invoiced_on)},
                {"due_on", w(r.due_on)},
                {"open_amount", w(r.open_amount)}};
}
Json w_order(const credit::Order& o) { return Json{{"id", w(o.id)}, {"amount", w(o.amount)}}; }
Json w_rate(const credit::FxRate& r) {
    return Json{{"from", std::string(r.from.code())}, {"rate", w(r.rate)}};
}

std::string dump(const Json& j) {
    try {
        return j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
    } catch (const Json::exception&) {
        throw Error(ErrorCode::invalid_argument, "",
                    "a text of the value is not valid UTF-8 and cannot be written");
    }
}

void refuse_unwritable(bool differs, std::string field, std::string_view what) {
    if (differs)
        throw Error(ErrorCode::invalid_operation, std::move(field),
                    std::string(what) + " cannot be written to a document by this version of crm yet");
}

}  // namespace

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
        refuse_unwritable(!(v.account.sla == account::SlaPolicy{}), p + "account.sla",
                          "the complaint SLA policy");
        refuse_unwritable(!(v.pricing == policy::PricingPolicies{}), p + "pricing", "the pricing policies");
        refuse_unwritable(!(v.approval == policy::ApprovalPolicies{}), p + "approval", "the approval matrix");
        refuse_unwritable(!(v.scoring == policy::ScoringPolicies{}), p + "scoring", "the scoring policies");
        versions.push_back(Json{{"id", v.id},
                                {"effective_from", w(v.effective_from)},
                                {"account", w_account(v.account)},
                                {"credit", w_credit(v.credit)},
                                {"calendars", w_list(v.calendars, w_calendar)}});
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
