import "server-only";
import { db } from "@/lib/db";
import { serializeBulkOperation } from "@/lib/runs/serialize-bulk-operation";

/** Bulk operations still in progress, oldest first, so the runs page shows them after a reload. */
export async function listRunningBulkOperations() {
  const operations = await db().bulkOperation.findMany({ where: { status: "RUNNING" }, orderBy: { createdAt: "asc" }, take: 10 });
  return operations.map(serializeBulkOperation);
}
