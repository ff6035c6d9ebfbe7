#include <crm/core/error.hpp>
#include <crm/money/currency.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace crm {

/// One row of ISO 4217 Table A.1: alphabetic code, numeric code, minor units.
struct Currency::Entry {
    std::array<char, 3> code;
    std::uint16_t numeric;
    std::uint8_t minor_units;

    constexpr Entry(const char (&alpha)[4], std::uint16_t number, std::uint8_t minor) noexcept
        : code{alpha[0], alpha[1], alpha[2]}, numeric(number), minor_units(minor) {}

    [[nodiscard]] constexpr Currency currency() const noexcept {
        return Currency(code, numeric, minor_units);
    }
};

namespace {

/// ISO 4217 gives "N.A." as the minor unit of precious metals, units of account, XTS and
/// XXX. They have no minor unit, so they are stored as 0: an amount of XAU rounds to whole
/// units. Nothing else in the table uses this value for "not applicable".
constexpr std::uint8_t not_applicable = 0;

// Every active code of ISO 4217 Table A.1 ("list one"), one row per code, sorted by code.
//
// Source: the list-one edition published by SIX (the ISO 4217 maintenance agency) on
// 2024-06-25, the edition that added ZWG (Zimbabwe Gold) and dropped ZWL. Earlier withdrawals
// already missing from it: HRK (Croatia joined the euro on 2023-01-01), SLL (replaced by SLE),
// ZWL (replaced by ZWG), VEF (replaced by VES).
//
// Two changes after that edition, applied from news of the issuing authorities rather than
// from a later published list, so check them when the next edition is taken in:
//   * XCG (Caribbean guilder, numeric 532) replaced ANG (also 532) in Curacao and Sint
//     Maarten on 2025-03-31; ANG stopped being legal tender on 2025-06-30. ANG is left out:
//     the two codes share a numeric code and cannot both be looked up by it.
//   * BGN (975) is left out: Bulgaria adopted the euro on 2026-01-01 (lev legal tender until
//     2026-01-31). Dropping it follows the HRK precedent; the SIX list removing it was not
//     checked.
// Codes kept although their status has been discussed: CUC (Cuba, still in the 2024 list),
// VED next to VES (Venezuela lists both).
//
// Fund codes (list one marks them IsFund) keep their listed minor units: BOV, CHE, CHW, CLF,
// COU, MXV, USN, UYI.
constexpr Currency::Entry entries[] = {
    {"AED", 784, 2},               // UAE Dirham
    {"AFN", 971, 2},               // Afghani
    {"ALL", 8, 2},                 // Lek
    {"AMD", 51, 2},                // Armenian Dram
    {"AOA", 973, 2},               // Kwanza
    {"ARS", 32, 2},                // Argentine Peso
    {"AUD", 36, 2},                // Australian Dollar
    {"AWG", 533, 2},               // Aruban Florin
    {"AZN", 944, 2},               // Azerbaijan Manat
    {"BAM", 977, 2},               // Convertible Mark
    {"BBD", 52, 2},                // Barbados Dollar
    {"BDT", 50, 2},                // Taka
    {"BHD", 48, 3},                // Bahraini Dinar
    {"BIF", 108, 0},               // Burundi Franc
    {"BMD", 60, 2},                // Bermudian Dollar
    {"BND", 96, 2},                // Brunei Dollar
    {"BOB", 68, 2},                // Boliviano
    {"BOV", 984, 2},               // Mvdol (fund)
    {"BRL", 986, 2},               // Brazilian Real
    {"BSD", 44, 2},                // Bahamian Dollar
    {"BTN", 64, 2},                // Ngultrum
    {"BWP", 72, 2},                // Pula
    {"BYN", 933, 2},               // Belarusian Ruble
    {"BZD", 84, 2},                // Belize Dollar
    {"CAD", 124, 2},               // Canadian Dollar
    {"CDF", 976, 2},               // Congolese Franc
    {"CHE", 947, 2},               // WIR Euro (fund)
    {"CHF", 756, 2},               // Swiss Franc
    {"CHW", 948, 2},               // WIR Franc (fund)
    {"CLF", 990, 4},               // Unidad de Fomento (fund)
    {"CLP", 152, 0},               // Chilean Peso
    {"CNY", 156, 2},               // Yuan Renminbi
    {"COP", 170, 2},               // Colombian Peso
    {"COU", 970, 2},               // Unidad de Valor Real (fund)
    {"CRC", 188, 2},               // Costa Rican Colon
    {"CUC", 931, 2},               // Peso Convertible
    {"CUP", 192, 2},               // Cuban Peso
    {"CVE", 132, 2},               // Cabo Verde Escudo
    {"CZK", 203, 2},               // Czech Koruna
    {"DJF", 262, 0},               // Djibouti Franc
    {"DKK", 208, 2},               // Danish Krone
    {"DOP", 214, 2},               // Dominican Peso
    {"DZD", 12, 2},                // Algerian Dinar
    {"EGP", 818, 2},               // Egyptian Pound
    {"ERN", 232, 2},               // Nakfa
    {"ETB", 230, 2},               // Ethiopian Birr
    {"EUR", 978, 2},               // Euro
    {"FJD", 242, 2},               // Fiji Dollar
    {"FKP", 238, 2},               // Falkland Islands Pound
    {"GBP", 826, 2},               // Pound Sterling
    {"GEL", 981, 2},               // Lari
    {"GHS", 936, 2},               // Ghana Cedi
    {"GIP", 292, 2},               // Gibraltar Pound
    {"GMD", 270, 2},               // Dalasi
    {"GNF", 324, 0},               // Guinean Franc
    {"GTQ", 320, 2},               // Quetzal
    {"GYD", 328, 2},               // Guyana Dollar
    {"HKD", 344, 2},               // Hong Kong Dollar
    {"HNL", 340, 2},               // Lempira
    {"HTG", 332, 2},               // Gourde
    {"HUF", 348, 2},               // Forint
    {"IDR", 360, 2},               // Rupiah
    {"ILS", 376, 2},               // New Israeli Sheqel
    {"INR", 356, 2},               // Indian Rupee
    {"IQD", 368, 3},               // Iraqi Dinar
    {"IRR", 364, 2},               // Iranian Rial
    {"ISK", 352, 0},               // Iceland Krona
    {"JMD", 388, 2},               // Jamaican Dollar
    {"JOD", 400, 3},               // Jordanian Dinar
    {"JPY", 392, 0},               // Yen
    {"KES", 404, 2},               // Kenyan Shilling
    {"KGS", 417, 2},               // Som
    {"KHR", 116, 2},               // Riel
    {"KMF", 174, 0},               // Comorian Franc
    {"KPW", 408, 2},               // North Korean Won
    {"KRW", 410, 0},               // Won
    {"KWD", 414, 3},               // Kuwaiti Dinar
    {"KYD", 136, 2},               // Cayman Islands Dollar
    {"KZT", 398, 2},               // Tenge
    {"LAK", 418, 2},               // Lao Kip
    {"LBP", 422, 2},               // Lebanese Pound
    {"LKR", 144, 2},               // Sri Lanka Rupee
    {"LRD", 430, 2},               // Liberian Dollar
    {"LSL", 426, 2},               // Loti
    {"LYD", 434, 3},               // Libyan Dinar
    {"MAD", 504, 2},               // Moroccan Dirham
    {"MDL", 498, 2},               // Moldovan Leu
    {"MGA", 969, 2},               // Malagasy Ariary
    {"MKD", 807, 2},               // Denar
    {"MMK", 104, 2},               // Kyat
    {"MNT", 496, 2},               // Tugrik
    {"MOP", 446, 2},               // Pataca
    {"MRU", 929, 2},               // Ouguiya
    {"MUR", 480, 2},               // Mauritius Rupee
    {"MVR", 462, 2},               // Rufiyaa
    {"MWK", 454, 2},               // Malawi Kwacha
    {"MXN", 484, 2},               // Mexican Peso
    {"MXV", 979, 2},               // Mexican Unidad de Inversion (fund)
    {"MYR", 458, 2},               // Malaysian Ringgit
    {"MZN", 943, 2},               // Mozambique Metical
    {"NAD", 516, 2},               // Namibia Dollar
    {"NGN", 566, 2},               // Naira
    {"NIO", 558, 2},               // Cordoba Oro
    {"NOK", 578, 2},               // Norwegian Krone
    {"NPR", 524, 2},               // Nepalese Rupee
    {"NZD", 554, 2},               // New Zealand Dollar
    {"OMR", 512, 3},               // Rial Omani
    {"PAB", 590, 2},               // Balboa
    {"PEN", 604, 2},               // Sol
    {"PGK", 598, 2},               // Kina
    {"PHP", 608, 2},               // Philippine Peso
    {"PKR", 586, 2},               // Pakistan Rupee
    {"PLN", 985, 2},               // Zloty
    {"PYG", 600, 0},               // Guarani
    {"QAR", 634, 2},               // Qatari Rial
    {"RON", 946, 2},               // Romanian Leu
    {"RSD", 941, 2},               // Serbian Dinar
    {"RUB", 643, 2},               // Russian Ruble
    {"RWF", 646, 0},               // Rwanda Franc
    {"SAR", 682, 2},               // Saudi Riyal
    {"SBD", 90, 2},                // Solomon Islands Dollar
    {"SCR", 690, 2},               // Seychelles Rupee
    {"SDG", 938, 2},               // Sudanese Pound
    {"SEK", 752, 2},               // Swedish Krona
    {"SGD", 702, 2},               // Singapore Dollar
    {"SHP", 654, 2},               // Saint Helena Pound
    {"SLE", 925, 2},               // Leone
    {"SOS", 706, 2},               // Somali Shilling
    {"SRD", 968, 2},               // Surinam Dollar
    {"SSP", 728, 2},               // South Sudanese Pound
    {"STN", 930, 2},               // Dobra
    {"SVC", 222, 2},               // El Salvador Colon
    {"SYP", 760, 2},               // Syrian Pound
    {"SZL", 748, 2},               // Lilangeni
    {"THB", 764, 2},               // Baht
    {"TJS", 972, 2},               // Somoni
    {"TMT", 934, 2},               // Turkmenistan New Manat
    {"TND", 788, 3},               // Tunisian Dinar
    {"TOP", 776, 2},               // Pa'anga
    {"TRY", 949, 2},               // Turkish Lira
    {"TTD", 780, 2},               // Trinidad and Tobago Dollar
    {"TWD", 901, 2},               // New Taiwan Dollar
    {"TZS", 834, 2},               // Tanzanian Shilling
    {"UAH", 980, 2},               // Hryvnia
    {"UGX", 800, 0},               // Uganda Shilling
    {"USD", 840, 2},               // US Dollar
    {"USN", 997, 2},               // US Dollar (Next day) (fund)
    {"UYI", 940, 0},               // Uruguay Peso en Unidades Indexadas (fund)
    {"UYU", 858, 2},               // Peso Uruguayo
    {"UYW", 927, 4},               // Unidad Previsional
    {"UZS", 860, 2},               // Uzbekistan Sum
    {"VED", 926, 2},               // Bolivar Soberano (digital)
    {"VES", 928, 2},               // Bolivar Soberano
    {"VND", 704, 0},               // Dong
    {"VUV", 548, 0},               // Vatu
    {"WST", 882, 2},               // Tala
    {"XAF", 950, 0},               // CFA Franc BEAC
    {"XAG", 961, not_applicable},  // Silver
    {"XAU", 959, not_applicable},  // Gold
    {"XBA", 955, not_applicable},  // Bond Markets Unit European Composite Unit (EURCO)
    {"XBB", 956, not_applicable},  // Bond Markets Unit European Monetary Unit (E.M.U.-6)
    {"XBC", 957, not_applicable},  // Bond Markets Unit European Unit of Account 9
    {"XBD", 958, not_applicable},  // Bond Markets Unit European Unit of Account 17
    {"XCD", 951, 2},               // East Caribbean Dollar
    {"XCG", 532, 2},               // Caribbean Guilder (from 2025-03-31; see above)
    {"XDR", 960, not_applicable},  // SDR (Special Drawing Right)
    {"XOF", 952, 0},               // CFA Franc BCEAO
    {"XPD", 964, not_applicable},  // Palladium
    {"XPF", 953, 0},               // CFP Franc
    {"XPT", 962, not_applicable},  // Platinum
    {"XSU", 994, not_applicable},  // Sucre
    {"XTS", 963, not_applicable},  // Code reserved for testing
    {"XUA", 965, not_applicable},  // ADB Unit of Account
    {"XXX", 999, not_applicable},  // No currency involved
    {"YER", 886, 2},               // Yemeni Rial
    {"ZAR", 710, 2},               // Rand
    {"ZMW", 967, 2},               // Zambian Kwacha
    {"ZWG", 924, 2},               // Zimbabwe Gold
};

constexpr std::size_t entry_count = std::size(entries);

constexpr bool is_upper_letter(char c) noexcept { return c >= 'A' && c <= 'Z'; }

/// Packs three upper-case letters into one integer that orders like the code itself.
constexpr std::uint32_t key_of(char a, char b, char c) noexcept {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(a)) << 16U) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b)) << 8U) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(c));
}

