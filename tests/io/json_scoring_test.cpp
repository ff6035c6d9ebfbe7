// The `scoring` section (scorecards, the KPI policy) and the `account.sla` section of a policy
// version: worked documents read to their values and scored by hand, bad input naming the JSON
// Pointer, and the round trip over generated scorecards and SLA tables.

#include <crm/account/complaint.hpp>
#include <crm/core/error.hpp>
#include <crm/io/json.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/scorecard.hpp>

#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::Decimal;
using crm::ErrorCode;
using crm::Percent;
using crm::test::Rng;
namespace scoring = crm::scoring;
namespace account = crm::account;
using scoring::Score;

namespace {

std::string with_version(const std::string& members) {
    return R"({"versions": [{"id": "v1", "effective_from": "2025-01-01", )" + members + "}]}";
}
std::string with_scoring(const std::string& section) { return with_version(R"("scoring": )" + section); }
std::string with_sla(const std::string& section) {
    return with_version(R"("account": {"sla": )" + section + "}");
}

// An account-grading card (客户分级) with one criterion of each function kind:
//   revenue 30%, linear 0 -> 0 .. 10,000,000 -> 100;
//   turnover days 20%, lower is better, 30 -> 100 .. 120 -> 0;
//   achievement 20%, the defaults (floor 0.60 -> 50, cap 1.20 -> 100);
//   years 10%, steps: below 20, from 1 -> 50, from 3 -> 80, from 5 -> 100;
//   fit 20%, lookup: strategic 100, key 70, otherwise 40.
// Bands "80分以上为A": A from 80, B from 60, C from 0.
const char* const card_section = R"({
  "scorecards": [{
    "name": "客户分级 2025",
    "criteria": [
      {"id": "revenue", "name": "年销售额 revenue", "weight": "30%",
       "function": {"kind": "linear", "lo": "0", "hi": "10000000"}},
      {"id": "turnover_days", "weight": "20%",
       "function": {"kind": "lower_is_better", "best": "30", "worst": "120"}},
      {"id": "achievement", "weight": "20%", "function": {"kind": "achievement"}},
      {"id": "years", "weight": "10%", "missing": "score_zero",
       "function": {"kind": "steps", "below": "20",
                    "steps": [{"from": "1", "score": "50"}, {"from": "3", "score": "80"}, {"from": "5", "score": "100"}]}},
      {"id": "fit", "weight": "20%",
       "function": {"kind": "lookup", "categories": [{"label": "strategic", "score": "100"}, {"label": "key", "score": "70"}],
                    "otherwise": "40"}}
    ],
    "bands": [{"label": "A", "from": "80", "to": "100"}, {"label": "B", "from": "60", "to": "80"},
              {"label": "C", "from": "0", "to": "60"}]
  }]
})";

}  // namespace

