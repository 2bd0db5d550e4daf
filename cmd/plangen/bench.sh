#!/usr/bin/env bash
# Measures caili end to end on generated plans: wall time and peak memory
# of `caili calc --format csv` (parse, validate, compute, write) for 1,000
# and 10,000 sub-districts × ~140 standards, and the growth factor.
# Rerun from the repository root:  bash cmd/plangen/bench.sh
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/caili" ./cmd/caili
go build -o "$tmp/plangen" ./cmd/plangen
timer=(/usr/bin/time -f "%e %M")
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }
declare -A secs
for n in 1000 10000; do
  "$tmp/plangen" -n "$n" -standards 140 -out "$tmp/p$n.toml"
  best=""
  for _ in 1 2 3; do
    read -r s kb < <("${timer[@]}" "$tmp/caili" calc --plan "$tmp/p$n.toml" --format csv --out "$tmp/p$n.csv" 2>&1 >/dev/null | tail -1)
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; mem=$kb; fi
  done
  secs[$n]=$best
  printf '%6d sub-districts: %6.2f s (best of 3), peak RSS %5d MiB, %s rows\n' "$n" "$best" "$((mem / 1024))" "$(($(wc -l <"$tmp/p$n.csv") - 2))"
done
awk -v a="${secs[1000]}" -v b="${secs[10000]}" 'BEGIN{printf "growth 1,000 → 10,000: %.1f× (limit 13×)\n", b/a}'
