#!/usr/bin/env bash
# `conan create` of conan/conanfile.py with the offline Debian profile (conan/profiles/debian:
# Boost and doctest from apt, nothing downloaded), static and shared, then its test_package.
# Conan 2 comes from PyPI into a venv (build/venv-conan) with its own home (build/conan-home),
# so nothing outside the build folder is touched.
#   bash scripts/conan.sh            # static and shared
#   bash scripts/conan.sh static     # one of them
set -euo pipefail
cd "$(dirname "$0")/.."
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
kinds=("$@")
[[ ${#kinds[@]} -eq 0 ]] && kinds=(static shared)

bash scripts/deps.sh build test python
venv=build/venv-conan
if [[ ! -x "$venv/bin/conan" ]]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "conan>=2.0,<3"
fi
export CONAN_HOME="$PWD/build/conan-home"
"$venv/bin/conan" --version
for kind in "${kinds[@]}"; do
    case "$kind" in
        static) option="&:shared=False" ;;
        shared) option="&:shared=True" ;;
        *) echo "conan.sh: static or shared, not '$kind'" >&2; exit 2 ;;
    esac
    echo "== conan create ($kind, profile conan/profiles/debian)"
    # --no-remote: offline, the Debian profile takes Boost and doctest from the system
    "$venv/bin/conan" create conan --profile:all conan/profiles/debian --build=missing --no-remote -o "$option"
done
echo "== conan: ${kinds[*]} packages built and their test_package ran"
