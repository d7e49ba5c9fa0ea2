"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import { replayRun } from "@/lib/runs/replay-run";
import { retryRun } from "@/lib/runs/retry-run";
import { ZRerunInput, ZRunListFilter, ZRunVersionChoice, type TRerunInput, type TRunVersionChoice } from "@/lib/runs/schemas";
import { startBulkReplay } from "@/lib/runs/start-bulk-replay";

/** Retry a failed or cancelled run from its failed step; answers the new run's id. */
export async function retryRunAction(input: TRerunInput) {
  return runAction(async () => {
    const staff = await requireRole("OPERATOR");
    const { runId, version } = ZRerunInput.parse(input);
    const result = await retryRun({ runId, version, staffId: staff.id });
    revalidatePath("/runs");
    return result;
  });
}

/** Replay a finished run from its first step; answers the new run's id. */
export async function replayRunAction(input: TRerunInput) {
  return runAction(async () => {
    const staff = await requireRole("OPERATOR");
    const { runId, version } = ZRerunInput.parse(input);
    const result = await replayRun({ runId, version, staffId: staff.id });
    revalidatePath("/runs");
    return result;
  });
}

/** Replay every finished run matching the runs list's filter (query parameters), in the background. */
export async function startBulkReplayAction(input: { filter: Record<string, string>; version: TRunVersionChoice }) {
  return runAction(async () => {
    const staff = await requireRole("OPERATOR");
    const filter = ZRunListFilter.parse(input?.filter ?? {});
    const version = ZRunVersionChoice.parse(input?.version);
    return startBulkReplay({ filter, version, staffId: staff.id });
  });
}
