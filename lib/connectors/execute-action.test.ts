import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/connectors/execute-action";
import { previewAction } from "@/lib/connectors/preview-action";
import { generateWebhookSecret } from "@/lib/connectors/standard-webhooks";
import type { TCallContext } from "@/lib/connectors/types";
import { startFakeNetSuite, type TFakeNetSuite } from "@/lib/demo/fake-netsuite";
import { startHttpSink } from "@/lib/testing/http-sink";

const account = { accountId: "TSTDRV123", consumerKey: "ck-test", consumerSecret: "cs-test-secret", tokenId: "tk-test", tokenSecret: "ts-test-secret" };
const invoice = (externalId: string) => ({
  entity: { id: "42" },
  externalId,
  tranId: `INV-${externalId}`,
  item: { items: [{ item: { id: "7" }, amount: 1250.5 }] },
});

let netsuite: TFakeNetSuite;
beforeAll(async () => {
  netsuite = await startFakeNetSuite({ accounts: [account] });
});
afterEach(async () => {
  await netsuite.reset();
});
afterAll(async () => {
  await netsuite.close();
});

function netsuiteContext(overrides: Partial<TCallContext["connection"]> = {}, attempt = 1): TCallContext {
  return { runId: "run-1", stepId: "create_invoice", attempt, connection: { ...account, baseUrl: netsuite.url, ...overrides } };
}

