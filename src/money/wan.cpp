#include <crm/core/error.hpp>
#include <crm/money/wan.hpp>

#include <algorithm>
#include <numeric>
#include <string>

namespace crm {

namespace {

void validate(const WanOptions& o) {
    if (o.decimals < 0 || o.decimals > 8)
        throw Error(ErrorCode::invalid_argument, "options.decimals",
                    "a 万元 figure has 0 to 8 places, not " + std::to_string(o.decimals));
    switch (o.rounding) {
    case RoundingMode::half_even:
    case RoundingMode::half_up:
    case RoundingMode::half_down:
    case RoundingMode::up:
    case RoundingMode::down:
    case RoundingMode::ceiling:
    case RoundingMode::floor: return;
    }
    throw Error(ErrorCode::invalid_argument, "options.rounding",
                "rounding mode " + std::to_string(static_cast<int>(o.rounding)) + " is not a RoundingMode");
}

// The exact amount in 万 of its unit (the decimal point moves four places).
Decimal exact_wan(const Money& m) { return m.amount() * Decimal::scaled(1, -4); }

// "1234567.5" -> "1,234,567.5"
std::string group_thousands(const std::string& plain) {
    const std::size_t point = plain.find('.');
    const std::size_t n = point == std::string::npos ? plain.size() : point;
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += plain[i];
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0) out += ',';
    }
    if (point != std::string::npos) out += plain.substr(point);
    return out;
}

}  // namespace

Decimal to_wan(const Money& amount, const WanOptions& options) {
    validate(options);
    return at_field("amount",
                    [&] { return round_to_scale(exact_wan(amount), options.decimals, options.rounding); });
}

std::string format_wan(const Decimal& wan, const WanOptions& options) {
    validate(options);
    Decimal magnitude = abs(wan);
    if (magnitude.scale() < options.decimals)
        magnitude =
            at_field("wan", [&] { return round_to_scale(magnitude, options.decimals, RoundingMode::down); });
    std::string digits = magnitude.to_plain_string();
    if (options.grouping) digits = group_thousands(digits);
    return (wan.signum() < 0 ? "-" : "") + digits + "万元";
}

std::string format_wan(const Money& amount, const WanOptions& options) {
    if (amount.currency() != Currency{"CNY"})
        throw Error(ErrorCode::currency_mismatch, "amount",
                    "万元 is ten thousand yuan; the amount is in " + std::string(amount.currency().code()));
    return format_wan(to_wan(amount, options), options);
}

WanColumn wan_column(std::span<const Money> amounts, const WanOptions& options, WanTotals totals) {
    validate(options);
    if (totals != WanTotals::allocate && totals != WanTotals::mark)
        throw Error(ErrorCode::invalid_argument, "totals",
                    "WanTotals " + std::to_string(static_cast<int>(totals)) + " is not allocate or mark");
    const std::size_t n = amounts.size();
    WanColumn column;
    column.parts.reserve(n);
    column.moved.assign(n, 0);
    std::vector<Decimal> residual(n);  // exact - rounded, in 万
    Decimal exact_total;
    Decimal parts_total;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string field = "amounts[" + std::to_string(i) + "]";
        at_field(field, [&] {
            if (amounts[i].currency() != amounts[0].currency())
                throw Error(ErrorCode::currency_mismatch, "currency",
                            "the column is in " + std::string(amounts[0].currency().code()) +
                                ", this amount in " + std::string(amounts[i].currency().code()));
            const Decimal exact = exact_wan(amounts[i]);
            const Decimal rounded = round_to_scale(exact, options.decimals, options.rounding);
            residual[i] = exact - rounded;
            exact_total += exact;
            parts_total += rounded;
            column.parts.push_back(rounded);
        });
    }
    column.total =
        at_field("amounts", [&] { return round_to_scale(exact_total, options.decimals, options.rounding); });
    column.difference = column.total - parts_total;
    if (totals == WanTotals::mark || column.difference.is_zero()) return column;

    // |units| <= n: each part and the total are each less than one unit from their exact value.
    const Decimal unit = Decimal::scaled(1, -options.decimals);
    const std::int64_t units = divide(column.difference, unit, 0, RoundingMode::down).to_int64();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // up: the parts rounded furthest down first; down: the parts rounded furthest up first
    if (units > 0)
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return residual[a] > residual[b]; });
    else
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return residual[a] < residual[b]; });
    const std::int64_t step = units > 0 ? 1 : -1;
    const auto count = static_cast<std::size_t>(units > 0 ? units : -units);
    if (count > n)
        throw Error(ErrorCode::inconsistent, "amounts", "the rounding moved more units than there are parts");
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = order[k];
        column.parts[i] = column.parts[i] + (units > 0 ? unit : -unit);
        column.moved[i] = step;
    }
    Decimal allocated = round_to_scale(Decimal{}, options.decimals, RoundingMode::down);
    for (const Decimal& part : column.parts) allocated += part;
    column.difference = column.total - allocated;
    return column;
}

}  // namespace crm
