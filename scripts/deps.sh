#!/usr/bin/env bash
# Checks that the Debian packages crmrules builds and tests with are installed; installs the
# missing ones when run as root, otherwise prints the one command to run and fails.
# Run it (bash scripts/deps.sh), or source it and call crm_check_deps. The optional
# libclips-dev (peer benchmark for approval routing) is not checked.

crm_required_packages=(
    cmake g++ make
    libboost-dev libboost-date-time-dev
    doctest-dev libbenchmark-dev
    libpython3.11-testsuite
    libssl-dev
)

crm_check_deps() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "deps: not a Debian system; make sure the equivalents of these are installed:" \
             "${crm_required_packages[*]}" >&2
        return 0
    fi
    local missing=() pkg
    for pkg in "${crm_required_packages[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
            missing+=("$pkg")
        fi
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        echo "deps: all required Debian packages are installed"
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
    crm_check_deps
fi
