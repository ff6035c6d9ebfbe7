#pragma once
// Deterministic generators for property tests: a fixed seed gives the same cases on every
// machine, so a failure seen once can be replayed. No floating point.

#include <crm/money/decimal.hpp>

#include <cstdint>

namespace crm::test {

/// xorshift64*: small, fast, good enough to spread test cases.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed ? seed : 0x9e3779b97f4a7c15ULL) {}
    std::uint64_t next() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return state_ * 0x2545F4914F6CDD1DULL;
    }
    /// Uniform-enough in [0, n) for n > 0.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    /// In [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool coin() { return (next() >> 33) & 1u; }

private:
    std::uint64_t state_;
};

/// A decimal with up to `max_digits` digits (at most 18), exponent in [min_exp, max_exp],
/// either sign; small coefficients and zeros come up often.
inline Decimal decimal(Rng& rng, int max_digits = 12, int min_exp = -6, int max_exp = 3) {
    const int digits = static_cast<int>(rng.between(0, max_digits));
    std::uint64_t limit = 1;
    for (int i = 0; i < digits; ++i) limit *= 10;
    const auto coefficient = static_cast<std::int64_t>(rng.below(limit));
    const auto exponent = static_cast<int>(rng.between(min_exp, max_exp));
    return Decimal::scaled(rng.coin() ? -coefficient : coefficient, exponent);
}

}  // namespace crm::test
