import { describe, expect, it } from "vitest";
import { saveCustomEventVersion } from "@/lib/custom-events/save-custom-event-version";
import { setCustomEventArchived } from "@/lib/custom-events/set-custom-event-archived";
import { db, sql } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { fireEvent } from "@/lib/events/fire-event";
import { storeEventStats } from "@/lib/events/store-events";
import { INVOICE_SCHEMA, activate, makeCustomEvent, makeEndUser, makeWorkflow, testActor, unique } from "@/lib/testing/factories";

// fireEvent's write path shares statements between concurrent requests and remembers which
// schema version is current. These tests hold it to what a caller sees: every request gets its
// own event and runs, one bad request does not fail its neighbours, and a remembered version
// never lets an event through against a contract that has changed.

const invoice = (n: number) => ({ id: `inv_${n}`, invoiceNumber: `INV-${n}`, invoiceAmount: n });

async function fire(event: string, userId: string, data: Record<string, unknown>) {
  try {
    return { ok: true as const, ...(await fireEvent({ actor: testActor, source: "TEST", event, userId, data })) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false as const, status: error.status, code: error.code, message: error.message };
  }
}

describe("fireEvent under concurrency", () => {
  it("gives each of 60 simultaneous requests its own event, runs and jobs", async () => {
    const event = await makeCustomEvent();
    const workflow = await makeWorkflow({ customEventId: event.id, name: unique("Concurrent ") });
    await db().workflow.update({ where: { id: workflow.id }, data: { allEndUsers: true } });
    await activate(workflow.id);
    const users = await Promise.all(Array.from({ length: 6 }, () => makeEndUser()));
    await fireEvent({ actor: testActor, source: "TEST", event: event.name, userId: users[0]!.userId, data: invoice(0) });
    const before = storeEventStats();

    const fired = await Promise.all(
      Array.from({ length: 60 }, (_, n) => fireEvent({ actor: testActor, source: "TEST", event: event.name, userId: users[n % 6]!.userId, data: invoice(n) })),
    );

    // They travelled together: far fewer statements than requests.
    const after = storeEventStats();
    expect(after.entries - before.entries).toBe(60);
    expect(after.statements - before.statements).toBeLessThanOrEqual(4);

    const stored = await db().event.findMany({ where: { customEventId: event.id }, include: { runs: true, endUser: true } });
    expect(stored).toHaveLength(61);
    for (const [n, { result }] of fired.entries()) {
      const row = stored.find((e) => e.id === result.eventId)!;
      expect(row.data).toEqual(invoice(n));
      expect(row.endUser.userId).toBe(users[n % 6]!.userId);
      expect(result.runs).toEqual([{ runId: row.runs[0]!.id, workflowId: workflow.id, workflowName: workflow.name }]);
    }
    const runIds = fired.map(({ result }) => result.runs[0]!.runId);
    const [jobs] = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'run_workflow' AND key = ANY($1::text[])`,
      [runIds.map((id) => `run:${id}`)],
    );
    expect(Number(jobs!.n)).toBe(60);
  });

  it("fails only the request the database refuses; its neighbours in the same statement are stored", async () => {
    const event = await makeCustomEvent();
    const userId = (await makeEndUser()).userId;
    // A row-level refusal inside the shared statement, as a concurrent delete or a constraint would cause.
    await sql(`CREATE OR REPLACE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.data->>'id' = 'poison' THEN RAISE EXCEPTION 'poisoned event'; END IF; RETURN NEW; END $$`);
    const trigger = unique("refuse_poison_");
    await sql(`CREATE TRIGGER ${trigger} BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION test_refuse_poison()`);
    try {
      // Warm: with the version remembered, all 20 reach the batcher in the same turn.
      await fireEvent({ actor: testActor, source: "TEST", event: event.name, userId, data: invoice(100) });
      const before = storeEventStats();
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) => fireEvent({ actor: testActor, source: "TEST", event: event.name, userId, data: n === 7 ? { ...invoice(n), id: "poison" } : invoice(n) })),
      );
      expect(results.map((r) => r.status)).toEqual(Array.from({ length: 20 }, (_, n) => (n === 7 ? "rejected" : "fulfilled")));
      expect(await db().event.count({ where: { customEventId: event.id } })).toBe(20);
      // One shared statement, refused, then each of the 20 on its own.
      expect(storeEventStats().statements - before.statements).toBe(21);
    } finally {
      await sql(`DROP TRIGGER ${trigger} ON events`);
      await sql(`DROP FUNCTION test_refuse_poison()`);
    }
  });
});

describe("fireEvent when the event changes", () => {
  it("validates against a schema version published after the current one was remembered", async () => {
    const event = await makeCustomEvent();
    const userId = (await makeEndUser()).userId;
    expect(await fire(event.name, userId, invoice(1))).toMatchObject({ ok: true });

    // Version 2 requires a currency. A write made by another process would not touch this
    // process's memory either, so the statement itself must notice.
    const schema = structuredClone(INVOICE_SCHEMA) as typeof INVOICE_SCHEMA & { properties: Record<string, unknown> };
    schema.properties.currency = { type: "string" };
    schema.required = [...schema.required, "currency"];
    const { version } = await saveCustomEventVersion({
      actor: testActor,
      input: { name: event.name, description: "Test event", schema, sample: { ...invoice(1), currency: "EUR" }, confirmBreaking: true },
    });

    const refused = await fire(event.name, userId, invoice(2));
    expect(refused).toMatchObject({ ok: false, status: 422, code: "data_invalid" });
    expect(refused.ok || refused.message).toContain("(version 2)");

    const accepted = await fire(event.name, userId, { ...invoice(3), currency: "EUR" });
    expect(accepted.ok).toBe(true);
    const row = await db().event.findUniqueOrThrow({ where: { id: accepted.ok ? accepted.result.eventId : "" } });
    expect(row.customEventVersionId).toBe(version.id);
  });

  it("accepts data that a newer, less strict version allows, though an older one was remembered", async () => {
    const event = await makeCustomEvent();
    const userId = (await makeEndUser()).userId;
    expect(await fire(event.name, userId, invoice(1))).toMatchObject({ ok: true });
    const { version } = await saveCustomEventVersion({
      actor: testActor,
      input: { name: event.name, description: "Test event", schema: { ...structuredClone(INVOICE_SCHEMA), required: ["id", "invoiceNumber"] }, sample: invoice(1) },
    });
    const accepted = await fire(event.name, userId, { id: "inv_2", invoiceNumber: "INV-2" });
    expect(accepted).toMatchObject({ ok: true });
    const row = await db().event.findUniqueOrThrow({ where: { id: accepted.ok ? accepted.result.eventId : "" } });
    expect(row.customEventVersionId).toBe(version.id);
  });

  it("refuses an event archived after it was remembered, and fires it again once unarchived", async () => {
    const event = await makeCustomEvent();
    const userId = (await makeEndUser()).userId;
    expect(await fire(event.name, userId, invoice(1))).toMatchObject({ ok: true });
    await setCustomEventArchived({ name: event.name, archived: true });
    expect(await fire(event.name, userId, invoice(2))).toMatchObject({ ok: false, status: 409, code: "event_archived" });
    await setCustomEventArchived({ name: event.name, archived: false });
    expect(await fire(event.name, userId, invoice(3))).toMatchObject({ ok: true });
    expect(await db().event.count({ where: { customEventId: event.id } })).toBe(2);
  });

  it("queues a run for a workflow activated a moment ago", async () => {
    const event = await makeCustomEvent();
    const userId = (await makeEndUser()).userId;
    const before = await fire(event.name, userId, invoice(1));
    expect(before.ok && before.result.runs).toEqual([]);
    const workflow = await makeWorkflow({ customEventId: event.id });
    await db().workflow.update({ where: { id: workflow.id }, data: { allEndUsers: true } });
    await activate(workflow.id);
    const after = await fire(event.name, userId, invoice(2));
    expect(after.ok && after.result.runs.map((r) => r.workflowId)).toEqual([workflow.id]);
  });

  it("reports an unknown end user before invalid data, and stores nothing", async () => {
    const event = await makeCustomEvent();
    expect(await fire(event.name, "nobody-" + unique(), { id: 1 })).toMatchObject({ ok: false, status: 404, code: "end_user_not_found" });
    expect(await fire(event.name, "nobody-" + unique(), invoice(1))).toMatchObject({ ok: false, status: 404, code: "end_user_not_found" });
    expect(await db().event.count({ where: { customEventId: event.id } })).toBe(0);
  });
});
