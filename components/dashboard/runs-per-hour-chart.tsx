import type { TRunStats } from "@/lib/runs/schemas";

// Runs per hour as stacked bars (succeeded below, failed above), drawn as plain SVG. Screen
// readers get a one-sentence summary (aria-label) and the numbers as a visually hidden table.

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 26, left: 36 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** The smallest of 1, 2, 5 × 10^k at or above n: a round top for the axis. */
export function niceCeil(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= n)!;
}

const hourLabel = (iso: string) => `${iso.slice(11, 16)}`;

export function summarizeRunStats(stats: TRunStats): string {
  const finished = stats.succeeded + stats.failed;
  const busiest = stats.hours.reduce<(typeof stats.hours)[number] | null>((best, h) => (h.succeeded + h.failed > (best ? best.succeeded + best.failed : 0) ? h : best), null);
  const parts = [`Runs per hour over the last ${stats.hours.length} hours (UTC): ${finished} finished, ${stats.succeeded} succeeded and ${stats.failed} failed`];
  if (busiest) parts.push(`the busiest hour was ${hourLabel(busiest.hour)} with ${busiest.succeeded + busiest.failed} runs`);
  if (stats.active > 0) parts.push(`${stats.active} still in progress`);
  return `${parts.join("; ")}.`;
}

export function RunsPerHourChart({ stats }: { stats: TRunStats }) {
  const top = niceCeil(Math.max(...stats.hours.map((h) => h.succeeded + h.failed), 0));
  const ticks = top % 2 === 0 ? [0, top / 2, top] : [0, top];
  const slot = PLOT_W / Math.max(stats.hours.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const height = (value: number) => (value / top) * PLOT_H;
  const baseline = PAD.top + PLOT_H;

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summarizeRunStats(stats)} className="h-auto w-full" data-testid="runs-per-hour-chart">
        {ticks.map((tick) => {
          const y = baseline - height(tick);
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="stroke-slate-200" strokeWidth={1} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" className="fill-slate-500 text-[11px]">{tick}</text>
            </g>
          );
        })}
        {stats.hours.map((h, i) => {
          const x = PAD.left + i * slot + (slot - barWidth) / 2;
          const succeeded = height(h.succeeded);
          const failed = height(h.failed);
          return (
            <g key={h.hour}>
              <title>{`${hourLabel(h.hour)} UTC: ${h.succeeded} succeeded, ${h.failed} failed${h.active ? `, ${h.active} in progress` : ""}`}</title>
              {/* A transparent full-height target, so the tooltip shows over empty hours too. */}
              <rect x={PAD.left + i * slot} y={PAD.top} width={slot} height={PLOT_H} fill="transparent" />
              {h.succeeded > 0 ? <rect x={x} y={baseline - succeeded} width={barWidth} height={succeeded} className="fill-green-600" /> : null}
              {h.failed > 0 ? <rect x={x} y={baseline - succeeded - failed} width={barWidth} height={failed} className="fill-red-500" /> : null}
              {i % 3 === 0 ? (
                <text x={PAD.left + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-500 text-[11px]">{hourLabel(h.hour)}</text>
              ) : null}
            </g>
          );
        })}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={baseline} y2={baseline} className="stroke-slate-400" strokeWidth={1} />
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-green-600" />Succeeded</span>
        <span className="flex items-center gap-1.5"><span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm bg-red-500" />Failed or cancelled</span>
        <span>Hours in UTC, by when the run started.</span>
      </figcaption>
      <table className="sr-only">
        <caption>Runs per hour, last {stats.hours.length} hours (UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Hour (UTC)</th>
            <th scope="col">Succeeded</th>
            <th scope="col">Failed or cancelled</th>
            <th scope="col">In progress</th>
          </tr>
        </thead>
        <tbody>
          {stats.hours.map((h) => (
            <tr key={h.hour}>
              <th scope="row">{h.hour.slice(0, 16).replace("T", " ")}</th>
              <td>{h.succeeded}</td>
              <td>{h.failed}</td>
              <td>{h.active}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
