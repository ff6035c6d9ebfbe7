// Contract benchmarks (issue 8): reviewing an agreement of 20 product groups, each with an
// agreed price, against a 1,000-rule pricing book, 5 other agreements of the account, 5
// mandatory clauses and a contract approval matrix. Baseline in the same run:
// BM_review_agreement_baseline_price_20_lines prices the same 20 lines through the same book
// (the part of a review that pricing alone costs); the ratio shows what review adds.

#include <crm/contract/review.hpp>
#include <crm/pricing/price.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using namespace crm;
using namespace crm::contract;

constexpr int groups = 20;
const Currency CNY{"CNY"};

Money cny(std::string_view a) { return Money{a, "CNY"}; }

// prefix + number (appending avoids GCC 12's false -Wrestrict on `name("P", i)`).
std::string name(std::string_view prefix, int i) {
    std::string s{prefix};
    s += std::to_string(i);
    return s;
}

pricing::RuleBook make_book(int total_rules) {
    pricing::RuleBookInput in;
    for (int p = 0; p < 100; ++p) {
        in.entries.push_back({.product = ProductId{name("P", p)},
                              .currency = CNY,
                              .list_price = Decimal{"128.50"},
                              .cost = Decimal{"70"},
                              .min_price = Decimal{"90"}});
        in.product_groups.push_back(
            {.id = ProductGroupId{name("G", p)}, .products = {ProductId{name("P", p)}}});
    }
    in.policy.min_margin = Percent{"5"};
    for (int i = 0; i < total_rules; ++i) {
        pricing::Rule r{.id = RuleId{name("R", i)},
                        .kind = pricing::RuleKind::promotion,
                        .action = {.kind = pricing::ActionKind::percent_off, .percent = Percent{"1.5"}},
                        .sequence = i % 7};
        switch (i % 4) {
        case 0: r.when.products = {ProductId{name("P", i % 100)}}; break;
        case 1: r.when.product_groups = {ProductGroupId{name("G", i % 100)}}; break;
        case 2: r.when.accounts = {AccountId{name("acct", i)}}; break;
        default: r.when.tiers = {name("T", i % 13)}; break;
        }
        in.rules.push_back(std::move(r));
    }
    return pricing::RuleBook{std::move(in)};
}

Agreement make_agreement() {
    Agreement a{.id = AgreementId{"AG-BENCH"},
                .account = AccountId{"acme"},
                .signer = PersonId{"li"},
                .tier = "T1",
                .segment = "enterprise",
                .region = RegionId{"east"},
                .starts = Date(2025, 1, 1),
                .ends = Date(2025, 12, 31),
                .currency = CNY,
                .payment_terms = terms::PaymentTerms::month_end(Days{60}),
                .credit_limit = cny("3000000"),
                .clauses = {"warranty", "delivery", "confidentiality", "dispute_resolution"}};
    for (int g = 0; g < groups; ++g) {
        a.commitments.push_back({.group = ProductGroupId{name("G", g)},
                                 .annual = cny("1000000"),
                                 .quarters = {cny("250000"), cny("250000"), cny("250000"), cny("250000")}});
        a.prices.push_back({.product = ProductId{name("P", g)}, .price = Decimal{g % 3 == 0 ? "89" : "110"}});
    }
    a.rebate = pricing::RebateScheme{
        .currency = CNY,
        .tiers = {
            {cny("0"), Percent{"1"}}, {cny("10000000"), Percent{"2"}}, {cny("20000000"), Percent{"1.5"}}}};
    return a;
}

struct Setup {
    pricing::RuleBook book = make_book(1000);
    pricing::AuthorityTable authority{
        .rows = {{.role = RoleId{"key_account_manager"}, .rank = 3, .max_discount = Percent{"10"}},
                 {.role = RoleId{"sales_director"}, .rank = 4, .max_discount = Percent{"20"}},
                 {.role = RoleId{"general_manager"}, .rank = 5}}};
    credit::Policy credit_policy{};
    credit::CreditProfile profile{.account = AccountId{"acme"}, .limit = cny("5000000")};
    approval::Matrix matrix{
        {approval::Row{.id = RuleId{"C0"},
                       .kind = approval::RequestKind::contract,
                       .levels = {{RoleId{"sales_director"}}}},
         approval::Row{.id = RuleId{"C1"},
                       .kind = approval::RequestKind::contract,
                       .over = cny("10000000"),
                       .levels = {{RoleId{"sales_director"}}, {RoleId{"general_manager"}}}}},
        default_roles(),
        CNY};
    OrgChart org{
        default_roles(),
        {{PersonId{"wu"}, "Wu", RoleId{"general_manager"}},
         {PersonId{"zhang"}, "Zhang", RoleId{"sales_director"}, PersonId{"wu"}},
         {PersonId{"li"}, "Li", RoleId{"key_account_manager"}, PersonId{"zhang"}, {RegionId{"east"}}}}};
    std::vector<Agreement> others;
    Agreement agreement = make_agreement();
    Setup() {
        for (int i = 0; i < 5; ++i) {
            Agreement o = make_agreement();
            o.id = AgreementId{name("AG-OLD-", i)};
            o.starts = Date(2024, 7, 1);
            o.ends = Date(2025, 6, 30);
            o.state = i % 2 == 0 ? State::active : State::expired;
            others.push_back(std::move(o));
        }
    }
};

void BM_review_agreement(benchmark::State& state) {
    const Setup s;
    const ReviewContext ctx{.book = s.book,
                            .authority = s.authority,
                            .credit_policy = s.credit_policy,
                            .credit_profile = s.profile,
                            .matrix = s.matrix,
                            .org = s.org,
                            .other_agreements = s.others,
                            .policy = {.mandatory_clauses = {"warranty", "delivery", "confidentiality",
                                                             "dispute_resolution", "force_majeure"}}};
    std::size_t findings = 0;
    for (auto _ : state) {
        Review r = review(s.agreement, ctx);
        findings = r.findings.size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_review_agreement);

void BM_review_agreement_baseline_price_20_lines(benchmark::State& state) {
    const Setup s;
    const pricing::PricingContext customer{.account = AccountId{"acme"},
                                           .tier = "T1",
                                           .segment = "enterprise",
                                           .region = RegionId{"east"},
                                           .budgets = {}};
    for (auto _ : state) {
        for (const AgreedPrice& p : s.agreement.prices) {
            pricing::PricedLine line = pricing::price(
                s.book, {.product = p.product, .unit = p.unit, .currency = CNY, .quantity = Decimal{1}},
                customer, s.agreement.starts);
            benchmark::DoNotOptimize(line);
        }
    }
}
BENCHMARK(BM_review_agreement_baseline_price_20_lines);

}  // namespace
