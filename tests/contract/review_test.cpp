// Contract review (销售合同评审): one worked example per finding, and bad input.
#include <crm/contract/reasons.hpp>
#include <crm/contract/review.hpp>

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "../support/errors.hpp"

using namespace crm;
using namespace crm::contract;

namespace {

Money cny(std::string_view a) { return Money{a, "CNY"}; }
const Currency CNY{"CNY"};

std::array<Money, 4> four(std::string_view q) { return {cny(q), cny(q), cny(q), cny(q)}; }

// pumps 1,200,000 (300,000 a quarter) + valves 400,000 (100,000 a quarter) = 1,600,000 a year.
Agreement base_agreement() {
    return Agreement{
        .id = AgreementId{"AG-1"},
        .account = AccountId{"ACME"},
        .customer = {.name = "ACME Ltd", .signatory = "Chen", .title = "采购总监"},
        .supplier = {.name = "Our Co", .signatory = "Li Na", .title = "大客户经理"},
        .signer = PersonId{"li"},
        .tier = "A",
        .segment = "enterprise",
        .region = RegionId{"east"},
        .starts = Date(2025, 1, 1),
        .ends = Date(2025, 12, 31),
        .currency = CNY,
        .commitments =
            {{.group = ProductGroupId{"pumps"}, .annual = cny("1200000"), .quarters = four("300000")},
             {.group = ProductGroupId{"valves"}, .annual = cny("400000"), .quarters = four("100000")}},
        .prices = {},
        .rebate = {},
        .payment_terms = terms::PaymentTerms::net(Days{30}),
        .credit_limit = cny("200000"),
        .clauses = {"warranty", "delivery"},
    };
}

pricing::RuleBook make_book() {
    return pricing::RuleBook{pricing::RuleBookInput{
        .entries =
            {{.product = ProductId{"P1"},
              .currency = CNY,
              .list_price = Decimal{100},
              .min_price = Decimal{80}},
             {.product = ProductId{"P2"}, .currency = CNY, .list_price = Decimal{50}, .cost = Decimal{40}}},
        .product_groups = {{.id = ProductGroupId{"pumps"}, .products = {ProductId{"P1"}}},
                           {.id = ProductGroupId{"valves"}, .products = {ProductId{"P2"}}}},
        .policy = {.min_margin = Percent{"10"}},  // P2 floor: 40 x 1.10 = 44
    }};
}

// key-account manager up to 10% off list, sales director up to 20%, general manager anything.
pricing::AuthorityTable make_authority() {
    return {.rows = {{.role = RoleId{"key_account_manager"}, .rank = 3, .max_discount = Percent{"10"}},
                     {.role = RoleId{"sales_director"}, .rank = 4, .max_discount = Percent{"20"}},
                     {.role = RoleId{"general_manager"}, .rank = 5}}};
}

OrgChart make_org() {
    return OrgChart{
        default_roles(),
        {{PersonId{"wu"}, "Wu", RoleId{"general_manager"}},
         {PersonId{"zhang"}, "Zhang", RoleId{"sales_director"}, PersonId{"wu"}},
         {PersonId{"li"}, "Li", RoleId{"key_account_manager"}, PersonId{"zhang"}, {RegionId{"east"}}}}};
}

// every contract: the sales director; over CNY 1,000,000 also the general manager.
approval::Matrix make_matrix() {
    using approval::Row;
    return approval::Matrix{{Row{.id = RuleId{"C0"},
                                 .kind = approval::RequestKind::contract,
                                 .levels = {{RoleId{"sales_director"}}}},
                             Row{.id = RuleId{"C1"},
                                 .kind = approval::RequestKind::contract,
                                 .over = cny("1000000"),
                                 .levels = {{RoleId{"sales_director"}}, {RoleId{"general_manager"}}}}},
                            default_roles(),
                            CNY};
}

struct Fixture {
    pricing::RuleBook book = make_book();
    pricing::AuthorityTable authority = make_authority();
    credit::Policy credit_policy{};  // tolerance: 10% of the limit
    credit::CreditProfile profile{.account = AccountId{"ACME"}, .limit = cny("500000")};
    approval::Matrix matrix = make_matrix();
    OrgChart org = make_org();
    std::vector<Agreement> others;
    ReviewPolicy policy{};

    [[nodiscard]] Review run(const Agreement& a) const {
        return review(a, ReviewContext{.book = book,
                                       .authority = authority,
                                       .credit_policy = credit_policy,
                                       .credit_profile = profile,
                                       .matrix = matrix,
                                       .org = org,
                                       .other_agreements = others,
                                       .policy = policy});
    }
};

}  // namespace

