// Controlled rounding of a matrix on both margins: see crm/planning/allocation.hpp for the
// method. Entries are kept as exact integers in units of 1/D of a minor unit (D the sum of the
// weights), so every step is integer arithmetic on 128 bits with no rounding at all.

#include <crm/core/error.hpp>
#include <crm/planning/allocation.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace crm::planning {

namespace {

__extension__ typedef __int128 Int;  // 128-bit exact integers (GCC and Clang)

constexpr std::int64_t kMaxUnits = 100'000'000'000'000'000;  // 10^17 minor units
constexpr int kWeightPlaces = 6;
constexpr std::size_t kMaxCells = 10'000;

[[noreturn]] void fail(ErrorCode code, std::string field, std::string message) {
    throw Error(code, std::move(field), std::move(message));
}

// A non-negative amount in whole minor units, as an integer count of them.
std::int64_t units_of(const Money& m, const std::string& field) {
    const int minor = m.currency().minor_units();
    if (m.signum() < 0) fail(ErrorCode::invalid_argument, field, "a target cannot be negative");
    if (round_to_scale(m.amount(), minor, RoundingMode::down) != m.amount())
        fail(ErrorCode::invalid_argument, field, "a target must be a whole number of minor units");
    const Decimal scaled = round_to_scale(m.amount(), minor, RoundingMode::down) * Decimal::scaled(1, minor);
    if (scaled > Decimal{kMaxUnits})
        fail(ErrorCode::invalid_argument, field, "a target above 10^17 minor units is out of range");
    return scaled.to_int64();
}

// A weight as an integer in units of 10^-6.
std::int64_t weight_of(const Decimal& w, const std::string& field) {
    if (w.signum() < 0) fail(ErrorCode::invalid_argument, field, "a weight cannot be negative");
    if (w > Decimal{1'000'000'000})
        fail(ErrorCode::invalid_argument, field, "a weight above 10^9 is out of range");
    const Decimal kept = round_to_scale(w, kWeightPlaces, RoundingMode::down);
    if (kept != w) fail(ErrorCode::invalid_argument, field, "a weight has at most 6 decimal places");
    return (kept * Decimal::scaled(1, kWeightPlaces)).to_int64();
}

Int floor_mod(Int v, Int d) {
    const Int r = v % d;
    return r < 0 ? r + d : r;
}

// Rounds the bordered table `a` ((m+1) x (n+1), every row and column summing to zero) so that
// every entry is a multiple of `d`, by cycles (see the header).
void round_by_cycles(std::vector<std::vector<Int>>& a, Int d) {
    const std::size_t rows = a.size();
    const std::size_t cols = a.front().size();
    const auto fractional = [&](std::size_t i, std::size_t j) { return floor_mod(a[i][j], d) != 0; };
    // Nodes: rows 0..rows-1, columns rows..rows+cols-1. A path alternates row, column, row ...
    std::vector<int> on_path(rows + cols, -1);
    std::vector<std::size_t> path;
    for (;;) {
        std::size_t si = rows;
        std::size_t sj = 0;
        for (std::size_t i = 0; i < rows && si == rows; ++i)
            for (std::size_t j = 0; j < cols; ++j)
                if (fractional(i, j)) {
                    si = i;
                    sj = j;
                    break;
                }
        if (si == rows) return;  // every entry whole
        path.clear();
        std::fill(on_path.begin(), on_path.end(), -1);
        path.push_back(si);
        on_path[si] = 0;
        std::size_t prev = si;         // the node we came from
        std::size_t node = rows + sj;  // the current node (a column)
        std::size_t cycle_start = 0;
        for (;;) {
            if (on_path[node] >= 0) {
                cycle_start = static_cast<std::size_t>(on_path[node]);
                break;
            }
            on_path[node] = static_cast<int>(path.size());
            path.push_back(node);
            std::size_t next = rows + cols;
            if (node >= rows) {  // a column: leave by its lowest other fractional row
                const std::size_t j = node - rows;
                for (std::size_t i = 0; i < rows; ++i)
                    if (i != prev && fractional(i, j)) {
                        next = i;
                        break;
                    }
            } else {  // a row: leave by its lowest other fractional column
                for (std::size_t j = 0; j < cols; ++j)
                    if (rows + j != prev && fractional(node, j)) {
                        next = rows + j;
                        break;
                    }
            }
            // Every row and column sums to a multiple of d, so a node with one fractional entry
            // has another one: `next` always exists.
            if (next == rows + cols) throw Error(ErrorCode::inconsistent, "weights", "internal: no cycle");
            prev = node;
            node = next;
        }
        // The cycle: path[cycle_start..] then back to node == path[cycle_start].
        std::vector<std::pair<std::size_t, std::size_t>> edges;
        for (std::size_t k = cycle_start; k < path.size(); ++k) {
            const std::size_t u = path[k];
            const std::size_t v = k + 1 < path.size() ? path[k + 1] : path[cycle_start];
            edges.emplace_back(u < rows ? u : v, u < rows ? v - rows : u - rows);
        }
        // Signs alternate along the cycle: +, -, +, ...; the first edge is the cycle's first entry.
        Int up = 0;    // step when even edges go up, odd edges down
        Int down = 0;  // step when even edges go down, odd edges up
        bool first = true;
        for (std::size_t k = 0; k < edges.size(); ++k) {
            const Int r = floor_mod(a[edges[k].first][edges[k].second], d);
            const Int to_up = d - r;
            const Int to_down = r;
            const Int su = k % 2 == 0 ? to_up : to_down;
            const Int sd = k % 2 == 0 ? to_down : to_up;
            if (first || su < up) up = su;
            if (first || sd < down) down = sd;
            first = false;
        }
        const bool go_up = up <= down;
        const Int step = go_up ? up : down;
        for (std::size_t k = 0; k < edges.size(); ++k) {
            const bool plus = (k % 2 == 0) == go_up;
            a[edges[k].first][edges[k].second] += plus ? step : -step;
        }
    }
}

// The rounded allocation of the ideal entries `n[i][j] / d` minor units.
MatrixAllocation finish(std::vector<std::vector<Int>> n, Int d, Currency currency) {
    const std::size_t m = n.size();
    const std::size_t k = n.front().size();
    std::vector<std::vector<Int>> a(m + 1, std::vector<Int>(k + 1, 0));
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            a[i][j] = n[i][j];
            a[i][k] -= n[i][j];
            a[m][j] -= n[i][j];
            a[m][k] += n[i][j];
        }
    round_by_cycles(a, d);
    const int minor = currency.minor_units();
    const auto money = [&](Int v) {
        return Money{Decimal::scaled(static_cast<std::int64_t>(v / d), -minor), currency};
    };
    MatrixAllocation out;
    out.cells.assign(m, {});
    for (std::size_t i = 0; i < m; ++i) {
        out.cells[i].reserve(k);
        for (std::size_t j = 0; j < k; ++j) out.cells[i].push_back(money(a[i][j]));
        out.rows.push_back(money(-a[i][k]));
    }
    for (std::size_t j = 0; j < k; ++j) out.columns.push_back(money(-a[m][j]));
    return out;
}

}  // namespace

MatrixAllocation allocate_matrix(const Money& total, const std::vector<std::vector<Decimal>>& weights) {
    const std::int64_t t = units_of(total, "total");
    if (weights.empty()) fail(ErrorCode::invalid_argument, "weights", "no rows to allocate to");
    const std::size_t k = weights.front().size();
    if (weights.size() * k > kMaxCells)
        fail(ErrorCode::invalid_argument, "weights", "more than 10,000 cells");
    std::vector<std::vector<Int>> n(weights.size(), std::vector<Int>(k, 0));
    Int d = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const std::string row = "weights[" + std::to_string(i) + "]";
        if (weights[i].empty() || weights[i].size() != k)
            fail(ErrorCode::inconsistent, row,
                 "every row needs as many weights as row 0 (" + std::to_string(k) + "), and at least one");
        for (std::size_t j = 0; j < k; ++j) {
            const std::int64_t w = weight_of(weights[i][j], row + "[" + std::to_string(j) + "]");
            n[i][j] = static_cast<Int>(w);
            d += w;
        }
    }
    if (d == 0) fail(ErrorCode::invalid_argument, "weights", "the weights are all zero: nothing to split by");
    for (auto& row : n)
        for (Int& x : row) x *= t;
    return finish(std::move(n), d, total.currency());
}

