// CSV ledgers (include/crm/io/csv.hpp).

#include <crm/core/error.hpp>
#include <crm/io/csv.hpp>

#include <array>
#include <cerrno>
#include <iconv.h>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

namespace crm::io {

namespace {

/// The 1-based line holding byte `offset` of `bytes`.
std::size_t line_of(std::string_view bytes, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) line += bytes[i] == '\n';
    return line;
}

[[noreturn]] void fail_at(ErrorCode code, std::string_view file, std::size_t row, std::size_t column,
                          std::string field, const std::string& message) {
    throw Error(code, std::move(field),
                std::string(file) + ":" + std::to_string(row) + (column ? ":" + std::to_string(column) : "") +
                    ": " + message);
}

std::string row_field(std::size_t row) { return "rows[" + std::to_string(row) + "]"; }

/// The offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0u) == 0xC0u)
            n = 1, min = 0x80;
        else if ((c & 0xF0u) == 0xE0u)
            n = 2, min = 0x800;
        else if ((c & 0xF8u) == 0xF0u)
            n = 3, min = 0x10000;
        else
            return i;
        unsigned cp = c & (0x3Fu >> n);
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return i;
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0u) != 0x80u) return i;
            cp = (cp << 6) | (d & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return std::string_view::npos;
}

/// GBK bytes as UTF-8, through iconv; throws naming the row of the first byte that is not GBK.
std::string from_gbk(std::string_view bytes, std::string_view file) {
    iconv_t cd = ::iconv_open("UTF-8", "GBK");
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw Error(ErrorCode::invalid_operation, "encoding",
                    "this C library cannot convert GBK (iconv_open failed)");
    std::string out;
    out.resize(bytes.size() * 2 + 16);
    char* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature; the input is not written
    std::size_t in_left = bytes.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    while (in_left > 0) {
        if (::iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
            out.resize(out.size() * 2);
            out_ptr = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        const auto offset = static_cast<std::size_t>(in_ptr - bytes.data());
        ::iconv_close(cd);
        fail_at(ErrorCode::parse_error, file, line_of(bytes, offset), 0, row_field(line_of(bytes, offset)),
                errno == EINVAL ? "the file ends inside a GBK character" : "a byte sequence that is not GBK");
    }
    ::iconv_close(cd);
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return out;
}

struct Record {
    std::size_t row = 0;  // the line it starts on
    std::vector<std::string> fields;
};

/// Splits RFC 4180 text into records; a blank line is no record.
std::vector<Record> split(std::string_view text, std::string_view file) {
    std::vector<Record> out;
    std::size_t i = 0;
    std::size_t line = 1;
    while (i < text.size()) {
        Record r{.row = line, .fields = {}};
        std::string field;
        bool any = false;
        while (true) {
            if (i < text.size() && text[i] == '"') {
                const std::size_t opened = line;
                ++i;
                while (true) {
                    if (i >= text.size())
                        fail_at(ErrorCode::parse_error, file, opened, r.fields.size() + 1, row_field(opened),
                                "a quoted field is never closed");
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') ++line;
                    field += text[i++];
                }
                any = true;
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    fail_at(ErrorCode::parse_error, file, line, r.fields.size() + 1, row_field(line),
                            "text after the closing quote of a field");
            }
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                field += text[i++];
                any = true;
            }
            r.fields.push_back(std::move(field));
            field.clear();
            if (i < text.size() && text[i] == ',') {
                ++i;
                any = true;
                continue;
            }
            break;
        }
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        if (any) out.push_back(std::move(r));
    }
    return out;
}

/// The text of a CSV file as UTF-8: GBK converted, a BOM removed, invalid UTF-8 refused.
std::string decode(std::string_view bytes, std::string_view file, CsvEncoding encoding) {
    if (encoding == CsvEncoding::gbk) return from_gbk(bytes, file);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (const std::size_t bad = invalid_utf8(bytes); bad != std::string_view::npos)
        fail_at(ErrorCode::parse_error, file, line_of(bytes, bad), 0, row_field(line_of(bytes, bad)),
                "not valid UTF-8 (a file saved by Excel on Chinese Windows is GBK: read it with "
                "CsvEncoding::gbk)");
    return std::string(bytes);
}

