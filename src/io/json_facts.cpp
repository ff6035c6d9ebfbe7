// Reading a document (parse, locate errors), and the fact readers and writers shared by several
// request documents (json_codec.hpp, "facts"):
// timestamps, working hours, complaints, receivables, key accounts and their releases, quote
// lines and promotion budgets, people, approval requests, approvals and delegations. Each
// mirrors its C++ value member for member.

#include <crm/account/account.hpp>
#include <crm/account/complaint.hpp>
#include <crm/account/pool.hpp>
#include <crm/approval/oa.hpp>
#include <crm/approval/request.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/time_of_day.hpp>

#include <array>
#include <string>

#include "json_codec.hpp"

namespace crm::io::codec {

// ---- reading a document (json_codec.hpp: as, read_document) ---------------------------------

void rethrow_at(const In& in, const Error& e, std::string_view prefix) {
    std::string ptr = in.ptr;
    const std::string& field = e.field();
    if (!prefix.empty() && field.starts_with(prefix) && field.size() > prefix.size() &&
        (field[prefix.size()] == '.' || field[prefix.size()] == '['))
        ptr += to_json_pointer(std::string_view(field).substr(prefix.size()));
    throw Error(e.code(), ptr, e.message());
}

namespace {

Error located(ErrorCode code, const std::string& ptr, std::string_view text, const std::string& name,
              std::size_t offset, const std::string& message) {
    const TextPosition at = position_of(text, offset);
    return Error(code, ptr,
                 name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message);
}

}  // namespace

Json parse_document(std::string_view text, const std::string& name) {
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
        throw located(ErrorCode::parse_error, "", text, name, offset,
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
        throw located(ErrorCode::overflow, "", text, name, offset,
                      "the number " + number + " is beyond the range of a JSON number this reader accepts");
    } catch (const Json::exception& e) {
        throw located(ErrorCode::parse_error, "", text, name, 0, e.what());
    }
    if (auto dup = detail::duplicate_key(text))
        throw located(ErrorCode::duplicate, dup->pointer, text, name, dup->offset,
                      "this key is given twice in its object");
    return j;
}

void rethrow_located(std::string_view text, const std::string& name) {
    try {
        throw;
    } catch (const Error& e) {
        throw located(e.code(), e.field(), text, name, locate(text, e.field()), e.message());
    } catch (const Json::exception& e) {
        throw located(ErrorCode::parse_error, "", text, name, 0, e.what());
    }
}

namespace {

constexpr std::array authorities{approval::Authority::proposal, approval::Authority::rating,
                                 approval::Authority::approval};

template <class T>
auto ids(const In& in) {
    return list(in, [](const In& v) { return id<T>(v); });
}

constexpr std::array segments{account::Segment::government, account::Segment::group,
                              account::Segment::enterprise, account::Segment::channel,
                              account::Segment::alliance};
constexpr std::array statuses{account::Status::prospect, account::Status::active, account::Status::dormant,
                              account::Status::lost};

constexpr std::array severities{account::Severity::low, account::Severity::medium, account::Severity::high,
                                account::Severity::critical};

}  // namespace

DateTime date_time(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return DateTime::parse(s); });
}

Json w(const DateTime& t) { return t.to_string(); }

WorkingHours working_hours(const In& in) {
    const std::string s = text(in);
    return as(in, [&] { return WorkingHours::parse(s); });
}

account::Severity severity(const In& in) { return enumerated(in, severities); }

account::Complaint complaint(const In& in) {
    Obj o(in);
    account::Complaint c;
    c.id = id<ComplaintId>(o.req("id"));
    c.account = id<AccountId>(o.req("account"));
    c.tier = text(o.req("tier"));
    c.severity = severity(o.req("severity"));
    c.received = date_time(o.req("received"));
    nullable(o, "responded", c.responded, date_time);
    nullable(o, "resolved", c.resolved, date_time);
    o.done();
    return c;
}

Json w_complaint(const account::Complaint& c) {
    return Json{{"id", w(c.id)},
                {"account", w(c.account)},
                {"tier", c.tier},
                {"severity", w_enum(c.severity)},
                {"received", w(c.received)},
                {"responded", c.responded ? w(*c.responded) : Json(nullptr)},
                {"resolved", c.resolved ? w(*c.resolved) : Json(nullptr)}};
}

// -- credit

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

Json w_receivable(const credit::Receivable& r) {
    return Json{{"invoice", w(r.invoice)},
                {"account", w(r.account)},
                {"invoiced_on", w(r.invoiced_on)},
                {"due_on", w(r.due_on)},
                {"open_amount", w(r.open_amount)}};
}

// -- the organisation and approvals

account::Account key_account(const In& in) {
    Obj o(in);
    account::Account a;
    a.id = id<AccountId>(o.req("id"));
    plain(o, "name", a.name, text);
    plain(o, "segment", a.segment, [](const In& v) { return enumerated(v, segments); });
    a.region = id<RegionId>(o.req("region"));
    plain(o, "industry", a.industry, text);
    a.tier = text(o.req("tier"));
    nullable(o, "owner", a.owner, id<PersonId>);
    plain(o, "status", a.status, [](const In& v) { return enumerated(v, statuses); });
    a.created = date(o.req("created"));
    nullable(o, "owned_since", a.owned_since, date);
    nullable(o, "last_follow_up", a.last_follow_up, date);
    nullable(o, "last_deal", a.last_deal, date);
    nullable(o, "last_visit", a.last_visit, date);
    nullable(o, "annual_revenue", a.annual_revenue, money);
    o.done();
    as(
        in, [&] { account::validate(a, "account"); }, "account");
    return a;
}

