#pragma once
/// \file
/// crm::Currency: an ISO 4217 currency (alphabetic code, numeric code, minor units) from a
/// compiled-in table of the active codes. An unknown code is an Error, never a guess.
/// Proven by tests/money/currency_test.cpp.

#include <crm/export.hpp>
#include <crm/time/date.hpp>

#include <array>
#include <bit>
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string_view>

namespace crm {

/// A currency of ISO 4217 (币种): its three-letter code, numeric code and minor units, looked up in the table
/// compiled into the library (see the file comment). A small regular value, default CNY; two currencies are
/// equal when their codes are. Proven by tests/money/currency_test.cpp.
class CRM_EXPORT Currency {
public:
    /// CNY, the default currency of the domain (domain.md: mainland China).
    constexpr Currency() noexcept = default;

    /// Looks up an ISO 4217 alphabetic code (upper case, e.g. "CNY"); throws
    /// ErrorCode::unknown_currency naming `field` when the code is not an active one.
    explicit Currency(std::string_view code, std::string_view field = "currency");
    /// Looks up a numeric code (156 is CNY); throws unknown_currency.
    [[nodiscard]] static Currency from_numeric(int numeric, std::string_view field = "currency");

    /// The alphabetic code, upper case: "CNY", "USD".
    [[nodiscard]] constexpr std::string_view code() const noexcept { return {bytes_.data(), 3}; }
    /// The numeric code: 156 for CNY, 840 for USD.
    [[nodiscard]] constexpr int numeric() const noexcept { return numeric_; }
    /// Digits after the point in the currency's minor unit: CNY 2, JPY 0, KWD 3.
    [[nodiscard]] constexpr int minor_units() const noexcept { return bytes_[3]; }
    /// A display symbol where a common one exists (CNY "¥", USD "$", EUR "€"), else the code.
    [[nodiscard]] std::string_view symbol() const noexcept;

    /// Same code (one 32-bit comparison: it sits on every Money addition).
    friend constexpr bool operator==(const Currency& a, const Currency& b) noexcept {
        return std::bit_cast<std::uint32_t>(a.bytes_) == std::bit_cast<std::uint32_t>(b.bytes_);
    }
    /// Alphabetical by code.
    friend constexpr std::strong_ordering operator<=>(const Currency& a, const Currency& b) noexcept {
        return a.code() <=> b.code();
    }

    /// Every active currency of the table, ordered by code.
    [[nodiscard]] static std::span<const Currency> all() noexcept;

    /// Looks up an active code or a withdrawn one of the historic table (withdrawn()), so that
    /// an old document (an invoice in HRK) can still be read and represented. Throws
    /// unknown_currency naming `field` for a code in neither. New money is checked with
    /// is_current / require_current at its as-of date.
    [[nodiscard]] static Currency historic(std::string_view code, std::string_view field = "currency");
    /// The day this currency stopped being issued as new money (its replacement's first day:
    /// HRK 2023-01-01, when Croatia adopted the euro), or nothing for an active currency.
    [[nodiscard]] std::optional<Date> withdrawn_on() const noexcept;
    /// True unless the currency was withdrawn on or before `as_of`.
    [[nodiscard]] bool is_current(Date as_of) const noexcept {
        const std::optional<Date> w = withdrawn_on();
        return !w || as_of < *w;
    }
    /// Throws crm::Error(unknown_currency) naming `field` when the currency is not current at
    /// `as_of`; the message gives the withdrawal day and the replacement ("HRK was withdrawn on
    /// 2023-01-01, replaced by EUR").
    void require_current(Date as_of, std::string_view field = "currency") const;

    struct Entry;  // a row of the table (src/money/currency.cpp); the only way to make a Currency field by
                   // field

private:
    constexpr Currency(std::array<char, 3> code, std::uint16_t numeric, std::uint8_t minor) noexcept
        : bytes_{code[0], code[1], code[2], static_cast<char>(minor)}, numeric_(numeric) {}

    std::array<char, 4> bytes_{'C', 'N', 'Y', 2};  // the code, then the minor units
    std::uint16_t numeric_ = 156;
};

/// Prints the alphabetic code (`CNY`).
CRM_EXPORT std::ostream& operator<<(std::ostream& os, const Currency& c);

/// A withdrawn currency (ISO 4217 list three, "historic denominations") with the day it
/// stopped being issued and the currency that replaced it.
struct CRM_EXPORT WithdrawnCurrency {
    Currency currency;  ///< the withdrawn code, as Currency::historic gives it
    Date withdrawn;  ///< the replacement's first day: amounts dated from then are new money in `replaced_by`
    Currency replaced_by;  ///< the active currency that replaced it (EUR for HRK)
};
/// The withdrawn currencies the library knows, ordered by code: HRK, LTL, LVL, EEK, SKK, CYP, MTL,
/// SIT (their euro changeovers), BGN (euro 2026-01-01), ANG (XCG 2025-03-31), MRO, STD (2018
/// redenominations), VEF (VES 2018-08-20), SLL (SLE 2022-07-01). A modest list of facts checked
/// one by one, not every code list three holds; docs/money.md has the sources.
[[nodiscard]] CRM_EXPORT std::span<const WithdrawnCurrency> withdrawn_currencies() noexcept;

}  // namespace crm
