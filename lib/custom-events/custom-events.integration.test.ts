import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { INVOICE_SCHEMA, makeCustomEvent, makeWorkflow, testActor, unique } from "@/lib/testing/factories";
import { createCustomEvent } from "./create-custom-event";
import { deleteCustomEvent } from "./delete-custom-event";
import { getCustomEventOrThrow } from "./get-custom-event";
import { listCustomEvents, listCustomEventVersions } from "./list-custom-events";
import { previewSchemaChange } from "./preview-schema-change";
import { restoreCustomEventVersion } from "./restore-custom-event-version";
import { saveCustomEventVersion } from "./save-custom-event-version";
import { setCustomEventArchived } from "./set-custom-event-archived";

const withoutAmount = () => {
  const schema = structuredClone(INVOICE_SCHEMA) as { properties: Record<string, unknown>; required: string[] };
  delete schema.properties.invoiceAmount;
  schema.required = ["id", "invoiceNumber"];
  return schema;
};

describe("creating Custom Events", () => {
  it("stores version 1 with the schema, sample and author", async () => {
    const event = await makeCustomEvent();
    expect(event.currentVersion).toMatchObject({ version: 1, schema: INVOICE_SCHEMA, createdByName: "Test" });
  });

  it.each([
    ["Create Invoice", "Use lowercase letters, digits, and _ or . between words, starting with a letter (e.g. invoice_created or order.completed)."],
    ["", "Enter an event name."],
    ["a".repeat(65), "Event names are at most 64 characters."],
  ])("refuses the name %j with a clear message", async (name, message) => {
    await expect(
      createCustomEvent({ actor: testActor, input: { name, schema: structuredClone(INVOICE_SCHEMA) } }),
    ).rejects.toMatchObject({ code: "validation_failed", message });
  });

  it("accepts dotted names and refuses a duplicate", async () => {
    const name = `order.${unique("completed_")}`;
    await makeCustomEvent({ name });
    await expect(makeCustomEvent({ name })).rejects.toMatchObject({
      code: "conflict",
      message: `A Custom Event named "${name}" already exists.`,
    });
  });

  it("refuses a schema whose root is not an object, or with a remote $ref, listing where", async () => {
    await expect(
      createCustomEvent({ actor: testActor, input: { name: unique("bad_"), schema: { type: "string" } } }),
    ).rejects.toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ path: "/schema/type" })] });
    await expect(
      createCustomEvent({
        actor: testActor,
        input: { name: unique("bad_"), schema: { type: "object", properties: { a: { $ref: "https://example.com/a.json" } } } },
      }),
    ).rejects.toMatchObject({ code: "validation_failed", details: [expect.objectContaining({ path: "/schema/properties/a/$ref" })] });
  });

  it("refuses a sample that does not match the schema", async () => {
    await expect(makeCustomEvent({ sample: { id: "1", invoiceNumber: "x", invoiceAmount: "ten" } })).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ path: "/sample/invoiceAmount", message: "/invoiceAmount must be a number", keyword: "type" }],
    });
  });
});

