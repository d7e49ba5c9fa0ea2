// npm run bench:workflows
// Starts the production server and a standalone worker (or, with BENCH_TOPOLOGY=embedded, the
// app's in-process worker) on a fresh embedded database, with one active
// one-step workflow that POSTs each event to a local HTTP sink, then:
//   1. throughput: fires a burst of events through POST /run/event and measures runs finished
//      per second (from the runs' own timestamps, first start to last finish);
//   2. latency: fires 100 events/s for a while and measures accepted-to-finished latency
//      (event stored → run finished) p50/p99.
// Checks every run succeeded and the sink saw one request per run; writes docs/benchmarks.md.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { describeMachine, loadTest, waitForOk, writeBenchSection } from "./bench-support";
import { startHttpSink } from "../lib/testing/http-sink";

const PORT = 3302;
const DATA_DIR = ".data/bench-workflows";
const DEMO_API_KEY = `ce_live_${"w".repeat(43)}`;
const BURST = Number(process.env.BENCH_BURST ?? 5_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 20);
const CONCURRENCY = process.env.BENCH_WORKER_CONCURRENCY ?? "20";
// "separate": the app with WORKER_MODE=off plus one `npm run worker` process (the documented way
// to scale: each has its own event loop); "embedded": the worker inside the app process.
const TOPOLOGY = process.env.BENCH_TOPOLOGY === "embedded" ? "embedded" : "separate";

type TPhase = { label: string; events: number; runs: number; succeeded: number; runsPerSecond: number; p50: number; p99: number; pickup: number; call: number; apiRps: number; apiP50: number };

