import "server-only";
import { db } from "@/lib/db";

/** The workflows and Custom Events the runs filter offers, by name. */
export async function listRunFilterOptions() {
  const [workflows, customEvents] = await Promise.all([
    db().workflow.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db().customEvent.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return { workflows, events: customEvents.map((e) => e.name) };
}
