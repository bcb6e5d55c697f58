#!/usr/bin/env python3
"""Mock RunRate API for dashboard development (standard library only).

Serves src/RunRate.Web/wwwroot as static files with an SPA fallback to index.html, and answers
/api/* with the real engine's JSON samples in tests/ui-mock/api/ (query parameters are ignored,
except `by` on /api/mrr). Writes to lines are validated loosely, applied to the in-memory copy of
the customer document, and announced on /api/events like the real server does.

    python3 tests/ui-mock/serve.py [--port 8088] [--sse-interval 5] [--delay 0] [--fail /api/cohorts] [--nulls]
"""
import argparse
import copy
import json
import mimetypes
import os
import re
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, unquote, parse_qs

import crm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "src", "RunRate.Web", "wwwroot"))
API = os.path.join(HERE, "api")

mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/css", ".css")
mimetypes.add_type("image/svg+xml", ".svg")


def load(name):
    with open(os.path.join(API, name), encoding="utf-8") as f:
        return json.load(f)


SAMPLES = {n[:-5]: load(n) for n in os.listdir(API) if n.endswith(".json")}
CUSTOMER_TEMPLATE = SAMPLES["customer-C000007"]
CUSTOMERS = {c["customer_id"]: c for c in SAMPLES["customers"]["customers"]}
LINES = {}  # line_id -> (customer_id, line dict) for customers whose document was requested

state = {"revision": 1}
cond = threading.Condition()


def meta():
    cs = SAMPLES["customers"]["customers"]
    uniq = lambda k: sorted({c[k] for c in cs if c.get(k)})
    return {
        "revision": state["revision"],
        "currencies": ["USD", "EUR", "GBP", "CAD"],
        "segments": uniq("segment"),
        "channels": uniq("channel"),
        "countries": uniq("country"),
        "owners": uniq("owner"),
        "products": ["Extra Storage", "Free", "Growth", "Onboarding", "Premium Support", "Scale"],
        "attributes": ["industry"],
        "first_month": "2022-01",
        "last_month": "2026-10",
    }


DOCS = {}


def customer_doc(cid):
    """The sample customer document, dressed with the listed customer's own attributes."""
    if cid in DOCS:
        return DOCS[cid]
    if cid not in CUSTOMERS:
        return None
    doc = copy.deepcopy(CUSTOMER_TEMPLATE)
    row = CUSTOMERS[cid]
    if cid != CUSTOMER_TEMPLATE["customer_id"]:
        for k in ("customer_id", "name", "country", "segment", "channel", "owner", "status", "since", "mrr", "arr"):
            doc[k] = row[k]
        for i, line in enumerate(doc["lines"]):
            line["line_id"] = "L%s%02d" % (cid[1:], i)
    for line in doc["lines"]:
        LINES[line["line_id"]] = (cid, line)
    DOCS[cid] = doc
    return doc


def problem(status, title, detail=None, errors=None):
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return status, body


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def valid_date(s):
    if not isinstance(s, str) or not DATE.match(s):
        return False
    try:
        date.fromisoformat(s)
        return True
    except ValueError:
        return False


def validate_line(body, line_id):
    errors = {}
    kind = body.get("kind")
    if kind not in ("subscription", "addon", "one_time"):
        errors["kind"] = ["kind must be subscription, addon or one_time."]
    if not body.get("product"):
        errors["product"] = ["product is required."]
    if not valid_date(body.get("start_date")):
        errors["start_date"] = ["start_date must be a date (YYYY-MM-DD)."]
    end = body.get("end_date")
    if end is not None and not valid_date(end):
        errors["end_date"] = ["end_date must be a date (YYYY-MM-DD) or empty."]
    elif end is not None and valid_date(body.get("start_date")) and end <= body["start_date"]:
        errors["end_date"] = ["end_date must be after start_date."]
    amount = body.get("amount")
    if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount < 0:
        errors["amount"] = ["amount must be a number of at least 0."]
    q = body.get("quantity")
    if not isinstance(q, (int, float)) or isinstance(q, bool) or q <= 0:
        errors["quantity"] = ["quantity must be above 0."]
    if not (isinstance(body.get("currency"), str) and re.match(r"^[A-Z]{3}$", body["currency"])):
        errors["currency"] = ["currency must be a three-letter ISO 4217 code."]
    iv = body.get("interval_months")
    if kind in ("subscription", "addon") and not (isinstance(iv, int) and 1 <= iv <= 120):
        errors["interval_months"] = ["interval_months must be a whole number from 1 to 120 for recurring lines."]
    if kind == "one_time" and iv is not None:
        errors["interval_months"] = ["interval_months must be empty for one-time charges."]
    if body.get("line_id") not in (None, line_id):
        errors["line_id"] = ["line_id must match the path."]
    return errors


