// The monthly key-account report (大客户月报) of a small company, printed in Chinese: three
// regions, four key accounts, the plan of 2026 and the facts up to 2026-06-15.
//
//   build/dev/examples/crm_monthly_report            # plain text
//   build/dev/examples/crm_monthly_report --markdown
//   build/dev/examples/crm_monthly_report --wan        # amounts in 万元, columns adding up
//   build/dev/examples/crm_monthly_report --markdown --wan

#include <crm/report/monthly.hpp>
#include <crm/report/render.hpp>

#include <iostream>
#include <string_view>
#include <tuple>

namespace {

using namespace crm;

Money yuan(const char* s) { return Money{s, "CNY"}; }

std::vector<planning::MonthTarget> every_month(const char* sales, const char* collection,
                                               const char* expense) {
    std::vector<planning::MonthTarget> out;
    for (int m = 1; m <= 12; ++m)
        out.push_back(
            {.month = m, .sales = yuan(sales), .collection = yuan(collection), .expense = yuan(expense)});
    return out;
}

account::Account key_account(const char* id, const char* name, const char* region, const char* tier,
                             const char* owner, Date last_visit) {
    return account::Account{.id = AccountId{id},
                            .name = name,
                            .region = RegionId{region},
                            .tier = tier,
                            .owner = PersonId{owner},
                            .status = account::Status::active,
                            .created = Date(2024, 1, 1),
                            .last_visit = last_visit};
}

report::Snapshot small_company() {
    report::Snapshot s;
    s.as_of = Date(2026, 6, 15);
    s.plan = planning::AnnualPlan{
        .year = 2026,
        .currency = Currency{"CNY"},
        .company = every_month("200000", "180000", "10000"),
        .regions =
            {{.region = RegionId{"east"}, .name = "华东区", .months = every_month("100000", "90000", "5000")},
             {.region = RegionId{"north"}, .name = "华北区", .months = every_month("60000", "50000", "4000")},
             {.region = RegionId{"south"},
              .name = "华南区",
              .months = every_month("40000", "40000", "1000")}},
        .key_accounts = {{.account = AccountId{"K1"},
                          .region = RegionId{"east"},
                          .months = every_month("30000", "27000", "0")}},
    };
    s.accounts = {key_account("K1", "华东机电", "east", "A", "wang", Date(2026, 4, 20)),
                  key_account("E2", "江南纺织", "east", "B", "wang", Date(2026, 6, 1)),
                  key_account("N1", "北方重工", "north", "B", "zhou", Date(2026, 3, 1)),
                  key_account("S1", "岭南电子", "south", "C", "wu", Date(2026, 5, 1))};
    s.org = OrgChart{
        default_roles(),
        {Person{PersonId{"zhao"}, "赵总监", RoleId{"sales_director"}, std::nullopt, {}},
         Person{PersonId{"li"}, "李经理", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"east"}}},
         Person{PersonId{"sun"}, "孙经理", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"north"}}},
         Person{
             PersonId{"qian"}, "钱经理", RoleId{"regional_manager"}, PersonId{"zhao"}, {RegionId{"south"}}},
         Person{PersonId{"wang"}, "王芳", RoleId{"sales_rep"}, PersonId{"li"}, {}},
         Person{PersonId{"zhou"}, "周敏", RoleId{"sales_rep"}, PersonId{"sun"}, {}},
         Person{PersonId{"wu"}, "吴杰", RoleId{"sales_rep"}, PersonId{"qian"}, {}}}};
    for (unsigned m = 1; m <= 5; ++m) {
        const Date d(2026, m, 15);
        for (const auto& [id, sale, paid] :
             {std::tuple{"K1", "30000", "27000"}, std::tuple{"E2", "70000", "63000"},
              std::tuple{"N1", "50000", "40000"}, std::tuple{"S1", "40000", "40000"}}) {
            s.actuals.sales.push_back({AccountId{id}, d, yuan(sale)});
            s.actuals.collections.push_back({AccountId{id}, d, yuan(paid)});
        }
        s.actuals.expenses.push_back({RegionId{"east"}, d, yuan("5000")});
        s.actuals.expenses.push_back({RegionId{"north"}, d, yuan("5000")});
        s.actuals.expenses.push_back({RegionId{"south"}, d, yuan("1000")});
    }
    s.actuals.sales.push_back({AccountId{"K1"}, Date(2026, 6, 10), yuan("10000")});
    s.actuals.sales.push_back({AccountId{"E2"}, Date(2026, 6, 12), yuan("40000")});
    s.actuals.sales.push_back({AccountId{"N1"}, Date(2026, 6, 8), yuan("20000")});
    s.actuals.sales.push_back({AccountId{"S1"}, Date(2026, 6, 11), yuan("25000")});
    s.actuals.collections.push_back({AccountId{"E2"}, Date(2026, 6, 5), yuan("45000")});
    s.actuals.collections.push_back({AccountId{"N1"}, Date(2026, 6, 9), yuan("25000")});
    s.actuals.collections.push_back({AccountId{"S1"}, Date(2026, 6, 10), yuan("10000")});
    s.actuals.expenses.push_back({RegionId{"east"}, Date(2026, 6, 14), yuan("4000")});
    s.actuals.expenses.push_back({RegionId{"north"}, Date(2026, 6, 14), yuan("1000")});
    s.actuals.expenses.push_back({RegionId{"south"}, Date(2026, 6, 14), yuan("500")});
    s.orders = {{AccountId{"K1"}, yuan("20000"), Date(2026, 6, 20)},
                {AccountId{"N1"}, yuan("8000"), Date(2026, 7, 5)}};
    const auto invoice = [](const char* inv, const char* acc, Date due, const char* open) {
        return credit::Receivable{InvoiceId{inv}, AccountId{acc}, due - Days{30}, due, yuan(open)};
    };
    s.receivables = {
        invoice("I1", "K1", Date(2026, 6, 30), "30000"), invoice("I2", "K1", Date(2026, 2, 28), "20000"),
        invoice("I3", "E2", Date(2026, 5, 31), "15000"), invoice("I4", "N1", Date(2026, 3, 10), "40000"),
        invoice("I5", "S1", Date(2026, 6, 10), "5000")};
    s.account_caps = {{AccountId{"K1"}, yuan("40000")}};
    s.region_caps = {{RegionId{"east"}, yuan("100000")},
                     {RegionId{"north"}, yuan("50000")},
                     {RegionId{"south"}, yuan("20000")}};
    s.balances = {{RegionId{"east"}, yuan("60000"), yuan("70000")},
                  {RegionId{"north"}, yuan("40000"), yuan("45000")},
                  {RegionId{"south"}, yuan("6000"), yuan("8000")}};
    s.approvals = {{approval::Request{.id = RequestId{"R1"},
                                      .kind = approval::RequestKind::discount,
                                      .requester = PersonId{"wang"},
                                      .region = RegionId{"east"},
                                      .amount = yuan("0"),
                                      .percent = Percent{"12"}},
                    Date(2026, 6, 10)}};
    // The approval matrix routes the pending requests: a discount of 10% or more needs the
    // regional manager, then the sales director. Li has approved R1; Zhao has not yet.
    using approval::Row;
    s.approval_matrix = approval::Matrix{{Row{.id = RuleId{"D1"},
                                              .kind = approval::RequestKind::discount,
                                              .over = Percent{"5"},
                                              .levels = {{RoleId{"regional_manager"}}}},
                                          Row{.id = RuleId{"D2"},
                                              .kind = approval::RequestKind::discount,
                                              .over = Percent{"10"},
                                              .levels = {{RoleId{"regional_manager"}}, {RoleId{"sales_director"}}}}},
                                         default_roles(), Currency{"CNY"}};
    const approval::Request& r1 = s.approvals[0].request;
    s.approvals[0].approvals = {approval::Approval{.request = r1.id,
                                                   .fingerprint = approval::fingerprint(r1),
                                                   .level = RoleId{"regional_manager"},
                                                   .approver = PersonId{"li"},
                                                   .date = Date(2026, 6, 11)}};
    s.complaints = {account::Complaint{.id = ComplaintId{"C1"},
                                       .account = AccountId{"K1"},
                                       .tier = "A",
                                       .severity = account::Severity::high,
                                       .received = DateTime::parse("2026-06-12 10:00")}};
    s.target_turnover_days = Decimal{30};
    s.expense = planning::ExpensePolicy{
        .default_standard = Percent{"5"},
        .standards = {{RegionId{"north"}, Percent{"6"}}, {RegionId{"south"}, Percent{"3"}}}};
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    bool markdown = false;
    report::RenderOptions options;  // defaults: exact amounts in yuan
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--markdown")
            markdown = true;
        else if (arg == "--wan")
            options.unit = report::Unit::wan;  // 2 places, half-up, rounding allocated
        else {
            std::cerr << "usage: crm_monthly_report [--markdown] [--wan]\n";
            return 2;
        }
    }
    try {
        const report::MonthlyKeyAccountReport r = report::monthly_report(small_company());
        std::cout << report::render(r, Lang::zh, markdown ? report::Format::markdown : report::Format::text,
                                    options);
    } catch (const Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    return 0;
}