/// The records of a CSV file, the header first: decoded, split, the header's names distinct,
/// every row as wide as the header.
std::vector<Record> records_of(std::string_view bytes, std::string_view file, CsvEncoding encoding) {
    std::vector<Record> records = split(decode(bytes, file, encoding), file);
    if (records.empty()) fail_at(ErrorCode::parse_error, file, 1, 0, "rows[1]", "the file has no header row");
    const Record& header = records.front();
    for (std::size_t a = 0; a < header.fields.size(); ++a)
        for (std::size_t b = a + 1; b < header.fields.size(); ++b)
            if (!header.fields[a].empty() && header.fields[a] == header.fields[b])
                fail_at(ErrorCode::duplicate, file, header.row, b + 1, row_field(header.row),
                        "the column \"" + header.fields[b] + "\" is named twice");
    for (std::size_t r = 1; r < records.size(); ++r)
        if (records[r].fields.size() != header.fields.size())
            fail_at(ErrorCode::parse_error, file, records[r].row, 0, row_field(records[r].row),
                    "the row has " + std::to_string(records[r].fields.size()) + " fields, the header " +
                        std::to_string(header.fields.size()));
    return records;
}

/// Whether a ledger must have a column.
enum class Need {
    required,  ///< a missing column is an error
    optional,  ///< a missing column reads as empty cells
    currency,  ///< required unless CsvOptions::currency is given
};

/// One column of a ledger: its member name, where its header name is, whether it must be there.
template <class Columns>
struct Column {
    std::string_view member;
    std::string Columns::*header;
    Need need;
};

template <class Columns, std::size_t N>
bool set_header(std::span<const Column<Columns>, N> columns, Columns& names, std::string_view member,
                std::string header) {
    for (const auto& c : columns)
        if (c.member == member) {
            names.*c.header = std::move(header);
            return true;
        }
    return false;
}

template <class Columns, std::size_t N>
std::string member_list(std::span<const Column<Columns>, N> columns) {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + std::string(c.member);
    return out;
}

/// A row of a ledger being read: its cells by member (the index in the ledger's Column list),
/// each converted with the error naming the file, row and column.
class Row {
public:
    Row(const Record& record, std::span<const std::optional<std::size_t>> at,
        std::span<const std::string_view> members, std::string_view file, const CsvOptions& options)
        : record_(record), at_(at), members_(members), file_(file), options_(options) {}

    /// The cell of `m`; empty when the file has no such column.
    [[nodiscard]] const std::string& text(std::size_t m) const {
        return at_[m] ? record_.fields[*at_[m]] : none_;
    }
    /// The cell of `m`, which must not be empty.
    [[nodiscard]] std::string nonempty(std::size_t m) const {
        std::string s = text(m);
        if (s.empty()) fail(m, ErrorCode::invalid_argument, "the " + std::string(members_[m]) + " is empty");
        return s;
    }
    [[nodiscard]] Date date(std::size_t m) const {
        return convert(m, [](const std::string& s) { return Date::parse(s); });
    }
    /// The cell of currency column `m`, or CsvOptions::currency when the column is missing or empty.
    [[nodiscard]] Currency currency(std::size_t m) const {
        if (!text(m).empty()) return convert(m, [](const std::string& s) { return Currency{s}; });
        if (options_.currency) return *options_.currency;
        fail(m, ErrorCode::invalid_argument, "the currency is empty");
    }
    /// The cell of `m` as money: a plain decimal, a whole number of the currency's minor units,
    /// and, when `negative` says why not, not below zero.
    [[nodiscard]] Money amount(std::size_t m, const Currency& currency,
                               const char* negative = nullptr) const {
        const Money money = convert(m, [&](const std::string& s) {
            if (!plain_decimal(s))
                throw Error(ErrorCode::parse_error, "amount",
                            "'" + s +
                                "' is not a plain decimal amount (digits with an optional point and "
                                "sign '-', as 12500.00: no exponent, '+', grouping or space)");
            return Money{Decimal::parse(s, {}, "amount"), currency};
        });
        if (negative != nullptr && money.signum() < 0) fail(m, ErrorCode::invalid_argument, negative);
        if (!credit::detail::whole_minor_units(money))
            fail(m, ErrorCode::invalid_argument,
                 "an amount is a whole number of the currency's minor units (" +
                     std::to_string(currency.minor_units()) + " places for " + std::string(currency.code()) +
                     ")");
        return money;
    }

private:
    [[noreturn]] void fail(std::size_t m, ErrorCode code, const std::string& message) const {
        fail_at(code, file_, record_.row, at_[m] ? *at_[m] + 1 : 0,
                row_field(record_.row) + "." + std::string(members_[m]), message);
    }
    template <class F>
    std::invoke_result_t<F&, const std::string&> convert(std::size_t m, F&& f) const {
        try {
            return f(text(m));
        } catch (const Error& e) {
            fail(m, e.code(), e.message());
        }
    }
    /// `-?digits(.digits)?`: what an ERP writes; not the exponent, sign and point forms
    /// Decimal::parse also reads.
    static bool plain_decimal(std::string_view s) {
        if (s.starts_with('-')) s.remove_prefix(1);
        const auto digits = [](std::string_view t) {
            return !t.empty() && t.find_first_not_of("0123456789") == std::string_view::npos;
        };
        const std::size_t point = s.find('.');
        if (point == std::string_view::npos) return digits(s);
        return digits(s.substr(0, point)) && digits(s.substr(point + 1));
    }