TEST_SUITE("contract.review") {
    TEST_CASE("a clean agreement has only its approval route") {
        Fixture fx;
        const Review r = fx.run(base_agreement());
        REQUIRE(r.findings.size() == 1);
        CHECK(r.findings[0].code() == "contract.approval_route");
        CHECK(r.findings[0].severity == Severity::info);
        CHECK(r.worst() == Severity::info);
        CHECK_FALSE(r.blocked());
        // 1,600,000 is over 1,000,000: sales director then general manager
        REQUIRE(r.route.steps.size() == 2);
        CHECK(r.route.steps.back().level.role == RoleId{"general_manager"});
        CHECK(r.findings[0].reason.figure("steps") != nullptr);
        CHECK(explain(r.findings[0].reason, Lang::en) ==
              "the agreement needs 2 approval steps, up to general manager");
        // the Chinese sentence names the role in Chinese (no English id inside it)
        CHECK(explain(r.findings[0].reason, Lang::zh) == "协议需经 2 级审批, 最高至 总经理");
        // net 30: 1,600,000 / 365 x 30 = 131,506.849... -> 131,506.85
        CHECK(r.average_days_to_payment == Decimal{30});
        CHECK(r.expected_receivables == cny("131506.85"));
    }

    TEST_CASE("a small agreement goes to the sales director only") {
        Fixture fx;
        Agreement a = base_agreement();
        a.commitments.pop_back();
        a.commitments[0].annual = cny("800000");
        a.commitments[0].quarters = four("200000");
        const Review r = fx.run(a);
        REQUIRE(r.route.steps.size() == 1);
        CHECK(r.route.steps[0].level.role == RoleId{"sales_director"});
        CHECK(r.find("contract.approval_route") != nullptr);
    }

    TEST_CASE("an agreement the matrix does not route needs no approval") {
        Fixture fx;
        fx.matrix = approval::Matrix{};
        const Review r = fx.run(base_agreement());
        CHECK(r.find("contract.approval_not_needed") != nullptr);
        CHECK_FALSE(r.route.needs_approval());
    }

    TEST_CASE("an agreed price below the floor is blocking") {
        Fixture fx;
        Agreement a = base_agreement();
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"79"}},
                    {.product = ProductId{"P2"}, .price = Decimal{"45"}}};
        const Review r = fx.run(a);
        // P1: 79 < floor 80 (the entry's min price); P2: 45 >= 40 x 1.10 = 44
        REQUIRE(r.count("contract.price_below_floor") == 1);
        const Finding& f = *r.find("contract.price_below_floor");
        CHECK(f.severity == Severity::blocking);
        CHECK(explain(f.reason, Lang::en) == "agreed price CNY 79.00 for P1 is below the floor CNY 80.0000");
        CHECK(explain(f.reason, Lang::zh) == "P1 的协议价 CNY 79.00 低于底价 CNY 80.0000");
        CHECK(r.blocked());
    }

    TEST_CASE("an agreed price beyond the signer's authority names the role that may grant it") {
        Fixture fx;
        Agreement a = base_agreement();
        // P1 at 85: (100 - 85) / 100 = 15% off list; the key-account manager may grant 10%, the director 20%
        // P2 at 46: (50 - 46) / 50 = 8% off list, within the signer's 10%
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"85"}},
                    {.product = ProductId{"P2"}, .price = Decimal{"46"}}};
        const Review r = fx.run(a);
        REQUIRE(r.count("contract.beyond_authority") == 1);
        const Finding& f = *r.find("contract.beyond_authority");
        CHECK(f.severity == Severity::warning);
        CHECK(*f.reason.figure("role") == FigureValue{std::string{"sales director"}});
        CHECK(*f.reason.figure("signer_role") == FigureValue{std::string{"key-account manager"}});
        CHECK(*f.reason.figure("product") == FigureValue{std::string{"P1"}});
        CHECK_FALSE(r.blocked());
    }

    TEST_CASE("a price no role may grant is blocking") {
        Fixture fx;
        fx.authority.rows.pop_back();  // no general manager row: nobody beyond 20%
        Agreement a = base_agreement();
        // P1 at 81: 19% off, the director; nothing is below the floor of 80
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"81"}}};
        CHECK(fx.run(a).find("contract.beyond_authority")->severity == Severity::warning);
        // floor lowered to 70 so 75 (25% off) is above it but beyond every role
        fx.book = pricing::RuleBook{pricing::RuleBookInput{.entries = {{.product = ProductId{"P1"},
                                                                        .currency = CNY,
                                                                        .list_price = Decimal{100},
                                                                        .min_price = Decimal{70}}}}};
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"75"}}};
        const Review r = fx.run(a);
        CHECK(r.count("contract.price_below_floor") == 0);
        const Finding& f = *r.find("contract.beyond_authority");
        CHECK(f.severity == Severity::blocking);
        CHECK(*f.reason.figure("role") == FigureValue{std::string{"no role"}});
    }

    TEST_CASE("payment terms longer than the policy are a warning") {
        Fixture fx;
        Agreement a = base_agreement();
        a.payment_terms = terms::PaymentTerms::month_end(Days{90});
        a.payment_terms.name = "月结90天";
        const Review r = fx.run(a);
        // month end 90: 90 + 15 = 105 nominal days > 90
        const Finding* f = r.find("contract.terms_too_long");
        REQUIRE(f != nullptr);
        CHECK(f->severity == Severity::warning);
        CHECK(explain(f->reason, Lang::en) ==
              "payment terms 月结90天 run 105 days, longer than the policy's 90 days");
        // 月结75天 is 90 nominal days: exactly the limit, no finding
        a.payment_terms = terms::PaymentTerms::month_end(Days{75});
        CHECK(fx.run(a).find("contract.terms_too_long") == nullptr);
    }

    TEST_CASE("nominal and average days to payment follow the documented formula") {
        CHECK(nominal_days(terms::NetDays{Days{45}}) == Days{45});
        CHECK(nominal_days(terms::MonthEnd{Days{30}}) == Days{45});
        // the 25th, two months after the invoice month: 30 x 2 + 25 - 15 = 70
        CHECK(nominal_days(terms::FixedDay{.day = 25, .months_after = 2}) == Days{70});
        // 30% on the invoice date + 70% net 60: 0.3 x 0 + 0.7 x 60 = 42
        const terms::PaymentTerms split{
            .name = "30/70",
            .instalments = {{.label = "advance", .share = Percent{"30"}, .due = terms::NetDays{Days{0}}},
                            {.label = "balance", .share = Percent{"70"}, .due = terms::NetDays{Days{60}}}}};
        CHECK(average_days_to_payment(split) == Decimal{42});
        CHECK(payment_days(split) == Days{60});
        // 3,650,000 / 365 x 45 = 450,000.00
        CHECK(expected_receivables(cny("3650000"), Decimal{45}, RoundingMode::half_up) == cny("450000.00"));
        // 1,000,000 / 365 x 1 = 2,739.7260... -> half_up 2,739.73, down 2,739.72
        CHECK(expected_receivables(cny("1000000"), Decimal{1}, RoundingMode::half_up) == cny("2739.73"));
        CHECK(expected_receivables(cny("1000000"), Decimal{1}, RoundingMode::down) == cny("2739.72"));
    }

    TEST_CASE(
        "receivables above the credit limit are blocking beyond the tolerance and a warning within it") {
        Fixture fx;
        Agreement a = base_agreement();
        a.payment_terms = terms::PaymentTerms::net(Days{60});
        // 1,600,000 / 365 x 60 = 263,013.698... -> 263,013.70; limit 200,000: excess 63,013.70
        // tolerance 10% of 200,000 = 20,000 < 63,013.70: blocking
        Review r = fx.run(a);
        CHECK(r.expected_receivables == cny("263013.70"));
        const Finding* f = r.find("contract.credit_insufficient");
        REQUIRE(f != nullptr);
        CHECK(f->severity == Severity::blocking);
        CHECK(*f->reason.figure("excess") == FigureValue{cny("63013.70")});
        // limit 250,000: excess 13,013.70 <= 25,000: a warning
        a.credit_limit = cny("250000");
        r = fx.run(a);
        CHECK(r.find("contract.credit_insufficient")->severity == Severity::warning);
        // limit 263,013.70: exactly covered, no finding
        a.credit_limit = cny("263013.70");
        CHECK(fx.run(a).find("contract.credit_insufficient") == nullptr);
        // no tolerance at all: any excess is blocking
        fx.credit_policy.tolerance = {.amount = {}, .percent = {}};
        a.credit_limit = cny("263013.69");
        CHECK(fx.run(a).find("contract.credit_insufficient")->severity == Severity::blocking);
    }

    TEST_CASE("an overlapping active agreement for the same product group is blocking") {
        Fixture fx;
        Agreement other = base_agreement();
        other.id = AgreementId{"AG-0"};
        other.starts = Date(2024, 7, 1);
        other.ends = Date(2025, 6, 30);
        other.commitments.pop_back();  // pumps only
        other.state = State::active;
        fx.others = {other};
        Review r = fx.run(base_agreement());
        REQUIRE(r.count("contract.overlap") == 1);
        const Finding& f = *r.find("contract.overlap");
        CHECK(f.severity == Severity::blocking);
        CHECK(
            explain(f.reason, Lang::en) ==
            "product group pumps is already covered by active agreement AG-0 from 2024-07-01 to 2025-06-30");
        // an expired one, another account's, or one ending the day before: no overlap
        fx.others[0].state = State::expired;
        CHECK(fx.run(base_agreement()).count("contract.overlap") == 0);
        fx.others[0].state = State::active;
        fx.others[0].account = AccountId{"OTHER"};
        CHECK(fx.run(base_agreement()).count("contract.overlap") == 0);
        fx.others[0].account = AccountId{"ACME"};
        fx.others[0].starts = Date(2024, 1, 1);
        fx.others[0].ends = Date(2024, 12, 31);
        CHECK(fx.run(base_agreement()).count("contract.overlap") == 0);
    }

    TEST_CASE("each missing mandatory clause is blocking") {
        Fixture fx;
        fx.policy.mandatory_clauses = {"warranty", "dispute_resolution", "confidentiality"};
        const Review r = fx.run(base_agreement());  // has warranty and delivery
        REQUIRE(r.count("contract.missing_term") == 2);
        CHECK(r.find("contract.missing_term")->severity == Severity::blocking);
        CHECK(explain(r.find("contract.missing_term")->reason, Lang::zh) ==
              "缺少必备条款 dispute_resolution");
    }

    TEST_CASE("an agreement longer than twelve months is a warning") {
        Fixture fx;
        Agreement a = base_agreement();
        a.ends = Date(2026, 1, 1);
        a.commitments[0].quarters[3] = cny("300000");
        const Review r = fx.run(a);
        // allowed to end by add_months(2025-01-01, 12) - 1 day = 2025-12-31
        const Finding* f = r.find("contract.term_too_long");
        REQUIRE(f != nullptr);
        CHECK(f->severity == Severity::warning);
        CHECK(*f->reason.figure("latest_end") == FigureValue{Date(2025, 12, 31)});
        CHECK(fx.run(base_agreement()).find("contract.term_too_long") == nullptr);
    }

    TEST_CASE("a rebate rate that falls at a higher tier is a warning") {
        Fixture fx;
        Agreement a = base_agreement();
        a.rebate = pricing::RebateScheme{
            .currency = CNY,
            .tiers = {
                {cny("0"), Percent{"1"}}, {cny("1000000"), Percent{"3"}}, {cny("2000000"), Percent{"2"}}}};
        const Review r = fx.run(a);
        REQUIRE(r.count("contract.rebate_not_monotone") == 1);
        const Finding& f = *r.find("contract.rebate_not_monotone");
        CHECK(f.severity == Severity::warning);
        CHECK(explain(f.reason, Lang::en) ==
              "rebate tier 3 from CNY 2,000,000.00 pays 2%, less than the 3% of the tier below");
        a.rebate->tiers[2].rate = Percent{"3"};  // equal rates are monotone
        CHECK(fx.run(a).count("contract.rebate_not_monotone") == 0);
    }

    TEST_CASE("an amount in words that does not match the figures is blocking") {
        Fixture fx;
        Agreement a = base_agreement();
        // committed 1,200,000 + 400,000 = 1,600,000.00: 壹佰陆拾万元整
        a.amount_in_words = "壹佰陆拾万元整";
        CHECK(fx.run(a).count("contract.amount_in_words_mismatch") == 0);
        CHECK(fx.run(a).count("contract.amount_in_words_unreadable") == 0);
        a.amount_in_words = "人民币壹佰陆拾万圆正";  // the prefix, 圆 and 正 are allowed
        CHECK(fx.run(a).findings.size() == 1);

        a.amount_in_words = "壹佰陆拾伍万元整";  // 1,650,000
        const Review r = fx.run(a);
        REQUIRE(r.count("contract.amount_in_words_mismatch") == 1);
        const Finding& f = *r.find("contract.amount_in_words_mismatch");
        CHECK(f.severity == Severity::blocking);
        CHECK(r.blocked());
        CHECK(explain(f.reason, Lang::en) ==
              "the amount in words 壹佰陆拾伍万元整 reads CNY 1,650,000.00, but the agreement commits CNY "
              "1,600,000.00 (壹佰陆拾万元整)");
        CHECK(explain(f.reason, Lang::zh) ==
              "合同金额大写 壹佰陆拾伍万元整 为 CNY 1,650,000.00, 与协议承诺金额 CNY 1,600,000.00 "
              "(壹佰陆拾万元整) 不符");
        // the amount in words comes just before the approval route
        CHECK(r.findings[r.findings.size() - 2].code() == "contract.amount_in_words_mismatch");

        a.amount_in_words = "壹佰陆拾万零元整";  // not how the rules write it
        const Review u = fx.run(a);
        REQUIRE(u.count("contract.amount_in_words_unreadable") == 1);
        CHECK(explain(u.find("contract.amount_in_words_unreadable")->reason, Lang::zh) ==
              "合同金额大写 壹佰陆拾万零元整 不符合大写金额书写规定, 协议承诺金额 CNY 1,600,000.00 应写作 "
              "壹佰陆拾万元整");
        a.amount_in_words = "1600000";
        CHECK(fx.run(a).count("contract.amount_in_words_unreadable") == 1);
    }

    TEST_CASE("findings come in check order with their severities") {
        Fixture fx;
        fx.policy.mandatory_clauses = {"confidentiality"};
        Agreement a = base_agreement();
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"79"}}};
        a.payment_terms = terms::PaymentTerms::net(Days{120});
        const Review r = fx.run(a);
        std::vector<std::string_view> codes;
        for (const Finding& f : r.findings) codes.push_back(f.code());
        const std::vector<std::string_view> expected{
            "contract.price_below_floor",   "contract.beyond_authority", "contract.terms_too_long",
            "contract.credit_insufficient", "contract.missing_term",     "contract.approval_route"};
        CHECK(codes == expected);
        CHECK(r.worst() == Severity::blocking);
    }

    TEST_CASE("every finding renders in English and Chinese with all its figures") {
        Fixture fx;
        fx.policy.mandatory_clauses = {"confidentiality"};
        Agreement other = base_agreement();
        other.id = AgreementId{"AG-0"};
        other.state = State::active;
        fx.others = {other};
        fx.authority.rows.pop_back();
        Agreement a = base_agreement();
        a.ends = Date(2026, 1, 1);
        a.prices = {{.product = ProductId{"P1"}, .price = Decimal{"79"}},
                    {.product = ProductId{"P2"}, .price = Decimal{"44"}}};
        a.payment_terms = terms::PaymentTerms::net(Days{120});
        a.rebate = pricing::RebateScheme{.currency = CNY,
                                         .tiers = {{cny("0"), Percent{"2"}}, {cny("1000000"), Percent{"1"}}}};
        a.amount_in_words = "壹元整";
        Agreement b = a;
        b.amount_in_words = "壹元";
        const Review r = fx.run(a);
        std::vector<Finding> findings = r.findings;
        findings.push_back(*fx.run(b).find("contract.amount_in_words_unreadable"));
        std::set<std::string_view> codes;
        for (const Finding& f : findings) {
            CAPTURE(f);
            codes.insert(f.code());
            for (const Lang lang : {Lang::en, Lang::zh}) {
                const std::string text = explain(f.reason, lang);
                CHECK(text.find('{') == std::string::npos);
                CHECK_FALSE(text.empty());
            }
        }
        // every check fired: floor, authority, terms, credit, overlap, clause, term, rebate, amount in
        // words (mismatch, unreadable), route
        CHECK(codes.size() == 11);
    }

    TEST_CASE("a credit profile of another account is an unknown account") {
        Fixture fx;
        fx.profile.account = AccountId{"NOBODY"};
        crm::test::check_error([&] { (void)fx.run(base_agreement()); }, ErrorCode::not_found,
                               "agreement.account");
    }

    TEST_CASE("a signer outside the org chart and an unpriced product are errors") {
        Fixture fx;
        Agreement a = base_agreement();
        a.signer = PersonId{"ghost"};
        crm::test::check_error([&] { (void)fx.run(a); }, ErrorCode::not_found, "agreement.signer");
        a = base_agreement();
        a.prices = {{.product = ProductId{"P9"}, .price = Decimal{"1"}}};
        crm::test::check_error([&] { (void)fx.run(a); }, ErrorCode::not_found, "agreement.prices[0].product");
    }

    TEST_CASE("a credit profile in another currency is an error") {
        Fixture fx;
        fx.profile.limit = Money{"100", "USD"};
        crm::test::check_error([&] { (void)fx.run(base_agreement()); }, ErrorCode::currency_mismatch,
                               "agreement.currency");
    }

}  // TEST_SUITE
