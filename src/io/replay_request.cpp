// Replay histories and answers (include/crm/io/replay.hpp): each past order read with the
// credit account document of its day, the answer written as JSON or explained in words.

#include <crm/core/error.hpp>
#include <crm/io/replay.hpp>

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
    o.done();
    return h;
}

Json w_tally(const replay::Tally& t) { return Json{{"orders", t.orders}, {"amount", w(t.amount)}}; }

Json w_counts(const replay::Counts& c) {
    return Json{{"key", c.key},
                {"orders", w_tally(c.orders)},
                {"credit_tighter", w_tally(c.credit_tighter)},
                {"credit_looser", w_tally(c.credit_looser)},
                {"newly_blocked", w_tally(c.newly_blocked)},
                {"approval_tighter", w_tally(c.approval_tighter)},
                {"approval_looser", w_tally(c.approval_looser)}};
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
                {"approval_rank", a.approval_rank}};
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

}  // namespace

replay::History read_replay_history(std::string_view text, std::string_view file) {
    return read_document(text, file, [](const In& in) {
        Obj o(in);
        replay::History h;
        h.orders = list(o.req("orders"), historical_order);
        plain(o, "people", h.people, [](const In& v) { return list(v, person); });
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

std::string write_replay(const replay::ReplayResult& r, Lang lang) {
    return dump(Json{{"currency", std::string(r.currency.code())},
                     {"stopped", r.stopped},
                     {"total", w_counts(r.total)},
                     {"regions", w_list(r.regions, w_counts)},
                     {"reasons", w_list(r.reasons, w_counts)},
                     {"cases", w_list(r.cases, [lang](const replay::Case& c) {
                          return Json{{"index", c.index},
                                      {"order", w(c.order)},
                                      {"account", w(c.account)},
                                      {"region", w(c.region)},
                                      {"placed", w(c.placed)},
                                      {"amount", w(c.amount)},
                                      {"credit", std::string(replay::to_string(c.credit))},
                                      {"approval", std::string(replay::to_string(c.approval))},
                                      {"reason", c.reason},
                                      {"before", w_answer(c.before, lang)},
                                      {"after", w_answer(c.after, lang)}};
                      })}});
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
               (zh ? "; 免于审批 " : "; approval looser ") + tally_words(c.approval_looser) + "\n";
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
               route_words(c.after, lang) + "\n";
    }
    return out;
}

}  // namespace crm::io
