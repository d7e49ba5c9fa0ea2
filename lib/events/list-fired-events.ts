import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const EVENT_LOG_PAGE_SIZE = 50;

export const ZEventLogFilter = z.object({
  event: z.string().trim().optional(),
  userId: z.string().trim().optional(),
  source: z.enum(["API", "FORM", "TEST"]).optional().catch(undefined),
  from: z.coerce.date().optional().catch(undefined),
  to: z.coerce.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type TEventLogFilter = z.infer<typeof ZEventLogFilter>;

export async function listFiredEvents(filter: TEventLogFilter) {
  const where: Prisma.EventWhereInput = {
    ...(filter.event ? { customEvent: { name: filter.event } } : {}),
    ...(filter.userId ? { endUser: { userId: filter.userId } } : {}),
    ...(filter.source ? { source: filter.source } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
  };
  const [items, total] = await db().$transaction([
    db().event.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * EVENT_LOG_PAGE_SIZE,
      take: EVENT_LOG_PAGE_SIZE,
      include: {
        customEvent: { select: { name: true } },
        customEventVersion: { select: { version: true } },
        endUser: { select: { userId: true } },
        _count: { select: { runs: true } },
      },
    }),
    db().event.count({ where }),
  ]);
  return { items, total, pageCount: Math.max(1, Math.ceil(total / EVENT_LOG_PAGE_SIZE)) };
}
