#pragma once
/// \file
/// Aging over columns (Arrow layout, crm/columnar): the same report `credit::aging` gives for
/// the same items, from a due-date column, an open-amount column and, optionally, an
/// invoice-date column and an account column, on as many threads as the caller allows.
///
/// ```cpp
/// crm::credit::ReceivableColumns ledger{.due_on = due, .open_amount = amounts};
/// auto report = crm::credit::aging(ledger, crm::Date(2024, 6, 30), {}, {}, {.threads = 2});
/// ```
/// Proven by tests/columnar/aging_columns_test.cpp (equal to the row API on generated ledgers).

#include <crm/columnar/columns.hpp>
#include <crm/credit/aging.hpp>
#include <crm/export.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <stop_token>
#include <vector>

namespace crm::credit {

/// The receivables ledger as columns, one row per open item (the columns of Receivable).
/// Every column has the same length (invalid_argument naming the column otherwise); no
/// column may hold a null (invalid_argument naming `<column>[row]`).
struct CRM_EXPORT ReceivableColumns {
    columnar::DateColumn due_on{.name = "due_on"};  ///< required
    /// Required for AgingBasis::days_since_invoice; when given, every day is checked to be a
    /// date. A due date before its invoice date is a prepayment request (先款后票), aged as
    /// the row API ages it.
    std::optional<columnar::DateColumn> invoiced_on;
    columnar::AmountColumn open_amount{.name = "open_amount"};  ///< >= 0, scale = minor units
    std::optional<columnar::IdColumn> account;                  ///< required by the per-account kernels

    /// Rows in the ledger (the length of `due_on`).
    [[nodiscard]] std::size_t size() const noexcept { return due_on.size(); }
};

/// How a columnar kernel runs: on up to `threads` threads (0: the hardware's count; small
/// ledgers stay on the calling thread), reporting progress on the calling thread, stopping
/// early (with crm::Error(invalid_operation) naming `stop`, and no result) when asked.
/// The result is the same for any thread count.
struct CRM_EXPORT BatchOptions {
    /// At most this many threads; default 1 (the calling thread); 0 means the hardware's count; negative is
    /// an Error naming `batch.threads`.
    int threads = 1;
    std::function<void(std::size_t done, std::size_t total)> progress;  ///< optional
    std::stop_token stop;                                               ///< optional
};

/// `aging(receivables, as_of, buckets, options)` over columns: the same report, to the
/// representation, for every basis and `options.due_today` (prepayment requests included).
/// Throws crm::Error naming the column and the row: a column of another length, a null, a
/// scale that is not the currency's minor units (`open_amount.scale`), a coefficient beyond
/// 38 digits (overflow), a negative amount (`open_amount[i]`: the columns carry no credits,
/// whatever `options.credits` says; net them first or use the row API), a date out of range
/// (invalid_date); no invoice dates for days_since_invoice (invalid_argument, `invoiced_on`);
/// a `due_today` outside its enum (`options.due_today`); a bad or missing rate as the row API
/// does (`options.rates.USD`).
[[nodiscard]] CRM_EXPORT AgingReport aging(const ReceivableColumns& ledger, Date as_of,
                                           const AgingBuckets& buckets = AgingBuckets{},
                                           const AgingOptions& options = {}, const BatchOptions& batch = {});

/// The open amount of each account that has items, ordered by account id: equal, account by
/// account, to the totals of `aging_by_account` on the same items. Needs `ledger.account`
/// (invalid_argument naming `account` otherwise). Throws as `aging` does.
[[nodiscard]] CRM_EXPORT std::vector<std::pair<AccountId, Money>> open_by_account(
    const ReceivableColumns& ledger, const AgingOptions& options = {}, const BatchOptions& batch = {});

}  // namespace crm::credit
