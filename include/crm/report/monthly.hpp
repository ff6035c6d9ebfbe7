#pragma once
/// \file
/// The monthly key-account report (大客户月报): for the month of the as-of date, per region
/// and in total, sales and collection against plan, receivables and their aging, turnover
/// days, the receivable cap headroom, accounts over their cap or overdue beyond policy,
/// pending approvals with their age (and, given the approval matrix, their route and who must
/// still approve), open complaints with their SLA state, overdue visits, KPI scores of the
/// regions and of their managers with their rank, the rolling forecast and the expense review; then the
/// findings (what went well and what did not, each a reason with its figures, severity and the region or
/// account it concerns) and the measures they suggest. Built from one Snapshot by calling the same layer-1
/// and planning functions a host would call, so every figure equals theirs (tests/report/monthly_test.cpp and
/// sections_test.cpp prove it section by section). Rendered by crm/report/render.hpp.

#include <crm/account/account.hpp>
#include <crm/account/complaint.hpp>
#include <crm/account/visit.hpp>
#include <crm/approval/matrix.hpp>
#include <crm/approval/oa.hpp>
#include <crm/approval/request.hpp>
#include <crm/approval/route.hpp>
#include <crm/approval/verify.hpp>
#include <crm/core/decision.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/credit/aging.hpp>
#include <crm/credit/caps.hpp>
#include <crm/credit/collection.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/planning/actuals.hpp>
#include <crm/planning/expense.hpp>
#include <crm/planning/forecast.hpp>
#include <crm/planning/plan.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/rank.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>
#include <crm/time/time_of_day.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crm::report {

/// An approval request still waiting, with the day it was submitted and what the workflow has
/// recorded so far: the approvals given (`approvals`, judged by approval::verify against the request's route)
/// and the submission (the approvers chosen, for approval::resolve).
struct CRM_EXPORT PendingApproval {
    /// The request (审批申请); its region must be in the plan, its requester on the org chart.
    approval::Request request{};
    Date submitted{};  ///< the day it was submitted, not after the as-of date; its age counts from it
    /// The approvals recorded so far; empty: nobody has approved yet.
    std::vector<approval::Approval> approvals{};
    /// The approvers the requester chose (发起人自选) and the requests approved before; default: none.
    approval::Submission submission{};
    /// Memberwise equality.
    friend bool operator==(const PendingApproval&, const PendingApproval&) = default;
};

/// A region's receivable balance at the start of the as-of month and of the month before (the
/// turnover days need the average balance). Optional: without it the turnover section says so.
struct CRM_EXPORT OpeningBalances {
    RegionId region{};             ///< a region of the plan, at most once in Snapshot::balances
    Money month_start{};           ///< the region's receivables on the 1st of the as-of month (月初余额)
    Money previous_month_start{};  ///< the region's receivables on the 1st of the month before
    /// Memberwise equality.
    friend bool operator==(const OpeningBalances&, const OpeningBalances&) = default;
};

/// Everything the report reads: the facts, the policies of every area and the as-of date.
/// Facts may be empty (no complaints this month is not an error: the section says so).
struct CRM_EXPORT Snapshot {
    /// The report date (截止日期): the month reported is its month, figures run to this day
    /// inclusive; it must lie in the plan's year.
    Date as_of{};
    /// The instant complaint clocks are read at; none: the end of the as-of day (24:00).
    std::optional<DateTime> as_of_time{};
    /// The annual plan (年度计划): its regions (and their order) and currency are the report's.
    planning::AnnualPlan plan{};
    std::vector<account::Account> accounts{};  ///< the key accounts (大客户档案)
    OrgChart org{};                            ///< the people: owners, managers, requesters
    /// Sales, collections and expenses booked (实际完成); those outside the plan year or after
    /// the as-of date are not counted.
    planning::Actuals actuals{};
    /// Open orders not yet invoiced, for the rolling forecast; empty: none.
    std::vector<planning::OpenOrder> orders{};
    /// The open receivables (应收账款) at the as-of date, of key accounts only; empty: none owed.
    std::vector<credit::Receivable> receivables{};
    /// Past collections (回款记录), for the rolling forecast's run rate; empty: no history.
    std::vector<credit::CollectionLine> collection_history{};
    /// Receivable caps per account (应收账款控制规模); an account without one is not checked.
    std::vector<credit::AccountCap> account_caps{};
    /// Receivable caps per region; a region without one has no cap line and no cap KPI.
    std::vector<credit::RegionCap> region_caps{};
    /// Opening balances per region, for the turnover days; a region without them has none.
    std::vector<OpeningBalances> balances{};
    std::vector<PendingApproval> approvals{};  ///< requests still waiting (待审批); empty: none
    /// The complaints (投诉); those not resolved by the as-of instant are reported as open.
    std::vector<account::Complaint> complaints{};

