#!/usr/bin/env bash
# Builds the examples in Release (preset "demo") and runs the quick-start example.
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

echo "== dependencies"
bash scripts/deps.sh build  # the demo builds the library and the examples only

echo "== build (cmake --workflow --preset demo)"
cmake --workflow --preset demo

echo "== run build/demo/examples/crm_quickstart"
build/demo/examples/crm_quickstart
