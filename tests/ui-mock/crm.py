"""In-memory CRM for the dashboard mock: the endpoints of /work/crm-contract.md (issue 5), shaped like
the real server's JSON, with loose validation that answers problem details naming the field.

serve.py calls handle(method, path, query, body) and sends what it returns; None means "not mine".
Analytics (/api/sales, /api/renewals, /api/signals) are computed roughly from the same deals so the
pages have something coherent to show; the real figures come from the engine.
"""
import random
import re
import secrets
from datetime import date, datetime, timedelta, timezone
from urllib.parse import parse_qs

STAGES = [
    {"key": "lead", "name": "Lead", "probability": 0.10, "outcome": "open"},
    {"key": "qualified", "name": "Qualified", "probability": 0.25, "outcome": "open"},
    {"key": "proposal", "name": "Proposal", "probability": 0.50, "outcome": "open"},
    {"key": "negotiation", "name": "Negotiation", "probability": 0.75, "outcome": "open"},
    {"key": "won", "name": "Won", "probability": 1.0, "outcome": "won"},
    {"key": "lost", "name": "Lost", "probability": 0.0, "outcome": "lost"},
]
STAGE = {s["key"]: s for s in STAGES}
KINDS = ("new_business", "expansion", "cross_sell", "renewal")
ACTIVITY_KINDS = ("email", "call", "meeting", "note")
FX = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27, "CAD": 0.73}
TODAY = date(2026, 10, 31)

DEALS, CONTACTS, ACTIVITIES, DOMAINS, TARGETS = {}, {}, {}, {}, []
ctx = {"customers": {}, "doc": None, "bump": None}


def problem(status, title, errors=None, detail=None):
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return status, body


def unprocessable(errors):
    return problem(422, "The CRM's rules are not met; nothing was written.", errors)


def valid_date(s):
    try:
        return isinstance(s, str) and len(s) == 10 and date.fromisoformat(s) is not None
    except ValueError:
        return False


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def deal_json(d):
    s = STAGE[d["stage"]]
    closed = next((x["on"] for x in reversed(d["history"]) if x["stage"] == d["stage"]), None) if s["outcome"] != "open" else None
    c = ctx["customers"].get(d["account_id"], {})
    return {**d, "account_name": c.get("name"), "stage_name": s["name"], "probability": s["probability"], "outcome": s["outcome"],
            "weighted_arr": round(d["arr"] * s["probability"], 2), "closed_on": closed}


def seed(customers):
    ctx["customers"] = customers
    rnd = random.Random(7)
    ids = list(customers)[:40]
    owners = ["Alice Moreno", "Ben Okafor", "Chloé Dubois", "Dev Patel", "Emma Lindqvist", "Farid Haddad"]
    titles = ["Platform annual", "Premium Support add-on", "Scale tier upgrade", "Extra Storage", "Renewal 2027", "Team seats +20"]
    path = ["lead", "qualified", "proposal", "negotiation"]
    for i in range(26):
        acc = ids[i % len(ids)]
        created = TODAY - timedelta(days=rnd.randint(20, 220))
        end = rnd.choice(["lead", "qualified", "proposal", "negotiation", "negotiation", "won", "won", "lost"])
        hist, day = [], created
        for st in path[: (path.index(end) + 1 if end in path else rnd.randint(2, 4))]:
            hist.append({"stage": st, "on": day.isoformat()})
            day += timedelta(days=rnd.randint(5, 30))
        if end in ("won", "lost"):
            hist.append({"stage": end, "on": min(day, TODAY).isoformat()})
        did = "D%04d" % (i + 1)
        DEALS[did] = {"deal_id": did, "account_id": acc, "title": titles[i % len(titles)], "stage": end,
                      "arr": float(rnd.choice([4800, 9600, 12000, 18000, 24000, 36000, 60000, 120000])),
                      "currency": "EUR" if i % 7 == 3 else "USD", "kind": KINDS[i % 4],
                      "expected_close": (TODAY + timedelta(days=rnd.randint(-30, 120))).isoformat(),
                      "owner": owners[i % len(owners)], "channel": ["outbound", "inbound", "partner"][i % 3],
                      "lost_reason": "Chose a competitor on price" if end == "lost" else None,
                      "created": created.isoformat(), "history": hist, "line_ids": []}
    for i, acc in enumerate(ids[:12]):
        name = customers[acc]["name"]
        dom = re.sub(r"[^a-z]", "", name.lower().split()[0]) + ".com"
        DOMAINS[acc] = [dom]
        for j, (who, role) in enumerate([("Maria Lopez", "CFO"), ("Tom Becker", "Champion")][: 1 + i % 2]):
            cid = "ct_%s_%d" % (acc, j)
            CONTACTS[cid] = {"contact_id": cid, "account_id": acc, "name": who, "email": "%s@%s" % (who.split()[0].lower(), dom),
                             "phone": "+1 555 01%02d" % (i * 2 + j), "role": role}
        for k, (kind, source, subj) in enumerate([("email", "email", "Re: renewal terms"), ("meeting", "calendar", "Quarterly business review"),
                                                   ("note", "billing", "Payment failed: invoice in_1Q%d" % i), ("call", "manual", "Intro call")]):
            aid = "act_%s_%d" % (acc, k)
            ACTIVITIES[aid] = {"activity_id": aid, "kind": kind, "at": "2026-10-%02dT%02d:30:00Z" % (28 - k * 6, 9 + k),
                               "subject": subj, "body": "Discussed seats and the renewal date." if k % 2 == 0 else None,
                               "account_id": acc, "contact_id": None, "deal_id": None, "source": source,
                               "external_id": "<m%d@mail>" % k if source != "manual" else None}
    for o in owners[:4]:
        TARGETS.append({"owner": o, "period": "2026-Q4", "arr": 150000.0, "currency": "USD"})


