import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getFiredEventOrThrow(eventId: string) {
  const event = UUID.test(eventId)
    ? await db().event.findUnique({
        where: { id: eventId },
        include: {
          customEvent: { select: { name: true } },
          customEventVersion: { select: { version: true } },
          endUser: { select: { userId: true, fullName: true, username: true } },
          runs: { include: { workflow: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
        },
      })
    : null;
  if (!event) throw new AppError("not_found", { message: `There is no event with id "${eventId}".` });
  return event;
}

export type TFiredEvent = Awaited<ReturnType<typeof getFiredEventOrThrow>>;

export function serializeFiredEvent(event: TFiredEvent) {
  return {
    eventId: event.id,
    event: event.customEvent.name,
    version: event.customEventVersion.version,
    userId: event.endUser.userId,
    source: event.source.toLowerCase() as "api" | "form" | "test",
    data: event.data as Record<string, unknown>,
    createdAt: event.createdAt.toISOString(),
    runs: event.runs.map((r) => ({
      runId: r.id,
      workflowId: r.workflowId,
      workflowName: r.workflow.name,
      status: r.status.toLowerCase() as "queued" | "running" | "succeeded" | "failed" | "cancelled",
    })),
  };
}