    const Record& record_;
    std::span<const std::optional<std::size_t>> at_;
    std::span<const std::string_view> members_;
    std::string_view file_;
    const CsvOptions& options_;
    std::string none_;  // the cell of a column the file does not have
};

/// Reads a ledger of `Item`: finds the `columns` (header names from `names`, missing ones named
/// `<option>.<member>`), then makes each row into an item with `make(row)`.
template <class Item, class Columns, std::size_t N, class Make>
std::vector<Item> read_ledger(std::string_view bytes, std::string_view file, const CsvOptions& options,
                              const char* option, const Columns& names,
                              const std::array<Column<Columns>, N>& columns, Make&& make) {
    const std::vector<Record> records = records_of(bytes, file, options.encoding);
    const Record& header = records.front();
    std::array<std::optional<std::size_t>, N> at{};
    std::array<std::string_view, N> members{};
    for (std::size_t m = 0; m < N; ++m) {
        const Column<Columns>& c = columns[m];
        members[m] = c.member;
        const std::string& name = names.*c.header;
        for (std::size_t k = 0; k < header.fields.size() && !at[m]; ++k)
            if (header.fields[k] == name) at[m] = k;
        const bool required = c.need == Need::required || (c.need == Need::currency && !options.currency);
        if (!at[m] && required)
            fail_at(ErrorCode::not_found, file, header.row, 0,
                    std::string(option) + "." + std::string(c.member),
                    "the header has no column \"" + name + "\"");
    }
    std::vector<Item> out;
    out.reserve(records.size() - 1);
    for (std::size_t r = 1; r < records.size(); ++r)
        out.push_back(make(Row(records[r], at, members, file, options)));
    return out;
}

using RC = ReceivablesColumns;
enum { r_invoice, r_account, r_invoiced_on, r_due_on, r_open_amount, r_currency };
constexpr std::array<Column<RC>, 6> receivables_columns{{
    {"invoice", &RC::invoice, Need::required},
    {"account", &RC::account, Need::optional},
    {"invoiced_on", &RC::invoiced_on, Need::required},
    {"due_on", &RC::due_on, Need::required},
    {"open_amount", &RC::open_amount, Need::required},
    {"currency", &RC::currency, Need::currency},
}};

using SC = SalesColumns;
enum { s_account, s_date, s_amount, s_currency };
constexpr std::array<Column<SC>, 4> sales_columns{{
    {"account", &SC::account, Need::required},
    {"date", &SC::date, Need::required},
    {"amount", &SC::amount, Need::required},
    {"currency", &SC::currency, Need::currency},
}};

using CC = CollectionColumns;
enum { c_account, c_received_on, c_amount, c_currency, c_id, c_invoice, c_instalment };
constexpr std::array<Column<CC>, 7> collection_columns{{
    {"account", &CC::account, Need::required},
    {"received_on", &CC::received_on, Need::required},
    {"amount", &CC::amount, Need::required},
    {"currency", &CC::currency, Need::currency},
    {"id", &CC::id, Need::optional},
    {"invoice", &CC::invoice, Need::optional},
    {"instalment", &CC::instalment, Need::optional},
}};

