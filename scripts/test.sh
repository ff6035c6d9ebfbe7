#!/usr/bin/env bash
# Configures, builds and runs every test in Debug with -Werror (preset "dev"), then the Python
# package's tests in a fresh venv (scripts/python_test.sh); fails on any error.
#   bash scripts/test.sh              # the README's test command
#   bash scripts/test.sh --coverage   # the same suite instrumented for coverage, with the gates
#                                     # of scripts/coverage.sh (what CI's gcc stage runs)
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

if [[ "${1:-}" == "--coverage" ]]; then
    exec bash scripts/coverage.sh
fi

echo "== dependencies"
bash scripts/deps.sh build test

echo "== configure, build and test (cmake --workflow --preset dev)"
cmake --workflow --preset dev

echo "== the Python package in a fresh venv (scripts/python_test.sh)"
bash scripts/python_test.sh

echo "== all tests passed"
