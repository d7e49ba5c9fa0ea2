import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { blockingProblems, checkWorkflowSteps } from "@/lib/workflows/check-workflow";

// Activate or pause. Activation re-checks the current version against the event's current
// schema on the server, so a required field that is unmapped cannot slip through the editor.
export async function setWorkflowStatus({ workflowId, status }: { workflowId: string; status: "ACTIVE" | "PAUSED" }) {
  const workflow = await db().workflow.findUnique({
    where: { id: workflowId },
    include: { currentVersion: true, customEvent: { include: { currentVersion: true } } },
  });
  if (!workflow) throw new AppError("not_found", { message: "This workflow no longer exists." });
  if (status === "ACTIVE") {
    if (workflow.customEvent.archivedAt) {
      throw new AppError("conflict", { message: `The event "${workflow.customEvent.name}" is archived; unarchive it first.` });
    }
    const steps = (workflow.currentVersion?.steps ?? []) as TWorkflowStep[];
    const problems = blockingProblems(
      checkWorkflowSteps({ steps, eventSchema: (workflow.customEvent.currentVersion?.schema ?? {}) as object }),
      steps.length,
    );
    if (problems.length) {
      throw new AppError("validation_failed", { message: `It cannot be activated yet: ${problems.join(" ")}` });
    }
  }
  return db().workflow.update({ where: { id: workflowId }, data: { status } });
}
