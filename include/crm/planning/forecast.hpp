#pragma once
/// \file
/// The rolling forecast (滚动计划): this month and the next two, from a declared run rate, the
/// open orders by expected ship date and the open receivables by due date, with a feasibility
/// check of this month against the plan. Proven by tests/planning/forecast_test.cpp.
///
/// The arithmetic (amounts rounded half-up to the minor unit where said):
/// - **daily run rate**: RunRateMethod::trailing_months: the sales of the N whole calendar
///   months before the as-of month / their days; year_to_date: the sales from 1 January to the
///   as-of day / that many days. Rounded to the minor unit.
/// - **sales forecast** of the as-of month = actual to date + max(daily rate x the days left
///   after the as-of day, open orders expected to ship in those days); of a later month =
///   max(daily rate x its days, open orders expected to ship in it). An open order whose
///   expected ship date has passed is expected in the as-of month's remaining days. Open
///   orders are a floor under the run rate, not added to it: the run rate already carries the
///   usual share of orders.
/// - **expected collections** of a month = the open amounts due in it (in the as-of month, also
///   everything already overdue) x the account's collection rate over its history
///   (credit::collection_rate of its actual over its planned, capped at 100%; 100% with no
///   history or a zero plan), each rounded.
/// - **feasibility** of the as-of month: gap = plan - forecast. Gap <= 0: allow
///   `planning.forecast_meets_plan`. Otherwise the daily rate needed = (plan - actual to date)
///   / days left (rounded); needed <= run rate x `stretch`: warn `planning.forecast_short`
///   (reachable with effort), else block `planning.forecast_infeasible`; on the month's last
///   day nothing is left to do: block. A month outside the plan year has no plan (allow
///   `planning.forecast_not_planned`).

#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/credit/collection.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/planning/plan.hpp>
#include <crm/time/date.hpp>

#include <array>
#include <optional>
#include <span>

namespace crm::planning {

/// How the daily run rate is measured.
enum class RunRateMethod {
    trailing_months,  ///< the last N whole months before the as-of month
    year_to_date,     ///< from 1 January to the as-of day
};
/// The stable name: `trailing_months` or `year_to_date` ("unknown" for a value outside the enum).
[[nodiscard]] CRM_EXPORT std::string_view to_string(RunRateMethod m) noexcept;

/// An order not yet shipped (未发货订单), with the day it is expected to ship.
struct CRM_EXPORT OpenOrder {
    AccountId account{};  ///< the ordering account
    Money amount{};       ///< the order's amount not yet shipped, >= 0, in the plan's currency
    /// The day it is expected to ship; a date already passed counts in the as-of month's remaining days.
    Date expected_ship{};
    /// Memberwise equality.
    friend bool operator==(const OpenOrder&, const OpenOrder&) = default;
};

/// The forecast's declared method.
struct CRM_EXPORT ForecastPolicy {
    /// How the daily run rate is measured; default trailing_months.
    RunRateMethod method = RunRateMethod::trailing_months;
    int trailing_months = 3;  ///< N for trailing_months, 1..12
    /// The daily rate needed may be up to this share of the run rate and still count as
    /// reachable with effort. Default 150%.
    Percent stretch{Decimal{150}};
    /// Throws crm::Error naming `policy.method`, `policy.trailing_months` or `policy.stretch`
    /// (below 100%).
    void validate() const;
    /// Memberwise equality.
    friend bool operator==(const ForecastPolicy&, const ForecastPolicy&) = default;
};

/// One month of the forecast.
struct CRM_EXPORT MonthForecast {
    int year = 0;                       ///< the forecast month's year
    int month = 0;                      ///< the forecast month, 1 to 12
    std::optional<Money> sales_plan{};  ///< none outside the plan year
    Money actual_to_date{};             ///< the as-of month only; zero for later months
    Money run_rate_sales{};             ///< daily rate x the days counted
    Money open_orders{};                ///< orders expected to ship in the days counted
    Money sales_forecast{};             ///< the sales forecast of the month, as the file comment computes it
    std::optional<Money> collection_plan{};  ///< the month's collection target; none outside the plan year
    Money expected_collections{};  ///< the open amounts due in the month times the account's collection rate
    /// Memberwise equality.
    friend bool operator==(const MonthForecast&, const MonthForecast&) = default;
};

/// The rolling forecast of one region (or the company).
struct CRM_EXPORT RollingForecast {
    Date as_of{};                                           ///< the as-of date of the forecast
    RunRateMethod method = RunRateMethod::trailing_months;  ///< how the daily run rate was measured
    Money daily_run_rate{};                    ///< the daily sales run rate, rounded to the minor unit
    std::int64_t days_left = 0;                ///< days of the as-of month after the as-of day
    std::array<MonthForecast, 3> months{};     ///< the as-of month and the next two (滚动计划)
    Money gap{};                               ///< plan - forecast of the as-of month (positive: short)
    std::optional<Money> needed_daily_rate{};  ///< when short and days are left
    /// The feasibility of the as-of month against its plan, as described in the file comment.
    Decision feasibility{};
    /// Memberwise equality.
    friend bool operator==(const RollingForecast&, const RollingForecast&) = default;
};

/// The forecast of `region` (none: the whole company) on `as_of`. `history` is the
/// collection record (credit::collection_report's lines) the collection rates come from;
/// `sales` may reach back into the previous year for the trailing months. Throws crm::Error
/// naming the field: an invalid plan or policy; `as_of` outside the plan year; `region` not in
/// the plan (not_found); `accounts[i].region` not in the plan; `sales[i].account`,
/// `orders[i].account`, `receivables[i].account`, `history[i].account` not in `accounts`
/// (not_found); amounts in another currency (currency_mismatch) or negative orders
/// (invalid_argument) at `<list>[i].amount` (`receivables[i].open_amount`).
[[nodiscard]] CRM_EXPORT RollingForecast
rolling_forecast(const AnnualPlan& plan, const std::optional<RegionId>& region,
                 std::span<const credit::AccountRegion> accounts, std::span<const Sale> sales,
                 std::span<const OpenOrder> orders, std::span<const credit::Receivable> receivables,
                 std::span<const credit::CollectionLine> history, const ForecastPolicy& policy, Date as_of);

}  // namespace crm::planning
