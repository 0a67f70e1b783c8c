#!/usr/bin/env bash
# Runs every test: installs the test dependencies (apt), restores NuGet packages, builds, tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-test-deps.sh
dotnet test Versus.sln -c Release "$@"
