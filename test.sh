#!/usr/bin/env bash
# Runs every test: installs the test dependencies (apt), restores NuGet packages, builds, tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-test-deps.sh
# -m:1: one test project at a time. They measure real engines (libtorch, Node, Chromium) on the machine's cores; on a
# 2-core machine two at once slow each other past the end-to-end tests' limits.
dotnet test Versus.sln -c Release -m:1 "$@"