constexpr bool entries_are_valid() noexcept {
    for (std::size_t i = 0; i < entry_count; ++i) {
        const auto& e = entries[i];
        if (!is_upper_letter(e.code[0]) || !is_upper_letter(e.code[1]) || !is_upper_letter(e.code[2]))
            return false;
        if (e.numeric < 1 || e.numeric > 999 || e.minor_units > 4) return false;
        if (i > 0 && !(entries[i - 1].code < e.code)) return false;  // sorted, hence unique
        for (std::size_t j = 0; j < i; ++j)
            if (entries[j].numeric == e.numeric) return false;
    }
    return true;
}
static_assert(entries_are_valid(),
              "currency table: codes must be 3 upper-case letters in strictly ascending order, "
              "numeric codes unique in 1..999, minor units in 0..4");
static_assert(entry_count < 255, "the numeric index stores row + 1 in a byte");

constexpr std::array<Currency, entry_count> make_table() noexcept {
    std::array<Currency, entry_count> out{};
    for (std::size_t i = 0; i < entry_count; ++i) out[i] = entries[i].currency();
    return out;
}

constexpr std::array<std::uint32_t, entry_count> make_keys() noexcept {
    std::array<std::uint32_t, entry_count> out{};
    for (std::size_t i = 0; i < entry_count; ++i)
        out[i] = key_of(entries[i].code[0], entries[i].code[1], entries[i].code[2]);
    return out;
}

