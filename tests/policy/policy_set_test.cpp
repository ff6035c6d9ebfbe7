// The policy set: versions chosen by date, validation of every area naming the path in the set,
// and the lints of the areas reported as findings.

#include <crm/core/error.hpp>
#include <crm/policy/policy_set.hpp>

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Days;
using crm::ErrorCode;
using crm::Money;
using crm::Percent;
using namespace crm::policy;
using crm::test::check_error;

namespace {

static_assert(std::is_aggregate_v<PolicySet>);
static_assert(std::is_aggregate_v<PolicyVersion>);
static_assert(std::regular<PolicySet>);

PolicyVersion version(const char* id, Date from) {
    PolicyVersion v{.id = id, .effective_from = from};
    v.credit.policies = {
        {.tier = "A", .segment = "", .policy = {.warn_utilisation = Percent{"85"}}},
        {.tier = "A", .segment = "政府单位", .policy = {.warn_utilisation = Percent{"95"}}},
        {.tier = "B", .segment = "", .policy = {}},
    };
    v.calendars = {CalendarPolicy{.spec = {.name = "china", .holidays = {Date{2025, 1, 1}}}}};
    return v;
}

PolicySet two_versions() {
    return PolicySet{
        .company = "华东机电",
        .versions = {version("2024-v1", Date{2024, 1, 1}), version("2025-v1", Date{2025, 1, 1})}};
}

}  // namespace

