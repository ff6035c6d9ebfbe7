#include <crm/approval/lint.hpp>
#include <crm/core/error.hpp>
#include <crm/policy/policy_set.hpp>
#include <crm/pricing/lint.hpp>
#include <crm/pricing/rule_book.hpp>

#include <array>
#include <set>
#include <string>
#include <utility>

namespace crm::policy {

namespace {

/// `field` with its leading `from` (a whole path segment) replaced by `to`; a field that does
/// not start with `from` is put under `to` whole.
std::string rebased(const std::string& field, std::string_view from, std::string_view to) {
    const bool starts =
        !from.empty() && field.starts_with(from) &&
        (field.size() == from.size() || field[from.size()] == '.' || field[from.size()] == '[');
    if (starts) return std::string(to) + field.substr(from.size());
    if (field.empty()) return std::string(to);
    if (to.empty()) return field;
    return std::string(to) + (field.front() == '[' ? "" : ".") + field;
}

/// Runs `check`; a crm::Error it throws is rethrown with its field moved from `from` to `to`,
/// code and message unchanged.
template <class F>
void under(std::string_view from, const std::string& to, F&& check) {
    try {
        std::forward<F>(check)();
    } catch (const Error& e) {
        throw Error(e.code(), rebased(e.field(), from, to), e.message());
    }
}

std::string at(const std::string& prefix, std::string_view member, std::size_t i) {
    return prefix + std::string(member) + "[" + std::to_string(i) + "]";
}

const ReasonText& pricing_reason(pricing::LintKind kind) noexcept {
    switch (kind) {
    case pricing::LintKind::unbreakable_tie: return reasons::pricing_unbreakable_tie;
    case pricing::LintKind::shadowed: return reasons::pricing_shadowed;
    case pricing::LintKind::never_fires: return reasons::pricing_never_fires;
    case pricing::LintKind::undeclared_order: return reasons::pricing_undeclared_order;
    case pricing::LintKind::overlapping_breaks: return reasons::pricing_overlapping_breaks;
    case pricing::LintKind::break_gap: return reasons::pricing_break_gap;
    }
    return reasons::pricing_never_fires;
}

void validate_credit(const CreditPolicies& credit, const std::string& p) {
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < credit.policies.size(); ++i) {
        const auto& row = credit.policies[i];
        const std::string here = at(p, "policies", i);
        if (row.tier.empty())
            throw Error(ErrorCode::invalid_argument, here + ".tier", "a credit policy needs a tier");
        if (!seen.emplace(row.tier, row.segment).second)
            throw Error(ErrorCode::duplicate, here + ".segment",
                        "tier '" + row.tier + "' and segment '" + row.segment + "' already have a policy");
        row.policy.validate(here);
    }
    (void)credit::AgingBuckets(credit.aging_buckets, p + "aging_buckets");
    credit.provisions.validate(p + "provisions");

    std::set<AccountId> accounts;
    for (std::size_t i = 0; i < credit.account_caps.size(); ++i) {
        const auto& cap = credit.account_caps[i];
        if (cap.cap.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at(p, "account_caps", i) + ".cap",
                        "a cap cannot be negative");
        if (!accounts.insert(cap.account).second)
            throw Error(ErrorCode::duplicate, at(p, "account_caps", i) + ".account",
                        "account '" + cap.account.value() + "' already has a cap");
    }
    std::set<RegionId> regions;
    for (std::size_t i = 0; i < credit.region_caps.size(); ++i) {
        const auto& cap = credit.region_caps[i];
        if (cap.cap.signum() < 0)
            throw Error(ErrorCode::invalid_argument, at(p, "region_caps", i) + ".cap",
                        "a cap cannot be negative");
        if (!regions.insert(cap.region).second)
            throw Error(ErrorCode::duplicate, at(p, "region_caps", i) + ".region",
                        "region '" + cap.region.value() + "' already has a cap");
    }
}

void validate_version(const PolicyVersion& v, const std::string& p, std::vector<Finding>& findings) {
    under("policy", p + "account.pool", [&] { v.account.pool.validate(); });
    under("policy", p + "account.visits", [&] { v.account.visits.validate(); });
    under("policy", p + "account.sla", [&] { v.account.sla.validate(); });

    validate_credit(v.credit, p + "credit.");

    pricing::RuleBook book;
    under("", p + "pricing.book", [&] { book = pricing::RuleBook(v.pricing.book); });
    under("", p + "pricing.authority", [&] { pricing::validate_authority(v.pricing.authority); });

    approval::Matrix matrix;
    under("", p + "approval",
          [&] { matrix = approval::Matrix(v.approval.rows, v.approval.roles, v.approval.currency); });

    for (std::size_t i = 0; i < v.scoring.scorecards.size(); ++i)
        under("scorecard", at(p, "scoring.scorecards", i),
              [&] { scoring::validate(v.scoring.scorecards[i]); });
    // The KPI card's criteria are the policy's named members: `scorecard.criteria[2].weight`
    // is `scoring.kpi.receivables_vs_cap.weight` (kpi_scorecard keeps the members' order).
    try {
        (void)scoring::kpi_scorecard(v.scoring.kpi);
    } catch (const Error& e) {
        static constexpr std::array<std::string_view, 8> kpi_members{
            "sales_achievement",         "collection_achievement", "receivables_vs_cap",
            "turnover_days_over_target", "sales_expense_ratio",    "satisfaction",
            "visit_plan_kept",           "new_product_share"};
        std::string field = rebased(e.field(), "scorecard", p + "scoring.kpi");
        const std::string criteria = p + "scoring.kpi.criteria[";
        if (field.starts_with(criteria)) {
            const std::size_t close = field.find(']', criteria.size());
            const std::string index = field.substr(criteria.size(), close - criteria.size());
            const std::size_t i = index.size() == 1 && index[0] >= '0' && index[0] <= '7'
                                      ? static_cast<std::size_t>(index[0] - '0')
                                      : kpi_members.size();
            if (close != std::string::npos && i < kpi_members.size())
                field = p + "scoring.kpi." + std::string(kpi_members[i]) + field.substr(close + 1);
        }
        throw Error(e.code(), field, e.message());
    }

    std::set<std::string> names;
    for (std::size_t i = 0; i < v.calendars.size(); ++i) {
        const std::string here = at(p, "calendars", i);
        const auto& spec = v.calendars[i].spec;
        if (spec.name.empty())
            throw Error(ErrorCode::invalid_argument, here + ".name", "a calendar needs a name");
        if (!names.insert(spec.name).second)
            throw Error(ErrorCode::duplicate, here + ".name",
                        "calendar '" + spec.name + "' is defined twice");
        under("", here, [&] { (void)Calendar(spec); });
    }

    for (const auto& f : pricing::lint(book)) {
        std::string rules;
        for (const auto& r : f.rules) rules += (rules.empty() ? "" : ", ") + r.value();
        findings.push_back(Finding{.field = p + "pricing.book.rules",
                                   .reason = Reason{pricing_reason(f.kind), Outcome::warn}
                                                 .with("rules", rules)
                                                 .with("group", f.group)
                                                 .with("detail", f.message)});
    }
    if (!v.approval.rows.empty()) {
        for (auto& f : approval::lint(matrix))
            findings.push_back(Finding{.field = p + "approval.rows", .reason = f.reason});
    }
}

}  // namespace

