#!/usr/bin/env bash
# Browser tests use Debian's Chromium (Playwright's own download is not reachable here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "Chromium is missing: installing Debian's chromium package for the browser tests..."
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium. Install it with:" >&2
echo "    sudo apt-get install -y chromium" >&2
echo "(or set CHROMIUM_PATH to a Chromium or Chrome binary), then run npm test again." >&2
exit 1
