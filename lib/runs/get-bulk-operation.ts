import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/runs/schemas";
import { serializeBulkOperation } from "@/lib/runs/serialize-bulk-operation";

/** A bulk operation's progress, as the runs page polls it. */
export async function getBulkOperationOrThrow(operationId: string) {
  const operation = isUuid(operationId) ? await db().bulkOperation.findUnique({ where: { id: operationId } }) : null;
  if (!operation) throw new AppError("not_found", { message: `There is no bulk operation with id "${operationId}".` });
  return serializeBulkOperation(operation);
}