async function waitForRuns(db: pg.Client, expected: number) {
  for (;;) {
    // Every stored run finished (a request autocannon stopped waiting for may still have stored one).
    const { rows } = await db.query<{ finished: string; pending: string }>(
      `SELECT count(*) FILTER (WHERE status IN ('SUCCEEDED', 'FAILED')) AS finished, count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING')) AS pending FROM runs`,
    );
    if (Number(rows[0]!.finished) >= expected && Number(rows[0]!.pending) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

type TLoad = { rps: number; latency: { p50: number } };

async function paced(url: string, headers: Record<string, string>, body: string, rate: number, seconds: number): Promise<TLoad & { "2xx": number }> {
  const started = performance.now();
  const latencies: number[] = [];
  let ok = 0;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    inFlight.push(
      fetch(url, { method: "POST", headers, body }).then(async (response) => {
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (response.ok) ok += 1;
      }),
    );
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return { rps: latencies.length / elapsed, latency: { p50: Math.round(latencies[Math.floor(latencies.length / 2)] ?? 0) }, "2xx": ok };
}

async function measure(db: pg.Client, label: string, api: TLoad): Promise<TPhase> {
  const { rows } = await db.query<{ events: string; runs: string; succeeded: string; span: number; p50: number; p99: number; pickup: number; call: number }>(`
    SELECT (SELECT count(*) FROM events) AS events, count(*) AS runs, count(*) FILTER (WHERE r.status = 'SUCCEEDED') AS succeeded,
      EXTRACT(EPOCH FROM max(r."finishedAt") - min(r."startedAt"))::float AS span,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."finishedAt" - e."createdAt") * 1000) AS p50,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."finishedAt" - e."createdAt") * 1000) AS p99,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM r."startedAt" - e."createdAt") * 1000) AS pickup,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY s."durationMs") AS call
    FROM runs r JOIN events e ON e.id = r."eventId" LEFT JOIN run_steps s ON s."runId" = r.id`);
  const row = rows[0]!;
  return {
    label,
    events: Number(row.events),
    runs: Number(row.runs),
    succeeded: Number(row.succeeded),
    runsPerSecond: Math.round(Number(row.runs) / Math.max(row.span, 0.001)),
    p50: Math.round(row.p50),
    p99: Math.round(row.p99),
    pickup: Math.round(row.pickup),
    call: Math.round(row.call),
    apiRps: Math.round(api.rps),
    apiP50: api.latency.p50,
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
      WORKER_MODE: TOPOLOGY === "embedded" ? "embedded" : "off",
      WORKER_CONCURRENCY: CONCURRENCY,
    },
  });
  let worker: ReturnType<typeof spawn> | undefined;
  const stopProcess = (child: ReturnType<typeof spawn> | undefined) =>
    new Promise((resolve) => (!child || child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.kill("SIGTERM"))));
  const stop = async () => {
    await stopProcess(worker);
    await stopProcess(server);
  };
  try {
    await waitForOk(PORT, "/api/health");
    const secrets = JSON.parse(readFileSync(`${DATA_DIR}/secrets.json`, "utf8")) as { embeddedDatabasePassword: string };
    const databaseUrl = `postgres://custom_events:${encodeURIComponent(secrets.embeddedDatabasePassword)}@127.0.0.1:54461/custom_events`;
    const startWorkerProcess = () => {
      worker = spawn("npm", ["run", "worker"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR, LOG_LEVEL: "warn", WORKER_CONCURRENCY: CONCURRENCY },
      });
    };
    if (TOPOLOGY === "separate") startWorkerProcess();
    await waitForOk(PORT, "/api/ready");
    const db = new pg.Client({ connectionString: databaseUrl });
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
    const burst = await loadTest({ url, connections: 20, amount: BURST, method: "POST", headers, body, timeout: 30 });
    await new Promise((r) => setTimeout(r, 1_000));
    await waitForRuns(db, burst["2xx"]);
    phases.push(await measure(db, `burst of ${BURST} events (20 connections)`, burst));
    const burstFailures = await db.query<{ error: string; n: string }>(`SELECT error->>'message' AS error, count(*) AS n FROM runs WHERE status <> 'SUCCEEDED' GROUP BY 1`);
    for (const f of burstFailures.rows) console.error(`not succeeded (${f.n}): ${f.error}`);
    let burstSink = sink.requests.length;
    await reset();

    if (TOPOLOGY === "separate") {
      // The worker's own throughput: a backlog fired with the worker stopped, then drained by
      // a fresh worker process (runs/s from the runs' first start to last finish).
      await stopProcess(worker);
      const backlog = await autocannon({ url, connections: 20, amount: BURST, method: "POST", headers, body, timeout: 30 });
      await new Promise((r) => setTimeout(r, 1_000));
      startWorkerProcess();
      await waitForRuns(db, backlog["2xx"]);
      const drained = await measure(db, `backlog of ${BURST} queued runs, drained`, { rps: NaN, latency: { p50: NaN } });
      phases.push({ ...drained, p50: NaN, p99: NaN, pickup: NaN });
      burstSink += sink.requests.length;
      await reset();
    }

    // Evenly paced (one request every 1000/RATE ms), as events arrive from a steady source;
    // autocannon's overallRate sends in per-connection bursts, which measures the bursts instead.
    const steady = await paced(url, headers, body, RATE, RATE_SECONDS);
    await new Promise((r) => setTimeout(r, 1_000));
    await waitForRuns(db, steady["2xx"]);
    phases.push(await measure(db, `${RATE} events/s for ${RATE_SECONDS} s`, steady));
    const steadySink = sink.requests.length;
    const failures = await db.query<{ error: string; n: string }>(`SELECT error->>'message' AS error, count(*) AS n FROM runs WHERE status <> 'SUCCEEDED' GROUP BY 1`);
    for (const f of failures.rows) console.error(`not succeeded (${f.n}): ${f.error}`);
    await db.end();

    const machine = describeMachine();
    const table = [
      "| Load | Events | Runs | Succeeded | Runs finished/s | Accepted→finished p50 ms | p99 ms | p50 queued→started ms | p50 HTTP call ms | API req/s | API p50 ms |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...phases.map((p) => `| ${[p.label, p.events, p.runs, p.succeeded, p.runsPerSecond, p.p50, p.p99, p.pickup, p.call, p.apiRps, p.apiP50].map((v) => (typeof v === "number" && Number.isNaN(v) ? "–" : v)).join(" | ")} |`),
    ].join("\n");
    const steadyPhase = phases[phases.length - 1]!;
    const allGood =
      phases.every((p) => p.runs === p.events && p.succeeded === p.runs) &&
      burstSink === phases.slice(0, -1).reduce((n, p) => n + p.runs, 0) &&
      steadySink === steadyPhase.runs;
    const integrity = `Every run succeeded and the sink received one request per run: ${allGood ? "yes" : "NO"} (sink saw ${burstSink} and ${steadySink}).`;
    writeBenchSection("workflows", `## Workflow runs\n\nCommand: \`npm run bench:workflows\` (one-step HTTP workflow to a local sink; ${TOPOLOGY === "separate" ? "the app (WORKER_MODE=off) and one \`npm run worker\` process" : "the app with its embedded worker"}, WORKER_CONCURRENCY=${CONCURRENCY}; embedded PostgreSQL, sink and load generator all on the same machine; LOG_LEVEL=warn).\nMachine: ${machine}.\n\n${table}\n\n${integrity}`);
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
