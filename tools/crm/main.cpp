// crm: the command line over the policy and fact documents. Each subcommand answers one
// question (one source each, cmd_<name>.cpp); docs/cli.md describes them, their options and
// their exit codes: 0 allow or warn, 3 needs approval, 4 block, 2 bad input (the Error on
// stderr), 1 internal failure.

#include <crm/core/error.hpp>

#include <exception>
#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
    using namespace crm::cli;  // NOLINT(google-build-using-namespace)
    CLI::App app{"crm: key-account business rules over policy and fact documents (docs/cli.md)"};
    app.require_subcommand(1);
    Commands commands;
    add_validate(app, commands);
    add_check_order(app, commands);
    add_aging(app, commands);
    add_route(app, commands);
    add_verify(app, commands);
    add_lint(app, commands);
    add_price(app, commands);
    add_report(app, commands);
    add_replay(app, commands);
    add_score(app, commands);
    add_sla(app, commands);
    add_pool(app, commands);
    add_visits(app, commands);
    add_plan(app, commands);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_bad_input;
    }

    try {
        for (const auto& [sub, run] : commands)
            if (sub->parsed()) return run();
        return exit_bad_input;
    } catch (const crm::Error& e) {
        std::cerr << "crm: error [" << crm::to_string(e.code()) << "]";
        if (!e.field().empty()) std::cerr << " at " << e.field();
        std::cerr << ": " << e.message() << "\n";
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cerr << "crm: internal failure: " << e.what() << "\n";
        return exit_internal;
    } catch (...) {
        std::cerr << "crm: internal failure\n";
        return exit_internal;
    }
}
