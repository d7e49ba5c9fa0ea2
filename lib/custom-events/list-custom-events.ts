import "server-only";
import { db } from "@/lib/db";

export const CUSTOM_EVENTS_PAGE_SIZE = 25;

export async function listCustomEvents({
  page = 1,
  includeArchived = false,
  pageSize = CUSTOM_EVENTS_PAGE_SIZE,
}: { page?: number; includeArchived?: boolean; pageSize?: number } = {}) {
  const where = includeArchived ? {} : { archivedAt: null };
  const [items, total] = await db().$transaction([
    db().customEvent.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (Math.max(page, 1) - 1) * pageSize,
      take: pageSize,
      include: {
        currentVersion: { select: { version: true, schema: true, createdAt: true, createdByName: true } },
        workflows: { select: { id: true, name: true, status: true }, orderBy: { name: "asc" } },
      },
    }),
    db().customEvent.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export async function listCustomEventVersions({ name }: { name: string }) {
  return db().customEventVersion.findMany({
    where: { customEvent: { name } },
    orderBy: { version: "desc" },
  });
}
