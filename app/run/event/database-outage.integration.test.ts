import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { startEmbeddedPostgres, type TEmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { setDerivedEnv } from "@/lib/env";
import { prepareJobQueue } from "@/lib/jobs/prepare-job-queue";
import { makeApiKey, makeCustomEvent, makeEndUser } from "@/lib/testing/factories";
import { POST } from "./route";

// This file stops its database, so it runs on a PostgreSQL server of its own.
const dataDir = mkdtempSync(path.join(tmpdir(), "ce-outage-"));
chmodSync(dataDir, 0o755);
const port = 60000 + Math.floor(Math.random() * 4000);
let database: TEmbeddedDatabase;
let key: string;
let eventName: string;
let userId: string;

async function startDatabase() {
  database = await startEmbeddedPostgres({ dataDir, port, password: "outage" });
  return database.url;
}

beforeAll(async () => {
  const url = await startDatabase();
  await applyMigrations(url);
  await prepareJobQueue(url);
  await disconnectDb();
  setDerivedEnv({ DATABASE_URL: url });
  key = (await makeApiKey()).secret;
  eventName = (await makeCustomEvent()).name;
  userId = (await makeEndUser()).userId;
});

afterAll(async () => {
  await disconnectDb();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function fire(n: number) {
  const response = await POST(
    new NextRequest("http://localhost/run/event", {
      method: "POST",
      headers: { authorization: `bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ event: eventName, userId, data: { id: String(n), invoiceNumber: `INV-${n}`, invoiceAmount: n } }),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get("retry-after") };
}

it("answers 503 with Retry-After while the database is down, and nothing is half-written", async () => {
  expect((await fire(1)).status).toBe(200);

  await database.stop();
  const down = await fire(2);
  expect(down).toEqual({
    status: 503,
    retryAfter: "5",
    body: { code: "unavailable", message: "The service is temporarily unavailable. Nothing was stored; retry after a few seconds." },
  });

  await startDatabase();
  await expect.poll(async () => (await fire(3)).status, { timeout: 20_000, interval: 250 }).toBe(200);
  const stored = await db().event.findMany({ select: { data: true } });
  const numbers = stored.map((e) => (e.data as { id: string }).id).sort();
  expect(numbers[0]).toBe("1");
  expect(numbers).not.toContain("2");
  expect(await db().event.count()).toBe(stored.length);
});
