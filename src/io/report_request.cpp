// The monthly report request (include/crm/io/report.hpp): read to the facts of a
// report::Snapshot, completed with the policies of the version in force, reported by
// report::monthly_report. The members mirror the Snapshot's, so the fields its checks name
// (`approvals[0].submitted`) are the request's pointers (`/approvals/0/submitted`).

#include <crm/account/account.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/approval/oa.hpp>
#include <crm/core/error.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/collection.hpp>
#include <crm/io/report.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/planning/expense.hpp>
#include <crm/planning/forecast.hpp>
#include <crm/planning/plan.hpp>
#include <crm/report/annual.hpp>
#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/period.hpp>

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

constexpr std::array run_rate_methods{planning::RunRateMethod::trailing_months,
                                      planning::RunRateMethod::year_to_date};
constexpr std::array dedupes{approval::Dedupe::first_counts, approval::Dedupe::every_occurrence};

template <class T>
auto ids(const In& in) {
    return list(in, [](const In& v) { return id<T>(v); });
}

template <class F>
auto list_of(F read) {
    return [read](const In& v) { return list(v, read); };
}

// -- the plan

planning::MonthTarget month_target(const In& in) {
    Obj o(in);
    planning::MonthTarget m;
    m.month = small_int(o.req("month"));
    plain(o, "sales", m.sales, money);
    plain(o, "collection", m.collection, money);
    plain(o, "expense", m.expense, money);
    o.done();
    return m;
}

planning::AnnualPlan annual_plan(const In& in) {
    Obj o(in);
    planning::AnnualPlan p;
    p.year = small_int(o.req("year"));
    plain(o, "currency", p.currency, currency);
    plain(o, "company", p.company, list_of(month_target));
    p.regions = list(o.req("regions"), [](const In& v) {
        Obj r(v);
        planning::RegionPlan plan;
        plan.region = id<RegionId>(r.req("region"));
        plain(r, "name", plan.name, text);
        plain(r, "months", plan.months, list_of(month_target));
        r.done();
        return plan;
    });
    plain(o, "key_accounts", p.key_accounts, list_of([](const In& v) {
              Obj a(v);
              planning::KeyAccountPlan plan;
              plan.account = id<AccountId>(a.req("account"));
              plan.region = id<RegionId>(a.req("region"));
              plain(a, "months", plan.months, list_of(month_target));
              a.done();
              return plan;
          }));
    plain(o, "min_key_account_share", p.min_key_account_share, percent);
    o.done();
    return p;
}

// -- accounts and actuals

planning::Sale sale(const In& in) {
    Obj o(in);
    planning::Sale s{.account = id<AccountId>(o.req("account")),
                     .date = date(o.req("date")),
                     .amount = money(o.req("amount"))};
    o.done();
    return s;
}

credit::Receipt receipt(const In& in) {
    Obj o(in);
    credit::Receipt r;
    r.account = id<AccountId>(o.req("account"));
    r.received_on = date(o.req("received_on"));
    r.amount = money(o.req("amount"));
    plain(o, "id", r.id, text);
    plain(o, "invoice", r.invoice, id<InvoiceId>);
    plain(o, "instalment", r.instalment, text);
    o.done();
    return r;
}

planning::Expense expense(const In& in) {
    Obj o(in);
    planning::Expense e{.region = id<RegionId>(o.req("region")),
                        .date = date(o.req("date")),
                        .amount = money(o.req("amount"))};
    o.done();
    return e;
}

planning::Actuals actuals(const In& in) {
    Obj o(in);
    planning::Actuals a;
    plain(o, "sales", a.sales, list_of(sale));
    plain(o, "collections", a.collections, list_of(receipt));
    plain(o, "expenses", a.expenses, list_of(expense));
    o.done();
    return a;
}

