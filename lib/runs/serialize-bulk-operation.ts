import "server-only";
import type { BulkOperation } from "@/lib/generated/prisma/client";
import { runFilterToParams, ZBulkReplayParams, type TBulkOperation } from "@/lib/runs/schemas";

export function serializeBulkOperation(operation: BulkOperation): TBulkOperation {
  const params = ZBulkReplayParams.safeParse(operation.params);
  return {
    id: operation.id,
    kind: operation.kind,
    status: operation.status,
    version: params.success ? params.data.version : null,
    filter: params.success ? runFilterToParams(params.data.filter) : {},
    total: operation.total,
    done: operation.done,
    failed: operation.failed,
    error: operation.error,
    createdAt: operation.createdAt.toISOString(),
    finishedAt: operation.finishedAt?.toISOString() ?? null,
  };
}
