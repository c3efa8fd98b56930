#!/usr/bin/env bash
# Builds everything and runs every test; ends with the totals alone on a line: "N passed, N failed".
# Storage tests start their own Azurite (installed here from package-lock.json) on free loopback
# ports and stop it; anything of theirs still running when this script ends is stopped too.
# Exit status: 0 when every test passed, 1 otherwise.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
cleanup() {
  rm -f "$log"
  # Emulators started by the tests are stopped by them; this catches any left by a crashed test host.
  pkill -f "$root/node_modules/.bin/azurite" 2>/dev/null || true
  pkill -f "$root/node_modules/azurite/" 2>/dev/null || true
}
trap cleanup EXIT

if [ ! -x node_modules/.bin/azurite ]; then
  echo "Installing Azurite for the storage tests (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed: no tests were run"; echo "0 passed, 0 failed"; exit 1; }
fi

if [ ! -x /usr/bin/chromium ]; then
  # The report's browser test drives Debian's Chromium; a test never downloads a browser of its own.
  echo "Installing Debian's chromium for the browser test..."
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null) || echo "chromium could not be installed; the browser test will say so"
  else
    echo "not root: install Debian's chromium package (sudo apt-get install chromium) for the browser test"
  fi
fi

# The solution holds every project, the Functions app among them: any of them failing to build fails the run.
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
