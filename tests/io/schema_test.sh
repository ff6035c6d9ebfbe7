#!/usr/bin/env bash
# Runs check_schemas.py with PyPI's jsonschema from a venv in the build tree (made on first use).
# Exits 77 (CTest: skipped) with a message when no venv with jsonschema can be made.
set -u
src="$1" venv="$2"
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c 'import jsonschema' 2>/dev/null; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1 ||
       ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'jsonschema>=4.18' >/dev/null 2>&1; then
        echo "SKIPPED: cannot make a venv with jsonschema (python3-venv missing or PyPI unreachable)"
        exit 77
    fi
fi
exec "$venv/bin/python" "$src/tests/io/check_schemas.py" "$src"
