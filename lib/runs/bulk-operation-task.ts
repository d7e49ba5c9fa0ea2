import "server-only";
import { randomUUID } from "node:crypto";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import { queueRunJobs } from "@/lib/runs/queue-run-jobs";
import { rerunData } from "@/lib/runs/rerun-data";
import { FINISHED_RUN_STATUSES, isUuid, ZBulkReplayParams } from "@/lib/runs/schemas";
import { BULK_OPERATION_TASK } from "@/lib/runs/start-bulk-replay";

// The worker side of bulk operations (registered as `bulk_operation` in lib/jobs/task-list.ts).
// Each job handles one batch in (createdAt, id) keyset order: it creates the replays with their
// jobs and advances the cursor and counters in one transaction, then queues the next batch.
// A crash between batches loses nothing: the cursor says where to go on.

export const BULK_BATCH_SIZE = 100;

const ZPayload = z.object({ operationId: z.string().refine(isUuid) });
const ZCursor = z.object({ createdAt: z.coerce.date(), id: z.string().refine(isUuid) });

/** Processes the next batch of a bulk operation; `finished` once nothing is left. */
export async function processBulkOperationBatch({ operationId, batchSize = BULK_BATCH_SIZE }: { operationId: string; batchSize?: number }) {
  return db().$transaction(
    async (tx): Promise<{ finished: boolean }> => {
      // The row lock makes two jobs of one operation (a retried job and its follow-up) take
      // turns, so no run is replayed twice.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM bulk_operations WHERE id = ${operationId}::uuid FOR UPDATE`;
      if (locked.length === 0) return { finished: true };
      const operation = await tx.bulkOperation.findUniqueOrThrow({ where: { id: operationId } });
      if (operation.status !== "RUNNING") return { finished: true };

      const params = operation.kind === "replay" ? ZBulkReplayParams.safeParse(operation.params) : undefined;
      if (!params?.success) {
        const error = operation.kind === "replay" ? "Its parameters are not a valid run filter." : `Unknown kind of bulk operation "${operation.kind}".`;
        await tx.bulkOperation.update({ where: { id: operation.id }, data: { status: "FAILED", finishedAt: new Date(), error } });
        return { finished: true };
      }
      const { filter, version } = params.data;
      const cursor = ZCursor.safeParse(operation.cursor);
      const after: Prisma.RunWhereInput = cursor.success
        ? { OR: [{ createdAt: { gt: cursor.data.createdAt } }, { createdAt: cursor.data.createdAt, id: { gt: cursor.data.id } }] }
        : {};

      const batch = await tx.run.findMany({
        where: {
          AND: [
            buildRunWhere(filter),
            { status: { in: [...FINISHED_RUN_STATUSES] } },
            // Only runs that existed when the operation started: its own replays are newer.
            { createdAt: { lte: operation.createdAt } },
            after,
          ],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
        select: {
          id: true,
          createdAt: true,
          workflowId: true,
          workflowVersionId: true,
          eventId: true,
          endUserId: true,
          customEventVersionId: true,
          workflow: { select: { currentVersionId: true } },
        },
      });

      const replays = batch.flatMap((run) => {
        const workflowVersionId = version === "original" ? run.workflowVersionId : run.workflow.currentVersionId;
        if (!workflowVersionId) return [];
        return [rerunData({ source: run, workflowVersionId, trigger: "REPLAY", createdById: operation.createdById, id: randomUUID() })];
      });
      if (replays.length > 0) {
        await tx.run.createMany({ data: replays });
        await queueRunJobs({ tx, runIds: replays.map((r) => r.id) });
      }

      const done = operation.done + replays.length;
      const failed = operation.failed + (batch.length - replays.length);
      const last = batch.at(-1);
      const finished = batch.length < batchSize;
      await tx.bulkOperation.update({
        where: { id: operation.id },
        data: {
          done,
          failed,
          ...(last ? { cursor: { createdAt: last.createdAt.toISOString(), id: last.id } } : {}),
          ...(failed > 0 ? { error: `${failed} run${failed === 1 ? " was" : "s were"} not replayed: the workflow has no current version.` } : {}),
          // Runs deleted or finished since the count make the total approximate; at the end it
          // is what was actually processed, so the progress ends at 100%.
          ...(finished ? { status: "SUCCEEDED" as const, finishedAt: new Date(), total: done + failed } : {}),
        },
      });
      return { finished };
    },
    { timeout: 60_000 },
  );
}

export const bulkOperationTask: Task = async (payload, helpers) => {
  const parsed = ZPayload.safeParse(payload);
  if (!parsed.success) {
    helpers.logger.error(`bulk_operation: ignoring a job without a valid operationId: ${JSON.stringify(payload)}`);
    return;
  }
  const { operationId } = parsed.data;
  try {
    const { finished } = await processBulkOperationBatch({ operationId });
    if (!finished) await helpers.addJob(BULK_OPERATION_TASK, { operationId }, { jobKey: `bulk:${operationId}` });
  } catch (error) {
    // On the last attempt, say so on the operation instead of leaving it "running" forever.
    if (helpers.job.attempts >= helpers.job.max_attempts) {
      await db()
        .bulkOperation.updateMany({
          where: { id: operationId, status: "RUNNING" },
          data: { status: "FAILED", finishedAt: new Date(), error: `Stopped after ${helpers.job.attempts} failed attempts: ${(error as Error).message}` },
        })
        .catch(() => undefined);
    }
    throw error;
  }
};
