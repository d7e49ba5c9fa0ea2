import "server-only";
import { db } from "@/lib/db";

export const API_KEYS_PAGE_SIZE = 25;

export async function listApiKeys({ page = 1 }: { page?: number } = {}) {
  const [items, total] = await db().$transaction([
    db().apiKey.findMany({
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      skip: (Math.max(page, 1) - 1) * API_KEYS_PAGE_SIZE,
      take: API_KEYS_PAGE_SIZE,
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    }),
    db().apiKey.count(),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / API_KEYS_PAGE_SIZE)) };
}
