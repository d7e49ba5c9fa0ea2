import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import pino from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db, sql } from "@/lib/db";
import { env } from "@/lib/env";
import { fireEvent } from "@/lib/events/fire-event";
import { startWorker } from "@/lib/jobs/start-worker";
import { activate, makeCustomEvent, makeEndUser, makeWorkflow, testActor } from "@/lib/testing/factories";
import { deliverRunNotification, deliverRunNotificationTask } from "./deliver-notification-task";
import { getNotificationSettings } from "./get-notification-settings";
import { listNotificationDeliveries } from "./list-notification-deliveries";
import { queueRunNotification } from "./queue-run-notification";
import { rotateNotificationSecret } from "./rotate-notification-secret";
import { saveNotificationSettings } from "./save-notification-settings";
import { sendTestNotification } from "./send-test-notification";

// A receiver on 127.0.0.1 that answers with the next queued status (200 when none) and keeps
// every request it got.
type TReceived = { headers: IncomingHttpHeaders; body: string };
let server: Server;
let receiverUrl: string;
const received: TReceived[] = [];
const answers: { status: number; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const answer = answers.shift() ?? { status: 200, body: "ok" };
      res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
});

/** A finished run of a real fired event. */
async function finishedRun(status: "SUCCEEDED" | "FAILED") {
  const event = await makeCustomEvent();
  const workflow = await makeWorkflow({ customEventId: event.id, name: "Sync invoice" });
  await activate(workflow.id);
  const user = await makeEndUser();
  const { result } = await fireEvent({
    actor: testActor,
    source: "TEST",
    event: event.name,
    userId: user.userId,
    data: { id: "1", invoiceNumber: "INV-1", invoiceAmount: 10 },
  });
  const runId = result.runs[0]!.runId;
  const error = status === "FAILED" ? { message: "NetSuite refused the invoice.", code: "http_error", stepId: "step-1" } : undefined;
  await db().run.update({ where: { id: runId }, data: { status, finishedAt: new Date(), error } });
  return { runId, eventId: result.eventId, eventName: event.name, workflowId: workflow.id, userId: user.userId, error };
}

/** queueRunNotification inside a transaction, as the engine calls it. */
async function queueInTransaction(input: { runId: string; status: "SUCCEEDED" | "FAILED" }, { commit = true } = {}) {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await queueRunNotification(client, input);
    await client.query(commit ? "COMMIT" : "ROLLBACK");
  } finally {
    await client.end();
  }
}

async function jobsFor(runId: string) {
  return sql<{ task_identifier: string; payload: { notificationId: string }; max_attempts: number; attempts: number; last_error: string | null }>(
    `SELECT t.identifier AS task_identifier, j.payload, j.max_attempts, j.attempts, j.last_error
     FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     JOIN run_notifications n ON n.id::text = j.payload->>'notificationId' WHERE n."runId" = $1`,
    [runId],
  );
}

async function enable(events: ("run.succeeded" | "run.failed")[] = ["run.succeeded", "run.failed"]) {
  await saveNotificationSettings({ actor: testActor, input: { url: receiverUrl, enabled: true, events } });
}

/** The current signing secret, got the way an admin gets it: by rotating. */
async function currentSecret() {
  return (await rotateNotificationSecret({ actor: testActor })).secret;
}

