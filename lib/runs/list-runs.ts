import "server-only";
import { db } from "@/lib/db";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import type { TRunError, TRunListFilter, TRunListItem, TRunListPage } from "@/lib/runs/schemas";

export const RUNS_PAGE_SIZE = 50;

/** A page of runs matching the filter, newest first, as the runs list shows them. */
export async function listRuns({ filter, page = 1, pageSize = RUNS_PAGE_SIZE }: { filter: TRunListFilter; page?: number; pageSize?: number }): Promise<TRunListPage> {
  const where = buildRunWhere(filter);
  // Two queries side by side rather than a batch transaction: a count a moment apart from the
  // page is harmless, and the pg adapter runs a batch's queries on one client at once.
  const [rows, total] = await Promise.all([
    db().run.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(page, 1) - 1) * pageSize,
      take: pageSize,
      include: {
        workflow: { select: { id: true, name: true } },
        workflowVersion: { select: { version: true } },
        event: { select: { id: true, customEvent: { select: { name: true } } } },
        endUser: { select: { userId: true } },
      },
    }),
    db().run.count({ where }),
  ]);
  const items = rows.map(
    (run): TRunListItem => ({
      id: run.id,
      status: run.status,
      trigger: run.trigger,
      sourceRunId: run.sourceRunId,
      workflow: { id: run.workflow.id, name: run.workflow.name, version: run.workflowVersion.version },
      event: { id: run.event.id, name: run.event.customEvent.name },
      userId: run.endUser.userId,
      error: (run.error as TRunError | null) ?? null,
      createdAt: run.createdAt.toISOString(),
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    }),
  );
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
