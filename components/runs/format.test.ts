import { describe, expect, it } from "vitest";
import { elapsedMs, formatDuration, formatTimestamp } from "./format";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [-5, "—"],
    [0, "0 ms"],
    [340, "340 ms"],
    [1_000, "1.0 s"],
    [12_345, "12.3 s"],
    [59_999, "59.9 s"],
    [252_000, "4 min 12 s"],
    [7_500_000, "2 h 5 min"],
  ])("%s ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("elapsedMs / formatTimestamp", () => {
  it("measures to the end, or to now while running", () => {
    expect(elapsedMs("2026-01-01T00:00:00Z", "2026-01-01T00:00:02Z", 0)).toBe(2_000);
    expect(elapsedMs("2026-01-01T00:00:00Z", null, Date.parse("2026-01-01T00:00:05Z"))).toBe(5_000);
    expect(elapsedMs(null, null, 0)).toBeNull();
    expect(formatTimestamp("2026-01-15T10:00:31.870Z")).toBe("2026-01-15 10:00:31 UTC");
  });
});
