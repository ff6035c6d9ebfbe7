#pragma once
/// \file
/// The annual plan (年度销售计划、回款计划、费用预算): targets for sales revenue, collection and
/// expense per month for the company, each region and each key account (大客户计划单列), its
/// validation, and the regional balance check (区域平衡). Plan against actual lives in
/// crm/planning/actuals.hpp. Proven by tests/planning/plan_test.cpp.
///
/// ```cpp
/// using namespace crm::planning;
/// AnnualPlan plan{.year = 2026, .currency = crm::Currency{"CNY"}, .company = {...}, .regions = {...}};
/// plan.validate();                         // malformed input: crm::Error naming the field
/// crm::Decision d = balance(plan);         // regions sum to the company? key accounts within their region?
/// ```

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::planning {

/// What a target measures.
enum class Measure {
    sales,       ///< sales revenue (销售额), invoiced net of returns
    collection,  ///< cash collected (回款)
    expense,     ///< sales expense (销售费用)
};
/// "sales", "collection", "expense".
[[nodiscard]] CRM_EXPORT std::string_view to_string(Measure m) noexcept;
/// en: sales, collection, expense; zh: 销售额, 回款, 销售费用.
[[nodiscard]] CRM_EXPORT std::string_view display_name(Measure m, Lang lang) noexcept;
/// Prints to_string(m).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, Measure m);

/// The three targets of one month (1 = January .. 12 = December). A month not listed in a
/// plan has targets of zero.
struct CRM_EXPORT MonthTarget {
    int month = 1;       ///< the month, 1 (January) to 12 (December); once per list
    Money sales{};       ///< the sales target (销售目标), >= 0, whole minor units, in the plan's currency
    Money collection{};  ///< the collection target (回款目标), >= 0
    Money expense{};     ///< the sales expense budget (费用预算), >= 0

    /// The target of `m`.
    [[nodiscard]] const Money& of(Measure m) const noexcept;
    /// Memberwise equality.
    friend bool operator==(const MonthTarget&, const MonthTarget&) = default;
};

/// One region's plan (区域计划).
struct CRM_EXPORT RegionPlan {
    RegionId region{};  ///< the region the plan is for; not empty, once per plan
    /// The region's name for people (华东区), used in reasons and reports instead of the id;
    /// empty: the id is shown.
    std::string name{};
    /// The region's monthly targets; a month not listed has targets of zero.
    std::vector<MonthTarget> months{};
    /// Memberwise equality.
    friend bool operator==(const RegionPlan&, const RegionPlan&) = default;
};

/// One key account's plan, listed separately (大客户计划单列) and counted inside its region's.
struct CRM_EXPORT KeyAccountPlan {
    AccountId account{};  ///< the key account the plan is for; once per plan
    RegionId region{};    ///< the region whose plan it counts in; must be one of the plan's regions
    /// The account's monthly targets; a month not listed has targets of zero.
    std::vector<MonthTarget> months{};
    /// Memberwise equality.
    friend bool operator==(const KeyAccountPlan&, const KeyAccountPlan&) = default;
};

/// The annual plan of a company. All amounts in `currency`.
struct CRM_EXPORT AnnualPlan {
    int year = 2026;  ///< the plan year (1900 to 9999); the default 2026 is only a placeholder, always set it
    Currency currency{"CNY"};  ///< the currency of every amount; default CNY
    /// The company plan (公司计划); empty: the company plan is the sum of the regions.
    std::vector<MonthTarget> company{};
    std::vector<RegionPlan> regions{};           ///< one plan per region; at least one
    std::vector<KeyAccountPlan> key_accounts{};  ///< the key accounts' plans, listed separately; may be empty
    /// The smallest share of a region's annual sales target its key accounts should carry
    /// (大客户占比); balance() warns below it. Default 0%: no minimum.
    Percent min_key_account_share{};

    /// Throws crm::Error naming the field: a year outside 1900..9999 (`plan.year`); a month
    /// outside 1..12 (`plan.regions[2].months[3].month`, invalid_argument), or given twice
    /// (duplicate); an amount in another currency (`...months[3].sales`, currency_mismatch),
    /// negative or not whole minor units (invalid_argument); no regions (`plan.regions`); an
    /// empty or duplicate region (`plan.regions[i].region`); a key account listed twice
    /// (`plan.key_accounts[i].account`, duplicate) or in a region the plan lacks
    /// (`plan.key_accounts[i].region`, not_found); a share outside 0..100%
    /// (`plan.min_key_account_share`).
    void validate() const;

    /// The region's plan, or nullptr.
    [[nodiscard]] const RegionPlan* find(const RegionId& region) const noexcept;
    /// The key account's plan, or nullptr.
    [[nodiscard]] const KeyAccountPlan* find(const AccountId& account) const noexcept;

    /// Memberwise equality.
    friend bool operator==(const AnnualPlan&, const AnnualPlan&) = default;
};

/// The target of `measure` in `month` (zero in `currency` when the month is not listed).
[[nodiscard]] CRM_EXPORT Money target(std::span<const MonthTarget> months, int month, Measure measure,
                                      Currency currency);
/// The sum of the targets of months 1..`through` (0 gives zero; 12 the year).
[[nodiscard]] CRM_EXPORT Money year_to_date(std::span<const MonthTarget> months, int through, Measure measure,
                                            Currency currency);
/// The company's target: its own when given, else the sum of the regions'.
[[nodiscard]] CRM_EXPORT Money company_target(const AnnualPlan& plan, int month, Measure measure);

/// The regional balance (区域平衡) of a valid plan (validate() first; this calls it):
/// - block `planning.regions_unbalanced` for each month and measure where the regions do not
///   sum to the company plan (figures measure, month, company, regions, difference =
///   regions - company); skipped when the company plan is not given;
/// - block `planning.key_accounts_exceed_region` for each region, month and measure where its
///   key accounts' targets sum above the region's (region, measure, month, key_accounts,
///   region_target, excess);
/// - warn `planning.key_account_share_low` for each region whose key accounts carry less of
///   its annual sales target than `min_key_account_share` (region, share, minimum), the share
///   rounded half-up to 2 places; a region with a zero sales target is not judged;
/// - allow `planning.balanced` when none of these applies.
/// In that order, months ascending, measures in the order sales, collection, expense.
[[nodiscard]] CRM_EXPORT Decision balance(const AnnualPlan& plan);

}  // namespace crm::planning
