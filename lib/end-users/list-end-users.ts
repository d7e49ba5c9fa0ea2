import "server-only";
import { db } from "@/lib/db";

export const END_USERS_PAGE_SIZE = 50;

export async function listEndUsers({ page = 1, pageSize = END_USERS_PAGE_SIZE, search }: { page?: number; pageSize?: number; search?: string } = {}) {
  const term = search?.trim();
  const where = term
    ? {
        OR: [
          { userId: { contains: term, mode: "insensitive" as const } },
          { username: { contains: term, mode: "insensitive" as const } },
          { fullName: { contains: term, mode: "insensitive" as const } },
        ],
      }
    : {};
  const [items, total] = await db().$transaction([
    db().endUser.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (Math.max(page, 1) - 1) * pageSize, take: pageSize }),
    db().endUser.count({ where }),
  ]);
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
