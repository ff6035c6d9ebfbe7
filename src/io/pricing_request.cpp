// Price requests and their answers (include/crm/io/pricing.hpp): read to the pricing values,
// priced with pricing::price_document and pricing::authority_needed, written as a decision.

#include <crm/core/error.hpp>
#include <crm/io/pricing.hpp>
#include <crm/pricing/reasons.hpp>
#include <crm/pricing/rule_book.hpp>

#include <string>
#include <utility>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

pricing::PricingContext context(const In& in) {
    Obj o(in);
    pricing::PricingContext c;
    plain(o, "account", c.account, id<AccountId>);
    plain(o, "tier", c.tier, text);
    plain(o, "segment", c.segment, text);
    plain(o, "region", c.region, id<RegionId>);
    plain(o, "budgets", c.budgets, promotion_budgets);
    o.done();
    return c;
}

Json w_line(const pricing::PricedLine& p, std::size_t i, Lang lang) {
    Json steps = Json::array();
    for (const auto& s : p.waterfall) {
        Json tied = Json::array();
        for (const auto& t : s.tied_with) tied.push_back(t.value());
        steps.push_back(Json{{"kind", w_enum(s.kind)},
                             {"rule", s.rule.value()},
                             {"before", w(s.before)},
                             {"after", w(s.after)},
                             {"delta", w(s.delta)},
                             {"budget_capped", s.budget_capped},
                             {"tied_with", tied}});
    }
    Json not_applied = Json::array();
    for (const auto& n : p.not_applied)
        not_applied.push_back(Json{{"rule", n.rule.value()},
                                   {"condition", std::string(n.condition)},
                                   {"text", n.reason ? Json(explain(*n.reason, lang)) : Json(nullptr)}});
    return Json{{"line", i},
                {"product", p.line.product.value()},
                {"unit", p.line.unit},
                {"quantity", w(p.line.quantity)},
                {"list_price", w(p.list_price)},
                {"unit_price", w(p.unit_price)},
                {"net_amount", w(p.net_amount)},
                {"tax", w(p.tax)},
                {"gross_amount", w(p.gross_amount)},
                {"floor", w_opt(p.floor)},
                {"waterfall", steps},
                {"not_applied", not_applied}};
}

}  // namespace

PriceRequest read_price_request(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        PriceRequest r;
        plain(o, "context", r.context, context);
        r.lines = list(o.req("lines"), quote_line);
        nullable(o, "as_of", r.as_of, date);
        nullable(o, "role", r.role, id<RoleId>);
        plain(o, "lang", r.lang, lang);
        o.done();
        return r;
    });
}

PriceAnswer price(const policy::PolicySet& set, const PriceRequest& request, std::optional<Date> as_of) {
    if (request.as_of) as_of = request.as_of;
    if (!as_of) throw Error(ErrorCode::not_found, "/as_of", "no pricing date: give as_of in the request");
    const policy::PolicyVersion& v = set.in_force(*as_of);
    const pricing::RuleBook book(v.pricing.book);
    PriceAnswer a;
    a.policy_version = v.id;
    a.as_of = *as_of;
    a.document = pricing::price_document(book, request.lines, request.context, *as_of);
    a.decision = a.document.decision;
    if (!request.role) return a;
    const pricing::AuthorityRow* asking = nullptr;
    for (const auto& row : v.pricing.authority.rows)
        if (row.role == *request.role) asking = &row;
    if (asking == nullptr)
        throw Error(ErrorCode::not_found, "/role",
                    "the role \"" + request.role->value() + "\" has no row in the price-authority table");
    for (const auto& line : a.document.lines) {
        pricing::AuthorityNeeded need =
            pricing::authority_needed(line, v.pricing.authority, v.approval.roles);
        if (need.role && need.rank > asking->rank)
            a.decision.add(Reason{pricing::reasons::within_authority, Outcome::needs_approval}
                               .with("discount", need.discount_off_list)
                               .with("role", role_display_name(v.approval.roles, *need.role, Lang::en))
                               .with("role_zh", role_display_name(v.approval.roles, *need.role, Lang::zh)));
        else
            for (const auto& r : need.decision.reasons()) a.decision.add(r);
        a.authority.push_back(std::move(need));
    }
    return a;
}

std::string write_price(const PriceAnswer& answer, Lang lang) {
    const pricing::PricedDocument& d = answer.document;
    Json lines = Json::array();
    for (std::size_t i = 0; i < d.lines.size(); ++i) lines.push_back(w_line(d.lines[i], i, lang));
    Json authority = Json::array();
    for (std::size_t i = 0; i < answer.authority.size(); ++i) {
        const auto& n = answer.authority[i];
        authority.push_back(Json{{"line", i},
                                 {"role", n.role ? Json(n.role->value()) : Json(nullptr)},
                                 {"rank", n.rank},
                                 {"discount_off_list", w(n.discount_off_list)}});
    }
    Json reasons = Json::array();
    for (const auto& r : answer.decision.reasons()) reasons.push_back(reason_json(r, lang));
    return dump(Json{{"policy_version", answer.policy_version},
                     {"as_of", w(answer.as_of)},
                     {"outcome", std::string(to_string(answer.decision.outcome()))},
                     {"reasons", reasons},
                     {"lines", lines},
                     {"authority", authority},
                     {"totals",
                      {{"net", w(d.net_total)},
                       {"tax", w(d.tax_total)},
                       {"gross", w(d.gross_total)},
                       {"rounding_difference", w(d.rounding_difference)}}}});
}

}  // namespace crm::io
