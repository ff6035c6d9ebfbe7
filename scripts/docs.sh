#!/usr/bin/env bash
# Reference documentation: Doxygen over include/crm (the `docs` target, preset "docs") into
# build/docs/docs/html; prints the number of warnings (undocumented public entities, broken
# commands) from build/docs/docs/warnings.log.
#   bash scripts/docs.sh                 # report the warnings, succeed
#   CRM_DOCS_STRICT=1 bash scripts/docs.sh   # fail on any warning (WARN_AS_ERROR)
set -euo pipefail
cd "$(dirname "$0")/.."
strict=OFF
[[ "${CRM_DOCS_STRICT:-0}" == "1" ]] && strict=ON
bash scripts/deps.sh build docs
cmake --preset docs -DCRM_DOCS_STRICT="$strict" > /dev/null
status=0
cmake --build --preset docs || status=$?
log=build/docs/docs/warnings.log
count=$(grep -cE ": (warning|error): " "$log" 2>/dev/null || true)
echo "docs: ${count:-0} Doxygen warnings (strict: $strict); the first ones:"
head -n 10 "$log" 2>/dev/null | sed "s|$PWD/||" || true
if [[ $status -ne 0 ]]; then
    echo "docs: FAILED (see $log)" >&2
    exit "$status"
fi
echo "docs: build/docs/docs/html/index.html"
