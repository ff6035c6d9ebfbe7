#pragma once
/// \file
/// The what-if replay for people as one HTML page (策略回放报告): self-contained (UTF-8, inline
/// CSS, inline SVG bars, no script, no external resource), in Chinese or English, rendered from
/// the ReplayResult alone. It shows the totals and each region's counts, the amounts the new set
/// holds or lets through per region as bars on one scale, the deciding reasons, the orders whose
/// answer moves, and, when the history had pool runs, the pool counts with the accounts whose
/// status moves. Regions, accounts and orders are named by their ids, as the history gives them.
/// Proven by tests/replay/render_test.cpp and, in headless Chromium, tests/browser/check_page.py.
///
/// ```cpp
/// const std::string page = crm::replay::render_html(crm::replay::replay(old_set, new_set, history),
///                                                   crm::Lang::zh);
/// ```

#include <crm/core/decision.hpp>
#include <crm/export.hpp>
#include <crm/replay/replay.hpp>

#include <string>

namespace crm::replay {

/// The page of `result` in `lang`. Every text taken from the data is escaped; every bar's length
/// is computed from the amounts with Decimal arithmetic.
[[nodiscard]] CRM_EXPORT std::string render_html(const ReplayResult& result, Lang lang);

}  // namespace crm::replay
