#!/usr/bin/env bash
# Checks that the Debian packages a task needs are installed; installs the missing ones when run
# as root, otherwise prints the one command to run and fails. Packages come in groups by purpose:
#   bash scripts/deps.sh build             # the library and the examples (scripts/demo.sh)
#   bash scripts/deps.sh build test        # + the test suite (scripts/test.sh; the default)
#   bash scripts/deps.sh build test clang  # + clang 14 and its sanitizer/libFuzzer runtimes
#   bash scripts/deps.sh build test java   # + Java 17 and JNA for the C ABI's JNA test
# Groups: build, test, bench, clang, docs, python (venvs: gcovr and Conan, the crmrules package), java.
# Or source it and call `crm_check_deps GROUP...`. The optional libclips-dev (peer benchmark
# for approval routing) is in no group.

declare -A crm_package_groups=(
    [build]="cmake g++ make libboost-dev libboost-date-time-dev nlohmann-json3-dev libcli11-dev libssl-dev"
    [test]="doctest-dev libpython3.11-testsuite pkg-config binutils python3 python3-venv libxlsxwriter-dev"
    [bench]="libbenchmark-dev"
    [clang]="clang libclang-rt-14-dev"
    [docs]="doxygen"
    [browser]="chromium"
    [python]="python3 python3-venv python3-dev"
    [java]="openjdk-17-jdk-headless libjna-java"
)

crm_check_deps() {
    local groups=("$@") group packages=() pkg
    [[ ${#groups[@]} -eq 0 ]] && groups=(build test)
    for group in "${groups[@]}"; do
        if [[ -z "${crm_package_groups[$group]+set}" ]]; then
            echo "deps: unknown group '$group' (groups: ${!crm_package_groups[*]})" >&2
            return 2
        fi
        # shellcheck disable=SC2206
        packages+=(${crm_package_groups[$group]})
    done
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "deps: not a Debian system; make sure the equivalents of these are installed:" \
             "${packages[*]}" >&2
        return 0
    fi
    local missing=()
    for pkg in "${packages[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        echo "deps: the Debian packages for '${groups[*]}' are installed"
        return 0
    fi
    echo "deps: missing Debian packages: ${missing[*]}"
    if [[ "$(id -u)" -eq 0 ]]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    else
        echo "deps: install them with:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    crm_check_deps "$@"
fi
