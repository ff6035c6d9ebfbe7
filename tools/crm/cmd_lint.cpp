// crm lint POLICY: only what the lints find in a valid policy set (pricing and approval lint,
// as PolicySet::validate returns them). Exit 0 when there is nothing, 3 when there are findings
// (so a CI job can branch on it), 2 when the policy set is not valid.

#include <crm/io/json.hpp>
#include <crm/io/response.hpp>
#include <crm/policy/policy_set.hpp>

#include <memory>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy;
};

int run(const Options& o) {
    const Common& c = o.common;
    const auto set = io::read_policy_set(slurp(o.policy, "policy"), file_name(o.policy));
    const auto findings = set.validate();
    const Lang lang = c.language();
    std::string out;
    if (c.format_choice() == Format::json) {
        out = io::write_validation(set, findings, lang);
    } else {
        for (const auto& f : findings) out += f.field + ": " + explain(f.reason, lang) + "\n";
        if (findings.empty()) out = c.zh() ? "未发现问题\n" : "no findings\n";
    }
    emit(out, c.output);
    return findings.empty() ? exit_ok : exit_needs_approval;
}

}  // namespace

void add_lint(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("lint", "what the lints find in a policy set (exit 0 none, 3 findings)");
    sub->add_option("policy", o->policy, "the policy set document (- for standard input)")->required();
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
