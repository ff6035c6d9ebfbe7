// Batches on several threads: each thread scores a contiguous slice of the input into
// preallocated slots, so results do not depend on the thread count. The only shared mutable
// state is the output slots (each written by one thread) and what crm/core/parallel.hpp keeps.

#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>
#include <crm/scoring/evaluate.hpp>

#include <string>
#include <vector>

#include "block.hpp"

namespace crm::scoring {

namespace {

// Calls score(i) for every i in [0, n) through the library's one thread mechanism
// (crm/core/parallel.hpp): small batches stay on the calling thread; on failure the error of
// the smallest failing i is rethrown after every thread has stopped.
template <class Fn>
void parallel_for(std::size_t n, int threads, const Progress& progress, const Fn& score) {
    const crm::detail::ParallelOptions options{.threads = threads, .progress = &progress};
    (void)crm::detail::parallel_ranges(n, options, [&score](std::size_t, std::size_t begin, std::size_t end) {
        // A copy on this thread's own stack: the caller's locals sit next to the calling
        // thread's busy stack slots, and reading them through references on every subject
        // would share that cache line between the threads.
        Fn local = score;
        for (std::size_t i = begin; i < end; ++i) local(i);
    });
}

}  // namespace

std::vector<ScoreResult> evaluate_batch(const CompiledScorecard& card, std::span<const Facts> facts,
                                        int threads, const Progress& progress) {
    std::vector<ScoreResult> out(facts.size());
    const std::span<ScoreResult> slots(out);
    parallel_for(facts.size(), threads, progress,
                 [card = &card, facts, slots](std::size_t i) { slots[i] = evaluate(*card, facts[i]); });
    return out;
}

std::vector<ScoreResult> evaluate_batch(const Scorecard& card, std::span<const Facts> facts, int threads,
                                        const Progress& progress) {
    return evaluate_batch(CompiledScorecard{card}, facts, threads, progress);
}

void evaluate_batch(const CompiledScorecard& card, std::span<const Decimal> rows, std::span<Summary> out,
                    int threads, const Progress& progress) {
    const std::size_t k = card.size();
    if (rows.size() % k != 0)
        throw Error(ErrorCode::invalid_argument, "rows",
                    "the length " + std::to_string(rows.size()) + " is not a whole number of rows of " +
                        std::to_string(k) + " values");
    const std::size_t n = rows.size() / k;
    if (out.size() != n)
        throw Error(
            ErrorCode::invalid_argument, "out",
            "expected " + std::to_string(n) + " slots, one per row, not " + std::to_string(out.size()));
    // Whole ranges go to the block kernel (src/scoring/block.hpp), not one row at a time.
    const crm::detail::ParallelOptions options{.threads = threads, .progress = &progress};
    const Decimal* data = rows.data();
    Summary* slots = out.data();
    (void)crm::detail::parallel_ranges(
        n, options, [&card, data, slots, k](std::size_t, std::size_t begin, std::size_t end) {
            detail::score_rows(card, data + begin * k, end - begin, slots + begin);
        });
}

std::vector<Summary> evaluate_batch(const CompiledScorecard& card, std::span<const Decimal> rows, int threads,
                                    const Progress& progress) {
    std::vector<Summary> out(card.size() == 0 ? 0 : rows.size() / card.size());
    evaluate_batch(card, rows, out, threads, progress);
    return out;
}

}  // namespace crm::scoring