Json w_account(const account::Account& a) {
    return Json{{"id", w(a.id)},
                {"name", a.name},
                {"segment", w_enum(a.segment)},
                {"region", w(a.region)},
                {"industry", a.industry},
                {"tier", a.tier},
                {"owner", w_opt(a.owner)},
                {"status", w_enum(a.status)},
                {"created", w(a.created)},
                {"owned_since", w_opt(a.owned_since)},
                {"last_follow_up", w_opt(a.last_follow_up)},
                {"last_deal", w_opt(a.last_deal)},
                {"last_visit", w_opt(a.last_visit)},
                {"annual_revenue", w_opt(a.annual_revenue)}};
}

namespace {

Json w_trigger(const std::optional<account::ReleaseTrigger>& t) {
    if (!t) return Json(nullptr);
    return Json{{"since", w(t->since)},
                {"limit", w(t->limit)},
                {"deadline", w(t->deadline)},
                {"elapsed", w(t->elapsed)},
                {"side", t->side == Boundary::inclusive ? "inclusive" : "exclusive"}};
}

}  // namespace

Json w_release(const account::Release& r, Lang lang) {
    Json reasons = Json::array();
    for (const Reason& reason : account::release_reasons(r)) reasons.push_back(reason_json(reason, lang));
    return Json{{"account", w(r.account)},
                {"owner", w(r.owner)},
                {"tier", r.tier},
                {"released_on", w(r.released_on)},
                {"no_follow_up", w_trigger(r.no_follow_up)},
                {"no_deal", w_trigger(r.no_deal)},
                {"reasons", reasons}};
}

pricing::QuoteLine quote_line(const In& in) {
    Obj o(in);
    pricing::QuoteLine l;
    l.product = id<ProductId>(o.req("product"));
    plain(o, "unit", l.unit, text);
    l.currency = currency(o.req("currency"));
    const In q = o.req("quantity");
    l.quantity = decimal(q, "a quantity");
    if (l.quantity.signum() < 0) fail(q, ErrorCode::invalid_argument, "the quantity is negative");
    o.done();
    return l;
}

std::vector<pricing::PromotionBudget> promotion_budgets(const In& in) {
    return list(in, [](const In& b) {
        Obj x(b);
        pricing::PromotionBudget budget{.rule = id<RuleId>(x.req("rule")),
                                        .remaining = money(x.req("remaining"))};
        x.done();
        return budget;
    });
}

Person person(const In& in) {
    Obj o(in);
    Person p;
    p.id = id<PersonId>(o.req("id"));
    plain(o, "name", p.name, text);
    p.role = id<RoleId>(o.req("role"));
    nullable(o, "manager", p.manager, id<PersonId>);
    plain(o, "regions", p.regions, ids<RegionId>);
    o.done();
    return p;
}

approval::Request approval_request(const In& in) {
    Obj o(in);
    approval::Request r;
    r.id = id<RequestId>(o.req("id"));
    r.kind = enumerated(o.req("kind"), approval::all_request_kinds);
    r.requester = id<PersonId>(o.req("requester"));
    plain(o, "segment", r.segment, text);
    plain(o, "region", r.region, id<RegionId>);
    plain(o, "product_line", r.product_line, id<ProductGroupId>);
    plain(o, "amount", r.amount, money);
    plain(o, "percent", r.percent, percent);
    plain(o, "days", r.days, days);
    plain(o, "content", r.content, text);
    o.done();
    as(
        in, [&] { r.validate(); }, "request");
    return r;
}

approval::Approval approval_record(const In& in) {
    Obj o(in);
    approval::Approval a;
    a.request = id<RequestId>(o.req("request"));
    const In f = o.req("fingerprint");
    const std::string hex = text(f);
    a.fingerprint = as(f, [&] { return approval::parse_fingerprint(hex); });
    a.level = id<RoleId>(o.req("level"));
    a.approver = id<PersonId>(o.req("approver"));
    nullable(o, "on_behalf_of", a.on_behalf_of, id<PersonId>);
    a.date = date(o.req("date"));
    plain(o, "authority", a.authority, [](const In& v) { return enumerated(v, authorities); });
    o.done();
    return a;
}

approval::Delegation delegation(const In& in) {
    Obj o(in);
    approval::Delegation d;
    d.principal = id<PersonId>(o.req("principal"));
    d.delegate = id<PersonId>(o.req("delegate"));
    d.kinds = list(o.req("kinds"), [](const In& v) { return enumerated(v, approval::all_request_kinds); });
    d.from = date(o.req("from"));
    d.to = date(o.req("to"));
    o.done();
    as(
        in, [&] { d.validate("delegation"); }, "delegation");
    return d;
}

}  // namespace crm::io::codec
