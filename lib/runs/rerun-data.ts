import type { Prisma } from "@/lib/generated/prisma/client";

type TSourceRun = { id: string; workflowId: string; eventId: string; endUserId: string; customEventVersionId: string };

/**
 * The row of a new run that repeats `source` (same event, end user and schema version) with the
 * chosen workflow version: what retry, replay and bulk replay all insert, queued.
 */
export function rerunData({
  source,
  workflowVersionId,
  trigger,
  createdById,
  id,
}: {
  source: TSourceRun;
  workflowVersionId: string;
  trigger: "RETRY" | "REPLAY";
  createdById: string | null;
  id: string;
}): Prisma.RunCreateManyInput & { id: string } {
  return {
    id,
    workflowId: source.workflowId,
    workflowVersionId,
    eventId: source.eventId,
    endUserId: source.endUserId,
    customEventVersionId: source.customEventVersionId,
    status: "QUEUED",
    trigger,
    sourceRunId: source.id,
    createdById,
  };
}
