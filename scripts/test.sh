#!/usr/bin/env bash
# Configures, builds and runs every test in Debug with -Werror (preset "dev"); fails on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

echo "== dependencies"
bash scripts/deps.sh build test

echo "== configure, build and test (cmake --workflow --preset dev)"
cmake --workflow --preset dev

echo "== all tests passed"
