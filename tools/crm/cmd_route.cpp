// crm route: the approval route of one request under the policy version in force at its date
// (exit 0 no approval needed, 3 approval needed).

#include <crm/io/approval.hpp>
#include <crm/io/json.hpp>
#include <crm/policy/policy_set.hpp>

#include <memory>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy, request;
};

int run(const Options& o) {
    const Common& c = o.common;
    one_stdin({&o.policy, &o.request});
    const auto set = io::read_policy_set(slurp(o.policy, "--policy"), file_name(o.policy));
    const auto request = io::read_route_request(slurp(o.request, "--request"), file_name(o.request));
    const io::RouteAnswer answer = io::route(set, request);
    const Lang lang = c.language();
    emit(c.format_choice() == Format::json ? io::write_route(answer, lang)
                                           : explain(answer.decision, lang) + "\n",
         c.output);
    return exit_code_of(answer.decision.outcome());
}

}  // namespace

void add_route(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub =
        app.add_subcommand("route", "the approval route of one request (exit 0 none needed, 3 approval)");
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--request", o->request, "the route request document")->required();
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
