import pino from "pino";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/health/check-readiness";
import { startWorker } from "./start-worker";

const log = pino({ level: "silent" });

describe("startWorker", () => {
  it("reports readiness only while a worker is alive", async () => {
    expect(await checkReadiness()).toMatchObject({
      ready: false,
      checks: { database: true, migrations: true, worker: false },
      message: "No job worker has reported in the last 30 seconds.",
    });
    const worker = await startWorker({ databaseUrl: env().DATABASE_URL!, concurrency: 1, log });
    try {
      expect(await checkReadiness()).toEqual({ ready: true, checks: { database: true, migrations: true, worker: true } });
    } finally {
      await worker.stop();
    }
    expect(await db().workerHeartbeat.count({ where: { workerId: worker.workerId } })).toBe(0);
    expect((await checkReadiness()).checks.worker).toBe(false);
  });

  it("runs queued jobs and lets an in-flight job finish when stopped", async () => {
    const events: string[] = [];
    let started!: () => void;
    const jobStarted = new Promise<void>((resolve) => (started = resolve));
    const worker = await startWorker({
      databaseUrl: env().DATABASE_URL!,
      concurrency: 1,
      log,
      taskList: {
        slow: async (payload) => {
          events.push(`start ${(payload as { n: number }).n}`);
          started();
          await new Promise((r) => setTimeout(r, 400));
          events.push(`finish ${(payload as { n: number }).n}`);
        },
      },
    });
    await worker.runner.addJob("slow", { n: 1 });
    await jobStarted;
    await worker.stop();
    events.push("stopped");

    expect(events).toEqual(["start 1", "finish 1", "stopped"]);
    const remaining = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM graphile_worker.jobs`;
    expect(Number(remaining[0]!.count)).toBe(0);
  });
});
