#!/usr/bin/env bash
# Runs every test of RunRate on a bare machine: checks the toolchain, restores NuGet packages,
# builds in Release with warnings as errors, runs all test suites, then runs the contract's sample
# check (../shared/tools/check-samples) when the shared checkout sits beside the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

log() { printf '\n==> %s\n' "$*"; }

# --- prerequisites -----------------------------------------------------------------------------
# The .NET 10 SDK is the one thing that cannot come from Debian's archive; everything else does.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required (https://dotnet.microsoft.com/download); global.json pins the version." >&2
  exit 1
fi
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/tmp/runrate-apt.log 2>&1 \
      || { cat /tmp/runrate-apt.log >&2; echo "test.sh: apt-get install ${missing[*]} failed" >&2; exit 1; }
  fi
}
# python3 runs the contract's sample checker; Debian's chromium (with a font) runs the browser tests,
# driven by Playwright's bundled driver; Playwright never downloads a browser here.
command -v python3 >/dev/null 2>&1 || apt_install python3
apt_install chromium fonts-dejavu-core

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- build and unit/integration tests ----------------------------------------------------------
log "restore + build (Release, warnings are errors)"
dotnet build RunRate.slnx -c Release -nologo -v quiet

log "test suites"
results="$(mktemp -d)"
set +e
dotnet test RunRate.slnx -c Release --no-build -nologo --results-directory "$results" 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}
set -e

# --- the contract's sample check, through the real ./runrate launcher --------------------------
samples_status=0
if [ -x ../shared/tools/check-samples ]; then
  log "contract samples (../shared/tools/check-samples)"
  ../shared/tools/check-samples . || samples_status=$?
else
  log "contract samples: ../shared not beside the repository; the in-suite copies (tests/samples) were checked instead"
fi

passed=$(grep -Eo 'Passed: +[0-9]+' "$results/console.txt" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results/console.txt" | awk '{s+=$2} END {print s+0}')
rm -rf "$results"
echo
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$samples_status" -ne 0 ]; then
  exit 1
fi
