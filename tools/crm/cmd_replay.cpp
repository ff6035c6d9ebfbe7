// crm replay: past orders and pool runs replayed under the old and the new policy set
// (what-if), the orders whose credit check, approval route or price would move and the accounts
// one set only releases, counted in total, per region and per reason, as text, JSON or one HTML
// page (exit 0; 2 for bad input). A progress
// bar on standard error when it is a terminal.

#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/io/replay.hpp>
#include <crm/replay/render.hpp>
#include <crm/replay/replay.hpp>

#include <memory>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct Options {
    Common common;
    std::string before, after, history;
    int threads = 1;
};

int run(const Options& o) {
    const Common& c = o.common;
    one_stdin({&o.before, &o.after, &o.history});
    const auto before = io::read_policy_set(slurp(o.before, "--old"), file_name(o.before));
    const auto after = io::read_policy_set(slurp(o.after, "--new"), file_name(o.after));
    const std::string history_text = slurp(o.history, "--history");
    const replay::History history = io::read_replay_history(history_text, file_name(o.history));
    replay::ReplayOptions options{.threads = o.threads};
    options.progress = progress_bar(c.zh() ? "回放" : "replay");
    const replay::ReplayResult r = [&] {
        try {
            return replay::replay(before, after, history, options);
        } catch (const Error& e) {  // a field of the history (`orders[3].tier`): say where
            if (!io::names_history(e.field())) throw;
            throw located(Error(e.code(), io::history_pointer(e.field()), e.message()), history_text,
                          file_name(o.history));
        }
    }();
    const Format format = c.format_choice();
    emit(format == Format::json   ? io::write_replay(r, c.language())
         : format == Format::html ? replay::render_html(r, c.language())
                                  : io::explain_replay(r, c.language()),
         c.output);
    return exit_ok;
}

}  // namespace

void add_replay(CLI::App& app, Commands& commands) {
    auto o = std::make_shared<Options>();
    auto* sub = app.add_subcommand(
        "replay",
        "replay past orders under the old and the new policy set: what the change would have moved (exit 0)");
    sub->add_option("--old", o->before, "the policy set in force (the old)")->required();
    sub->add_option("--new", o->after, "the policy set to try (the new)")->required();
    sub->add_option("--history", o->history, "the replay history document: the past orders")->required();
    sub->add_option("--threads", o->threads,
                    "threads to replay on (0: the machine's; the answer is the same)")
        ->check(CLI::NonNegativeNumber);
    add_common(*sub, o->common, {"text", "json", "html"});
    commands.emplace_back(sub, [o] { return run(*o); });
}

}  // namespace crm::cli
