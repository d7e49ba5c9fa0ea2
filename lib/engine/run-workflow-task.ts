import "server-only";
import type { Task } from "graphile-worker";
import { executeRun, failRunAfterJobGaveUp } from "@/lib/engine/execute-run";
import { isUuid } from "@/lib/runs/schemas";

// graphile-worker task `run_workflow` { runId }. Step failures are the engine's business (it
// records them and schedules its own retries); an error thrown here is unexpected (database
// unreachable, a bug), so graphile-worker retries the job with its backoff, and when the job's
// last attempt fails the run is marked failed instead of staying "running" forever.
export const runWorkflowTask: Task = async (payload, helpers) => {
  const given = (payload as { runId?: unknown } | null)?.runId;
  if (typeof given !== "string" || !isUuid(given)) {
    helpers.logger.error(`run_workflow job ${helpers.job.id} has no valid runId; dropped`);
    return;
  }
  // The canonical spelling, as PostgreSQL returns it (results are matched by id).
  const runId = given.toLowerCase();
  try {
    const outcome = await executeRun({ runId });
    helpers.logger.debug(`run ${runId}: ${outcome}`);
  } catch (error) {
    if (helpers.job.attempts >= helpers.job.max_attempts) {
      await failRunAfterJobGaveUp({
        runId,
        message: `The run stopped after ${helpers.job.attempts} attempts because of an internal error. Retry it from the run page.`,
      }).catch(() => undefined);
    }
    throw error;
  }
};
