import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setCustomEventArchived } from "@/lib/custom-events/set-custom-event-archived";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getFormOrThrow } from "@/lib/forms/get-form";
import { listForms } from "@/lib/forms/list-forms";
import { searchEndUsers } from "@/lib/forms/search-end-users";
import { setFormEnabled } from "@/lib/forms/set-form-enabled";
import { submitForm, type TStaffActor } from "@/lib/forms/submit-form";
import { queuedJobs } from "@/lib/runs/testing";
import { activate, makeCustomEvent, makeEndUser, makeWorkflow, unique } from "@/lib/testing/factories";

const goodData = { id: "inv_1", invoiceNumber: "INV-1", invoiceAmount: 12.5 };

function staff(): TStaffActor {
  return { type: "staff", id: randomUUID(), name: "Clara Clerk" };
}

/** An event with its form on, one active workflow, and an end user. */
async function formSetup({ enabled = true }: { enabled?: boolean } = {}) {
  const event = await makeCustomEvent();
  const workflow = await activate((await makeWorkflow({ customEventId: event.id, name: unique("Create invoice ") })).id);
  const endUser = await makeEndUser();
  if (enabled) await setFormEnabled({ eventName: event.name, enabled: true });
  return { event, workflow, endUser };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("submitForm", () => {
  it("stores the event with source FORM and the staff user, and queues a run per active workflow", async () => {
    const { event, workflow, endUser } = await formSetup();
    const actor = staff();

    const submission = await submitForm({ actor, eventName: event.name, userId: endUser.userId, data: goodData, idempotencyKey: randomUUID() });

    expect(submission).toEqual({
      eventId: expect.any(String),
      runs: [{ runId: expect.any(String), workflowId: workflow.id, workflowName: workflow.name }],
      replayed: false,
    });
    const stored = await db().event.findUniqueOrThrow({ where: { id: submission.eventId }, include: { runs: true } });
    expect(stored).toMatchObject({ source: "FORM", staffUserId: actor.id, apiKeyId: null, endUserId: endUser.id, data: goodData });
    expect(stored.runs).toEqual([expect.objectContaining({ id: submission.runs[0]!.runId, status: "QUEUED", workflowId: workflow.id })]);
    const jobs = await queuedJobs("run_workflow");
    expect(jobs).toContainEqual({ key: `run:${submission.runs[0]!.runId}`, payload: { runId: submission.runs[0]!.runId } });
  });

  it("answers a second submit with the same key (a double click, a resubmitted page) with the first result and stores one event", async () => {
    const { event, endUser } = await formSetup();
    const actor = staff();
    const input = { actor, eventName: event.name, userId: endUser.userId, data: goodData, idempotencyKey: randomUUID() };

    const first = await submitForm(input);
    const again = await submitForm(input);
    // A double click: two requests at once.
    const [c1, c2] = await Promise.all([submitForm({ ...input, idempotencyKey: "double-click" }), submitForm({ ...input, idempotencyKey: "double-click" })]);

    expect(again).toEqual({ ...first, replayed: true });
    expect(c1.eventId).toBe(c2.eventId);
    expect([c1.replayed, c2.replayed].sort()).toEqual([false, true]);
    expect(await db().event.count({ where: { customEventId: event.id } })).toBe(2);
    expect(await db().run.count({ where: { event: { customEventId: event.id } } })).toBe(2);
  });

  it("keeps each staff user's keys apart, and a new key fires a new event", async () => {
    const { event, endUser } = await formSetup();
    const base = { eventName: event.name, userId: endUser.userId, data: goodData, idempotencyKey: "same-key" };
    const a = await submitForm({ ...base, actor: staff() });
    const b = await submitForm({ ...base, actor: staff() });
    expect(a.eventId).not.toBe(b.eventId);
    expect(b.replayed).toBe(false);
  });

  it("refuses a disabled form, an archived event's form and an unknown event, storing nothing", async () => {
    const disabled = await formSetup({ enabled: false });
    const archived = await formSetup();
    await setCustomEventArchived({ name: archived.event.name, archived: true });
    const before = await db().event.count();

    const cases = [
      { eventName: disabled.event.name, userId: disabled.endUser.userId, code: "not_found", message: `The form of "${disabled.event.name}" is not enabled. An admin can enable it on the event's page.` },
      { eventName: archived.event.name, userId: archived.endUser.userId, code: "event_archived", message: `The Custom Event "${archived.event.name}" is archived, so its form cannot be used. Unarchive it to use it again.` },
      { eventName: "no_such_event", userId: disabled.endUser.userId, code: "not_found", message: 'There is no Custom Event named "no_such_event".' },
    ];
    for (const { eventName, userId, code, message } of cases) {
      const error = await rejection(submitForm({ actor: staff(), eventName, userId, data: goodData, idempotencyKey: randomUUID() }));
      expect({ code: error.code, message: error.message }, eventName).toEqual({ code, message });
    }
    expect(await db().event.count()).toBe(before);
  });

  it("refuses invalid data with an error per field, as JSON pointers, storing nothing; the key stays usable", async () => {
    const { event, endUser } = await formSetup();
    const actor = staff();
    const idempotencyKey = randomUUID();

    const error = await rejection(
      submitForm({ actor, eventName: event.name, userId: endUser.userId, data: { id: "inv_2", invoiceAmount: "abc" }, idempotencyKey }),
    );
    expect(error.code).toBe("data_invalid");
    expect(error.details).toEqual([
      { path: "/invoiceAmount", keyword: "type", message: "/invoiceAmount must be a number" },
      { path: "/invoiceNumber", keyword: "required", message: "invoiceNumber is required" },
    ]);
    expect(await db().event.count({ where: { customEventId: event.id } })).toBe(0);

    // Fixed and submitted again with the same key: fired once.
    const fixed = await submitForm({ actor, eventName: event.name, userId: endUser.userId, data: { id: "inv_2", invoiceNumber: "INV-2", invoiceAmount: 10 }, idempotencyKey });
    expect(fixed.replayed).toBe(false);
    expect(await db().event.count({ where: { customEventId: event.id } })).toBe(1);
  });

  it("refuses an unknown end user", async () => {
    const { event } = await formSetup();
    const error = await rejection(submitForm({ actor: staff(), eventName: event.name, userId: "nobody-here", data: goodData, idempotencyKey: randomUUID() }));
    expect(error.code).toBe("end_user_not_found");
  });
});

describe("forms list, form lookup and the enable switch", () => {
  it("lists only enabled forms of events that are not archived, and serves only those", async () => {
    const on = await formSetup();
    const off = await formSetup({ enabled: false });
    const archived = await formSetup();
    await setCustomEventArchived({ name: archived.event.name, archived: true });

    const names = (await listForms()).map((form) => form.name);
    expect(names).toContain(on.event.name);
    expect(names).not.toContain(off.event.name);
    expect(names).not.toContain(archived.event.name);
    expect((await listForms()).find((form) => form.name === on.event.name)).toEqual({ name: on.event.name, description: "Test event", version: 1, lastFiredAt: null });

    expect(await getFormOrThrow({ eventName: on.event.name })).toMatchObject({ name: on.event.name, version: 1, schema: { type: "object" }, uiSchema: null });
    expect((await rejection(getFormOrThrow({ eventName: off.event.name }))).code).toBe("not_found");
    expect((await rejection(getFormOrThrow({ eventName: archived.event.name }))).code).toBe("event_archived");
  });

  it("turns a form off and on; an archived event's form cannot be turned on", async () => {
    const { event } = await formSetup();
    expect(await setFormEnabled({ eventName: event.name, enabled: false })).toEqual({ name: event.name, formEnabled: false });
    await setCustomEventArchived({ name: event.name, archived: true });
    expect((await rejection(setFormEnabled({ eventName: event.name, enabled: true }))).code).toBe("event_archived");
    expect((await rejection(setFormEnabled({ eventName: "missing_event", enabled: true }))).code).toBe("not_found");
  });
});

describe("searchEndUsers", () => {
  it("finds end users by id, username or name, with the exact id first", async () => {
    const tag = unique("acme");
    const exact = await makeEndUser(`${tag}`);
    await makeEndUser(`${tag}-2`);
    await makeEndUser(`${tag}-3`);

    const result = await searchEndUsers({ search: tag, limit: 2 });
    expect(result.total).toBe(3);
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toEqual({ userId: exact.userId, username: null, fullName: "Test User" });
    expect((await searchEndUsers({ search: `${tag}-3` })).items.map((u) => u.userId)).toEqual([`${tag}-3`]);
  });
});
