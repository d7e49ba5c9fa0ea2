import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueRunJobs } from "@/lib/runs/queue-run-jobs";
import { rerunData } from "@/lib/runs/rerun-data";
import { resolveRerunVersion } from "@/lib/runs/resolve-rerun-version";
import { parseVersionSteps, succeededPrefix } from "@/lib/runs/run-timeline";
import { isRetryableRunStatus, isUuid, type TRunVersionChoice } from "@/lib/runs/schemas";

const json = (value: unknown) => (value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/**
 * Retries a failed or cancelled run from the step that failed: a new run (trigger RETRY) of the
 * same event with the chosen version, carrying over the steps the original completed that
 * begin the chosen version (the engine skips succeeded steps and reuses their output), and
 * its job, in one transaction.
 */
export async function retryRun({ runId, version, staffId }: { runId: string; version: TRunVersionChoice; staffId: string | null }) {
  return db().$transaction(async (tx) => {
    const source = isUuid(runId) ? await tx.run.findUnique({
      where: { id: runId },
      include: { workflow: { select: { name: true, currentVersionId: true } }, steps: true },
    }) : null;
    if (!source) throw new AppError("run_not_found", { message: `There is no run with id "${runId}".` });
    if (!isRetryableRunStatus(source.status)) {
      const hint = source.status === "SUCCEEDED" ? "Replay it to run it again." : "Wait for it to finish.";
      throw new AppError("conflict", { message: `Only a failed or cancelled run can be retried; this run is ${source.status.toLowerCase()}. ${hint}` });
    }
    const chosen = await resolveRerunVersion({ tx, source, version });
    const versionSteps = parseVersionSteps(chosen.steps);
    const carried = succeededPrefix(versionSteps, source.steps);

    const run = await tx.run.create({ data: rerunData({ source, workflowVersionId: chosen.id, trigger: "RETRY", createdById: staffId, id: randomUUID() }) });
    if (carried.length > 0) {
      await tx.runStep.createMany({
        data: carried.map((step, position) => ({
          runId: run.id,
          stepId: step.stepId,
          position,
          name: versionSteps[position]!.name,
          action: step.action,
          status: "SUCCEEDED" as const,
          input: json(step.input),
          output: json(step.output),
          error: Prisma.DbNull,
          httpStatus: step.httpStatus,
          attempts: step.attempts,
          attemptLog: (step.attemptLog ?? []) as Prisma.InputJsonValue,
          startedAt: step.startedAt,
          finishedAt: step.finishedAt,
          durationMs: step.durationMs,
        })),
      });
    }
    await queueRunJobs({ tx, runIds: [run.id] });
    return { runId: run.id, workflowVersion: chosen.version, carriedSteps: carried.length };
  });
}