def activity_json(a):
    return {**a, "account_name": ctx["customers"].get(a["account_id"], {}).get("name")}


def qs(query):
    return {k: v[0] for k, v in parse_qs(query).items()}


def validate_deal(b, partial_id=None):
    errors = {}
    if b.get("account_id") not in ctx["customers"]:
        errors["account_id"] = ["account_id must name a customer of the ledger."]
    if not (isinstance(b.get("title"), str) and b["title"].strip()):
        errors["title"] = ["title is required."]
    if b.get("stage") is not None and b["stage"] not in STAGE:
        errors["stage"] = ["stage must be one of " + ", ".join(STAGE) + "."]
    if not is_number(b.get("arr")) or b["arr"] <= 0:
        errors["arr"] = ["arr must be a number above 0."]
    if not (isinstance(b.get("currency"), str) and re.match(r"^[A-Z]{3}$", b["currency"])):
        errors["currency"] = ["currency must be a three-letter ISO 4217 code."]
    if b.get("kind") not in KINDS:
        errors["kind"] = ["kind must be new_business, expansion, cross_sell or renewal."]
    if not valid_date(b.get("expected_close")):
        errors["expected_close"] = ["expected_close must be a date (YYYY-MM-DD)."]
    return errors


def deals_handler(method, parts, q, b):
    if not parts:
        if method == "GET":
            ds = [deal_json(d) for d in DEALS.values() if all(not q.get(k) or d[k] == q[k] for k in ("stage", "owner", "account_id"))]
            return 200, {"deals": ds}
        if method == "POST":
            errors = validate_deal(b)
            if errors:
                return unprocessable(errors)
            did = b.get("deal_id") or "d_" + secrets.token_hex(4)
            if did in DEALS:
                return problem(409, "The request conflicts with the stored CRM.", {"deal_id": ["deal " + did + " exists."]})
            stage = b.get("stage") or "lead"
            created = b.get("created") or TODAY.isoformat()
            DEALS[did] = {"deal_id": did, "account_id": b["account_id"], "title": b["title"].strip(), "stage": stage, "arr": b["arr"],
                          "currency": b["currency"], "kind": b["kind"], "expected_close": b["expected_close"], "owner": b.get("owner") or None,
                          "channel": b.get("channel") or None, "lost_reason": None, "created": created,
                          "history": [{"stage": stage, "on": created}], "line_ids": []}
            ctx["bump"]()
            return 201, deal_json(DEALS[did])
        return None
    d = DEALS.get(parts[0])
    if d is None:
        return problem(404, "Not found.", {"id": ["no deal with id '%s'" % parts[0]]})
    if len(parts) == 1:
        if method == "GET":
            return 200, deal_json(d)
        if method == "DELETE":
            del DEALS[parts[0]]
            ctx["bump"]()
            return 204, None
        if method == "PUT":
            errors = validate_deal(b)
            if errors:
                return unprocessable(errors)
            for k in ("account_id", "title", "arr", "currency", "kind", "expected_close", "owner", "channel"):
                d[k] = b.get(k)
            ctx["bump"]()
            return 200, deal_json(d)
    if parts[1:] == ["stage"] and method == "POST":
        st = b.get("stage")
        if st not in STAGE:
            return unprocessable({"stage": ["stage must be one of " + ", ".join(STAGE) + "."]})
        if STAGE[st]["outcome"] == "lost" and not (b.get("lost_reason") or "").strip():
            return unprocessable({"lost_reason": ["lost_reason is required when a deal is lost."]})
        d["stage"] = st
        d["lost_reason"] = b["lost_reason"].strip() if STAGE[st]["outcome"] == "lost" else None
        d["history"].append({"stage": st, "on": b.get("on") or TODAY.isoformat()})
        ctx["bump"]()
        return 200, deal_json(d)
    if parts[1:] == ["proposed-lines"] and method == "GET":
        if STAGE[d["stage"]]["outcome"] != "won":
            return unprocessable({"stage": ["the deal is not won."]})
        on = deal_json(d)["closed_on"]
        return 200, {"lines": [{"line_id": d["deal_id"] + "-1", "customer_id": d["account_id"],
                                "kind": "addon" if d["kind"] == "cross_sell" else "subscription", "product": d["title"],
                                "start_date": on, "end_date": None, "amount": d["arr"], "quantity": 1, "currency": d["currency"],
                                "interval_months": 12}]}
    if parts[1:] == ["lines"] and method == "POST":
        if STAGE[d["stage"]]["outcome"] != "won":
            return unprocessable({"stage": ["the deal is not won."]})
        lines = b.get("lines") if isinstance(b, dict) else None
        if not isinstance(lines, list) or not lines:
            return unprocessable({"lines": ["lines must list at least one line."]})
        errors = {}
        for i, ln in enumerate(lines):
            if not is_number(ln.get("amount")) or ln["amount"] < 0:
                errors["lines[%d].amount" % i] = ["amount must be a number of at least 0."]
            if not valid_date(ln.get("start_date")):
                errors["lines[%d].start_date" % i] = ["start_date must be a date (YYYY-MM-DD)."]
            if not (ln.get("product") or "").strip():
                errors["lines[%d].product" % i] = ["product is required."]
            if ln.get("customer_id") != d["account_id"]:
                errors["lines[%d].customer_id" % i] = ["the line's customer must be the deal's account."]
        if errors:
            return unprocessable(errors)
        doc = ctx["doc"](d["account_id"])
        for ln in lines:
            doc["lines"].append(dict(ln))
            d["line_ids"].append(ln["line_id"])
        ctx["bump"]()
        return 201, {"lines": lines}
    return None


