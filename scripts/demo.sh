#!/usr/bin/env bash
# Builds the examples and the crm command line in Release (preset "demo"), runs the quick-start
# example, then prints the monthly key-account report of the sample company (examples/data/
# sample-company, docs/sample-company.md) and writes it as an HTML page.
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

echo "== dependencies"
bash scripts/deps.sh build  # the demo builds the library, the examples and the crm program

echo "== build (cmake --workflow --preset demo)"
cmake --workflow --preset demo

echo "== run build/demo/examples/crm_quickstart"
build/demo/examples/crm_quickstart

sample=examples/data/sample-company
page=build/demo/sample-company-report.html
echo
echo "== the sample company's report of November 2026: build/demo/tools/crm report monthly"
build/demo/tools/crm report monthly --policy "$sample/policy.json" --facts "$sample/month.json"
build/demo/tools/crm report monthly --policy "$sample/policy.json" --facts "$sample/month.json" \
    --format html -o "$page"
echo
echo "== the same report as a web page: $PWD/$page"