    credit::AgingBuckets aging_buckets{};  ///< default: current, 1-30 ... >365 days past due
    /// Receivables more than this many days past due are "overdue beyond policy" (超过90天).
    /// Default 90.
    std::int64_t overdue_limit_days = 90;
    /// A request waiting more than this many days is a finding. Default 3.
    std::int64_t approval_age_limit_days = 3;
    /// The target turnover days (应收账款周转天数目标); none: not judged.
    std::optional<Decimal> target_turnover_days{};
    account::VisitPolicy visits{};  ///< the visit cadence per tier (定期拜访), for the overdue visits
    account::SlaPolicy sla{};       ///< the complaint deadlines and escalation (投诉时限)
    /// The business calendar the SLA clocks run on; default: mainland China's official holidays
    /// and make-up working days (调休) of 2024-2026, strict (a day outside them is an error).
    Calendar calendar = china_mainland_calendar();
    WorkingHours hours{};                 ///< the hours the SLA clocks count; default 09:00-18:00
    planning::ForecastPolicy forecast{};  ///< how the rolling forecast (滚动预测) is made
    planning::ExpensePolicy expense{};    ///< the expense standards of the expense review (费用标准)
    scoring::KpiPolicy kpi{};             ///< the KPI card's criteria, weights and bands (考核)
    /// The KPI card's trend criteria (expense plan kept, turnover days shortened against last
    /// month), added to `kpi` by scoring::kpi_scorecard(kpi, kpi_trends). Defaults: 5% each.
    scoring::KpiTrendPolicy kpi_trends{};
    /// The approval matrix the pending requests were routed by; none: the approvals section
    /// reports their age only, not their route.
    std::optional<approval::Matrix> approval_matrix{};
    /// The delegations (代理审批) in force, for approval::verify.
    std::vector<approval::Delegation> delegations{};
};

/// An account with receivables past due beyond the policy's days.
struct CRM_EXPORT OverdueAccount {
    AccountId account{};   ///< a key account with such receivables
    Money beyond_limit{};  ///< open amounts more than overdue_limit_days past due
    /// Memberwise equality.
    friend bool operator==(const OverdueAccount&, const OverdueAccount&) = default;
};

/// A step of a pending request's route that no approval fills yet: who must still approve.
struct CRM_EXPORT StepToApprove {
    int stage = 1;                              ///< 1-based, as approval::verify counts stages
    RoleId level{};                             ///< the role that must approve
    std::string level_name{};                   ///< its name on the org chart (the id when it has none)
    RuleId rule{};                              ///< the matrix row that required it
    std::vector<PersonId> approvers{};          ///< approval::resolve: the people who can fill it
    std::vector<std::string> approver_names{};  ///< their names on the org chart, in the same order
    bool blocked = false;                       ///< nobody can fill it and the matrix blocks
    /// Memberwise equality.
    friend bool operator==(const StepToApprove&, const StepToApprove&) = default;
};

