// Differential test of the query language against Kuzu: the sample network is loaded into both
// systems, the analyst queries of queries.mjs run on each (tiegraph through its CLI with
// --format json), and the results are compared.
//
//   node differential.mjs --cli TIEGRAPH --seed examples/seed-network.json --work DIR
//                         [--kuzu-dir /opt/kuzu] [--only NAME] [--verbose]
//
// Requirements: node (18 or later) and Kuzu 0.11.3 installed with npm in --kuzu-dir (default
// $KUZU_DIR or /opt/kuzu), as tools/bench/run_import_bench.sh installs it:
//   mkdir -p /opt/kuzu && cd /opt/kuzu && npm init -y && npm install kuzu@0.11.3
// Without Kuzu the script prints why and exits 77, which CTest reports as skipped.
//
// The data: tiegraph imports the seed file into DIR/tiegraph.db; Kuzu is loaded from that
// database's `tiegraph dump`, so both hold the same values (names, aliases, region lists,
// evidence quotes) and a disagreement is about the queries, not about two readings of the seed.
//
// The mapping to Kuzu, chosen so that the most queries run with the same text:
// - Node tables, one per sector label: Government, PublicAgency, Industry, SupportOrg, Research,
//   Academia, Hospital; institutions without a sector (councils, places, mixed) go to
//   `Unsectored`. A Kuzu node has one label, so tiegraph's `Institution` label has no table:
//   queries match every node with `(n)` (institutions and events alike, as in tiegraph), a
//   sector with `(n:Hospital)`. All institution tables have the same columns: the institution
//   fields key (primary key), name, aliases, sector, other_sectors, kind, foreign, region, parent, evidence (each
//   evidence's quote, or its source where it has none, as tiegraph shows it) and the typed
//   properties of the dump; a field tiegraph leaves out (an empty list, no parent) is NULL.
// - Rel tables, one per canonical tie type (mou, joint_research, planned_cooperation, …), each
//   FROM/TO the pairs of node tables its ties join (every vocabulary type exists, so a query
//   naming a type the sample lacks binds on both systems). Columns: key, strength, status,
//   confidence, directed, since, until, event, role, evidence and the typed properties.
// - A tie is stored once, source to target. tiegraph matches an undirected tie in both
//   directions, Kuzu only as stored: queries use undirected patterns `-[r]-`, or directed ones
//   restricted to directed ties; the few that show the difference are marked as modelling.
// - Events: a node table Event (key, name, type, date, evidence and the typed properties) and
//   a rel table PARTICIPATED_IN from every institution table to Event with the participant's
//   role (NULL when empty), as the query language shows them: unlabelled patterns meet them
//   in both systems.
// - Dates: tiegraph keeps a date's precision (2024, 2024-09, 2024-09-27); Kuzu's DATE is a day,
//   so a year or a month is stored as its first day. Queries compare years or whole days.
// - Texts that must differ (type(r) is label(r) in Kuzu; list subscripts count from 1 in Kuzu;
//   a date's year is date_part) are given as two texts, `tiegraph` and `kuzu`.
//
// Comparison: rows as multisets unless the query is marked `ordered`; columns by position;
// numbers within 1e-9 relative; `sortLists` sorts the lists inside values (collect's order is
// unspecified). A query marked `known` must disagree (the reason is reported); one that starts
// agreeing fails the run so the mark is removed. Exit code: 0 all as expected, 1 otherwise.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { QUERIES } from "./queries.mjs";

const SKIP = 77;

function parseArgs(argv) {
  const args = { kuzuDir: process.env.KUZU_DIR || "/opt/kuzu", verbose: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === "--cli") args.cli = argv[++i];
    else if (a === "--seed") args.seed = argv[++i];
    else if (a === "--work") args.work = argv[++i];
    else if (a === "--kuzu-dir") args.kuzuDir = argv[++i];
    else if (a === "--only") args.only = argv[++i];
    else if (a === "--verbose") args.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  for (const k of ["cli", "seed", "work"]) {
    if (!args[k]) throw new Error(`--${k} is required`);
  }
  return args;
}

function loadKuzu(kuzuDir) {
  try {
    const require = createRequire(path.join(path.resolve(kuzuDir), "package.json"));
    return require("kuzu");
  } catch (e) {
    console.log(`SKIP: Kuzu is not installed in ${kuzuDir} (${e.message.split("\n")[0]}).`);
    console.log("Install it with: mkdir -p /opt/kuzu && cd /opt/kuzu && npm init -y && " +
                "npm install kuzu@0.11.3 (or set KUZU_DIR).");
    process.exit(SKIP);
  }
}

