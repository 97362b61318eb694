#!/usr/bin/python3
"""The analyst questions of docs/QUERY.md ("Questions analysts ask"), asked of the sample network.

Each question is a query, run through the CLI (`tiegraph --db DB query TEXT --format json`) on
a database imported from the seed file, and an answer computed here from the same seed file
read as plain JSON, following the mapping of docs/FORMATS.md ("Seed-network JSON") and the
query language's view of the records (docs/DATA_MODEL.md, "As a labelled property graph"). The
answers never come from tiegraph.

  analyst_questions.py --cli TIEGRAPH --seed examples/seed-network.json --work DIR
                       [--doc docs/QUERY.md] [--markdown]

--doc checks that every query text appears in the document as written here. --markdown prints
the section (questions, queries and the answers computed from the seed) instead of testing.
Exit code 0 when every answer and the document agree, 1 otherwise.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

# --- the seed as the query language sees it -----------------------------------------------

NO_SECTOR = {"council", "place", "mixed"}  # kept as seed_sector; the node has no sector label
SECTOR_LABELS = {
    "industry": "Industry", "academia": "Academia", "research": "Research",
    "hospital": "Hospital", "government": "Government", "public-agency": "PublicAgency",
    "support-org": "SupportOrg",
}
SEED_TYPES = {  # the seed's type names the vocabulary reads as another (FORMATS.md)
    "investment_intention_agreement": "investment_intent",
    "tenancy_colocation": "tenancy",
    "council_membership": "membership",
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Node:
    def __init__(self, rec):
        self.key = rec["id"]
        self.name = rec["name_ko"]
        self.sector = None if rec["sector"] in NO_SECTOR else rec["sector"]
        self.label = SECTOR_LABELS.get(self.sector)
        self.foreign = bool(rec.get("is_foreign"))
        region = rec.get("region")
        # "KR/Chungnam (implied)": the note in parentheses is not part of the region.
        self.region = region.split(" (")[0].split("/") if region else None
        # Every alias is the English name, the abbreviation, or a piece of one of the names.
        self.alias_texts = [t for t in (rec.get("name_en"), rec.get("abbr")) if t]


class Tie:
    def __init__(self, rec):
        self.key = rec["id"]
        self.source, self.target = rec["source"], rec["target"]
        self.type = SEED_TYPES.get(rec["type"], rec["type"])
        self.directed = rec["directed"]
        self.status = rec["status"]
        self.confidence = rec["confidence"]
        self.event = rec.get("event_id")
        self.role = rec.get("role")
        self.since = self.until = None
        date = rec.get("date")
        if date and DATE.match(date):
            self.since = date
        elif date and date.startswith("<=") and DATE.match(date[2:]):
            self.until = date[2:]
        elif date and "/" in date and all(DATE.match(p) for p in date.split("/")):
            self.since, self.until = date.split("/")
        quotes = [rec["evidence"]["quote"]] if rec.get("evidence", {}).get("quote") else []
        self.evidence = quotes + [c["fact"] for c in rec.get("external_corroboration") or []]

    def year(self):
        return int(self.since[:4]) if self.since else None


class EventNode:
    """An event as a node labelled Event: key, name (the seed's desc), type, date; no sector,
    region or foreign flag (null)."""
    is_event = True
    sector = label = region = foreign = None

    def __init__(self, rec):
        self.key = rec["id"]
        self.name = rec["desc"]
        self.type = "event"
        self.date = rec.get("date")
        self.participants = []  # (institution key, role), filled by Network


class Participation:
    """(institution)-[:PARTICIPATED_IN {role}]->(event): a relationship with the role only."""
    type = "PARTICIPATED_IN"
    key = since = until = status = confidence = event = None
    directed = True
    evidence = []

    def __init__(self, role):
        self.role = role or None

    def year(self):
        return None


def participants(event_key, ties):
    """The endpoints of the ties naming the event, in order, each once; a tie's role is its
    source's (docs/FORMATS.md, "Seed-network JSON")."""
    out = {}
    for t in ties:
        if t.event != event_key:
            continue
        for who, role in ((t.source, t.role), (t.target, None)):
            out[who] = out.get(who) or role
    return list(out.items())


class Network:
    def __init__(self, seed):
        data = json.loads(Path(seed).read_text(encoding="utf-8"))
        self.nodes = {n["id"]: Node(n) for n in data["institutions"]}
        self.ties = [Tie(t) for t in data["ties"]]
        self.events = {e["id"]: EventNode(e) for e in data["events"]}
        for e in self.events.values():
            e.participants = participants(e.key, self.ties)

    def matches(self, arrow=False):
        """(a, r, b) for each way a pattern (a)-[r]-(b), or (a)-[r]->(b) when arrow, binds:
        an undirected pattern binds every tie both ways; an arrow binds every tie, directed or
        not, from its source to its target (docs/DATA_MODEL.md). Participations, from the
        institution to the event, are relationships as well."""
        for t in self.ties:
            a, b = self.nodes[t.source], self.nodes[t.target]
            yield a, t, b
            if not arrow:
                yield b, t, a
        for e in self.events.values():
            for who, role in e.participants:
                p = Participation(role)
                yield self.nodes[who], p, e
                if not arrow:
                    yield e, p, self.nodes[who]


def institution(n):
    """Whether a node carries the label Institution (an event does not)."""
    return not getattr(n, "is_event", False)


def order(rows, *keys):
    """Sorts rows by (index, descending) keys the way ORDER BY does: null last ascending,
    first descending; a date by its first day, the coarser one first."""
    def part(v):
        if isinstance(v, str) and DATE.match(v):
            return (v + "-01-01"[len(v) - 4:], len(v))
        return v
    for index, desc in reversed(keys):
        present = sorted((r for r in rows if r[index] is not None),
                         key=lambda r: part(r[index]), reverse=desc)
        nulls = [r for r in rows if r[index] is None]
        rows = nulls + present if desc else present + nulls
    return rows


def distinct(rows):
    seen, out = set(), []
    for r in rows:
        k = json.dumps(r, ensure_ascii=False)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


# --- the questions ------------------------------------------------------------------------

def q_gangwon_hospital_mou(net):
    rows = [[h.name, f.name, t.since] for h, t, f in net.matches()
            if t.type == "mou" and h.sector == "hospital" and "Gangwon" in (h.region or [])
            and f.foreign and t.year() and t.year() > 2023]
    return order(rows, (0, False), (1, False))


def q_gangwon_hospital_agreements(net):
    kinds = {"mou", "joint_research", "investment_intent", "planned_cooperation"}
    rows = [[h.name, f.name, t.type, t.status, t.since] for h, t, f in net.matches()
            if t.type in kinds and h.sector == "hospital" and "Gangwon" in (h.region or [])
            and f.foreign and t.year() and t.year() > 2023]
    return order(rows, (0, False), (1, False), (2, False))


def q_evidence_hyeobyak(net):
    rows = [[t.key, t.type, a.key, b.key] for a, t, b in net.matches(arrow=True)
            if any("협약" in q for q in t.evidence)]
    return order(rows, (0, False))


def q_two_regions(net):
    regions = {}
    for n, _, m in net.matches():
        if institution(n) and institution(m) and m.region is not None:
            regions.setdefault(n.key, set()).add(tuple(m.region[:2]))
    rows = [[k, net.nodes[k].name, len(r)] for k, r in regions.items() if len(r) >= 2]
    return order(rows, (2, True), (0, False))


def q_types_per_year(net):
    counts = {}
    for t in net.ties:
        if t.since:
            counts[(t.type, t.year())] = counts.get((t.type, t.year()), 0) + 1
    return order([[ty, y, c] for (ty, y), c in counts.items()], (0, False), (1, False))


def q_sectors(net):
    counts = {}
    for n in net.nodes.values():
        counts[n.sector] = counts.get(n.sector, 0) + 1
    return order([[s, c] for s, c in counts.items()], (1, True), (0, False))


def q_most_partners(net):
    partners = {}
    for n, _, m in net.matches():
        if institution(n) and institution(m):
            partners.setdefault(n.key, set()).add(m.key)
    rows = [[k, net.nodes[k].name, len(p)] for k, p in partners.items()]
    return order(rows, (2, True), (0, False))[:10]


def q_foreign_partners(net):
    rows = []
    for f in net.nodes.values():
        if f.foreign:
            korean = {k.key for a, _, k in net.matches()
                      if a.key == f.key and institution(k) and not k.foreign}
            rows.append([f.key, f.region, len(korean)])
    return order(rows, (2, True), (0, False))


def q_councils(net):
    councils = {}
    for m, t, c in net.matches(arrow=True):
        if t.type == "membership":
            entry = councils.setdefault(c.key, [c.name, 0, []])
            entry[1] += 1
            if t.role == "chair":
                entry[2].append(m.name)
    return order(list(councils.values()), (1, True), (0, False))


def q_hospitals_universities(net):
    rows = [[h.name, u.name, t.type, t.status] for h, t, u in net.matches()
            if h.sector == "hospital" and u.sector == "academia"]
    return order(rows, (0, False), (1, False), (2, False))


def q_brokers(net):
    rows = []
    for b in net.nodes.values():
        if b.foreign:
            continue
        partners = [m for a, _, m in net.matches()
                    if a.key == b.key and institution(a) and institution(m)]
        korean = {m.key for m in partners if not m.foreign}
        foreign = {m.key for m in partners if m.foreign}
        if korean and foreign:
            rows.append([b.name, len(korean), len(foreign)])
    return order(rows, (2, True), (1, True), (0, False))


def q_not_yet_realized(net):
    counts = {}
    for t in net.ties:
        if t.status in ("planned", "proposed"):
            counts[(t.type, t.status)] = counts.get((t.type, t.status), 0) + 1
    rows = [[ty, s, c] for (ty, s), c in counts.items()]
    return order(rows, (2, True), (0, False), (1, False))


def q_implied(net):
    rows = [[t.key, t.type, a.key, b.key] for a, t, b in net.matches(arrow=True)
            if t.confidence == "implied"]
    return order(rows, (0, False))


def q_events(net):
    counts = {}
    for t in net.ties:
        if t.event:
            counts[t.event] = counts.get(t.event, 0) + 1
    return order([[e, c] for e, c in counts.items()], (1, True), (0, False))


def q_hierarchy(net):
    rows = [[u.name, p.name] for u, t, p in net.matches(arrow=True) if t.type == "part_of"]
    return order(rows, (0, False), (1, False))


def q_bio(net):
    rows = [[n.key, n.sector] for n in net.nodes.values()
            if "바이오" in n.name or any("bio" in a.lower() for a in n.alias_texts)]
    return order(rows, (0, False))


def q_province_pairs(net):
    pairs = {}
    for a, t, b in net.matches():
        ra, rb = a.region or [], b.region or []
        if len(ra) > 1 and len(rb) > 1 and ra[0] == "KR" and rb[0] == "KR" and ra[1] < rb[1]:
            pairs.setdefault((ra[1], rb[1]), set()).add(t.key)
    rows = [[p, o, len(k)] for (p, o), k in pairs.items()]
    return order(rows, (2, True), (0, False), (1, False))


def q_gangwon_timeline(net):
    rows = [[t.since, t.type, p.name] for g, t, p in net.matches() if g.key == "gangwon-state"]
    return order(rows, (0, False), (1, False), (2, False))


def q_sector_in_province(net):
    rows = [[n.key, n.name] for n in net.nodes.values()
            if n.sector == "hospital" and "Gyeonggi" in (n.region or [])]
    return order(rows, (0, False))


def q_sat_together(net):
    shared = {}
    for e in net.events.values():
        keys = sorted(k for k, _ in e.participants)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                shared[(a, b)] = shared.get((a, b), 0) + 1
    rows = [[a, b, c] for (a, b), c in shared.items()]
    return order(rows, (2, True), (0, False), (1, False))[:10]


def q_event_participants(net):
    rows = distinct([[a.key, a.name] for a, t, _ in net.matches()
                     if t.event == "E-bio-cluster-council-1st" and a.sector == "public-agency"])
    return order(rows, (0, False))


QUESTIONS = [
    ("Hospitals in Gangwon with an MOU signed with a foreign institution after 2023",
     """MATCH (h:Hospital)-[r:MOU]-(f:Institution)
WHERE 'Gangwon' IN h.region AND f.foreign AND r.since.year > 2023
RETURN h.name AS hospital, f.name AS partner, r.since AS signed
ORDER BY hospital, partner""", {}, q_gangwon_hospital_mou,
     "None: the seeds state no MOU as such (the schema's note on `mou`); the next question "
     "widens the kinds of agreement."),
    ("Hospitals in Gangwon with any agreement, joint research or planned cooperation with a "
     "foreign institution after 2023",
     """MATCH (h:Hospital)-[r:MOU|JOINT_RESEARCH|INVESTMENT_INTENT|PLANNED_COOPERATION]-(f)
WHERE 'Gangwon' IN h.region AND f.foreign AND r.since.year > 2023
RETURN h.name AS hospital, f.name AS partner, type(r) AS type, r.status AS status,
       r.since AS since
ORDER BY hospital, partner, type""", {}, q_gangwon_hospital_agreements, None),
    ("Ties whose evidence mentions 협약 (agreement)",
     """MATCH (a)-[r]->(b)
WHERE any(q IN r.evidence WHERE q CONTAINS '협약')
RETURN r.key AS tie, type(r) AS type, a.key AS source, b.key AS target
ORDER BY tie""", {}, q_evidence_hyeobyak,
     "Every tie runs from its source to its target, so `->` gives one row a tie. The evidence "
     "holds the seed's quotes and the facts of external corroboration."),
    ("Institutions with ties in two regions or more (a region: country and province)",
     """MATCH (n:Institution)-[]-(m:Institution)
WHERE m.region IS NOT NULL
WITH n, collect(DISTINCT m.region[0..2]) AS regions
WHERE size(regions) >= 2
RETURN n.key AS institution, n.name AS name, size(regions) AS partner_regions
ORDER BY partner_regions DESC, institution""", {}, q_two_regions, None),
    ("Ties by type per year",
     """MATCH ()-[r]-()
WITH DISTINCT r
WHERE r.since IS NOT NULL
RETURN type(r) AS type, r.since.year AS year, count(*) AS ties
ORDER BY type, year""", {}, q_types_per_year,
     "Ties without a start date (no date, only an end, or a date the seed does not give in "
     "full) are left out."),
    ("Institutions per sector",
     """MATCH (n:Institution)
RETURN n.sector AS sector, count(*) AS institutions
ORDER BY institutions DESC, sector""", {}, q_sectors,
     "Councils, places and mixed bodies have no sector (null, sorted last)."),
    ("The ten institutions with the most partners",
     """MATCH (n:Institution)-[]-(m:Institution)
RETURN n.key AS institution, n.name AS name, count(DISTINCT m) AS partners
ORDER BY partners DESC, institution
LIMIT 10""", {}, q_most_partners,
     "Partners are institutions: `(m:Institution)` leaves out the events an institution "
     "took part in."),
    ("Foreign institutions and how many Korean partners each has",
     """MATCH (f:Institution)
WHERE f.foreign
OPTIONAL MATCH (f)-[]-(k:Institution)
WHERE NOT k.foreign
RETURN f.key AS institution, f.region AS region, count(DISTINCT k) AS korean_partners
ORDER BY korean_partners DESC, institution""", {}, q_foreign_partners, None),
    ("Councils: members and chair",
     """MATCH (m:Institution)-[r:membership]->(c:Institution)
RETURN c.name AS council, count(*) AS members,
       collect(CASE WHEN r.role = 'chair' THEN m.name END) AS chair
ORDER BY members DESC, council""", {}, q_councils, None),
    ("Hospitals' direct ties to universities",
     """MATCH (h:Hospital)-[r]-(u:Academia)
RETURN h.name AS hospital, u.name AS university, type(r) AS type, r.status AS status
ORDER BY hospital, university, type""", {}, q_hospitals_universities, None),
    ("Korean institutions that link Korean partners with foreign ones",
     """MATCH (k:Institution)-[]-(b:Institution)-[]-(f:Institution)
WHERE f.foreign AND NOT k.foreign AND NOT b.foreign
RETURN b.name AS broker, count(DISTINCT k) AS korean, count(DISTINCT f) AS foreign_partners
ORDER BY foreign_partners DESC, korean DESC, broker""", {}, q_brokers, None),
    ("Ties not yet realized, by type and status",
     """MATCH ()-[r]-()
WITH DISTINCT r
WHERE r.status IN ['planned', 'proposed']
RETURN type(r) AS type, r.status AS status, count(*) AS ties
ORDER BY ties DESC, type, status""", {}, q_not_yet_realized, None),
    ("Ties the seeds imply but do not state",
     """MATCH (a)-[r]->(b)
WHERE r.confidence = 'implied'
RETURN r.key AS tie, type(r) AS type, a.key AS source, b.key AS target
ORDER BY tie""", {}, q_implied, None),
    ("Events and the ties they gave rise to",
     """MATCH ()-[r]-()
WITH DISTINCT r
WHERE r.event IS NOT NULL
RETURN r.event AS event, count(*) AS ties
ORDER BY ties DESC, event""", {}, q_events, None),
    ("The organisational hierarchy: units and their parents",
     """MATCH (u:Institution)-[:part_of]->(p:Institution)
RETURN u.name AS unit, p.name AS parent
ORDER BY unit, parent""", {}, q_hierarchy, None),
    ("Institutions with bio in their name or an alias",
     """MATCH (n:Institution)
WHERE n.name CONTAINS '바이오' OR any(a IN n.aliases WHERE toLower(a) CONTAINS 'bio')
RETURN n.key AS institution, n.sector AS sector
ORDER BY institution""", {}, q_bio, None),
    ("Ties between Korean provinces",
     """MATCH (a:Institution)-[r]-(b:Institution)
WHERE a.region[0] = 'KR' AND b.region[0] = 'KR' AND a.region[1] < b.region[1]
RETURN a.region[1] AS province, b.region[1] AS other, count(DISTINCT r) AS ties
ORDER BY ties DESC, province, other""", {}, q_province_pairs,
     "`national` is the region of bodies with a national remit."),
    ("Gangwon State's ties over time",
     """MATCH (g:Institution {key: 'gangwon-state'})-[r]-(p)
RETURN r.since AS since, type(r) AS type, p.name AS partner
ORDER BY since, type, partner""", {}, q_gangwon_timeline,
     "Dates keep their precision; ORDER BY puts a month before the days in it, and ties "
     "without a date last. The events Gangwon State took part in come in as well, through "
     "PARTICIPATED_IN relationships, which have no dates."),
    ("Institutions of a sector in a province, as parameters "
     "(`--param sector=hospital --param province=Gyeonggi`)",
     """MATCH (n:Institution)
WHERE n.sector = $sector AND $province IN n.region
RETURN n.key AS institution, n.name AS name
ORDER BY institution""", {"sector": "hospital", "province": "Gyeonggi"},
     q_sector_in_province, None),
    ("Public agencies named by the ties of the Bio Cluster Council's first meeting",
     """MATCH (a:PublicAgency)-[r]-()
WHERE r.event = 'E-bio-cluster-council-1st'
RETURN DISTINCT a.key AS institution, a.name AS name
ORDER BY institution""", {}, q_event_participants, None),
    ("Which institutions sat together at the most events?",
     """MATCH (a:Institution)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Institution)
WHERE a.key < b.key
RETURN a.key AS first, b.key AS second, count(DISTINCT e) AS events
ORDER BY events DESC, first, second
LIMIT 10""", {}, q_sat_together,
     "An event's participants are the institutions its ties join (docs/FORMATS.md). In the "
     "sample only Gangwon State took part in two events, so no pair met more than once and "
     "the keys decide the order."),
]


# --- running and comparing ----------------------------------------------------------------

def run_query(cli, db, text, params):
    cmd = [cli, "--db", str(db), "query", text, "--format", "json"]
    for k, v in params.items():
        cmd += ["--param", f"{k}={json.dumps(v, ensure_ascii=False)}"]
    p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[0] if p.stderr.strip() else "failed"
    return json.loads(p.stdout), None


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def columns_of(text):
    """The output column names: the aliases of the last RETURN."""
    ret = text[text.rindex("RETURN") + 6:]
    ret = re.split(r"\bORDER BY\b|\bLIMIT\b|\bSKIP\b", ret)[0]
    return re.findall(r"\bAS (\w+)", ret)


def cell(v):
    if v is None:
        return "null"
    if isinstance(v, list):
        return "[" + ", ".join(cell(x) for x in v) + "]"
    if isinstance(v, str):
        return v.replace("|", "\\|")
    return json.dumps(v)


def markdown(net):
    def wrap(text, width):
        return textwrap.fill(text, width, break_on_hyphens=False, break_long_words=False)

    out = ["## Questions analysts ask", "",
           wrap("Questions asked of the sample network (`tiegraph --db seed.db import --create "
           "examples/seed-network.json`), each with its query and its answer. The answers were "
           "computed from the seed file itself, read as plain JSON, and "
           "`tests/query/analyst_questions.py` (the CTest `analyst_questions`) checks that "
           "`tiegraph --db seed.db query '…' --format json` gives them.", 100), ""]
    for i, (question, text, params, answer, note) in enumerate(QUESTIONS, 1):
        rows = answer(net)
        cols = columns_of(text)
        out += [f"### {i}. {question}", "", "```cypher", text, "```", ""]
        if note:
            out += [wrap(note, 100), ""]
        out += ["| " + " | ".join(cols) + " |", "|" + " --- |" * len(cols)]
        out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
        out += ["", f"{len(rows)} row{'s' if len(rows) != 1 else ''}.", ""]
    return "\n".join(out).rstrip() + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli")
    ap.add_argument("--seed", required=True)
    ap.add_argument("--work")
    ap.add_argument("--doc")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    net = Network(args.seed)
    if args.markdown:
        sys.stdout.write(markdown(net))
        return 0
    if not args.cli or not args.work:
        ap.error("--cli and --work are required to test")
    failures = []
    if args.doc:
        doc = Path(args.doc).read_text(encoding="utf-8")
        for question, text, *_ in QUESTIONS:
            if text not in doc:
                failures.append(f"{args.doc}: the query of '{question}' is not there as written")
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "seed.db"
    subprocess.run([args.cli, "--db", str(db), "import", "--create", args.seed], check=True,
                   capture_output=True)
    for i, (question, text, params, answer, _) in enumerate(QUESTIONS, 1):
        expected = answer(net)
        got, error = run_query(args.cli, db, text, params)
        if error:
            failures.append(f"{i}. {question}: the query failed: {error}")
            continue
        if got["columns"] != columns_of(text):
            failures.append(f"{i}. {question}: columns {got['columns']}")
        if not same(got["rows"], expected):
            failures.append(f"{i}. {question}:\n   expected {json.dumps(expected, ensure_ascii=False)}"
                            f"\n   tiegraph {json.dumps(got['rows'], ensure_ascii=False)}")
        else:
            print(f"ok   {i}. {question} ({len(expected)} rows)")
    for f in failures:
        print(f"FAIL {f}")
    print(f"{len(QUESTIONS)} questions, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
