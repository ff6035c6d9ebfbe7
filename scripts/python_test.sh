#!/usr/bin/env bash
# Builds the Python package into a fresh virtual environment and runs its pytest suite from
# outside the source tree, so that what is tested is the installed package (what
# `pip install .` gives a user), never the files of python/crmrules.
#   bash scripts/python_test.sh            # fresh venv in build/python-venv, then pytest
#   bash scripts/python_test.sh -k arrow   # extra arguments go to pytest
# Needs PyPI (scikit-build-core and nanobind to build; pytest, pyarrow, dask[dataframe] with
# pandas, distributed, and polars and DuckDB for the engines test) and the Debian packages of `scripts/deps.sh build python`.
# With CMAKE_CXX_COMPILER_LAUNCHER=ccache in the environment the build uses ccache; the CMake
# build folder build/pip/ is kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

bash scripts/deps.sh build python

venv="$root/build/python-venv"
echo "== fresh venv $venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
# The build requirements of pyproject.toml go into the venv itself (no isolated build
# environment in a new temporary folder each time), so the compiler sees the same paths on
# every run and ccache and the kept build folder can do their work.
"$venv/bin/python" -m pip install --quiet pytest pyarrow "dask[dataframe]" distributed polars duckdb "scikit-build-core>=0.10" "nanobind>=2.0"

echo "== pip install . (Release: the library, crm::io and the extension module)"
start=$SECONDS
"$venv/bin/python" -m pip install --quiet --no-build-isolation "$root"
echo "== pip install . took $((SECONDS - start))s"

echo "== pytest tests/python (from outside the source tree)"
work="$root/build/python-test"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
CRM_SOURCE_DIR="$root" CRM_REQUIRE_ENGINES=1 "$venv/bin/python" -m pytest -p no:cacheprovider -q "$root/tests/python" "$@"
echo "== python tests passed"
