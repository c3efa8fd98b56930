#!/usr/bin/env bash
# Starts or stops the Azurite storage emulator for local runs, on 127.0.0.1:10000-10002 (the
# ports "UseDevelopmentStorage=true" points at), with its data in a temporary folder.
#   scripts/azurite.sh start   installs Azurite from package-lock.json if needed, starts it, waits until it answers
#   scripts/azurite.sh stop    stops the Azurite this script started and removes its data
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.azurite"
cd "$root"

ensure_installed() {
  if [ ! -x node_modules/.bin/azurite ]; then
    echo "Installing Azurite (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

port_open() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "${1:-}" in
  start)
    ensure_installed
    if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
      echo "Azurite is already running (pid $(cat "$state/pid"))."
      exit 0
    fi
    for port in 10000 10001 10002; do
      if port_open "$port"; then
        echo "Port $port is already in use; stop whatever holds it (another Azurite?) and try again." >&2
        exit 1
      fi
    done
    mkdir -p "$state"
    data=$(mktemp -d "${TMPDIR:-/tmp}/sgi-azurite.XXXXXX")
    echo "$data" > "$state/data"
    node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --location "$data" \
      --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 \
      --tableHost 127.0.0.1 --tablePort 10002 > "$state/azurite.log" 2>&1 &
    echo $! > "$state/pid"
    for _ in $(seq 1 100); do
      if port_open 10000 && port_open 10002; then
        echo "Azurite is listening on 127.0.0.1:10000-10002 (pid $(cat "$state/pid"), data in $data)."
        exit 0
      fi
      sleep 0.2
    done
    echo "Azurite did not start; its log:" >&2
    cat "$state/azurite.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$state/pid" ]; then
      pid=$(cat "$state/pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$state/pid"
    fi
    if [ -f "$state/data" ]; then
      rm -rf "$(cat "$state/data")"
      rm -f "$state/data"
    fi
    echo "Azurite stopped."
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
