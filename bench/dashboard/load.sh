#!/usr/bin/env bash
# Dashboard under load (issue 12.8): `wrk` (Debian package) with 32 connections against every page, API and
# chart of a running `serve`, once with the response cache (Dashboard:ResponseCacheMiB, default 64) and once
# without it (0: every request renders — the baseline of the same run). Prints a Markdown table.
#   bash bench/dashboard/load.sh out/kepegawaian.duckdb [seconds-per-url]
set -euo pipefail
cd "$(dirname "$0")/../.."
db=$(realpath "$1"); secs=${2:-10}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk"; exit 2; }
dll=host/bin/Release/net10.0/kepegawaian.dll
[ -f "$dll" ] || dotnet build host -c Release -m:1 -v q >/dev/null
pid=""; work=$(mktemp -d); trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
token=bench-token-0123456789
port=5199
urls=(/dasbor/ikm /dasbor/kinerja /dasbor/jp /dasbor/cuti /dasbor/peringatan
      /api/ikm /api/kinerja /api/jp /api/cuti /api/peringatan /api/filter
      /chart/ikm_unit.png /chart/ikm_tren.png /chart/ikm_unsur.png /chart/kinerja_predikat.png /chart/kinerja_tren.png
      /chart/jp_cakupan.png /chart/cuti_waktu.png /chart/cuti_online.png
      "/chart/ikm_tren.png?unit=KEC-KERTAPATI" "/api/kinerja?unit=DINKES"
      /hr/diklat /api/hr/diklat /api/hr/jp /hr/chart/diklat_dampak.png /hr/chart/diklat_event.png)

run() {   # $1 = ResponseCacheMiB
  cp "$db" "$work/w.duckdb"; mkdir -p "$work/inbox"
  Warehouse__Path="$work/w.duckdb" Etl__Inbox="$work/inbox" Dashboard__Token=$token Dashboard__ResponseCacheMiB=$1 \
    dotnet "$dll" serve --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
  sleep 5   # start-up scan and refresh check
  for u in "${urls[@]}"; do
    curl -sf -o /dev/null -H "X-Dashboard-Token: $token" "http://127.0.0.1:$port$u" || echo "warm-up failed: $u" >&2
    line=$(wrk -t2 -c32 -d"${secs}s" --timeout 10s -H "X-Dashboard-Token: $token" -s bench/dashboard/percentiles.lua "http://127.0.0.1:$port$u" | grep '^RESULT')
    echo "$1 $u ${line#RESULT }"
  done
  kill $pid; wait $pid 2>/dev/null || true
}

results=$( { run 64; run 0; } )
echo "| request | cached p50 / p95 / p99 ms | cached req/s | uncached p50 / p95 / p99 ms | uncached req/s | errors (cached/uncached) |"
echo "|---|---|---|---|---|---|"
for u in "${urls[@]}"; do
  c=$(awk -v u="$u" '$1=="64" && $2==u' <<<"$results"); n=$(awk -v u="$u" '$1=="0" && $2==u' <<<"$results")
  read -r _ _ c50 c90 c95 c99 crps cerr _ <<<"$c"; read -r _ _ n50 n90 n95 n99 nrps nerr _ <<<"$n"
  echo "| \`$u\` | $c50 / $c95 / $c99 | $crps | $n50 / $n95 / $n99 | $nrps | $cerr / $nerr |"
done
