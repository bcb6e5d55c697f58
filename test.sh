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
# clang with compiler-rt's libFuzzer builds the fuzzing harness's native bridge (fuzz/run.sh).
apt_install clang libclang-rt-dev

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- PostgreSQL --------------------------------------------------------------------------------
# The storage suite runs on SQLite and PostgreSQL. Unless RUNRATE_TEST_POSTGRES names a server already, start a
# throwaway one (Debian's postgresql) in a temporary folder on a free port, and remove it on exit.
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
    $pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
    ${pg_sudo} rm -rf "$pg_dir"
  fi
}
if [ -z "${RUNRATE_TEST_POSTGRES:-}" ]; then
  apt_install postgresql
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  pg_sudo=""; [ "$(id -u)" -ne 0 ] && pg_sudo="sudo"
  pg_as="$pg_sudo runuser -u postgres --"; [ "$(id -u)" -ne 0 ] && pg_as="sudo -u postgres"
  pg_port=55433
  while (echo >"/dev/tcp/127.0.0.1/$pg_port") >/dev/null 2>&1; do pg_port=$((pg_port + 1)); done
  pg_dir="$(mktemp -d /tmp/runrate-pg.XXXXXX)"
  trap stop_postgres EXIT
  ${pg_sudo} chown postgres "$pg_dir"
  log "throwaway PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
  $pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/../runrate-initdb.log" 2>&1 \
    || { cat "$pg_dir/../runrate-initdb.log" >&2; echo "test.sh: initdb failed" >&2; exit 1; }
  # Durability is switched off (no fsync, asynchronous commit, no full-page images): this server lives for one run
  # and its data is thrown away, so nothing is lost by it, and it makes the many small DDL statements and commits
  # of the test suites several times cheaper. Never run a real server like this.
  $pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    -l "$pg_dir/server.log" -w start >/dev/null \
    || { ${pg_sudo} cat "$pg_dir/server.log" >&2; echo "test.sh: PostgreSQL did not start" >&2; exit 1; }
  export RUNRATE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

# --- build and unit/integration tests ----------------------------------------------------------
log "restore + build (Release, warnings are errors)"
dotnet build RunRate.slnx -c Release -nologo -v quiet

log "test suites"
results="$(mktemp -d)"
set +e
dotnet test RunRate.slnx -c Release --no-build -nologo --results-directory "$results" 2>&1 | tee "$results/console.txt"
status=${PIPESTATUS[0]}

# The same CLI, API, browser and reliability (crash, concurrency, load) tests again, each on a PostgreSQL database instead of a SQLite file
# (tests/Shared/TestStores.cs reads RUNRATE_TEST_STORE), so every command and endpoint is proven on both engines.
log "CLI, API, browser and reliability suites on PostgreSQL"
for project in RunRate.Cli.Tests RunRate.Web.Tests RunRate.E2E.Tests RunRate.Reliability.Tests; do
  RUNRATE_TEST_STORE=postgres dotnet test "tests/$project" -c Release --no-build -nologo --results-directory "$results" 2>&1 \
    | tee -a "$results/console.txt" "$results/postgres.txt"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done

# Coverage-guided fuzzing, briefly: the ledger CSV import and mail capture under libFuzzer + SharpFuzz (docs/reliability.md).
# A crashing input fails the run and is printed with its path (fuzz/findings/TARGET/).
log "fuzzing (fuzz/run.sh csv 45, fuzz/run.sh email 45)"
# A fixed libFuzzer seed: CI explores the same mutation sequence every run (a slower machine only a shorter prefix of
# it), so a finding there means the change under test broke something, not that this run was unlucky. The long,
# randomly seeded runs of docs/reliability.md are where new findings come from.
for target in csv email; do
  FUZZ_NO_BUILD=1 FUZZ_ARGS="-seed=20261129" fuzz/run.sh "$target" 45 || status=1
done
set -e

# --- the contract's sample check, through the real ./runrate launcher --------------------------
samples_status=0
if [ -x ../shared/tools/check-samples ]; then
  log "contract samples (../shared/tools/check-samples)"
  ../shared/tools/check-samples . || samples_status=$?
else
  log "contract samples: ../shared not beside the repository; the in-suite copies (tests/samples) were checked instead"
fi

count() { grep -Eo "$1: +[0-9]+" "$2" | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed "$results/console.txt")
failed=$(count Failed "$results/console.txt")
pg_passed=$(count Passed "$results/postgres.txt")
pg_failed=$(count Failed "$results/postgres.txt")
rm -rf "$results"
echo
echo "${passed} passed, ${failed} failed (of which on PostgreSQL, CLI/API/browser/reliability second pass: ${pg_passed} passed, ${pg_failed} failed)"
if [ "$status" -ne 0 ] || [ "$samples_status" -ne 0 ]; then
  exit 1
fi
