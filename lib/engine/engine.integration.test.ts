import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { encryptJson } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { executeRun } from "@/lib/engine/execute-run";
import { engineStatementStats } from "@/lib/engine/run-statements";
import { fireEvent } from "@/lib/events/fire-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startWorker, type TWorker } from "@/lib/jobs/start-worker";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { startFakeNetSuite } from "@/lib/demo/fake-netsuite";
import { saveNotificationSettings } from "@/lib/notifications/save-notification-settings";
import { startHttpSink } from "@/lib/testing/http-sink";
import { makeCustomEvent, makeEndUser, testActor, unique } from "@/lib/testing/factories";

// The engine end to end: events fired through fireEvent, runs executed by a real graphile-worker
// on this test's database, connectors calling real HTTP servers on 127.0.0.1.

const log = pino({ level: "silent" });
const ACCOUNT = {
  accountId: "TSTDRV123",
  consumerKey: "ck-test",
  consumerSecret: "cs-test-secret",
  tokenId: "tk-test",
  tokenSecret: "ts-test-secret",
};

let worker: TWorker | undefined;

beforeAll(async () => {
  worker = await startWorker({ databaseUrl: env().DATABASE_URL!, concurrency: 4, log, lostAfterSeconds: 30 });
});
afterAll(async () => {
  await worker?.stop();
});

async function makeWorkflowWith(customEventId: string, steps: TWorkflowStep[]) {
  const workflow = await db().workflow.create({ data: { name: unique("Engine "), customEventId, status: "ACTIVE" } });
  const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, steps: steps as unknown as Prisma.InputJsonValue } });
  await db().workflow.update({ where: { id: workflow.id }, data: { currentVersionId: version.id } });
  return workflow;
}

async function addNetSuiteConnection(endUserId: string, baseUrl: string, overrides: Partial<typeof ACCOUNT> = {}) {
  const { consumerSecret, tokenSecret, ...settings } = { ...ACCOUNT, ...overrides };
  await db().connection.create({
    data: {
      endUserId,
      connector: "netsuite",
      name: "Test NetSuite",
      config: { ...settings, baseUrl },
      secrets: encryptJson({ consumerSecret, tokenSecret }, env().ENCRYPTION_KEY!),
    },
  });
}

async function fire(eventName: string, userId: string, data: Record<string, unknown>) {
  const { result } = await fireEvent({ actor: testActor, source: "TEST", event: eventName, userId, data });
  return result;
}

async function finishedRun(runId: string, timeout = 20_000) {
  await expect
    .poll(async () => (await db().run.findUniqueOrThrow({ where: { id: runId } })).status, { timeout, interval: 100 })
    .toMatch(/SUCCEEDED|FAILED/);
  return db().run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { orderBy: { position: "asc" } } } });
}

const NETSUITE_STEP: TWorkflowStep = {
  id: "create_invoice",
  name: "Create invoice",
  action: "netsuite.createInvoice",
  mapping: {
    "/entity/id": { source: "constant", value: "42" },
    "/externalId": { source: "event", path: "/id" },
    "/tranId": { source: "event", path: "/invoiceNumber" },
    "/item/items/0/item/id": { source: "constant", value: "7" },
    "/item/items/0/amount": { source: "event", path: "/invoiceAmount" },
  },
  retry: { maxAttempts: 3, initialDelaySeconds: 0.1, maxDelaySeconds: 1 },
};

/** A step that POSTs the JSONata `body` to `{sinkUrl}/hook`. */
function postToSink(sinkUrl: string, body: string): TWorkflowStep {
  return {
    id: "post",
    name: "Post to sink",
    action: "http.request",
    mapping: {
      "/method": { source: "constant", value: "POST" },
      "/url": { source: "constant", value: `${sinkUrl}/hook` },
      "/body": { source: "expression", expression: body },
    },
  };
}