def contacts_handler(method, parts, q, b):
    if not parts:
        if method == "GET":
            cs = [c for c in CONTACTS.values() if (not q.get("account_id") or c["account_id"] == q["account_id"])
                  and (not q.get("q") or q["q"].lower() in (c["name"] + " " + (c["email"] or "")).lower())]
            return 200, {"contacts": [{**c, "account_name": ctx["customers"].get(c["account_id"], {}).get("name")} for c in cs]}
        if method != "POST":
            return None
    elif parts[0] not in CONTACTS:
        return problem(404, "Not found.", {"id": ["no contact with id '%s'" % parts[0]]})
    if parts and method == "GET":
        return 200, CONTACTS[parts[0]]
    if parts and method == "DELETE":
        del CONTACTS[parts[0]]
        ctx["bump"]()
        return 204, None
    errors = {}
    if not (b.get("name") or "").strip():
        errors["name"] = ["name is required."]
    email = (b.get("email") or "").strip().lower() or None
    if email and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        errors["email"] = ["email is not an e-mail address."]
    if b.get("account_id") not in ctx["customers"]:
        errors["account_id"] = ["account_id must name a customer of the ledger."]
    if errors:
        return unprocessable(errors)
    cid = parts[0] if parts else (b.get("contact_id") or "ct_" + secrets.token_hex(4))
    if email and any(c["email"] == email and c["contact_id"] != cid for c in CONTACTS.values()):
        return problem(409, "The request conflicts with the stored CRM.", {"email": ["another contact has the e-mail " + email + "."]})
    CONTACTS[cid] = {"contact_id": cid, "account_id": b["account_id"], "name": b["name"].strip(), "email": email,
                     "phone": (b.get("phone") or "").strip() or None, "role": (b.get("role") or "").strip() or None}
    ctx["bump"]()
    return (200 if parts else 201), CONTACTS[cid]


