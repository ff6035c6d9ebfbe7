#include <crm/core/error.hpp>
#include <crm/money/tax.hpp>

#include <string>

namespace crm {

namespace {

void check_mode(RoundingMode mode) {
    switch (mode) {
    case RoundingMode::half_even:
    case RoundingMode::half_up:
    case RoundingMode::half_down:
    case RoundingMode::up:
    case RoundingMode::down:
    case RoundingMode::ceiling:
    case RoundingMode::floor: return;
    }
    throw Error(ErrorCode::invalid_argument, "mode",
                "rounding mode " + std::to_string(static_cast<int>(mode)) + " is not a RoundingMode");
}

// 1 + rate as a factor (13% -> 1.13); refuses a negative rate.
Decimal factor_of(const Percent& rate) {
    if (rate.value().signum() < 0)
        throw Error(ErrorCode::invalid_argument, "rate", "a tax rate cannot be negative");
    return at_field("rate", [&] { return Decimal(1) + rate.rate().value(); });
}

void check_whole_units(const Money& m, std::string_view field) {
    const int minor = m.currency().minor_units();
    const bool whole =
        at_field(field, [&] { return round_to_scale(m.amount(), minor, RoundingMode::down) == m.amount(); });
    if (!whole)
        throw Error(
            ErrorCode::invalid_argument, std::string(field),
            "not a whole number of " + std::string(m.currency().code()) + " minor units; round it first");
}

// At the currency's minor unit (pads: exact).
Money at_minor(const Money& m) { return round(m, RoundingMode::down); }

TaxSplit split_one(const Money& gross, const Decimal& factor, RoundingMode mode, std::string_view field) {
    check_whole_units(gross, field);
    return at_field(field, [&] {
        const Money net = divide(gross, factor, mode);
        return TaxSplit{.gross = at_minor(gross), .net = net, .tax = at_minor(gross - net)};
    });
}

}  // namespace

TaxSplit split_inclusive(const Money& gross, const Percent& rate, RoundingMode mode, std::string_view field) {
    check_mode(mode);
    return split_one(gross, factor_of(rate), mode, field);
}

DocumentTaxSplit split_inclusive(std::span<const Money> lines, const Percent& rate, TaxRounding rounding,
                                 RoundingMode mode, Currency currency) {
    check_mode(mode);
    if (rounding != TaxRounding::per_line && rounding != TaxRounding::per_document)
        throw Error(
            ErrorCode::invalid_argument, "rounding",
            "TaxRounding " + std::to_string(static_cast<int>(rounding)) + " is not per_line or per_document");
    const Decimal factor = factor_of(rate);
    if (!lines.empty()) currency = lines[0].currency();
    int sign = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string field = "lines[" + std::to_string(i) + "]";
        if (lines[i].currency() != currency)
            throw Error(ErrorCode::currency_mismatch, field,
                        "the document is in " + std::string(currency.code()) + ", this line in " +
                            std::string(lines[i].currency().code()));
        check_whole_units(lines[i], field);
        if (rounding == TaxRounding::per_document && lines[i].signum() != 0) {
            if (sign != 0 && lines[i].signum() != sign)
                throw Error(ErrorCode::invalid_argument, field,
                            "a document split per document cannot mix charges and credits; split the credit "
                            "lines as their own document");
            sign = lines[i].signum();
        }
    }

    DocumentTaxSplit out;
    out.lines.reserve(lines.size());
    const Money zero = Money::zero(currency);
    if (rounding == TaxRounding::per_line) {
        out.total = TaxSplit{.gross = zero, .net = zero, .tax = zero};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string field = "lines[" + std::to_string(i) + "]";
            out.lines.push_back(split_one(lines[i], factor, mode, field));
            at_field(field, [&] {
                out.total.gross += out.lines.back().gross;
                out.total.net += out.lines.back().net;
                out.total.tax += out.lines.back().tax;
            });
        }
        return out;
    }

    // per document: one split of the total, its tax allocated over the lines by gross amount
    const Money gross = at_field("lines", [&] { return sum(lines, currency); });
    out.total = split_one(gross, factor, mode, "lines");
    if (gross.is_zero()) {
        for (const Money& line : lines)
            out.lines.push_back(TaxSplit{.gross = at_minor(line), .net = zero, .tax = zero});
        return out;
    }
    std::vector<Decimal> weights;
    weights.reserve(lines.size());
    for (const Money& line : lines) weights.push_back(abs(line.amount()));
    const std::vector<Money> taxes = at_field("lines", [&] { return allocate(out.total.tax, weights); });
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Money line_gross = at_minor(lines[i]);
        out.lines.push_back(TaxSplit{.gross = line_gross, .net = line_gross - taxes[i], .tax = taxes[i]});
    }
    return out;
}

}  // namespace crm
