// CSV receivables: header mapping, UTF-8 with and without a BOM, GBK, quoting, and errors that
// name the file, row and column.

#include <crm/core/error.hpp>
#include <crm/io/csv.hpp>

#include <doctest/doctest.h>

#include <string>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::Date;
using crm::ErrorCode;
using crm::Money;
using namespace crm::io;
using crm::test::check_error;

namespace {

template <class F>
std::string message_of(F&& f) {
    try {
        (void)f();
    } catch (const crm::Error& e) {
        return e.message();
    }
    FAIL_CHECK("no crm::Error thrown");
    return {};
}

const std::string plain =
    "invoice,account,invoiced_on,due_on,open_amount,currency\n"
    "INV-1,A-1,2025-01-15,2025-02-14,400000.00,CNY\n"
    "INV-2,A-1,2024-10-01,2024-10-31,50000.00,CNY\n";

/// The ERP's own headers in Chinese: 发票号,客户,开票日,到期日,未收金额,币种
const ReceivablesColumns erp{.invoice = "发票号",
                             .account = "客户",
                             .invoiced_on = "开票日",
                             .due_on = "到期日",
                             .open_amount = "未收金额",
                             .currency = "币种"};

}  // namespace

TEST_SUITE("io.csv") {
    TEST_CASE("a plain UTF-8 ledger reads row by row") {
        const auto items = read_receivables_csv(plain, "r.csv");
        REQUIRE(items.size() == 2);
        CHECK(items[0].invoice == crm::InvoiceId{"INV-1"});
        CHECK(items[0].account == crm::AccountId{"A-1"});
        CHECK(items[0].due_on == Date{2025, 2, 14});
        CHECK(items[1].open_amount == Money{"50000.00", "CNY"});
    }

    TEST_CASE("a BOM and CRLF line ends change nothing") {
        std::string crlf;
        for (const char c : plain) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        CHECK(read_receivables_csv("\xEF\xBB\xBF" + crlf, "r.csv") == read_receivables_csv(plain, "r.csv"));
    }

    TEST_CASE("Chinese headers map through the column names in UTF-8 and in GBK") {
        const std::string utf8 =
            "发票号,客户,开票日,到期日,未收金额,币种,备注\n"
            "FP-9,华东机电,2025-01-15,2025-02-14,\"12,5\",CNY,\"含\"\"税\"\"\"\n";
        // the amount "12,5" is quoted because of its comma, and is not a decimal: refused
        check_error([&] { return read_receivables_csv(utf8, "erp.csv", {.columns = erp}); },
                    ErrorCode::parse_error, "rows[2].open_amount");
        const std::string good_utf8 =
            "发票号,客户,开票日,到期日,未收金额,币种\n"
            "FP-9,华东机电,2025-01-15,2025-02-14,12.50,CNY\n";
        const auto a = read_receivables_csv(good_utf8, "erp.csv", {.columns = erp});
        REQUIRE(a.size() == 1);
        CHECK(a[0].account == crm::AccountId{"华东机电"});
        // The same file as Excel on Chinese Windows saves it (GBK bytes, from Python's 'gbk' codec).
        const std::string gbk =
            "\xb7\xa2\xc6\xb1\xba\xc5,\xbf\xcd\xbb\xa7,\xbf\xaa\xc6\xb1\xc8\xd5,\xb5\xbd\xc6\xda\xc8\xd5,"
            "\xce\xb4\xca\xd5\xbd\xf0\xb6\xee,\xb1\xd2\xd6\xd6\n"
            "FP-9,\xbb\xaa\xb6\xab\xbb\xfa\xb5\xe7,2025-01-15,2025-02-14,12.50,CNY\n";
        CHECK(read_receivables_csv(gbk, "erp.csv", {.columns = erp, .encoding = CsvEncoding::gbk}) == a);
        // ...and read as UTF-8 it is refused with a hint, not garbled
        check_error([&] { return read_receivables_csv(gbk, "erp.csv", {.columns = erp}); },
                    ErrorCode::parse_error, "rows[1]");
        CHECK(message_of([&] {
                  return read_receivables_csv(gbk, "erp.csv", {.columns = erp});
              }).find("GBK") != std::string::npos);
    }

    TEST_CASE("a quoted field may hold commas quotes and line breaks") {
        const std::string text =
            "invoice,account,invoiced_on,due_on,open_amount,currency\n"
            "\"INV,1\",\"A \"\"x\"\"\nline\",2025-01-15,2025-02-14,1.00,CNY\n"
            "INV-2,B,2025-01-15,2025-02-14,-1.00,CNY\n";
        // the second item starts on line 4 of the file, after the line break inside the quotes
        check_error([&] { return read_receivables_csv(text, "q.csv"); }, ErrorCode::invalid_argument,
                    "rows[4].open_amount");
        CHECK(message_of([&] { return read_receivables_csv(text, "q.csv"); }).starts_with("q.csv:4:5: "));
        const auto items = read_receivables_csv(text.substr(0, text.rfind("INV-2")), "q.csv");
        REQUIRE(items.size() == 1);
        CHECK(items[0].invoice == crm::InvoiceId{"INV,1"});
        CHECK(items[0].account == crm::AccountId{"A \"x\"\nline"});
    }

    TEST_CASE("a default currency stands in for a missing column") {
        const std::string text = "invoice,invoiced_on,due_on,open_amount\nI,2025-01-01,2025-01-31,5\n";
        check_error([&] { return read_receivables_csv(text, "c.csv"); }, ErrorCode::not_found,
                    "columns.currency");
        const auto items = read_receivables_csv(text, "c.csv", {.currency = crm::Currency{"USD"}});
        CHECK(items.at(0).open_amount == Money{"5", "USD"});
        CHECK(items.at(0).account.empty());
    }

    TEST_CASE("every CSV error names the file row and column") {
        struct Case {
            const char* name;
            std::string text;
            ErrorCode code;
            const char* field;
            const char* at;
        };
        const std::string head = "invoice,account,invoiced_on,due_on,open_amount,currency\n";
        const Case cases[] = {
            {"empty file", "", ErrorCode::parse_error, "rows[1]", "f.csv:1: "},
            {"missing column", "invoice,account,due_on,open_amount,currency\n", ErrorCode::not_found,
             "columns.invoiced_on", "f.csv:1: "},
            {"header twice", "invoice,invoice,invoiced_on,due_on,open_amount,currency\n",
             ErrorCode::duplicate, "rows[1]", "f.csv:1:2: "},
            {"short row", head + "I,A,2025-01-01,2025-01-31,1.00\n", ErrorCode::parse_error, "rows[2]",
             "f.csv:2: "},
            {"bad date", head + "I,A,2025-02-30,2025-03-31,1.00,CNY\n", ErrorCode::invalid_date,
             "rows[2].invoiced_on", "f.csv:2:3: "},
            {"bad amount", head + "I,A,2025-01-01,2025-01-31,1.0.0,CNY\n", ErrorCode::parse_error,
             "rows[2].open_amount", "f.csv:2:5: "},
            {"unknown currency", head + "I,A,2025-01-01,2025-01-31,1.00,XYZ\n", ErrorCode::unknown_currency,
             "rows[2].currency", "f.csv:2:6: "},
            {"too many places", head + "I,A,2025-01-01,2025-01-31,1.001,CNY\n", ErrorCode::invalid_argument,
             "rows[2].open_amount", "f.csv:2:5: "},
            {"unclosed quote", head + "\"I,A,2025-01-01,2025-01-31,1.00,CNY\n", ErrorCode::parse_error,
             "rows[2]", "f.csv:2:1: "},
            {"text after a quote", head + "\"I\"x,A,2025-01-01,2025-01-31,1.00,CNY\n", ErrorCode::parse_error,
             "rows[2]", "f.csv:2:1: "},
            {"invalid UTF-8 on row 3",
             head + "I,A,2025-01-01,2025-01-31,1.00,CNY\nI,\xC3(,2025-01-01,2025-01-31,1,CNY\n",
             ErrorCode::parse_error, "rows[3]", "f.csv:3: "},
        };
        for (const auto& c : cases) {
            const std::string name = c.name;
            CAPTURE(name);
            check_error([&] { return read_receivables_csv(c.text, "f.csv"); }, c.code, c.field);
            const std::string message = message_of([&] { return read_receivables_csv(c.text, "f.csv"); });
            CHECK_MESSAGE(message.starts_with(c.at), message);
        }
        check_error(
            [] { return read_receivables_csv("\xb7\xa2\xff\n", "g.csv", {.encoding = CsvEncoding::gbk}); },
            ErrorCode::parse_error, "rows[1]");
    }

    TEST_CASE("a property: generated ledgers read back exactly whatever the quoting") {
        crm::test::Rng rng(0xC5F);
        for (int round = 0; round < 200; ++round) {
            CAPTURE(round);
            std::string text =
                "currency,open_amount,due_on,invoiced_on,account,invoice\n";  // any column order
            std::vector<crm::credit::Receivable> expected;
            for (int i = 0, n = static_cast<int>(rng.below(20)); i < n; ++i) {
                const Date invoiced = Date{2024, 1, 1} + crm::Days{rng.between(0, 700)};
                const crm::credit::Receivable r{
                    .invoice = crm::InvoiceId{"I-" + std::to_string(i)},
                    .account = crm::AccountId{rng.coin() ? "plain" : "with, comma \"and quotes\""},
                    .invoiced_on = invoiced,
                    .due_on = invoiced + crm::Days{rng.between(0, 90)},
                    .open_amount =
                        Money{crm::Decimal::scaled(rng.between(0, 999'999'999), -2), crm::Currency{"CNY"}}};
                expected.push_back(r);
                std::string account = r.account.value();
                if (account.find(',') != std::string::npos) {
                    std::string q = "\"";
                    for (const char c : account) q += c == '"' ? std::string("\"\"") : std::string(1, c);
                    account = q + "\"";
                } else if (rng.coin()) {
                    account = "\"" + account + "\"";  // quoting a plain field changes nothing
                }
                text += "CNY," + r.open_amount.amount().to_string() + "," + r.due_on.to_string() + "," +
                        r.invoiced_on.to_string() + "," + account + "," + r.invoice.value() +
                        (rng.coin() ? "\r\n" : "\n");
            }
            CHECK(read_receivables_csv(text, "gen.csv") == expected);
        }
    }
}
