import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/runs/schemas";

/** A run with its workflow, the version it ran, its event and every recorded step. */
export async function getRunOrThrow(runId: string) {
  const run = isUuid(runId)
    ? await db().run.findUnique({
        where: { id: runId },
        include: {
          workflow: { select: { id: true, name: true, currentVersion: { select: { id: true, version: true } } } },
          workflowVersion: { select: { id: true, version: true, steps: true } },
          event: { select: { id: true, createdAt: true, customEvent: { select: { name: true } } } },
          endUser: { select: { userId: true } },
          steps: { orderBy: { position: "asc" } },
        },
      })
    : null;
  if (!run) throw new AppError("run_not_found", { message: `There is no run with id "${runId}".` });
  return run;
}

export type TRunWithSteps = Awaited<ReturnType<typeof getRunOrThrow>>;