/// A pending approval, its age and, with an approval matrix, its route and what is left of it.
struct CRM_EXPORT WaitingApproval {
    RequestId request{};                                        ///< the request's id
    approval::RequestKind kind = approval::RequestKind::order;  ///< what it asks for (order, discount ...)
    PersonId requester{};                                       ///< who submitted it
    std::string requester_name{};  ///< the requester's name on the org chart (the id when it has none)
    /// Days from its submission to the as-of date (0 when submitted that day).
    Days age{};
    std::optional<approval::Route> route{};  ///< approval::route; none without a matrix
    std::optional<Decision> status{};        ///< approval::verify of the approvals given
    /// The steps not yet filled, in route order: one per `approval.step_missing` of `status`.
    std::vector<StepToApprove> still_to_approve{};
    /// Memberwise equality.
    friend bool operator==(const WaitingApproval&, const WaitingApproval&) = default;
};

/// An open complaint (not resolved by the as-of instant) and its SLA status.
struct CRM_EXPORT OpenComplaint {
    ComplaintId complaint{};      ///< the complaint's id
    AccountId account{};          ///< the account that complained
    account::SlaStatus status{};  ///< its response and resolution clocks and escalation at the as-of instant
    /// Memberwise equality.
    friend bool operator==(const OpenComplaint&, const OpenComplaint&) = default;
};

/// One region's part of the report, or the company total.
struct CRM_EXPORT Section {
    std::optional<RegionId> region{};  ///< none in the total
    std::string name{};  ///< the region's display name; 全公司 / company in renderings of the total
    planning::PlanActual progress{};                  ///< planning::plan_vs_actual
    credit::AgingReport aging{};                      ///< credit::aging_by_region (the total: credit::aging)
    std::optional<Decimal> turnover_days{};           ///< this month to date; none without balances
    std::optional<Decimal> previous_turnover_days{};  ///< last month
    std::optional<credit::CapStatus> cap{};           ///< the region's cap, when one is given
    /// The accounts whose receivables are strictly over their cap, with balance, cap and excess;
    /// empty: none.
    std::vector<credit::AccountCapStatus> accounts_over_cap{};
    /// The accounts with receivables more than overdue_limit_days past due; empty: none.
    std::vector<OverdueAccount> overdue_accounts{};
    std::vector<WaitingApproval> approvals{};  ///< the pending requests, in the snapshot's order
    std::vector<OpenComplaint> complaints{};   ///< the complaints still open, in the snapshot's order
    /// The accounts whose next visit is past due (拜访逾期); empty: none.
    std::vector<account::OverdueVisit> overdue_visits{};
    /// planning::rolling_forecast: this month and the next two (滚动计划), with its feasibility.
    planning::RollingForecast forecast{};
    /// scoring::evaluate of scoring::kpi_scorecard(kpi, kpi_trends) on scoring::kpi_facts of the
    /// year to date (sales, collection, expense against their plans to date), the receivables
    /// against the cap, the turnover days against the target and against last month's; none
    /// when a required KPI figure is missing (no cap, no turnover days, no target, no plan).
    std::optional<scoring::ScoreResult> kpi{};
    std::optional<std::size_t> kpi_rank{};  ///< among the scored regions, from 1
    /// Memberwise equality.
    friend bool operator==(const Section&, const Section&) = default;
};

/// A manager's KPI: a person of the org chart who manages at least one region of the plan,
/// scored on the figures of the regions they manage (summed when several: the receivable cap
/// only when every one has a cap, the turnover days from the summed opening balances only when
/// every one has them), with the card and facts a region is scored with.
struct CRM_EXPORT ManagerScore {
    PersonId manager{};                         ///< the person on the org chart
    std::string name{};                         ///< the person's name on the org chart
    std::vector<RegionId> regions{};            ///< the plan's regions they manage, in plan order
    std::optional<scoring::ScoreResult> kpi{};  ///< none when a required KPI figure is missing
    std::optional<std::size_t> rank{};          ///< among the scored managers, from 1
    /// Memberwise equality.
    friend bool operator==(const ManagerScore&, const ManagerScore&) = default;
};

/// One finding: a reason with its figures and severity, and what it concerns.
struct CRM_EXPORT Finding {
    Reason reason{};                     ///< its stable code, severity and figures, renderable in zh and en
    std::optional<RegionId> region{};    ///< the region it concerns; none: company-wide
    std::optional<AccountId> account{};  ///< the account it concerns; none: not about one account
    /// Memberwise equality.
    friend bool operator==(const Finding&, const Finding&) = default;
};