std::vector<credit::AgingBucket> detail::default_aging_buckets() {
    const credit::AgingBuckets buckets = credit::AgingBuckets::past_due_default();
    return {buckets.buckets().begin(), buckets.buckets().end()};
}

bool operator==(const ScoringPolicies& a, const ScoringPolicies& b) {
    const auto& x = a.kpi;
    const auto& y = b.kpi;
    return a.scorecards == b.scorecards && x.sales_achievement == y.sales_achievement &&
           x.collection_achievement == y.collection_achievement &&
           x.receivables_vs_cap == y.receivables_vs_cap &&
           x.turnover_days_over_target == y.turnover_days_over_target &&
           x.sales_expense_ratio == y.sales_expense_ratio && x.satisfaction == y.satisfaction &&
           x.visit_plan_kept == y.visit_plan_kept && x.new_product_share == y.new_product_share &&
           x.bands == y.bands && x.score_places == y.score_places && x.rounding == y.rounding;
}

bool operator==(const CalendarPolicy& a, const CalendarPolicy& b) {
    return a.spec.name == b.spec.name && a.spec.weekend == b.spec.weekend &&
           a.spec.holidays == b.spec.holidays && a.spec.working_days == b.spec.working_days &&
           a.spec.strict == b.spec.strict;
}

const PolicyVersion& PolicySet::in_force(Date as_of) const {
    const PolicyVersion* best = nullptr;
    for (const auto& v : versions) {
        if (v.effective_from <= as_of && (best == nullptr || best->effective_from < v.effective_from))
            best = &v;
    }
    if (best == nullptr)
        throw Error(ErrorCode::not_found, "as_of", "no policy version is in force on " + as_of.to_string());
    return *best;
}

const PolicyVersion& PolicySet::version(std::string_view id) const {
    for (const auto& v : versions)
        if (v.id == id) return v;
    throw Error(ErrorCode::not_found, "version", "no policy version has the id '" + std::string(id) + "'");
}

std::vector<Finding> PolicySet::validate() const {
    if (versions.empty())
        throw Error(ErrorCode::invalid_argument, "versions", "a policy set needs a version");
    std::set<std::string> ids;
    std::set<Date> dates;
    std::vector<Finding> findings;
    for (std::size_t i = 0; i < versions.size(); ++i) {
        const auto& v = versions[i];
        const std::string p = "versions[" + std::to_string(i) + "].";
        if (v.id.empty()) throw Error(ErrorCode::invalid_argument, p + "id", "a policy version needs an id");
        if (!ids.insert(v.id).second)
            throw Error(ErrorCode::duplicate, p + "id", "the version id '" + v.id + "' is used twice");
        if (!dates.insert(v.effective_from).second)
            throw Error(ErrorCode::duplicate, p + "effective_from",
                        "another version already takes effect on " + v.effective_from.to_string());
        validate_version(v, p, findings);
    }
    return findings;
}

const credit::Policy& credit_policy(const PolicyVersion& version, std::string_view tier,
                                    std::string_view segment) {
    const credit::PolicyEntry* fallback = nullptr;
    bool tier_known = false;
    for (const auto& row : version.credit.policies) {
        if (row.tier != tier) continue;
        tier_known = true;
        if (row.segment == segment) return row.policy;
        if (row.segment.empty()) fallback = &row;
    }
    if (fallback != nullptr) return fallback->policy;
    if (!tier_known)
        throw Error(ErrorCode::not_found, "tier", "no credit policy for tier '" + std::string(tier) + "'");
    throw Error(
        ErrorCode::not_found, "segment",
        "tier '" + std::string(tier) + "' has no credit policy for segment '" + std::string(segment) + "'");
}

Calendar calendar(const PolicyVersion& version, std::string_view name) {
    for (const auto& c : version.calendars)
        if (c.spec.name == name) return Calendar(c.spec);
    throw Error(ErrorCode::not_found, "calendar", "no calendar named '" + std::string(name) + "'");
}

credit::AgingBuckets aging_buckets(const PolicyVersion& version) {
    return credit::AgingBuckets(version.credit.aging_buckets, "credit.aging_buckets");
}

}  // namespace crm::policy
