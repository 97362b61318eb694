// Kuzu's side of tools/bench/txn_bench.cc (docs/BENCHMARKS.md, "Living database (issue 12)"):
// the same changes, read from the same keys file (tiegraph_txn_bench pick), on a copy of the
// database tools/bench/kuzu_import.mjs builds (node table Institution(key STRING PRIMARY KEY,
// name, sector, kind, region), rel table Tie(FROM Institution TO Institution, key STRING,
// type STRING, strength DOUBLE, status STRING)). It changes the database: copy it first
// (cp DB.kz COPY.kz; Kuzu 0.11 keeps a database in one file, plus a .wal while open).
//
//   node tools/bench/kuzu_txn.mjs update DB KEYS --what strength|sector --commits one|each
//        [--match key|endpoints] [--limit N]
//   node tools/bench/kuzu_txn.mjs merge DB KEYS
//
// update, strength: one prepared statement per `tie` line of KEYS,
//   --match key (default):  MATCH (a:Institution)-[t:Tie {key: $k}]->(b:Institution)
//                           SET t.strength = $s
//   --match endpoints:      MATCH (a:Institution {key: $src})-[t:Tie {key: $k}]->
//                           (b:Institution {key: $dst}) SET t.strength = $s
//   A rel property has no index in Kuzu, so `key` scans the Tie table's key column for each
//   statement; `endpoints` finds the source through the primary-key index and scans its
//   adjacency list.
// update, sector: MATCH (i:Institution {key: $k}) SET i.sector = $s per `sector` line (the
//   primary-key index finds the node).
// --commits one: BEGIN TRANSACTION, every statement, COMMIT (through conn.query).
// --commits each: every statement in its own (auto-committed) transaction. Kuzu writes and
//   syncs its write-ahead log at each commit, as tiegraph does.
// --limit N: only the first N lines (to estimate a run that would take too long).
//
// merge: moves the ties of ABSORBED to KEPT (the `merge` line) in one transaction:
//   MATCH (b:Institution {key: $b})-[t:Tie]->(x:Institution), (a:Institution {key: $a})
//     WHERE x.key <> $a CREATE (a)-[:Tie {key: t.key, type: t.type, strength: t.strength,
//     status: t.status}]->(x)
//   the same for ties into ABSORBED, then DELETE of every old rel of ABSORBED (each
//   direction), then DELETE of the ABSORBED node. Nothing else: Kuzu has no name or alias
//   index, no digests and no history to maintain.
//
// Untimed checks afterwards read the changes back. Prints one JSON object on stdout.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const kuzuDir = process.env.KUZU_DIR || "/opt/kuzu";
const require = createRequire(path.join(path.resolve(kuzuDir), "package.json"));
const kuzu = require("kuzu");

function usage(msg) {
  if (msg) console.error(`kuzu_txn: ${msg}`);
  console.error(
    "usage: node kuzu_txn.mjs update DB KEYS --what strength|sector --commits one|each" +
      " [--match key|endpoints] [--limit N]\n" +
      "       node kuzu_txn.mjs merge DB KEYS");
  process.exit(1);
}

function parseArgs(argv) {
  const [mode, db, keys, ...rest] = argv;
  if (!mode || !db || !keys) usage();
  const a = { mode, db, keys, what: "", commits: "", match: "key", limit: Infinity };
  for (let i = 0; i < rest.length; ++i) {
    const f = rest[i];
    const value = () => {
      if (i + 1 >= rest.length) usage(`${f} needs a value`);
      return rest[++i];
    };
    if (f === "--what") a.what = value();
    else if (f === "--commits") a.commits = value();
    else if (f === "--match") a.match = value();
    else if (f === "--limit") a.limit = Number(value());
    else usage(`unknown option '${f}'`);
  }
  if (mode !== "update" && mode !== "merge") usage(`unknown mode '${mode}'`);
  if (mode === "update") {
    if (!["strength", "sector"].includes(a.what)) usage("--what is strength or sector");
    if (!["one", "each"].includes(a.commits)) usage("--commits is one or each");
    if (!["key", "endpoints"].includes(a.match)) usage("--match is key or endpoints");
  }
  if (!existsSync(db)) usage(`no database ${db}`);
  if (!existsSync(keys)) usage(`no keys file ${keys}`);
  return a;
}

function readKeys(file) {
  const k = { ties: [], sectors: [], deletes: [] };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const f = line.split("\t");
    if (f[0] === "merge") {
      Object.assign(k, { kept: f[1], absorbed: f[2], keptTies: +f[3], absorbedTies: +f[4],
                         between: +f[5] });
    } else if (f[0] === "tie") {
      k.ties.push({ key: f[1], source: f[2], target: f[3], strength: Number(f[4]) });
    } else if (f[0] === "sector") {
      k.sectors.push({ key: f[1], sector: f[2] });
    } else if (f[0] === "delete") {
      k.deletes.push({ key: f[1], source: f[2], target: f[3] });
    }
  }
  return k;
}

const now = () => Number(process.hrtime.bigint()) / 1e9;
const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function rows(result) {
  const results = Array.isArray(result) ? result : [result];
  const out = [];
  for (const r of results) {
    out.push(...r.getAllSync());
    r.close();
  }
  return out;
}

