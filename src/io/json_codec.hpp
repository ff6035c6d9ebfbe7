#pragma once
// The reading and writing primitives of the JSON documents, shared by the io sources (json.cpp
// and one source per policy area); not installed. nlohmann::json appears only in io sources.
//
// Reading: an `In` is a value and its JSON Pointer; `Obj` reads an object and refuses unknown
// keys at `done()`; the primitives (text, integer, decimal, percent, money, date, enumerated,
// list, nullable, plain) fail with a crm::Error naming the pointer; `as` maps a vocabulary
// error thrown inside to the pointer. `read_document` parses and locates errors (file:line:col).
// Writing: `w` and `w_*` build the canonical JSON (nlohmann's object keeps keys sorted).

#include <crm/account/account.hpp>
#include <crm/account/complaint.hpp>
#include <crm/account/pool.hpp>
#include <crm/approval/request.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/policy.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/io/json.hpp>
#include <crm/money/money.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/pricing/model.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>
#include <crm/time/time_of_day.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_detail.hpp"

namespace crm::io::codec {

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

[[noreturn]] inline void fail(const In& in, ErrorCode code, std::string message) {
    throw Error(code, in.ptr, std::move(message));
}

inline std::string_view kind_of(const Json& j) {
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

[[noreturn]] inline void wrong_kind(const In& in, std::string_view wanted) {
    fail(in, ErrorCode::parse_error,
         "expected " + std::string(wanted) + ", found " + std::string(kind_of(in.j)));
}

/// Runs `f`; a crm::Error it throws (a vocabulary parse, a constructor's check) is rethrown
/// naming `in`'s pointer, extended by the part of the error's field after `prefix` when the
/// field starts with it (so `buckets[2].from_days` under prefix `buckets` becomes `/2/from_days`).
/// Rethrows `e` naming `in`'s pointer, extended as `as` describes; one copy for every `as`.
[[noreturn]] void rethrow_at(const In& in, const Error& e, std::string_view prefix);

template <class F>
decltype(auto) as(const In& in, F&& f, std::string_view prefix = {}) {
    try {
        return std::forward<F>(f)();
    } catch (const Error& e) {
        rethrow_at(in, e, prefix);
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

inline std::string text(const In& in) {
    if (!in.j.is_string()) wrong_kind(in, "a string");
    return in.j.get<std::string>();
}

inline bool boolean(const In& in) {
    if (!in.j.is_boolean()) wrong_kind(in, "true or false");
    return in.j.get<bool>();
}

/// True when `text` (a JSON number as nlohmann writes it: `1e+20`, `9.3e+18`, `1.5`) is a whole
/// number with more than 19 integer digits, i.e. beyond what an int64 holds.
inline bool whole_beyond_int64(const std::string& text) {
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

inline std::int64_t integer(const In& in) {
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

inline int small_int(const In& in) {
    const std::int64_t v = integer(in);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        fail(in, ErrorCode::overflow, "the integer is beyond the range this field allows");
    return static_cast<int>(v);
}

/// Decimals travel as strings: a JSON number is refused, whatever its value.
inline Decimal decimal(const In& in, std::string_view what = "a decimal") {
    if (in.j.is_number())
        fail(in, ErrorCode::parse_error,
             "expected " + std::string(what) +
                 " as a string such as \"12.50\": a JSON number is read as a binary "
                 "floating-point value, which cannot carry money or rates exactly");
    const std::string s = text(in);
    return as(in, [&] { return Decimal::parse(s, {}, "decimal"); });
}

inline Percent percent(const In& in) {
    if (in.j.is_number())
        fail(in, ErrorCode::parse_error,
             "expected a percent as a string such as \"85%\": a JSON number is read as a binary "
             "floating-point "
             "value, which cannot carry rates exactly");
    std::string s = text(in);
    if (!s.empty() && s.back() == '%') s.pop_back();
    return as(in, [&] { return Percent{Decimal::parse(s, {}, "percent")}; });
}

inline Currency currency(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return Currency{s}; });
}

inline Money money(const In& in) {
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

inline Date date(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return Date::parse(s); });
}

inline Days days(const In& in) { return Days{integer(in)}; }

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

inline constexpr std::array rounding_modes{
    RoundingMode::half_even, RoundingMode::half_up, RoundingMode::half_down, RoundingMode::up,
    RoundingMode::down,      RoundingMode::ceiling, RoundingMode::floor};
inline constexpr std::array boundaries{Boundary::inclusive, Boundary::exclusive};
inline constexpr std::array tolerance_rules{credit::ToleranceRule::smaller, credit::ToleranceRule::larger};
inline constexpr std::array escalations{credit::Escalation::needs_approval, credit::Escalation::block};
inline constexpr std::array aging_bases{credit::AgingBasis::days_past_due,
                                        credit::AgingBasis::days_since_invoice};

inline Weekday weekday(const In& in) {
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
inline Lang lang(const In& in) {
    const std::string s = text(in);
    if (s == "zh") return Lang::zh;
    if (s == "en") return Lang::en;
    fail(in, ErrorCode::parse_error, "\"" + s + "\" is not one of zh, en");
}

/// The JSON of `text`; a text that is not JSON, a number out of range or a key given twice is a
/// crm::Error whose message starts with `name:line:column: ` (read_document's first half).
[[nodiscard]] Json parse_document(std::string_view text, const std::string& name);
/// Called in a catch block: rethrows the exception being handled, a crm::Error (or one of
/// nlohmann's) located in `text` as `name:line:column: `; any other exception unchanged.
[[noreturn]] void rethrow_located(std::string_view text, const std::string& name);

/// Parses `text` and reads it with `read`; every error leaves as a crm::Error whose field is
/// a JSON Pointer and whose message starts with `file:line:column: `.
template <class F>
auto read_document(std::string_view text, std::string_view file, F&& read) {
    const std::string name(file.empty() ? "<input>" : file);
    const Json j = parse_document(text, name);
    try {
        return read(In{j, ""});
    } catch (...) {
        rethrow_located(text, name);
    }
}
// ---- writing ---------------------------------------------------------------------------------

inline Json w(const Decimal& d) { return d.to_string(); }
inline Json w(const Percent& p) { return p.value().to_string() + "%"; }
inline Json w(const Money& m) {
    return Json{{"amount", m.amount().to_string()}, {"currency", std::string(m.currency().code())}};
}
inline Json w(Date d) { return d.to_string(); }
inline Json w(Days d) { return d.count(); }
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

inline std::string dump(const Json& j) {
    try {
        return j.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
    } catch (const Json::exception&) {
        throw Error(ErrorCode::invalid_argument, "",
                    "a text of the value is not valid UTF-8 and cannot be written");
    }
}

inline void refuse_unwritable(bool differs, std::string field, std::string_view what) {
    if (differs)
        throw Error(ErrorCode::invalid_operation, std::move(field),
                    std::string(what) + " cannot be written to a document by this version of crm yet");
}

/// A reason as an answer document gives it: `{"code", "severity", "text" (in `lang`), "figures"
/// (each figure by name, as format_figure writes it)}`.
inline Json reason_json(const Reason& r, Lang lang) {
    Json figures = Json::object();
    for (const auto& f : r.figures()) figures[std::string(f.name)] = format_figure(f.value);
    return Json{{"code", std::string(r.code())},
                {"severity", std::string(to_string(r.severity()))},
                {"text", explain(r, lang)},
                {"figures", figures}};
}

/// The reasons of `d`, in order, as reason_json gives each.
inline Json reasons_json(const Decision& d, Lang lang) {
    Json a = Json::array();
    for (const auto& r : d.reasons()) a.push_back(reason_json(r, lang));
    return a;
}

// ---- the sections of a policy version, one source per area -----------------------------------
// Each reader reads its section of a policy version (`/versions/0/pricing`); each writer gives
// the section's canonical JSON, or nullopt while this version of crm cannot write it (then it
// throws crm::Error(invalid_operation) naming `path` when the value differs from its default,
// so nothing is dropped silently).

/// `account.sla`: the complaint SLA table and escalation (json_scoring.cpp).
[[nodiscard]] account::SlaPolicy sla_policy(const In& in);
/// See sla_policy.
[[nodiscard]] std::optional<Json> w_sla(const account::SlaPolicy& sla, const std::string& path);
/// `pricing`: the rule book and the price-authority table (json_pricing.cpp).
[[nodiscard]] policy::PricingPolicies pricing_policies(const In& in);
/// See pricing_policies.
[[nodiscard]] std::optional<Json> w_pricing(const policy::PricingPolicies& pricing, const std::string& path);
/// `approval`: the role ladder, the matrix rows and their currency (json_approval.cpp).
[[nodiscard]] policy::ApprovalPolicies approval_policies(const In& in);
/// See approval_policies.
[[nodiscard]] std::optional<Json> w_approval(const policy::ApprovalPolicies& approval,
                                             const std::string& path);
/// `scoring`: the scorecards and the KPI policy (json_scoring.cpp).
[[nodiscard]] policy::ScoringPolicies scoring_policies(const In& in);
/// See scoring_policies.
[[nodiscard]] std::optional<Json> w_scoring(const policy::ScoringPolicies& scoring, const std::string& path);

// ---- facts shared by several documents (json_facts.cpp) -------------------------------------
// Timestamps are `"2024-06-03 10:00"` (or with a `T`), working hours `"09:00-18:00"`.

[[nodiscard]] DateTime date_time(const In& in);
[[nodiscard]] Json w(const DateTime& t);
[[nodiscard]] WorkingHours working_hours(const In& in);
/// `low`, `medium`, `high` or `critical`.
[[nodiscard]] account::Severity severity(const In& in);
/// `{"id", "account", "tier", "severity", "received", "responded", "resolved"}`; the last two
/// `null` or left out while not done.
[[nodiscard]] account::Complaint complaint(const In& in);
[[nodiscard]] Json w_complaint(const account::Complaint& c);
/// `{"invoice", "account", "invoiced_on", "due_on", "open_amount"}` (`account` may be left out).
[[nodiscard]] credit::Receivable receivable(const In& in);
[[nodiscard]] Json w_receivable(const credit::Receivable& r);
/// `{"id", "name", "segment", "region", "industry", "tier", "owner", "status", "created",
/// "owned_since", "last_follow_up", "last_deal", "last_visit", "annual_revenue"}` (only `id`,
/// `region`, `tier` and `created` required), validated (account::validate).
[[nodiscard]] account::Account key_account(const In& in);
/// See key_account: every member written, absent dates and amounts as null.
[[nodiscard]] Json w_account(const account::Account& a);
/// `{"account", "owner", "tier", "released_on", "no_follow_up", "no_deal", "reasons"}`: each
/// trigger `{"since", "limit", "deadline", "elapsed", "side"}` or null, the reasons in `lang`.
[[nodiscard]] Json w_release(const account::Release& r, Lang lang);
/// `{"product", "unit", "currency", "quantity"}` (`unit` EA when left out), the quantity a
/// decimal not below zero.
[[nodiscard]] pricing::QuoteLine quote_line(const In& in);
/// `[{"rule", "remaining"}]`: what is left of budget-limited promotions.
[[nodiscard]] std::vector<pricing::PromotionBudget> promotion_budgets(const In& in);
/// `{"id", "name", "role", "manager", "regions"}`.
[[nodiscard]] Person person(const In& in);
/// `{"id", "kind", "requester", "segment", "region", "product_line", "amount", "percent", "days",
/// "content"}`, validated (approval::Request::validate).
[[nodiscard]] approval::Request approval_request(const In& in);
/// `{"request", "fingerprint" (hex), "level", "approver", "on_behalf_of", "date", "authority"}`.
[[nodiscard]] approval::Approval approval_record(const In& in);
/// `{"principal", "delegate", "kinds", "from", "to"}`, validated.
[[nodiscard]] approval::Delegation delegation(const In& in);

// ---- credit documents inside other documents (json.cpp) --------------------------------------

/// A credit account document (profile, tier, segment, receivables, orders, rates), validated.
[[nodiscard]] CreditAccount credit_account_member(const In& in);
/// An order document `{"id", "amount"}`.
[[nodiscard]] credit::Order order_member(const In& in);

}  // namespace crm::io::codec
