import { runMigrations } from "graphile-worker";

// The job queue's own tables (schema graphile_worker). The API enqueues runs in the same
// statement that stores an event, so the queue must exist before the first request even
// when no worker runs in this process (WORKER_MODE=off).
export async function prepareJobQueue(databaseUrl: string) {
  await runMigrations({ connectionString: databaseUrl, logger: undefined });
}
