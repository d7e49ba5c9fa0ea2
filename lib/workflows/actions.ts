"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { runStepNow } from "@/lib/workflows/run-step-now";
import { saveWorkflow } from "@/lib/workflows/save-workflow";
import type { TSaveWorkflowInput } from "@/lib/workflows/schemas";
import { setWorkflowStatus } from "@/lib/workflows/set-workflow-status";
import { ZWorkflowStep } from "@/lib/workflows/schemas";
import { z } from "zod";

function revalidate(id?: string) {
  revalidatePath("/workflows");
  if (id) revalidatePath(`/workflows/${id}`);
}

export async function saveWorkflowAction(input: TSaveWorkflowInput) {
  return runAction(async () => {
    const admin = await requireRole("ADMIN");
    const result = await saveWorkflow({ actor: { type: "staff", id: admin.id, name: admin.name }, input });
    revalidate(result.id);
    return result;
  });
}

export async function setWorkflowStatusAction(workflowId: string, status: "ACTIVE" | "PAUSED") {
  return runAction(async () => {
    await requireRole("ADMIN");
    const id = z.uuid().parse(workflowId);
    const updated = await setWorkflowStatus({ workflowId: id, status: z.enum(["ACTIVE", "PAUSED"]).parse(status) });
    revalidate(id);
    return { status: updated.status };
  });
}

export async function deleteWorkflowAction(workflowId: string) {
  return runAction(async () => {
    await requireRole("ADMIN");
    await deleteWorkflow({ workflowId: z.uuid().parse(workflowId) });
    revalidate();
    return { deleted: true };
  });
}

const ZTrial = z.object({
  step: ZWorkflowStep,
  customEventId: z.uuid(),
  data: z.record(z.string(), z.unknown()),
  userId: z.string().min(1).optional(),
});

/** "Preview": the exact request the step would send for this data; nothing is sent. */
export async function previewStepAction(input: { step: TWorkflowStep; customEventId: string; data: Record<string, unknown>; userId?: string }) {
  return runAction(async () => {
    await requireRole("ADMIN");
    const parsed = ZTrial.parse(input);
    return runStepNow({ ...parsed, step: parsed.step as TWorkflowStep, send: false });
  });
}

/** "Test step": sends it for real with the chosen end user's connection. No run is recorded. */
export async function testStepAction(input: { step: TWorkflowStep; customEventId: string; data: Record<string, unknown>; userId: string }) {
  return runAction(async () => {
    await requireRole("ADMIN");
    const parsed = ZTrial.parse(input);
    return runStepNow({ ...parsed, step: parsed.step as TWorkflowStep, send: true });
  });
}
