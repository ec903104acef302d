#!/usr/bin/env bash
# Install what the browser tests (tests/browser) need on a fresh Debian machine, as root:
# Debian's Chromium (Playwright's own browser download cannot work offline) and the npm
# packages whose files stand in for folium's CDN assets. Idempotent: each step is skipped
# when what it installs is already there. Exits non-zero on any failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
assets="$repo/tests/browser"
chromium="${FLIGHTLEGS_CHROMIUM:-/usr/bin/chromium}"
apt_updated=0

say() { printf 'install-browser: %s\n' "$*"; }

apt_install() {
    if [ "$apt_updated" = 0 ]; then
        say "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q
        apt_updated=1
    fi
    say "apt-get install -y $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# Without root (a developer running `make test`), install what needs no root and say what
# is missing; the browser tests then skip with the same advice (and fail under CI=true).
if [ "$(id -u)" != 0 ] && { [ ! -x "$chromium" ] || ! command -v npm >/dev/null 2>&1; }; then
    say "not root: cannot apt-get install chromium/npm; run 'sudo bash .ci/install-browser.sh' once"
    command -v npm >/dev/null 2>&1 || exit 0
fi

if [ -x "$chromium" ]; then
    # Debian's launcher script prints shell noise on stderr; only the version matters.
    say "chromium already installed: $("$chromium" --version 2>/dev/null || echo "$chromium")"
elif [ "$(id -u)" = 0 ]; then
    apt_install chromium
    [ -x "$chromium" ] || { say "ERROR: $chromium still missing after apt-get install"; exit 1; }
    say "chromium installed: $("$chromium" --version 2>/dev/null)"
fi

if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt_install nodejs npm
fi

cd "$assets"
# `npm ls` exits non-zero when a dependency in package.json is missing or has another version.
if npm ls --depth=0 >/dev/null 2>&1; then
    say "npm assets already installed in $assets/node_modules"
else
    # No lockfile is kept (it is ignored), so `npm ci` cannot be used; the top-level
    # versions that are served are pinned exactly in package.json. Install scripts are
    # skipped: these packages are only files to serve.
    say "npm install in $assets"
    npm install --no-audit --no-fund --ignore-scripts
    npm ls --depth=0 >/dev/null || { say "ERROR: npm packages do not match package.json"; npm ls --depth=0; exit 1; }
fi
npm ls --depth=0
