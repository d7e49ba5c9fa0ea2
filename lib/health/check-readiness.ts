import "server-only";
import { db } from "@/lib/db";
import { pendingMigrationNames } from "@/lib/db/migrate";
import { env } from "@/lib/env";

export type TReadiness = {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; worker: boolean };
  message?: string;
};


export async function checkReadiness(): Promise<TReadiness> {
  const checks = { database: false, migrations: false, worker: false };
  try {
    await db().$queryRaw`SELECT 1`;
    checks.database = true;
  } catch {
    return { ready: false, checks, message: "The database is unreachable." };
  }
  const pending = await db()
    .$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    .then((rows) => pendingMigrationNames(rows.map((r) => r.migration_name)))
    .catch(() => ["(unknown)"]);
  checks.migrations = pending.length === 0;
  // A worker counts as running until the others would consider it lost.
  const since = new Date(Date.now() - env().WORKER_LOST_AFTER_SECONDS * 1000);
  checks.worker = (await db().workerHeartbeat.count({ where: { beatAt: { gte: since } } })) > 0;
  const ready = checks.database && checks.migrations && checks.worker;
  const message = ready
    ? undefined
    : !checks.migrations
      ? `Migrations not applied: ${pending.join(", ")}.`
      : `No job worker has reported in the last ${env().WORKER_LOST_AFTER_SECONDS} seconds.`;
  return { ready, checks, message };
}
