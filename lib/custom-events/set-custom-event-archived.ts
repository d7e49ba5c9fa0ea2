import "server-only";
import { db } from "@/lib/db";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";

/** Archived events disappear from pickers and the API refuses to fire them; history stays. */
export async function setCustomEventArchived({ name, archived }: { name: string; archived: boolean }) {
  const event = await getCustomEventOrThrow(name);
  return db().customEvent.update({
    where: { id: event.id },
    data: { archivedAt: archived ? (event.archivedAt ?? new Date()) : null },
  });
}
