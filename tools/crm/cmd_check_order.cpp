// crm check-order: the credit check of one order (exit 0 allow or warn, 3 approval, 4 block).

#include <crm/credit/check.hpp>
#include <crm/io/json.hpp>
#include <crm/io/response.hpp>
#include <crm/policy/policy_set.hpp>

#include <memory>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy, account, order, as_of;
};

int run(const Options& o) {
    const Common& c = o.common;
    one_stdin({&o.policy, &o.account, &o.order});
    const Date as_of = as_of_date(o.as_of);
    const auto set = io::read_policy_set(slurp(o.policy, "--policy"), file_name(o.policy));
    const auto account = io::read_credit_account(slurp(o.account, "--account"), file_name(o.account));
    const auto order = io::read_order(slurp(o.order, "--order"), file_name(o.order));
    const io::CreditCheck check = io::check_order(set, account, order, as_of);
    const Decision& d = check.decision;
    const Lang lang = c.language();
    emit(c.format_choice() == Format::json ? io::write_credit_check(check, lang) : explain(d, lang) + "\n",
         c.output);
    return exit_code_of(d.outcome());
}

}  // namespace

void add_check_order(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand("check-order",
                                   "credit check of one order (exit 0 allow/warn, 3 approval, 4 block)");
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--account", o->account, "the credit account document")->required();
    sub->add_option("--order", o->order, "the order document")->required();
    sub->add_option("--as-of", o->as_of, "the date of the check, YYYY-MM-DD")->required();
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
