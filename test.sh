#!/usr/bin/env bash
# Runs every test: installs the test dependencies (apt), restores NuGet packages, builds, tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-test-deps.sh
mkdir -p TestResults
log=TestResults/test.log
# -m:1: one test project at a time. They measure real engines (libtorch, Node, Chromium) on the machine's cores; on a
# 2-core machine two at once slow each other past the end-to-end tests' limits.
set +e
dotnet test Versus.sln -c Release -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# A CI log is often read from its tail only: end with every failed test and its message, which scrolled past long ago.
bash scripts/failed-tests.sh "$log"
exit "$status"
