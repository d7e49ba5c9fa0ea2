import { afterAll, inject } from "vitest";
import { disconnectDb } from "../db";
import { setDerivedEnv } from "../env";
import { createTestDatabase } from "./test-database";

// Each integration test file gets a database of its own, migrated, so files can run in
// parallel and count rows without seeing each other's data.
const databaseUrl = await createTestDatabase(inject("serverUrl"));
setDerivedEnv({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: "silent",
  AUTH_SECRET: "integration-tests-secret-0123456789abcdef",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
});

afterAll(async () => {
  await disconnectDb();
});
