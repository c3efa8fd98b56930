#!/usr/bin/env bash
# The main job for now: check every sample return with `sgi validate`, as a data officer would
# before sending it, then write a blank template. Good samples must be accepted and bad ones
# refused; the script fails if any sample is judged otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build src/SafeguardingIngest.Cli -c Release -nologo -v q
sgi() { dotnet src/SafeguardingIngest.Cli/bin/Release/net10.0/sgi.dll "$@"; }

unexpected=0
check() {
  local expected=$1; shift
  echo
  echo "== sgi validate $*"
  set +e
  sgi validate "$@"
  local code=$?
  set -e
  if [ "$code" -ne "$expected" ]; then
    echo "!! expected exit code $expected, got $code"
    unexpected=$((unexpected + 1))
  fi
}

check 0 samples/returns/CSC-2025-26-Q2.xlsx
check 0 samples/returns/POL-2025-26-Q2-messy.xlsx --agency POL --period "2025-26 Q2"
check 0 samples/returns/CHS-2025-26-Q2.csv --agency CHS --period "2025-26 Q2"
check 1 samples/returns/EDU-2025-26-Q2-formula-errors.xls

mkdir -p out
echo
echo "== sgi template --agency CSC --period 2025-26 Q3"
sgi template --agency CSC --period "2025-26 Q3" -o out/CSC-2025-26-Q3-return.xlsx

if [ "$unexpected" -ne 0 ]; then
  echo "$unexpected sample(s) were not judged as expected"
  exit 1
fi
echo
echo "All samples judged as expected; template written to out/CSC-2025-26-Q3-return.xlsx"
