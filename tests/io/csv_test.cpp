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

TEST_SUITE("io.csv") {
    TEST_CASE("a property: every plain amount reads as Decimal parse reads it - short or long") {
        // The reader takes amounts of at most 18 characters straight into their coefficient and
        // longer ones through Decimal::parse: both must give the same value and the same places.
        crm::test::Rng rng(0xA3);
        for (int round = 0; round < 2000; ++round) {
            std::string amount(static_cast<std::size_t>(rng.between(1, 24)), '0');
            for (char& c : amount) c = static_cast<char>('0' + rng.below(10));
            const int places = static_cast<int>(rng.below(3));  // the currency's two places at most
            if (places > 0 && amount.size() > static_cast<std::size_t>(places))
                amount.insert(amount.size() - static_cast<std::size_t>(places), ".");
            CAPTURE(amount);
            const std::string text =
                "invoice,invoiced_on,due_on,open_amount,currency\n"
                "I,2025-01-01,2025-01-31," +
                amount + ",CNY\n";
            const auto items = read_receivables_csv(text, "a.csv");
            REQUIRE(items.size() == 1);
            const crm::Decimal expected = crm::Decimal::parse(amount);
            CHECK(items[0].open_amount.amount() == expected);
            CHECK(items[0].open_amount.amount().to_string() == expected.to_string());
        }
    }

    TEST_CASE("rows are read in file order - the first bad row is the error and currencies may change") {
        const std::string head = "invoice,invoiced_on,due_on,open_amount,currency\n";
        // row 3 has a bad day, row 4 the wrong width: row 3's error is the one reported
        check_error(
            [&] {
                return read_receivables_csv(head +
                                                "I1,2025-01-01,2025-01-31,1.00,CNY\n"
                                                "I2,2025-02-30,2025-03-31,1.00,CNY\n"
                                                "I3,2025-01-01\n",
                                            "order.csv");
            },
            ErrorCode::invalid_date, "rows[3].invoiced_on");
        // a currency that changes from row to row is read for each row (USD has 2 places, JPY 0)
        const auto items = read_receivables_csv(head +
                                                    "I1,2025-01-01,2025-01-31,1.00,CNY\n"
                                                    "I2,2025-01-01,2025-01-31,2.50,USD\n"
                                                    "I3,2025-01-01,2025-01-31,300,JPY\n"
                                                    "I4,2025-01-01,2025-01-31,4.00,\"USD\"\n",
                                                "mixed.csv");
        REQUIRE(items.size() == 4);
        CHECK(items[0].open_amount == Money{"1.00", "CNY"});
        CHECK(items[1].open_amount == Money{"2.50", "USD"});
        CHECK(items[2].open_amount == Money{"300", "JPY"});
        CHECK(items[3].open_amount == Money{"4.00", "USD"});
        // JPY has no minor unit: 300.5 is refused on its row, after the good rows before it
        check_error(
            [&] {
                return read_receivables_csv(head +
                                                "I1,2025-01-01,2025-01-31,1.00,CNY\n"
                                                "I2,2025-01-01,2025-01-31,300.5,JPY\n",
                                            "jpy.csv");
            },
            ErrorCode::invalid_argument, "rows[3].open_amount");
        // a code that is no currency is refused where it stands, even after a good one
        check_error(
            [&] {
                return read_receivables_csv(head +
                                                "I1,2025-01-01,2025-01-31,1.00,CNY\n"
                                                "I2,2025-01-01,2025-01-31,1.00,XXQ\n",
                                            "bad.csv");
            },
            ErrorCode::unknown_currency, "rows[3].currency");
    }
}

// ---- the sales, collections and expenses ledgers ----------------------------------------------

