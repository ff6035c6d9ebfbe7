// Replay histories and answers (include/crm/io/replay.hpp): each past order read with the
// credit account document of its day, the answer written as JSON or explained in words.

#include <crm/core/error.hpp>
#include <crm/io/replay.hpp>

#include <set>
#include <string>
#include <utility>

#include "json_codec.hpp"

namespace crm::io {

namespace {

using namespace codec;  // NOLINT(google-build-using-namespace): the io sources' own vocabulary

replay::HistoricalOrder historical_order(const In& in) {
    Obj o(in);
    replay::HistoricalOrder h;
    h.order = order_member(o.req("order"));
    h.placed = date(o.req("placed"));
    CreditAccount a = credit_account_member(o.req("account"));
    h.account = a.profile.account;
    h.tier = std::move(a.tier);
    h.segment = std::move(a.segment);
    h.profile = std::move(a.profile);
    h.receivables = std::move(a.receivables);
    h.open_orders = std::move(a.open_orders);
    h.shipped_not_invoiced = std::move(a.shipped_not_invoiced);
    h.rates = std::move(a.rates);
    h.region = id<RegionId>(o.req("region"));
    h.requester = id<PersonId>(o.req("requester"));
    nullable(o, "discount", h.discount, percent);
    plain(o, "lines", h.lines, [](const In& v) { return list(v, quote_line); });
    plain(o, "budgets", h.budgets, promotion_budgets);
    o.done();
    return h;
}

replay::PoolRun pool_run(const In& in) {
    Obj o(in);
    replay::PoolRun run;
    run.as_of = date(o.req("as_of"));
    const In accounts = o.req("accounts");
    run.accounts = list(accounts, key_account);
    o.done();
    std::set<std::string> ids;
    for (std::size_t i = 0; i < run.accounts.size(); ++i)
        if (!ids.insert(run.accounts[i].id.value()).second)
            fail(accounts.at(i).at("id"), ErrorCode::duplicate,
                 "the account \"" + run.accounts[i].id.value() + "\" is given twice in one pool run");
    return run;
}

Json w_tally(const replay::Tally& t) { return Json{{"orders", t.orders}, {"amount", w(t.amount)}}; }

Json w_counts(const replay::Counts& c) {
    return Json{{"key", c.key},
                {"orders", w_tally(c.orders)},
                {"credit_tighter", w_tally(c.credit_tighter)},
                {"credit_looser", w_tally(c.credit_looser)},
                {"newly_blocked", w_tally(c.newly_blocked)},
                {"approval_tighter", w_tally(c.approval_tighter)},
                {"approval_looser", w_tally(c.approval_looser)},
                {"price_tighter", w_tally(c.price_tighter)},
                {"price_looser", w_tally(c.price_looser)},
                {"priced_higher", w_tally(c.priced_higher)},
                {"priced_lower", w_tally(c.priced_lower)}};
}

Json w_pool_counts(const replay::PoolCounts& c) {
    return Json{{"key", c.key},
                {"accounts", c.accounts},
                {"released_before", c.released_before},
                {"released_after", c.released_after},
                {"tighter", c.tighter},
                {"looser", c.looser}};
}

Json w_pool_case(const replay::PoolCase& c, Lang lang) {
    const auto release = [lang](const std::optional<account::Release>& r) {
        return r ? w_release(*r, lang) : Json(nullptr);
    };
    return Json{{"run", c.run},
                {"index", c.index},
                {"as_of", w(c.as_of)},
                {"account", w(c.account)},
                {"region", w(c.region)},
                {"tier", c.tier},
                {"owner", w(c.owner)},
                {"before_version", c.before_version},
                {"after_version", c.after_version},
                {"shift", std::string(replay::to_string(c.shift))},
                {"before", release(c.before)},
                {"after", release(c.after)}};
}

Json w_answer(const replay::Answer& a, Lang lang) {
    return Json{{"policy_version", a.policy_version},
                {"outcome", std::string(to_string(a.credit.outcome()))},
                {"reasons", reasons_json(a.credit, lang)},
                {"approval", w_list(a.approval,
                                    [](const approval::Step& s) {
                                        return Json{{"stage", s.stage},
                                                    {"level", w(s.level.role)},
                                                    {"rank", s.rank},
                                                    {"rule", w(s.rule)}};
                                    })},
                {"approval_rank", a.approval_rank},
                {"net_total", w_opt(a.net_total)},
                {"price", Json{{"outcome", std::string(to_string(a.price.outcome()))},
                               {"reasons", reasons_json(a.price, lang)}}},
                {"price_rank", a.price_rank}};
}

/// `none`, or the roles of the route joined by `+`.
std::string route_words(const replay::Answer& a, Lang lang) {
    if (a.approval.empty()) return lang == Lang::zh ? "无需审批" : "none";
    std::string out;
    for (const auto& s : a.approval) out += (out.empty() ? "" : "+") + s.level.role.value();
    return out;
}

std::string tally_words(const replay::Tally& t) {
    return std::to_string(t.orders) + " / " + format(t.amount);
}

/// `kept` or the rules that released the account (`no_deal`).
std::string release_words(const std::optional<account::Release>& r, Lang lang) {
    if (!r) return lang == Lang::zh ? "保留" : "kept";
    std::string out = lang == Lang::zh ? "收回 (" : "released (";
    if (r->no_follow_up) out += lang == Lang::zh ? "未跟进" : "no follow-up";
    if (r->no_follow_up && r->no_deal) out += ", ";
    if (r->no_deal) out += lang == Lang::zh ? "未成交" : "no deal";
    return out + ")";
}

}  // namespace

replay::History read_replay_history(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        replay::History h;
        h.orders = list(o.req("orders"), historical_order);
        plain(o, "people", h.people, [](const In& v) { return list(v, person); });
        plain(o, "pool", h.pool, [](const In& v) { return list(v, pool_run); });
        o.done();
        return h;
    });
}

