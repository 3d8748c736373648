#!/usr/bin/env bash
# Installs Glewlwyd, the second OAuth server of the end-to-end tests, from Debian's package
# (glewlwyd 2.7.5 on Debian 12), with the sqlite3 command that makes its database. make test
# runs it before the suite; it is quick when both are already installed.
#
# Where it cannot install them (no apt-get, as on macOS, or not root), it says so and how to get
# them, and the suite reports the Glewlwyd tests as not run. Under CI (CI=true) that is a
# failure: CI never runs without the second server.
set -euo pipefail

installed() {
  command -v glewlwyd >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1 &&
    [ -r /usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz ]
}
installed && exit 0

why=""
if ! command -v apt-get >/dev/null 2>&1; then
  why="this machine has no apt-get (the tests take Glewlwyd from Debian's package)"
elif [ "$(id -u)" != 0 ]; then
  why="installing Debian's package needs root"
fi
if [ -z "$why" ]; then
  echo "install-glewlwyd: apt-get install glewlwyd sqlite3" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends glewlwyd sqlite3 >&2; }
  apt_install || { apt-get update -q >&2 && apt_install; } || why="apt-get could not install glewlwyd and sqlite3"
  installed && exit 0
  [ -n "$why" ] || why="glewlwyd or sqlite3 is still missing after apt-get"
fi

if [ "${CI:-}" = true ]; then
  echo "install-glewlwyd: $why; CI runs the Glewlwyd tests, so this is a failure" >&2
  exit 1
fi
printf '%s\n' "install-glewlwyd: the Glewlwyd tests of the end-to-end suite will NOT run: $why." \
  "  To run them, on Debian 12 or later: sudo apt-get install glewlwyd sqlite3, then make test again." >&2
