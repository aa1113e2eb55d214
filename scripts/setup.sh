#!/usr/bin/env bash
# Set up athar in ./.venv: Python 3.11+ and the package with its dependencies.
# Usage: scripts/setup.sh [--test]   (--test also installs what the tests and the benchmarks need)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "athar needs Python 3.11 or newer; found: $("$PYTHON" --version 2>&1). Set PYTHON=/path/to/python3.11" >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv" >&2
    "$PYTHON" -m venv .venv
fi
extra=""
[ "${1:-}" = "--test" ] && extra="[test,bench]"
echo "setup: installing athar${extra} into .venv" >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra}"

if [ "${1:-}" = "--test" ]; then
    # The HTML graph is tested in Debian's chromium (Playwright drives it; 'playwright install'
    # would download a browser, which this project never does) with Noto fonts for Arabic glyphs.
    need=()
    [ -x /usr/bin/chromium ] || need+=(chromium)
    dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
    # tests/test_remote_store.py starts Virtuoso (virtuoso-t, isql-vt) on loopback
    command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
    if [ ${#need[@]} -gt 0 ]; then
        SUDO=""
        [ "$(id -u)" -eq 0 ] || SUDO="sudo"
        echo "setup: installing ${need[*]} with apt-get" >&2
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
    fi
fi
echo "setup: done" >&2
