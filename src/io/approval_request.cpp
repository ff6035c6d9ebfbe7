// Route and verify requests and their answers (include/crm/io/approval.hpp): read to the
// approval values, answered by approval::route and approval::verify, written as decisions.

#include <crm/approval/matrix.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/error.hpp>
#include <crm/io/approval.hpp>

#include <array>
#include <string>
#include <utility>
#include <variant>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

RouteRequest route_request(Obj& o) {
    RouteRequest r;
    r.request = approval_request(o.req("request"));
    plain(o, "people", r.people, [](const In& v) { return list(v, person); });
    r.as_of = date(o.req("as_of"));
    plain(o, "lang", r.lang, lang);
    return r;
}

/// The policy version's matrix and the request's org chart on its ladder. Errors of the chart
/// are named by the request's pointers (`/people/2/role`), those of the matrix by the policy's.
struct Compiled {
    const policy::PolicyVersion* version;
    approval::Matrix matrix;
    OrgChart org;
};

Compiled compile(const policy::PolicySet& set, const RouteRequest& request) {
    const policy::PolicyVersion& v = set.in_force(request.as_of);
    approval::Matrix matrix(v.approval.rows, v.approval.roles, v.approval.currency);
    OrgChart org;
    try {
        org = OrgChart(v.approval.roles, request.people);
    } catch (const Error& e) {
        // a role of the ladder is the policy's; a person is the request's (`/people/2/role`)
        throw Error(e.code(),
                    e.field().starts_with("roles") ? "approval." + e.field() : to_json_pointer(e.field()),
                    e.message());
    }
    return {&v, std::move(matrix), std::move(org)};
}

}  // namespace

RouteRequest read_route_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        RouteRequest r = route_request(o);
        o.done();
        return r;
    });
}

VerifyRequest read_verify_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        VerifyRequest r;
        r.route = route_request(o);
        plain(o, "approvals", r.approvals, [](const In& v) { return list(v, approval_record); });
        plain(o, "delegations", r.delegations, [](const In& v) { return list(v, delegation); });
        o.done();
        return r;
    });
}

RouteAnswer route(const policy::PolicySet& set, const RouteRequest& request) {
    const Compiled c = compile(set, request);
    RouteAnswer a;
    a.policy_version = c.version->id;
    a.route = approval::route(c.matrix, request.request, c.org);
    a.fingerprint = approval::fingerprint(request.request);
    a.decision.add(a.route.reason(c.org.roles()));
    for (std::size_t i = 0; i < a.route.steps.size(); ++i)
        a.decision.add(approval::describe_step(a.route, i, c.org));
    return a;
}

std::string write_route(const RouteAnswer& answer, Lang lang) {
    Json steps = Json::array();
    for (const approval::Step& s : answer.route.steps)
        steps.push_back(Json{{"stage", s.stage},
                             {"level", s.level.role.value()},
                             {"rank", s.rank},
                             {"reach", w_enum(s.level.reach)},
                             {"mode", w_enum(s.level.mode)},
                             {"rule", s.rule.value()},
                             {"dimension", w_enum(s.dimension)},
                             {"over", s.over ? w(*s.over) : Json(nullptr)},
                             {"boundary", w_enum(s.boundary)}});
    Json cc = Json::array();
    for (const approval::CopyTo& x : answer.route.cc)
        cc.push_back(Json{{"person", x.person.value()}, {"role", x.role.value()}});
    return dump(Json{{"request", answer.route.request.value()},
                     {"policy_version", answer.policy_version},
                     {"fingerprint", approval::to_string(answer.fingerprint)},
                     {"outcome", std::string(to_string(answer.decision.outcome()))},
                     {"reasons", reasons_json(answer.decision, lang)},
                     {"steps", steps},
                     {"cc", cc}});
}

VerifyAnswer verify(const policy::PolicySet& set, const VerifyRequest& request) {
    const Compiled c = compile(set, request.route);
    VerifyAnswer a;
    a.policy_version = c.version->id;
    a.route = approval::route(c.matrix, request.route.request, c.org);
    a.decision =
        approval::verify(a.route, request.approvals, request.route.request, c.org, request.delegations);
    return a;
}

std::string write_verify(const VerifyAnswer& answer, Lang lang) {
    return dump(Json{{"request", answer.route.request.value()},
                     {"policy_version", answer.policy_version},
                     {"outcome", std::string(to_string(answer.decision.outcome()))},
                     {"reasons", reasons_json(answer.decision, lang)}});
}

}  // namespace crm::io
