#!/usr/bin/env bash
# The figures of docs/performance.md "At scale", for each size given (default 10000 100000 1000000 demo customers):
# demo ledger → `runrate import` into a fresh SQLite file (wall, lines/s, peak RSS) → unfiltered 60-month
# `runrate mrr` (streams the store into the in-memory model) → a running server's overview latency and line
# writes (bench/overview-latency.py) → engine vs DuckDB (bench/compare). Work files go to $RUNRATE_SCALE_DIR
# (default /tmp/runrate-scale), which is kept so that a single step can be re-run by hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${RUNRATE_SCALE_DIR:-/tmp/runrate-scale}"
mkdir -p "$work"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000 1000000)
runrate="$root/runrate"
"$runrate" --help >/dev/null 2>&1 || true   # builds the CLI once, outside the timings

for n in "${sizes[@]}"; do
  echo "=== $n demo customers ==="
  ledger="$work/ledger-$n"; db="$work/store-$n.db"
  [ -f "$ledger/lines.csv" ] || "$runrate" demo --customers "$n" --out "$ledger" --as-of 2026-10-31 >/dev/null
  lines=$(($(wc -l < "$ledger/lines.csv") - 1))
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$runrate" import "$ledger" --db "$db" >/dev/null 2>&1
  read -r secs kb < "$work/time.txt"
  echo "import: $lines lines in $secs s ($(python3 -c "print(f'{$lines/$secs:,.0f}')") lines/s), peak $((kb / 1024)) MiB"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$runrate" mrr --from 2021-11 --to 2026-10 --db "$db" --json >/dev/null
  read -r secs kb < "$work/time.txt"
  echo "runrate mrr, 60 months, unfiltered: $secs s, peak $((kb / 1024)) MiB"
  line=$(awk -F, 'NR > 1 && $6 == "" && $9 == "USD" && $3 == "subscription" { print $1; exit }' "$ledger/lines.csv")
  python3 "$root/bench/overview-latency.py" --db "$db" --line "$line" --writes 100
  "$root/bench/compare" --customers "$n" | grep -E "^(ledger|engine load|incremental|engine RevenueModel|duckdb bridge|peak|engine [0-9])"
done
