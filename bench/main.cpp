// The one main() of crm_bench; the benchmarks are in bench/<area>_bench.cpp.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
