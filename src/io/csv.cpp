// CSV ledgers (include/crm/io/csv.hpp).

#include <crm/core/error.hpp>
#include <crm/io/csv.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
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

/// `s` has no byte with the high bit set, eight at a time.
bool all_ascii(std::string_view s) noexcept {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, s.data() + i, 8);
        if ((w & 0x8080808080808080ULL) != 0) return false;
    }
    for (; i < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    return true;
}

/// The first `,`, LF or CR of `text` at or after `i` (or its size): eight bytes a step on a
/// little-endian machine, each tested for the three bytes at once.
std::size_t field_end(std::string_view text, std::size_t i) noexcept {
    const std::size_t n = text.size();
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        const auto matches = [](std::uint64_t w, std::uint8_t b) {
            const std::uint64_t x = w ^ (ones * b);
            return (x - ones) & ~x & highs;  // the lowest set bit marks the first byte equal to b
        };
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, text.data() + i, 8);
            const std::uint64_t m = matches(w, ',') | matches(w, '\n') | matches(w, '\r');
            if (m != 0) return i + static_cast<std::size_t>(std::countr_zero(m) >> 3);
        }
    }
    while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') ++i;
    return i;
}

/// A CSV file read record by record, every field a view: of the text, or, for a quoted field
/// that holds a doubled quote, of its unescaped copy (valid until the next record). The text is
/// the caller's bytes when they are UTF-8 already (a BOM skipped), or their conversion from
/// GBK. No string is made per field and no record is kept after the next one is read, so a
/// million rows cost one pass over the bytes. Not copyable: the views point into it.
class CsvText {
public:
    /// Decodes the text and reads the header: its names distinct. Throws naming the file and row.
    CsvText(std::string_view bytes, std::string_view file, CsvEncoding encoding) : file_(file) {
        decode(bytes, encoding);
        if (!read(fields_))
            fail_at(ErrorCode::parse_error, file, 1, 0, "rows[1]", "the file has no header row");
        header_row_ = row_;
        header_.assign(fields_.begin(), fields_.end());
        for (std::size_t a = 0; a < header_.size(); ++a)
            for (std::size_t b = a + 1; b < header_.size(); ++b)
                if (!header_[a].empty() && header_[a] == header_[b])
                    fail_at(ErrorCode::duplicate, file, header_row_, b + 1, row_field(header_row_),
                            "the column \"" + header_[b] + "\" is named twice");
    }
    CsvText(const CsvText&) = delete;
    CsvText& operator=(const CsvText&) = delete;

    /// The header's names and the line it is on.
    [[nodiscard]] std::span<const std::string> header() const noexcept { return header_; }
    [[nodiscard]] std::size_t header_row() const noexcept { return header_row_; }
    /// At most how many records follow the header (its lines), to reserve for.
    [[nodiscard]] std::size_t records_at_most() const noexcept {
        return static_cast<std::size_t>(
                   std::count(text_.begin() + static_cast<std::ptrdiff_t>(at_), text_.end(), '\n')) +
               1;
    }
    /// Reads the next record, which must be as wide as the header; false after the last one.
    bool next() {
        if (!read(fields_)) return false;
        if (fields_.size() != header_.size())
            fail_at(ErrorCode::parse_error, file_, row_, 0, row_field(row_),
                    "the row has " + std::to_string(fields_.size()) + " fields, the header " +
                        std::to_string(header_.size()));
        return true;
    }
    /// The line the record read last starts on (1-based), and its fields.
    [[nodiscard]] std::size_t row() const noexcept { return row_; }
    [[nodiscard]] std::span<const std::string_view> fields() const noexcept { return fields_; }

private:
    /// The text as UTF-8: GBK converted, a BOM removed, invalid UTF-8 refused.
    void decode(std::string_view bytes, CsvEncoding encoding) {
        if (encoding == CsvEncoding::gbk) {
            converted_ = from_gbk(bytes, file_);
            text_ = converted_;
            return;
        }
        if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
        if (!all_ascii(bytes))
            if (const std::size_t bad = invalid_utf8(bytes); bad != std::string_view::npos)
                fail_at(ErrorCode::parse_error, file_, line_of(bytes, bad), 0, row_field(line_of(bytes, bad)),
                        "not valid UTF-8 (a file saved by Excel on Chinese Windows is GBK: read it with "
                        "CsvEncoding::gbk)");
        text_ = bytes;
    }

