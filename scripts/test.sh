#!/usr/bin/env bash
# Installs what is missing, builds everything, runs every test project (they start the private
# PostgreSQL server and the system themselves), and ends with one line: N passed, N failed[, N skipped].
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-prerequisites.sh || exit 1

results=test-output/results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Platform.sln -nologo -v:q; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Platform.sln --no-build -nologo -v:q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 15m
status=$?

# Sum the counters of every test run (one .trx file per test project).
sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ n += $1 } END { print n + 0 }'; }
passed=$(sum passed); failed=$(sum failed); notexecuted=$(sum notExecuted)
passed=${passed:-0}; failed=${failed:-0}; notexecuted=${notexecuted:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run broke outside any single test (a crash or hang): count it, never report green
fi

if [ "$notexecuted" -gt 0 ]; then
  echo "$passed passed, $failed failed, $notexecuted skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
