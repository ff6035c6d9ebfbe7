#include <crm/core/error.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/money.hpp>

#include <doctest/doctest.h>

#include <climits>
#include <cstddef>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace {

/// The crm::Error thrown by `f`, or nothing when it does not throw one.
template <class F>
std::optional<crm::Error> error_of(F f) {
    try {
        f();
    } catch (const crm::Error& e) {
        return e;
    }
    return std::nullopt;
}

/// Checks that looking up `code` under `field` is rejected as an unknown currency.
void check_unknown_code(std::string_view code, std::string_view field) {
    CAPTURE(code);
    CHECK_THROWS_AS(crm::Currency(code, field), crm::Error);
    const auto e = error_of([&] { (void)crm::Currency(code, field); });
    REQUIRE(e.has_value());
    CHECK(e->code() == crm::ErrorCode::unknown_currency);
    CHECK(e->field() == field);
}

void check_unknown_numeric(int numeric, std::string_view field) {
    CAPTURE(numeric);
    CHECK_THROWS_AS((void)crm::Currency::from_numeric(numeric, field), crm::Error);
    const auto e = error_of([&] { (void)crm::Currency::from_numeric(numeric, field); });
    REQUIRE(e.has_value());
    CHECK(e->code() == crm::ErrorCode::unknown_currency);
    CHECK(e->field() == field);
}

