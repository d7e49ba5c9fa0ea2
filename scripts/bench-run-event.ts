// npm run bench:run-event
// Starts the production server on a fresh embedded database, drives POST /run/event on
// loopback with autocannon (3-field event, one matching workflow, 10 and 50 connections, and 50
// with an Idempotency-Key per request),
// checks that every 200 stored exactly one event, measures a bare Node HTTP server in the
// same run as the ceiling, and writes the results to docs/benchmarks.md.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { describeMachine, loadTest, waitForOk, writeBenchSection } from "./bench-support";

const PORT = 3300;
const CEILING_PORT = 3301;
const DATA_DIR = ".data/bench";
const DEMO_API_KEY = `ce_live_${"b".repeat(43)}`;
// A fixed number of requests per step (not a duration), so every request completes before
// the stored rows are counted.
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const BODY = JSON.stringify({ event: "create_invoice", userId: "demo-user", data: { id: "inv_1", invoiceNumber: "INV-1", invoiceAmount: 1250 } });

type TResult = { label: string; connections: number; rps: number; p50: number; p99: number; ok: number; errors: number };

async function load(label: string, url: string, connections: number, headers: Record<string, string>, amount = REQUESTS, uniqueKeys = false): Promise<TResult> {
  // With uniqueKeys, every request carries its own Idempotency-Key, as careful clients send.
  const requests = uniqueKeys ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...headers, "idempotency-key": randomUUID() } }) }] : undefined;
  const result = await loadTest({ url, connections, amount, timeout: 30, method: "POST", headers, body: BODY, requests });
  const ok = result["2xx"];
  return { label, connections, rps: Math.round(result.rps), p50: result.latency.p50, p99: result.latency.p99, ok, errors: result.non2xx + result.errors + result.timeouts };
}

async function main() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = spawn("npm", ["start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: "", DATA_DIR, PORT: String(PORT), EMBEDDED_DATABASE_PORT: "54460", DEMO_API_KEY, DEMO_NETSUITE_PORT: "0", LOG_LEVEL: "warn", WORKER_MODE: "off" },
  });
  const stop = () => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : (server.once("exit", resolve), server.kill("SIGTERM"))));
  try {
    // WORKER_MODE=off: /api/ready would say "no worker", so the process being up is the signal.
    await waitForOk(PORT, "/api/health");
    const secrets = JSON.parse(readFileSync(`${DATA_DIR}/secrets.json`, "utf8")) as { embeddedDatabasePassword: string };
    const db = new pg.Client({ connectionString: `postgres://custom_events:${encodeURIComponent(secrets.embeddedDatabasePassword)}@127.0.0.1:54460/custom_events` });
    await db.connect();

    // One active workflow on create_invoice for all end users.
    const workflowId = randomUUID();
    const versionId = randomUUID();
    await db.query(
      `INSERT INTO workflows (id, name, "customEventId", status, "allEndUsers", "updatedAt")
       SELECT $1, 'Bench workflow', id, 'ACTIVE', true, now() FROM custom_events WHERE name = 'create_invoice'`,
      [workflowId],
    );
    await db.query(`INSERT INTO workflow_versions (id, "workflowId", version, steps) VALUES ($1, $2, 1, '[]')`, [versionId, workflowId]);
    await db.query(`UPDATE workflows SET "currentVersionId" = $1 WHERE id = $2`, [versionId, workflowId]);

    const headers = { authorization: `bearer ${DEMO_API_KEY}`, "content-type": "application/json" };
    const url = `http://127.0.0.1:${PORT}/run/event`;
    await load("warm-up", url, 10, headers, 2_000);
    await db.query("TRUNCATE runs, events CASCADE");
    await db.query("DELETE FROM graphile_worker.jobs").catch(() => undefined);

    const results: TResult[] = [];
    results.push(await load("POST /run/event", url, 10, headers));
    results.push(await load("POST /run/event", url, 50, headers));
    results.push(await load("POST /run/event, each with its own Idempotency-Key", url, 50, headers, REQUESTS, true));
    const { rows } = await db.query<{ events: string; runs: string }>(`SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM runs) AS runs`);
    await db.end();
    const ok = results.reduce((n, r) => n + r.ok, 0);
    const stored = Number(rows[0]!.events);
    const runs = Number(rows[0]!.runs);

    // The ceiling: a bare Node HTTP server answering the same JSON, same machine, same run.
    const ceiling = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ message: "Event successfully triggered", eventId: randomUUID(), runs: [] }));
      });
    });
    await new Promise<void>((resolve) => ceiling.listen(CEILING_PORT, "127.0.0.1", resolve));
    results.push(await load("bare Node http (ceiling)", `http://127.0.0.1:${CEILING_PORT}/`, 50, headers, REQUESTS * 5));
    ceiling.close();

    const machine = describeMachine();
    const table = [
      "| Target | Connections | Requests/s | p50 ms | p99 ms | 2xx | Other |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      ...results.map((r) => `| ${r.label} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.errors} |`),
    ].join("\n");
    const integrity = `Every 200 stored: ${ok} responses with status 200, ${stored} events and ${runs} runs stored (${stored === ok && runs === ok ? "match" : "MISMATCH"}).`;
    writeBenchSection(
      "run-event",
      `## POST /run/event\n\nCommand: \`npm run bench:run-event\` (${REQUESTS} requests per step, autocannon on loopback, LOG_LEVEL=warn, WORKER_MODE=off, embedded PostgreSQL on the same machine).\nMachine: ${machine}.\n\n${table}\n\n${integrity}`,
    );
    console.log(`${table}\n\n${integrity}`);
    if (stored !== ok || runs !== ok) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
