import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";

export async function deleteCustomEvent({ name }: { name: string }) {
  const event = await getCustomEventOrThrow(name);
  return db().$transaction(async (tx) => {
    const workflows = await tx.workflow.findMany({ where: { customEventId: event.id }, select: { name: true }, orderBy: { name: "asc" } });
    if (workflows.length) {
      throw new AppError("conflict", {
        message: `"${name}" triggers ${workflows.length === 1 ? "a workflow" : `${workflows.length} workflows`}: ${workflows.map((w) => w.name).join(", ")}. Delete or re-point ${workflows.length === 1 ? "it" : "them"} first, or archive the event instead.`,
      });
    }
    await tx.customEvent.update({ where: { id: event.id }, data: { currentVersionId: null } });
    await tx.customEvent.delete({ where: { id: event.id } });
  });
}
