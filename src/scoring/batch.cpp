// Batches on several threads: each thread scores a contiguous slice of the input into
// preallocated slots, so results do not depend on the thread count. The only shared mutable
// state is the output slots (each written by one thread), a progress counter and the index of
// the earliest failure.

#include <crm/core/error.hpp>
#include <crm/scoring/evaluate.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace crm::scoring {

namespace {

constexpr std::size_t kChunk = 1024;  // subjects between progress updates and stop checks

std::size_t thread_count(int threads, std::size_t items) {
    if (threads < 0)
        throw Error(ErrorCode::invalid_argument, "threads",
                    "a thread count cannot be negative (" + std::to_string(threads) +
                        "); 0 means the hardware's count");
    std::size_t t =
        threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : static_cast<std::size_t>(threads);
    return std::max<std::size_t>(1, std::min(t, items));
}

// Calls score(i) for every i in [0, n) on up to `threads` threads. On failure rethrows the
// exception of the smallest failing i, after every thread has stopped.
// `score` holds what it needs by value (see `local` below).
template <class Fn>
void parallel_for(std::size_t n, int threads, const Progress& progress, const Fn& score) {
    const std::size_t t = thread_count(threads, n);
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> first_failure{n};
    std::vector<std::exception_ptr> errors(t);
    std::vector<std::size_t> failed_at(t, n);

    const auto work = [&](std::size_t w) {
        // A copy on this thread's own stack: the callers' locals sit next to the calling
        // thread's busy stack slots, and reading them through references on every subject
        // would share that cache line between the threads.
        Fn local = score;
        const std::size_t begin = n * w / t;
        const std::size_t end = n * (w + 1) / t;
        for (std::size_t i = begin; i < end;) {
            const std::size_t stop = std::min(end, i + kChunk);
            const std::size_t chunk_begin = i;
            try {
                for (; i < stop; ++i) local(i);
            } catch (...) {
                errors[w] = std::current_exception();
                failed_at[w] = i;
                std::size_t seen = first_failure.load();
                while (i < seen && !first_failure.compare_exchange_weak(seen, i)) {
                }
                return;
            }
            done.fetch_add(stop - chunk_begin, std::memory_order_relaxed);
            // A subject before this one failed already: the batch throws that error anyway.
            if (first_failure.load(std::memory_order_relaxed) < i) return;
            if (w == 0 && progress) progress(done.load(std::memory_order_relaxed), n);
        }
    };
    {
        std::vector<std::jthread> pool;
        pool.reserve(t - 1);
        for (std::size_t w = 1; w < t; ++w) pool.emplace_back(work, w);
        work(0);
    }  // joined here
    std::size_t worst = t;
    for (std::size_t w = 0; w < t; ++w)
        if (errors[w] && (worst == t || failed_at[w] < failed_at[worst])) worst = w;
    if (worst != t) std::rethrow_exception(errors[worst]);
    if (progress) progress(n, n);
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
    parallel_for(n, threads, progress,
                 [&](std::size_t i) { out[i] = evaluate(card, rows.subspan(i * k, k)); });
}

std::vector<Summary> evaluate_batch(const CompiledScorecard& card, std::span<const Decimal> rows, int threads,
                                    const Progress& progress) {
    std::vector<Summary> out(card.size() == 0 ? 0 : rows.size() / card.size());
    evaluate_batch(card, rows, out, threads, progress);
    return out;
}

}  // namespace crm::scoring
