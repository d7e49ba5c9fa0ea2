import "server-only";
import { db } from "@/lib/db";
import type { TWorkflowStep } from "@/lib/mapping/types";

type TStep = Partial<Pick<TWorkflowStep, "id" | "name" | "mapping">>;

/** Event field pointers (e.g. /invoiceAmount, /customer/name) that one workflow version's mappings read. */
export function eventFieldsUsedBySteps(steps: unknown): Set<string> {
  const used = new Set<string>();
  if (!Array.isArray(steps)) return used;
  for (const step of steps as TStep[]) {
    for (const source of Object.values(step.mapping ?? {})) {
      if (source.source === "event") used.add(source.path);
      if (source.source === "expression") {
        // JSONata paths over the event data: `data.customer.name` or `$event.data.x`.
        for (const match of source.expression.matchAll(/\bdata((?:\.[A-Za-z_$][\w$]*)+)/g)) {
          used.add(match[1]!.replace(/\./g, "/"));
        }
      }
    }
  }
  return used;
}

function touches(used: Set<string>, changed: string) {
  for (const path of used) {
    if (path === changed || path.startsWith(`${changed}/`) || changed.startsWith(`${path}/`)) return true;
  }
  return false;
}

/** The workflows of an event, each with the changed fields its current mapping uses. */
export async function findWorkflowsUsingFields({ customEventId, fields }: { customEventId: string; fields: string[] }) {
  const workflows = await db().workflow.findMany({
    where: { customEventId },
    select: { id: true, name: true, status: true, currentVersion: { select: { steps: true } } },
    orderBy: { name: "asc" },
  });
  return workflows
    .map((w) => {
      const used = eventFieldsUsedBySteps(w.currentVersion?.steps);
      return { id: w.id, name: w.name, status: w.status, fields: fields.filter((f) => touches(used, f)) };
    })
    .filter((w) => w.fields.length > 0);
}