/// numeric code -> row + 1; 0 where no active currency has that number.
constexpr std::array<std::uint8_t, 1000> make_numeric_index() noexcept {
    std::array<std::uint8_t, 1000> out{};
    for (std::size_t i = 0; i < entry_count; ++i) out[entries[i].numeric] = static_cast<std::uint8_t>(i + 1);
    return out;
}

constexpr auto table = make_table();
constexpr auto keys = make_keys();
constexpr auto numeric_index = make_numeric_index();

/// The table's row for a packed code, or nullptr: a binary search over `keys`.
constexpr const Currency* find_row(std::uint32_t key) noexcept {
    const auto* const end = keys.data() + keys.size();
    const auto* const found = std::lower_bound(keys.data(), end, key);
    if (found == end || *found != key) return nullptr;
    return &table[static_cast<std::size_t>(found - keys.data())];
}

// Equality compares codes only; the numeric code and minor units of the default are checked
// against the table by tests/money/currency_test.cpp.
static_assert(find_row(key_of('C', 'N', 'Y')) != nullptr && *find_row(key_of('C', 'N', 'Y')) == Currency{},
              "the default currency must be in the table");

/// The offending text for a message: at most 16 bytes, quoted, anything but printable
/// ASCII written as \xNN, so that a huge or binary input cannot flood a log.
std::string quoted_excerpt(std::string_view text) {
    constexpr std::size_t max_shown = 16;
    constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (const char c : text.substr(0, max_shown)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\') {
            out += c;
        } else {
            out += "\\x";
            out += hex[byte >> 4U];
            out += hex[byte & 0x0FU];
        }
    }
    out += '"';
    if (text.size() > max_shown) out += "... (" + std::to_string(text.size()) + " bytes)";
    return out;
}

