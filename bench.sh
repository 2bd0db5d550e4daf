#!/usr/bin/env bash
# The figures of issue 25, each beside its baseline measured in the same
# run, on this machine (docs/performance.md explains them and keeps the
# latest):
#
#   bash bench.sh [engine|http|memory|publish|all]     (default all;
#   memory is the last figure of http alone)
#
# engine: wall time and peak memory (RSS) of `caili calc` against the
#   float64 twin of the engine (internal/twin, `plangen -twin`), which
#   decodes the same file with the same TOML decoder and computes the same
#   table in float64 with no checks, lines or exact numbers:
#     - 10,000 sub-districts × 140 standards with 126 keys each (20 MB of
#       TOML, 1.26 million keys): CSV result beside the twin, JSON result
#       beside caili's own CSV run;
#     - 40,000 sub-districts with their data in CSV (29 MB, 5.1 million
#       cells): CSV result beside the twin.
#   Each figure is the best of BENCH_RUNS runs (default 2): the shortest
#   time and the lowest peak, since the machine is shared.
# http: wrk, 2 threads and 64 connections for BENCH_SECONDS (default 10)
#   each (the static ones BENCH_RUNS times in turn, the best of each), on
#   loopback: nginx serving caili's CSV of the sample as a static
#   file (the baseline), a minimal Go net/http server answering with the
#   same bytes and headers (server/loadtest/gostatic: the second baseline,
#   what Go's HTTP server can do here), caili's cached CSV (the same URL
#   every time) and the sample's what-if (three overrides, a different
#   capacity every request: server/loadtest/whatif.lua), then single
#   what-ifs (CSV) on 1,000- and 10,000-sub-district plans, timed by curl,
#   beside the cached answer of the same plan; then the server's memory
#   (RSS) holding the 10,000-sub-district plan after BENCH_WHATIFS
#   (default 20) JSON what-ifs, beside its memory after loading.
# publish: the 10,000-sub-district plan saved, approved and published in a
#   fresh record, publishing timed beside `caili calc --format json` of the
#   same plan; then one sub-district's published statement over HTTP
#   beside reading the whole published result, and 8 statements at once.
#
# Needs /usr/bin/time, and for http wrk, nginx (Debian: apt-get install
# time wrk nginx-light) and curl. Nothing here is part of `go test`.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
WHAT=${1:-all}
RUNS=${BENCH_RUNS:-2}
SECS=${BENCH_SECONDS:-10}
case $WHAT in engine | http | memory | publish | all) ;; *)
	echo "usage: $0 [engine|http|memory|publish|all]" >&2
	exit 2
	;;
esac
need() { command -v "$1" >/dev/null || { echo "needs $1 (apt-get install $2)" >&2; exit 1; }; }
need /usr/bin/time time
if [[ $WHAT == http || $WHAT == all ]]; then
	need wrk wrk
	need nginx nginx-light
fi
[[ $WHAT == engine ]] || need curl curl

# A step that fails stops the script; say which.
trap 'echo "bench.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR
TMP=$(mktemp -d)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$TMP"
}
trap cleanup EXIT
echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), load $(cut -d' ' -f1-3 /proc/loadavg)"
go build -o "$TMP/caili" ./cmd/caili
go build -o "$TMP/plangen" ./cmd/plangen
go build -o "$TMP/gostatic" ./server/loadtest/gostatic

# best CMD...: runs CMD RUNS times; prints the shortest wall time (s)
# and the lowest peak RSS (KiB).
best() {
	local t="" m="" s kb
	for _ in $(seq "$RUNS"); do
		read -r s kb < <(/usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1)
		if [[ -z $t ]] || awk "BEGIN{exit !($s < $t)}"; then t=$s; fi
		if [[ -z $m ]] || ((kb < m)); then m=$kb; fi
	done
	echo "$t $m"
}
# line LABEL S KB BASE_LABEL BASE_S BASE_KB AIM: one figure beside its
# baseline, with the ratios.
line() {
	awk -v l="$1" -v s="$2" -v k="$3" -v bl="$4" -v bs="$5" -v bk="$6" -v aim="$7" 'BEGIN{
		printf "  %-28s %6.2f s %6d MiB   %-16s %6.2f s %6d MiB   %4.2f× time %4.2f× memory  (%s)\n",
			l, s, k/1024, bl, bs, bk/1024, s/bs, k/bk, aim }'
}

