#!/usr/bin/env bash
# Line and branch coverage of include/ and src/ by the whole test suite (preset "coverage":
# GCC, --coverage -fprofile-update=atomic), measured with gcovr from PyPI in a venv
# (build/venv). Fails when a figure is below its gate:
#   CRM_COVERAGE_LINE=97 CRM_COVERAGE_BRANCH=90 bash scripts/coverage.sh
# Branches of throw expressions and of unreachable code are excluded (gcovr
# --exclude-throw-branches --exclude-unreachable-branches). Reports: build/coverage/coverage.txt
# (per file), coverage.html (details) and coverage.json (summary).
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
line_gate="${CRM_COVERAGE_LINE:-97}"
branch_gate="${CRM_COVERAGE_BRANCH:-90}"

bash scripts/deps.sh build test python
venv="build/venv"
if [[ ! -x "$venv/bin/gcovr" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "gcovr>=7,<9"
fi

echo "== build and test (cmake --workflow --preset coverage)"
find build/coverage -name '*.gcda' -delete 2>/dev/null || true
cmake --workflow --preset coverage

echo "== gcovr over include/ and src/ (gates: line >= ${line_gate}%, branch >= ${branch_gate}%)"
"$venv/bin/gcovr" --root . --object-directory build/coverage \
    --filter 'include/' --filter 'src/' \
    --gcov-exclude-directories 'build/coverage/tests/consumer-.*' \
    --gcov-exclude-directories 'build/coverage/CMakeFiles/[0-9].*' \
    --exclude-throw-branches --exclude-unreachable-branches \
    --gcov-ignore-parse-errors=negative_hits.warn_once_per_file \
    -j "${CMAKE_BUILD_PARALLEL_LEVEL}" \
    --txt build/coverage/coverage.txt --txt-summary \
    --html-details build/coverage/coverage.html \
    --json-summary build/coverage/coverage.json \
    --fail-under-line "${line_gate}" --fail-under-branch "${branch_gate}"
echo "== coverage at or above the gates (line ${line_gate}%, branch ${branch_gate}%)"
