import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import { FINISHED_RUN_STATUSES, runFilterToParams, type TRunListFilter, type TRunVersionChoice } from "@/lib/runs/schemas";
import { serializeBulkOperation } from "@/lib/runs/serialize-bulk-operation";

export const BULK_OPERATION_TASK = "bulk_operation";

/**
 * Starts replaying every finished run the filter selects: records the operation with the count
 * at this moment and queues its first batch job, in one transaction. The worker
 * (bulk-operation-task.ts) then replays the runs in batches, only those created up to now.
 */
export async function startBulkReplay({ filter, version, staffId }: { filter: TRunListFilter; version: TRunVersionChoice; staffId: string | null }) {
  const where: Prisma.RunWhereInput = { AND: [buildRunWhere(filter), { status: { in: [...FINISHED_RUN_STATUSES] } }] };
  return db().$transaction(async (tx) => {
    const total = await tx.run.count({ where });
    if (total === 0) {
      throw new AppError("bad_request", { message: "No finished run matches this filter, so there is nothing to replay." });
    }
    const operation = await tx.bulkOperation.create({
      data: { kind: "replay", params: { filter: runFilterToParams(filter), version }, total, createdById: staffId },
    });
    await tx.$executeRaw`
      SELECT graphile_worker.add_job(${BULK_OPERATION_TASK}, json_build_object('operationId', ${operation.id}::text), job_key => 'bulk:' || ${operation.id}::text)`;
    return serializeBulkOperation(operation);
  });
}
