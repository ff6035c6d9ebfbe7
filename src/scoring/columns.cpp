// Scoring columns: the block kernel of block.hpp reading decimal128 coefficients directly.
// A column of scale s read in units of 10^e (the criterion's compiled exponent) is its
// coefficient times 10^(-s - e), exact when that shift is 0..18 and the product stays within
// the fast path's 10^18 units; anything else (a null, a wider coefficient, a value the
// criterion refuses) sends the block to the row path: each row as Decimals through
// evaluate(card, values), whose errors are renamed to the column and row.

#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>
#include <crm/scoring/columns.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "block.hpp"

namespace crm::scoring {

namespace {

constexpr crm::detail::uint128 kSignBit = crm::detail::uint128{1} << 127;
constexpr std::uint64_t kUnitLimit = crm::detail::pow10_u64[18];

// How one column is read in a criterion's units: rows from `first` on.
class ColumnReader {
public:
    ColumnReader(const columnar::NumberColumn& column, std::size_t first, int exponent) noexcept
        : data_(column.data.data() + 16 * first) {
        const int shift = -column.scale - exponent;
        if (shift >= 0 && shift <= 18) {
            multiplier_ = crm::detail::pow10_u64[static_cast<std::size_t>(shift)];
            limit_ = kUnitLimit / multiplier_;
        }
    }

    // No branch: the kernel reads every row of a block and only then looks at the answers.
    bool operator()(std::size_t j, std::int64_t& u) const noexcept {
        std::uint64_t words[2];
        std::memcpy(words, data_ + 16 * j, 16);
        const auto v = static_cast<std::int64_t>(words[0]);
        // The coefficient fits 64 bits when the high word only extends the sign.
        const bool fits = words[1] == static_cast<std::uint64_t>(v >> 63);
        const std::uint64_t magnitude =
            v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        const bool in_units =
            magnitude <= limit_;  // limit_ is 0 when the shift is out of reach (0 itself fits)
        u = static_cast<std::int64_t>(static_cast<std::uint64_t>(v) *
                                      multiplier_);  // wraps only when refused
        return fits & in_units;
    }

private:
    const std::byte* data_;
    std::uint64_t multiplier_ = 1;
    std::uint64_t limit_ = 0;
};

bool all_valid(const columnar::Validity& validity, std::size_t first, std::size_t n) noexcept {
    if (validity.bits.empty()) return true;
    for (std::size_t r = first; r < first + n; ++r)
        if (!validity.valid(r)) return false;
    return true;
}

// Row r as evaluate() takes it, then scored; errors name the column and the row.
Summary score_row(const CompiledScorecard& card, std::span<const columnar::NumberColumn> columns,
                  std::size_t r, std::vector<std::optional<Decimal>>& values) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const columnar::NumberColumn& column = columns[i];
        if (!column.validity.valid(r)) {
            values[i].reset();
            continue;
        }
        const crm::detail::uint128 c = column.raw(r);
        const crm::detail::uint128 magnitude = (c & kSignBit) != 0 ? ~c + 1 : c;
        if (magnitude >= crm::detail::pow10_38)
            columnar::detail::throw_row_error(ErrorCode::overflow, column.name, r,
                                              "a coefficient beyond 38 digits");
        values[i] = column.at(r);
    }
    try {
        return evaluate(card, std::span<const std::optional<Decimal>>(values));
    } catch (const Error& e) {
        // evaluate names a criterion's value `values[i]`, or the whole row (`facts`).
        const std::string& field = e.field();
        if (field.starts_with("values[")) {
            const std::size_t i = std::stoul(field.substr(7));
            columnar::detail::throw_row_error(e.code(), columns[i].name, r, e.message());
        }
        throw Error(e.code(), "rows[" + std::to_string(r) + "]", e.message());
    }
}

void score_range(const CompiledScorecard& card, std::span<const columnar::NumberColumn> columns,
                 std::size_t begin, std::size_t end, Summary* out) {
    std::vector<std::optional<Decimal>> values(columns.size());
    for (std::size_t first = begin; first < end; first += detail::kBlock) {
        const std::size_t n = std::min(detail::kBlock, end - first);
        bool fast = true;
        for (const columnar::NumberColumn& column : columns)
            fast = fast && all_valid(column.validity, first, n);
        const auto column_of = [columns, first](std::size_t i, int exponent) {
            return ColumnReader(columns[i], first, exponent);
        };
        if (fast && detail::score_block(card, n, column_of, out + first)) continue;
        for (std::size_t r = first; r < first + n; ++r) out[r] = score_row(card, columns, r, values);
    }
}

}  // namespace

void evaluate_columns(const CompiledScorecard& card, std::span<const columnar::NumberColumn> columns,
                      std::span<Summary> out, int threads, const Progress& progress) {
    if (columns.size() != card.size())
        throw Error(ErrorCode::invalid_argument, "columns",
                    "expected " + std::to_string(card.size()) + " columns, one per criterion, not " +
                        std::to_string(columns.size()));
    const std::size_t rows = out.size();
    for (std::size_t i = 0; i < columns.size(); ++i)
        columnar::check_shape(columns[i], rows, card.kernels()[i].missing == MissingData::error);
    const crm::detail::ParallelOptions options{.threads = threads, .progress = &progress};
    Summary* slots = out.data();
    (void)crm::detail::parallel_ranges(
        rows, options, [&card, columns, slots](std::size_t, std::size_t begin, std::size_t end) {
            score_range(card, columns, begin, end, slots);
        });
}

std::vector<Summary> evaluate_columns(const CompiledScorecard& card,
                                      std::span<const columnar::NumberColumn> columns, int threads,
                                      const Progress& progress) {
    std::vector<Summary> out(columns.empty() ? 0 : columns.front().size());
    evaluate_columns(card, columns, out, threads, progress);
    return out;
}

}  // namespace crm::scoring
