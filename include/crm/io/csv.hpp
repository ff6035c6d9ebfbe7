#pragma once
/// \file
/// CSV ledgers as an ERP exports them (receivables, booked sales, collections, expenses): a
/// header row naming the columns, then one item per row.
/// Text is UTF-8 (with or without a byte-order mark) or GBK, as Excel on Chinese Windows saves a
/// CSV; GBK is converted with the C library's iconv. Fields follow RFC 4180 (commas, double
/// quotes around a field holding a comma, quote or line break, `""` for a quote inside one,
/// CRLF or LF line ends). Every error is one crm::Error whose field is `rows[N].<column>`
/// (N the 1-based line of the file, the header being line 1) and whose message starts with
/// `<file>:<row>:<column number>:`. Proven by tests/io/csv_test.cpp.

#include <crm/credit/collection.hpp>
#include <crm/credit/receivable.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/planning/actuals.hpp>

#include <cstddef>
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

    /// Names the header of `member` (`set("open_amount", "未收金额")`); false, changing nothing,
    /// when these columns have no such member.
    bool set(std::string_view member, std::string header);
    /// The member names, in declaration order, comma separated (for messages).
    [[nodiscard]] static std::string members();
};

/// The header names of a sales ledger (销售明细, the booked sales and returns an ERP exports as
/// orders or sales invoices), read into planning::Sale. Required: account, date, amount;
/// currency as for receivables. Amounts may be negative (a return).
struct CRM_EXPORT SalesColumns {
    std::string account = "account";    ///< the buying account (客户编码)
    std::string date = "date";          ///< the invoice date (日期), ISO 8601
    std::string amount = "amount";      ///< the net amount (金额), a plain decimal; negative for a return
    std::string currency = "currency";  ///< ISO 4217 code (币种)

    /// Names the header of `member` (`set("amount", "金额")`); false, changing nothing, when
    /// these columns have no such member.
    bool set(std::string_view member, std::string header);
    /// The member names, in declaration order, comma separated (for messages).
    [[nodiscard]] static std::string members();
    /// Memberwise equality.
    friend bool operator==(const SalesColumns&, const SalesColumns&) = default;
};

/// The header names of a collections ledger (回款明细), read into credit::Receipt. Required:
/// account, received_on, amount (not negative); optional (empty when absent): id, invoice,
/// instalment; currency as for receivables.
struct CRM_EXPORT CollectionColumns {
    std::string account = "account";          ///< the paying account (客户编码)
    std::string received_on = "received_on";  ///< the day the money arrived (回款日期), ISO 8601
    std::string amount = "amount";            ///< the amount received (回款金额), a plain decimal >= 0
    std::string currency = "currency";        ///< ISO 4217 code (币种)
    std::string id = "id";                    ///< the receipt's own number (单据编号); optional
    std::string invoice = "invoice";          ///< the invoice the payer named (发票号); optional
    std::string instalment = "instalment";    ///< the instalment the payer named; optional

    /// Names the header of `member` (`set("received_on", "回款日期")`); false, changing nothing,
    /// when these columns have no such member.
    bool set(std::string_view member, std::string header);
    /// The member names, in declaration order, comma separated (for messages).
    [[nodiscard]] static std::string members();
    /// Memberwise equality.
    friend bool operator==(const CollectionColumns&, const CollectionColumns&) = default;
};

/// The header names of an expenses ledger (费用明细), read into planning::Expense. Required:
/// region, date, amount (not negative); currency as for receivables.
struct CRM_EXPORT ExpenseColumns {
    std::string region = "region";      ///< the region the expense is booked to (区域)
    std::string date = "date";          ///< the booking date (日期), ISO 8601
    std::string amount = "amount";      ///< the amount spent (金额), a plain decimal >= 0
    std::string currency = "currency";  ///< ISO 4217 code (币种)

    /// Names the header of `member` (`set("region", "区域")`); false, changing nothing, when
    /// these columns have no such member.
    bool set(std::string_view member, std::string header);
    /// The member names, in declaration order, comma separated (for messages).
    [[nodiscard]] static std::string members();
    /// Memberwise equality.
    friend bool operator==(const ExpenseColumns&, const ExpenseColumns&) = default;
};

