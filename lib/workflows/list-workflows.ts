import "server-only";
import { db } from "@/lib/db";

export const WORKFLOWS_PAGE_SIZE = 25;

/** Workflows with their trigger, current version and the time of their last run, newest first. */
export async function listWorkflows({ page = 1 }: { page?: number } = {}) {
  const [rows, total] = await Promise.all([
    db().workflow.findMany({
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * WORKFLOWS_PAGE_SIZE,
      take: WORKFLOWS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        status: true,
        allEndUsers: true,
        updatedAt: true,
        customEvent: { select: { name: true } },
        currentVersion: { select: { version: true, steps: true } },
        _count: { select: { endUsers: true } },
        runs: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, status: true } },
      },
    }),
    db().workflow.count(),
  ]);
  return {
    total,
    pageSize: WORKFLOWS_PAGE_SIZE,
    workflows: rows.map((w) => ({
      id: w.id,
      name: w.name,
      status: w.status,
      eventName: w.customEvent.name,
      version: w.currentVersion?.version ?? null,
      stepCount: Array.isArray(w.currentVersion?.steps) ? w.currentVersion.steps.length : 0,
      endUsers: w.allEndUsers ? "All end users" : `${w._count.endUsers} end user${w._count.endUsers === 1 ? "" : "s"}`,
      lastRun: w.runs[0] ?? null,
      updatedAt: w.updatedAt,
    })),
  };
}
