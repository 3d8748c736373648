#!/usr/bin/env bash
# scale.sh SPEC.json GEN_POSTMAN_BIN [N...]
#
# Writes SPEC's paths multiplied N times (default 1 4 16 64; see ./multiply) and times
# GEN_POSTMAN_BIN --openapi on each, ROUNDS times (default 3): the size, the number of
# requests, the median wall time, CPU time (user and system; on a busy machine it grows less
# than the wall time) and peak resident memory, with the memory per MB of document. gen-postman runs as
#   GEN_POSTMAN_BIN --openapi FILE $GEN_POSTMAN_ARGS > /dev/null
# (GEN_POSTMAN_ARGS defaults to --tenant acme). Needs Go and GNU time at /usr/bin/time.
set -euo pipefail

usage() { echo "usage: $0 SPEC.json GEN_POSTMAN_BIN [N...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
spec=$1
bin=$2
shift 2
factors=${*:-1 4 16 64}
rounds=${ROUNDS:-3}
here=$(cd "$(dirname "$0")" && pwd)
[ -r "$spec" ] || { echo "$0: cannot read $spec" >&2; exit 1; }
[ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "$0: GNU time is needed at /usr/bin/time (Debian package: time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here/../.." && go build -o "$work/multiply" ./testdata/bench/multiply)

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

printf '%-6s %9s %9s %9s %9s %10s %10s\n' factor MB requests 'time s' 'CPU s' 'peak MB' 'MB per MB'
for n in $factors; do
  doc=$work/x$n.json
  "$work/multiply" -n "$n" "$spec" >"$doc"
  : >"$work/times"
  requests=refused
  for _ in $(seq 1 "$rounds"); do
    # shellcheck disable=SC2086 # GEN_POSTMAN_ARGS is a list of flags
    if /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$bin" --openapi "$doc" ${GEN_POSTMAN_ARGS:---tenant acme} \
      >"$work/out.json" 2>"$work/stderr"; then
      requests=$(grep -c '"method":' "$work/out.json" || true)
    fi
    tail -n 1 "$work/time" >>"$work/times"
  done
  size=$(wc -c <"$doc")
  secs=$(cut -d' ' -f1 "$work/times" | median)
  kb=$(cut -d' ' -f2 "$work/times" | median)
  cpu=$(awk '{print $3 + $4}' "$work/times" | median)
  awk -v n="$n" -v size="$size" -v req="$requests" -v secs="$secs" -v cpu="$cpu" -v kb="$kb" 'BEGIN {
    mb = size / 1e6; peak = kb / 1024
    printf "x%-5s %9.1f %9s %9.2f %9.2f %10.0f %10.1f\n", n, mb, req, secs, cpu, peak, peak / mb }'
  rm -f "$doc"
done
