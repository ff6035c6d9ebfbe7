// crm price: prices the lines of a request with the rule book of the policy version in force,
// and checks the asking role's price authority (exit 0 allow or warn, 3 a higher role must
// grant the price, 4 below the floor or beyond every role's authority).

#include <crm/io/json.hpp>
#include <crm/io/pricing.hpp>
#include <crm/money/money.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/pricing/price.hpp>

#include <memory>
#include <optional>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string policy, request, as_of;
};

int run(const Options& o) {
    const Common& c = o.common;
    one_stdin({&o.policy, &o.request});
    std::optional<Date> as_of;
    if (!o.as_of.empty()) as_of = as_of_date(o.as_of);
    const auto set = io::read_policy_set(slurp(o.policy, "--policy"), file_name(o.policy));
    auto request = io::read_price_request(slurp(o.request, "--request"), file_name(o.request));
    if (as_of) request.as_of = as_of;  // the command line's date wins over the document's
    const io::PriceAnswer answer = io::price(set, request);
    const Lang lang = c.language();
    std::string out;
    if (c.format_choice() == Format::json) {
        out = io::write_price(answer, lang);
    } else {
        for (std::size_t i = 0; i < answer.document.lines.size(); ++i)
            out +=
                (c.zh() ? "第 " + std::to_string(i + 1) + " 行\n" : "line " + std::to_string(i + 1) + "\n") +
                pricing::explain(answer.document.lines[i], lang) + "\n";
        const auto& d = answer.document;
        out += (c.zh() ? "合计: 净额 " : "total: net ") + format(d.net_total) +
               (c.zh() ? ", 税额 " : ", tax ") + format(d.tax_total) + (c.zh() ? ", 含税 " : ", gross ") +
               format(d.gross_total) + "\n";
        out += explain(answer.decision, lang) + "\n";
    }
    emit(out, c.output);
    return exit_code_of(answer.decision.outcome());
}

}  // namespace

void add_price(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand(
        "price",
        "price the lines of a request, with the price authority (exit 0 allow/warn, 3 approval, 4 block)");
    sub->add_option("--policy", o->policy, "the policy set document")->required();
    sub->add_option("--request", o->request, "the price request document")->required();
    sub->add_option("--as-of", o->as_of, "the pricing date, YYYY-MM-DD (default: the request's as_of)");
    add_common(*sub, o->common);
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
