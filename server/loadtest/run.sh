#!/usr/bin/env bash
# Load test of `caili serve`, against loopback only, bounded in time.
#
#   server/loadtest/run.sh [SECONDS]      (default 60; 15 to 60)
#
# Builds caili, starts `caili serve` (the embedded sample plan) on
# 127.0.0.1 at a free port, and runs wrk with 2 threads and 64 connections:
#   (a) cached: GET /api/v1/plans/sample/allocations.csv, the same URL
#       every time (the result and its CSV body are memoised);
#   (b) what-if: allocations.csv with three set. overrides
#       (plan.capacity, factor.workload.weight, factor.area.weight), the
#       capacity different on every request, so none is a cache hit, as
#       fast as the server answers (saturation: its throughput);
#   (c) paced: the what-ifs of (b), each connection waiting a random time
#       (mean 58 ms) between requests, which offers ≈ 1,080 req/s: the
#       latency at the stated load;
#   (d) mixed: (c) again while 8 more connections send hostile requests
#       as fast as they are answered (hostile.lua: deeply nested and
#       900,000-digit plans, a 10,000-digit override, a 10,000-character
#       name on a chart). The normal what-ifs' p99 must stay within 2× of
#       (c)'s, with zero errors, and RSS flat; every hostile request must
#       be answered (no socket error, no 5xx).
# It reports requests/s, p50/p99 latency, non-2xx responses and socket
# errors, and the server's RSS sampled every 5 s, then stops the server.
# Targets: (a) ≥ 10,000 req/s and p99 < 20 ms; (b) ≥ 1,000 req/s;
# (c) ≥ 1,000 req/s with p99 < 20 ms; zero errors and RSS flat in each.
# At saturation (b) every connection always has a request waiting, so
# its latency is 64 / throughput by Little's law and is reported, not
# judged. The exit status is 1 when a target is missed.
#
# wrk is installed with apt-get when missing (needs root). Not part of
# `go test`.
set -euo pipefail

DUR=${1:-60}
if ! [[ $DUR =~ ^[0-9]+$ ]] || ((DUR < 15 || DUR > 60)); then
	echo "usage: $0 [SECONDS]   (15 to 60)" >&2
	exit 2
fi
CONNS=64
THREADS=2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export LOADTEST_DIR=$HERE

if ! command -v wrk >/dev/null; then
	echo "== installing wrk"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