// --- tiegraph -------------------------------------------------------------------------------

function tiegraph(cli, db, ...args) {
  return execFileSync(cli, ["--db", db, ...args], { encoding: "utf8", maxBuffer: 1 << 26,
                                                stdio: ["ignore", "pipe", "pipe"] });
}

function runTiegraph(cli, db, text, params) {
  const args = ["query", text, "--format", "json"];
  for (const [k, v] of Object.entries(params || {})) args.push("--param", `${k}=${JSON.stringify(v)}`);
  try {
    return { rows: JSON.parse(tiegraph(cli, db, ...args)).rows };
  } catch (e) {
    return { error: (e.stderr || e.message || String(e)).trim().split("\n")[0] };
  }
}

// --- Kuzu -----------------------------------------------------------------------------------

const SECTOR_TABLES = {
  government: "Government", "public-agency": "PublicAgency", industry: "Industry",
  "support-org": "SupportOrg", research: "Research", academia: "Academia", hospital: "Hospital",
};
const VOCABULARY = ["mou", "investment_intent", "investment", "joint_research",
  "planned_cooperation", "visit_meeting", "tenancy", "membership", "funding", "hosting",
  "commissioned_study", "establishment", "designation", "approval", "part_of"];

const tableOf = (inst) => SECTOR_TABLES[inst.sector] || "Unsectored";
const nonEmpty = (list) => (list && list.length ? list : null);
const quotes = (evidence) => nonEmpty((evidence || []).map((e) => e.quote || e.source));
// A year or a month as its first day: Kuzu's DATE has no precision.
const day = (d) => (d ? (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d) : null);

// The Kuzu type of a dump property value (strings, numbers, booleans, dates, lists of these).
function kuzuType(v) {
  if (Array.isArray(v)) return `${kuzuType(v[0] ?? "")}[]`;
  if (typeof v === "boolean") return "BOOLEAN";
  if (typeof v === "number") return Number.isInteger(v) ? "INT64" : "DOUBLE";
  if (v && typeof v === "object" && "date" in v) return "DATE";
  return "STRING";
}
const propertyValue = (v) => (v && typeof v === "object" && "date" in v ? day(v.date) : v);

function typedColumns(records, reserved) {
  const columns = new Map();
  for (const r of records) {
    for (const [k, v] of Object.entries(r.properties || {})) {
      if (reserved.includes(k)) throw new Error(`property ${k} shadows a field`);
      const t = kuzuType(v);
      if (columns.has(k) && columns.get(k) !== t) throw new Error(`property ${k}: mixed types`);
      columns.set(k, t);
    }
  }
  return columns;
}

async function kuzuRun(conn, text, params) {
  let result;
  if (params && Object.keys(params).length) {
    const stmt = await conn.prepare(text);
    if (!stmt.isSuccess()) throw new Error(stmt.getErrorMessage());
    result = await conn.execute(stmt, params);
  } else {
    result = await conn.query(text);
  }
  const results = Array.isArray(result) ? result : [result];
  const rows = [];
  for (const r of results) {
    const columns = await r.getColumnNames();
    for (const row of await r.getAll()) rows.push(columns.map((c) => row[c]));
    r.close();
  }
  return rows;
}

