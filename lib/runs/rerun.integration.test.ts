import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { replayRun } from "@/lib/runs/replay-run";
import { retryRun } from "@/lib/runs/retry-run";
import { addWorkflowVersion, makeRun, makeRunSetup, queuedJobs, THREE_STEPS, type TTestRunStep } from "@/lib/runs/testing";

const FAILED_AT_SECOND_STEP: TTestRunStep[] = [
  { stepId: "find-customer", status: "SUCCEEDED", input: { email: "a@example.com" }, output: { customerId: "C-7" }, httpStatus: 200 },
  { stepId: "create-invoice", status: "FAILED", error: { message: "NetSuite answered 500", code: "http_error", retryable: true }, httpStatus: 500, attempts: 3 },
];

async function expectQueued(runId: string) {
  const jobs = await queuedJobs("run_workflow");
  expect(jobs.filter((job) => job.key === `run:${runId}`)).toEqual([{ key: `run:${runId}`, payload: { runId } }]);
}

describe("retryRun", () => {
  it("queues a new run that carries over only the steps that succeeded before the failure", async () => {
    const setup = await makeRunSetup();
    const failed = await makeRun(setup, { status: "FAILED", steps: FAILED_AT_SECOND_STEP });
    const staff = crypto.randomUUID();

    const result = await retryRun({ runId: failed.id, version: "original", staffId: staff });
    expect(result).toEqual({ runId: expect.any(String), workflowVersion: 1, carriedSteps: 1 });

    const retry = await db().run.findUniqueOrThrow({ where: { id: result.runId }, include: { steps: true } });
    expect(retry).toMatchObject({
      status: "QUEUED",
      trigger: "RETRY",
      sourceRunId: failed.id,
      createdById: staff,
      workflowId: setup.workflow.id,
      workflowVersionId: setup.version.id,
      eventId: setup.event.id,
      endUserId: setup.endUser.id,
      customEventVersionId: failed.customEventVersionId,
      startedAt: null,
      finishedAt: null,
    });
    expect(retry.steps).toEqual([
      expect.objectContaining({ stepId: "find-customer", position: 0, status: "SUCCEEDED", action: "netsuite.find_customer", output: { customerId: "C-7" }, httpStatus: 200 }),
    ]);
    await expectQueued(retry.id);
    // The original is left as it was.
    expect(await db().runStep.count({ where: { runId: failed.id } })).toBe(2);
  });

  it("with the current version, carries over only the steps that begin it unchanged", async () => {
    const setup = await makeRunSetup();
    const failed = await makeRun(setup, {
      status: "FAILED",
      steps: [
        { stepId: "find-customer", status: "SUCCEEDED", output: { customerId: "C-7" } },
        { stepId: "create-invoice", status: "SUCCEEDED", output: { invoiceId: "I-1" } },
        { stepId: "notify", status: "FAILED", error: { message: "timeout", code: "timeout", retryable: true } },
      ],
    });
    // Version 2 changes the second step's action: its old output no longer applies.
    await addWorkflowVersion(setup, { steps: [THREE_STEPS[0]!, { ...THREE_STEPS[1]!, action: "netsuite.create_sales_order" }, THREE_STEPS[2]!] });

    const onOriginal = await retryRun({ runId: failed.id, version: "original", staffId: null });
    expect(onOriginal).toMatchObject({ workflowVersion: 1, carriedSteps: 2 });

    const onCurrent = await retryRun({ runId: failed.id, version: "current", staffId: null });
    expect(onCurrent).toMatchObject({ workflowVersion: 2, carriedSteps: 1 });
    const retry = await db().run.findUniqueOrThrow({ where: { id: onCurrent.runId }, include: { steps: true, workflowVersion: true } });
    expect(retry.workflowVersion.version).toBe(2);
    expect(retry.steps.map((s) => s.stepId)).toEqual(["find-customer"]);
    await expectQueued(onCurrent.runId);
  });

  it("retries a cancelled run; carries nothing when the first step did not succeed", async () => {
    const setup = await makeRunSetup();
    const cancelled = await makeRun(setup, { status: "CANCELLED", steps: [{ stepId: "find-customer", status: "FAILED" }] });
    expect(await retryRun({ runId: cancelled.id, version: "original", staffId: null })).toMatchObject({ carriedSteps: 0 });
  });

  it.each([
    ["SUCCEEDED", "Only a failed or cancelled run can be retried; this run is succeeded. Replay it to run it again."],
    ["RUNNING", "Only a failed or cancelled run can be retried; this run is running. Wait for it to finish."],
    ["QUEUED", "Only a failed or cancelled run can be retried; this run is queued. Wait for it to finish."],
  ] as const)("refuses a %s run and creates nothing", async (status, message) => {
    const setup = await makeRunSetup();
    const run = await makeRun(setup, { status });
    await expect(retryRun({ runId: run.id, version: "original", staffId: null })).rejects.toMatchObject({ code: "conflict", status: 409, message });
    expect(await db().run.count({ where: { workflowId: setup.workflow.id } })).toBe(1);
  });

  it("refuses the current version when the workflow has none, and an unknown run", async () => {
    const setup = await makeRunSetup();
    const failed = await makeRun(setup, { status: "FAILED" });
    await db().workflow.update({ where: { id: setup.workflow.id }, data: { currentVersionId: null } });
    await expect(retryRun({ runId: failed.id, version: "current", staffId: null })).rejects.toMatchObject({
      code: "conflict",
      message: `The workflow "${setup.workflow.name}" has no current version. Choose the version this run used instead.`,
    });
    expect(await db().run.count({ where: { workflowId: setup.workflow.id } })).toBe(1);
    await expect(retryRun({ runId: crypto.randomUUID(), version: "original", staffId: null })).rejects.toMatchObject({ code: "run_not_found", status: 404 });
    await expect(retryRun({ runId: "not-a-uuid", version: "original", staffId: null })).rejects.toMatchObject({ code: "run_not_found" });
  });
});

