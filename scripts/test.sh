#!/usr/bin/env bash
# Set up a local environment (once) and run the whole test suite: unit tests, a strict build of the
# catalog with checks on the generated site, and the browser tests (Debian's chromium is installed
# when missing and this runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
. scripts/env.sh
exec python -m pytest "$@"
