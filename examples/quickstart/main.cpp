// crmrules quick start: exact money at work. Run by the README's first command
// (scripts/demo.sh). Each section below is one rule area; more join as the areas land.

#include <crm/crm.hpp>

#include <array>
#include <iostream>
#include <string>
#include <vector>

namespace {

void section(const std::string& title) { std::cout << "\n== " << title << " ==\n"; }

std::string indent(const std::string& text) {
    std::string out = "    ";
    for (const char c : text) {
        out += c;
        if (c == '\n') out += "    ";
    }
    return out;
}

void exact_money() {
    section("Exact money: a discount, rounded once, by name");
    const crm::Money list{"1234.50", "CNY"};
    const crm::Percent discount{"12.5"};
    const crm::Money exact = list * (crm::Rate{"1"} - discount.rate());
    const crm::Money net = crm::round(exact, crm::RoundingMode::half_up);
    std::cout << "list price          " << list << "\n"
              << "discount            " << discount << "\n"
              << "exact net           " << exact.amount().to_plain_string() << "  (1234.50 x 0.875)\n"
              << "rounded (half_up)   " << crm::format(net, crm::MoneyStyle::symbol) << "\n";

    // 0.1 + 0.2 is 0.3: no binary floating point anywhere.
    std::cout << "0.1 + 0.2           " << (crm::Decimal("0.1") + crm::Decimal("0.2")) << "\n";
}

void allocation() {
    section("Allocation: a quarterly target split across three regions");
    const crm::Money target{"1000000.00", "CNY"};
    const std::vector<std::string> regions{"East", "North", "South"};
    const std::vector<crm::Decimal> weights{crm::Decimal("1"), crm::Decimal("1"), crm::Decimal("1")};
    const std::vector<crm::Money> parts = crm::allocate(target, weights);
    for (std::size_t i = 0; i < parts.size(); ++i)
        std::cout << "  " << regions[i] << "\t" << parts[i] << "\n";
    std::cout << "  sum\t" << crm::sum(parts, target.currency())
              << "  (equal to the target: " << (crm::sum(parts, target.currency()) == target ? "yes" : "no")
              << ")\n";
}

void payment_terms() {
    section("Payment terms on the mainland-China business calendar");
    using namespace crm::terms;
    const crm::Calendar china = crm::china_mainland_calendar();
    const crm::Money amount{"56500.00", "CNY"};
    const auto show = [&](const char* name, PaymentTerms terms, crm::Date invoiced) {
        terms.roll = crm::BusinessDayConvention::following;
        const auto plan = schedule(terms, amount, EventDates{.invoice = invoiced}, china);
        std::cout << "  " << name << ", invoiced " << invoiced << ": " << plan[0].amount << " due "
                  << plan[0].due;
        if (plan[0].due != plan[0].unadjusted_due)
            std::cout << " (rolled from " << plan[0].unadjusted_due << ", National Day)";
        std::cout << "\n";
    };
    show("月结30天", PaymentTerms::month_end(crm::Days{30}), crm::Date(2024, 8, 15));  // 08-31 + 30 = 09-30
    show("net 30", PaymentTerms::net(crm::Days{30}), crm::Date(2024, 9, 1));           // 10-01, a holiday
    std::cout << "  Sunday 2024-09-29 is a business day in China: "
              << (china.is_business_day(crm::Date(2024, 9, 29)) ? "yes (调休, a make-up working day)" : "no")
              << "\n";
}

void pricing() {
    section("Pricing: a quote line and its waterfall");
    using namespace crm::pricing;
    using crm::Decimal;
    const RuleBook book{RuleBookInput{
        .entries = {PriceListEntry{.product = crm::ProductId{"PUMP-7"}, .list_price = Decimal{"1280.00"}, .cost = Decimal{"900"}}},
        .rules = {Rule{.id = crm::RuleId{"vol-50"}, .kind = RuleKind::quantity_break, .when = {.min_quantity = Decimal{50}},
                       .action = {.kind = ActionKind::percent_off, .percent = crm::Percent{"8"}}},
                  Rule{.id = crm::RuleId{"tier-A"}, .kind = RuleKind::tier_discount, .when = {.tiers = {"A"}},
                       .action = {.kind = ActionKind::percent_off, .percent = crm::Percent{"3.5"}}, .sequence = 1}},
        .policy = {.min_margin = crm::Percent{"10"}}}};
    // 1280.00 less 8% for 60 units = 1177.60, less 3.5% for tier A = 1136.384; x 60 = 68,183.04 net
    const PricedLine line = price(book, QuoteLine{.product = crm::ProductId{"PUMP-7"}, .quantity = Decimal{60}},
                                  PricingContext{.account = crm::AccountId{"acme"}, .tier = "A"}, crm::Date{2024, 6, 1});
    std::cout << indent(explain(line, crm::Lang::en)) << "\n" << indent(explain(line, crm::Lang::zh)) << "\n";
    const AuthorityTable authority{{{.role = crm::RoleId{"sales_rep"}, .rank = 1, .max_discount = crm::Percent{"5"}},
                                    {.role = crm::RoleId{"regional_manager"}, .rank = 2, .max_discount = crm::Percent{"15"}}}};
    std::cout << "  pricing authority:\n" << indent(crm::explain(authority_needed(line, authority).decision, crm::Lang::en))
              << "\n";
}

void credit_check() {
    section("Credit check: one account, four orders");
    using namespace crm::credit;
    const crm::Date as_of(2024, 6, 30);
    const auto cny = [](const char* a) { return crm::Money{a, "CNY"}; };
    const std::vector<Receivable> ar{// 600,000.00 open; INV-1 is 60 days past due
                                     {crm::InvoiceId{"INV-1"}, crm::AccountId{"A-1"}, crm::Date(2024, 4, 1),
                                      crm::Date(2024, 5, 1), cny("300000.00")},
                                     {crm::InvoiceId{"INV-2"}, crm::AccountId{"A-1"}, crm::Date(2024, 5, 20),
                                      crm::Date(2024, 6, 19), cny("200000.00")},
                                     {crm::InvoiceId{"INV-3"}, crm::AccountId{"A-1"}, crm::Date(2024, 6, 10),
                                      crm::Date(2024, 7, 10), cny("100000.00")}};
    const std::vector<Order> open{{crm::OrderId{"SO-1"}, cny("150000.00")}};
    const std::vector<Order> shipped{{crm::OrderId{"SO-0"}, cny("50000.00")}};
    const CreditSnapshot snapshot{.receivables = ar, .open_orders = open, .shipped_not_invoiced = shipped};
    const CreditProfile profile{.account = crm::AccountId{"A-1"},
                                .limit = cny("1000000.00"),
                                .limit_reviewed_on = crm::Date(2024, 1, 15)};
    const Policy policy{};  // warn at 90%, 10% tolerance for an approver, block past 90 days overdue
    // exposure before the order: 600,000 + 150,000 + 50,000 = 800,000.00
    // 50,000 -> 85% allow; 120,000 -> 92% warn; 250,000 -> 50,000 over: approval; 400,000 -> 200,000 over:
    // block
    for (const char* amount : {"50000.00", "120000.00", "250000.00", "400000.00"}) {
        const crm::Decision d =
            check_order(policy, profile, snapshot, Order{crm::OrderId{"SO-9"}, cny(amount)}, as_of);
        std::cout << "  order CNY " << amount << "\n"
                  << indent(crm::explain(d, crm::Lang::en)) << "\n"
                  << indent(crm::explain(d, crm::Lang::zh)) << "\n";
    }
}

void approval() {
    section("Approval: two discounts routed, one verified");
    using namespace crm::approval;
    using crm::PersonId;
    using crm::RoleId;
    const crm::OrgChart org{
        crm::default_roles(),
        {{PersonId{"zhao"}, "Zhao Lei", RoleId{"sales_director"}},
         {PersonId{"li"}, "Li Na", RoleId{"regional_manager"}, PersonId{"zhao"}, {crm::RegionId{"east"}}},
         {PersonId{"wang"}, "Wang Fang", RoleId{"sales_rep"}, PersonId{"li"}}}};
    // 5% or more off list (5%以上): the regional manager; 10% or more: the regional manager, then the sales director
    const Matrix matrix{{Row{.id = crm::RuleId{"D1"},
                             .kind = RequestKind::discount,
                             .over = crm::Percent{"5"},
                             .levels = {{RoleId{"regional_manager"}}}},
                         Row{.id = crm::RuleId{"D2"},
                             .kind = RequestKind::discount,
                             .over = crm::Percent{"10"},
                             .levels = {{RoleId{"regional_manager"}}, {RoleId{"sales_director"}}}}},
                        org.roles()};
    const Request small{.id = crm::RequestId{"Q-1"},
                        .kind = RequestKind::discount,
                        .requester = PersonId{"wang"},
                        .region = crm::RegionId{"east"},
                        .percent = crm::Percent{"4"}};
    Request big = small;
    big.id = crm::RequestId{"Q-2"};
    big.percent = crm::Percent{"12"};
    std::cout << "  4% off:  " << crm::explain(route(matrix, small, org).reason(), crm::Lang::en) << "\n";
    const Route r = route(matrix, big, org);
    // Li (regional manager) approved the 12% version; the director has not yet
    const std::vector<Approval> given{{.request = big.id,
                                       .fingerprint = fingerprint(big),
                                       .level = RoleId{"regional_manager"},
                                       .approver = PersonId{"li"},
                                       .date = crm::Date(2024, 5, 6)}};
    const crm::Decision d = verify(r, given, big, org, {});
    std::cout << "  12% off, approved by Li only:\n"
              << indent(crm::explain(d, crm::Lang::en)) << "\n"
              << indent(crm::explain(d, crm::Lang::zh)) << "\n";
    Request edited = big;  // the rep edits the request after approval: Li's approval no longer counts
    edited.percent = crm::Percent{"15"};
    std::cout << "  edited to 15% after approval:\n"
              << indent(
                     crm::explain(verify(route(matrix, edited, org), given, edited, org, {}), crm::Lang::en))
              << "\n";
}

void contract_review() {
    section("Contract review (销售合同评审) of an annual sales agreement");
    using namespace crm::contract;
    using crm::Decimal;
    using crm::PersonId;
    using crm::RoleId;
    const crm::Currency cny{"CNY"};
    const auto money = [&](const char* a) { return crm::Money{a, "CNY"}; };
    const auto quarters = [&](const char* q) { return std::array<crm::Money, 4>{money(q), money(q), money(q), money(q)}; };
    const crm::pricing::RuleBook book{crm::pricing::RuleBookInput{
        .entries = {{.product = crm::ProductId{"P1"}, .currency = cny, .list_price = Decimal{100}, .min_price = Decimal{80}},
                    {.product = crm::ProductId{"P2"}, .currency = cny, .list_price = Decimal{50}, .cost = Decimal{40}}},
        .product_groups = {{.id = crm::ProductGroupId{"pumps"}, .products = {crm::ProductId{"P1"}}},
                           {.id = crm::ProductGroupId{"valves"}, .products = {crm::ProductId{"P2"}}}}}};
    const crm::pricing::AuthorityTable authority{
        .rows = {{.role = RoleId{"key_account_manager"}, .rank = 3, .max_discount = crm::Percent{"10"}},
                 {.role = RoleId{"sales_director"}, .rank = 4, .max_discount = crm::Percent{"20"}},
                 {.role = RoleId{"general_manager"}, .rank = 5}}};
    const crm::OrgChart org{crm::default_roles(),
                            {{PersonId{"wu"}, "Wu", RoleId{"general_manager"}},
                             {PersonId{"zhang"}, "Zhang", RoleId{"sales_director"}, PersonId{"wu"}},
                             {PersonId{"li"}, "Li", RoleId{"key_account_manager"}, PersonId{"zhang"}, {crm::RegionId{"east"}}}}};
    const crm::approval::Matrix matrix{
        {crm::approval::Row{.id = crm::RuleId{"C0"}, .kind = crm::approval::RequestKind::contract,
                            .levels = {{RoleId{"sales_director"}}}},
         crm::approval::Row{.id = crm::RuleId{"C1"}, .kind = crm::approval::RequestKind::contract,
                            .over = money("1000000"), .levels = {{RoleId{"sales_director"}}, {RoleId{"general_manager"}}}}},
        crm::default_roles(), cny};
    const crm::credit::Policy credit_policy{};
    const crm::credit::CreditProfile profile{.account = crm::AccountId{"ACME"}, .limit = money("300000")};
    const Agreement agreement{
        .id = crm::AgreementId{"AG-2025-ACME"}, .account = crm::AccountId{"ACME"},
        .customer = {.name = "ACME Ltd", .signatory = "Chen", .title = "采购总监"},
        .supplier = {.name = "Our Co", .signatory = "Li", .title = "大客户经理"},
        .signer = PersonId{"li"}, .tier = "A", .segment = "enterprise", .region = crm::RegionId{"east"},
        .starts = crm::Date(2025, 1, 1), .ends = crm::Date(2025, 12, 31), .currency = cny,
        .commitments = {{.group = crm::ProductGroupId{"pumps"}, .annual = money("1200000"), .quarters = quarters("300000")},
                        {.group = crm::ProductGroupId{"valves"}, .annual = money("400000"), .quarters = quarters("100000")}},
        .prices = {{.product = crm::ProductId{"P1"}, .price = Decimal{"78"}},     // below the floor of 80
                   {.product = crm::ProductId{"P2"}, .price = Decimal{"44.50"}}},  // 11% off list: beyond Li's 10%
        .payment_terms = crm::terms::PaymentTerms::month_end(crm::Days{60}),      // about 75 days to payment
        .credit_limit = money("300000"),
        .clauses = {"delivery"}};                                                // no warranty clause
    const Review r = review(agreement, ReviewContext{.book = book, .authority = authority, .credit_policy = credit_policy,
                                                     .credit_profile = profile, .matrix = matrix, .org = org,
                                                     .other_agreements = {},
                                                     .policy = {.mandatory_clauses = {"warranty"}}});
    // expected receivables: 1,600,000 x 75 / 365 = 328,767.12 against a limit of 300,000.00
    for (const Finding& f : r.findings)
        std::cout << "  [" << to_string(f.severity) << "] " << crm::explain(f.reason, crm::Lang::en) << "\n";
    std::cout << "  " << (r.blocked() ? "must not be signed as it stands" : "may be signed") << "\n";
}

void public_pool() {
    section("Accounts due back to the public pool (公海)");
    using namespace crm::account;
    const PoolPolicy policy{};  // A exempt; B: 30 days without follow-up or 180 without a deal; C: 15 / 90
    const auto account = [](const char* id, const char* tier, const char* follow_up, const char* deal) {
        return Account{.id = crm::AccountId{id},
                       .tier = tier,
                       .owner = crm::PersonId{"wang"},
                       .created = crm::Date(2023, 1, 1),
                       .last_follow_up = crm::Date::parse(follow_up),
                       .last_deal = crm::Date::parse(deal)};
    };
    const std::vector<Account> accounts{
        account("ACC-1", "A", "2024-01-05", "2023-06-01"),   // exempt tier: stays
        account("ACC-2", "B", "2024-06-20", "2024-03-01"),   // inside both limits
        account("ACC-3", "C", "2024-06-01", "2024-02-15")};  // both rules fire
    const crm::Date as_of(2024, 6, 30);
    std::cout << "  as of " << as_of << ":\n";
    for (const Release& r : due_for_release(policy, accounts, as_of))
        for (const crm::Reason& why : release_reasons(r))
            std::cout << "  " << crm::explain(why, crm::Lang::zh) << "\n";
    Account back = accounts[2];  // now in the pool; Wang released it, so Wang waits out the cool-down
    back.owner.reset();
    const std::vector<ReleaseEvent> history{{back.id, crm::PersonId{"wang"}, as_of}};
    const crm::Decision d = claim(policy, back, crm::PersonId{"wang"}, 10, history, crm::Date(2024, 7, 10));
    std::cout << "  Wang reclaims ACC-3 on 2024-07-10: " << d.outcome() << ", "
              << crm::explain(d.reasons()[0], crm::Lang::en) << "\n";
}

void scoring() {
    section("Scoring: account tiers and key-account manager KPIs");
    using namespace crm::scoring;
    using crm::Decimal;
    // The ready-made scorecards are data with documented defaults (docs/scoring.md).
    const CompiledScorecard tier{account_tier_scorecard()};
    const Facts big{{"revenue", Decimal{8'000'000}},   {"growth", Decimal{"0.22"}},
                    {"gross_margin", Decimal{"0.26"}}, {"payment_days", Decimal{48}},
                    {"strategic_fit", "strategic"},    {"satisfaction", Decimal{88}}};
    const Facts small{
        {"revenue", Decimal{3'000'000}}, {"gross_margin", Decimal{"0.20"}}, {"strategic_fit", "key"}};
    std::cout << "  strategic account: " << evaluate(tier, big).total << " -> tier "
              << evaluate(tier, big).grade << "\n";
    std::cout << "  smaller account:   " << evaluate(tier, small).total << " -> tier "
              << evaluate(tier, small).grade << "  (missing facts follow each criterion's policy)\n";

    const CompiledScorecard kpi{kpi_scorecard()};
    const auto manager = [&](const char* sales, const char* collection, int days_over) {
        return evaluate(kpi, Facts{{"sales_achievement", Decimal{sales}},
                                   {"collection_achievement", Decimal{collection}},
                                   {"receivables_vs_cap", Decimal{"0.95"}},
                                   {"turnover_days_over_target", Decimal{days_over}},
                                   {"sales_expense_ratio", Decimal{"0.04"}},
                                   {"new_product_share", Decimal{"0.10"}}});
    };
    const std::vector<std::string> names{"Wang 王经理", "Li 李经理", "Zhao 赵经理"};
    const std::vector<ScoreResult> kpis{manager("1.05", "0.92", 6), manager("0.98", "1.00", 0),
                                        manager("1.05", "0.92", 6)};
    for (const Ranked& r : rank(kpis, TieRule{.tie_break = {"sales_achievement"}}))
        std::cout << "  #" << r.rank << " " << names[r.index] << "  " << kpis[r.index].total << " "
                  << kpis[r.index].grade << "\n";
    std::cout << "  (equal scores share a rank: the tie is declared, not hidden)\n";
}

}  // namespace

int main() {
    std::cout << "crmrules quick start\n";
    exact_money();
    allocation();
    payment_terms();
    pricing();
    credit_check();
    approval();
    contract_review();
    public_pool();
    scoring();
    return 0;
}
