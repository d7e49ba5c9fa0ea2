import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_DESCRIPTORS, listActions } from "@/lib/connectors/catalog";
import { actions, getActionOrThrow } from "@/lib/connectors/registry";
import { checkSchemaDefinition, validateData } from "@/lib/schemas/validator";

describe("connector catalog", () => {
  it("lists every executable action with its connector's connection fields", () => {
    expect(listActions().map((a) => [a.key, a.connectorName, a.requiresConnection, a.connectionFields.map((f) => f.key)])).toEqual([
      ["netsuite.createInvoice", "NetSuite", true, ["accountId", "consumerKey", "consumerSecret", "tokenId", "tokenSecret", "baseUrl"]],
      ["http.request", "HTTP", false, []],
      ["webhook.send", "Webhook", true, ["signingSecret"]],
    ]);
    expect(actions.map((a) => a.key)).toEqual(ACTION_DESCRIPTORS.map((a) => a.key));
    expect(() => getActionOrThrow("erp.nothing")).toThrow('Unknown connector action "erp.nothing"; known actions: netsuite.createInvoice, http.request, webhook.send.');
  });

  it.each(ACTION_DESCRIPTORS.map((a) => [a.key, a]))("%s has a valid draft 2020-12 input schema with titles", (_key, action) => {
    const check = checkSchemaDefinition(action.inputSchema);
    expect(check).toMatchObject({ ok: true });
    const properties = action.inputSchema.properties as Record<string, { title?: string }>;
    for (const property of Object.values(properties)) expect(property.title).toBeTruthy();
  });

  it("describes the NetSuite invoice the mapping UI fills in", () => {
    const schema = ACTION_DESCRIPTORS[0]!.inputSchema;
    const valid = { entity: { id: "42" }, externalId: "inv_1", tranDate: "2026-01-31", item: { items: [{ item: { id: "7" }, amount: 10 }] } };
    expect(validateData(schema, valid)).toEqual({ valid: true });
    const invalid = validateData(schema, { entity: {}, externalId: "inv_1", tranDate: "31/01/2026", item: { items: [{ item: { id: "7" } }] } });
    expect(invalid.valid || invalid.errors.map((e) => e.path)).toEqual(["/entity/id", "/item/items/0/amount", "/tranDate"]);
  });

  it("stays importable from client components (no node modules, no server-only)", () => {
    for (const file of ["catalog.ts", "types.ts", "redaction.ts", "retry.ts", "step-error.ts"]) {
      const source = readFileSync(path.join(import.meta.dirname, file), "utf8");
      expect(source, file).not.toMatch(/from "node:|import "server-only"|require\(/);
      for (const [, imported] of source.matchAll(/from "([^"]+)"/g)) {
        expect(["./types", "./retry", "./step-error", "@/lib/mapping/types"], `${file} imports ${imported}`).toContain(imported);
      }
    }
  });
});
