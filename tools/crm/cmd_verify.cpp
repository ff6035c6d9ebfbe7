// crm verify: do the approval records given fill the request's route (exit 0 allow or warn,
// 3 approval still needed, 4 block)?

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
    const auto request = io::read_verify_request(slurp(o.request, "--request"), file_name(o.request));
    const io::VerifyAnswer answer = io::verify(set, request);
    const Lang lang = c.language();
    emit(c.format_choice() == Format::json ? io::write_verify(answer, lang)
                                           : explain(answer.decision, lang) + "\n",
         c.output);
    return exit_code_of(answer.decision.outcome());
}

}  // namespace

void add_verify(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand(
        "verify",
        "whether the approvals given fill a request's route (exit 0 allow/warn, 3 approval, 4 block)");
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--request", o->request, "the verify request document")->required();
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
