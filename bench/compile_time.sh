#!/usr/bin/env bash
# Compile time of a translation unit that includes <crm/crm.hpp>, against one that includes
# only what the library is built on: <boost/multiprecision/cpp_int.hpp> and Boost.Date_Time's
# gregorian header. Each TU is compiled to an object file (-O2, as a user's build would) RUNS
# times, interleaved, and the medians are compared. Goal: ratio <= 1.0.
#
# usage: bench/compile_time.sh [compiler] (default: $CXX, else c++); RUNS=5 by default.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cxx="${1:-${CXX:-c++}}"
runs="${RUNS:-5}"
flags=(-std=c++20 -O2 -c -I"${here}/include")
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

printf '#include <crm/crm.hpp>\nint main() { return 0; }\n' > "${work}/crm.cpp"
printf '#include <boost/multiprecision/cpp_int.hpp>\n#include <boost/date_time/gregorian/gregorian.hpp>\nint main() { return 0; }\n' > "${work}/boost.cpp"

# Seconds (wall clock, 3 decimals) of one compile.
time_one() {
    local start end
    start=$(date +%s%N)
    "${cxx}" "${flags[@]}" "$1" -o "${work}/out.o"
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 ))"
}

# Median of the arguments (milliseconds).
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

crm_times=()
boost_times=()
for ((i = 0; i < runs; ++i)); do  # interleaved, so that a change in load hits both alike
    crm_times+=("$(time_one "${work}/crm.cpp")")
    boost_times+=("$(time_one "${work}/boost.cpp")")
done
crm_median=$(median "${crm_times[@]}")
boost_median=$(median "${boost_times[@]}")
echo "crm/crm.hpp:                  ${crm_times[*]} ms, median ${crm_median} ms"
echo "cpp_int.hpp + gregorian.hpp:  ${boost_times[*]} ms, median ${boost_median} ms"
awk -v a="${crm_median}" -v b="${boost_median}" 'BEGIN { printf "ratio: %.2fx (goal <= 1.00x)\n", a / b }'