def activities_handler(method, parts, q, b):
    if not parts and method == "GET":
        acts = [activity_json(a) for a in ACTIVITIES.values() if all(not q.get(k) or a[k] == q[k] for k in ("account_id", "deal_id", "contact_id", "kind"))]
        acts.sort(key=lambda a: a["at"], reverse=True)
        return 200, {"activities": acts[: int(q["limit"])] if q.get("limit") else acts}
    if not parts and method == "POST":
        errors = {}
        if b.get("kind") not in ACTIVITY_KINDS:
            errors["kind"] = ["kind must be email, call, meeting or note."]
        if not (b.get("subject") or "").strip():
            errors["subject"] = ["subject is required."]
        if b.get("at") and not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$", b["at"]):
            errors["at"] = ["at must be an ISO-8601 timestamp."]
        if b.get("account_id") not in ctx["customers"]:
            errors["account_id"] = ["account_id must name a customer of the ledger."]
        if errors:
            return unprocessable(errors)
        aid = b.get("activity_id") or "act_" + secrets.token_hex(4)
        ACTIVITIES[aid] = {"activity_id": aid, "kind": b["kind"], "at": b.get("at") or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                           "subject": b["subject"].strip(), "body": b.get("body") or None, "account_id": b["account_id"],
                           "contact_id": b.get("contact_id"), "deal_id": b.get("deal_id"), "source": "manual", "external_id": None}
        ctx["bump"]()
        return 201, activity_json(ACTIVITIES[aid])
    if parts and method == "DELETE" and parts[0] in ACTIVITIES:
        del ACTIVITIES[parts[0]]
        ctx["bump"]()
        return 204, None
    return None


def usd(d):
    return d["arr"] * FX.get(d["currency"], 1.0)


def pipeline(q):
    ds = [deal_json(d) for d in DEALS.values() if not q.get("owner") or d["owner"] == q["owner"]]
    stages = []
    for s in STAGES:
        mine = [d for d in ds if d["stage"] == s["key"]]
        arr = round(sum(usd(d) for d in mine), 2)
        stages.append({**s, "deals": len(mine), "arr": arr, "weighted_arr": round(arr * s["probability"], 2)})
    return {"currency": q.get("currency", "USD"), "stages": stages, "deals": ds}


def rate(won, lost):
    return round(won / (won + lost), 4) if won + lost else None


