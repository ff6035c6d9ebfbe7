#pragma once
/// \file
/// CSV ledgers as an ERP exports them: a header row naming the columns, then one item per row.
/// Text is UTF-8 (with or without a byte-order mark) or GBK, as Excel on Chinese Windows saves a
/// CSV; GBK is converted with the C library's iconv. Fields follow RFC 4180 (commas, double
/// quotes around a field holding a comma, quote or line break, `""` for a quote inside one,
/// CRLF or LF line ends). Every error is one crm::Error whose field is `rows[N].<column>`
/// (N the 1-based line of the file, the header being line 1) and whose message starts with
/// `<file>:<row>:<column number>:`. Proven by tests/io/csv_test.cpp.

#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::io {

/// The text encoding of a CSV file.
enum class CsvEncoding {
    utf8,  ///< UTF-8; a leading byte-order mark is skipped; invalid UTF-8 is an error
    gbk,   ///< GBK (code page 936), converted to UTF-8; a byte sequence that is not GBK is an error
};

/// Which header names the receivables columns have. The defaults are the document member names;
/// an ERP export is read by naming its own headers: `{.invoice = "发票号", .account = "客户编码", ...}`.
/// Header names are compared exactly (after the BOM is removed); a column the file lacks is an
/// error naming it, except `currency` when `CsvOptions::currency` is given and `account`, which
/// is optional (empty when absent). Other columns are ignored.
struct CRM_EXPORT ReceivablesColumns {
    std::string invoice = "invoice";          ///< the invoice number (发票号); required
    std::string account = "account";          ///< the account code (客户编码); optional
    std::string invoiced_on = "invoiced_on";  ///< ISO 8601 dates, `2025-03-01`
    std::string due_on = "due_on";            ///< the due date (到期日), ISO 8601; not before invoiced_on
    std::string open_amount = "open_amount";  ///< a plain decimal, `12500.00`
    std::string currency = "currency";        ///< ISO 4217 code
};

/// How to read a CSV ledger.
struct CRM_EXPORT CsvOptions {
    ReceivablesColumns columns{};              ///< the header names; default: the member names
    CsvEncoding encoding = CsvEncoding::utf8;  ///< default UTF-8; GBK for many Chinese ERP exports
    /// The currency of every row when the file has no currency column; when the file has one,
    /// it is used for rows where that column is empty.
    std::optional<Currency> currency{};
};

/// Reads a receivables CSV into items, each checked as the ledger functions check it (a negative
/// amount is `rows[N].open_amount`, invalid_argument; an item due before it was invoiced is a
/// prepayment request and is accepted). `file` names the text in
/// error messages. Throws crm::Error: parse_error for a malformed file (an unclosed quote,
/// a row with fewer fields than the header, invalid UTF-8 or GBK), not_found for a missing
/// column (`columns.open_amount`), duplicate for a header given twice, and the vocabulary's
/// errors for a bad date, amount or currency, each naming row and column.
[[nodiscard]] CRM_EXPORT std::vector<credit::Receivable> read_receivables_csv(std::string_view bytes,
                                                                              std::string_view file,
                                                                              const CsvOptions& options = {});

}  // namespace crm::io
