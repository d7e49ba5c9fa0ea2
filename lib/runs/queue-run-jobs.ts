import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Queues the engine's job for runs just inserted in the same transaction (the engine contract:
 * the run row and its `run_workflow` job commit together, keyed `run:<id>`).
 */
export async function queueRunJobs({ tx, runIds }: { tx: Prisma.TransactionClient; runIds: string[] }) {
  if (runIds.length === 0) return;
  await tx.$executeRaw`
    SELECT graphile_worker.add_job('run_workflow', json_build_object('runId', id::text), job_key => 'run:' || id::text)
    FROM unnest(${runIds}::uuid[]) AS id`;
}