describe("replayRun", () => {
  it("queues a new run of the same event from the first step, with the chosen version", async () => {
    const setup = await makeRunSetup();
    const succeeded = await makeRun(setup, {
      status: "SUCCEEDED",
      steps: THREE_STEPS.map((s) => ({ stepId: s.id, status: "SUCCEEDED" as const, output: { ok: true } })),
    });
    const v2 = await addWorkflowVersion(setup, { steps: THREE_STEPS.slice(0, 2) });

    const original = await replayRun({ runId: succeeded.id, version: "original", staffId: null });
    const current = await replayRun({ runId: succeeded.id, version: "current", staffId: null });
    expect(original).toEqual({ runId: expect.any(String), workflowVersion: 1 });
    expect(current).toEqual({ runId: expect.any(String), workflowVersion: 2 });

    for (const [result, versionId] of [[original, setup.version.id], [current, v2.id]] as const) {
      const replay = await db().run.findUniqueOrThrow({ where: { id: result.runId }, include: { steps: true } });
      expect(replay).toMatchObject({ status: "QUEUED", trigger: "REPLAY", sourceRunId: succeeded.id, eventId: setup.event.id, workflowVersionId: versionId });
      expect(replay.steps).toEqual([]);
      await expectQueued(replay.id);
    }
  });

  it("replays failed runs too, and refuses one that has not finished", async () => {
    const setup = await makeRunSetup();
    const failed = await makeRun(setup, { status: "FAILED" });
    expect(await replayRun({ runId: failed.id, version: "original", staffId: null })).toMatchObject({ workflowVersion: 1 });
    const running = await makeRun(setup, { status: "RUNNING" });
    await expect(replayRun({ runId: running.id, version: "original", staffId: null })).rejects.toMatchObject({
      code: "conflict",
      message: "This run is running; replay it once it has finished.",
    });
  });
});
