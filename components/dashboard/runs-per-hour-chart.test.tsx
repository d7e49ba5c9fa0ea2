import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TRunStats } from "@/lib/runs/schemas";
import { niceCeil, RunsPerHourChart, summarizeRunStats } from "./runs-per-hour-chart";

function statsWith(counts: Record<number, [number, number]>, active = 0): TRunStats {
  const hours = Array.from({ length: 24 }, (_, i) => {
    const [succeeded, failed] = counts[i] ?? [0, 0];
    return { hour: new Date(Date.UTC(2026, 0, 15, i)).toISOString(), succeeded, failed, active: 0 };
  });
  const succeeded = hours.reduce((n, h) => n + h.succeeded, 0);
  const failed = hours.reduce((n, h) => n + h.failed, 0);
  return { hours, succeeded, failed, cancelled: 0, active, successRate: succeeded + failed ? succeeded / (succeeded + failed) : null };
}

describe("RunsPerHourChart", () => {
  it("summarizes the period for screen readers and lists every hour in a hidden table", () => {
    const stats = statsWith({ 9: [12, 1], 14: [20, 10] }, 2);
    expect(summarizeRunStats(stats)).toBe(
      "Runs per hour over the last 24 hours (UTC): 43 finished, 32 succeeded and 11 failed; the busiest hour was 14:00 with 30 runs; 2 still in progress.",
    );
    const html = renderToStaticMarkup(<RunsPerHourChart stats={stats} />);
    expect(html).toContain(`role="img" aria-label="${summarizeRunStats(stats)}"`);
    expect(html.match(/<tr>/g)).toHaveLength(25); // header + 24 hours
    expect(html).toContain("<th scope=\"row\">2026-01-15 14:00</th><td>20</td><td>10</td><td>0</td>");
    // One green and one red bar per hour with runs of that outcome.
    expect(html.match(/fill-green-600/g)).toHaveLength(2);
    expect(html.match(/fill-red-500/g)).toHaveLength(2);
  });

  it("draws an empty day without bars", () => {
    const html = renderToStaticMarkup(<RunsPerHourChart stats={statsWith({})} />);
    expect(html).not.toContain("fill-green-600");
    expect(summarizeRunStats(statsWith({}))).toBe("Runs per hour over the last 24 hours (UTC): 0 finished, 0 succeeded and 0 failed.");
  });

  it.each([[0, 1], [1, 1], [3, 5], [7, 10], [30, 50], [101, 200]])("rounds an axis top of %s up to %s", (n, top) => {
    expect(niceCeil(n)).toBe(top);
  });
});