enum class CodeProblem { malformed, not_active };

[[noreturn]] void throw_unknown_code(CodeProblem problem, std::string_view code, std::string_view field) {
    std::string message = quoted_excerpt(code);
    message += problem == CodeProblem::malformed
                   ? " is not an ISO 4217 currency code: expected 3 upper-case letters such as CNY"
                   : " is not an active ISO 4217 currency code";
    throw Error(ErrorCode::unknown_currency, std::string(field), std::move(message));
}

struct SymbolRow {
    std::string_view code;
    std::string_view symbol;
};

// Common display symbols (UTF-8). CNY and JPY share U+00A5 "¥", so a symbol is for display
// only: it does not identify the currency, the code does.
constexpr SymbolRow symbols[] = {
    {"AUD", "A$"}, {"CAD", "C$"},  {"CHF", "CHF"}, {"CNY", "¥"},   {"EUR", "€"},
    {"GBP", "£"},  {"HKD", "HK$"}, {"ILS", "₪"},   {"INR", "₹"},   {"JPY", "¥"},
    {"KRW", "₩"},  {"NZD", "NZ$"}, {"PHP", "₱"},   {"RUB", "₽"}, {"SGD", "S$"},
    {"THB", "฿"},  {"TRY", "₺"},   {"TWD", "NT$"}, {"USD", "$"},   {"VND", "₫"},
};

