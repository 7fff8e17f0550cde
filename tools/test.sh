#!/usr/bin/env bash
# Sets up a fresh machine and runs the whole test suite (this is what .ci/run calls).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
exec mvn -B -ntp verify "$@"
