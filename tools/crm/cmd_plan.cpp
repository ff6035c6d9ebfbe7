// crm plan allocate: a company target split into regions x months, exact on every row, every
// column and the grand total (planning::allocate_matrix), as a table. It answers no yes/no
// question: exit 0, or 2 for bad input. `plan` groups the planning questions; `allocate` is
// the first of them.

#include <crm/core/error.hpp>
#include <crm/io/planning.hpp>
#include <crm/money/money.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli.hpp"

namespace crm::cli {

namespace {

struct AllocateOptions {
    Common common;
    std::string request;
};

/// The headings: region, name, the 12 months, the row total.
std::vector<std::string> headings(bool zh, bool short_months) {
    static constexpr const char* en_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::vector<std::string> h{zh ? "区域" : "region", zh ? "名称" : "name"};
    for (std::size_t j = 0; j < io::plan_months; ++j)
        h.push_back(zh ? std::to_string(j + 1) + "月" : short_months ? en_months[j] : std::to_string(j + 1));
    h.emplace_back(zh ? "合计" : "total");
    return h;
}

/// `1,234.50`: the amount grouped, without the currency (the heading line names it). format()
/// writes a non-negative amount as `CNY 1,234.50`; an allocation has no negative amount.
std::string grouped(const Money& m) {
    const std::string s = format(m);
    const std::size_t space = s.find(' ');
    return space == std::string::npos ? s : s.substr(space + 1);
}

/// The table's rows: one per region, then the months' totals; amounts by `show`.
template <class Show>
std::vector<std::vector<std::string>> body(const io::PlanAllocation& a, bool zh, Show show) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < a.regions.size(); ++i) {
        std::vector<std::string> row{a.regions[i].region, a.regions[i].name.value_or("")};
        for (const Money& m : a.allocation.cells[i]) row.push_back(show(m));
        row.push_back(show(a.allocation.rows[i]));
        rows.push_back(std::move(row));
    }
    std::vector<std::string> total{zh ? "合计" : "total", ""};
    for (const Money& m : a.allocation.columns) total.push_back(show(m));
    total.push_back(show(a.total));
    rows.push_back(std::move(total));
    return rows;
}

std::string heading_line(const io::PlanAllocation& a, bool zh) {
    const std::string regions = std::to_string(a.regions.size());
    return zh ? "计划分解: 合计 " + format(a.total) + ", " + regions +
                    " 个区域 x 12 个月 (金额单位: " + std::string(a.total.currency().code()) + ")\n"
              : "plan allocation: total " + format(a.total) + ", " + regions +
                    " regions x 12 months (amounts in " + std::string(a.total.currency().code()) + ")\n";
}

std::string text_of(const io::PlanAllocation& a, bool zh) {
    std::vector<std::vector<std::string>> rows{headings(zh, true)};
    for (auto& r : body(a, zh, grouped)) rows.push_back(std::move(r));
    return heading_line(a, zh) + table(rows, "", 2);  // region and name flush left, the amounts right
}

std::string markdown_cell(const std::string& s) {
    std::string out;
    for (const char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return out;
}

std::string markdown_of(const io::PlanAllocation& a, bool zh) {
    const auto line = [](const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const auto& c : cells) out += " " + markdown_cell(c) + " |";
        return out + "\n";
    };
    std::string out = heading_line(a, zh) + "\n" + line(headings(zh, true));
    out += "|---|---|";
    for (std::size_t j = 0; j <= io::plan_months; ++j) out += "---:|";
    out += "\n";
    for (const auto& r : body(a, zh, grouped)) out += line(r);
    return out;
}

std::string csv_of(const io::PlanAllocation& a, bool zh) {
    std::vector<std::string> h = headings(zh, false);
    h.emplace_back(zh ? "币种" : "currency");
    const std::string currency(a.total.currency().code());
    std::string out;
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + csv_field(cells[i]);
        out += "\n";
    };
    line(h);
    for (auto& r : body(a, zh, [](const Money& m) { return m.amount().to_plain_string(); })) {
        r.push_back(currency);
        line(r);
    }
    return out;
}

int run_allocate(const AllocateOptions& o) {
    const Common& c = o.common;
    const std::string text = slurp(o.request, "--request");
    const std::string file = file_name(o.request);
    const io::PlanRequest request = io::read_plan_request(text, file);
    const io::PlanAllocation answer = [&] {
        try {
            return io::plan_allocation(request);
        } catch (const Error& e) {  // checked after reading: say where, in the request
            throw located(e, text, file);
        }
    }();
    const Format f = c.format_choice();
    emit(f == Format::json  ? io::write_plan_allocation(answer)
         : f == Format::csv ? csv_of(answer, c.zh())
         : f == Format::md  ? markdown_of(answer, c.zh())
                            : text_of(answer, c.zh()),
         c.output);
    return exit_ok;
}

}  // namespace

void add_plan(CLI::App& app, Commands& commands) {
    auto* plan = app.add_subcommand("plan", "the planning questions: `crm plan allocate` (计划分解)");
    plan->require_subcommand(1);
    auto o = std::make_shared<AllocateOptions>();
    auto* allocate = plan->add_subcommand(
        "allocate",
        "a target split into regions x months, exact on rows, columns and total (exit 0, 2 bad input)");
    allocate
        ->add_option("--request", o->request, "the plan allocation request document (- for standard input)")
        ->required();
    add_common(*allocate, o->common, {"text", "json", "csv", "md"});
    commands.emplace_back(allocate, [o] { return run_allocate(*o); });
}

}  // namespace crm::cli
