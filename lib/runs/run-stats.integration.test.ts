import { describe, expect, it } from "vitest";
import { getRunStats } from "@/lib/runs/get-run-stats";
import { makeRun, makeRunSetup } from "@/lib/runs/testing";

describe("getRunStats", () => {
  it("counts the runs of each of the last 24 hours by outcome, and the success rate", async () => {
    // A fixed hour far from the other tests' runs (each test file has a database of its own).
    const now = new Date("2031-03-04T12:30:00Z");
    const setup = await makeRunSetup();
    const make = (status: "SUCCEEDED" | "FAILED" | "CANCELLED" | "RUNNING" | "QUEUED", iso: string) => makeRun(setup, { status, createdAt: new Date(iso) });
    await make("SUCCEEDED", "2031-03-04T12:05:00Z");
    await make("SUCCEEDED", "2031-03-04T12:29:59Z");
    await make("FAILED", "2031-03-04T12:10:00Z");
    await make("QUEUED", "2031-03-04T12:20:00Z");
    await make("CANCELLED", "2031-03-04T10:59:59.999Z");
    await make("SUCCEEDED", "2031-03-03T13:00:00Z"); // the first hour of the period
    await make("FAILED", "2031-03-03T12:59:59.999Z"); // before it
    await make("SUCCEEDED", "2031-03-04T13:00:00Z"); // after it

    const stats = await getRunStats({ now });
    expect(stats.hours).toHaveLength(24);
    expect(stats.hours[0]).toEqual({ hour: "2031-03-03T13:00:00.000Z", succeeded: 1, failed: 0, active: 0 });
    expect(stats.hours[21]).toEqual({ hour: "2031-03-04T10:00:00.000Z", succeeded: 0, failed: 1, active: 0 });
    expect(stats.hours[22]).toEqual({ hour: "2031-03-04T11:00:00.000Z", succeeded: 0, failed: 0, active: 0 });
    expect(stats.hours[23]).toEqual({ hour: "2031-03-04T12:00:00.000Z", succeeded: 2, failed: 1, active: 1 });
    expect(stats).toMatchObject({ succeeded: 3, failed: 2, cancelled: 1, active: 1, successRate: 0.6 });
  });

  it("has no success rate when no run finished", async () => {
    const stats = await getRunStats({ now: new Date("2040-01-01T00:00:00Z") });
    expect(stats).toMatchObject({ succeeded: 0, failed: 0, active: 0, successRate: null });
    expect(stats.hours.every((h) => h.succeeded + h.failed + h.active === 0)).toBe(true);
  });
});
