import "server-only";
import { db } from "@/lib/db";
import type { TRunStats } from "@/lib/runs/schemas";

type TRow = { hour: Date; succeeded: number; failed: number; cancelled: number; active: number };

/**
 * Runs created in each hour (UTC) of the last `hours` hours, the current one included, by
 * outcome so far, and the success rate of those that finished. Grouped in SQL over the
 * (createdAt) index; hours without runs are filled in with zeros.
 */
export async function getRunStats({ hours = 24, now = new Date() }: { hours?: number; now?: Date } = {}): Promise<TRunStats> {
  const rows = await db().$queryRaw<TRow[]>`
    WITH bounds AS (
      SELECT date_trunc('hour', ${now}::timestamptz, 'UTC') AS last_hour,
             date_trunc('hour', ${now}::timestamptz, 'UTC') - make_interval(hours => ${hours - 1}::int) AS first_hour
    ),
    hours AS (
      SELECT generate_series(first_hour, last_hour, interval '1 hour') AS hour FROM bounds
    ),
    counts AS (
      SELECT date_trunc('hour', r."createdAt", 'UTC') AS hour,
             count(*) FILTER (WHERE r.status = 'SUCCEEDED') AS succeeded,
             count(*) FILTER (WHERE r.status IN ('FAILED', 'CANCELLED')) AS failed,
             count(*) FILTER (WHERE r.status = 'CANCELLED') AS cancelled,
             count(*) FILTER (WHERE r.status IN ('QUEUED', 'RUNNING')) AS active
      FROM runs r, bounds b
      WHERE r."createdAt" >= b.first_hour AND r."createdAt" < b.last_hour + interval '1 hour'
      GROUP BY 1
    )
    SELECT h.hour,
           coalesce(c.succeeded, 0)::int AS succeeded,
           coalesce(c.failed, 0)::int AS failed,
           coalesce(c.cancelled, 0)::int AS cancelled,
           coalesce(c.active, 0)::int AS active
    FROM hours h LEFT JOIN counts c ON c.hour = h.hour
    ORDER BY h.hour`;
  const sum = (key: "succeeded" | "failed" | "cancelled" | "active") => rows.reduce((total, row) => total + row[key], 0);
  const succeeded = sum("succeeded");
  const failed = sum("failed");
  return {
    hours: rows.map((row) => ({ hour: row.hour.toISOString(), succeeded: row.succeeded, failed: row.failed, active: row.active })),
    succeeded,
    failed,
    cancelled: sum("cancelled"),
    active: sum("active"),
    successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
  };
}
