import "server-only";
import { db } from "@/lib/db";
import { listEndUsers } from "@/lib/end-users/list-end-users";
import type { TEndUserSearchResult } from "@/lib/forms/schemas";

/**
 * End users for the forms' picker: those whose userId, username or name contains the search,
 * newest first, with an exact userId match always on top (there may be many similar ids).
 */
export async function searchEndUsers({ search, limit = 20 }: { search?: string; limit?: number }): Promise<TEndUserSearchResult> {
  const term = search?.trim().slice(0, 255) || undefined;
  const [{ items, total }, exact] = await Promise.all([
    listEndUsers({ search: term, pageSize: limit }),
    term ? db().endUser.findUnique({ where: { userId: term } }) : null,
  ]);
  const ordered = exact ? [exact, ...items.filter((user) => user.id !== exact.id)].slice(0, limit) : items;
  return {
    items: ordered.map((user) => ({ userId: user.userId, username: user.username, fullName: user.fullName })),
    total,
  };
}
