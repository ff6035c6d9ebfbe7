#pragma once
/// \file
/// Splitting a tax-inclusive amount (含税价) into its net amount (不含税金额) and its tax (税额),
/// for one line or for a document of lines, so that everything reconciles exactly: net + tax
/// is the gross amount of every line, and the document's net, tax and gross are the sums of its
/// lines. Where the rounding happens is declared (TaxRounding). No price book is needed.
/// Proven by tests/money/tax_test.cpp.

#include <crm/export.hpp>
#include <crm/money/money.hpp>
#include <crm/money/rate.hpp>
#include <crm/money/rounding.hpp>

#include <span>
#include <vector>

namespace crm {

/// A tax-inclusive amount and its two parts. Invariant: net + tax == gross, all in one currency
/// at whole minor units.
struct CRM_EXPORT TaxSplit {
    Money gross;  ///< 价税合计, tax included
    Money net;    ///< 金额, net of tax
    Money tax;    ///< 税额

    /// Memberwise equality.
    friend bool operator==(const TaxSplit&, const TaxSplit&) = default;
};

/// Splits one tax-inclusive amount at the rate (VAT 13% is `Percent{"13"}`):
/// net = gross / (1 + rate) rounded to the currency's minor unit with `mode`, tax = gross - net.
/// CNY 113.00 at 13%: net 100.00, tax 13.00; CNY 100.00 at 13%: 100 / 1.13 = 88.495..., net
/// 88.50 (half-up), tax 11.50. Throws crm::Error naming `field` (invalid_argument: not a whole
/// number of minor units, round it first) or `rate` (invalid_argument: negative).
[[nodiscard]] CRM_EXPORT TaxSplit split_inclusive(const Money& gross, const Percent& rate,
                                                  RoundingMode mode = RoundingMode::half_up,
                                                  std::string_view field = "gross");

/// Where a document's tax is rounded.
enum class TaxRounding {
    /// Each line is split on its own (split_inclusive); the document's net and tax are the sums
    /// of the lines' (how a VAT invoice lists 金额 and 税额 per line).
    per_line,
    /// The document's gross total is split once; its tax is then allocated to the lines in
    /// proportion to their gross amounts by largest remainder (crm::allocate: ties to the earlier
    /// line), and each line's net is its gross minus its tax. The lines still sum exactly to
    /// the document; a line's net and tax may differ by a minor unit from its own split.
    per_document,
};

/// A document's lines split into net and tax, and the document's totals.
/// Invariant: lines[i].net + lines[i].tax == lines[i].gross, and `total` is the sum of the lines
/// (gross, net and tax each).
struct CRM_EXPORT DocumentTaxSplit {
    /// Each line's gross, net and tax (含税金额, 金额, 税额), in the order given.
    std::vector<TaxSplit> lines;
    /// The document's gross, net and tax: the sums of the lines.
    TaxSplit total;

    /// Memberwise equality.
    friend bool operator==(const DocumentTaxSplit&, const DocumentTaxSplit&) = default;
};

/// Splits the tax-inclusive lines of one document (all in one currency, whole minor units) at
/// one rate. With per_document the lines must not mix signs (a credit line in a sales document
/// is split as its own document). An empty document is all zero in `currency`. Throws crm::Error
/// naming `lines[i]` (currency_mismatch against the first line; invalid_argument: not whole
/// minor units, or a sign that differs from the others under per_document), `rate`
/// (invalid_argument: negative) or `rounding` (invalid_argument: not a TaxRounding).
[[nodiscard]] CRM_EXPORT DocumentTaxSplit split_inclusive(std::span<const Money> lines, const Percent& rate,
                                                          TaxRounding rounding,
                                                          RoundingMode mode = RoundingMode::half_up,
                                                          Currency currency = Currency{});

}  // namespace crm
