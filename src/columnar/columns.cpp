// Arrow-layout columns: checks that name the column and the row, and the owning builders.

#include <crm/columnar/columns.hpp>
#include <crm/core/error.hpp>

#include <bit>
#include <string>

namespace crm::columnar {

namespace {

constexpr crm::detail::uint128 kSignBit = crm::detail::uint128{1} << 127;

void check_length(std::string_view name, std::size_t got, std::size_t rows) {
    if (got != rows)
        throw Error(ErrorCode::invalid_argument, std::string(name),
                    "the column has " + std::to_string(got) + " rows where " + std::to_string(rows) +
                        " are expected (every column of a batch has the same length)");
}

void check_validity(std::string_view name, const Validity& validity, std::size_t rows, bool required) {
    if (validity.bits.empty()) return;
    if (validity.bits.size() < (rows + 7) / 8)
        throw Error(ErrorCode::invalid_argument, std::string(name) + ".validity",
                    "the validity bitmap has " + std::to_string(validity.bits.size()) + " bytes where " +
                        std::to_string((rows + 7) / 8) + " are needed");
    if (!required) return;
    const std::size_t row = detail::first_null(validity, rows);
    if (row != rows)
        detail::throw_row_error(ErrorCode::invalid_argument, name, row, "a null in a required column");
}

void check_scale(std::string_view name, int scale) {
    if (scale < 0 || scale > 38)
        throw Error(ErrorCode::invalid_argument, std::string(name) + ".scale",
                    "the scale " + std::to_string(scale) + " is outside 0..38 (decimal128(38, s))");
}

void set_valid_bit(std::vector<std::uint8_t>& bits, std::size_t row, bool valid) {
    if (row % 8 == 0) bits.push_back(0);
    if (valid) bits.back() = static_cast<std::uint8_t>(bits.back() | (1u << (row % 8)));
}

// Appends one decimal128 row (16 little-endian bytes) and its validity bit.
void push_raw(std::vector<std::byte>& bytes, std::vector<std::uint8_t>& validity,
              crm::detail::uint128 coefficient, std::size_t row, bool valid) {
    const std::uint64_t words[2] = {static_cast<std::uint64_t>(coefficient),
                                    static_cast<std::uint64_t>(coefficient >> 64)};
    const auto* raw = reinterpret_cast<const std::byte*>(words);
    bytes.insert(bytes.end(), raw, raw + 16);
    set_valid_bit(validity, row, valid);
}

}  // namespace

void detail::throw_row_error(ErrorCode code, std::string_view column, std::size_t row,
                             std::string_view message) {
    throw Error(code, std::string(column) + "[" + std::to_string(row) + "]", std::string(message));
}

std::size_t detail::first_null(const Validity& validity, std::size_t rows) noexcept {
    if (validity.bits.empty()) return rows;
    const std::size_t full = rows / 8;
    for (std::size_t b = 0; b < full; ++b)
        if (validity.bits[b] != 0xFF)
            return b * 8 + static_cast<std::size_t>(std::countr_one(validity.bits[b]));
    for (std::size_t i = full * 8; i < rows; ++i)
        if (!validity.valid(i)) return i;
    return rows;
}

Money AmountColumn::at(std::size_t i) const noexcept {
    const crm::detail::uint128 c = raw(i);
    const bool negative = (c & kSignBit) != 0;
    return Money{Decimal::from_parts_unchecked(negative, negative ? ~c + 1 : c, -scale), currency};
}

void check_shape(const AmountColumn& column, std::size_t rows, bool required) {
    if (column.data.size() % 16 != 0)
        throw Error(ErrorCode::invalid_argument, std::string(column.name),
                    "a decimal128 column has 16 bytes per row, not " + std::to_string(column.data.size()) +
                        " bytes in all");
    check_length(column.name, column.size(), rows);
    if (column.scale != column.currency.minor_units())
        throw Error(ErrorCode::invalid_argument, std::string(column.name) + ".scale",
                    "the scale " + std::to_string(column.scale) + " is not the " +
                        std::string(column.currency.code()) + " minor units (" +
                        std::to_string(column.currency.minor_units()) + ")");
    check_validity(column.name, column.validity, rows, required);
}

void check_amounts(const AmountColumn& column, std::size_t rows, bool required, bool non_negative) {
    check_shape(column, rows, required);
    for (std::size_t i = 0; i < rows; ++i) {
        if (!column.validity.valid(i)) continue;
        const crm::detail::uint128 c = column.raw(i);
        const bool negative = (c & kSignBit) != 0;
        const crm::detail::uint128 magnitude = negative ? ~c + 1 : c;
        if (magnitude >= crm::detail::pow10_38)
            detail::throw_row_error(ErrorCode::overflow, column.name, i, "a coefficient beyond 38 digits");
        if (negative && non_negative)
            detail::throw_row_error(ErrorCode::invalid_argument, column.name, i,
                                    "an amount cannot be negative");
    }
}

Decimal NumberColumn::at(std::size_t i) const noexcept {
    const crm::detail::uint128 c = raw(i);
    const bool negative = (c & kSignBit) != 0;
    return Decimal::from_parts_unchecked(negative, negative ? ~c + 1 : c, -scale);
}

void check_shape(const NumberColumn& column, std::size_t rows, bool required) {
    if (column.data.size() % 16 != 0)
        throw Error(ErrorCode::invalid_argument, std::string(column.name),
                    "a decimal128 column has 16 bytes per row, not " + std::to_string(column.data.size()) +
                        " bytes in all");
    check_length(column.name, column.size(), rows);
    check_scale(column.name, column.scale);
    check_validity(column.name, column.validity, rows, required);
}

void check_numbers(const NumberColumn& column, std::size_t rows, bool required) {
    check_shape(column, rows, required);
    for (std::size_t i = 0; i < rows; ++i) {
        if (!column.validity.valid(i)) continue;
        const crm::detail::uint128 c = column.raw(i);
        const crm::detail::uint128 magnitude = (c & kSignBit) != 0 ? ~c + 1 : c;
        if (magnitude >= crm::detail::pow10_38)
            detail::throw_row_error(ErrorCode::overflow, column.name, i, "a coefficient beyond 38 digits");
    }
}

void check_shape(const DateColumn& column, std::size_t rows, bool required) {
    check_length(column.name, column.size(), rows);
    check_validity(column.name, column.validity, rows, required);
}

void check_dates(const DateColumn& column, std::size_t rows, bool required) {
    check_shape(column, rows, required);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::int32_t d = column.days[i];
        if ((d < Date::min_serial || d > Date::max_serial) && column.validity.valid(i))
            detail::throw_row_error(ErrorCode::invalid_date, column.name, i,
                                    "day " + std::to_string(d) + " is outside 1400-01-01..9999-12-31");
    }
}