async function loadKuzuGraph(kuzu, dbPath, dump) {
  const db = new kuzu.Database(dbPath);
  await db.init();
  const conn = new kuzu.Connection(db);
  await conn.init();
  const institutions = dump.filter((r) => r.record === "institution");
  const ties = dump.filter((r) => r.record === "tie");
  const events = dump.filter((r) => r.record === "event");
  const nodeFields = [["key", "STRING PRIMARY KEY"], ["name", "STRING"], ["aliases", "STRING[]"],
    ["sector", "STRING"], ["other_sectors", "STRING[]"], ["kind", "STRING"],
    ["foreign", "BOOLEAN"], ["region", "STRING[]"], ["parent", "STRING"],
    ["evidence", "STRING[]"]];
  const tieFields = [["key", "STRING"], ["strength", "DOUBLE"], ["status", "STRING"],
    ["confidence", "STRING"], ["directed", "BOOLEAN"], ["since", "DATE"], ["until", "DATE"],
    ["event", "STRING"], ["role", "STRING"], ["evidence", "STRING[]"]];
  const nodeColumns = [...nodeFields,
    ...typedColumns(institutions, nodeFields.map((f) => f[0])).entries()];
  const tieColumns = [...tieFields, ...typedColumns(ties, tieFields.map((f) => f[0])).entries()];
  const columnList = (cols) => cols.map(([k, t]) => `\`${k}\` ${t}`).join(", ");

  const tables = [...Object.values(SECTOR_TABLES), "Unsectored"];
  for (const t of tables) await kuzuRun(conn, `CREATE NODE TABLE ${t}(${columnList(nodeColumns)})`);
  const eventFields = [["key", "STRING PRIMARY KEY"], ["name", "STRING"], ["type", "STRING"],
    ["date", "DATE"], ["evidence", "STRING[]"]];
  const eventColumns = [...eventFields,
    ...typedColumns(events, eventFields.map((f) => f[0])).entries()];
  await kuzuRun(conn, `CREATE NODE TABLE Event(${columnList(eventColumns)})`);
  await kuzuRun(conn, `CREATE REL TABLE PARTICIPATED_IN(` +
    `${tables.map((t) => `FROM ${t} TO Event`).join(", ")}, role STRING)`);
  const byKey = new Map(institutions.map((i) => [i.key, i]));
  const pairs = new Map(VOCABULARY.map((t) => [t, new Set()]));
  for (const t of ties) {
    if (!pairs.has(t.type)) pairs.set(t.type, new Set());
    pairs.get(t.type).add(`FROM ${tableOf(byKey.get(t.source))} TO ${tableOf(byKey.get(t.target))}`);
  }
  for (const [type, set] of pairs) {
    const fromTo = set.size ? [...set].join(", ") : "FROM Unsectored TO Unsectored";
    await kuzuRun(conn, `CREATE REL TABLE \`${type}\`(${fromTo}, ${columnList(tieColumns)})`);
  }

  for (const inst of institutions) {
    const values = [inst.key, inst.name, nonEmpty(inst.aliases), inst.sector ?? null,
      nonEmpty(inst.other_sectors), inst.kind, inst.foreign === true, nonEmpty(inst.region),
      inst.parent || null, quotes(inst.evidence),
      ...nodeColumns.slice(nodeFields.length).map(([k]) => propertyValue(inst.properties?.[k]))];
    // NULLs in a CREATE's map have no type to bind: set the present values only.
    const present = nodeColumns.map((c, i) => [c, i]).filter(([, i]) => values[i] !== null);
    await kuzuRun(conn,
      `CREATE (:${tableOf(inst)} {${present.map(([[k], i]) => `\`${k}\`: $p${i}`).join(", ")}})`,
      Object.fromEntries(present.map(([, i]) => [`p${i}`, values[i]])));
  }
  for (const tie of ties) {
    const values = [tie.key, tie.strength, tie.status, tie.confidence, tie.directed,
      day(tie.since), day(tie.until), tie.event ?? null, tie.role ?? null, quotes(tie.evidence),
      ...tieColumns.slice(tieFields.length).map(([k]) => propertyValue(tie.properties?.[k]))];
    const present = tieColumns.map((c, i) => [c, i]).filter(([, i]) => values[i] !== null);
    const props = present.map(([[k, t], i]) => `\`${k}\`: ${t === "DATE" ? `date($p${i})` : `$p${i}`}`);
    await kuzuRun(conn,
      `MATCH (a:${tableOf(byKey.get(tie.source))} {key: $src}), ` +
      `(b:${tableOf(byKey.get(tie.target))} {key: $dst}) ` +
      `CREATE (a)-[:\`${tie.type}\` {${props.join(", ")}}]->(b)`,
      { src: tie.source, dst: tie.target,
        ...Object.fromEntries(present.map(([, i]) => [`p${i}`, values[i]])) });
  }
  for (const ev of events) {
    const values = [ev.key, ev.name || null, ev.type, day(ev.date), quotes(ev.evidence),
      ...eventColumns.slice(eventFields.length).map(([k]) => propertyValue(ev.properties?.[k]))];
    const present = eventColumns.map((c, i) => [c, i]).filter(([, i]) => values[i] !== null);
    const props = present.map(([[k, t], i]) =>
      `\`${k}\`: ${t === "DATE" ? `date($p${i})` : `$p${i}`}`);
    await kuzuRun(conn, `CREATE (:Event {${props.join(", ")}})`,
      Object.fromEntries(present.map(([, i]) => [`p${i}`, values[i]])));
    for (const p of ev.participants || []) {
      // The role is absent when empty, as tiegraph shows it.
      const role = p.role ? " {role: $role}" : "";
      await kuzuRun(conn,
        `MATCH (a:${tableOf(byKey.get(p.institution))} {key: $who}), (e:Event {key: $event}) ` +
        `CREATE (a)-[:PARTICIPATED_IN${role}]->(e)`,
        { who: p.institution, event: ev.key, ...(p.role ? { role: p.role } : {}) });
    }
  }
  return { db, conn };
}