describe("workflow engine", () => {
  it("turns an event into a signed NetSuite invoice with the mapped fields, and records the step", async () => {
    const netsuite = await startFakeNetSuite({ port: 0, accounts: [ACCOUNT] });
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await addNetSuiteConnection(user.id, netsuite.url);
      await makeWorkflowWith(event.id, [NETSUITE_STEP]);

      const fired = await fire(event.name, user.userId, { id: "inv-001", invoiceNumber: "INV-2026-001", invoiceAmount: 1250.5 });
      expect(fired.runs).toHaveLength(1);
      const run = await finishedRun(fired.runs[0]!.runId);

      expect(run.status).toBe("SUCCEEDED");
      expect(netsuite.invoices).toHaveLength(1);
      const invoice = netsuite.invoices[0]!;
      expect(invoice).toMatchObject({
        externalId: "inv-001",
        tranId: "INV-2026-001",
        entity: { id: "42" },
        item: { items: [{ item: { id: "7" }, amount: 1250.5 }] },
      });
      const [step] = run.steps;
      expect(step).toMatchObject({ stepId: "create_invoice", status: "SUCCEEDED", attempts: 1, httpStatus: 204 });
      expect(step!.output).toMatchObject({ id: String(invoice.id), externalId: "inv-001" });
      expect(step!.input).toMatchObject({ externalId: "inv-001", tranId: "INV-2026-001" });
      expect(run.startedAt).not.toBeNull();
      expect(run.finishedAt).not.toBeNull();
      // Secrets never land in the run record.
      expect(JSON.stringify(run)).not.toContain(ACCOUNT.consumerSecret);
      expect(JSON.stringify(run)).not.toContain(ACCOUNT.tokenSecret);
    } finally {
      await netsuite.close();
    }
  });

  it("retries a flaky endpoint with backoff and succeeds on the third attempt", async () => {
    const sink = await startHttpSink({ failTimes: 2, failStatus: 503 });
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await makeWorkflowWith(event.id, [
        { ...postToSink(sink.url, "{ 'number': data.invoiceNumber, 'amount': data.invoiceAmount }"), retry: { maxAttempts: 5, initialDelaySeconds: 0.1, maxDelaySeconds: 1 } },
      ]);
      const fired = await fire(event.name, user.userId, { id: "1", invoiceNumber: "INV-9", invoiceAmount: 9 });
      const run = await finishedRun(fired.runs[0]!.runId);

      expect(run.status).toBe("SUCCEEDED");
      const [step] = run.steps;
      expect(step!.attempts).toBe(3);
      const log = step!.attemptLog as { attempt: number; httpStatus?: number; retryInMs?: number }[];
      expect(log.map((a) => a.httpStatus)).toEqual([503, 503, 200]);
      expect(log[0]!.retryInMs).toBeGreaterThan(0);
      expect(sink.requests).toHaveLength(3);
      expect(JSON.parse(sink.requests[2]!.body)).toEqual({ number: "INV-9", amount: 9 });
    } finally {
      await sink.close();
    }
  });

  it("keeps each of many runs the worker takes at the same moment to its own record", async () => {
    const sink = await startHttpSink({ delayMs: 20 });
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await makeWorkflowWith(event.id, [postToSink(sink.url, "{ 'number': data.invoiceNumber }")]);
      const fired = await Promise.all(Array.from({ length: 24 }, (_, n) => fire(event.name, user.userId, { id: `${n}`, invoiceNumber: `INV-${n}`, invoiceAmount: n })));
      const runs = await Promise.all(fired.map((f) => finishedRun(f.runs[0]!.runId)));
      for (const [n, run] of runs.entries()) {
        expect(run.status).toBe("SUCCEEDED");
        expect(run.steps).toHaveLength(1);
        expect(run.steps[0]).toMatchObject({ stepId: "post", status: "SUCCEEDED", attempts: 1, httpStatus: 200 });
        expect(run.steps[0]!.input).toMatchObject({ body: { number: `INV-${n}` } });
        expect(run.steps[0]!.attemptLog).toHaveLength(1);
      }
      expect(sink.requests.map((r) => (JSON.parse(r.body) as { number: string }).number).sort()).toEqual(runs.map((_, n) => `INV-${n}`).sort());
    } finally {
      await sink.close();
    }
  });

  it("shares the claim, step and finish statements of runs executed at once, each run keeping its own record", async () => {
    const sink = await startHttpSink();
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      const workflow = await makeWorkflowWith(event.id, [postToSink(sink.url, "{ 'number': data.invoiceNumber }")]);
      // Runs without jobs (the workflow is paused while its events fire), executed here directly,
      // all at once, so that the test worker does not take them.
      await db().workflow.update({ where: { id: workflow.id }, data: { status: "PAUSED" } });
      const events = await Promise.all(Array.from({ length: 12 }, (_, n) => fire(event.name, user.userId, { id: `${n}`, invoiceNumber: `INV-${n}`, invoiceAmount: n })));
      const { currentVersionId } = await db().workflow.findUniqueOrThrow({ where: { id: workflow.id } });
      const runs = await Promise.all(
        events.map(async ({ eventId }) => {
          const stored = await db().event.findUniqueOrThrow({ where: { id: eventId } });
          return db().run.create({
            data: { workflowId: workflow.id, workflowVersionId: currentVersionId!, eventId, endUserId: user.id, customEventVersionId: stored.customEventVersionId },
          });
        }),
      );

      const before = engineStatementStats();
      expect(await Promise.all(runs.map((run) => executeRun({ runId: run.id })))).toEqual(runs.map(() => "succeeded"));
      const after = engineStatementStats();
      expect(after.claims.entries - before.claims.entries).toBe(12);
      expect(after.claims.statements - before.claims.statements).toBeLessThan(12);
      expect(after.starts.statements - before.starts.statements).toBeLessThan(12);

      for (const [n, run] of runs.entries()) {
        const finished = await db().run.findUniqueOrThrow({ where: { id: run.id }, include: { steps: true } });
        expect(finished.status).toBe("SUCCEEDED");
        expect(finished.steps).toHaveLength(1);
        expect(finished.steps[0]).toMatchObject({ status: "SUCCEEDED", attempts: 1, httpStatus: 200, input: { body: { number: `INV-${n}` } } });
      }
      expect(sink.requests).toHaveLength(12);
    } finally {
      await sink.close();
    }
  });

  it("does not retry a 4xx validation error, and says why the run failed", async () => {
    const sink = await startHttpSink({ failTimes: 100, failStatus: 422 });
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await makeWorkflowWith(event.id, [
        {
          id: "post",
          name: "Post to sink",
          action: "http.request",
          mapping: { "/url": { source: "constant", value: sink.url }, "/method": { source: "constant", value: "POST" } },
        },
      ]);
      const fired = await fire(event.name, user.userId, { id: "1", invoiceNumber: "INV-1", invoiceAmount: 1 });
      const run = await finishedRun(fired.runs[0]!.runId);
      expect(run.status).toBe("FAILED");
      expect(run.steps[0]).toMatchObject({ status: "FAILED", attempts: 1, httpStatus: 422 });
      expect(run.error).toMatchObject({ stepId: "post" });
      expect((run.error as { message: string }).message).toContain('Step "Post to sink" failed');
      expect(sink.requests).toHaveLength(1);
    } finally {
      await sink.close();
    }
  });

  it("fails clearly when the end user has no connection for the step's connector", async () => {
    const event = await makeCustomEvent();
    const user = await makeEndUser();
    await makeWorkflowWith(event.id, [NETSUITE_STEP]);
    const fired = await fire(event.name, user.userId, { id: "x", invoiceNumber: "INV-X", invoiceAmount: 5 });
    const run = await finishedRun(fired.runs[0]!.runId);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatchObject({ code: "connection_missing" });
    expect((run.error as { message: string }).message).toContain(`End user "${user.userId}" has no netsuite connection`);
  });

  it("feeds earlier steps' outputs to later steps and signs webhooks (Standard Webhooks)", async () => {
    const sink = await startHttpSink({});
    const secret = "whsec_" + Buffer.from("0123456789abcdef0123456789abcdef").toString("base64");
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await db().connection.create({
        data: { endUserId: user.id, connector: "webhook", name: "Hook", config: {}, secrets: encryptJson({ signingSecret: secret }, env().ENCRYPTION_KEY!) },
      });
      await makeWorkflowWith(event.id, [
        {
          id: "first",
          name: "First call",
          action: "http.request",
          mapping: { "/url": { source: "constant", value: `${sink.url}/first` }, "/method": { source: "constant", value: "GET" } },
        },
        {
          id: "notify",
          name: "Notify",
          action: "webhook.send",
          mapping: {
            "/url": { source: "constant", value: `${sink.url}/webhook` },
            "/eventType": { source: "constant", value: "invoice.created" },
            "/payload": { source: "expression", expression: "{ 'firstStatus': steps.first.status, 'invoice': data.invoiceNumber }" },
          },
        },
      ]);
      const fired = await fire(event.name, user.userId, { id: "1", invoiceNumber: "INV-77", invoiceAmount: 3 });
      const run = await finishedRun(fired.runs[0]!.runId);
      expect(run.status).toBe("SUCCEEDED");
      const hook = sink.requests.find((r) => r.path === "/webhook")!;
      const verified = new Webhook(secret).verify(hook.body, hook.headers as Record<string, string>) as { type: string; data: unknown };
      expect(verified).toMatchObject({ type: "invoice.created", data: { firstStatus: 200, invoice: "INV-77" } });
    } finally {
      await sink.close();
    }
  });
});