engine() {
	echo "== engine (best of $RUNS; figure, then its baseline of the same run, then the ratios)"
	"$TMP/plangen" -n 10000 -standards 140 -extra 90 -out "$TMP/p10k.toml"
	"$TMP/plangen" -n 40000 -standards 140 -extra 90 -data "$TMP/d40k.csv" -out "$TMP/p40k.toml"
	echo "  10k plan: $(($(stat -c %s "$TMP/p10k.toml") >> 20)) MiB TOML, $(grep -c = "$TMP/p10k.toml") keys; 40k data: $(($(stat -c %s "$TMP/d40k.csv") >> 20)) MiB CSV"
	local ts tk cs ck js jk
	read -r ts tk < <(best "$TMP/plangen" -twin "$TMP/p10k.toml" -out "$TMP/t10k.csv")
	read -r cs ck < <(best "$TMP/caili" calc --plan "$TMP/p10k.toml" --format csv --out "$TMP/c10k.csv")
	read -r js jk < <(best "$TMP/caili" calc --plan "$TMP/p10k.toml" --format json --out "$TMP/c10k.json")
	line "10k CSV" "$cs" "$ck" twin "$ts" "$tk" "aim ≤ 1.2× both"
	line "10k JSON ($(($(stat -c %s "$TMP/c10k.json") >> 20)) MiB)" "$js" "$jk" "caili 10k CSV" "$cs" "$ck" "aim ≤ 2× time, ≤ 1.3× memory"
	read -r ts tk < <(best "$TMP/plangen" -twin "$TMP/p40k.toml" -out "$TMP/t40k.csv")
	read -r cs ck < <(best "$TMP/caili" calc --plan "$TMP/p40k.toml" --format csv --out "$TMP/c40k.csv")
	line "40k CSV from CSV data" "$cs" "$ck" twin "$ts" "$tk" "aim ≤ 1.2× time, ≤ 1.3× memory"
	# The twin computes the same table: same rows, same personnel column.
	for n in 10k 40k; do
		cmp -s <(cut -d, -f1-3 "$TMP/t$n.csv") <(cut -d, -f1-3 "$TMP/c$n.csv") ||
			echo "  note: the twin's $n table differs from caili's beyond rounding" >&2
	done
}

# serve ARGS...: starts caili serve on a free loopback port; sets URL.
# Its log goes to SERVE_LOG (default none).
serve() {
	env -u CAILI_TOKEN -u GOMEMLIMIT "$TMP/caili" serve --addr 127.0.0.1:0 "$@" >"$TMP/serve.out" 2>"${SERVE_LOG:-/dev/null}" &
	PIDS+=($!)
	URL=
	for _ in $(seq 1 300); do
		URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/serve.out" 2>/dev/null || true)
		[[ -n $URL ]] && return
		sleep 0.1
	done
	echo "caili serve did not start" >&2
	exit 1
}

# bench NAME URL [wrk args]: wrk for SECS; prints rps p50 p99 (ms).
bench() {
	local name=$1 url=$2
	shift 2
	LOADTEST_DIR=$ROOT/server/loadtest wrk -t2 -c64 -d"${SECS}s" --timeout 5s --latency -s "$ROOT/server/loadtest/${1:-cached}.lua" "$url" >"$TMP/$name.txt"
	grep '^RESULT' "$TMP/$name.txt" | tr ' ' '\n' | awk -F= '$1=="rps"{r=$2} $1=="p50_ms"{a=$2} $1=="p99_ms"{b=$2} $1=="non2xx"{e=$2} END{print r, a, b, e}'
}