TMP=$(mktemp -d)
PID=
SAMPLER=
cleanup() {
	[[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null || true
	if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID"
		wait "$PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

echo "== building caili"
(cd "$ROOT" && go build -o "$TMP/caili" ./cmd/caili)

echo "== starting caili serve on 127.0.0.1 (free port)"
env -u CAILI_TOKEN "$TMP/caili" serve --addr 127.0.0.1:0 --data "$TMP/data" >"$TMP/serve.out" 2>"$TMP/server.log" &
PID=$!
URL=
for _ in $(seq 1 100); do
	URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/serve.out" 2>/dev/null || true)
	[[ -n $URL ]] && break
	kill -0 "$PID" 2>/dev/null || { cat "$TMP/server.log" >&2; exit 1; }
	sleep 0.1
done
[[ -n $URL ]] || { echo "server did not start" >&2; exit 1; }
echo "   $URL (pid $PID)"

CACHED="$URL/api/v1/plans/sample/allocations.csv"
WHATIF="$CACHED?set.plan.capacity=2679999999&set.factor.workload.weight=0.5&set.factor.area.weight=0.1"
# Sanity: the server's CSV is the CLI's, and the what-if URL is valid.
"$TMP/caili" calc --format csv >"$TMP/cli.csv"
curl -sf "$CACHED" -o "$TMP/api.csv"
cmp -s "$TMP/cli.csv" "$TMP/api.csv" || { echo "API CSV differs from caili calc --format csv" >&2; exit 1; }
curl -sf -o /dev/null "$WHATIF" || { echo "what-if URL fails" >&2; exit 1; }

rss() { ps -o rss= -p "$PID" | tr -d ' '; }
RSS_START=$(rss)
: >"$TMP/rss"
(while kill -0 "$PID" 2>/dev/null; do echo "$(date +%s) $(rss)" >>"$TMP/rss"; sleep 5; done) &
SAMPLER=$!

run() { # name, extra wrk args...
	local name=$1
	shift
	echo "== ($name) wrk -t$THREADS -c$CONNS -d${DUR}s --latency $*"
	local before after
	before=$(rss)
	# RSS once the caches have filled (10 s in), to judge growth after.
	(sleep 10 && rss >"$TMP/$name.rss10") &
	wrk -t"$THREADS" -c"$CONNS" -d"${DUR}s" --timeout 5s --latency "$@" | tee "$TMP/$name.txt"
	after=$(rss)
	echo "$after" >"$TMP/$name.rssend"
	echo "RSS ${before} KiB before, $(cat "$TMP/$name.rss10") KiB at 10 s, ${after} KiB after" | tee -a "$TMP/$name.txt"
}
run cached -s "$HERE/cached.lua" "$CACHED"
run whatif -s "$HERE/whatif.lua" "$URL"
run paced -s "$HERE/paced.lua" "$URL"
echo "== (mixed) paced what-ifs beside wrk -t1 -c8 -d${DUR}s hostile.lua"
wrk -t1 -c8 -d"${DUR}s" --timeout 10s --latency -s "$HERE/hostile.lua" "$URL" >"$TMP/hostile.txt" &
HOSTILE=$!
run mixed -s "$HERE/paced.lua" "$URL"
wait "$HOSTILE" || true
cat "$TMP/hostile.txt"
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=
RSS_END=$(rss)

field() { grep '^RESULT' "$TMP/$1.txt" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
FAIL=0
check() { # description, condition (awk expression), value
	if awk "BEGIN{exit !($2)}"; then echo "  ok    $1"; else echo "  MISS  $1"; FAIL=1; fi
}
echo
echo "== summary (${DUR} s each, $CONNS connections, $THREADS wrk threads, loopback)"
for n in cached whatif paced mixed hostile; do
	printf '  %-7s %10s req/s  p50 %7s ms  p99 %7s ms  max %8s ms  non-2xx %s  socket errors %s\n' "$n" \
		"$(field $n rps)" "$(field $n p50_ms)" "$(field $n p99_ms)" "$(field $n max_ms)" "$(field $n non2xx)" \
		"$(($(field $n connect) + $(field $n read) + $(field $n write) + $(field $n timeout)))"
done
RSS_MAX=$(awk '{ if ($2 > m) m = $2 } END { print m }' "$TMP/rss")
echo "  RSS: start ${RSS_START} KiB, end ${RSS_END} KiB, max ${RSS_MAX} KiB; samples (KiB, every 5 s):"
echo "    $(awk '{ printf "%s ", $2 }' "$TMP/rss")"
echo "  server log: $(wc -l <"$TMP/server.log") lines (one per request)"
echo
check "cached ≥ 10000 req/s ($(field cached rps))" "$(field cached rps) >= 10000"
check "what-if ≥ 1000 req/s at saturation ($(field whatif rps))" "$(field whatif rps) >= 1000"
check "cached p99 < 20 ms ($(field cached p99_ms))" "$(field cached p99_ms) < 20"
check "paced what-if ≥ 1000 req/s ($(field paced rps))" "$(field paced rps) >= 1000"
check "paced what-if p99 < 20 ms ($(field paced p99_ms))" "$(field paced p99_ms) < 20"
echo "  info  what-if p99 at saturation $(field whatif p99_ms) ms (64 connections always waiting: ≈ 64 / throughput)"
check "mixed: normal p99 within 2× of paced ($(field mixed p99_ms) vs $(field paced p99_ms))" "$(field mixed p99_ms) <= 2 * $(field paced p99_ms)"
hostile_errs=$(($(field hostile connect) + $(field hostile read) + $(field hostile write) + $(field hostile timeout)))
check "hostile: every request answered ($hostile_errs socket errors, $(field hostile requests) requests)" "$hostile_errs == 0"
n5xx=$(grep -c 'status=5[0-9][0-9]' "$TMP/server.log" || true)
check "no 5xx in the server log ($n5xx)" "$n5xx == 0"
for n in cached whatif paced mixed; do
	errs=$(($(field $n non2xx) + $(field $n connect) + $(field $n read) + $(field $n write) + $(field $n timeout)))
	check "$n: zero errors ($errs)" "$errs == 0"
done
# Flat memory: once the result cache has filled (10 s into a run), RSS
# grows by at most 10% (or 8 MiB) to the end of the run.
for n in cached whatif paced mixed; do
	mid=$(cat "$TMP/$n.rss10")
	end=$(cat "$TMP/$n.rssend")
	check "$n: RSS flat after warm-up ($mid → $end KiB)" "$end <= $mid * 1.10 || $end - $mid <= 8192"
done
exit $FAIL
