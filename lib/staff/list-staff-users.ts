import "server-only";
import { db } from "@/lib/db";

export const STAFF_PAGE_SIZE = 25;

export async function listStaffUsers({ page = 1 }: { page?: number } = {}) {
  const [items, total] = await db().$transaction([
    db().staffUser.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (Math.max(page, 1) - 1) * STAFF_PAGE_SIZE,
      take: STAFF_PAGE_SIZE,
    }),
    db().staffUser.count(),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)) };
}
