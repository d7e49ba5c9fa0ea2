// npm run bench:workflows
// Starts the production server (embedded worker) on a fresh embedded database, with one active
// one-step workflow that POSTs each event to a local HTTP sink, then:
//   1. throughput: fires a burst of events through POST /run/event and measures runs finished
//      per second (from the runs' own timestamps, first start to last finish);
//   2. latency: fires 100 events/s for a while and measures accepted-to-finished latency
//      (event stored → run finished) p50/p99.
// Checks every run succeeded and the sink saw one request per run; writes docs/benchmarks.md.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { startHttpSink } from "../lib/testing/http-sink";

const PORT = 3302;
const DATA_DIR = ".data/bench-workflows";
const DEMO_API_KEY = `ce_live_${"w".repeat(43)}`;
const BURST = Number(process.env.BENCH_BURST ?? 5_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 20);
const CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ?? "20";

type TPhase = { label: string; events: number; runs: number; succeeded: number; runsPerSecond: number; p50: number; p99: number; apiRps: number };

async function waitForReady() {
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/api/ready`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not become ready");
}

async function waitForRuns(db: pg.Client, expected: number) {
  for (;;) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM runs WHERE status IN ('SUCCEEDED', 'FAILED')`);
    if (Number(rows[0]!.n) >= expected) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function measure(db: pg.Client, label: string, apiRps: number): Promise<TPhase> {
  const { rows } = await db.query<{ events: string; runs: string; succeeded: string; span: number; p50: number; p99: number }>(`
    SELECT (SELECT count(*) FROM events) AS events, count(*) AS runs, count(*) FILTER (WHERE r.status = 'SUCCEEDED') AS succeeded,
      EXTRACT(EPOCH FROM max(r."finishedAt") - min(r."startedAt"))::float AS span,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."finishedAt" - e."createdAt") * 1000) AS p50,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."finishedAt" - e."createdAt") * 1000) AS p99
    FROM runs r JOIN events e ON e.id = r."eventId"`);
  const row = rows[0]!;
  return {
    label,
    events: Number(row.events),
    runs: Number(row.runs),
    succeeded: Number(row.succeeded),
    runsPerSecond: Math.round(Number(row.runs) / Math.max(row.span, 0.001)),
    p50: Math.round(row.p50),
    p99: Math.round(row.p99),
    apiRps: Math.round(apiRps),
  };
}

async function main() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const sink = await startHttpSink({});
  const server = spawn("npm", ["start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR,
      PORT: String(PORT),
      EMBEDDED_DATABASE_PORT: "54461",
      DEMO_API_KEY,
      DEMO_NETSUITE_PORT: "0",
      LOG_LEVEL: "warn",
      WORKER_MODE: "embedded",
      WORKER_CONCURRENCY: CONCURRENCY,
    },
  });
  const stop = () => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : (server.once("exit", resolve), server.kill("SIGTERM"))));
  try {
    await waitForReady();
    const secrets = JSON.parse(readFileSync(`${DATA_DIR}/secrets.json`, "utf8")) as { embeddedDatabasePassword: string };
    const db = new pg.Client({ connectionString: `postgres://custom_events:${encodeURIComponent(secrets.embeddedDatabasePassword)}@127.0.0.1:54461/custom_events` });
    await db.connect();

    const workflowId = randomUUID();
    const versionId = randomUUID();
    const steps = [
      {
        id: "post",
        name: "Post to sink",
        action: "http.request",
        mapping: {
          "/method": { source: "constant", value: "POST" },
          "/url": { source: "constant", value: `${sink.url}/sink` },
          "/body": { source: "event", path: "" },
        },
      },
    ];
    await db.query(
      `INSERT INTO workflows (id, name, "customEventId", status, "allEndUsers", "updatedAt")
       SELECT $1, 'Bench workflow', id, 'ACTIVE', true, now() FROM custom_events WHERE name = 'create_invoice'`,
      [workflowId],
    );
    await db.query(`INSERT INTO workflow_versions (id, "workflowId", version, steps) VALUES ($1, $2, 1, $3)`, [versionId, workflowId, JSON.stringify(steps)]);
    await db.query(`UPDATE workflows SET "currentVersionId" = $1 WHERE id = $2`, [versionId, workflowId]);
    // Only the bench workflow: the demo one would call the (turned off) fake NetSuite.
    await db.query(`UPDATE workflows SET status = 'PAUSED' WHERE id <> $1`, [workflowId]);

    const url = `http://127.0.0.1:${PORT}/run/event`;
    const headers = { authorization: `bearer ${DEMO_API_KEY}`, "content-type": "application/json" };
    const body = JSON.stringify({ event: "create_invoice", userId: "demo-user", data: { id: "inv_1", invoiceNumber: "INV-1", invoiceAmount: 1250 } });
    const reset = async () => {
      await db.query("TRUNCATE runs, events CASCADE");
      sink.requests.length = 0;
    };

    // Warm-up: JIT, prepared statements, connection pools.
    await autocannon({ url, connections: 10, amount: 500, method: "POST", headers, body });
    await waitForRuns(db, 500);
    await reset();

    const phases: TPhase[] = [];
    const burst = await autocannon({ url, connections: 20, amount: BURST, method: "POST", headers, body, timeout: 30 });
    await waitForRuns(db, burst["2xx"]);
    phases.push(await measure(db, `burst of ${BURST} events (20 connections)`, burst.requests.average));
    const burstSink = sink.requests.length;
    await reset();

    const steady = await autocannon({ url, connections: 10, overallRate: RATE, duration: RATE_SECONDS, method: "POST", headers, body, timeout: 30 });
    await waitForRuns(db, steady["2xx"]);
    phases.push(await measure(db, `${RATE} events/s for ${RATE_SECONDS} s`, steady.requests.average));
    const steadySink = sink.requests.length;
    await db.end();

    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
    const table = [
      "| Load | Events | Runs | Succeeded | Runs finished/s | Accepted→finished p50 ms | p99 ms | API req/s |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...phases.map((p) => `| ${p.label} | ${p.events} | ${p.runs} | ${p.succeeded} | ${p.runsPerSecond} | ${p.p50} | ${p.p99} | ${p.apiRps} |`),
    ].join("\n");
    const allGood = phases.every((p) => p.runs === p.events && p.succeeded === p.runs) && burstSink === phases[0]!.runs && steadySink === phases[1]!.runs;
    const integrity = `Every run succeeded and the sink received one request per run: ${allGood ? "yes" : "NO"} (sink saw ${burstSink} and ${steadySink}).`;
    const section = `<!-- bench:workflows -->\n## Workflow runs\n\nCommand: \`npm run bench:workflows\` (one-step HTTP workflow to a local sink; API, worker with WORKER_CONCURRENCY=${CONCURRENCY}, embedded PostgreSQL, sink and load generator all on the same machine; LOG_LEVEL=warn).\nMachine: ${machine}.\n\n${table}\n\n${integrity}\n<!-- /bench:workflows -->`;
    const file = "docs/benchmarks.md";
    let doc = readFileSync(file, "utf8");
    doc = doc.includes("<!-- bench:workflows -->")
      ? doc.replace(/<!-- bench:workflows -->[\s\S]*<!-- \/bench:workflows -->/, section)
      : `${doc.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, doc);
    console.log(`${table}\n\n${integrity}`);
    if (!allGood) process.exitCode = 1;
  } finally {
    await stop();
    await sink.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