namespace {

const crm::Currency cny{"CNY"};

/// A Kingdee-style sales export (销售明细), UTF-8 with a BOM and CRLF line ends.
const std::string kingdee_sales =
    "\xEF\xBB\xBF客户编码,日期,金额,币种,备注\r\n"
    "K1,2026-06-10,10000.00,CNY,\r\n"
    "E2,2026-06-12,40000.00,CNY,\"含税,整单\"\r\n"
    "E2,2026-06-13,-2000.00,CNY,退货\r\n";
const SalesColumns kingdee_sales_columns{
    .account = "客户编码", .date = "日期", .amount = "金额", .currency = "币种"};

/// The same bytes a Yonyou collections export (回款明细) has in GBK:
/// 客户编码,回款日期,回款金额,单据编号,发票号
const std::string yonyou_collections_gbk =
    "\xbf\xcd\xbb\xa7\xb1\xe0\xc2\xeb,\xbb\xd8\xbf\xee\xc8\xd5\xc6\xda,\xbb\xd8\xbf\xee\xbd\xf0\xb6\xee,"
    "\xb5\xa5\xbe\xdd\xb1\xe0\xba\xc5,\xb7\xa2\xc6\xb1\xba\xc5\r\n"
    "K1,2026-05-15,27000.00,HD-1,FP-1\r\n"
    "E2,2026-06-05,45000.00,HD-2,\r\n";
const CollectionColumns yonyou_collection_columns{.account = "客户编码",
                                                  .received_on = "回款日期",
                                                  .amount = "回款金额",
                                                  .id = "单据编号",
                                                  .invoice = "发票号"};

template <class Items>
Money sum(const Items& items) {
    Money total{crm::Decimal{0}, cny};
    for (const auto& i : items) total = total + i.amount;
    return total;
}

}  // namespace