def sales(q):
    ds = [deal_json(d) for d in DEALS.values()]
    pipe = pipeline(q)["stages"]
    opens = [s for s in pipe if s["outcome"] == "open"]
    conv = []
    for a, b in zip(opens, opens[1:] + [STAGE["won"]]):
        entered = sum(1 for d in ds if any(h["stage"] == a["key"] for h in d["history"]))
        adv = sum(1 for d in ds if any(h["stage"] == b["key"] for h in d["history"]))
        conv.append({"from_stage": a["key"], "to_stage": b["key"], "entered": entered, "advanced": adv, "rate": round(adv / entered, 4) if entered else None})

    def group(key):
        out = {}
        for d in ds:
            if d["outcome"] == "open":
                continue
            g = out.setdefault(d[key], {key: d[key], "won": 0, "lost": 0, "won_arr": 0.0, "deals": 0})
            g[d["outcome"]] += 1
            if d["outcome"] == "won":
                g["won_arr"] = round(g["won_arr"] + usd(d), 2)
        return [{**g, "rate": rate(g["won"], g["lost"])} for g in out.values()]

    won = [d for d in ds if d["outcome"] == "won"]
    cycles = sorted((date.fromisoformat(d["closed_on"]) - date.fromisoformat(d["created"])).days for d in won)
    by_ch, by_ow = group("channel"), group("owner")
    return {"currency": q.get("currency", "USD"), "from": q.get("from", "2025-11"), "to": q.get("to", "2026-10"),
            "pipeline": [{"stage": s["key"], **{k: s[k] for k in ("name", "probability", "outcome", "deals", "arr", "weighted_arr")}} for s in pipe],
            "open": {"deals": sum(s["deals"] for s in opens), "arr": round(sum(s["arr"] for s in opens), 2), "weighted_arr": round(sum(s["weighted_arr"] for s in opens), 2)},
            "conversion": conv,
            "win_rate": {"overall": {"won": len(won), "lost": sum(1 for d in ds if d["outcome"] == "lost"), "rate": rate(len(won), sum(1 for d in ds if d["outcome"] == "lost"))},
                         "by_channel": [{k: g[k] for k in ("channel", "won", "lost", "rate", "won_arr")} for g in by_ch],
                         "by_owner": [{k: g[k] for k in ("owner", "won", "lost", "rate", "won_arr")} for g in by_ow]},
            "sales_cycle": {"deals": len(cycles), "average_days": round(sum(cycles) / len(cycles), 1) if cycles else None,
                            "median_days": cycles[len(cycles) // 2] if cycles else None},
            "new_arr": {"by_channel": sorted([{"channel": g["channel"], "customers": g["won"], "arr": g["won_arr"], "deals": g["won"], "booked_arr": g["won_arr"]} for g in by_ch if g["won"]], key=lambda x: -x["arr"]),
                        "by_owner": sorted([{"owner": g["owner"], "customers": g["won"], "arr": g["won_arr"], "deals": g["won"], "booked_arr": g["won_arr"]} for g in by_ow if g["won"]], key=lambda x: -x["arr"])},
            "targets": [{"owner": t["owner"], "period": t["period"], "target": t["arr"],
                         "won_arr": next((g["won_arr"] for g in by_ow if g["owner"] == t["owner"]), 0.0),
                         "attainment": round(next((g["won_arr"] for g in by_ow if g["owner"] == t["owner"]), 0.0) / t["arr"], 4)} for t in TARGETS]}


def renewals(q):
    rnd = random.Random(11)
    cs = list(ctx["customers"].values())
    months = []
    for i in range(-3, 9):
        y, m = divmod(2026 * 12 + 9 + i, 12)
        ym = "%d-%02d" % (y, m + 1)
        items = []
        for k in range(rnd.randint(2, 6)):
            c = cs[(i + 3) * 7 + k]
            past = i < 0 or (i == 0 and k % 2 == 0)
            status = rnd.choice(["renewed", "renewed", "renewed", "lost"]) if past else rnd.choice(["open", "open", "ending"])
            items.append({"line_id": "L%s9%d" % (c["customer_id"][1:], k), "customer_id": c["customer_id"], "name": c["name"],
                          "product": rnd.choice(["Growth", "Scale", "Premium Support"]), "due_date": "%s-%02d" % (ym, rnd.randint(1, 28)),
                          "arr": round(c["arr"] or 1200.0, 2), "status": status,
                          "successor_line_id": "L%s8%d" % (c["customer_id"][1:], k) if status == "renewed" else None,
                          "successor_arr": round((c["arr"] or 1200.0) * 1.05, 2) if status == "renewed" else None})
        items.sort(key=lambda x: x["due_date"])
        tot = lambda st: round(sum(x["arr"] for x in items if x["status"] in st), 2)
        ren, lost = tot(("renewed",)), tot(("lost",))
        months.append({"month": ym, "due_arr": tot(("renewed", "lost", "open", "ending")), "renewed_arr": ren, "lost_arr": lost,
                       "open_arr": tot(("open", "ending")), "renewal_rate": round(ren / (ren + lost), 4) if ren + lost else None, "items": items})
    return {"currency": q.get("currency", "USD"), "months": months}


def signals(q):
    cs = [c for c in ctx["customers"].values() if c["status"] == "active"][:18]
    out = []
    for i, c in enumerate(cs):
        if i % 2 == 0:
            reasons = [{"code": "contraction", "text": "MRR fell 32% in the last 90 days", "points": 35},
                       {"code": "renewal_due", "text": "Renewal due on 2026-12-01 (31 days)", "points": 20},
                       {"code": "no_activity", "text": "No activity logged for 74 days", "points": 15},
                       {"code": "payment_failed", "text": "A payment failed on 2026-10-12 and none succeeded since", "points": 25}][: 1 + i % 4]
            kind = "churn_risk"
        else:
            reasons = [{"code": "seat_growth", "text": "Quantity grew 3 times in 6 months", "points": 30},
                       {"code": "missing_addon", "text": "No Premium Support add-on, which 64% of Enterprise accounts have", "points": 25},
                       {"code": "tier", "text": "On Growth while 80% of accounts this size are on Scale", "points": 20}][: 1 + i % 3]
            kind = "upsell" if i % 4 == 1 else "cross_sell"
        score = min(100, sum(r["points"] for r in reasons))
        out.append({"customer_id": c["customer_id"], "name": c["name"], "segment": c["segment"], "owner": c["owner"], "kind": kind, "score": score,
                    "level": "high" if score >= 60 else "medium" if score >= 30 else "low", "arr": c["arr"], "reasons": reasons})
    if q.get("kind"):
        out = [s for s in out if s["kind"] == q["kind"] or (q["kind"] == "upsell" and s["kind"] == "cross_sell")]
    out.sort(key=lambda s: -s["score"])
    return {"currency": q.get("currency", "USD"), "as_of": q.get("as_of", TODAY.isoformat()), "signals": out}


def account(acc, q):
    c = ctx["customers"].get(acc)
    if c is None:
        return problem(404, "Not found.", {"id": ["no account with id '%s'" % acc]})
    doc = ctx["doc"](acc)
    deals = [deal_json(d) for d in DEALS.values() if d["account_id"] == acc]
    acts = sorted((activity_json(a) for a in ACTIVITIES.values() if a["account_id"] == acc), key=lambda a: a["at"], reverse=True)
    return 200, {"account": {k: doc.get(k) for k in ("customer_id", "name", "segment", "channel", "country", "owner", "attributes")} | {"domains": DOMAINS.get(acc, [])},
                 "status": c["status"], "mrr": c["mrr"], "arr": c["arr"],
                 "contacts": [x for x in CONTACTS.values() if x["account_id"] == acc], "deals": deals, "activities": acts,
                 "lines_from_deals": {d["deal_id"]: d["line_ids"] for d in deals if d["line_ids"]}}


def handle(method, path, query, body):
    """(status, json) for a CRM path, or None when the path is not the CRM's."""
    q = qs(query)
    b = body if isinstance(body, dict) else {}
    parts = path.strip("/").split("/")[1:]  # drop "api"
    if not parts:
        return None
    head, rest = parts[0], parts[1:]
    if method == "GET" and not rest and head in ("pipeline", "sales", "renewals", "signals"):
        return 200, {"pipeline": pipeline, "sales": sales, "renewals": renewals, "signals": signals}[head](q)
    if head == "deals":
        return deals_handler(method, rest, q, b)
    if head == "contacts":
        return contacts_handler(method, rest, q, b)
    if head == "activities":
        return activities_handler(method, rest, q, b)
    if head == "targets" and method == "GET":
        return 200, {"targets": TARGETS}
    if head == "accounts" and len(rest) == 1 and method == "GET":
        return account(rest[0], q)
    if head == "accounts" and rest[1:] == ["domains"] and method == "PUT":
        doms = [str(x).strip().lower() for x in (b.get("domains") or []) if str(x).strip()]
        bad = [x for x in doms if not re.match(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", x)]
        if bad:
            return unprocessable({"domains": ["'%s' is not an e-mail domain." % bad[0]]})
        DOMAINS[rest[0]] = doms
        ctx["bump"]()
        return 200, {"customer_id": rest[0], "domains": doms}
    return None