/// An invoice to chase (催收), with its open amount and days past due.
struct CRM_EXPORT Chase {
    InvoiceId invoice{};  ///< the invoice
    AccountId account{};  ///< its account
    Money amount{};       ///< its open amount (未收金额)
    Days past_due{};      ///< days from its due date to the as-of date, more than overdue_limit_days
    /// Memberwise equality.
    friend bool operator==(const Chase&, const Chase&) = default;
};

/// A request waiting longer than `approval_age_limit_days` and the people to chase for it: the
/// approvers of its earliest stage not yet filled (stages run in sequence, so they are the ones
/// who can act now), each once, in route order.
struct CRM_EXPORT ApprovalToChase {
    RequestId request{};                        ///< the request's id
    Days age{};                                 ///< days it has waited, as WaitingApproval::age
    int stage = 1;                              ///< that stage, 1-based
    std::vector<PersonId> approvers{};          ///< who can approve that stage (approval::resolve)
    std::vector<std::string> approver_names{};  ///< their names on the org chart
    /// Memberwise equality.
    friend bool operator==(const ApprovalToChase&, const ApprovalToChase&) = default;
};

/// What the findings suggest doing.
struct CRM_EXPORT Measures {
    std::vector<AccountId> accounts_to_visit{};  ///< overdue visits, most overdue first
    std::vector<Chase> invoices_to_chase{};      ///< past due beyond the limit, largest first
    std::vector<RegionId> expense_to_review{};   ///< regions over their expense standard
    /// Routed requests waiting beyond the limit with a step still to approve, longest first.
    std::vector<ApprovalToChase> approvals_to_chase{};
    /// Memberwise equality.
    friend bool operator==(const Measures&, const Measures&) = default;
};

/// The monthly key-account report.
struct CRM_EXPORT MonthlyKeyAccountReport {
    Date as_of{};                          ///< Snapshot::as_of
    int year = 0;                          ///< the plan's year
    int month = 0;                         ///< the as-of month, 1..12
    Currency currency{"CNY"};              ///< the plan's currency, that of every summed figure
    std::vector<Section> regions{};        ///< in the plan's order
    Section total{};                       ///< the company: money figures are the sums of the regions
    planning::ExpenseReview expense{};     ///< planning::expense_review: each region against its standard
    std::vector<ManagerScore> managers{};  ///< in org chart order
    /// Sorted: severity (block, needs approval, warn, allow), then region in plan order
    /// (company-wide last), then code, then account.
    std::vector<Finding> findings{};
    Measures measures{};  ///< what to do next: visits, invoices and approvals to chase, expense to review
    /// Memberwise equality.
    friend bool operator==(const MonthlyKeyAccountReport&, const MonthlyKeyAccountReport&) = default;
};

/// Builds the report. Throws crm::Error naming the field before any report exists: an invalid
/// plan (`plan...`); `accounts[i].region` not in the plan, `accounts[i].id` twice,
/// `accounts[i].owner` not in the org chart; `receivables[i].account`,
/// `complaints[i].account`, `orders[i].account`, `collection_history[i].account`,
/// `account_caps[i].account`, `actuals.sales[i].account` ... not a key account (not_found);
/// `region_caps[i].region`, `balances[i].region`, `approvals[i].request.region` not in the
/// plan; `approvals[i].request.requester` not in the org chart; `approvals[i].submitted` after
/// the as-of date; `as_of` outside the plan year. With an approval matrix, what
/// approval::route, verify and resolve throw for a pending request, named inside it
/// (`approvals[0].approvals[1].approver`, `approvals[1].request.amount`,
/// `approvals[0].submission.chosen[0].person`; a malformed delegation as `delegations[i]...`).
/// And whatever the other layer-1 calls throw, with their fields.
[[nodiscard]] CRM_EXPORT MonthlyKeyAccountReport monthly_report(const Snapshot& snapshot);

}  // namespace crm::report
