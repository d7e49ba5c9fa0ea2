import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRunListFilter } from "@/lib/runs/schemas";

/** The runs a filter selects, for the list, its count and bulk replays alike. */
export function buildRunWhere(filter: TRunListFilter): Prisma.RunWhereInput {
  const createdAt: Prisma.DateTimeFilter = {
    ...(filter.since ? { gte: filter.since } : {}),
    ...(filter.until ? { lte: filter.until } : {}),
  };
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.trigger ? { trigger: filter.trigger } : {}),
    ...(filter.workflowId ? { workflowId: filter.workflowId } : {}),
    ...(filter.event ? { workflow: { customEvent: { name: filter.event } } } : {}),
    ...(filter.userId ? { endUser: { userId: filter.userId } } : {}),
    ...(filter.since || filter.until ? { createdAt } : {}),
  };
}
