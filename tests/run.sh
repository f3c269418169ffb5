#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need (Debian's
# Chromium for the dashboard tests, PostgreSQL for the Quartz cluster tests), restores, builds, tests, and ends with "N passed, N failed".
# Fast loop while developing: dotnet test Kepegawaian.Analytics.sln --filter "Category!=Scenario"
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian chromium for the dashboard tests…"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null 2>&1 \
    || echo "warning: chromium could not be installed; browser tests will fail"
fi

# The Quartz cluster tests (Category "Cluster") need PostgreSQL: a throw-away cluster on loopback for this run.
# shellcheck source=tests/postgres.sh
source tests/postgres.sh
pg_start || echo "warning: no PostgreSQL; tests needing KEP_TEST_POSTGRES will fail"
trap pg_stop EXIT

# Opt-in shifted clock (no test may depend on today's date): KEP_TEST_CLOCK='2028-01-02 03:00:00' bash tests/run.sh
# runs the suite under Debian's faketime, the clock ticking from that moment. It is a fixed offset from the real clock
# ('+N' seconds), not '@': with '@' every process starts its own clock at that moment, so two `serve` nodes started a
# second apart disagree by a second, and Quartz clustering (like any cluster) needs the nodes' clocks in step — its
# two-node test then saw each cron slot fired by both nodes. NO_FAKE_STAT: libfaketime
# shifts the file times stat() reports but not those utimensat() sets, so a test that sets a file's age would
# read it back shifted; with it file times stay as written while every clock the code reads is shifted.
clock=()
if [ -n "${KEP_TEST_CLOCK:-}" ]; then
  if ! command -v faketime >/dev/null 2>&1; then
    echo "Installing Debian faketime for KEP_TEST_CLOCK…"
    if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq faketime >/dev/null 2>&1 || { echo "faketime could not be installed"; exit 2; }
  fi
  export NO_FAKE_STAT=1
  target=$(date -d "${KEP_TEST_CLOCK}" +%s) || { echo "KEP_TEST_CLOCK '${KEP_TEST_CLOCK}' is not a date"; exit 2; }
  offset=$(( target - $(date +%s) ))
  if [ "$offset" -ge 0 ]; then offset="+${offset}"; fi
  clock=(faketime -f "${offset}")
  echo "Shifted clock: tests run from ${KEP_TEST_CLOCK} ($(faketime -f "${offset}" date -u)), offset ${offset} s"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
"${clock[@]}" dotnet test Kepegawaian.Analytics.sln -c Release --nologo -v minimal -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly:
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 3 s - X.dll (net10.0)
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # build error or crashed test host
[ "$skipped" -eq 0 ] || echo "${skipped} skipped"
echo "${passed} passed, ${failed} failed"
exit "$status"
