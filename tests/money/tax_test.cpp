// Splitting tax-inclusive amounts (含税价) into net and tax, per line and per document.

#include <crm/core/error.hpp>
#include <crm/money/tax.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support/errors.hpp"
#include "../support/generators.hpp"

using crm::DocumentTaxSplit;
using crm::ErrorCode;
using crm::Money;
using crm::Percent;
using crm::RoundingMode;
using crm::TaxRounding;
using crm::TaxSplit;

namespace {
Money cny(const char* amount) { return Money{amount, "CNY"}; }
const Percent vat{"13"};
}  // namespace

TEST_SUITE("money.tax") {
    TEST_CASE("one tax-inclusive amount splits into net and tax") {
        // 113.00 / 1.13 = 100.00 exactly
        CHECK(split_inclusive(cny("113.00"), vat) == TaxSplit{cny("113.00"), cny("100.00"), cny("13.00")});
        // 100.00 / 1.13 = 88.4955...: net 88.50 half-up, tax 11.50
        CHECK(split_inclusive(cny("100.00"), vat) == TaxSplit{cny("100.00"), cny("88.50"), cny("11.50")});
        // rounded down: net 88.49, tax 11.51
        CHECK(split_inclusive(cny("100"), vat, RoundingMode::down) ==
              TaxSplit{cny("100.00"), cny("88.49"), cny("11.51")});
        // 6% on 10.60: 10.00 + 0.60; 0% keeps everything net
        CHECK(split_inclusive(cny("10.60"), Percent{"6"}).tax == cny("0.60"));
        CHECK(split_inclusive(cny("10.60"), Percent{"0"}).net == cny("10.60"));
        // a credit: -100.00 -> -88.50 and -11.50
        CHECK(split_inclusive(cny("-100.00"), vat) == TaxSplit{cny("-100.00"), cny("-88.50"), cny("-11.50")});
        CHECK(split_inclusive(cny("100.00"), vat).net.amount().to_string() == "88.50");
    }

    TEST_CASE("a document per line and per document") {
        // three lines of 10.00 at 13%: each 10 / 1.13 = 8.8495... -> net 8.85, tax 1.15;
        // per line: net 26.55, tax 3.45.
        // per document: 30.00 / 1.13 = 26.5486... -> net 26.55, tax 3.45: the same here.
        const std::vector<Money> tens{cny("10.00"), cny("10.00"), cny("10.00")};
        const DocumentTaxSplit per_line = split_inclusive(tens, vat, TaxRounding::per_line);
        CHECK(per_line.total == TaxSplit{cny("30.00"), cny("26.55"), cny("3.45")});

        // seven lines of 1.00: per line 1 / 1.13 = 0.8849... -> 0.88 net, 0.12 tax each: tax 0.84.
        // per document: 7.00 / 1.13 = 6.1946... -> net 6.19, tax 0.81, allocated 1:1:...:1 over
        // seven lines by largest remainder: 81 cents / 7 = 11 rem 4: 0.12 to the first four, 0.11
        // to the last three.
        const std::vector<Money> ones(7, cny("1.00"));
        const DocumentTaxSplit a = split_inclusive(ones, vat, TaxRounding::per_line);
        CHECK(a.total == TaxSplit{cny("7.00"), cny("6.16"), cny("0.84")});
        const DocumentTaxSplit d = split_inclusive(ones, vat, TaxRounding::per_document);
        CHECK(d.total == TaxSplit{cny("7.00"), cny("6.19"), cny("0.81")});
        CHECK(d.lines[0] == TaxSplit{cny("1.00"), cny("0.88"), cny("0.12")});
        CHECK(d.lines[3] == TaxSplit{cny("1.00"), cny("0.88"), cny("0.12")});
        CHECK(d.lines[4] == TaxSplit{cny("1.00"), cny("0.89"), cny("0.11")});
        CHECK(d.lines[6] == TaxSplit{cny("1.00"), cny("0.89"), cny("0.11")});

        // empty: zero of the given currency
        const DocumentTaxSplit none = split_inclusive(std::vector<Money>{}, vat, TaxRounding::per_document,
                                                      RoundingMode::half_up, crm::Currency{"USD"});
        CHECK(none.total.gross == Money{"0", "USD"});
        CHECK(none.lines.empty());
        const std::vector<Money> zeros{cny("0"), cny("0")};
        CHECK(split_inclusive(zeros, vat, TaxRounding::per_document).lines[1].tax.is_zero());
    }

    TEST_CASE("bad input is refused naming it") {
        using crm::test::check_error;
        check_error([] { return split_inclusive(cny("1.005"), vat); }, ErrorCode::invalid_argument, "gross");
        check_error([] { return split_inclusive(cny("1.00"), Percent{"-1"}); }, ErrorCode::invalid_argument,
                    "rate");
        check_error([] { return split_inclusive(cny("1.00"), vat, static_cast<RoundingMode>(99)); },
                    ErrorCode::invalid_argument, "mode");
        const std::vector<Money> mixed{cny("1.00"), Money{"1.00", "USD"}};
        check_error([&] { return split_inclusive(mixed, vat, TaxRounding::per_line); },
                    ErrorCode::currency_mismatch, "lines[1]");
        const std::vector<Money> fractional{cny("1.00"), cny("2.00"), cny("0.001")};
        check_error([&] { return split_inclusive(fractional, vat, TaxRounding::per_line); },
                    ErrorCode::invalid_argument, "lines[2]");
        const std::vector<Money> signs{cny("5.00"), cny("0"), cny("-1.00")};
        check_error([&] { return split_inclusive(signs, vat, TaxRounding::per_document); },
                    ErrorCode::invalid_argument, "lines[2]");
        CHECK(split_inclusive(signs, vat, TaxRounding::per_line).total.gross == cny("4.00"));
        check_error([&] { return split_inclusive(signs, vat, static_cast<TaxRounding>(5)); },
                    ErrorCode::invalid_argument, "rounding");
    }

    TEST_CASE("property: every split reconciles exactly") {
        crm::test::Rng rng(113);
        const Percent rates[] = {Percent{"13"}, Percent{"9"}, Percent{"6"},
                                 Percent{"3"},  Percent{"0"}, Percent{"1.5"}};
        const RoundingMode modes[] = {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::down,
                                      RoundingMode::up,      RoundingMode::floor,     RoundingMode::ceiling};
        for (int i = 0; i < 1000; ++i) {
            const Percent rate = rates[rng.below(6)];
            const RoundingMode mode = modes[rng.below(6)];
            const bool negative = rng.below(5) == 0;
            std::vector<Money> lines;
            const auto n = static_cast<std::size_t>(rng.between(0, 15));
            for (std::size_t k = 0; k < n; ++k) {
                const std::int64_t cents = rng.between(0, 5'000'000);
                lines.emplace_back(crm::Decimal::scaled(negative ? -cents : cents, -2), crm::Currency{});
            }
            CAPTURE(i);
            for (const TaxRounding r : {TaxRounding::per_line, TaxRounding::per_document}) {
                const DocumentTaxSplit d = split_inclusive(lines, rate, r, mode);
                Money gross = Money::zero(crm::Currency{}), net = gross, tax = gross;
                for (std::size_t k = 0; k < n; ++k) {
                    const TaxSplit& l = d.lines[k];
                    CHECK(l.gross == lines[k]);
                    CHECK(l.net + l.tax == l.gross);
                    CHECK(l.tax.signum() * lines[k].signum() >= 0);  // tax has the line's sign
                    CHECK(l.net.signum() * lines[k].signum() >= 0);
                    gross += l.gross;
                    net += l.net;
                    tax += l.tax;
                }
                CHECK(d.total.gross == gross);
                CHECK(d.total.net == net);
                CHECK(d.total.tax == tax);
                CHECK(d.total.net + d.total.tax == d.total.gross);
                if (r == TaxRounding::per_document) CHECK(d.total == split_inclusive(gross, rate, mode));
                if (r == TaxRounding::per_line)
                    for (std::size_t k = 0; k < n; ++k)
                        CHECK(d.lines[k] == split_inclusive(lines[k], rate, mode));
            }
        }
    }
}
