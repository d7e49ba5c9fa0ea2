import { randomBytes } from "node:crypto";
import pg from "pg";

const TEMPLATE_DATABASE = "ce_template";

/** Creates an empty database, or a migrated one copied from the template. Returns its URL. */
export async function createTestDatabase(serverUrl: string, { migrated = true } = {}) {
  const name = `ce_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${migrated ? ` TEMPLATE ${TEMPLATE_DATABASE}` : ""}`);
  } finally {
    await admin.end();
  }
  return `${serverUrl}/${name}`;
}
