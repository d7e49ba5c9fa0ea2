import "server-only";
import { db } from "@/lib/db";

// Forms are few (an admin enables each one), so the list is not paged; the cap only bounds a
// runaway case.
const MAX_FORMS = 500;

/** The events staff can fire from a form: form enabled, not archived, with a schema. */
export async function listForms() {
  const events = await db().customEvent.findMany({
    where: { formEnabled: true, archivedAt: null, currentVersionId: { not: null } },
    orderBy: { name: "asc" },
    take: MAX_FORMS,
    select: { name: true, description: true, lastFiredAt: true, currentVersion: { select: { version: true } } },
  });
  return events.map((event) => ({
    name: event.name,
    description: event.description,
    version: event.currentVersion?.version ?? 0,
    lastFiredAt: event.lastFiredAt,
  }));
}