MatrixAllocation allocate_matrix(std::span<const Money> row_targets,
                                 std::span<const Decimal> column_weights) {
    if (row_targets.empty()) fail(ErrorCode::invalid_argument, "row_targets", "no rows to allocate to");
    if (column_weights.empty())
        fail(ErrorCode::invalid_argument, "column_weights", "no columns to allocate to");
    if (row_targets.size() * column_weights.size() > kMaxCells)
        fail(ErrorCode::invalid_argument, "row_targets", "more than 10,000 cells");
    const Currency currency = row_targets.front().currency();
    std::vector<std::int64_t> w(column_weights.size());
    Int d = 0;
    for (std::size_t j = 0; j < column_weights.size(); ++j) {
        w[j] = weight_of(column_weights[j], "column_weights[" + std::to_string(j) + "]");
        d += w[j];
    }
    if (d == 0)
        fail(ErrorCode::invalid_argument, "column_weights", "the weights are all zero: nothing to split by");
    std::vector<std::vector<Int>> n(row_targets.size(), std::vector<Int>(column_weights.size(), 0));
    for (std::size_t i = 0; i < row_targets.size(); ++i) {
        const std::string field = "row_targets[" + std::to_string(i) + "]";
        if (row_targets[i].currency() != currency)
            fail(ErrorCode::currency_mismatch, field, "every target must be in the currency of row 0");
        const std::int64_t r = units_of(row_targets[i], field);
        for (std::size_t j = 0; j < w.size(); ++j) n[i][j] = static_cast<Int>(r) * w[j];
    }
    return finish(std::move(n), d, currency);
}

}  // namespace crm::planning