describe("run notification settings", () => {
  it("generates a whsec_ secret on the first save, shows it once, and stores it encrypted", async () => {
    const first = await saveNotificationSettings({ actor: testActor, input: { url: "https://example.com/hooks", enabled: false, events: ["run.failed"] } });
    expect(first.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(first.settings).toEqual({ url: "https://example.com/hooks", enabled: false, events: ["run.failed"], secretSet: true });
    const [row] = await sql<{ value: unknown }>(`SELECT value FROM app_settings WHERE key = 'run_notifications'`);
    expect(JSON.stringify(row)).not.toContain(first.secret!.slice("whsec_".length));

    const second = await saveNotificationSettings({ actor: testActor, input: { url: "https://example.com/other", enabled: true, events: ["run.succeeded", "run.failed"] } });
    expect(second.secret).toBeNull();
    expect(JSON.stringify(await getNotificationSettings())).not.toContain("whsec_");
    const [after] = await sql<{ value: { secret: string } }>(`SELECT value FROM app_settings WHERE key = 'run_notifications'`);
    expect(after!.value.secret).toBe((row!.value as { secret: string }).secret);

    const rotated = await rotateNotificationSecret({ actor: testActor });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(first.secret);
    expect(await getNotificationSettings()).toEqual({ url: "https://example.com/other", enabled: true, events: ["run.succeeded", "run.failed"], secretSet: true });
  });

  it.each([
    { input: { url: "", enabled: true, events: ["run.failed"] }, details: [{ path: "/url", message: "Enter the URL that receives notifications." }] },
    {
      input: { url: "ftp://example.com", enabled: false, events: [] },
      details: [{ path: "/url", message: "Enter an http(s) URL, like https://example.com/webhooks/custom-events." }],
    },
    { input: { url: "https://example.com", enabled: true, events: [] }, details: [{ path: "/events", message: "Pick at least one run outcome to notify about." }] },
  ])("refuses $input with a message per field", async ({ input, details }) => {
    await expect(saveNotificationSettings({ actor: testActor, input: input as never })).rejects.toMatchObject({
      code: "validation_failed",
      message: details.map((d) => d.message).join(" "),
      details: details.map((d) => expect.objectContaining(d)),
    });
  });
});

describe("queueRunNotification", () => {
  it("queues nothing while notifications are off or the outcome is not chosen", async () => {
    await saveNotificationSettings({ actor: testActor, input: { url: receiverUrl, enabled: false, events: ["run.succeeded", "run.failed"] } });
    const off = await finishedRun("FAILED");
    await queueInTransaction({ runId: off.runId, status: "FAILED" });
    expect(await db().runNotification.count({ where: { runId: off.runId } })).toBe(0);

    await enable(["run.failed"]);
    const succeeded = await finishedRun("SUCCEEDED");
    await queueInTransaction({ runId: succeeded.runId, status: "SUCCEEDED" });
    expect(await db().runNotification.count({ where: { runId: succeeded.runId } })).toBe(0);
    expect(await jobsFor(succeeded.runId)).toEqual([]);
  });

  it("inserts the delivery and its job in the caller's transaction when enabled", async () => {
    await enable(["run.failed"]);
    const run = await finishedRun("FAILED");
    await queueInTransaction({ runId: run.runId, status: "FAILED" }, { commit: false });
    expect(await db().runNotification.count({ where: { runId: run.runId } })).toBe(0);

    await queueInTransaction({ runId: run.runId, status: "FAILED" });
    const [notification] = await db().runNotification.findMany({ where: { runId: run.runId } });
    expect(notification).toMatchObject({ type: "run.failed", url: receiverUrl, status: "PENDING", attempts: 0, lastError: null });
    expect(await jobsFor(run.runId)).toEqual([
      { task_identifier: "deliver_run_notification", payload: { notificationId: notification!.id }, max_attempts: 25, attempts: 0, last_error: null },
    ]);
  });
});

describe("delivering run notifications", () => {
  it("POSTs a Standard Webhooks signed request and marks the notification delivered", async () => {
    await enable();
    const run = await finishedRun("FAILED");
    await queueInTransaction({ runId: run.runId, status: "FAILED" });
    const secret = await currentSecret();
    const notification = await db().runNotification.findFirstOrThrow({ where: { runId: run.runId } });

    await deliverRunNotification({ notificationId: notification.id });

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["webhook-id"]).toBe(notification.id);
    const verified = new Webhook(secret).verify(request!.body, request!.headers as Record<string, string>);
    expect(verified).toEqual({
      type: "run.failed",
      timestamp: notification.createdAt.toISOString(),
      data: {
        runId: run.runId,
        status: "FAILED",
        workflow: { id: run.workflowId, name: "Sync invoice" },
        event: { id: run.eventId, name: run.eventName },
        endUserId: run.userId,
        error: run.error,
        finishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(request!.body, request!.headers as Record<string, string>)).toThrow();
    expect(await db().runNotification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({
      status: "DELIVERED",
      attempts: 1,
      lastStatus: 200,
      lastError: null,
      deliveredAt: expect.any(Date),
    });
  });

  it("records a failed attempt and throws so the job is retried, then delivers with the same webhook-id", async () => {
    await enable();
    const run = await finishedRun("SUCCEEDED");
    await queueInTransaction({ runId: run.runId, status: "SUCCEEDED" });
    const notification = await db().runNotification.findFirstOrThrow({ where: { runId: run.runId } });

    answers.push({ status: 500, body: "receiver exploded" });
    await expect(deliverRunNotificationTask({ notificationId: notification.id }, undefined as never)).rejects.toThrow(
      `Run notification ${notification.id} to ${receiverUrl} failed: HTTP 500: receiver exploded`,
    );
    expect(await db().runNotification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({
      status: "FAILING",
      attempts: 1,
      lastStatus: 500,
      lastError: "HTTP 500: receiver exploded",
      deliveredAt: null,
    });

    await deliverRunNotification({ notificationId: notification.id });
    expect(received.map((r) => r.headers["webhook-id"])).toEqual([notification.id, notification.id]);
    expect(received[0]!.body).toBe(received[1]!.body);
    expect(await db().runNotification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({ status: "DELIVERED", attempts: 2, lastError: null });
    expect((await listNotificationDeliveries())[0]).toMatchObject({ id: notification.id, runId: run.runId, type: "run.succeeded", status: "DELIVERED" });
  });

  it("records an unreachable URL", async () => {
    await enable();
    const run = await finishedRun("FAILED");
    await queueInTransaction({ runId: run.runId, status: "FAILED" });
    const notification = await db().runNotification.findFirstOrThrow({ where: { runId: run.runId } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await db().runNotification.update({ where: { id: notification.id }, data: { url: `http://127.0.0.1:${port}/hooks` } });
    await expect(deliverRunNotification({ notificationId: notification.id })).rejects.toThrow(`Could not reach 127.0.0.1:${port}: ECONNREFUSED.`);
    expect(await db().runNotification.findUniqueOrThrow({ where: { id: notification.id } })).toMatchObject({
      status: "FAILING",
      attempts: 1,
      lastStatus: null,
      lastError: `Could not reach 127.0.0.1:${port}: ECONNREFUSED.`,
    });
  });

  it("is delivered by a running worker once the run's transaction commits", async () => {
    await enable(["run.succeeded"]);
    const worker = await startWorker({
      databaseUrl: env().DATABASE_URL!,
      concurrency: 1,
      log: pino({ level: "silent" }),
      taskList: { deliver_run_notification: deliverRunNotificationTask },
    });
    try {
      const run = await finishedRun("SUCCEEDED");
      await queueInTransaction({ runId: run.runId, status: "SUCCEEDED" });
      await vi.waitFor(
        async () => expect(await db().runNotification.findFirst({ where: { runId: run.runId } })).toMatchObject({ status: "DELIVERED", attempts: 1 }),
        { timeout: 10_000, interval: 100 },
      );
      // Deliveries queued by earlier tests are picked up too; this run's is the one that matters.
      const ours = received.map((r) => JSON.parse(r.body)).filter((body) => body.data.runId === run.runId);
      expect(ours).toEqual([expect.objectContaining({ type: "run.succeeded", data: expect.objectContaining({ status: "SUCCEEDED", error: null }) })]);
      expect(await jobsFor(run.runId)).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});

describe("sendTestNotification", () => {
  it("sends a signed run.test request to the saved URL and reports the answer", async () => {
    await saveNotificationSettings({ actor: testActor, input: { url: receiverUrl, enabled: false, events: ["run.failed"] } });
    const secret = await currentSecret();
    const ok = await sendTestNotification();
    expect(ok).toMatchObject({ ok: true, status: 200, message: expect.stringMatching(new RegExp(`^${receiverUrl} answered HTTP 200 in \\d+ ms\\.$`)) });
    expect(new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>)).toMatchObject({ type: "run.test" });

    answers.push({ status: 404, body: "no such hook" });
    expect(await sendTestNotification()).toMatchObject({ ok: false, status: 404, message: "HTTP 404: no such hook" });
    expect(await db().runNotification.count({ where: { type: "run.test" } })).toBe(0);
  });
});
