// The library's one thread mechanism: slices by index, no threads for small inputs, the same
// result for any thread count, progress on the calling thread, a stop token, the first
// failure's error, and a thread that cannot start reported as a crm::Error.

#include <crm/core/error.hpp>
#include <crm/core/parallel.hpp>

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "../support/errors.hpp"

using crm::ErrorCode;
using crm::detail::parallel_ranges;
using crm::detail::ParallelOptions;
using crm::detail::slice_count;

TEST_SUITE("core.parallel") {
    TEST_CASE("small inputs never start a thread") {
        CHECK(slice_count(ParallelOptions{.threads = 8, .min_per_thread = 1024}, 0) == 1);
        CHECK(slice_count(ParallelOptions{.threads = 8, .min_per_thread = 1024}, 1023) == 1);
        CHECK(slice_count(ParallelOptions{.threads = 8, .min_per_thread = 1024}, 2048) == 2);
        CHECK(slice_count(ParallelOptions{.threads = 8, .min_per_thread = 1024}, 1'000'000) == 8);
        CHECK(slice_count(ParallelOptions{.threads = 1}, 1'000'000) == 1);
        CHECK(slice_count(ParallelOptions{.threads = 0}, 1'000'000) >= 1);
        // a batch below the threshold runs on the calling thread only
        const auto caller = std::this_thread::get_id();
        bool elsewhere = false;
        const auto run =
            parallel_ranges(1000, ParallelOptions{.threads = 4}, [&](std::size_t, std::size_t, std::size_t) {
                if (std::this_thread::get_id() != caller) elsewhere = true;
            });
        CHECK(run.slices == 1);
        CHECK_FALSE(elsewhere);
    }

    TEST_CASE("a negative thread count is an error naming the count") {
        crm::test::check_error([] { return slice_count(ParallelOptions{.threads = -1}, 10); },
                               ErrorCode::invalid_argument, "threads");
        crm::test::check_error(
            [] { return slice_count(ParallelOptions{.threads = -2, .field = "options.threads"}, 10); },
            ErrorCode::invalid_argument, "options.threads");
    }

    TEST_CASE("slices cover every index once and in order for any thread count") {
        for (std::size_t n : {0u, 1u, 7u, 1000u, 4099u}) {
            for (int threads : {1, 2, 3, 5, 8}) {
                CAPTURE(n);
                CAPTURE(threads);
                std::vector<int> seen(n, 0);
                std::vector<std::size_t> slice_of(n, 99);
                const auto run =
                    parallel_ranges(n, ParallelOptions{.threads = threads, .min_per_thread = 1, .chunk = 64},
                                    [&](std::size_t s, std::size_t begin, std::size_t end) {
                                        CHECK(end - begin <= 64);
                                        for (std::size_t i = begin; i < end; ++i) {
                                            ++seen[i];
                                            slice_of[i] = s;
                                        }
                                    });
                CHECK(run.slices ==
                      std::max<std::size_t>(1, std::min<std::size_t>(n, static_cast<std::size_t>(threads))));
                CHECK_FALSE(run.stopped);
                for (std::size_t i = 0; i < n; ++i) {
                    CHECK(seen[i] == 1);
                    if (i > 0) CHECK(slice_of[i] >= slice_of[i - 1]);  // contiguous slices
                }
            }
        }
    }

    TEST_CASE("progress is reported on the calling thread and ends at the total") {
        const auto caller = std::this_thread::get_id();
        const crm::detail::ProgressCallback progress = [&](std::size_t done, std::size_t total) {
            CHECK(std::this_thread::get_id() == caller);
            CHECK(total == 10'000);
            CHECK(done <= total);
        };
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        const crm::detail::ProgressCallback record = [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
        };
        for (int threads : {1, 2, 4}) {
            calls.clear();
            (void)parallel_ranges(
                10'000, ParallelOptions{.threads = threads, .min_per_thread = 1, .progress = &progress},
                [](std::size_t, std::size_t, std::size_t) {});
            (void)parallel_ranges(
                10'000, ParallelOptions{.threads = threads, .min_per_thread = 1, .progress = &record},
                [](std::size_t, std::size_t, std::size_t) {});
            REQUIRE_FALSE(calls.empty());
            CHECK(calls.back() == std::pair<std::size_t, std::size_t>{10'000, 10'000});
            for (std::size_t k = 1; k < calls.size(); ++k) CHECK(calls[k].first >= calls[k - 1].first);
        }
    }

    TEST_CASE("a stop request ends the run early and says so") {
        std::stop_source source;
        std::atomic<std::size_t> processed{0};
        const auto run =
            parallel_ranges(100'000, ParallelOptions{.threads = 1, .chunk = 100, .stop = source.get_token()},
                            [&](std::size_t, std::size_t begin, std::size_t end) {
                                processed += end - begin;
                                if (processed >= 1000) source.request_stop();
                            });
        CHECK(run.stopped);
        CHECK(processed.load() == 1000);
        const auto full =
            parallel_ranges(1000, ParallelOptions{}, [](std::size_t, std::size_t, std::size_t) {});
        CHECK_FALSE(full.stopped);
    }

    TEST_CASE("the error of the smallest failing index is the one thrown") {
        for (int threads : {1, 2, 4}) {
            CAPTURE(threads);
            try {
                (void)parallel_ranges(8000,
                                      ParallelOptions{.threads = threads, .min_per_thread = 1, .chunk = 100},
                                      [](std::size_t, std::size_t begin, std::size_t end) {
                                          for (std::size_t i = begin; i < end; ++i)
                                              if (i == 2500 || i == 7100)
                                                  throw crm::Error(ErrorCode::invalid_argument,
                                                                   "rows[" + std::to_string(i) + "]", "bad");
                                      });
                FAIL_CHECK("no error");
            } catch (const crm::Error& e) {
                CHECK(e.field() == "rows[2500]");
            }
        }
    }

    TEST_CASE("a thread that cannot start is a crm::Error naming the thread count") {
        // The reproducer: std::system_error from starting a thread escaped a batch unwrapped.
        // The hook throws what std::thread's constructor throws when the system refuses
        // (resource_unavailable_try_again, EAGAIN), before the third thread starts.
        const std::function<void(std::size_t)> refuse = [](std::size_t slice) {
            if (slice == 2)
                throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
        };
        std::atomic<int> ran{0};
        const auto body = [&](std::size_t, std::size_t, std::size_t) { ++ran; };
        crm::test::check_error(
            [&] {
                return parallel_ranges(
                    4000, ParallelOptions{.threads = 4, .min_per_thread = 1, .chunk = 4000}, body, &refuse);
            },
            ErrorCode::invalid_operation, "threads");
        CHECK(ran.load() <= 1);  // only the one thread that did start ran its slice
        // with one slice no thread is started, so nothing can fail
        CHECK_NOTHROW((void)parallel_ranges(4000, ParallelOptions{.threads = 1}, body, &refuse));
    }
}  // TEST_SUITE