TEST_SUITE("io.json.scoring") {
    TEST_CASE("a worked scorecard reads to its criteria and scores as computed by hand") {
        const auto set = crm::io::read_policy_set(with_scoring(card_section), "card.json");
        const auto& s = set.versions.at(0).scoring;
        REQUIRE(s.scorecards.size() == 1);
        const scoring::Scorecard& card = s.scorecards[0];
        CHECK(card.name == "客户分级 2025");
        CHECK(card.score_places == 2);
        CHECK(card.rounding == crm::RoundingMode::half_up);
        CHECK(card.band_floor == crm::Boundary::inclusive);
        REQUIRE(card.criteria.size() == 5);
        CHECK(card.criteria[0].name == "年销售额 revenue");
        CHECK(card.criteria[0].weight == Percent{"30"});
        CHECK(std::get<scoring::Linear>(card.criteria[0].function).hi == Decimal{10000000});
        CHECK(std::get<scoring::Linear>(card.criteria[0].function).at_hi == Score{100});  // default
        CHECK(std::get<scoring::Achievement>(card.criteria[2].function) == scoring::Achievement{});
        CHECK(card.criteria[3].missing == scoring::MissingData::score_zero);
        CHECK(std::get<scoring::Steps>(card.criteria[3].function).steps.at(1).score == Score{80});
        CHECK(std::get<scoring::Lookup>(card.criteria[4].function).otherwise == Score{40});
        CHECK(s.kpi.sales_achievement == scoring::KpiPolicy{}.sales_achievement);  // left out: defaults

        // revenue 2,500,000: 25.00 x 30% = 7.5; turnover 75 days: 100 - 45 x 100 / 90 = 50.00
        // x 20% = 10; achievement 1.00: 50 + (1.00 - 0.60) x 50 / 0.60 = 83.33 x 20% = 16.666;
        // years 3: 80 x 10% = 8; fit "normal" (not listed): 40 x 20% = 8.
        // Total 7.5 + 10 + 16.666 + 8 + 8 = 50.166, grade C.
        const auto r = scoring::evaluate(card, {{"revenue", Decimal{2500000}},
                                                {"turnover_days", Decimal{75}},
                                                {"achievement", Decimal{1}},
                                                {"years", Decimal{3}},
                                                {"fit", std::string("normal")}});
        CHECK(r.total == Score{"50.166"});
        CHECK(r.grade == "C");
    }

    TEST_CASE("a KPI section overrides the criteria it names and keeps the rest") {
        // sales achievement weighted 35% and collection 10%: the weights still sum to 100%.
        const auto set = crm::io::read_policy_set(with_scoring(R"({"kpi": {
            "sales_achievement": {"weight": "35%", "function": {"kind": "achievement"}},
            "collection_achievement": {"weight": "10%", "name": "回款率",
                                       "function": {"kind": "achievement", "floor": "0.6", "cap": "1",
                                                    "at_floor": "60"}},
            "score_places": 1, "rounding": "half_even"}})"));
        const scoring::KpiPolicy& k = set.versions[0].scoring.kpi;
        CHECK(k.sales_achievement.id == "sales_achievement");  // the member's name, not written
        CHECK(k.sales_achievement.weight == Percent{"35"});
        CHECK(k.sales_achievement.name.empty());  // given, a criterion is the document's whole
        CHECK(k.satisfaction.missing == scoring::MissingData::exclude);  // left out: the default
        CHECK(k.collection_achievement.weight == Percent{"10"});
        CHECK(std::get<scoring::Achievement>(k.collection_achievement.function).cap == Decimal{1});
        CHECK(k.receivables_vs_cap == scoring::KpiPolicy{}.receivables_vs_cap);
        CHECK(k.score_places == 1);
        CHECK(k.rounding == crm::RoundingMode::half_even);
        CHECK(k.bands == scoring::KpiPolicy{}.bands);
    }

    TEST_CASE("a worked SLA section reads to its table and at-risk share and escalation") {
        // Key accounts (A): a high complaint answered in 2 business hours, resolved in 2 business
        // days; at risk from 75%; step 1 after 8 business hours to the regional manager, step 2
        // at the whole resolution time, notifying nobody.
        const auto set = crm::io::read_policy_set(with_sla(R"({
            "targets": [{"severity": "high", "tier": "A", "response": {"minutes": 120},
                         "resolution": {"business_days": 2}}],
            "at_risk": "75%",
            "escalation": [{"at": {"minutes": 480}, "notify": "regional_manager"},
                           {"at": {"percent": "100%"}}]})"),
                                                  "sla.json");
        const account::SlaPolicy& p = set.versions[0].account.sla;
        REQUIRE(p.targets.size() == 1);
        CHECK(p.targets[0].severity == account::Severity::high);
        CHECK(std::get<crm::Minutes>(p.targets[0].response) == crm::Minutes{120});
        CHECK(std::get<crm::BusinessDays>(p.targets[0].resolution) == crm::BusinessDays{2});
        CHECK(p.at_risk == Percent{"75"});
        REQUIRE(p.escalation.size() == 2);
        CHECK(std::get<crm::Minutes>(p.escalation[0].at) == crm::Minutes{480});
        CHECK(p.escalation[0].notify == crm::RoleId{"regional_manager"});
        CHECK_FALSE(p.escalation[1].notify);

        // Received Monday 2024-06-03 10:00, still open at 11:45: 105 of 120 business minutes
        // used, 87.5% >= 75%: at risk.
        const account::Complaint c{.id = crm::ComplaintId{"C-1"},
                                   .account = crm::AccountId{"ACC-1"},
                                   .tier = "A",
                                   .severity = account::Severity::high,
                                   .received = crm::DateTime::parse("2024-06-03 10:00")};
        const auto s = account::sla_status(p, c, crm::china_mainland_calendar(), crm::WorkingHours{},
                                           crm::DateTime::parse("2024-06-03 11:45"));
        CHECK(s.state == account::SlaState::at_risk);
        CHECK(s.response.elapsed == crm::Minutes{105});
    }

    TEST_CASE("an empty section keeps every default") {
        const auto set = crm::io::read_policy_set(with_version(R"("scoring": {}, "account": {"sla": {}})"));
        CHECK(set.versions[0].scoring == crm::policy::ScoringPolicies{});
        CHECK(set.versions[0].account.sla == account::SlaPolicy{});
    }

    TEST_CASE("bad scoring and SLA input names the JSON Pointer") {
        struct Case {
            const char* name;
            std::string doc;
            ErrorCode code;
            const char* pointer;
        };
        const std::string one = R"({"scorecards": [{"criteria": [{"id": "r", "weight": "100%", "function": )";
        const std::string bands = R"(}], "bands": [{"label": "A", "from": "0", "to": "100"}]}]})";
        const Case cases[] = {
            {"an unknown function kind", with_scoring(one + R"({"kind": "sigmoid"})" + bands),
             ErrorCode::parse_error, "/versions/0/scoring/scorecards/0/criteria/0/function/kind"},
            {"a member of another function kind",
             with_scoring(one + R"({"kind": "linear", "lo": "0", "hi": "1", "best": "0"})" + bands),
             ErrorCode::parse_error, "/versions/0/scoring/scorecards/0/criteria/0/function/best"},
            {"a JSON number as a score",
             with_scoring(one + R"({"kind": "linear", "lo": "0", "hi": "1", "at_hi": 100})" + bands),
             ErrorCode::parse_error, "/versions/0/scoring/scorecards/0/criteria/0/function/at_hi"},
            {"a JSON number as a weight",
             with_scoring(
                 R"({"scorecards": [{"criteria": [{"id": "r", "weight": 100, "function": {"kind": "achievement"}}], "bands": []}]})"),
             ErrorCode::parse_error, "/versions/0/scoring/scorecards/0/criteria/0/weight"},
            {"a linear function with lo above hi (the validator refuses it)",
             with_scoring(one + R"({"kind": "linear", "lo": "5", "hi": "1"})" + bands),
             ErrorCode::inconsistent, "/versions/0/scoring/scorecards/0/criteria/0/function/hi"},
            {"steps out of order",
             with_scoring(
                 one +
                 R"({"kind": "steps", "steps": [{"from": "3", "score": "50"}, {"from": "1", "score": "80"}]})" +
                 bands),
             ErrorCode::inconsistent, "/versions/0/scoring/scorecards/0/criteria/0/function/steps/1/from"},
            {"a band with a gap",
             with_scoring(
                 R"({"scorecards": [{"criteria": [{"id": "r", "weight": "100%", "function": {"kind": "achievement"}}],
                    "bands": [{"label": "A", "from": "60", "to": "100"}, {"label": "B", "from": "0", "to": "50"}]}]})"),
             ErrorCode::inconsistent, "/versions/0/scoring/scorecards/0/bands/0/from"},
            {"a wrong missing-data policy",
             with_scoring(
                 R"({"scorecards": [{"criteria": [{"id": "r", "weight": "100%", "missing": "skip", "function": {"kind": "achievement"}}], "bands": []}]})"),
             ErrorCode::parse_error, "/versions/0/scoring/scorecards/0/criteria/0/missing"},
            {"a KPI criterion that does not exist", with_scoring(R"({"kpi": {"profit": {}}})"),
             ErrorCode::parse_error, "/versions/0/scoring/kpi/profit"},
            {"a KPI id (the member names it)",
             with_scoring(
                 R"({"kpi": {"satisfaction": {"id": "x", "weight": "5%", "function": {"kind": "achievement"}}}})"),
             ErrorCode::parse_error, "/versions/0/scoring/kpi/satisfaction/id"},
            {"a KPI weight that breaks the sum names the KPI member",
             with_scoring(
                 R"({"kpi": {"receivables_vs_cap": {"weight": "0%", "function": {"kind": "achievement"}}}})"),
             ErrorCode::invalid_argument, "/versions/0/scoring/kpi/receivables_vs_cap/weight"},
            {"an SLA time of two members",
             with_sla(
                 R"({"targets": [{"severity": "low", "tier": "A", "response": {"minutes": 1, "business_days": 1}, "resolution": {"minutes": 5}}]})"),
             ErrorCode::parse_error, "/versions/0/account/sla/targets/0/response"},
            {"an SLA time in hours",
             with_sla(
                 R"({"targets": [{"severity": "low", "tier": "A", "response": {"hours": 1}, "resolution": {"minutes": 5}}]})"),
             ErrorCode::parse_error, "/versions/0/account/sla/targets/0/response/hours"},
            {"an unknown severity",
             with_sla(
                 R"({"targets": [{"severity": "urgent", "tier": "A", "response": {"minutes": 1}, "resolution": {"minutes": 5}}]})"),
             ErrorCode::parse_error, "/versions/0/account/sla/targets/0/severity"},
            {"a zero response time (the policy refuses it)",
             with_sla(
                 R"({"targets": [{"severity": "low", "tier": "A", "response": {"minutes": 0}, "resolution": {"minutes": 5}}]})"),
             ErrorCode::invalid_argument, "/versions/0/account/sla/targets/0/response"},
            {"an at-risk share above 100%", with_sla(R"({"at_risk": "120%"})"), ErrorCode::invalid_argument,
             "/versions/0/account/sla/at_risk"},
            {"escalation steps that go down",
             with_sla(R"({"escalation": [{"at": {"percent": "50%"}}, {"at": {"percent": "40%"}}]})"),
             ErrorCode::inconsistent, "/versions/0/account/sla/escalation/1/at"},
            {"an escalation point in days", with_sla(R"({"escalation": [{"at": {"business_days": 1}}]})"),
             ErrorCode::parse_error, "/versions/0/account/sla/escalation/0/at/business_days"},
        };
        for (const Case& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            crm::test::check_error([&] { return crm::io::read_policy_set(c.doc, "f"); }, c.code, c.pointer);
        }
    }
}

