#!/usr/bin/env bash
# bench-openapi-all.sh DIR GEN_POSTMAN_BIN
#
# Runs openapi-to-postmanv2 6.3.3 (pinned in this folder's package-lock.json) and gen-postman
# on every OpenAPI document in DIR (*.json, *.yaml, *.yml, not in subfolders), in turns,
# ROUNDS times each (default 3), and prints one table: the requests each tool wrote, each
# one's median wall time and median peak resident memory, and how many times faster and
# smaller gen-postman is. A document a tool refuses is shown as refused; the run goes on.
# gen-postman runs as
#   GEN_POSTMAN_BIN --openapi DOC $GEN_POSTMAN_ARGS > OUT
# (GEN_POSTMAN_ARGS defaults to --tenant acme).
#
# Needs Node.js, `npm ci` run in this folder, and GNU time at /usr/bin/time.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 DIR GEN_POSTMAN_BIN" >&2; exit 2; }
dir=$1
bin=$2
rounds=${ROUNDS:-3}
here=$(cd "$(dirname "$0")" && pwd)
converter=$here/node_modules/openapi-to-postmanv2/bin/openapi2postmanv2.js
[ -d "$dir" ] || { echo "$0: $dir is not a folder" >&2; exit 1; }
[ -x "$bin" ] || { echo "$0: $bin is not an executable" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "$0: GNU time is needed at /usr/bin/time (Debian package: time)" >&2; exit 1; }
command -v node >/dev/null 2>&1 || { echo "$0: node is needed" >&2; exit 1; }
[ -f "$converter" ] || { echo "$0: run 'npm ci' in $here first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# run NAME OUT CMD... times one run and appends "seconds kilobytes status" to $work/NAME.times;
# OUT is the file the collection is written to.
run() {
  local name=$1 out=$2 status=0
  shift 2
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr" || status=$?
  echo "$(tail -n 1 "$work/time") $status" >>"$work/$name.times"
  [ "$out" = - ] && out=$work/$name.stdout
  if [ "$status" = 0 ]; then
    # Requests are the items with a "request" member; both tools indent their output.
    grep -c '"request": *{' "$out" >"$work/$name.requests" || true
  fi
}

# summary NAME prints "requests seconds megabytes", or "refused - -".
summary() {
  local name=$1
  if [ ! -s "$work/$name.requests" ]; then
    echo "refused - -"
    return
  fi
  echo "$(cat "$work/$name.requests") $(cut -d' ' -f1 "$work/$name.times" | median) \
$(cut -d' ' -f2 "$work/$name.times" | median | awk '{printf "%.0f", $1 / 1024}')"
}

printf '%-34s %8s | %8s %8s %8s | %8s %8s %8s | %7s %7s\n' document MB \
  'gp req' 'gp s' 'gp MB' 'o2p req' 'o2p s' 'o2p MB' faster smaller
shopt -s nullglob
for doc in "$dir"/*.json "$dir"/*.yaml "$dir"/*.yml; do
  rm -f "$work"/*.times "$work"/*.requests
  for i in $(seq 1 "$rounds"); do
    run o2p "$work/o2p.json" node "$converter" -s "$doc" -o "$work/o2p.json" -p -O folderStrategy=Tags
    rm -f "$work/o2p.json"
    # shellcheck disable=SC2086 # GEN_POSTMAN_ARGS is a list of flags
    run gp - "$bin" --openapi "$doc" ${GEN_POSTMAN_ARGS:---tenant acme}
  done
  read -r greq gsec gmb <<<"$(summary gp)"
  read -r oreq osec omb <<<"$(summary o2p)"
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1fx", a / b; else print "-" }'; }
  printf '%-34s %8.2f | %8s %8s %8s | %8s %8s %8s | %7s %7s\n' "$(basename "$doc")" \
    "$(wc -c <"$doc" | awk '{print $1 / 1e6}')" "$greq" "$gsec" "$gmb" "$oreq" "$osec" "$omb" \
    "$( [ "$greq" = refused ] && echo - || ratio "$osec" "$gsec")" \
    "$( [ "$greq" = refused ] && echo - || ratio "$omb" "$gmb")"
done
