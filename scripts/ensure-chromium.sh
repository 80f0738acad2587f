#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Install it when missing and we may (root with apt-get);
# otherwise say how. CHROMIUM_PATH points the tests at another build.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $chromium. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
