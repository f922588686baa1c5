#!/usr/bin/env bash
# Render an HTML report in headless Chromium and save a full-width screenshot.
#   scripts/screenshot_report.sh runs/demo/report.html [/tmp/report.png] [height_px]
# Uses $CHROMIUM, else the first of chromium, chromium-browser, google-chrome, google-chrome-stable on PATH.
# Install on Debian/Ubuntu: apt-get install -y chromium
set -euo pipefail
html=${1:?usage: $0 REPORT.html [OUT.png] [HEIGHT]}
out=${2:-/tmp/report.png}
height=${3:-3000}
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
  done
fi
[ -n "$browser" ] || { echo "no chromium binary found (set CHROMIUM or apt-get install -y chromium)" >&2; exit 3; }
[ -f "$html" ] || { echo "$html: no such file" >&2; exit 2; }
abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$profile" \
  --window-size=1200,"$height" --screenshot="$out" "file://$abs" >/dev/null 2>&1
[ -s "$out" ] || { echo "chromium wrote no screenshot to $out" >&2; exit 1; }
echo "$out"
