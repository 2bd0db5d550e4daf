#!/usr/bin/env bash
# Measures caili end to end on generated plans: wall time and peak memory
# of `caili calc --format csv` (parse, validate, compute, write) for 1,000
# and 10,000 sub-districts × ~140 standards, the growth factor, and beside
# it the peak of decoding the same file alone (`plangen -decode`: the
# loader's limits check and TOML decode, nothing converted), with the
# ratio of the two peaks (issue 10: at most 1.2× at 10,000).
# Each figure is the best of 3 runs: the shortest time and the lowest peak
# (the machine is shared; a peak moves by ±10% with when the collector
# runs). The last line is what each binary takes before any plan: caili
# links the server, the charts and the workbook, and starts at several
# times plangen's size; that start is part of its peak.
# Rerun from the repository root:  bash cmd/plangen/bench.sh
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/caili" ./cmd/caili
go build -o "$tmp/plangen" ./cmd/plangen
timer=(/usr/bin/time -f "%e %M")
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 1; }

# best3 CMD...: runs CMD three times and prints the shortest wall time in
# seconds and the lowest peak RSS in KiB.
best3() {
  local best="" low="" s kb
  for _ in 1 2 3; do
    read -r s kb < <("${timer[@]}" "$@" 2>&1 >/dev/null | tail -1)
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
    if [ -z "$low" ] || [ "$kb" -lt "$low" ]; then low=$kb; fi
  done
  echo "$best $low"
}

declare -A secs calc decode
for n in 1000 10000; do
  "$tmp/plangen" -n "$n" -standards 140 -out "$tmp/p$n.toml"
  read -r s kb < <(best3 "$tmp/caili" calc --plan "$tmp/p$n.toml" --format csv --out "$tmp/p$n.csv")
  read -r ds dkb < <(best3 "$tmp/plangen" -decode "$tmp/p$n.toml")
  secs[$n]=$s calc[$n]=$kb decode[$n]=$dkb
  printf '%6d sub-districts: calc %5.2f s, peak RSS %4d MiB; decode alone %5.2f s, %4d MiB; calc/decode %.2f×; %s rows\n' \
    "$n" "$s" "$((kb / 1024))" "$ds" "$((dkb / 1024))" "$(awk -v a="$kb" -v b="$dkb" 'BEGIN{print a/b}')" \
    "$(($(wc -l <"$tmp/p$n.csv") - 2))"
done
awk -v a="${secs[1000]}" -v b="${secs[10000]}" 'BEGIN{printf "growth 1,000 → 10,000: %.1f× (limit 13×)\n", b/a}'
awk -v a="${calc[10000]}" -v b="${decode[10000]}" \
  'BEGIN{printf "peak RSS at 10,000, calc / decode alone: %.2f× (aim ≤ 1.2×)\n", a/b}'
"$tmp/plangen" -n 1 -standards 3 -out "$tmp/p1.toml"
read -r _ ckb < <(best3 "$tmp/caili" help)
read -r _ pkb < <(best3 "$tmp/plangen" -decode "$tmp/p1.toml")
printf 'before any plan: caili %d MiB, plangen %d MiB\n' "$((ckb / 1024))" "$((pkb / 1024))"
