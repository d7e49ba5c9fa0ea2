// npm start: one process that serves the app, runs jobs and, without DATABASE_URL, its own
// PostgreSQL. Order: config -> build if needed -> database -> migrations -> seed -> worker -> HTTP.
import "../lib/boot/server-only-shim";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { ConfigError } from "../lib/env";
import { logger } from "../lib/logger";
import { prepareRuntime } from "../lib/boot/prepare-runtime";
import { ensureBuild } from "../lib/boot/ensure-build";
import { applyMigrations } from "../lib/db/migrate";
import { prepareJobQueue } from "../lib/jobs/prepare-job-queue";
import { seed } from "../lib/seed/seed";
import { startWorker, type TWorker } from "../lib/jobs/start-worker";
import { disconnectDb } from "../lib/db";
import { startFakeNetSuite, DEMO_NETSUITE_ACCOUNT } from "../lib/demo/fake-netsuite";


const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

async function main() {
  const log = logger();
  await ensureBuild({ log });
  const runtime = await prepareRuntime({ log, allowEmbedded: true });
  const { applied } = await applyMigrations(runtime.databaseUrl);
  if (applied.length) log.info({ applied }, "applied database migrations");
  await prepareJobQueue(runtime.databaseUrl);
  // The demo's stand-in for NetSuite (loopback only), so the seeded workflow has somewhere real
  // to create invoices. DEMO_NETSUITE_PORT=0 turns it off.
  let fakeNetSuite: Awaited<ReturnType<typeof startFakeNetSuite>> | undefined;
  if (runtime.env.DEMO_NETSUITE_PORT > 0) {
    fakeNetSuite = await startFakeNetSuite({
      port: runtime.env.DEMO_NETSUITE_PORT,
      accounts: [DEMO_NETSUITE_ACCOUNT],
      file: path.join(runtime.env.DATA_DIR, "fake-netsuite-invoices.json"),
    }).catch((error: Error) => {
      log.warn({ err: error }, `the demo's fake NetSuite could not start on port ${runtime.env.DEMO_NETSUITE_PORT}; the demo workflow will fail until it runs`);
      return undefined;
    });
    if (fakeNetSuite) log.info({ url: fakeNetSuite.url }, "demo fake NetSuite listening (DEMO_NETSUITE_PORT=0 turns it off)");
  }
  await seed({
    adminEmail: runtime.env.ADMIN_EMAIL,
    adminPassword: runtime.env.ADMIN_PASSWORD,
    demoApiKey: runtime.env.DEMO_API_KEY,
    demoNetSuiteUrl: runtime.env.DEMO_NETSUITE_PORT > 0 ? `http://127.0.0.1:${runtime.env.DEMO_NETSUITE_PORT}` : undefined,
    log,
  });

  let worker: TWorker | undefined;
  if (runtime.env.WORKER_MODE === "embedded") {
    worker = await startWorker({
      databaseUrl: runtime.databaseUrl,
      concurrency: runtime.env.WORKER_CONCURRENCY,
      lostAfterSeconds: runtime.env.WORKER_LOST_AFTER_SECONDS,
      log: log.child({ component: "worker" }),
    });
  }

  const app = next({ dev: false, dir: process.cwd(), hostname: runtime.env.HOST, port: runtime.env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Loaded after prepare(): Next's modules expect the runtime that prepare() sets up.
  const { serveWebHandler } = await import("../lib/http/serve-web-handler");
  const { POST: runEvent } = await import("../app/run/event/route");

  const server = createServer((req, res) => {
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const url = req.url ?? "";
      if (url.startsWith("/_next/static")) return;
      log.info(
        {
          reqId: requestId,
          method: req.method,
          path: url.split("?")[0],
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        "request",
      );
    });
    const served =
      req.method === "POST" && (req.url === "/run/event" || req.url?.startsWith("/run/event?"))
        ? serveWebHandler(runEvent, req, res)
        : handle(req, res);
    served.catch((error: unknown) => {
      log.error({ reqId: requestId, err: error }, "unhandled request error");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ message: "Internal error. Quote this request id to support.", code: "internal", requestId }));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${runtime.env.PORT} is in use; set PORT to a free port.`) : error),
    );
    server.listen(runtime.env.PORT, runtime.env.HOST, resolve);
  }).catch(async (error) => {
    await worker?.stop();
    await runtime.embedded?.stop();
    throw error;
  });
  log.info({ url: `http://localhost:${runtime.env.PORT}`, worker: runtime.env.WORKER_MODE }, "Custom Events is ready");

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down: no new requests, draining jobs");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await worker?.stop();
    await closed;
    await fakeNetSuite?.close();
    await app.close().catch(() => undefined);
    await disconnectDb();
    await runtime.embedded?.stop();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    logger().fatal({ err: error }, error instanceof Error ? error.message : "start failed");
  }
  process.exit(1);
});

