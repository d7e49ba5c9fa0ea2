import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { makeCustomEvent, makeEndUser, unique } from "@/lib/testing/factories";
import type { TRunStatus, TRunTrigger } from "@/lib/runs/schemas";

// Runs and their steps written straight to the database, as the engine would record them, for
// the run history's tests (the engine is a separate piece).

export type TTestStep = { id: string; name: string; action: string; mapping: Record<string, unknown> };

export const THREE_STEPS: TTestStep[] = [
  { id: "find-customer", name: "Find customer", action: "netsuite.find_customer", mapping: {} },
  { id: "create-invoice", name: "Create invoice", action: "netsuite.create_invoice", mapping: {} },
  { id: "notify", name: "Notify", action: "webhook.send", mapping: {} },
];

/** A Custom Event, an active workflow with one version of `steps`, an end user and one fired event. */
export async function makeRunSetup({ steps = THREE_STEPS, workflowName }: { steps?: TTestStep[]; workflowName?: string } = {}) {
  const customEvent = await makeCustomEvent();
  const workflow = await db().workflow.create({ data: { name: workflowName ?? unique("Workflow "), customEventId: customEvent.id, status: "ACTIVE" } });
  const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, steps: steps as Prisma.InputJsonValue } });
  await db().workflow.update({ where: { id: workflow.id }, data: { currentVersionId: version.id } });
  const endUser = await makeEndUser();
  const event = await makeEvent({ customEventId: customEvent.id, customEventVersionId: customEvent.currentVersionId!, endUserId: endUser.id });
  return { customEvent, workflow, version, endUser, event };
}

export type TRunSetup = Awaited<ReturnType<typeof makeRunSetup>>;

export async function makeEvent(data: { customEventId: string; customEventVersionId: string; endUserId: string; createdAt?: Date }) {
  return db().event.create({
    data: { ...data, data: { id: "inv_1", invoiceNumber: "INV-1", invoiceAmount: 10 }, source: "TEST" },
  });
}

/** Adds a version to the setup's workflow (the current one unless `makeCurrent` is false). */
export async function addWorkflowVersion(setup: TRunSetup, { steps, makeCurrent = true }: { steps: TTestStep[]; makeCurrent?: boolean }) {
  const latest = await db().workflowVersion.aggregate({ where: { workflowId: setup.workflow.id }, _max: { version: true } });
  const version = await db().workflowVersion.create({
    data: { workflowId: setup.workflow.id, version: (latest._max.version ?? 0) + 1, steps: steps as Prisma.InputJsonValue },
  });
  if (makeCurrent) await db().workflow.update({ where: { id: setup.workflow.id }, data: { currentVersionId: version.id } });
  return version;
}

export type TTestRunStep = {
  stepId: string;
  status: "RUNNING" | "RETRYING" | "SUCCEEDED" | "FAILED";
  action?: string;
  name?: string;
  input?: unknown;
  output?: unknown;
  error?: unknown;
  httpStatus?: number;
  attempts?: number;
  attemptLog?: unknown[];
  nextAttemptAt?: Date;
};

function runTimes(status: TRunStatus, createdAt: Date) {
  const startedAt = status === "QUEUED" ? null : new Date(createdAt.getTime() + 100);
  const finishedAt = status === "QUEUED" || status === "RUNNING" ? null : new Date(createdAt.getTime() + 1_600);
  return { startedAt, finishedAt };
}

/** One run of the setup's event, recorded with the given status and steps. */
export async function makeRun(
  setup: TRunSetup,
  {
    status = "SUCCEEDED",
    trigger = "EVENT",
    createdAt = new Date(),
    workflowVersionId = setup.version.id,
    steps = [],
    error,
    eventId = setup.event.id,
  }: { status?: TRunStatus; trigger?: TRunTrigger; createdAt?: Date; workflowVersionId?: string; steps?: TTestRunStep[]; error?: unknown; eventId?: string } = {},
) {
  const run = await db().run.create({
    data: {
      workflowId: setup.workflow.id,
      workflowVersionId,
      eventId,
      endUserId: setup.endUser.id,
      customEventVersionId: setup.customEvent.currentVersionId!,
      status,
      trigger,
      createdAt,
      ...runTimes(status, createdAt),
      ...(error ? { error: error as Prisma.InputJsonValue } : {}),
    },
  });
  const versionSteps = (await db().workflowVersion.findUniqueOrThrow({ where: { id: workflowVersionId } })).steps as TTestStep[];
  for (const [position, step] of steps.entries()) {
    const defined = versionSteps.find((s) => s.id === step.stepId);
    await db().runStep.create({
      data: {
        runId: run.id,
        stepId: step.stepId,
        position,
        name: step.name ?? defined?.name ?? step.stepId,
        action: step.action ?? defined?.action ?? "http.request",
        status: step.status,
        input: (step.input ?? { step: step.stepId }) as Prisma.InputJsonValue,
        ...(step.output !== undefined ? { output: step.output as Prisma.InputJsonValue } : {}),
        ...(step.error !== undefined ? { error: step.error as Prisma.InputJsonValue } : {}),
        httpStatus: step.httpStatus ?? null,
        attempts: step.attempts ?? 1,
        attemptLog: (step.attemptLog ?? []) as Prisma.InputJsonValue,
        startedAt: new Date(createdAt.getTime() + 200 + position * 100),
        finishedAt: step.status === "SUCCEEDED" || step.status === "FAILED" ? new Date(createdAt.getTime() + 250 + position * 100) : null,
        durationMs: step.status === "SUCCEEDED" || step.status === "FAILED" ? 50 : null,
        nextAttemptAt: step.nextAttemptAt ?? null,
      },
    });
  }
  return run;
}

/** Many finished runs at once (no steps), `createdAt` one millisecond apart from `from`. */
export async function makeRuns(setup: TRunSetup, { count, status = "SUCCEEDED", from }: { count: number; status?: TRunStatus; from: Date }) {
  const rows = Array.from({ length: count }, (_, i) => {
    const createdAt = new Date(from.getTime() + i);
    return {
      id: randomUUID(),
      workflowId: setup.workflow.id,
      workflowVersionId: setup.version.id,
      eventId: setup.event.id,
      endUserId: setup.endUser.id,
      customEventVersionId: setup.customEvent.currentVersionId!,
      status,
      createdAt,
      ...runTimes(status, createdAt),
    };
  });
  await db().run.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** The jobs queued in graphile-worker for a task, with their keys and payloads (the public view has no payload). */
export async function queuedJobs(task: string) {
  return db().$queryRaw<{ key: string | null; payload: Record<string, unknown> }[]>`
    SELECT j.key, j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = ${task} ORDER BY j.id`;
}