// ---- the round trip ---------------------------------------------------------------------------

namespace {

Score score(Rng& rng) { return Score{Decimal::scaled(rng.between(0, 10000), -2)}; }

/// A valid function of a random kind: points in order, scores monotone where required.
scoring::ScoringFunction function(Rng& rng) {
    const Decimal lo = crm::test::decimal(rng, 6, -2, 2);
    const Decimal hi = lo + Decimal::scaled(rng.between(1, 100000), -2);
    Score a = score(rng), b = score(rng);
    if (b < a) std::swap(a, b);
    switch (rng.below(5)) {
    case 0:
        return scoring::Linear{
            .lo = lo,
            .hi = hi,
            .at_lo = a,
            .at_hi = b,
            .out_of_range = rng.coin() ? scoring::OutOfRange::clamp : scoring::OutOfRange::reject};
    case 1: return scoring::LowerIsBetter{.best = lo, .worst = hi, .at_best = b, .at_worst = a};
    case 2: {
        Score mid = score(rng);
        if (mid < a) mid = a;
        if (b < mid) mid = b;
        return scoring::Achievement{.floor = lo, .cap = hi, .below_floor = a, .at_floor = mid, .at_cap = b};
    }
    case 3: {
        scoring::Steps s{.below = Score{0},
                         .edge = rng.coin() ? scoring::StepEdge::threshold_starts_step
                                            : scoring::StepEdge::threshold_ends_step};
        Decimal from = lo;
        Score at{0};
        for (int i = 0, n = static_cast<int>(rng.between(1, 4)); i < n; ++i) {
            at = Score{at.points() + Decimal::scaled(rng.between(0, 2500), -2)};
            s.steps.push_back({.from = from, .score = at});
            from = from + Decimal::scaled(rng.between(1, 999), -1);
        }
        return s;
    }
    default: {
        scoring::Lookup l;
        for (int i = 0, n = static_cast<int>(rng.between(1, 3)); i < n; ++i)
            l.categories.push_back({.label = "类别 " + std::to_string(i), .score = score(rng)});
        if (rng.coin()) l.otherwise = score(rng);
        return l;
    }
    }
}

scoring::Scorecard card(Rng& rng, int n) {
    scoring::Scorecard c{.name = rng.coin() ? "card \"" + std::to_string(n) + "\"" : std::string()};
    const int criteria = static_cast<int>(rng.between(1, 5));
    std::int64_t left = 10000;  // hundredths of a per cent
    for (int i = 0; i < criteria; ++i) {
        const std::int64_t weight = i + 1 == criteria ? left : rng.between(1, left - (criteria - i - 1));
        left -= weight;
        c.criteria.push_back({.id = "c" + std::to_string(i),
                              .name = rng.coin() ? "准则" : "",
                              .weight = Percent{Decimal::scaled(weight, -2)},
                              .function = function(rng),
                              .missing = static_cast<scoring::MissingData>(rng.below(3))});
    }
    const Score cut{Decimal::scaled(rng.between(1, 9999), -2)};
    c.bands = {{"A", cut, Score{100}}, {"B", Score{0}, cut}};
    c.rounding = crm::RoundingMode::half_even;
    c.band_floor = rng.coin() ? crm::Boundary::inclusive : crm::Boundary::exclusive;
    return c;
}

account::SlaPolicy sla(Rng& rng) {
    account::SlaPolicy p;
    if (rng.coin()) {
        p.targets.clear();
        for (const char* tier : {"A", "B", "战略"})
            for (int s = 0; s < 4; ++s) {
                if (rng.coin()) continue;
                const auto time = [&]() -> account::SlaTime {
                    if (rng.coin()) return crm::Minutes{rng.between(1, 5000)};
                    return crm::BusinessDays{rng.between(1, 30)};
                };
                p.targets.push_back({.severity = static_cast<account::Severity>(s),
                                     .tier = tier,
                                     .response = time(),
                                     .resolution = time()});
            }
        if (p.targets.empty()) p.targets = account::default_sla_targets();
    }
    p.at_risk = Percent{Decimal::scaled(rng.between(1, 1000), -1)};
    p.escalation.clear();
    std::int64_t percent = 0, minutes = 0;
    for (int i = 0, n = static_cast<int>(rng.below(4)); i < n; ++i) {
        account::EscalationStep step;
        if (rng.coin())
            step.at = Percent{Decimal{percent += rng.between(1, 60)}};
        else
            step.at = crm::Minutes{minutes += rng.between(1, 600)};
        if (rng.coin()) step.notify = crm::RoleId{"sales_director"};
        p.escalation.push_back(step);
    }
    return p;
}

}  // namespace