planning::OpenOrder open_order(const In& in) {
    Obj o(in);
    planning::OpenOrder r{.account = id<AccountId>(o.req("account")),
                          .amount = money(o.req("amount")),
                          .expected_ship = date(o.req("expected_ship"))};
    o.done();
    return r;
}

/// `{"account", "month": "2026-03", "planned", "actual"}`: the variance and the rate follow.
credit::CollectionLine collection_line(const In& in) {
    Obj o(in);
    credit::CollectionLine l;
    l.account = id<AccountId>(o.req("account"));
    const In m = o.req("month");
    const std::string month = text(m);
    if (month.size() != 7 || month[4] != '-')
        fail(m, ErrorCode::parse_error, "expected a month as YYYY-MM, found \"" + month + "\"");
    l.month = as(m, [&] {
        const Date first = Date::parse(month + "-01", "month");
        return Period::month(first.year(), first.month());
    });
    const In planned = o.req("planned");
    const In actual = o.req("actual");
    o.done();
    l.planned = money(planned);
    l.actual = money(actual);
    as(in, [&] {
        l.variance = l.actual - l.planned;
        l.rate = credit::collection_rate(l.actual, l.planned);
    });
    return l;
}

report::OpeningBalances balances(const In& in) {
    Obj o(in);
    report::OpeningBalances b{.region = id<RegionId>(o.req("region")),
                              .month_start = money(o.req("month_start")),
                              .previous_month_start = money(o.req("previous_month_start"))};
    o.done();
    return b;
}

// -- approvals

approval::Submission submission(const In& in) {
    Obj o(in);
    approval::Submission s;
    plain(o, "chosen", s.chosen, list_of([](const In& v) {
              Obj c(v);
              approval::Choice choice{.level = id<RoleId>(c.req("level")),
                                      .person = id<PersonId>(c.req("person"))};
              c.done();
              return choice;
          }));
    plain(o, "approved_before", s.approved_before, list_of([](const In& v) {
              const std::string hex = text(v);
              return as(v, [&] { return approval::parse_fingerprint(hex); });
          }));
    plain(o, "dedupe", s.dedupe, [](const In& v) { return enumerated(v, dedupes); });
    o.done();
    return s;
}

report::PendingApproval pending(const In& in) {
    Obj o(in);
    report::PendingApproval p;
    p.request = approval_request(o.req("request"));
    p.submitted = date(o.req("submitted"));
    plain(o, "approvals", p.approvals, list_of(approval_record));
    plain(o, "submission", p.submission, submission);
    o.done();
    return p;
}

// -- parameters

planning::ForecastPolicy forecast(const In& in) {
    Obj o(in);
    planning::ForecastPolicy f;
    plain(o, "method", f.method, [](const In& v) { return enumerated(v, run_rate_methods); });
    plain(o, "trailing_months", f.trailing_months, small_int);
    plain(o, "stretch", f.stretch, percent);
    o.done();
    as(
        in, [&] { f.validate(); }, "policy");
    return f;
}

planning::ExpensePolicy expense_policy(const In& in) {
    Obj o(in);
    planning::ExpensePolicy e;
    plain(o, "default_standard", e.default_standard, percent);
    plain(o, "standards", e.standards, list_of([](const In& v) {
              Obj s(v);
              planning::ExpenseStandard st{.region = id<RegionId>(s.req("region")),
                                           .standard = percent(s.req("standard"))};
              s.done();
              return st;
          }));
    plain(o, "over", e.over, [](const In& v) { return enumerated(v, boundaries); });
    o.done();
    as(
        in, [&] { e.validate(); }, "policy");
    return e;
}

