#!/usr/bin/env bash
# Hostile uploads against `caili serve`, loopback only, bounded in time
# (issue 20 §6: a planner's small request is answered within 1 s while 8
# hostile uploads run).
#
#   server/loadtest/uploads.sh [SECONDS]      (default 30; 10 to 60)
#
# Builds caili, writes the hostile files (hostile_files.py: 20,000 rows
# with a blank cell at XFD, 1.5 M shared strings, one 50 MB string, 10 M
# commas, a zip bomb), publishes the built-in sample in a fresh data
# folder, makes a planner's token and eight 街道 tokens, and starts
# `caili serve` on 127.0.0.1 at a free port. Then, for SECONDS, eight
# clients each upload the hostile files one after the other as objections
# (POST …/objections, a 街道's token), as fast as they are answered, while
# a planner asks every 0.25 s for a what-if (allocations.json with a new
# capacity each time, so nothing is cached). It reports the planner's
# latencies (p50, p99, max), the uploads answered by status, and the
# server's RSS, and exits 1 when a planner's request took 1 s or more,
# failed, or an upload got no answer or a 5xx other than 503 (a full
# upload queue, which is the pool doing its work).
#
# Needs curl and python3. Not part of `go test`.
set -euo pipefail

DUR=${1:-30}
if ! [[ $DUR =~ ^[0-9]+$ ]] || ((DUR < 10 || DUR > 60)); then
	echo "usage: $0 [SECONDS]   (10 to 60)" >&2
	exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TMP=$(mktemp -d)
PID=
cleanup() {
	jobs -p | xargs -r kill 2>/dev/null || true
	if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID"
		wait "$PID" 2>/dev/null || true
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

echo "== building caili, writing the hostile files"
(cd "$ROOT" && go build -o "$TMP/caili" ./cmd/caili)
python3 "$HERE/hostile_files.py" "$TMP/hostile" | sed 's/^/   /'

echo "== publishing the sample in a fresh record; tokens"
C="$TMP/caili"
D="$TMP/data"
"$C" plan save --id sample --data "$D" >/dev/null
"$C" plan approve --single-user --id sample --data "$D" 1 >/dev/null
"$C" plan publish --single-user --id sample --data "$D" 1 >/dev/null
secret() { grep -o 'caili_[0-9a-f]*' | head -1; }
PLANNER=$("$C" token create --role planner --data "$D" | secret)
SUBS=(xichangan xinjiekou yuetan zhanlanlu desheng jinrongjie shichahai dashilan)
TOKENS=()
for s in "${SUBS[@]}"; do
	TOKENS+=("$("$C" token create --role subdistrict --subdistrict "$s" --data "$D" | secret)")
done

echo "== starting caili serve on 127.0.0.1 (free port)"
env -u CAILI_TOKEN "$C" serve --addr 127.0.0.1:0 --data "$D" >"$TMP/serve.out" 2>"$TMP/server.log" &
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
RSS_START=$(ps -o rss= -p "$PID" | tr -d ' ')

END=$(($(date +%s) + DUR))
uploader() { # token, log
	while (($(date +%s) < END)); do
		for f in "$TMP"/hostile/*; do
			curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 \
				-H "Authorization: Bearer $1" --data-binary "@$f" \
				"$URL/api/v1/plans/sample/objections?note=load" >>"$2" || echo "000 0" >>"$2"
		done
	done
}
for i in "${!TOKENS[@]}"; do
	uploader "${TOKENS[$i]}" "$TMP/up.$i" &
done

echo "== ${DUR} s: 8 hostile uploaders, a planner's what-if every 0.25 s"
: >"$TMP/planner"
RSS_MAX=$RSS_START
n=0
while (($(date +%s) < END)); do
	n=$((n + 1))
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 -H "Authorization: Bearer $PLANNER" \
		"$URL/api/v1/plans/sample/allocations.json?set.plan.capacity=$((2680000000 - n))" >>"$TMP/planner" || echo "000 10" >>"$TMP/planner"
	r=$(ps -o rss= -p "$PID" | tr -d ' ')
	((r > RSS_MAX)) && RSS_MAX=$r
	sleep 0.25
done
wait $(jobs -p | grep -v "^$PID$") 2>/dev/null || true

echo
echo "== summary"
sort -k2 -n "$TMP/planner" | awk '{ t[NR] = $2; if ($1 != 200) bad++ } END {
	i = int(NR * 0.99) + 1
	if (i > NR) i = NR
	printf "  planner: %d requests, p50 %.3f s, p99 %.3f s, max %.3f s, not 200: %d\n", NR, t[int(NR / 2) + 1], t[i], t[NR], bad + 0
}' 
cat "$TMP"/up.* | awk '{ n[$1]++ } END { printf "  uploads by status:"; for (s in n) printf " %s×%d", s, n[s]; print "" }'
echo "  RSS: start ${RSS_START} KiB, max ${RSS_MAX} KiB"
FAIL=0
MAX=$(sort -k2 -n "$TMP/planner" | tail -1 | cut -d' ' -f2)
if awk "BEGIN{exit !($MAX < 1)}"; then echo "  ok    every planner's request under 1 s (max $MAX s)"; else echo "  MISS  a planner's request took $MAX s"; FAIL=1; fi
if grep -qv '^200 ' "$TMP/planner"; then echo "  MISS  a planner's request failed"; FAIL=1; else echo "  ok    every planner's request answered 200"; fi
if cat "$TMP"/up.* | grep -qE '^(000|500|501|502|504) '; then echo "  MISS  an upload got no answer or a 5xx"; FAIL=1; else echo "  ok    every upload answered (4xx, or 503 when the queue is full)"; fi
exit $FAIL