// ---- withdrawn currencies (ISO 4217 list three) ------------------------------------------------
//
// A modest list, each row checked on its own: the code, numeric code and minor units as list
// three gives them, and the day the replacement became the currency (the euro changeover
// dates of the member states' adoption decisions; the central banks' redenomination dates).
// ISO 4217 list three records only the month; the day here is the changeover's.
struct HistoricRow {
    Currency::Entry entry;
    int year;
    unsigned month;
    unsigned day;
    const char* replaced_by;
};

constexpr HistoricRow historic_rows[] = {
    {{"ANG", 532, 2}, 2025, 3, 31, "XCG"},  // Netherlands Antillean guilder -> Caribbean guilder
    {{"BGN", 975, 2}, 2026, 1, 1, "EUR"},   // Bulgarian lev: euro
    {{"CYP", 196, 2}, 2008, 1, 1, "EUR"},   // Cyprus pound: euro
    {{"EEK", 233, 2}, 2011, 1, 1, "EUR"},   // Estonian kroon: euro
    {{"HRK", 191, 2}, 2023, 1, 1, "EUR"},   // Croatian kuna: euro
    {{"LTL", 440, 2}, 2015, 1, 1, "EUR"},   // Lithuanian litas: euro
    {{"LVL", 428, 2}, 2014, 1, 1, "EUR"},   // Latvian lats: euro
    {{"MRO", 478, 2}, 2018, 1, 1, "MRU"},   // ouguiya, redenominated 10:1
    {{"MTL", 470, 2}, 2008, 1, 1, "EUR"},   // Maltese lira: euro
    {{"SIT", 705, 2}, 2007, 1, 1, "EUR"},   // Slovenian tolar: euro
    {{"SKK", 703, 2}, 2009, 1, 1, "EUR"},   // Slovak koruna: euro
    {{"SLL", 694, 2}, 2022, 7, 1, "SLE"},   // leone, redenominated 1000:1
    {{"STD", 678, 2}, 2018, 1, 1, "STN"},   // dobra, redenominated 1000:1
    {{"VEF", 937, 2}, 2018, 8, 20, "VES"},  // bolivar fuerte, redenominated 100000:1
};

constexpr bool historic_rows_are_valid() noexcept {
    for (std::size_t i = 0; i < std::size(historic_rows); ++i) {
        const auto& e = historic_rows[i].entry;
        if (i > 0 && !(historic_rows[i - 1].entry.code < e.code)) return false;          // sorted, unique
        if (find_row(key_of(e.code[0], e.code[1], e.code[2])) != nullptr) return false;  // not active too
        const char* r = historic_rows[i].replaced_by;
        if (find_row(key_of(r[0], r[1], r[2])) == nullptr) return false;  // replaced by an active code
    }
    return true;
}
static_assert(historic_rows_are_valid(),
              "withdrawn currencies: sorted by code, none also active, each replaced by an active code");

