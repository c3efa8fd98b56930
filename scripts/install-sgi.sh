#!/usr/bin/env bash
# Installs `sgi` as a .NET tool from this checkout, so that `sgi validate ...` works from any folder.
# It packs the command line into a local package folder (.tools/packages) and installs the tool from
# there: no package feed is needed. Each run installs the build just packed (its version carries the
# time), replacing any earlier one.
#   scripts/install-sgi.sh                    for this user (dotnet tool install --global: ~/.dotnet/tools)
#   scripts/install-sgi.sh --tool-path DIR    into DIR instead
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

where=(--global)
if [ "${1:-}" = "--tool-path" ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 [--tool-path DIR]" >&2; exit 2; }
  mkdir -p "$2"
  where=(--tool-path "$(cd "$2" && pwd)")
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--tool-path DIR]" >&2
  exit 2
fi

packages="$root/.tools/packages"
suffix="local.$(date -u +%Y%m%d%H%M%S)"
echo "Packing sgi into $packages..."
dotnet pack "$root/src/SafeguardingIngest.Cli" -c Release -o "$packages" --version-suffix "$suffix" -nologo -v q
echo "Installing the sgi tool (${where[*]})..."
dotnet tool uninstall "${where[@]}" SafeguardingIngest.Cli > /dev/null 2>&1 || true
dotnet tool install "${where[@]}" SafeguardingIngest.Cli --version "1.0.0-$suffix" --add-source "$packages" --ignore-failed-sources > /dev/null
if [ "${where[0]}" = "--global" ]; then
  case ":$PATH:" in
    *":$HOME/.dotnet/tools:"*) echo "Installed: type 'sgi help'." ;;
    *) echo "Installed in ~/.dotnet/tools; add it to PATH (export PATH=\"\$PATH:\$HOME/.dotnet/tools\"), then type 'sgi help'." ;;
  esac
else
  echo "Installed in ${where[1]}: run ${where[1]}/sgi help"
fi
