// crm pool and crm visits: the account questions of an account request on the as-of day under
// the account policies of the policy version in force. `pool`: the accounts that return to the
// public pool (公海), with every rule that fired; `visits`: the accounts whose visit (拜访) is
// overdue. Neither answers a yes/no question: exit 0, or 2 for bad input.

#include <crm/account/pool.hpp>
#include <crm/account/visit.hpp>
#include <crm/core/error.hpp>
#include <crm/io/account.hpp>
#include <crm/io/json.hpp>
#include <crm/policy/policy_set.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy, request, as_of;
};

/// What both subcommands read: the policy set and the request, the command line's day winning
/// over the document's, and the request's text for locating the errors found in it later.
struct Inputs {
    policy::PolicySet set;
    io::AccountRequest request;
    std::string text, file;
    bool as_of_option = false;  ///< the day is the command line's

    /// `question(set, request)`; an error naming the request (`/accounts/1/tier`) gets its
    /// `file:line:column`, one about the day the option's name when the option gave it.
    template <class F>
    auto answer(F&& question) const {
        try {
            return std::forward<F>(question)(set, request);
        } catch (const Error& e) {
            if (as_of_option && e.field() == "/as_of") throw Error(e.code(), "--as-of", e.message());
            if (e.field().starts_with("/")) throw located(e, text, file);
            throw;
        }
    }
};

Inputs read_inputs(const Options& o) {
    one_stdin({&o.policy, &o.request});
    std::optional<Date> as_of;
    if (!o.as_of.empty()) as_of = as_of_date(o.as_of);
    Inputs in{.set = io::read_policy_set(slurp(o.policy, "--policy"), file_name(o.policy)),
              .request = {},
              .text = slurp(o.request, "--request"),
              .file = file_name(o.request)};
    in.request = io::read_account_request(in.text, in.file);
    if (as_of) in.request.as_of = as_of;
    in.as_of_option = as_of.has_value();
    return in;
}

/// Adds the subcommand `name` with the options both have; `run` answers it.
template <class Run>
void add_account_command(CLI::App& app, Commands& commands, const std::string& name,
                         const std::string& description, Run run) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand(name, description);
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--request", o->request, "the account request document")->required();
    sub->add_option("--as-of", o->as_of, "the day asked about, YYYY-MM-DD (default: the request's as_of)");
    add_common(*sub, o->common, {"text", "json", "csv"});
    commands.emplace_back(sub, [o, run] { return run(*o); });
}

// -- pool

std::string text_of(const io::PoolAnswer& a, Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out = zh ? "政策版本 " + a.policy_version + ", 时点 " + a.as_of.to_string() + ": " +
                               std::to_string(a.accounts) + " 个客户中 " + std::to_string(a.releases.size()) +
                               " 个退回公海\n"
                         : "policy version " + a.policy_version + ", as of " + a.as_of.to_string() + ": " +
                               std::to_string(a.releases.size()) + " of " + std::to_string(a.accounts) +
                               " accounts return to the pool\n";
    for (const account::Release& r : a.releases) {
        out += r.account.value() + (zh ? " (负责人 " : " (owner ") + r.owner.value() +
               (zh ? ", 等级 " : ", tier ") + r.tier + ")\n";
        for (const Reason& reason : account::release_reasons(r)) out += "  " + explain(reason, lang) + "\n";
    }
    return out;
}

std::string csv_of(const io::PoolAnswer& a) {
    std::string out = "account,owner,tier,rule,since,limit_days,deadline,elapsed_days,released_on\n";
    auto line = [&](const account::Release& r, const account::ReleaseTrigger& t) {
        out += csv_field(r.account.value()) + "," + csv_field(r.owner.value()) + "," + csv_field(r.tier) +
               "," + std::string(account::to_string(t.rule)) + "," + t.since.to_string() + "," +
               std::to_string(t.limit.count()) + "," + t.deadline.to_string() + "," +
               std::to_string(t.elapsed.count()) + "," + r.released_on.to_string() + "\n";
    };
    for (const account::Release& r : a.releases) {
        if (r.no_follow_up) line(r, *r.no_follow_up);
        if (r.no_deal) line(r, *r.no_deal);
    }
    return out;
}

int run_pool(const Options& o) {
    const io::PoolAnswer answer = read_inputs(o).answer(
        [](const policy::PolicySet& set, const io::AccountRequest& r) { return io::pool(set, r); });
    const Common& c = o.common;
    const Format f = c.format_choice();
    emit(f == Format::json  ? io::write_pool(answer, c.language())
         : f == Format::csv ? csv_of(answer)
                            : text_of(answer, c.language()),
         c.output);
    return exit_ok;
}

// -- visits

std::string text_of(const io::VisitsAnswer& a, Lang lang) {
    const bool zh = lang == Lang::zh;
    std::string out = zh ? "政策版本 " + a.policy_version + ", 时点 " + a.as_of.to_string() + ": " +
                               std::to_string(a.accounts) + " 个客户中 " + std::to_string(a.overdue.size()) +
                               " 个拜访逾期\n"
                         : "policy version " + a.policy_version + ", as of " + a.as_of.to_string() + ": " +
                               std::to_string(a.overdue.size()) + " of " + std::to_string(a.accounts) +
                               " accounts are overdue for a visit\n";
    for (const account::OverdueVisit& v : a.overdue) {
        const std::string owner = v.owner ? (zh ? "负责人 " : "owner ") + v.owner->value()
                                          : std::string(zh ? "公海客户" : "in the pool");
        out += v.account.value() + " (" + owner + "): " + explain(account::visit_reason(v), lang) + "\n";
    }
    return out;
}

std::string csv_of(const io::VisitsAnswer& a) {
    std::string out = "account,owner,last_visit,due,overdue_days\n";
    for (const account::OverdueVisit& v : a.overdue)
        out += csv_field(v.account.value()) + "," + (v.owner ? csv_field(v.owner->value()) : "") + "," +
               (v.last_visit ? v.last_visit->to_string() : "") + "," + v.due.to_string() + "," +
               std::to_string(v.overdue.count()) + "\n";
    return out;
}

int run_visits(const Options& o) {
    const io::VisitsAnswer answer = read_inputs(o).answer(
        [](const policy::PolicySet& set, const io::AccountRequest& r) { return io::visits(set, r); });
    const Common& c = o.common;
    const Format f = c.format_choice();
    emit(f == Format::json  ? io::write_visits(answer, c.language())
         : f == Format::csv ? csv_of(answer)
                            : text_of(answer, c.language()),
         c.output);
    return exit_ok;
}

}  // namespace

void add_pool(CLI::App& app, Commands& commands) {
    add_account_command(
        app, commands, "pool",
        "the accounts that return to the public pool (公海) on a day, and why (exit 0, 2 bad input)",
        run_pool);
}

void add_visits(CLI::App& app, Commands& commands) {
    add_account_command(app, commands, "visits",
                        "the accounts overdue for a visit (拜访) on a day (exit 0, 2 bad input)", run_visits);
}

}  // namespace crm::cli
