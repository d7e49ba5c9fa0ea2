import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { Logger, run, type Runner, type TaskList, type WorkerEvents } from "graphile-worker";
import type pino from "pino";
import { poolConfigFromUrl } from "@/lib/db/pg-config";
import { taskList as defaultTaskList } from "@/lib/jobs/task-list";

// Starts a graphile-worker runner on the app's own database, plus a heartbeat row that
// /api/ready reads to know some worker is alive. Any number of these may run, in the app
// process or standalone (`npm run worker`), on any machine: that is how runs scale out.
//
// A worker that dies without stopping (SIGKILL, lost machine) leaves its jobs locked, and
// graphile-worker would only take them back after 4 hours. So each heartbeat row lists the
// process's graphile worker ids, and every live worker, at each beat, deletes heartbeats older
// than `lostAfterSeconds` and unlocks their jobs (graphile_worker.force_unlock_workers): the
// dead worker's runs are picked up by the others and finished (the engine is re-entrant).

export const DEFAULT_LOST_AFTER_SECONDS = 30;

export type TWorker = { workerId: string; runner: Runner; stop: () => Promise<void> };

export async function startWorker({
  databaseUrl,
  concurrency,
  log,
  taskList = defaultTaskList,
  lostAfterSeconds = DEFAULT_LOST_AFTER_SECONDS,
}: {
  databaseUrl: string;
  concurrency: number;
  log: pino.Logger;
  taskList?: TaskList;
  lostAfterSeconds?: number;
}): Promise<TWorker> {
  const heartbeatMs = Math.max(500, Math.floor((lostAfterSeconds * 1000) / 6));
  const pool = new pg.Pool(poolConfigFromUrl(databaseUrl, concurrency + 2));
  pool.on("error", (error) => log.error({ err: error }, "worker database pool error"));
  pool.on("connect", (client) => client.on("error", (error) => log.warn({ err: error }, "worker database client error")));
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const graphileLogger = new Logger((scope) => (level, message, meta) => {
    const method = level === "error" ? "error" : level === "warning" ? "warn" : level === "info" ? "info" : "debug";
    log[method]({ scope, ...meta }, message);
  });

  const jobWorkerIds: string[] = [];
  const events: WorkerEvents = new EventEmitter();
  // graphile-worker locks jobs under its pool's id (and, in some modes, a worker's id): keep both.
  events.on("pool:create", ({ workerPool }) => jobWorkerIds.push(workerPool.id));
  events.on("worker:create", ({ worker }) => jobWorkerIds.push(worker.workerId));

  const runner = await run({
    events,
    pgPool: pool,
    concurrency,
    taskList,
    logger: graphileLogger,
    noHandleSignals: true, // the process owns its signals and drains us on SIGTERM
    pollInterval: 1_000,
    // Throughput (graphile-worker's batching): the pool fetches and locks a few jobs at once and
    // hands them to free slots without a round trip each, and completions in the same tick are
    // written together. Locked-but-queued jobs are under the pool's id, which the heartbeat
    // records, so a lost worker's queue is unlocked like its running jobs.
    preset: { worker: { localQueue: { size: concurrency + 1 }, completeJobBatchDelay: 0 } },
    crontab: "", // no crontab file; scheduled jobs are added in code
  });

  const beat = async () => {
    await pool.query(
      `INSERT INTO worker_heartbeats ("workerId", hostname, pid, "startedAt", "beatAt", "jobWorkerIds") VALUES ($1, $2, $3, now(), now(), $4)
       ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now(), "jobWorkerIds" = EXCLUDED."jobWorkerIds"`,
      [workerId, hostname(), process.pid, jobWorkerIds],
    );
    const { rows } = await pool.query<{ workerId: string; jobWorkerIds: string[] }>(
      `WITH lost AS (
         DELETE FROM worker_heartbeats WHERE "beatAt" < now() - make_interval(secs => $1) RETURNING "workerId", "jobWorkerIds"
       ), unlocked AS (
         SELECT graphile_worker.force_unlock_workers(COALESCE((SELECT array_agg(id) FROM lost, unnest(lost."jobWorkerIds") AS id), '{}'))
       )
       SELECT lost."workerId", lost."jobWorkerIds" FROM lost, unlocked`,
      [lostAfterSeconds],
    );
    for (const lost of rows) log.warn({ lostWorkerId: lost.workerId, jobWorkerIds: lost.jobWorkerIds }, "worker lost; its jobs were unlocked");
  };
  await beat();
  const timer = setInterval(() => {
    beat().catch((error) => log.warn({ err: error }, "worker heartbeat failed"));
  }, heartbeatMs);
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
