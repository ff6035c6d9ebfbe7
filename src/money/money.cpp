#include <crm/core/error.hpp>
#include <crm/money/money.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <string>

namespace crm {

namespace {

void require_same_currency(Currency a, Currency b, std::string_view operation) {
    if (a != b)
        throw Error(ErrorCode::currency_mismatch, std::string(operation),
                    "cannot combine " + std::string(a.code()) + " with " + std::string(b.code()));
}

void require_same_currency(const Money& a, const Money& b, std::string_view operation) {
    require_same_currency(a.currency(), b.currency(), operation);
}

// Longest positional form `format` writes (integer and fraction digits): 38 digits of
// coefficient either side of the point. Anything longer is shown in scientific notation.
constexpr std::int64_t kMaxPositionalDigits = 80;

// "1234567.5" -> "1,234,567.5"
std::string group_thousands(const std::string& plain) {
    const auto point = plain.find('.');
    const std::string integer = plain.substr(0, point);
    std::string out;
    const std::size_t n = integer.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += integer[i];
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    if (point != std::string::npos) out += plain.substr(point);
    return out;
}

}  // namespace

Money::Money(std::string_view amount, std::string_view currency_code)
    : amount_(Decimal::parse(amount, {}, "amount")), currency_(currency_code) {}

std::weak_ordering operator<=>(const Money& a, const Money& b) {
    require_same_currency(a, b, "compare");
    return a.amount_ <=> b.amount_;
}

void Money::throw_currency_mismatch(Currency a, Currency b, const char* operation) {
    require_same_currency(a, b, operation);
    throw Error(ErrorCode::currency_mismatch, operation, "different currencies");  // not reached
}

Money round(const Money& m, int scale, RoundingMode mode) {
    return Money{round_to_scale(m.amount(), scale, mode), m.currency()};
}

Money divide(const Money& m, const Decimal& divisor, RoundingMode mode) {
    return Money{divide(m.amount(), divisor, m.currency().minor_units(), mode), m.currency()};
}

Rate ratio(const Money& a, const Money& b, int scale, RoundingMode mode) {
    require_same_currency(a, b, "ratio");
    return Rate{divide(a.amount(), b.amount(), scale, mode)};
}

Money convert(const Money& m, Currency to, const Decimal& rate, RoundingMode mode) {
    if (rate.signum() <= 0)
        throw Error(ErrorCode::invalid_argument, "rate", "an exchange rate must be positive");
    return round(Money{m.amount() * rate, to}, mode);
}

Money sum(std::span<const Money> amounts, Currency currency) {
    Money total = Money::zero(currency);
    for (const Money& m : amounts) total += m;
    return total;
}

std::string format(const Money& m, MoneyStyle style) {
    // Positional digits of |amount|, padded to the minor unit as text (a pad through Decimal
    // arithmetic could exceed 38 digits: 1E+36 at two places); scientific notation when the
    // positional form would be longer than kMaxPositionalDigits.
    const Decimal& amount = m.amount();
    const int minor = m.currency().minor_units();
    const std::int64_t e = amount.exponent();
    const std::int64_t integer_digits = std::max<std::int64_t>(amount.digits() + e, 1);
    const std::int64_t fraction_digits = std::max<std::int64_t>(-e, minor);
    std::string digits;
    bool positional = true;
    if (amount.is_zero()) {
        digits = "0";     // a zero of any exponent shows as zero at the minor unit
        if (minor > 0) {  // appended piecewise: GCC 12 -O3 sees a false -Wrestrict in "." + string
            digits.push_back('.');
            digits.append(static_cast<std::size_t>(minor), '0');
        }
    } else if (integer_digits + fraction_digits <= kMaxPositionalDigits) {
        digits = abs(amount).to_plain_string();
        if (minor > 0 && -e < minor) {
            if (e >= 0) digits += '.';
            digits.append(static_cast<std::size_t>(minor - std::max<std::int64_t>(-e, 0)), '0');
        }
    } else {
        digits = abs(amount).to_string();
        positional = false;
    }
    const std::string shown = positional ? group_thousands(digits) : digits;
    const std::string sign = amount.signum() < 0 ? "-" : "";
    switch (style) {
    case MoneyStyle::plain: return sign + digits;
    case MoneyStyle::code: return sign + std::string(m.currency().code()) + " " + shown;
    case MoneyStyle::symbol: {
        const std::string_view symbol = m.currency().symbol();
        const bool is_code = symbol == m.currency().code();
        return sign + std::string(symbol) + (is_code ? " " : "") + shown;
    }
    }
    return sign + digits;
}

std::ostream& operator<<(std::ostream& os, const Money& m) { return os << format(m); }

std::vector<Money> allocate(const Money& total, std::span<const Decimal> weights) {
    if (weights.empty()) throw Error(ErrorCode::invalid_argument, "weights", "at least one weight is needed");
    Decimal weight_sum;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i].signum() < 0)
            throw Error(ErrorCode::invalid_argument, "weights[" + std::to_string(i) + "]",
                        "a weight cannot be negative");
        at_field("weights[" + std::to_string(i) + "]", [&] { weight_sum += weights[i]; });
    }
    if (weight_sum.is_zero()) throw Error(ErrorCode::invalid_argument, "weights", "the weights sum to zero");
    const int minor = total.currency().minor_units();
    const Decimal magnitude = abs(total.amount());
    if (at_field("total", [&] { return round_to_scale(magnitude, minor, RoundingMode::down); }) != magnitude)
        throw Error(ErrorCode::invalid_argument, "total", "the total is not a whole number of minor units");

    // Work in whole minor units: units * w_i / W = floor + remainder / W.
    const Decimal unit = Decimal::scaled(1, -minor);
    const Decimal units = at_field("total", [&] {
        return to_integral(divide(magnitude, unit, 0, RoundingMode::down), RoundingMode::down);
    });
    const std::size_t n = weights.size();
    std::vector<Decimal> floors(n);
    std::vector<Decimal> remainders(n);
    Decimal given;
    for (std::size_t i = 0; i < n; ++i) {
        at_field("weights[" + std::to_string(i) + "]", [&] {
            const Decimal numerator = units * weights[i];
            floors[i] = divide(numerator, weight_sum, 0, RoundingMode::down);
            remainders[i] = numerator - floors[i] * weight_sum;
            given += floors[i];
        });
    }
    // Leftover units (fewer than n) go to the largest remainders; ties to the lower index.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const std::int64_t leftover = (units - given).to_int64();
    for (std::int64_t k = 0; k < leftover; ++k) floors[order[static_cast<std::size_t>(k)]] += Decimal(1);

    std::vector<Money> parts;
    parts.reserve(n);
    const bool negative = total.amount().signum() < 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Decimal amount = floors[i] * unit;
        parts.emplace_back(negative ? -amount : amount, total.currency());
    }
    return parts;
}

}  // namespace crm