const std::array<WithdrawnCurrency, std::size(historic_rows)>& historic_table() {
    static const auto table_of_rows = [] {
        std::array<WithdrawnCurrency, std::size(historic_rows)> out{};
        for (std::size_t i = 0; i < out.size(); ++i) {
            const HistoricRow& r = historic_rows[i];
            out[i] = WithdrawnCurrency{.currency = r.entry.currency(),
                                       .withdrawn = Date(r.year, r.month, r.day),
                                       .replaced_by = Currency(r.replaced_by)};
        }
        return out;
    }();
    return table_of_rows;
}

const WithdrawnCurrency* find_withdrawn(std::string_view code) noexcept {
    for (const WithdrawnCurrency& w : historic_table())
        if (w.currency.code() == code) return &w;
    return nullptr;
}

}  // namespace

std::span<const WithdrawnCurrency> withdrawn_currencies() noexcept { return historic_table(); }

Currency Currency::historic(std::string_view code, std::string_view field) {
    if (code.size() == 3)
        if (const WithdrawnCurrency* w = find_withdrawn(code)) return w->currency;
    return Currency(code, field);
}

std::optional<Date> Currency::withdrawn_on() const noexcept {
    if (find_row(key_of(bytes_[0], bytes_[1], bytes_[2])) != nullptr)
        return std::nullopt;  // active: fast path
    if (const WithdrawnCurrency* w = find_withdrawn(code())) return w->withdrawn;
    return std::nullopt;
}

void Currency::require_current(Date as_of, std::string_view field) const {
    if (is_current(as_of)) return;
    const WithdrawnCurrency* w = find_withdrawn(code());
    throw Error(ErrorCode::unknown_currency, std::string(field),
                std::string(code()) + " was withdrawn on " + w->withdrawn.to_string() + ", replaced by " +
                    std::string(w->replaced_by.code()) + "; it is not current on " + as_of.to_string() +
                    " (an old document may still be read with Currency::historic)");
}

Currency::Currency(std::string_view code, std::string_view field) {
    if (code.size() != 3 || !is_upper_letter(code[0]) || !is_upper_letter(code[1]) ||
        !is_upper_letter(code[2]))
        throw_unknown_code(CodeProblem::malformed, code, field);
    const Currency* const row = find_row(key_of(code[0], code[1], code[2]));
    if (row == nullptr) {
        if (const WithdrawnCurrency* w = find_withdrawn(code))
            throw Error(ErrorCode::unknown_currency, std::string(field),
                        std::string(code) + " is a withdrawn ISO 4217 currency (since " +
                            w->withdrawn.to_string() + ", replaced by " + std::string(w->replaced_by.code()) +
                            "); read old documents with Currency::historic");
        throw_unknown_code(CodeProblem::not_active, code, field);
    }
    *this = *row;
}

Currency Currency::from_numeric(int numeric, std::string_view field) {
    if (numeric >= 0 && numeric < static_cast<int>(numeric_index.size())) {
        const std::uint8_t row = numeric_index[static_cast<std::size_t>(numeric)];
        if (row != 0) return table[row - 1U];
    }
    throw Error(ErrorCode::unknown_currency, std::string(field),
                std::to_string(numeric) + " is not the numeric code of an active ISO 4217 currency");
}

std::string_view Currency::symbol() const noexcept {
    const std::string_view own = code();
    for (const auto& row : symbols)
        if (row.code == own) return row.symbol;
    // The table's copy of the code, so that the view outlives a temporary Currency. Only a
    // Currency built field by field with a code outside the table falls back to its own.
    const Currency* const row = find_row(key_of(own[0], own[1], own[2]));
    if (row != nullptr) return row->code();
    if (const WithdrawnCurrency* w = find_withdrawn(own)) return w->currency.code();
    return own;
}

std::span<const Currency> Currency::all() noexcept { return table; }

std::ostream& operator<<(std::ostream& os, const Currency& c) { return os << c.code(); }

}  // namespace crm