std::string history_pointer(std::string_view field) {
    if (field.starts_with("history.")) field.remove_prefix(8);
    std::string path(field);
    if (field.starts_with("orders[")) {
        const std::size_t close = field.find(']');
        if (close != std::string_view::npos && close + 1 < field.size() && field[close + 1] == '.') {
            const std::string_view member = field.substr(close + 2);
            for (const std::string_view m : {"tier", "segment", "profile", "receivables", "open_orders",
                                             "shipped_not_invoiced", "rates"}) {
                if (member.starts_with(m) &&
                    (member.size() == m.size() || member[m.size()] == '.' || member[m.size()] == '[')) {
                    path = std::string(field.substr(0, close + 1)) + ".account." + std::string(member);
                    break;
                }
            }
        }
    }
    return to_json_pointer(path);
}

bool names_history(std::string_view field) noexcept {
    return field.starts_with("orders[") || field.starts_with("pool[") || field.starts_with("history.");
}

std::string write_replay(const replay::ReplayResult& r, Lang lang) {
    return dump(
        Json{{"currency", std::string(r.currency.code())},
             {"stopped", r.stopped},
             {"total", w_counts(r.total)},
             {"regions", w_list(r.regions, w_counts)},
             {"reasons", w_list(r.reasons, w_counts)},
             {"cases", w_list(r.cases,
                              [lang](const replay::Case& c) {
                                  return Json{{"index", c.index},
                                              {"order", w(c.order)},
                                              {"account", w(c.account)},
                                              {"region", w(c.region)},
                                              {"placed", w(c.placed)},
                                              {"amount", w(c.amount)},
                                              {"credit", std::string(replay::to_string(c.credit))},
                                              {"approval", std::string(replay::to_string(c.approval))},
                                              {"price", std::string(replay::to_string(c.price))},
                                              {"reason", c.reason},
                                              {"price_reason", c.price_reason},
                                              {"price_change", w(c.price_change)},
                                              {"before", w_answer(c.before, lang)},
                                              {"after", w_answer(c.after, lang)}};
                              })},
             {"pool", w_pool_counts(r.pool)},
             {"pool_regions", w_list(r.pool_regions, w_pool_counts)},
             {"pool_cases",
              w_list(r.pool_cases, [lang](const replay::PoolCase& c) { return w_pool_case(c, lang); })}});
}

