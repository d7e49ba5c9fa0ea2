import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { signOAuth1 } from "@/lib/connectors/oauth1";
import { DEMO_NETSUITE_ACCOUNT, startFakeNetSuite, type TFakeNetSuite } from "@/lib/demo/fake-netsuite";

// The fake's own behaviour, beyond what the connector tests exercise: NetSuite-shaped refusals,
// replay protection, the unsigned inspection endpoint and persistence across restarts.

const account = DEMO_NETSUITE_ACCOUNT;
const INVOICE_PATH = "/services/rest/record/v1/invoice";
const started: TFakeNetSuite[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

async function start(options: Partial<Parameters<typeof startFakeNetSuite>[0]> = {}) {
  const fake = await startFakeNetSuite({ accounts: [account], ...options });
  started.push(fake);
  return fake;
}

function signed(fake: TFakeNetSuite, method: string, pathname: string, options: { body?: unknown; nonce?: string; secret?: string; realm?: string } = {}) {
  const url = `${fake.url}${pathname}`;
  const authorization = signOAuth1({
    method,
    url,
    consumerKey: account.consumerKey,
    consumerSecret: options.secret ?? account.consumerSecret,
    tokenId: account.tokenId,
    tokenSecret: account.tokenSecret,
    realm: options.realm ?? account.accountId,
    nonce: options.nonce,
  });
  return fetch(url, {
    method,
    headers: { Authorization: authorization, ...(options.body !== undefined ? { "Content-Type": "application/json" } : {}) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

const valid = { entity: { id: "1" }, externalId: "ext-1", item: { items: [{ item: { id: "1" }, amount: 10 }, { item: { id: "2" }, amount: 2.5 }] } };

describe("startFakeNetSuite", () => {
  it("creates, reads by id and by external ID, and lists invoices", async () => {
    const fake = await start();
    const created = await signed(fake, "POST", INVOICE_PATH, { body: valid });
    expect(created.status).toBe(204);
    const location = created.headers.get("location")!;
    expect(location).toBe(`${fake.url}${INVOICE_PATH}/1001`);
    expect(fake.invoices).toEqual([expect.objectContaining({ id: "1001", externalId: "ext-1", total: 12.5, accountId: "DEMO123" })]);

    for (const reference of ["1001", "eid:ext-1"]) {
      const read = await signed(fake, "GET", `${INVOICE_PATH}/${reference}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id: "1001", externalId: "ext-1", links: [{ rel: "self", href: location }] });
    }
    const listed = await fetch(`${fake.url}/invoices`);
    expect(await listed.json()).toEqual([expect.objectContaining({ id: "1001" })]);
    expect(fake.requests).toBe(3);
  });

  it.each([
    ["a wrong secret", { secret: "nope" }],
    ["a wrong realm", { realm: "OTHER" }],
  ])("answers 401 INVALID_LOGIN for %s", async (_label, options) => {
    const fake = await start();
    const response = await signed(fake, "POST", INVOICE_PATH, { body: valid, ...options });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ title: "Unauthorized", status: 401, "o:errorDetails": [{ "o:errorCode": "INVALID_LOGIN" }] });
    expect(fake.invoices).toHaveLength(0);
  });

  it("refuses a replayed nonce and an unsigned request", async () => {
    const fake = await start();
    expect((await signed(fake, "GET", `${INVOICE_PATH}/1`, { nonce: "same-nonce" })).status).toBe(404);
    const replay = await signed(fake, "GET", `${INVOICE_PATH}/1`, { nonce: "same-nonce" });
    expect(replay.status).toBe(401);
    expect(replay.headers.get("x-fake-netsuite-reason")).toBe("nonce already used");
    expect((await fetch(`${fake.url}${INVOICE_PATH}`, { method: "POST", body: "{}" })).status).toBe(401);
  });

  it.each([
    [{ ...valid, entity: undefined }, "USER_ERROR", "entity"],
    [{ ...valid, item: { items: [] } }, "USER_ERROR", "item"],
    [{ ...valid, item: { items: [{ amount: 1 }] } }, "USER_ERROR", "item.items[0].item"],
  ])("refuses %j with a NetSuite error", async (body, code, errorPath) => {
    const fake = await start();
    const response = await signed(fake, "POST", INVOICE_PATH, { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, "o:errorDetails": [{ "o:errorCode": code, "o:errorPath": errorPath }] });
  });

  it("refuses a second invoice with the same external ID", async () => {
    const fake = await start();
    await signed(fake, "POST", INVOICE_PATH, { body: valid });
    const again = await signed(fake, "POST", INVOICE_PATH, { body: valid });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ "o:errorDetails": [{ "o:errorCode": "DUP_RCRD", detail: expect.stringMatching(/already exists/) }] });
    expect(fake.invoices).toHaveLength(1);
  });

  it("fails on demand with 503, then recovers", async () => {
    const fake = await start({ failNext: 2 });
    expect((await signed(fake, "POST", INVOICE_PATH, { body: valid })).status).toBe(503);
    expect((await signed(fake, "POST", INVOICE_PATH, { body: valid })).status).toBe(503);
    expect((await signed(fake, "POST", INVOICE_PATH, { body: valid })).status).toBe(204);
  });

  it("keeps invoices in its file across restarts, and reset empties it", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "fake-netsuite-")), "invoices.json");
    const first = await start({ file });
    await signed(first, "POST", INVOICE_PATH, { body: valid });
    await first.close();
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveLength(1);

    const second = await start({ file });
    expect(second.invoices).toEqual([expect.objectContaining({ id: "1001", externalId: "ext-1" })]);
    const duplicate = await signed(second, "POST", INVOICE_PATH, { body: valid });
    expect(duplicate.status).toBe(400);
    const next = await signed(second, "POST", INVOICE_PATH, { body: { ...valid, externalId: "ext-2" } });
    expect(next.headers.get("location")).toMatch(/\/invoice\/1002$/);
    await second.reset();
    expect(second.invoices).toHaveLength(0);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual([]);
  });
});
