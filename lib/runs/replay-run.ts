import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { queueRunJobs } from "@/lib/runs/queue-run-jobs";
import { rerunData } from "@/lib/runs/rerun-data";
import { resolveRerunVersion } from "@/lib/runs/resolve-rerun-version";
import { isFinishedRunStatus, isUuid, type TRunVersionChoice } from "@/lib/runs/schemas";

/** Replays a finished run: a new run (trigger REPLAY) of the same event from the first step, with its job. */
export async function replayRun({ runId, version, staffId }: { runId: string; version: TRunVersionChoice; staffId: string | null }) {
  return db().$transaction(async (tx) => {
    const source = isUuid(runId) ? await tx.run.findUnique({ where: { id: runId }, include: { workflow: { select: { name: true, currentVersionId: true } } } }) : null;
    if (!source) throw new AppError("run_not_found", { message: `There is no run with id "${runId}".` });
    if (!isFinishedRunStatus(source.status)) {
      throw new AppError("conflict", { message: `This run is ${source.status.toLowerCase()}; replay it once it has finished.` });
    }
    const chosen = await resolveRerunVersion({ tx, source, version });
    const run = await tx.run.create({ data: rerunData({ source, workflowVersionId: chosen.id, trigger: "REPLAY", createdById: staffId, id: randomUUID() }) });
    await queueRunJobs({ tx, runIds: [run.id] });
    return { runId: run.id, workflowVersion: chosen.version };
  });
}
