// npm run worker: a standalone job worker against DATABASE_URL. Run as many as you like, on as
// many machines as you like; SIGTERM lets in-flight jobs finish before exiting.
import "../lib/boot/server-only-shim";
import { ConfigError } from "../lib/env";
import { logger } from "../lib/logger";
import { prepareRuntime } from "../lib/boot/prepare-runtime";
import { applyMigrations } from "../lib/db/migrate";
import { startWorker } from "../lib/jobs/start-worker";

async function main() {
  const log = logger().child({ component: "worker" });
  const runtime = await prepareRuntime({ log, allowEmbedded: false });
  await applyMigrations(runtime.databaseUrl);
  const worker = await startWorker({
    databaseUrl: runtime.databaseUrl,
    concurrency: runtime.env.WORKER_CONCURRENCY,
      lostAfterSeconds: runtime.env.WORKER_LOST_AFTER_SECONDS,
    log,
  });
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await worker.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else logger().fatal({ err: error }, error instanceof Error ? error.message : "worker failed");
  process.exit(1);
});
