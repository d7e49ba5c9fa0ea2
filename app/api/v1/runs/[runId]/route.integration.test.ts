import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { INVALID_KEY_MESSAGE } from "@/lib/api-keys/authenticate-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { makeRun, makeRunSetup } from "@/lib/runs/testing";
import { makeApiKey } from "@/lib/testing/factories";
import { GET } from "./route";

const get = (runId: string, authorization?: string) =>
  GET(new NextRequest(`http://localhost/api/v1/runs/${runId}`, { headers: authorization ? { authorization } : {} }), { params: Promise.resolve({ runId }) });

describe("GET /api/v1/runs/{runId}", () => {
  it("answers the run with every step of its version, the ones not reached as pending", async () => {
    const { secret } = await makeApiKey();
    const setup = await makeRunSetup();
    const createdAt = new Date("2026-04-01T09:00:00Z");
    const run = await makeRun(setup, {
      status: "FAILED",
      createdAt,
      error: { message: "Create invoice failed: NetSuite answered 500", code: "step_failed", stepId: "create-invoice" },
      steps: [
        { stepId: "find-customer", status: "SUCCEEDED", input: { email: "a@example.com" }, output: { customerId: "C-7" }, httpStatus: 200 },
        {
          stepId: "create-invoice",
          status: "FAILED",
          input: { customer: "C-7", amount: 10 },
          error: { message: "NetSuite answered 500", code: "http_error", retryable: true, httpStatus: 500 },
          httpStatus: 500,
          attempts: 3,
        },
      ],
    });

    const response = await get(run.id, `Bearer ${secret}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toEqual({
      runId: run.id,
      status: "failed",
      workflowId: setup.workflow.id,
      workflowVersion: 1,
      eventId: setup.event.id,
      trigger: "event",
      steps: [
        { stepId: "find-customer", name: "Find customer", status: "succeeded", input: { email: "a@example.com" }, output: { customerId: "C-7" }, error: null, attempts: 1, httpStatus: 200, durationMs: 50 },
        {
          stepId: "create-invoice",
          name: "Create invoice",
          status: "failed",
          input: { customer: "C-7", amount: 10 },
          output: null,
          error: { message: "NetSuite answered 500", code: "http_error", retryable: true, httpStatus: 500 },
          attempts: 3,
          httpStatus: 500,
          durationMs: 50,
        },
        { stepId: "notify", name: "Notify", status: "pending", input: null, output: null, error: null, attempts: 0, httpStatus: null, durationMs: null },
      ],
      error: { message: "Create invoice failed: NetSuite answered 500", code: "step_failed", stepId: "create-invoice" },
      startedAt: "2026-04-01T09:00:00.100Z",
      finishedAt: "2026-04-01T09:00:01.600Z",
      createdAt: "2026-04-01T09:00:00.000Z",
    });
  });

  it("shows a queued run's steps all pending, and retrying steps as retrying", async () => {
    const { secret } = await makeApiKey();
    const setup = await makeRunSetup();
    const queued = await makeRun(setup, { status: "QUEUED" });
    const body = await (await get(queued.id, `Bearer ${secret}`)).json();
    expect(body).toMatchObject({ status: "queued", startedAt: null, finishedAt: null, error: null });
    expect(body.steps.map((s: { status: string }) => s.status)).toEqual(["pending", "pending", "pending"]);

    const running = await makeRun(setup, { status: "RUNNING", steps: [{ stepId: "find-customer", status: "RETRYING", attempts: 1, nextAttemptAt: new Date() }] });
    const runningBody = await (await get(running.id, `Bearer ${secret}`)).json();
    expect(runningBody.steps.map((s: { status: string }) => s.status)).toEqual(["retrying", "pending", "pending"]);
  });

  it.each([
    ["an unknown id", "9e2d4c1a-7b3f-4e8d-a6c5-1f0e9d8c7b6a"],
    ["a malformed id", "not-a-run"],
  ])("answers 404 run_not_found for %s", async (_label, runId) => {
    const { secret } = await makeApiKey();
    const response = await get(runId, `Bearer ${secret}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: `There is no run with id "${runId}".`, code: "run_not_found" });
  });

  it("answers 401 without a key, with an unknown key and with a revoked key", async () => {
    const setup = await makeRunSetup();
    const run = await makeRun(setup);
    const { apiKey, secret } = await makeApiKey();
    await revokeApiKey({ id: apiKey.id });
    for (const authorization of [undefined, `Bearer ce_live_${"x".repeat(43)}`, `Bearer ${secret}`]) {
      const response = await get(run.id, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="custom-events"');
      expect(await response.json()).toEqual({ message: INVALID_KEY_MESSAGE, code: "unauthenticated" });
    }
  });
});