/// How to read a CSV ledger.
struct CRM_EXPORT CsvOptions {
    ReceivablesColumns columns{};              ///< the header names; default: the member names
    CsvEncoding encoding = CsvEncoding::utf8;  ///< default UTF-8; GBK for many Chinese ERP exports
    /// The currency of every row when the file has no currency column; when the file has one,
    /// it is used for rows where that column is empty.
    std::optional<Currency> currency{};
    SalesColumns sales{};             ///< the header names of read_sales_csv
    CollectionColumns collections{};  ///< the header names of read_collections_csv
    ExpenseColumns expenses{};        ///< the header names of read_expenses_csv
};

/// Reads a receivables CSV into items, each checked as the ledger functions check it (a negative
/// amount is `rows[N].open_amount`, invalid_argument; an item due before it was invoiced is a
/// prepayment request and is accepted). `file` names the text in
/// error messages. Throws crm::Error: parse_error for a malformed file (an unclosed quote,
/// a row with fewer or more fields than the header, invalid UTF-8 or GBK), not_found for a
/// missing column (`columns.open_amount`), duplicate for a header given twice, and the
/// vocabulary's errors for a bad date, amount or currency, each naming row and column.
/// Amounts are plain decimals (`-12500.00`: digits, an optional point and sign `-`); an
/// exponent (`1.2E+05`, as Excel shows a long number), a `+`, `.5`, `5.`, a space or a
/// thousands separator is a parse_error; more places than the currency's minor unit is
/// invalid_argument.
[[nodiscard]] CRM_EXPORT std::vector<credit::Receivable> read_receivables_csv(std::string_view bytes,
                                                                              std::string_view file,
                                                                              const CsvOptions& options = {});

/// Reads a sales ledger (`options.sales` names its headers) into planning::Sale, the booked
/// sales and returns of `Actuals::sales`. Errors as read_receivables_csv (the field
/// `rows[N].amount`, the missing column `sales.amount`); an empty account is invalid_argument.
[[nodiscard]] CRM_EXPORT std::vector<planning::Sale> read_sales_csv(std::string_view bytes,
                                                                    std::string_view file,
                                                                    const CsvOptions& options = {});

/// Reads a collections ledger (`options.collections` names its headers) into credit::Receipt,
/// the cash received of `Actuals::collections`. Errors as read_receivables_csv (a negative
/// amount is `rows[N].amount`, invalid_argument; the missing column `collections.received_on`).
[[nodiscard]] CRM_EXPORT std::vector<credit::Receipt> read_collections_csv(std::string_view bytes,
                                                                           std::string_view file,
                                                                           const CsvOptions& options = {});

/// Reads an expenses ledger (`options.expenses` names its headers) into planning::Expense, the
/// sales expenses of `Actuals::expenses`. Errors as read_collections_csv (`expenses.region`).
[[nodiscard]] CRM_EXPORT std::vector<planning::Expense> read_expenses_csv(std::string_view bytes,
                                                                          std::string_view file,
                                                                          const CsvOptions& options = {});

/// Where an item of a CSV ledger is in its file.
struct CRM_EXPORT CsvPosition {
    std::size_t row = 0;     ///< the line its row starts on (the header is line 1); 0: no such item
    std::size_t column = 0;  ///< the 1-based column of the header asked for; 0: no such header
};

/// The position of item `index` (0-based, in the order a reader returns them) and of the
/// column headed `header`, in the CSV `bytes` read with `encoding`: for an error found after
/// reading, when the items are checked together (an account the account list does not have),
/// to be named as the readers name theirs. Throws as the readers do for a malformed file.
[[nodiscard]] CRM_EXPORT CsvPosition csv_position(std::string_view bytes, std::string_view file,
                                                  CsvEncoding encoding, std::size_t index,
                                                  std::string_view header);

}  // namespace crm::io
