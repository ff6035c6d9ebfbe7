#pragma once
/// \file
/// The one way crmrules splits a batch over threads (internal: crm::detail, used by the
/// scoring batch and the columnar kernels). The caller chooses the thread count; small inputs
/// never start a thread; the input is cut into contiguous slices by index only, so that a
/// kernel that combines its slices in slice order gives the same result for any thread count.
/// Progress is reported on the calling thread; a std::stop_token ends the work early.
/// Proven by tests/core/parallel_test.cpp.

#include <crm/export.hpp>

#include <cstddef>
#include <functional>
#include <stop_token>
#include <string_view>

namespace crm::detail {

/// Reports progress: `done` of `total` items, called on the calling thread only, never
/// concurrently, with non-decreasing `done`; the last call is (total, total).
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

/// How a batch is split.
struct ParallelOptions {
    int threads = 1;  ///< at most this many threads (0: the hardware's count); < 0 is an error
    std::size_t min_per_thread = 1024;           ///< fewer items than this per thread: use fewer threads
    std::size_t chunk = 1024;                    ///< items between progress reports and stop checks
    const ProgressCallback* progress = nullptr;  ///< not owned; may be null or empty
    std::stop_token stop = {};                   ///< when stop is requested, workers end early
    std::string_view field = "threads";          ///< names the thread count in errors
};

/// The number of slices (threads) for `items` items: at least 1, at most `options.threads`
/// (or the hardware's count for 0) and at most one per `min_per_thread` items. Throws
/// crm::Error(invalid_argument) naming `options.field` for a negative count.
[[nodiscard]] CRM_EXPORT std::size_t slice_count(const ParallelOptions& options, std::size_t items);

/// Runs `work(s)` for every slice s in [0, slices): slice 0 on the calling thread, the others
/// on std::jthread; returns after every thread has joined. A std::system_error from starting
/// a thread becomes crm::Error(invalid_operation) naming `field`, after the threads already
/// started have joined. `start` stands in for the thread start (tests inject a failure).
CRM_EXPORT void run_slices(std::size_t slices, const std::function<void(std::size_t)>& work,
                           std::string_view field,
                           const std::function<void(std::size_t)>* start_hook = nullptr);

/// The bounds of slice `s` of `slices` over `n` items: [n*s/slices, n*(s+1)/slices).
[[nodiscard]] constexpr std::size_t slice_begin(std::size_t n, std::size_t s, std::size_t slices) noexcept {
    return n / slices * s + n % slices * s / slices;  // floor(n * s / slices) without overflow
}

/// The outcome of a parallel run.
struct ParallelRun {
    std::size_t slices = 1;  ///< how many slices (threads) the input was cut into
    bool stopped = false;    ///< the stop token ended the run before every item was processed
};

/// Calls `body(slice, begin, end)` for consecutive ranges of at most `options.chunk` items,
/// each slice on its own thread. When bodies throw, rethrows the exception of the smallest
/// failing index after every thread has stopped. Returns the slice count and whether the stop
/// token ended the run early (some ranges then were not processed).
CRM_EXPORT ParallelRun parallel_ranges(std::size_t n, const ParallelOptions& options,
                                       const std::function<void(std::size_t, std::size_t, std::size_t)>& body,
                                       const std::function<void(std::size_t)>* start_hook = nullptr);

}  // namespace crm::detail