using EC = ExpenseColumns;
enum { e_region, e_date, e_amount, e_currency };
constexpr std::array<Column<EC>, 4> expense_columns{{
    {"region", &EC::region, Need::required},
    {"date", &EC::date, Need::required},
    {"amount", &EC::amount, Need::required},
    {"currency", &EC::currency, Need::currency},
}};

}  // namespace

bool ReceivablesColumns::set(std::string_view member, std::string header) {
    return set_header(std::span(receivables_columns), *this, member, std::move(header));
}
std::string ReceivablesColumns::members() { return member_list(std::span(receivables_columns)); }
bool SalesColumns::set(std::string_view member, std::string header) {
    return set_header(std::span(sales_columns), *this, member, std::move(header));
}
std::string SalesColumns::members() { return member_list(std::span(sales_columns)); }
bool CollectionColumns::set(std::string_view member, std::string header) {
    return set_header(std::span(collection_columns), *this, member, std::move(header));
}
std::string CollectionColumns::members() { return member_list(std::span(collection_columns)); }
bool ExpenseColumns::set(std::string_view member, std::string header) {
    return set_header(std::span(expense_columns), *this, member, std::move(header));
}
std::string ExpenseColumns::members() { return member_list(std::span(expense_columns)); }

std::vector<credit::Receivable> read_receivables_csv(std::string_view bytes, std::string_view file,
                                                     const CsvOptions& options) {
    return read_ledger<credit::Receivable>(
        bytes, file, options, "columns", options.columns, receivables_columns, [](const Row& row) {
            credit::Receivable item;
            item.invoice = InvoiceId{row.text(r_invoice)};
            item.account = AccountId{row.text(r_account)};
            item.invoiced_on = row.date(r_invoiced_on);
            item.due_on = row.date(r_due_on);
            item.open_amount = row.amount(r_open_amount, row.currency(r_currency),
                                          "an open amount cannot be negative here (declare how credits are "
                                          "treated, or net credit notes before the snapshot)");
            return item;
        });
}

std::vector<planning::Sale> read_sales_csv(std::string_view bytes, std::string_view file,
                                           const CsvOptions& options) {
    return read_ledger<planning::Sale>(bytes, file, options, "sales", options.sales, sales_columns,
                                       [](const Row& row) {
                                           planning::Sale item;
                                           item.account = AccountId{row.nonempty(s_account)};
                                           item.date = row.date(s_date);
                                           item.amount = row.amount(s_amount, row.currency(s_currency));
                                           return item;
                                       });
}

std::vector<credit::Receipt> read_collections_csv(std::string_view bytes, std::string_view file,
                                                  const CsvOptions& options) {
    return read_ledger<credit::Receipt>(
        bytes, file, options, "collections", options.collections, collection_columns, [](const Row& row) {
            credit::Receipt item;
            item.account = AccountId{row.nonempty(c_account)};
            item.received_on = row.date(c_received_on);
            item.amount = row.amount(c_amount, row.currency(c_currency),
                                     "a collection cannot be negative (回款不能为负)");
            item.id = row.text(c_id);
            item.invoice = InvoiceId{row.text(c_invoice)};
            item.instalment = row.text(c_instalment);
            return item;
        });
}

std::vector<planning::Expense> read_expenses_csv(std::string_view bytes, std::string_view file,
                                                 const CsvOptions& options) {
    return read_ledger<planning::Expense>(
        bytes, file, options, "expenses", options.expenses, expense_columns, [](const Row& row) {
            planning::Expense item;
            item.region = RegionId{row.nonempty(e_region)};
            item.date = row.date(e_date);
            item.amount = row.amount(e_amount, row.currency(e_currency), "an expense cannot be negative");
            return item;
        });
}

CsvPosition csv_position(std::string_view bytes, std::string_view file, CsvEncoding encoding,
                         std::size_t index, std::string_view header) {
    const std::vector<Record> records = records_of(bytes, file, encoding);
    CsvPosition at;
    if (index + 1 < records.size()) at.row = records[index + 1].row;
    const auto& names = records.front().fields;
    for (std::size_t k = 0; k < names.size() && at.column == 0; ++k)
        if (names[k] == header) at.column = k + 1;
    return at;
}

}  // namespace crm::io