void check_shape(const IdColumn& column, std::size_t rows, bool required) {
    check_length(column.name, column.size(), rows);
    check_validity(column.name, column.validity, rows, required);
}

void check_ids(const IdColumn& column, std::size_t rows, bool required) {
    check_shape(column, rows, required);
    const auto n = column.dictionary.size();
    for (std::size_t i = 0; i < rows; ++i) {
        const std::int32_t k = column.indices[i];
        if ((k < 0 || static_cast<std::size_t>(k) >= n) && column.validity.valid(i))
            detail::throw_row_error(
                ErrorCode::out_of_range, column.name, i,
                "index " + std::to_string(k) + " is outside the dictionary of " + std::to_string(n) + " ids");
    }
}

// ---- builders ----

AmountColumnBuilder::AmountColumnBuilder(Currency currency, std::string name)
    : name_(std::move(name)), currency_(currency) {}

void AmountColumnBuilder::push_raw(crm::detail::uint128 coefficient, bool valid) {
    columnar::push_raw(bytes_, validity_, coefficient, size(), valid);
    if (!valid) has_null_ = true;
}

void AmountColumnBuilder::push_back(const Money& m) {
    const std::size_t row = size();
    if (m.currency() != currency_)
        detail::throw_row_error(ErrorCode::currency_mismatch, name_, row,
                                "an amount in " + std::string(m.currency().code()) + " in a column of " +
                                    std::string(currency_.code()));
    const int minor = currency_.minor_units();
    const Decimal& a = m.amount();
    if (a.exponent() < -minor && round_to_scale(a, minor, RoundingMode::down) != a)
        detail::throw_row_error(ErrorCode::invalid_argument, name_, row, "not a whole number of minor units");
    // exact: only zeros are dropped or padded (padding past 38 digits is an overflow of the row)
    const Decimal at_scale = at_field(name_ + "[" + std::to_string(row) + "]", [&] {
        return crm::detail::round_to_scale_general(a, minor, RoundingMode::down);
    });
    const crm::detail::uint128 c = at_scale.coefficient();
    push_raw(at_scale.is_signed() ? ~c + 1 : c, true);
}

