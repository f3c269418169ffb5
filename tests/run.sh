#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests need (Debian's
# Chromium for the dashboard tests), restores, builds, tests, and ends with "N passed, N failed".
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

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
dotnet test Kepegawaian.Analytics.sln -c Release --nologo -v minimal -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly:
#   Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 3 s - X.dll (net10.0)
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # build error or crashed test host
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