describe("executeAction netsuite.createInvoice against the fake NetSuite", () => {
  it("creates the invoice and reports its id, with the request redacted", async () => {
    const result = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-1"), context: netsuiteContext(), timeoutMs: 5_000 });
    expect(netsuite.invoices).toHaveLength(1);
    const stored = netsuite.invoices[0]!;
    expect(stored).toMatchObject({ externalId: "inv-1", tranId: "INV-inv-1", entity: { id: "42" }, total: 1250.5, accountId: "TSTDRV123" });
    expect(result).toMatchObject({
      ok: true,
      httpStatus: 204,
      output: { id: stored.id, externalId: "inv-1", location: `${netsuite.url}/services/rest/record/v1/invoice/${stored.id}` },
    });
    expect(result.request).toMatchObject({ method: "POST", url: `${netsuite.url}/services/rest/record/v1/invoice` });
    expect(result.request!.headers.Authorization).toMatch(/^OAuth realm="TSTDRV123", oauth_consumer_key="\[redacted\]"/);
    expect(JSON.stringify(result)).not.toMatch(/cs-test-secret|ts-test-secret|tk-test|ck-test/);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("explains a refused signature and does not retry it", async () => {
    const result = await executeAction({
      action: "netsuite.createInvoice",
      input: invoice("inv-2"),
      context: netsuiteContext({ tokenSecret: "wrong" }),
      timeoutMs: 5_000,
    });
    expect(result).toMatchObject({ ok: false, httpStatus: 401, error: { code: "auth_failed", retryable: false, httpStatus: 401 } });
    expect(result.ok || result.error.message).toMatch(/^NetSuite refused the invoice: Invalid login attempt\. .*\(INVALID_LOGIN\)\. Check the end user's NetSuite connection/);
    expect(netsuite.invoices).toHaveLength(0);
  });

  it("treats a repeat with the same external ID as success, finding the first invoice", async () => {
    const first = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-3"), context: netsuiteContext(), timeoutMs: 5_000 });
    const second = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-3"), context: netsuiteContext({}, 2), timeoutMs: 5_000 });
    expect(first.ok && second.ok).toBe(true);
    expect(netsuite.invoices).toHaveLength(1);
    const { id } = netsuite.invoices[0]!;
    expect(second).toMatchObject({
      ok: true,
      httpStatus: 200,
      output: { id, externalId: "inv-3", location: `${netsuite.url}/services/rest/record/v1/invoice/${id}`, deduplicated: true },
    });
    expect(second.followUpRequest).toMatchObject({ method: "GET", url: `${netsuite.url}/services/rest/record/v1/invoice/eid:inv-3` });
  });

  it("reports NetSuite's 503 as retryable", async () => {
    netsuite.failNext(1);
    const result = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-4"), context: netsuiteContext(), timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, httpStatus: 503, error: { code: "http_error", retryable: true } });
    expect(result.ok || result.error.message).toBe(
      "NetSuite could not take the invoice right now (HTTP 503 Service Unavailable): The service is temporarily unavailable. Try again later (SERVICE_UNAVAILABLE).",
    );
    const retried = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-4"), context: netsuiteContext({}, 2), timeoutMs: 5_000 });
    expect(retried.ok).toBe(true);
  });

  it("times out as retryable; the retry finds the invoice the slow attempt created", async () => {
    netsuite.setDelay(800);
    const slow = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-5"), context: netsuiteContext(), timeoutMs: 200 });
    expect(slow).toMatchObject({ ok: false, error: { code: "timeout", retryable: true } });
    expect(slow.ok || slow.error.message).toBe(`${new URL(netsuite.url).host} did not answer within 0.2 s.`);
    expect(slow.durationMs).toBeLessThan(700);
    // NetSuite carried on without us.
    await expect.poll(() => netsuite.invoices.length, { timeout: 3_000, interval: 20 }).toBe(1);
    netsuite.setDelay(0);
    const retry = await executeAction({ action: "netsuite.createInvoice", input: invoice("inv-5"), context: netsuiteContext({}, 2), timeoutMs: 5_000 });
    expect(retry).toMatchObject({ ok: true, output: { id: netsuite.invoices[0]!.id, deduplicated: true } });
    expect(netsuite.invoices).toHaveLength(1);
  });

  it("refuses invalid input and a missing connection before sending anything", async () => {
    const before = netsuite.requests;
    const invalid = await executeAction({
      action: "netsuite.createInvoice",
      input: { externalId: "inv-6", item: { items: [] } },
      context: netsuiteContext(),
      timeoutMs: 5_000,
    });
    expect(invalid).toMatchObject({ ok: false, request: null, error: { code: "validation_failed", retryable: false } });
    expect(invalid.ok || invalid.error.message).toBe("The step's input is invalid: entity is required; /item/items must have at least 1 item.");
    const noConnection = await executeAction({
      action: "netsuite.createInvoice",
      input: invoice("inv-6"),
      context: { runId: "r", stepId: "s", attempt: 1 },
      timeoutMs: 5_000,
    });
    expect(noConnection).toMatchObject({ ok: false, error: { code: "connection_missing", retryable: false } });
    const unknown = await executeAction({ action: "erp.doMagic", input: {}, context: netsuiteContext(), timeoutMs: 5_000 });
    expect(unknown).toMatchObject({ ok: false, error: { code: "unknown_action", retryable: false } });
    expect(netsuite.requests).toBe(before);
  });
});

describe("executeAction http.request against the HTTP sink", () => {
  it("sends method, query, headers and JSON body; returns status, headers and parsed body", async () => {
    const sink = await startHttpSink();
    try {
      const result = await executeAction({
        action: "http.request",
        input: { method: "PUT", url: `${sink.url}/orders/1`, query: { dryRun: "false" }, headers: { "X-Request-Source": "custom-events" }, body: { amount: 5 } },
        context: { runId: "r", stepId: "s", attempt: 1 },
        timeoutMs: 5_000,
      });
      expect(result).toEqual(
        expect.objectContaining({ ok: true, httpStatus: 200, output: { status: 200, headers: { "content-type": "application/json" }, body: { ok: true } } }),
      );
      expect(sink.requests).toHaveLength(1);
      const received = sink.requests[0]!;
      expect(received).toMatchObject({ method: "PUT", path: "/orders/1?dryRun=false", body: '{"amount":5}' });
      expect(received.headers).toMatchObject({ "x-request-source": "custom-events", "content-type": "application/json" });
    } finally {
      await sink.close();
    }
  });

  it("classifies 503 with Retry-After as retryable and 422 as final", async () => {
    const flaky = await startHttpSink({ failTimes: 1, retryAfterSeconds: 7 });
    const refusing = await startHttpSink({ failTimes: 100, failStatus: 422 });
    try {
      const context = { runId: "r", stepId: "s", attempt: 1 };
      const first = await executeAction({ action: "http.request", input: { url: flaky.url }, context, timeoutMs: 5_000 });
      expect(first).toMatchObject({ ok: false, httpStatus: 503, error: { code: "http_error", retryable: true, retryAfterMs: 7_000 } });
      expect(first.ok || first.error.message).toBe(`${new URL(flaky.url).host} answered HTTP 503 Service Unavailable: {"error":"The sink fails on purpose (HTTP 503)."}`);
      const second = await executeAction({ action: "http.request", input: { url: flaky.url }, context, timeoutMs: 5_000 });
      expect(second.ok).toBe(true);
      expect(flaky.requests.map((r) => r.method)).toEqual(["POST", "POST"]);

      const refused = await executeAction({ action: "http.request", input: { url: refusing.url, body: {} }, context, timeoutMs: 5_000 });
      expect(refused).toMatchObject({ ok: false, httpStatus: 422, error: { retryable: false } });
    } finally {
      await flaky.close();
      await refusing.close();
    }
  });

  it("reports an unreachable host as a retryable network error", async () => {
    const sink = await startHttpSink();
    const url = sink.url;
    await sink.close();
    const result = await executeAction({ action: "http.request", input: { url }, context: { runId: "r", stepId: "s", attempt: 1 }, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, error: { code: "network_error", retryable: true } });
    expect(result.ok || result.error.message).toBe(`Could not reach ${new URL(url).host}: the connection was refused (ECONNREFUSED).`);
  });

  it("stops reading after 1 MiB and keeps 64 KiB of text", async () => {
    const big = http.createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("x".repeat(3 * 1024 * 1024));
    });
    await new Promise<void>((resolve) => big.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(big.address() as AddressInfo).port}/`;
      const result = await executeAction({ action: "http.request", input: { url, method: "GET" }, context: { runId: "r", stepId: "s", attempt: 1 }, timeoutMs: 5_000 });
      expect(result.ok && (result.output as { body: string }).body.length).toBe(64 * 1024);
    } finally {
      big.closeAllConnections();
      await new Promise((resolve) => big.close(resolve));
    }
  });

  it("gives up when the worker's signal aborts, as retryable", async () => {
    const sink = await startHttpSink({ delayMs: 2_000 });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const result = await executeAction({
        action: "http.request",
        input: { url: sink.url },
        context: { runId: "r", stepId: "s", attempt: 1 },
        timeoutMs: 5_000,
        signal: controller.signal,
      });
      expect(result).toMatchObject({ ok: false, error: { code: "aborted", retryable: true } });
    } finally {
      await sink.close();
    }
  });

  it("refuses a GET with a body and a non-http URL", async () => {
    const context = { runId: "r", stepId: "s", attempt: 1 };
    const get = await executeAction({ action: "http.request", input: { method: "GET", url: "http://127.0.0.1:9/", body: { a: 1 } }, context, timeoutMs: 1_000 });
    expect(get).toMatchObject({ ok: false, error: { code: "validation_failed", message: "A GET request has no body; remove the body mapping or use another method." } });
    const ftp = await executeAction({ action: "http.request", input: { url: "ftp://example.com/file" }, context, timeoutMs: 1_000 });
    expect(ftp).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });
});

describe("executeAction webhook.send", () => {
  it("sends a Standard Webhooks message the standardwebhooks library verifies, with the same id on retries", async () => {
    const sink = await startHttpSink({ failTimes: 1 });
    const secret = generateWebhookSecret();
    try {
      const input = { url: `${sink.url}/webhook`, eventType: "invoice.created", payload: { id: "inv_1", amount: 12.5 } };
      const context = (attempt: number): TCallContext => ({ runId: "run-9", stepId: "notify", attempt, connection: { signingSecret: secret } });
      const first = await executeAction({ action: "webhook.send", input, context: context(1), timeoutMs: 5_000 });
      expect(first).toMatchObject({ ok: false, error: { retryable: true } });
      const second = await executeAction({ action: "webhook.send", input, context: context(2), timeoutMs: 5_000 });
      expect(second).toMatchObject({ ok: true, output: { status: 200, messageId: "msg_run-9_notify" } });
      expect(second.request!.headers["webhook-signature"]).toBe("[redacted]");

      expect(sink.requests.map((r) => r.headers["webhook-id"])).toEqual(["msg_run-9_notify", "msg_run-9_notify"]);
      const delivered = sink.requests[1]!;
      const message = new Webhook(secret).verify(delivered.body, delivered.headers) as { type: string; timestamp: string; data: unknown };
      expect(message).toMatchObject({ type: "invoice.created", data: { id: "inv_1", amount: 12.5 } });
      expect(Math.abs(Date.parse(message.timestamp) / 1000 - Number(delivered.headers["webhook-timestamp"]))).toBeLessThan(1);
    } finally {
      await sink.close();
    }
  });
});

describe("previewAction", () => {
  it("shows the exact request, signed with the real connection, redacted", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const request = previewAction({
      action: "netsuite.createInvoice",
      input: invoice("inv-7"),
      context: { connection: { ...account, baseUrl: "http://127.0.0.1:4010" }, now: () => now, nonce: () => "previewnonce" },
    });
    expect(request).toEqual({
      method: "POST",
      url: "http://127.0.0.1:4010/services/rest/record/v1/invoice",
      headers: {
        Accept: "application/json",
        Authorization:
          'OAuth realm="TSTDRV123", oauth_consumer_key="[redacted]", oauth_nonce="previewnonce", oauth_signature="[redacted]", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1767225600", oauth_token="[redacted]", oauth_version="1.0"',
        "Content-Type": "application/json",
        Prefer: "transient",
      },
      body: JSON.stringify(invoice("inv-7")),
    });
  });

  it("uses stand-in credentials without a connection, and throws the reason for unusable input", () => {
    const request = previewAction({ action: "netsuite.createInvoice", input: invoice("inv-8") });
    expect(request.url).toBe("https://your-account-id.suitetalk.api.netsuite.com/services/rest/record/v1/invoice");
    expect(() => previewAction({ action: "netsuite.createInvoice", input: { externalId: "x" } })).toThrow(/entity is required/);
    const hook = previewAction({ action: "webhook.send", input: { url: "https://example.com/hook", eventType: "a.b", payload: {} }, context: { runId: "r1", stepId: "s1" } });
    expect(hook.headers).toMatchObject({ "webhook-id": "msg_r1_s1", "webhook-signature": "[redacted]" });
  });
});
