#!/usr/bin/env bash
# Renders the app icons (PNG, for the web app manifest and home screens) from their SVG sources
# with headless Chromium. Run after changing an SVG under static/images/icons and commit the PNGs.
set -euo pipefail
icons="$(cd "$(dirname "$0")/../../modules/app/src/main/resources/static/images/icons" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
render() { # source.svg size target.png
  cp "$icons/$1" "$work/"
  printf '<!DOCTYPE html><style>html,body{margin:0;background:transparent}img{display:block}</style><img src="%s" width="%s" height="%s">' \
    "$1" "$2" "$2" > "$work/icon.html"
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --default-background-color=00000000 --force-device-scale-factor=1 \
    --window-size="$2,$2" --screenshot="$icons/$3" "file://$work/icon.html" 2>/dev/null
}
render limber.svg 192 limber-192.png
render limber.svg 512 limber-512.png
render limber-maskable.svg 512 limber-maskable-512.png