TEST_SUITE("io.json.scoring") {
    TEST_CASE("a property: generated scoring and SLA sections round-trip and the writing is a fixed point") {
        Rng rng(0x5C0E);
        int kinds[5] = {};
        for (int round = 0; round < 300; ++round) {
            CAPTURE(round);
            crm::policy::PolicySet set{.versions = {{.id = "v", .effective_from = Date{2025, 1, 1}}}};
            auto& v = set.versions[0];
            for (int i = 0, n = static_cast<int>(rng.below(3)); i < n; ++i)
                v.scoring.scorecards.push_back(card(rng, i));
            for (const auto& c : v.scoring.scorecards)
                for (const auto& cr : c.criteria) ++kinds[cr.function.index()];
            if (rng.coin()) {
                v.scoring.kpi.satisfaction.missing = scoring::MissingData::score_zero;
                v.scoring.kpi.score_places = 3;
            }
            v.account.sla = sla(rng);
            (void)set.validate();  // the generators make valid values only
            const std::string doc = crm::io::write_policy_set(set);
            const auto back = crm::io::read_policy_set(doc, "generated.json");
            CHECK(back.versions[0].scoring == v.scoring);
            CHECK(back.versions[0].account.sla == v.account.sla);
            CHECK(crm::io::write_policy_set(back) == doc);
        }
        for (const int k : kinds) CHECK(k > 20);  // every function kind came up
    }
}
