import { Logger, runOnce } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { bulkOperationTask, processBulkOperationBatch } from "@/lib/runs/bulk-operation-task";
import { getBulkOperationOrThrow } from "@/lib/runs/get-bulk-operation";
import { startBulkReplay } from "@/lib/runs/start-bulk-replay";
import { makeRun, makeRunSetup, makeRuns, queuedJobs } from "@/lib/runs/testing";

const silent = new Logger(() => () => undefined);

/** Works the queue as a worker would, with only the bulk task registered, until no job is left. */
async function workBulkJobs() {
  await runOnce({ connectionString: env().DATABASE_URL!, taskList: { bulk_operation: bulkOperationTask }, logger: silent });
}

describe("bulk replay", () => {
  it("replays every matching run once, in batches, and not the runs created after it started", async () => {
    const setup = await makeRunSetup();
    const other = await makeRunSetup();
    const from = new Date(Date.now() - 60 * 60_000);
    const matching = await makeRuns(setup, { count: 250, from });
    await makeRuns(other, { count: 5, from }); // another workflow: not in the filter
    await makeRun(setup, { status: "RUNNING", createdAt: from }); // not finished: not replayed

    const staffId = crypto.randomUUID();
    const operation = await startBulkReplay({ filter: { workflowId: setup.workflow.id }, version: "original", staffId });
    expect(operation).toMatchObject({ kind: "replay", status: "RUNNING", total: 250, done: 0, failed: 0, version: "original", filter: { workflowId: setup.workflow.id } });
    expect(await queuedJobs("bulk_operation")).toContainEqual({ key: `bulk:${operation.id}`, payload: { operationId: operation.id } });

    // Matching runs that appear after the operation started are left alone.
    const late = await makeRun(setup, { status: "SUCCEEDED", createdAt: new Date(Date.now() + 1_000) });

    await workBulkJobs();

    expect(await getBulkOperationOrThrow(operation.id)).toMatchObject({ status: "SUCCEEDED", total: 250, done: 250, failed: 0, error: null, finishedAt: expect.any(String) });
    const replays = await db().run.findMany({ where: { workflowId: setup.workflow.id, trigger: "REPLAY" } });
    expect(replays).toHaveLength(250);
    expect(new Set(replays.map((r) => r.sourceRunId))).toEqual(new Set(matching));
    expect(replays.every((r) => r.status === "QUEUED" && r.createdById === staffId && r.workflowVersionId === setup.version.id)).toBe(true);
    expect(replays.some((r) => r.sourceRunId === late.id)).toBe(false);
    const runJobs = new Set((await queuedJobs("run_workflow")).map((job) => job.key));
    expect(replays.every((r) => runJobs.has(`run:${r.id}`))).toBe(true);
    expect(await db().run.count({ where: { workflowId: other.workflow.id, trigger: "REPLAY" } })).toBe(0);
  });

  it("advances its progress one batch at a time, in creation order", async () => {
    const setup = await makeRunSetup();
    const ids = await makeRuns(setup, { count: 230, status: "FAILED", from: new Date(Date.now() - 60_000) });
    const operation = await startBulkReplay({ filter: { workflowId: setup.workflow.id, status: "FAILED" }, version: "original", staffId: null });

    expect(await processBulkOperationBatch({ operationId: operation.id })).toEqual({ finished: false });
    expect(await getBulkOperationOrThrow(operation.id)).toMatchObject({ status: "RUNNING", done: 100, total: 230 });
    const cursor = (await db().bulkOperation.findUniqueOrThrow({ where: { id: operation.id } })).cursor;
    expect(cursor).toMatchObject({ id: ids[99] });
    const firstBatch = await db().run.findMany({ where: { workflowId: setup.workflow.id, trigger: "REPLAY" }, select: { sourceRunId: true } });
    expect(new Set(firstBatch.map((r) => r.sourceRunId))).toEqual(new Set(ids.slice(0, 100)));

    expect(await processBulkOperationBatch({ operationId: operation.id })).toEqual({ finished: false });
    expect(await processBulkOperationBatch({ operationId: operation.id })).toEqual({ finished: true });
    expect(await getBulkOperationOrThrow(operation.id)).toMatchObject({ status: "SUCCEEDED", done: 230, total: 230 });
    // A stray job for a finished operation does nothing.
    expect(await processBulkOperationBatch({ operationId: operation.id })).toEqual({ finished: true });
    expect(await db().run.count({ where: { workflowId: setup.workflow.id, trigger: "REPLAY" } })).toBe(230);
  });

  it("counts runs it cannot replay with the current version as failed, and says why", async () => {
    const setup = await makeRunSetup();
    await makeRuns(setup, { count: 3, from: new Date(Date.now() - 60_000) });
    const operation = await startBulkReplay({ filter: { workflowId: setup.workflow.id }, version: "current", staffId: null });
    await db().workflow.update({ where: { id: setup.workflow.id }, data: { currentVersionId: null } });
    await workBulkJobs();
    expect(await getBulkOperationOrThrow(operation.id)).toMatchObject({
      status: "SUCCEEDED",
      done: 0,
      failed: 3,
      error: "3 runs were not replayed: the workflow has no current version.",
    });
  });

  it("refuses a filter that matches no finished run", async () => {
    const setup = await makeRunSetup();
    await makeRun(setup, { status: "RUNNING" });
    await expect(startBulkReplay({ filter: { workflowId: setup.workflow.id }, version: "original", staffId: null })).rejects.toMatchObject({
      code: "bad_request",
      message: "No finished run matches this filter, so there is nothing to replay.",
    });
    expect(await db().bulkOperation.count({ where: { params: { path: ["filter", "workflowId"], equals: setup.workflow.id } } })).toBe(0);
  });
});