describe("run notifications", () => {
  it("announce a failed run to the workspace's URL, and not a succeeded one", async () => {
    const receiver = await startHttpSink({});
    const target = await startHttpSink({ failTimes: 1, failStatus: 422 });
    try {
      await saveNotificationSettings({ actor: testActor, input: { url: `${receiver.url}/runs`, enabled: true, events: ["run.failed"] } });
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await makeWorkflowWith(event.id, [
        { id: "post", name: "Post", action: "http.request", mapping: { "/url": { source: "constant", value: target.url } } },
      ]);
      const failed = await finishedRun((await fire(event.name, user.userId, { id: "1", invoiceNumber: "N-1", invoiceAmount: 1 })).runs[0]!.runId);
      const succeeded = await finishedRun((await fire(event.name, user.userId, { id: "2", invoiceNumber: "N-2", invoiceAmount: 2 })).runs[0]!.runId);
      expect([failed.status, succeeded.status]).toEqual(["FAILED", "SUCCEEDED"]);

      await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1);
      expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ type: "run.failed", data: { runId: failed.id, status: "FAILED" } });
      expect(await db().runNotification.findMany({ select: { runId: true, type: true, status: true } })).toEqual([
        { runId: failed.id, type: "run.failed", status: "DELIVERED" },
      ]);
    } finally {
      await saveNotificationSettings({ actor: testActor, input: { url: `${receiver.url}/runs`, enabled: false, events: ["run.failed"] } });
      await receiver.close();
      await target.close();
    }
  });
});

