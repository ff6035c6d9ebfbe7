#pragma once
/// \file
/// The umbrella header: everything crmrules offers. Including one area's headers is
/// cheaper; this one is for programs that use many areas (and for the quick start).

#include <crm/core/decision.hpp>
#include <crm/core/error.hpp>
#include <crm/core/ids.hpp>
#include <crm/core/org_chart.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>
#include <crm/time/business_hours.hpp>
#include <crm/time/calendar.hpp>
#include <crm/time/date.hpp>
#include <crm/time/period.hpp>
#include <crm/time/time_of_day.hpp>
#include <crm/terms/payment_terms.hpp>
#include <crm/account/access.hpp>
#include <crm/account/account.hpp>
#include <crm/account/complaint.hpp>
#include <crm/account/pool.hpp>
#include <crm/account/reasons.hpp>
#include <crm/account/visit.hpp>
#include <crm/scoring/account_tier.hpp>
#include <crm/scoring/credit_rating.hpp>
#include <crm/scoring/evaluate.hpp>
#include <crm/scoring/kpi.hpp>
#include <crm/scoring/rank.hpp>
#include <crm/scoring/satisfaction.hpp>
#include <crm/scoring/score.hpp>
#include <crm/scoring/scorecard.hpp>