def bump():
    with cond:
        state["revision"] += 1
        cond.notify_all()


class Handler(BaseHTTPRequestHandler):
    server_version = "RunRateMock/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)

    # --- plumbing -------------------------------------------------------------------------
    def send_json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        ctype = "application/problem+json" if status >= 400 else "application/json"
        self.send_header("Content-Type", ctype + "; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        # Read once per request (the CRM dispatch may have looked at it already); one handler
        # serves every request of a keep-alive connection, so the cache is keyed by the request.
        if getattr(self, "_body_of", None) is not self.raw_requestline:
            self._body_of, self._body = self.raw_requestline, self._read_body()
        return self._body

    def _read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw or b"null")
        except ValueError:
            return ValueError

    def path_parts(self):
        u = urlsplit(self.path)
        return unquote(u.path), u.query

    # --- verbs ----------------------------------------------------------------------------
    def do_GET(self):
        path, query = self.path_parts()
        if path.startswith("/api/"):
            if self.server.delay:
                time.sleep(self.server.delay)
            if any(path.startswith(p) for p in self.server.fail):
                return self.send_json(*problem(500, "The report could not be computed",
                                               "Mock failure requested with --fail for " + path + "."))
            return self.api_get(path, query)
        return self.static(path)

    def do_HEAD(self):
        self.do_GET()

    def crm(self, method):
        """The CRM endpoints (crm.py); False when the path is not one of them."""
        path, query = self.path_parts()
        body = self.read_body() if method in ("POST", "PUT") else None
        if body is ValueError:
            self.send_json(*problem(400, "Malformed JSON", "The body must be a JSON object."))
            return True
        answer = crm.handle(method, path, query, body)
        if answer is None:
            return False
        status, doc = answer
        if status == 204:
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_json(status, doc)
        return True

    def do_DELETE(self):
        if not self.crm("DELETE"):
            self.send_json(*problem(404, "Not found", "No mock for DELETE " + self.path_parts()[0] + "."))

    def do_POST(self):
        if self.crm("POST"):
            return
        path, _ = self.path_parts()
        m = re.match(r"^/api/lines/([^/]+)/end$", path)
        if not m:
            return self.send_json(*problem(404, "Not found", "No mock for POST " + path + "."))
        body = self.read_body()
        if body is ValueError or not isinstance(body, dict):
            return self.send_json(*problem(400, "Malformed JSON", "The body must be a JSON object."))
        found = LINES.get(m.group(1))
        if not found:
            return self.send_json(*problem(404, "Unknown line", "There is no line " + m.group(1) + "."))
        _, line = found
        end = body.get("end_date")
        if not valid_date(end):
            return self.send_json(*problem(422, "The line cannot end", errors={"end_date": ["end_date must be a date (YYYY-MM-DD)."]}))
        if end <= line["start_date"]:
            return self.send_json(*problem(422, "The line cannot end", errors={"end_date": ["end_date must be after the line's start_date " + line["start_date"] + "."]}))
        line["end_date"] = end
        bump()
        self.send_json(200, line)

    def do_PUT(self):
        if self.crm("PUT"):
            return
        path, _ = self.path_parts()
        m = re.match(r"^/api/lines/([^/]+)$", path)
        if not m:
            return self.send_json(*problem(404, "Not found", "No mock for PUT " + path + "."))
        body = self.read_body()
        if body is ValueError or not isinstance(body, dict):
            return self.send_json(*problem(400, "Malformed JSON", "The body must be a JSON object."))
        found = LINES.get(m.group(1))
        if not found:
            return self.send_json(*problem(404, "Unknown line", "There is no line " + m.group(1) + "."))
        errors = validate_line(body, m.group(1))
        if errors:
            return self.send_json(*problem(422, "The line breaks a ledger rule",
                                           "Fix the fields below; nothing was written.", errors))
        _, line = found
        for k in ("kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months"):
            line[k] = body.get(k)
        bump()
        self.send_json(200, line)

    # --- API ------------------------------------------------------------------------------
    def api_get(self, path, query):
        if path == "/api/events":
            return self.events()
        if path == "/api/meta":
            return self.send_json(200, meta())
        if path == "/api/mrr":
            return self.send_json(200, SAMPLES["mrr-by-segment" if "by=" in query else "mrr"])
        if path == "/api/summary" and self.server.nulls:
            doc = copy.deepcopy(SAMPLES["summary"])
            for k in ("nrr", "grr", "growth_yoy", "valuation", "quick_ratio"):
                doc["summary"][k] = None
            return self.send_json(200, doc)
        if path == "/api/customers" and "q=" in query:
            text = parse_qs(query).get("q", [""])[0].lower()
            doc = dict(SAMPLES["customers"])
            doc["customers"] = [c for c in doc["customers"] if text in (c["customer_id"] + " " + (c["name"] or "")).lower()]
            doc["total"] = len(doc["customers"])
            if "limit=" in query:
                doc["customers"] = doc["customers"][: int(parse_qs(query)["limit"][0])]
            return self.send_json(200, doc)
        answer = crm.handle("GET", path, query, None)
        if answer is not None:
            return self.send_json(*answer)
        simple = {"/api/summary": "summary", "/api/arr-bridge": "arr-bridge",
                  "/api/cohorts": "cohorts", "/api/customers": "customers"}
        if path in simple:
            return self.send_json(200, SAMPLES[simple[path]])
        m = re.match(r"^/api/customers/([^/]+)$", path)
        if m:
            doc = customer_doc(m.group(1))
            if doc is None:
                return self.send_json(*problem(404, "Unknown customer", "There is no customer " + m.group(1) + " in the ledger."))
            return self.send_json(200, doc)
        return self.send_json(*problem(404, "Not found", "No mock for GET " + path + "."))

    def events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        interval = self.server.sse_interval
        try:
            self.wfile.write(b"retry: 2000\n\n")
            self.wfile.flush()
            last_tick = time.monotonic()
            with cond:
                seen = state["revision"]
            while True:
                with cond:
                    cond.wait(timeout=1.0)
                    rev = state["revision"]
                if rev == seen and interval > 0 and time.monotonic() - last_tick >= interval:
                    with cond:  # the periodic fake change
                        state["revision"] += 1
                        rev = state["revision"]
                if rev != seen:
                    seen = rev
                    last_tick = time.monotonic()
                    self.wfile.write(("event: ledger\ndata: %s\n\n" % json.dumps({"revision": rev})).encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return

    # --- static files with SPA fallback ---------------------------------------------------
    def static(self, path):
        rel = os.path.normpath(path.lstrip("/")) if path != "/" else "index.html"
        full = os.path.join(ROOT, rel)
        if rel.startswith("..") or not os.path.isfile(full):
            if os.path.splitext(path)[1]:  # a missing asset is a 404, a route is the SPA
                data = b"not found"
                self.send_response(404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                return self.wfile.write(data)
            full = os.path.join(ROOT, "index.html")
        with open(full, "rb") as f:
            data = f.read()
        self.send_response(200)
        self.send_header("Content-Type", (mimetypes.guess_type(full)[0] or "application/octet-stream"))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8088)
    ap.add_argument("--sse-interval", type=float, default=5, help="seconds between fake ledger events (0: only on writes)")
    ap.add_argument("--delay", type=float, default=0, help="seconds to wait before answering each API GET")
    ap.add_argument("--fail", action="append", default=[], help="answer 500 problem details for GET paths with this prefix")
    ap.add_argument("--nulls", action="store_true", help="answer /api/summary with null ratios (no base), to see how they show")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    srv = ThreadingHTTPServer((args.host, args.port), Handler)
    srv.daemon_threads = True
    srv.sse_interval, srv.delay, srv.fail, srv.verbose = args.sse_interval, args.delay, args.fail, args.verbose
    srv.nulls = args.nulls
    crm.ctx["doc"], crm.ctx["bump"] = customer_doc, bump
    crm.seed(CUSTOMERS)
    print("RunRate mock on http://%s:%d/ (wwwroot %s)" % (args.host, args.port, ROOT), flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
