#!/usr/bin/env bash
# `npm test`: unit and integration tests, a production build, then the
# end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

section() { printf '\n==== %s ====\n\n' "$1"; }

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH
export NEXT_TELEMETRY_DISABLED="${NEXT_TELEMETRY_DISABLED:-1}"

section "Chromium for the end-to-end tests"
# Playwright cannot download its own browsers here; Debian's Chromium is used.
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "$CHROMIUM_PATH is missing: installing Debian's chromium package"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    echo "error: no Chromium at $CHROMIUM_PATH." >&2
    echo "Install it (as root: apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium binary." >&2
    exit 1
  fi
fi
"$CHROMIUM_PATH" --version

section "Unit and integration tests (vitest)"
npx vitest run

section "Production build (next build)"
npx next build

section "End-to-end tests (Playwright)"
npx playwright test

section "All tests passed"
