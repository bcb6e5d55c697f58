#!/usr/bin/env python3
"""Overview latency of a running `runrate serve`, and how fast a line written through the API shows in it.

Starts `runrate serve` on a store that already holds a ledger, signs in with a throwaway API token, then measures:
  - the first /api/summary (the server loads the ledger and builds its in-memory model),
  - warm overview requests (summary, 12-month MRR, ARR bridge, cohorts),
  - N line writes (PUT /api/lines/ID toggling the quantity), each followed by /api/summary, checking that ARR
    moved and moved back: "write" is the PUT, "visible" is the next summary, "write+visible" their sum.
Prints medians and p99 in milliseconds. Usage:
  bench/overview-latency.py --db big.db --line L0000001 [--month 2026-10] [--writes 100] [--port 5199]
"""
import argparse, json, os, statistics, subprocess, sys, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p = argparse.ArgumentParser()
p.add_argument("--db", required=True)
p.add_argument("--line", required=True, help="id of a recurring USD line to toggle")
p.add_argument("--month", default="2026-10")
p.add_argument("--writes", type=int, default=100)
p.add_argument("--port", type=int, default=5199)
a = p.parse_args()
runrate = os.path.join(root, "runrate")
base = f"http://127.0.0.1:{a.port}"

name = f"latency-{os.getpid()}"
created = json.loads(subprocess.run([runrate, "token", "create", "--name", name, "--role", "finance", "--json", "--db", a.db],
                                    check=True, capture_output=True, text=True).stdout)
token = created["secret"]
server = subprocess.Popen([runrate, "serve", "--db", a.db, "--urls", base], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        payload = r.read()
    return (time.perf_counter() - start) * 1000, json.loads(payload) if payload else None


def peak_rss_mib():
    """The server's peak resident memory so far (VmHWM; ./runrate execs dotnet, so the pid is the server's)."""
    try:
        with open(f"/proc/{server.pid}/status") as status:
            for row in status:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


try:
    for _ in range(600):
        try:
            call("GET", "/api/auth/me")
            break
        except Exception:
            time.sleep(0.1)
    summary = f"/api/summary?month={a.month}"
    cold, first = call("GET", summary)
    print(f"first /api/summary (loads the ledger, builds the model): {cold:,.0f} ms, server peak RSS {peak_rss_mib():,.0f} MiB")
    meta, _ = call("GET", "/api/meta")
    print(f"/api/meta after it (facets gathered with the model): {meta:,.1f} ms")
    y, m = map(int, a.month.split("-"))
    first_index = y * 12 + (m - 1) - 11
    start = f"{first_index // 12}-{first_index % 12 + 1:02d}"
    for label, path in [("summary", summary), ("mrr, 12 months", f"/api/mrr?from={start}&to={a.month}"),
                        ("arr-bridge, year to date", f"/api/arr-bridge?from={y}-01&to={a.month}"), ("cohorts, 12 months", f"/api/cohorts?from={start}&to={a.month}")]:
        times = [call("GET", path)[0] for _ in range(20)]
        print(f"warm {label:26} median {statistics.median(times):7.2f} ms   p99 {pct(times, 0.99):7.2f} ms")

    _, line = call("GET", f"/api/lines/{a.line}")
    body = {k: line[k] for k in ("customer_id", "kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months") if k in line}
    arr0 = first["summary"]["arr"]
    writes, reads, both = [], [], []
    for i in range(a.writes):
        body["quantity"] = line["quantity"] + (1 if i % 2 == 0 else 0)
        w, _ = call("PUT", f"/api/lines/{a.line}", body)
        r, s = call("GET", summary)
        moved = s["summary"]["arr"] != arr0
        if moved != (i % 2 == 0):
            sys.exit(f"write {i}: ARR {'did not move' if i % 2 == 0 else 'did not move back'} ({s['summary']['arr']} vs {arr0})")
        writes.append(w); reads.append(r); both.append(w + r)
    print(f"{a.writes} line writes, each checked in the next summary (ARR moved, then moved back):")
    for label, values in [("write (PUT /api/lines)", writes), ("visible (next /api/summary)", reads), ("write + visible", both)]:
        print(f"  {label:28} median {statistics.median(values):7.2f} ms   p99 {pct(values, 0.99):7.2f} ms")
    print(f"server peak RSS: {peak_rss_mib():,.0f} MiB")
finally:
    server.terminate()
    server.wait(timeout=30)
    subprocess.run([runrate, "token", "revoke", str(created["id"]), "--db", a.db], capture_output=True)
