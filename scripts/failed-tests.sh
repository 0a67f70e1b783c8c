#!/usr/bin/env bash
# Prints, from a `dotnet test` log, each failed test with the first lines of its message, every project's failed
# summary and any build error; prints "No test failed." when there is none.
set -euo pipefail
log=${1:?usage: failed-tests.sh TEST_LOG}
summary=$(awk '
  /^ *Failed [^!]/ { failing = 1; lines = 0; print ""; print; next }
  /^ *(Passed|Skipped) / { failing = 0 }
  failing && /^ *Stack Trace:/ { failing = 0 }
  failing && lines < 12 { print; lines++ }
  /^Failed! / || /: error [A-Z]+[0-9]+:/ || /Test Run Aborted/ || /aborted/ && /testhost/ { print }
' "$log")
if [[ -z "$summary" ]]; then
  echo "No test failed."
else
  echo
  echo "==================== failed tests and build errors ===================="
  echo "$summary"
fi
