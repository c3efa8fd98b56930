#!/usr/bin/env bash
# The main job, end to end on the local default: starts a fresh Azurite (installed from
# package-lock.json when missing), runs `sgi demo` (the sample partnership, eight quarters of returns
# from every agency through the same IngestReturn path as the blob trigger, the latest quarter
# compiled, the five files of its release saved under ./out), shows `sgi validate` on a good and a bad sample
# return, and stops Azurite.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build src/SafeguardingIngest.Cli -c Release -nologo -v q
sgi() { dotnet src/SafeguardingIngest.Cli/bin/Release/net10.0/sgi.dll "$@"; }

scripts/azurite.sh start
trap 'scripts/azurite.sh stop' EXIT

echo
echo "== sgi demo: eight quarters of returns from every agency, ingested and compiled"
sgi demo --out out

echo
echo "== sgi validate: a data officer checks a return before sending it"
sgi validate samples/returns/CSC-2025-26-Q2.xlsx
set +e
sgi validate samples/returns/EDU-2025-26-Q2-formula-errors.xls
code=$?
set -e
if [ "$code" -ne 1 ]; then
  echo "!! the return with formula errors should have been refused (exit 1), got $code"
  exit 1
fi

if [ -x /usr/bin/chromium ]; then
  # The picture in README is this one: the page as a new user's demo draws it.
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --window-size=1280,2200 \
    --screenshot="$root/out/consolidated-return.png" "file://$root/out/consolidated-return.html" > /dev/null 2>&1 \
    && echo "Screenshot of the page: out/consolidated-return.png"
  # The picture in docs/disclosure.md: the early help card, where Tamworth's few assessments are hidden.
  awk '!body { print; if (/<body>/) body = 1; next } /<section class="card" id="i-eh01"/ { on = 1 } on { print } on && /<\/section>/ { exit }' \
    "$root/out/consolidated-return.html" > "$root/out/small-counts.html" && echo '</body></html>' >> "$root/out/small-counts.html"
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --window-size=1280,900 \
    --screenshot="$root/out/small-counts.png" "file://$root/out/small-counts.html" > /dev/null 2>&1 \
    && rm -f "$root/out/small-counts.html" && echo "Screenshot of a card with hidden small counts: out/small-counts.png"
  # The second picture in README: the warnings, the exceptions and a Red indicator's card with its comparators.
  awk '!body { print; if (/<body>/) { body = 1; print "<main>" } next }
       /id="flags"/ { on = 1 } /<h2 id="revisions">/ { on = 0 } /<section class="card" id="i-ni68"/ { card = 1 }
       on || card { print } card && /<\/section>/ { exit }' \
    "$root/out/consolidated-return.html" > "$root/out/board-story.html" && echo '</main></body></html>' >> "$root/out/board-story.html"
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --window-size=1280,1350 \
    --screenshot="$root/out/board-story.png" "file://$root/out/board-story.html" > /dev/null 2>&1 \
    && rm -f "$root/out/board-story.html" && echo "Screenshot of the warnings, exceptions and a card: out/board-story.png"
fi

echo
echo "Done: the second release of the consolidated return is in out/ (consolidated-return.html, .xlsx, .json, observations.csv and observations.meta.csv)."
