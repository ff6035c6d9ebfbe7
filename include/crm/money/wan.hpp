#pragma once
/// \file
/// Amounts in 万元 (ten thousand yuan), as Chinese management reports state them:
/// CNY 1,234,567.89 at two places is 123.46万元. A column of rounded figures and the rounded
/// total may disagree by the rounding; wan_column() either allocates the rounding (the total
/// stays the exact total rounded and the parts are adjusted by largest remainder) or keeps
/// each part rounded on its own and reports the difference, for a renderer to mark. Every
/// renderer (text, Markdown, HTML, spreadsheets) formats through these functions.
/// Proven by tests/money/wan_test.cpp.

#include <crm/export.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rounding.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace crm {

/// How amounts become 万元 figures. Defaults: two places, half-up (四舍五入).
struct CRM_EXPORT WanOptions {
    int decimals = 2;                               ///< places of the 万元 figure, 0..8
    RoundingMode rounding = RoundingMode::half_up;  ///< how each figure is rounded
    bool grouping = false;                          ///< `12,345.68` instead of `12345.68` in format_wan

    /// Memberwise equality.
    friend constexpr bool operator==(const WanOptions&, const WanOptions&) noexcept = default;
};

/// The amount in 万元 (of its currency's unit), rounded: 1,234,567.89 -> 123.46 (two places,
/// half-up). Throws
/// invalid_argument naming `options.decimals` outside 0..8 or `options.rounding` when it is not
/// a RoundingMode.
[[nodiscard]] CRM_EXPORT Decimal to_wan(const Money& amount, const WanOptions& options = {});

/// A 万元 figure as text with its unit: `123.46万元`, `-0.50万元`, `1,234.00万元` with grouping.
/// Padded to `options.decimals` places and never rounded (round with to_wan or wan_column);
/// zero shows no minus sign.
[[nodiscard]] CRM_EXPORT std::string format_wan(const Decimal& wan, const WanOptions& options = {});
/// `format_wan(to_wan(amount, options), options)`; throws currency_mismatch naming `amount` for a
/// currency other than CNY (万元 is ten thousand yuan).
[[nodiscard]] CRM_EXPORT std::string format_wan(const Money& amount, const WanOptions& options = {});

/// What a column does when its rounded parts do not add up to its rounded total.
enum class WanTotals {
    allocate,  ///< adjust parts by whole last-place units so they sum to the rounded total
    mark,      ///< keep each part rounded on its own; `difference` says by how much they miss
};

/// A column of 万元 figures and its total.
struct CRM_EXPORT WanColumn {
    std::vector<Decimal> parts;       ///< one per amount, in order, at `decimals` places
    Decimal total;                    ///< the exact total of the amounts, in 万元, rounded
    Decimal difference;               ///< total - sum(parts): zero after allocation
    std::vector<std::int64_t> moved;  ///< per part: last-place units allocation added (-1, 0, +1)

    /// Memberwise equality.
    friend bool operator==(const WanColumn&, const WanColumn&) = default;
};

/// The amounts (all of one currency) as a column of 万元 figures. Each part is first rounded
/// on its own. With WanTotals::allocate, the column then differs from the rounded total by D
/// last-place units (|D| <= the number of parts); D parts are moved by one unit each toward the
/// total: those whose rounding took them furthest from their exact value (largest remainder),
/// ties to the earlier part. So the parts sum exactly to the total, and each part is within one
/// unit of its exact value. Throws currency_mismatch naming `amounts[i]`, and as to_wan.
/// An empty column has total zero.
[[nodiscard]] CRM_EXPORT WanColumn wan_column(std::span<const Money> amounts, const WanOptions& options = {},
                                              WanTotals totals = WanTotals::allocate);

}  // namespace crm
