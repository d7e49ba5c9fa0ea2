import { describe, expect, it } from "vitest";
import { buildRunTimeline, parseVersionSteps, succeededPrefix, type TRecordedStep } from "./run-timeline";

const VERSION = [
  { id: "a", name: "Find customer", action: "netsuite.find_customer" },
  { id: "b", name: "Create invoice", action: "netsuite.create_invoice" },
  { id: "c", name: "Notify", action: "webhook.send" },
];

const step = (stepId: string, status: TRecordedStep["status"], extra: Partial<TRecordedStep> = {}): TRecordedStep => ({
  stepId,
  position: VERSION.findIndex((s) => s.id === stepId),
  name: VERSION.find((s) => s.id === stepId)?.name ?? stepId,
  action: VERSION.find((s) => s.id === stepId)?.action ?? "http.request",
  status,
  input: { in: stepId },
  output: status === "SUCCEEDED" ? { out: stepId } : null,
  error: status === "FAILED" ? { message: "boom", code: "http_error", retryable: false } : null,
  httpStatus: 200,
  attempts: 1,
  attemptLog: [{ attempt: 1, startedAt: "2026-01-01T00:00:00.000Z", durationMs: 5 }],
  startedAt: new Date("2026-01-01T00:00:00Z"),
  finishedAt: status === "SUCCEEDED" || status === "FAILED" ? new Date("2026-01-01T00:00:01Z") : null,
  durationMs: 1000,
  nextAttemptAt: status === "RETRYING" ? new Date("2026-01-01T00:00:05Z") : null,
  ...extra,
});

describe("parseVersionSteps", () => {
  it("reads id, name and action, naming a step by its id when it has no name", () => {
    expect(parseVersionSteps([{ id: "a", name: "A", action: "x.y", mapping: {} }, { id: "b", action: "x.z" }, { name: "no id" }, null])).toEqual([
      { id: "a", name: "A", action: "x.y" },
      { id: "b", name: "b", action: "x.z" },
    ]);
    expect(parseVersionSteps({ not: "an array" })).toEqual([]);
  });
});

describe("buildRunTimeline", () => {
  it("lists every step of the version in order, the ones not reached as pending", () => {
    const timeline = buildRunTimeline(VERSION, [step("b", "RETRYING"), step("a", "SUCCEEDED")]);
    expect(timeline.map((s) => [s.stepId, s.status])).toEqual([
      ["a", "succeeded"],
      ["b", "retrying"],
      ["c", "pending"],
    ]);
    expect(timeline[0]).toMatchObject({ output: { out: "a" }, startedAt: "2026-01-01T00:00:00.000Z", finishedAt: "2026-01-01T00:00:01.000Z", attemptLog: [{ attempt: 1 }] });
    expect(timeline[1]).toMatchObject({ nextAttemptAt: "2026-01-01T00:00:05.000Z", finishedAt: null });
    expect(timeline[2]).toEqual({
      stepId: "c",
      name: "Notify",
      action: "webhook.send",
      status: "pending",
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
    });
  });

  it("keeps a recorded step the version does not have, at the end", () => {
    expect(buildRunTimeline(VERSION.slice(0, 1), [step("a", "SUCCEEDED"), step("z", "FAILED", { position: 1 })]).map((s) => s.stepId)).toEqual(["a", "z"]);
  });

  it("treats a malformed attempt log or error as empty", () => {
    const [first] = buildRunTimeline(VERSION, [step("a", "FAILED", { attemptLog: "nope", error: "boom" })]);
    expect(first).toMatchObject({ attemptLog: [], error: null });
  });
});

describe("succeededPrefix", () => {
  it("takes the succeeded steps up to the first one that did not succeed", () => {
    const recorded = [step("a", "SUCCEEDED"), step("b", "FAILED"), step("c", "SUCCEEDED")];
    expect(succeededPrefix(VERSION, recorded).map((s) => s.stepId)).toEqual(["a"]);
    expect(succeededPrefix(VERSION, [step("a", "SUCCEEDED"), step("b", "SUCCEEDED")]).map((s) => s.stepId)).toEqual(["a", "b"]);
    expect(succeededPrefix(VERSION, [step("a", "FAILED")])).toEqual([]);
    expect(succeededPrefix(VERSION, [])).toEqual([]);
  });

  it("stops where the chosen version changed a step's action or order", () => {
    const recorded = [step("a", "SUCCEEDED"), step("b", "SUCCEEDED"), step("c", "FAILED")];
    const changedAction = [VERSION[0]!, { ...VERSION[1]!, action: "netsuite.create_sales_order" }, VERSION[2]!];
    expect(succeededPrefix(changedAction, recorded).map((s) => s.stepId)).toEqual(["a"]);
    const inserted = [VERSION[0]!, { id: "new", name: "Enrich", action: "http.request" }, VERSION[1]!, VERSION[2]!];
    expect(succeededPrefix(inserted, recorded).map((s) => s.stepId)).toEqual(["a"]);
    expect(succeededPrefix([VERSION[1]!, VERSION[0]!], recorded).map((s) => s.stepId)).toEqual(["b", "a"]);
  });
});
