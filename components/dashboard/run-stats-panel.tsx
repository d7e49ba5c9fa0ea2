import Link from "next/link";
import type { TRunStats } from "@/lib/runs/schemas";
import { RunsPerHourChart } from "@/components/dashboard/runs-per-hour-chart";

/** The dashboard's last-24-hours view of runs: counts, the success rate and runs per hour. */
export function RunStatsPanel({ stats, since }: { stats: TRunStats; since: string }) {
  const finished = stats.succeeded + stats.failed;
  const runsSince = (status?: string) => `/runs?${new URLSearchParams({ ...(status ? { status } : {}), since })}`;
  const cards = [
    { label: "Runs", value: String(finished + stats.active), note: "started in the last 24 hours", href: runsSince() },
    {
      label: "Success rate",
      value: stats.successRate === null ? "—" : `${(Math.floor(stats.successRate * 1000) / 10).toFixed(1)}%`,
      note: finished === 0 ? "no run finished yet" : `${stats.succeeded} of ${finished} finished runs succeeded`,
    },
    {
      label: "Failed",
      value: String(stats.failed - stats.cancelled),
      note: stats.cancelled > 0 ? `and ${stats.cancelled} cancelled` : "and none cancelled",
      href: runsSince("FAILED"),
    },
    { label: "In progress", value: String(stats.active), note: "queued or running", href: runsSince("RUNNING") },
  ];
  return (
    <section aria-labelledby="run-stats" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="run-stats" className="text-base font-semibold">Runs in the last 24 hours</h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((card) => (
          <div key={card.label} className="rounded-md border border-slate-200 p-4">
            <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{card.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`run-stat-${card.label.toLowerCase().replace(/\W+/g, "-")}`}>
              {card.href ? <Link href={card.href} className="hover:text-brand-700 hover:underline">{card.value}</Link> : card.value}
            </dd>
            <dd className="text-xs text-slate-600">{card.note}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6">
        <RunsPerHourChart stats={stats} />
      </div>
    </section>
  );
}