/// The members of a monthly report request, read from `o` (done() left to the caller: the
/// annual request has one more).
void request_members(Obj& o, MonthlyReportRequest& r) {
    report::Snapshot& s = r.facts;
    nullable(o, "as_of", r.as_of, date);
    nullable(o, "as_of_time", s.as_of_time, date_time);
    s.plan = annual_plan(o.req("plan"));
    plain(o, "accounts", s.accounts, list_of(key_account));
    plain(o, "people", r.people, list_of(person));
    plain(o, "actuals", s.actuals, actuals);
    plain(o, "orders", s.orders, list_of(open_order));
    plain(o, "receivables", s.receivables, list_of(receivable));
    plain(o, "collection_history", s.collection_history, list_of(collection_line));
    plain(o, "balances", s.balances, list_of(balances));
    plain(o, "approvals", s.approvals, list_of(pending));
    plain(o, "delegations", s.delegations, list_of(delegation));
    plain(o, "complaints", s.complaints, list_of(complaint));
    plain(o, "overdue_limit_days", s.overdue_limit_days, integer);
    plain(o, "approval_age_limit_days", s.approval_age_limit_days, integer);
    nullable(o, "target_turnover_days", s.target_turnover_days, [](const In& v) { return decimal(v); });
    nullable(o, "calendar", r.calendar, text);
    plain(o, "working_hours", s.hours, working_hours);
    plain(o, "forecast", s.forecast, forecast);
    plain(o, "expense", s.expense, expense_policy);
    plain(o, "lang", r.lang, lang);
    if (auto f = o.opt("format")) {
        const std::string name = text(*f);
        if (name == "text")
            r.format = report::Format::text;
        else if (name == "md")
            r.format = report::Format::markdown;
        else if (name == "html")
            r.format = report::Format::html;
        else
            fail(*f, ErrorCode::parse_error, "\"" + name + "\" is not one of text, md, html");
    }
}

MonthlyReportRequest report_request(const In& in) {
    Obj o(in);
    MonthlyReportRequest r;
    request_members(o, r);
    o.done();
    return r;
}

AnnualReportRequest annual_request(const In& in) {
    Obj o(in);
    AnnualReportRequest r;
    request_members(o, r.year);
    plain(o, "tiers", r.tiers, list_of([](const In& v) {
              Obj t(v);
              report::TierRecord record{.account = id<AccountId>(t.req("account")),
                                        .tier = text(t.req("tier"))};
              t.done();
              return record;
          }));
    o.done();
    return r;
}

/// Where a field of the Snapshot came from: the request (`/approvals/0/submitted`) or the
/// policy version (`versions[1].credit.region_caps[0].region`, as a pointer).
struct Origin {
    std::string pointer;
    bool policy = false;
};

Origin origin(const std::string& field, const std::string& version) {
    struct Move {
        std::string_view from, to;
        bool policy;
    };
    static constexpr std::array moves{
        Move{"org.people", "people", false},
        Move{"org", "people", false},
        Move{"hours", "working_hours", false},
        Move{"account_caps", "credit.account_caps", true},
        Move{"region_caps", "credit.region_caps", true},
        Move{"aging_buckets", "credit.aging_buckets", true},
        Move{"visits", "account.visits", true},
        Move{"sla", "account.sla", true},
        Move{"kpi_trends", "kpi_trends", false},
        Move{"kpi", "scoring.kpi", true},
        Move{"approval_matrix", "approval", true},
    };
    for (const Move& m : moves) {
        if (!field.starts_with(m.from)) continue;
        const std::string_view rest = std::string_view(field).substr(m.from.size());
        if (!rest.empty() && rest.front() != '.' && rest.front() != '[') continue;
        const std::string path =
            (m.policy ? version + "." : std::string()) + std::string(m.to) + std::string(rest);
        return Origin{to_json_pointer(path), m.policy};
    }
    return Origin{to_json_pointer(field), false};
}

}  // namespace

MonthlyReportRequest read_monthly_report_request(std::string_view text, std::string_view file) {
    return read_document(text, file, report_request);
}

