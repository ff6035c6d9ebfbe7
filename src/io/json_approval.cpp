// The `approval` section of a policy version: the role ladder, the matrix rows, their currency.
// The members mirror policy::ApprovalPolicies and approval::Row one for one, so the paths the
// matrix names (`approval.rows[2].levels[0].role`) are the document's pointers
// (`/approval/rows/2/levels/0/role`). A row's threshold `over` is an object with exactly one
// member, the figure it reads: `{"amount": {...}}`, `{"percent": "10%"}` or `{"days": 3}`.

#include <crm/approval/matrix.hpp>
#include <crm/core/org_chart.hpp>

#include <array>
#include <utility>
#include <variant>

#include "json_codec.hpp"

namespace crm::io::codec {

namespace {

constexpr std::array request_kinds = approval::all_request_kinds;
constexpr std::array reaches{approval::Reach::reporting_line, approval::Reach::function};
constexpr std::array step_modes{approval::StepMode::any_one, approval::StepMode::all,
                                approval::StepMode::in_order};
constexpr std::array sources{approval::ApproverSource::role, approval::ApproverSource::manager,
                             approval::ApproverSource::region_manager, approval::ApproverSource::person,
                             approval::ApproverSource::chosen};
constexpr std::array when_empties{approval::WhenEmpty::block, approval::WhenEmpty::escalate,
                                  approval::WhenEmpty::administrator};

template <class T>
auto ids(const In& in) {
    return list(in, [](const In& v) { return id<T>(v); });
}

Role role(const In& in) {
    Obj o(in);
    Role r;
    r.id = id<RoleId>(o.req("id"));
    plain(o, "name", r.name, text);
    r.rank = small_int(o.req("rank"));
    o.done();
    return r;
}

approval::Level level(const In& in) {
    Obj o(in);
    approval::Level l;
    l.role = id<RoleId>(o.req("role"));
    plain(o, "reach", l.reach, [](const In& v) { return enumerated(v, reaches); });
    plain(o, "mode", l.mode, [](const In& v) { return enumerated(v, step_modes); });
    plain(o, "source", l.source, [](const In& v) { return enumerated(v, sources); });
    plain(o, "manager_level", l.manager_level, small_int);
    nullable(o, "person", l.person, id<PersonId>);
    plain(o, "choices", l.choices, ids<PersonId>);
    plain(o, "when_empty", l.when_empty, [](const In& v) { return enumerated(v, when_empties); });
    nullable(o, "administrator", l.administrator, id<PersonId>);
    nullable(o, "auto_at_most", l.auto_at_most, money);
    plain(o, "auto_if_repeat", l.auto_if_repeat, boolean);
    o.done();
    return l;
}

approval::Threshold threshold(const In& in) {
    if (!in.j.is_object() || in.j.size() != 1)
        fail(in, ErrorCode::parse_error,
             "expected a threshold as an object with one member: {\"amount\": {...}}, {\"percent\": \"10%\"} "
             "or {\"days\": 3}");
    Obj o(in);
    approval::Threshold t;
    if (auto a = o.opt("amount"))
        t = money(*a);
    else if (auto p = o.opt("percent"))
        t = percent(*p);
    else if (auto d = o.opt("days"))
        t = days(*d);
    o.done();
    return t;
}

approval::CopyTo copy_to(const In& in) {
    Obj o(in);
    approval::CopyTo c;
    plain(o, "person", c.person, id<PersonId>);
    plain(o, "role", c.role, id<RoleId>);
    o.done();
    return c;
}

approval::Row row(const In& in) {
    Obj o(in);
    approval::Row r;
    r.id = id<RuleId>(o.req("id"));
    r.kind = enumerated(o.req("kind"), request_kinds);
    if (auto w = o.opt("when")) {
        Obj c(*w);
        plain(c, "segments", r.when.segments, [](const In& v) { return list(v, text); });
        plain(c, "regions", r.when.regions, ids<RegionId>);
        plain(c, "product_lines", r.when.product_lines, ids<ProductGroupId>);
        c.done();
    }
    nullable(o, "over", r.over, threshold);
    r.levels = list(o.req("levels"), level);
    plain(o, "boundary", r.boundary, [](const In& v) { return enumerated(v, boundaries); });
    plain(o, "cc", r.cc, [](const In& v) { return list(v, copy_to); });
    o.done();
    return r;
}

template <class T>
Json w_ids(const std::vector<T>& v) {
    return w_list(v, [](const T& x) { return w(x); });
}

Json w_threshold(const approval::Threshold& t) {
    return std::visit(
        [](const auto& x) -> Json {
            using X = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<X, Money>)
                return Json{{"amount", w(x)}};
            else if constexpr (std::is_same_v<X, Percent>)
                return Json{{"percent", w(x)}};
            else
                return Json{{"days", w(x)}};
        },
        t);
}

Json w_level(const approval::Level& l) {
    return Json{{"role", w(l.role)},
                {"reach", w_enum(l.reach)},
                {"mode", w_enum(l.mode)},
                {"source", w_enum(l.source)},
                {"manager_level", l.manager_level},
                {"person", w_opt(l.person)},
                {"choices", w_ids(l.choices)},
                {"when_empty", w_enum(l.when_empty)},
                {"administrator", w_opt(l.administrator)},
                {"auto_at_most", w_opt(l.auto_at_most)},
                {"auto_if_repeat", l.auto_if_repeat}};
}

Json w_row(const approval::Row& r) {
    return Json{{"id", w(r.id)},
                {"kind", w_enum(r.kind)},
                {"when",
                 {{"segments", w_list(r.when.segments, [](const std::string& s) { return Json(s); })},
                  {"regions", w_ids(r.when.regions)},
                  {"product_lines", w_ids(r.when.product_lines)}}},
                {"over", r.over ? w_threshold(*r.over) : Json(nullptr)},
                {"levels", w_list(r.levels, w_level)},
                {"boundary", w_enum(r.boundary)},
                {"cc", w_list(r.cc, [](const approval::CopyTo& c) {
                     return Json{{"person", w(c.person)}, {"role", w(c.role)}};
                 })}};
}

}  // namespace

policy::ApprovalPolicies approval_policies(const In& in) {
    Obj o(in);
    policy::ApprovalPolicies a;
    plain(o, "roles", a.roles, [](const In& v) { return list(v, role); });
    plain(o, "rows", a.rows, [](const In& v) { return list(v, row); });
    plain(o, "currency", a.currency, currency);
    o.done();
    return a;
}

std::optional<Json> w_approval(const policy::ApprovalPolicies& approval, const std::string& /*path*/) {
    return Json{{"roles", w_list(approval.roles,
                                 [](const Role& r) {
                                     return Json{{"id", w(r.id)}, {"name", r.name}, {"rank", r.rank}};
                                 })},
                {"rows", w_list(approval.rows, w_row)},
                {"currency", std::string(approval.currency.code())}};
}

}  // namespace crm::io::codec
