import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { blockingProblems, checkWorkflowSteps } from "@/lib/workflows/check-workflow";
import { ZSaveWorkflowInput, type TSaveWorkflowInput } from "@/lib/workflows/schemas";

// Creates a workflow or saves the editor's state. Steps live in immutable versions: a save that
// changes the steps creates the next version, so every run keeps pointing at exactly what it ran.
// Settings (name, end users, timeout) are not versioned. An active workflow must stay runnable:
// a save that leaves a required field unmapped is refused until the workflow is paused.

export async function saveWorkflow({ actor, input: raw }: { actor: TActor; input: TSaveWorkflowInput }) {
  const input = ZSaveWorkflowInput.parse(raw);
  void actor;
  return db().$transaction(async (tx) => {
    const event = await tx.customEvent.findUnique({ where: { id: input.customEventId }, include: { currentVersion: true } });
    if (!event?.currentVersion) throw new AppError("not_found", { message: "The trigger event no longer exists. Pick another one." });

    const endUsers = input.allEndUsers ? [] : await resolveEndUsers(tx, input.endUserIds);
    const settings = { name: input.name, customEventId: event.id, allEndUsers: input.allEndUsers, runTimeoutSeconds: input.runTimeoutSeconds };

    let workflowId = input.id;
    let status: string = "DRAFT";
    let current: { version: number; steps: unknown } | null = null;
    if (workflowId) {
      // Row lock: two editors saving at once get consecutive versions, never the same number.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM workflows WHERE id = ${workflowId}::uuid FOR UPDATE`;
      if (!locked) throw new AppError("not_found", { message: "This workflow no longer exists." });
      const workflow = await tx.workflow.findUniqueOrThrow({ where: { id: workflowId }, include: { currentVersion: true } });
      if (workflow.status === "ACTIVE" && workflow.customEventId !== event.id) {
        throw new AppError("conflict", { message: "Pause the workflow before changing the event that triggers it." });
      }
      status = workflow.status;
      current = workflow.currentVersion;
      if ((current?.version ?? null) !== input.baseVersion) {
        throw new AppError("conflict", {
          message: `Someone saved version ${current?.version} while you were editing version ${input.baseVersion ?? "(none)"}. Reload to see their changes.`,
        });
      }
      await tx.workflow.update({ where: { id: workflowId }, data: settings });
    } else {
      workflowId = (await tx.workflow.create({ data: settings })).id;
    }

    if (status === "ACTIVE") {
      const problems = blockingProblems(checkWorkflowSteps({ steps: input.steps as TWorkflowStep[], eventSchema: event.currentVersion.schema as object }), input.steps.length);
      if (problems.length) {
        throw new AppError("validation_failed", {
          message: `An active workflow must stay runnable; fix these or pause it first: ${problems.join(" ")}`,
        });
      }
    }

    await tx.workflowEndUser.deleteMany({ where: { workflowId } });
    if (endUsers.length) await tx.workflowEndUser.createMany({ data: endUsers.map((endUserId) => ({ workflowId: workflowId!, endUserId })) });

    let version = current?.version ?? 0;
    let created = false;
    if (!current || !isDeepStrictEqual(current.steps, input.steps)) {
      version += 1;
      const saved = await tx.workflowVersion.create({
        data: { workflowId, version, steps: input.steps as Prisma.InputJsonValue },
      });
      await tx.workflow.update({ where: { id: workflowId }, data: { currentVersionId: saved.id } });
      created = true;
    }
    return { id: workflowId, version, created };
  });
}

async function resolveEndUsers(tx: Prisma.TransactionClient, userIds: string[]) {
  if (userIds.length === 0) throw new AppError("validation_failed", { message: "Choose at least one end user, or run it for all end users." });
  const found = await tx.endUser.findMany({ where: { userId: { in: userIds } }, select: { id: true, userId: true } });
  const missing = userIds.filter((u) => !found.some((f) => f.userId === u));
  if (missing.length) throw new AppError("validation_failed", { message: `Unknown end users: ${missing.join(", ")}.` });
  return found.map((f) => f.id);
}