// --- comparison -----------------------------------------------------------------------------

// One form for both systems' values: integers and floats as numbers, Kuzu's dates (JS Date at
// UTC midnight) as YYYY-MM-DD, lists (sorted when asked), maps by key.
function normalize(v, sortLists) {
  if (v === undefined || v === null) return null;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) {
    const out = v.map((x) => normalize(x, sortLists));
    return sortLists ? out.sort((a, b) => cmp(a, b)) : out;
  }
  if (typeof v === "object") {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, normalize(v[k], sortLists)]));
  }
  return v;
}

const key = (v) => JSON.stringify(v);
function cmp(a, b) {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const ka = key(a), kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function same(a, b) {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a), kb = Object.keys(b);
    return same(ka, kb) && ka.every((k) => same(a[k], b[k]));
  }
  return a === b;
}

// Rows agree: in order when the query orders, else as multisets (sorted, numbers rounded for
// the sort key only, then compared with tolerance).
function compareRows(tg, kz, ordered) {
  if (tg.length !== kz.length) return `${tg.length} rows against Kuzu's ${kz.length}`;
  const sortKey = (row) => key(row.map((v) => (typeof v === "number" ? +v.toPrecision(12) : v)));
  const sorted = (rows) => (ordered ? rows : [...rows].sort((a, b) =>
    (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)));
  const a = sorted(tg), b = sorted(kz);
  for (let i = 0; i < a.length; ++i) {
    if (!same(a[i], b[i])) return `row ${i}: tiegraph ${key(a[i])}, Kuzu ${key(b[i])}`;
  }
  return null;
}

// --- main -----------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const kuzu = loadKuzu(args.kuzuDir);
  rmSync(args.work, { recursive: true, force: true });
  mkdirSync(args.work, { recursive: true });
  const tgDb = path.join(args.work, "tiegraph.db");
  tiegraph(args.cli, tgDb, "import", "--create", args.seed);
  const dumpText = tiegraph(args.cli, tgDb, "dump");
  writeFileSync(path.join(args.work, "dump.jsonl"), dumpText);
  const dump = dumpText.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  const { db, conn } = await loadKuzuGraph(kuzu, path.join(args.work, "kuzu.kz"), dump);

  const queries = QUERIES.filter((q) => !args.only || q.name === args.only);
  if (queries.length === 0) throw new Error(`no query named ${args.only}`);
  let agree = 0, known = 0;
  const unexpected = [];
  for (const q of queries) {
    const tgText = q.tiegraph ?? q.text;
    const kzText = q.kuzu ?? q.text;
    const tg = runTiegraph(args.cli, tgDb, tgText, q.params);
    let kz;
    try {
      kz = { rows: await kuzuRun(conn, kzText, q.params) };
    } catch (e) {
      kz = { error: e.message.split("\n")[0] };
    }
    let diff;
    if (tg.error || kz.error) {
      diff = [tg.error && `tiegraph: ${tg.error}`, kz.error && `Kuzu: ${kz.error}`]
        .filter(Boolean).join("; ");
    } else {
      const norm = (rows) => rows.map((row) => row.map((v) => normalize(v, q.sortLists)));
      diff = compareRows(norm(tg.rows), norm(kz.rows), q.ordered);
    }
    const rows = tg.rows ? tg.rows.length : "-";
    if (!diff && !q.known) {
      ++agree;
      console.log(`agree    ${q.name} (${rows} rows)`);
    } else if (diff && q.known) {
      ++known;
      console.log(`KNOWN    ${q.name}: ${q.known}\n         ${diff}`);
    } else if (diff) {
      unexpected.push(q.name);
      console.log(`DISAGREE ${q.name}: ${diff}\n         tiegraph: ${tgText}` +
                  (q.kuzu ? `\n         Kuzu: ${kzText}` : ""));
    } else {
      unexpected.push(q.name);
      console.log(`AGREES   ${q.name} now, though marked known (${q.known}): remove the mark`);
    }
    if (args.verbose && !tg.error) console.log(`         ${JSON.stringify(tg.rows)}`);
  }
  console.log(`\n${queries.length} queries: ${agree} agree, ${known} known differences, ` +
              `${unexpected.length} unexpected${unexpected.length ? `: ${unexpected.join(", ")}` : ""}`);
  await conn.close();
  await db.close();
  process.exit(unexpected.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`kuzu_differential: ${e.stack || e}`);
  process.exit(1);
});
