import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { applyMigrations } from "../db/migrate";
import { prepareJobQueue } from "../jobs/prepare-job-queue";

// One real PostgreSQL for the integration run, with a template database that has every
// migration applied; each test file then gets its own copy (see integration-setup.ts).

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

export const TEMPLATE_DATABASE = "ce_template";

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ce-it-"));
  chmodSync(dataDir, 0o755);
  const port = 55000 + Math.floor(Math.random() * 5000);
  const database = await startEmbeddedPostgres({ dataDir, port, password: "integration" });
  const serverUrl = database.url.replace(/\/[^/]+$/, "");
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await applyMigrations(`${serverUrl}/${TEMPLATE_DATABASE}`);
  await prepareJobQueue(`${serverUrl}/${TEMPLATE_DATABASE}`);
  project.provide("serverUrl", serverUrl);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