describe("a worker killed mid-run", () => {
  it("leaves the run to another worker, which finishes it without a second invoice", async () => {
    const netsuite = await startFakeNetSuite({ port: 0, accounts: [ACCOUNT], delayMs: 4_000 });
    const spawned: ReturnType<typeof spawn>[] = [];
    const spawnWorker = () => {
      // node itself (not the tsx launcher, which would outlive a SIGKILL in its own child).
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          LOG_LEVEL: "warn",
          DATABASE_URL: env().DATABASE_URL,
          ENCRYPTION_KEY: env().ENCRYPTION_KEY,
          WORKER_LOST_AFTER_SECONDS: "2",
          WORKER_CONCURRENCY: "2",
          DATA_DIR: mkdtempSync(path.join(tmpdir(), "ce-worker-")),
        },
        stdio: "ignore",
      });
      spawned.push(child);
      return child;
    };
    // This file's in-process worker would pick the job up too; stop it so the child processes own it.
    await worker?.stop();
    worker = undefined;
    try {
      const event = await makeCustomEvent();
      const user = await makeEndUser();
      await addNetSuiteConnection(user.id, netsuite.url);
      await makeWorkflowWith(event.id, [NETSUITE_STEP]);

      const first = spawnWorker();
      const fired = await fire(event.name, user.userId, { id: "inv-crash", invoiceNumber: "INV-CRASH", invoiceAmount: 99 });
      const runId = fired.runs[0]!.runId;
      // The first worker is inside the NetSuite call (the fake holds its answer for 4 s)...
      await expect.poll(() => netsuite.invoices.length, { timeout: 30_000, interval: 50 }).toBe(1);
      first.kill("SIGKILL");
      netsuite.setDelay(0);
      expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).status).toBe("RUNNING");

      // ...and a new worker declares it lost, unlocks its job and finishes the run.
      spawnWorker();
      const run = await finishedRun(runId, 40_000);
      expect(run.status).toBe("SUCCEEDED");
      expect(netsuite.invoices).toHaveLength(1);
      const [step] = run.steps;
      expect(step!.attempts).toBe(2);
      expect(step!.output).toMatchObject({ id: String(netsuite.invoices[0]!.id), externalId: "inv-crash" });
      const log = step!.attemptLog as { error?: string }[];
      expect(log[0]!.error).toContain("The worker stopped during this attempt");
    } finally {
      for (const child of spawned) child.kill("SIGKILL");
      await netsuite.close();
    }
  }, 90_000);
});