TEST_SUITE("io.csv") {
    TEST_CASE("a Kingdee sales ledger with a BOM reads with its returns") {
        const auto sales = read_sales_csv(kingdee_sales, "销售.csv", {.sales = kingdee_sales_columns});
        REQUIRE(sales.size() == 3);
        CHECK(sales[0] == crm::planning::Sale{.account = crm::AccountId{"K1"},
                                              .date = Date{2026, 6, 10},
                                              .amount = Money{"10000.00", "CNY"}});
        CHECK(sales[2].amount == Money{"-2000.00", "CNY"});  // a return is negative
        // 10,000.00 + 40,000.00 - 2,000.00 = 48,000.00
        CHECK(sum(sales) == Money{"48000.00", "CNY"});
        // without the BOM and with LF line ends: the same items
        std::string lf = kingdee_sales.substr(3);
        std::erase(lf, '\r');
        CHECK(read_sales_csv(lf, "销售.csv", {.sales = kingdee_sales_columns}) == sales);
    }

    TEST_CASE("a Yonyou collections ledger in GBK reads with the default currency") {
        const CsvOptions options{
            .encoding = CsvEncoding::gbk, .currency = cny, .collections = yonyou_collection_columns};
        const auto receipts = read_collections_csv(yonyou_collections_gbk, "回款.csv", options);
        REQUIRE(receipts.size() == 2);
        CHECK(receipts[0] == crm::credit::Receipt{.account = crm::AccountId{"K1"},
                                                  .received_on = Date{2026, 5, 15},
                                                  .amount = Money{"27000.00", "CNY"},
                                                  .id = "HD-1",
                                                  .invoice = crm::InvoiceId{"FP-1"},
                                                  .instalment = ""});
        CHECK(receipts[1].invoice.empty());  // an empty cell: the payer named no invoice
        // 27,000.00 + 45,000.00 = 72,000.00
        CHECK(sum(receipts) == Money{"72000.00", "CNY"});
        // the file has no currency column: without CsvOptions::currency that column is missing
        check_error(
            [&] {
                return read_collections_csv(
                    yonyou_collections_gbk, "回款.csv",
                    {.encoding = CsvEncoding::gbk, .collections = yonyou_collection_columns});
            },
            ErrorCode::not_found, "collections.currency");
        // read as UTF-8 it is refused, not garbled
        check_error(
            [&] {
                return read_collections_csv(yonyou_collections_gbk, "回款.csv",
                                            {.collections = yonyou_collection_columns});
            },
            ErrorCode::parse_error, "rows[1]");
    }

    TEST_CASE("an expenses ledger with the default headers reads by region") {
        const std::string text =
            "date,region,amount,currency\n"
            "2026-06-14,east,4000.00,CNY\n"
            "\n"  // a blank line is no row
            "2026-06-01,east,1500.50,\n"
            "2026-06-14,north,999.99,CNY\n";
        const auto expenses = read_expenses_csv(text, "费用.csv", {.currency = cny});
        REQUIRE(expenses.size() == 3);
        CHECK(expenses[1] == crm::planning::Expense{.region = crm::RegionId{"east"},
                                                    .date = Date{2026, 6, 1},
                                                    .amount = Money{"1500.50", "CNY"}});
        // 4,000.00 + 1,500.50 + 999.99 = 6,500.49
        CHECK(sum(expenses) == Money{"6500.49", "CNY"});
        // the empty currency cell needs the default
        check_error([&] { return read_expenses_csv(text, "费用.csv"); }, ErrorCode::invalid_argument,
                    "rows[4].currency");
    }

    TEST_CASE("the columns are set by member name and list their members") {
        SalesColumns sales;
        CHECK(sales.set("amount", "金额"));
        CHECK(sales.amount == "金额");
        CHECK_FALSE(sales.set("open_amount", "x"));
        CHECK(sales == SalesColumns{.amount = "金额"});
        CHECK(SalesColumns::members() == "account, date, amount, currency");
        CHECK(CollectionColumns::members() ==
              "account, received_on, amount, currency, id, invoice, instalment");
        CHECK(ExpenseColumns::members() == "region, date, amount, currency");
        ReceivablesColumns r;
        CHECK(r.set("open_amount", "未收金额"));
        CHECK(r.open_amount == "未收金额");
        CHECK(ReceivablesColumns::members() ==
              "invoice, account, invoiced_on, due_on, open_amount, currency");
    }

    TEST_CASE("every ledger error names the file row and column") {
        struct Case {
            const char* name;
            char ledger;  // s(ales), c(ollections), e(xpenses)
            std::string text;
            ErrorCode code;
            const char* field;
            const char* at;
        };
        const std::string s = "account,date,amount,currency\n";
        const std::string c = "account,received_on,amount,currency,id\n";
        const std::string e = "region,date,amount,currency\n";
        const Case cases[] = {
            {"sales missing column", 's', "account,amount,currency\nK1,1.00,CNY\n", ErrorCode::not_found,
             "sales.date", "f.csv:1: "},
            {"collections missing column", 'c', "account,amount\n", ErrorCode::not_found,
             "collections.received_on", "f.csv:1: "},
            {"expenses missing column", 'e', "date,amount,currency\n", ErrorCode::not_found,
             "expenses.region", "f.csv:1: "},
            {"sales bad date", 's', s + "K1,2026-13-01,1.00,CNY\n", ErrorCode::invalid_date, "rows[2].date",
             "f.csv:2:2: "},
            {"collections bad date", 'c', c + "K1,2026-02-29,1.00,CNY,H\n", ErrorCode::invalid_date,
             "rows[2].received_on", "f.csv:2:2: "},
            {"expenses bad date", 'e', e + "east,20260601,1.00,CNY\n", ErrorCode::parse_error, "rows[2].date",
             "f.csv:2:2: "},
            {"sales bad amount", 's', s + "K1,2026-06-01,1.0.0,CNY\n", ErrorCode::parse_error,
             "rows[2].amount", "f.csv:2:3: "},
            {"sales thousands separator", 's', s + "K1,2026-06-01,\"1,000.00\",CNY\n", ErrorCode::parse_error,
             "rows[2].amount", "f.csv:2:3: "},
            {"sales too many places", 's', s + "K1,2026-06-01,1.001,CNY\n", ErrorCode::invalid_argument,
             "rows[2].amount", "f.csv:2:3: "},
            {"collections negative", 'c', c + "K1,2026-06-01,-1.00,CNY,H\n", ErrorCode::invalid_argument,
             "rows[2].amount", "f.csv:2:3: "},
            {"expenses negative", 'e', e + "east,2026-06-01,-0.01,CNY\n", ErrorCode::invalid_argument,
             "rows[2].amount", "f.csv:2:3: "},
            {"sales empty account", 's', s + ",2026-06-01,1.00,CNY\n", ErrorCode::invalid_argument,
             "rows[2].account", "f.csv:2:1: "},
            {"expenses empty region", 'e', e + ",2026-06-01,1.00,CNY\n", ErrorCode::invalid_argument,
             "rows[2].region", "f.csv:2:1: "},
            {"collections unknown currency", 'c', c + "K1,2026-06-01,1.00,RMB,H\n",
             ErrorCode::unknown_currency, "rows[2].currency", "f.csv:2:4: "},
            {"sales too many fields", 's', s + "K1,2026-06-01,1.00,CNY\nK1,2026-06-02,1.00,CNY,x\n",
             ErrorCode::parse_error, "rows[3]", "f.csv:3: "},
            {"expenses too few fields", 'e', e + "east,2026-06-01,1.00\n", ErrorCode::parse_error, "rows[2]",
             "f.csv:2: "},
            {"collections invalid UTF-8", 'c', c + "K1,2026-06-01,1.00,CNY,\xE4\xB8\n",
             ErrorCode::parse_error, "rows[2]", "f.csv:2: "},
            {"sales header twice", 's', "account,date,amount,amount\n", ErrorCode::duplicate, "rows[1]",
             "f.csv:1:4: "},
            {"expenses unclosed quote", 'e', e + "\"east,2026-06-01,1.00,CNY\n", ErrorCode::parse_error,
             "rows[2]", "f.csv:2:1: "},
        };
        const auto read = [](char ledger, const std::string& text) {
            if (ledger == 's') return read_sales_csv(text, "f.csv").size();
            if (ledger == 'c') return read_collections_csv(text, "f.csv").size();
            return read_expenses_csv(text, "f.csv").size();
        };
        for (const auto& k : cases) {
            const std::string name = k.name;
            CAPTURE(name);
            check_error([&] { return read(k.ledger, k.text); }, k.code, k.field);
            const std::string message = message_of([&] { return read(k.ledger, k.text); });
            CHECK_MESSAGE(message.starts_with(k.at), message);
        }
    }

    TEST_CASE("the number forms JSON and Decimal accept are not ledger amounts") {
        // Excel shows a long number as 1.2E+05 (its digits lost); a JSON writer may write 1e3,
        // .5 or +5. A ledger holds what an ERP writes: digits with an optional point and '-'.
        const std::string head = "account,date,amount,currency\n";
        for (const std::string amount : {"1e3", "1E+3", "1.2E+05", "+5", ".5", "5.", "-.5", " 5", "5 ", "NaN",
                                         "Infinity", "0x10", "1_000", "", "-", "1,5"}) {
            CAPTURE(amount);
            const std::string text = head + "K1,2026-06-01,\"" + amount + "\",CNY\n";
            check_error([&] { return read_sales_csv(text, "n.csv"); }, ErrorCode::parse_error,
                        "rows[2].amount");
            check_error(
                [&] {
                    return read_collections_csv(
                        "account,received_on,amount,currency\n" + text.substr(head.size()), "n.csv");
                },
                ErrorCode::parse_error, "rows[2].amount");
            // ...and the receivables reader, which shares the amounts, says the same
            check_error(
                [&] {
                    return read_receivables_csv(
                        "invoice,invoiced_on,due_on,open_amount,currency\nI,2026-06-01,2026-06-30,\"" +
                            amount + "\",CNY\n",
                        "n.csv");
                },
                ErrorCode::parse_error, "rows[2].open_amount");
        }
        // the plain forms read, leading zeros and all
        for (const std::string amount : {"0", "-0", "007.10", "-12500.00", "12500"}) {
            CAPTURE(amount);
            CHECK(read_sales_csv(head + "K1,2026-06-01," + amount + ",CNY\n", "n.csv").at(0).amount ==
                  Money{crm::Decimal{amount}, cny});
        }
    }

    TEST_CASE("csv_position finds an item and a column for an error found later") {
        // item 1 starts on line 4: the quoted line break of item 0 takes line 3
        const std::string text = "account,date,amount\n\"K\n1\",2026-06-01,1.00\nX9,2026-06-02,2.00\n";
        CHECK(read_sales_csv(text, "p.csv", {.currency = cny}).at(1).account == crm::AccountId{"X9"});
        const CsvPosition at = csv_position(text, "p.csv", CsvEncoding::utf8, 1, "account");
        CHECK(at.row == 4);
        CHECK(at.column == 1);
        CHECK(csv_position(text, "p.csv", CsvEncoding::utf8, 0, "amount").column == 3);
        CHECK(csv_position(text, "p.csv", CsvEncoding::utf8, 2, "none").row == 0);
        CHECK(csv_position(text, "p.csv", CsvEncoding::utf8, 0, "none").column == 0);
    }

    TEST_CASE("a property: generated sales collections and expenses read back exactly") {
        crm::test::Rng rng(0x1ED6);
        const auto quoted = [&](const std::string& s) {
            if (s.find_first_of(",\"\n") == std::string::npos && !rng.coin()) return s;
            std::string q = "\"";
            for (const char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            return q + "\"";
        };
        const auto money = [&](bool negative) {
            const std::int64_t minor = rng.between(negative ? -99'999'999 : 0, 999'999'999);
            return Money{crm::Decimal::scaled(minor, -2), cny};
        };
        const auto date = [&] { return Date{2026, 1, 1} + crm::Days{rng.between(0, 364)}; };
        const auto name = [&](const char* base, int i) {
            return std::string(rng.coin() ? base : "名, \"引号\"\n换行 ") + std::to_string(i);
        };
        const auto end = [&] { return std::string(rng.coin() ? "\r\n" : "\n"); };
        for (int round = 0; round < 100; ++round) {
            CAPTURE(round);
            const int n = static_cast<int>(rng.below(15));
            std::string sales_text = "amount,account,date\n";  // any column order, no currency column
            std::string receipts_text = "instalment,id,amount,received_on,account,currency,invoice\n";
            std::string expenses_text = "region,date,amount,currency\n";
            std::vector<crm::planning::Sale> sales;
            std::vector<crm::credit::Receipt> receipts;
            std::vector<crm::planning::Expense> expenses;
            for (int i = 0; i < n; ++i) {
                sales.push_back(
                    {.account = crm::AccountId{name("K", i)}, .date = date(), .amount = money(true)});
                const auto& s = sales.back();
                sales_text += s.amount.amount().to_string() + "," + quoted(s.account.value()) + "," +
                              s.date.to_string() + end();
                receipts.push_back({.account = crm::AccountId{name("K", i)},
                                    .received_on = date(),
                                    .amount = money(false),
                                    .id = rng.coin() ? "HD-" + std::to_string(i) : "",
                                    .invoice = crm::InvoiceId{rng.coin() ? name("FP-", i) : ""},
                                    .instalment = rng.coin() ? "1" : ""});
                const auto& r = receipts.back();
                receipts_text += quoted(r.instalment) + "," + quoted(r.id) + "," +
                                 r.amount.amount().to_string() + "," + r.received_on.to_string() + "," +
                                 quoted(r.account.value()) + "," + (rng.coin() ? "CNY" : "") + "," +
                                 quoted(r.invoice.value()) + end();
                expenses.push_back(
                    {.region = crm::RegionId{name("east", i)}, .date = date(), .amount = money(false)});
                const auto& x = expenses.back();
                expenses_text += quoted(x.region.value()) + "," + x.date.to_string() + "," +
                                 x.amount.amount().to_string() + ",CNY" + end();
            }
            const CsvOptions options{.currency = cny};
            CHECK(read_sales_csv(sales_text, "s.csv", options) == sales);
            CHECK(read_collections_csv(receipts_text, "c.csv", options) == receipts);
            CHECK(read_expenses_csv(expenses_text, "e.csv") == expenses);
        }
    }
}
