import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { Logger, run, type Runner, type TaskList } from "graphile-worker";
import type pino from "pino";
import { poolConfigFromUrl } from "@/lib/db/pg-config";
import { taskList as defaultTaskList } from "@/lib/jobs/task-list";

// Starts a graphile-worker runner on the app's own database, plus a heartbeat row that
// /api/ready reads to know some worker is alive. Any number of these may run, in the app
// process or standalone (`npm run worker`), on any machine: that is how runs scale out.

export const HEARTBEAT_INTERVAL_MS = 5_000;

export type TWorker = { workerId: string; runner: Runner; stop: () => Promise<void> };

export async function startWorker({
  databaseUrl,
  concurrency,
  log,
  taskList = defaultTaskList,
}: {
  databaseUrl: string;
  concurrency: number;
  log: pino.Logger;
  taskList?: TaskList;
}): Promise<TWorker> {
  const pool = new pg.Pool(poolConfigFromUrl(databaseUrl, concurrency + 2));
  pool.on("error", (error) => log.error({ err: error }, "worker database pool error"));
  pool.on("connect", (client) => client.on("error", (error) => log.warn({ err: error }, "worker database client error")));
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const graphileLogger = new Logger((scope) => (level, message, meta) => {
    const method = level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    log[method]({ scope, ...meta }, message);
  });

  const runner = await run({
    pgPool: pool,
    concurrency,
    taskList,
    logger: graphileLogger,
    noHandleSignals: true, // the process owns its signals and drains us on SIGTERM
    pollInterval: 1_000,
    crontab: "", // no crontab file; scheduled jobs are added in code
  });

  const beat = () =>
    pool.query(
      `INSERT INTO worker_heartbeats ("workerId", hostname, pid, "startedAt", "beatAt") VALUES ($1, $2, $3, now(), now())
       ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`,
      [workerId, hostname(), process.pid],
    );
  await beat();
  const timer = setInterval(() => {
    beat().catch((error) => log.warn({ err: error }, "worker heartbeat failed"));
  }, HEARTBEAT_INTERVAL_MS);
  timer.unref();
  log.info({ workerId, concurrency }, "worker started");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(timer);
      log.info({ workerId }, "worker draining in-flight jobs");
      await runner.stop();
      await pool.query(`DELETE FROM worker_heartbeats WHERE "workerId" = $1`, [workerId]).catch(() => undefined);
      await pool.end();
      log.info({ workerId }, "worker stopped");
    })();
    return stopping;
  };
  return { workerId, runner, stop };
}
