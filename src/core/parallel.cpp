// The thread mechanism of every batch: slices by index, slice 0 on the calling thread, the
// others on std::jthread; the only shared mutable state is a progress counter, the index of
// the earliest failure and a per-slice exception slot.

#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace crm::detail {

std::size_t slice_count(const ParallelOptions& options, std::size_t items) {
    if (options.threads < 0)
        throw Error(ErrorCode::invalid_argument, std::string(options.field),
                    "a thread count cannot be negative (" + std::to_string(options.threads) +
                        "); 0 means the hardware's count");
    const std::size_t wanted = options.threads == 0 ? std::max(1U, std::thread::hardware_concurrency())
                                                    : static_cast<std::size_t>(options.threads);
    const std::size_t by_size = items / std::max<std::size_t>(options.min_per_thread, 1);
    return std::max<std::size_t>(1, std::min(wanted, by_size));
}

void run_slices(std::size_t slices, const std::function<void(std::size_t)>& work, std::string_view field,
                const std::function<void(std::size_t)>* start_hook) {
    std::exception_ptr start_failure;
    {
        std::vector<std::jthread> pool;
        pool.reserve(slices > 0 ? slices - 1 : 0);
        try {
            for (std::size_t s = 1; s < slices; ++s) {
                if (start_hook != nullptr && *start_hook) (*start_hook)(s);
                pool.emplace_back(work, s);
            }
        } catch (const std::system_error& e) {
            start_failure =
                std::make_exception_ptr(Error(ErrorCode::invalid_operation, std::string(field),
                                              "could not start thread " + std::to_string(pool.size() + 1) +
                                                  " of " + std::to_string(slices) + ": " + e.what()));
        }
        // Without every thread, slice 0 still runs so that the started ones are not left
        // waiting on anything; the batch then fails as a whole.
        if (!start_failure) work(0);
    }  // joined here
    if (start_failure) std::rethrow_exception(start_failure);
}

ParallelRun parallel_ranges(std::size_t n, const ParallelOptions& options,
                            const std::function<void(std::size_t, std::size_t, std::size_t)>& body,
                            const std::function<void(std::size_t)>* start_hook) {
    const std::size_t slices = slice_count(options, n);
    const std::size_t chunk = std::max<std::size_t>(options.chunk, 1);
    const ProgressCallback* progress =
        options.progress != nullptr && *options.progress ? options.progress : nullptr;
    const std::stop_token stop = options.stop;
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> first_failure{n};
    std::atomic<bool> stopped{false};
    std::vector<std::exception_ptr> errors(slices);
    std::vector<std::size_t> failed_at(slices, n);

    const auto work = [&](std::size_t s) {
        const std::size_t begin = slice_begin(n, s, slices);
        const std::size_t end = slice_begin(n, s + 1, slices);
        for (std::size_t i = begin; i < end;) {
            if (stop.stop_requested()) {
                stopped.store(true, std::memory_order_relaxed);
                return;
            }
            const std::size_t next = std::min(end, i + chunk);
            try {
                body(s, i, next);
            } catch (...) {
                // The body does not say which item failed: the range's first index orders
                // the failures, and ranges of one slice run in order.
                errors[s] = std::current_exception();
                failed_at[s] = i;
                std::size_t seen = first_failure.load();
                while (i < seen && !first_failure.compare_exchange_weak(seen, i)) {
                }
                return;
            }
            done.fetch_add(next - i, std::memory_order_relaxed);
            i = next;
            // An earlier range failed already: the run throws that error anyway.
            if (first_failure.load(std::memory_order_relaxed) < i) return;
            if (s == 0 && progress != nullptr) (*progress)(done.load(std::memory_order_relaxed), n);
        }
    };
    run_slices(slices, work, options.field, start_hook);
    std::size_t worst = slices;
    for (std::size_t s = 0; s < slices; ++s)
        if (errors[s] && (worst == slices || failed_at[s] < failed_at[worst])) worst = s;
    if (worst != slices) std::rethrow_exception(errors[worst]);
    const bool was_stopped = stopped.load();
    if (progress != nullptr && !was_stopped) (*progress)(n, n);
    return ParallelRun{.slices = slices, .stopped = was_stopped};
}

}  // namespace crm::detail
