// CSV ledgers (include/crm/io/csv.hpp).

#include <crm/core/error.hpp>
#include <crm/io/csv.hpp>

#include <array>
#include <cerrno>
#include <iconv.h>
#include <string>
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

}  // namespace

std::vector<credit::Receivable> read_receivables_csv(std::string_view bytes, std::string_view file,
                                                     const CsvOptions& options) {
    std::string text;
    if (options.encoding == CsvEncoding::gbk) {
        text = from_gbk(bytes, file);
    } else {
        if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
        if (const std::size_t bad = invalid_utf8(bytes); bad != std::string_view::npos)
            fail_at(ErrorCode::parse_error, file, line_of(bytes, bad), 0, row_field(line_of(bytes, bad)),
                    "not valid UTF-8 (a file saved by Excel on Chinese Windows is GBK: read it with "
                    "CsvEncoding::gbk)");
        text.assign(bytes);
    }
    const std::vector<Record> records = split(text, file);
    if (records.empty()) fail_at(ErrorCode::parse_error, file, 1, 0, "rows[1]", "the file has no header row");

    const Record& header = records.front();
    for (std::size_t a = 0; a < header.fields.size(); ++a)
        for (std::size_t b = a + 1; b < header.fields.size(); ++b)
            if (!header.fields[a].empty() && header.fields[a] == header.fields[b])
                fail_at(ErrorCode::duplicate, file, header.row, b + 1, row_field(header.row),
                        "the column \"" + header.fields[b] + "\" is named twice");
    auto column = [&](const std::string& name, const char* member,
                      bool required) -> std::optional<std::size_t> {
        for (std::size_t k = 0; k < header.fields.size(); ++k)
            if (header.fields[k] == name) return k;
        if (required)
            fail_at(ErrorCode::not_found, file, header.row, 0, std::string("columns.") + member,
                    "the header has no column \"" + name + "\"");
        return std::nullopt;
    };
    const auto& names = options.columns;
    const std::size_t c_invoice = *column(names.invoice, "invoice", true);
    const auto c_account = column(names.account, "account", false);
    const std::size_t c_invoiced = *column(names.invoiced_on, "invoiced_on", true);
    const std::size_t c_due = *column(names.due_on, "due_on", true);
    const std::size_t c_amount = *column(names.open_amount, "open_amount", true);
    const auto c_currency = column(names.currency, "currency", !options.currency.has_value());

    std::vector<credit::Receivable> out;
    out.reserve(records.size() - 1);
    for (std::size_t r = 1; r < records.size(); ++r) {
        const Record& rec = records[r];
        if (rec.fields.size() != header.fields.size())
            fail_at(ErrorCode::parse_error, file, rec.row, 0, row_field(rec.row),
                    "the row has " + std::to_string(rec.fields.size()) + " fields, the header " +
                        std::to_string(header.fields.size()));
        auto cell = [&](std::size_t k, const char* member, auto&& convert) {
            try {
                return convert(rec.fields[k]);
            } catch (const Error& e) {
                fail_at(e.code(), file, rec.row, k + 1, row_field(rec.row) + "." + member, e.message());
            }
        };
        credit::Receivable item;
        item.invoice = InvoiceId{rec.fields[c_invoice]};
        if (c_account) item.account = AccountId{rec.fields[*c_account]};
        item.invoiced_on =
            cell(c_invoiced, "invoiced_on", [](const std::string& s) { return Date::parse(s); });
        item.due_on = cell(c_due, "due_on", [](const std::string& s) { return Date::parse(s); });
        const Currency currency = [&] {
            if (c_currency && !rec.fields[*c_currency].empty())
                return cell(*c_currency, "currency", [](const std::string& s) { return Currency{s}; });
            if (options.currency) return *options.currency;
            fail_at(ErrorCode::invalid_argument, file, rec.row, *c_currency + 1,
                    row_field(rec.row) + ".currency", "the currency is empty");
        }();
        item.open_amount = cell(c_amount, "open_amount", [&](const std::string& s) {
            return Money{Decimal::parse(s, {}, "open_amount"), currency};
        });
        try {
            credit::detail::check_receivable_fully(item, "rows", rec.row);
        } catch (const Error& e) {
            const bool due = e.field().ends_with("due_on");
            fail_at(e.code(), file, rec.row, (due ? c_due : c_amount) + 1, e.field(), e.message());
        }
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace crm::io
