#pragma once
/// \file
/// Columns in Apache Arrow's layout, for batches of millions of rows: read-only views over
/// memory the caller owns (a pyarrow or polars buffer, an mmap'd file), plus owning builders
/// for C++ callers. No copy is made to read a column.
///
/// - an amount column is Arrow's `decimal128(38, s)`: 16 bytes per row, a little-endian
///   two's-complement coefficient, one scale `s` for the whole column, one currency;
/// - a date column is Arrow's `date32`: int32 days since 1970-01-01;
/// - an id column is dictionary-encoded: int32 indices into a list of distinct ids;
/// - any column may carry a validity bitmap as Arrow lays it out (bit i of byte i / 8, least
///   significant bit first, 1 = a value, 0 = null); an empty bitmap means no nulls.
///
/// A column is checked before any kernel reads it (`check_*` below): each problem is a
/// crm::Error naming the column and the row (`open_amount[17]`). Proven by
/// tests/columnar/columns_test.cpp.

#include <crm/core/error.hpp>
#include <crm/export.hpp>
#include <crm/money/currency.hpp>
#include <crm/money/decimal.hpp>
#include <crm/money/money.hpp>
#include <crm/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace crm::columnar {

/// An Arrow validity bitmap over a column's rows (not owned). Empty: every row has a value.
struct CRM_EXPORT Validity {
    std::span<const std::uint8_t> bits;  ///< at least (rows + 7) / 8 bytes when not empty

    /// True when row `i` holds a value.
    [[nodiscard]] bool valid(std::size_t i) const noexcept {
        return bits.empty() || ((bits[i / 8] >> (i % 8)) & 1u) != 0;
    }
};

/// A `decimal128(38, scale)` column of amounts in one currency (not owned). Row i is the
/// 16 bytes at `data[16 * i]`: coefficient c, value c x 10^-scale.
struct CRM_EXPORT AmountColumn {
    std::string_view name = "amount";  ///< names the column in errors
    std::span<const std::byte> data;   ///< 16 bytes per row
    int scale = 2;                     ///< decimal places of every row (Arrow's `s`)
    Currency currency;                 ///< the currency of every row
    Validity validity;                 ///< nulls, if any

    /// Rows in the column.
    [[nodiscard]] std::size_t size() const noexcept { return data.size() / 16; }
    /// The coefficient of row `i` (unchecked; two's complement).
    [[nodiscard]] crm::detail::uint128 raw(std::size_t i) const noexcept {
        std::uint64_t words[2];
        std::memcpy(words, data.data() + 16 * i, 16);
        return (crm::detail::uint128{words[1]} << 64) | words[0];
    }
    /// Row `i` as Money (the column must have been checked: see check_amounts).
    [[nodiscard]] Money at(std::size_t i) const noexcept;
};

/// A `decimal128(38, scale)` column of plain numbers (not owned): a scorecard's raw facts, a
/// rate, a count. Laid out as AmountColumn, without a currency. Row i is the 16 bytes at
/// `data[16 * i]`: coefficient c, value c x 10^-scale.
struct CRM_EXPORT NumberColumn {
    std::string_view name = "value";  ///< names the column in errors
    std::span<const std::byte> data;  ///< 16 bytes per row
    int scale = 0;                    ///< decimal places of every row (Arrow's `s`), 0..38
    Validity validity;                ///< nulls, if any

    /// Rows in the column.
    [[nodiscard]] std::size_t size() const noexcept { return data.size() / 16; }
    /// The coefficient of row `i` (unchecked; two's complement).
    [[nodiscard]] crm::detail::uint128 raw(std::size_t i) const noexcept {
        std::uint64_t words[2];
        std::memcpy(words, data.data() + 16 * i, 16);
        return (crm::detail::uint128{words[1]} << 64) | words[0];
    }
    /// Row `i` as a Decimal (the column must have been checked: see check_numbers).
    [[nodiscard]] Decimal at(std::size_t i) const noexcept;
};

/// A `date32` column (not owned): days since 1970-01-01, as Date::serial() counts them.
struct CRM_EXPORT DateColumn {
    std::string_view name = "date";      ///< names the column in errors
    std::span<const std::int32_t> days;  ///< one per row
    Validity validity;                   ///< nulls, if any

    /// The number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return days.size(); }
    /// Row `i` as a Date (the column must have been checked: see check_dates).
    [[nodiscard]] Date at(std::size_t i) const noexcept { return Date::from_serial(days[i]); }
};

/// A dictionary-encoded column of ids (not owned): row i is `dictionary[indices[i]]`.
struct CRM_EXPORT IdColumn {
    std::string_view name = "id";                  ///< names the column in errors
    std::span<const std::int32_t> indices;         ///< one per row, each in [0, dictionary.size())
    std::span<const std::string_view> dictionary;  ///< the distinct ids
    Validity validity;                             ///< nulls, if any

    /// The number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return indices.size(); }
};

/// Checks an amount column of `rows` rows: exactly 16 bytes per row (invalid_argument naming
/// the column), the scale equal to the currency's minor units (invalid_argument naming
/// `<name>.scale`), no null when `required` (invalid_argument naming `<name>[i]`), every
/// coefficient within 38 digits (overflow naming `<name>[i]`) and, when `non_negative`, no
/// negative value (invalid_argument naming `<name>[i]`). The first bad row is reported.
CRM_EXPORT void check_amounts(const AmountColumn& column, std::size_t rows, bool required = true,
                              bool non_negative = false);
