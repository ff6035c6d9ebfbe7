#pragma once
/// \file
/// Plan against actual (计划执行情况) for sales, collection and expense, per region, per key
/// account and in total: the month's achievement and variance, the year to date, and the
/// pro-rata expectation inside the current month at the as-of day, with behind-plan flags as
/// reasons. Proven by tests/planning/actuals_test.cpp.
///
/// Formulas (amounts exact unless said):
/// - variance = actual - plan; achievement = actual / plan as a Percent rounded half-up to 2
///   places (none when the plan is zero); collection's achievement is credit::collection_rate;
/// - year to date = months 1 .. the as-of month, the as-of month counted to the as-of day;
/// - expected to date = the month's plan x day / days in the month, rounded half-up to the
///   minor unit (the whole plan on the month's last day); variance to date = actual - expected;
/// - the total is the sum of the regions (what balance() checks against the company plan).

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/credit/collection.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/planning/plan.hpp>
#include <crm/time/date.hpp>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace crm::planning {

/// An invoiced sale (or, negative, a return) of an account on a day.
struct CRM_EXPORT Sale {
    AccountId account{};  ///< the buying account; its region comes from the account list
    Date date{};          ///< the invoice date; counts in that month
    Money amount{};       ///< the net amount; negative for a return
    /// Memberwise equality.
    friend bool operator==(const Sale&, const Sale&) = default;
};

/// A sales expense booked to a region on a day (销售费用).
struct CRM_EXPORT Expense {
    RegionId region{};  ///< the region the expense is booked to
    Date date{};        ///< the booking date; counts in that month
    Money amount{};     ///< the amount spent
    /// Memberwise equality.
    friend bool operator==(const Expense&, const Expense&) = default;
};

/// The actual facts of the year: sales and collections by account (the account's region is
/// looked up in the account list), expenses by region. Facts dated outside the plan year or
/// after the as-of date are not counted.
struct CRM_EXPORT Actuals {
    std::vector<Sale> sales{};                   ///< invoiced sales and returns, by account
    std::vector<credit::Receipt> collections{};  ///< cash received (回款), by account
    std::vector<Expense> expenses{};             ///< sales expenses, by region
    /// Memberwise equality.
    friend bool operator==(const Actuals&, const Actuals&) = default;
};

/// One measure's plan against actual.
struct CRM_EXPORT Progress {
    Measure measure = Measure::sales;  ///< which measure; default sales
    Money plan{};                      ///< the as-of month's plan
    Money actual{};                    ///< the as-of month's actual to the as-of day
    Money variance{};                  ///< actual - plan
    /// Actual / plan of the month in percent, 2 places; none when the month's plan is zero.
    std::optional<Percent> achievement{};
    Money ytd_plan{};      ///< months 1 .. as-of month, whole months
    Money ytd_actual{};    ///< to the as-of day
    Money ytd_variance{};  ///< ytd_actual - ytd_plan
    /// `ytd_actual` / `ytd_plan` in percent, 2 places (达成率); none when the plan to date is zero.
    std::optional<Percent> ytd_achievement{};
    Money expected_to_date{};  ///< pro-rata of the month's plan at the as-of day
    Money variance_to_date{};  ///< actual - expected_to_date
    /// Memberwise equality.
    friend bool operator==(const Progress&, const Progress&) = default;
};

/// Sales, collection and expense of one region, one key account or the total.
struct CRM_EXPORT PlanActual {
    std::optional<RegionId> region{};    ///< the region (for a key account: its region); none in the total
    std::optional<AccountId> account{};  ///< the key account; none for a region and the total
    std::string name{};                  ///< the region's display name, the account id, or empty
    std::array<Progress, 3> measures{};  ///< sales, collection, expense
    /// This line's behind-plan flags (see MonthlyPlanActual::flags); empty when on plan.
    Decision flags{};

    /// The progress of measure `m`.
    [[nodiscard]] const Progress& of(Measure m) const noexcept {
        return measures[static_cast<std::size_t>(m)];
    }
    /// Memberwise equality.
    friend bool operator==(const PlanActual&, const PlanActual&) = default;
};

/// The plan against actual of the as-of month.
struct CRM_EXPORT MonthlyPlanActual {
    int year = 0;                            ///< the plan year
    int month = 0;                           ///< the as-of month, 1 to 12
    Date as_of{};                            ///< the as-of date the actuals run to
    std::vector<PlanActual> regions{};       ///< in the plan's order
    std::vector<PlanActual> key_accounts{};  ///< in the plan's order
    PlanActual total{};                      ///< the sum of the regions
    /// Behind-plan flags, regions in the plan's order then key accounts: warn
    /// `planning.behind_plan` when the sales or collection to date (year to date, with the
    /// as-of month pro-rata) fall short (figures who, measure, measure_zh, actual, expected,
    /// shortfall); warn `planning.expense_over_plan` when the expense to date exceeds it (who,
    /// actual, expected, excess). Allow `planning.on_plan` when nothing is behind.
    Decision flags{};
    /// Memberwise equality.
    friend bool operator==(const MonthlyPlanActual&, const MonthlyPlanActual&) = default;
};

/// The plan against actual on `as_of`. Validates the plan. Throws crm::Error naming the field:
/// `as_of` outside the plan year (invalid_argument); `accounts[i].region` not in the plan
/// (not_found), `accounts[i].account` twice (duplicate); `actuals.sales[i].account` /
/// `actuals.collections[i].account` not in `accounts`, `actuals.expenses[i].region` not in
/// the plan (not_found); an amount in another currency (currency_mismatch), a negative
/// collection or expense (invalid_argument) at `actuals.<list>[i].amount`; a key account of the
/// plan not in `accounts` or in another region there (`plan.key_accounts[i].account`,
/// not_found / inconsistent).
[[nodiscard]] CRM_EXPORT MonthlyPlanActual plan_vs_actual(const AnnualPlan& plan,
                                                          std::span<const credit::AccountRegion> accounts,
                                                          const Actuals& actuals, Date as_of);

/// actual / plan as a Percent rounded half-up to 2 places; none when `plan` is zero.
[[nodiscard]] CRM_EXPORT std::optional<Percent> achievement(const Money& actual, const Money& plan);

}  // namespace crm::planning