describe("versions", () => {
  it("saves a non-breaking change as the next version and keeps the old one", async () => {
    const event = await makeCustomEvent();
    const schema = structuredClone(INVOICE_SCHEMA) as { properties: Record<string, unknown> };
    schema.properties.notes = { type: "string" };
    const saved = await saveCustomEventVersion({ actor: testActor, input: { name: event.name, schema, baseVersion: 1 } });
    expect(saved).toMatchObject({ created: true, version: { version: 2 } });
    const versions = await listCustomEventVersions({ name: event.name });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.schema).toEqual(INVOICE_SCHEMA);
  });

  it("keeps the field order as written, and a reorder alone is a new version", async () => {
    const event = await makeCustomEvent();
    const stored = await getCustomEventOrThrow(event.name);
    expect(Object.keys((stored.currentVersion.schema as { properties: object }).properties)).toEqual(["id", "invoiceNumber", "invoiceAmount"]);

    const reordered = { ...INVOICE_SCHEMA, properties: { invoiceAmount: { type: "number" }, id: { type: "string" }, invoiceNumber: { type: "string" } } };
    const saved = await saveCustomEventVersion({ actor: testActor, input: { name: event.name, schema: reordered } });
    expect(saved.created).toBe(true);
    const after = await getCustomEventOrThrow(event.name);
    expect(Object.keys((after.currentVersion.schema as { properties: object }).properties)).toEqual(["invoiceAmount", "id", "invoiceNumber"]);
  });

  it("does not create a version when nothing but the description changed", async () => {
    const event = await makeCustomEvent();
    const saved = await saveCustomEventVersion({
      actor: testActor,
      input: { name: event.name, description: "New words", schema: structuredClone(INVOICE_SCHEMA), sample: event.currentVersion!.sample },
    });
    expect(saved.created).toBe(false);
    expect((await getCustomEventOrThrow(event.name)).description).toBe("New words");
    expect(await listCustomEventVersions({ name: event.name })).toHaveLength(1);
  });

  it("refuses a breaking change until confirmed, naming the workflows that use the field", async () => {
    const event = await makeCustomEvent();
    await makeWorkflow({ customEventId: event.id, name: "Create NetSuite invoice", usesFields: ["/invoiceAmount"] });
    await makeWorkflow({ customEventId: event.id, name: "Unrelated", usesFields: ["/id"] });

    const preview = await previewSchemaChange({ name: event.name, schema: withoutAmount() });
    expect(preview.breaking).toBe(true);
    expect(preview.changes).toEqual([expect.objectContaining({ path: "/invoiceAmount", kind: "removed", breaking: true })]);
    expect(preview.affectedWorkflows).toEqual([
      expect.objectContaining({ name: "Create NetSuite invoice", fields: ["/invoiceAmount"] }),
    ]);

    const attempt = saveCustomEventVersion({ actor: testActor, input: { name: event.name, schema: withoutAmount(), sample: null } });
    await expect(attempt).rejects.toMatchObject({ code: "conflict" });
    await expect(attempt).rejects.toThrow(/Workflows using these fields: Create NetSuite invoice\. Confirm to save it anyway\./);
    expect(await listCustomEventVersions({ name: event.name })).toHaveLength(1);

    const confirmed = await saveCustomEventVersion({
      actor: testActor,
      input: { name: event.name, schema: withoutAmount(), sample: null, confirmBreaking: true },
    });
    expect(confirmed.version.version).toBe(2);
  });

  it("refuses to save over a version someone else saved meanwhile", async () => {
    const event = await makeCustomEvent();
    const schema = structuredClone(INVOICE_SCHEMA) as { properties: Record<string, unknown> };
    schema.properties.a = { type: "string" };
    await saveCustomEventVersion({ actor: { type: "system", name: "Alice" }, input: { name: event.name, schema, baseVersion: 1 } });
    schema.properties.b = { type: "string" };
    await expect(saveCustomEventVersion({ actor: testActor, input: { name: event.name, schema, baseVersion: 1 } })).rejects.toMatchObject({
      code: "conflict",
      message: "Version 2 was saved by Alice after you opened version 1. Reload to see it, then apply your changes again.",
    });
  });

  it("numbers concurrent saves one after the other", async () => {
    const event = await makeCustomEvent();
    const saves = ["a", "b", "c", "d"].map((field) => {
      const schema = structuredClone(INVOICE_SCHEMA) as { properties: Record<string, unknown> };
      schema.properties[field] = { type: "string" };
      // Each save drops the fields the others add, a breaking change, hence the confirmation.
      return saveCustomEventVersion({ actor: testActor, input: { name: event.name, schema, confirmBreaking: true } });
    });
    const results = await Promise.all(saves);
    expect(results.map((r) => r.version.version).sort()).toEqual([2, 3, 4, 5]);
  });

  it("restores an old version by saving it as the newest", async () => {
    const event = await makeCustomEvent();
    await saveCustomEventVersion({ actor: testActor, input: { name: event.name, schema: withoutAmount(), sample: null, confirmBreaking: true } });
    const restored = await restoreCustomEventVersion({ actor: testActor, name: event.name, version: 1 });
    expect(restored.version).toMatchObject({ version: 3, note: "Restored from version 1", schema: INVOICE_SCHEMA });
    expect((await getCustomEventOrThrow(event.name)).currentVersion.version).toBe(3);
    await expect(restoreCustomEventVersion({ actor: testActor, name: event.name, version: 3 })).rejects.toMatchObject({
      message: "Version 3 is already the current version.",
    });
    await expect(restoreCustomEventVersion({ actor: testActor, name: event.name, version: 9 })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("lifecycle", () => {
  it("refuses to delete an event that a workflow uses, listing the workflows", async () => {
    const event = await makeCustomEvent();
    await makeWorkflow({ customEventId: event.id, name: "Beta sync" });
    await makeWorkflow({ customEventId: event.id, name: "Alpha sync" });
    await expect(deleteCustomEvent({ name: event.name })).rejects.toMatchObject({
      code: "conflict",
      message: `"${event.name}" triggers 2 workflows: Alpha sync, Beta sync. Delete or re-point them first, or archive the event instead.`,
    });
  });

  it("deletes an unused event with its versions", async () => {
    const event = await makeCustomEvent();
    await deleteCustomEvent({ name: event.name });
    await expect(getCustomEventOrThrow(event.name)).rejects.toMatchObject({ code: "not_found" });
    expect(await db().customEventVersion.count({ where: { customEventId: event.id } })).toBe(0);
  });

  it("hides archived events from lists unless asked, and can unarchive", async () => {
    const event = await makeCustomEvent({ name: unique("zz_archived_") });
    await setCustomEventArchived({ name: event.name, archived: true });
    const names = async (includeArchived: boolean) =>
      (await listCustomEvents({ includeArchived, pageSize: 100 })).items.map((e) => e.name);
    expect(await names(false)).not.toContain(event.name);
    expect(await names(true)).toContain(event.name);
    await setCustomEventArchived({ name: event.name, archived: false });
    expect(await names(false)).toContain(event.name);
  });
});
