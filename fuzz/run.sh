#!/usr/bin/env bash
# Coverage-guided fuzzing of one RunRate target for a fixed time, with libFuzzer driving SharpFuzz.
#
#   fuzz/run.sh TARGET SECONDS      TARGET: csv (ledger import), email (.eml/.mbox capture), ics (calendar capture)
#
# Installs clang (libFuzzer) from Debian when missing, restores the sharpfuzz tool (.config/dotnet-tools.json),
# publishes fuzz/RunRate.Fuzz into fuzz/.work/TARGET/app, instruments the assemblies under test there (never the
# normal build output), and runs fuzz/driver/dotnet-bridge over the seeds in fuzz/corpus/TARGET and
# fuzz/regressions/TARGET. New inputs collect in fuzz/.work/TARGET/corpus (kept between runs); a crashing,
# hanging or memory-hungry input is saved under fuzz/findings/TARGET/ and the script exits 1 naming it.
# One fuzzing process (CI has two cores); FUZZ_ARGS adds libFuzzer flags (e.g. FUZZ_ARGS=-only_ascii=1);
# FUZZ_NO_BUILD=1 publishes the Release build already made (test.sh builds the solution first).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
target="${1:-}"; seconds="${2:-60}"
case "$target" in
  csv)   assemblies=(RunRate.Ingest.dll RunRate.Engine.dll); max_len=16384 ;;
  email) assemblies=(RunRate.Capture.dll MimeKit.dll); max_len=65536 ;;
  ics)   assemblies=(RunRate.Capture.dll Ical.Net.dll); max_len=32768 ;;
  *) echo "usage: fuzz/run.sh csv|email|ics SECONDS" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz/run.sh: SECONDS must be a whole number" >&2; exit 2; }
say() { printf '[fuzz %s] %s\n' "$target" "$*"; }

# --- libFuzzer: Debian's clang with its compiler-rt (which holds libFuzzer) ------------------------------------
work="$here/.work"; mkdir -p "$work"
fuzzer_works() {
  printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$work/probe.c"
  clang -fsanitize=fuzzer "$work/probe.c" -o "$work/probe" >/dev/null 2>&1
}
if ! command -v clang >/dev/null 2>&1 || ! fuzzer_works; then
  say "installing clang and libFuzzer (Debian: clang libclang-rt-dev)"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang libclang-rt-dev >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; echo "fuzz/run.sh: apt-get install clang libclang-rt-dev failed" >&2; exit 1; }
  fuzzer_works || { echo "fuzz/run.sh: clang -fsanitize=fuzzer does not link" >&2; exit 1; }
fi
bridge="$work/dotnet-bridge"
if [ ! -x "$bridge" ] || [ "$here/driver/dotnet-bridge.c" -nt "$bridge" ]; then
  clang -O1 -Wall -Wextra -Werror -fsanitize=fuzzer "$here/driver/dotnet-bridge.c" -o "$bridge.new" && mv -f "$bridge.new" "$bridge"
fi

# --- the .NET side: a private, instrumented copy of the harness -------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cd "$root"
dotnet tool restore >/dev/null
app="$work/$target/app"
rm -rf "$app"
say "publishing fuzz/RunRate.Fuzz"
dotnet publish fuzz/RunRate.Fuzz -c Release -nologo -v quiet ${FUZZ_NO_BUILD:+--no-build} -o "$app" >"$work/$target-publish.log" 2>&1 \
  || { cat "$work/$target-publish.log" >&2; exit 1; }
for dll in "${assemblies[@]}"; do
  dotnet tool run sharpfuzz "$app/$dll" >/dev/null || { echo "fuzz/run.sh: sharpfuzz could not instrument $dll" >&2; exit 1; }
done
say "instrumented ${assemblies[*]}"

# --- run --------------------------------------------------------------------------------------------------------
corpus="$work/$target/corpus"; findings="$here/findings/$target"; log="$work/$target/fuzz.log"
mkdir -p "$corpus" "$findings"
seeds=("$here/corpus/$target"); [ -d "$here/regressions/$target" ] && seeds+=("$here/regressions/$target")
dict=(); [ -f "$here/dict/$target.dict" ] && dict=(-dict="$here/dict/$target.dict")
before=$(find "$findings" -type f | wc -l)
say "fuzzing for ${seconds}s (log: ${log#"$root"/})"
set +e
# shellcheck disable=SC2086
timeout --signal=INT --kill-after=30 $((seconds + 180)) "$bridge" --target_path="$app/RunRate.Fuzz" --target_arg="$target" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$findings/" "${dict[@]}" ${FUZZ_ARGS:-} "$corpus" "${seeds[@]}" >"$log" 2>&1
status=$?
set -e

# --- figures ----------------------------------------------------------------------------------------------------
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
field() { sed -nE "s/.*[[:space:]]$1:[[:space:]]*([^[:space:]]+).*/\1/p" <<<"$last"; }
stat() { sed -nE "s/^stat::$1:[[:space:]]*([0-9]+).*/\1/p" "$log" | tail -1; }
execs=$(stat number_of_executed_units); [ -n "$execs" ] || execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
rate=$(stat average_exec_per_sec); [ -n "$rate" ] || rate=$(field exec/s)
new_findings=$(( $(find "$findings" -type f | wc -l) - before ))
edges=$(sed -nE 's/.*managed edges hit: ([0-9]+).*/\1/p' "$log" | tail -1)
echo "fuzz $target: ${seconds}s, ${execs:-0} execs, ${rate:-0} execs/s, ${edges:-?} managed edges, $(field ft) features," \
  "corpus $(find "$corpus" -type f | wc -l) inputs ($(field corp) in memory), new units $(stat new_units_added), findings ${new_findings}"

if [ "$status" -ne 0 ] || [ "$new_findings" -gt 0 ]; then
  echo "---- last lines of $log ----" >&2
  tail -40 "$log" >&2
  repro=$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -1)
  if [ -n "$repro" ]; then
    echo "fuzz $target: FINDING saved as $repro" >&2
    echo "reproduce: dotnet run --project fuzz/RunRate.Fuzz -c Release -- $target $repro" >&2
  else
    echo "fuzz $target: libFuzzer stopped with status $status and saved no input" >&2
  fi
  exit 1
fi