TEST_SUITE("policy.set") {
    TEST_CASE("the version in force is the latest that started on or before the as-of date") {
        PolicySet set = two_versions();
        // Given out of order, still picked by date.
        std::swap(set.versions[0], set.versions[1]);
        CHECK(set.in_force(Date{2024, 1, 1}).id == "2024-v1");    // its first day
        CHECK(set.in_force(Date{2024, 12, 31}).id == "2024-v1");  // the day before the next
        CHECK(set.in_force(Date{2025, 1, 1}).id == "2025-v1");
        CHECK(set.in_force(Date{2030, 6, 30}).id == "2025-v1");
        check_error([&] { return set.in_force(Date{2023, 12, 31}); }, ErrorCode::not_found, "as_of");
        check_error([&] { return PolicySet{}.in_force(Date{2025, 1, 1}); }, ErrorCode::not_found, "as_of");
        CHECK(set.version("2024-v1").effective_from == Date{2024, 1, 1});
        check_error([&] { return set.version("2026"); }, ErrorCode::not_found, "version");
    }

    TEST_CASE("a property: in_force never picks a version that starts after the date") {
        crm::test::Rng rng(15);
        for (int round = 0; round < 200; ++round) {
            PolicySet set;
            const int n = static_cast<int>(rng.between(1, 6));
            for (int i = 0; i < n; ++i)
                set.versions.push_back(
                    PolicyVersion{.id = "v" + std::to_string(i),
                                  .effective_from = Date{2024, 1, 1} + Days{rng.between(0, 700) + i * 1000}});
            const Date as_of = Date{2024, 1, 1} + Days{rng.between(0, 7000)};
            CAPTURE(as_of);
            bool any = false;
            for (const auto& v : set.versions) any = any || v.effective_from <= as_of;
            if (!any) {
                CHECK_THROWS_AS((void)set.in_force(as_of), crm::Error);
                continue;
            }
            const auto& chosen = set.in_force(as_of);
            CHECK(chosen.effective_from <= as_of);
            for (const auto& v : set.versions)
                if (v.effective_from <= as_of) CHECK(v.effective_from <= chosen.effective_from);
        }
    }

    TEST_CASE("credit policy and calendar lookups read the version") {
        const PolicySet set = two_versions();
        const auto& v = set.in_force(Date{2025, 3, 1});
        CHECK(credit_policy(v, "A", "政府单位").warn_utilisation == Percent{"95"});
        CHECK(credit_policy(v, "A", "经销商").warn_utilisation == Percent{"85"});  // the tier's catch-all row
        check_error([&] { return credit_policy(v, "C", ""); }, ErrorCode::not_found, "tier");
        PolicyVersion only_segment = v;
        only_segment.credit.policies = {{.tier = "A", .segment = "政府单位", .policy = {}}};
        check_error([&] { return credit_policy(only_segment, "A", "经销商"); }, ErrorCode::not_found,
                    "segment");
        CHECK(calendar(v, "china").is_holiday(Date{2025, 1, 1}));
        check_error([&] { return calendar(v, "plant"); }, ErrorCode::not_found, "calendar");
        CHECK(aging_buckets(v).size() == 7);  // the default past-due buckets
    }

    TEST_CASE("a valid set with default areas validates with no findings") {
        CHECK(two_versions().validate().empty());
    }

    TEST_CASE("bad versions are named by their index") {
        check_error([] { return PolicySet{}.validate(); }, ErrorCode::invalid_argument, "versions");
        PolicySet set = two_versions();
        set.versions[1].id = "";
        check_error([&] { return set.validate(); }, ErrorCode::invalid_argument, "versions[1].id");
        set.versions[1].id = "2024-v1";
        check_error([&] { return set.validate(); }, ErrorCode::duplicate, "versions[1].id");
        set.versions[1].id = "x";
        set.versions[1].effective_from = set.versions[0].effective_from;
        check_error([&] { return set.validate(); }, ErrorCode::duplicate, "versions[1].effective_from");
    }

    TEST_CASE("an error inside an area names its path in the set") {
        struct Case {
            const char* name;
            void (*spoil)(PolicyVersion&);
            ErrorCode code;
            const char* field;
        };
        const Case cases[] = {
            {"warn threshold over 100%",
             [](PolicyVersion& v) { v.credit.policies[2].policy.warn_utilisation = Percent{"101"}; },
             ErrorCode::invalid_argument, "versions[1].credit.policies[2].warn_utilisation"},
            {"a negative tolerance",
             [](PolicyVersion& v) { v.credit.policies[0].policy.tolerance.percent = Percent{"-1"}; },
             ErrorCode::invalid_argument, "versions[1].credit.policies[0].tolerance.percent"},
            {"a tier and segment twice", [](PolicyVersion& v) { v.credit.policies[2].tier = "A"; },
             ErrorCode::duplicate, "versions[1].credit.policies[2].segment"},
            {"an empty tier", [](PolicyVersion& v) { v.credit.policies[1].tier = ""; },
             ErrorCode::invalid_argument, "versions[1].credit.policies[1].tier"},
            {"aging buckets with a gap", [](PolicyVersion& v) { v.credit.aging_buckets[2].from_days = 40; },
             ErrorCode::inconsistent, "versions[1].credit.aging_buckets[2].from_days"},
            {"a provision rate over 100%",
             [](PolicyVersion& v) { v.credit.provisions.rates[1] = Percent{"120"}; },
             ErrorCode::invalid_argument, "versions[1].credit.provisions.rates[1]"},
            {"a negative account cap",
             [](PolicyVersion& v) {
                 v.credit.account_caps = {{.account = crm::AccountId{"A-1"}, .cap = Money{"-1", "CNY"}}};
             },
             ErrorCode::invalid_argument, "versions[1].credit.account_caps[0].cap"},
            {"a region capped twice",
             [](PolicyVersion& v) {
                 v.credit.region_caps = {{.region = crm::RegionId{"east"}, .cap = Money{"1", "CNY"}},
                                         {.region = crm::RegionId{"east"}, .cap = Money{"2", "CNY"}}};
             },
             ErrorCode::duplicate, "versions[1].credit.region_caps[1].region"},
            {"a pool tier with no name", [](PolicyVersion& v) { v.account.pool.tiers[1].tier = ""; },
             ErrorCode::invalid_argument, "versions[1].account.pool.tiers[1].tier"},
            {"a visit cadence of zero months",
             [](PolicyVersion& v) { v.account.visits.tiers[0].every_months = 0; },
             ErrorCode::invalid_argument, "versions[1].account.visits.tiers[0].every_months"},
            {"an SLA at-risk share over 100%",
             [](PolicyVersion& v) { v.account.sla.at_risk = Percent{"150"}; }, ErrorCode::invalid_argument,
             "versions[1].account.sla.at_risk"},
            {"a pricing VAT below zero", [](PolicyVersion& v) { v.pricing.book.policy.vat = Percent{"-13"}; },
             ErrorCode::invalid_argument, "versions[1].pricing.book.policy.vat"},
            {"an authority role twice",
             [](PolicyVersion& v) {
                 v.pricing.authority.rows = {{.role = crm::RoleId{"r"}, .rank = 1},
                                             {.role = crm::RoleId{"r"}, .rank = 2}};
             },
             ErrorCode::duplicate, "versions[1].pricing.authority.rows[1].role"},
            {"an approval row with an unknown role",
             [](PolicyVersion& v) {
                 v.approval.rows = {{.id = crm::RuleId{"o1"}, .levels = {{.role = crm::RoleId{"nobody"}}}}};
             },
             ErrorCode::not_found, "versions[1].approval.rows[0].levels[0].role"},
            {"scorecard weights not summing to 100%",
             [](PolicyVersion& v) {
                 v.scoring.scorecards = {crm::scoring::kpi_scorecard()};
                 v.scoring.scorecards[0].criteria[0].weight = Percent{"24"};
             },
             ErrorCode::inconsistent, "versions[1].scoring.scorecards[0].criteria[*].weight"},
            {"KPI weights not summing to 100%",
             [](PolicyVersion& v) { v.scoring.kpi.sales_achievement.weight = Percent{"26"}; },
             ErrorCode::inconsistent, "versions[1].scoring.kpi.criteria[*].weight"},
            {"a calendar without a name", [](PolicyVersion& v) { v.calendars[0].spec.name = ""; },
             ErrorCode::invalid_argument, "versions[1].calendars[0].name"},
            {"a calendar twice", [](PolicyVersion& v) { v.calendars.push_back(v.calendars[0]); },
             ErrorCode::duplicate, "versions[1].calendars[1].name"},
            {"a calendar working day that is a weekday",
             [](PolicyVersion& v) {
                 v.calendars[0].spec.working_days = {Date{2025, 1, 2}};
             },
             ErrorCode::invalid_argument, "versions[1].calendars[0].working_days[0]"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.name);
            PolicySet set = two_versions();
            c.spoil(set.versions[1]);
            check_error([&] { return set.validate(); }, c.code, c.field);
        }
    }

    TEST_CASE("the approval lint reports a gap as a finding and not as an error") {
        PolicySet set = two_versions();
        // Orders need the regional manager; nothing covers discounts, so the lint sees gaps.
        set.versions[0].approval.rows = {
            {.id = crm::RuleId{"order-base"}, .levels = {{.role = crm::RoleId{"regional_manager"}}}}};
        const auto findings = set.validate();
        REQUIRE_FALSE(findings.empty());
        for (const auto& f : findings) {
            CHECK(f.field == "versions[0].approval.rows");
            CHECK(f.reason.severity() == crm::Outcome::warn);
            CHECK_FALSE(crm::explain(f.reason, crm::Lang::zh).empty());
        }
    }

    TEST_CASE("the pricing lint reports a rule that never fires in zh and en") {
        using namespace crm::pricing;
        PolicySet set = two_versions();
        const crm::ProductId known{"P-1"};
        set.versions[1].pricing.book.entries = {{.product = known,
                                                 .unit = "pc",
                                                 .currency = crm::Currency{"CNY"},
                                                 .list_price = crm::Decimal{100}}};
        Rule r{.id = crm::RuleId{"r1"},
               .kind = RuleKind::promotion,
               .when = {.products = {known}},
               .action = {.kind = ActionKind::percent_off, .percent = Percent{"5"}}};
        set.versions[1].pricing.book.rules = {r};
        CHECK(set.validate().empty());  // a rule for a product the book sells: clean

        r.id = crm::RuleId{"r2"};
        r.when.products = {crm::ProductId{"P-404"}};
        set.versions[1].pricing.book.rules.push_back(r);
        const auto findings = set.validate();
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].field == "versions[1].pricing.book.rules");
        CHECK(findings[0].reason.code() == "policy.pricing.never_fires");
        CHECK(crm::explain(findings[0].reason, crm::Lang::zh) == "价格规则 r2 永远不会生效");
        CHECK(crm::explain(findings[0].reason, crm::Lang::en).starts_with("pricing rule r2 can never apply"));
    }

    TEST_CASE("cumulative rules of undeclared order are named without a group") {
        using namespace crm::pricing;
        PolicySet set = two_versions();
        const crm::ProductId known{"P-1"};
        set.versions[1].pricing.book.entries = {{.product = known,
                                                 .unit = "pc",
                                                 .currency = crm::Currency{"CNY"},
                                                 .list_price = crm::Decimal{100}}};
        // 10% off then a fixed 80 gives 80; a fixed 80 then 10% off gives 72: the book must say
        // which comes first, and the two cumulative rules belong to no exclusive group.
        set.versions[1].pricing.book.rules = {
            Rule{.id = crm::RuleId{"pct"},
                 .when = {.products = {known}},
                 .action = {.kind = ActionKind::percent_off, .percent = Percent{"10"}}},
            Rule{.id = crm::RuleId{"fixed"},
                 .when = {.products = {known}},
                 .action = {.kind = ActionKind::fixed_price, .amount = crm::Money{"80", "CNY"}}}};
        const auto findings = set.validate();
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].reason.code() == "policy.pricing.undeclared_order");
        CHECK(crm::explain(findings[0].reason, crm::Lang::zh) == "累加价格规则 pct, fixed 顺序号相同, 未声明先后顺序");
        const std::string en = crm::explain(findings[0].reason, crm::Lang::en);
        CHECK(en.starts_with("cumulative pricing rules pct, fixed share a sequence and have no declared order: "));
        CHECK(en.find("group") == std::string::npos);
    }

    TEST_CASE("equality sees every area") {
        const PolicySet a = two_versions();
        PolicySet b = a;
        CHECK(a == b);
        b.versions[0].scoring.kpi.score_places = 3;
        CHECK(a != b);
        b = a;
        b.versions[0].calendars[0].spec.strict = true;
        CHECK(a != b);
        b = a;
        b.versions[1].account.pool.reclaim_cooldown = Days{7};
        CHECK(a != b);
    }
}