function percentile(xs, p) {
  const v = [...xs].sort((a, b) => a - b);
  const rank = Math.min(v.length, Math.max(1, Math.ceil((p / 100) * v.length)));
  return v[rank - 1];
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const k = readKeys(a.keys);
  const t0 = now();
  const db = new kuzu.Database(a.db);
  await db.init();
  const conn = new kuzu.Connection(db);
  await conn.init();
  const t1 = now();
  const out = { kuzu_version: kuzu.VERSION, mode: a.mode, open_seconds: round(t1 - t0) };

  if (a.mode === "update") {
    const strength = a.what === "strength";
    const lines = (strength ? k.ties : k.sectors).slice(0, a.limit);
    const statement = !strength
      ? "MATCH (i:Institution {key: $k}) SET i.sector = $s"
      : a.match === "key"
        ? "MATCH (a:Institution)-[t:Tie {key: $k}]->(b:Institution) SET t.strength = $s"
        : "MATCH (a:Institution {key: $src})-[t:Tie {key: $k}]->(b:Institution {key: $dst}) " +
          "SET t.strength = $s";
    const ps = conn.prepareSync(statement);
    if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
    const params = (l) => strength
      ? (a.match === "key" ? { k: l.key, s: l.strength }
                           : { k: l.key, s: l.strength, src: l.source, dst: l.target })
      : { k: l.key, s: l.sector };
    Object.assign(out, { what: a.what, commits: a.commits, match: strength ? a.match : "key (primary)",
                         statement, changes: lines.length });
    const each = [];
    const s0 = now();
    if (a.commits === "one") rows(await conn.query("BEGIN TRANSACTION"));
    const s1 = now();
    for (const l of lines) {
      const u0 = now();
      rows(conn.executeSync(ps, params(l)));
      each.push(now() - u0);
    }
    const s2 = now();
    if (a.commits === "one") rows(await conn.query("COMMIT"));
    const s3 = now();
    const total = s3 - s0;
    Object.assign(out, {
      begin_seconds: round(s1 - s0), statements_seconds: round(s2 - s1),
      commit_seconds: round(s3 - s2), total_seconds: round(total),
      changes_per_second: Math.round(lines.length / total),
      statement_p50_ms: round(percentile(each, 50) * 1e3, 3),
      statement_p99_ms: round(percentile(each, 99) * 1e3, 3),
      statement_max_ms: round(percentile(each, 100) * 1e3, 3),
    });
    // Untimed: read every change back.
    const check = conn.prepareSync(strength
      ? "MATCH (a:Institution {key: $src})-[t:Tie {key: $k}]->(b:Institution) RETURN t.strength AS v"
      : "MATCH (i:Institution {key: $k}) RETURN i.sector AS v");
    let wrong = 0;
    for (const l of lines) {
      const r = rows(conn.executeSync(check, strength ? { k: l.key, src: l.source } : { k: l.key }));
      if (r.length !== 1 || r[0].v !== (strength ? l.strength : l.sector)) ++wrong;
    }
    out.check_wrong = wrong;
  } else {
    const p = { a: k.kept, b: k.absorbed };
    const steps = [
      ["create_out",
       "MATCH (b:Institution {key: $b})-[t:Tie]->(x:Institution), (a:Institution {key: $a}) " +
       "WHERE x.key <> $a CREATE (a)-[:Tie {key: t.key, type: t.type, strength: t.strength, " +
       "status: t.status}]->(x) RETURN count(*) AS n"],
      ["create_in",
       "MATCH (x:Institution)-[t:Tie]->(b:Institution {key: $b}), (a:Institution {key: $a}) " +
       "WHERE x.key <> $a CREATE (x)-[:Tie {key: t.key, type: t.type, strength: t.strength, " +
       "status: t.status}]->(a) RETURN count(*) AS n"],
      ["delete_out", "MATCH (b:Institution {key: $b})-[t:Tie]->() DELETE t RETURN count(*) AS n"],
      ["delete_in", "MATCH ()-[t:Tie]->(b:Institution {key: $b}) DELETE t RETURN count(*) AS n"],
      ["delete_node", "MATCH (b:Institution {key: $b}) DELETE b RETURN count(*) AS n"],
    ];
    const prepared = steps.map(([name, q]) => {
      const ps = conn.prepareSync(q);
      if (!ps.isSuccess()) throw new Error(`${name}: ${ps.getErrorMessage()}`);
      return [name, ps, q.includes("$a")];
    });
    const before = rows(conn.querySync(
      `MATCH (a:Institution {key: '${k.kept}'})-[t:Tie]-() RETURN count(t) AS n`))[0].n;
    const s0 = now();
    rows(await conn.query("BEGIN TRANSACTION"));
    const counts = {};
    for (const [name, ps, usesA] of prepared) {
      const r = rows(conn.executeSync(ps, usesA ? p : { b: p.b }));
      counts[name] = Number(r[0].n);
    }
    const s1 = now();
    rows(await conn.query("COMMIT"));
    const s2 = now();
    const after = rows(conn.querySync(
      `MATCH (a:Institution {key: '${k.kept}'})-[t:Tie]-() RETURN count(t) AS n`))[0].n;
    const gone = rows(conn.querySync(
      `MATCH (b:Institution {key: '${k.absorbed}'}) RETURN count(b) AS n`))[0].n;
    Object.assign(out, {
      kept: k.kept, absorbed: k.absorbed, kept_ties: k.keptTies, absorbed_ties: k.absorbedTies,
      counts, statements_seconds: round(s1 - s0), commit_seconds: round(s2 - s1),
      total_seconds: round(s2 - s0), kept_ties_before: Number(before),
      kept_ties_after: Number(after), absorbed_left: Number(gone),
    });
  }
  const c0 = now();
  await conn.close();
  await db.close();
  out.close_seconds = round(now() - c0);
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(`kuzu_txn: ${e && e.message ? e.message : e}`);
  process.exit(2);
});