http() {
	echo "== http (wrk -t2 -c64 -d${SECS}s, loopback; the baseline is nginx serving the same CSV as a static file)"
	serve --data "$TMP/data"
	local cached="$URL/api/v1/plans/sample/allocations.csv"
	mkdir -p "$TMP/www"
	chmod 755 "$TMP" "$TMP/www" # nginx's workers run as an unprivileged user
	curl -sf -D "$TMP/allocations.head" "$cached" -o "$TMP/www/allocations.csv"
	cat >"$TMP/nginx.conf" <<-EOF
		worker_processes auto;
		pid $TMP/nginx.pid;
		error_log $TMP/nginx.err;
		daemon off;
		events { worker_connections 1024; }
		http {
		  access_log off;
		  client_body_temp_path $TMP/nb; proxy_temp_path $TMP/np; fastcgi_temp_path $TMP/nf;
		  uwsgi_temp_path $TMP/nu; scgi_temp_path $TMP/ns;
		  server { listen 127.0.0.1:18925; root $TMP/www; location / { default_type text/csv; } }
		}
	EOF
	nginx -c "$TMP/nginx.conf" -p "$TMP" &
	PIDS+=($!)
	for _ in $(seq 1 50); do curl -sf -o /dev/null http://127.0.0.1:18925/allocations.csv && break; sleep 0.1; done
	curl -sf http://127.0.0.1:18925/allocations.csv | cmp -s - "$TMP/www/allocations.csv" || { echo "nginx does not serve the CSV" >&2; exit 1; }
	# The second baseline: a Go net/http server answering with the same
	# bytes and headers and nothing else (server/loadtest/gostatic), the
	# most a Go server can do here.
	"$TMP/gostatic" -addr 127.0.0.1:18926 -body "$TMP/www/allocations.csv" -headers "$TMP/allocations.head" &
	PIDS+=($!)
	for _ in $(seq 1 50); do curl -sf -o /dev/null http://127.0.0.1:18926/ && break; sleep 0.1; done
	curl -sf http://127.0.0.1:18926/ | cmp -s - "$TMP/www/allocations.csv" || { echo "gostatic does not serve the CSV" >&2; exit 1; }
	local nr n50 n99 ne gr g50 g99 ge cr c50 c99 ce wr w50 w99 we
	# The three static answers in turn, BENCH_RUNS rounds, the best of
	# each: the machine's load moves them by a factor of two.
	read -r nr n50 n99 ne gr g50 g99 ge cr c50 c99 ce < <(
		for _ in $(seq "$RUNS"); do
			echo "n $(bench nginx http://127.0.0.1:18925/allocations.csv)"
			echo "g $(bench gostatic http://127.0.0.1:18926/allocations.csv)"
			echo "c $(bench cached "$cached")"
		done | sort -k1,1 -k2,2gr | awk '$1 != last {printf "%s %s %s %s ", $2, $3, $4, $5; last = $1} END {print ""}' |
			awk '{print $9, $10, $11, $12, $5, $6, $7, $8, $1, $2, $3, $4}')
	read -r wr w50 w99 we < <(bench whatif "$URL" whatif)
	awk -v nr="$nr" -v n50="$n50" -v n99="$n99" -v gr="$gr" -v g50="$g50" -v g99="$g99" -v cr="$cr" -v c50="$c50" -v c99="$c99" -v ce="$ce" \
		-v wr="$wr" -v w50="$w50" -v w99="$w99" -v we="$we" 'BEGIN{
		printf "  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (baseline)\n", "nginx, static CSV", nr, n50, n99
		printf "  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %3.0f%% of nginx  (second baseline: Go net/http, same bytes)\n", "Go net/http, same answer", gr, g50, g99, 100*gr/nr
		printf "  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %3.0f%% of nginx, %3.0f%% of Go  (aim ≥ 70%% of nginx) non-2xx %d\n", "caili, cached CSV", cr, c50, c99, 100*cr/nr, 100*cr/gr, ce
		printf "  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %3.0f%% of nginx  (aim ≥ 25%%, p99 < 20 ms) non-2xx %d\n", "caili, what-if CSV", wr, w50, w99, 100*wr/nr, we }'
	whatifs
	memory
}

