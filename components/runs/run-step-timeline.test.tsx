import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TRunTimelineStep } from "@/lib/runs/schemas";
import { RunStepTimeline } from "./run-step-timeline";

const base: Omit<TRunTimelineStep, "stepId" | "name" | "status"> = {
  action: "http.request",
  input: null,
  output: null,
  error: null,
  httpStatus: null,
  attempts: 0,
  attemptLog: [],
  startedAt: null,
  finishedAt: null,
  durationMs: null,
  nextAttemptAt: null,
};

const NOW = Date.parse("2026-01-15T10:00:10Z");

const steps: TRunTimelineStep[] = [
  { ...base, stepId: "a", name: "Find customer", status: "succeeded", input: { email: "a@example.com" }, output: { customerId: "C-7", foundBy: "email" }, attempts: 1, httpStatus: 200, startedAt: "2026-01-15T09:59:00.000Z", finishedAt: "2026-01-15T09:59:00.180Z", durationMs: 180 },
  {
    ...base,
    stepId: "b",
    name: "Create invoice",
    status: "retrying",
    input: { customerId: "C-7" },
    error: { message: "NetSuite answered 503", code: "http_error", retryable: true },
    httpStatus: 503,
    attempts: 2,
    attemptLog: [
      { attempt: 1, startedAt: "2026-01-15T10:00:00.000Z", durationMs: 420, httpStatus: 503, error: { message: "NetSuite answered 503" }, retryInMs: 2_000 },
      { attempt: 2, startedAt: "2026-01-15T10:00:02.500Z", durationMs: 380, httpStatus: 503, error: "NetSuite answered 503", retryInMs: 15_000 },
    ],
    startedAt: "2026-01-15T10:00:00.000Z",
    nextAttemptAt: "2026-01-15T10:00:18.000Z",
  },
  { ...base, stepId: "c", name: "Notify", status: "pending" },
];

describe("RunStepTimeline", () => {
  it("shows every step in order; a retrying step opens with its attempts and next attempt", () => {
    const html = renderToStaticMarkup(<RunStepTimeline steps={steps} runFinished={false} carriedOverBefore={null} now={NOW} />);
    expect(html.indexOf("1. Find customer")).toBeLessThan(html.indexOf("2. Create invoice"));
    expect(html.indexOf("2. Create invoice")).toBeLessThan(html.indexOf("3. Notify"));
    expect(html).toContain("Next attempt at 2026-01-15 10:00:18 UTC (in 8 s)");
    expect(html).toContain("retried in 2 s");
    expect(html).toContain("retried in 15 s");
    expect(html).toContain("&quot;customerId&quot;: &quot;C-7&quot;"); // the retrying step's input, shown open
    expect(html).toContain(">Pending<");
    // The succeeded step starts closed: its output is not on the page until opened.
    expect(html).not.toContain("foundBy");
    expect(html).toMatch(/aria-expanded="false"[^>]*>.*1\. Find customer/);
  });

  it("calls steps a finished run never reached \"Not reached\", and marks steps a retry reused", () => {
    const html = renderToStaticMarkup(<RunStepTimeline steps={steps} runFinished carriedOverBefore="2026-01-15T10:00:00.000Z" now={NOW} />);
    expect(html).toContain(">Not reached<");
    expect(html).toContain("reused from the source run");
  });
});
