// crm validate POLICY: checks a policy set document and reports what the lints find.

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
        out = c.zh() ? "政策集有效：" + std::to_string(set.versions.size()) + " 个版本\n"
                     : "valid policy set: " + std::to_string(set.versions.size()) + " version(s)\n";
        for (const auto& v : set.versions)
            out += "  " + v.id + (c.zh() ? " 生效日 " : " effective from ") + v.effective_from.to_string() +
                   "\n";
        for (const auto& f : findings)
            out += (c.zh() ? "提示 " : "note ") + f.field + ": " + explain(f.reason, lang) + "\n";
    }
    emit(out, c.output);
    return exit_ok;
}

}  // namespace

void add_validate(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("validate", "check a policy set document and report what the lints find");
    sub->add_option("policy", o->policy, "the policy set document (- for standard input)")->required();
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