bool is_upper_letter(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

TEST_SUITE("money.currency") {
    TEST_CASE("a currency is a small regular value type") {
        static_assert(std::is_nothrow_default_constructible_v<crm::Currency>);
        static_assert(std::is_trivially_copyable_v<crm::Currency>);
        static_assert(std::is_nothrow_copy_constructible_v<crm::Currency>);
        // A compile-time default is possible: the default constructor is constexpr.
        constexpr crm::Currency compile_time_default{};
        static_assert(compile_time_default == crm::Currency{});
        CHECK(sizeof(crm::Currency) <= 8);
    }

    TEST_CASE("the default currency is the yuan renminbi") {
        const crm::Currency c;
        CHECK(c.code() == "CNY");
        CHECK(c.numeric() == 156);
        CHECK(c.minor_units() == 2);
        CHECK(c == crm::Currency("CNY"));
    }

    TEST_CASE("worked examples match ISO 4217") {
        struct Example {
            std::string_view code;
            int numeric;
            int minor_units;
        };
        // CNY: 1 yuan = 100 fen (2 digits); JPY has no minor unit in use (0);
        // KWD, BHD: 1 dinar = 1000 fils (3); CLF and UYW are index units quoted to 4 digits.
        const Example examples[] = {
            {"CNY", 156, 2}, {"USD", 840, 2}, {"EUR", 978, 2}, {"JPY", 392, 0}, {"KWD", 414, 3},
            {"BHD", 48, 3},  {"CLF", 990, 4}, {"UYW", 927, 4}, {"HKD", 344, 2}, {"TWD", 901, 2},
            {"GBP", 826, 2}, {"KRW", 410, 0}, {"VES", 928, 2}, {"VED", 926, 2}, {"SLE", 925, 2},
            {"ZWG", 924, 2}, {"XCG", 532, 2}, {"XDR", 960, 0}, {"XAU", 959, 0}, {"XXX", 999, 0},
            {"XTS", 963, 0},
        };
        for (const auto& ex : examples) {
            CAPTURE(ex.code);
            const crm::Currency c(ex.code);
            CHECK(c.code() == ex.code);
            CHECK(c.numeric() == ex.numeric);
            CHECK(c.minor_units() == ex.minor_units);
            CHECK(crm::Currency::from_numeric(ex.numeric) == c);
        }
    }

    TEST_CASE("codes whose minor unit ISO lists as N.A. are stored with 0 digits") {
        // Precious metals, units of account, the testing code and "no currency".
        for (const std::string_view code :
             {"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"}) {
            CAPTURE(code);
            CHECK(crm::Currency(code).minor_units() == 0);
        }
    }

    TEST_CASE("the table holds the 178 active codes") {
        // 179 codes of the 2024-06-25 list, with XCG in place of ANG and without BGN
        // (see src/money/currency.cpp).
        CHECK(crm::Currency::all().size() == 178);
    }

    TEST_CASE("the table is sorted by code with unique codes and unique numeric codes") {
        const auto all = crm::Currency::all();
        std::set<int> numerics;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const auto& c = all[i];
            CAPTURE(i);
            CAPTURE(c);
            if (i > 0) {
                CHECK(all[i - 1] < c);
                CHECK(all[i - 1].code() < c.code());
            }
            CHECK(numerics.insert(c.numeric()).second);
        }
        CHECK(numerics.size() == all.size());
    }

    TEST_CASE("every code is three upper-case letters with a numeric code and 0 to 4 minor digits") {
        for (const auto& c : crm::Currency::all()) {
            CAPTURE(c);
            const std::string_view code = c.code();
            REQUIRE(code.size() == 3);
            CHECK(is_upper_letter(code[0]));
            CHECK(is_upper_letter(code[1]));
            CHECK(is_upper_letter(code[2]));
            CHECK(c.numeric() >= 1);
            CHECK(c.numeric() <= 999);
            CHECK(c.minor_units() >= 0);
            CHECK(c.minor_units() <= 4);
        }
    }

    TEST_CASE("every code round-trips through its numeric code") {
        for (const auto& c : crm::Currency::all()) {
            CAPTURE(c);
            const crm::Currency by_code(c.code());
            CHECK(by_code == c);
            CHECK(by_code.numeric() == c.numeric());
            CHECK(by_code.minor_units() == c.minor_units());
            const crm::Currency by_numeric = crm::Currency::from_numeric(by_code.numeric());
            CHECK(by_numeric.code() == c.code());
            CHECK(by_numeric.minor_units() == c.minor_units());
        }
    }

    TEST_CASE("currencies are ordered and compared by code") {
        CHECK(crm::Currency("CNY") == crm::Currency::from_numeric(156));
        CHECK(crm::Currency("CNY") != crm::Currency("JPY"));
        CHECK(crm::Currency("AED") < crm::Currency("CNY"));
        CHECK(crm::Currency("ZWG") > crm::Currency("ZAR"));
    }

    TEST_CASE("a currency prints as its code") {
        std::ostringstream os;
        os << crm::Currency("EUR") << ' ' << crm::Currency{};
        CHECK(os.str() == "EUR CNY");
    }

    TEST_CASE("common currencies have display symbols") {
        CHECK(crm::Currency("CNY").symbol() == "¥");
        // JPY shares the glyph U+00A5 with CNY: a symbol is for display, the code identifies.
        CHECK(crm::Currency("JPY").symbol() == "¥");
        CHECK(crm::Currency("JPY").symbol() == crm::Currency("CNY").symbol());
        CHECK(crm::Currency("USD").symbol() == "$");
        CHECK(crm::Currency("EUR").symbol() == "€");
        CHECK(crm::Currency("EUR").symbol() == "\xE2\x82\xAC");  // UTF-8 bytes of U+20AC
        CHECK(crm::Currency("GBP").symbol() == "£");
        CHECK(crm::Currency("HKD").symbol() == "HK$");
        CHECK(crm::Currency("TWD").symbol() == "NT$");
        CHECK(crm::Currency("KRW").symbol() == "₩");
        CHECK(crm::Currency("INR").symbol() == "₹");
        CHECK(crm::Currency("RUB").symbol() == "₽");
        CHECK(crm::Currency("SGD").symbol() == "S$");
        CHECK(crm::Currency("AUD").symbol() == "A$");
        CHECK(crm::Currency("CAD").symbol() == "C$");
        CHECK(crm::Currency("CHF").symbol() == "CHF");
    }

    TEST_CASE("a currency without a common symbol shows its code") {
        CHECK(crm::Currency("KWD").symbol() == "KWD");
        CHECK(crm::Currency("XAU").symbol() == "XAU");
        // The view stays valid after the Currency it came from is gone.
        const std::string_view symbol = crm::Currency("MOP").symbol();
        CHECK(symbol == "MOP");
    }

    TEST_CASE("every symbol is short - non-empty UTF-8 text") {
        for (const auto& c : crm::Currency::all()) {
            CAPTURE(c);
            const std::string_view symbol = c.symbol();
            CHECK(!symbol.empty());
            CHECK(symbol.size() <= 4);
        }
    }

    TEST_CASE("a malformed currency code is rejected naming the field") {
        for (const std::string_view code :
             {"", "C", "CN", "CNYY", "cny", "Cny", "CnY", "CN1", "C Y", " CNY", "CNY ", "US$", "€UR"}) {
            check_unknown_code(code, "order.currency");
        }
        check_unknown_code(std::string_view("CN\0", 3), "order.currency");
        check_unknown_code(std::string_view("C\0NY", 4), "order.currency");
    }

    TEST_CASE("a well-formed code that is not in the table is rejected") {
        for (const std::string_view code : {"ABC", "AAA", "ZZZ", "XYZ", "CNH", "RMB", "NTD"}) {
            check_unknown_code(code, "agreement.currency");
        }
    }

    TEST_CASE("withdrawn codes are unknown") {
        // Croatian kuna (euro since 2023), the euro's predecessors, the old leone, the RTGS/Zimbabwe
        // dollar, the bolivar fuerte, the pre-2006 Turkish lira.
        for (const std::string_view code : {"HRK", "DEM", "FRF", "ITL", "SLL", "ZWL", "VEF", "TRL"}) {
            check_unknown_code(code, "currency");
        }
    }

    TEST_CASE("codes replaced after the 2024-06-25 list are unknown") {
        // ANG gave way to XCG (same numeric code 532) on 2025-03-31; Bulgaria adopted the euro on
        // 2026-01-01. Both decisions are documented at the table in src/money/currency.cpp.
        check_unknown_code("ANG", "currency");
        check_unknown_code("BGN", "currency");
        CHECK(crm::Currency::from_numeric(532).code() == "XCG");
        check_unknown_numeric(975, "currency");  // BGN
    }

    TEST_CASE("a withdrawn currency is readable for old documents and refused for new money") {
        // an invoice of 2022 in kuna can be represented
        const crm::Currency hrk = crm::Currency::historic("HRK");
        CHECK(hrk.code() == "HRK");
        CHECK(hrk.numeric() == 191);
        CHECK(hrk.minor_units() == 2);
        const crm::Money old_invoice{crm::Decimal("1250.00"), hrk};
        CHECK(old_invoice.currency() == hrk);
        CHECK(hrk.withdrawn_on() == crm::Date(2023, 1, 1));
        CHECK(hrk.is_current(crm::Date(2022, 12, 31)));
        CHECK_FALSE(hrk.is_current(crm::Date(2023, 1, 1)));
        CHECK(hrk.symbol() == "HRK");
        // new money at an as-of date: refused with the withdrawal day and the replacement
        const auto e = error_of([&] { hrk.require_current(crm::Date(2026, 12, 1), "invoice.currency"); });
        REQUIRE(e.has_value());
        CHECK(e->code() == crm::ErrorCode::unknown_currency);
        CHECK(e->field() == "invoice.currency");
        CHECK(e->message().find("withdrawn on 2023-01-01, replaced by EUR") != std::string::npos);
        hrk.require_current(crm::Date(2022, 6, 30));  // before the changeover: fine
        // ANG gave way to XCG on 2025-03-31: readable, current before that day only
        const crm::Currency ang = crm::Currency::historic("ANG");
        CHECK(ang.is_current(crm::Date(2025, 3, 30)));
        CHECK_FALSE(ang.is_current(crm::Date(2025, 3, 31)));
        CHECK(crm::Currency::from_numeric(532).code() == "XCG");
        // active codes through historic are the active ones, always current
        CHECK(crm::Currency::historic("CNY") == crm::Currency{});
        CHECK_FALSE(crm::Currency{}.withdrawn_on().has_value());
        CHECK(crm::Currency{}.is_current(crm::Date::max()));
        // the plain constructor still refuses them, and says how to read them
        const auto plain = error_of([] { (void)crm::Currency("HRK", "invoice.currency"); });
        REQUIRE(plain.has_value());
        CHECK(plain->field() == "invoice.currency");
        CHECK(plain->message().find("Currency::historic") != std::string::npos);
        // codes in neither table
        check_unknown_code("DEM", "currency");
        CHECK(error_of([] { (void)crm::Currency::historic("XYZ", "doc.currency"); })->field() ==
              "doc.currency");
        CHECK(error_of([] { (void)crm::Currency::historic("hrk"); })->code() ==
              crm::ErrorCode::unknown_currency);
    }

    TEST_CASE("the withdrawn table: sorted none active each replaced by an active code") {
        const auto list = crm::withdrawn_currencies();
        CHECK(list.size() == 14);
        for (std::size_t i = 0; i < list.size(); ++i) {
            CAPTURE(list[i].currency);
            if (i > 0) CHECK(list[i - 1].currency < list[i].currency);
            CHECK(crm::Currency::historic(list[i].currency.code()) == list[i].currency);
            CHECK(list[i].currency.withdrawn_on() == list[i].withdrawn);
            CHECK(crm::Currency(list[i].replaced_by.code()) == list[i].replaced_by);
            CHECK(list[i].replaced_by.is_current(list[i].withdrawn));
            check_unknown_code(list[i].currency.code(), "currency");
        }
        // the euro changeovers
        const std::pair<const char*, int> changeovers[] = {{"SIT", 2007}, {"CYP", 2008}, {"MTL", 2008},
                                                           {"SKK", 2009}, {"EEK", 2011}, {"LVL", 2014},
                                                           {"LTL", 2015}, {"HRK", 2023}, {"BGN", 2026}};
        for (const auto& changeover : changeovers) {
            const char* const code = changeover.first;  // (clang 14: no structured binding in CAPTURE)
            const int year = changeover.second;
            CAPTURE(code);
            const crm::Currency c = crm::Currency::historic(code);
            CHECK(c.withdrawn_on() == crm::Date(year, 1, 1));
        }
    }

    TEST_CASE("the field name defaults to currency") {
        const auto e = error_of([] { (void)crm::Currency("cny"); });
        REQUIRE(e.has_value());
        CHECK(e->field() == "currency");
        const auto n = error_of([] { (void)crm::Currency::from_numeric(0); });
        REQUIRE(n.has_value());
        CHECK(n->field() == "currency");
    }

    TEST_CASE("the error message quotes the code but stays short and printable") {
        const auto lower = error_of([] { (void)crm::Currency("cny"); });
        REQUIRE(lower.has_value());
        CHECK(lower->message().find("\"cny\"") != std::string::npos);

        const auto unknown = error_of([] { (void)crm::Currency("ABC"); });
        REQUIRE(unknown.has_value());
        CHECK(unknown->message().find("\"ABC\"") != std::string::npos);

        const std::string huge(100000, 'A');
        const auto big = error_of([&] { (void)crm::Currency(huge); });
        REQUIRE(big.has_value());
        CHECK(big->message().size() < 200);
        CHECK(big->message().find("\"AAAAAAAAAAAAAAAA\"") != std::string::npos);  // 16 letters shown
        CHECK(big->message().find("100000 bytes") != std::string::npos);

        const auto binary = error_of([] { (void)crm::Currency(std::string_view("\x01\n\"", 3)); });
        REQUIRE(binary.has_value());
        CHECK(binary->message().find("\"\\x01\\x0A\\x22\"") != std::string::npos);
        for (const char ch : binary->message()) {
            const auto byte = static_cast<unsigned char>(ch);
            CHECK(byte >= 0x20);
            CHECK(byte < 0x7F);
        }
    }

    TEST_CASE("an unknown numeric code is rejected naming the field") {
        for (const int numeric : {0, -1, 1, 191, 694, 932, 998, 1000, 1156, INT_MIN, INT_MAX}) {
            check_unknown_numeric(numeric, "invoice.currency_numeric");
        }
    }

}  // TEST_SUITE