    /// Reads the next record of RFC 4180 text into `out` (a blank line is no record); false at
    /// the end of the text.
    bool read(std::vector<std::string_view>& out) {
        const std::string_view text = text_;
        const std::size_t n = text.size();
        std::size_t i = at_;
        unescaped_.clear();
        while (i < n) {
            out.clear();
            row_ = line_;
            bool any = false;
            while (true) {
                const std::size_t count = out.size();  // fields of this record so far, for messages
                if (i < n && text[i] == '"') {
                    const std::size_t opened = line_;
                    const std::size_t begin = ++i;
                    bool doubled = false;
                    while (true) {
                        if (i >= n)
                            fail_at(ErrorCode::parse_error, file_, opened, count + 1, row_field(opened),
                                    "a quoted field is never closed");
                        if (text[i] == '"') {
                            if (i + 1 < n && text[i + 1] == '"') {
                                doubled = true;
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        if (text[i] == '\n') ++line_;
                        ++i;
                    }
                    const std::string_view quoted = text.substr(begin, i - begin);
                    ++i;  // the closing quote
                    any = true;
                    if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                        fail_at(ErrorCode::parse_error, file_, line_, count + 1, row_field(line_),
                                "text after the closing quote of a field");
                    out.push_back(doubled ? unescape(quoted) : quoted);
                } else {
                    const std::size_t begin = i;
                    i = field_end(text, i);
                    any = any || i > begin;
                    out.push_back(text.substr(begin, i - begin));
                }
                if (i < n && text[i] == ',') {
                    ++i;
                    any = true;
                    continue;
                }
                break;
            }
            if (i < n && text[i] == '\r') ++i;
            if (i < n && text[i] == '\n') ++i;
            ++line_;
            if (any) {
                at_ = i;
                return true;
            }
        }
        at_ = i;
        return false;
    }

    /// A quoted field's text with each doubled quote made one, kept until the next record.
    std::string_view unescape(std::string_view quoted) {
        std::string& out = unescaped_.emplace_back();
        out.reserve(quoted.size());
        for (std::size_t i = 0; i < quoted.size(); ++i) {
            out += quoted[i];
            if (quoted[i] == '"') ++i;  // the second of a pair
        }
        return out;
    }

    std::string_view file_;
    std::string converted_;                 // the UTF-8 of a GBK file
    std::string_view text_;                 // the text read
    std::size_t at_ = 0;                    // where the next record starts
    std::size_t line_ = 1;                  // the line at `at_`
    std::size_t row_ = 0;                   // the line the record read last starts on
    std::vector<std::string> header_;       // the header's names
    std::size_t header_row_ = 0;            // its line
    std::vector<std::string_view> fields_;  // the record read last
    std::deque<std::string> unescaped_;     // its quoted fields with doubled quotes, unescaped
};

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
    /// The last currency code read and its Currency: a ledger is mostly in one currency.
    struct CurrencyCache {
        std::string code;  // a copy: a field's view may not outlive its record
        Currency currency;
    };

    Row(std::span<const std::string_view> fields, std::size_t row,
        std::span<const std::optional<std::size_t>> at, std::span<const std::string_view> members,
        std::string_view file, const CsvOptions& options, CurrencyCache& cache)
        : fields_(fields),
          row_(row),
          at_(at),
          members_(members),
          file_(file),
          options_(options),
          cache_(cache) {}

    /// The cell of `m`; empty when the file has no such column.
    [[nodiscard]] std::string_view text(std::size_t m) const {
        return at_[m] ? fields_[*at_[m]] : std::string_view{};
    }
    /// The cell of `m`, which must not be empty.
    [[nodiscard]] std::string_view nonempty(std::size_t m) const {
        const std::string_view s = text(m);
        if (s.empty()) fail(m, ErrorCode::invalid_argument, "the " + std::string(members_[m]) + " is empty");
        return s;
    }
    [[nodiscard]] Date date(std::size_t m) const {
        return convert(m, [](std::string_view s) { return Date::parse(s); });
    }
    /// The cell of currency column `m`, or CsvOptions::currency when the column is missing or empty.
    [[nodiscard]] Currency currency(std::size_t m) const {
        const std::string_view code = text(m);
        if (!code.empty()) {
            if (code != cache_.code) {
                cache_.currency = convert(m, [](std::string_view s) { return Currency{s}; });
                cache_.code = code;
            }
            return cache_.currency;
        }
        if (options_.currency) return *options_.currency;
        fail(m, ErrorCode::invalid_argument, "the currency is empty");
    }
    /// The cell of `m` as money: a plain decimal, a whole number of the currency's minor units,
    /// and, when `negative` says why not, not below zero.
    [[nodiscard]] Money amount(std::size_t m, const Currency& currency,
                               const char* negative = nullptr) const {
        const Money money = convert(m, [&](std::string_view s) {
            if (!plain_decimal(s))
                throw Error(ErrorCode::parse_error, "amount",
                            "'" + std::string(s) +
                                "' is not a plain decimal amount (digits with an optional point and "
                                "sign '-', as 12500.00: no exponent, '+', grouping or space)");
            return Money{decimal(s), currency};
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
        fail_at(code, file_, row_, at_[m] ? *at_[m] + 1 : 0, row_field(row_) + "." + std::string(members_[m]),
                message);
    }
    template <class F>
    std::invoke_result_t<F&, std::string_view> convert(std::size_t m, F&& f) const {
        try {
            return f(text(m));
        } catch (const Error& e) {
            fail(m, e.code(), e.message());
        }
    }
    /// A plain decimal's value: read here when it is not negative and has at most 18 digits
    /// (a coefficient that fits 64 bits: every amount a ledger holds), else by Decimal::parse.
    /// Both give the same Decimal: the digits as the coefficient, the places as the exponent.
    static Decimal decimal(std::string_view s) {
        if (s.size() <= 18 && !s.starts_with('-')) {  // below 10^18, at most 17 places: in range
            std::uint64_t coefficient = 0;
            int places = 0;
            bool point = false;
            for (const char c : s) {
                if (c == '.') {
                    point = true;
                    continue;
                }
                coefficient = coefficient * 10 + static_cast<std::uint64_t>(c - '0');
                places += point ? 1 : 0;
            }
            return Decimal::from_parts_unchecked(false, static_cast<Decimal::Coefficient>(coefficient),
                                                 -places);
        }
        return Decimal::parse(s, {}, "amount");
    }
    /// `-?digits(.digits)?`: what an ERP writes; not the exponent, sign and point forms
    /// Decimal::parse also reads.
    static bool plain_decimal(std::string_view s) noexcept {
        if (s.starts_with('-')) s.remove_prefix(1);
        std::size_t before = 0, after = 0;  // digits before and after the point
        bool point = false;
        for (const char c : s) {
            if (c >= '0' && c <= '9') {
                ++(point ? after : before);
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return before > 0 && (!point || after > 0);
    }

    std::span<const std::string_view> fields_;
    std::size_t row_;
    std::span<const std::optional<std::size_t>> at_;
    std::span<const std::string_view> members_;
    std::string_view file_;
    const CsvOptions& options_;
    CurrencyCache& cache_;
};

/// Reads a ledger of `Item`: finds the `columns` (header names from `names`, missing ones named
/// `<option>.<member>`), then makes each row into an item with `make(row, item)`.
template <class Item, class Columns, std::size_t N, class Make>
std::vector<Item> read_ledger(std::string_view bytes, std::string_view file, const CsvOptions& options,
                              const char* option, const Columns& names,
                              const std::array<Column<Columns>, N>& columns, Make&& make) {
    CsvText records(bytes, file, options.encoding);
    const auto header = records.header();
    std::array<std::optional<std::size_t>, N> at{};
    std::array<std::string_view, N> members{};
    for (std::size_t m = 0; m < N; ++m) {
        const Column<Columns>& c = columns[m];
        members[m] = c.member;
        const std::string& name = names.*c.header;
        for (std::size_t k = 0; k < header.size() && !at[m]; ++k)
            if (header[k] == name) at[m] = k;
        const bool required = c.need == Need::required || (c.need == Need::currency && !options.currency);
        if (!at[m] && required)
            fail_at(ErrorCode::not_found, file, records.header_row(), 0,
                    std::string(option) + "." + std::string(c.member),
                    "the header has no column \"" + name + "\"");
    }
    std::vector<Item> out;
    out.reserve(records.records_at_most());
    Row::CurrencyCache cache{};
    // each item is made where it stays (a thrown error discards the whole vector)
    while (records.next())
        make(Row(records.fields(), records.row(), at, members, file, options, cache), out.emplace_back());
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
        bytes, file, options, "columns", options.columns, receivables_columns,
        [](const Row& row, credit::Receivable& item) {
            item.invoice = InvoiceId{row.text(r_invoice)};
            item.account = AccountId{row.text(r_account)};
            item.invoiced_on = row.date(r_invoiced_on);
            item.due_on = row.date(r_due_on);
            item.open_amount = row.amount(r_open_amount, row.currency(r_currency),
                                          "an open amount cannot be negative here (declare how credits are "
                                          "treated, or net credit notes before the snapshot)");
        });
}

std::vector<planning::Sale> read_sales_csv(std::string_view bytes, std::string_view file,
                                           const CsvOptions& options) {
    return read_ledger<planning::Sale>(bytes, file, options, "sales", options.sales, sales_columns,
                                       [](const Row& row, planning::Sale& item) {
                                           item.account = AccountId{row.nonempty(s_account)};
                                           item.date = row.date(s_date);
                                           item.amount = row.amount(s_amount, row.currency(s_currency));
                                       });
}

std::vector<credit::Receipt> read_collections_csv(std::string_view bytes, std::string_view file,
                                                  const CsvOptions& options) {
    return read_ledger<credit::Receipt>(bytes, file, options, "collections", options.collections,
                                        collection_columns, [](const Row& row, credit::Receipt& item) {
                                            item.account = AccountId{row.nonempty(c_account)};
                                            item.received_on = row.date(c_received_on);
                                            item.amount =
                                                row.amount(c_amount, row.currency(c_currency),
                                                           "a collection cannot be negative (回款不能为负)");
                                            item.id = row.text(c_id);
                                            item.invoice = InvoiceId{row.text(c_invoice)};
                                            item.instalment = row.text(c_instalment);
                                        });
}

std::vector<planning::Expense> read_expenses_csv(std::string_view bytes, std::string_view file,
                                                 const CsvOptions& options) {
    return read_ledger<planning::Expense>(bytes, file, options, "expenses", options.expenses, expense_columns,
                                          [](const Row& row, planning::Expense& item) {
                                              item.region = RegionId{row.nonempty(e_region)};
                                              item.date = row.date(e_date);
                                              item.amount = row.amount(e_amount, row.currency(e_currency),
                                                                       "an expense cannot be negative");
                                          });
}

CsvPosition csv_position(std::string_view bytes, std::string_view file, CsvEncoding encoding,
                         std::size_t index, std::string_view header) {
    CsvText records(bytes, file, encoding);
    CsvPosition at;
    for (std::size_t i = 0; records.next(); ++i)
        if (i == index) {
            at.row = records.row();
            break;
        }
    const auto names = records.header();
    for (std::size_t k = 0; k < names.size() && at.column == 0; ++k)
        if (names[k] == header) at.column = k + 1;
    return at;
}

}  // namespace crm::io
