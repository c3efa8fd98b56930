#!/usr/bin/env bash
# Builds and lints the infrastructure (infra/main.bicep and its modules) with the Bicep compiler
# from NuGet (Azure.Bicep.CommandLine.linux-x64, restored by infra/tools/bicep.csproj).
# Fails on any error or warning.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet restore infra/tools/bicep.csproj -nologo -v q > /dev/null
packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
bicep="$packages/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep"
chmod +x "$bicep"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
"$bicep" build infra/main.bicep --outdir "$out" > "$out/build.log" 2>&1 || status=$?
"$bicep" lint infra/main.bicep > "$out/lint.log" 2>&1 || status=$?
cat "$out/build.log" "$out/lint.log"
if [ "$status" -ne 0 ] || grep -qiE "(warning|error)" "$out/build.log" "$out/lint.log"; then
  echo "bicep: infra/main.bicep has errors or warnings"
  exit 1
fi
echo "bicep: infra/main.bicep builds and lints clean"
