import { describe, expect, it } from "vitest";
import { makeEndUser } from "@/lib/testing/factories";
import { listRuns } from "@/lib/runs/list-runs";
import { ZRunListQuery } from "@/lib/runs/schemas";
import { makeEvent, makeRun, makeRunSetup } from "@/lib/runs/testing";

const at = (iso: string) => new Date(iso);

describe("listRuns", () => {
  it("lists a workflow's runs newest first, with what the table shows", async () => {
    const setup = await makeRunSetup();
    const older = await makeRun(setup, { status: "SUCCEEDED", createdAt: at("2026-02-01T10:00:00Z") });
    const newer = await makeRun(setup, { status: "FAILED", createdAt: at("2026-02-01T11:00:00Z"), error: { message: "NetSuite said no", code: "http_error", stepId: "create-invoice" } });

    const page = await listRuns({ filter: { workflowId: setup.workflow.id } });
    expect(page).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(page.items.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(page.items[0]).toEqual({
      id: newer.id,
      status: "FAILED",
      trigger: "EVENT",
      sourceRunId: null,
      workflow: { id: setup.workflow.id, name: setup.workflow.name, version: 1 },
      event: { id: setup.event.id, name: setup.customEvent.name },
      userId: setup.endUser.userId,
      error: { message: "NetSuite said no", code: "http_error", stepId: "create-invoice" },
      createdAt: "2026-02-01T11:00:00.000Z",
      startedAt: "2026-02-01T11:00:00.100Z",
      finishedAt: "2026-02-01T11:00:01.600Z",
    });
  });

  it("pages through the runs without gaps or repeats", async () => {
    const setup = await makeRunSetup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.unshift((await makeRun(setup, { createdAt: at(`2026-02-02T10:0${i}:00Z`) })).id);

    const pages = await Promise.all([1, 2, 3].map((page) => listRuns({ filter: { workflowId: setup.workflow.id }, page, pageSize: 2 })));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((r) => r.id))).toEqual(ids);
    expect(pages[0]).toMatchObject({ total: 5, pageCount: 3, pageSize: 2 });
    expect((await listRuns({ filter: { workflowId: setup.workflow.id }, page: 4, pageSize: 2 })).items).toEqual([]);
  });

  it("filters by status, trigger, workflow, event, end user and time", async () => {
    const a = await makeRunSetup();
    const b = await makeRunSetup();
    const otherUser = await makeEndUser();
    const otherUsersEvent = await makeEvent({ customEventId: a.customEvent.id, customEventVersionId: a.customEvent.currentVersionId!, endUserId: otherUser.id });

    const aFailed = await makeRun(a, { status: "FAILED", createdAt: at("2026-03-01T08:00:00Z") });
    const aOk = await makeRun(a, { status: "SUCCEEDED", createdAt: at("2026-03-01T09:00:00Z") });
    const aRetry = await makeRun(a, { status: "RUNNING", trigger: "RETRY", createdAt: at("2026-03-01T10:00:00Z") });
    const aOtherUser = await makeRun({ ...a, endUser: otherUser }, { status: "SUCCEEDED", eventId: otherUsersEvent.id, createdAt: at("2026-03-01T11:00:00Z") });
    const bOk = await makeRun(b, { status: "SUCCEEDED", createdAt: at("2026-03-01T09:30:00Z") });

    const ids = async (query: Record<string, string>) => {
      const { page, ...filter } = ZRunListQuery.parse(query);
      return (await listRuns({ filter, page })).items.map((r) => r.id);
    };
    // Each case is confined to these workflows' events, so other tests' runs never match.
    const both = { since: "2026-03-01T00:00", until: "2026-03-01T23:59" };
    expect(await ids({ ...both, event: a.customEvent.name })).toEqual([aOtherUser.id, aRetry.id, aOk.id, aFailed.id]);
    expect(await ids({ ...both, event: a.customEvent.name, status: "SUCCEEDED" })).toEqual([aOtherUser.id, aOk.id]);
    expect(await ids({ ...both, event: a.customEvent.name, trigger: "RETRY" })).toEqual([aRetry.id]);
    expect(await ids({ ...both, workflowId: b.workflow.id })).toEqual([bOk.id]);
    expect(await ids({ ...both, userId: otherUser.userId })).toEqual([aOtherUser.id]);
    expect(await ids({ ...both, userId: a.endUser.userId })).toEqual([aRetry.id, aOk.id, aFailed.id]);
    expect(await ids({ workflowId: a.workflow.id, since: "2026-03-01T09:00", until: "2026-03-01T10:00" })).toEqual([aRetry.id, aOk.id]);
    expect(await ids({ workflowId: a.workflow.id, since: "2026-03-01T09:00:00.001Z" })).toEqual([aOtherUser.id, aRetry.id]);
    // Malformed values are ignored rather than refused, like the event log's filter.
    expect(await ids({ workflowId: a.workflow.id, status: "NOPE", since: "yesterday" })).toHaveLength(4);
    expect(await ids({ ...both, event: "no_such_event" })).toEqual([]);
  });
});