std::string explain_replay(const replay::ReplayResult& r, Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out;
    if (r.stopped)
        out += zh ? "（已中止：以下数字只含已回放的订单）\n"
                  : "(stopped: the figures cover the orders replayed)\n";
    const auto line = [&](const replay::Counts& c, const std::string& name) {
        return name + (zh ? ": 订单 " : ": orders ") + tally_words(c.orders) +
               (zh ? "; 信用收紧 " : "; credit tighter ") + tally_words(c.credit_tighter) +
               (zh ? " (新增拦截 " : " (newly blocked ") + tally_words(c.newly_blocked) +
               (zh ? "); 信用放宽 " : "); credit looser ") + tally_words(c.credit_looser) +
               (zh ? "; 新增审批 " : "; approval tighter ") + tally_words(c.approval_tighter) +
               (zh ? "; 免于审批 " : "; approval looser ") + tally_words(c.approval_looser) +
               (zh ? "; 价格收紧 " : "; price tighter ") + tally_words(c.price_tighter) +
               (zh ? "; 价格放宽 " : "; price looser ") + tally_words(c.price_looser) +
               (zh ? "; 提价 " : "; priced higher ") + tally_words(c.priced_higher) +
               (zh ? "; 降价 " : "; priced lower ") + tally_words(c.priced_lower) + "\n";
    };
    const auto pool_line = [&](const replay::PoolCounts& c, const std::string& name) {
        return name + (zh ? ": 客户 " : ": accounts ") + std::to_string(c.accounts) +
               (zh ? "; 旧政策收回 " : "; released under the old ") + std::to_string(c.released_before) +
               (zh ? "; 新政策收回 " : "; under the new ") + std::to_string(c.released_after) +
               (zh ? "; 仅新政策收回 " : "; by the new only ") + std::to_string(c.tighter) +
               (zh ? "; 仅旧政策收回 " : "; by the old only ") + std::to_string(c.looser) + "\n";
    };
    out += line(r.total, zh ? "合计" : "total");
    if (!r.regions.empty()) out += zh ? "\n按区域\n" : "\nby region\n";
    for (const auto& c : r.regions) out += "- " + line(c, c.key);
    if (!r.reasons.empty()) out += zh ? "\n按原因\n" : "\nby reason\n";
    for (const auto& c : r.reasons) out += "- " + line(c, c.key);
    out += zh ? "\n变化的订单 (" + std::to_string(r.cases.size()) + ")\n"
              : "\norders whose answer moves (" + std::to_string(r.cases.size()) + ")\n";
    for (const auto& c : r.cases) {
        out += "- " + c.order.value() + " " + c.account.value() + " " + c.region.value() + " " +
               c.placed.to_string() + " " + format(c.amount) + (zh ? ": 信用 " : ": credit ") +
               std::string(to_string(c.before.credit.outcome())) + " -> " +
               std::string(to_string(c.after.credit.outcome()));
        if (!c.reason.empty()) out += " (" + c.reason + ")";
        out += (zh ? "; 审批 " : "; approval ") + route_words(c.before, lang) + " -> " +
               route_words(c.after, lang);
        if (c.before.net_total && c.after.net_total) {
            out += (zh ? "; 价格 " : "; price ") + std::string(to_string(c.before.price.outcome())) + " -> " +
                   std::string(to_string(c.after.price.outcome()));
            if (!c.price_reason.empty()) out += " (" + c.price_reason + ")";
            out += " " + format(*c.before.net_total) + " -> " + format(*c.after.net_total);
        }
        out += "\n";
    }
    if (r.pool.accounts == 0) return out;
    out += zh ? "\n公海回收\n" : "\npool runs\n";
    out += pool_line(r.pool, zh ? "合计" : "total");
    for (const auto& c : r.pool_regions) out += "- " + pool_line(c, c.key);
    out += zh ? "\n变化的客户 (" + std::to_string(r.pool_cases.size()) + ")\n"
              : "\naccounts whose pool status moves (" + std::to_string(r.pool_cases.size()) + ")\n";
    for (const auto& c : r.pool_cases)
        out += "- " + c.as_of.to_string() + " " + c.account.value() + " " + c.region.value() + " " + c.tier +
               " " + c.owner.value() + ": " + release_words(c.before, lang) + " -> " +
               release_words(c.after, lang) + "\n";
    return out;
}

}  // namespace crm::io
