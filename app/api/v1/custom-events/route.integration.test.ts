import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { INVALID_KEY_MESSAGE } from "@/lib/api-keys/authenticate-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { setCustomEventArchived } from "@/lib/custom-events/set-custom-event-archived";
import { INVOICE_SCHEMA, makeApiKey, makeCustomEvent, unique } from "@/lib/testing/factories";
import { GET as getOne } from "./[name]/route";
import { GET as list } from "./route";

const BASE = "http://localhost/api/v1/custom-events";

function call(path: string, authorization?: string) {
  return new NextRequest(`${BASE}${path}`, { headers: authorization ? { authorization } : {} });
}

describe("GET /api/v1/custom-events", () => {
  it.each([
    ["no header", undefined],
    ["a malformed header", "Basic abc"],
    ["an unknown key", `Bearer ce_live_${"x".repeat(43)}`],
  ])("answers 401 with one message for %s", async (_label, authorization) => {
    const response = await list(call("", authorization), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: INVALID_KEY_MESSAGE, code: "unauthenticated" });
  });

  it("refuses a revoked key with the same message", async () => {
    const { apiKey, secret } = await makeApiKey();
    expect((await list(call("", `bearer ${secret}`), { params: Promise.resolve({}) })).status).toBe(200);
    await revokeApiKey({ id: apiKey.id });
    const response = await list(call("", `bearer ${secret}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: INVALID_KEY_MESSAGE, code: "unauthenticated" });
  });

  it("lists events with name, description, version and schema; archived ones only on request", async () => {
    const { secret } = await makeApiKey();
    const live = await makeCustomEvent({ name: unique("live_") });
    const archived = await makeCustomEvent({ name: unique("old_") });
    await setCustomEventArchived({ name: archived.name, archived: true });

    const response = await list(call("?pageSize=100", `BEARER ${secret}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { name: string }[]; total: number; page: number };
    expect(body.data).toContainEqual(
      expect.objectContaining({ name: live.name, description: "Test event", version: 1, schema: INVOICE_SCHEMA, archived: false }),
    );
    expect(body.data.map((e) => e.name)).not.toContain(archived.name);

    const all = (await (await list(call("?pageSize=100&includeArchived=true", `bearer ${secret}`), { params: Promise.resolve({}) })).json()) as {
      data: { name: string; archived: boolean }[];
    };
    expect(all.data).toContainEqual(expect.objectContaining({ name: archived.name, archived: true }));
  });

  it("refuses a bad page size with a specific message", async () => {
    const { secret } = await makeApiKey();
    const response = await list(call("?pageSize=1000", `bearer ${secret}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "pageSize must be a whole number from 1 to 100.", code: "bad_request" });
  });
});

describe("GET /api/v1/custom-events/{name}", () => {
  it("returns the current version of one event", async () => {
    const { secret } = await makeApiKey();
    const event = await makeCustomEvent();
    const response = await getOne(call(`/${event.name}`, `bearer ${secret}`), { params: Promise.resolve({ name: event.name }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: event.name, version: 1, schema: INVOICE_SCHEMA, archived: false });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 404 naming the unknown event", async () => {
    const { secret } = await makeApiKey();
    const response = await getOne(call("/nope", `bearer ${secret}`), { params: Promise.resolve({ name: "no_such_event" }) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'There is no Custom Event named "no_such_event".', code: "not_found" });
  });
});