void AmountColumnBuilder::push_null() { push_raw(0, false); }

AmountColumn AmountColumnBuilder::view() const noexcept {
    return AmountColumn{.name = name_,
                        .data = bytes_,
                        .scale = currency_.minor_units(),
                        .currency = currency_,
                        .validity = Validity{has_null_ ? std::span<const std::uint8_t>(validity_)
                                                       : std::span<const std::uint8_t>()}};
}

NumberColumnBuilder::NumberColumnBuilder(int scale, std::string name)
    : name_(std::move(name)), scale_(scale) {
    check_scale(name_, scale_);
}

void NumberColumnBuilder::push_back(const Decimal& d) {
    const std::size_t row = size();
    if (d.exponent() < -scale_ && round_to_scale(d, scale_, RoundingMode::down) != d)
        detail::throw_row_error(ErrorCode::invalid_argument, name_, row,
                                d.to_string() + " has more than " + std::to_string(scale_) + " decimals");
    // exact: only zeros are dropped or padded (padding past 38 digits is an overflow of the row)
    const Decimal at_scale = at_field(name_ + "[" + std::to_string(row) + "]", [&] {
        return crm::detail::round_to_scale_general(d, scale_, RoundingMode::down);
    });
    const crm::detail::uint128 c = at_scale.coefficient();
    push_raw(bytes_, validity_, at_scale.is_signed() ? ~c + 1 : c, row, true);
}

void NumberColumnBuilder::push_null() {
    push_raw(bytes_, validity_, 0, size(), false);
    has_null_ = true;
}

NumberColumn NumberColumnBuilder::view() const noexcept {
    return NumberColumn{.name = name_,
                        .data = bytes_,
                        .scale = scale_,
                        .validity = Validity{has_null_ ? std::span<const std::uint8_t>(validity_)
                                                       : std::span<const std::uint8_t>()}};
}

void DateColumnBuilder::push_back(Date d) {
    set_valid_bit(validity_, days_.size(), true);
    days_.push_back(static_cast<std::int32_t>(d.serial()));
}

void DateColumnBuilder::push_null() {
    set_valid_bit(validity_, days_.size(), false);
    days_.push_back(0);
    has_null_ = true;
}

DateColumn DateColumnBuilder::view() const noexcept {
    return DateColumn{.name = name_,
                      .days = days_,
                      .validity = Validity{has_null_ ? std::span<const std::uint8_t>(validity_)
                                                     : std::span<const std::uint8_t>()}};
}

void IdColumnBuilder::push_back(std::string_view id) {
    const auto [it, added] =
        index_of_.try_emplace(std::string(id), static_cast<std::int32_t>(values_.size()));
    if (added) values_.emplace_back(id);
    indices_.push_back(it->second);
}

IdColumn IdColumnBuilder::view() const {
    views_.assign(values_.begin(), values_.end());
    return IdColumn{.name = name_, .indices = indices_, .dictionary = views_, .validity = {}};
}

}  // namespace crm::columnar
