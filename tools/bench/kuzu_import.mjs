// Loads institutions.csv and ties.csv (tools/bench/generate_network.py) into a fresh Kuzu
// database with COPY FROM and prints the timings as one JSON object on stdout.
//
//   node tools/bench/kuzu_import.mjs [--endpoints-only] DB_PATH INSTITUTIONS_CSV TIES_CSV
//
// The rel table is Tie(FROM Institution TO Institution, key STRING, type STRING,
// strength DOUBLE, status STRING), loaded with COPY Tie FROM 'ties.csv' (HEADER=true), whose
// columns after source,target must follow the rel table's properties in order.
// --endpoints-only is a reference point, not a like-for-like run: the rel table has no
// properties and is loaded from the same file with COPY Tie FROM (LOAD FROM 'ties.csv'
// (HEADER=true) RETURN source, target), so only the graph structure is stored.
//
// Kuzu is loaded from $KUZU_DIR/node_modules (default /opt/kuzu), where
//   mkdir -p /opt/kuzu && cd /opt/kuzu && npm init -y && npm install kuzu@0.11.3
// puts it. DB_PATH must not exist yet (Kuzu 0.11 keeps a database in one file plus a .wal).
// One database per process: run this once per measurement.
//
// Timed separately: opening the database and creating the schema, the node COPY, the rel COPY,
// and closing the database (which checkpoints the WAL into the data file). `copy_seconds` is
// node + rel COPY; `total_seconds` is everything from open to close.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";

const kuzuDir = process.env.KUZU_DIR || "/opt/kuzu";
const require = createRequire(path.join(path.resolve(kuzuDir), "package.json"));
const kuzu = require("kuzu");

function usage(msg) {
  if (msg) console.error(`kuzu_import: ${msg}`);
  console.error("usage: node kuzu_import.mjs DB_PATH INSTITUTIONS_CSV TIES_CSV");
  process.exit(1);
}

// Kuzu string literals are single-quoted; escape backslashes and quotes in paths.
const quote = (s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

async function run(conn, statement) {
  const result = await conn.query(statement);
  const results = Array.isArray(result) ? result : [result];
  const rows = [];
  for (const r of results) {
    rows.push(...(await r.getAll()));
    r.close();
  }
  return rows;
}

async function main() {
  const args = process.argv.slice(2);
  const endpointsOnly = args[0] === "--endpoints-only";
  if (endpointsOnly) args.shift();
  const [dbPath, institutions, ties] = args;
  if (!dbPath || !institutions || !ties) usage();
  if (existsSync(dbPath)) usage(`${dbPath} already exists; give a fresh path`);
  for (const f of [institutions, ties]) if (!existsSync(f)) usage(`no such file: ${f}`);

  const now = () => Number(process.hrtime.bigint()) / 1e9;
  const t0 = now();
  const db = new kuzu.Database(dbPath);
  await db.init();
  const conn = new kuzu.Connection(db);
  await conn.init();
  await run(conn,
    "CREATE NODE TABLE Institution(key STRING PRIMARY KEY, name STRING, sector STRING, " +
    "kind STRING, region STRING)");
  await run(conn, endpointsOnly
    ? "CREATE REL TABLE Tie(FROM Institution TO Institution)"
    : "CREATE REL TABLE Tie(FROM Institution TO Institution, key STRING, type STRING, " +
      "strength DOUBLE, status STRING)");
  const t1 = now();
  const nodeRows = await run(conn,
    `COPY Institution FROM ${quote(path.resolve(institutions))} (HEADER=true)`);
  const t2 = now();
  const tiesPath = quote(path.resolve(ties));
  const relRows = await run(conn, endpointsOnly
    ? `COPY Tie FROM (LOAD FROM ${tiesPath} (HEADER=true) RETURN source, target)`
    : `COPY Tie FROM ${tiesPath} (HEADER=true)`);
  const t3 = now();
  const counts = await run(conn,
    "MATCH (i:Institution) WITH count(i) AS n MATCH ()-[t:Tie]->() RETURN n, count(t) AS m");
  const t4 = now();
  await conn.close();
  await db.close();
  const t5 = now();

  const n = Number(counts[0].n), m = Number(counts[0].m);
  const copy = (t2 - t1) + (t3 - t2);
  const round = (x) => Math.round(x * 1e4) / 1e4;
  console.log(JSON.stringify({
    kuzu_version: kuzu.VERSION,
    rel_properties: endpointsOnly ? "none (endpoints only)" : "key, type, strength, status",
    threads: (await import("node:os")).availableParallelism(),
    institutions: n,
    ties: m,
    open_schema_seconds: round(t1 - t0),
    node_copy_seconds: round(t2 - t1),
    rel_copy_seconds: round(t3 - t2),
    copy_seconds: round(copy),
    close_seconds: round(t5 - t4),
    total_seconds: round((t5 - t0) - (t4 - t3)),  // without the count query
    ties_per_second: Math.round(m / (t3 - t2)),
    node_copy_message: Object.values(nodeRows[0] || {})[0],
    rel_copy_message: Object.values(relRows[0] || {})[0],
  }));
}

main().catch((e) => {
  console.error(`kuzu_import: ${e && e.message ? e.message : e}`);
  process.exit(2);
});
