#!/usr/bin/env bash
# bench-openapi.sh SPEC [GEN_POSTMAN_BIN]
#
# Times openapi-to-postmanv2 6.3.3 (pinned in this folder's package-lock.json)
# and, when given, a gen-postman binary on the same OpenAPI document,
# alternately, ROUNDS times (default 5), and prints each tool's median wall
# time and peak resident memory. gen-postman runs as
#   GEN_POSTMAN_BIN --openapi SPEC $GEN_POSTMAN_ARGS > OUT
# where GEN_POSTMAN_ARGS (empty by default) adds flags such as --tenant.
#
# Needs Node.js, `npm ci` run in this folder, and GNU time at /usr/bin/time
# (Debian package `time`).
set -euo pipefail

usage() { echo "usage: $0 SPEC [GEN_POSTMAN_BIN]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
spec=$1
bin=${2:-}
rounds=${ROUNDS:-5}
here=$(cd "$(dirname "$0")" && pwd)
converter=$here/node_modules/openapi-to-postmanv2/bin/openapi2postmanv2.js

[ -r "$spec" ] || { echo "$0: cannot read $spec" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "$0: GNU time is needed at /usr/bin/time (Debian package: time)" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "$0: node is needed" >&2; exit 1; }
[ -f "$converter" ] || { echo "$0: run 'npm ci' in $here first" >&2; exit 1; }
if [ -n "$bin" ]; then
  [ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME OUT CMD... times one run and appends "seconds kilobytes" to
# $work/NAME.times.
run() {
  local name=$1 out=$2
  shift 2
  if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr"; then
    echo "$0: $name failed:" >&2
    cat "$work/$name.stderr" >&2
    exit 1
  fi
  tail -n 1 "$work/time" >>"$work/$name.times"
  if [ "$out" = - ]; then
    mv "$work/$name.stdout" "$work/$name.out"
  else
    mv "$out" "$work/$name.out"
  fi
}

# report NAME prints the median wall time and the peak RSS of NAME's runs.
report() {
  local name=$1 median peak size
  median=$(cut -d' ' -f1 "$work/$name.times" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')
  peak=$(cut -d' ' -f2 "$work/$name.times" | sort -n | tail -n 1)
  size=$(wc -c <"$work/$name.out")
  printf '%-22s median %6.2f s   peak RSS %5d MB   output %8d bytes   (%d runs)\n' \
    "$name" "$median" "$((peak / 1024))" "$size" "$(wc -l <"$work/$name.times")"
}

for i in $(seq 1 "$rounds"); do
  run openapi-to-postmanv2 "$work/o2p.json" \
    node "$converter" -s "$spec" -o "$work/o2p.json" -p -O folderStrategy=Tags
  if [ -n "$bin" ]; then
    # shellcheck disable=SC2086 # GEN_POSTMAN_ARGS is a list of flags
    run gen-postman - "$bin" --openapi "$spec" ${GEN_POSTMAN_ARGS:-}
  fi
  echo "round $i of $rounds done" >&2
done

echo "spec: $spec"
report openapi-to-postmanv2
if [ -n "$bin" ]; then
  report gen-postman
  # The ratio of the medians: how many times faster gen-postman is.
  median() { cut -d' ' -f1 "$work/$1.times" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
  awk -v a="$(median openapi-to-postmanv2)" -v b="$(median gen-postman)" \
    'BEGIN { if (b > 0) printf "gen-postman is %.1f times faster (median wall time)\n", a / b }'
fi
