// crm sla: where the complaints of a request stand against the complaint SLA of the policy
// version in force (state, both clocks, escalation). It answers no yes/no question: exit 0, or
// 2 for bad input.

#include <crm/account/complaint.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/io/json.hpp>
#include <crm/io/scoring.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/time/time_of_day.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy, request, as_of;
};

std::string clock_text(const account::SlaClock& k, bool zh) {
    const Lang lang = zh ? Lang::zh : Lang::en;
    std::string s = std::string(account::display_name(k.state, lang)) + (zh ? ", 时限 " : ", due ") +
                    k.deadline.to_string();
    s += zh ? ", 已用 " + std::to_string(k.elapsed.count()) + " / " + std::to_string(k.allowed.count()) +
                  " 个工作分钟"
            : ", " + std::to_string(k.elapsed.count()) + " of " + std::to_string(k.allowed.count()) +
                  " business minutes";
    if (k.done) s += (zh ? ", 完成于 " : ", done ") + k.done->to_string();
    return s;
}

std::string text_of(const io::SlaAnswer& a, const policy::PolicyVersion& v, bool zh) {
    const Lang lang = zh ? Lang::zh : Lang::en;
    std::ostringstream hours;
    hours << a.working_hours;
    std::string out = (zh ? "政策版本 " : "policy version ") + a.policy_version +
                      (zh ? ", 时点 " : ", as of ") + a.as_of.to_string() + (zh ? ", 日历 " : ", calendar ") +
                      a.calendar + (zh ? ", 工作时间 " : ", working hours ") + hours.str() + "\n";
    for (const auto& c : a.complaints) {
        const account::Complaint& x = c.complaint;
        const account::SlaStatus& s = c.status;
        out += (zh ? "投诉 " : "complaint ") + x.id.value() + (zh ? " (客户 " : " (account ") +
               x.account.value() + ", " + std::string(account::display_name(x.severity, lang)) +
               (zh ? ", 等级 " : ", tier ") + x.tier +
               "): " + std::string(account::display_name(s.state, lang)) + "\n";
        out += (zh ? "  响应: " : "  response: ") + clock_text(s.response, zh) + "\n";
        out += (zh ? "  解决: " : "  resolution: ") + clock_text(s.resolution, zh) + "\n";
        out += zh ? "  升级: " + std::to_string(s.escalation_level) + " 级"
                  : "  escalation: level " + std::to_string(s.escalation_level);
        if (s.escalate_to)
            out +=
                (zh ? ", 报告 " : ", report to ") + role_display_name(v.approval.roles, *s.escalate_to, lang);
        out += "\n";
    }
    return out;
}

int run(const Options& o) {
    const Common& c = o.common;
    one_stdin({&o.policy, &o.request});
    std::optional<DateTime> as_of;
    if (!o.as_of.empty()) as_of = DateTime::parse(o.as_of, "--as-of");
    const auto set = io::read_policy_set(slurp(o.policy, "--policy"), file_name(o.policy));
    auto request = io::read_sla_request(slurp(o.request, "--request"), file_name(o.request));
    if (as_of) request.as_of = as_of;  // the command line's instant wins over the document's
    const io::SlaAnswer answer = io::sla(set, request);
    emit(c.format_choice() == Format::json ? io::write_sla(answer, c.language())
                                           : text_of(answer, set.version(answer.policy_version), c.zh()),
         c.output);
    return exit_ok;
}

}  // namespace

void add_sla(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand(
        "sla", "where complaints stand against the complaint SLA of the policy (exit 0, 2 bad input)");
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--request", o->request, "the SLA request document")->required();
    sub->add_option("--as-of", o->as_of,
                    "the instant asked about, \"YYYY-MM-DD HH:MM\" (default: the request's as_of)");
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
