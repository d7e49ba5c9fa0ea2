import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const TSX = path.resolve("node_modules/.bin/tsx");

function runWorker(extraEnv: Record<string, string | undefined>) {
  const child = spawn(TSX, ["scripts/worker.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", LOG_LEVEL: "info", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe("npm run worker (standalone worker process)", () => {
  it("joins through DATABASE_URL, heartbeats, and exits cleanly on SIGTERM", async () => {
    const before = await db().workerHeartbeat.count();
    const worker = runWorker({ DATABASE_URL: env().DATABASE_URL });
    await expect.poll(() => db().workerHeartbeat.count(), { timeout: 20_000, interval: 200 }).toBe(before + 1);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('"msg":"worker stopped"');
    expect(await db().workerHeartbeat.count()).toBe(before);
  });

  it("refuses to start without DATABASE_URL, saying why", async () => {
    const worker = runWorker({});
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("DATABASE_URL is not set. A standalone worker needs the app's database URL.");
  });

  it("names each invalid variable at boot", async () => {
    const worker = runWorker({ DATABASE_URL: "mysql://nope", WORKER_CONCURRENCY: "many" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("Invalid configuration:");
    expect(worker.output()).toContain('DATABASE_URL: must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db (got "mysql://nope")');
    expect(worker.output()).toContain('WORKER_CONCURRENCY: must be a whole number (got "many")');
  });
});
