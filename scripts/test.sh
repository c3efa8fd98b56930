#!/usr/bin/env bash
# Builds everything and runs every test; ends with the totals alone on a line: "N passed, N failed".
# Exit status: 0 when every test passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! dotnet build SafeguardingIngest.sln -c Release -nologo -v q; then
  echo "build failed: no tests were run"
  echo "0 passed, 0 failed"
  exit 1
fi

dotnet test SafeguardingIngest.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly ends with "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T".
passed=$(grep -E '^(Passed|Failed)! +- ' "$log" | grep -Eo 'Passed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
failed=$(grep -E '^(Passed|Failed)! +- ' "$log" | grep -Eo 'Failed: +[0-9]+' | awk '{s += $2} END {print s + 0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test failed (exit $status) without reporting a failed test; see the log above"
  echo "$passed passed, 1 failed"
  exit 1
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