# whatifs: one what-if at a time on 1,000 and 10,000 sub-districts (the
# median of 5, each a different capacity) beside the cached CSV.
whatifs() {
	mkdir -p "$TMP/plans"
	"$TMP/plangen" -n 1000 -standards 140 -out "$TMP/plans/p1k.toml"
	"$TMP/plangen" -n 10000 -standards 140 -out "$TMP/plans/p10k.toml"
	serve --plans "$TMP/plans" --data "$TMP/data2"
	local n cap
	for n in 1k 10k; do
		cap=$(grep -m1 '^capacity' "$TMP/plans/p$n.toml" | tr -dc 0-9)
		curl -sf -o /dev/null "$URL/api/v1/plans/p$n/allocations.csv" # compile and cache the base
		local c w
		c=$(for _ in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' "$URL/api/v1/plans/p$n/allocations.csv"; done | sort -n | sed -n 3p)
		w=$(for i in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' "$URL/api/v1/plans/p$n/allocations.csv?set.plan.capacity=$((cap + i))"; done | sort -n | sed -n 3p)
		awk -v n="$n" -v c="$c" -v w="$w" -v aim="$([[ $n == 1k ]] && echo 20 || echo 200)" 'BEGIN{
			printf "  %-28s %8.1f ms  cached %6.1f ms  %5.0f×  (aim ≤ %d ms)\n", "what-if CSV, " n " plan", 1000*w, 1000*c, w/c, aim }'
	done
}

# rss PID: a process's resident memory (KiB) now, and at its peak.
rss() { awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {print r, h}' "/proc/$1/status"; }

# memory: caili serve holding only the 10,000-街道 plan (plangen's default
# shape), with its own soft memory limit (docs/operations.md): its RSS
# once the plan is loaded and its cached CSV answered (the baseline),
# then after BENCH_WHATIFS (default 20) JSON what-ifs one after another,
# each a different capacity.
memory() {
	local n=${BENCH_WHATIFS:-20} P=$TMP/memplans
	mkdir -p "$P"
	[[ -f $TMP/plans/p10k.toml ]] || { mkdir -p "$TMP/plans" && "$TMP/plangen" -n 10000 -standards 140 -out "$TMP/plans/p10k.toml"; }
	cp "$TMP/plans/p10k.toml" "$P/"
	SERVE_LOG=$TMP/memory.log serve --plans "$P" --data "$TMP/data3"
	local pid=${PIDS[-1]} cap loaded after peak t0 t1
	cap=$(grep -m1 '^capacity' "$P/p10k.toml" | tr -dc 0-9)
	curl -sf -o /dev/null "$URL/api/v1/plans/p10k/allocations.csv"
	sleep 1
	read -r loaded _ < <(rss "$pid")
	t0=$(date +%s.%N)
	for i in $(seq "$n"); do
		curl -sf -o /dev/null "$URL/api/v1/plans/p10k/allocations.json?set.plan.capacity=$((cap + 100 + i))" ||
			echo "  note: JSON what-if $i failed" >&2
	done
	t1=$(date +%s.%N)
	sleep 7 # at rest: what the last answer took is given back within 5 s (server/streamed.go)
	read -r after peak < <(rss "$pid")
	awk -v n="$n" -v l="$loaded" -v a="$after" -v p="$peak" -v t="$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" \
		-v lim="$(grep -o 'msg="memory limit" limit=[0-9A-Za-z]*' "$TMP/memory.log" | tail -1 | cut -d= -f3)" 'BEGIN{
		printf "  %-28s %6d MiB  after loading %6d MiB  %4.2f×  (aim < 2×; peak %d MiB with loading, limit %s, %.1f s a what-if)\n",
			"server RSS, " n " JSON what-ifs", a/1024, l/1024, a/l, p/1024, lim, t/n }'
}

# publish: the 10,000-街道 plan (plangen's default shape) saved, approved
# and published in a fresh record, timed beside its JSON calculation;
# then one 街道's published statement over HTTP (median of 5), beside
# reading the whole published result once, and 8 statements at once.
publish() {
	echo "== publication (10,000 街道; the baseline of publishing is caili calc --format json on the same plan)"
	local D=$TMP/pubdata P=$TMP/pubplans
	mkdir -p "$P"
	"$TMP/plangen" -n 10000 -standards 140 -out "$P/p10k.toml"
	"$TMP/caili" plan save --plan "$P/p10k.toml" --id p10k --data "$D" >/dev/null
	"$TMP/caili" plan approve --single-user --id p10k --data "$D" 1 >/dev/null
	local ps pk js jk
	read -r ps pk < <(/usr/bin/time -f "%e %M" "$TMP/caili" plan publish --single-user --id p10k --data "$D" 1 2>&1 >/dev/null | tail -1)
	read -r js jk < <(/usr/bin/time -f "%e %M" "$TMP/caili" calc --plan "$P/p10k.toml" --format json --out "$TMP/pub.json" 2>&1 >/dev/null | tail -1)
	line "publish 10k" "$ps" "$pk" "JSON calc" "$js" "$jk" "aim ≤ 2× both"
	local tok
	tok=$("$TMP/caili" token create --role reader --data "$D" | grep -o 'caili_[0-9a-f]*' | head -1)
	serve --plans "$P" --data "$D"
	local auth="Authorization: Bearer $tok" one whole many
	one=$(for i in 1 2 3 4 5; do curl -sf -o /dev/null -H "$auth" -w '%{time_total}\n' "$URL/api/v1/plans/p10k/published/subdistricts/s0000$i"; done | sort -n | sed -n 3p)
	whole=$(curl -sf -o /dev/null -H "$auth" -w '%{time_total}' "$URL/api/v1/plans/p10k/published/result.json")
	many=$(for i in 1 2 3 4 5 6 7 8; do curl -sf -o /dev/null -H "$auth" -w '%{time_total}\n' "$URL/api/v1/plans/p10k/published/subdistricts/s0001$i" & done; wait)
	many=$(echo "$many" | sort -n | tail -1)
	awk -v o="$one" -v w="$whole" -v m="$many" 'BEGIN{
		printf "  %-28s %8.1f ms  whole result %8.1f ms  1/%.0f  (aim ≤ 50 ms)\n", "one published statement", 1000*o, 1000*w, w/o
		printf "  %-28s %8.1f ms  (the slowest; aim ≤ 200 ms each)\n", "8 statements at once", 1000*m }'
}

case $WHAT in
engine) engine ;;
http) http ;;
memory)
	echo "== memory (caili serve holding the 10,000-街道 plan; the baseline is its RSS after loading)"
	memory
	;;
publish) publish ;;
all)
	engine
	http
	publish
	;;
esac
