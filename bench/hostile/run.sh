#!/usr/bin/env bash
# Issue 10 item 2: peak RSS and warehouse growth of `kepegawaian etl` on each hostile inbox.
# Usage: bash bench/hostile/run.sh [WORK_DIR]   (needs host built: dotnet build host -c Release)
set -u
here=$(cd "$(dirname "$0")" && pwd)
exe="$here/../../host/bin/Release/net10.0/kepegawaian"
work=${1:-/tmp/kepegawaian-hostile}
if [ ! -d "$work/files" ]; then mkdir -p "$work/files" && python3 "$here/make_hostile.py" "$work/files"; fi
rm -rf "$work"/*.duckdb* "$work"/base-*
# The ETL moves what it loads; work on a copy so the script can be run again.
rm -rf "$work/inbox" && cp -r "$work/files" "$work/inbox"
printf '| case | input | peak RSS | warehouse growth | time | outcome |\n|---|---|---|---|---|---|\n'
for dir in "$work"/inbox/*/; do
  name=$(basename "$dir")
  db="$work/$name.duckdb"
  # Baseline: a migrated warehouse with one run, so growth is what the hostile file adds.
  mkdir -p "$work/base-$name" && printf 'kode_unit,nama_unit,jenis_unit\nU0,Unit Nol,dinas\n' > "$work/base-$name/unit_kerja_0.csv"
  "$exe" etl --inbox "$work/base-$name" --db "$db" --no-refresh > /dev/null 2>&1
  before=$(stat -c %s "$db"); input=$(du -sh --apparent-size "$dir" | cut -f1)
  /usr/bin/time -v "$exe" etl --inbox "$dir" --db "$db" --no-refresh --format json > "$work/$name.json" 2> "$work/$name.time"
  rc=$?
  after=$(stat -c %s "$db")
  rss=$(awk '/Maximum resident set size/ {printf "%.0f MiB", $6/1024}' "$work/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.time")
  outcome=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('; '.join(f\"{f['file']}: {f['status']} (read {f['rows_read']}, rejected {f['rows_rejected']})\" for f in s['files']))" "$work/$name.json" 2>/dev/null || echo "exit $rc")
  printf '| %s | %s | %s | %s KiB | %s | exit %s; %s |\n' "$name" "$input" "$rss" "$(( (after - before) / 1024 ))" "$wall" "$rc" "$outcome"
done