/// Checks a number column of `rows` rows: 16 bytes per row and the length (invalid_argument
/// naming the column), the scale within 0..38 (invalid_argument naming `<name>.scale`), no null
/// when `required` (invalid_argument naming `<name>[i]`), every coefficient within 38 digits
/// (overflow naming `<name>[i]`). The first bad row is reported.
CRM_EXPORT void check_numbers(const NumberColumn& column, std::size_t rows, bool required = true);
/// Checks a date column of `rows` rows: the length (invalid_argument naming the column), no
/// null when `required`, every day within Date's range 1400-01-01..9999-12-31 (invalid_date
/// naming `<name>[i]`).
CRM_EXPORT void check_dates(const DateColumn& column, std::size_t rows, bool required = true);
/// Checks an id column of `rows` rows: the length, no null when `required`, every index in
/// the dictionary (out_of_range naming `<name>[i]`).
CRM_EXPORT void check_ids(const IdColumn& column, std::size_t rows, bool required = true);

/// The checks of check_amounts, check_dates and check_ids that read no value: the length,
/// the validity bitmap, no null when `required`, and (amounts) 16 bytes a row and the scale.
/// A kernel that checks each value as it reads it calls these first.
CRM_EXPORT void check_shape(const AmountColumn& column, std::size_t rows, bool required = true);
/// As above, for a number column.
CRM_EXPORT void check_shape(const NumberColumn& column, std::size_t rows, bool required = true);
/// As above, for a date column.
CRM_EXPORT void check_shape(const DateColumn& column, std::size_t rows, bool required = true);
/// As above, for an id column.
CRM_EXPORT void check_shape(const IdColumn& column, std::size_t rows, bool required = true);

namespace detail {
/// Throws crm::Error(code) naming `<column>[row]`.
[[noreturn]] CRM_EXPORT void throw_row_error(ErrorCode code, std::string_view column, std::size_t row,
                                             std::string_view message);
/// The row of the first null in `validity` over `rows` rows, or `rows` when there is none.
[[nodiscard]] CRM_EXPORT std::size_t first_null(const Validity& validity, std::size_t rows) noexcept;
}  // namespace detail

/// An owning amount column for C++ callers: append Money, then view it.
class CRM_EXPORT AmountColumnBuilder {
public:
    /// An empty column of `currency` at its minor units, named `name` in errors.
    explicit AmountColumnBuilder(Currency currency, std::string name = "amount");
    /// Appends `m`, which must be in the column's currency (currency_mismatch) and a whole
    /// number of its minor units (invalid_argument), each naming `<name>[row]`.
    void push_back(const Money& m);
    /// Appends a null.
    void push_null();
    /// The number of rows appended, nulls included.
    [[nodiscard]] std::size_t size() const noexcept { return bytes_.size() / 16; }
    /// The view over this builder's memory (valid while the builder lives unchanged).
    [[nodiscard]] AmountColumn view() const noexcept;

private:
    void push_raw(crm::detail::uint128 coefficient, bool valid);

    std::string name_;
    Currency currency_;
    std::vector<std::byte> bytes_;
    std::vector<std::uint8_t> validity_;
    bool has_null_ = false;
};

/// An owning number column for C++ callers: append Decimals at the column's scale, then view it.
class CRM_EXPORT NumberColumnBuilder {
public:
    /// An empty column of `scale` decimal places (0..38, else invalid_argument naming
    /// `<name>.scale`), named `name` in errors.
    explicit NumberColumnBuilder(int scale, std::string name = "value");
    /// Appends `d`, which must have at most `scale` decimals once trailing zeros are dropped
    /// (invalid_argument) and fit 38 digits at the scale (overflow), each naming `<name>[row]`.
    void push_back(const Decimal& d);
    /// Appends a null.
    void push_null();
    /// The number of rows appended, nulls included.
    [[nodiscard]] std::size_t size() const noexcept { return bytes_.size() / 16; }
    /// The view over this builder's memory (valid while the builder lives unchanged).
    [[nodiscard]] NumberColumn view() const noexcept;

private:
    std::string name_;
    int scale_;
    std::vector<std::byte> bytes_;
    std::vector<std::uint8_t> validity_;
    bool has_null_ = false;
};

/// An owning date column for C++ callers.
class CRM_EXPORT DateColumnBuilder {
public:
    /// An empty date column named `name` in errors.
    explicit DateColumnBuilder(std::string name = "date") : name_(std::move(name)) {}
    /// Appends `d`.
    void push_back(Date d);
    /// Appends a null.
    void push_null();
    /// The number of rows appended, nulls included.
    [[nodiscard]] std::size_t size() const noexcept { return days_.size(); }
    /// The view over this builder's memory (valid while the builder lives unchanged).
    [[nodiscard]] DateColumn view() const noexcept;

private:
    std::string name_;
    std::vector<std::int32_t> days_;
    std::vector<std::uint8_t> validity_;
    bool has_null_ = false;
};

/// An owning dictionary-encoded id column for C++ callers: equal ids share one index, given
/// in order of first appearance.
class CRM_EXPORT IdColumnBuilder {
public:
    /// An empty id column named `name` in errors.
    explicit IdColumnBuilder(std::string name = "id") : name_(std::move(name)) {}
    /// Appends `id` (a new id gets the next index).
    void push_back(std::string_view id);
    /// The number of rows appended.
    [[nodiscard]] std::size_t size() const noexcept { return indices_.size(); }
    /// The view over this builder's memory (valid while the builder lives unchanged).
    [[nodiscard]] IdColumn view() const;

private:
    std::string name_;
    std::vector<std::int32_t> indices_;
    std::vector<std::string> values_;
    std::unordered_map<std::string, std::int32_t> index_of_;
    mutable std::vector<std::string_view> views_;  // of values_, rebuilt by view()
};

}  // namespace crm::columnar