report::Snapshot monthly_snapshot(const policy::PolicySet& set, const MonthlyReportRequest& request,
                                  std::optional<Date> as_of) {
    if (!as_of) as_of = request.as_of;
    if (!as_of)
        throw Error(ErrorCode::not_found, "/as_of",
                    "the report needs an as-of date: give `as_of` in the request or --as-of");
    const policy::PolicyVersion* version = nullptr;
    try {
        version = &set.in_force(*as_of);
    } catch (const Error& e) {
        throw Error(e.code(), "/as_of", e.message());
    }
    report::Snapshot s = request.facts;
    s.as_of = *as_of;
    try {
        s.org = OrgChart{version->approval.roles, request.people};
    } catch (const Error& e) {
        throw Error(e.code(), origin(e.field(), "").pointer, e.message());
    }
    s.aging_buckets = credit::AgingBuckets{version->credit.aging_buckets};
    s.visits = version->account.visits;
    s.sla = version->account.sla;
    s.kpi = version->scoring.kpi;
    s.account_caps = version->credit.account_caps;
    s.region_caps = version->credit.region_caps;
    if (!version->approval.rows.empty())
        s.approval_matrix =
            approval::Matrix{version->approval.rows, version->approval.roles, version->approval.currency};
    if (request.calendar) {
        const policy::CalendarPolicy* found = nullptr;
        for (const auto& c : version->calendars)
            if (c.spec.name == *request.calendar) found = &c;
        if (found == nullptr)
            throw Error(
                ErrorCode::not_found, "/calendar",
                "the policy version " + version->id + " has no calendar named \"" + *request.calendar + "\"");
        s.calendar = Calendar{found->spec};
    }
    return s;
}

std::string write_monthly_report(const report::MonthlyKeyAccountReport& r, const std::string& policy_version,
                                 Lang lang, report::Format format) {
    const char* name = nullptr;
    switch (format) {
    case report::Format::text: name = "text"; break;
    case report::Format::markdown: name = "md"; break;
    case report::Format::html: name = "html"; break;
    }
    if (name == nullptr) throw Error(ErrorCode::invalid_argument, "format", "not a report format");
    return dump(Json{{"as_of", w(r.as_of)},
                     {"year", r.year},
                     {"month", r.month},
                     {"policy_version", policy_version},
                     {"lang", lang == Lang::en ? "en" : "zh"},
                     {"format", name},
                     {"report", report::render(r, lang, format)}});
}

namespace {

/// `report(snapshot)`, an error of the facts named at the request's pointer and one of a policy
/// at the policy set's, its message saying so.
template <class F>
auto reported(const policy::PolicySet& set, const report::Snapshot& s, F&& report) {
    const policy::PolicyVersion& version = set.in_force(s.as_of);
    const std::string at = "versions[" + std::to_string(&version - set.versions.data()) + "]";
    try {
        return std::forward<F>(report)(s);
    } catch (const Error& e) {
        if (e.field().starts_with("reports[")) throw;  // the caller's reports, named by the caller
        const Origin o = origin(e.field(), at);
        throw Error(
            e.code(), o.pointer,
            o.policy ? "in the policy set (version " + version.id + "): " + e.message() : e.message());
    }
}

}  // namespace

report::MonthlyKeyAccountReport monthly_report(const policy::PolicySet& set,
                                               const MonthlyReportRequest& request,
                                               std::optional<Date> as_of) {
    return reported(set, monthly_snapshot(set, request, as_of),
                    [](const report::Snapshot& s) { return report::monthly_report(s); });
}

AnnualReportRequest read_annual_report_request(std::string_view text, std::string_view file) {
    return read_document(text, file, annual_request);
}

report::AnnualSummary annual_summary(const policy::PolicySet& set, const AnnualReportRequest& request,
                                     std::span<const report::MonthlyKeyAccountReport> reports,
                                     std::optional<Date> as_of) {
    return reported(set, monthly_snapshot(set, request.year, as_of), [&](const report::Snapshot& s) {
        return report::annual_summary(s, request.tiers, reports);
    });
}

}  // namespace crm::io
