#!/usr/bin/env bash
# The main job, end to end on the local default: starts Azurite (installed from package-lock.json
# when missing), checks the sample returns as a data officer would with `sgi validate`, ingests
# them through the same IngestReturn path the blob trigger runs, shows each agency's state for
# the quarter, and stops Azurite. Good samples must be accepted and bad ones refused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build src/SafeguardingIngest.Cli -c Release -nologo -v q
sgi() { dotnet src/SafeguardingIngest.Cli/bin/Release/net10.0/sgi.dll "$@"; }

scripts/azurite.sh start
trap 'scripts/azurite.sh stop' EXIT

unexpected=0
expect() {
  local expected=$1; shift
  echo
  echo "== sgi $*"
  set +e
  sgi "$@"
  local code=$?
  set -e
  if [ "$code" -ne "$expected" ]; then
    echo "!! expected exit code $expected, got $code"
    unexpected=$((unexpected + 1))
  fi
}

expect 0 validate samples/returns/CSC-2025-26-Q2.xlsx
expect 0 validate samples/returns/POL-2025-26-Q2-messy.xlsx --agency POL --period "2025-26 Q2"
expect 0 validate samples/returns/CHS-2025-26-Q2.csv --agency CHS --period "2025-26 Q2"
expect 1 validate samples/returns/EDU-2025-26-Q2-formula-errors.xls

expect 0 ingest samples/returns/CSC-2025-26-Q2.xlsx --agency CSC --period "2025-26 Q2"
expect 0 ingest samples/returns/POL-2025-26-Q2-messy.xlsx --agency POL --period "2025-26 Q2"
expect 0 ingest samples/returns/CHS-2025-26-Q2.csv --agency CHS --period "2025-26 Q2"
expect 1 ingest samples/returns/EDU-2025-26-Q2-formula-errors.xls --agency EDU --period "2025-26 Q2"
expect 0 submissions --period "2025-26 Q2"

mkdir -p out
expect 0 template --agency EDU --period "2025-26 Q3" -o out/EDU-2025-26-Q3-return.xlsx

if [ "$unexpected" -ne 0 ]; then
  echo "$unexpected step(s) did not end as expected"
  exit 1
fi
echo
echo "Done: samples validated and ingested into Azurite; a blank template is in out/."
